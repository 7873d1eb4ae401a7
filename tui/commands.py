"""Command-palette providers: find any item of the briefing, or jump to a pane."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .i18n import ui
from .panes import PANES
from .screens.search_screen import hit_prompt


class ItemCommands(Provider):
    """Items of the briefing, found by the same engine as ``/`` search."""

    async def search(self, query: str) -> Hits:
        app = self.app
        result = app.search(query, limit=20)
        for rank, hit in enumerate(result.hits):
            yield Hit(
                1.0 - rank / (len(result.hits) + 1),
                hit_prompt(app.briefing, hit, app.language),
                partial(app.open_item, hit.document.id),
            )


class PaneCommands(Provider):
    """The panes, by name, in the current language."""

    def _commands(self):
        for spec in PANES:
            name = f"{ui('Go to', self.app.language)} {ui(spec.name, self.app.language)} ({spec.key})"
            yield name, partial(self.app.action_show_pane, spec.id)

    async def discover(self) -> Hits:
        for name, command in self._commands():
            yield DiscoveryHit(name, command)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command)
