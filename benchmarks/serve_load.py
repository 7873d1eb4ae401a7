"""Load on ``briefing serve``: N sessions at once, each opening the briefing and searching.

Each session is a websocket client speaking textual-serve's protocol, as the page's
JavaScript does (``["stdin", keys]`` out, the terminal's bytes in). Every session waits
for the first screen, presses ``/``, types ``sjzx`` and waits for the results. With all
of them open it measures the resident memory of the app processes; then it closes them
and checks that no app process is left. Loopback only, bounded in count and time.

It first times one page load in headless Chromium, from navigation to the first screen.

    python benchmarks/serve_load.py [--sessions 10]

``tests/test_serve.py`` runs it at a size CI can afford; ``tests/test_serve_browser.py`` uses the
browser helpers below.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import resource
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = re.compile(r"\d+ results?")
CHROMIUM = Path("/usr/bin/chromium")  # Debian's: Playwright may not download its own browser here
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# textual-serve's page keeps its xterm.js Terminal to itself, in ``this.terminal`` of an object built
# on load. A setter of that name on Object.prototype, installed before the page's script runs, sees
# the assignment, puts the property back as a plain one and keeps the terminal in window.__terminal.
TERMINAL_HOOK = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && value.buffer) window.__terminal = value;
  },
});
"""
# The rows on screen, as text (a wide character is one character, not two).
SCREEN_TEXT = """() => {
  const terminal = window.__terminal;
  if (!terminal) return "";
  const buffer = terminal.buffer.active, rows = [];
  for (let y = 0; y < terminal.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y).translateToString(true));
  return rows.join("\\n");
}"""


