"""The cache of validated briefings: used only when nothing changed, never an error when broken."""

import shutil

import pytest

from tui import cache
from tui.cache import cache_dir, load_briefing_cached, load_index, store_index
from tui.search import build_index

from .conftest import CONTENT


@pytest.fixture
def copy_of_bundled(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target / "guizhou-2023.yaml"


def test_a_second_load_comes_from_the_cache(copy_of_bundled, monkeypatch):
    first, errors, key = load_briefing_cached(copy_of_bundled)
    assert errors == [] and key and list(cache_dir().glob("*.briefing"))

    def must_not_parse(path):
        raise AssertionError("parsed again despite a valid cache entry")

    monkeypatch.setattr(cache, "read_briefing", must_not_parse)
    second, errors, same_key = load_briefing_cached(copy_of_bundled)
    assert errors == [] and same_key == key
    assert second.by_id().keys() == first.by_id().keys() and second.path == str(copy_of_bundled)


def test_a_changed_source_text_is_a_miss(copy_of_bundled, monkeypatch):
    load_briefing_cached(copy_of_bundled)
    source = copy_of_bundled.parent / "sources" / "guizhou-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("貴陽", "某地"), encoding="utf-8")
    briefing, errors, _ = load_briefing_cached(copy_of_bundled)
    assert briefing is None and any("quote is not in the source text" in e.message for e in errors)


def test_a_corrupt_cache_entry_is_ignored(copy_of_bundled):
    _, _, key = load_briefing_cached(copy_of_bundled)
    (cache_dir() / f"{key}.briefing").write_bytes(b"not a pickle")
    briefing, errors, _ = load_briefing_cached(copy_of_bundled)
    assert errors == [] and briefing is not None


def test_an_invalid_briefing_is_not_cached(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\n", encoding="utf-8")
    briefing, errors, key = load_briefing_cached(broken)
    assert briefing is None and errors and key is None
    assert not list(cache_dir().glob("*.briefing"))


def test_the_search_index_round_trips(briefing):
    index = build_index(briefing)
    store_index("k", index)
    again = load_index("k")
    assert again.search("sjzx").ids == index.search("sjzx").ids
    assert load_index("missing") is None
