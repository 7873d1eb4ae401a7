"""The footer of key hints: one line, in the reader's language, never cutting a key off.

Textual's Footer is a widget per key, rebuilt whenever the focused widget's bindings might
have changed (every change of focus: about a tenth of a second per pane switch here), and it
cuts the last keys off a narrow terminal. This is one line of text, redrawn only when the
hints change. When they do not all fit, the last ones show their keys without their words,
so every key stays in sight; the command palette's key sits at the right as in Textual's.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.events import Click
from textual.screen import Screen
from textual.widget import Widget

from ..app_access import briefing_app
from ..i18n import ui

GAP = "  "


@dataclass(frozen=True)
class Hint:
    key: str  # the key as Textual names it ("slash"), for simulate_key
    display: str  # as shown ("/")
    description: str  # in the reader's language
    enabled: bool


class KeyHints(Widget):
    DEFAULT_CSS = """
    KeyHints { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    KeyHints > .key-hints--key { color: $footer-key-foreground; text-style: bold; }
    KeyHints > .key-hints--disabled { color: $text-disabled; }
    """
    COMPONENT_CLASSES = {"key-hints--key", "key-hints--disabled"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hints: list[Hint] = []
        self.palette: Hint | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Take the keys the screen offers now (one per action, as Textual's footer does)."""
        if screen is not self.screen:
            return
        language = briefing_app(self.app).language
        hints: dict[str, Hint] = {}
        palette = None
        for _, binding, enabled, _ in screen.active_bindings.values():
            # Found by its action, wherever a keymap put it; its hint keeps Textual's short word.
            is_palette = binding.action == "command_palette"
            if not (is_palette or binding.show) or binding.action in hints:
                continue
            words = ui("palette" if is_palette else binding.description, language)
            hint = Hint(binding.key, self.app.get_key_display(binding), words, enabled)
            if not is_palette:
                hints[binding.action] = hint
            elif self.app.ENABLE_COMMAND_PALETTE:
                palette = hint
        if (list(hints.values()), palette) != (self.hints, self.palette):
            self.hints, self.palette = list(hints.values()), palette
            self.refresh()

    def laid_out(self, width: int) -> list[tuple[Hint, bool]]:
        """Each hint and whether its words fit: from the left, as many whole hints as fit beside the
        keys of the rest (and the palette's hint)."""
        reserve = cell_len(self._text(self.palette, True)) + len(GAP) if self.palette else 0
        keys_only = [cell_len(hint.display) for hint in self.hints]
        whole = 0
        while whole < len(self.hints):
            used = sum(cell_len(self._text(hint, True)) for hint in self.hints[:whole + 1])
            used += sum(keys_only[whole + 1:]) + len(GAP) * max(0, len(self.hints) - 1) + reserve
            if used > width:
                break
            whole += 1
        return [(hint, n < whole) for n, hint in enumerate(self.hints)]

    @staticmethod
    def _text(hint: Hint, words: bool) -> str:
        return f"{hint.display} {hint.description}" if words and hint.description else hint.display

    def render(self) -> Text:
        width = self.content_size.width
        row = Text(no_wrap=True, overflow="crop")
        for n, (hint, words) in enumerate(self.laid_out(width)):
            if n:
                row.append(GAP)
            self._append(row, hint, words)
        if self.palette:
            right = Text()
            self._append(right, self.palette, True)
            row.append(" " * max(len(GAP), width - row.cell_len - right.cell_len))
            row.append_text(right)
        return row

    def _append(self, row: Text, hint: Hint, words: bool) -> None:
        key_style = self.get_component_rich_style("key-hints--key" if hint.enabled else "key-hints--disabled")
        row.append(hint.display, style=key_style)
        if words and hint.description:
            row.append(" " + hint.description, style=None if hint.enabled else key_style)

    def hint_at(self, x: int) -> Hint | None:
        """The hint drawn at content column ``x``."""
        start = 0
        for hint, words in self.laid_out(self.content_size.width):
            end = start + cell_len(self._text(hint, words))
            if start <= x < end:
                return hint
            start = end + len(GAP)
        if self.palette and x >= self.content_size.width - cell_len(self._text(self.palette, True)):
            return self.palette
        return None

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        hint = self.hint_at(offset.x) if offset is not None else None
        if hint is not None and hint.enabled:
            self.app.simulate_key(hint.key)
