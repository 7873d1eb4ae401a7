"""The row of pane names over the browser: one line, the active pane standing out.

Lighter than Textual's TabbedContent (no widget per tab, no animated underline), and it
never scrolls a name out of sight: when the names do not fit, the others shrink to their
keys and the active one keeps its name, shortened with … only if even that does not fit.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

GAP = "  "


class PaneTabs(Widget):
    """``labels`` by pane id, in order ("1 Overview", …); ``active`` is the pane on show."""

    DEFAULT_CSS = """
    PaneTabs { height: 1; padding: 0 1; background: $panel; }
    PaneTabs > .pane-tabs--active { color: $text; text-style: bold underline; }
    /* 75% keeps the other names quieter than the active one and readable (WCAG AA) in every
       shipped theme; tests/test_themes.py measures it. */
    PaneTabs > .pane-tabs--inactive { color: $foreground 75%; }
    """
    COMPONENT_CLASSES = {"pane-tabs--active", "pane-tabs--inactive"}

    active: reactive[str] = reactive("")

    class Chosen(Message):
        """The reader clicked a pane's name."""

        def __init__(self, pane_id: str) -> None:
            super().__init__()
            self.pane_id = pane_id

    def __init__(self, labels: dict[str, str], active: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self._labels = dict(labels)
        self.set_reactive(PaneTabs.active, active)

    def label(self, pane_id: str) -> str:
        return self._labels[pane_id]

    def set_labels(self, labels: dict[str, str]) -> None:
        if labels != self._labels:
            self._labels = dict(labels)
            self.refresh()

    def shown(self, width: int) -> list[tuple[str, str]]:
        """(pane id, text) as drawn in ``width`` cells: full names if they fit, else keys but the active one's."""
        full = list(self._labels.items())
        if cell_len(GAP.join(text for _, text in full)) <= width:
            return full
        short = [(pane_id, text if pane_id == self.active else text.split(" ", 1)[0]) for pane_id, text in full]
        room = width - cell_len(GAP.join(text for pane_id, text in short if pane_id != self.active)) - len(GAP)
        return [(pane_id, _fit(text, room) if pane_id == self.active else text) for pane_id, text in short]

    def render(self) -> Text:
        active = self.get_component_rich_style("pane-tabs--active")
        inactive = self.get_component_rich_style("pane-tabs--inactive")
        row = Text(no_wrap=True, overflow="crop")
        for n, (pane_id, text) in enumerate(self.shown(self.content_size.width)):
            if n:
                row.append(GAP)
            row.append(text, style=active if pane_id == self.active else inactive)
        return row

    def pane_at(self, x: int) -> str | None:
        """The pane whose name is drawn at content column ``x``."""
        start = 0
        for pane_id, text in self.shown(self.content_size.width):
            end = start + cell_len(text)
            if start <= x < end:
                return pane_id
            start = end + len(GAP)
        return None

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        pane_id = self.pane_at(offset.x) if offset is not None else None
        if pane_id is not None:
            self.post_message(self.Chosen(pane_id))


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, with … where it was cut."""
    fitted = Text(text)
    fitted.truncate(width, overflow="ellipsis")
    return fitted.plain
