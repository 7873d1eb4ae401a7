"""A keyboard-first list of briefing items, on an OptionList made cheap for thousands of rows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, cast

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual._widget_navigation import find_next_enabled, find_next_enabled_no_wrap
from textual.binding import Binding
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

HEADER_PREFIX = "heading:"


class Rows(OptionList):
    """An OptionList of ``Text`` rows that measures them cheaply and only when their width changes.

    OptionList draws only the visible lines already, but it wraps every option to learn its height
    whenever the options or the size change: about a second for a pane of 2,000 rows, and a frame more
    for every change of height. A row that fits the width is as many lines as it has; only the rows
    that do not are divided, as Content divides them. A new height changes nothing that was measured.
    """

    _measured_width: int | None = None

    def _on_resize(self, event: events.Resize) -> None:  # type: ignore[override]  # it takes no event
        event.prevent_default()  # OptionList's handler forgets every measure and draws again
        if self.scrollable_content_region.width != self._measured_width:
            self._clear_caches()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # ScrollView takes the virtual size a layout passes (the list's own region) for a change whenever
        # the rows are longer than that, and redraws its scroll bar: at every layout of the screen (each
        # pane built or caught up at idle, each detail shown) a scrolling list drew a frame of its own.
        if size == self._size and container_size == self._container_size:
            return False
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _update_lines(self) -> None:
        # OptionList._update_lines, with the cheap height for rows that fit (no separators in this list).
        region = self.scrollable_content_region
        if region.width:
            self._measure(self._row_width(region.width, region.height, self.show_vertical_scrollbar))

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, direction: Literal[-1, 1]) -> None:
        # Not round from the last row to the first as OptionList does: a held j stops at the end.
        if self.highlighted is None:
            self.highlighted = find_next_enabled(self.options, anchor=None, direction=direction)
            return
        following = find_next_enabled_no_wrap(self.options, anchor=self.highlighted, direction=direction)
        if following is not None:
            self.highlighted = following

    def _move_page(self, direction: Literal[-1, 1]) -> None:
        # A list just shown by a key typed with this one has no lines yet (it is laid out at the next
        # frame); OptionList would look its highlight up in them and raise. There is no page to move by.
        if (self.highlighted or 0) in self._index_to_line:
            super()._move_page(direction)

    def premeasure(self, size: Size) -> None:
        """Measure the rows now, as they will be when the list is shown at ``size`` (outer size, as a list
        on show has): a hidden list has no size of its own yet, and measuring thousands of rows when it
        is first shown would make that key slow. Shown at another size, it measures again."""
        if size.width:
            self._measure(self._row_width(size.width, size.height, False))
            if len(self._line_cache.lines) > size.height and self.styles.overflow_y == "auto":
                # The scroll bar is placed by the layout that first shows the list, not found missing
                # by it (which would ask for a layout and a frame more).
                self.set_reactive(Rows.show_vertical_scrollbar, True)

    @property
    def measured(self) -> bool:
        """Whether every row has been measured (at some width)."""
        return len(self._line_cache.heights) >= len(self.options)

    def _row_width(self, width: int, height: int, scroll_bar_shown: bool) -> int:
        if len(self.options) > height and self.styles.overflow_y == "auto" and not scroll_bar_shown:
            # More rows than lines: the scroll bar is coming. Measure at the width it will leave, not twice.
            return max(1, width - self.styles.scrollbar_size_vertical)
        return width

    def _measure(self, width: int) -> None:
        cache = self._line_cache
        if width != self._measured_width:  # a scroll bar came or went: the rows wrap differently
            cache.clear()
            self._option_render_cache.clear()
            self._measured_width = width
        lines = cache.lines
        first_new = lines[-1][0] + 1 if lines else 0
        if first_new < len(self.options):
            padding = self.get_component_styles("option-list--option").padding.width
            for index, option in enumerate(self.options[first_new:], first_new):
                cache.index_to_line[index] = len(lines)
                height = self._row_height(option, width - padding)
                cache.heights[index] = height
                lines.extend((index, line) for line in range(height))
        virtual_size = Size(width, len(lines))
        if virtual_size != self.virtual_size:
            # Not a layout (as assigning it would ask for): new options already asked for one where the
            # height depends on them, and the scroll bars follow the virtual size by themselves.
            self.set_reactive(Rows.virtual_size, virtual_size)
            self._scroll_update(virtual_size)
            # Measured while a frame is drawn, the scroll bar may be drawn already in it, with the old
            # sizes: it is drawn again after.
            self.call_after_refresh(self._redraw_scroll_bars)

    def _redraw_scroll_bars(self) -> None:
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.refresh()

    def _row_height(self, option: Option, width: int) -> int:
        """The lines ``option`` wraps to, as Content wraps them (``Content._wrap_and_format``), without
        building the Content: a line that fits is one line, one that does not is divided as Content does."""
        prompt = option.prompt
        if not isinstance(prompt, Text) or "\t" in prompt.plain:
            return self._get_visual(option).get_height(cast(RulesMap, self.styles), width)
        return sum(1 if cell_len(line) <= width else wrapped_lines(line, width) for line in prompt.plain.split("\n"))


_WORD = re.compile(r"\s*\S+\s*")  # rich._wrap's words: a word with the spaces around it


def wrapped_lines(line: str, width: int) -> int:
    """How many lines ``rich._wrap.divide_line`` divides ``line`` into at ``width`` (words folded when longer).

    For printable ASCII, one cell a character, the same rules counted without a call per word: 2.4 times
    as fast, which is what a pane of 2,000 English titles at the width of a list needs."""
    if not (line.isascii() and line.isprintable()):
        return len(divide_line(line, width, fold=True)) + 1
    breaks = offset = 0
    for match in _WORD.finditer(line):
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # folded into pieces of the width, the last one continued
            pieces = -(-len(word) // width)
            breaks += pieces - 1 + (match.start() > 0)
            offset = len(word) - (pieces - 1) * width
        elif offset and match.start():
            breaks += 1
            offset = len(word)
    return breaks + 1


def moves(scope: str) -> list[Binding]:
    """The keys that move in a list (vim's and the arrows), their binding ids under ``scope``."""
    return [
        Binding("down,j", "cursor_down", "Down", show=False, id=f"{scope}.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id=f"{scope}.up"),
        Binding("home,g", "first", "First", show=False, id=f"{scope}.first"),
        Binding("end,G", "last", "Last", show=False, id=f"{scope}.last"),
    ]


class ItemList(Rows):
    """Lists items by title; vim keys move, h/l and ←/→ change pane."""

    DEFAULT_CSS = """
    ItemList { height: 1fr; border: none; padding: 0 0; }
    ItemList:focus { border: none; }
    ItemList > .option-list--option-disabled { color: $foreground; text-style: bold underline; }
    """

    BINDINGS = [
        *moves("list"),
        Binding("enter", "select", "Open detail", id="list.open"),
        Binding("left,h", "app.previous_pane", "Previous pane", show=False, id="list.previous-pane"),
        Binding("right,l", "app.next_pane", "Next pane", show=False, id="list.next-pane"),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to open in an empty list: the footer should not offer it.
        if action == "select":
            return self.selected_id is not None
        return True

    def show(self, groups: Iterable[tuple[str | None, list[tuple[str, Text]]]]) -> None:
        """Replace the rows with ``groups`` of (id, prompt) rows under optional headings, keeping the selection."""
        selected = self.selected_id
        options: list[Option] = []
        for heading, rows in groups:
            if heading:
                options.append(Option(Text(heading, style="bold"), id=HEADER_PREFIX + heading, disabled=True))
            options.extend(Option(prompt, id=item_id) for item_id, prompt in rows)
        self.set_options(options)
        if selected is None or not self.select_id(selected):
            self.action_first()

    @property
    def selected_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id

    def select_id(self, item_id: str) -> bool:
        """Highlight the item with ``item_id``; False if this list does not have it."""
        try:
            self.highlighted = self.get_option_index(item_id)
        except Exception:  # OptionDoesNotExist: not in this list
            return False
        self.scroll_to_highlight()
        return True

