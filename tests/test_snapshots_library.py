"""SVG snapshots of the library: wide and narrow, in Chinese, and a search across every briefing.

Refresh with ``pytest --snapshot-update`` and review the SVGs (as PNGs) before committing them.
"""

from tui.app import BriefingApp
from tui.library import briefing_files

from .conftest import CONTENT


def library_app(language: str = "en") -> BriefingApp:
    return BriefingApp(library=briefing_files([CONTENT]), language=language, persist=False)


async def index_ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()


def test_library_wide(snap_compare):
    assert snap_compare(library_app(), terminal_size=(120, 36))


def test_library_narrow_in_simplified_chinese(snap_compare):
    assert snap_compare(library_app("zh-Hans"), press=["j"], terminal_size=(70, 24))


def test_library_filtered(snap_compare):
    assert snap_compare(library_app("zh-Hant"), press=["f", *"beijing"], terminal_size=(100, 30))


def test_search_across_the_library(snap_compare):
    assert snap_compare(library_app(), run_before=index_ready, press=["slash", *"sjjy"], terminal_size=(120, 36))
