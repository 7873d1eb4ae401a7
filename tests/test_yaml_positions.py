"""A YAML slip is reported at a place in the file the author can go to: never past its last line,
and a bracket or quote left open is reported where it opens."""

from __future__ import annotations

import pytest

from tui.loader import compose_yaml

HEAD = "format: 2\nmeeting:\n"


@pytest.mark.parametrize(("text", "line", "column", "opener"), [
    (HEAD + "  title: [a, b\n", 3, 10, "["),
    (HEAD + "  title: [a, b", 3, 10, "["),
    (HEAD + "  title: [a, b\n\n\n", 3, 10, "["),
    (HEAD + "  title: {en: a, zh: b\n", 3, 10, "{"),
    (HEAD + '  title: "abc\n', 3, 10, '"'),
    (HEAD + "  title: 'abc", 3, 10, "'"),
    (HEAD + "  title: [", 3, 10, "["),
    ("a: 1\n[oops\n", 2, 1, "["),  # a key that opens a bracket: PyYAML says it misses its ':'
    ("a: 1\n{oops: [1\n", 2, 1, "{"),
    (HEAD + "  title: [a, {b: [c], d: \n", 3, 14, "{"),
    (HEAD + "  title: ['a]', \"{\", # ]\n", 3, 10, "["),
])
def test_an_unclosed_bracket_or_quote_is_reported_where_it_opens(text, line, column, opener):
    _, error = compose_yaml("b.yaml", text)
    assert error is not None
    assert (error.line, error.column) == (line, column)
    assert f"this {opener!r} is never closed" in error.message
    assert text.splitlines()[error.line - 1][error.column - 1] == opener


def test_a_bracket_left_open_before_more_keys_names_both_places():
    text = HEAD + "  title: [a, b\n  date: 2023-02-13\n"
    _, error = compose_yaml("b.yaml", text)
    assert error is not None
    assert (error.line, error.column) == (4, 7)  # where the parser gave up
    assert "the '[' at line 3, column 10 is not closed" in error.message


@pytest.mark.parametrize("text", [
    HEAD + "  title: [a, b",
    HEAD + "  title: {a: [b, c}\n",
    HEAD + "  title: |\n bad\n  - x\n",
    HEAD + "  - a\n  b: c\n",
    HEAD + "  title: \"a\\q\"\n",
    "a: b\n\tc: d\n",
    "[",
    "{",
    "a: [b, {c: ",
    "a: !<x",
    "a: *missing\n",
    "a: b\n\n\nc\n",
])
def test_every_syntax_error_points_inside_the_file(text):
    _, error = compose_yaml("b.yaml", text)
    assert error is not None and "\n" not in str(error)
    lines = text.splitlines()
    assert 1 <= error.line <= len(lines)
    assert 1 <= error.column <= len(lines[error.line - 1]) + 1


@pytest.mark.parametrize("text", [
    'items:\n  - "done"\n  "note"\n',
    "a: 1\n{b: 2}\n",
    '"a": 1\n"b"\n',
])
def test_a_closed_quote_or_bracket_starting_a_bad_key_is_not_called_unclosed(text):
    _, error = compose_yaml("b.yaml", text)
    assert error is not None
    assert "never closed" not in error.message and "is not closed" not in error.message
