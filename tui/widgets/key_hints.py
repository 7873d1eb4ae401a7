"""The footer of key hints: in the reader's language, and redrawn only when the keys it shows change.

Textual's Footer rebuilds all of its widgets whenever the focused widget's bindings
might have changed, which is on every change of focus: about a tenth of a second
per pane switch here. The keys shown rarely change, so compare first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..app_access import briefing_app
from ..i18n import ui


class KeyHints(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (key, active.binding.description, active.enabled, active.binding.key_display)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        ) + (briefing_app(self.app).language,)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = ui(widget.description, briefing_app(self.app).language)
            yield widget
