"""Search from the keyboard, as in the issue's walk-through: /, type, Enter, Esc, n and N."""

import pytest
from textual.command import CommandPalette
from textual.widgets import Input

from tui.app import BriefingApp
from tui.screens.detail_screen import DetailScreen
from tui.screens.search_screen import SearchScreen
from tui.widgets.detail import RelatedList
from tui.widgets.item_list import ItemList
from tui.widgets.result_list import ResultList

from .conftest import idle

WIDE = (120, 36)
NARROW = (70, 24)


async def ready_app(pilot):
    """Wait for the background index, as a user would by the time they type."""
    # The worker starts after the first refresh: until it exists, wait_for_complete returns at once.
    while not pilot.app.index_ready:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def type_query(pilot, text):
    await pilot.press("slash")
    assert isinstance(pilot.app.screen, SearchScreen)
    for ch in text:
        await pilot.press("space" if ch == " " else ch)
    await pilot.pause()
    return pilot.app.screen.query_one("#search-results", ResultList)


def result_ids(results):
    return [hit.document.id for hit in results.hits]


@pytest.mark.parametrize("query, first", [
    ("40%", "digital-economy-share-2023"),
    ("数据中心", "data-centres"),
    ("數據中心", "data-centres"),
    ("sjzx", "data-centres"),
    ("shuju", "goal-data-circulation-hub"),  # the first title with 數據
    ("huawei", "huawei-cloud"),
])
async def test_typing_filters_results(query, first):
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, query)
        assert result_ids(results)[0] == first
        assert results.highlighted == 0


async def test_data_centre_items_by_every_script_and_pinyin():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        found = []
        for query in ["数据中心", "數據中心", "sjzx", "shuju zhongxin"]:
            results = await type_query(pilot, query)
            found.append(set(result_ids(results)))
            await pilot.press("escape")
        assert all(ids == found[0] for ids in found) and "data-centres" in found[0]


async def test_rows_show_title_pane_and_highlighted_snippet():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "sjzx")
        prompt = results.row_text(0)
        assert prompt.plain.startswith("11 new key data-centre projects  · 2 Achievements\n")
        highlighted = [prompt.plain[span.start:span.end] for span in prompt.spans if "reverse" in str(span.style)]
        assert highlighted == ["數據中心"]


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_enter_lands_on_the_item_and_esc_returns(size):
    app = BriefingApp(language="en")
    async with app.run_test(size=size) as pilot:
        await ready_app(pilot)
        await pilot.press("5", "j")  # somewhere else first: the second award
        await type_query(pilot, "40%")
        await pilot.press("down", "up", "enter")
        assert app.browser.active_pane == "targets"
        assert app.browser.current_item().id == "digital-economy-share-2023"
        if size == NARROW:
            assert isinstance(app.screen, DetailScreen) and app.screen.item.id == "digital-economy-share-2023"
        else:
            assert isinstance(app.focused, RelatedList)
        await pilot.press("escape", "escape")
        assert not isinstance(app.screen, DetailScreen)
        assert app.browser.active_pane == "awardees"
        assert app.browser.current_item().id == "hub-node-key-projects"


async def test_esc_closes_search_and_changes_nothing():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("2", "j", "j")
        await type_query(pilot, "huawei")
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        assert app.browser.active_pane == "achievements"
        assert app.browser.current_item().id == "digital-economy-share"
        assert isinstance(app.focused, ItemList)


async def test_n_and_shift_n_step_through_hits():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        await type_query(pilot, "sjzx")
        ids = list(app.screen.result.ids)
        await pilot.press("enter")
        assert app.browser.current_item().id == ids[0]
        await pilot.press("escape")  # focus back to the list
        await pilot.press("n")
        assert app.browser.current_item().id == ids[1]
        await pilot.press("n", "n")
        assert app.browser.current_item().id == ids[3]
        await pilot.press("N")
        assert app.browser.current_item().id == ids[2]
        await pilot.press("N", "N", "N")
        assert app.browser.current_item().id == ids[-1]  # wraps


async def test_no_results_says_so_and_suggests_what_to_try():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "zebra crossing")
        assert not results.hits
        status = str(app.screen.query_one("#search-status").render())
        assert "No results" in status and "pinyin initials" in status and "fewer words" in status


