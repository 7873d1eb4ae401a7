"""What a briefing's sections are called and how its values are said, in each language.

One headless description used by the panes, the detail, the chart and the exports
alike: section titles, the name of each kind of item, the built-in kinds of event,
overview section and speaker (a briefing names any others itself, under ``kinds``),
what to say when a briefing has none of something, and how numbers, comparators,
targets, baselines, dates and the source are phrased. Nothing here imports Textual.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import localize, ui
from .model import Bilingual, Briefing, Figure, Item, Language, Meeting, Target, TargetGroup


@dataclass(frozen=True)
class Section:
    """A list of a briefing: its title and what one of its items is called (English; see ``i18n.ui``)."""

    id: str
    title: str
    item: str


# In the order the exports write them.
SECTIONS: tuple[Section, ...] = (
    Section("overview", "Overview", "Section"),
    Section("achievements", "Achievements", "Achievement"),
    Section("actions", "Actions", "Action"),
    Section("innovations", "Innovations", "Innovation"),
    Section("targets", "Targets", "Target"),
    Section("speakers", "Speakers", "Speaker"),
    Section("awards", "Award categories", "Award"),
    Section("glossary", "Glossary", "Term"),
)
_BY_ID = {s.id: s for s in SECTIONS}

# Kinds a briefing may use without naming them; any other kind needs a name under ``kinds``.
BUILTIN_KINDS = {
    "meeting": "Meeting", "interview": "Interview", "symposium": "Symposium", "work-plan": "Work plan",
    "assessment": "Assessment", "guidance": "Guidance", "requirements": "Requirements",
    "next-steps": "Next steps", "attendance": "Attendance",
    "city": "City", "exchange": "Exchange", "company": "Company",
}

# What a pane says when the briefing has nothing for it.
_NONE = {
    ("overview",): "This briefing has no overview sections.",
    ("achievements",): "This briefing has no achievements.",
    ("actions", "innovations"): "This briefing has no actions or innovations.",
    ("targets",): "This briefing has no targets.",
    ("awards", "speakers"): "This briefing has no award categories or speakers.",
    ("glossary",): "This briefing has no glossary entries.",
}


def section_title(section_id: str, language: Language) -> str:
    return ui(_BY_ID[section_id].title, language)


def present_sections(briefing: Briefing, section_ids: tuple[str, ...]) -> list[str]:
    """Those of ``section_ids`` the briefing has items in (empty ones are not shown or exported)."""
    return [s for s in section_ids if getattr(briefing, s)]


def none_text(section_ids: tuple[str, ...], language: Language) -> str:
    """What a pane of ``section_ids`` says when the briefing has none of them."""
    return ui(_NONE[section_ids], language)


def pane_name(pane_id: str, name: str, briefing: Briefing, language: Language) -> str:
    """A tab's name: the awards-and-speakers pane is named after what this briefing has in it."""
    if pane_id == "awardees":
        has_awards, has_speakers = bool(briefing.awards), bool(briefing.speakers)
        name = "Speakers" if has_speakers and not has_awards else "Awards" if has_awards and not has_speakers \
            else "Awards & speakers"
    return ui(name, language)


def kind_label(briefing: Briefing, kind: str, language: Language) -> str:
    """The name of a kind (of event, overview section, speaker): the briefing's own, else the built-in one."""
    for label in briefing.kinds:
        if label.id == kind:
            return localize(label.name, language)
    return ui(BUILTIN_KINDS.get(kind, kind), language)


def item_kind_text(briefing: Briefing, item: Item, language: Language) -> str:
    """What an item is, as the detail shows it: "Section · Assessment", "Speaker · City", "Target"."""
    name = ui(_BY_ID[briefing.section_of(item.id)].item, language)
    kind = getattr(item, "kind", None)
    if kind and briefing.section_of(item.id) in ("overview", "speakers"):
        return f"{name} · {kind_label(briefing, kind, language)}"
    return name


# -- values -----------------------------------------------------------------------------

_COMPARATORS = {"at-least": "at least", "about": "about", "top-ranks": "among the leaders", "over": "over",
                "at-most": "at most", "nearly": "nearly"}
# Where Chinese puts the comparator: 近50 and 超過3.6億 before the number, 40%以上 and 46左右 after it.
_ZH_BEFORE = {"over", "nearly"}


def number_text(value: float, language: Language) -> str:
    """A number as written: 46, 3.5, 5,000,000,000 (never 5e+09; no separators in Chinese)."""
    if float(value).is_integer():
        return f"{int(value):,}" if language == "en" else str(int(value))
    return f"{value:,.10g}" if language == "en" else f"{value:.10g}"


def comparator_text(comparator: str | None, language: Language) -> str:
    return ui(_COMPARATORS[comparator], language) if comparator else ""


def quantity_text(value: float, unit: Bilingual | None, comparator: str | None, language: Language) -> str:
    """A number with its unit and comparator: "at least 40% of GDP" / "40%以上", "about 37%", "近50個"."""
    number = number_text(value, language)
    unit_text = localize(unit, language) if unit else ""
    said = comparator_text(comparator, language)
    if language == "en":
        quantity = f"{number}{unit_text}" if unit_text.startswith("%") else " ".join(filter(None, [number,
                                                                                                     unit_text]))
        return " ".join(filter(None, [said, quantity]))
    quantity = f"{number}{unit_text}"
    return f"{said}{quantity}" if comparator in _ZH_BEFORE else f"{quantity}{said}"


