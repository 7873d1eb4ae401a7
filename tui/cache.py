"""A cache of validated briefings and their search indexes, keyed by the content's hash.

Parsing and validating YAML costs about 0.4 s per thousand items; a briefing that
has been validated before is read back from ``<user cache dir>/briefing`` in a
fraction of that. An entry is used only if the briefing file, its source text and
the code that read them are byte for byte what they were; anything unreadable in the
cache is ignored (and rebuilt), never an error. The cache is the user's own,
written by this app, so unpickling it is no more trusting than running the app.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from . import __version__
from .bulk import collector_paused
from .loader import ContentError, read_briefing
from .model import Briefing


def cache_dir() -> Path:
    from platformdirs import user_cache_dir  # noqa: PLC0415 - off the startup path

    return Path(user_cache_dir("briefing"))


@lru_cache(maxsize=1)
def _schema_digest() -> bytes:
    """What a cached briefing was read with: a changed model or loader makes old entries misses."""
    digest = hashlib.sha256(__version__.encode())
    for module in ("model.py", "loader.py", "search/index.py", "search/fold.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.digest()


def _key(data: bytes) -> str:
    return hashlib.sha256(_schema_digest() + data).hexdigest()


@collector_paused()
def _read(path: Path):
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # a missing, partial or stale entry is simply not a hit
        return None


def _write(path: Path, value) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # no cache, no harm: the next start validates again


def load_briefing_cached(path: str | Path) -> tuple[Briefing | None, list[ContentError], str | None]:
    """Like ``read_briefing``, through the cache; also returns the cache key (None if uncacheable)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        briefing, errors = read_briefing(path)
        return briefing, errors, None
    key = _key(data)
    entry = _read(cache_dir() / f"{key}.briefing")
    if entry is not None:
        briefing, source_path, digest = entry
        try:
            source_ok = hashlib.sha256(Path(source_path).read_bytes()).hexdigest() == digest
        except OSError:
            source_ok = False
        if source_ok and isinstance(briefing, Briefing):
            return dataclasses.replace(briefing, path=str(path)), [], key
    briefing, errors = read_briefing(path)
    if briefing is not None:
        source_path = (path.parent / briefing.meeting.source.clean).resolve()
        try:
            digest = hashlib.sha256(source_path.read_bytes()).hexdigest()
        except OSError:
            return briefing, errors, None
        _write(cache_dir() / f"{key}.briefing", (briefing, str(source_path), digest))
    return briefing, errors, key if briefing is not None else None


def load_index(key: str):
    """The search index cached for a briefing, or None."""
    return _read(cache_dir() / f"{key}.index")


def store_index(key: str, index) -> None:
    _write(cache_dir() / f"{key}.index", index)
