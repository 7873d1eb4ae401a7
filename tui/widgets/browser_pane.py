"""A pane of the browser: a list of items with the selected item's detail beside it.

On wide terminals the detail follows the selection; on narrow ones it is hidden
and Enter opens it as a screen of its own (the app decides, by width).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList, Static

from ..app_access import briefing_app
from ..i18n import localize, other
from ..model import Action, Briefing, Item, Language, Target
from ..panes import PaneSpec
from ..sections import meeting_facts, none_text, partial_text, present_sections, section_title, target_line_text
from .detail import DetailView, SettledSize
from .item_list import ItemList
from .target_chart import TargetChart


def row_prompt(briefing: Briefing, item: Item, language: Language) -> Text:
    """A list row: the title, with an action's innovation or a target's value under it."""
    text = Text(localize(item.title, language))
    if isinstance(item, Action):
        innovation = briefing.by_id().get(item.innovation) if item.innovation else None
        text = Text(f"{item.number}. ").append_text(text)
        if innovation is not None:
            text.append(f"\n   → {localize(innovation.title, language)}", style="italic")
    elif isinstance(item, Target):
        text.append(f"\n   {target_line_text(item, language, briefing)}", style="italic")
    return text


def meeting_card(briefing: Briefing, language: Language) -> Text:
    meeting = briefing.meeting
    text = Text(localize(meeting.title, language), style="bold")
    text.append(f"  {other(meeting.title, language)}\n", style="italic")
    text.append(" · ".join(meeting_facts(briefing, language)) + "\n")
    partial = partial_text(briefing, language)
    if partial:
        text.append(partial + "\n", style="bold")
    text.append(localize(meeting.text, language))
    return text


class ListAndDetail(SettledSize, Horizontal):
    """The list with the detail beside it."""


class BrowserPane(SettledSize, Vertical):
    """List and detail for one pane's sections of the briefing."""

    # Unscoped, so that the screen's breakpoint class can reach in: Textual prefixes every selector of a
    # scoped DEFAULT_CSS with the widget's type, which turned ".-narrow BrowserPane DetailView" into
    # "BrowserPane .-narrow BrowserPane DetailView", a rule that never matched. Every other rule here
    # starts with BrowserPane, so nothing leaks out.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    BrowserPane { height: 1fr; }
    BrowserPane .pane-header { height: auto; padding: 0 1 1 1; border-bottom: solid $primary-muted; }
    BrowserPane > .header-scroll { height: auto; max-height: 45%; }
    BrowserPane > ListAndDetail { height: 1fr; }
    BrowserPane > #none { padding: 1 2; }
    BrowserPane ItemList { width: 2fr; }
    BrowserPane DetailView { width: 3fr; border-left: solid $primary-muted; }
    .-narrow BrowserPane DetailView { display: none; }
    """

    class Opened(Message):
        """Enter on an item: the app opens its detail."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, spec: PaneSpec, briefing: Briefing, **kwargs) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.briefing = briefing
        self.shown_language: Language | None = None
        # Kept at hand: the keys' hints ask for the list (its selection) at every key, and a query is a
        # walk of the pane's widgets.
        self._list = ItemList(id=f"list-{spec.id}")
        self._detail = DetailView()

    def compose(self) -> ComposeResult:
        # What sits above the list scrolls within at most 45% of the pane: the list stays in sight.
        if self.spec.id == "overview":
            with VerticalScroll(id="card-scroll", classes="header-scroll"):
                yield Static(classes="pane-header", id="meeting-card")
        if self.spec.id == "targets":
            with VerticalScroll(id="chart-scroll", classes="header-scroll"):
                yield TargetChart()
        yield Static(id="none")
        with ListAndDetail():
            yield self._list
            yield self._detail

    def on_mount(self) -> None:
        if self._pruning or not self.query(ItemList):  # taken down while it was built (built in an idle
            return  # moment, then a quit or a reload): its children are gone, there is nothing to show
        # The detail follows the selection within the key's own handling, so that the list and the
        # detail change in one frame: a message would arrive after the list had been drawn on its own.
        self.watch(self.item_list, "highlighted", self._selection_moved, init=False)
        if self.spec.id == "targets":
            self.watch(self.query_one("#chart-scroll"), "scroll_y", self._chart_scrolled, init=False)
        self.show(briefing_app(self.app).language)

    def _chart_scrolled(self, scroll_y: float) -> None:
        # The chart is drawn a screenful at a time: the reader near its end gets the next one.
        scroll = self.query_one("#chart-scroll", VerticalScroll)
        if scroll_y >= scroll.max_scroll_y - scroll.size.height:
            self.query_one(TargetChart).show_more()

    def on_show(self) -> None:
        # A pane hidden while the language changed catches up when it is shown again (the browser
        # catches it up before it shows it; this is for any other way of showing it).
        self.catch_up(briefing_app(self.app).language)

    def catch_up(self, language: Language) -> None:
        """Redraw in ``language`` if the pane was drawn in another (while hidden)."""
        if self.shown_language != language:
            self.show(language)

    def needs_idle_work(self, language: Language, measure: bool) -> bool:
        """Hidden and behind: in another language, or (if it can ``measure`` them) its rows not measured."""
        return self.shown_language != language or (measure and not self.item_list.measured)

    def prepare(self, language: Language, size: Size | None) -> None:
        """Idle work for a hidden pane: catch up with ``language`` and measure its rows for a list of
        ``size`` (that of the list on show), so that showing it only draws it."""
        self.catch_up(language)
        if size is not None:
            self.item_list.premeasure(size)

    @property
    def item_list(self) -> ItemList:
        return self._list

    @property
    def detail(self) -> DetailView:
        return self._detail

    def show(self, language: Language) -> None:
        """Draw every row and the detail in ``language``."""
        self.shown_language = language
        # Only the lists this briefing has items in; a heading only where there is more than one.
        sections = present_sections(self.briefing, self.spec.sections)
        groups = [
            (section_title(section, language) if len(sections) > 1 else None,
             [(item.id, row_prompt(self.briefing, item, language)) for item in getattr(self.briefing, section)])
            for section in sections
        ]
        self.item_list.show(groups)
        none = self.query_one("#none", Static)
        none.update(Text(none_text(self.spec.sections, language)))
        none.display = not sections
        self.query_one(ListAndDetail).display = bool(sections)
        if self.spec.id == "overview":
            self.query_one("#meeting-card", Static).update(meeting_card(self.briefing, language))
        if self.spec.id == "targets":
            self.query_one(TargetChart).show(self.briefing, language)
            self.query_one("#chart-scroll").display = bool(sections)
        self.show_detail(language)

    def show_detail(self, language: Language) -> None:
        item_id = self.item_list.selected_id
        self.detail.show(self.briefing, self.briefing.by_id().get(item_id) if item_id else None, language)

    def select(self, item_id: str) -> bool:
        return self.item_list.select_id(item_id)

    def _selection_moved(self, highlighted: int | None) -> None:
        if highlighted is not None:  # None only while the rows are replaced: show() draws the detail after
            self.show_detail(briefing_app(self.app).language)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self.item_list and event.option.id:
            event.stop()
            self.post_message(self.Opened(event.option.id))
