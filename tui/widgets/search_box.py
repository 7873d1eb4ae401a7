"""The search box: an Input that never holds a character that could drive the terminal.

Typed and pasted text (a paste from a web page can carry bidi overrides or ESC) is
cleaned exactly as the loader cleans content, so the query shown, searched and quoted
back in the status line is safe to draw.
"""

from __future__ import annotations

from textual.widgets import Input

from ..loader import sanitise


class SearchBox(Input):
    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion (a key, a paste) ends here.
        super().replace(sanitise(text), start, end)
