"""Notice when a briefing's files change on disk, for `briefing FILE --watch` and the reload key.

An author edits the YAML (or its source text) in one terminal and reads the result in the
other. Polling two or three ``stat`` calls a second is cheaper and more portable than an
inotify dependency, and it sees an editor's save-by-rename as well as a write in place.
Nothing here imports Textual.
"""

from __future__ import annotations

import os
from pathlib import Path

from .model import Briefing


def watched_paths(briefing: Briefing) -> tuple[Path, ...]:
    """The briefing file and the source texts it names."""
    path = Path(briefing.path)
    source = briefing.meeting.source
    return (path, path.parent / source.clean, path.parent / source.raw)


class FileWatch:
    """Remembers how some files looked (modification time and size) and says when that changes."""

    def __init__(self, paths: tuple[Path, ...]) -> None:
        self.paths = paths
        self._seen = self._look()

    def _look(self) -> tuple[tuple[int, int] | None, ...]:
        looks: list[tuple[int, int] | None] = []
        for path in self.paths:
            try:
                status = os.stat(path)
            except OSError:  # gone for a moment while an editor saves: a change like any other
                looks.append(None)
            else:
                looks.append((status.st_mtime_ns, status.st_size))
        return tuple(looks)

    def changed(self) -> bool:
        """Whether any file changed since the last call (or since the watch began)."""
        now = self._look()
        changed, self._seen = now != self._seen, now
        return changed
