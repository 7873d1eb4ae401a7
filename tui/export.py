"""Write a whole briefing as JSON (every field) or as a Markdown document.

Headless: uses the model and i18n only, so ``briefing export`` never starts the UI.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import PurePath
from typing import Any

from .i18n import chinese, localize, other, ui
from .model import (
    Achievement,
    Action,
    Bilingual,
    Briefing,
    GlossaryEntry,
    Item,
    Language,
    SourceQuote,
    Target,
)


def to_json(briefing: Briefing, language: Language = "en") -> str:
    """Every field of the briefing (its ``path`` as the file's name); with zh-Hans, texts also carry ``zh_hans``."""

    def encode(value: Any) -> Any:
        if isinstance(value, Bilingual):
            out = {"en": value.en, "zh": value.zh}
            if language == "zh-Hans":
                out["zh_hans"] = chinese(value.zh, language)
            return out
        if isinstance(value, SourceQuote):
            return {"text": value.text, "start": value.start, "end": value.end}
        if dataclasses.is_dataclass(value):
            return {f.name: encode(getattr(value, f.name))
                    for f in dataclasses.fields(value) if f.name != "source_text"}
        if isinstance(value, tuple):
            return [encode(v) for v in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    # The file's name only: where it lives on this machine is nobody else's business.
    document = {"language": language, **encode(briefing), "path": PurePath(briefing.path).name,
                "source_text": briefing.source_text}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


_SECTION_TITLES = [
    ("overview", "Overview"),
    ("achievements", "Achievements"),
    ("actions", "Actions"),
    ("innovations", "Innovations"),
    ("targets", "Targets"),
    ("speakers", "Speakers"),
    ("awards", "Award categories"),
    ("glossary", "Glossary"),
]


def comparator_text(comparator: str | None, language: Language) -> str:
    words = {"at-least": "at least", "about": "about", "top-ranks": "among the leaders", "over": "over"}
    return ui(words[comparator], language) if comparator else ""


def target_value_text(target: Target, language: Language) -> str:
    """A target's value as a reader says it: "at least 40 % of GDP" / "40%以上"."""
    if target.value is None:
        return comparator_text(target.comparator, language) or ui("qualitative", language)
    number = f"{target.value:g}"
    unit = localize(target.unit, language) if target.unit else ""
    comparator = comparator_text(target.comparator, language)
    if language == "en":
        value = f"{number}{unit}" if unit.startswith("%") else " ".join(filter(None, [number, unit]))
        return " ".join(filter(None, [comparator, value]))
    return f"{number}{unit}{comparator}" if unit.startswith("%") else f"{unit}{number}{comparator}"


def to_markdown(briefing: Briefing, language: Language = "en") -> str:
    """A readable document in ``language``, every item with its other-language text and quote."""
    meeting = briefing.meeting
    lines = [
        f"# {localize(meeting.title, language)}",
        "",
        f"*{other(meeting.title, language)}*",
        "",
        f"- {meeting.date.isoformat()}, {localize(meeting.place, language)} ({other(meeting.place, language)})",
        f"- {meeting.reviews_year} → {meeting.plans_year}",
        "",
        localize(meeting.text, language),
        "",
        f"> {meeting.quote.text}",
        "",
    ]
    for section, heading in _SECTION_TITLES:
        lines += [f"## {ui(heading, language)}", ""]
        for item in getattr(briefing, section):
            lines += _item_markdown(briefing, item, language)
    return "\n".join(lines).rstrip() + "\n"


def _item_markdown(briefing: Briefing, item: Item, language: Language) -> list[str]:
    lines = [
        f"### {localize(item.title, language)}",
        "",
        f"*{other(item.title, language)}* · `{item.id}`",
        "",
        localize(item.text, language),
        "",
        other(item.text, language),
        "",
    ]
    if isinstance(item, GlossaryEntry):
        lines += [f"*{ui('Editorial explanation, not from the article', language)}*", ""]
    if isinstance(item, Achievement) and item.figures:
        lines += [f"| {ui('Figures', language)} | | |", "| --- | --- | --- |"]
        lines += [
            f"| {localize(f.label, language)} | {localize(f.display, language)} | {other(f.display, language)} |"
            for f in item.figures
        ]
        lines.append("")
    if isinstance(item, Action):
        lines += [f"**{ui('Measures', language)}**", ""]
        lines += [f"- {localize(m.text, language)} / {other(m.text, language)}" for m in item.measures]
        lines.append("")
    if isinstance(item, Target):
        lines += [f"- {ui('Target', language)}: {target_value_text(item, language)} ({item.year})"]
        if item.baseline:
            achievement = briefing.by_id()[item.baseline.achievement]
            lines.append(f"- {ui('Baseline', language)}: {item.baseline.value:g} ({item.baseline.year}), "
                         f"{localize(achievement.title, language)}")
        lines.append("")
    related = briefing.related(item)
    if related:
        names = ", ".join(f"{localize(r.title, language)} (`{r.id}`)" for r in related)
        lines += [f"{ui('Related', language)}: {names}", ""]
    lines += [f"> {item.quote.text}", ""]
    return lines
