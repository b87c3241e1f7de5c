"""``likeness train | jobs | models``, embedded and against a running trainer service.

Training is the test-only ``test-steps`` recipe (``tests/helpers/steps_recipe.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import Settings, get_settings
from likeness.trainer.recipes import registry

STEPS = "test-steps"
RECIPE_SOURCE = Path(__file__).resolve().parents[1] / "helpers" / "steps_recipe.py"


@pytest.fixture
def steps_recipe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """Register the test-only recipe under ``test-steps`` for this test."""
    folder = tmp_path / "recipes"
    folder.mkdir()
    shutil.copy(RECIPE_SOURCE, folder / "likeness_steps_recipe.py")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setitem(registry.RECIPE_MODULES, STEPS, "likeness_steps_recipe")
    return STEPS


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    db_url: str,
    tiny_model_dir: Path,
    steps_recipe: str,
) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_MODEL", str(tiny_model_dir))
    for name in ("LIKENESS_TRAINER_ADDR", "LIKENESS_INFERENCE_ADDR", "LIKENESS_INGEST_ADDR"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    runner = CliRunner()
    run(runner, "personas", "create", "mags", "--card", "You are Mags.")
    yield runner
    get_settings.cache_clear()


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def run_json(cli: CliRunner, *args: str) -> object:
    return json.loads(run(cli, *args, "--json"))


def refused(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == 2, result.output
    return " ".join(result.stderr.split())  # rich wraps long lines


def test_train_embedded_then_list_show_and_activate(cli: CliRunner) -> None:
    job = run_json(cli, "train", STEPS, "--persona", "mags", "--set", "steps=3")
    assert isinstance(job, dict)
    assert job["status"] == "succeeded" and job["kind"] == STEPS and job["persona"] == "mags"
    assert job["config"] == {"steps": 3} and job["progress"]["step"] == 3
    model_id = job["result"]["model_id"]

    listed = run_json(cli, "jobs", "--persona", "mags")
    assert [j["id"] for j in listed] == [job["id"]]  # type: ignore[index]
    assert run_json(cli, "jobs", "--status", "running") == []
    shown = run(cli, "jobs", "show", job["id"])
    assert "succeeded" in shown and model_id in shown
    table = run(cli, "jobs")
    assert job["id"][:12] in table and "3/3" in table
    assert run(cli, "jobs", "show", job["id"][:6]) == shown  # a unique prefix is enough

    models = run_json(cli, "models", "--persona", "mags")
    assert [(m["id"], m["active"]) for m in models] == [(model_id, False)]  # type: ignore[index]
    assert model_id[:12] in run(cli, "models")
    # No report card: it is evaluated first, and the steps recipe's model has no data to be
    # evaluated on, so activation stops there with the reason; --force serves it anyway.
    unevaluated = refused(cli, "models", "activate", model_id[:8])
    assert f"model {model_id} has no report card yet: evaluating it first" in unevaluated
    assert f"the evaluation of model {model_id} failed" in unevaluated
    activated = run(cli, "models", "activate", model_id[:8], "--force")
    assert f"model {model_id} is now active for mags" in activated
    assert [m["active"] for m in run_json(cli, "models")] == [True]  # type: ignore[union-attr]

    human = run(cli, "train", STEPS, "-p", "mags", "--max-steps", "9")
    assert "succeeded: model" in human and "likeness models activate" in human


def test_clear_errors_for_unknown_persona_recipe_and_bad_config(cli: CliRunner) -> None:
    assert "no persona 'nobody'" in refused(cli, "train", STEPS, "--persona", "nobody")
    assert "unknown recipe 'nope'" in refused(cli, "train", "nope", "--persona", "mags")
    message = refused(cli, "train", STEPS, "--persona", "mags", "--epochs", "0")
    assert f"bad config for recipe '{STEPS}': epochs: Input should be greater than 0" in message
    assert "no_such: Extra inputs" in refused(
        cli, "train", STEPS, "-p", "mags", "--set", "no_such=1"
    )
    assert "--set takes KEY=VALUE" in refused(cli, "train", STEPS, "-p", "mags", "--set", "x")
    assert "no job 'nope'" in refused(cli, "jobs", "show", "nope")
    assert "no model 'nope'" in refused(cli, "models", "activate", "nope")
    assert "unknown status" in refused(cli, "jobs", "--status", "done")
    assert run_json(cli, "jobs") == []  # nothing invalid was queued


def test_cli_names_map_to_recipe_ids(cli: CliRunner) -> None:
    from likeness.cli.commands.training import CLI_RECIPES, recipe_id

    assert recipe_id("persona") == "persona-sft" and recipe_id("reward") == "reward-model"
    assert set(CLI_RECIPES.values()) <= set(registry.recipe_names())
    # A CLI name reaches the real recipe: its config is checked before anything is queued.
    assert "bad config for recipe 'persona-sft'" in refused(
        cli, "train", "persona", "-p", "mags", "--set", "no_such=1"
    )


def test_config_file_flags_and_sets_combine(cli: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "cfg.json"
    config.write_text(json.dumps({"steps": 2, "learning_rate": 0.1, "seed": 7}))
    job = run_json(
        cli,
        "train",
        STEPS,
        "-p",
        "mags",
        "--config-file",
        str(config),
        "--learning-rate",
        "0.01",
        "--set",
        "seed=8",
        "--detach",
    )
    shown = run_json(cli, "jobs", "show", job["job_id"])  # type: ignore[index]
    assert shown["config"] == {"steps": 2, "learning_rate": 0.01, "seed": 8}  # type: ignore[index]
    assert shown["status"] == "queued"  # type: ignore[index]


def test_dry_run_shows_examples_and_totals_and_queues_nothing(cli: CliRunner) -> None:
    text = run(cli, "train", STEPS, "--persona", "mags", "--dry-run", "--examples", "2")
    assert "example 1:" in text and "example 2:" in text and "example 3" not in text
    assert "The quick brown fox jumps over the lazy dog." in text
    assert "dry run: nothing was trained" in text
    for row in ("held-out examples", "trained tokens", "truncated", "optimizer steps"):
        assert row in text
    preview = run_json(cli, "train", STEPS, "--persona", "mags", "--dry-run")
    assert isinstance(preview, dict) and len(preview["examples"]) == 3
    first = preview["examples"][0]
    assert first["tokens"] > first["trained_tokens"] > 0
    assert {p["trained"] for p in first["pieces"]} == {True, False}
    assert run_json(cli, "jobs") == []


def test_detach_then_work_once_and_cancel(cli: CliRunner) -> None:
    queued = run(cli, "train", STEPS, "-p", "mags", "--set", "steps=2", "--detach").strip()
    doomed = run_json(cli, "train", STEPS, "-p", "mags", "--detach")["job_id"]  # type: ignore[index]
    assert "cancelled" in run(cli, "jobs", "cancel", doomed)
    done = run_json(cli, "jobs", "work", "--once")
    assert done["id"] == queued and done["status"] == "succeeded"  # type: ignore[index]
    assert run_json(cli, "jobs", "show", doomed)["status"] == "cancelled"  # type: ignore[index]
    assert "already succeeded" in run(cli, "jobs", "cancel", queued)
    result = cli.invoke(app, ["jobs", "work", "--once"])
    assert result.exit_code == 0 and "no job is waiting" in result.stderr


def test_ctrl_c_checkpoints_and_resume_finishes(cli: CliRunner, tmp_path: Path) -> None:
    runs = tmp_path / "data" / "runs"

    def interrupt_when_training() -> None:
        deadline = time.monotonic() + 20
        while not list(runs.glob("*/checkpoint.json")) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt_when_training, daemon=True).start()
    result = cli.invoke(
        app, ["train", STEPS, "-p", "mags", "--set", "steps=500", "--set", "step_s=0.002"]
    )
    assert result.exit_code == 130, result.output
    assert "checkpoint saved" in result.stderr and "likeness jobs resume" in result.stderr
    (job,) = run_json(cli, "jobs")  # type: ignore[misc]
    assert job["status"] == "queued" and job["attempts"] == 0
    done = run_json(cli, "jobs", "resume", job["id"])
    assert done["status"] == "succeeded"  # type: ignore[index]
    (started,) = {p.parent for p in runs.glob("*/starts.log")}
    first, second = (int(x) for x in (started / "starts.log").read_text().split())
    assert first == 0 and 0 < second < 500


@pytest.mark.timeout(120)
def test_resume_takes_over_a_job_whose_worker_died(cli: CliRunner, engine: Engine) -> None:
    """A worker killed with ``kill -9`` leaves its job running; once the lease ran out, resume
    runs it here (it used to watch the dead worker's job forever)."""
    from likeness.core import jobs

    job_id = run(cli, "train", STEPS, "-p", "mags", "--set", "steps=2", "--detach").strip()
    assert jobs.claim(engine, "gone-host:4242", job_id=job_id, lease_s=0.05) is not None
    time.sleep(0.2)
    assert run_json(cli, "jobs", "show", job_id)["status"] == "running"  # type: ignore[index]
    done = run_json(cli, "jobs", "resume", job_id[:8])
    assert done["status"] == "succeeded"  # type: ignore[index]
    assert done["worker"] != "gone-host:4242" and done["progress"]["step"] == 2  # type: ignore[index]


def test_the_same_commands_work_against_a_running_trainer_service(
    cli: CliRunner, engine: Engine, tmp_path: Path, db_url: str, tiny_model_dir: Path
) -> None:
    from likeness.core.grpc_server import stop_server
    from likeness.trainer.server import make_trainer_server, start_workers

    server_settings = Settings(
        data_dir=tmp_path / "server", database_url=db_url, model=str(tiny_model_dir)
    )
    server, port = make_trainer_server(server_settings, engine, host="127.0.0.1", port=0)
    server.start()
    stop = threading.Event()
    threads = start_workers(engine, server_settings, 1, stop, lease_s=0.3, poll_s=0.02)
    remote = ["--server", f"127.0.0.1:{port}"]
    try:
        job = run_json(cli, "train", STEPS, "-p", "mags", "--set", "steps=3", *remote)
        assert job["status"] == "succeeded" and job["result"]["model_id"]  # type: ignore[index]
        assert job["worker"].endswith("/0")  # type: ignore[index]
        # Embedded and remote read the same queue and print the same thing.
        assert run(cli, "jobs", "show", job["id"], *remote) == run(  # type: ignore[index]
            cli,
            "jobs",
            "show",
            job["id"],  # type: ignore[index]
        )
        assert run_json(cli, "jobs", *remote) == run_json(cli, "jobs")
        assert run_json(cli, "models", *remote) == run_json(cli, "models")
        dry = ["train", STEPS, "-p", "mags", "--dry-run"]
        assert run(cli, *dry, *remote) == run(cli, *dry)
        assert "no persona 'nobody'" in refused(cli, "train", STEPS, "-p", "nobody", *remote)
        assert "unknown recipe 'nope'" in refused(cli, "train", "nope", "-p", "mags", *remote)
        assert "epochs" in refused(cli, "train", STEPS, "-p", "mags", "--epochs", "-1", *remote)
        assert "no job 'nope'" in refused(cli, "jobs", *remote, "show", "nope")

        detached = run(cli, "train", STEPS, "-p", "mags", "--detach", *remote).strip()
        watched = run_json(cli, "jobs", "watch", detached, *remote)
        assert watched["status"] == "succeeded"  # type: ignore[index]
        model_id = watched["result"]["model_id"]  # type: ignore[index]
        assert "now active" in run(cli, "models", "activate", model_id, "--force", *remote)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        stop_server(server, grace_s=1)
    unreachable = refused(cli, "jobs", "--server", "127.0.0.1:1")
    assert "cannot reach the trainer service at 127.0.0.1:1" in unreachable


def test_recipes_lists_every_recipe_and_each_ones_options(cli: CliRunner) -> None:
    listed = run_json(cli, "recipes")
    assert isinstance(listed, list)
    by_recipe = {row["recipe"]: row for row in listed}
    assert by_recipe["reward-model"]["name"] == "reward"
    assert {"persona-sft", "normalizer-rl", "normalizer-dpo", "scratch"} <= set(by_recipe)
    options = run_json(cli, "recipes", "normalizer-dpo")
    assert isinstance(options, list)
    start = next(o for o in options if o["name"] == "start_from")
    assert start["default"] == "auto" and "normalizer-sft" in start["description"]
    persona = {o["name"]: o for o in run_json(cli, "recipes", "persona")}  # type: ignore[union-attr]
    assert persona["formats"]["default"] == ["chat"] and "qa_generator" in persona
    text = run(cli, "recipes", "persona")
    assert "qa_generator" in text and "formats" in text
    assert "unknown recipe 'ppo'" in refused(cli, "recipes", "ppo")
