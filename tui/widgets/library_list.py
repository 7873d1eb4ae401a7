"""The library's list of briefings: one row of three lines per briefing, keyboard first."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

from .item_list import moves


class LibraryList(OptionList):
    """Briefings by title; vim keys move, Enter opens. A briefing that cannot be opened is shown, disabled."""

    DEFAULT_CSS = """
    LibraryList { height: 1fr; border: none; padding: 0; }
    LibraryList:focus { border: none; }
    LibraryList > .option-list--option-disabled { color: $text-error; }
    """

    BINDINGS = [
        *moves("library"),
        Binding("enter", "screen.open", "Open", id="library.open"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    @property
    def selected_id(self) -> str | None:
        """The id of the highlighted briefing, if it can be opened."""
        if self.highlighted is None or not self.option_count:
            return None
        option = self.get_option_at_index(self.highlighted)
        return None if option.disabled else option.id
