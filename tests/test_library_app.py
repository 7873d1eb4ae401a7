"""The library in the app: listing briefings, opening one and coming back to the same place,
sorting, filtering, a broken file, searching every briefing at once, and the palette."""

from __future__ import annotations

import re
import shutil

import pytest

from tui.app import LIBRARY, BriefingApp
from tui.library import briefing_files
from tui.screens.browser import BrowserScreen
from tui.screens.detail_screen import DetailScreen
from tui.screens.library_screen import LibraryScreen
from tui.screens.search_screen import SearchScreen
from tui.widgets.library_list import LibraryList

from .conftest import CONTENT

WIDE, NARROW = (120, 36), (70, 24)
TITLES_NEWEST_FIRST = [
    "Hefei Data Resources and Government Services Management Work Conference",
    "2024 National Data Work Conference",
    "2023 Guizhou Provincial Big Data Work Conference",
]


@pytest.fixture
def shelf(tmp_path):
    """The bundled briefings, and a broken one, in a folder of their own."""
    folder = tmp_path / "shelf"
    shutil.copytree(CONTENT, folder, ignore=shutil.ignore_patterns("README.md"))
    (folder / "broken.yaml").write_text("format: 2\nmeeting:\n  title: [unclosed\n", encoding="utf-8")
    return folder


def library_app(folder=CONTENT, **options) -> BriefingApp:
    return BriefingApp(library=briefing_files([folder]), persist=False, **options)


def listed(app) -> list[str]:
    """The first line of each row, top to bottom."""
    rows = app.screen.query_one(LibraryList)
    return [str(rows.get_option_at_index(i).prompt).split("\n")[0] for i in range(rows.option_count)]


async def test_the_library_lists_every_briefing_newest_first_with_what_it_holds():
    app = library_app()
    async with app.run_test(size=WIDE):
        assert isinstance(app.screen, LibraryScreen)
        assert listed(app) == TITLES_NEWEST_FIRST
        rows = app.screen.query_one(LibraryList)
        guizhou = str(rows.get_option_at_index(2).prompt)
        assert "2023-02-13 · Guiyang · 15 achievements · 5 actions · 9 targets" in guizhou
        assert "Source: Traditional Chinese · complete" in guizhou
        hefei = str(rows.get_option_at_index(0).prompt)
        assert "Source: Simplified Chinese · opening only" in hefei and "1 target" in hefei


@pytest.mark.parametrize(("language", "title", "words"), [
    ("zh-Hant", "合肥市數據資源和政務服務管理工作會議", "原文: 簡體中文 · 僅有開頭部分"),
    ("zh-Hans", "合肥市数据资源和政务服务管理工作会议", "原文: 简体中文 · 仅有开头部分"),
])
async def test_the_library_speaks_each_language(language, title, words):
    app = library_app(language=language)
    async with app.run_test(size=WIDE):
        row = str(app.screen.query_one(LibraryList).get_option_at_index(0).prompt)
        assert row.startswith(title) and words in row
        assert app.screen.title is None and app.title == ("簡報庫" if language == "zh-Hant" else "简报库")


async def test_a_broken_file_is_listed_last_with_its_first_error_and_cannot_be_opened(shelf):
    app = library_app(shelf)
    async with app.run_test(size=WIDE) as pilot:
        assert listed(app)[-1] == "broken.yaml"
        rows = app.screen.query_one(LibraryList)
        broken = str(rows.get_option_at_index(3).prompt)
        assert "Cannot be opened" in broken
        assert re.search(rf"{re.escape(str(shelf / 'broken.yaml'))}:\d+:\d+: ", broken)
        await pilot.press("G")  # the broken row is shown but never highlighted
        assert rows.highlighted == 2
        rows.highlighted = 3
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen) and app.sessions == {}
        await pilot.press("g", "enter")
        assert isinstance(app.screen, BrowserScreen)
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[0]


