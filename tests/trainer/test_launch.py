"""A queued job trained by two processes under ``accelerate launch`` (CPU, gloo): the same
recipe code as one process, the main process claiming, reporting and registering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from likeness.core import jobs
from likeness.core.db import create_db_engine, upgrade_database
from likeness.core.db.models import Model
from likeness.core.settings import Settings
from likeness.ingest.importing import import_path
from likeness.ingest.personas import create_persona

ROOT = Path(__file__).resolve().parents[2]
ACCELERATE = Path(sys.executable).with_name("accelerate")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_two_processes_train_one_job(tiny_model_dir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'likeness.db'}"
    db = create_db_engine(url)
    upgrade_database(db)
    settings = Settings(data_dir=tmp_path, database_url=url)
    create_persona(db, "mags", "Mags", "You are Mags.", None)
    import_path(db, ROOT / "examples" / "sample-archive", "mags", settings=settings)
    config = {"base_model": str(tiny_model_dir), "max_steps": 4, "batch_size": 4, "save_steps": 2}
    job_id = jobs.submit(db, "persona-sft", persona="mags", config=config)
    env = {
        **os.environ,
        "LIKENESS_DATA_DIR": str(tmp_path),
        "LIKENESS_DATABASE_URL": url,
        "TOKENIZERS_PARALLELISM": "false",
        "OMP_NUM_THREADS": "1",
    }
    done = subprocess.run(
        [
            str(ACCELERATE),
            "launch",
            "--config_file",
            str(ROOT / "deploy" / "accelerate" / "cpu-2proc.yaml"),
            "--main_process_port",
            str(_free_port()),
            "-m",
            "likeness.trainer.launch",
            job_id,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    job = jobs.get(db, job_id)
    assert job.status == jobs.SUCCEEDED, job.error
    assert job.result["global_step"] == 4
    with Session(db) as session:
        assert session.scalar(select(func.count()).select_from(Model)) == 1  # registered once
    assert (tmp_path / "runs" / job_id / "final" / "adapter_config.json").is_file()
