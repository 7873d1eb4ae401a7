"""Format 2 briefings in the app: every pane of every bundled briefing, in every language, says
something true — items, or plainly that the briefing has none — and nothing from the Guizhou article."""

import pytest
from textual.widgets import Static

from tui.app import BriefingApp
from tui.loader import load_briefing
from tui.model import LANGUAGES
from tui.panes import PANES
from tui.sections import none_text
from tui.widgets.browser_pane import BrowserPane
from tui.widgets.item_list import ItemList
from tui.widgets.source_view import SourceView
from tui.widgets.target_chart import TargetChart

from .conftest import CONTENT, TEST_CONTENT

WIDE = (120, 36)
NATIONAL = CONTENT / "national-data-work-2024.yaml"
HEFEI = CONTENT / "hefei-data-work-2025.yaml"
BUNDLED_BRIEFINGS = sorted(CONTENT.glob("*.yaml"))
NEW_AUTHOR = sorted((TEST_CONTENT / "format-2").glob("*.yaml"))  # an interview and a symposium
GUIZHOU_ONLY = ["五個創新", "五个创新", "Integration indices", "融合指數", "融合指数", "Awardees"]


def plain(widget) -> str:
    """A Static's text as given (a ``Wrapped`` text is wrapped only when drawn)."""
    content = widget.content
    return content.plain if hasattr(content, "plain") else str(widget.render())


def screen_text(app) -> str:
    """Everything the screen shows now, as plain text (wide characters take two cells, so spaces vary)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", BUNDLED_BRIEFINGS + NEW_AUTHOR, ids=lambda p: p.stem)
async def test_every_pane_shows_items_or_says_there_are_none(path, language):
    briefing = load_briefing(path)
    app = BriefingApp(path, language=language)
    async with app.run_test(size=WIDE) as pilot:
        for spec in PANES:
            await pilot.press(spec.key)
            await pilot.pause()
            if spec.id == "source":
                view = app.query_one(SourceView)
                assert len(view.paragraphs) == briefing.source_text.rstrip("\n").count("\n") + 1
                continue
            pane = app.query_one(f"#pane-{spec.id}", BrowserPane)
            items = [item for section in spec.sections for item in getattr(briefing, section)]
            message = pane.query_one("#none", Static)
            if items:
                assert not message.display
                assert pane.item_list.option_count >= len(items)
                assert pane.detail.item is not None  # the first item is shown, not a blank detail
            else:
                assert message.display and plain(message) == none_text(spec.sections, language)
                assert not pane.query_one(ItemList).parent.display
            if path.stem != "guizhou-2023":  # no label of the Guizhou article shows over another briefing
                text = screen_text(app)
                assert not [fixed for fixed in GUIZHOU_ONLY if fixed in text], spec.id


async def test_a_simplified_source_is_shown_in_traditional_under_traditional_chinese():
    app = BriefingApp(HEFEI, language="zh-Hant")
    async with app.run_test(size=WIDE) as pilot:
        assert app.screen.title == "合肥市數據資源和政務服務管理工作會議"
        await pilot.press("2")
        await pilot.pause()
        body = screen_text(app)
        assert "工作主線向國家大數據戰略方向轉變" in body
        assert "实现工作主线向国家大数据战略方向转变" in body  # the quote stays verbatim
        await pilot.press("t")  # → 简体中文
        await pilot.pause()
        assert app.screen.title == "合肥市数据资源和政务服务管理工作会议"


async def test_the_reader_is_told_the_source_is_incomplete_and_where_it_comes_from():
    app = BriefingApp(HEFEI, language="en")
    async with app.run_test(size=WIDE) as pilot:
        card = plain(app.query_one("#meeting-card"))
        assert "Incomplete source: only the opening of the report could be obtained" in card
        assert "2025-02-21 (year inferred)" in card and "2024 → 2025" in card
        await pilot.press("6")
        await pilot.pause()
        facts = plain(app.query_one("#source-facts"))
        assert "http://ah.news.cn/20250225/47ab12091c2e491182d1f5e54ced1aae/c.html" in facts
        assert "Script: Simplified Chinese" in facts
        assert "Publisher: Xinhua News Agency website" in facts
        assert "The report prints the day of the meeting" in facts  # source.note is shown


async def test_tab_names_fit_what_the_briefing_holds():
    app = BriefingApp(HEFEI, language="en")
    async with app.run_test(size=WIDE):
        assert app.browser.tabs.label("awardees") == "5 Awards & speakers"
    guizhou = BriefingApp(CONTENT / "guizhou-2023.yaml", language="zh-Hant")
    async with guizhou.run_test(size=WIDE):
        assert guizhou.browser.tabs.label("awardees") == "5 授牌與發言"


async def test_the_detail_names_kinds_in_the_readers_language_not_by_id():
    app = BriefingApp(NATIONAL, language="zh-Hant")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        body = screen_text(app)
        assert "會議要點 · 總體評價" in body
        assert "assessment" not in body


async def test_a_target_without_a_scale_has_no_bar():
    app = BriefingApp(HEFEI, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        drawn = screen_text(app)
        assert "3 national pilots (2025)" in drawn
        assert app.query_one(TargetChart).display
        assert not any(ch in drawn for ch in "█▓░")
        assert "Target: 3 national pilots (2025)" in screen_text(app)


async def test_left_and_right_still_change_pane_from_a_pane_with_nothing_in_it():
    app = BriefingApp(NATIONAL, language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("l")
        assert app.browser.active_pane == "awardees"
        await pilot.press("h", "h")
        assert app.browser.active_pane == "actions"
