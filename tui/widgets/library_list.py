"""The library's list of briefings: one row of three lines per briefing, keyboard first."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class LibraryList(OptionList):
    """Briefings by title; vim keys move, Enter opens. A briefing that cannot be opened is shown, disabled."""

    DEFAULT_CSS = """
    LibraryList { height: 1fr; border: none; padding: 0; }
    LibraryList:focus { border: none; }
    LibraryList > .option-list--option-disabled { color: $text-error; }
    """

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="library.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="library.up"),
        Binding("home,g", "first", "First", show=False, id="library.first"),
        Binding("end,G", "last", "Last", show=False, id="library.last"),
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
