"""The footer of key hints, redrawn only when the keys it shows change.

Textual's Footer rebuilds all of its widgets whenever the focused widget's bindings
might have changed, which is on every change of focus: about a tenth of a second
per pane switch here. The keys shown rarely change, so compare first.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyHints(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        shown = tuple(
            (key, active.binding.description, active.enabled, active.binding.key_display)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
