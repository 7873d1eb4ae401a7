"""Keys typed together are kept, in order, whatever the first of them opens: a search box, a filter
box or a briefing. (Held down or typed fast, keys reach the app before the screen they open is drawn.)"""

from __future__ import annotations

import pytest

from benchmarks.monkey import burst
from tui.app import BriefingApp
from tui.library import briefing_files
from tui.screens.search_screen import SearchScreen
from tui.widgets.search_box import SearchBox

from .conftest import CONTENT

WIDE = (120, 36)


def library_app() -> BriefingApp:
    return BriefingApp(library=briefing_files([CONTENT]), language="en", persist=False)


async def test_what_is_typed_with_the_slash_goes_into_the_search_box():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["slash", "d", "a", "t", "a"])
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchBox).value == "data"
        assert app.screen.result is not None and app.screen.result.query == "data"


async def test_what_is_typed_with_f_goes_into_the_library_filter():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["f", "b", "e", "i", "j"])
        assert app.screen.query_one("#library-filter", SearchBox).value == "beij"


async def test_a_pane_key_typed_with_enter_in_the_library_acts_in_the_briefing_it_opens():
    app = library_app()
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["enter", "3"])
        assert not app.in_library and app.browser.active_pane == "actions"
        await burst(pilot, ["0", "j", "enter", "4"])
        assert app.briefing.meeting.title.en == "2024 National Data Work Conference"
        assert app.browser.active_pane == "targets"


async def test_a_burst_after_the_slash_is_typed_then_chosen_not_taken_as_commands():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["slash", "d", "a", "t", "a", "enter"])
        assert app.language == "en"  # the t was typed, not a language switch
        assert not isinstance(app.screen, SearchScreen)  # Enter chose the first result of "data"
        hits = app.session.hits
        assert app.browser.current_item().id == hits[0]
        await burst(pilot, ["n"])
        assert len(hits) > 2 and app.browser.current_item().id == hits[1]  # and n went on to the next


async def test_narrowing_the_terminal_with_the_detail_focused_gives_the_keys_back_to_the_list():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "enter")
        assert app.browser.detail_has_focus
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert app.focused is app.browser.pane("achievements").item_list
        await pilot.press("j")
        assert app.browser.current_item() == app.briefing.achievements[1]


async def test_keys_typed_with_the_enter_that_closes_search_act_in_the_briefing():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["slash", "d", "a", "t", "a", "enter", "n", "n"])
        assert not isinstance(app.screen, SearchScreen)
        hits = app.session.hits
        assert len(hits) > 3 and app.browser.current_item().id == hits[2]  # both n went on, in order
        await burst(pilot, ["slash", "d", "a", "t", "a", "escape", "3"])
        assert not isinstance(app.screen, SearchScreen) and app.browser.active_pane == "actions"


async def test_keys_typed_after_an_enter_that_finds_nothing_stay_in_the_box():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["slash", "z", "z", "q", "enter", "x", "y"])
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(SearchBox).value == "zzqxy"
        await pilot.press("enter", "backspace", "d")
        assert app.screen.query_one(SearchBox).value == "zzqxd"


async def where_keys_lead(keys: list[str], together: bool) -> tuple:
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await app.workers.wait_for_complete()  # the index: both runs find the same hits
        if together:
            await burst(pilot, keys)
        else:
            for key in keys:
                await burst(pilot, [key])
        item = app.browser.current_item()
        return type(app.screen).__name__, app.browser.active_pane, item and item.id, type(app.focused).__name__


@pytest.mark.parametrize("after", [["escape"], ["j"], ["l"], ["tab", "j"], ["escape", "escape"]])
async def test_keys_typed_after_choosing_a_result_act_as_if_typed_one_by_one(after):
    keys = ["slash", "d", "a", "t", "a", "enter", *after]
    assert await where_keys_lead(keys, together=True) == await where_keys_lead(keys, together=False)


async def test_a_remapped_close_key_closes_search_and_holds_what_follows(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("keymap:\n  search.close: ctrl+g\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["slash", "d", "a", "t", "a", "escape"])
        assert isinstance(app.screen, SearchScreen)  # Esc no longer closes it
        await burst(pilot, ["ctrl+g", "3"])
        assert not isinstance(app.screen, SearchScreen) and app.browser.active_pane == "actions"


@pytest.mark.parametrize("keys", [["7", "pagedown"], ["t", "3", "7", "pageup", "pagedown"]])
async def test_a_page_key_typed_with_the_key_that_shows_a_pane_finds_its_list_not_yet_laid_out(keys):
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, keys)  # OptionList raised KeyError: the list had no lines yet
        assert app.browser.active_pane == "glossary" and app.browser.current_item() is not None


async def typed_as_the_terminal_reads_them(pilot, keys: list[str], alt_key: tuple[str, str]) -> None:
    """``keys`` in a burst, then an Esc and a key within the ~100 ms that Textual reads as one alt+ key."""
    from textual import events

    from benchmarks.monkey import key_event, settle

    for event in [*map(key_event, keys), events.Key(*alt_key)]:
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await settle(pilot)


@pytest.mark.parametrize(("keys", "alt_key", "then"), [
    (["2", "g"], ("alt+j", "j"), ["2", "g", "escape", "j"]),
    (["2", "slash", "s", "h", "u", "j", "u"], ("alt+j", "j"), ["2", "slash", "s", "h", "u", "j", "u", "escape", "j"]),
    (["2", "slash", "d", "a", "t", "a"], ("alt+shift+g", "G"), ["2", "slash", "d", "a", "t", "a", "escape", "G"]),
])
async def test_an_esc_and_a_key_typed_within_a_tenth_of_a_second_are_both_kept(keys, alt_key, then):
    async def where(app):
        item = app.browser.current_item()
        return type(app.screen).__name__, app.browser.active_pane, item and item.id, type(app.focused).__name__

    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await typed_as_the_terminal_reads_them(pilot, keys, alt_key)
        fast = await where(app)
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, then)  # the same keys, the Esc and the key read apart
        assert fast == await where(app) and fast[0] == "BrowserScreen"


async def test_keys_held_for_a_release_that_never_comes_act_after_a_moment():
    from benchmarks.monkey import settle

    app = BriefingApp(language="en", persist=False)
    app.HOLD_AT_MOST = 0.4
    async with app.run_test(size=WIDE) as pilot:
        app.hold_keys()  # as a closing screen does; nothing will release it
        await burst(pilot, ["3"])
        assert app.browser.active_pane == "overview" and app.held_keys
        await pilot.pause(0.5)  # past HOLD_AT_MOST: the timer is what is tested
        await settle(pilot)
        assert app.browser.active_pane == "actions" and app.held_keys is None
