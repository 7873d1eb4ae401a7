"""Bulk building (loading, unpickling, indexing) runs without garbage-collector passes, and restores it.

Objects made while the collector is paused still count towards its next pass, so one young-generation
pass may follow a build (once over the new objects); none may run during it."""

import gc

import pytest

from tui.bulk import collector_paused
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
