"""The library at scale: 200 generated briefings listed, searched and opened, against one briefing.

The library is the bundled briefings in turn, 200 of them, each copy's meeting and item titles
numbered and every quote left verbatim (so each is valid), in one temporary folder with the sources
beside them. Each figure is min / median / max with the ratio of medians against a baseline measured
in the same run, alternating with it, and its goal:

(a) listing: ``read_library`` of the 200 with its summary cache warm (a second launch: goal <= 10,
    the cost of opening ten), and with an empty cache (a first launch: every file validated), against
    ``load_briefing_cached`` of one briefing with a warm cache; the cold listing also against loading
    each of the 200 with an empty cache (the library's own overhead over validating: goal <= 1.1);
(b) one search over all 200, on the full combined index read back from the cache as a second launch
    reads it, per kind of query: median ms (goal <= 20 ms); the same query on one briefing beside it;
(c) the UI: process start -> complete first screen of ``briefing DIR`` (the library of 200) against
    ``briefing FILE`` (one briefing), both with a warm cache (see ``library_first_screen``).

    python benchmarks/library.py [--briefings 200] [--runs 5] [--repeat 30] [--no-ui]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.search import QUERIES, timings
from tui import library
from tui.cache import load_briefing_cached
from tui.library import briefing_files, cached_library_index, library_index, read_library
from tui.search import build_index

ROOT = Path(__file__).resolve().parent.parent
SEARCH_GOAL_MS = 20.0
# Listing 200 may cost what opening 10 does: a small part of the 1.5x the UI may take over one briefing.
WARM_GOAL, OVERHEAD_GOAL, UI_GOAL = 10.0, 1.1, 1.5


def spread(values: list[float]) -> str:
    return f"min {min(values):9.2f}  median {statistics.median(values):9.2f}  max {max(values):9.2f} ms"


def verdict(ratio: float, goal: float | None) -> str:
    if goal is None:
        return f"{ratio:8.2f}   (no goal: a first launch validates every file)"
    return f"{ratio:8.2f}   goal <= {goal}  {'met' if ratio <= goal else 'NOT met'}"


def use_cache(folder: str) -> None:
    """Point the cache at ``folder`` (the cache directory is looked up on every use)."""
    os.environ["XDG_CACHE_HOME"] = folder


def clocked(run) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def write_library(folder: Path, count: int) -> list[Path]:
    """Generate the library in a child, so that this process stays as small as a reader's would start."""
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from benchmarks.generate import write_library; write_library(Path({str(folder)!r}), {count})")
    subprocess.run([sys.executable, "-c", code], check=True)
    # The library summarises a file only once it has settled (see tui.library): wait that long, once.
    newest = max(path.stat().st_ctime_ns for path in folder.rglob("*") if path.is_file())
    time.sleep(max(0.0, (newest + library._SETTLED_NS - time.time_ns()) / 1e9) + 0.1)
    return briefing_files([folder])


def check_warm(paths: list[Path]) -> None:
    """Read the library twice and check the second read loaded nothing: warm figures must be warm."""
    read_library(paths)
    with mock.patch.object(library, "load_briefing_cached", wraps=library.load_briefing_cached) as load:
        read_library(paths)
    if load.call_count:
        raise SystemExit(f"a warm read still loaded {load.call_count} briefings: the summary cache is not in use")


def listing(paths: list[Path], scratch: str, runs: int) -> None:
    """(a): warm and cold listing of the library, against one briefing's warm load (and the cold one
    against loading each of its briefings with an empty cache, one by one)."""
    warm_cache = f"{scratch}/warm"
    use_cache(warm_cache)
    one = paths[0]
    load_briefing_cached(one)
    check_warm(paths)
    figures: dict[str, list[float]] = {name: [] for name in ("one", "warm", "cold", "each")}
    for run in range(runs):
        use_cache(warm_cache)
        figures["one"].append(clocked(lambda: load_briefing_cached(one)))
        figures["warm"].append(clocked(lambda: read_library(paths)))
        use_cache(f"{scratch}/cold-{run}")
        figures["cold"].append(clocked(lambda: read_library(paths)))
        use_cache(f"{scratch}/each-{run}")
        figures["each"].append(clocked(lambda: [load_briefing_cached(path) for path in paths]))
    use_cache(warm_cache)
    count = len(paths)
    print(f"(a) Listing {count} briefings (read_library) against loading one ({one.name}), in process:")
    for name, label in (("one", "one briefing, warm cache"), ("warm", f"library of {count}, warm summary"),
                        ("cold", f"library of {count}, empty cache"), ("each", f"{count} loads, empty cache")):
        print(f"  {label:<36} {spread(figures[name])}")
    median = {name: statistics.median(values) for name, values in figures.items()}
    print(f"  {'warm library / one warm':<44} {verdict(median['warm'] / median['one'], WARM_GOAL)}")
    print(f"  {'cold library / one warm':<44} {verdict(median['cold'] / median['one'], None)}")
    print(f"  {f'cold library / {count} cold loads':<44} {verdict(median['cold'] / median['each'], OVERHEAD_GOAL)}")
    print(f"  ({runs} alternating runs each)\n")


