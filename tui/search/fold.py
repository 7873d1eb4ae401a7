"""Folding text for search, one character for one character.

Search compares folded text: Latin lower-cased, Traditional Chinese turned into
Simplified. Folding keeps every character in place (a character whose lower case
is longer, such as ``İ``, stays as it is), so an offset in folded text is the same
offset in the original, which keeps highlighting exact. Pinyin is derived from
Simplified text, because pypinyin's phrase dictionary is keyed on it (銀行 → yin
hang, not yin xing).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, cast

from ..i18n import SIMPLIFIED_CONVERSION

_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
HAN = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _HAN_RANGES) + "]+")


def _lower(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


class Folder:
    """Folds text 1:1. With ``simplify``, Chinese characters are simplified through a table of every
    Han character OpenCC changes, made with one OpenCC call the first time it is needed. The table
    pickles with the Folder, so a Folder read back from the cache folds any text, a query included,
    without importing OpenCC."""

    def __init__(self, simplify: bool = False):
        self.simplify = simplify
        self._table: dict[int, int] | None = None

    def prepare(self) -> Folder:
        """Make the simplification table now (an index does, so that it is cached with it)."""
        if self.simplify and self._table is None:
            self._table = _simplification_table()
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


def _simplification_table() -> dict[int, int]:
    """Every Han character whose Simplified form is one other character, mapped to it."""
    import opencc  # noqa: PLC0415 - off the startup path: only building an index needs it

    convert = opencc.OpenCC(SIMPLIFIED_CONVERSION).convert  # as the reader sees Simplified
    chars = [chr(code) for low, high in _HAN_RANGES for code in range(low, high + 1)]
    # One converter call for all: one character per line, so each converts on its own.
    converted = convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # pragma: no cover - a converter that joins lines
        converted = [convert(ch) for ch in chars]
    return {ord(ch): ord(simple) for ch, simple in zip(chars, converted, strict=True)
            if len(simple) == 1 and simple != ch}


@lru_cache(maxsize=65536)
def syllables(han_run: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character of a run of Simplified Han characters."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415 - heavy; only the index builder needs it

    # A list from ``errors`` keeps one item per character (pypinyin's stubs only admit a string).
    result = lazy_pinyin(han_run, errors=cast(Any, list))
    if len(result) != len(han_run):  # pragma: no cover - pypinyin keeps one item per Han character
        return tuple(lazy_pinyin(ch)[0] for ch in han_run)
    return tuple(s.lower().replace("ü", "v") for s in result)


def pinyin_of(folded: str) -> list[str]:
    """One entry per character of folded text: a Han character's syllable, else the character
    itself if it is a letter or digit, else a space (which no query term contains)."""
    out = [ch if ch.isascii() and ch.isalnum() else " " for ch in folded]
    for run in HAN.finditer(folded):
        out[run.start():run.end()] = syllables(run.group())
    return out
