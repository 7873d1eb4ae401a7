"""Search a briefing in English, either Chinese script and pinyin. Imports nothing from Textual."""

from __future__ import annotations

from ..model import Briefing
from .fold import Folder
from .index import Document, SearchHit, SearchIndex, SearchResult, documents_of

__all__ = ["Document", "SearchHit", "SearchIndex", "SearchResult", "build_index", "documents_of", "literal_index"]


def build_index(briefing: Briefing) -> SearchIndex:
    """The full index: Simplified and Traditional fold together, pinyin and initials match."""
    return SearchIndex(documents_of(briefing), Folder(simplify=True), pinyin=True)


def literal_index(briefing: Briefing) -> SearchIndex:
    """A quick literal-only index (no Chinese tables read), used until the full one is ready."""
    return SearchIndex(documents_of(briefing), Folder(), pinyin=False)