async def test_each_briefing_keeps_its_place_while_the_reader_moves_between_them():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G", "enter")  # Guizhou, the oldest
        await pilot.press("3", "j", "j")
        guizhou_item = app.browser.current_item()
        assert app.browser.active_pane == "actions" and guizhou_item is not None
        await pilot.press("escape")  # nothing to go back to in the briefing: the library
        assert isinstance(app.screen, LibraryScreen) and app.current_mode == LIBRARY
        await pilot.press("g", "enter")  # Hefei
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[0]
        await pilot.press("2", "j")
        await pilot.press("0")  # the library's own key
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("G", "enter")
        assert app.browser.active_pane == "actions" and app.browser.current_item() == guizhou_item
        await pilot.press("0", "g", "enter")
        assert app.browser.active_pane == "achievements"
        assert app.browser.current_item() == app.briefing.achievements[1]


async def test_a_briefing_opens_on_a_pane_it_has_something_for():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G", "enter", "4", "0")  # Targets chosen in Guizhou
        await pilot.press("g", "j", "enter")  # the national conference: no targets
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[1]
        assert app.browser.active_pane == "overview"
        await pilot.press("0", "g", "enter")  # Hefei has one
        assert app.browser.active_pane == "targets"


async def test_sort_and_filter_from_the_keyboard():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("o")
        assert listed(app) == TITLES_NEWEST_FIRST[::-1]
        await pilot.press("o")  # by title
        assert listed(app) == sorted(TITLES_NEWEST_FIRST, key=str.casefold)
        await pilot.press("f", *"guiyang")
        assert listed(app) == [TITLES_NEWEST_FIRST[2]]
        status = str(app.screen.query_one("#library-status").render())
        assert status.startswith("1 of 3 briefings")
        await pilot.press("escape")  # the filter stays; the list has the keys
        assert listed(app) == [TITLES_NEWEST_FIRST[2]] and app.focused is app.screen.query_one(LibraryList)
        await pilot.press("escape")  # and again: the filter goes
        assert len(listed(app)) == 3
        await pilot.press("f", *"貴陽")  # either script finds the Simplified 贵阳 as well
        assert listed(app) == [TITLES_NEWEST_FIRST[2]]


async def test_search_finds_items_of_every_briefing_and_opens_one_in_its_briefing():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()  # the library's index
        await pilot.press("slash", *"shuju")
        screen = app.screen
        assert isinstance(screen, SearchScreen) and screen.result is not None
        from tui.screens.library_screen import entry_title

        found_in = {entry_title(app._library_index.locate(doc)[0], "en") for doc in screen.result.ids}
        assert found_in == set(TITLES_NEWEST_FIRST)
        first_row = str(screen.query_one("#search-results").row_text(0))
        first, item_id = app._library_index.locate(screen.result.ids[0])
        assert entry_title(first, "en") in first_row
        await pilot.press("enter")
        assert app.current_mode.startswith("briefing-") and app.briefing.meeting == first.meeting
        assert app.browser.current_item().id == item_id
        hits = app.session.hits
        assert hits[0] == item_id and all(hit in app.briefing.by_id() for hit in hits)
        await pilot.press("n")
        assert app.browser.current_item().id == hits[1]


async def test_the_palette_finds_a_briefing_by_name():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p", *"Guizhou")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrowserScreen)
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[2]


async def test_keys_that_only_work_in_a_briefing_do_nothing_in_the_library():
    app = library_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("3", "n", "s", "y", "ctrl+r", "h", "l", "0")
        assert isinstance(app.screen, LibraryScreen) and app.sessions == {}
        await pilot.press("enter", "enter", "0", "enter", "escape", "escape", "enter", "5", "0")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter", "1", "j", "enter")  # narrow: the detail is a screen of its own
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("0")  # straight back to the library, and the briefing is as it was
        assert isinstance(app.screen, LibraryScreen)


def test_watch_follows_one_file_not_a_library(capsys):
    from tui.cli import main

    assert main([str(CONTENT), "--watch"]) == 2
    assert "--watch follows one briefing file" in capsys.readouterr().err


