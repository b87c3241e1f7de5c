"""One module per command group; :mod:`likeness.cli.main` puts them on the root app."""
