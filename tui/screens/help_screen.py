"""Every key and what it does, as the keymap has them now, in the reader's language."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import ui
from ..model import Language

# Keys shown as a reader would type them.
_KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter", "left": "←", "right": "→",
              "up": "↑", "down": "↓", "home": "Home", "end": "End", "f1": "F1"}


def key_label(keys: str) -> str:
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def help_rows(bindings: list[tuple[str, Binding]], keymap: dict[str, str],
              language: Language = "en") -> list[tuple[str, str, str, str]]:
    """(keys, what, where, binding id) for ``bindings``, keys taken from ``keymap`` where it remaps them."""
    return [(key_label(keymap.get(binding.id or "", binding.key)), ui(binding.description, language),
             ui(where, language), binding.id or "") for where, binding in bindings]


class HelpTable:
    """The keys grouped by where they apply. Binding ids are what a reader copies into the keymap, so
    they are never cut: when the box is too narrow for an id column, each id gets a line of its own."""

    def __init__(self, rows: list[tuple[str, str, str, str]], language: Language) -> None:
        self.rows = rows
        self.language = language

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        keys_width = max(len(keys) for keys, *_ in self.rows)
        id_width = max(len(binding_id) for *_, binding_id in self.rows)
        if options.max_width >= keys_width + id_width + 24:  # room left for the descriptions
            yield self._table(keys_width, id_width)
        else:
            yield self._list(keys_width)

    def _groups(self):
        return groupby(self.rows, key=lambda row: row[2])

    def _table(self, keys_width: int, id_width: int) -> Table:
        table = Table(expand=True, box=None, padding=(0, 1), pad_edge=False)
        table.add_column(ui("Keys", self.language), style="bold", no_wrap=True, min_width=keys_width)
        table.add_column(ui("Does", self.language), ratio=1)
        table.add_column(ui("Binding id", self.language), no_wrap=True, min_width=id_width, style="italic")
        for where, rows in self._groups():
            table.add_row(Text(where, style="bold underline"))
            for keys, does, _, binding_id in rows:
                table.add_row(Text(keys), Text(does), Text(binding_id))
        return table

    def _list(self, keys_width: int) -> Group:
        lines: list[Text] = []
        for where, rows in self._groups():
            lines.append(Text(where, style="bold underline"))
            for keys, does, _, binding_id in rows:
                lines.append(Text(keys.ljust(keys_width), style="bold").append(f" {does}", style="not bold"))
                lines.append(Text(f"  {binding_id}", style="italic"))
        return Group(*lines)


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
            yield Static(id="help-title")
            yield Static(id="help-table")

    def on_mount(self) -> None:
        # t works here too: follow the language while open.
        self.watch(self.app, "language", self.show)

    def show(self, language: Language) -> None:
        self.query_one("#help-title", Static).update(Text(ui("briefing — keys", language), style="bold"))
        rows = help_rows(self.bindings, self.keymap, language)
        self.query_one("#help-table", Static).update(HelpTable(rows, language))

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.scroll_down() if direction == "down" else scroll.scroll_up()
