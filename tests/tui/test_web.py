"""``likeness tui --web``: the access decision, the running server, and the app in Chromium.

The server runs as ``python -m likeness.tui --web --port 0`` in a subprocess (what the CLI
execs), on the ``services`` fixture's addresses, so no model loads; each browser connection
spawns the app as textual-serve does. The browser test drives Debian's headless ``chromium``
over the DevTools protocol: it reads the terminal's text out of the page (xterm.js draws on a
canvas, so there is no text in the DOM; the terminal object is found on the page's heap) and
saves a screenshot next to the test's files.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from label_fakes import FakeProposer
from sqlalchemy import Engine

from likeness.core.auth import AccessPolicy, KeyChecker, create_api_key
from likeness.core.db import create_db_engine
from likeness.core.settings import Settings
from likeness.labeler.tasks import next_task
from likeness.tui.__main__ import parser
from likeness.tui.services import Services
from likeness.tui.web import KEY_COOKIE, WEBSOCKET_PATH, child_command, decide

pytestmark = pytest.mark.anyio

HOST = "127.0.0.1:8566"
STARTUP_S = 60.0


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def db(tui_settings: Settings) -> Iterator[Engine]:
    engine = create_db_engine(tui_settings.database_url)
    yield engine
    engine.dispose()


def policy(db: Engine, host: str = "127.0.0.1") -> AccessPolicy:
    return AccessPolicy(KeyChecker(db, ttl_s=0), host)


# --- the access decision -------------------------------------------------------------------


def test_loopback_without_keys_is_open(db: Engine) -> None:
    for path in ("/", WEBSOCKET_PATH, "/static/js/textual.js"):
        access = decide(policy(db), path=path, host=HOST)
        assert access.allowed and access.remember is None


def test_beyond_loopback_without_keys_refuses_everything(db: Engine) -> None:
    # check_bind keeps such a server from starting; one whose last key was revoked fails closed
    access = decide(policy(db, "0.0.0.0"), path="/", host=HOST, query_key="lk_whatever")
    assert access.status == 401


def test_with_keys_a_request_without_one_is_refused(db: Engine) -> None:
    create_api_key(db, "web")
    for path in ("/", WEBSOCKET_PATH, "/static/js/textual.js"):
        assert decide(policy(db), path=path, host=HOST).status == 401
    wrong = decide(policy(db), path="/", host=HOST, authorization="Bearer lk_wrong")
    assert wrong.status == 401 and "API key" in wrong.reason


def test_a_bearer_key_goes_on_and_is_remembered_on_the_page(db: Engine) -> None:
    key = create_api_key(db, "web")
    page = decide(policy(db), path="/", host=HOST, authorization=f"Bearer {key}")
    assert page.allowed and page.remember == key
    socket = decide(policy(db), path=WEBSOCKET_PATH, host=HOST, authorization=f"Bearer {key}")
    assert socket.allowed


def test_a_key_in_the_query_counts_on_the_page_only(db: Engine) -> None:
    key = create_api_key(db, "web")
    page = decide(policy(db), path="/", host=HOST, query_key=key)
    assert page.allowed and page.remember == key
    assert decide(policy(db), path=WEBSOCKET_PATH, host=HOST, query_key=key).status == 401


def test_the_cookie_carries_the_key_to_the_websocket(db: Engine) -> None:
    key = create_api_key(db, "web")
    for path in ("/", WEBSOCKET_PATH, "/static/js/textual.js"):
        access = decide(policy(db), path=path, host=HOST, cookie_key=key)
        assert access.allowed and access.remember is None  # already set
    stale = decide(policy(db), path="/", host=HOST, cookie_key="lk_old", query_key=key)
    assert stale.allowed and stale.remember == key


def test_a_revoked_key_stops_working(db: Engine) -> None:
    from likeness.core.auth import revoke_api_key

    key = create_api_key(db, "web")
    create_api_key(db, "other")
    revoke_api_key(db, "web")
    assert decide(policy(db), path=WEBSOCKET_PATH, host=HOST, cookie_key=key).status == 401


def test_a_websocket_from_another_site_is_refused_even_when_open(db: Engine) -> None:
    key = create_api_key(db, "web")
    foreign = decide(
        policy(db), path=WEBSOCKET_PATH, host=HOST, cookie_key=key, origin="https://evil.example"
    )
    assert foreign.status == 403
    own = decide(
        policy(db), path=WEBSOCKET_PATH, host=HOST, cookie_key=key, origin=f"http://{HOST}"
    )
    assert own.allowed


def test_keys_that_cannot_be_read_answer_503(tmp_path: Path) -> None:
    gone = create_db_engine(f"sqlite:///{tmp_path / 'no-such-dir' / 'likeness.db'}")
    access = decide(policy(gone), path="/", host=HOST, cookie_key="lk_any")
    assert access.status == 503  # fails closed, and says it is worth retrying
    gone.dispose()


def test_the_child_command_passes_the_servers_and_options() -> None:
    args = parser().parse_args(["--web", "--persona", "mags", "--annotator", "a b"])
    command = child_command(["127.0.0.1:1", "127.0.0.1:2"], args)
    assert command.startswith(f"exec {sys.executable} ")
    assert command.endswith(
        "-m likeness.tui --server 127.0.0.1:1 --server 127.0.0.1:2 --persona mags --annotator 'a b'"
    )


# --- the running server --------------------------------------------------------------------


@dataclass
class WebProcess:
    process: subprocess.Popen[str]
    url: str


def web_env(settings: Settings) -> dict[str, str]:
    """The test's settings for the server (and so for the apps it spawns): its database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIKENESS_")}
    env["LIKENESS_DATABASE_URL"] = settings.database_url or ""
    env["LIKENESS_DATA_DIR"] = str(settings.data_dir)
    return env


