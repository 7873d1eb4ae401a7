"""The search box: an Input that never holds a character that could drive the terminal, whose
typing lays nothing out again, and which acts on its closing keys as it takes them (the app then
holds the keys typed after them: ``AppState.hold_keys``).

Typed and pasted text (a paste from a web page can carry bidi overrides or ESC) is
cleaned exactly as the loader cleans content, so the query shown, searched and quoted
back in the status line is safe to draw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import events
from textual.geometry import Size
from textual.widgets import Input

from ..app_access import briefing_app
from ..content_text import sanitise


class SearchBox(Input):
    """``ends``: the keys that may close the box, each with what its owner does then (Enter: choose,
    Esc: close), done at once as the box takes the key: were it done when the key came back to the app
    for its binding, the keys queued behind it would be taken as text first. While the app holds keys
    (a closing owner asks it to), those that reach the box are held too, bound ones included."""

    ends: Mapping[str, Callable[[], object]] = {}

    @property
    def holding(self) -> bool:
        return briefing_app(self.app).held_keys is not None

    async def _on_key(self, event: events.Key) -> None:
        if self.holding:
            briefing_app(self.app).hold_key(event)
        elif event.key in self.ends:
            event.stop()
            event.prevent_default()
            self.ends[event.key]()
        else:
            await super()._on_key(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A held key bound here (backspace, arrows) acts when it is given back, in order.
        return not self.holding and super().check_action(action, parameters)

    async def action_submit(self) -> None:
        # An Enter that came back to the app (typed with the keys that opened the box) submits here.
        if "enter" in self.ends:
            self.ends["enter"]()
        else:
            await super().action_submit()

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion (a key, a paste) ends here.
        super().replace(sanitise(text), start, end)

    def _watch_value(self, value: str) -> None:
        # Input gives itself a new virtual size (its text's width, for scrolling it) on every change,
        # and a virtual size is a reactive with layout: a layout of the whole screen for each key,
        # though the box's own size never follows its text. Set it first, without the layout, so
        # that Input's own assignment finds nothing to change; the scrolling follows it as before.
        virtual_size = Size(self.content_width, 1)
        if virtual_size != self.virtual_size:
            self.set_reactive(SearchBox.virtual_size, virtual_size)
            self._scroll_update(virtual_size)
        super()._watch_value(value)
