"""BriefingApp: wires the screens, the keys and the commands of the briefing browser.

Start-up is kept lean: screens other than the browser, the command providers and
the search engine's heavy dependencies are imported when first used.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.events import Event, Key, Resize, Unmount
from textual.timer import Timer
from textual.widgets import Input

from .app_authoring import Authoring
from .app_library import LibraryActions
from .app_search import SearchActions
from .app_state import LIBRARY, WIDE
from .bulk import start_done
from .cache import load_briefing_cached
from .config import PreferenceStore, config_path, startup_notices
from .content_text import BriefingError
from .i18n import LANGUAGE_NAMES, language_from_env, localize, next_language, ui
from .model import Briefing, Item, Language
from .panes import PANE_IDS, PANES
from .paths import default_briefing
from .screens.browser import BrowserScreen
from .screens.detail_screen import DetailScreen
from .screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallScreen
from .sections import present_sections
from .session import BriefingSession, Location
from .themes import DEFAULT_THEME, load_themes
from .widgets.browser_pane import BrowserPane
from .widgets.detail import DetailView

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .library import LibraryEntry, LibraryIndex


def _item_commands():
    from .commands import ItemCommands

    return ItemCommands


def _pane_commands():
    from .commands import PaneCommands

    return PaneCommands


def _briefing_commands():
    from .commands import BriefingCommands

    return BriefingCommands


# What only makes sense inside a briefing: in the library these keys do nothing and are not offered.
_BRIEFING_ACTIONS = {"show_pane", "previous_pane", "next_pane", "next_hit", "previous_hit", "show_source",
                     "copy_item", "reload", "back"}


def _key_name(name: str) -> str:
    """Textual's name for a key an Alt came with: ``shift+a`` is ``A`` typed alone."""
    shifted = name.removeprefix("shift+")
    return shifted.upper() if shifted != name and len(shifted) == 1 else name


