"""Run the OpenAI-compatible app under uvicorn: in a thread for tests, or on the engine's loop
(``likeness.inference.server``).

    uvicorn.Server(uvicorn_config(app, "0.0.0.0", 8000, "info"))   # bind_app(app, host) first
    with BackgroundServer(app) as server:          # tests: port 0
        client = OpenAI(base_url=server.base_url + "/v1", api_key="x")

The HTTP server follows the gRPC servers' rules (``likeness.core.bind``, ``likeness.core.auth``):
it refuses to listen beyond loopback while no API key exists, and once listening there it
refuses every call while no key is active.
"""

from __future__ import annotations

import threading
import time

import uvicorn
from fastapi import FastAPI

from likeness.core.auth import AccessPolicy, KeyChecker
from likeness.core.bind import check_bind


def bind_app(app: FastAPI, host: str) -> None:
    """Apply the bind rule for ``host`` (``InsecureBind``) and set the app's access policy."""
    # A fresh look at the database, not the app's cached checker: a key created a moment ago
    # counts, and the app's cache is left untouched.
    check_bind(host, KeyChecker(app.state.db_engine, ttl_s=0))
    app.state.access_policy = AccessPolicy(app.state.key_checker, host)


def uvicorn_config(app: FastAPI, host: str, port: int, log_level: str) -> uvicorn.Config:
    """The uvicorn config serving ``app`` on ``host``, after ``bind_app`` (the one way to get
    one, so no app listens without its bind check and access policy)."""
    bind_app(app, host)
    # timeout_graceful_shutdown: a stuck stream must not keep Ctrl-C from stopping the server.
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        lifespan="on",
        timeout_graceful_shutdown=10,
    )


class BackgroundServer:
    """uvicorn on a free loopback port in a daemon thread, with its own event loop.

    The app's lifespan (engine start and close) runs on that loop, so the engine and the
    requests share it as in production.
    """

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", *, start_timeout: float = 60.0):
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

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