def launch_chromium(playwright):
    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run does)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def first_screen_in_browser(url: str) -> float:
    """Seconds from navigating to ``url`` to the app's first screen in the page's terminal."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.add_init_script(TERMINAL_HOOK)
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_function(f"() => ({SCREEN_TEXT})().includes('Achievements')", timeout=120_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


class Served:
    """``briefing serve --port 0`` in a process group of its own, with scratch config and cache dirs."""

    def __init__(self, *args: str, scratch: Path | None = None, startup_timeout: float = 60) -> None:
        scratch = scratch or Path(tempfile.mkdtemp(prefix="briefing-serve-"))
        self.config_dir = scratch / "config"
        env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "TEXTUAL_THEME")}
        env.update(XDG_CONFIG_HOME=str(self.config_dir), XDG_CACHE_HOME=str(scratch / "cache"))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", "0", *args],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.lines: list[str] = []
        self.stderr = ""  # all of it, once stopped
        self._url_found = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        started = self._url_found.wait(startup_timeout) and re.search(r"http://\S+", self.stdout)
        if not started:
            self.stop()
            raise RuntimeError(f"briefing serve did not start: {self.stderr or self.stdout}")
        self.url = started.group(0)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if "Serving " in line:
                self._url_found.set()
        self._url_found.set()  # ended without serving: let the constructor report it

    @property
    def stdout(self) -> str:
        return "".join(self.lines)

    def app_processes(self) -> list[int]:
        return descendants(self.process.pid)

    def stop(self, timeout: float = 60, how: str = "ctrl+c") -> int:
        """Stop the server; the exit code. ``ctrl+c``: SIGINT to the whole process group, as a terminal
        sends it; ``kill``: SIGTERM to the server alone, as ``kill`` or a service manager sends it."""
        if self.process.poll() is None:
            if how == "ctrl+c":
                os.killpg(self.process.pid, signal.SIGINT)
            else:
                self.process.terminate()
        try:
            _, self.stderr = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            _, self.stderr = self.process.communicate()
        self._reader.join(timeout)
        return self.process.returncode

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (textual-serve runs each app through ``sh -c``)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # gone meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else 0


def wait_gone(pids: list[int], timeout: float) -> list[int]:
    """Wait (on pidfds, not by polling) until these processes have exited; those still running after timeout."""
    fds = {}
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            fds[os.pidfd_open(pid)] = pid
    deadline = time.monotonic() + timeout
    try:
        while fds and (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select(list(fds), [], [], left)
            for fd in ready:
                os.close(fd)
                del fds[fd]
        return sorted(fds.values())
    finally:
        for fd in fds:
            os.close(fd)


@dataclass
class Session:
    """One visitor: the seconds to the first screen and to the search results, and everything it was sent."""

    first_screen: float = 0.0
    answered: float = 0.0
    closed_by_server: bool = False
    text: str = field(default="", repr=False)


async def visit(url: str, opened: asyncio.Event, close: asyncio.Event, query: str = "sjzx") -> Session:
    """Open a session, search, tell ``opened``, and keep the session until ``close`` is set (or the server
    closes it)."""
    import aiohttp

    session = Session()
    start = time.perf_counter()
    websocket_url = url.replace("http://", "ws://", 1) + "/ws?width=120&height=36"
    async with aiohttp.ClientSession() as client, client.ws_connect(websocket_url) as websocket:

        async def until(found) -> None:
            while not found(session.text):
                message = await websocket.receive()
                if message.type != aiohttp.WSMsgType.BINARY:
                    if message.type == aiohttp.WSMsgType.TEXT:  # pong and the like
                        continue
                    raise RuntimeError(f"session ended before it answered: {message!r}")
                session.text += message.data.decode("utf-8", "replace")

        # The first screen: a briefing's tabs, or the library's status line.
        await until(lambda text: "Achievements" in text or "briefings · sorted" in text)
        session.first_screen = time.perf_counter() - start
        await websocket.send_str(json.dumps(["stdin", "/"]))
        await until(lambda text: "Type to search" in text)
        await websocket.send_str(json.dumps(["stdin", query]))
        await until(lambda text: RESULTS.search(text))
        session.answered = time.perf_counter() - start
        opened.set()

        async def read_until_closed() -> None:  # as a browser does, answering the server's close at once
            async for _ in websocket:
                pass

        reading, leaving = asyncio.create_task(read_until_closed()), asyncio.create_task(close.wait())
        await asyncio.wait({reading, leaving}, return_when=asyncio.FIRST_COMPLETED)
        session.closed_by_server = reading.done()
        for task in (reading, leaving):
            task.cancel()
    return session


async def load(served: Served, sessions: int, timeout: float) -> dict:
    """Run ``sessions`` visits at once; measure the app processes while all are open; close them all."""
    close = asyncio.Event()
    settled = [asyncio.Event() for _ in range(sessions)]  # answered, or failed

    async def attempt(event: asyncio.Event) -> Session:
        try:
            return await visit(served.url, event, close)
        finally:
            event.set()

    visits = [asyncio.create_task(attempt(event)) for event in settled]
    with contextlib.suppress(asyncio.TimeoutError):  # the visits still waiting then count as failed
        await asyncio.wait_for(asyncio.gather(*(event.wait() for event in settled)), timeout)
    processes = served.app_processes()
    memory = [rss_kib(pid) for pid in processes]
    close.set()
    for task in visits:
        if not task.done() and not settled[visits.index(task)].is_set():
            task.cancel()
    results = await asyncio.gather(*visits, return_exceptions=True)
    left = wait_gone(processes, timeout)
    return {
        "sessions": [r for r in results if isinstance(r, Session)],
        "errors": [r for r in results if not isinstance(r, Session)],
        "processes": len(processes),
        "rss_kib": sum(memory),
        "left": left,
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip the page-load timing")
    parser.add_argument("--timeout", type=float, default=120, help="seconds allowed for all to answer")
    args = parser.parse_args()
    with Served("--lang", "en") as served:
        page_load = first_screen_in_browser(served.url) if args.browser else None
        cpu_before = _children_cpu()  # the browser's, reaped by now
        wait_gone(served.app_processes(), 60)  # the page's session is over before the load starts
        server_rss = rss_kib(served.process.pid)
        start = time.perf_counter()
        result = asyncio.run(load(served, args.sessions, args.timeout))
        elapsed = time.perf_counter() - start
        code = served.stop()
    cpu = _children_cpu() - cpu_before  # the server's and, reaped by it, every session's
    sessions = result["sessions"]
    if page_load is not None:
        print(f"page load to first screen in Chromium: {page_load:.2f} s")
    print(f"{len(sessions)}/{args.sessions} sessions answered, {len(result['errors'])} failed "
          f"({elapsed:.1f} s in all)")
    for error in result["errors"]:
        print(f"  failed: {error!r}")
    if sessions:
        print(f"first screen: median {statistics.median(s.first_screen for s in sessions):.2f} s, "
              f"slowest {max(s.first_screen for s in sessions):.2f} s")
        print(f"search answered: median {statistics.median(s.answered for s in sessions):.2f} s, "
              f"slowest {max(s.answered for s in sessions):.2f} s")
    print(f"app processes while open: {result['processes']}, RSS {result['rss_kib'] / 1024:.0f} MiB in all, "
          f"{result['rss_kib'] / 1024 / args.sessions:.0f} MiB per session; server {server_rss / 1024:.0f} MiB")
    print(f"CPU time of the server and its sessions: {cpu:.1f} s "
          f"({cpu / args.sessions:.1f} s per session, the server's start included)")
    print(f"app processes left after closing: {len(result['left'])}; server exit code on Ctrl+C: {code}")
    ok = len(sessions) == args.sessions and not result["left"] and code == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
