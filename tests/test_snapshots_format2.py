"""SVG snapshots of format 2 briefings: a Simplified source read in Traditional, a pane the briefing has
nothing for, and where the reader learns that only the opening of the article is available.

Refresh with ``pytest --snapshot-update`` and review the SVGs before committing them.
"""

from tui.app import BriefingApp

from .conftest import CONTENT

NATIONAL = CONTENT / "national-data-work-2024.yaml"
HEFEI = CONTENT / "hefei-data-work-2025.yaml"


def test_simplified_source_under_traditional_chinese(snap_compare):
    assert snap_compare(BriefingApp(HEFEI, language="zh-Hant"), press=["3"], terminal_size=(120, 36))


def test_a_briefing_with_no_targets(snap_compare):
    assert snap_compare(BriefingApp(NATIONAL, language="en"), press=["4"], terminal_size=(120, 36))


def test_an_incomplete_source_is_said_on_the_overview(snap_compare):
    assert snap_compare(BriefingApp(NATIONAL, language="en"), terminal_size=(120, 36))


def test_the_source_pane_says_where_the_article_comes_from(snap_compare):
    assert snap_compare(BriefingApp(HEFEI, language="zh-Hans"), press=["6"], terminal_size=(120, 36))
