"""Bad content gets one clear line per error, with file, line, column and field; never a traceback."""

import re
import subprocess
import sys

import pytest

from tui.cli import main
from tui.loader import REPLACEMENT, read_briefing, sanitise

from .conftest import BROKEN, MINIMAL, write_briefing

# file → (line, column, field, message fragment) of the error it must report
BROKEN_CASES = {
    "missing-field.yaml": (21, 5, "achievements[0].text", "missing field 'text'"),
    "unknown-field.yaml": (67, 5, "awards[0].colour", "unknown field"),
    "wrong-type.yaml": (7, 17, "meeting.reviews_year", "expected a whole number, got text 'last year'"),
    "missing-translation.yaml": (62, 12, "speakers[0].title.en", "missing translation 'en'"),
    "duplicate-id.yaml": (49, 9, "targets[0].id", "duplicate id 'growth' (first used on line 21)"),
    "dangling-reference.yaml": (46, 22, "actions[0].targets[1]", "refers to 'no-such-target'"),
    "quote-not-in-source.yaml": (69, 12, "awards[0].quote", "quote is not in the source text"),
    "impossible-date.yaml": (5, 9, "meeting.date", "not a valid date: '2023-02-30'"),
    "not-utf8.yaml": (9, 36, "(file)", "not valid UTF-8"),
    "empty.yaml": (1, 1, "(file)", "file is empty"),
    "top-level-list.yaml": (2, 1, "(top-level)", "must be a mapping"),
    "python-tag.yaml": (7, 17, "meeting.reviews_year", "tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "syntax-error.yaml": (7, 15, "(yaml)", "invalid YAML"),
    "duplicate-key.yaml": (6, 3, "meeting.date", "duplicate field (first given on line 5)"),
}
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<field>\S+): (?P<message>.+)$")


def test_the_minimal_briefing_is_valid():
    briefing, errors = read_briefing(MINIMAL)
    assert errors == [] and briefing is not None
    assert briefing.by_id()["share"].baseline is None


def test_every_broken_file_has_a_case():
    assert sorted(p.name for p in BROKEN.glob("*.yaml")) == sorted(BROKEN_CASES)


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_check_reports_a_broken_file_on_one_line_and_exits_1(name, capsys):
    line, column, field, fragment = BROKEN_CASES[name]
    assert main(["check", str(BROKEN / name)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    rows = [LINE.match(row) for row in err.splitlines()]
    assert all(rows), err
    assert any(
        (int(r["line"]), int(r["col"]), r["field"]) == (line, column, field) and fragment in r["message"]
        for r in rows
    ), err
    assert all(r["path"].endswith(name) for r in rows)


def test_validation_collects_every_error_not_just_the_first(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("reviews_year: 2022", "reviews_year: soon").replace("value: 40", "value: forty")
    text = text.replace("kind: city", "kind: village")
    broken = write_briefing(tmp_path, text, "many.yaml")
    _, errors = read_briefing(broken)
    assert {e.field for e in errors} == {"meeting.reviews_year", "targets[0].value", "speakers[0].kind"}


def test_a_python_tag_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "reviews_year: 2022", f'reviews_year: !!python/object/apply:os.system ["touch {marker}"]')
    broken = tmp_path / "evil.yaml"
    broken.write_text(text, encoding="utf-8")
    _, errors = read_briefing(broken)
    assert errors and not marker.exists()


def test_control_characters_are_replaced_at_load_time(tmp_path):
    assert sanitise("a\x1b]52;c;aGk=\x07b\x9b31m\x00c\u202ed\te\nf") == (
        f"a{REPLACEMENT}]52;c;aGk={REPLACEMENT}b{REPLACEMENT}31m{REPLACEMENT}c{REPLACEMENT}d\te\nf")
    text = MINIMAL.read_text(encoding="utf-8").replace("en: It was held.", 'en: "It was \\e[31mheld\\x9b."')
    path = write_briefing(tmp_path, text, "escapes.yaml")
    briefing, errors = read_briefing(path)
    assert errors == []
    assert briefing.meeting.text.en == f"It was {REPLACEMENT}[31mheld{REPLACEMENT}."


def test_a_missing_file_is_an_error_not_a_traceback(capsys):
    assert main(["check", "no/such/file.yaml"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("no/such/file.yaml:1:1: (file): cannot read file")


def test_the_app_refuses_a_broken_file_before_starting_the_ui():
    result = subprocess.run([sys.executable, "-m", "tui", str(BROKEN / "missing-field.yaml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""  # nothing was drawn: no alternate screen, no escape sequences
    assert "achievements[0].text: missing field 'text'" in result.stderr
    assert "Traceback" not in result.stderr
