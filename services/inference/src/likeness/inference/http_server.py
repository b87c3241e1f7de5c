"""Run the OpenAI-compatible app under uvicorn: in the foreground, or in a thread for tests.

    serve_http(create_app(engine, db, settings), "127.0.0.1", 8000)     # blocks until Ctrl-C
    with BackgroundServer(app) as server:                               # tests: port 0
        client = OpenAI(base_url=server.base_url + "/v1", api_key="x")

While no API key exists every request is accepted, so the server then refuses to listen on
anything but loopback (the same rule as the gRPC servers).
"""

from __future__ import annotations

import ipaddress
import threading
import time
from types import TracebackType

import uvicorn
from fastapi import FastAPI

from likeness.core.auth import KeyChecker


class UnsafeBindError(RuntimeError):
    """Listening beyond loopback without any API key would open the API to the network."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: cannot tell where it resolves, so not loopback
        return False


def check_bind(app: FastAPI, host: str) -> None:
    """Raise UnsafeBindError for a non-loopback ``host`` while the app has no active key."""
    # A fresh look at the database, not the app's cached checker: a key created a moment ago
    # counts, and the app's cache is left untouched.
    checker = KeyChecker(app.state.db_engine, ttl_s=0)
    if not is_loopback(host) and not checker.required():
        raise UnsafeBindError(
            f"refusing to listen on {host}: no API key exists, so anyone who can reach this "
            "address could use the API. Create a key with `likeness keys create NAME` "
            "(clients then send it as a Bearer token), or bind to 127.0.0.1."
        )


def uvicorn_config(app: FastAPI, host: str, port: int, log_level: str) -> uvicorn.Config:
    # timeout_graceful_shutdown: a stuck stream must not keep Ctrl-C from stopping the server.
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        timeout_graceful_shutdown=10,
    )


def serve_http(app: FastAPI, host: str, port: int, *, log_level: str = "info") -> None:
    """Serve ``app`` until interrupted (blocking)."""
    check_bind(app, host)
    uvicorn.Server(uvicorn_config(app, host, port, log_level)).run()


class BackgroundServer:
    """uvicorn on a free loopback port in a daemon thread, with its own event loop.

    The app's lifespan (engine start and close) runs on that loop, so the engine and the
    requests share it as in production.
    """

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", *, start_timeout: float = 60.0):
        check_bind(app, host)
        self.host = host
        self.port = 0
        self._start_timeout = start_timeout
        self._server = uvicorn.Server(uvicorn_config(app, host, 0, "warning"))
        # uvicorn installs signal handlers only on the main thread; in a thread it leaves them.
        self._thread = threading.Thread(target=self._server.run, name="uvicorn", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + self._start_timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("uvicorn stopped during start-up (see the log above)")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"uvicorn did not start within {self._start_timeout} s")
            time.sleep(0.01)
        sockets = self._server.servers[0].sockets
        self.port = int(sockets[0].getsockname()[1])
        return self

    def stop(self, timeout: float = 30.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
