"""The panes of the browser: their keys, names and which briefing lists they show."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PaneSpec:
    id: str
    key: str
    name: str  # English UI word; see i18n.ui
    sections: tuple[str, ...]  # briefing lists shown, in order (titled as tui.sections says)


PANES: tuple[PaneSpec, ...] = (
    PaneSpec("overview", "1", "Overview", ("overview",)),
    PaneSpec("achievements", "2", "Achievements", ("achievements",)),
    PaneSpec("actions", "3", "Actions", ("actions", "innovations")),
    PaneSpec("targets", "4", "Targets", ("targets",)),
    PaneSpec("awardees", "5", "Awards & speakers", ("awards", "speakers")),
    PaneSpec("source", "6", "Source", ()),
    PaneSpec("glossary", "7", "Glossary", ("glossary",)),
)
PANE_IDS = tuple(p.id for p in PANES)


def pane_of_section(section: str) -> str:
    """The pane that lists items of a briefing section."""
    return next(p.id for p in PANES if section in p.sections)
