"""Where lines of Chinese (and mixed) text may break, as Chinese typesetting wants it.

Rich breaks lines only at spaces and folds a longer run wherever it reaches the edge, so a
line of Chinese can begin with ，。、 or a closing quote, and end with an opening one. Here a
line breaks between any two Chinese characters (and at spaces, never inside a Latin word),
except before punctuation that may not begin a line or after punctuation that may not end
one (kinsoku shori): those take the character next to them onto the new line.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# May not begin a line: closing brackets and quotes, stops, commas, and the like.
NO_START = frozenset("，。、；：？！）」』》〉】〕］｝”’…‥·・ー—–%‰,.;:?!)]}>")
# May not end a line: opening brackets and quotes, and the arrow that points at what follows it.
NO_END = frozenset("（「『《〈【〔［｛“‘([{<◀")


def _in_word(before: str, after: str) -> bool:
    """Whether a break between ``before`` and ``after`` would cut a Latin word (or number) in two."""
    return (before.isascii() and not before.isspace()) and (after.isascii() and not after.isspace())


def line_starts(text: str, width: int) -> list[int]:
    """Offsets in ``text`` (one line, no newlines) where each line after the first begins, for ``width`` cells."""
    starts: list[int] = []
    start, used, i = 0, 0, 0
    while i < len(text):
        size = get_character_cell_size(text[i])
        if used + size <= width or i == start:
            used += size
            i += 1
            continue
        if text[i].isspace():  # a space at the edge: the next line begins after it, if it may
            after = i
            while after < len(text) and text[after].isspace():
                after += 1
            if after == len(text):
                break
            brk = after if not _forbidden(text, after) else _break_before(text, start, i)
        else:
            brk = _break_before(text, start, i)
        while brk < len(text) and text[brk].isspace():  # a line does not begin with the spaces between words
            brk += 1
        starts.append(brk)
        start, used, i = brk, 0, brk
    return starts


def _break_before(text: str, start: int, end: int) -> int:
    """Where to break a line that runs from ``start`` and overflows at ``end``: before the word that
    overflows if the line has room for it, else where it overflows; either moved back as far as the
    punctuation rules ask. The rules win over keeping a word whole: a line ending in "日" and the next
    beginning ",2023" would be worse than "日,202" and "3"."""
    word_start = end
    while word_start > start and _in_word(text[word_start - 1], text[word_start]):
        word_start -= 1
    for candidate in (word_start, end):
        if candidate == start:
            continue
        brk = candidate
        while brk - 1 > start and _forbidden(text, brk):
            brk -= 1
        if not _forbidden(text, brk):
            return brk
    return end


def _forbidden(text: str, brk: int) -> bool:
    """Whether a line may not begin at ``brk``: its first character, or the last one (spaces aside) of
    the line before, is one the rules keep with its neighbour."""
    before = brk - 1
    while before > 0 and text[before].isspace():
        before -= 1
    return text[brk] in NO_START or text[before] in NO_END


class Wrapped:
    """A rich ``Text`` that wraps by ``line_starts``: give it to a Static instead of the Text."""

    def __init__(self, text: Text) -> None:
        self.text = text

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines: list[Text] = []
        for line in self.text.split("\n", allow_blank=True):
            for part in line.divide(line_starts(line.plain, width)):
                part.rstrip()
                lines.append(part)
        yield Text("\n").join(lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
