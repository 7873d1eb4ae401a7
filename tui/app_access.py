"""Typed access to the BriefingApp from its screens, widgets and command providers.

Textual types ``node.app`` as a plain ``App``; the briefing's screens read the app's language,
briefing and search through this one cast rather than each ignoring the type checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from textual.app import App

    from .app import BriefingApp


def briefing_app(app: App) -> BriefingApp:
    return cast("BriefingApp", app)
