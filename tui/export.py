"""Write a whole briefing as JSON (every field) or as a Markdown document.

Headless: uses the model and i18n only, so ``briefing export`` never starts the UI.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import PurePath
from typing import Any

from .i18n import chinese, localize, other, to_traditional, ui
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
from .sections import (
    SECTIONS,
    baseline_text,
    figure_text,
    item_kind_text,
    meeting_facts,
    partial_text,
    present_sections,
    section_title,
    source_facts,
    target_line_text,
)


def to_json(briefing: Briefing, language: Language = "en") -> str:
    """Every field of the briefing (its ``path`` as the file's name); each text also carries the reader's
    script when the source's is the other one (``zh_hans`` for zh-Hans from a Traditional source,
    ``zh_hant`` the other way)."""

    def encode(value: Any) -> Any:
        if isinstance(value, Bilingual):
            out = {"en": value.en, "zh": value.zh}
            if language == "zh-Hans" and value.script == "Hant":
                out["zh_hans"] = chinese(value.zh, language)
            if language == "zh-Hant" and value.script == "Hans":
                out["zh_hant"] = to_traditional(value.zh)
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


def to_markdown(briefing: Briefing, language: Language = "en") -> str:
    """A readable document in ``language``, every item with its other-language text and quote.

    Sections the briefing has no items in are left out."""
    meeting = briefing.meeting
    lines = [f"# {localize(meeting.title, language)}", "", f"*{other(meeting.title, language)}*", ""]
    facts = meeting_facts(briefing, language)
    if meeting.place:  # the place in both languages
        place = localize(meeting.place, language)
        facts = [f"{fact} ({other(meeting.place, language)})" if fact == place else fact for fact in facts]
    lines += [f"- {' · '.join(facts)}"]
    lines += ["", localize(meeting.text, language), "", f"> {meeting.quote.text}", ""]
    partial = partial_text(briefing, language)
    if partial:
        lines += [f"**{partial}**", ""]
    lines += [f"- {label}: {value}" for label, value in source_facts(briefing, language)] + [""]
    for section in present_sections(briefing, tuple(s.id for s in SECTIONS)):
        lines += [f"## {section_title(section, language)}", ""]
        for item in getattr(briefing, section):
            lines += _item_markdown(briefing, item, language)
    return "\n".join(lines).rstrip() + "\n"


def _item_markdown(briefing: Briefing, item: Item, language: Language) -> list[str]:
    lines = [
        f"### {localize(item.title, language)}",
        "",
        f"*{other(item.title, language)}* · {item_kind_text(briefing, item, language)} · `{item.id}`",
        "",
        localize(item.text, language),
        "",
        other(item.text, language),
        "",
    ]
    if isinstance(item, GlossaryEntry):
        lines += [f"*{ui('Editorial explanation, not from the article', language)}*", ""]
        if item.verified is False:
            lines += [f"*{ui('Not verified against a public source', language)}*", ""]
    if isinstance(item, Achievement) and item.figures:
        lines += [f"| {ui('Figures', language)} | | |", "| --- | --- | --- |"]
        lines += [
            f"| {localize(f.label, language)} | {figure_text(f, language)} | {other(f.display, language)} |"
            for f in item.figures
        ]
        lines.append("")
    if isinstance(item, Action):
        lines += [f"**{ui('Measures', language)}**", ""]
        lines += [f"- {localize(m.text, language)} / {other(m.text, language)}" for m in item.measures]
        lines.append("")
    if isinstance(item, Target):
        lines += [f"- {ui('Target', language)}: {target_line_text(item, language, briefing)}"]
        if item.baseline:
            lines.append(f"- {ui('Baseline', language)}: {baseline_text(item, language, briefing)}")
            if item.baseline.achievement:
                achievement = briefing.by_id()[item.baseline.achievement]
                lines[-1] += f", {localize(achievement.title, language)}"
        lines.append("")
    related = briefing.related(item)
    if related:
        names = ", ".join(f"{localize(r.title, language)} (`{r.id}`)" for r in related)
        lines += [f"{ui('Related', language)}: {names}", ""]
    lines += [f"> {item.quote.text}", ""]
    return lines
