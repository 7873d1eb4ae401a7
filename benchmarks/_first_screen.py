"""Run an app headless; print the seconds from the given start time to its complete first screen.

Used by startup.py and library.py: ``python _first_screen.py KIND START [PATH]`` with KIND ``hello``
(Header, Static, Footer), ``floor`` (the briefing's stock widgets, no content) or ``briefing``.
``briefing`` starts as the ``briefing PATH`` command does (``tui.cli.main``; PATH a briefing file, by
default the bundled one, or a folder: a library), so everything a reader's launch does is timed:
the command's imports and arguments, loading, the app; only the terminal is headless, at 120x36.

The complete first screen is the last frame drawn before the app falls quiet: the first frame is
drawn before the footer's keys and the tab underline are, so exiting in ``on_ready`` times too little.
The app is left to finish its start-up work (for the briefing: loading or building the search
index) before it exits, so the parent's ``ru_maxrss`` for this process is the peak of a whole start.
"""

import asyncio
import functools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _frames  # noqa: E402

QUIET = 0.3  # seconds without a frame (and with start-up work done) that end the start


async def settle(app) -> None:
    while True:
        await asyncio.sleep(0.02)
        ready = getattr(app, "index_ready", True)
        if ready and _frames.frames and time.time() - _frames.last_frame() > QUIET:
            break
    # Textual captures print() while an app runs; write past it.
    sys.__stdout__.write(f"{_frames.last_frame() - start:.6f}\n")
    sys.__stdout__.flush()
    os._exit(0)


class Settles:
    """Mixed into each timed app: start the watch once the app is ready."""

    def on_ready(self) -> None:
        self._settle = asyncio.create_task(settle(self))


kind, start = sys.argv[1], float(sys.argv[2])

if kind == "hello":
    _frames.install()
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class Hello(Settles, App):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self):
            yield Header()
            yield Static("Hello, world")
            yield Footer()

    Hello().run(headless=True, size=(120, 36))
elif kind == "floor":
    _frames.install()
    from textual.app import App
    from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane

    class Floor(Settles, App):
        """What the briefing's first screen is made of, without its content."""

        BINDINGS = [("q", "quit", "Quit")]

        def compose(self):
            yield Header()
            with TabbedContent():
                for number in range(1, 8):
                    with TabPane(f"{number} Pane", id=f"pane-{number}"):
                        if number == 1:
                            yield Static("card")
                            yield OptionList(*(f"row {n}" for n in range(5)))
                            yield Static("detail " * 100)
            yield Footer()

    Floor().run(headless=True, size=(120, 36))
else:
    from tui import cli  # what the ``briefing`` script imports and runs

    run_app = cli._run_until_signalled

    async def run_timed(app) -> None:
        """The command's own way of running its app, headless, with the frames recorded."""
        _frames.install()
        app.run_async = functools.partial(app.run_async, headless=True, size=(120, 36))
        app._settle = asyncio.ensure_future(settle(app))
        await run_app(app)

    cli._run_until_signalled = run_timed
    from tui.paths import default_briefing  # the command opens a library without a path: name the briefing

    cli.main([sys.argv[3] if len(sys.argv) > 3 else str(default_briefing()), "--lang", "en"])
    raise SystemExit("the app ended before its first screen was complete")
