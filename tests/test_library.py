"""The library's headless layer: entries, the summary cache and the search over every briefing."""

import os
import pickle
import shutil
import subprocess
import sys

import pytest

from tui import library
from tui.cache import cache_dir
from tui.library import (
    briefing_files,
    cached_library_index,
    default_library,
    library_index,
    read_library,
    user_briefings_dir,
)
from tui.loader import read_briefing
from tui.model import SECTIONS
from tui.paths import bundled_dir

from .conftest import BROKEN, MINIMAL, ROOT, write_briefing

MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _settled(monkeypatch):
    """Files written by a test count as settled at once (see ``library._SETTLED_NS``)."""
    monkeypatch.setattr(library, "_SETTLED_NS", 0)


@pytest.fixture
def folder(tmp_path):
    """A library folder: two valid briefings sharing item ids, a broken one, and things that are not briefings."""
    folder = tmp_path / "library"
    folder.mkdir()
    write_briefing(folder, MINIMAL_TEXT, "a.yaml")
    write_briefing(folder, MINIMAL_TEXT.replace("Growth first", "Growth second"), "b.yml")
    shutil.copy(BROKEN / "syntax-error.yaml", folder / "broken.yaml")
    (folder / "notes.txt").write_text("not a briefing", encoding="utf-8")
    (folder / ".a.yaml.swp.yaml").write_text("an editor's", encoding="utf-8")
    return folder


def loads_counted(monkeypatch) -> list:
    """Record every full load the library does from now on."""
    calls = []
    load = library.load_briefing_cached

    def counted(path):
        calls.append(path)
        return load(path)

    monkeypatch.setattr(library, "load_briefing_cached", counted)
    return calls


def test_a_folder_lists_its_briefing_files_by_name_each_once(folder, tmp_path):
    missing = tmp_path / "gone.yaml"
    (folder / "same-as-a.yaml").symlink_to(folder / "a.yaml")
    files = briefing_files([folder, folder / "a.yaml", missing, folder / "sources" / ".." / "b.yml"])
    assert files == [folder / "a.yaml", folder / "b.yml", folder / "broken.yaml", missing]


def test_entries_for_good_broken_and_missing_files(folder, tmp_path):
    missing = tmp_path / "gone.yaml"
    good, second, broken, gone = read_library([*briefing_files([folder]), missing])
    assert [e.path for e in (good, second, broken, gone)] == [folder / "a.yaml", folder / "b.yml",
                                                               folder / "broken.yaml", missing]
    assert good.openable and good.error is None and good.error_count == 0 and good.cache_key
    assert good.meeting.title.en == "Test conference" and good.script == "Hant" and good.complete
    assert dict(good.counts) == dict.fromkeys(SECTIONS, 1)
    errors = read_briefing(folder / "broken.yaml")[1]
    assert not broken.openable and broken.meeting is None and not broken.complete and broken.script is None
    assert broken.error == str(errors[0]) and broken.error.startswith(f"{folder / 'broken.yaml'}:7:15: (yaml): ")
    assert broken.error_count == len(errors)
    assert not gone.openable and gone.error.startswith(f"{missing}:1:1: (file): cannot read file")


def test_every_error_is_counted_and_the_first_one_shown(tmp_path):
    path = write_briefing(tmp_path, MINIMAL_TEXT.replace("id: growth", "id: Growth!").replace(
        "date: 2023-02-13", "date: 2023-02-30"))
    errors = read_briefing(path)[1]
    (entry,) = read_library([path])
    assert len(errors) > 1 and entry.error_count == len(errors) and entry.error == str(errors[0])
    assert entry.error.startswith(f"{path}:5:9: meeting.date: ")


def test_a_partial_source_in_simplified_is_listed_so(tmp_path):
    (entry,) = read_library([bundled_dir("content") / "hefei-data-work-2025.yaml"])
    assert entry.script == "Hans" and not entry.complete and entry.counts["innovations"] == 0


def test_a_second_read_comes_from_the_summary(folder, monkeypatch):
    first = read_library(briefing_files([folder]))
    calls = loads_counted(monkeypatch)
    second = read_library(briefing_files([folder]))
    assert second == first
    assert calls == [folder / "broken.yaml"]  # a broken file is read again: what fixes it may be any file


def test_an_unsettled_file_is_read_again(folder, monkeypatch):
    monkeypatch.setattr(library, "_SETTLED_NS", 10**15)  # every file was written just now
    read_library([folder / "a.yaml"])
    calls = loads_counted(monkeypatch)
    read_library([folder / "a.yaml"])
    assert calls == [folder / "a.yaml"]


