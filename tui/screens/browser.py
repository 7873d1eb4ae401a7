"""The main screen: the briefing's panes, a row of their names over them, and where the reader is in them.

Only the first pane is built before the first frame, which keeps start-up close to that of an
empty app. The others are built one at a time in idle moments after it (and their rows measured),
so that a first visit to a pane is a swap like any other; a pane asked for before its turn is built
there and then. A language switch redraws what is on show; hidden panes, and screens not on show,
catch up in idle moments or, at the latest, before they are shown again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Header

from ..app_access import briefing_app
from ..model import Briefing, Item, Language
from ..panes import PANE_IDS, PANES, pane_of_section
from ..sections import header_text, pane_name
from ..session import Location
from ..widgets.browser_pane import BrowserPane
from ..widgets.detail import DetailView, SettledSize
from ..widgets.key_hints import KeyHints
from ..widgets.pane_tabs import PaneTabs
from ..widgets.source_view import SourceView


class PaneBox(SettledSize, Container):
    """Holds one pane in the switcher; its size, found when it is first shown, asks for no second layout."""


IDLE_DELAY = 0.1  # seconds between two steps of idle work (each builds, measures or redraws one pane)


class BrowserScreen(Screen):
    """Panes 1–7 over the briefing; each list pane keeps its own selection and scroll."""

    DEFAULT_CSS = """
    BrowserScreen ContentSwitcher { height: 1fr; }
    BrowserScreen ContentSwitcher > .pane { height: 1fr; }
    """
    # The first focus goes where focus_pane puts it (only the first pane is built at compose), not to
    # the first focusable widget (the meeting card's scroll): a second focus, its blur and restyle
    # would cost the first screen a tenth of its work.
    AUTO_FOCUS = "ItemList, SourceView"

    def __init__(self, briefing: Briefing, initial: str = PANES[0].id, **kwargs) -> None:
        super().__init__(**kwargs)
        self.briefing = briefing
        self.initial = initial
        self._building: dict[str, AwaitMount] = {}
        self._panes: dict[str, Widget] = {}  # the panes built so far, by id
        self._watching = False
        self._idle_timer: Timer | None = None
        self.shown_language: Language | None = None  # the language of the titles and tabs

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneTabs(self._labels(briefing_app(self.app).language), self.initial)
        with ContentSwitcher(initial=self.initial):
            for spec in PANES:
                with PaneBox(id=spec.id, classes="pane"):
                    if spec.id == self.initial:
                        yield self._build(spec.id)
        yield KeyHints()

    def _build(self, pane_id: str) -> Widget:
        pane: Widget
        if pane_id == "source":
            pane = SourceView(self.briefing, id="source-view")
        else:
            pane = BrowserPane(next(p for p in PANES if p.id == pane_id), self.briefing, id=f"pane-{pane_id}")
        self._panes[pane_id] = pane
        return pane

    async def ensure_pane(self, pane_id: str) -> None:
        """Build a pane the first time it is needed (once, however many ask for it while it is being built)."""
        tab_pane = self.switcher.get_child_by_id(pane_id)
        if not tab_pane.children and pane_id not in self._building:
            self._building[pane_id] = tab_pane.mount(self._build(pane_id))
        if building := self._building.get(pane_id):
            try:
                await building
            finally:
                self._building.pop(pane_id, None)

    async def show_briefing(self, briefing: Briefing, pane_id: str) -> None:
        """Show another version of the briefing (an author's edit), on ``pane_id``."""
        self.briefing, self.initial = briefing, pane_id
        self._building.clear()
        self._panes.clear()
        await self.recompose()
        self.on_mount()

    def on_mount(self) -> None:
        self.show_titles(briefing_app(self.app).language)
        self.set_tab_labels(briefing_app(self.app).language)
        self.shown_language = briefing_app(self.app).language
        self.focus_pane()
        if not self._watching:  # a reload recomposes and mounts again; one watch is enough
            self._watching = True
            self.watch(self.app, "language", self.show_language, init=False)
            self.app.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self.call_after_refresh(self._idle_work_later)  # after the first frame, never before it

    # -- idle work ----------------------------------------------------------------------

    def _idle_work_later(self) -> None:
        if self._idle_timer is None and self.is_attached:
            self._idle_timer = self.set_timer(IDLE_DELAY, self._idle_work, name="idle panes")

    def _busy(self) -> bool:
        """A key or a message is waiting, or another screen is on show: idle work would delay it."""
        return bool(self.app.message_queue_size or self.message_queue_size or not self.is_current)

    async def _idle_work(self) -> None:
        """One step: build a pane not built yet, or bring a hidden pane up to date (language, row measures)."""
        self._idle_timer = None
        if self._busy():
            if self.is_current:
                self._idle_work_later()
            return  # a screen put away resumes its idle work when it is shown again
        language, size = briefing_app(self.app).language, self._list_size()
        pane_id = self._wanting_idle_work(language, size)
        if pane_id is None:
            return
        pane = self._panes.get(pane_id)
        if pane is None:
            await self.ensure_pane(pane_id)
        elif isinstance(pane, BrowserPane):
            pane.prepare(language, size)
        self._idle_work_later()

    @property
    def idle_work_pending(self) -> bool:
        """Whether idle work is still to come (benchmarks wait for it, as a reader who pauses would)."""
        if self._idle_timer is not None or self._building:
            return True
        return self._wanting_idle_work(briefing_app(self.app).language, self._list_size()) is not None

    def _list_size(self) -> Size | None:
        """The size of the list on show: hidden lists will have it (the same width), so are measured at it."""
        shown = self.visible_pane
        return shown.item_list.size if shown is not None and shown.item_list.size.width else None

    def _wanting_idle_work(self, language: Language, size: Size | None) -> str | None:
        """The first hidden pane, in key order, not built yet or behind (see ``BrowserPane.needs_idle_work``)."""
        for pane_id in PANE_IDS:
            pane = self._panes.get(pane_id)
            if pane_id == self.active_pane or pane_id in self._building:
                continue
            if pane is None or (isinstance(pane, BrowserPane) and pane.is_mounted
                                and pane.needs_idle_work(language, measure=size is not None)):
                return pane_id
        return None

    def _screen_changed(self, screen: Screen) -> None:
        # A language chosen while this screen was put away (another briefing of the library, a search,
        # a detail screen over it) is caught up as it comes back: before the frame that shows it, which
        # Textual draws before the screen hears that it is resumed.
        if screen is self:
            if self.shown_language != briefing_app(self.app).language:
                self._show_language(briefing_app(self.app).language)
            self._idle_work_later()

    def on_unmount(self) -> None:
        self.app.screen_change_signal.unsubscribe(self)

    def show_titles(self, language: Language) -> None:
        """The header: the meeting's title, its date and place."""
        self.title, self.sub_title = header_text(self.briefing.meeting, language)

    async def on_pane_tabs_chosen(self, event: PaneTabs.Chosen) -> None:
        await briefing_app(self.app).action_show_pane(event.pane_id)

    @property
    def tabs(self) -> PaneTabs:
        return self.query_one(PaneTabs)

    @property
    def switcher(self) -> ContentSwitcher:
        return self.query_one(ContentSwitcher)

    @property
    def active_pane(self) -> str:
        return self.switcher.current or self.initial

    def pane(self, pane_id: str) -> BrowserPane:
        pane = self._panes.get(pane_id)
        if not isinstance(pane, BrowserPane):
            raise NoMatches(f"No pane {pane_id!r} built")
        return pane

    @property
    def visible_pane(self) -> BrowserPane | None:
        """The list pane on show; None on the Source pane.

        Asked for by every key's hints (through the app's check_action): a look-up, not a query of the
        DOM, which with every pane built cost a few milliseconds a call."""
        pane = self._panes.get(self.active_pane)
        return pane if isinstance(pane, BrowserPane) else None

    def lists(self, item_id: str) -> bool:
        """Whether the pane on show lists ``item_id``."""
        return self.visible_pane is not None and pane_of_section(self.briefing.section_of(item_id)) == self.active_pane

    @property
    def source_view(self) -> SourceView:
        return self.query_one(SourceView)

    def _labels(self, language: Language) -> dict[str, str]:
        return {spec.id: f"{spec.key} {pane_name(spec.id, spec.name, self.briefing, language)}" for spec in PANES}

    def set_tab_labels(self, language: Language) -> None:
        self.tabs.set_labels(self._labels(language))

    def show_language(self, language: Language) -> None:
        """Redraw the titles, the tabs and the visible pane; hidden panes catch up in idle moments, or
        when shown. A screen not on show waits until it is shown again (``_screen_changed``)."""
        if self.is_current:
            self._show_language(language)

    def _show_language(self, language: Language) -> None:
        self.shown_language = language
        self.show_titles(language)
        self.set_tab_labels(language)
        if pane := self.visible_pane:
            pane.show(language)
        source = self._panes.get("source")
        if isinstance(source, SourceView) and source.is_mounted:
            source.show_facts(language)
        self._idle_work_later()

    async def show_pane(self, pane_id: str) -> None:
        await self.ensure_pane(pane_id)
        pane = self._panes[pane_id]
        if isinstance(pane, BrowserPane):  # before the swap: its first frame is in the current language
            pane.catch_up(briefing_app(self.app).language)
        self.switcher.current = self.tabs.active = pane_id
        self.focus_pane()
        briefing_app(self.app).remember(pane=pane_id)

    async def step_pane(self, delta: int) -> None:
        index = PANE_IDS.index(self.active_pane)
        await self.show_pane(PANE_IDS[(index + delta) % len(PANE_IDS)])

    def focus_pane(self, at_once: bool = False) -> None:
        """Give the keys to the pane on show: by Widget.focus, which the frame of a pane switch takes in
        its stride, or ``at_once`` (a focus change of its own, ~30 ms), so that a key typed with this one
        (Esc Esc) finds the focus where this one left it."""
        if target := self._focus_target():
            self.set_focus(target) if at_once else target.focus()

    def _focus_target(self) -> Widget | None:
        """Where the keys go in the pane on show: its list, or the source text."""
        if self.active_pane == "source":
            return next(self.query(SourceView).results(), None)
        pane = self.visible_pane
        return pane.item_list if pane else None

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Focus ``widget``, unless it lies in a pane that is no longer on show: then the pane on show.

        Keys that switch panes faster than the screen redraws would otherwise leave the focus behind: a list
        hidden while focused hands the focus to its neighbour, the detail of that hidden pane, where list
        keys do nothing."""
        if widget is not None and not self._in_pane_on_show(widget):
            widget = self._focus_target()
        super().set_focus(widget, scroll_visible, from_app_focus)

    def _in_pane_on_show(self, widget: Widget) -> bool:
        pane = next((node for node in widget.ancestors_with_self if node.has_class("pane")), None)
        return pane is None or pane.id == self.active_pane

    def current_item(self) -> Item | None:
        pane = self.visible_pane
        item_id = pane.item_list.selected_id if pane else None
        return self.briefing.by_id().get(item_id) if item_id else None

    @property
    def detail_has_focus(self) -> bool:
        """Focus is in the detail beside the list (the view itself or its related items)."""
        return self.focused is not None and any(isinstance(n, DetailView) for n in self.focused.ancestors_with_self)

    def location(self) -> Location:
        item = self.current_item()
        return Location(self.active_pane, item.id if item else None, self.detail_has_focus)

    async def go_to(self, item_id: str) -> BrowserPane:
        """Switch to the pane that lists ``item_id`` and select it there."""
        pane_id = pane_of_section(self.briefing.section_of(item_id))
        await self.show_pane(pane_id)
        pane = self.pane(pane_id)
        pane.select(item_id)
        return pane

    def focus_detail(self) -> None:
        """Move focus into the visible detail: its related list if it has one."""
        pane = self.visible_pane
        if pane is None:
            return
        detail = pane.detail
        related = detail.query_one("#related")
        (related if related.display else detail).focus(scroll_visible=False)
