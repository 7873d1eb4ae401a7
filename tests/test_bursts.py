"""Keys that arrive together (a paste, a macro, key-repeat): each burst here once crashed the app or lost the focus.

``burst`` posts every key at once, as the terminal driver does, and only then waits for the app: Pilot's
``press`` waits after each key, which hides every race between them. When the app raises, ``run_test``
re-raises the error as the ``async with`` block closes, so each test fails on a crash.
"""

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from benchmarks.monkey import burst
from tui.app import BriefingApp
from tui.widgets.item_list import ItemList
from tui.widgets.source_view import SourceView

WIDE = (120, 36)
NARROW = (70, 24)


def focused_list(app) -> str | None:
    focused = app.focused
    return focused.id if isinstance(focused, ItemList) else None


async def test_enter_then_a_pane_key_in_one_burst_opens_nothing_in_the_pane_left_behind():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["enter", "6"])
        assert app.browser.active_pane == "source"
        assert isinstance(app.focused, SourceView)


async def test_enter_then_a_pane_key_at_narrow_size_opens_no_detail_over_the_new_pane():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await burst(pilot, ["enter", "2"])
        assert app.screen is app.browser
        assert focused_list(app) == "list-achievements"


@pytest.mark.parametrize("quit_key", ["q", "ctrl+q"])
@pytest.mark.parametrize("then", ["2", "s", "6", "slash"])
async def test_keys_typed_with_a_quit_do_not_break_the_exit(quit_key, then):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, [quit_key, then])
    assert app.return_code == 0


@pytest.mark.parametrize(("before", "keys", "pane"), [
    ((), ["l"] * 3, "targets"),
    ((), ["l"] * 8, "achievements"),
    (("6",), ["l"] * 3, "achievements"),  # from the Source pane, held down
    (("6",), ["2", "3"], "actions"),
    ((), ["2", "3", "2", "3"], "actions"),
    ((), ["3", "h", "right", "4"], "targets"),
])
async def test_fast_pane_switches_count_every_key_and_leave_the_focus_on_the_list_on_show(before, keys, pane):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(*before)
        await burst(pilot, keys)
        assert app.browser.active_pane == pane
        assert focused_list(app) == f"list-{pane}"
        first = app.browser.current_item()
        await pilot.press("j")  # list keys still work
        assert app.browser.current_item() is not first


async def test_enter_enter_in_the_command_palette_runs_the_command_and_keeps_the_app():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await burst(pilot, ["ctrl+p", "enter", "enter"])
        assert app.is_running
        assert not CommandPalette.is_open(app)
        await pilot.press("2")
        assert focused_list(app) == "list-achievements"


async def test_paging_the_command_palette_before_its_list_is_laid_out_does_nothing():
    """Textual 8.2.8 raises KeyError paging a list that has options but no size yet (ctrl+p, PageDown
    within ~50 ms). The test puts the list in that state rather than racing the clock."""
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        commands = app.screen.query_one(CommandList)
        commands.display = False
        await pilot.pause()
        assert not commands.scrollable_content_region
        commands.clear_options().add_options([Option("one"), Option("two")])
        commands.highlighted = 0
        await pilot.press("pagedown", "pageup")
        assert commands.highlighted == 0
        await pilot.press("escape", "2")
        assert focused_list(app) == "list-achievements"


@pytest.mark.parametrize("keys", [["enter", "enter"], ["enter", "escape"], ["escape", "enter"], ["escape", "escape"]])
async def test_two_closing_keys_in_one_burst_close_the_search_once(keys):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", "h", "u", "a", "w", "e", "i")
        await burst(pilot, keys)
        assert app.is_running
        assert app.screen is app.browser or app.screen.item.id == "huawei-cloud"


async def test_enter_enter_at_narrow_size_opens_one_detail():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await burst(pilot, ["enter", "enter"])
        assert [type(screen).__name__ for screen in app.screen_stack] == ["BrowserScreen", "DetailScreen"]
        await pilot.press("escape")
        assert app.screen is app.browser


async def test_the_theme_list_of_the_palette_is_guarded_too():
    """Textual's "Change theme" command opens a palette of its own: Enter Enter there must not end the app."""
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        app.search_themes()  # what the palette's "Change theme" does
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await burst(pilot, ["enter", "enter"])
        assert app.is_running
        await pilot.press("escape", "escape", "2")
        assert focused_list(app) == "list-achievements"