def test_a_folder_without_briefings_is_said_plainly(tmp_path, capsys):
    from tui.cli import main

    assert main([str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"briefing: no briefing files (*.yaml, *.yml) in {tmp_path}\n"


async def test_the_pane_chosen_in_one_briefing_is_where_the_next_one_opens_and_the_list_follows_the_reader():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter", "3")  # Hefei, on Actions
        await pilot.press("0", "j", "enter")  # the national conference opens on Actions too
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[1] and app.browser.active_pane == "actions"
        await pilot.press("0")
        rows = app.screen.query_one(LibraryList)
        assert str(rows.get_option_at_index(rows.highlighted).prompt).startswith(TITLES_NEWEST_FIRST[1])
        await pilot.press("ctrl+p", *"Guizhou")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("0")  # back from a briefing opened by the palette: the list is on it
        assert str(rows.get_option_at_index(rows.highlighted).prompt).startswith(TITLES_NEWEST_FIRST[2])


async def test_a_search_left_open_in_one_briefing_still_searches_that_briefing_after_visiting_another():
    from benchmarks.monkey import burst

    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("enter")  # Hefei
        hefei = app.session
        await burst(pilot, ["slash", "d", "a", "t", "a"])
        await pilot.press("ctrl+p", *"Guizhou")
        await pilot.pause()
        await pilot.press("enter")  # the palette opens Guizhou over Hefei's open search
        await pilot.pause()
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[2]
        await app.workers.wait_for_complete()
        await pilot.press("0", "g", "enter")  # back to Hefei: its search is still open, on Hefei
        assert app.session is hefei and isinstance(app.screen, SearchScreen)
        await pilot.press("enter")
        assert app.browser.current_item().id in hefei.briefing.by_id()


async def test_a_file_name_cannot_drive_the_terminal(tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    (folder / "ok\x1b]2;TITLE\x07.yaml").write_text("format: 2\n", encoding="utf-8")
    app = library_app(folder)
    async with app.run_test(size=WIDE):
        row = str(app.screen.query_one(LibraryList).get_option_at_index(0).prompt)
        assert "\x1b" not in row and "\x07" not in row and "TITLE" in row


async def test_opening_a_briefing_again_while_its_index_builds_builds_it_once(monkeypatch):
    import tui.search

    built = []
    real = tui.search.build_index
    monkeypatch.setattr(tui.search, "build_index", lambda briefing: built.append(briefing) or real(briefing))
    from benchmarks.monkey import burst

    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["enter", "0", "enter", "0", "enter"])
        await app.workers.wait_for_complete()
        assert len(built) == 1 and app.session.index is not None


async def test_a_briefing_reloaded_from_the_library_shows_its_new_content_in_the_list_and_its_search(shelf):
    app = library_app(shelf)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("down", "down", "enter")
        assert app.briefing.meeting.title.en == TITLES_NEWEST_FIRST[2]
        await app.workers.wait_for_complete()  # the library's index, and this briefing's
        path = shelf / "guizhou-2023.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("en: 2023 Guizhou Provincial Big Data Work Conference",
                                     "en: 2023 Guizhou Big Data Conference, revised", 1)
                            .replace("en: Assessment of 2022", "en: Zephyrine assessment of 2022", 1),
                        encoding="utf-8")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        assert app.briefing.meeting.title.en == "2023 Guizhou Big Data Conference, revised"
        await pilot.press("0")
        assert isinstance(app.screen, LibraryScreen)
        assert "2023 Guizhou Big Data Conference, revised" in listed(app)
        rows = app.screen.query_one(LibraryList)
        assert rows.highlighted == 2  # still on the briefing come back from
        found = app.search_library("zephyrine")
        assert [app._library_index.locate(doc)[1] for doc in found.ids] == ["assessment"]
        await pilot.press("f", *"revised")
        assert listed(app) == ["2023 Guizhou Big Data Conference, revised"]
