"""For authors: the app reads a briefing again when its files change (``--watch``) or on ctrl+r,
keeping the reader's place, and says what ``briefing check`` would still ask of the file."""

from __future__ import annotations

from pathlib import Path

from .app_state import AppState
from .i18n import ui
from .screens.too_small import TooSmallScreen
from .session import BriefingSession


class Authoring(AppState):
    """Reloading, mixed into BriefingApp."""

    def _reload_if_changed(self) -> None:
        if self._file_watch.changed() and not isinstance(self.screen, TooSmallScreen):
            self.run_worker(self.action_reload(), group="reload", exclusive=True)

    async def action_reload(self) -> None:
        """Read the briefing's files again, keeping the reader's place; a file with errors is not
        taken: its problems are shown and the briefing as it was stays on screen."""
        from .loader import read_briefing

        session = self.session
        if session is None or not session.briefing.path or self.in_library:
            return
        briefing, errors = read_briefing(session.briefing.path)
        if self.watch_files:
            self._file_watch.changed()  # what was just read is seen: a ctrl+r is not followed by a second reload
        if briefing is None:
            lines = [ui("Not reloaded; the file has problems:", self.language), *map(str, errors[:6])]
            self.notify("\n".join(lines), severity="error", markup=False, timeout=20)
            return
        location = self.current_location()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        session.replace(briefing)
        self.index_ready = False
        await self.browser.show_briefing(briefing, location.pane)
        if location.item_id in briefing.by_id() and self.browser.lists(location.item_id):
            self.browser.pane(location.pane).select(location.item_id)
        self._build_index()
        if self.library is not None:
            self._library_follows(session)
        self._say_what_is_left(reloaded=True)

    def _library_follows(self, session: BriefingSession) -> None:
        """The reloaded briefing's row in the library and the library's search follow its new content."""
        from .library import read_library

        assert self.library is not None
        position = next(k for k, open_session in self.sessions.items() if open_session is session)
        self.library[position] = read_library([self.library[position].path])[0]
        self._library_index = None
        self._build_library_index()

    def _say_what_is_left(self, reloaded: bool) -> None:
        """What `briefing check` would still ask of the author (and that the reload happened), as one notice."""
        from .authoring import to_dos

        left = to_dos(Path(self.briefing.path))
        lines = [ui("Reloaded.", self.language)] if reloaded else []
        if left:
            lines += [ui("{count} to do in the file.", self.language).format(count=len(left)), *map(str, left[:3])]
        if lines:
            self.notify("\n".join(lines), markup=False, timeout=6)
