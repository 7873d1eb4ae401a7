"""Keys answer within a frame: a list move redraws the list and the detail in one frame, lists of
thousands of rows are measured without wrapping each row through Textual's Content, and a chart of
a thousand targets is drawn a screenful at a time."""

from __future__ import annotations

import random

import pytest
from rich._wrap import divide_line
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets.option_list import Option

from benchmarks.generate import write_large_briefing
from tui.app import BriefingApp
from tui.model import LANGUAGES
from tui.panes import PANES
from tui.sections import present_sections
from tui.widgets.browser_pane import row_prompt
from tui.widgets.item_list import ItemList, wrapped_lines
from tui.widgets.target_chart import TargetChart, chart_parts

WIDE = (120, 36)


def count_frames(app: App) -> list[int]:
    """A list that grows by one for every frame ``app`` draws."""
    frames: list[int] = []
    display = app._display

    def counted(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None:
            frames.append(1)

    app._display = counted  # type: ignore[method-assign]
    return frames


async def test_a_move_in_a_list_draws_one_frame():
    """The detail follows the selection in the key's own handling, and no size it changes asks for a
    second layout: one frame per key (there were two or three, the last 16 ms after the first)."""
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2")
        while app.browser.idle_work_pending:  # the other panes built, and the switch's frames all drawn
            await pilot.pause(0.02)
        await pilot.pause()
        frames = count_frames(app)
        pane = app.browser.pane("achievements")
        for key in ["j", "j", "j", "k", "j", "j", "j"]:
            shown = pane.detail.item
            before = len(frames)
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert pane.detail.item is not shown and pane.detail.item.id == pane.item_list.selected_id
            assert len(frames) - before == 1, f"{key}: {len(frames) - before} frames"


class OneList(App):
    def compose(self) -> ComposeResult:
        yield ItemList()


@pytest.mark.parametrize("language", LANGUAGES)
async def test_row_heights_are_those_content_wraps_to(briefing, language):
    """The cheap measure of a row agrees with Textual's own at every width, in both scripts."""
    async with OneList().run_test() as pilot:
        rows = pilot.app.query_one(ItemList)
        options = [Option(row_prompt(briefing, item, language)) for _, item in briefing.items()]
        options.append(Option(Text("a\tb " * 20)))
        for width in range(4, 70, 3):
            for option in options:
                expected = rows._get_visual(option).get_height(rows.styles, width)
                assert rows._row_height(option, width) == expected, (width, option.prompt.plain)


async def test_thousands_of_rows_are_measured_without_building_each_row(briefing):
    """Only the rows on screen are turned into Content; the rest are measured from their text."""
    spec = next(spec for spec in PANES if spec.id == "achievements")
    section = present_sections(briefing, spec.sections)[0]
    items = getattr(briefing, section)
    rows = [(f"{item.id}-{n}", row_prompt(briefing, item, "en")) for n in range(2000 // len(items) + 1)
            for item in items]
    async with OneList().run_test(size=WIDE) as pilot:
        item_list = pilot.app.query_one(ItemList)
        built: list[Option] = []
        get_visual = item_list._get_visual

        def counted(option):
            built.append(option)
            return get_visual(option)

        item_list._get_visual = counted  # type: ignore[method-assign]
        item_list.show([(None, rows)])
        await pilot.pause()
        assert item_list.option_count == len(rows) > 2000
        assert len(item_list._lines) >= len(rows)
        assert len(set(built)) <= WIDE[1]
        item_list.action_last()
        await pilot.pause()
        assert item_list.selected_id == rows[-1][0]


def test_wrapped_lines_counts_as_rich_divides():
    """The ASCII shortcut agrees with ``rich._wrap.divide_line`` on words that fit, overflow and fold."""
    generator = random.Random(13)
    for _ in range(20_000):
        line = "".join(generator.choice("ab cdefg  hij-,.Z") for _ in range(generator.randint(0, 60)))
        width = generator.randint(1, 30)
        assert wrapped_lines(line, width) == len(divide_line(line, width, fold=True)) + 1, (line, width)


async def test_a_chart_of_many_targets_is_drawn_a_screenful_at_a_time(tmp_path):
    """Drawing a thousand targets whole took seconds for the few lines on show: the chart draws a
    screenful, and the next one when the reader scrolls to the end of it, until it is all drawn."""
    app = BriefingApp(write_large_briefing(tmp_path, 1500), language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        chart = app.screen.query_one(TargetChart)
        every = len(list(chart_parts(app.briefing, "en")))
        assert 0 < len(chart._parts) < every
        scroll = app.screen.query_one("#chart-scroll")
        while len(chart._parts) < every:
            drawn = len(chart._parts)
            scroll.scroll_end(animate=False, immediate=True)
            await pilot.pause()
            assert len(chart._parts) > drawn
        assert not chart.show_more()
