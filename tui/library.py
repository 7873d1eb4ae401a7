"""The library: many briefings listed from what the list needs, and searched all at once.

A library is a list of briefing files (the bundled ones and the reader's own folder, or what the
command line names). ``read_library`` gives one ``LibraryEntry`` per file: its meeting and how many
items each section holds, or the first error that keeps it from opening. A briefing is loaded in
full only when it is opened; listing 200 of them reads one summary file, kept in the cache
directory beside the cached briefings, and looks at each file's metadata. ``library_index`` searches
every openable briefing at once with the same engine as one briefing, its combined index cached too.
A UI reads ``cached_library_index`` off its main thread (200 briefings: about a tenth of a second) and,
on a miss, searches ``library_index(entries, full=False)`` while ``library_index(entries)`` builds.

Like ``tui.cache``, the summary must never change what is listed: a summary is used only while the
briefing file and its clean source are, by device, inode, size, modification and change time,
the files it was made from; anything odd in it is a miss, never an error. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .bulk import collector_paused
from .cache import cache_dir, digest_key, load_briefing_cached, read_entry, schema_digest, write_entry
from .model import SECTIONS, Briefing, Meeting, Script
from .paths import bundled_dir

if TYPE_CHECKING:  # the search engine is imported where a library is searched, off the startup path
    from .search import SearchIndex, SearchResult

SUFFIXES = (".yaml", ".yml")
_SUMMARY = "library.summary"
_MAX_RECORDS = 4096  # summaries of files not read for a long while make way for new ones
# A file changed this recently may change again within the file system's timestamp granularity
# without its metadata showing it (git's "racy" entries): it is read, but not summarised, until it
# settles. Its change time says when it was last written; unlike the modification time, no one can set it.
_SETTLED_NS = 2_000_000_000


def user_briefings_dir() -> Path:
    """The reader's own folder of briefings (e.g. ``~/.local/share/briefing/briefings``)."""
    from platformdirs import user_data_dir  # noqa: PLC0415 - off the startup path

    return Path(user_data_dir("briefing")) / "briefings"


def default_library() -> list[Path]:
    """The bundled briefings, then the reader's own (if the folder exists)."""
    folders = [bundled_dir("content"), user_briefings_dir()]
    return briefing_files(folder for folder in folders if folder.is_dir())


def briefing_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, a folder as its briefing files by name (not its subfolders: ``sources/`` holds
    texts), each file once. A path that does not exist stays, so that its entry can say so."""
    out: list[Path] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        for file in _in_folder(path) if path.is_dir() else [path]:
            try:
                same = os.path.realpath(file)  # a symlink loop stays as it is: its entry says why
            except ValueError:  # a NUL in the name: listed, and its entry says why
                same = str(file)
            if same not in seen:
                seen.add(same)
                out.append(file)
    return out


def _in_folder(folder: Path) -> list[Path]:
    try:
        with os.scandir(folder) as found:
            names = [entry.name for entry in found]
    except OSError:
        return [folder]  # unreadable: its entry carries the error
    return [folder / name for name in sorted(names)
            if name.lower().endswith(SUFFIXES) and not name.startswith(".")]  # no editor or OS droppings


@dataclass(frozen=True)
class LibraryEntry:
    """What the library lists of one briefing file: its meeting and section sizes, or why it won't open."""

    path: Path
    meeting: Meeting | None
    counts: Mapping[str, int] = field(default_factory=dict, hash=False)  # every section, in SECTIONS order
    error: str | None = None  # the first error, as ``briefing check`` prints it
    error_count: int = 0
    cache_key: str | None = None  # what ``load_briefing_cached`` keys the briefing by (None: not cacheable)

    @property
    def openable(self) -> bool:
        return self.error is None

    @property
    def complete(self) -> bool:
        """Whether the whole source article is available (False for a file that does not open)."""
        return self.meeting is not None and self.meeting.source.complete

    @property
    def script(self) -> Script | None:
        """The script the source is written in, ``"Hant"`` or ``"Hans"``."""
        return None if self.meeting is None else self.meeting.source.script


def read_library(paths: Sequence[Path]) -> list[LibraryEntry]:
    """One entry per path, in order: from the summary cache when nothing changed, else by loading."""
    summary = _read_summary()
    changed = False
    entries = []
    for path in map(Path, paths):
        # Keyed by the absolute path: cheap, and which file it is now is the stamp's to say.
        name = os.path.abspath(path)
        entry = _summarised(summary.get(name), path)
        if entry is None:
            entry, record = _read_entry(path)
            if record:
                summary.pop(name, None)  # re-inserted last: the dict's order is the order of use
                summary[name] = record
                changed = True
        entries.append(entry)
    if changed:
        for stale in list(summary)[:-_MAX_RECORDS]:
            del summary[stale]
        write_entry(cache_dir() / _SUMMARY, (_summary_digest(), summary))
    return entries


def _read_entry(path: Path) -> tuple[LibraryEntry, tuple | None]:
    """Load (and validate) a briefing; return its entry and, if it may be summarised, its summary record."""
    before = _stamp(path)  # before reading: a change while reading makes the record stale, not wrong
    briefing, errors, key = load_briefing_cached(path)
    if briefing is None:
        # Not summarised: the file that would fix it may be any file the briefing names.
        return LibraryEntry(path, None, error=str(errors[0]), error_count=len(errors)), None
    meeting, counts = briefing.meeting, _counts(briefing)
    entry = LibraryEntry(path, meeting, counts, cache_key=key)
    source = _stamp(_source(path, meeting))
    settled = time.time_ns() - _SETTLED_NS
    if key is None or before is None or source is None or max(before[4], source[4]) > settled:
        return entry, None
    return entry, (before, source, meeting, counts, key)


