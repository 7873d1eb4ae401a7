"""Every key and what it does, as the keymap has them now."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# Keys shown as a reader would type them.
_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "left": "←", "right": "→",
              "up": "↑", "down": "↓", "home": "Home", "end": "End", "f1": "F1"}


def key_label(keys: str) -> str:
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_rows(bindings: list[tuple[str, Binding]], keymap: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(keys, what, where, binding id) for ``bindings``, keys taken from ``keymap`` where it remaps them."""
    return [(key_label(keymap.get(binding.id, binding.key)), binding.description, where, binding.id or "")
            for where, binding in bindings]


def help_table(bindings: list[tuple[str, Binding]], keymap: dict[str, str]) -> Table:
    table = Table(expand=True, box=None, padding=(0, 1))
    table.add_column("Keys", style="bold", no_wrap=True)
    table.add_column("Does")
    table.add_column("Where")
    table.add_column("Binding id")
    for row in help_rows(bindings, keymap):
        table.add_row(*map(Text, row))
    return table


class HelpScreen(ModalScreen):
    """A modal table of keys; Esc, q, ? or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: 90%; border: round $accent;
                                  background: $surface; padding: 0 1; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, bindings: list[tuple[str, Binding]], keymap: dict[str, str]) -> None:
        super().__init__()
        self.bindings = bindings
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("briefing — keys", style="bold"))
            yield Static(help_table(self.bindings, self.keymap), id="help-table")

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_down() if direction == "down" else scroll.scroll_up()
