"""The main screen: the briefing's panes, a row of their names over them, and where the reader is in them.

Only the first pane is built before the first frame; each other pane is built the
first time it is shown, which keeps start-up close to that of an empty app.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher, Header

from ..app_access import briefing_app
from ..model import Briefing, Item, Language
from ..panes import PANE_IDS, PANES, pane_of_section
from ..sections import header_text, pane_name
from ..session import Location
from ..widgets.browser_pane import BrowserPane
from ..widgets.detail import DetailView
from ..widgets.key_hints import KeyHints
from ..widgets.pane_tabs import PaneTabs
from ..widgets.source_view import SourceView


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
        self._watching = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneTabs(self._labels(briefing_app(self.app).language), self.initial)
        with ContentSwitcher(initial=self.initial):
            for spec in PANES:
                with Container(id=spec.id, classes="pane"):
                    if spec.id == self.initial:
                        yield self._build(spec.id)
        yield KeyHints()

    def _build(self, pane_id: str) -> Widget:
        if pane_id == "source":
            return SourceView(self.briefing, id="source-view")
        spec = next(p for p in PANES if p.id == pane_id)
        return BrowserPane(spec, self.briefing, id=f"pane-{pane_id}")

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
        await self.recompose()
        self.on_mount()

    def on_mount(self) -> None:
        self.show_titles(briefing_app(self.app).language)
        self.set_tab_labels(briefing_app(self.app).language)
        self.focus_pane()
        if not self._watching:  # a reload recomposes and mounts again; one watch is enough
            self._watching = True
            self.watch(self.app, "language", self.show_language, init=False)

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
        return self.query_one(f"#pane-{pane_id}", BrowserPane)

    @property
    def visible_pane(self) -> BrowserPane | None:
        """The list pane on show; None on the Source pane."""
        found = self.query(f"#pane-{self.active_pane}").results(BrowserPane)
        return next(found, None)

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
        """Redraw the tabs and the visible pane; hidden panes redraw when next shown."""
        self.show_titles(language)
        self.set_tab_labels(language)
        if pane := self.visible_pane:
            pane.show(language)
        for source_view in self.query(SourceView):
            source_view.show_facts(language)

    async def show_pane(self, pane_id: str) -> None:
        await self.ensure_pane(pane_id)
        self.switcher.current = self.tabs.active = pane_id
        self.focus_pane()
        briefing_app(self.app).remember(pane=pane_id)

    async def step_pane(self, delta: int) -> None:
        index = PANE_IDS.index(self.active_pane)
        await self.show_pane(PANE_IDS[(index + delta) % len(PANE_IDS)])

    def focus_pane(self) -> None:
        if target := self._focus_target():
            target.focus()

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
