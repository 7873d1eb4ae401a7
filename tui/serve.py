"""``briefing serve``: the briefing browser in a web browser, through textual-serve.

textual-serve (aiohttp) answers each browser connection by starting a new process that
runs a command and relaying its terminal over a websocket. Here that command is this
Python running ``-m tui --served`` on the already validated briefing(s): a served session
keeps the visitor's preferences in memory and offers nothing that reads or writes files
on the server. The page is textual-serve's with a title, and with its font taken from
textual-serve's own static files rather than Google Fonts, so it needs no outside host.
"""

from __future__ import annotations

import asyncio
import ipaddress
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web
from textual.theme import BUILTIN_THEMES
from textual_serve.server import Server

from .cache import load_briefing_cached, load_index, store_index
from .i18n import language_from_env, localize, ui
from .library import library_index, read_library
from .model import Language
from .search import build_index
from .themes import load_themes

TEMPLATES = Path(__file__).resolve().parent / "web"
PACKAGE_HOME = Path(__file__).resolve().parent.parent  # where ``import tui`` finds this package


def session_command(paths: Sequence[Path], language: Language | None, theme: str | None) -> str:
    """The shell command each browser session runs: the briefing app in served mode.

    ``-m`` looks in the working directory first, so the command starts from the directory this very
    ``tui`` package is in: a session runs the server's code, whatever directory the server was started
    from (which may hold some other ``tui``). ``exec`` leaves no shell behind the app."""
    args = [sys.executable, "-m", "tui", "--served", *(str(path.resolve()) for path in paths)]
    if language:
        args += ["--lang", language]
    if theme:
        args += ["--theme", theme]
    return f"cd {shlex.quote(str(PACKAGE_HOME))} && exec {shlex.join(args)}"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def url_of(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port (port 0: any free port); OSError if that is not possible."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family)


class BriefingServer(Server):
    """textual-serve's server on a socket opened beforehand, with briefing's page and a one-line greeting."""

    def __init__(self, sock: socket.socket, command: str, *, title: str, public_url: str, what: str) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(command, host=host, port=port, title=title, public_url=public_url,
                         templates_path=TEMPLATES)
        self.sock = sock
        self.what = what
        self.sessions: set[asyncio.Task] = set()

    async def on_startup(self, app: web.Application) -> None:
        print(f"Serving {self.what} at {self.public_url} (Ctrl+C to stop)", flush=True)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        session = asyncio.current_task()
        assert session is not None
        self.sessions.add(session)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(session)

    async def on_shutdown(self, app: web.Application) -> None:
        # aiohttp would wait for open websockets to end by themselves; textual-serve ends a
        # session cancelled here by closing its websocket and telling its app process to quit.
        sessions = list(self.sessions)
        for session in sessions:
            session.cancel()
        await asyncio.gather(*sessions, return_exceptions=True)

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        self.initialize_logging()
        # aiohttp turns SIGINT and SIGTERM into a graceful exit, which ends every session's process.
        web.run_app(self._make_app(), sock=self.sock, print=None, handle_signals=True)


def serve(paths: Sequence[Path], *, host: str, port: int, public_url: str | None = None,
          language: Language | None = None, theme: str | None = None) -> int:
    """Validate what is to be served, then serve it until Ctrl+C. Exit code as ``briefing``'s."""
    briefings = []
    for path in paths:
        briefing, errors, cache_key = load_briefing_cached(path)
        for error in errors:
            print(error, file=sys.stderr)
        if errors or briefing is None:
            return 1
        if cache_key and load_index(cache_key) is None:
            # Built once here rather than by every visitor's session, which reads it from the cache.
            store_index(cache_key, build_index(briefing))
        briefings.append(briefing)
    if len(paths) > 1:  # a library: its combined index too, once here rather than by every session
        library_index(read_library(list(paths)))
    if theme is not None:
        known = set(BUILTIN_THEMES) | {t.name for t in load_themes()[0]}
        if theme not in known:
            print(f"briefing: unknown theme {theme!r}; choose one of: {', '.join(sorted(known))}", file=sys.stderr)
            return 2
    try:
        sock = listen(host, port)
    except OSError as exc:
        print(f"briefing serve: cannot listen on {host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if not is_loopback(host):
        print(f"briefing serve: warning: listening on {host}, not on loopback: anyone who can reach this "
              "machine can read the briefing (there is no password). Pass --public-url with the address "
              "visitors use if it is not this one.", file=sys.stderr)
    language = language or language_from_env()
    title = localize(briefings[0].meeting.title, language) if len(briefings) == 1 else ui("Library", language)
    server = BriefingServer(sock, session_command(paths, language, theme), title=title,
                            public_url=public_url or url_of(*sock.getsockname()[:2]),
                            what=", ".join(str(path) for path in paths))
    server.serve()
    return 0
