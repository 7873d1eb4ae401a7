"""The layout itself, measured: where the list and the detail sit at each size, and what stays visible.

Snapshots show a layout; these tests say which layout is the right one, so a wrong snapshot
cannot be approved without one of them failing.
"""

import pytest
from textual.geometry import Region

from tui.app import BriefingApp
from tui.panes import PANES
from tui.screens.detail_screen import DetailScreen
from tui.screens.too_small import MIN_HEIGHT, MIN_WIDTH

WIDE = (120, 36)
NARROW = (70, 24)
LIST_PANES = [p for p in PANES if p.id != "source"]


def assert_split(app, width):
    """The list and the detail side by side, the detail to the right of the list."""
    pane = app.browser.pane(app.browser.active_pane)
    listed, detail = pane.item_list.region, pane.detail.region
    assert pane.detail.display and detail.width > 0
    assert listed.x == 0 and detail.x == listed.right and detail.right == width
    assert listed.width >= 40, "the list is squeezed"


def assert_list_only(app, width):
    """Below 110 columns the list has the whole width and the detail is not drawn beside it."""
    pane = app.browser.pane(app.browser.active_pane)
    assert not pane.detail.display
    assert pane.detail.region.width == 0
    assert pane.item_list.region.x == 0 and pane.item_list.region.width == width


@pytest.mark.parametrize("spec", LIST_PANES, ids=lambda p: p.id)
async def test_the_detail_sits_beside_the_list_only_from_110_columns(spec):
    for size, check in ((WIDE, assert_split), (NARROW, assert_list_only), ((110, 30), assert_split),
                        ((109, 30), assert_list_only)):
        app = BriefingApp(language="en")
        async with app.run_test(size=size) as pilot:
            await pilot.press(spec.key)
            check(app, size[0])


async def test_the_layout_follows_a_resize_both_ways():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        assert_split(app, WIDE[0])
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert_list_only(app, NARROW[0])
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert_split(app, WIDE[0])


async def test_enter_when_narrow_opens_only_the_detail_screen():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "enter")
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("escape")
        assert_list_only(app, NARROW[0])


async def test_focus_leaves_the_detail_when_a_resize_hides_it():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "enter")
        assert app.browser.detail_has_focus
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert not app.browser.detail_has_focus
        await pilot.press("j")
        assert app.browser.current_item().id == app.briefing.achievements[1].id


@pytest.mark.parametrize("spec", LIST_PANES, ids=lambda p: p.id)
async def test_every_list_stays_visible_at_the_advertised_minimum(spec):
    app = BriefingApp(language="en")
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.press(spec.key)
        await pilot.pause()
        listed = app.browser.pane(spec.id).item_list
        assert listed.region.height >= 3, f"{spec.id}: only {listed.region.height} rows of the list are visible"
        assert listed.region.bottom <= MIN_HEIGHT - 1  # above the footer


@pytest.mark.parametrize("size", [(MIN_WIDTH, MIN_HEIGHT), NARROW, WIDE])
async def test_help_shows_every_binding_id_whole(size):
    app = BriefingApp(language="en")
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-table")
        width, height = table.size
        assert width > 0 and height > 0
        lines = [strip.text for strip in table.render_lines(Region(0, 0, width, height))]
        words = {word for line in lines for word in line.split()}
        missing = [b.id for _, b in app.all_bindings() if b.id not in words]
        assert missing == []


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
async def test_the_whole_target_chart_fits_at_120x36(language):
    app = BriefingApp(language=language)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        scroll = app.screen.query_one("#chart-scroll")
        assert scroll.max_scroll_y == 0, f"{scroll.max_scroll_y} lines of the chart are hidden"
        assert app.screen.query_one("#list-targets").region.height >= 12


async def test_a_detail_opened_narrow_goes_beside_its_list_when_the_terminal_is_widened():
    app = BriefingApp(language="en")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("2", "j", "enter")
        assert isinstance(app.screen, DetailScreen)
        item_id = app.screen.item.id
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert app.screen is app.browser and app.browser.detail_has_focus
        assert app.browser.current_item().id == item_id
        await pilot.press("escape")
        assert app.screen is app.browser and not app.browser.detail_has_focus