async def test_search_before_the_index_is_ready_falls_back_to_literal(monkeypatch):
    app = BriefingApp(language="en")
    monkeypatch.setattr(BriefingApp, "_build_index", lambda self: None)  # the index never arrives
    async with app.run_test(size=WIDE) as pilot:
        results = await type_query(pilot, "數據中心")
        assert result_ids(results)[0] == "data-centres"
        assert "indexing" in str(app.screen.query_one("#search-status").render())
        await pilot.press("escape")
        results = await type_query(pilot, "huawei")
        assert result_ids(results)[0] == "huawei-cloud"


async def test_n_before_any_search_warns():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await pilot.press("n")
        assert app.browser.active_pane == "overview"
        assert any("press /" in str(n.message) for n in app._notifications)


async def test_the_command_palette_finds_content_items():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        for ch in "sjzx":
            await pilot.press(ch)
        palette = app.screen
        await palette.workers.wait_for_complete()
        await pilot.pause()
        options = palette.query_one("CommandList")
        assert "11 new key data-centre projects" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.browser.active_pane == "achievements"
        assert app.browser.current_item().id == "data-centres"


async def test_search_input_is_typed_literally():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await type_query(pilot, "[bold]q1")
        assert app.screen.query_one(Input).value == "[bold]q1"
        assert app.is_running  # q typed into the box, not quitting


async def test_a_search_typed_before_the_index_is_ready_refreshes_when_it_arrives(monkeypatch):
    """Cold cache: 'sjzx' (pinyin initials) finds nothing literally; the results come by themselves."""
    import threading

    import tui.search

    release = threading.Event()
    build = tui.search.build_index

    def slow_build(briefing):
        assert release.wait(30), "the test never let the index be built"
        return build(briefing)

    monkeypatch.setattr(tui.search, "build_index", slow_build)
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        results = await type_query(pilot, "sjzx")
        status = app.screen.query_one("#search-status")
        assert result_ids(results) == [] and "indexing" in str(status.render())
        release.set()
        await ready_app(pilot)
        assert result_ids(results)[0] == "data-centres"
        assert "indexing" not in str(status.render())


async def test_an_index_that_cannot_be_built_leaves_literal_search_and_a_notice(monkeypatch):
    import tui.search

    def broken_build(briefing):
        raise RuntimeError("no room for the index")

    monkeypatch.setattr(tui.search, "build_index", broken_build)
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        assert any("no room for the index" in str(n.message) for n in app._notifications)
        results = await type_query(pilot, "數據中心")
        assert result_ids(results)[0] == "data-centres"
        assert "indexing" not in str(app.screen.query_one("#search-status").render())


# The results list: only the rows on screen are drawn, and a keystroke lays nothing out again.

def drawn_text(results) -> str:
    """The text of every line the list shows now."""
    return "\n".join(results.render_line(y).text for y in range(results.scrollable_content_region.height))


async def test_keys_move_in_the_list_and_enter_opens_the_highlighted_hit():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "data")
        hits = list(results.hits)
        assert len(hits) > 20 and results.highlighted == 0
        await pilot.press("up")  # from the box: round to the last
        assert results.highlighted == len(hits) - 1
        await pilot.press("down", "down")
        assert results.highlighted == 1
        await pilot.press("tab")  # into the list: its own keys
        assert app.focused is results
        await pilot.press("end")
        assert results.highlighted == len(hits) - 1
        assert results.scroll_offset.y > 0  # the last row scrolled into view
        await pilot.press("home", "pagedown")
        assert results.highlighted > 2
        paged = results.highlighted
        await pilot.press("pagedown")
        assert results.highlighted > paged
        await pilot.press("pageup")
        assert results.highlighted < paged + 2  # back by about as many lines as it went
        await pilot.press("pageup", "pageup", "pageup", "j", "j", "k")
        assert results.highlighted == 1
        await pilot.press("enter")
        assert not isinstance(app.screen, SearchScreen)
        assert app.browser.current_item().id == hits[1].document.id


async def test_a_click_opens_the_row_clicked():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "data")
        first = results.hits[0].document.id
        await pilot.press("down")  # the highlight elsewhere: the click, not Enter, chooses
        assert await pilot.click(ResultList, offset=(4, 0))
        assert not isinstance(app.screen, SearchScreen)
        assert app.browser.current_item().id == first


