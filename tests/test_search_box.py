"""What the search box accepts and how it quotes the query back: literally, and never raw control text."""

from textual import events

from tui.app import BriefingApp
from tui.loader import REPLACEMENT
from tui.widgets.search_box import SearchBox

WIDE = (120, 36)


async def open_search(pilot) -> SearchBox:
    await pilot.press("slash")
    return pilot.app.screen.query_one(SearchBox)


def status(app) -> str:
    return str(app.screen.query_one("#search-status").render())


async def test_a_pasted_escape_sequence_or_bidi_override_is_replaced():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        box = await open_search(pilot)
        box.post_message(events.Paste("\x1b]52;c;aGk=\x07zz\u202eqq\u2066"))
        await pilot.pause()
        assert box.value == f"{REPLACEMENT}]52;c;aGk={REPLACEMENT}zz{REPLACEMENT}qq{REPLACEMENT}"
        assert "\x1b" not in status(app) and "\u202e" not in status(app)


async def test_a_typed_control_character_is_replaced():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        box = await open_search(pilot)
        box.insert_text_at_cursor("a\x9bb")
        assert box.value == f"a{REPLACEMENT}b"


async def test_no_results_quotes_the_query_as_typed_not_as_a_python_repr():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await open_search(pilot)
        await pilot.press("backslash", "apostrophe", "z", "z", "q")
        await pilot.pause()
        assert status(app).startswith("No results for \"\\'zzq\". Try fewer words")
