"""Shown instead of the browser when the terminal is smaller than the app can draw."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from ..i18n import ui

MIN_WIDTH, MIN_HEIGHT = 40, 12


class TooSmallScreen(Screen):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen > Static { width: auto; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        language = getattr(self.app, "language")  # noqa: B009 - BriefingApp's reactive, unknown to App
        need = ui("need {width}×{height}", language).format(width=MIN_WIDTH, height=MIN_HEIGHT)
        yield Static(f"{ui('Terminal too small', language)}\n{need}", markup=False)
