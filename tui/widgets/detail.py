"""The detail of one item: both languages, figures, the source quote, related items.

Everything from content is drawn as ``rich.text.Text``, never parsed as markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import localize, other, ui
from ..line_breaks import Wrapped
from ..model import Achievement, Action, Briefing, GlossaryEntry, Item, Language, Target
from ..sections import baseline_text, figure_text, item_kind_text, target_group, target_line_text
from .item_list import Rows, moves
from .target_chart import horizontal_bar


def paragraph_number(briefing: Briefing, offset: int) -> int:
    """The 1-based paragraph of the source text that holds ``offset``."""
    return briefing.source_text.count("\n", 0, offset) + 1


def item_renderable(briefing: Briefing, item: Item, language: Language) -> RenderableType:
    """Title, text in ``language`` then the other language, figures, extras and source quote."""
    parts: list[RenderableType] = [
        Wrapped(Text(localize(item.title, language), style="bold")),
        Text(item_kind_text(briefing, item, language), style="italic"),
        Text(""),
        Wrapped(Text(localize(item.text, language))),
        Text(""),
        Wrapped(Text(other(item.text, language), style="italic")),
    ]
    if isinstance(item, GlossaryEntry):
        parts += [Text(""), Text(ui("Editorial explanation, not from the article", language), style="bold italic")]
        if item.verified is False:
            parts.append(Text(ui("Not verified against a public source", language), style="italic"))
    if isinstance(item, Achievement) and item.figures:
        table = Table(title=ui("Figures", language), title_justify="left", expand=False, show_header=False, box=None)
        table.add_column()
        table.add_column(style="bold")
        table.add_column(style="italic")
        for figure in item.figures:
            table.add_row(Text(localize(figure.label, language)), Text(figure_text(figure, language)),
                          Text(other(figure.display, language)))
        parts += [Text(""), table]
    if isinstance(item, Action):
        parts += [Text(""), Text(ui("Measures", language), style="bold")]
        # A grid, not "• text": Rich wraps an unspaced Chinese sentence as one word, leaving the bullet alone.
        measures = Table.grid(padding=(0, 1))
        measures.add_column()
        measures.add_column(overflow="fold")
        for measure in item.measures:
            measures.add_row("•", Wrapped(Text(localize(measure.text, language))))
        parts.append(measures)
    if isinstance(item, Target):
        parts += [Text(""), target_summary(briefing, item, language)]
    quote = Text(f"{ui('Source quote', language)} (¶{paragraph_number(briefing, item.quote.start)})\n", style="bold")
    quote.append(f"「{item.quote.text}」")
    parts += [Text(""), Wrapped(quote)]
    return Group(*parts)


def target_summary(briefing: Briefing, target: Target, language: Language) -> Text:
    """The target's value, its bar when it has a scale to draw it on, and its baseline."""
    text = Text(f"{ui('Target', language)}: ", style="bold")
    text.append(target_line_text(target, language, briefing))
    group = target_group(briefing, target)
    scale = target.scale or (group.scale if group else None)
    if target.value is not None and scale:
        text.append("\n")
        text.append_text(horizontal_bar(target, scale))
    if target.baseline:
        text.append(f"\n{ui('Baseline', language)}: {baseline_text(target, language, briefing)}", style="italic")
    return text


class SettledSize:
    """A widget whose new size, found by a layout, does not ask for another layout.

    Textual stores the size a layout gives a widget as a reactive that refreshes the layout again:
    every item shown in the detail cost two layouts and two frames, the second 16 ms after the first,
    to arrive at the same places. The first layout already placed this widget and its neighbours.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)  # type: ignore[misc]


class DetailBody(SettledSize, Static):
    """The item itself."""


class RelatedHeading(SettledSize, Static):
    """The "Related" heading above the related items."""


class RelatedList(SettledSize, Rows):
    """Items related to the one shown; Enter follows one. The lists' keys move in it (the same binding
    ids: a keymap that moves them moves them here too)."""

    BINDINGS = [*moves("list")]

    DEFAULT_CSS = """
    /* No scroll bar: one that comes and goes as the rows are replaced changes the width the rows were
       measured at, and costs a layout and a frame more (12 lines hold 6 related items of two lines). */
    RelatedList { height: auto; max-height: 12; border: none; padding: 0; overflow-y: hidden; }
    RelatedList:focus { border: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)


class DetailView(SettledSize, VerticalScroll):
    """Shows one item; its related items are a list that can be followed."""

    DEFAULT_CSS = """
    DetailView { padding: 0 1; }
    DetailView > #detail-body { height: auto; }
    DetailView > #related-heading { margin-top: 1; text-style: bold; }
    """

    class Follow(Message):
        """The user chose a related item."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.item: Item | None = None
        self._shown: tuple[Briefing, Item | None, Language] | None = None
        self._body = DetailBody(id="detail-body")  # kept at hand: each move shows another item in them
        self._heading = RelatedHeading(id="related-heading")
        self._related = RelatedList(id="related")

    def compose(self) -> ComposeResult:
        yield self._body
        yield self._heading
        yield self._related

    def show(self, briefing: Briefing, item: Item | None, language: Language) -> None:
        if self._shown and self._shown[0] is briefing and self._shown[1] is item and self._shown[2] == language:
            return  # nothing to redraw: each redraw costs a layout and a frame
        same_item = item is self.item  # redrawn in another language: keep the related selection
        self.item = item
        self._shown = (briefing, item, language)
        body, heading, related = self._body, self._heading, self._related
        if item is None:
            body.update("")
            heading.display = related.display = False
            return
        body.update(item_renderable(briefing, item, language))
        links = briefing.related(item)
        heading.update(Text(ui("Related", language)))
        heading.display = related.display = bool(links)
        highlighted = related.highlighted if same_item else 0
        related.set_options(
            Option(Text(f"{item_kind_text(briefing, r, language)}: {localize(r.title, language)}"), id=r.id)
            for r in links
        )
        if links:
            related.highlighted = min(highlighted or 0, len(links) - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Follow(event.option.id))
