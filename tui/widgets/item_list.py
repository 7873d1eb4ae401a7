"""A keyboard-first list of briefing items (an OptionList: fast with thousands of rows)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

HEADER_PREFIX = "heading:"


class ItemList(OptionList):
    """Lists items by title; vim keys move, h/l and ←/→ change pane."""

    DEFAULT_CSS = """
    ItemList { height: 1fr; border: none; padding: 0 0; }
    ItemList:focus { border: none; }
    ItemList > .option-list--option-disabled { color: $foreground; text-style: bold underline; }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("home,g", "first", "First", show=False, id="list.first"),
        Binding("end,G", "last", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open detail", id="list.open"),
        Binding("left,h", "app.previous_pane", "Previous pane", show=False, id="list.previous-pane"),
        Binding("right,l", "app.next_pane", "Next pane", show=False, id="list.next-pane"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to open in an empty list: the footer should not offer it.
        if action == "select":
            return self.selected_id is not None
        return True

    def show(self, groups: Iterable[tuple[str | None, list[tuple[str, Text]]]]) -> None:
        """Replace the rows with ``groups`` of (id, prompt) rows under optional headings, keeping the selection."""
        selected = self.selected_id
        options: list[Option] = []
        for heading, rows in groups:
            if heading:
                options.append(Option(Text(heading, style="bold"), id=HEADER_PREFIX + heading, disabled=True))
            options.extend(Option(prompt, id=item_id) for item_id, prompt in rows)
        self.set_options(options)
        if selected is None or not self.select_id(selected):
            self.action_first()

    @property
    def selected_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def select_id(self, item_id: str) -> bool:
        """Highlight the item with ``item_id``; False if this list does not have it."""
        try:
            self.highlighted = self.get_option_index(item_id)
        except Exception:  # OptionDoesNotExist: not in this list
            return False
        self.scroll_to_highlight()
        return True

