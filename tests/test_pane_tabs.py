"""The row of pane names: every pane's key always in sight, the active one named, a click switches."""

from __future__ import annotations

import pytest

from tui.app import BriefingApp
from tui.widgets.pane_tabs import PaneTabs

FULL = "1 Overview  2 Achievements  3 Actions  4 Targets  5 Awards & speakers  6 Source  7 Glossary"


def drawn(app) -> str:
    return app.browser.tabs.render().plain


async def test_every_name_in_full_when_there_is_room():
    app = BriefingApp(language="en")
    async with app.run_test(size=(120, 36)):
        assert drawn(app) == FULL


@pytest.mark.parametrize("width", [70, 40])
async def test_narrow_the_others_shrink_to_their_keys_and_the_active_one_keeps_its_name(width):
    app = BriefingApp(language="en")
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.press("5")
        line = drawn(app)
        assert line == "1  2  3  4  5 Awards & speakers  6  7"
        assert len(line) <= app.browser.tabs.content_size.width


def test_a_name_that_cannot_fit_even_alone_is_cut_with_an_ellipsis():
    tabs = PaneTabs({"a": "1 Alpha", "b": "2 A very long name indeed"}, "b")
    assert tabs.shown(12) == [("a", "1"), ("b", "2 A very…")]


async def test_clicking_a_name_shows_its_pane():
    app = BriefingApp(language="en")
    async with app.run_test(size=(120, 36)) as pilot:
        column = FULL.index("4 Targets") + 1  # the bar's left padding
        await pilot.click(PaneTabs, offset=(column + 2, 0))
        assert app.browser.active_pane == "targets"
        assert app.focused is app.browser.pane("targets").item_list
        await pilot.click(PaneTabs, offset=(FULL.index("  3 Actions") + 2, 0))  # the gap: nothing
        assert app.browser.active_pane == "targets"
