"""Panes built and brought up to date in idle moments: none before the first frame, all of them soon
after it, never in an old language or with an old selection, and never in the way of a quit."""

from __future__ import annotations

import pytest
from textual.app import App

from benchmarks.generate import write_large_briefing
from tui.app import LIBRARY, BriefingApp
from tui.i18n import localize
from tui.library import briefing_files
from tui.panes import PANE_IDS
from tui.widgets.browser_pane import BrowserPane
from tui.widgets.source_view import SourceView

from .conftest import CONTENT, idle

WIDE = (120, 36)


def on_each_frame(app: App, look) -> list:
    """What ``look(app)`` returns at every frame ``app`` draws from now on."""
    seen: list = []
    display = app._display

    def looked(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            seen.append(look(app))

    app._display = looked  # type: ignore[method-assign]
    return seen


def first_row(pane: BrowserPane) -> str:
    return pane.item_list.get_option_at_index(0).prompt.plain


async def test_only_the_first_pane_is_built_before_the_first_frame_and_the_others_at_idle():
    app = BriefingApp(language="en")
    built = on_each_frame(app, lambda app: sorted(app.browser._panes))
    async with app.run_test(size=WIDE) as pilot:
        await idle(pilot)
        assert built[0] == ["overview"]
        assert sorted(app.browser._panes) == sorted(PANE_IDS)
        achievements = app.browser.pane("achievements")
        assert achievements.item_list.option_count == len(app.briefing.achievements)
        assert achievements.item_list.measured  # measured at idle: showing it only draws it


@pytest.mark.parametrize("items", [None, 1500])
async def test_idle_building_draws_no_frame_even_where_the_lists_scroll(items, tmp_path):
    """Frames drawn at idle would be work for nothing (and would end the start-up later)."""
    app = BriefingApp(write_large_briefing(tmp_path, items) if items else None, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        while not app.browser._panes.keys() - {"overview"}:  # the first idle step has begun
            await pilot.pause(0.01)
        frames = on_each_frame(app, lambda app: None)
        await idle(pilot)
        assert sorted(app.browser._panes) == sorted(PANE_IDS)
        assert frames == []


async def test_a_pane_built_at_idle_after_a_language_switch_is_in_the_new_language():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("t")  # before any idle work
        await idle(pilot)
        achievements = app.browser.pane("achievements")
        assert achievements.shown_language == "zh-Hant"
        assert first_row(achievements) == localize(app.briefing.achievements[0].title, "zh-Hant")


@pytest.mark.parametrize("pane_id", ["achievements", "targets", "glossary"])
async def test_a_language_switch_then_a_pane_switch_never_draws_the_old_language(pane_id):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await idle(pilot)
        pane = app.browser.pane(pane_id)
        assert pane.shown_language == "en"
        drawn = on_each_frame(app, lambda app: (app.browser.active_pane, pane.shown_language))
        key = next(str(n) for n, p in enumerate(PANE_IDS, 1) if p == pane_id)
        await pilot.press("t", key)
        await pilot.pause()
        assert (pane_id, "en") not in drawn and drawn[-1] == (pane_id, "zh-Hant")
        first = getattr(app.briefing, pane.spec.sections[0])[0]
        assert first_row(pane).startswith(localize(first.title, "zh-Hant"))


async def test_hidden_panes_catch_up_with_the_language_at_idle():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await idle(pilot)
        await pilot.press("t")
        await idle(pilot)
        panes = [app.browser.pane(p) for p in PANE_IDS if p != "source"]
        assert {pane.shown_language for pane in panes} == {"zh-Hant"}
        assert all(pane.item_list.measured for pane in panes)


async def test_a_selection_made_in_a_hidden_pane_is_the_one_shown():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await idle(pilot)
        target = app.briefing.achievements[3]
        drawn = on_each_frame(app, lambda app: (app.browser.active_pane, app.browser.current_item()))
        await app.browser.go_to(target.id)
        await pilot.pause()
        assert all(item == target for pane, item in drawn if pane == "achievements") and drawn


async def test_a_screen_put_away_catches_up_with_the_language_before_it_is_drawn_again():
    app = BriefingApp(library=briefing_files([CONTENT]), persist=False, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("G", "enter")  # a briefing: its screen
        browser = app.browser
        await pilot.press("0", "t")  # back to the library; the language changes there
        assert browser.shown_language == "en"  # nothing redrawn while it is not on show
        drawn = on_each_frame(app, lambda app: (app.screen is browser, browser.shown_language))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode != LIBRARY and app.screen is browser
        assert (True, "en") not in drawn and browser.shown_language == "zh-Hant"
        assert browser.title == localize(app.briefing.meeting.title, "zh-Hant")


@pytest.mark.parametrize("kind", [BrowserPane, SourceView])
async def test_a_quit_while_a_pane_is_being_built_is_quiet(monkeypatch, kind):
    """The pane being built at idle is taken down before its children are mounted: nothing to show."""
    compose = kind.compose

    def quit_meanwhile(self):
        if self.id != "pane-overview":
            self.app.exit()
        yield from compose(self)

    monkeypatch.setattr(kind, "compose", quit_meanwhile)
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        while app.is_running:
            await pilot.pause(0.02)
    assert app.return_code in (0, None)
