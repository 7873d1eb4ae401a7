"""Targets drawn, not only listed: a bar per quantitative target on its scale.

A target with a baseline shows both (37% now → at least 40%); targets that share
a ``group`` (the three integration indices) are drawn side by side as columns on
one axis so they can be compared at a glance.
"""

from __future__ import annotations

import math
from itertools import groupby

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ..export import baseline_text, target_text, target_value_text
from ..i18n import localize, ui
from ..model import Briefing, Language, Target

BAR_WIDTH = 30
COLUMN_HEIGHT = 5


def axis_max(targets: list[Target]) -> float:
    """The top of the axis: the target's own scale, else the largest value rounded up to ten."""
    scales = [t.scale for t in targets if t.scale]
    if scales:
        return max(scales)
    return max(10.0, math.ceil(max(t.value or 0 for t in targets) / 10) * 10)


def horizontal_bar(target: Target, scale: float, width: int = BAR_WIDTH) -> Text:
    """``█`` up to the baseline, ``▓`` from baseline to target, ``░`` for the rest of the scale."""
    filled = round(width * (target.value or 0) / scale)
    base = round(width * target.baseline.value / scale) if target.baseline else 0
    base = min(base, filled)
    bar = Text()
    bar.append("█" * base)
    bar.append("▓" * (filled - base), style="bold")
    bar.append("░" * (width - filled))
    return bar


def columns(targets: list[Target], language: Language, height: int = COLUMN_HEIGHT) -> RenderableType:
    """Targets as vertical columns side by side on one axis, numbered, with what each is beside them."""
    scale = axis_max(targets)
    levels = [(t.value or 0) / scale * height for t in targets]
    column_width = 9
    bars = Text()
    bars.append("".join(f"{f'({n}) {t.value:g}':^{column_width}}" for n, t in enumerate(targets, 1)) + "\n",
                style="bold")
    for row in range(height, 0, -1):
        for level in levels:
            cell = "███" if level >= row else ("▄▄▄" if level >= row - 0.5 else "   ")
            bars.append(f"{cell:^{column_width}}", style="bold")
        bars.append(f" {scale * row / height:g}\n" if row in (height, 1) else "\n")
    bars.append("─" * (column_width * len(targets)) + " 0")
    labels = Text("\n").join(
        Text(f"({n}) {localize(t.title, language)}: {target_value_text(t, language)}")
        for n, t in enumerate(targets, 1)
    )
    return Beside(bars, Text("\n").append_text(labels))


class Beside:
    """``left`` with ``right`` beside it where the width allows (so the whole chart fits above the list
    at 120x36), else ``right`` under ``left``."""

    def __init__(self, left: Text, right: Text) -> None:
        self.left, self.right = left, right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gap = 2
        needed = sum(console.measure(part, options=options).maximum for part in (self.left, self.right)) + gap
        if options.max_width < needed:
            yield self.left
            yield self.right
            return
        grid = Table.grid(padding=(0, gap))
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_row(self.left, self.right)
        yield grid


def chart(briefing: Briefing, language: Language) -> RenderableType:
    """Every quantitative target of the briefing, drawn."""
    quantitative = [t for t in briefing.targets if t.kind == "quantitative" and t.value is not None]
    parts: list[RenderableType] = []
    if any(t.baseline for t in quantitative):
        legend = f"█ {ui('Baseline', language)}  ▓ {ui('Target', language)}  ░ {ui('scale', language)}"
        parts.append(Text(legend, style="italic"))
    for group, members in groupby(quantitative, key=lambda t: t.group):
        members = list(members)
        if group:
            parts.append(Text(ui("Integration indices", language) if group == "integration-index" else group,
                              style="bold"))
            parts.append(columns(members, language))
            continue
        for target in members:
            parts.append(target_line(briefing, target, language))
    qualitative = [t for t in briefing.targets if t.kind == "qualitative"]
    if qualitative:
        parts.append(Text(f"{ui('Qualitative targets', language)}: {len(qualitative)}"))
    return Group(*parts)


def target_line(briefing: Briefing, target: Target, language: Language) -> Text:
    """One target as a labelled bar, with its baseline where the source gives one."""
    line = Text(localize(target.title, language), style="bold")
    line.append("\n")
    line.append_text(horizontal_bar(target, axis_max([target])))
    line.append(f" {target_text(target, language)}")
    if target.baseline:
        line.append(f"  ◀ {ui('Baseline', language)}: {baseline_text(target, language)}", style="italic")
    return line


class TargetChart(Static):
    """The drawn targets, above the target list."""

    DEFAULT_CSS = """
    TargetChart { height: auto; padding: 0 1 1 1; border-bottom: solid $primary-muted; }
    """

    def show(self, briefing: Briefing, language: Language) -> None:
        self.update(chart(briefing, language))