def _counts(briefing: Briefing) -> dict[str, int]:
    return {section: len(getattr(briefing, section)) for section in SECTIONS}


def _source(path: Path, meeting: Meeting) -> str:
    """The briefing's clean source, relative to the briefing's folder as given: the kernel resolves it as
    ``loader.source_path`` does (symlinks first, then ``..``)."""
    return os.path.join(os.path.dirname(path), meeting.source.clean)


def _summarised(record, path: Path) -> LibraryEntry | None:
    """The entry a summary record holds if the files it was made from are unchanged, else None."""
    if record is None:
        return None
    try:
        before, source, meeting, counts, key = record
        if not isinstance(meeting, Meeting) or _stamp(path) != before or _stamp(_source(path, meeting)) != source:
            return None
        return LibraryEntry(path, meeting, counts, cache_key=key)
    except (TypeError, ValueError, AttributeError):  # not a record of this shape
        return None


def _stamp(path: str | Path) -> tuple[int, ...] | None:
    """Which file ``path`` is now and its state: device, inode, size, modified and changed (ns)."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def _read_summary() -> dict:
    stored = read_entry(cache_dir() / _SUMMARY)
    if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _summary_digest()
            and isinstance(stored[1], dict)):
        return stored[1]
    return {}


@lru_cache(maxsize=1)
def _summary_digest() -> bytes:
    """The cache's schema digest and this module's code: either changed, every summary is a miss."""
    return hashlib.sha256(schema_digest() + Path(__file__).read_bytes()).digest()


# -- searching every briefing ---------------------------------------------------------------------


class LibraryIndex:
    """One search over every openable briefing of a library; a document id is ``"POSITION:ITEM_ID"``."""

    def __init__(self, entries: Sequence[LibraryEntry], index: SearchIndex) -> None:
        self.entries = list(entries)
        self.index = index

    @property
    def full(self) -> bool:
        """Whether this index matches pinyin and either script (else it is the quick literal one)."""
        return self.index.pinyin

    def search(self, query: str, limit: int = 100) -> SearchResult:
        return self.index.search(query, limit)

    def locate(self, doc_id: str) -> tuple[LibraryEntry, str]:
        """The briefing a document is from, and the item's id in it."""
        return self.entries[self.position(doc_id)], doc_id.partition(":")[2]

    @staticmethod
    def position(doc_id: str) -> int:
        """Where, in the library's entries, the briefing a document is from stands."""
        return int(doc_id.partition(":")[0])


@collector_paused()  # every item of every briefing becomes a document: bulk building
def library_index(entries: Sequence[LibraryEntry], full: bool = True) -> LibraryIndex:
    """The combined index of ``entries``. ``full=False``: a literal-only index that reads no Chinese
    table, for use while the full one is built. The full one is cached."""
    from .search import Document, SearchIndex, documents_of  # noqa: PLC0415 - off the startup path
    from .search.fold import Folder  # noqa: PLC0415

    if full:
        cached = cached_library_index(entries)
        if cached is not None:
            return cached
    documents: list[Document] = []
    keys: list[tuple[int, str | None]] = []
    for position, entry in enumerate(entries):
        if not entry.openable:
            continue
        briefing, _, key = load_briefing_cached(entry.path)
        if briefing is None:  # broken since it was listed: nothing of it to find
            continue
        keys.append((position, key))
        documents += [Document(f"{position}:{document.id}", document.section, document.fields)
                      for document in documents_of(briefing)]
    if not full:
        return LibraryIndex(entries, SearchIndex(documents, Folder(), pinyin=False))
    index = SearchIndex(documents, Folder(simplify=True), pinyin=True)
    if all(key for _, key in keys):  # keyed by what was read, which may be newer than the entries
        write_entry(_index_file(entries), (_index_key(len(entries), keys), index))
    return LibraryIndex(entries, index)


def cached_library_index(entries: Sequence[LibraryEntry]) -> LibraryIndex | None:
    """The full combined index of ``entries`` from the cache, or None; never builds, never reads a
    Chinese table."""
    from .search import SearchIndex  # noqa: PLC0415 - off the startup path

    keys = [(position, entry.cache_key) for position, entry in enumerate(entries) if entry.openable]
    if not all(key for _, key in keys):
        return None
    stored = read_entry(_index_file(entries))
    if (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _index_key(len(entries), keys)
            and isinstance(stored[1], SearchIndex)):
        return LibraryIndex(entries, stored[1])
    return None


def _index_key(count: int, keys: list[tuple[int, str | None]]) -> str:
    """What a combined index holds: each briefing's cache key at its position among ``count`` entries."""
    return digest_key(str(count).encode(), *(f"{position}:{key}".encode() for position, key in keys))


def _index_file(entries: Sequence[LibraryEntry]) -> Path:
    """One file per list of paths, so a changed briefing replaces its library's index, not adds one."""
    paths = digest_key(*(os.fsencode(os.path.abspath(entry.path)) for entry in entries))
    return cache_dir() / f"{paths}.library-index"
