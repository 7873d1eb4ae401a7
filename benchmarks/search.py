"""Search latency over a synthetic corpus, against a bare case-folded substring scan of the same texts.

The corpus is the bundled briefing replicated with variations (each copy's ids and texts carry its
number) to at least 10,000 items. For each kind of query it prints the median latency of the engine
(``SearchIndex.search`` with the app's result limit) and of the bare scan, measured in the same run,
and their ratio. Targets: median <= 5 ms per query and <= 5x the bare scan.

    python benchmarks/search.py [--items 10000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.loader import load_briefing  # noqa: E402
from tui.paths import default_briefing  # noqa: E402
from tui.search import Document, SearchIndex, documents_of  # noqa: E402
from tui.search.fold import Folder  # noqa: E402

QUERIES = {
    "English word": "data",
    "Traditional": "數據中心",
    "Simplified": "数据中心",
    "initials": "sjzx",
    "full pinyin": "shujuzhongxin",
    "two-term AND": "digital 40%",
    "no match": "zebra",
}


def synthetic_corpus(items: int) -> list[Document]:
    """The bundled briefing's documents, copied until there are ``items``, each copy numbered."""
    base = documents_of(load_briefing(default_briefing()))
    corpus: list[Document] = []
    copy = 0
    while len(corpus) < items:
        for doc in base:
            fields = tuple((part, lang, f"{text} №{copy}" if part == "title" else text)
                           for part, lang, text in doc.fields)
            corpus.append(Document(f"{doc.id}-{copy}", doc.section, fields))
        copy += 1
    return corpus[:items]


def bare_scan(texts: list[str], query: str) -> list[int]:
    terms = query.casefold().split()
    return [i for i, text in enumerate(texts) if all(term in text for term in terms)]


def median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    corpus = synthetic_corpus(args.items)
    start = time.perf_counter()
    index = SearchIndex(corpus, Folder(simplify=True), pinyin=True)
    build = time.perf_counter() - start
    texts = ["\n".join(text for _, _, text in doc.fields).casefold() for doc in corpus]
    print(f"{len(corpus)} items; index built in {build:.2f} s\n")
    print(f"{'query kind':<14} {'query':<15} {'found':>6} {'engine ms':>10} {'bare ms':>8} {'ratio':>6}")
    worst_ms, worst_ratio = 0.0, 0.0
    for kind, query in QUERIES.items():
        found = index.search(query).total
        engine = median_ms(lambda query=query: index.search(query), args.repeat)
        bare = median_ms(lambda query=query: bare_scan(texts, query), args.repeat)
        ratio = engine / bare
        worst_ms, worst_ratio = max(worst_ms, engine), max(worst_ratio, ratio)
        print(f"{kind:<14} {query:<15} {found:>6} {engine:>10.2f} {bare:>8.2f} {ratio:>6.2f}")
    print(f"\nworst median {worst_ms:.2f} ms (target <= 5 ms); worst ratio {worst_ratio:.2f} (target <= 5)")


if __name__ == "__main__":
    main()
