"""The library: every briefing at hand, with what each holds; sort, filter, open, search them all.

Rows come from ``tui.library`` entries (read as far as the list needs); a briefing is
loaded only when it is opened. A file with errors is listed with its first error and
cannot be opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ..app_access import briefing_app
from ..content_text import sanitise
from ..i18n import localize, to_simplified, to_traditional, ui
from ..library import LibraryEntry, LibraryIndex
from ..model import Bilingual, Language
from ..sections import BUILTIN_KINDS, date_text
from ..widgets.key_hints import KeyHints
from ..widgets.library_list import LibraryList
from ..widgets.search_box import SearchBox
from .search_screen import pane_name

if TYPE_CHECKING:  # the search engine is imported with the index, after the first screen
    from ..search import SearchHit

# (id, how the status line says it); the first is the default.
SORTS = (
    ("date", "sorted by date, newest first"),
    ("date-reversed", "sorted by date, oldest first"),
    ("title", "sorted by title"),
    ("place", "sorted by place"),
)
# What a row counts: (section, one, more).
COUNTED = (("achievements", "1 achievement", "{count} achievements"), ("actions", "1 action", "{count} actions"),
           ("targets", "1 target", "{count} targets"))


def count_text(count: int, one: str, more: str, language: Language) -> str:
    return ui(one if count == 1 else more, language).format(count=count)


def entry_title(entry: LibraryEntry, language: Language) -> str:
    return localize(entry.meeting.title, language) if entry.meeting else sanitise(entry.path.name)


def entry_prompt(entry: LibraryEntry, language: Language) -> Text:
    """A briefing's row: its title; date, place, kind and counts; its source's script and completeness."""
    meeting = entry.meeting
    if meeting is None or entry.error is not None:
        # A file's name (and the error naming it) is the file system's, not ours: nothing in it may
        # reach the terminal as a control sequence.
        row = Text(sanitise(entry.path.name), style="bold")
        row.append(f"\n  ✗ {ui('Cannot be opened', language)}: {sanitise(entry.error or '')}")
        return row
    facts = [date_text(meeting, language)]
    if meeting.place:
        facts.append(localize(meeting.place, language))
    if meeting.kind != "meeting":
        facts.append(ui(BUILTIN_KINDS.get(meeting.kind, meeting.kind), language))
    facts += [count_text(entry.counts.get(section, 0), one, more, language) for section, one, more in COUNTED]
    script = "Simplified Chinese" if entry.script == "Hans" else "Traditional Chinese"
    source = [f"{ui('Source', language)}: {ui(script, language)}",
              ui("complete" if entry.complete else "opening only", language)]
    row = Text(entry_title(entry, language), style="bold")
    row.append("\n  " + " · ".join(facts))
    row.append("\n  " + " · ".join(source), style="italic")
    return row


def library_hit_heading(library: LibraryIndex, hit: SearchHit, language: Language) -> Text:
    """A hit of a library search: the item's title, its briefing and pane (no highlights)."""
    entry, _ = library.locate(hit.document.id)
    fields = hit.document.fields  # a title in English, then in the source's script
    title = localize(Bilingual(fields[0][2], fields[1][2], entry.script or "Hant"), language)
    heading = Text(title, style="bold")
    heading.append(f"  · {entry_title(entry, language)} · {pane_name(hit.document.section, language)}",
                   style="italic")
    return heading


def arranged(entries: list[LibraryEntry], haystacks: list[str], sort: str, words: str,
             language: Language) -> list[int]:
    """Positions of the entries to list: those whose haystack (see ``haystack``) holds every word of
    ``words`` (any case, either script), in ``sort`` order, broken files last."""
    variants = [_variants(term) for term in words.casefold().split()]
    kept = [k for k, found in enumerate(haystacks) if all(any(v in found for v in term) for term in variants)]
    readable = [k for k in kept if entries[k].meeting is not None]
    readable.sort(key=lambda k: _sort_value(entries[k], sort, language), reverse=sort == "date")
    return readable + [k for k in kept if entries[k].meeting is None]


def _sort_value(entry: LibraryEntry, sort: str, language: Language) -> tuple:
    meeting = entry.meeting
    assert meeting is not None
    title = entry_title(entry, language).casefold()
    if sort.startswith("date"):
        return (meeting.date, title)
    if sort == "place":  # a briefing with no place after those with one
        return (meeting.place is None, localize(meeting.place, language) if meeting.place else "", title)
    return (title,)


def _variants(term: str) -> set[str]:
    """A typed word in both Chinese scripts (OpenCC is asked only when the word has Chinese in it)."""
    if term.isascii():
        return {term}
    return {term, to_simplified(term), to_traditional(term)}


def haystack(entry: LibraryEntry) -> str:
    """What the filter looks in: the file name, title, kind, date and place, case-folded."""
    parts = [entry.path.name]
    if entry.meeting:
        meeting = entry.meeting
        parts += [meeting.title.en, meeting.title.zh, meeting.kind, meeting.date.isoformat()]
        if meeting.place:
            parts += [meeting.place.en, meeting.place.zh]
    return "\n".join(parts).casefold()


