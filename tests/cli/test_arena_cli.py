"""``likeness arena [stats | export]``: pairs queued by a tiny persona model, embedded and on a
running trainer service; the stats and the preference rows of the votes, embedded and on a
running labeler service."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from arena_pairs import model_side, set_votes
from cli_env import embedded_cli_env
from label_fakes import FakeProposer
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from tiny_persona import tiny_settings, train_tiny_persona
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.db.models import Comparison
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings, get_settings
from likeness.labeler.server import make_labeler_server
from likeness.trainer.server import make_trainer_server, start_workers

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return tiny_settings(tmp_path, db_url, tiny_model_dir).model_copy(update={"label_prefetch": 0})


@pytest.fixture
def model_id(engine: Engine, settings: Settings, tmp_path: Path) -> str:
    return train_tiny_persona(engine, settings, tmp_path)


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, db_url: str, tiny_model_dir: Path
) -> Iterator[CliRunner]:
    embedded_cli_env(monkeypatch, settings.data_dir, db_url, tiny_model_dir)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == 2, result.output
    return " ".join(result.stderr.split())


def pairs(engine: Engine) -> list[Comparison]:
    with Session(engine) as session:
        return list(session.scalars(select(Comparison).order_by(Comparison.created_at)))


def test_queue_vote_stats_and_export_embedded(
    cli: CliRunner, engine: Engine, model_id: str, tmp_path: Path
) -> None:
    out = run(cli, "arena", "-p", "mags", "--against", "real", "--pairs", "2", "--seed", "1")
    assert "queued 2 pair(s) for mags" in out and "the author's real posts" in out
    queued = json.loads(
        run(cli, "arena", "-p", "mags", "--against", "base", "--model", model_id[:8], "--json")
    )
    assert queued["model_id"] == model_id and queued["against"] == "base"
    assert queued["pairs"] == 3  # the run held out 3 posts; --pairs 20 takes what there is
    stored = pairs(engine)
    assert len(stored) == 5 and all(p.model_id == model_id for p in stored)

    assert "no arena pairs" not in run(cli, "arena", "stats", "-p", "mags")
    real = [p for p in stored if p.opponent == "real"]
    set_votes(engine, {real[0].id: model_side(engine, real[0].id), real[1].id: "both_bad"})
    table = " ".join(run(cli, "arena", "stats", "-p", "mags").replace("│", " ").split())
    assert "2 voted, 3 waiting" in table
    assert f"{model_id[:12]} real 1-0-0 1 0 100% (21%–100%)" in table
    stats = json.loads(run(cli, "arena", "stats", "-p", "mags", "--json"))
    [vs_base, vs_real] = stats["matchups"]
    assert (vs_real["opponent"], vs_real["wins"], vs_real["both_bad"]) == ("real", 1, 1)
    assert (vs_base["opponent"], vs_base["pending"]) == ("base", 3)
    assert stats["voted"] == 2 and stats["pending"] == 3

    path = tmp_path / "arena.jsonl"
    export = ["arena", "export", "-p", "mags", "--out", str(path), "--format", "openai"]
    done = json.loads(run(cli, *export, "--json"))
    assert done["rows"] == 1
    [row] = [json.loads(line) for line in path.read_text().splitlines()]
    assert row["preferred_output"] == [{"role": "assistant", "content": real[0].model_text}]
    assert row["input"]["messages"][-1] == {"role": "user", "content": real[0].request}


def test_clear_errors(cli: CliRunner, engine: Engine, model_id: str) -> None:
    assert "--against real, base or a model id" in refused(cli, "arena", "-p", "mags")
    assert "which persona" in refused(cli, "arena", "--against", "real")
    assert "no persona 'nobody'" in refused(cli, "arena", "-p", "nobody", "--against", "real")
    assert "no model" in refused(cli, "arena", "-p", "mags", "--against", "ffffffff")
    assert "no persona 'nobody'" in refused(cli, "arena", "stats", "-p", "nobody")
    assert "no arena votes" in refused(
        cli, "arena", "export", "-p", "mags", "--out", "/tmp/never.jsonl"
    )
    assert "no arena pairs for mags yet" in run(cli, "arena", "stats", "-p", "mags")


def test_the_same_commands_on_running_services(
    cli: CliRunner, engine: Engine, settings: Settings, model_id: str
) -> None:
    trainer, trainer_port = make_trainer_server(settings, engine, host="127.0.0.1", port=0)
    labeler, labeler_port = make_labeler_server(
        settings, engine, FakeProposer(), host="127.0.0.1", port=0
    )
    trainer.start()
    labeler.start()
    stop = threading.Event()
    threads = start_workers(engine, settings, 1, stop, poll_s=0.02)
    try:
        remote = ["--server", f"127.0.0.1:{trainer_port}"]
        result = json.loads(
            run(cli, "arena", "-p", "mags", "--against", "real", "--pairs", "1", "--json", *remote)
        )
        assert result["pairs"] == 1 and result["model_id"] == model_id
        [pair] = pairs(engine)
        set_votes(engine, {pair.id: "tie"})
        at_labeler = ["--server", f"127.0.0.1:{labeler_port}"]
        here = run(cli, "arena", "stats", "-p", "mags", "--json")
        assert run(cli, "arena", "stats", "-p", "mags", "--json", *at_labeler) == here
        assert json.loads(here)["matchups"][0]["ties"] == 1
        assert "no arena votes" in refused(
            cli, "arena", "export", "-p", "mags", "--out", "/tmp/never.jsonl", *at_labeler
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        stop_server(trainer, grace_s=1)
        stop_server(labeler, grace_s=1)
