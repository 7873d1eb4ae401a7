"""A cache of validated briefings and their search indexes, keyed by everything that was read.

Parsing and validating YAML costs about 0.4 s per thousand items; a briefing that
has been validated before is read back from ``<user cache dir>/briefing`` in a
fraction of that. The cache must never change what is shown or whether a file is
valid, so an entry is looked up by the briefing's resolved path and bytes and the
code that reads it, and used only if its source text is, at the path the loader
would read now, byte for byte the text the entry shows. Anything unexpected in the
cache (unreadable, a directory, the wrong shape) is a miss and rebuilt, never an
error. The cache is the user's own, written by this app, so unpickling it is no
more trusting than running the app.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .bulk import collector_paused
from .content_text import ContentError, source_path
from .files import MAX_FILE_BYTES, read_bounded
from .model import Briefing

if TYPE_CHECKING:
    from .search.index import SearchIndex

MAX_ENTRY_BYTES = 1 << 30  # a search index of a very large briefing is tens of MiB; this only stops a device


def cache_dir() -> Path:
    from platformdirs import user_cache_dir  # noqa: PLC0415 - off the startup path

    return Path(user_cache_dir("briefing"))


@lru_cache(maxsize=1)
def schema_digest() -> bytes:
    """What a cached briefing was read with: a changed model or loader makes old entries misses."""
    digest = hashlib.sha256(__version__.encode())
    # Every module whose code decides what a cached briefing, index, set of themes or config holds (i18n:
    # the Simplified conversion).
    for module in ("model.py", "loader.py", "content_text.py", "files.py", "cache.py", "i18n.py", "themes.py",
                   "config.py", "panes.py", "search/index.py", "search/fold.py", "search/tables.py",
                   "search/make_tables.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    # Search's tables by their first line, which names what they were made from (the whole: 3 ms a start).
    for table in ("search/pinyin.txt", "search/simplified.txt"):
        with (Path(__file__).parent / table).open("rb") as file:
            digest.update(file.readline())
    return digest.digest()


def digest_key(*parts: bytes) -> str:
    """A cache key for what ``parts`` say was read, under the schema digest."""
    digest = hashlib.sha256(schema_digest())
    for part in parts:  # each part length-prefixed, so no two different reads give the same key
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


@collector_paused()
def read_entry(path: Path):
    """The value a cache file holds, or None: any trouble reading it is a miss."""
    try:
        return pickle.loads(read_bounded(path, MAX_ENTRY_BYTES))
    except Exception:  # a missing, partial, stale or strange entry is simply not a hit
        return None


def write_entry(path: Path, value) -> None:
    """Store ``value`` in a cache file atomically, or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return  # no cache, no harm: the next start validates again
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:  # e.g. the entry's name is taken by a directory: leave nothing behind
        Path(temporary).unlink(missing_ok=True)


def _cached_briefing(entry, path: Path) -> Briefing | None:
    """The entry's briefing if it is one and shows the source text the loader would read now, else None."""
    if not isinstance(entry, Briefing) or not isinstance(entry.source_text, str):
        return None
    try:
        source = read_bounded(source_path(path, entry.meeting.source.clean), MAX_FILE_BYTES)
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return entry if source == entry.source_text.encode("utf-8") else None


def load_briefing_cached(path: str | Path) -> tuple[Briefing | None, list[ContentError], str | None]:
    """Like ``read_briefing``, through the cache; also returns the key of what was read (None if uncacheable)."""
    path = Path(path)
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
        lookup = digest_key(os.fsencode(path.resolve()), data)
    except (OSError, RuntimeError):  # unreadable, or a symlink loop: the loader says why
        from .loader import read_briefing  # noqa: PLC0415 - PyYAML only when a file must be parsed

        briefing, errors = read_briefing(path)
        return briefing, errors, None
    entry = cache_dir() / f"{lookup}.briefing"
    briefing = _cached_briefing(read_entry(entry), path)
    if briefing is not None:
        return dataclasses.replace(briefing, path=str(path)), [], digest_key(lookup.encode(), _source_bytes(briefing))
    from .loader import read_briefing_bytes  # noqa: PLC0415 - PyYAML only when a file must be parsed

    briefing, errors = read_briefing_bytes(path, data)
    if briefing is None:
        return None, errors, None
    write_entry(entry, briefing)
    return briefing, errors, digest_key(lookup.encode(), _source_bytes(briefing))


def _source_bytes(briefing: Briefing) -> bytes:
    """The source text a briefing shows, as the bytes it was read from (UTF-8 decoding is one to one)."""
    return briefing.source_text.encode("utf-8")


def load_index(key: str) -> SearchIndex | None:
    """The search index cached for a briefing, or None."""
    from .search.index import SearchIndex  # noqa: PLC0415 - read after the first screen, off its path

    index = read_entry(cache_dir() / f"{key}.index")
    return index if isinstance(index, SearchIndex) else None


def store_index(key: str, index: SearchIndex) -> None:
    write_entry(cache_dir() / f"{key}.index", index)
