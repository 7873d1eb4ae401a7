"""A seeded monkey: thousands of random keys and terminal sizes thrown at the real app.

Presses bound keys, random printable characters (Latin and Chinese) and control keys across every
pane, the detail view, search, help and the command palette, resizing the terminal between 40×12
and 250×80 (and below, for the too-small message) as it goes. Reproducible: the same seed gives the
same run. Passes when nothing raises and the app still answers a final key.

    python benchmarks/monkey.py [--keys 5000] [--seed 2023]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import string
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BOUND = ["1", "2", "3", "4", "5", "6", "7", "h", "j", "k", "l", "g", "G", "left", "right", "up", "down", "home",
         "end", "enter", "escape", "slash", "n", "N", "t", "s", "y", "question_mark", "f1", "ctrl+p"]
CONTROL = ["tab", "shift+tab", "backspace", "delete", "pageup", "pagedown", "space", "ctrl+a", "ctrl+e",
           "ctrl+k", "ctrl+u", "ctrl+w", "f2", "f10", "insert"]
PRINTABLE = list(string.ascii_letters + string.digits + "%.,-[]/@") + list("數據中心数据贵州貴陽")
QUITTING = {"q", "Q", "ctrl+q", "ctrl+c"}


def random_key(rng: random.Random) -> str:
    pool = rng.choices([BOUND, CONTROL, PRINTABLE], weights=[6, 2, 2])[0]
    key = rng.choice(pool)
    return "escape" if key in QUITTING else key


def random_size(rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.1:
        return rng.randint(20, 39), rng.randint(6, 11)  # too small: the app must say so
    return rng.randint(40, 250), rng.randint(12, 80)


async def monkey(keys: int, seed: int, resize_every: int = 40) -> Counter:
    """Run the monkey; return what it did. Raises if the app fails or stops answering."""
    from tui.app import BriefingApp

    rng = random.Random(seed)
    done: Counter = Counter()
    app = BriefingApp(language="en")
    async with app.run_test(size=(120, 36)) as pilot:
        for n in range(keys):
            if n % resize_every == 0:
                await pilot.resize_terminal(*random_size(rng))
                done["resizes"] += 1
            await pilot.press(random_key(rng))
            done[type(app.screen).__name__] += 1
        await pilot.resize_terminal(120, 36)
        for _ in range(8):  # close whatever is open: palette, search, help, details
            await pilot.press("escape")
        await pilot.press("4")
        assert app.browser.active_pane == "targets", "the app no longer answers keys"
        assert app.is_running
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        start = time.perf_counter()
        done = asyncio.run(monkey(args.keys, args.seed))
    print(f"{args.keys} keys, seed {args.seed}: no exception, the app answered the final key "
          f"({time.perf_counter() - start:.0f} s)")
    print("key presses by screen:", dict(done))


if __name__ == "__main__":
    main()
