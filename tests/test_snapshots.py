"""SVG snapshots of every pane at a large and a small size, and of the detail view and help.

Refresh with ``pytest --snapshot-update`` and review the SVGs before committing them.
"""

import pytest

from tui.app import BriefingApp
from tui.panes import PANES

SIZES = {"120x36": (120, 36), "70x24": (70, 24)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("pane", [p.key for p in PANES])
def test_pane(snap_compare, pane, size):
    assert snap_compare(BriefingApp(language="en"), press=[pane], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_detail_view(snap_compare, size):
    # Wide: the detail beside the list with focus in it; narrow: the detail screen.
    assert snap_compare(BriefingApp(language="en"), press=["4", "enter"], terminal_size=SIZES[size])


def test_detail_in_traditional_chinese(snap_compare):
    assert snap_compare(BriefingApp(language="zh-Hant"), press=["2", "j"], terminal_size=(120, 36))


def test_help(snap_compare):
    assert snap_compare(BriefingApp(language="en"), press=["question_mark"], terminal_size=(120, 36))


def test_help_at_70_columns_in_simplified_chinese(snap_compare):
    # Binding ids whole, in their own column; every description and group in mainland Chinese.
    assert snap_compare(BriefingApp(language="zh-Hans"), press=["question_mark"], terminal_size=(70, 24))


def test_too_small(snap_compare):
    assert snap_compare(BriefingApp(language="en"), terminal_size=(38, 10))


THEMES = ["briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-guizhou"]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("pane", ["1", "2", "3", "4", "5"])
def test_main_panes_in_each_shipped_theme(snap_compare, theme, pane):
    app = BriefingApp(language="en", theme_name=theme)
    assert snap_compare(app, press=[pane, "j"], terminal_size=(100, 30))
