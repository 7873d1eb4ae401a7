"""The command palette: providers to find any item of the briefing or jump to a pane, and the palette itself,
guarded against two crashes of Textual 8.2.8 when keys arrive together."""

from __future__ import annotations

from functools import partial

from textual.await_complete import AwaitComplete
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.worker import ResultType, Worker, WorkType

from .app_access import briefing_app
from .i18n import localize, ui
from .panes import PANES


class ItemCommands(Provider):
    """Items of the briefing (over the library: of every briefing), found by the same engine as ``/`` search."""

    async def search(self, query: str) -> Hits:
        app = briefing_app(self.app)
        result = app.search(query, limit=20)
        for rank, hit in enumerate(result.hits):
            yield Hit(
                1.0 - rank / (len(result.hits) + 1),
                app.describe_hit(hit, app.language),
                partial(app.choose_hit, hit.document.id, result.ids),
            )


class BriefingCommands(Provider):
    """The library's briefings, by title in the current language: choosing one opens it."""

    def _commands(self):
        app = briefing_app(self.app)
        for position, entry in enumerate(app.library or []):
            if entry.meeting is not None and entry.openable:
                title = localize(entry.meeting.title, app.language)
                yield f"{ui('Open', app.language)} {title}", partial(app.open_briefing, position)

    async def discover(self) -> Hits:
        for name, command in self._commands():
            yield DiscoveryHit(Content(name), command)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command in self._commands():
            score, offsets = matcher.fuzzy_search.match(matcher.query, name)
            if score > 0:
                # Not matcher.highlight: it reads its text as markup, and a title is content, shown literally.
                shown = Content(name)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, command)


class PaneCommands(Provider):
    """The panes, by name, in the current language (inside a briefing)."""

    def _commands(self):
        if briefing_app(self.app).in_library:
            return
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


class Palette(CommandPalette):
    """Textual's command palette, made to survive keys that arrive faster than it redraws (Textual 8.2.8).

    Without these guards ``ctrl+p`` then PageDown within ~50 ms raises ``KeyError`` in
    ``OptionList._move_page``, ``Enter Enter`` raises ``ScreenStackError``, and a search started by a key
    typed as the palette closes fails to find its list: each of them ends the app."""

    def _action_command_list(self, action: str) -> None:
        # Paging reads the list's line map, which is only built once the list has a size.
        if action.startswith("page_") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)

    def dismiss(self, result: None = None) -> AwaitComplete:
        # A second Enter, already on its way to the input, dismisses a palette that is gone.
        if not self.is_current:
            return AwaitComplete()
        return super().dismiss(result)

    def run_worker(self, work: WorkType[ResultType], name: str | None = "", group: str = "default",
                   description: str = "", exit_on_error: bool = True, start: bool = True, exclusive: bool = False,
                   thread: bool = False) -> Worker[ResultType]:
        # The palette's search worker may still start after it was dismissed: let it fail quietly
        # (Textual logs it) rather than take the app down.
        return super().run_worker(work, name, group, description, False, start, exclusive, thread)
