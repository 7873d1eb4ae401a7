"""The briefing model: immutable records of what a conference said.

The dataclasses here are also the content schema: the loader reads a YAML file
field by field from their type hints, so a field added here is a field authors
can write (and must document in content/README.md). Nothing here imports Textual.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Optional, Union

Language = Literal["en", "zh-Hant", "zh-Hans"]
LANGUAGES: tuple[Language, ...] = ("en", "zh-Hant", "zh-Hans")


def ref(kind: str) -> dict:
    """Field metadata: the field holds the id (or ids) of items of ``kind``."""
    return {"ref": kind}


@dataclass(frozen=True)
class Bilingual:
    """A text in English and in Chinese as the source writes it (Traditional)."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True)
class SourceQuote:
    """A verbatim passage of the cleaned source article, and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Figure:
    """A number the source states: value, unit and how the source says it."""

    label: Bilingual
    value: Union[int, float]
    unit: Bilingual
    display: Bilingual
    comparator: Optional[Literal["about", "over", "at-least"]] = None


@dataclass(frozen=True)
class SourceFiles:
    """Where the article behind a briefing lives, relative to the briefing file."""

    raw: str
    clean: str
    note: Optional[Bilingual] = None


@dataclass(frozen=True)
class Meeting:
    title: Bilingual
    date: datetime.date
    place: Bilingual
    reviews_year: int
    plans_year: int
    text: Bilingual
    quote: SourceQuote
    source: SourceFiles


@dataclass(frozen=True)
class OverviewSection:
    """One of the meeting's own summaries: its assessment, guidance, requirements…"""

    id: str
    kind: Literal["assessment", "guidance", "requirements", "next-steps", "attendance"]
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    # One goal or task of a section stands as an item of the same kind, linked to the section and to the
    # targets it restates, so that a reader can find and open it.
    related: tuple[str, ...] = field(default=(), metadata=ref("any"))


@dataclass(frozen=True)
class Achievement:
    id: str
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = field(default=(), metadata=ref("any"))


@dataclass(frozen=True)
class Innovation:
    id: str
    number: int
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True)
class Measure:
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True)
class Action:
    id: str
    number: int
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    innovation: str = field(metadata=ref("innovations"))
    measures: tuple[Measure, ...] = field(metadata={"min_items": 1})
    targets: tuple[str, ...] = field(metadata=ref("targets"))


@dataclass(frozen=True)
class Baseline:
    """Where a target starts from, when the source states it (37% → 40%)."""

    value: Union[int, float]
    year: int
    achievement: str = field(metadata=ref("achievements"))
    comparator: Optional[Literal["about", "over", "at-least"]] = None


@dataclass(frozen=True)
class Target:
    id: str
    kind: Literal["quantitative", "qualitative"]
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    action: str = field(metadata=ref("actions"))
    year: Optional[int] = None  # None when the source sets no date ("speed up building…")
    value: Optional[Union[int, float]] = None
    comparator: Optional[Literal["at-least", "about", "top-ranks"]] = None
    unit: Optional[Bilingual] = None
    scale: Optional[Union[int, float]] = None
    baseline: Optional[Baseline] = None
    group: Optional[str] = None


@dataclass(frozen=True)
class Speaker:
    id: str
    kind: Literal["city", "exchange", "company"]
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True)
class Award:
    """A category of demonstration project whose representatives received plaques."""

    id: str
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True)
class GlossaryEntry:
    """A term the article assumes; its explanation is editorial, not the article's."""

    id: str
    title: Bilingual
    text: Bilingual
    editorial: Literal[True]
    quote: SourceQuote


Item = Union[OverviewSection, Achievement, Innovation, Action, Target, Speaker, Award, GlossaryEntry]

# The lists of a briefing, in the order the app shows them.
SECTIONS = ("overview", "achievements", "innovations", "actions", "targets", "speakers", "awards", "glossary")


@dataclass(frozen=True)
class Briefing:
    format: Literal[1]
    meeting: Meeting
    overview: tuple[OverviewSection, ...]
    achievements: tuple[Achievement, ...]
    innovations: tuple[Innovation, ...]
    actions: tuple[Action, ...]
    targets: tuple[Target, ...]
    speakers: tuple[Speaker, ...]
    awards: tuple[Award, ...]
    glossary: tuple[GlossaryEntry, ...]
    source_text: str = field(default="", metadata={"derived": True})
    path: str = field(default="", metadata={"derived": True})

    def items(self) -> list[tuple[str, Item]]:
        """Every item with the section it belongs to, in document order of sections."""
        return [(name, item) for name in SECTIONS for item in getattr(self, name)]

    def by_id(self) -> dict[str, Item]:
        return self._index

    @cached_property
    def _index(self) -> dict[str, Item]:
        return {item.id: item for _, item in self.items()}

    @cached_property
    def _sections(self) -> dict[str, str]:
        return {item.id: name for name, item in self.items()}

    @cached_property
    def _incoming(self) -> dict[str, list[str]]:
        incoming: dict[str, list[str]] = {}
        for _, item in self.items():
            for linked in outgoing_links(item):
                incoming.setdefault(linked, []).append(item.id)
        return incoming

    def section_of(self, item_id: str) -> str:
        """The briefing list (``"targets"``…) that holds the item; KeyError if none does."""
        return self._sections[item_id]

    def related(self, item: Item) -> list[Item]:
        """Items ``item`` links to, then items that link to it, without repeats."""
        out: list[Item] = []
        for item_id in [*outgoing_links(item), *self._incoming.get(item.id, [])]:
            found = self._index.get(item_id)
            if found is not None and found is not item and found not in out:
                out.append(found)
        return out


def outgoing_links(item: Item) -> list[str]:
    """The ids an item names, in the order it names them."""
    if isinstance(item, (Achievement, OverviewSection)):
        return list(item.related)
    if isinstance(item, Action):
        return [item.innovation, *item.targets]
    if isinstance(item, Target):
        links = [item.action]
        if item.baseline is not None:
            links.append(item.baseline.achievement)
        return links
    return []
