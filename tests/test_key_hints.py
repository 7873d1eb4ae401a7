"""The footer offers only keys that do something where the reader is."""

from tui.app import BriefingApp
from tui.screens.search_screen import SearchScreen
from tui.widgets.key_hints import KeyHints

WIDE = (120, 36)


def hinted(app) -> set[str]:
    """The keys the footer of the screen on top shows."""
    return {hint.key for hint in app.screen.query_one(KeyHints).hints}


async def test_s_and_y_are_offered_only_with_an_item_to_act_on():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert {"s", "y"} <= hinted(app)
        await pilot.press("6")
        await pilot.pause()
        assert not {"s", "y"} & hinted(app)
        assert "slash" in hinted(app)  # the footer is there, with the keys that do work
        await pilot.press("s", "y")  # and the keys themselves do nothing
        assert app.browser.active_pane == "source"
        await pilot.press("7")
        await pilot.pause()
        assert {"s", "y"} <= hinted(app)


async def test_the_search_box_shows_its_own_keys_not_the_browsers():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        shown = hinted(app)
        assert "escape" in shown
        assert not {"t", "s", "y", "slash", "question_mark"} & shown


async def test_an_empty_pane_does_not_offer_to_open_a_detail():
    from tui.app import BriefingApp

    from .conftest import CONTENT

    app = BriefingApp(CONTENT / "national-data-work-2024.yaml", persist=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")  # this briefing has no targets
        await pilot.pause()
        footer = [hint.description for hint in app.screen.query_one(KeyHints).hints]
        assert "Open detail" not in footer
        await pilot.press("2")
        await pilot.pause()
        assert "Open detail" in [hint.description for hint in app.screen.query_one(KeyHints).hints]