def rewrite_keeping_times(path, old: str, new: str) -> None:
    """Change a file without changing its size or modification time (only what the kernel keeps shows it)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_an_edit_to_the_briefing_is_seen(folder):
    read_library([folder / "a.yaml"])
    rewrite_keeping_times(folder / "a.yaml", "Test conference", "Best conference")
    (entry,) = read_library([folder / "a.yaml"])
    assert entry.meeting.title.en == "Best conference"


def test_an_edit_to_the_source_is_seen(folder):
    read_library([folder / "a.yaml"])
    rewrite_keeping_times(folder / "sources" / "guizhou-2023.txt", "在貴陽召開", "在某地召開")
    (entry,) = read_library([folder / "a.yaml"])
    assert not entry.openable and "quote is not in the source text" in entry.error


@pytest.mark.parametrize("garbage", [b"not a pickle", pickle.dumps(["a", "list"]), "wrong records", "a folder"])
def test_anything_odd_in_the_summary_is_a_miss(folder, garbage):
    summary = cache_dir() / "library.summary"
    summary.parent.mkdir(parents=True, exist_ok=True)
    if garbage == "wrong records":
        name = os.path.abspath(folder / "a.yaml")
        garbage = pickle.dumps((library._summary_digest(), {name: ("one", 2), "x": None}))
    if garbage == "a folder":
        summary.mkdir()
    else:
        summary.write_bytes(garbage)
    (entry,) = read_library([folder / "a.yaml"])
    assert entry.openable and entry.meeting.title.en == "Test conference"
    (again,) = read_library([folder / "a.yaml"])
    assert again == entry


def test_the_readers_folder_follows_the_platform_and_comes_after_the_bundled(tmp_path):
    mine = user_briefings_dir()  # conftest points XDG_DATA_HOME at tmp_path / "data"
    assert mine == tmp_path / "data" / "briefing" / "briefings"
    bundled = briefing_files([bundled_dir("content")])
    assert default_library() == bundled and len(bundled) >= 3  # no folder of one's own yet: no error either
    mine.mkdir(parents=True)
    own = write_briefing(mine, MINIMAL_TEXT, "mine.yaml")
    assert default_library() == [*bundled, own]


# -- searching every briefing ---------------------------------------------------------------------


@pytest.fixture
def entries(folder):
    return read_library(briefing_files([folder]))  # a.yaml, b.yml, broken.yaml


@pytest.mark.parametrize("query", ["industry action", "產業大突破", "产业大突破", "chanyedatupo", "cydtp"])
def test_one_search_finds_the_items_of_every_briefing(entries, query):
    index = library_index(entries)
    result = index.search(query)
    assert set(result.ids) == {"0:industry", "1:industry"}  # the same id in two briefings: two results
    assert [index.locate(doc_id) for doc_id in result.ids] == [(entries[0], "industry"), (entries[1], "industry")]


def test_a_term_of_one_briefing_finds_only_its_item(entries):
    index = library_index(entries)
    assert index.search("second").ids == ["1:growth"]
    assert index.locate("1:growth") == (entries[1], "growth")


def test_the_literal_index_matches_only_what_is_written(entries, monkeypatch):
    index = library_index(entries, full=False)
    assert not index.full and set(index.search("產業大突破").ids) == {"0:industry", "1:industry"}
    assert index.search("产业大突破").ids == [] and index.search("cydtp").ids == []


def test_the_full_index_is_cached_and_a_changed_briefing_rebuilds_it(entries, folder):
    assert cached_library_index(entries) is None
    library_index(entries)
    assert cached_library_index(entries).search("second").ids == ["1:growth"]
    rewrite_keeping_times(folder / "b.yml", "Growth second", "Growth latter")
    changed = read_library(briefing_files([folder]))
    assert cached_library_index(changed) is None
    index = library_index(changed)
    assert index.search("latter").ids == ["1:growth"] and index.search("second").ids == []


def test_a_warm_start_searches_without_pypinyin_or_opencc(entries, folder):
    library_index(entries)  # built and cached: what a first launch leaves behind
    code = ("import sys\n"
            "from tui.library import briefing_files, library_index, read_library\n"
            f"entries = read_library(briefing_files([{str(folder)!r}]))\n"
            "index = library_index(entries)\n"
            "assert index.full and sorted(index.search('cydtp').ids) == ['0:industry', '1:industry']\n"
            "print(sorted(m for m in ('pypinyin', 'opencc') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
