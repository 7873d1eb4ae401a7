"""Run an app headless and print the seconds from the given start time to its first complete frame.

Used by startup.py: ``python _first_screen.py KIND START [PATH]`` with KIND ``hello``, ``floor`` or ``briefing``.
"""

import os
import sys
import time

kind, start = sys.argv[1], float(sys.argv[2])


def report() -> None:
    # Textual captures print() while an app runs; write past it.
    sys.__stdout__.write(f"{time.time() - start:.6f}\n")
    sys.__stdout__.flush()


if kind == "hello":
    from textual.app import App
    from textual.widgets import Static

    class Timed(App):
        def compose(self):
            yield Static("Hello, world")

        def on_ready(self) -> None:
            report()
            os._exit(0)  # don't wait for anything else: the frame is what we time

    Timed().run(headless=True)
elif kind == "floor":
    from textual.app import App
    from textual.widgets import Footer, Header, OptionList, Static, TabbedContent, TabPane

    class TimedFloor(App):
        """What the briefing's first screen is made of, without its content."""

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

        def on_ready(self) -> None:
            report()
            os._exit(0)

    TimedFloor().run(headless=True)
else:
    from tui.app import BriefingApp

    class TimedBriefing(BriefingApp):
        def on_ready(self) -> None:
            report()
            os._exit(0)

    TimedBriefing(sys.argv[3] if len(sys.argv) > 3 else None, language="en").run(headless=True)
