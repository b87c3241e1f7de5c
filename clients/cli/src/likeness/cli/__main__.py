"""``python -m likeness.cli``: the same app as the ``likeness`` console script."""

from likeness.cli.main import app

app(prog_name="likeness")
