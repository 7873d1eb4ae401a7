"""How much of its source a briefing quotes, and exactly what it leaves out.

Coverage counts Han characters only: punctuation, digits and Latin text carry no fact
of their own that a quote could leave out. An uncovered span is a maximal run of
source text outside every quote that holds at least one Han character; each is
placed by paragraph (a line of the clean source) and column, so an author can go
straight to it. Nothing here imports Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Action, Briefing, SourceQuote

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Gap:
    """A stretch of the source no quote covers: its text, paragraph (= line) and column, from 1."""

    text: str
    paragraph: int
    column: int
    start: int


@dataclass(frozen=True)
class Coverage:
    covered: int
    total: int
    gaps: tuple[Gap, ...]

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 1.0


def quotes_of(briefing: Briefing) -> Iterator[SourceQuote]:
    """Every quote in a briefing: the meeting's, each item's, each measure's and each unsorted stub's."""
    yield briefing.meeting.quote
    for _, item in briefing.items():
        yield item.quote
        if isinstance(item, Action):
            yield from (measure.quote for measure in item.measures)
    yield from (stub.quote for stub in briefing.stubs)


def coverage(briefing: Briefing) -> Coverage:
    source = briefing.source_text
    covered = bytearray(len(source))
    for quote in quotes_of(briefing):
        covered[quote.start:quote.end] = b"\x01" * (quote.end - quote.start)
    han = [i for i, ch in enumerate(source) if HAN.match(ch)]
    return Coverage(sum(covered[i] for i in han), len(han), tuple(_gaps(source, covered)))


def _gaps(source: str, covered: bytearray) -> Iterator[Gap]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
    position = 0
    while position < len(source):
        if covered[position] or source[position] == "\n":
            position += 1
            continue
        end = position
        while end < len(source) and not covered[end] and source[end] != "\n":
            end += 1
        text = source[position:end]
        if HAN.search(text):
            line = _line_of(line_starts, position)
            yield Gap(text.strip(), line, position - line_starts[line - 1] + 1, position)
        position = end


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect_right(line_starts, offset)
