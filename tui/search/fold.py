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
from collections.abc import Callable
from functools import lru_cache

from ..i18n import SIMPLIFIED_CONVERSION

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _lower(ch: str) -> str:
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


class Folder:
    """Folds text 1:1. With ``simplify``, Chinese characters go through OpenCC once each (imported on
    first need) and the answer is remembered; a Folder pickles without its converter."""

    def __init__(self, simplify: bool = False):
        self.simplify = simplify
        self._table: dict[str, str] = {}
        self._converter: Callable[[str], str] | None = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_converter": None}

    def fold(self, text: str) -> str:
        """Lower-cased (and, with ``simplify``, Simplified) text of the same length as ``text``."""
        folded = [_lower(ch) for ch in text]
        if self.simplify:
            missing = {ch for ch in text if ch not in self._table and HAN.match(ch)}
            if missing:
                self._learn(sorted(missing))
            folded = [self._table.get(ch, ch) for ch in folded]
        return "".join(folded)

    def _learn(self, chars: list[str]) -> None:
        if self._converter is None:
            import opencc  # noqa: PLC0415 - off the startup path

            self._converter = opencc.OpenCC(SIMPLIFIED_CONVERSION).convert  # as the reader sees Simplified
        # One converter call for many characters: one per line, so each converts on its own.
        converted = self._converter("\n".join(chars)).split("\n")
        if len(converted) != len(chars):  # pragma: no cover - a converter that joins lines
            converted = [self._converter(ch) for ch in chars]
        for ch, simple in zip(chars, converted, strict=True):
            self._table[ch] = simple if len(simple) == 1 else ch


@lru_cache(maxsize=65536)
def syllables(han_run: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character of a run of Simplified Han characters."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415 - heavy; only the index builder needs it

    result = lazy_pinyin(han_run, errors=lambda run: list(run))
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
