"""The cleaned source article, paragraphs numbered, with one quote highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..line_breaks import Wrapped
from ..model import Briefing, Language
from ..sections import partial_text, source_facts, source_paragraphs


class SourceView(VerticalScroll, can_focus=True):
    """Shows the article as the source writes it; ``highlight`` marks and scrolls to a span."""

    DEFAULT_CSS = """
    SourceView { padding: 0 1; }
    SourceView > .paragraph { margin-bottom: 1; }
    SourceView > #source-facts { margin-bottom: 1; padding-bottom: 1; border-bottom: solid $primary-muted; }
    SourceView > .paragraph.-highlighted { border-left: thick $accent; padding-left: 1; }
    """

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="source.down"),
        Binding("k", "scroll_up", "Up", show=False, id="source.up"),
        Binding("g", "scroll_home", "Top", show=False, id="source.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="source.bottom"),
        Binding("left,h", "app.previous_pane", "Previous pane", show=False, id="source.previous-pane"),
        Binding("right,l", "app.next_pane", "Next pane", show=False, id="source.next-pane"),
    ]

    def __init__(self, briefing: Briefing, **kwargs) -> None:
        super().__init__(**kwargs)
        self.briefing = briefing
        self.paragraphs = source_paragraphs(briefing.source_text)  # (start offset, text)
        self.highlighted: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="source-facts")
        for number, (_, text) in enumerate(self.paragraphs, 1):
            yield Static(Wrapped(self._paragraph(number, text)), classes="paragraph", id=f"paragraph-{number}")

    def on_mount(self) -> None:
        if self._pruning or not self.children:  # taken down while it was built (at idle; a quit, a reload)
            return
        self.show_facts(self.app.language)  # type: ignore[attr-defined]

    def show_facts(self, language: Language) -> None:
        """What the briefing says about its article (headline, publisher, URL, script, note, partial)."""
        text = Text()
        partial = partial_text(self.briefing, language)
        if partial:
            text.append(partial + "\n", style="bold")
        for label, value in source_facts(self.briefing, language):
            text.append(f"{label}: ", style="bold")
            text.append(value + "\n")
        self.query_one("#source-facts", Static).update(Wrapped(text[:-1] if text.plain.endswith("\n") else text))

    @staticmethod
    def _paragraph(number: int, text: str, span: tuple[int, int] | None = None) -> Text:
        out = Text(f"¶{number}  ", style="bold")
        body = Text(text)
        if span:
            body.stylize("reverse", *span)
        return out.append_text(body)

    def highlight(self, start: int, end: int) -> int:
        """Highlight source[start:end], scroll it into view, and return its paragraph number."""
        for number, (offset, text) in enumerate(self.paragraphs, 1):
            widget = self.query_one(f"#paragraph-{number}", Static)
            inside = offset <= start < offset + len(text) + 1
            span = (start - offset, min(end, offset + len(text)) - offset) if inside else None
            widget.set_class(inside, "-highlighted")
            widget.update(Wrapped(self._paragraph(number, text, span)))
            if inside:
                found = number
                self.highlighted = (start, end)
                self.call_after_refresh(self.scroll_to_widget, widget, animate=False, center=True)
        return found
