"""``likeness tui --web``: the same app in a browser (textual-serve), behind the bind rule.

    serve_web(Settings(), parser().parse_args(["--web"]))   # blocks until Ctrl+C; the exit code

textual-serve relays a terminal over a websocket: each browser connection spawns the app as a
child process (``python -m likeness.tui …``). Embedded (no ``--server``, no ``LIKENESS_*_ADDR``)
the services start ONCE here and every child gets their addresses (``--server``) and the stack's
session key (``LIKENESS_API_KEY`` in its environment, never on a command line); otherwise the
addresses given are passed through and the children find the services as the terminal app does.

Access follows every other likeness server (``likeness.core.bind``, ``likeness.core.auth``):
loopback by default, a non-loopback ``--host`` refused while no API key exists, and once keys
exist every request must carry one: ``Authorization: Bearer KEY``, or ``?key=KEY`` on the page
(then an HttpOnly, SameSite=Strict cookie carries it to the websocket and the static files). A
request without one gets 401 (the page: a short form asking for the key). :func:`decide` is the
whole decision, a plain function; the aiohttp middleware only applies it.
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from likeness.core.auth import AccessPolicy, AccessRefused, KeyChecker, KeysUnavailable, bearer_key
from likeness.core.bind import InsecureBind, check_bind
from likeness.core.db import open_database
from likeness.core.settings import Settings

INDEX_PATH = "/"
WEBSOCKET_PATH = "/ws"
KEY_COOKIE = "likeness_key"
TITLE = "likeness"
#: How long a closed tab's app gets to quit before it is killed.
CHILD_QUIT_S = 5.0


@dataclass(frozen=True, slots=True)
class Access:
    """What to do with one request: ``status`` 200 goes on (``remember``: a key to set as the
    cookie), 401 asks for a key, 403 refuses outright, 503 could not check."""

    status: int
    reason: str = ""
    remember: str | None = None

    @property
    def allowed(self) -> bool:
        return self.status == 200


def same_origin(origin: str, host: str) -> bool:
    """Whether a browser's ``Origin`` header names the host (``name:port``) it asked."""
    return urlsplit(origin).netloc.lower() == host.lower()


def decide(
    policy: AccessPolicy,
    *,
    path: str,
    host: str,
    authorization: str | None = None,
    query_key: str | None = None,
    cookie_key: str | None = None,
    origin: str | None = None,
) -> Access:
    """The access decision for one request to the web server (see the module docstring).

    The key may come from the ``Authorization`` header, ``?key=`` (the page only, so a key in
    a link works once and the cookie does the rest) or the cookie; the first valid one wins.
    A websocket opened by another site's page is refused even where no key is needed: a loopback
    server with no keys is open to this machine, not to every web page its browser shows.
    """
    if path == WEBSOCKET_PATH and origin and not same_origin(origin, host):
        return Access(403, "a websocket from another site's page")
    offered = [bearer_key(authorization), query_key if path == INDEX_PATH else None]
    try:
        refusal = refused(policy, None)
        if refusal is None:
            return Access(200)  # open: loopback, and no key exists
        for key in (*offered, cookie_key):
            if key and refused(policy, key) is None:
                # A key that came with the request (not the cookie) becomes the cookie.
                remember = key if key in offered and key != cookie_key else None
                return Access(200, remember=remember)
    except KeysUnavailable as exc:
        return Access(503, str(exc))
    return Access(401, str(refusal))


def refused(policy: AccessPolicy, key: str | None) -> AccessRefused | None:
    """Why ``policy`` refuses ``key``, or None when it goes on; KeysUnavailable is raised."""
    try:
        policy.check(key)
    except KeysUnavailable:
        raise
    except AccessRefused as exc:
        return exc
    return None


