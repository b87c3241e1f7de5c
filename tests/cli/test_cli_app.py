"""How the ``likeness`` app is put together: entry points, help texts, errors, service refusals."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import likeness.cli
from likeness.cli.app import fail, new_typer

CLI_SOURCE = Path(likeness.cli.__file__).parent


def likeness_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m likeness.cli ARGS`` in a fresh interpreter, on a wide terminal."""
    return subprocess.run(
        [sys.executable, "-m", "likeness.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TERMINAL_WIDTH": "200", **(env or {})},
    )


def test_python_m_likeness_cli_is_the_likeness_command() -> None:
    result = likeness_cli("--help")
    assert result.returncode == 0, result.stderr
    assert "Usage: likeness " in result.stdout
    for group in ("import", "personas", "train", "jobs", "serve", "chat"):
        assert f" {group} " in result.stdout


def _cli_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("likeness.cli")}


def test_the_cli_modules_import_one_way_only() -> None:
    """main -> commands -> backend/app/render: no module imports one above it (no cycle)."""
    shared = ("app.py", "backend.py", "render.py")
    for name in shared:
        imported = _cli_imports(CLI_SOURCE / name)
        assert not {i for i in imported if ".commands" in i or i == "likeness.cli.main"}, name
    assert not any("render" in i for i in _cli_imports(CLI_SOURCE / "render.py"))
    assert not any("backend" in i for i in _cli_imports(CLI_SOURCE / "app.py"))
    for module in (CLI_SOURCE / "commands").glob("*.py"):
        assert "likeness.cli.main" not in _cli_imports(module), module.name


def test_no_module_level_state_only_constants() -> None:
    """Per-run choices (``--server``) live in the typer context object, not in a module dict."""
    for module in [*CLI_SOURCE.glob("*.py"), *(CLI_SOURCE / "commands").glob("*.py")]:
        for node in ast.parse(module.read_text("utf-8")).body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(
                node.value, ast.Dict | ast.List | ast.Set
            ):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    assert isinstance(target, ast.Name) and target.id.isupper(), (
                        f"{module.name}:{node.lineno} holds module-level mutable state"
                    )


@pytest.mark.parametrize(
    ("command", "wrapped_sentence"),
    [
        (
            ["import"],
            "Nothing is written unless the whole export reads cleanly; errors name the file",
        ),
        (
            ["jobs", "resume"],
            "is taken over here; one a live worker holds is followed instead.",
        ),
        (["personas", "update"], "has a placeholder card; this is how it gets a real name"),
    ],
)
def test_help_reflows_the_docstrings_wrapped_lines(
    command: list[str], wrapped_sentence: str
) -> None:
    # Each sentence spans a line break in its docstring; on a wide terminal it is one line.
    result = likeness_cli(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert wrapped_sentence in result.stdout


def test_an_error_line_keeps_the_bracketed_record() -> None:
    app = new_typer("test")

    @app.command()
    def boom() -> None:
        raise fail("posts/x.json [x.json#3]: post is 10,485,760 bytes, over the limit")

    @app.command()
    def other() -> None:  # a second command keeps typer from collapsing the group
        pass

    result = CliRunner().invoke(app, ["boom"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: posts/x.json [x.json#3]: post is 10,485,760 bytes, over the limit"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["serve", "ingest", "--host", "0.0.0.0", "--port", "0"],
        ["serve", "trainer", "--host", "0.0.0.0", "--port", "0", "--workers", "0"],
    ],
)
def test_serve_beyond_loopback_without_keys_refuses_in_one_line(
    command: list[str], tmp_path: Path, db_url: str
) -> None:
    env = {"LIKENESS_DATA_DIR": str(tmp_path / "data"), "LIKENESS_DATABASE_URL": db_url}
    result = likeness_cli(*command, env=env)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: refusing to serve on 0.0.0.0") and "API key" in line
