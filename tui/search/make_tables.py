"""Write the tables search ships with (see ``tables``) from OpenCC and pypinyin:

    python -m tui.search.make_tables

Run it when either library is updated, and commit the tables with the versions they name; the
differential tests (tests/test_readings.py) prove that the tables read text as pypinyin does.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from typing import Any, cast

import opencc
from pypinyin import lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg.simpleseg import seg

from ..i18n import SIMPLIFIED_CONVERSION
from .fold import HAN
from .tables import HAN_RANGES, PINYIN, SIMPLIFIED, WIDTH

_SYLLABLE = re.compile(f"[a-z]{{1,{WIDTH}}}")


def han_characters() -> list[str]:
    return [chr(code) for low, high in HAN_RANGES for code in range(low, high + 1)]


def pypinyin_syllables(han_run: str) -> tuple[str, ...]:
    """What the tables reproduce: pypinyin's toneless pinyin of a run of Han characters, one syllable
    per character (the character itself if it has none), lower case, ``v`` for ``ü``."""
    # A list from ``errors`` keeps one item per character (pypinyin's stubs only admit a string).
    result = lazy_pinyin(han_run, errors=cast(Any, list))
    assert len(result) == len(han_run), han_run
    return tuple(s.lower().replace("ü", "v") for s in result)


def simplified_lines() -> list[str]:
    """Each Han character OpenCC simplifies to one other character, and that character."""
    convert = opencc.OpenCC(SIMPLIFIED_CONVERSION).convert
    chars = han_characters()
    # One converter call for all: one character per line, so each converts on its own.
    converted = convert("\n".join(chars)).split("\n")
    assert len(converted) == len(chars)
    return [ch + simple for ch, simple in zip(chars, converted, strict=True) if len(simple) == 1 and simple != ch]


def pinyin_lines() -> list[str]:
    """The first line: each character's reading alone; then each phrase, with its syllables when they
    are not its characters' own."""
    readings = {}
    for ch in han_characters():
        (syllable,) = pypinyin_syllables(ch)
        assert syllable == ch or _SYLLABLE.fullmatch(syllable), (ch, syllable)
        readings[ch] = "" if syllable == ch else syllable
    lines = ["".join(syllable.ljust(WIDTH) for syllable in readings.values())]
    for phrase in sorted(p for p in PHRASES_DICT if HAN.fullmatch(p)):
        # The tables read a character alone from the first line: a phrase of one would be missed.
        assert len(phrase) > 1 and seg(phrase) == [phrase], phrase
        own = pypinyin_syllables(phrase)
        assert all(_SYLLABLE.fullmatch(syllable) for syllable in own), (phrase, own)
        alone = tuple(readings[ch] or ch for ch in phrase)
        lines.append(phrase if own == alone else " ".join((phrase, *own)))
    return lines


def write(path: Path, source: str, lines: list[str]) -> None:
    header = f"# Made by `python -m tui.search.make_tables` from {source}: do not edit.\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    write(SIMPLIFIED, f"OpenCC {version('opencc')} ({SIMPLIFIED_CONVERSION})", simplified_lines())
    write(PINYIN, f"pypinyin {version('pypinyin')}", pinyin_lines())


if __name__ == "__main__":
    main()