def start_web(
    settings: Settings, *options: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "likeness.tui", "--web", *options],
        env={**web_env(settings), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_web(process: subprocess.Popen[str]) -> tuple[int, str]:
    """Ctrl+C, as a person stops it; the exit code and what it wrote to stderr."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return process.returncode, err


@pytest.fixture
def web(tui_settings: Settings, services: Services) -> Iterator[WebProcess]:
    servers = [services.addresses[name] for name in ("ingest", "inference", "labeler", "trainer")]
    options = [f"--server={addr}" for addr in dict.fromkeys(servers)]
    process = start_web(
        tui_settings, *options, "--port", "0", "--persona", "mags", "--annotator", "ann"
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # "open http://127.0.0.1:PORT/ in a browser; …"
    found = re.search(r"http://\S+/", line)
    if found is None:
        _, err = stop_web(process)
        pytest.fail(f"the web server did not start: {line!r} {err}")
    yield WebProcess(process, found.group(0))
    code, err = stop_web(process)
    assert code == 0, err


async def test_serves_the_page_and_its_script(web: WebProcess) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(web.url) as page:
            assert page.status == 200
            html = await page.text()
        assert "<title>" not in html or "likeness" in html
        assert f'data-session-websocket-url="ws://{web.url[len("http://") :]}ws"' in html
        assert "likeness" in html  # the title on the intro dialog
        async with http.get(web.url + "static/js/textual.js") as script:
            assert script.status == 200


async def test_the_websocket_runs_the_app(web: WebProcess) -> None:
    """One connection: the app starts as a child and sends the terminal's first frames."""
    async with aiohttp.ClientSession() as http:
        socket_url = web.url.replace("http://", "ws://") + "ws?width=80&height=24"
        async with http.ws_connect(socket_url) as socket:
            screen = b""
            deadline = time.monotonic() + STARTUP_S
            while b"likeness" not in screen and time.monotonic() < deadline:
                message = await socket.receive(timeout=STARTUP_S)
                assert message.type == aiohttp.WSMsgType.BINARY, message
                screen += message.data
            assert b"likeness" in screen


def test_refuses_a_public_address_without_keys(tui_settings: Settings) -> None:
    process = start_web(tui_settings, "--host", "0.0.0.0", "--port", "0")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert "no API key exists" in err


async def test_with_keys_the_browser_must_send_one(
    tui_settings: Settings, services: Services, db: Engine
) -> None:
    key = create_api_key(db, "browser")
    process = start_web(tui_settings, f"--server={services.addresses['labeler']}", "--port", "0")
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "asks for an API key" in line, line
        url = re.search(r"http://\S+/", line).group(0)  # type: ignore[union-attr]
        socket_url = url.replace("http://", "ws://") + "ws"
        async with aiohttp.ClientSession() as http:
            async with http.get(url) as refused:
                assert refused.status == 401
                assert 'name="key"' in await refused.text()
            async with http.get(url + "static/js/textual.js") as refused:
                assert refused.status == 401
            with pytest.raises(aiohttp.WSServerHandshakeError) as handshake:
                await http.ws_connect(socket_url)
            assert handshake.value.status == 401
            async with http.get(url, params={"key": key}) as page:
                assert page.status == 200
                cookie = page.cookies[KEY_COOKIE]
                assert cookie.value == key
                assert cookie["httponly"] and cookie["samesite"] == "Strict"
        async with aiohttp.ClientSession(cookies={KEY_COOKIE: key}) as http:
            async with http.get(url + "static/js/textual.js") as script:
                assert script.status == 200
            async with http.ws_connect(socket_url) as socket:
                message = await socket.receive(timeout=STARTUP_S)
                assert message.type == aiohttp.WSMsgType.BINARY
        bearer = {"Authorization": f"Bearer {key}"}
        async with aiohttp.ClientSession(headers=bearer) as http, http.get(url) as page:
            assert page.status == 200
    finally:
        code, err = stop_web(process)
    assert code == 0, err


def screen_text(stream: bytes) -> str:
    """The words a terminal stream draws, escape sequences and cursor moves dropped."""
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]", " ", stream.decode(errors="replace"))
    return " ".join(text.split())


