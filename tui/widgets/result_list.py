"""The list of search results: draws only the rows on screen (Textual's Line API), so that a
keystroke that changes the results costs the rows shown, not the rows found.

A row is a hit's heading (its title and where it is, wrapped to the width as an OptionList wraps
it) over one line of snippet with the matched characters highlighted. Every heading is measured, as
``item_list.wrapped_lines`` measures a row, so that the list knows its height; a snippet, and the
highlights it needs (``SearchHit.spans``, the costly part), is worked out only when its row is drawn,
and kept until the results or the width change. Headings do not depend on the query: they are kept,
measured and drawn, from one keystroke to the next. A line that needs no wrapping is drawn as the
one line it is, without Content's wrapping machinery.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize

from .item_list import moves, wrapped_lines

if TYPE_CHECKING:  # the search engine is imported with the index, after the first screen
    from ..search import SearchHit

ROW, HIGHLIGHTED, HOVER = "result-list--row", "result-list--row-highlighted", "result-list--row-hover"
SNIPPET_INDENT = "  "
HEADINGS_KEPT = 1024  # headings drawn, kept for the keystrokes that find them again


def one_line(text: Text, width: int, base: RichStyle) -> Strip:
    """``text`` (no wider than ``width``, no line break) as one line of ``width`` cells over ``base``:
    what Content would draw, without wrapping what needs none."""
    plain = text.plain
    whole = base + as_style(text.style) if text.style else base
    styles = [whole] * len(plain)
    for span in text.spans:  # a snippet's few highlights, a heading's two parts
        style = whole + as_style(span.style)
        styles[span.start:span.end] = [style] * (min(span.end, len(plain)) - span.start)
    segments, start = [], 0
    for end in range(1, len(plain) + 1):
        if end == len(plain) or styles[end] is not styles[start]:
            segments.append(Segment(plain[start:end], styles[start]))
            start = end
    strip = Strip(segments, cell_len(plain))
    return strip.extend_cell_length(width, base) if strip.cell_length <= width else strip.crop(0, width)


def as_style(style: str | RichStyle) -> RichStyle:
    return RichStyle.parse(style) if isinstance(style, str) else style


def text_height(plain: str, width: int) -> int:
    """The lines ``plain`` wraps to at ``width``, as Content wraps it (see ``item_list.Rows._row_height``)."""
    return sum(1 if cell_len(line) <= width else wrapped_lines(line, width) for line in plain.split("\n"))


class ResultList(ScrollView, can_focus=True):
    """Search hits, one row each: heading over snippet. The highlighted row is the one Enter opens."""

    # The look of the OptionList it replaces (option-list--option… are these component classes there).
    DEFAULT_CSS = """
    ResultList {
        height: 1fr;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        & > .result-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .result-list--row-hover { background: $block-hover-background; }
        &:focus {
            background-tint: $foreground 5%;
            & > .result-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {ROW, HIGHLIGHTED, HOVER}

    BINDINGS: ClassVar[list[BindingType]] = [
        *moves("results"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="results.page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="results.page-down"),
        Binding("enter", "choose", "Open result", show=False, id="results.open"),
    ]

    class Chosen(Message):
        """A row was chosen (Enter on the list, or a click)."""

        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, heading: Callable[[SearchHit], Text], snippet: Callable[[SearchHit, int], Text],
                 **kwargs) -> None:
        """``heading`` gives a hit's title line(s), which must not need its spans; ``snippet`` gives a
        hit's snippet in at most the width it is given, on one line."""
        super().__init__(**kwargs)
        self._heading, self._snippet = heading, snippet
        self.hits: Sequence[SearchHit] = ()
        self.highlighted: int | None = None
        self._hover: int | None = None
        self._starts: list[int] = []  # the first line of each row, and the line after the last
        self._measured_width = 0
        # A heading does not depend on the query: kept by document id from one keystroke to the next.
        self._headings: dict[str, Text] = {}
        self._heights: dict[tuple[str, int], int] = {}  # (document id, width) → lines
        self._heading_strips: LRUCache[tuple[str, int, str], list[Strip]] = LRUCache(HEADINGS_KEPT)
        # A snippet does: kept until the results change, by (row, width) and (row, width, state).
        self._snippets: dict[tuple[int, int], Text] = {}
        self._strips: dict[tuple[int, int, str], list[Strip]] = {}

    # The rows

    def show(self, hits: Sequence[SearchHit]) -> None:
        """Show ``hits``, the first highlighted, at the top. Draws only what is on screen, and lays out
        nothing unless the scroll bar comes or goes."""
        self.hits = hits
        self.highlighted = 0 if hits else None
        self._hover = None
        self._snippets.clear()
        self._strips.clear()
        self._measure()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def heading(self, hit: SearchHit) -> Text:
        doc_id = hit.document.id
        heading = self._headings.get(doc_id)
        if heading is None:
            heading = self._headings[doc_id] = self._heading(hit)
        return heading

    def snippet(self, index: int, width: int) -> Text:
        """Row ``index``'s snippet at ``width`` (the row's): its spans are worked out now, once."""
        snippet = self._snippets.get((index, width))
        if snippet is None:
            snippet = Text(SNIPPET_INDENT)
            snippet.append_text(self._snippet(self.hits[index], max(1, width - len(SNIPPET_INDENT))))
            self._snippets[index, width] = snippet
        return snippet

    def row_text(self, index: int) -> Text:
        """Row ``index`` as drawn at the current width: heading, then the indented snippet."""
        return Text("\n").join([self.heading(self.hits[index]), self.snippet(index, self._width())])

    @property
    def highlighted_hit(self) -> SearchHit | None:
        return None if self.highlighted is None else self.hits[self.highlighted]

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _measure(self) -> None:
        """Every row's first line, at the width the rows will have: narrower by the scroll bar when
        they are more than the list shows."""
        width = self.content_region.width
        if not width:
            self._starts = []
            return
        starts = self._line_starts(width)
        overflow = starts[-1] > self.content_region.height and self.styles.overflow_y == "auto"
        if overflow and self.styles.scrollbar_size_vertical:
            width = max(1, width - self.styles.scrollbar_size_vertical)
            starts = self._line_starts(width)
        self._starts, self._measured_width = starts, width
        virtual_size = Size(width, starts[-1])
        if virtual_size != self.virtual_size:
            # Not a layout (as assigning it would ask for): the list's own size does not change, and
            # the scroll bar follows the virtual size by itself (a layout only if it comes or goes).
            self.set_reactive(ResultList.virtual_size, virtual_size)
            self._scroll_update(virtual_size)

    def _line_starts(self, width: int) -> list[int]:
        starts, line = [], 0
        for hit in self.hits:
            starts.append(line)
            line += self._heading_height(hit, width) + 1  # and the snippet's one line
        starts.append(line)
        return starts

    def _heading_height(self, hit: SearchHit, width: int) -> int:
        key = (hit.document.id, width)
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = text_height(self.heading(hit).plain, width)
        return height

    def on_resize(self, event: events.Resize) -> None:
        self._measure()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # A new theme: new colours for every line drawn.
        self._strips.clear()
        self._heading_strips.clear()

    # Drawing

    def _row_strips(self, index: int, width: int) -> list[Strip]:
        """Row ``index``'s lines: its heading, drawn as an OptionList draws a prompt (and kept for
        the next keystroke), and its snippet's one line."""
        state = HIGHLIGHTED if index == self.highlighted else HOVER if index == self._hover else ""
        strips = self._strips.get((index, width, state))
        if strips is None:
            style = self.get_visual_style(ROW, state) if state else self.get_visual_style(ROW)
            hit = self.hits[index]
            heading_key = (hit.document.id, width, state)
            heading = self._heading_strips.get(heading_key)
            if heading is None:
                heading = self._heading_strips[heading_key] = self._draw_heading(hit, width, style)
            # As many lines as measured, whatever the text wrapped to: the rows below stay where they are.
            lines = self._starts[index + 1] - self._starts[index] - 1
            strips = heading[:lines] + [Strip.blank(width, style.rich_style)] * (lines - len(heading))
            strips.append(one_line(self.snippet(index, width), width, style.rich_style))
            self._strips[index, width, state] = strips
        return strips

    def _draw_heading(self, hit: SearchHit, width: int, style: VisualStyle) -> list[Strip]:
        """A heading's lines: as Content wraps it, or, when it fits on one line, that line drawn alone."""
        text = self.heading(hit)
        if text.plain.isprintable() and self._heading_height(hit, width) == 1:  # no line break, no tab
            return [one_line(text, width, style.rich_style)]
        visual = visualize(self, text, markup=False)
        return [strip.extend_cell_length(width, style.rich_style)
                for strip in Visual.to_strips(self, visual, width, None, style)]

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self._width()
        if width != self._measured_width:  # the scroll bar came or went since the rows were measured
            self._measure()
        starts = self._starts
        if not self.hits or not 0 <= line < starts[-1]:
            return Strip.blank(width, self.get_visual_style(ROW).rich_style)
        index = bisect_right(starts, line) - 1
        return self._row_strips(index, width)[line - starts[index]]

    def _refresh_row(self, index: int | None) -> None:
        if index is not None and index < len(self.hits) and len(self._starts) > index + 1:
            start = self._starts[index]
            self.refresh_lines(start, self._starts[index + 1] - start)

    # Moving and choosing

    def highlight(self, index: int) -> None:
        """Highlight row ``index`` (kept within the rows) and scroll it into view."""
        if not self.hits:
            return
        index = max(0, min(index, len(self.hits) - 1))
        previous, self.highlighted = self.highlighted, index
        if previous != index:
            self._refresh_row(previous)
            self._refresh_row(index)
        if len(self._starts) > index + 1:
            start = self._starts[index]
            self.scroll_to_region(Region(0, start, self._width(), self._starts[index + 1] - start),
                                  animate=False, force=True, immediate=True)

    def move(self, delta: int) -> None:
        """Move the highlight ``delta`` rows, round from the last to the first and back."""
        if self.hits:
            current = -1 if self.highlighted is None else self.highlighted
            self.highlight((current + delta) % len(self.hits))

    def action_cursor_down(self) -> None:
        self.move(1)

    def action_cursor_up(self) -> None:
        self.move(-1)

    def action_first(self) -> None:
        self.highlight(0)

    def action_last(self) -> None:
        self.highlight(len(self.hits) - 1)

    def action_page(self, direction: int) -> None:
        """Move the highlight by a screenful of lines, to the row found there."""
        if self.hits and self._starts:
            line = self._starts[self.highlighted or 0] + direction * self.scrollable_content_region.height
            line = max(0, min(line, self._starts[-1] - 1))
            self.highlight(bisect_right(self._starts, line) - 1)

    def action_choose(self) -> None:
        hit = self.highlighted_hit
        if hit is not None:
            self.post_message(self.Chosen(hit))

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not self._starts:
            return None
        line = offset.y + self.scroll_offset.y
        return bisect_right(self._starts, line) - 1 if 0 <= line < self._starts[-1] else None

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(event)
        if index is not None:
            event.stop()
            self.highlight(index)
            self.action_choose()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            previous, self._hover = self._hover, index
            self._refresh_row(previous)
            self._refresh_row(index)
