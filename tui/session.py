"""One open briefing and the reader's place in it, apart from what is app-wide.

The app holds what belongs to the reader (language, theme, preferences, keymap, help);
a session holds what belongs to one briefing: the briefing, its search index, the
places the reader came from, the hits of the last search and the pane last shown.
A library keeps one session per briefing opened, so each keeps its place. Nothing
here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Briefing

if TYPE_CHECKING:
    from .search import SearchIndex, SearchResult


@dataclass(frozen=True)
class Location:
    """Where the reader was: a pane, the item selected there, whether its detail was open, and
    whether that detail was itself reached by following a link (so Esc from it goes further back)."""

    pane: str
    item_id: str | None
    detail_open: bool = False
    via_link: bool = False


class BriefingSession:
    """A briefing being read: its index (literal until the full one arrives), history and search hits."""

    def __init__(self, briefing: Briefing, cache_key: str | None = None, mode: str = "_default") -> None:
        self.briefing = briefing
        self.cache_key = cache_key
        self.mode = mode  # the app's screen stack this briefing is shown in
        self.history: list[Location] = []
        self.index: SearchIndex | None = None
        self.building = False  # its full index is being built
        self._literal_index: SearchIndex | None = None
        self.hits: list[str] = []
        self.hit_position = -1

    def replace(self, briefing: Briefing) -> None:
        """Take a new version of the briefing (an author's edit): what was built for the old one goes."""
        self.briefing, self.cache_key = briefing, None
        self.history.clear()
        self.hits, self.hit_position = [], -1
        self.index, self._literal_index, self.building = None, None, False

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Search with the full index, or literally until it is ready: never wait for it."""
        return (self.index or self.literal_fallback()).search(query, limit)

    def literal_fallback(self) -> SearchIndex:
        """The literal index (no Chinese tables read): quick to build, used until the full one is ready."""
        if self._literal_index is None:
            from .search import literal_index  # noqa: PLC0415 - the search engine only once searched

            self._literal_index = literal_index(self.briefing)
        return self._literal_index

    def keep_hits(self, ids: list[str], chosen: str) -> None:
        """The items a search found, for n and N, positioned on the one the reader chose."""
        self.hits = [item_id for item_id in ids if item_id in self.briefing.by_id()]
        self.hit_position = self.hits.index(chosen) if chosen in self.hits else 0

    def step_hit(self, delta: int) -> str | None:
        """The next (or previous) hit of the last search, round and round; None if there was none."""
        if not self.hits:
            return None
        self.hit_position = (self.hit_position + delta) % len(self.hits)
        return self.hits[self.hit_position]
