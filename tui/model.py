"""The briefing model: immutable records of what a conference said.

The dataclasses here are also the content schema: the loader reads a YAML file
field by field from their type hints, so a field added here is a field authors
can write (and must document in content/README.md). Nothing here imports Textual.

The model is that of format 2. Format 1 files read into the same records: field
metadata says what format 1 did not have (``since(2)``) and where format 1 was
stricter (``v1``: a field it required, the fewer choices it allowed).
"""

from __future__ import annotations

import datetime
from dataclasses import Field, dataclass, field
from functools import cached_property
from reprlib import recursive_repr
from typing import ClassVar, Literal, Optional, Union

Language = Literal["en", "zh-Hant", "zh-Hans"]
LANGUAGES: tuple[Language, ...] = ("en", "zh-Hant", "zh-Hans")
Script = Literal["Hant", "Hans"]
FORMATS = (1, 2)

# How a number relates to what the source says: "about 37%", "over 3.6億", "nearly 50"…
Comparator = Literal["about", "over", "at-least", "at-most", "nearly"]
TargetComparator = Literal["about", "over", "at-least", "at-most", "nearly", "top-ranks"]
# What a figure counts: one year's result, everything so far, or an unbroken run ("nine years in a row").
Basis = Literal["year", "to-date", "in-a-row"]


class Record:
    """What every model record shares: comparing, hashing and showing its fields.

    ``@dataclass`` would write these three methods anew for each class (and compile each at import:
    a third of the app's own start-up work); written once here, they do exactly what the generated
    ones do. Each record class says ``@dataclass(frozen=True, repr=False, eq=False)``."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field]]

    def _values(self) -> tuple:
        return tuple([getattr(self, name) for name in self.__dataclass_fields__])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name, f in self.__dataclass_fields__.items() if f.repr)
        return f"{self.__class__.__qualname__}({shown})"


def ref(kind: str, **more) -> dict:
    """Field metadata: the field holds the id (or ids) of items of ``kind``."""
    return {"ref": kind, **more}


def since(version: int, **more) -> dict:
    """Field metadata: the field exists from format ``version`` on (an unknown field before)."""
    return {"since": version, **more}


def v1(**rules) -> dict:
    """Field metadata: how format 1 differed — ``required=True``, ``type=`` fewer choices, ``ref=None``."""
    return {"v1": rules}


@dataclass(frozen=True, repr=False, eq=False)
class Bilingual(Record):
    """A text in English and in Chinese as the source writes it (``script``: Traditional or Simplified)."""

    en: str
    zh: str
    script: Script = field(default="Hant", metadata={"derived": True})

    def __str__(self) -> str:
        return self.en


@dataclass(frozen=True, repr=False, eq=False)
class SourceQuote(Record):
    """A verbatim passage of the cleaned source article, and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, repr=False, eq=False)
class Figure(Record):
    """A number the source states: value, unit and how the source says it."""

    label: Bilingual
    value: Union[int, float]
    unit: Bilingual
    display: Bilingual
    comparator: Optional[Comparator] = field(
        default=None, metadata=v1(type=Optional[Literal["about", "over", "at-least"]]))
    basis: Optional[Basis] = field(default=None, metadata=since(2))


@dataclass(frozen=True, repr=False, eq=False)
class SourceFiles(Record):
    """The article behind a briefing: its files (relative to the briefing file) and what it is."""

    raw: str
    clean: str
    note: Optional[Bilingual] = None
    script: Script = field(default="Hant", metadata=since(2, required=True))
    url: Optional[str] = field(default=None, metadata=since(2))
    headline: Optional[Bilingual] = field(default=None, metadata=since(2))
    publisher: Optional[Bilingual] = field(default=None, metadata=since(2))
    byline: Optional[Bilingual] = field(default=None, metadata=since(2))
    published: Optional[datetime.date] = field(default=None, metadata=since(2))
    # Set when only part of the article could be obtained: what the reader has, and where it stops.
    partial: Optional[Bilingual] = field(default=None, metadata=since(2))

    @property
    def complete(self) -> bool:
        return self.partial is None


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Meeting(Record):
    """The event the briefing reports: a meeting, an interview, a symposium, a work plan…"""

    kind: str = field(default="meeting", metadata=since(2))
    title: Bilingual
    date: datetime.date  # the first (or only) day
    end_date: Optional[datetime.date] = field(default=None, metadata=since(2))
    # The source prints the day but not the year; the year is the author's inference.
    year_inferred: bool = field(default=False, metadata=since(2))
    place: Optional[Bilingual] = field(default=None, metadata=v1(required=True))
    reviews_year: Optional[int] = field(default=None, metadata=v1(required=True))
    plans_year: Optional[int] = field(default=None, metadata=v1(required=True))
    text: Bilingual
    quote: SourceQuote
    source: SourceFiles


@dataclass(frozen=True, repr=False, eq=False)
class Label(Record):
    """A name the briefing gives one of its own kinds (written as ``id: {en: …, zh: …}``)."""

    id: str
    name: Bilingual


@dataclass(frozen=True, repr=False, eq=False)
class TargetGroup(Record):
    """Targets drawn side by side on one axis: what they have in common, and its unit."""

    id: str
    title: Bilingual
    unit: Optional[Bilingual] = None
    scale: Optional[Union[int, float]] = None


