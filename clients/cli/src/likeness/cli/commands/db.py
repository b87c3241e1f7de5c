"""``likeness db upgrade`` and ``likeness keys create | ensure | list | revoke``."""

from __future__ import annotations

from typing import Annotated

import typer

from likeness.cli import render
from likeness.cli.app import fail, new_typer
from likeness.core.db import open_database
from likeness.core.settings import get_settings

app = new_typer("Database maintenance.")
keys_app = new_typer("API keys for the services (stored hashed).")


@app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (embedded starts do this by themselves)."""
    engine = open_database(get_settings())
    engine.dispose()
    render.out.print(f"database at {engine.url.render_as_string(hide_password=True)} is current")


@keys_app.command("create")
def keys_create(name: Annotated[str, typer.Argument(help="A label for the key.")]) -> None:
    """Create an API key; it is printed once and stored only as a hash."""
    from likeness.core.auth import create_api_key

    key = create_api_key(open_database(get_settings()), name)
    render.out.print(key)
    render.err.print("store it now: it cannot be shown again")


@keys_app.command("ensure")
def keys_ensure(
    name: Annotated[str, typer.Argument(help="A label for the key, if it is stored now.")],
) -> None:
    """Make the key in LIKENESS_API_KEY an active key (deployments run this on every start:
    the compose migrate step, the Kubernetes migration Job). Stores its hash under NAME unless it
    already is active; a revoked key is refused, so a stale secret cannot revive it."""
    from likeness.core.auth import KeyRevoked, ensure_api_key

    settings = get_settings()
    if not settings.api_key:
        raise fail("LIKENESS_API_KEY is not set: put the deployment's key there")
    try:
        stored = ensure_api_key(open_database(settings), name, settings.api_key)
    except (KeyRevoked, ValueError) as exc:
        raise fail(str(exc)) from exc
    render.out.print(f"stored the key as {name!r}" if stored else "the key is already active")


@keys_app.command("list")
def keys_list() -> None:
    """List API keys (names and dates, never the keys)."""
    from likeness.core.auth import list_api_keys

    render.show_keys(list_api_keys(open_database(get_settings())))


@keys_app.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="Name or id of the key.")]) -> None:
    """Revoke an API key."""
    from likeness.core.auth import revoke_api_key

    if revoke_api_key(open_database(get_settings()), name) == 0:
        raise fail(f"no active key named {name!r} (see `likeness keys list`)")
    render.out.print(f"revoked {name}")
