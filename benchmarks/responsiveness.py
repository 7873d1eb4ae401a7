"""Keypress latency on a large briefing: how long the app takes to handle each key, bundled vs large.

Drives the real app headless with Textual's Pilot. Pilot waits for the app to go idle with sleeps of
its own, so wall-clock time per key is mostly Pilot's; what is timed instead is the CPU time the
process spends from the key press until the app is idle again (handling, re-layout and re-render),
less that of an unbound key (Pilot's own work). Prints the median and the worst per kind of key, for
the bundled briefing and a generated one, in the same run. Target: no key over 100 ms.

    python benchmarks/responsiveness.py [--items 10000]
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

from benchmarks.generate import write_large_briefing  # noqa: E402

# (kind, keys) pressed in this order; each key is timed on its own.
SCRIPT = [
    ("first visit to a pane", ["2", "3", "4", "5", "6", "7"]),
    ("switch pane", ["1", "2", "3", "4", "5", "2"]),
    ("move in list", ["j"] * 10 + ["k"] * 5),
    ("first / last", ["G", "g", "G"]),
    ("open / close detail", ["enter", "escape", "enter", "escape"]),
    ("language", ["t", "t", "t"]),
    ("search: open, type, choose", ["slash", "d", "a", "t", "a", "enter"]),
    ("next / previous hit", ["n", "n", "N"]),
    ("show in source and back", ["s", "escape"]),
    ("help", ["question_mark", "escape"]),
]


async def measure(path: str | None, size=(120, 36)) -> dict[str, list[float]]:
    from tui.app import BriefingApp

    app = BriefingApp(path, language="en")
    times: dict[str, list[float]] = {}

    async def timed(key: str) -> float:
        start = time.process_time()
        await pilot.press(key)
        await pilot.pause()
        return time.process_time() - start

    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()  # the search index, built in the background
        overhead = statistics.median([await timed("f12") for _ in range(10)])  # f12 is bound to nothing
        for kind, keys in SCRIPT:
            for key in keys:
                times.setdefault(kind, []).append(max(0.0, await timed(key) - overhead))
    print(f"  (Pilot's own CPU time per key, subtracted: {overhead * 1000:.1f} ms)")
    return times


def report(name: str, times: dict[str, list[float]]) -> float:
    print(f"\n{name}")
    print(f"  {'keys':<28} {'median ms':>10} {'worst ms':>9}")
    worst = 0.0
    for kind, values in times.items():
        worst = max(worst, max(values))
        print(f"  {kind:<28} {statistics.median(values) * 1000:>10.1f} {max(values) * 1000:>9.1f}")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # leave the user's preferences alone
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        large = write_large_briefing(Path(tmp), args.items)
        bundled = report("bundled briefing", asyncio.run(measure(None)))
        worst = report(f"generated briefing of {args.items} items", asyncio.run(measure(str(large))))
    print(f"\nworst key: bundled {bundled * 1000:.1f} ms, large {worst * 1000:.1f} ms (target <= 100 ms)")


if __name__ == "__main__":
    main()
