"""Start-up: process start to the complete first screen, and peak memory, against hello-world Textual.

Every figure is measured in fresh processes, alternating with its baseline in the same run (the machine
is shared and noisy), and printed as min / median / max with the ratio of the medians and its goal:

- hello-world (Header + Static + Footer) against ``briefing content/guizhou-2023.yaml`` (the command,
  as a reader runs it) with a warm cache (a true second launch: the warm-up run caches the briefing,
  its search index and Python's bytecode, and the script checks the index; the config.yaml a first
  launch saves is there) and against a first launch with an empty cache;
- peak RSS (``ru_maxrss`` of each process, start-up work included) against hello-world's;
- with ``--large N``: the same for a generated briefing of N items (warmed the same way), and its first
  open (load and validate with an empty cache, in a fresh process) against PyYAML's CSafeLoader
  ``safe_load`` of the same file.

    python benchmarks/startup.py [--runs 15] [--large 10000]
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DRIVER = HERE / "_first_screen.py"
_SCRATCH = tempfile.mkdtemp(prefix="briefing-startup-")  # leave the user's cache and preferences alone
CACHE, CONFIG = f"{_SCRATCH}/cache", f"{_SCRATCH}/config"

OPEN = """
import sys, time
sys.path.insert(0, {root!r})
kind, path = sys.argv[1], sys.argv[2]
if kind.startswith("safe_load"):
    import gc, yaml
    text = open(path, encoding="utf-8").read()
    if kind == "safe_load_paused":
        gc.disable()
    start = time.perf_counter()
    yaml.load(text, Loader=yaml.CSafeLoader)
else:
    from tui.cache import load_briefing_cached
    start = time.perf_counter()
    briefing, errors, key = load_briefing_cached(path)
    assert briefing is not None and key is not None, errors
