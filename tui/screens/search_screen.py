"""Search as you type: results with their pane and a snippet, matched characters highlighted."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..app_access import briefing_app
from ..i18n import chinese, localize, ui
from ..model import Briefing, Language
from ..panes import PANES, pane_of_section
from ..widgets.key_hints import KeyHints
from ..widgets.result_list import ResultList, text_height
from ..widgets.search_box import SearchBox

if TYPE_CHECKING:  # the search engine is imported with the index, after the first screen
    from ..search import SearchHit, SearchResult

SNIPPET_BEFORE, SNIPPET_LENGTH = 16, 64
_ONE_LINE = str.maketrans("\n\t", "  ")  # one character for one: spans stay valid
PLACEHOLDER = "English, 中文, 简体, pinyin (shuju), initials (sjzx)…"


def snippet(hit: SearchHit, language: Language, width: int | None = None) -> Text:
    """The best-matching field of ``hit`` around its first match, matched characters highlighted:
    SNIPPET_LENGTH characters at most and, given a ``width``, one line of no more cells than that."""
    index = hit.field_to_show("en" if language == "en" else "zh")
    _, lang, text = hit.document.fields[index]
    if lang == "zh" and language == "zh-Hans":
        text = "".join(chinese(ch, language) for ch in text)  # one character for one: spans stay valid
    text = text.translate(_ONE_LINE)
    spans = hit.spans.get(index, ())
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_LENGTH)
    if width is not None:
        start, end = fitted(text, start, first, end, width)
    out = Text("…" if start else "")
    body = Text(text[start:end])
    for a, b in spans:
        if b > start and a < end:
            body.stylize("bold reverse", max(a, start) - start, min(b, end) - start)
    out.append_text(body)
    if end < len(text):
        out.append("…")
    return out


def fitted(text: str, start: int, first: int, end: int, width: int) -> tuple[int, int]:
    """``text[start:end]`` narrowed to fit ``width`` cells with its ellipses: no more than a third of
    the width before the first match (at ``first``), then as much as fits after it. Text that fits
    whole is shown whole."""
    if cell_len(text) <= width:
        return 0, len(text)
    while start < first and cell_len(text[start:first]) > width // 3:
        start += 1
    room = width - (1 if start else 0)
    cells = 0
    for i in range(start, end):
        cells += cell_len(text[i])
        if cells + (i + 1 < len(text)) > room:  # the character, and the "…" after it if text goes on
            return start, i
    return start, end


def pane_name(section: str, language: Language) -> str:
    pane = pane_of_section(section)
    spec = next(p for p in PANES if p.id == pane)
    return f"{spec.key} {ui(spec.name, language)}"


def hit_heading(briefing: Briefing, hit: SearchHit, language: Language) -> Text:
    """A hit's title and the pane it is in (no highlights: it needs none of the hit's spans)."""
    item = briefing.by_id()[hit.document.id]
    heading = Text(localize(item.title, language), style="bold")
    heading.append(f"  · {pane_name(hit.document.section, language)}", style="italic")
    return heading


def with_snippet(heading: Text, hit: SearchHit, language: Language) -> Text:
    """``heading`` over the hit's snippet, as the command palette shows a hit."""
    prompt = heading.copy()
    prompt.append("\n  ")
    prompt.append_text(snippet(hit, language))
    return prompt


NO_RESULTS = ('No results for "{query}". Try fewer words, pinyin initials (sjzx for 數據中心), '
              "full pinyin (shuju), or the other script.")
INDEXING = "  (indexing… literal matches only for now)"


