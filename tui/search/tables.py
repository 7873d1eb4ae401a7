"""The tables search reads Chinese with, shipped with the package so that building an index imports
neither OpenCC nor pypinyin (together ~70 MiB and most of a second, on a reader's first launch).

``python -m tui.search.make_tables`` writes both from the libraries (run it when either is updated):

- ``simplified.txt``: every Han character that OpenCC's Traditional → Simplified conversion (as the
  reader sees Simplified) turns into one other character; a line holds the two.
- ``pinyin.txt``: pypinyin's toneless readings. Its first line holds every Han character's reading
  when read alone, ``WIDTH`` characters each (space-padded; blank: no reading, the character stands
  for itself), in code point order over ``HAN_RANGES``. Then pypinyin's phrase dictionary, one phrase
  a line, sorted, each followed by its syllables when they are not its characters' own: the phrases
  that read as their characters still decide where pypinyin cuts a run, so all are kept.

Lines starting with ``#`` say where a table came from. The tables are read when first needed and
kept as two strings; phrases are found by bisecting the sorted lines, not through a dict of them.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

# The Han characters folding and pinyin cover: CJK Extension A, Unified Ideographs, Compatibility.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
WIDTH = 6  # the longest toneless syllable (zhuang, shuang)
PINYIN = Path(__file__).with_name("pinyin.txt")
SIMPLIFIED = Path(__file__).with_name("simplified.txt")
# Where each range's readings start in the first line, in characters.
_STARTS = [sum(high - low + 1 for low, high in HAN_RANGES[:n]) * WIDTH for n in range(len(HAN_RANGES))]

Phrase = tuple[str, tuple[str, ...]]


def _lines(path: Path) -> str:
    """A table's text after the ``#`` lines that head it."""
    text = path.read_text(encoding="utf-8")
    while text.startswith("#"):
        text = text.partition("\n")[2]
    return text


def simplification() -> dict[int, int]:
    """Each Han character that Simplifies to one other character, mapped to it (a ``str.translate`` table)."""
    return {ord(line[0]): ord(line[1]) for line in _lines(SIMPLIFIED).splitlines()}


@lru_cache(maxsize=1)
def _pinyin() -> tuple[str, str]:
    """The readings of single characters, and the phrases between newlines (every line follows one)."""
    readings, _, phrases = _lines(PINYIN).partition("\n")
    return readings, "\n" + phrases.rstrip("\n") + "\n"


@cache
def reading(ch: str) -> str:
    """A Han character's toneless syllable read alone (pypinyin's most common reading), or the
    character itself when it has none."""
    code = ord(ch)
    for (low, high), start in zip(HAN_RANGES, _STARTS, strict=True):
        if low <= code <= high:
            at = start + (code - low) * WIDTH
            return _pinyin()[0][at:at + WIDTH].rstrip() or ch
    return ch


@lru_cache(maxsize=1 << 16)
def phrases_from(pair: str) -> tuple[Phrase, ...]:
    """The phrases that start with ``pair`` (two characters), longest first, each with its syllables
    (empty when they are its characters' own)."""
    phrases = _pinyin()[1]
    # Bisect the lines for the first that is not before ``pair``. ``low`` and ``high`` are line starts:
    # every line starting before ``low`` sorts before ``pair``, none starting at ``high`` or after does.
    low, high = 1, len(phrases)
    while low < high:
        middle = (low + high) // 2
        start = phrases.rfind("\n", 0, middle) + 1
        end = phrases.find("\n", middle)
        if phrases[start:end] < pair:  # a line's first two characters are its phrase's (all have two or more)
            low = end + 1
        else:
            high = start
    found = []
    while phrases.startswith(pair, low):
        end = phrases.find("\n", low)
        phrase, _, own = phrases[low:end].partition(" ")
        found.append((phrase, tuple(own.split())))
        low = end + 1
    return tuple(sorted(found, key=lambda found: -len(found[0])))