class BriefingApp(SearchActions, LibraryActions, Authoring):
    """Browse a briefing: ``BriefingApp()`` opens the bundled one; pass a path or a Briefing for another,
    or ``library=[paths]`` for a library of briefings to choose from.

    What is app-wide (language, theme, preferences, keymap, help) lives here; what belongs to one open
    briefing lives in its ``BriefingSession``, shown in a screen stack (a Textual mode) of its own, so
    each briefing of a library keeps its place while the reader moves between them. Here: the screens,
    keys, preferences and moving around in a briefing; search, the library and reloading are parts of
    their own (``app_search``, ``app_library``, ``app_authoring``) over the shared ``app_state``."""

    COMMANDS = App.COMMANDS | {_item_commands, _pane_commands, _briefing_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]

    BINDINGS = [
        *(Binding(p.key, f"show_pane('{p.id}')", p.name, show=False, id=f"pane.{p.id}") for p in PANES),
        Binding("escape", "back", "Back", id="back"),
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "next_hit", "Next hit", show=False, id="search.next"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="search.previous"),
        Binding("t", "cycle_language", "Language", id="language"),
        Binding("s", "show_source", "In source", id="show-source"),
        Binding("y", "copy_item", "Copy", id="copy"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="reload"),
        Binding("0", "show_library", "Library", show=False, id="library"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        # Textual's own palette key, declared here so that the help lists it and a keymap may move it.
        Binding("ctrl+p", "command_palette", "Find an item, a pane or a briefing", show=False, priority=True,
                id="command-palette"),
        Binding("q,ctrl+q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, briefing: Briefing | str | Path | None = None, *, library: Sequence[Path] | None = None,
                 language: Language | None = None, theme_name: str | None = None, config: Path | None = None,
                 cache_key: str | None = None, persist: bool = True, watch: bool = False) -> None:
        """Command-line choices (``language``, ``theme_name``) win over the saved preferences.

        A path (or nothing, for the bundled briefing) is loaded through the cache; an invalid file
        raises ``BriefingError``. ``cache_key`` names the cached search index of a given Briefing.
        ``persist=False`` keeps preferences in memory only: no config file is read or written.
        ``watch=True`` reloads the briefing whenever its file or source text changes (for authors).
        ``library`` lists briefing files; they are read (through the cache) as far as the list needs."""
        if library is not None:
            # The app starts on the library (set before Textual sets up its modes, for this app only).
            self.DEFAULT_MODE = LIBRARY  # type: ignore[misc]
        super().__init__()
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            # A reader jumping between panes wants the pane now: an animation costs more CPU than
            # drawing the pane (set TEXTUAL_ANIMATIONS=full to have animations back).
            self.animation_level = "none"
        self.library: list[LibraryEntry] | None = None
        self.sessions: dict[int, BriefingSession] = {}  # by position in the library
        self.session: BriefingSession | None = None  # the briefing on show, or last shown over the library
        self._library_index: LibraryIndex | None = None
        if library is not None:
            from .library import read_library

            self.library = read_library(list(library))
            self.add_mode(LIBRARY, self._library_screen)
        else:
            if not isinstance(briefing, Briefing):
                briefing, errors, cache_key = load_briefing_cached(briefing or default_briefing())
                if briefing is None:
                    raise BriefingError(errors)
            self.session = BriefingSession(briefing, cache_key)
        self.watch_files = watch
        self.quitting = False
        from_env = language_from_env()
        # The language LANG gives is not a choice: choosing it again forgets the saved one.
        self.store = PreferenceStore((config or config_path()) if persist else None, defaults={"language": from_env})
        self._save_timer: Timer | None = None
        preferences = self.store.preferences
        self.set_reactive(BriefingApp.language, language or preferences.language or from_env)
        themes, self._theme_errors = load_themes()
        for theme in themes:
            self.register_theme(theme)
        self.initial_pane = preferences.pane if preferences.pane in PANE_IDS else PANES[0].id
        initial_theme = self._initial_theme(theme_name)
        self.store.in_effect.update(language=self.language, theme=initial_theme, pane=self.initial_pane)
        self.theme = initial_theme

    def _initial_theme(self, requested: str | None) -> str:
        saved = self.store.preferences.theme
        if requested in self.available_themes:
            return requested
        if saved in self.available_themes:
            return saved
        if saved:
            self.store.problem("theme", f"unknown theme {saved!r}; using {DEFAULT_THEME}")
        return DEFAULT_THEME

    # -- screens ------------------------------------------------------------------------

    def get_default_screen(self) -> BrowserScreen:
        return self._browser_for(self.briefing)

    def _browser_for(self, briefing: Briefing) -> BrowserScreen:
        """A briefing's screen, on the pane last chosen (in any briefing), unless this one has nothing there."""
        pane = self.store.in_effect.get("pane", self.initial_pane)
        sections = next(spec.sections for spec in PANES if spec.id == pane)
        if sections and not present_sections(briefing, sections):
            pane = next(spec.id for spec in PANES if not spec.sections or present_sections(briefing, spec.sections))
        return BrowserScreen(briefing, initial=pane)

    def on_mount(self) -> None:
        self.call_after_refresh(self._first_screen_drawn)
        self.title = ui("Library", self.language) if self.library is not None else ""
        self._fit_to(self.size.width, self.size.height)
        if self.store.preferences.keymap:
            self.set_keymap(self._checked_keymap(self.store.preferences.keymap))
        for notice in startup_notices(self.store.problems, self._theme_errors):
            self.notify(notice, severity="warning", markup=False, timeout=10)
        if self.watch_files and self.session and self.briefing.path:
            from .watch import FileWatch, watched_paths

            self._file_watch = FileWatch(watched_paths(self.briefing))
            self.set_interval(1.0, self._reload_if_changed)
            self._say_what_is_left(reloaded=False)

    def _first_screen_drawn(self) -> None:
        # The briefing command paused the collector for start-up (see tui.bulk): resume it now.
        start_done()
        # The full index reads search's Chinese tables and, at 10,000 items, takes seconds: build it
        # only once the first screen is drawn, and off the UI thread.
        self._build_index()

    async def on_event(self, event: Event) -> None:
        # A terminal sends Alt+J as Esc then J; Textual reads an Esc with a key typed within ~100 ms after
        # it the same way, and both keys were lost (or the J went into a box that the Esc should have
        # closed). The app binds no Alt key, so an alt+ key is taken as the two keys typed.
        if isinstance(event, Key) and not event.is_forwarded and event.key.startswith("alt+") and event.character:
            await super().on_event(Key("escape", "\x1b"))
            await super().on_event(Key(_key_name(event.key.removeprefix("alt+")), event.character))
            return
        await super().on_event(event)

    def on_key(self, event: Key) -> None:
        """A character that comes back to the app while a text box has the keys was typed before the box
        had them: with the / that opened search or the f that went to the filter, Textual delivered it to
        the widget focused then, and it would be lost (or taken as a command). It goes into the box.
        While keys are held (see ``hold_keys``), every key waits instead."""
        box = self.focused
        if self.held_keys is not None:  # before App's own handler, so before any binding acts on it
            self.hold_key(event)
        elif isinstance(box, Input) and event.is_printable and event.character:
            event.prevent_default()  # not App's own handler: no binding acts on it
            box.insert_text_at_cursor(event.character)

    def _checked_keymap(self, keymap: dict[str, str]) -> dict[str, str]:
        """The usable entries of the keymap; each bad one is a problem naming its line."""
        from .keymap import check_keymap

        usable, problems = check_keymap(keymap, self.all_bindings())
        for binding_id, message in problems:
            self.store.problem(f"keymap.{binding_id}", message)
        return usable

    # -- preferences --------------------------------------------------------------------

    SAVE_DELAY = 1.0  # seconds of quiet before a change is written: holding a key writes once

    def remember(self, **changes: str) -> None:
        """Note a preference the reader just chose; it is saved after SAVE_DELAY, and on exit."""
        if not any([self.store.choose(key, value) for key, value in changes.items()]):  # a list: note each one
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(self.SAVE_DELAY, self._save_in_background)

    def flush_preferences(self) -> None:
        """Write the pending preferences now; warn once if they cannot be saved."""
        problem = self.store.save()
        if problem:
            self.notify(problem, severity="warning", markup=False, timeout=8)

    @work(thread=True, group="preferences", exit_on_error=False)
    def _save_in_background(self) -> None:
        # Off the UI thread: the first save reads and writes config.yaml through ruamel.yaml, which
        # is ~80 ms to import, and would hold up whatever key the reader pressed next.
        problem = self.store.save()
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning", markup=False, timeout=8)

    @on(Unmount)
    def _save_preferences_on_exit(self) -> None:
        self.store.save(durable=True)  # a quit right after a change still keeps it

    def watch_theme(self, theme_name: str) -> None:
        self.remember(theme=theme_name)

    @property
    def persist(self) -> bool:
        """Whether preferences are kept in a file (not in a served session)."""
        return self.store.path is not None

    def is_known_theme(self, name: str) -> bool:
        return name in self.available_themes

    def theme_names(self) -> list[str]:
        return sorted(self.available_themes)

    def on_resize(self, event: Resize) -> None:
        self._fit_to(event.size.width, event.size.height)
        if event.size.width < WIDE and self.browsing and self.screen is self.browser and self.browser.detail_has_focus:
            self.browser.focus_pane()  # the detail beside the list is hidden when narrow: the keys go to the list
        elif event.size.width >= WIDE and isinstance(self.screen, DetailScreen):
            # Wide again: the detail goes back beside its list, as it opens at this width.
            item_id = self.screen.item.id
            self._close_details()
            if self.browser.lists(item_id):  # (``wide`` still has the old size while this is handled)
                self.browser.focus_detail()

    def _fit_to(self, width: int, height: int) -> None:
        """Say the terminal is too small, rather than draw garbage, below MIN_WIDTH×MIN_HEIGHT."""
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not too_small:
            self.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether an app key can act now. False also hides its hint: the footer offers only what works.

        Keys typed with (or after) a quit find the app taking its screens down: they do nothing.
        While the terminal is too small only quitting works (nothing may open behind the message).
        s and y need an item to act on (none on the Source pane)."""
        if self.quitting:
            return False
        if isinstance(self.screen, TooSmallScreen):
            return action == "quit"
        if action == "show_library":
            return self.library is not None and not self.in_library
        if self.in_library and action in _BRIEFING_ACTIONS:
            return False
        if action in ("show_source", "copy_item"):
            return self._has_selected_item()
        return True

    def _has_selected_item(self) -> bool:
        try:
            return self.selected_item() is not None
        except (IndexError, NoMatches):  # between screens, or a pane not built yet: nothing to act on
            return False

    def exit(self, result: object = None, return_code: int = 0, message: RenderableType | None = None) -> None:
        self.quitting = True
        super().exit(result, return_code, message)

    # Every palette the app opens is the guarded one (see ``commands.Palette``): ctrl+p, and the
    # theme list that Textual's "Change theme" command opens.
    def action_command_palette(self) -> None:
        from .commands import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from .commands import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    # -- language -----------------------------------------------------------------------

    def watch_language(self) -> None:
        """Screens and widgets follow ``language`` themselves; the app keeps the choice and says it."""
        self.remember(language=self.language)
        if self.library is not None:
            self.title = ui("Library", self.language)
        self.refresh_bindings()  # the key hints follow the language
        self.notify(ui("Language: {name}", self.language).format(name=LANGUAGE_NAMES[self.language]), timeout=1.5)

    def action_cycle_language(self) -> None:
        self.language = next_language(self.language)

    # -- moving around ------------------------------------------------------------------

    def selected_item(self) -> Item | None:
        """The item the reader is on: the open detail's, else the list selection."""
        return self.screen.item if isinstance(self.screen, DetailScreen) else self.browser.current_item()

    async def action_show_pane(self, pane_id: str) -> None:
        if self.quitting:  # the command palette calls this directly, not through a key
            return
        self._close_details()
        await self.browser.show_pane(pane_id)

    async def action_previous_pane(self) -> None:
        await self.browser.step_pane(-1)

    async def action_next_pane(self) -> None:
        await self.browser.step_pane(+1)

    @property
    def browsing(self) -> bool:
        """The reader is in a briefing or a detail over it (no search, help or palette on top), and staying.

        Messages and callbacks come after the keys that caused them: by then the reader may have moved
        on (or quit), and what they ask for no longer applies."""
        if self.quitting or self.in_library:
            return False
        return self.screen is self.browser or isinstance(self.screen, DetailScreen)

    @on(BrowserPane.Opened)
    def open_detail(self, event: BrowserPane.Opened) -> None:
        if self.browsing and self.screen is self.browser:
            self.open_item_detail(event.item_id)

    def open_item_detail(self, item_id: str, via_link: bool = False) -> None:
        """The detail of an item selected in the visible pane: beside the list, or a screen of its own.

        Nothing happens if that pane no longer lists the item (the reader switched panes meanwhile)."""
        if not self.browser.lists(item_id):
            return
        if self.wide:
            self.browser.focus_detail()
        else:
            item = self.briefing.by_id()[item_id]
            self.push_screen(DetailScreen(self.briefing, item, via_link=via_link))

    async def open_item(self, item_id: str, via_link: bool = False) -> None:
        """Jump to an item: its pane, selected, its detail open; Esc comes back."""
        if not self.browsing:
            return
        self.history.append(self.current_location())
        self._close_details()
        await self.browser.go_to(item_id)
        self.open_item_detail(item_id, via_link=via_link)

    @on(DetailView.Follow)
    async def follow(self, event: DetailView.Follow) -> None:
        """Follow a related item, remembering where we came from."""
        if not self.browsing:
            return
        if self.wide:
            self.history.append(self.current_location())
            await self.browser.go_to(event.item_id)
        else:
            await self.open_item(event.item_id, via_link=True)

    async def go_back_to(self, location: Location) -> None:
        self._close_details()
        await self.browser.show_pane(location.pane)
        if location.item_id:
            self.browser.pane(location.pane).select(location.item_id)
            if location.detail_open:
                self.open_item_detail(location.item_id, via_link=location.via_link)

    async def action_back(self) -> None:
        """Esc: detail → list; a followed link or a jump → where it came from."""
        screen = self.screen
        if isinstance(screen, DetailScreen):
            if screen.via_link and self.history:
                await self.go_back_to(self.history.pop())
            else:
                self.pop_screen()
            return
        if self.browser.detail_has_focus:
            self.browser.focus_pane(at_once=True)
        elif self.history:
            await self.go_back_to(self.history.pop())
        elif self.library is not None:
            await self.action_show_library()

    async def action_show_source(self) -> None:
        """Show the selected item's quote in the Source pane, highlighted."""
        item = self.selected_item()
        if item is None:
            return
        self.history.append(self.current_location())
        self._close_details()
        await self.browser.show_pane("source")
        self.browser.source_view.highlight(item.quote.start, item.quote.end)

    def action_copy_item(self) -> None:
        """Copy the item (text in the current language and its source quote) with OSC 52."""
        item = self.selected_item()
        if item is None:
            return
        self.copy_to_clipboard(
            f"{localize(item.title, self.language)}\n{localize(item.text, self.language)}\n\n「{item.quote.text}」"
        )
        title = localize(item.title, self.language)
        self.notify(ui("Copied: {title}", self.language).format(title=title), markup=False)

    def action_help(self) -> None:
        from .screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.all_bindings(), dict(self._keymap)))

    @staticmethod
    def all_bindings() -> list:
        """Every binding the app defines, with where it applies."""
        from .screens.help_screen import HelpScreen
        from .screens.library_screen import LibraryScreen
        from .screens.search_screen import SearchScreen
        from .widgets.item_list import ItemList
        from .widgets.library_list import LibraryList
        from .widgets.source_view import SourceView

        rows = [("everywhere", b) for b in BriefingApp.BINDINGS]
        rows += [("lists", b) for b in ItemList.BINDINGS]
        rows += [("source", b) for b in SourceView.BINDINGS]
        rows += [("search", b) for b in SearchScreen.BINDINGS]
        rows += [("help", b) for b in HelpScreen.BINDINGS]
        rows += [("in the library", b) for b in (*LibraryScreen.BINDINGS, *LibraryList.BINDINGS)]
        return rows
