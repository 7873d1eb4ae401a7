"""The search box: an Input that never holds a character that could drive the terminal, and whose
typing lays nothing out again.

Typed and pasted text (a paste from a web page can carry bidi overrides or ESC) is
cleaned exactly as the loader cleans content, so the query shown, searched and quoted
back in the status line is safe to draw.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widgets import Input

from ..loader import sanitise


class SearchBox(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion (a key, a paste) ends here.
        super().replace(sanitise(text), start, end)

    def _watch_value(self, value: str) -> None:
        # Input gives itself a new virtual size (its text's width, for scrolling it) on every change,
        # and a virtual size is a reactive with layout: a layout of the whole screen for each key,
        # though the box's own size never follows its text. Set it first, without the layout, so
        # that Input's own assignment finds nothing to change; the scrolling follows it as before.
        virtual_size = Size(self.content_width, 1)
        if virtual_size != self.virtual_size:
            self.set_reactive(SearchBox.virtual_size, virtual_size)
            self._scroll_update(virtual_size)
        super()._watch_value(value)