def searching(paths: list[Path], repeat: int) -> None:
    """(b): every kind of query over the whole library, on the combined index as a second launch reads it."""
    entries = read_library(paths)
    start = time.perf_counter()
    library_index(entries)  # built and cached, as a first launch leaves it
    build = time.perf_counter() - start
    start = time.perf_counter()
    index = cached_library_index(entries)
    read = time.perf_counter() - start
    if index is None:
        raise SystemExit("the combined index was not cached: the search figures would not be a second launch's")
    one_briefing, _, _ = load_briefing_cached(paths[0])
    assert one_briefing is not None
    one = build_index(one_briefing)
    print(f"(b) One search over {len(paths)} briefings ({len(index.index.documents)} items; combined index "
          f"built in {build:.1f} s, read back in {read * 1000:.0f} ms), {repeat} runs per figure:")
    print(f"  {'query kind':<16} {'query':<14} {'found':>6} {'from':>5} {'min / median / max ms':>32} "
          f"{'one briefing median':>20}")
    worst = 0.0
    for kind, query in QUERIES.items():
        result = index.search(query)
        briefings = len({index.locate(doc_id)[0].path for doc_id in result.ids})
        library_times, one_times = timings([lambda q=query: index.search(q), lambda q=query: one.search(q)], repeat)
        median = statistics.median(library_times)
        worst = max(worst, median)
        print(f"  {kind:<16} {query:<14} {result.total:>6} {briefings:>5} {min(library_times):>10.2f} {median:>10.2f} "
              f"{max(library_times):>10.2f} {statistics.median(one_times):>20.2f}   "
              f"goal <= {SEARCH_GOAL_MS} ms  {'met' if median <= SEARCH_GOAL_MS else 'NOT met'}")
    print(f"  worst median {worst:.2f} ms (goal <= {SEARCH_GOAL_MS} ms: "
          f"{'met' if worst <= SEARCH_GOAL_MS else 'NOT met'})\n")


def library_first_screen(folder: Path, runs: int) -> None:
    """(c) THE UI FIGURE: "library of 200 opens (process start -> complete first screen) / one briefing,
    goal <= 1.5". Runs benchmarks/_first_screen.py with the folder, as ``briefing DIR`` opens it; prints
    "not available" while the app does not open a folder."""
    from benchmarks import startup

    single = str(ROOT / "content" / "guizhou-2023.yaml")
    print(f"(c) Process start -> complete first screen (120x36): the library of {len(briefing_files([folder]))} "
          "against one briefing, warm cache:")
    try:
        startup.first_screen("briefing", single)  # warm-ups: cache both, and check the folder opens at all
        startup.first_screen("briefing", str(folder))
    except SystemExit as refused:
        last = str(refused).strip().splitlines()[-1:] or ["(no message)"]
        print(f"  not available: the app does not open a folder ({last[0]})\n")
        return
    startup.compare(("one briefing", lambda: startup.first_screen("briefing", single)),
                    [("library", lambda: startup.first_screen("briefing", str(folder)), UI_GOAL, None)], runs)
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--briefings", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5, help="alternating runs for (a) and (c)")
    parser.add_argument("--repeat", type=int, default=30, help="runs per search figure (b)")
    parser.add_argument("--no-ui", action="store_true", help="skip (c), the first-screen figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-library-") as scratch:
        folder = Path(scratch, "library")
        folder.mkdir()
        paths = write_library(folder, args.briefings)
        print(f"{len(paths)} briefings in {folder}\n")
        if not args.no_ui:  # first, while this process is small (a child's peak RSS can start from it)
            library_first_screen(folder, args.runs)
        listing(paths, scratch, args.runs)
        searching(paths, args.repeat)


if __name__ == "__main__":
    main()
