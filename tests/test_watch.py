"""An author edits a briefing in one terminal and reads it in the other: --watch and ctrl+r reload it."""

from __future__ import annotations

from tui.app import BriefingApp
from tui.watch import FileWatch

from .conftest import MINIMAL, write_briefing

SIZE = (120, 36)


def test_a_watch_sees_a_write_a_replacement_and_a_removal(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("one", encoding="utf-8")
    watch = FileWatch((path,))
    assert not watch.changed()
    path.write_text("two!", encoding="utf-8")
    assert watch.changed() and not watch.changed()
    path.unlink()
    assert watch.changed()


async def _reloaded(app, pilot) -> None:
    app._reload_if_changed()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_edit_is_shown_where_the_reader_was(tmp_path):
    path = write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"))
    app = BriefingApp(path, watch=True, persist=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2")
        assert app.browser.current_item().id == "growth"
        path.write_text(path.read_text(encoding="utf-8").replace("Growth first", "Growth came first"),
                        encoding="utf-8")
        await _reloaded(app, pilot)
        assert app.browser.active_pane == "achievements"
        item = app.browser.current_item()
        assert (item.id, item.title.en) == ("growth", "Growth came first")
        assert app.briefing.by_id()["growth"].title.en == "Growth came first"
        assert any(n.message.startswith("Reloaded.") for n in app._notifications)


async def test_an_edit_that_breaks_the_file_is_not_taken_and_says_why(tmp_path):
    path = write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"))
    app = BriefingApp(path, watch=True, persist=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        before = app.briefing
        path.write_text(path.read_text(encoding="utf-8").replace("id: growth", "id: Growth!"), encoding="utf-8")
        await _reloaded(app, pilot)
        assert app.briefing is before
        [notice] = [n for n in app._notifications if n.severity == "error"]
        assert notice.message.startswith("Not reloaded; the file has problems:")
        assert "achievements[0].id" in notice.message


async def test_ctrl_r_reloads_and_search_uses_the_new_text(tmp_path):
    path = write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"))
    app = BriefingApp(path, persist=False)
    async with app.run_test(size=SIZE) as pilot:
        path.write_text(path.read_text(encoding="utf-8").replace("Growth first", "Zebra growth"), encoding="utf-8")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.search("zebra").ids == ["growth"]
