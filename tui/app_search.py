"""Search in the app: the index of what is on show (a briefing's, built off the UI thread and cached,
literal until then; or the library's), the search screen, and n / N through the hits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from .app_state import AppState
from .cache import load_index, store_index
from .i18n import ui
from .model import Briefing, Language
from .session import BriefingSession

if TYPE_CHECKING:
    from rich.text import Text

    from .search import SearchHit, SearchIndex, SearchResult


class SearchActions(AppState):
    """Search, mixed into BriefingApp."""

    def _build_index(self) -> None:
        if self.in_library:
            if self._library_index is None:
                self._build_library_index()
        elif self.session is not None and self.session.index is None and not self.session.building:
            self.session.building = True  # once: keys that reopen the briefing meanwhile start no other build
            self._build_session_index(self.session)

    @work(thread=True, group="index", exit_on_error=False)
    def _build_session_index(self, session: BriefingSession) -> None:
        """The session's full index, from the cache or built; the literal one, with a notice, if it fails."""
        from .search import SearchIndex, build_index

        briefing, cache_key = session.briefing, session.cache_key
        try:
            index = load_index(cache_key) if cache_key else None
            if not isinstance(index, SearchIndex):
                index = build_index(briefing)
                if cache_key:
                    store_index(cache_key, index)
        except Exception as error:  # noqa: BLE001 - any failure leaves search literal, and the app goes on
            self.call_from_thread(self._index_failed, session, briefing, error)
            return
        self.call_from_thread(self._index_built, session, briefing, index)

    def _index_built(self, session: BriefingSession, briefing: Briefing, index: SearchIndex) -> None:
        if briefing is not session.briefing:
            return  # built for a version of the briefing that has since been reloaded
        session.index, session.building = index, False
        if session is self.session and not self.in_library:
            self.index_ready = True

    def _index_failed(self, session: BriefingSession, briefing: Briefing, error: Exception) -> None:
        self._index_built(session, briefing, session.literal_fallback())
        self.notify(f"{ui('Search index unavailable; literal matches only', self.language)}: {error}",
                    severity="warning", markup=False, timeout=8)

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Search what is on show: the briefing (literally until its full index is ready), or the library."""
        if self.in_library or self.session is None:
            return self.search_library(query, limit)
        return self.session.search(query, limit)

    def hit_heading(self, hit: SearchHit, language: Language) -> Text:
        """A search hit's title and where it is: in a briefing its pane, over the library its briefing too."""
        if self.in_library or self.session is None:
            from .screens.library_screen import library_hit_heading

            assert self._library_index is not None  # nothing is found before it exists
            return library_hit_heading(self._library_index, hit, language)
        from .screens.search_screen import hit_heading

        return hit_heading(self.briefing, hit, language)

    def describe_hit(self, hit: SearchHit, language: Language) -> Text:
        """A search hit as the palette shows it: its heading over a snippet."""
        from .screens.search_screen import with_snippet

        return with_snippet(self.hit_heading(hit, language), hit, language)

    async def choose_hit(self, doc_id: str, found: list[str]) -> None:
        """Open what a search found (``found``: every id it found, best first, kept for n and N)."""
        if self.in_library:
            library = self._library_index
            session = await self.open_library_item(doc_id)
            if session is not None and library is not None:
                entry, item_id = library.locate(doc_id)
                session.keep_hits([each for place, each in map(library.locate, found) if place == entry], item_id)
            return
        if self.session is not None:
            self.session.keep_hits(found, doc_id)
            await self.open_item(doc_id)

    async def action_search(self) -> None:
        from .screens.search_screen import SearchScreen, hit_heading

        if isinstance(self.screen, SearchScreen):
            return
        # What the screen searches is fixed now: the reader may open another briefing (from the palette)
        # while it waits in this one's screens.
        session = None if self.in_library else self.session
        if session is None:
            screen = SearchScreen(self.hit_heading, self.search_library, self.language, lambda: self.index_ready)
        else:
            screen = SearchScreen(lambda hit, language: hit_heading(session.briefing, hit, language), session.search,
                                  self.language, lambda: session.index is not None)

        origin = self.focused or self.screen  # where keys typed with the / went

        async def chosen(doc_id: str | None) -> None:
            try:
                if doc_id is None or screen.result is None:
                    return
                if session is None:
                    await self.choose_hit(doc_id, screen.result.ids)
                elif session is self.session and not self.in_library:
                    session.keep_hits(screen.result.ids, doc_id)
                    await self.open_item(doc_id)
            finally:
                # The keys typed after the Enter or Esc act where the reader has landed, focus and all.
                self.release_keys_after(origin)

        # Awaited: the keys typed with the / are handled once the box is there to take them.
        await self.push_screen(screen, chosen)

    async def action_next_hit(self) -> None:
        await self._step_hit(+1)

    async def action_previous_hit(self) -> None:
        await self._step_hit(-1)

    async def _step_hit(self, delta: int) -> None:
        """n / N: the next or previous item of the last search, like less and vim."""
        session = self.session
        item_id = session.step_hit(delta) if session else None
        if session is None or item_id is None:
            self.notify(ui("No search yet: press / to search.", self.language), severity="warning", markup=False)
            return
        self._close_details()
        await self.browser.go_to(item_id)
        self.notify(f"{session.hit_position + 1} / {len(session.hits)}", timeout=1.5)
