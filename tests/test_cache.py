"""The cache of validated briefings: used only when nothing changed, never an error when broken."""

import pickle
import shutil

import pytest

from tui import loader
from tui.cache import cache_dir, load_briefing_cached, load_index, store_index
from tui.loader import read_briefing
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

    def must_not_parse(*args):
        raise AssertionError("parsed again despite a valid cache entry")

    monkeypatch.setattr(loader, "read_briefing", must_not_parse)
    monkeypatch.setattr(loader, "read_briefing_bytes", must_not_parse)
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


def copy_elsewhere(briefing_file, folder):
    shutil.copytree(briefing_file.parent, folder)
    return folder / briefing_file.name


def test_a_copy_in_another_folder_is_validated_against_its_own_source(copy_of_bundled, tmp_path):
    load_briefing_cached(copy_of_bundled)  # the original, valid and now cached
    copy = copy_elsewhere(copy_of_bundled, tmp_path / "elsewhere")
    source = copy.parent / "sources" / "guizhou-2023.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("貴陽", "某地"), encoding="utf-8")
    briefing, errors, key = load_briefing_cached(copy)
    assert briefing is None and key is None
    assert [str(e) for e in errors] == [str(e) for e in read_briefing(copy)[1]] != []


def test_a_copy_in_another_folder_shows_its_own_source_text(copy_of_bundled, tmp_path):
    _, _, original_key = load_briefing_cached(copy_of_bundled)
    copy = copy_elsewhere(copy_of_bundled, tmp_path / "elsewhere")
    source = copy.parent / "sources" / "guizhou-2023.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA line only the copy has.\n", encoding="utf-8")
    briefing, errors, key = load_briefing_cached(copy)
    assert errors == [] and briefing.source_text.endswith("A line only the copy has.\n")
    assert key != original_key  # nor does it get the original's search index


def test_a_source_text_changed_to_another_valid_one_is_shown_and_gets_its_own_index(copy_of_bundled):
    _, _, before = load_briefing_cached(copy_of_bundled)
    source = copy_of_bundled.parent / "sources" / "guizhou-2023.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nAppended.\n", encoding="utf-8")
    briefing, errors, after = load_briefing_cached(copy_of_bundled)
    assert errors == [] and briefing.source_text.endswith("Appended.\n") and after != before


def test_a_source_symlink_pointed_elsewhere_is_a_miss(copy_of_bundled):
    sources = copy_of_bundled.parent / "sources"
    (sources / "guizhou-2023.txt").rename(sources / "real.txt")
    (sources / "guizhou-2023.txt").symlink_to("real.txt")
    load_briefing_cached(copy_of_bundled)
    (sources / "other.txt").write_text("nothing quoted here\n", encoding="utf-8")
    (sources / "guizhou-2023.txt").unlink()
    (sources / "guizhou-2023.txt").symlink_to("other.txt")
    briefing, errors, _ = load_briefing_cached(copy_of_bundled)
    assert briefing is None and any("quote is not in the source text" in e.message for e in errors)


@pytest.mark.parametrize("entry", [("a", "b"), (1, 2, 3), {"meeting": None}, None, 42])
def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(copy_of_bundled, entry):
    _, _, key = load_briefing_cached(copy_of_bundled)
    for path in cache_dir().glob("*.briefing"):
        path.write_bytes(pickle.dumps(entry))
    briefing, errors, same_key = load_briefing_cached(copy_of_bundled)
    assert errors == [] and briefing is not None and same_key == key
    store_index(key, entry)
    assert load_index(key) is None


def test_an_entry_that_is_a_directory_leaves_no_temporary_files(copy_of_bundled):
    load_briefing_cached(copy_of_bundled)
    for path in cache_dir().glob("*.briefing"):
        path.unlink()
        path.mkdir()
    for _ in range(3):
        briefing, errors, _ = load_briefing_cached(copy_of_bundled)
        assert errors == [] and briefing is not None
    assert sorted(p.suffix for p in cache_dir().iterdir()) == [".briefing"]
