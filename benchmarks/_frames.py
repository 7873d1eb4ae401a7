"""When frames are drawn: a hook on ``App._display`` shared by the start-up and key-latency benchmarks.

Headless Textual computes every frame but never turns it into terminal output; the hook does that
conversion too (as a real terminal session would pay for it) and records the wall time of each frame.
"""

from __future__ import annotations

import time

frames: list[float] = []  # time.time() of every frame drawn, in order


def install() -> None:
    """Record every frame any app in this process draws (call before the app starts)."""
    from textual._compositor import CompositorUpdate
    from textual.app import App

    original = App._display

    def _display(self, screen, renderable) -> None:
        original(self, screen, renderable)
        if renderable is not None and not self._batch_count:
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(self.console)
            frames.append(time.time())

    App._display = _display  # type: ignore[method-assign]


def last_frame() -> float:
    return frames[-1] if frames else 0.0
