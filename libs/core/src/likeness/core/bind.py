"""The bind rule, in one place: beyond loopback only with an API key.

    check_bind("0.0.0.0", KeyChecker(engine))   # raises InsecureBind while no active key exists
    check_bind("127.0.0.1", None)              # loopback: always allowed

``build_server`` (gRPC) calls it before it listens, and the inference HTTP server calls the same
function before it starts; the CLI prints ``str(exc)`` of an ``InsecureBind`` as its one-line
error. While no key exists a server accepts every call, so it may only listen where nobody else
can reach it.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from likeness.core.auth import KeyChecker


class InsecureBind(RuntimeError):
    """Refused to listen beyond loopback because no active API key exists."""


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback literals (127.0.0.0/8, ::1, [::1])."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_bind(host: str, key_checker: KeyChecker | None) -> None:
    """Raise ``InsecureBind`` for a non-loopback ``host`` unless an active API key exists."""
    if is_loopback(host):
        return
    if key_checker is not None and key_checker.required():
        return
    raise InsecureBind(
        f"refusing to serve on {host}: no API key exists, so the service would accept anyone. "
        "Create one with `likeness keys create NAME`, or bind 127.0.0.1."
    )
