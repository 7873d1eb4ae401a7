"""A seeded burst monkey: random keys thrown at the real app the way a paste, a macro or key-repeat sends them.

Keys arrive in bursts, posted to the app all at once with no waiting between them (Pilot's ``press``
waits for the app to settle after every key, which hides every race between keys). Between bursts the
terminal is sometimes resized: to a random size (below the minimum, at times) and back to the layout
under test. Presses bound keys, random printable characters (Latin and Chinese) and control keys across
every pane, the detail view, search, help and the command palette. Reproducible: the same seed gives the
same keys. Passes when nothing raises and the app still answers afterwards: ``2`` shows the Achievements
pane with its list focused.

    python benchmarks/monkey.py [--keys 5000] [--seed 2023] [--runs 2]
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
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

BOUND = ["1", "2", "3", "4", "5", "6", "7", "h", "j", "k", "l", "g", "G", "left", "right", "up", "down", "home",
         "end", "enter", "escape", "slash", "n", "N", "t", "s", "y", "question_mark", "f1", "ctrl+p"]
LIBRARY_KEYS = ["0", "o", "f", "enter", "escape", "escape"]  # the library's keys, more often in a library run
CONTROL = ["tab", "shift+tab", "backspace", "delete", "pageup", "pagedown", "space", "ctrl+a", "ctrl+e",
           "ctrl+k", "ctrl+u", "ctrl+w", "f2", "f10", "insert"]
PRINTABLE = list(string.ascii_letters + string.digits + "%.,-[]/@") + list("數據中心数据贵州貴陽")
QUITTING = {"q", "Q", "ctrl+q", "ctrl+c"}
LAYOUTS = {"wide": (120, 36), "narrow": (70, 24)}


def random_key(rng: random.Random) -> str:
    pool = rng.choices([BOUND, CONTROL, PRINTABLE], weights=[6, 2, 2])[0]
    key = rng.choice(pool)
    return "escape" if key in QUITTING else key


def random_size(rng: random.Random) -> tuple[int, int]:
    if rng.random() < 0.15:
        return rng.randint(20, 39), rng.randint(6, 11)  # too small: the app must say so
    if rng.random() < 0.1:
        return rng.randint(160, 250), rng.randint(50, 80)  # large terminals cost the most to draw
    return rng.randint(40, 160), rng.randint(12, 50)


def key_event(key: str) -> events.Key:
    """The event a terminal's key press gives, built as Pilot builds it (``App._press_keys``)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(pilot, keys: list[str]) -> None:
    """Deliver ``keys`` at once, as the terminal driver would, then wait until the app has handled them."""
    app = pilot.app
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    await settle(pilot)


async def settle(pilot, rounds: int = 20) -> None:
    """Wait until the app has handled every message, and those its handlers posted in turn.

    One ``pilot.pause()`` is not enough: a key goes from the app to the focused widget and bubbles back
    to the app, whose action may await a mount. Each pause lets every message pump finish what it was
    doing; stop when no queue holds anything more (or the app has stopped)."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        if app._exception is not None or not app.screen_stack:
            return
        if all(pump._message_queue.empty() for pump in (app, *app.screen.walk_children(with_self=True))):
            return


class MonkeyFailure(AssertionError):
    """The app raised, stopped, or stopped answering: says which seed and which burst to replay."""


async def monkey(keys: int, seed: int, size: tuple[int, int] = (120, 36), burst_size: int = 10,
                 resize_every: int = 6, library: bool = False) -> Counter:
    """Run the monkey (on the bundled briefing, or with ``library`` on the library of the bundled
    briefings); return what it did. Raises MonkeyFailure if the app fails or stops answering."""
    from tui.app import BriefingApp
    from tui.library import briefing_files
    from tui.paths import bundled_dir

    rng = random.Random(f"{seed} {size} {library}")
    done: Counter = Counter()
    if library:
        app = BriefingApp(library=briefing_files([bundled_dir("content")]), language="en", persist=False)
    else:
        app = BriefingApp(language="en")
    recent: list[list[str] | tuple[int, int]] = []  # the last bursts and resizes, to replay a failure

    def failed(what: str) -> MonkeyFailure:
        return MonkeyFailure(f"seed {seed} at {size[0]}x{size[1]}: {what}; last bursts and resizes: {recent[-4:]}")

    try:
        async with app.run_test(size=size) as pilot:
            sent = 0
            while sent < keys:
                if done["bursts"] % resize_every == resize_every - 1:
                    new_size = random_size(rng) if rng.random() < 0.5 else size
                    recent.append(new_size)
                    await pilot.resize_terminal(*new_size)
                    done["resizes"] += 1
                keys_now = [rng.choice(LIBRARY_KEYS) if library and rng.random() < 0.15 else random_key(rng)
                            for _ in range(min(rng.randint(1, 2 * burst_size - 1), keys - sent))]
                recent.append(keys_now)
                await burst(pilot, keys_now)
                sent += len(keys_now)
                done["bursts"] += 1
                if app._exception is not None or not app.is_running:
                    raise failed(f"the app stopped ({app._exception!r})")
                done[type(app.screen).__name__] += 1
            done["keys"] = sent
            done["briefings opened"] = len(app.sessions)
            await pilot.resize_terminal(*size)
            for _ in range(8):  # close whatever is open: palette, search, help, details
                await pilot.press("escape")
            if library:  # Esc has come back to the library: it must still open a briefing
                if app.current_mode != "library":
                    raise failed(f"Esc did not come back to the library (mode {app.current_mode!r})")
                await pilot.press("g", "enter")
            await pilot.press("2")
            focused = app.focused
            if app.browser.active_pane != "achievements" or focused is None or focused.id != "list-achievements":
                raise failed(f"the app no longer answers: after 2 the pane is {app.browser.active_pane!r}, "
                             f"the focus on {focused!r}")
    except MonkeyFailure:
        raise
    except Exception as error:  # what the app raised, re-raised by run_test as it closed
        raise failed(f"the app raised {error!r}") from error
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keys", type=int, default=5000, help="keys per layout and run")
    parser.add_argument("--seed", type=int, default=2023, help="seed of the first run")
    parser.add_argument("--runs", type=int, default=2, help="runs per layout, with seeds seed, seed+1, …")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        for seed in range(args.seed, args.seed + args.runs):
            for name, size in LAYOUTS.items():
                start = time.perf_counter()
                done = asyncio.run(monkey(args.keys, seed, size))
                print(f"{args.keys} keys, seed {seed}, {name} {size[0]}x{size[1]}: no exception, the app answered "
                      f"afterwards ({time.perf_counter() - start:.0f} s); bursts by screen: {dict(done)}")


if __name__ == "__main__":
    main()