async def test_only_the_rows_on_screen_work_out_their_highlights(monkeypatch):
    from tui.search.index import SearchIndex

    worked_out = []
    spans = SearchIndex._spans

    def counted(self, doc, *args):
        worked_out.append(doc)
        return spans(self, doc, *args)

    monkeypatch.setattr(SearchIndex, "_spans", counted)
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "dat")
        worked_out.clear()
        await pilot.press("a")
        await pilot.pause()
        shown = drawn_text(results)
        rows = results.scrollable_content_region.height // 2  # a row is two lines at least
        assert len(results.hits) > 3 * rows
        assert 0 < len(worked_out) <= rows  # not one for each of the hundred hits found
        assert len(set(worked_out)) == len(worked_out)  # and each once, however often it is drawn
        first_hit = results.hits[0]
        assert localize_title(app, first_hit) in shown


def localize_title(app, hit) -> str:
    return app.briefing.by_id()[hit.document.id].title.en


async def test_a_keystroke_lays_nothing_out_when_the_list_keeps_its_size(monkeypatch):
    from textual.screen import Screen

    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        await idle(pilot)  # the other panes, built under the search at idle, lay out the browser
        results = await type_query(pilot, "da")
        layouts = []
        refresh_layout = Screen._refresh_layout

        def counted(self, *args, **kwargs):
            layouts.append(self)
            return refresh_layout(self, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.result.query == "dat" and len(results.hits) > 20
        assert "dat" in drawn_text(results).casefold()
        assert layouts == []


async def test_keys_typed_together_search_once_each_and_draw_only_the_last_query(monkeypatch):
    from benchmarks.monkey import burst
    from tui.search.index import SearchIndex
    from tui.session import BriefingSession

    searched, worked_out = [], []
    search, spans = BriefingSession.search, SearchIndex._spans

    def recorded(self, query, limit=100):
        searched.append(query)
        return search(self, query, limit)

    def counted(self, doc, *args):
        worked_out.append(doc)
        return spans(self, doc, *args)

    monkeypatch.setattr(BriefingSession, "search", recorded)
    monkeypatch.setattr(SearchIndex, "_spans", counted)
    app = BriefingApp(language="en", persist=False)
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        await burst(pilot, ["slash", *"data"])
        results = app.screen.query_one(ResultList)
        assert app.screen.query_one(Input).value == "data"
        assert searched == ["d", "da", "dat", "data"]  # one search a key, none redone
        rows = results.scrollable_content_region.height // 2
        assert 0 < len(worked_out) <= rows  # the highlights of the last query's rows on screen only
        documents = app.session.index.documents
        assert set(worked_out) <= {documents.index(hit.document) for hit in results.hits}


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_every_snippet_is_one_line_of_the_list(size):
    from rich.cells import cell_len

    app = BriefingApp(language="zh-Hant")
    async with app.run_test(size=size) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "數據")
        width = results.scrollable_content_region.width
        for index in range(len(results.hits[:12])):
            heading, snippet = results.row_text(index).plain.rsplit("\n", 1)
            assert "數據" in snippet and 0 < cell_len(snippet) <= width


async def test_hostile_text_in_results_is_drawn_literally():
    from .conftest import TEST_CONTENT

    app = BriefingApp(TEST_CONTENT / "hostile" / "markup-everywhere.yaml", language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "bold")
        assert results.hits
        lines = [results.render_line(y) for y in range(results.scrollable_content_region.height)]
        shown = "\n".join(line.text for line in lines)
        assert "[bold]B[/x][@click=app.quit]Q[link=https://x.invalid]L" in shown
        assert not any(ch in shown for ch in "\x1b\x9b\x07\x00\u202e")
        assert app.is_running


def first_style(strip):
    return next(iter(strip)).style


async def test_rows_follow_the_theme_and_the_mouse():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "data")
        last = results.scrollable_content_region.height - 1  # a line of a row not highlighted
        plain = results.render_line(last)
        await pilot.hover(ResultList, offset=(4, last))
        hovered = results.render_line(last)
        assert hovered.text == plain.text and first_style(hovered) != first_style(plain)
        await pilot.hover(ResultList, offset=(4, 0))
        assert first_style(results.render_line(last)) == first_style(plain)
        first = results.render_line(0)
        app.theme = "briefing-light" if app.theme != "briefing-light" else "briefing-dark"
        await pilot.pause()
        assert results.render_line(0).text == first.text
        assert first_style(results.render_line(0)) != first_style(first)


async def test_a_snippet_that_fits_the_width_is_shown_whole():
    app = BriefingApp(language="en")
    async with app.run_test(size=WIDE) as pilot:
        await ready_app(pilot)
        results = await type_query(pilot, "data")
        text = drawn_text(results)
        assert "Goal: Guizhou Big Data Development 2.0" in text and "…al: Guizhou" not in text
