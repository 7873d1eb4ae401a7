"""The Targets chart in a short terminal: its axis stays in sight above the list, and an arrow is
never left at the end of a line without the baseline it points to."""

from __future__ import annotations

from tui.app import BriefingApp


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_at_70_by_24_the_columns_axis_is_in_sight_and_the_arrow_keeps_its_baseline():
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=(70, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        lines = screen_lines(app)
        list_top = next(n for n, line in enumerate(lines) if line.startswith("Digital economy at least 40% of GDP")
                        and n > 5)
        above = lines[:list_top]
        assert any(line.rstrip().endswith("─ 0") for line in above)  # the axis, above the list
        assert any("◀ Baseline: about 37% of GDP (2022)" in line for line in above)
        assert not any(line.rstrip().endswith("◀") for line in lines)
