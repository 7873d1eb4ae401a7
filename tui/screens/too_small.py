"""Shown instead of the browser when the terminal is smaller than the app can draw."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 40, 12


class TooSmallScreen(Screen):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(f"Terminal too small\n終端視窗太小\nneed {MIN_WIDTH}×{MIN_HEIGHT}", markup=False)
