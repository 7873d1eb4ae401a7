"""The library in the app: each briefing opened gets a session and a Textual mode (screen stack) of its
own, so it keeps its place while the reader goes back to the list and opens another; a search from
the list searches every briefing at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work

from .app_state import LIBRARY, AppState
from .cache import load_briefing_cached
from .content_text import sanitise
from .i18n import ui
from .session import BriefingSession

if TYPE_CHECKING:
    from .library import LibraryIndex
    from .screens.library_screen import LibraryScreen
    from .search import SearchResult


class LibraryActions(AppState):
    """The library's side of BriefingApp, mixed into it."""

    def _library_screen(self) -> LibraryScreen:
        from .screens.library_screen import LibraryScreen

        assert self.library is not None
        return LibraryScreen(self.library)

    async def action_show_library(self) -> None:
        """Back to the library; each briefing keeps its place (its screens stay as they were)."""
        if self.library is None or self.in_library or self.quitting:
            return
        self._close_details()
        await self.switch_mode(LIBRARY)
        if self.session is not None:  # the list is on the briefing the reader comes back from
            position = next(k for k, session in self.sessions.items() if session is self.session)
            cast("LibraryScreen", self.screen_stack[0]).highlight(position)
        self.index_ready = self._library_index is not None and self._library_index.full

    async def open_briefing(self, position: int) -> BriefingSession | None:
        """Show the library's briefing at ``position``, where the reader left it; read it the first time."""
        assert self.library is not None
        entry = self.library[position]
        session = self.sessions.get(position)
        if session is None:
            briefing, errors, cache_key = load_briefing_cached(entry.path)
            if briefing is None:  # broken since the library was read
                self.notify(sanitise("\n".join(map(str, errors[:3]))), severity="error", markup=False, timeout=10)
                return None
            session = BriefingSession(briefing, cache_key, mode=f"briefing-{position}")
            self.sessions[position] = session
            screen = self._browser_for(briefing)
            self.add_mode(session.mode, lambda: screen)
        self.session = session
        self.index_ready = session.index is not None
        await self.switch_mode(session.mode)
        if session.index is None:
            self._build_index()
        return session

    async def open_library_item(self, doc_id: str) -> BriefingSession | None:
        """Open an item found by a library search: its briefing, then the item, as a jump (Esc comes back)."""
        if self._library_index is None or self.quitting:
            return None
        _, item_id = self._library_index.locate(doc_id)
        session = await self.open_briefing(self._library_index.position(doc_id))
        if session is not None and item_id in session.briefing.by_id():
            await self.open_item(item_id)
        return session

    @work(thread=True, exclusive=True, group="library-index", exit_on_error=False)
    def _build_library_index(self) -> None:
        """The cached index of every briefing; else a literal one at once (quick), then the full one."""
        from .library import cached_library_index, library_index

        assert self.library is not None
        try:
            index = cached_library_index(self.library)
            if index is None:
                self.call_from_thread(self._library_index_built, library_index(self.library, full=False))
                index = library_index(self.library)
        except Exception as error:  # noqa: BLE001 - search stays as it was (literal, or nothing), said once
            message = f"{ui('Search index unavailable; literal matches only', self.language)}: {error}"
            self.call_from_thread(self.notify, message, severity="warning", markup=False, timeout=8)
            return
        self.call_from_thread(self._library_index_built, index)

    def _library_index_built(self, index: LibraryIndex) -> None:
        assert self.library is not None
        if any(built is not listed for built, listed in zip(index.entries, self.library, strict=True)):
            return  # a briefing was reloaded while this was built; the build that follows has it
        self._library_index = index
        if self.in_library:
            self.index_ready = index.full

    def search_library(self, query: str, limit: int = 100) -> SearchResult:
        """Search every briefing of the library; nothing is found until the first index arrives."""
        if self._library_index is None:
            from .search import SearchResult

            return SearchResult(query, [], [])
        return self._library_index.search(query, limit)
