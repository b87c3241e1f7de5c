"""Export a persona's labels as training rows, through the trainer's own row builders.

    total, lines = export_lines(db, "alice", "normalizer-prefs", "openai", split="train")
    Path("alice.prefs.jsonl").write_text("".join(lines))

One code path, not a second exporter: the rows come from ``likeness.core.normalizer_rows``
(what the trainer's ``normalizer-sft`` / ``normalizer-prefs`` datasets are built from) and are
written by ``likeness.core.dataset_formats``, after the posts get their split by
``likeness.core.split`` exactly as before a training build. So an export's lines are the
lines of the trainer's dataset files for the same labels:

- ``likeness``: the rows with their ``meta`` (post id, date, judgment id, prompt version and,
  for a preference pair, its ``weight``): ``train.jsonl`` / ``heldout.jsonl``;
- ``trl``: the rows without ``meta``, as TRL reads them: ``*.trl.jsonl``;
- ``openai``: OpenAI fine-tuning JSONL, supervised (``messages``) or DPO (``input``,
  ``preferred_output``, ``non_preferred_output``): ``*.openai.jsonl``.

Which judgments yield rows and pairs is said in ``likeness.core.normalizer_rows``. Kind
``arena-prefs`` is the persona's blind-arena votes as preference rows (``likeness.core.
arena_rows``: the persona chat prompt, the winner's text chosen, the loser's rejected), through
the same formats.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal, get_args

from sqlalchemy import Engine

from likeness.core.arena_rows import arena_pref_rows
from likeness.core.dataset_formats import json_lines, openai_row, trl_row
from likeness.core.dataset_rows import EmptyDataset, PersonaInfo, SplitRows, load_persona
from likeness.core.normalizer_rows import normalizer_pref_rows, normalizer_sft_rows
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.split import DEFAULT_HELDOUT_FRACTION, HELDOUT, TRAIN, assign_split

ExportKind = Literal["normalizer-sft", "normalizer-prefs", "arena-prefs"]
ExportFormat = Literal["trl", "openai", "likeness"]
Row = dict[str, Any]

BUILDERS: dict[str, Callable[[Engine, PersonaInfo, str], SplitRows]] = {
    "normalizer-sft": normalizer_sft_rows,
    "normalizer-prefs": normalizer_pref_rows,
    "arena-prefs": arena_pref_rows,
}
FORMATS: dict[str, Callable[[Row], Row]] = {
    "likeness": lambda row: row,
    "trl": trl_row,
    "openai": openai_row,
}
SPLITS = {"": (TRAIN, HELDOUT), TRAIN: (TRAIN,), HELDOUT: (HELDOUT,)}


def _one_of(name: str, value: str, known: Sequence[str]) -> None:
    if value not in known:
        choices = " | ".join(repr(k) for k in known)
        raise ValueError(f"unknown export {name} {value!r}; one of {choices}")


def export_lines(
    db: Engine,
    persona: str,
    kind: str,
    fmt: str,
    split: str | None = "",
    *,
    heldout_fraction: float = DEFAULT_HELDOUT_FRACTION,
    prompt_version: str = NORMALIZER_PROMPT_VERSION,
) -> tuple[int, Iterator[str]]:
    """(number of rows, their JSONL lines) of the persona's ``kind`` rows in format ``fmt``,
    of split ``split`` (``train``, ``heldout``, or ""/None for both, train first).

    Posts without a split get one first, as a training build gives them (``heldout_fraction``
    only matters for a persona none of whose posts has a split yet). The rows are built
    before this returns, so every error comes from the call itself: PersonaNotFound,
    ValueError for an unknown kind, format, split or prompt version, and EmptyDataset (a
    ValueError) when there is nothing to export, with the reason.
    """
    split = split or ""
    _one_of("kind", kind, get_args(ExportKind))
    _one_of("format", fmt, get_args(ExportFormat))
    _one_of("split", split, list(SPLITS))
    info = load_persona(db, persona)
    assign_split(db, info.slug, heldout_fraction)
    built = BUILDERS[kind](db, info, prompt_version)
    by_split = {TRAIN: built.train, HELDOUT: built.heldout}
    rows = [row for name in SPLITS[split] for row in by_split[name]]
    if not rows:
        other = HELDOUT if split == TRAIN else TRAIN
        raise EmptyDataset(
            f"no {split} rows of {kind} for persona {persona!r}: all "
            f"{len(by_split[other])} come from {other} posts; export split {other!r} or ''"
        )
    convert = FORMATS[fmt]
    return len(rows), json_lines(convert(row) for row in rows)