async def test_embedded_the_apps_share_one_stack_and_its_session_key(
    tui_settings: Settings, mags_db: Engine, tiny_model_dir: Path, db: Engine
) -> None:
    """No --server: the services start once, in the web process. A key exists, so the apps'
    calls to them succeed only with the stack's session key, handed over in their environment:
    the Label screen showing the post is the proof (without it, it shows the refusal)."""
    key = create_api_key(db, "browser")
    # The task the app (as "ann") will resume, prepared here so its post is known.
    task = next_task(db, FakeProposer(), "mags", "ann")
    post_words = " ".join(task.post.clean_text.split()[:3])
    model = {"LIKENESS_ENGINE": "transformers", "LIKENESS_MODEL": str(tiny_model_dir)}
    process = start_web(
        tui_settings, "--port", "0", "--persona", "mags", "--annotator", "ann", env=model
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://\S+/", line)
        assert found is not None, line
        socket_url = found.group(0).replace("http://", "ws://") + "ws?width=100&height=30"
        async with aiohttp.ClientSession(cookies={KEY_COOKIE: key}) as http:
            for _ in range(2):  # two browser tabs, one stack
                async with http.ws_connect(socket_url) as socket:
                    stream = b""
                    deadline = time.monotonic() + STARTUP_S
                    while post_words not in screen_text(stream) and time.monotonic() < deadline:
                        message = await socket.receive(timeout=STARTUP_S)
                        assert message.type == aiohttp.WSMsgType.BINARY, message
                        stream += message.data
                    text = screen_text(stream)
                    assert post_words in text and "refused" not in text, text[-1500:]
    finally:
        code, err = stop_web(process)
    assert code == 0, err
    assert err.count("starting the services") == 1


# --- in a browser --------------------------------------------------------------------------

#: Finds xterm.js's Terminal on the page's heap (textual-serve keeps it in a closure) and
#: returns its rows as text; null until the terminal exists.
READ_TERMINAL = """function () {
  for (const o of this) {
    try {
      if (o && o._core && o.buffer && o.buffer.active && typeof o.rows === "number") {
        const buffer = o.buffer.active, lines = [];
        for (let y = 0; y < o.rows; y++) {
          const line = buffer.getLine(buffer.viewportY + y);
          lines.push(line ? line.translateToString(true) : "");
        }
        return lines.join("\\n");
      }
    } catch (e) { /* a prototype's getter: not an instance */ }
  }
  return null;
}"""


class DevTools:
    """A minimal Chrome DevTools protocol client over one page's websocket."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.next_id = 0

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        ask = self.next_id
        await self.socket.send_json({"id": ask, "method": method, "params": params})
        while True:
            reply = json.loads((await self.socket.receive(timeout=60)).data)
            if reply.get("id") == ask:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    async def terminal_text(self) -> str | None:
        proto = await self.call("Runtime.evaluate", expression="Object.prototype")
        found = await self.call(
            "Runtime.queryObjects", prototypeObjectId=proto["result"]["objectId"]
        )
        try:
            text = await self.call(
                "Runtime.callFunctionOn",
                functionDeclaration=READ_TERMINAL,
                objectId=found["objects"]["objectId"],
                returnByValue=True,
            )
        finally:
            await self.call("Runtime.releaseObjectGroup", objectGroup="")
        return text["result"].get("value")


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "chromium is not installed: `make test` installs it (apt-get install chromium); "
            "on another system install Chromium and put it on PATH"
        )
    return found


async def wait_for_devtools(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium's DevTools listen on (it writes it to DevToolsActivePort)."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_S
    while not marker.exists() or not marker.read_text().strip():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"chromium did not start (exit {process.poll()})")
        await asyncio.sleep(0.1)
    return int(marker.read_text().split()[0])


async def test_the_label_screen_in_chromium(
    web: WebProcess, services: Services, tmp_path: Path
) -> None:
    # The app, as "ann", resumes the task this holds for "ann": its post is what it shows.
    task = services.require("labeler").next_task("mags", "ann")
    post_words = " ".join(task.post.clean_text.split()[:3])
    profile = tmp_path / "chromium-profile"
    browser = subprocess.Popen(
        [
            chromium(),
            "--headless",
            "--no-sandbox",  # root in a container: Chromium's sandbox needs user namespaces
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--remote-debugging-port=0",
            f"--user-data-dir={profile}",
            "--window-size=1280,800",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port = await wait_for_devtools(profile, browser)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/json/list") as listing:
                pages = [t for t in await listing.json() if t["type"] == "page"]
            async with http.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                devtools = DevTools(ws)
                await devtools.call("Page.navigate", url=web.url)
                text: str | None = None
                deadline = time.monotonic() + STARTUP_S
                while time.monotonic() < deadline:
                    try:
                        text = await devtools.terminal_text()
                    except RuntimeError:  # the page is loading: its context changed between calls
                        text = None
                    if text and "likeness" in text and post_words in text:
                        break
                    await asyncio.sleep(0.5)
                shot = await devtools.call("Page.captureScreenshot", format="png")
        png = tmp_path / "label-screen.png"
        png.write_bytes(base64.b64decode(shot["data"]))
    finally:
        browser.terminate()
        browser.wait(30)
    assert text is not None, "no xterm.js terminal found on the page"
    assert "likeness" in text, text
    assert post_words in text, text
    assert png.stat().st_size > 10_000  # a drawn screen, not a blank page