@dataclass(frozen=True, repr=False, eq=False)
class OverviewSection(Record):
    """One of the meeting's own summaries: its assessment, guidance, requirements…"""

    id: str
    kind: str = field(metadata=v1(type=Literal["assessment", "guidance", "requirements", "next-steps",
                                              "attendance"]))
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    # One goal or task of a section stands as an item of the same kind, linked to the section and to the
    # targets it restates, so that a reader can find and open it.
    related: tuple[str, ...] = field(default=(), metadata=ref("any"))


@dataclass(frozen=True, repr=False, eq=False)
class Achievement(Record):
    """What the meeting reports as done, with the figures the source gives for it."""

    id: str
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = field(default=(), metadata=ref("any"))


@dataclass(frozen=True, repr=False, eq=False)
class Innovation(Record):
    """One of the numbered new approaches the plan introduces."""

    id: str
    number: int
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True, repr=False, eq=False)
class Measure(Record):
    """One concrete step an action takes."""

    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Action(Record):
    """A numbered task of the plan: its measures, the innovation it serves and the targets it sets."""

    id: str
    number: int
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    innovation: Optional[str] = field(default=None, metadata=ref("innovations", v1=dict(required=True)))
    measures: tuple[Measure, ...] = field(metadata={"min_items": 1})
    targets: tuple[str, ...] = field(default=(), metadata=ref("targets", v1=dict(required=True)))


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Baseline(Record):
    """Where a target starts from, when the source states it (37% → 40%)."""

    value: Union[int, float]
    year: int
    achievement: Optional[str] = field(default=None, metadata=ref("achievements", v1=dict(required=True)))
    comparator: Optional[Comparator] = field(
        default=None, metadata=v1(type=Optional[Literal["about", "over", "at-least"]]))
    unit: Optional[Bilingual] = field(default=None, metadata=since(2))  # when not the target's own


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Target(Record):
    """A goal the plan sets: a value by a year (quantitative) or a direction (qualitative)."""

    id: str
    kind: Literal["quantitative", "qualitative"]
    title: Bilingual
    text: Bilingual
    quote: SourceQuote
    action: str = field(metadata=ref("actions"))
    # None when the source sets no date ("speed up building…"); format 1 allows that too, since the
    # Guizhou review found years there that the article never gave.
    year: Optional[int] = None
    value: Optional[Union[int, float]] = None
    comparator: Optional[TargetComparator] = field(
        default=None, metadata=v1(type=Optional[Literal["at-least", "about", "top-ranks"]]))
    unit: Optional[Bilingual] = None
    display: Optional[Bilingual] = field(default=None, metadata=since(2))  # how a reader says the value
    basis: Optional[Basis] = field(default=None, metadata=since(2))
    scale: Optional[Union[int, float]] = None
    baseline: Optional[Baseline] = None
    group: Optional[str] = field(default=None, metadata=ref("target_groups", v1=dict(ref=None)))


@dataclass(frozen=True, repr=False, eq=False)
class Speaker(Record):
    """Someone who spoke at the meeting: a city, an exchange, a company…"""

    id: str
    kind: str = field(metadata=v1(type=Literal["city", "exchange", "company"]))
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True, repr=False, eq=False)
class Award(Record):
    """A category of demonstration project whose representatives received plaques."""

    id: str
    title: Bilingual
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True, repr=False, eq=False)
class Stub(Record):
    """A passage `briefing new` quoted, not yet sorted into a section: the author's to-do, not content."""

    id: str
    text: Bilingual
    quote: SourceQuote


@dataclass(frozen=True, repr=False, eq=False)
class GlossaryEntry(Record):
    """A term the article assumes; its explanation is editorial, not the article's."""

    id: str
    title: Bilingual
    text: Bilingual
    editorial: Literal[True]
    quote: SourceQuote
    # Whether the explanation was checked against a public source (format 2 must say).
    verified: Optional[bool] = field(default=None, metadata=since(2, required=True))


Item = Union[OverviewSection, Achievement, Innovation, Action, Target, Speaker, Award, GlossaryEntry]

# The lists of a briefing, in the order the app shows them.
SECTIONS = ("overview", "achievements", "innovations", "actions", "targets", "speakers", "awards", "glossary")


_SECTION = v1(required=True)  # format 1 needs every section, even if empty; format 2 leaves it out


@dataclass(frozen=True, kw_only=True, repr=False, eq=False)
class Briefing(Record):
    """A whole briefing: the meeting, its lists of items and the source text they quote."""

    format: Literal[1, 2]
    meeting: Meeting
    kinds: tuple[Label, ...] = field(default=(), metadata=since(2, keyed=True))
    target_groups: tuple[TargetGroup, ...] = field(default=(), metadata=since(2))
    overview: tuple[OverviewSection, ...] = field(default=(), metadata=_SECTION)
    achievements: tuple[Achievement, ...] = field(default=(), metadata=_SECTION)
    innovations: tuple[Innovation, ...] = field(default=(), metadata=_SECTION)
    actions: tuple[Action, ...] = field(default=(), metadata=_SECTION)
    targets: tuple[Target, ...] = field(default=(), metadata=_SECTION)
    speakers: tuple[Speaker, ...] = field(default=(), metadata=_SECTION)
    awards: tuple[Award, ...] = field(default=(), metadata=_SECTION)
    glossary: tuple[GlossaryEntry, ...] = field(default=(), metadata=_SECTION)
    # A skeleton's passages still to be sorted; the app does not show them (`briefing check` lists them).
    stubs: tuple[Stub, ...] = field(default=(), metadata=since(2))
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
        return [*filter(None, [item.innovation]), *item.targets]
    if isinstance(item, Target):
        links = [item.action]
        if item.baseline is not None and item.baseline.achievement:
            links.append(item.baseline.achievement)
        return links
    return []
