"""``likeness tui``: the CLI execs the terminal app with the arguments as given.

Each test runs the CLI in a subprocess: the command replaces its process (``os.execv``), which
inside pytest would replace pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from likeness.cli.commands.tui import tui_argv

#: Runs the CLI with ``likeness.tui`` hidden, as where the likeness-tui package is not installed.
WITHOUT_TUI = """
import sys
sys.modules["likeness.tui"] = None  # importlib's "not importable": find_spec answers None
sys.argv = ["likeness", *sys.argv[1:]]
from likeness.cli.main import app
app(prog_name="likeness")
"""


def likeness(*args: str, code: str | None = None, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIKENESS_")}
    env["LIKENESS_DATA_DIR"] = str(tmp)  # nothing here reads it; never the user's data dir
    command = (
        [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "likeness.cli"]
    )
    if not code:
        command += list(args)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_keys_lists_every_binding_id_through_the_cli(tmp_path: Path) -> None:
    done = likeness("tui", "--keys", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    ids = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert {"app.label", "app.chat", "app.quit", "label.accept_1"} <= set(ids)
    assert {"personas.keep", "card.keep"} <= set(ids)  # dialogs' keys too
    assert len(ids) == len(set(ids))


def test_help_explains_the_screens_keys_and_options(tmp_path: Path) -> None:
    done = likeness("tui", "--help", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert text.startswith("usage: likeness tui")
    for part in ("F1 label posts", "F2 chat", "F5 review drafts", "Ctrl+O", "Ctrl+Q"):
        assert part in text
    for option in ("--server HOST:PORT", "--persona", "--annotator", "--web", "--keys"):
        assert option in text


def test_the_root_listing_names_the_command(tmp_path: Path) -> None:
    done = likeness("--help", tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "tui" in done.stdout and "F1 label" in done.stdout


def test_the_app_gets_the_arguments_verbatim() -> None:
    argv = tui_argv(["--web", "--host", "0.0.0.0", "--server=a:1"])
    assert argv == [
        sys.executable,
        "-m",
        "likeness.tui",
        "--web",
        "--host",
        "0.0.0.0",
        "--server=a:1",
    ]
    # `likeness --server ADDR tui`: the root's server is one more address to look on
    assert tui_argv(["--keys"], "db:50051")[3:] == ["--server", "db:50051", "--keys"]


def test_without_the_tui_package_says_what_to_install(tmp_path: Path) -> None:
    done = likeness("tui", code=WITHOUT_TUI, tmp=tmp_path)
    assert done.returncode == 2
    assert "terminal app is not installed" in done.stderr
    assert "likeness-tui" in done.stderr
    helped = likeness("tui", "--help", code=WITHOUT_TUI, tmp=tmp_path)
    assert "F1 label posts" in " ".join(helped.stdout.split())
    assert helped.returncode == 2
