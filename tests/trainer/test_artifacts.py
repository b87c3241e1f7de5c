"""A run's artifact: the manifest beside the weights, its checksums, its row in the registry."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.chat import chat_template_sha256
from likeness.core.db.models import Dataset, Model, Persona
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.registry import ModelKind, get_model, list_models, trained_prompt_version
from likeness.trainer.artifacts import (
    MANIFEST,
    Artifact,
    describe,
    read_manifest,
    register,
    tokenizer_sha256,
    write_manifest,
)


def _artifact(path: Path, tokenizer, **overrides) -> Artifact:  # type: ignore[no-untyped-def]
    template_sha, tok_sha = describe(tokenizer)
    fields = {
        "kind": ModelKind.PERSONA_LORA,
        "recipe": "persona-sft",
        "persona": "mags",
        "base_model": "/models/tiny",
        "path": path,
        "chat_template_sha256": template_sha,
        "tokenizer_sha256": tok_sha,
        "dataset_sha256": "d" * 64,
        "dataset_id": "persona-chat-mags-dddd",
        "config": {"epochs": 2.0, "lora_r": 8},
        "metrics": {"heldout_loss": 1.25},
    }
    return Artifact(**{**fields, **overrides})


@pytest.fixture
def persona(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    return "mags"


def test_describe_hashes_the_chat_template_and_the_vocabulary(tiny_tokenizer) -> None:
    template_sha, tok_sha = describe(tiny_tokenizer)
    assert template_sha == chat_template_sha256(tiny_tokenizer)
    assert tok_sha == tokenizer_sha256(tiny_tokenizer)
    assert len(template_sha) == len(tok_sha) == 64
    assert int(tok_sha, 16) >= 0  # hex


def test_the_tokenizer_checksum_follows_the_vocabulary_not_the_template(tiny_tokenizer) -> None:
    other_template = copy.deepcopy(tiny_tokenizer)
    other_template.chat_template = "{{ messages[0]['content'] }}"
    assert tokenizer_sha256(other_template) == tokenizer_sha256(tiny_tokenizer)
    assert chat_template_sha256(other_template) != chat_template_sha256(tiny_tokenizer)

    grown = copy.deepcopy(tiny_tokenizer)
    grown.add_tokens(["<|a-new-token|>"])
    assert tokenizer_sha256(grown) != tokenizer_sha256(tiny_tokenizer)


def test_the_tokenizer_checksum_of_a_tokenizer_without_a_backend_is_its_vocabulary() -> None:
    class VocabOnly:
        def __init__(self, vocab: dict[str, int]):
            self.vocab = vocab

        def get_vocab(self) -> dict[str, int]:
            return self.vocab

    first = tokenizer_sha256(VocabOnly({"a": 0, "b": 1}))
    assert first == tokenizer_sha256(VocabOnly({"b": 1, "a": 0}))  # order does not matter
    assert first != tokenizer_sha256(VocabOnly({"a": 0, "b": 2}))


def test_the_manifest_is_written_beside_the_weights_and_reads_back(
    tmp_path: Path, tiny_tokenizer
) -> None:
    artifact = _artifact(tmp_path / "run" / "final", tiny_tokenizer)
    written = write_manifest(artifact)
    assert written == artifact.path / MANIFEST and written.is_file()
    assert not list(artifact.path.glob("*.tmp"))  # staged, then moved into place
    manifest = read_manifest(artifact.path)
    assert manifest == json.loads(json.dumps(artifact.manifest()))
    assert manifest["path"] == str(artifact.path)
    assert manifest["kind"] == "persona-lora"
    assert manifest["chat_template_sha256"] == chat_template_sha256(tiny_tokenizer)
    assert manifest["tokenizer_sha256"] == tokenizer_sha256(tiny_tokenizer)
    assert manifest["dataset_sha256"] == "d" * 64
    assert manifest["dataset_id"] == "persona-chat-mags-dddd"
    assert manifest["config"] == {"epochs": 2.0, "lora_r": 8}
    assert manifest["metrics"] == {"heldout_loss": 1.25}
    assert len(manifest["id"]) == 32 and manifest["created_at"].endswith("+00:00")


def test_writing_the_manifest_again_replaces_it(tmp_path: Path, tiny_tokenizer) -> None:
    artifact = _artifact(tmp_path, tiny_tokenizer)
    write_manifest(artifact)
    artifact.metrics["heldout_loss"] = 0.5
    write_manifest(artifact)
    assert read_manifest(tmp_path)["metrics"] == {"heldout_loss": 0.5}


def test_each_artifact_gets_its_own_id(tmp_path: Path, tiny_tokenizer) -> None:
    assert _artifact(tmp_path, tiny_tokenizer).id != _artifact(tmp_path, tiny_tokenizer).id


def test_register_writes_the_manifest_and_an_inactive_registry_row(
    engine: Engine, persona: str, tmp_path: Path, tiny_tokenizer
) -> None:
    artifact = _artifact(tmp_path / "final", tiny_tokenizer)
    model_id = register(engine, artifact)
    assert model_id == artifact.id
    assert read_manifest(artifact.path)["id"] == model_id

    info = get_model(engine, model_id)
    assert info.persona == persona and info.kind == "persona-lora" and not info.active
    assert info.base_model == "/models/tiny"
    assert info.adapter_path == str(artifact.path)
    assert info.chat_template_sha256 == artifact.chat_template_sha256
    assert info.dataset_sha256 == "d" * 64
    assert info.metrics == {"heldout_loss": 1.25}
    with Session(engine) as session:
        row = session.get(Model, model_id)
        assert row is not None
        assert row.tokenizer_sha256 == tokenizer_sha256(tiny_tokenizer)
        # The recipe travels in the row's config, so a later run can find this one's adapter.
        assert row.config == {"epochs": 2.0, "lora_r": 8, "recipe": "persona-sft"}
    assert [m.id for m in list_models(engine, persona=persona)] == [model_id]


def test_a_model_of_no_persona_registers_without_one(
    engine: Engine, tmp_path: Path, tiny_tokenizer
) -> None:
    artifact = _artifact(tmp_path, tiny_tokenizer, kind=ModelKind.REWARD, persona="")
    info = get_model(engine, register(engine, artifact))
    assert info.persona == "" and info.kind == "reward"


def test_register_for_an_unknown_persona_adds_no_row(
    engine: Engine, tmp_path: Path, tiny_tokenizer
) -> None:
    with pytest.raises(PersonaNotFound):
        register(engine, _artifact(tmp_path, tiny_tokenizer, persona="nobody"))
    assert list_models(engine) == []


def _dataset_row(db: Engine, folder: Path, dataset_id: str, versions: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    (folder / "dataset.json").write_text(json.dumps({"prompt_versions": versions}), "utf-8")
    with Session(db) as session, session.begin():
        session.add(
            Dataset(id=dataset_id, kind="normalizer-sft", content_sha256="e" * 64, path=str(folder))
        )


def test_a_normaliser_records_the_prompt_version_its_dataset_was_built_with(
    engine: Engine, persona: str, tmp_path: Path, tiny_tokenizer
) -> None:
    _dataset_row(
        engine, tmp_path / "ds", "normalizer-sft-mags-eeee", {"normalizer": "normalizer-v1"}
    )
    normalizer = _artifact(
        tmp_path / "final",
        tiny_tokenizer,
        kind=ModelKind.NORMALIZER,
        recipe="normalizer-sft",
        dataset_id="normalizer-sft-mags-eeee",
        config={"epochs": 1.0, "prompt_version": ""},  # the recipe's "current" default
    )
    model_id = register(engine, normalizer)
    assert trained_prompt_version(engine, model_id) == "normalizer-v1"
    assert read_manifest(normalizer.path)["config"]["prompt_version"] == "normalizer-v1"
    # A dataset that recorded nothing was built with the current prompt (what the run used).
    unrecorded = _artifact(
        tmp_path / "other", tiny_tokenizer, kind=ModelKind.NORMALIZER, dataset_id="gone"
    )
    assert trained_prompt_version(engine, register(engine, unrecorded)) == (
        NORMALIZER_PROMPT_VERSION
    )
    # Other kinds record no normaliser prompt.
    adapter = register(engine, _artifact(tmp_path / "persona", tiny_tokenizer))
    with Session(engine) as session:
        row = session.get(Model, adapter)
        assert row is not None and "prompt_version" not in row.config
