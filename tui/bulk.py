"""Building many objects at once without the garbage collector's passes.

Reading a large briefing (YAML nodes, then the model) or unpickling it from the cache makes hundreds
of thousands of objects and no garbage cycles; meanwhile the collector runs again and again over
everything made so far, which makes loading grow faster than the file (the 10,000-item briefing:
``yaml.compose`` 3.0 s with it, 0.9 s without). Starting the app is the same kind of work: the
imports, the briefing and the first screen leave some 65,000 objects for the collector to track, and
its passes over them while they are made (150, a full one among them) cost 80-200 ms. Imports nothing from Textual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_starting = False  # the collector is paused for start-up (``pause_for_start``) and not yet resumed


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection for the block (or the decorated function), then restore it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pause_for_start() -> None:
    """Pause automatic garbage collection until ``start_done``: for a process about to start the app."""
    global _starting
    if gc.isenabled():
        gc.disable()
        _starting = True


def start_done(freeze: bool = True) -> None:
    """Start-up is over: collect again, leaving what start-up made (modules, classes, the briefing, the
    first screen; nearly all of it kept for the life of the process) out of every later pass, so that
    no full pass over it stalls a key. The price: the garbage cycles start-up left (about 3,000 of the
    bundled briefing's 65,000 objects) are never freed. With a 10,000-item briefing, a hundred keys
    across its panes cost 0.8 s of full passes (the longest 0.15-0.23 s) instead of 1.7-2.5 s (the
    longest 0.5-0.6 s). ``freeze=False``: start-up failed, nothing it made is worth keeping. Does
    nothing unless ``pause_for_start`` paused the collector."""
    global _starting
    if _starting:
        _starting = False
        if freeze:
            gc.freeze()
        gc.enable()
