"""Hostile and broken content: each file loads (and is shown literally) or fails cleanly, in bounded
time and memory, and never reaches the terminal as escape sequences."""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.app import BriefingApp
from tui.cli import main
from tui.loader import REPLACEMENT, read_briefing
from tui.screens.detail_screen import DetailScreen

from .conftest import MINIMAL, ROOT, TEST_CONTENT, write_briefing

HOSTILE = TEST_CONTENT / "hostile"

# file → None if it loads, else (line, column, field, message fragment) of an error it must report
CASES = {
    "markup-everywhere.yaml": None,
    "bom.yaml": None,
    "circular-related.yaml": None,
    "syntax-unclosed-quote.yaml": (55, 17, "(yaml)", "invalid YAML"),
    "syntax-bad-indent.yaml": (6, 2, "(yaml)", "did not find expected key"),
    "syntax-stray-colon.yaml": (8, 19, "(yaml)", "mapping values are not allowed"),
    "syntax-unclosed-list.yaml": (30, 10, "(yaml)", "did not find expected ',' or ']'"),
    "tabs-in-indentation.yaml": (8, 1, "(yaml)", "tab character"),
    "raw-escape-byte.yaml": (9, 33, "(yaml)", "character U+001B is not allowed"),
    "utf16.yaml": (1, 1, "(file)", "UTF-16"),
    "invalid-utf8-truncated.yaml": (62, 36, "(file)", "not valid UTF-8"),
    "nul-byte.yaml": (63, 19, "(file)", "NUL"),
    "duplicate-key-nested.yaml": (68, 5, "awards[0].title", "duplicate field"),
    "duplicate-translation-key.yaml": (4, 32, "meeting.title.en", "duplicate field"),
    "alias-bomb.yaml": (2, 1, "lol", "unknown field"),
    "python-object-apply.yaml": (7, 17, "meeting.reviews_year", "python/object/apply"),
    "python-name.yaml": (63, 11, "speakers[0].text", "python/name"),
    "custom-tag.yaml": (6, 10, "meeting.place", "tag '!place' is not allowed"),
    "binary-tag.yaml": (68, 11, "awards[0].text", "binary"),
    "number-for-text.yaml": (62, 17, "speakers[0].title.en", "expected text, got a number"),
    "text-for-number.yaml": (53, 12, "targets[0].value", "expected a number, got text"),
    "list-for-text.yaml": (9, 14, "meeting.text.en", "expected text, got a list"),
    "id-with-spaces.yaml": (66, 9, "awards[0].id", "lower-case ASCII"),
    "id-lookalike.yaml": (66, 9, "awards[0].id", "lower-case ASCII"),
    "recursive-anchor.yaml": (6, 35, "meeting.place.self", "unknown field"),
    "empty-measures.yaml": (43, 15, "actions[0].measures", "needs at least 1 item"),
    "negative-infinite-value.yaml": (53, 12, "targets[0].value", "finite number"),
    "boolean-for-number.yaml": (56, 11, "targets[0].year", "expected a whole number"),
    "multiple-documents.yaml": (76, 1, "(yaml)", "single document"),
}


