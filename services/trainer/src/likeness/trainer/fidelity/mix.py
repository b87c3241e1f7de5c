"""The report card of a mix persona (``likeness.core.mix``: one voice mixed from two or more
authors' corpora).

    judged = judge_mix(data, negatives, heldout_negatives, seed=0)
    judged.attributed(texts)       # share read as any source: attribution_tuned, the gate's
    judged.metrics(tuned=..., base=..., real=...)   # attribution_<model>_<source>, ...

The style judge gets one class per source plus "other" (other personas that are not in the mix,
and the base model's posts for training requests): a source's training posts are the rows
whose ``meta.source`` names it. Its accuracy is the balanced accuracy over the held-out posts of
each source (each must be read as its own source, not only as "some source") and the held-out
negatives; ``judge_accuracy_<source>`` is its recall on that source's held-out posts. A
generation counts for the persona when the judge reads it as any of the sources
(``attribution_tuned``, so the serving gate works unchanged), and ``attribution_tuned_<source>``
/ ``attribution_base_<source>`` / ``attribution_real_<source>`` say how the posts split between
the sources (the model name first, so no slug can collide with the card's other keys).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the judge's scikit-learn is loaded only when a mix is judged
    from likeness.trainer.fidelity.card import ReportCard
    from likeness.trainer.fidelity.data import EvaluationData, HeldoutPost
    from likeness.trainer.fidelity.judge import StyleJudge

OTHER = "other"
#: Training posts the judge learns each source from, at most (a seeded sample).
MAX_SOURCE_POSITIVES = 3000


def round_robin(posts: Sequence[HeldoutPost]) -> list[HeldoutPost]:
    """``posts`` (already shuffled) taken one source at a time in turn, so the first N of them
    ask about every source's topics alike whatever each source's share of held-out posts."""
    queues: dict[str, list[HeldoutPost]] = {}
    for post in posts:
        queues.setdefault(post.source, []).append(post)
    ordered: list[HeldoutPost] = []
    for turn in range(max((len(q) for q in queues.values()), default=0)):
        ordered.extend(queue[turn] for queue in queues.values() if turn < len(queue))
    return ordered


@dataclass(frozen=True, slots=True)
class MixJudge:
    judge: StyleJudge
    sources: tuple[str, ...]
    accuracy: float
    recalls: dict[str, float]  # per source: its held-out posts read as that source

    def attributed(self, texts: Sequence[str]) -> float:
        """Share of ``texts`` the judge reads as any of the sources (0.0 for no texts)."""
        if not texts:
            return 0.0
        return sum(label in self.sources for label in self.judge.predict(texts)) / len(texts)

    def split(self, texts: Sequence[str]) -> dict[str, float]:
        """Share of ``texts`` read as each source, and as "other"."""
        return {label: self.judge.attribution(texts, label) for label in (*self.sources, OTHER)}

    def metrics(self, **texts: Sequence[str]) -> dict[str, Any]:
        """``attribution_<name>_<source>`` for each named set of texts (tuned, base, real),
        ``judge_accuracy_<source>``, and ``mix_sources`` (how many)."""
        figures: dict[str, Any] = {"mix_sources": len(self.sources)}
        for source, recall in self.recalls.items():
            figures[f"judge_accuracy_{source}"] = recall
        for name, judged in texts.items():
            for source, share in self.split(judged).items():
                if source != OTHER:
                    figures[f"attribution_{name}_{source}"] = share
        return figures


def judge_mix(
    data: EvaluationData,
    negatives: Sequence[str],
    heldout_negatives: Sequence[str],
    *,
    seed: int = 0,
) -> MixJudge:
    """The mix's judge (see the module docstring): one class per source of ``data.mix`` from
    its training posts, plus "other" from ``negatives``; measured on each source's held-out
    posts and ``heldout_negatives``."""
    from likeness.trainer.fidelity.judge import train_judge

    rng = random.Random(seed)
    pairs = list(zip(data.train_texts, data.train_sources, strict=True))
    samples: dict[str, Sequence[str]] = {}
    for source in data.mix:
        texts = [text for text, of in pairs if of == source]
        samples[source] = rng.sample(texts, min(MAX_SOURCE_POSITIVES, len(texts)))
    judge = train_judge({**samples, OTHER: list(negatives)}, seed=seed)
    heldout = {source: [p.text for p in data.heldout if p.source == source] for source in data.mix}
    accuracy = judge.accuracy({**heldout, OTHER: list(heldout_negatives)})
    recalls = {
        source: judge.attribution(texts, source) for source, texts in heldout.items() if texts
    }
    return MixJudge(judge, tuple(data.mix), accuracy, recalls)


def mix_lines(card: ReportCard) -> list[str]:
    """The card's markdown line on how the posts split between the sources (none for a
    persona of its own)."""
    if not card.mix:
        return []
    m = card.metrics
    sources = card.mix

    def split(name: str) -> str:
        shares = [m.get(f"attribution_{name}_{s}") for s in sources]
        if any(share is None for share in shares):
            return "—"
        other = max(0.0, 1.0 - sum(float(share) for share in shares))  # type: ignore[arg-type]
        parts = [f"{s} {100 * float(v):.0f}%" for s, v in zip(sources, shares, strict=True)]
        return ", ".join([*parts, f"other {100 * other:.0f}%"])

    who = "base" if card.against_is_base else f"model {card.against[:8]}"
    return [
        f"**Mix of {' + '.join(sources)}** (the judge has one class per source plus 'other'; "
        "attributed to the persona = read as any source): the tuned model's posts read as "
        f"{split('tuned')}; the {who}'s as {split('base')}; the authors' held-out posts as "
        f"{split('real')}.",
        "",
    ]
