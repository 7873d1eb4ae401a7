"""Key latency: wall time from posting a key to the last frame it causes, bundled and large briefings.

Drives the real app headless with Textual's Pilot at 120x36. Each key is posted, then the script waits
until the app has fallen quiet (no frame for a while) and records the time from the post to the last
frame drawn (a key that draws nothing counts as the time until its handling is done). Frames are
converted to terminal output as a real session would (see ``_frames.py``).

Each briefing runs twice: **warm** (its briefing and search index cached by an earlier run, the
index really loaded and the other panes built in idle moments before the first key, as for a reader
who has looked at the first screen for a second) and **cold** (an empty cache, keys pressed as soon as
the first screen is up, while the index and the other panes are built). Prints min / median / max
per kind of key, beside the goal: median <= 30 ms and worst <= 100 ms.

    python benchmarks/responsiveness.py [--items 10000] [--only bundled|large] [--warm-only]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _frames  # noqa: E402
from benchmarks.generate import write_large_briefing  # noqa: E402

QUIET = 0.15  # seconds without a frame after which a key's frames are taken to be all drawn
GOAL_MEDIAN, GOAL_WORST = 0.030, 0.100

# (kind, keys) pressed in this order; each key is timed on its own.
SCRIPT = [
    ("first visit to a pane", ["2", "3", "4", "5", "6", "7"]),
    ("switch pane", ["1", "2", "3", "4", "5", "2"]),
    ("move in list", ["j"] * 10 + ["k"] * 5),
    ("first / last", ["G", "g", "G"]),
    ("open / close detail", ["enter", "escape", "enter", "escape"]),
    ("language", ["t", "t", "t"]),
    ("search: open", ["slash"]),
    ("search: type English", ["d", "a", "t", "a"]),
    ("search: type pinyin", ["backspace"] * 4 + ["s", "h", "u", "j", "u"]),
    ("search: type Chinese", ["backspace"] * 5 + ["數", "據"]),
    ("search: choose", ["enter"]),
    ("next / previous hit", ["n", "n", "N"]),
    ("show in source and back", ["s", "escape"]),
    ("help", ["question_mark", "escape"]),
]


async def quiet() -> None:
    """Wait until no frame has been drawn for QUIET seconds."""
    while time.time() - _frames.last_frame() < QUIET:
        await asyncio.sleep(0.01)


def steady(app) -> bool:
    """Stop the blinking of any text cursor on the screen; say if there was one."""
    from textual.widgets import Input

    blinking = [field for field in app.screen.query(Input) if field.cursor_blink]
    for field in blinking:
        field.cursor_blink = False
    return bool(blinking)


async def measure(path: str | None, warm: bool) -> dict[str, list[float]]:
    from tui.app import BriefingApp

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # every run starts alike: no remembered pane
    app = BriefingApp(path, language="en")
    times: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        if warm:
            while not app.index_ready:  # the index worker starts after the first refresh
                await asyncio.sleep(0.01)
            while app.browser.idle_work_pending:  # the other panes, built in idle moments after the first frame
                await asyncio.sleep(0.01)
        await quiet()
        for kind, keys in SCRIPT:
            for key in keys:
                posted = time.time()
                await pilot.press(key)
                handled = time.time()
                await quiet()
                drawn = _frames.last_frame()
                times.setdefault(kind, []).append((drawn if drawn > posted else handled) - posted)
                if steady(app):  # a blinking cursor draws frames of its own: stop it, untimed
                    await quiet()
        while not app.index_ready:  # so that the warm run finds the index cached
            await asyncio.sleep(0.01)
    return times


async def prime(path: str | None) -> None:
    """Open the briefing until its search index is built and cached, as a first launch would."""
    from tui.app import BriefingApp

    app = BriefingApp(path, language="en")
    async with app.run_test(size=(120, 36)):
        while not app.index_ready:
            await asyncio.sleep(0.01)


def report(name: str, times: dict[str, list[float]]) -> None:
    every = [t for values in times.values() for t in values]
    print(f"\n{name}: {len(every)} keys; median {statistics.median(every) * 1000:.1f} ms "
          f"(goal <= {GOAL_MEDIAN * 1000:.0f}), worst {max(every) * 1000:.1f} ms (goal <= {GOAL_WORST * 1000:.0f}), "
          f"{sum(t > GOAL_WORST for t in every)} keys over {GOAL_WORST * 1000:.0f} ms")
    print(f"  {'keys':<26} {'n':>3} {'min ms':>8} {'median ms':>10} {'max ms':>8}")
    for kind, values in times.items():
        flag = "" if statistics.median(values) <= GOAL_MEDIAN and max(values) <= GOAL_WORST else "  NOT met"
        print(f"  {kind:<26} {len(values):>3} {min(values) * 1000:>8.1f} {statistics.median(values) * 1000:>10.1f} "
              f"{max(values) * 1000:>8.1f}{flag}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--only", choices=["bundled", "large"], help="measure one of the two briefings")
    parser.add_argument("--warm-only", action="store_true", help="skip the cold runs (the cache is still filled)")
    args = parser.parse_args()
    _frames.install()
    with tempfile.TemporaryDirectory() as tmp:
        tempfile.tempdir = tmp  # leave the user's preferences and cache alone
        briefings = {"bundled": ("bundled briefing", None)}
        if args.only != "bundled":
            large = str(write_large_briefing(Path(tmp), args.items))
            briefings["large"] = (f"generated briefing of {args.items} items", large)
        for key, (name, path) in briefings.items():
            if args.only not in (None, key):
                continue
            os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache-cold")
            if args.warm_only:
                asyncio.run(prime(path))
            else:  # which fills the cache for the warm run too
                report(f"{name}, cold (empty cache, index built meanwhile)", asyncio.run(measure(path, warm=False)))
            report(f"{name}, warm (cached, index loaded)", asyncio.run(measure(path, warm=True)))


if __name__ == "__main__":
    main()
