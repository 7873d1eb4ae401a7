"""What every part of the app reads: the reader's language, the library and its open briefings (one
``BriefingSession`` each), the one on show and its screen, and whether the search index is ready.

``BriefingApp`` is made of this and of the parts that act on it (search, the library, reloading),
each in a module of its own; nothing here draws anything.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.dom import DOMNode
from textual.events import Key
from textual.message import Message
from textual.reactive import reactive

from .model import Briefing, Language
from .screens.browser import BrowserScreen
from .screens.detail_screen import DetailScreen
from .session import BriefingSession, Location

if TYPE_CHECKING:
    from .library import LibraryEntry, LibraryIndex
    from .search import SearchResult
    from .watch import FileWatch

WIDE = 110  # columns from which a detail sits beside its list
LIBRARY = "library"  # the mode (screen stack) of the library; each briefing opened has one of its own


class KeysArrived(Message):
    """Posted behind the keys already sent to a widget: when it reaches the app, they all have."""


class AppState(App):
    """The state the parts of BriefingApp share; BriefingApp sets it up."""

    # Neither repaints the app: the screens and widgets that show them watch them and redraw themselves.
    language: reactive[Language] = reactive("en", init=False, repaint=False)
    # The search index of what is on show (a briefing, or the whole library) that searches will use
    # from now on has arrived (the full one, or the literal one if the full one could not be built):
    # an open search redoes its query with it.
    # Set again when a better index arrives (the literal one, then the full one): always a change.
    index_ready: reactive[bool] = reactive(False, init=False, repaint=False, always_update=True)

    library: list[LibraryEntry] | None  # the briefings listed, or None for one briefing opened alone
    sessions: dict[int, BriefingSession]  # by position in the library
    session: BriefingSession | None  # the briefing on show, or last shown over the library
    quitting: bool
    watch_files: bool
    initial_pane: str
    _library_index: LibraryIndex | None
    _file_watch: FileWatch
    # Keys that arrive while a screen hands over to the one below (see ``hold_keys``), or None.
    held_keys: list[Key] | None = None
    HOLD_AT_MOST = 1.0  # seconds
    _holds = 0  # holds begun: a hold's timer releases only its own

    def hold_keys(self) -> None:
        """Keep the keys that arrive from now on, to act once ``release_keys`` is called: a screen that
        closes on one key (search's Enter) hands over to what it opens with awaits in between, and the
        keys typed with it would otherwise act on the screen as it was before (or go into its box)."""
        if self.held_keys is None:
            self.held_keys = []
            self._holds += 1
            # Never for long: a hold whose release does not come (its screen gone some other way) must
            # not swallow the reader's keys.
            self.set_timer(self.HOLD_AT_MOST, partial(self._release_hold, self._holds))

    def hold_key(self, event: Key) -> None:
        assert self.held_keys is not None
        event.stop()
        event.prevent_default()
        self.held_keys.append(Key(event.key, event.character))

    def _release_hold(self, hold: int) -> None:
        if self.held_keys is not None and self._holds == hold:
            self.release_keys()

    def release_keys(self) -> None:
        """The keys held, handed to the app again, in the order they were typed."""
        held, self.held_keys = self.held_keys or [], None
        for key in held:
            self.post_message(key)

    def release_keys_after(self, origin: DOMNode) -> None:
        """Release the keys held once those already on their way back through ``origin`` have arrived.

        Keys typed together with the one that opened a screen went to the widget focused then, and come
        back to the app from it one queue at a time; a message posted there now comes back behind them."""
        if not (origin.is_attached and origin.post_message(KeysArrived())):
            self.release_keys()

    def on_keys_arrived(self, _: KeysArrived) -> None:
        self.release_keys()

    @property
    def current(self) -> BriefingSession:
        """The session on show (or, over the library, the one last shown)."""
        if self.session is None:
            raise LookupError("no briefing has been opened")
        return self.session

    @property
    def briefing(self) -> Briefing:
        return self.current.briefing

    @property
    def history(self) -> list[Location]:
        return self.current.history

    @property
    def browser(self) -> BrowserScreen:
        """The screen of the briefing on show (callers check ``in_library`` first where it matters)."""
        return cast(BrowserScreen, self.screen_stack[0])

    @property
    def in_library(self) -> bool:
        """The reader is on the library (or something over it), not in a briefing."""
        return self.current_mode == LIBRARY

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    def _close_details(self) -> None:
        while isinstance(self.screen, DetailScreen):
            self.pop_screen()

    def current_location(self) -> Location:
        if isinstance(self.screen, DetailScreen):
            return Location(self.browser.active_pane, self.screen.item.id, detail_open=True,
                            via_link=self.screen.via_link)
        return self.browser.location()

    if TYPE_CHECKING:  # what the parts call in each other, defined where each belongs
        async def open_item(self, item_id: str, via_link: bool = False) -> None: ...
        def _build_index(self) -> None: ...
        def _build_library_index(self) -> object: ...  # a Worker
        def _browser_for(self, briefing: Briefing) -> BrowserScreen: ...
        def search_library(self, query: str, limit: int = 100) -> SearchResult: ...
        async def open_library_item(self, doc_id: str) -> BriefingSession | None: ...
