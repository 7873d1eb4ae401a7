"""The detail of one item as a screen of its own, for terminals too narrow to split."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from ..model import Briefing, Item, Language
from ..sections import header_text
from ..widgets.detail import DetailView
from ..widgets.key_hints import KeyHints


class DetailScreen(Screen):
    """One item's detail; Esc goes back (the app's binding), Enter on a related item follows it."""

    DEFAULT_CSS = """
    DetailScreen DetailView { height: 1fr; }
    """

    def __init__(self, briefing: Briefing, item: Item, via_link: bool = False) -> None:
        super().__init__()
        self.briefing = briefing
        self.item = item
        self.via_link = via_link

    def compose(self) -> ComposeResult:
        yield Header()
        yield DetailView()
        yield KeyHints()

    def on_mount(self) -> None:
        self.watch(self.app, "language", self.show)
        related = self.query_one("#related")
        (related if related.display else self.query_one(DetailView)).focus(scroll_visible=False)

    def show(self, language: Language) -> None:
        self.title, self.sub_title = header_text(self.briefing.meeting, language)
        self.query_one(DetailView).show(self.briefing, self.item, language)
