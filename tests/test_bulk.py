"""Bulk building (loading, unpickling, indexing) runs without garbage-collector passes, and restores it.

Objects made while the collector is paused still count towards its next pass, so one young-generation
pass may follow a build (once over the new objects); none may run during it."""

import gc

import pytest

from tui import cli
from tui.bulk import collector_paused, pause_for_start, start_done
from tui.cache import load_briefing_cached, load_index, store_index
from tui.loader import load_briefing
from tui.search import build_index

from .conftest import BUNDLED


@pytest.fixture
def collections():
    """The generations the collector runs on while the test's block runs."""
    runs: list[int] = []

    def note(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.collect()
    gc.callbacks.append(note)
    yield runs
    gc.callbacks.remove(note)


def test_loading_a_briefing_runs_no_collection(collections):
    load_briefing(BUNDLED)
    assert len(collections) <= 1
    assert gc.isenabled()


def test_reading_back_the_cache_runs_no_collection(collections):
    briefing, _, key = load_briefing_cached(BUNDLED)
    store_index(key, build_index(briefing))
    collections.clear()
    assert load_briefing_cached(BUNDLED)[0] is not None
    assert len(collections) <= 1
    collections.clear()
    assert load_index(key) is not None
    assert len(collections) <= 1
    assert gc.isenabled()


def test_building_an_index_runs_no_collection(briefing, collections):
    build_index(briefing)
    assert len(collections) <= 1


def test_the_collector_is_restored_even_after_an_error_and_left_off_if_it_was():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.fixture
def unfrozen():
    """Whatever a test leaves frozen is thawed again, so that later tests' objects can be collected."""
    yield
    gc.unfreeze()
    gc.enable()


def test_start_up_pauses_the_collector_until_it_is_done_then_keeps_its_objects_out_of_later_passes(unfrozen):
    pause_for_start()
    assert not gc.isenabled()
    with collector_paused():  # a bulk read during start-up leaves the pause as it was
        pass
    assert not gc.isenabled()
    start_done()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_start_done_changes_nothing_unless_start_up_paused_the_collector(unfrozen):
    start_done()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # a caller's own choice is left alone
    pause_for_start()
    start_done()
    assert not gc.isenabled()


def test_the_briefing_command_starts_the_app_with_the_collector_paused_and_resumes_it_at_the_first_screen(
        monkeypatch, unfrozen):
    seen = {}

    async def run(app):
        seen["paused while starting"] = not gc.isenabled()
        async with app.run_test() as pilot:
            await pilot.pause()
            seen["resumed at the first screen"] = gc.isenabled() and gc.get_freeze_count() > 0
        await app.workers.wait_for_complete()

    monkeypatch.setattr(cli, "_run_until_signalled", run)
    assert cli.main([str(BUNDLED)]) == 0
    assert seen == {"paused while starting": True, "resumed at the first screen": True}
    assert gc.isenabled()


def test_a_command_that_ends_before_the_first_screen_resumes_the_collector_and_freezes_nothing(unfrozen):
    assert cli.main(["--theme", "no-such-theme", str(BUNDLED)]) == 2
    assert gc.isenabled() and gc.get_freeze_count() == 0
