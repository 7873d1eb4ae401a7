"""Where the bundled briefing and themes live, installed or in a checkout.

A wheel carries ``content/`` and ``themes/`` inside the package as ``tui/_bundled``;
a source checkout (or an editable install) has them beside ``tui/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DEFAULT_BRIEFING = "guizhou-2023.yaml"


def bundled_dir(name: str) -> Path:
    """The bundled ``content`` or ``themes`` directory."""
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def default_briefing() -> Path:
    return bundled_dir("content") / DEFAULT_BRIEFING