KEY_FORM = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>likeness: API key</title>
<style>body{{background:#0c181f;color:#eee;font-family:monospace;margin:4em auto;max-width:40em}}
input{{font-family:monospace;width:30em;padding:.3em}}</style></head>
<body><h1>likeness</h1>
<p>This server needs an API key (<code>likeness keys create NAME</code> makes one).</p>
<form method="get" action="/"><input type="password" name="key" placeholder="lk_..."
 autofocus autocomplete="off"> <button type="submit">Open</button></form>
<p>{reason}</p></body></html>
"""


def refusal_response(access: Access, path: str) -> web.Response:
    """The answer to a refused request: the key form for the page, one line for the rest."""
    if path == INDEX_PATH and access.status == 401:
        return web.Response(
            status=401,
            text=KEY_FORM.format(reason=escape(access.reason)),
            content_type="text/html",
            headers={"WWW-Authenticate": 'Bearer realm="likeness"'},
        )
    return web.Response(status=access.status, text=access.reason + "\n")


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def access_middleware(policy: AccessPolicy) -> Callable[[web.Request, Handler], Awaitable[Any]]:
    """aiohttp middleware applying :func:`decide` to every route (page, websocket, static)."""

    @web.middleware
    async def check_access(request: web.Request, handler: Handler) -> web.StreamResponse:
        # The key check may read the database (cached for seconds): off the event loop.
        access = await asyncio.to_thread(
            decide,
            policy,
            path=request.path,
            host=request.host,
            authorization=request.headers.get("Authorization"),
            query_key=request.query.get("key"),
            cookie_key=request.cookies.get(KEY_COOKIE),
            origin=request.headers.get("Origin"),
        )
        if not access.allowed:
            return refusal_response(access, request.path)
        response = await handler(request)
        if access.remember is not None and not response.prepared:
            response.set_cookie(
                KEY_COOKIE,
                access.remember,
                path="/",
                httponly=True,
                samesite="Strict",
                secure=request.secure,
            )
        # The page's URL may hold ?key=: no Referer to the fonts it loads from elsewhere.
        if not response.prepared:
            response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return check_access


class ChildService(AppService):
    """One browser connection's app process, with extra environment (the session key)."""

    def __init__(self, *args: Any, extra_env: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.extra_env = dict(extra_env)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return {**super()._build_environment(width, height), **self.extra_env}

    async def stop(self) -> None:
        """Tell the app to quit; kill it if it has not within ``CHILD_QUIT_S``. An app quits
        only once its workers return, and one may be waiting minutes on a service call (a task
        whose proposals are being generated): its tab is gone, so nobody waits for it."""
        stopping = asyncio.ensure_future(super().stop())
        done, _ = await asyncio.wait({stopping}, timeout=CHILD_QUIT_S)
        process = self._process
        if not done and process is not None and process.returncode is None:
            process.kill()  # the app itself: its command execs python in place of the shell
        await stopping


class WebServer(Server):
    """textual-serve's server with the access middleware, page URLs taken from the request
    (a wildcard bind has no name a browser can use), the children's environment, and a
    ``run`` that works on port 0 and stops on an event (tests) or Ctrl+C (``serve``)."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        policy: AccessPolicy,
        child_env: Mapping[str, str] | None = None,
        keys_required: bool = False,
    ) -> None:
        super().__init__(command, host=host, port=port, title=TITLE)
        self.policy = policy
        self.child_env = dict(child_env or {})
        self.keys_required = keys_required
        self.url: str | None = None  # where it listens, once it does

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(access_middleware(self.policy))
        return app

    async def on_startup(self, app: web.Application) -> None:
        pass  # textual-serve prints a logo and its own idea of the URL; run() prints ours

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        ws_scheme = "wss" if request.secure else "ws"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{ws_scheme}://{request.host}{WEBSOCKET_PATH}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        # textual-serve's handler, with ChildService in place of AppService (the environment).
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: ChildService | None = None
        try:
            await websocket.prepare(request)
            app_service = ChildService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
                extra_env=self.child_env,
            )
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def run(
        self, stop: asyncio.Event, on_listening: Callable[[str], None] | None = None
    ) -> None:
        """Listen until ``stop`` is set; ``on_listening(url)`` once it listens (port 0: the
        port the system chose)."""
        runner = web.AppRunner(await self._make_app(), handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            port = runner.addresses[0][1]
            host = f"[{self.host}]" if ":" in self.host else self.host
            self.url = f"http://{host}:{port}/"
            if on_listening is not None:
                on_listening(self.url)
            await stop.wait()
        finally:
            await runner.cleanup()  # closes the websockets: each child is told to quit

    def serve(self, debug: bool = False) -> None:
        """Run until Ctrl+C (or SIGTERM), printing where to point a browser."""
        self.debug = debug

        def listening(url: str) -> None:
            print(open_hint(url, self.keys_required), flush=True)

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            await self.run(stop, listening)

        asyncio.run(main())


def open_hint(url: str, keys_required: bool) -> str:
    if keys_required:
        return (
            f"open {url} in a browser (it asks for an API key; or open {url}?key=KEY); Ctrl+C stops"
        )
    return f"open {url} in a browser; Ctrl+C stops"


def child_command(servers: Sequence[str], args: argparse.Namespace) -> str:
    """The shell command each browser connection runs: this app, on the given servers. ``exec``:
    the shell textual-serve starts becomes the app, so stopping the process stops the app."""
    argv = [sys.executable, "-m", "likeness.tui"]
    for server in servers:
        argv += ["--server", server]
    if args.persona:
        argv += ["--persona", args.persona]
    if args.annotator:
        argv += ["--annotator", args.annotator]
    return "exec " + shlex.join(argv)


def serve_web(settings: Settings, args: argparse.Namespace) -> int:
    """Serve the app to browsers until Ctrl+C; the exit code (2: refused to start)."""
    from likeness.tui.services import configured_addresses

    db = open_database(settings)
    with ExitStack() as stack:
        stack.callback(db.dispose)
        # A fresh look at the keys for the bind rule (a key created a moment ago counts).
        try:
            check_bind(args.host, KeyChecker(db, ttl_s=0))
        except InsecureBind as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        checker = KeyChecker(db)
        servers: list[str] = list(args.server)
        child_env: dict[str, str] = {}
        if not servers and not configured_addresses(settings):
            from likeness.stack.embedded import EmbeddedStack

            print("starting the services (the model loads first) …", file=sys.stderr, flush=True)
            embedded = stack.enter_context(EmbeddedStack(settings, db=db))
            found = embedded.addresses
            servers = [found.ingest, found.inference, found.labeler, found.trainer]
            child_env["LIKENESS_API_KEY"] = embedded.key
        server = WebServer(
            child_command(servers, args),
            host=args.host,
            port=args.port,
            policy=AccessPolicy(checker, args.host),
            child_env=child_env,
            keys_required=checker.required(),
        )
        try:
            server.serve()
        except OSError as exc:  # the port is taken, the address is not this machine's
            print(f"error: cannot serve on {args.host}:{args.port}: {exc}", file=sys.stderr)
            return 2
    return 0
