"""Line breaking for Chinese and mixed text: lines fit, keep their punctuation, and lose nothing."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tui.line_breaks import NO_END, NO_START, Wrapped, line_starts

from .conftest import CONTENT

SOURCES = [CONTENT / "sources" / name for name in
           ("guizhou-2023.txt", "national-data-work-2024.txt", "hefei-data-work-2025.txt")]
PARAGRAPHS = [line for path in SOURCES for line in path.read_text(encoding="utf-8").splitlines() if line]


def lines_of(text: str, width: int) -> list[str]:
    starts = [0, *line_starts(text, width), len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:], strict=False)]


@pytest.mark.parametrize("width", [6, 11, 20, 37, 58, 80])
def test_every_line_fits_and_no_line_begins_or_ends_with_the_wrong_punctuation(width):
    for paragraph in PARAGRAPHS:
        lines = lines_of(paragraph, width)
        assert "".join(lines) == paragraph  # nothing lost, nothing added
        for line in lines:
            assert cell_len(line.rstrip()) <= width
        for before, after in zip(lines, lines[1:], strict=False):
            assert after[0] not in NO_START, (width, before, after)
            assert before.rstrip()[-1] not in NO_END, (width, before, after)


def test_a_latin_word_is_never_cut_when_it_fits_on_a_line():
    text = "力爭數字經濟增加值占GDP比重達到40%以上 and the Guiyang Big Data Exchange"
    for width in range(8, 40):
        lines = lines_of(text, width)
        for a, b in zip(lines, lines[1:], strict=False):
            assert not (a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum()), (width, a, b)


def test_english_wraps_where_rich_wraps_it():
    rng = random.Random(7)
    words = ["the", "digital", "economy", "of", "Guizhou", "grew", "for", "seven", "years", "in", "a", "row",
             "while", "data", "centres", "multiplied"]
    console = Console(width=200, record=True)
    for _ in range(200):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(3, 30)))
        width = rng.randint(12, 60)
        rich_lines = [line.plain.rstrip() for line in Text(text).wrap(console, width)]
        assert [line.rstrip() for line in lines_of(text, width)] == rich_lines


def test_a_word_longer_than_the_line_is_folded():
    assert lines_of("abcdefghijklmnopqrstuvwxyz", 10) == ["abcdefghij", "klmnopqrst", "uvwxyz"]


def test_the_wrapped_text_keeps_its_styles():
    text = Text("¶1  ", style="bold") + Text("會議認為,過去一年,全省大數據系統搶抓新國發2號文件重大機遇")
    console = Console(width=16, record=True, color_system="truecolor")
    console.print(Wrapped(text))
    out = console.export_text()
    assert out.splitlines()[0].startswith("¶1  會議認為")
    assert all(not line.startswith(",") for line in out.splitlines())
