"""``likeness demo``'s one display: a line per step done, a bar of the steps, the step at work."""

from __future__ import annotations

import io

from rich.console import Console
from rich.progress import Progress

from likeness.cli.commands.demo import ProgressReporter


def test_each_step_leaves_one_line_and_the_bar_counts_them() -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None)
    with Progress(console=console, auto_refresh=False) as bar:
        reporter = ProgressReporter(bar, 3)
        reporter.step("import")
        reporter.progress(2, 4, "posts [from the archive]")
        reporter.done("import", "330 posts [sample]")
        reporter.step("train")
        reporter.done("train", "reusing model abc", skipped=True)
        overall = bar.tasks[0]
        assert (overall.completed, overall.total) == (2, 3)
        assert [task.description for task in bar.tasks[1:]] == ["train"]  # one step row
    shown = out.getvalue()
    assert "✓ import: 330 posts [sample]" in shown  # brackets are text, not markup
    assert "↺ train: reusing model abc" in shown