class SearchScreen(ModalScreen[str | None]):
    """Type to filter; ↑/↓ choose; Enter opens the item; Esc returns to where you were.

    The same screen searches one briefing or a whole library: what it searches and how a hit's
    heading reads are given to it."""

    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 90%; max-width: 110; height: 80%; margin-top: 2; border: round $accent;
                              background: $surface; }
    SearchScreen #search-input { margin: 0 1; }
    SearchScreen #search-status { margin: 0 1; height: auto; text-style: italic; }
    """

    BINDINGS = [
        Binding("escape", "dismiss_search", "Close search", id="search.close"),
        Binding("down", "move(1)", "Next result", show=False, id="search.down"),
        Binding("up", "move(-1)", "Previous result", show=False, id="search.up"),
        Binding("enter", "choose", "Open result", id="search.open"),
    ]

    def __init__(self, heading: Callable[[SearchHit, Language], Text], search: Callable[[str], SearchResult],
                 language: Language, ready: Callable[[], bool], query: str = "") -> None:
        """``heading`` gives a hit's title line(s) (the screen adds its snippet); ``search`` answers a
        query; ``ready`` says whether the full index is in use (else the status says search is literal
        for now)."""
        super().__init__()
        self.heading = heading
        self.search = search
        self.language = language
        self.ready = ready
        self.query_text = query
        self.result: SearchResult | None = None
        self._status = ""
        self.box = SearchBox(value=query, placeholder=ui(PLACEHOLDER, language), id="search-input")

    def compose(self) -> ComposeResult:
        language = self.language
        with Vertical():
            yield self.box
            yield Static(id="search-status", markup=False)
            yield ResultList(lambda hit: self.heading(hit, language),
                             lambda hit, width: snippet(hit, language, width), id="search-results")
        yield KeyHints()  # this screen's keys, over the browser's (which do not reach through the box)

    def on_mount(self) -> None:
        box = self.box
        box.ends = self._closing_keys()
        self.set_focus(box)  # now: the keys typed with the / go into it
        self.run_search(self.query_text)
        # The results of a search typed while the index was being built are redone when it arrives.
        self.watch(self.app, "index_ready", self._index_arrived, init=False)
        # Each change of the box searches at once, as the box takes the key: its results are in the
        # frame that shows the key (a message from the box would come a frame later). Rows are drawn
        # only at a frame, so keys typed together draw the last query's rows alone.
        self.watch(self.query_one(SearchBox), "value", self.run_search, init=False)

    def _closing_keys(self) -> Mapping[str, Callable[[], object]]:
        """Enter, and this screen's keys that choose or close, as the keymap has them (Textual applies
        a keymap to the binding chain's copies, not to ``_bindings``)."""
        actions = {"choose": self.action_choose, "dismiss_search": self.action_dismiss_search}
        mine = next(bindings for node, bindings in self._binding_chain if node is self)
        return {"enter": self.action_choose} | {key: actions[binding.action]
                                                for key, bindings in mine.key_to_bindings.items()
                                                for binding in bindings if binding.action in actions}

    def _index_arrived(self) -> None:
        if self.is_current:  # a search waiting under another screen redoes its query when it is back
            self.run_search(self.query_one(SearchBox).value)

    def on_screen_resume(self) -> None:
        self.run_search(self.query_one(SearchBox).value)

    def run_search(self, query: str) -> None:
        self.result = self.search(query) if query.strip() else None
        self.query_one(ResultList).show(self.result.hits if self.result else [])
        self._show_status(self.status(query.strip(), self.result.total if self.result else 0))

    def _show_status(self, text: str) -> None:
        """The status line, laid out again only if it now takes more or fewer lines."""
        if text != self._status:
            status = self.query_one("#search-status", Static)
            width = status.content_region.width
            same_height = bool(width) and text_height(text, width) == text_height(self._status, width)
            self._status = text
            status.update(text, layout=not same_height)

    def status(self, query: str, total: int) -> str:
        """The line under the box, in the reader's language; the query is quoted as typed."""
        if not query:
            text = ui("Type to search.", self.language)
        elif not total:
            text = ui(NO_RESULTS, self.language).format(query=query)
        else:
            text = ui("1 result" if total == 1 else "{count} results", self.language).format(count=total)
        return text if self.ready() else text + ui(INDEXING, self.language)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.box.holding  # a key held acts when it is given back

    def on_input_submitted(self, event: SearchBox.Submitted) -> None:
        event.stop()
        self.action_choose()

    def action_move(self, delta: int) -> None:
        self.query_one(ResultList).move(delta)

    def action_choose(self) -> None:
        typed = self.query_one(SearchBox).value
        if (self.result.query if self.result else "") != typed:  # Enter typed with the query, ahead of its search
            self.run_search(typed)
        hit = self.query_one(ResultList).highlighted_hit
        if hit is not None:
            self.close(hit.document.id)

    def on_result_list_chosen(self, event: ResultList.Chosen) -> None:
        event.stop()
        self.close(event.hit.document.id)

    def action_dismiss_search(self) -> None:
        self.close(None)

    def close(self, item_id: str | None) -> None:
        """Dismiss with ``item_id``, once: a second Enter or Esc typed with the first finds the search gone."""
        if self.is_current:
            # What is typed from now on acts once the reader has landed (see the app's ``chosen``).
            briefing_app(self.app).hold_keys()
            self.dismiss(item_id)