def test_every_hostile_file_has_a_case():
    assert sorted(p.name for p in HOSTILE.glob("*.yaml")) == sorted(CASES)
    assert len(CASES) >= 25


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_loads_or_fails_cleanly(name, capsys):
    expected = CASES[name]
    code = main(["check", str(HOSTILE / name)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if expected is None:
        assert code == 0 and err == ""
        return
    line, column, field, fragment = expected
    assert code == 1
    assert any(row.startswith(f"{HOSTILE / name}:{line}:{column}: {field}: ") and fragment in row
               for row in err.splitlines()), err


def test_the_alias_bomb_is_not_expanded():
    _, errors = read_briefing(HOSTILE / "alias-bomb.yaml")
    assert 0 < len(errors) < 40  # nine "expected a mapping" errors for the measures, not 9**9


def test_markup_and_escapes_load_as_visible_replacement_characters():
    briefing, errors = read_briefing(HOSTILE / "markup-everywhere.yaml")
    assert errors == []
    title = briefing.achievements[0].title.en
    assert title.startswith("[bold]B[/x][@click=app.quit]Q[link=https://x.invalid]L ")
    assert f"{REPLACEMENT}]52;c;aGVsbG8={REPLACEMENT}" in title
    assert not any(0x80 <= ord(ch) <= 0x9F or ord(ch) < 0x20 and ch not in "\n\t" for ch in title)
    assert "\u202e" not in title and "\x7f" not in title


async def test_hostile_but_valid_files_render_and_navigate():
    for name in ("markup-everywhere.yaml", "bom.yaml", "circular-related.yaml"):
        app = BriefingApp(HOSTILE / name, language="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("2", "enter", "enter", "enter", "escape", "escape", "3", "s", "t", "slash", "b")
            await pilot.press("escape", "question_mark", "escape")
            assert app.is_running


async def test_following_circular_links_terminates_and_comes_back():
    app = BriefingApp(HOSTILE / "circular-related.yaml", language="en")
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.press("2", "enter")
        for _ in range(6):  # growth → share → growth → … each a new step of history
            await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        for _ in range(8):
            await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert app.browser.current_item().id == "growth"


def limited_check(path: Path, memory_mb: int = 1024, seconds: int = 60):
    """Run ``briefing check`` in a child with an address-space limit and a timeout."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    return subprocess.run([sys.executable, "-m", "tui", "check", str(path)], capture_output=True, text=True,
                          timeout=seconds, preexec_fn=limit, cwd=ROOT)


def generated(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, make, fragment", [
    ("deep-nesting.yaml", lambda: "meeting: " + "[" * 10_000 + "]" * 10_000 + "\n", "nesting"),
    ("deep-block-nesting.yaml", lambda: "meeting:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 10_001)),
     "nesting"),
    ("one-megabyte-line.yaml", lambda: MINIMAL.read_text(encoding="utf-8").replace(
        "{en: Growth first, zh: 增速第一}", "{en: '" + "x" * 1_000_000 + "', zh: 增速第一}"), "too long"),
    ("fifty-megabytes.yaml", lambda: "# padding\n" * 5_300_000, "too large"),
])
def test_huge_inputs_fail_in_bounded_time_and_memory(tmp_path, name, make, fragment):
    path = generated(tmp_path, name, make())
    result = limited_check(path)
    assert result.returncode == 1, result.stderr[-2000:]
    assert fragment in result.stderr and "Traceback" not in result.stderr
    rows = result.stderr.strip().splitlines()
    assert rows and all(row.startswith(f"{path}:") for row in rows)


def test_launching_on_a_hostile_file_leaves_the_terminal_alone():
    result = subprocess.run([sys.executable, "-m", "tui", str(HOSTILE / "python-object-apply.yaml")],
                            capture_output=True, timeout=60, cwd=ROOT, env={**os.environ, "TERM": "xterm-256color"})
    assert result.returncode == 1
    assert result.stdout == b"" and b"\x1b" not in result.stderr


def timed_check(path: Path) -> tuple[subprocess.CompletedProcess, float]:
    """``briefing check path`` in a child; a hang or an endless read fails on the timeout."""
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "tui", "check", str(path)], capture_output=True, text=True,
                            timeout=20, cwd=ROOT)
    return result, time.monotonic() - start


@pytest.mark.parametrize("make, reason", [
    (lambda path: Path("/dev/zero"), "a character device, not a regular file"),
    (lambda path: os.mkfifo(path) or path, "a FIFO (named pipe), not a regular file"),
])
def test_check_refuses_what_is_not_a_regular_file_at_once(tmp_path, make, reason):
    path = make(tmp_path / "briefing.yaml")
    result, _ = timed_check(path)
    assert result.returncode == 1
    assert result.stderr == f"{path}:1:1: (file): cannot read file: {reason}\n"


def with_source(tmp_path: Path, clean: str) -> Path:
    text = MINIMAL.read_text(encoding="utf-8").replace("clean: sources/guizhou-2023.txt", f"clean: {clean}")
    return write_briefing(tmp_path, text)


OUTSIDE = "leads outside the briefing's folder; a briefing can only quote files beside it"


@pytest.mark.parametrize("clean, prepare, message", [
    ('"a\\0b"', None, "the path contains a NUL character"),
    ("../../etc/passwd", None, f"'../../etc/passwd' {OUTSIDE}"),
    ("sources/../../x.txt", None, f"'sources/../../x.txt' {OUTSIDE}"),
    ("/etc/passwd", None, "'/etc/passwd' is absolute; give a path relative to the briefing's folder"),
    ("/dev/zero", None, "'/dev/zero' is absolute; give a path relative to the briefing's folder"),
    ("sources/link.txt", lambda folder: os.symlink("/etc/passwd", folder / "sources" / "link.txt"),
     f"'sources/link.txt' {OUTSIDE}"),
    ("sources/zero", lambda folder: os.symlink("/dev/zero", folder / "sources" / "zero"),
     f"'sources/zero' {OUTSIDE}"),
    ("sources/pipe", lambda folder: os.mkfifo(folder / "sources" / "pipe"),
     "cannot read source text {folder}/sources/pipe: a FIFO (named pipe), not a regular file"),
    ("sources", None, "cannot read source text {folder}/sources: a directory, not a regular file"),
])
def test_a_source_path_must_name_a_regular_file_beside_the_briefing(tmp_path, clean, prepare, message):
    folder = tmp_path / "briefings"
    folder.mkdir()
    path = with_source(folder, clean)
    if prepare:
        prepare(folder)
    result, _ = timed_check(path)
    assert result.returncode == 1
    expected = f"{path}:13:12: meeting.source.clean: {message.format(folder=folder.resolve())}"
    assert result.stderr.splitlines()[0] == expected, result.stderr
    assert "Traceback" not in result.stderr


def test_a_source_below_the_briefing_through_a_symlink_inside_its_folder_is_read(tmp_path):
    path = with_source(tmp_path, "sources/alias.txt")
    os.symlink("guizhou-2023.txt", tmp_path / "sources" / "alias.txt")
    briefing, errors = read_briefing(path)
    assert errors == [] and briefing.source_text.startswith("2月13日,2023年")
