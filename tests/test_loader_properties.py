"""Property: any YAML value in any field gives either a valid briefing or clean errors, never an exception."""

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.loader import ContentError, read_briefing

from .conftest import MINIMAL, write_briefing

BASE = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40), st.dates(),
    st.sampled_from(["2023-02-30", "[bold]", "[/x]", "\x1b]52;c;aGk=\x07", "\x9b31m", "", " ", "share", "growth"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.one_of(st.text(max_size=10), st.sampled_from(["en", "zh", "id", "quote", "text", "title"])), inner,
    max_size=4), max_leaves=12)


def paths(value, prefix=()):
    """Every place in the document a value could be replaced: each mapping key and list element."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, prefix + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths(inner, prefix + (index,))


ALL_PATHS = list(paths(BASE))


def replaced(document, path, new):
    if not path:
        return new
    copy = dict(document) if isinstance(document, dict) else list(document)
    copy[path[0]] = replaced(document[path[0]], path[1:], new)
    return copy


def check(tmp_path: Path, document) -> None:
    path = write_briefing(tmp_path, yaml.safe_dump(document, allow_unicode=True), "generated.yaml")
    briefing, errors = read_briefing(path)
    assert (briefing is None) == bool(errors)
    for error in errors:
        assert isinstance(error, ContentError) and error.line >= 1 and error.column >= 1
        assert "\n" not in str(error)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ALL_PATHS), value=values)
def test_any_value_in_any_field(tmp_path, path, value):
    check(tmp_path, replaced(BASE, path, value))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(section=st.sampled_from(sorted(k for k, v in BASE.items() if isinstance(v, list))),
       extra=st.dictionaries(st.sampled_from(["id", "title", "text", "quote", "kind", "number", "bogus"]),
                             values, max_size=6))
def test_any_extra_item_in_any_section(tmp_path, section, extra):
    document = dict(BASE)
    document[section] = [*BASE[section], extra]
    check(tmp_path, document)
