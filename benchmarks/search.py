"""Search latency per kind of query on 10,000 items, against a bare scan doing comparable work.

The corpus is the bundled briefing replicated with variations (each copy's ids and titles carry its
number) to at least 10,000 items. Its words recur copy after copy, which the engine's word lists
exploit (real text repeats English words, not Chinese runs); ``--distinct`` makes every word of every
copy its own (a copy number follows it), the worst case for them. The bare scan is what a plain
search over the same text would do: one haystack per item holding every field case-folded and
script-folded, its pinyin and its pinyin initials, and a ``term in haystack`` test per term (the
query folded the same way). The engine also ranks; highlights are worked out when a hit's spans
are read, so a second figure (+spans) times the search and reading the spans of all 100 hits
returned (the app's limit), as a screen showing them all does.

Each query runs on the index as built and, for a warm start, on the index after a pickle round trip
(what the app loads from its cache). Prints min / median / max per kind of query and the ratio of the
engine's median to the bare scan's. Goals: median <= 5 ms per kind, and ratio <= 1.

    python benchmarks/search.py [--items 10000] [--repeat 30] [--distinct]
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.loader import load_briefing
from tui.paths import default_briefing
from tui.search import Document, SearchIndex, documents_of
from tui.search.fold import Folder, pinyin_of

GOAL_MS, GOAL_RATIO = 5.0, 1.0
QUERIES = {
    "English word": "data",
    "Traditional": "數據中心",
    "Simplified": "数据中心",
    "pinyin initials": "sjzx",
    "full pinyin": "shujuzhongxin",
    "two-term AND": "digital 40%",
    "no match": "zebra",
}


def synthetic_corpus(items: int, distinct: bool = False) -> list[Document]:
    """The bundled briefing's documents, copied until there are ``items``, each copy numbered (with
    ``distinct``, each word of each copy too)."""
    base = documents_of(load_briefing(default_briefing()))
    corpus: list[Document] = []
    copy = 0
    while len(corpus) < items:
        for doc in base:
            fields = tuple((part, lang, _numbered(text, copy, part == "title", distinct))
                           for part, lang, text in doc.fields)
            corpus.append(Document(f"{doc.id}-{copy}", doc.section, fields))
        copy += 1
    return corpus[:items]


def _numbered(text: str, copy: int, title: bool, distinct: bool) -> str:
    if distinct:
        text = " ".join(f"{word}{copy}" for word in text.split())
    return f"{text} №{copy}" if title else text


def haystacks(corpus: list[Document], folder: Folder) -> list[str]:
    """Per item: every field folded, then the pinyin and the initials of its Chinese fields."""
    out = []
    for doc in corpus:
        parts = []
        for _, lang, text in doc.fields:
            folded = folder.fold(text)
            parts.append(folded)
            if lang == "zh":
                entries = pinyin_of(folded)
                parts += ["".join(entries), "".join(e[0] for e in entries)]
        out.append("\n".join(parts))
    return out


def bare_scan(texts: list[str], folder: Folder, query: str) -> list[int]:
    terms = folder.fold(query).split()
    return [i for i, text in enumerate(texts) if all(term in text for term in terms)]


def timings(runs: list, repeat: int, clock=time.perf_counter) -> list[list[float]]:
    """Milliseconds of each run, ``repeat`` times, the runs interleaved so that noise falls on all alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, out in zip(runs, times, strict=True):
            start = clock()
            run()
            out.append((clock() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--distinct", action="store_true", help="no word recurs from one copy to the next")
    args = parser.parse_args()

    corpus = synthetic_corpus(args.items, args.distinct)
    start = time.perf_counter()
    built = SearchIndex(corpus, Folder(simplify=True), pinyin=True)
    build = time.perf_counter() - start
    data = pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL)
    start = time.perf_counter()
    cached = pickle.loads(data)
    unpickle = time.perf_counter() - start
    texts = haystacks(corpus, built.folder)
    print(f"{len(corpus)} items; index built in {build:.2f} s, {len(data) / 2**20:.1f} MiB pickled, "
          f"unpickled in {unpickle * 1000:.0f} ms; {args.repeat} runs per figure\n")
    print(f"{'query kind':<16} {'query':<14} {'found':>5} {'index':<7} {'engine min / median / max ms':>29} "
          f"{'bare median ms':>14} {'ratio':>6} {'CPU: engine':>13} {'bare':>6} {'ratio':>6}")
    worst_ms = worst_ratio = worst_shown = 0.0
    for kind, query in QUERIES.items():
        found = built.search(query).total
        assert found == len(bare_scan(texts, built.folder, query)), (kind, found)
        runs = [lambda query=query: bare_scan(texts, built.folder, query),
                lambda query=query: built.search(query), lambda query=query: cached.search(query),
                lambda query=query: [hit.spans for hit in cached.search(query).hits]]
        bare, *engines = timings(runs, args.repeat)
        # CPU time too: on a shared machine, wall time also counts the time other processes had the core.
        cpu_bare, *cpu_engines = (statistics.median(t) for t in timings(runs, args.repeat, time.process_time))
        for name, engine, cpu in zip(("built", "cached", "+spans"), engines, cpu_engines, strict=True):
            median = statistics.median(engine)
            ratio = median / statistics.median(bare)
            if name == "+spans":
                worst_shown = max(worst_shown, median)
            else:
                worst_ms, worst_ratio = max(worst_ms, median), max(worst_ratio, ratio)
            print(f"{kind:<16} {query:<14} {found:>5} {name:<7} {min(engine):>9.2f} {median:>9.2f} {max(engine):>9.2f} "
                  f"{statistics.median(bare):>14.2f} {ratio:>6.2f} {cpu:>13.2f} {cpu_bare:>6.2f} "
                  f"{cpu / cpu_bare:>6.2f}")
    print(f"\nworst median {worst_ms:.2f} ms (goal <= {GOAL_MS} ms: {'met' if worst_ms <= GOAL_MS else 'NOT met'}); "
          f"worst ratio {worst_ratio:.2f} (goal <= {GOAL_RATIO}: {'met' if worst_ratio <= GOAL_RATIO else 'NOT met'}); "
          f"with the spans of all hits returned read (+spans): worst median {worst_shown:.2f} ms")

if __name__ == "__main__":
    main()