print(time.perf_counter() - start)
"""


def run(args: list[str], cache: str) -> tuple[float, float]:
    """Run a child; return the seconds it printed and its peak RSS in MiB.

    Children keep Python's bytecode cache, as an installed package has it (pip compiles it): without
    that (PYTHONDONTWRITEBYTECODE set here) the app's modules would be compiled from source at every
    start while Textual's, installed, are not, and no timed run would be a reader's second launch."""
    env = dict(os.environ, XDG_CACHE_HOME=cache, XDG_CONFIG_HOME=CONFIG)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    child = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=_SCRATCH, env=env)
    out, err = child.stdout.read(), child.stderr.read()  # then wait4, for this child's own rusage
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{args} failed:\n{err}")
    return float(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def first_screen(kind: str, path: str | None = None, cache: str | None = None) -> tuple[float, float]:
    """Seconds from process start to the complete first screen, and peak RSS; ``cache`` is the cache dir."""
    args = [sys.executable, str(DRIVER), kind, repr(time.time())] + ([path] if path else [])
    return run(args, cache or CACHE)


def cold(kind: str, path: str | None = None) -> tuple[float, float]:
    return first_screen(kind, path, cache=tempfile.mkdtemp(dir=_SCRATCH))


def warm_up(path: str | None = None) -> None:
    """Run the briefing once so that it and its search index are cached, and check that they are.

    A reader's second launch also has the preferences the first one saved (any pane, language or
    theme chosen writes config.yaml): every timed briefing run reads one (the empty-cache runs too)."""
    config = Path(CONFIG, "briefing", "config.yaml")
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("theme: briefing-dark\npane: overview\n", encoding="utf-8")
    before = set(Path(CACHE, "briefing").glob("*.index")) if Path(CACHE, "briefing").exists() else set()
    first_screen("briefing", path)
    after = set(Path(CACHE, "briefing").glob("*.index"))
    if not after - before:
        raise SystemExit("the warm-up run did not cache a search index: timed runs would not be second launches")


def spread(values: list[float], unit: str, scale: float = 1.0) -> str:
    low, mid, high = min(values) * scale, statistics.median(values) * scale, max(values) * scale
    return f"min {low:8.1f}  median {mid:8.1f}  max {high:8.1f} {unit}"


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:6.2f}   goal <= {goal}  {'met' if ratio <= goal else 'NOT met'}"


def compare(baseline: tuple[str, object], others: list[tuple[str, object, float, float | None]], runs: int) -> None:
    """Alternate the baseline and each other run; print times, peak RSS and ratios against the baseline.

    ``others`` holds (name, run, time goal, memory goal or None)."""
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, *_ in [baseline, *others]}
    for _ in range(runs):
        for name, run_once, *_ in [baseline, *others]:
            results[name].append(run_once())
    base = results[baseline[0]]
    base_time = statistics.median(t for t, _ in base)
    base_rss = statistics.median(m for _, m in base)
    for name, *_ in [baseline, *others]:
        times, rss = [t for t, _ in results[name]], [m for _, m in results[name]]
        print(f"  {name:<34} time {spread(times, 'ms', 1000)}")
        print(f"  {'':<34} RSS  {spread(rss, 'MiB')}")
    for name, _, time_goal, rss_goal in others:
        times, rss = [t for t, _ in results[name]], [m for _, m in results[name]]
        print(f"  {name + ' / ' + baseline[0]:<60} time {verdict(statistics.median(times) / base_time, time_goal)}")
        if rss_goal is not None:
            print(f"  {'':<60} RSS  {verdict(statistics.median(rss) / base_rss, rss_goal)}")
    print(f"  ({runs} alternating runs each)")


def first_open(path: str, runs: int) -> None:
    """The first open in a fresh process against ``safe_load`` as it comes, and with the collector paused
    (the fastest PyYAML gets: the stricter baseline)."""
    code = OPEN.format(root=str(ROOT))
    opened, loaded, paused = [], [], []
    for _ in range(runs):
        opened.append(run([sys.executable, "-c", code, "open", path], tempfile.mkdtemp(dir=_SCRATCH))[0])
        loaded.append(run([sys.executable, "-c", code, "safe_load", path], CACHE)[0])
        paused.append(run([sys.executable, "-c", code, "safe_load_paused", path], CACHE)[0])
    print(f"  {'CSafeLoader safe_load':<34} time {spread(loaded, 'ms', 1000)}")
    print(f"  {'the same, collector paused':<34} time {spread(paused, 'ms', 1000)}")
    print(f"  {'first open (empty cache)':<34} time {spread(opened, 'ms', 1000)}")
    for name, baseline in (("safe_load", loaded), ("safe_load, collector paused", paused)):
        ratio = statistics.median(opened) / statistics.median(baseline)
        print(f"  {'first open / ' + name:<60} time {verdict(ratio, 1.5)}")
    print(f"  ({runs} alternating runs each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--large", type=int, default=0, help="also time a generated briefing of this many items")
    parser.add_argument("--large-only", action="store_true", help="time only the generated briefing")
    args = parser.parse_args()
    first_screen("hello")  # warm the file system cache
    if not args.large_only:
        bundled(args.runs)
    if args.large:
        large(args.large, max(3, args.runs // 3))


def bundled(runs: int) -> None:
    warm_up()
    print("Process start -> complete first screen (120x36), and peak RSS:")
    compare(("hello-world", lambda: first_screen("hello")),
            [("briefing, warm cache", lambda: first_screen("briefing"), 1.25, 1.5),
             ("briefing, empty cache", lambda: cold("briefing"), 1.6, 2.0),
             ("stock-widgets floor (reference)", lambda: first_screen("floor"), 1.25, None)], runs)


def large(items: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # In a child: this process stays small, and a child's ru_maxrss starts from its parent's.
        generate = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
                    "from benchmarks.generate import write_large_briefing as write; "
                    f"print(write(Path({tmp!r}), {items}))")
        path = subprocess.run([sys.executable, "-c", generate], capture_output=True, text=True,
                              check=True).stdout.strip()
        warm_up(path)
        print(f"\nA generated briefing of {items} items:")
        compare(("hello-world", lambda: first_screen("hello")),
                [(f"{items} items, warm cache", lambda: first_screen("briefing", path), 1.25, 1.5),
                 (f"{items} items, empty cache", lambda: cold("briefing", path), 1.6, 2.0)], runs)
        print(f"\nFirst open of the {items}-item briefing against PyYAML (in fresh processes):")
        first_open(path, runs)


if __name__ == "__main__":
    main()