class LibraryScreen(Screen):
    """Every briefing at hand. Enter opens one; o sorts; f filters; / searches them all; 0 comes back here."""

    DEFAULT_CSS = """
    /* One line, always there: f puts the keys in it at once, so what is typed with the f is kept. */
    LibraryScreen #library-filter { margin: 0 1; height: 1; border: none; padding: 0 1; background: $boost; }
    LibraryScreen #library-filter:focus { border: none; background: $primary 25%; }
    LibraryScreen #library-status { margin: 0 1; height: auto; text-style: italic; color: $text-muted; }
    LibraryScreen LibraryList { margin: 0 1; }
    """

    BINDINGS = [
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("f", "filter", "Filter", id="library.filter"),
        Binding("escape", "close_filter", "Clear filter", id="library.clear-filter"),
    ]

    def __init__(self, entries: list[LibraryEntry]) -> None:
        super().__init__()
        self.entries = entries
        self.haystacks = [haystack(entry) for entry in entries]
        self._listed = list(entries)  # the entries the rows show (the app replaces one on a reload)
        self.sort = SORTS[0][0]

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBox(id="library-filter")
        yield Static(id="library-status", markup=False)
        yield LibraryList(id="library-list")
        yield KeyHints()

    def on_mount(self) -> None:
        self.watch(self.app, "language", self.show)
        self.query_one(LibraryList).focus()

    def on_screen_resume(self) -> None:
        """Rows of briefings reloaded while the reader was in them show what they hold now."""
        changed = [k for k, entry in enumerate(self.entries) if entry is not self._listed[k]]
        for k in changed:
            self.haystacks[k] = haystack(self.entries[k])
        self._listed = list(self.entries)
        if changed:
            self.show()

    @property
    def filter_box(self) -> SearchBox:
        return self.query_one("#library-filter", SearchBox)

    def show(self, language: Language | None = None) -> None:
        """List the entries the filter keeps, in the chosen order, keeping the highlighted one."""
        language = language or briefing_app(self.app).language
        listed = self.query_one(LibraryList)
        chosen = listed.selected_id
        words = self.filter_box.value
        shown = arranged(self.entries, self.haystacks, self.sort, words, language)
        listed.set_options(Option(entry_prompt(self.entries[k], language), id=str(k),
                                  disabled=not self.entries[k].openable) for k in shown)
        if shown:
            ids = [str(k) for k in shown]
            listed.highlighted = ids.index(chosen) if chosen in ids else 0
        self.filter_box.placeholder = ui("Filter by title, place, kind or date…", language)
        self.query_one("#library-status", Static).update(self._status(len(shown), words, language))

    def highlight(self, position: int) -> None:
        """Put the list on the briefing at ``position`` (if the filter shows it)."""
        listed = self.query_one(LibraryList)
        try:
            listed.highlighted = listed.get_option_index(str(position))
        except OptionDoesNotExist:  # filtered out: the list stays where it is
            return

    def _status(self, shown: int, words: str, language: Language) -> str:
        total = len(self.entries)
        count = (count_text(total, "1 briefing", "{count} briefings", language) if shown == total else
                 ui("{shown} of {count} briefings", language).format(shown=shown, count=total))
        sort = ui(dict(SORTS)[self.sort], language)
        return " · ".join([count, sort] + ([ui('filter: "{words}"', language).format(words=words)] if words else []))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_filter":
            return self.filter_box.has_focus or bool(self.filter_box.value)
        if action == "open":
            return self.query_one(LibraryList).selected_id is not None
        return True

    def action_sort(self) -> None:
        ids = [sort for sort, _ in SORTS]
        self.sort = ids[(ids.index(self.sort) + 1) % len(ids)]
        self.show()

    def action_filter(self) -> None:
        self.set_focus(self.filter_box)  # now, not after a refresh: the keys typed with the f go into it

    def action_close_filter(self) -> None:
        """Esc: a filter being typed is kept and the list takes the keys; Esc again clears it."""
        box = self.filter_box
        if box.has_focus and box.value:
            self.query_one(LibraryList).focus()
            return
        box.value = ""
        self.query_one(LibraryList).focus()

    @on(SearchBox.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self.show()

    @on(SearchBox.Submitted, "#library-filter")
    def _filter_done(self, event: SearchBox.Submitted) -> None:
        event.stop()
        self.query_one(LibraryList).focus()

    async def action_open(self) -> None:
        """Enter: open the highlighted briefing. An action, awaited before the next key is handled, so
        a pane key typed with the Enter acts in the briefing it opens."""
        chosen = self.query_one(LibraryList).selected_id
        if chosen is not None and self.is_current and not briefing_app(self.app).quitting:
            await briefing_app(self.app).open_briefing(int(chosen))

    @on(OptionList.OptionSelected, "#library-list")
    async def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.action_open()
