"""Start-up time: process start to first complete screen, BriefingApp against a hello-world Textual app.

Runs both alternately in fresh processes (the machine is shared and noisy, so the baseline is measured in
the same run) and prints the median of each and their ratio. Target: ratio <= 1.15.

    python benchmarks/startup.py [--pairs 15] [--large N]

With ``--large N`` it also times a generated briefing of N items against the bundled one (target <= 3x).
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
DRIVER = HERE / "_first_screen.py"
_SCRATCH = tempfile.mkdtemp(prefix="briefing-startup-")  # leave the user's cache and preferences alone
CACHE, CONFIG = f"{_SCRATCH}/cache", f"{_SCRATCH}/config"


def first_screen(kind: str, path: str | None = None, cache: str | None = None) -> float:
    """Seconds from process start to the first complete frame; ``cache`` is the cache dir to use."""
    env = dict(os.environ, XDG_CACHE_HOME=cache or CACHE, XDG_CONFIG_HOME=CONFIG)
    args = [sys.executable, str(DRIVER), kind, repr(time.time())] + ([path] if path else [])
    out = subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=HERE.parent, env=env)
    if out.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


def compare(name_a, run_a, name_b, run_b, pairs: int) -> float:
    a, b = [], []
    for _ in range(pairs):
        a.append(run_a())
        b.append(run_b())
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"{name_a:>24}: median {ma * 1000:7.1f} ms  (min {min(a) * 1000:.1f}, max {max(a) * 1000:.1f})")
    print(f"{name_b:>24}: median {mb * 1000:7.1f} ms  (min {min(b) * 1000:.1f}, max {max(b) * 1000:.1f})")
    print(f"{'ratio':>24}: {mb / ma:.3f}  ({pairs} alternating pairs)")
    return mb / ma


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--large", type=int, default=0, help="also time a generated briefing of this many items")
    args = parser.parse_args()
    first_screen("hello")  # warm the file cache for both
    first_screen("briefing")
    print("First complete screen, from process start:")
    ratio = compare("hello-world Textual app", lambda: first_screen("hello"),
                    "BriefingApp (bundled)", lambda: first_screen("briefing"), args.pairs)
    print(f"{'target':>24}: ratio <= 1.15 -> {'met' if ratio <= 1.15 else 'NOT met'}")
    print("\nFor reference, the same stock widgets (Header, 7 tabs, OptionList, Footer) and no content:")
    compare("hello-world Textual app", lambda: first_screen("hello"),
            "stock-widgets floor", lambda: first_screen("floor"), args.pairs)
    if args.large:
        sys.path.insert(0, str(HERE.parent))
        from benchmarks.generate import write_large_briefing

        with tempfile.TemporaryDirectory() as tmp:
            path = write_large_briefing(Path(tmp), args.large)
            print(f"\nA generated briefing of {args.large} items against the bundled one:")
            ratio = compare("BriefingApp (bundled)", lambda: first_screen("briefing"),
                            f"BriefingApp ({args.large} items)", lambda: first_screen("briefing", str(path)),
                            max(5, args.pairs // 2))
            print(f"{'target':>24}: ratio <= 3 -> {'met' if ratio <= 3 else 'NOT met'}  (cache warm)")
            cold = [first_screen("briefing", str(path), cache=tempfile.mkdtemp(dir=_SCRATCH)) for _ in range(3)]
            print(f"{'first open (cold cache)':>24}: median {statistics.median(cold) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
