"""Folding text for search, one character for one character, and reading it as pinyin.

Search compares folded text: Latin lower-cased, Traditional Chinese turned into
Simplified. Folding keeps every character in place (a character whose lower case
is longer, such as ``İ``, stays as it is), so an offset in folded text is the same
offset in the original, which keeps highlighting exact. Pinyin is derived from
Simplified text, because pypinyin's phrase dictionary is keyed on it (銀行 → yin
hang, not yin xing). Both use the tables shipped with the package (``tables``), made from
OpenCC and pypinyin, so that neither library is imported here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .tables import HAN_RANGES, phrases_from, reading, simplification

HAN = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES) + "]+")


def _lower(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


class Folder:
    """Folds text 1:1. With ``simplify``, Chinese characters are simplified through the table of every
    Han character OpenCC changes (``tables.simplification``), read the first time it is needed. The
    table pickles with the Folder, so a Folder read back from the cache folds any text, a query
    included, without reading it again."""

    def __init__(self, simplify: bool = False):
        self.simplify = simplify
        self._table: dict[int, int] | None = None

    def prepare(self) -> Folder:
        """Make the simplification table now (an index does, so that it is cached with it)."""
        if self.simplify and self._table is None:
            self._table = simplification()
        return self
    def fold(self, text: str) -> str:
        """Lower-cased (and, with ``simplify``, Simplified) text of the same length as ``text``."""
        folded = text.lower() if text.isascii() else _lower_each(text)
        if not self.simplify or folded.isascii():
            return folded
        return folded.translate(self.prepare()._table or {})


def _lower_each(text: str) -> str:
    lowered = text.lower()
    # Equal lengths mean one character for one; a capital sigma lowers by context (final ς).
    if len(lowered) == len(text) and "\u03a3" not in text:
        return lowered
    return "".join(map(_lower, text))


@lru_cache(maxsize=65536)
def syllables(han_run: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character of a run of Simplified Han characters, as pypinyin's
    ``lazy_pinyin`` reads it: from each character, the longest phrase of its dictionary that starts
    there, else the character alone."""
    out: list[str] = []
    at, end = 0, len(han_run)
    while at < end:
        phrases = phrases_from(han_run[at:at + 2]) if end - at > 1 else ()
        phrase, own = next(((p, own) for p, own in phrases if han_run.startswith(p, at)), (han_run[at], ()))
        if len(phrase) == 1 and any(p.startswith(han_run[at:]) for p, _ in phrases):
            # As pypinyin's segmenter does, when the rest of the run begins a phrase but holds none:
            # the rest is read character by character, no phrase inside it looked for.
            out += map(reading, han_run[at:])
            break
        out += own or map(reading, phrase)
        at += len(phrase)
    return tuple(out)


def pinyin_of(folded: str) -> list[str]:
    """One entry per character of folded text: a Han character's syllable, else the character
    itself if it is a letter or digit, else a space (which no query term contains)."""
    out = [ch if ch.isascii() and ch.isalnum() else " " for ch in folded]
    for run in HAN.finditer(folded):
        out[run.start():run.end()] = syllables(run.group())
    return out
