"""The embedded stack: every service in one process (see ``likeness.stack.embedded``)."""
