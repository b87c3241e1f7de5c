"""Shared fixtures: a real PostgreSQL database per test run, SQLite files, the shared corpora.

PostgreSQL comes from ``LIKENESS_TEST_POSTGRES_URL`` (default: the local server with trust auth).
A fresh database is created for the run and dropped afterwards. When the server is unreachable
the PostgreSQL tests are skipped on a laptop but *fail* in CI (``CI`` set).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import torch
from sqlalchemy import Engine, text
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from likeness.core.db import create_db_engine, upgrade_database
from likeness.core.db.models import Base

PG_ADMIN_URL = os.environ.get(
    "LIKENESS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    # Under pytest-xdist (make test) the workers share the machine's cores: one intra-op thread
    # each, or torch's thread pools oversubscribe them and every worker slows down.
    if os.environ.get("PYTEST_XDIST_WORKER"):
        torch.set_num_threads(1)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"likeness_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    url = f"{base}/{name}"
    engine = create_db_engine(url)
    upgrade_database(engine)
    engine.dispose()
    yield url
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = create_db_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    engine.dispose()
    return path


def _truncate_all(engine: Engine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database: once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "likeness.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("pg_url")
    engine = create_db_engine(url)
    _truncate_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = create_db_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"real corpora not present at {CORPORA} (they live outside the repository)")
    return CORPORA


# --- Tiny models (inference and trainer tests), built in seconds and never downloaded ---
#
# Shared by the inference and trainer tests.
#
# ``tiny_tokenizer``: a byte-level BPE (~400 tokens) trained here with ``tokenizers``, with the
# ChatML special tokens and SmolLM2's chat template (which injects a default system prompt).
# ``tiny_model_dir``: a random 2-layer Llama (hidden 32) saved with that tokenizer.
# ``tiny_adapter_dir``: a LoRA on it with non-zero B, so it visibly changes outputs.
# ``default_model_dir``: the real SmolLM2 conversion (slow tests only).

# SmolLM2's template, verbatim: it adds its own system prompt when the first message is not one.
CHATML_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
    "<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] "
    "+ '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}"
    "{{ '<|im_start|>assistant\n' }}{% endif %}"
)

CORPUS = [
    "The quick brown fox jumps over the lazy dog.",
    "I walked along the river this morning and thought about old friends.",
    "Hello! How are you today? I am fine, thank you very much.",
    "Persona cards describe how someone writes: short sentences, dry humour, no emoji.",
    "Les élèves étudient à l'école; naïve café déjà vu — ünïcödé ☕ 🙂.",
    "system user assistant: you are a helpful assistant who answers briefly.",
] * 20


def build_tiny_tokenizer() -> PreTrainedTokenizerFast:
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=["<pad>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(CORPUS, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<|im_start|>",
        eos_token="<|im_end|>",
        pad_token="<pad>",
    )
    tokenizer.chat_template = CHATML_TEMPLATE
    return tokenizer


@pytest.fixture(scope="session")
def tiny_tokenizer() -> PreTrainedTokenizerFast:
    return build_tiny_tokenizer()


@pytest.fixture(scope="session")
def tiny_model_dir(
    tmp_path_factory: pytest.TempPathFactory, tiny_tokenizer: PreTrainedTokenizerFast
) -> Path:
    path = tmp_path_factory.mktemp("tiny-llama")
    config = LlamaConfig(
        vocab_size=len(tiny_tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        # A wider init than the default spreads the logits, so greedy choices are not near-ties
        # that float noise from batching could flip.
        initializer_range=0.2,
        bos_token_id=tiny_tokenizer.bos_token_id,
        eos_token_id=tiny_tokenizer.eos_token_id,
        pad_token_id=tiny_tokenizer.pad_token_id,
    )
    torch.manual_seed(0)
    model = LlamaForCausalLM(config).eval()
    model.save_pretrained(path)
    tiny_tokenizer.save_pretrained(path)
    return path


TINY_QUESTION = "What happened next?"


@pytest.fixture(scope="session")
def tiny_questioner_dir(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Path:
    """The tiny model taught, in a few dozen steps, to answer the synthetic-Q&A prompt with
    ``TINY_QUESTION``: a real generator for the Q&A paths (a random model asks nothing)."""
    from likeness.core.prompts import qa_question_messages
    from likeness.trainer.encoding import encode_chat

    tokenizer = PreTrainedTokenizerFast.from_pretrained(tiny_model_dir)
    torch.manual_seed(2)
    model = LlamaForCausalLM.from_pretrained(tiny_model_dir)
    answer = {"role": "assistant", "content": TINY_QUESTION}
    examples = [
        encode_chat(tokenizer, [*qa_question_messages(text), answer], 4096)
        for text in dict.fromkeys(CORPUS)
    ]
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model.train()
    for _ in range(80):
        for example in examples:
            ids = torch.tensor([example.input_ids])
            loss = model(input_ids=ids, labels=torch.tensor([example.labels])).loss
            loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    path = tmp_path_factory.mktemp("tiny-questioner")
    model.eval().save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_adapter_dir(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Path:
    from peft import LoraConfig, get_peft_model

    path = tmp_path_factory.mktemp("tiny-lora")
    torch.manual_seed(1)
    base = LlamaForCausalLM.from_pretrained(tiny_model_dir)
    # init_lora_weights=False gives B a random init instead of zeros, so the adapter matters.
    config = LoraConfig(
        r=8, lora_alpha=32, target_modules=["q_proj", "v_proj", "o_proj"], init_lora_weights=False
    )
    get_peft_model(base, config).save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def default_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from likeness.core.default_model import ensure_default_model

    return ensure_default_model(tmp_path_factory.mktemp("data"))
