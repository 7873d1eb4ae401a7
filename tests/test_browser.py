"""The browser, driven as a user would: every key of the contract, in both layouts."""

import pytest
from textual.command import CommandPalette

from tui.app import BriefingApp
from tui.loader import load_briefing
from tui.panes import PANES
from tui.screens.detail_screen import DetailScreen
from tui.screens.help_screen import HelpScreen
from tui.screens.too_small import TooSmallScreen
from tui.widgets.detail import DetailView, RelatedList
from tui.widgets.item_list import ItemList
from tui.widgets.key_hints import KeyHints
from tui.widgets.source_view import SourceView

from .conftest import BUNDLED

WIDE = (120, 36)
NARROW = (70, 24)


def selected(app):
    item = app.browser.current_item()
    return item.id if item else None


async def test_the_app_opens_the_bundled_briefing_a_path_or_a_briefing(briefing):
    for app in (BriefingApp(language="en"), BriefingApp(BUNDLED, language="en"), BriefingApp(briefing, language="en")):
        async with app.run_test(size=WIDE):
            assert app.screen.title == "2023 Guizhou Provincial Big Data Work Conference"
            assert app.screen.sub_title == "2023-02-13 · Guiyang"
            assert app.browser.active_pane == "overview"
            assert isinstance(app.focused, ItemList)


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_number_keys_switch_panes(size):
    app = BriefingApp(language="en")
    async with app.run_test(size=size) as pilot:
        for spec in reversed(PANES):
            await pilot.press(spec.key)
            assert app.browser.active_pane == spec.id
            expected = SourceView if spec.id == "source" else ItemList
            assert isinstance(app.focused, expected)


async def test_left_right_and_h_l_step_through_panes():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("l")
        assert app.browser.active_pane == "achievements"
        await pilot.press("right", "right")
        assert app.browser.active_pane == "targets"
        await pilot.press("h", "left")
        assert app.browser.active_pane == "achievements"
        await pilot.press("left", "left")
        assert app.browser.active_pane == "glossary"  # wraps around


async def test_moving_in_a_list_with_arrows_vim_keys_home_and_end(briefing):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        ids = [a.id for a in briefing.achievements]
        assert selected(app) == ids[0]
        await pilot.press("j", "down")
        assert selected(app) == ids[2]
        await pilot.press("k")
        assert selected(app) == ids[1]
        await pilot.press("G")
        assert selected(app) == ids[-1]
        await pilot.press("g")
        assert selected(app) == ids[0]
        await pilot.press("end")
        assert selected(app) == ids[-1]
        await pilot.press("home")
        assert selected(app) == ids[0]
        await pilot.press("up")  # no wrapping round (as OptionList does): a held k stops at the top
        assert selected(app) == ids[0]
        await pilot.press("G", "j", "down")
        assert selected(app) == ids[-1]


async def test_wide_detail_follows_the_selection_and_enter_esc_move_focus():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "j", "j")
        detail = app.browser.pane("achievements").detail
        assert detail.item.id == "digital-economy-share"
        await pilot.press("enter")
        assert isinstance(app.focused, RelatedList)
        assert not isinstance(app.screen, DetailScreen)
        await pilot.press("escape")
        assert isinstance(app.focused, ItemList)
        assert selected(app) == "digital-economy-share"


async def test_narrow_enter_opens_the_detail_as_a_screen_and_esc_restores_the_list():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "G")
        list_ = app.browser.pane("achievements").item_list
        scroll = list_.scroll_y
        await pilot.press("enter")
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.item.id == "overall-support"
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert selected(app) == "overall-support" and list_.scroll_y == scroll
        assert isinstance(app.focused, ItemList)


async def test_wide_following_a_related_item_and_coming_back():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("3", "enter")  # first action; focus on its related items
        related = app.focused
        assert isinstance(related, RelatedList)
        await pilot.press("down", "enter")  # its first target (the innovation comes first)
        assert app.browser.active_pane == "targets"
        assert selected(app) == "digital-economy-share-2023"
        await pilot.press("escape")
        assert app.browser.active_pane == "actions"
        assert selected(app) == "digital-industry"
        assert isinstance(app.focused, RelatedList)  # back into the detail we left


async def test_narrow_following_a_related_item_and_coming_back():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("3", "enter")
        assert app.screen.item.id == "digital-industry"
        await pilot.press("enter")  # follows the innovation
        assert isinstance(app.screen, DetailScreen) and app.screen.item.id == "digital-industry-innovation"
        assert app.browser.active_pane == "actions"
        await pilot.press("escape")  # back to where we came from: the action's detail
        assert isinstance(app.screen, DetailScreen) and app.screen.item.id == "digital-industry"
        await pilot.press("escape")  # detail → list
        assert not isinstance(app.screen, DetailScreen)
        assert selected(app) == "digital-industry"