def basis_text(basis: str | None, language: Language) -> str:
    """What a figure counts: "cumulative" (so far), "consecutive" (in a row), "in the year"."""
    return ui({"to-date": "cumulative", "in-a-row": "consecutive", "year": "in the year"}[basis], language) \
        if basis else ""


def figure_text(figure: Figure, language: Language) -> str:
    """A figure as the source says it, tagged when it is not one year's result: "over 1600 PFLOPS · cumulative"."""
    basis = basis_text(figure.basis, language) if figure.basis != "year" else ""
    return " · ".join(filter(None, [localize(figure.display, language), basis]))


def target_group(briefing: Briefing, target: Target) -> TargetGroup | None:
    return next((g for g in briefing.target_groups if g.id == target.group), None)


def target_unit(briefing: Briefing, target: Target) -> Bilingual | None:
    """The target's unit: its own, else its group's."""
    group = target_group(briefing, target)
    return target.unit or (group.unit if group else None)


def target_value_text(target: Target, language: Language, briefing: Briefing | None = None) -> str:
    """A target's value as a reader says it: its ``display`` if it has one, else "at least 40% of GDP"."""
    if target.display is not None:
        return localize(target.display, language)
    if target.value is None:
        return comparator_text(target.comparator, language) or ui("qualitative", language)
    unit = target_unit(briefing, target) if briefing else target.unit
    return quantity_text(target.value, unit, target.comparator, language)


def target_line_text(target: Target, language: Language, briefing: Briefing | None = None) -> str:
    """The value with its year and basis when it has them: "at least 40% of GDP (2023)"."""
    extra = ", ".join(filter(None, [basis_text(target.basis, language), str(target.year) if target.year else ""]))
    value = target_value_text(target, language, briefing)
    return f"{value} ({extra})" if extra else value


def baseline_text(target: Target, language: Language, briefing: Briefing | None = None) -> str:
    """Where a target starts, said like the target: "about 37% of GDP (2022)"."""
    baseline = target.baseline
    if baseline is None:
        return ""
    unit = baseline.unit or (target_unit(briefing, target) if briefing else target.unit)
    return f"{quantity_text(baseline.value, unit, baseline.comparator, language)} ({baseline.year})"


# -- the meeting and its source ----------------------------------------------------------

def date_text(meeting: Meeting, language: Language) -> str:
    """The date or dates: "2024-02-13 – 2024-02-17", with "(year inferred)" when the source prints none."""
    text = meeting.date.isoformat()
    if meeting.end_date and meeting.end_date != meeting.date:
        text += f" – {meeting.end_date.isoformat()}"
    if meeting.year_inferred:
        text += f" ({ui('year inferred', language)})"
    return text


def header_text(meeting: Meeting, language: Language) -> tuple[str, str]:
    """A briefing's title and subtitle as its screens' header shows them: the title; date · place."""
    place = [localize(meeting.place, language)] if meeting.place else []
    return localize(meeting.title, language), " · ".join([date_text(meeting, language), *place])


def years_text(meeting: Meeting, language: Language) -> str:
    """The years reviewed and planned, as far as the briefing states them: "2022 → 2023", "reviews 2023"."""
    if meeting.reviews_year and meeting.plans_year:
        return f"{meeting.reviews_year} → {meeting.plans_year}"
    said, year = ("reviews", meeting.reviews_year) if meeting.reviews_year else ("plans", meeting.plans_year)
    if not year:
        return ""
    return f"{said} {year}" if language == "en" else f"{ui(said, language)}{year}年"


def meeting_facts(briefing: Briefing, language: Language) -> list[str]:
    """The meeting's kind (when it is not a meeting), date, place and years, as far as stated."""
    meeting = briefing.meeting
    kind = kind_label(briefing, meeting.kind, language) if meeting.kind != "meeting" else ""
    place = localize(meeting.place, language) if meeting.place else ""
    return [fact for fact in (kind, date_text(meeting, language), place, years_text(meeting, language)) if fact]


def source_facts(briefing: Briefing, language: Language) -> list[tuple[str, str]]:
    """What the briefing says about its source article, as (label, value) rows, as far as stated."""
    source = briefing.meeting.source
    script = "Simplified Chinese" if source.script == "Hans" else "Traditional Chinese"
    rows = [
        ("Headline", localize(source.headline, language) if source.headline else ""),
        ("Publisher", localize(source.publisher, language) if source.publisher else ""),
        ("Byline", localize(source.byline, language) if source.byline else ""),
        ("Published", source.published.isoformat() if source.published else ""),
        ("URL", source.url or ""),
        ("Script", ui(script, language)),
        ("Note", localize(source.note, language) if source.note else ""),
    ]
    return [(ui(label, language), value) for label, value in rows if value]


def partial_text(briefing: Briefing, language: Language) -> str:
    """"Incomplete source: only the opening…" when only part of the article could be obtained, else ""."""
    partial = briefing.meeting.source.partial
    if partial is None:
        return ""
    return f"{ui('Incomplete source', language)}: {localize(partial, language)}"


def source_paragraphs(text: str) -> list[tuple[int, str]]:
    """The source's paragraphs (one a line) with where each starts; a final newline ends the last
    paragraph rather than starting an empty one."""
    paragraphs, offset = [], 0
    for line in text.removesuffix("\n").split("\n"):
        paragraphs.append((offset, line))
        offset += len(line) + 1
    return paragraphs
