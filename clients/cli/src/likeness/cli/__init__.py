"""likeness.cli: the one ``likeness`` command that fronts every service."""
