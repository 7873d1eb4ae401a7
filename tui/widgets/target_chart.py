"""Targets drawn, not only listed: a bar per quantitative target on its scale.

A target with a baseline shows both (37% now → at least 40%); a target is drawn
as a bar only on the ``scale`` its author gives (a bar on a made-up axis would
mean nothing). Targets that share a ``group`` and a unit are drawn side by side as
columns on one axis so they can be compared at a glance, under the group's title
from the content.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import groupby

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ..i18n import localize, ui
from ..line_breaks import Wrapped
from ..model import Briefing, Language, Target
from ..sections import baseline_text, number_text, target_group, target_line_text, target_unit, target_value_text

BAR_WIDTH = 30
COLUMN_HEIGHT = 5
SHORT_COLUMN_HEIGHT, TALL = 2, 30  # columns this high in a terminal under TALL lines


def axis_max(targets: list[Target], scale: float | None = None) -> float:
    """The top of a group's axis: the group's or the targets' scale, else the largest value rounded up."""
    scales = [s for s in (scale, *(t.scale for t in targets)) if s]
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


def columns(briefing: Briefing, targets: list[Target], language: Language, scale: float | None = None,
            height: int = COLUMN_HEIGHT) -> RenderableType:
    """Targets as vertical columns side by side on one axis, numbered, with what each is beside them."""
    scale = axis_max(targets, scale)
    levels = [(t.value or 0) / scale * height for t in targets]
    column_width = 9
    bars = Text()
    heads = (f"({n}) {number_text(t.value or 0, language)}" for n, t in enumerate(targets, 1))
    bars.append("".join(f"{head:^{column_width}}" for head in heads) + "\n", style="bold")
    for row in range(height, 0, -1):
        for level in levels:
            cell = "███" if level >= row else ("▄▄▄" if level >= row - 0.5 else "   ")
            bars.append(f"{cell:^{column_width}}", style="bold")
        bars.append(f" {scale * row / height:g}\n" if row in (height, 1) else "\n")
    bars.append("─" * (column_width * len(targets)) + " 0")
    labels = Text("\n").join(
        Text(f"({n}) {localize(t.title, language)}: {target_value_text(t, language, briefing)}")
        for n, t in enumerate(targets, 1)
    )
    return Beside(bars, Text("\n").append_text(labels))


class Beside:
    """``left`` with ``right`` beside it where the width allows (so the whole chart fits above the list
    at 120x36), else ``right`` under ``left``."""

    def __init__(self, left: Text, right: Text) -> None:
        self.left, self.right = left, right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        gap = 4  # the axis's top value stands clear of the first label
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
    return Group(*chart_parts(briefing, language))


def chart_parts(briefing: Briefing, language: Language,
                column_height: int = COLUMN_HEIGHT) -> Iterator[RenderableType]:
    """The parts of the chart, top to bottom, each made only when it is asked for."""
    quantitative = [t for t in briefing.targets if t.kind == "quantitative" and t.value is not None]
    if any(t.baseline for t in quantitative):
        legend = f"█ {ui('Baseline', language)}  ▓ {ui('Target', language)}  ░ {ui('scale', language)}"
        yield Text(legend, style="italic")
    for group_id, run in groupby(quantitative, key=lambda t: t.group):
        members = list(run)
        units = {(u.en, u.zh) if (u := target_unit(briefing, t)) else None for t in members}
        if group_id and len(members) > 1 and len(units) == 1:
            group = target_group(briefing, members[0])
            if group is not None:  # a format 1 group has no title of its own: its columns are labelled
                yield Text(localize(group.title, language), style="bold")
            yield columns(briefing, members, language, group.scale if group else None, column_height)
            continue
        for target in members:
            yield Wrapped(target_line(briefing, target, language))
    qualitative = sum(t.kind == "qualitative" for t in briefing.targets)
    if qualitative:
        yield Text(f"{ui('Qualitative targets', language)}: {qualitative}")


def least_lines(part: RenderableType) -> int:
    """The fewest lines ``part`` of a chart takes, at any width."""
    if isinstance(part, Wrapped):
        part = part.text
    if isinstance(part, Text):
        return part.plain.count("\n") + 1
    if isinstance(part, Beside):
        return part.left.plain.count("\n") + 1
    return 1


def target_line(briefing: Briefing, target: Target, language: Language) -> Text:
    """One target as a labelled bar (when it has a scale), with its baseline where the source gives one."""
    line = Text(localize(target.title, language), style="bold")
    line.append("\n")
    group = target_group(briefing, target)
    scale = target.scale or (group.scale if group else None)
    if scale:
        line.append_text(horizontal_bar(target, scale))
        line.append(" ")
    line.append(target_line_text(target, language, briefing))
    if target.baseline:
        line.append(f"  ◀ {ui('Baseline', language)}: {baseline_text(target, language, briefing)}", style="italic")
    return line


class TargetChart(Static):
    """The drawn targets, above the target list.

    Drawn a screenful at a time: the chart of a briefing with a thousand targets took seconds to draw
    whole, for the 15 lines of it on show. ``show_more`` draws the next screenful (when the reader
    scrolls to the end of what is drawn)."""

    DEFAULT_CSS = """
    TargetChart { height: auto; padding: 0 1 1 1; border-bottom: solid $primary-muted; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._parts: list[RenderableType] = []
        self._to_come: Iterator[RenderableType] = iter(())

    def show(self, briefing: Briefing, language: Language) -> None:
        # In a short terminal the chart has a few lines above the list: shorter columns leave room for
        # their axis and labels.
        height = COLUMN_HEIGHT if self.app.size.height >= TALL else SHORT_COLUMN_HEIGHT
        self._parts, self._to_come = [], chart_parts(briefing, language, height)
        self.show_more()

    def show_more(self) -> bool:
        """Draw at least a screenful more of the chart; False if it is all drawn already."""
        lines = 0
        screenful = self.app.size.height
        for part in self._to_come:
            self._parts.append(part)
            lines += least_lines(part)
            if lines >= screenful:
                break
        if not lines and self._parts:
            return False
        self.update(Group(*self._parts))
        return True
