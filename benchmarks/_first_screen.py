"""Run an app headless; print the seconds from the given start time to its complete first screen.

Used by startup.py and library.py: ``python _first_screen.py KIND START [PATH]`` with KIND ``hello``
(Header, Static, Footer), ``floor`` (the briefing's stock widgets, no content) or ``briefing``, whose
PATH (a briefing file, or a folder: a library) is passed to ``BriefingApp`` as it is.

The complete first screen is the last frame drawn before the app falls quiet: the first frame is
drawn before the footer's keys and the tab underline are, so exiting in ``on_ready`` times too little.
The app is left to finish its start-up work (for the briefing: loading or building the search
index) before it exits, so the parent's ``ru_maxrss`` for this process is the peak of a whole start.
"""

import asyncio
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
        if ready and time.time() - _frames.last_frame() > QUIET:
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
_frames.install()

if kind == "hello":
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
    from tui.app import BriefingApp

    class Briefing(Settles, BriefingApp):
        pass

    path = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    if path is not None and path.is_dir():  # as ``briefing DIR`` opens it: a library
        from tui.library import briefing_files

        app = Briefing(library=briefing_files([path]), language="en")
    else:
        app = Briefing(path, language="en")
    app.run(headless=True, size=(120, 36))
