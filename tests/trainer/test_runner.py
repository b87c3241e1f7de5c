"""The runner: a persona run with synthetic Q&A starts a generator, builds every dataset, trains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.jobs import ProgressReport
from likeness.core.settings import Settings
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import PLAN, build_datasets, run_training

POSTS = [
    "I walked along the river this morning and thought about old friends.",
    "The quick brown fox jumps over the lazy dog.",
    "Persona cards describe how someone writes: short sentences, dry humour.",
    "Hello! How are you today? I am fine, thank you very much.",
    "Tea, then a long walk, then more tea.",
    "The fog came in early and the foghorn sang all night.",
    "Painted the railings again. Salt wins every winter.",
    "Three gulls, one sandwich, no survivors.",
    "A fishing boat waved at the lamp. I waved back.",
    "Storm tonight. Candles ready, books stacked.",
]


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_questioner_dir: Path) -> Settings:
    # The served model writes the questions, on the transformers engine (vLLM's CPU build
    # is exercised by the inference tests; here it would only add its start-up time).
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        model=str(tiny_questioner_dir),
        engine="transformers",
    )


@pytest.fixture
def persona(engine: Engine) -> str:
    corpus = make_persona(engine, "mags")
    for day, text in enumerate(POSTS):
        corpus.add(text, day=day)
    return corpus.slug


def test_persona_run_with_qa_generates_questions_then_trains_on_both_formats(
    engine: Engine, settings: Settings, persona: str, tmp_path: Path
) -> None:
    reports: list[ProgressReport] = []
    ctx = RunContext(
        run_dir=tmp_path / "run", data_dir=settings.data_dir, device="cpu", report=reports.append
    )
    config = {"formats": ["chat", "qa"], "max_steps": 2, "batch_size": 4, "max_length": 512}
    result = run_training(engine, settings, "persona-sft", persona, config, ctx)

    assert [d.kind for d in result.datasets] == ["persona-chat", "persona-qa"]
    qa = result.datasets[1]
    info = json.loads((qa.dir / "dataset.json").read_text())
    assert info["generator"] == settings.model  # the served model wrote the questions
    assert qa.train_rows > 0
    for row in qa.rows("train"):
        question, answer = row["messages"][1]["content"], row["messages"][2]["content"]
        assert question.endswith("?") and "\n" not in question and answer in POSTS
    messages = [r.message for r in reports if r.message]
    assert any("starting the generator" in m for m in messages)
    assert result.model_id and result.outcome.global_step == 2
    plan = json.loads((ctx.run_dir / PLAN).read_text())
    assert [d["kind"] for d in plan["datasets"]] == ["persona-chat", "persona-qa"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_same_generator_rebuilds_the_same_qa_dataset_even_inside_a_running_loop(
    engine: Engine, settings: Settings, persona: str
) -> None:
    import asyncio

    from likeness.trainer.recipes.registry import parse_config

    config = parse_config("persona-sft", {"formats": ["qa"]})
    first = build_datasets(engine, settings, "persona-sft", persona, config)

    async def from_a_loop() -> list:
        return build_datasets(engine, settings, "persona-sft", persona, config)

    second = asyncio.run(from_a_loop())  # e.g. called from an async servicer
    assert [d.id for d in first] == [d.id for d in second]
    assert first[0].dir == second[0].dir


def test_a_named_generator_that_does_not_exist_fails_before_training(
    engine: Engine, settings: Settings, persona: str, tmp_path: Path
) -> None:
    from likeness.trainer.recipes.registry import parse_config

    config = parse_config(
        "persona-sft", {"formats": ["qa"], "qa_generator": str(tmp_path / "missing")}
    )
    with pytest.raises(FileNotFoundError, match=r"qa_generator .*missing.*: no such model folder"):
        build_datasets(engine, settings, "persona-sft", persona, config)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_preview_of_several_formats_counts_them_all_and_shows_each(
    engine: Engine, settings: Settings, persona: str
) -> None:
    from likeness.trainer.runner import preview_training

    # no chat questions mixed in: every chat row asks for a post, every qa row does not
    config = {"formats": ["chat", "qa"], "max_length": 512, "question_share": 0.0}
    both = preview_training(engine, settings, "persona-sft", persona, config, n=4, time_it=False)
    chat, qa = both.datasets
    assert both.train_examples == chat.train_rows + qa.train_rows
    assert both.heldout_examples == chat.heldout_rows + qa.heldout_rows
    requests = [e.prompt_text for e in both.examples]
    assert ["Write a post about" in r for r in requests] == [True, False, True, False]
    alone = preview_training(
        engine,
        settings,
        "persona-sft",
        persona,
        {"max_length": 512, "question_share": 0.0},
        n=4,
        time_it=False,
    )
    assert alone.train_examples == chat.train_rows
    assert both.train_tokens > alone.train_tokens