async def test_t_cycles_the_language_through_titles_tabs_lists_and_details():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        tabs = app.browser.tabs
        list_ = app.browser.pane("achievements").item_list
        assert tabs.label("achievements") == "2 Achievements"
        await pilot.press("t")
        assert app.language == "zh-Hant"
        assert app.screen.title == "2023年全省大數據工作會"
        assert tabs.label("achievements") == "2 成績"
        assert str(list_.get_option_at_index(0).prompt) == "大數據主體產業持續發展壯大"
        await pilot.pause()
        hints = [hint.description for hint in app.screen.query_one(KeyHints).hints]
        assert "語言" in hints and "搜尋" in hints and "Language" not in hints
        await pilot.press("t")
        assert app.language == "zh-Hans"
        assert app.screen.title == "2023年全省大数据工作会"
        assert str(list_.get_option_at_index(0).prompt) == "大数据主体产业持续发展壮大"
        assert app.browser.pane("achievements").detail.item.id == "core-industry"
        await pilot.press("1")  # a pane built before the change catches up when shown again
        overview = app.browser.pane("overview").item_list
        assert str(overview.get_option_at_index(0).prompt) == "会议认为"
        await pilot.press("t")
        assert app.language == "en"
        assert str(overview.get_option_at_index(0).prompt) == "Assessment of 2022"
        await pilot.press("2")
        assert str(list_.get_option_at_index(0).prompt) == "Principal big data industries kept growing"


async def test_language_comes_from_the_flag_or_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    assert BriefingApp().language == "zh-Hant"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert BriefingApp().language == "zh-Hans"
    assert BriefingApp(language="en").language == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert BriefingApp().language == "en"


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_s_shows_the_item_in_the_source_highlighted(size, briefing):
    app = BriefingApp(language="en")
    async with app.run_test(size=size) as pilot:
        await pilot.press("4", "j")
        target = briefing.by_id()["digital-economy-growth-rank"]
        await pilot.press("s")
        assert app.browser.active_pane == "source"
        source = app.browser.source_view
        assert source.highlighted == (target.quote.start, target.quote.end)
        highlighted = source.query(".-highlighted")
        assert [w.id for w in highlighted] == ["paragraph-5"]
        await pilot.press("escape")  # back where we were
        assert app.browser.active_pane == "targets" and selected(app) == target.id


async def test_y_copies_the_selected_item_with_its_quote(monkeypatch):
    app = BriefingApp(language="en")
    copied = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("2", "j", "y")
        assert copied == ["Digital-economy growth first in China for seven years in a row\n"
                          "The growth rate of Guizhou's digital economy ranked first in China for the seventh "
                          "year in a row.\n\n「數字經濟增速連續七年位居全國第一」"]
        assert any("Copied" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_binding_with_its_keys(key):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        ids = {binding.id for _, binding in app.screen.bindings}
        assert {"pane.overview", "pane.glossary", "back", "language", "show-source", "copy", "help", "quit",
                "list.down", "list.up", "list.first", "list.last", "list.open", "list.previous-pane",
                "list.next-pane"} <= ids
        assert all(binding.id for _, binding in app.screen.bindings)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_p_opens_the_command_palette():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_quits(key):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")  # an unbound key does not quit
        assert app.is_running
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running and app.return_code == 0


async def test_a_terminal_too_small_says_so_and_recovers():
    app = BriefingApp(language="en")
    async with app.run_test(size=(39, 12)) as pilot:
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert not isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(50, 11)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)


async def test_while_too_small_no_key_opens_anything_behind_the_message():
    app = BriefingApp(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")  # a palette is open when the terminal shrinks
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        stack = list(app.screen_stack)
        await pilot.press("ctrl+p", "question_mark", "slash", "2", "t", "enter", "escape")
        assert app.screen_stack == stack and isinstance(app.screen, TooSmallScreen)
        assert app.browser.active_pane == "overview" and app.language == "en"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)  # back to what was open


async def test_everything_is_usable_at_60_by_20():
    app = BriefingApp(language="en")
    async with app.run_test(size=(60, 20)) as pilot:
        assert not isinstance(app.screen, TooSmallScreen)
        for key in "1234567":
            await pilot.press(key)
            if key != "6":
                await pilot.press("j", "enter")
                assert isinstance(app.screen, DetailScreen)
                await pilot.press("escape")
        assert app.browser.active_pane == "glossary"


def hostile_briefing(tmp_path, text_en: str):
    from .conftest import MINIMAL, write_briefing

    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("{en: Growth first, zh: 增速第一}", "{en: " + text_en + ", zh: 增速第一}")
    return load_briefing(write_briefing(tmp_path, text, "hostile.yaml"))


async def test_markup_in_content_is_shown_literally_and_does_nothing(tmp_path):
    evil = "'[bold]Bold[/x][@click=app.quit]Quit[link=https://x.invalid]L'"
    briefing = hostile_briefing(tmp_path, evil)
    app = BriefingApp(briefing, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        list_ = app.browser.pane("achievements").item_list
        assert str(list_.get_option_at_index(0).prompt) == "[bold]Bold[/x][@click=app.quit]Quit[link=https://x.invalid]L"
        svg = app.export_screenshot()
        assert "[bold]Bold[/x][@click=app.quit]Quit" in svg
        await pilot.click(DetailView, offset=(2, 0))  # a click on the title must not quit
        assert app.is_running


async def test_escape_sequences_in_content_never_reach_the_screen(tmp_path):
    briefing = hostile_briefing(tmp_path, '"Evil\\e]52;c;aGk=\\a\\e[2J\\x9b31m"')
    app = BriefingApp(briefing, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        title = briefing.achievements[0].title.en
        assert "\x1b" not in title and "\x9b" not in title and "\x07" not in title
        svg = app.export_screenshot()
        assert "\x1b" not in svg and "\x9b" not in svg


async def test_the_list_keys_move_in_a_details_related_items():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("1", "j", "enter")
        related = app.focused
        assert isinstance(related, RelatedList) and related.option_count > 1
        await pilot.press("j")
        assert related.highlighted == 1
        await pilot.press("G")
        assert related.highlighted == related.option_count - 1
        await pilot.press("g", "k")
        assert related.highlighted == 0
