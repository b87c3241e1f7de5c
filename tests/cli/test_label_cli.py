"""``likeness label [stats | export]`` and ``likeness serve labeler``, embedded and remote.

The interactive loop is driven through typer's CliRunner with its input on stdin; the model
behind it is the deterministic proposer (``labeling.embedded_proposer`` replaced for the test,
which otherwise starts the inference service in-process).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from likeness.cli.commands import labeling
from likeness.cli.main import app
from likeness.core.auth import create_api_key
from likeness.core.db.models import Judgment
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings, get_settings
from likeness.labeler.decisions import submit
from likeness.labeler.export import export_lines
from likeness.labeler.progress import label_progress
from likeness.labeler.server import make_labeler_server
from likeness.labeler.tasks import next_task
from likeness.labeler.types import Action, Decision

POSTS = [
    "RT @ferry: boat cancelled again",
    "Fog. Couldn't see the lamp!!!",
    "@harbourmaster w/ the new rope",
    "Bread came out flat.",
    "THE GULLS ARE BACK.",
    "Stars tonight, finally.",
]


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, engine: Engine
) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_LABEL_PREFETCH", "1")
    for name in ("LIKENESS_LABELER_ADDR", "LIKENESS_INFERENCE_ADDR", "LIKENESS_INGEST_ADDR"):
        monkeypatch.delenv(name, raising=False)
    proposer = FakeProposer()

    @contextmanager
    def fake_proposer(settings: Settings, db: Engine) -> Iterator[FakeProposer]:
        yield proposer

    monkeypatch.setattr(labeling, "embedded_proposer", fake_proposer)
    corpus = make_persona(engine, "mags")
    for day, text in enumerate(POSTS):
        corpus.add(text, day=day * 50)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def invoke(cli: CliRunner, *args: str, input: str | None = None, code: int = 0) -> str:
    result = cli.invoke(app, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else " ".join(result.stderr.split())


def decisions(engine: Engine) -> list[tuple[str, str, bool]]:
    with Session(engine) as session:
        rows = session.scalars(select(Judgment).order_by(Judgment.created_at)).all()
        return [(j.action, j.chosen, j.undone_at is not None) for j in rows]


def label_some(engine: Engine, count: int) -> None:
    proposer = FakeProposer()
    for number in range(count):
        task = next_task(engine, proposer, "mags", "ann", n=4)
        if number % 2:
            text = task.proposals[0].text + " (edited)"
            submit(engine, Decision(task.task_id, "ann", Action.EDIT, proposal_index=0, text=text))
        else:
            submit(engine, Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=1))


def test_the_loop_stores_every_decision_as_it_is_made(cli: CliRunner, engine: Engine) -> None:
    keys = [
        "1 # the RT was kept",  # accept proposal 1, with a comment
        "e 2",  # edit proposal 2 ...
        "Edited by hand.",  # ... into this (the prompt is prefilled with the proposal)
        "w My own words. #sea",  # write my own (a hashtag is not a comment)
        "9",  # no such proposal: asked again
        "what",  # not understood: asked again
        "r",  # reject all
        "u",  # undo the reject: the same post comes back
        "s",  # skip it
        "q",
    ]
    result = cli.invoke(
        app, ["label", "--persona", "mags", "--annotator", "ann"], input="\n".join(keys)
    )
    assert result.exit_code == 0, result.output
    output = result.stdout
    assert output.count("stored (") == 5
    assert "not understood: '9'" in result.stderr and "not understood: 'what'" in result.stderr
    found = decisions(engine)
    assert [(action, undone) for action, _, undone in found] == [
        ("accept", False),
        ("edit", False),
        ("own", False),
        ("reject", True),
        ("skip", False),
    ]
    assert found[1][1] == "Edited by hand." and found[2][1] == "My own words. #sea"
    assert "5 decision(s) stored this session" in output
    with Session(engine) as session:
        comments = dict(session.execute(select(Judgment.action, Judgment.comment)).all())
    assert comments.pop("accept") == "the RT was kept" and not any(comments.values())


def test_the_loop_ends_cleanly_when_input_ends_and_resumes_next_time(
    cli: CliRunner, engine: Engine
) -> None:
    first = invoke(cli, "label", "--persona", "mags", "--annotator", "ann", input="1\n")
    assert "1 decision(s) stored" in first
    # The task shown when the input ended is still the annotator's: shown again, resumed.
    again = invoke(cli, "label", "--persona", "mags", "--annotator", "ann", input="q\n")
    assert "resumed" in again
    assert [a for a, _, _ in decisions(engine)] == ["accept"]


def test_the_loop_says_when_there_is_nothing_to_label(cli: CliRunner, engine: Engine) -> None:
    make_persona(engine, "empty")
    output = invoke(cli, "label", "--persona", "empty", input="q\n")
    assert "nothing to label" in output


def test_stats_and_export_embedded(cli: CliRunner, engine: Engine, tmp_path: Path) -> None:
    label_some(engine, 4)
    stats = json.loads(invoke(cli, "label", "stats", "--persona", "mags", "--json"))
    assert stats["labeled"] == 4 and stats["by_action"] == {"accept": 2, "edit": 2}
    assert stats["remaining"] == label_progress(engine, "mags").remaining
    assert "labeled" in invoke(cli, "label", "stats", "--persona", "mags")

    for kind, fmt, full in (
        ("sft", "trl", "normalizer-sft"),
        ("prefs", "openai", "normalizer-prefs"),
    ):
        out = tmp_path / f"{kind}.{fmt}.jsonl"
        said = invoke(
            cli, "label", "export", "--persona", "mags", "--kind", kind, "--format", fmt,
            "--out", str(out),
        )  # fmt: skip
        total, lines = export_lines(engine, "mags", full, fmt, None)
        assert out.read_text("utf-8") == "".join(lines)  # byte for byte
        assert f"wrote {total:,} {kind} rows" in said
        assert all(json.loads(line) for line in out.read_text("utf-8").splitlines())


def test_export_refusals_are_one_line(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    said = invoke(cli, "label", "export", "--persona", "mags", "--out", str(out), code=2)
    assert "label some posts first" in said and not out.exists()  # nothing labeled yet
    said = invoke(cli, "label", "export", "-p", "mags", "--kind", "dpo", "--out", str(out), code=2)
    assert "--kind must be one of: sft, prefs" in said
    assert "no persona" in invoke(cli, "label", "stats", "--persona", "nobody", code=2)


def test_stats_export_and_loop_through_a_labeler_service(
    cli: CliRunner, engine: Engine, tmp_path: Path
) -> None:
    label_some(engine, 2)
    settings = Settings(data_dir=tmp_path / "data", label_prefetch=0)
    server, port = make_labeler_server(settings, engine, FakeProposer(), host="127.0.0.1", port=0)
    server.start()
    addr = f"127.0.0.1:{port}"
    try:
        remote = json.loads(invoke(cli, "label", "stats", "-p", "mags", "--server", addr, "--json"))
        local = json.loads(invoke(cli, "label", "stats", "-p", "mags", "--json"))
        assert remote == local
        out = tmp_path / "remote.jsonl"
        invoke(cli, "label", "export", "-p", "mags", "--server", addr, "--out", str(out))
        assert out.read_text("utf-8") == "".join(
            export_lines(engine, "mags", "normalizer-sft", "trl", None)[1]
        )
        output = invoke(
            cli, "label", "-p", "mags", "--annotator", "bob", "--server", addr, input="w Mine.\nq\n"
        )
        assert "stored" in output
        assert ("own", "Mine.", False) in decisions(engine)
    finally:
        stop_server(server, grace_s=1)


def test_serve_labeler_needs_an_inference_service(cli: CliRunner) -> None:
    said = invoke(cli, "serve", "labeler", "--port", "0", code=2)
    assert "--inference HOST:PORT" in said and "LIKENESS_INFERENCE_ADDR" in said


@pytest.mark.parametrize("stored_key", [False, True], ids=["no-keys", "keys-exist"])
def test_the_loop_embedded_asks_the_in_process_inference_service(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    db_url: str,
    engine: Engine,
    tiny_model_dir: Path,
    stored_key: bool,
) -> None:
    """No test double: the tiny model on the transformers engine, served over loopback gRPC;
    once API keys exist, the in-process server still answers without LIKENESS_API_KEY."""
    if stored_key:
        create_api_key(engine, "laptop")
    monkeypatch.delenv("LIKENESS_API_KEY", raising=False)
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_MODEL", str(tiny_model_dir))
    monkeypatch.setenv("LIKENESS_ENGINE", "transformers")
    monkeypatch.setenv("LIKENESS_LABEL_PREFETCH", "0")
    monkeypatch.setenv("LIKENESS_LABEL_PROPOSALS", "2")
    for name in ("LIKENESS_LABELER_ADDR", "LIKENESS_INFERENCE_ADDR"):
        monkeypatch.delenv(name, raising=False)
    make_persona(engine, "mags").add("Fog again. Couldn't see the lamp!!!", day=1)
    get_settings.cache_clear()
    try:
        output = invoke(CliRunner(), "label", "-p", "mags", "--annotator", "ann", input="w Fog.\n")
    finally:
        get_settings.cache_clear()
    assert "Fog again." in output and "stored (own" in output
    with Session(engine) as session:
        stored = session.scalars(select(Judgment)).one()
    assert (stored.action, stored.chosen) == ("own", "Fog.")
    assert stored.prompt_version.startswith("normalizer-v")
