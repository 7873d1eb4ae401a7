"""The search box: an Input that never holds a character that could drive the terminal, whose
typing lays nothing out again, and which keeps the keys typed after the one that closes it.

Typed and pasted text (a paste from a web page can carry bidi overrides or ESC) is
cleaned exactly as the loader cleans content, so the query shown, searched and quoted
back in the status line is safe to draw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import events
from textual.geometry import Size
from textual.widgets import Input

from ..content_text import sanitise


class SearchBox(Input):
    """``ends``: the keys that may close the box, each with what its owner does then (Enter: choose,
    Esc: close), done at once as the box takes the key. Keys typed together with it still reach the
    box (or come back to the app for it) until its screen is gone, and would be taken as text or
    commands; so once the owner closes, the box ``hold``s them, to ``release`` them when its screen is
    gone (to the app) or if it stays open (to itself), in the order they were typed."""

    ends: Mapping[str, Callable[[], object]] = {}
    _held: list[events.Key] | None = None

    @property
    def holding(self) -> bool:
        return self._held is not None

    def hold(self, event: events.Key | None = None) -> None:
        """Hold the keys from now on (and ``event``, a key that came to the app for the box)."""
        if self._held is None:
            self._held = []
        if event is not None:
            self._held.append(events.Key(event.key, event.character))

    async def _on_key(self, event: events.Key) -> None:
        if self.holding:
            event.stop()
            event.prevent_default()
            self.hold(event)
        elif event.key in self.ends:
            # Now, not when the key has come back to the app for its binding: the keys queued
            # behind it would be taken as text first.
            event.stop()
            event.prevent_default()
            self.ends[event.key]()
        else:
            await super()._on_key(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Held keys include those bound here (backspace, arrows): they act when given back, in order.
        return not self.holding and super().check_action(action, parameters)

    async def action_submit(self) -> None:
        # An Enter that came back to the app (typed with the keys that opened the box) submits here.
        if "enter" in self.ends:
            self.ends["enter"]()
        else:
            await super().action_submit()

    def release(self) -> None:
        """Give the keys held back: to the box if it still has the keys, else to the app."""
        held, self._held = self._held or [], None
        target = self if self.has_focus and self.screen.is_current else self.app
        for key in held:
            target.post_message(key)

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
