"""Start a briefing from an article's text: everything mechanical an author would otherwise type.

``read_article`` splits an article file into its header (``URL:``, ``TITLE:``, ``DATE:``… lines
before a ``---`` line), its raw body and its clean body (the mirror's pinyin annotations removed
by the same cleaner the bundled Guizhou article uses, no trailing empty paragraph). It then reads
what it can of the meeting (date, whether the year was printed beside it, place, title, the
source's script) and cuts the text into sentences and clauses, each with its offset, so a
skeleton can give every one of them a stub with its verbatim quote. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .loader import ContentError, compose_yaml, lookup, read_text
from .source import clean_article

_HEADER_LINE = re.compile(r"^([A-Z][A-Z _-]*):\s*(.*)$")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?:年|\b)")
_HELD = re.compile(r"在([\u4e00-\u9fff]{2,6}?)(?:召開|召开|舉行|举行|舉辦|举办)")
_HEADLINE_VERB = re.compile(r"(?:在[\u4e00-\u9fff]{2,6}?)?(?:召開|召开|舉行|举行|舉辦|举办)$")
_MEETING_NAME = re.compile(r"(\d{4}年[^,，。、]*?(?:會議|会议|工作會|工作会|座談會|座谈会))")
# A sentence ends at 。！？ (with any closing quote after it); a clause also at ； or ： (not 10:30).
_CLAUSE_END = re.compile(r"(?:[。！？；：!?;]|:(?!\d))[”」』’\"]?")


@dataclass(frozen=True)
class Passage:
    """A sentence or clause of the clean text, verbatim, with where it starts and its paragraph."""

    text: str
    start: int
    paragraph: int


@dataclass(frozen=True)
class Article:
    header: dict[str, str]
    raw: str
    clean: str
    passages: tuple[Passage, ...] = field(default=())

    @property
    def script(self) -> str:
        """'Traditional' or 'Simplified': as the header says, else as the text's characters say."""
        said = self.header.get("SCRIPT", "").lower()
        if said.startswith(("traditional", "simplified")):
            return said.split()[0].capitalize()
        return guess_script(self.clean)


def read_article(text: str) -> Article:
    """An article file's header, raw body, clean body and passages."""
    header, body = split_header(text)
    clean = clean_article(body).rstrip()
    clean = "\n".join(line.rstrip() for line in clean.split("\n"))
    return Article(header, body, clean, tuple(passages(clean)))


def split_header(text: str) -> tuple[dict[str, str], str]:
    """``KEY: value`` lines up to a ``---`` line, and the text after it (no header: all text)."""
    lines = text.lstrip("\ufeff").split("\n")
    if "---" not in (line.strip() for line in lines):
        return {}, text
    end = next(i for i, line in enumerate(lines) if line.strip() == "---")
    matches = [_HEADER_LINE.match(line.strip()) for line in lines[:end] if line.strip()]
    if not all(matches):
        return {}, text
    header = {m.group(1).strip().upper(): m.group(2).strip() for m in matches if m}
    return header, "\n".join(lines[end + 1:])


def passages(clean: str) -> list[Passage]:
    """Every sentence or clause of each paragraph, in order, with nothing left over."""
    out = []
    offset = 0
    for number, paragraph in enumerate(clean.split("\n"), 1):
        cut = 0
        for match in _CLAUSE_END.finditer(paragraph):
            out.append(Passage(paragraph[cut:match.end()], offset + cut, number))
            cut = match.end()
        if paragraph[cut:].strip():
            out.append(Passage(paragraph[cut:], offset + cut, number))
        offset += len(paragraph) + 1
    return [p for p in out if p.text.strip()]


@dataclass(frozen=True)
class MeetingFacts:
    """What the text says of its meeting; None where it does not say."""

    date: datetime.date | None
    year_inferred: bool
    place: str | None
    title: str | None


def meeting_facts(article: Article) -> MeetingFacts:
    date, inferred = _meeting_date(article)
    first = article.clean.split("\n", 1)[0]
    held = _HELD.search(first)
    named = _MEETING_NAME.search(first)
    headline = article.header.get("TITLE", "")
    title = named.group(1) if named else (_HEADLINE_VERB.sub("", headline) or None)
    return MeetingFacts(date, inferred, held.group(1) if held else None, title)


def _meeting_date(article: Article) -> tuple[datetime.date | None, bool]:
    """The meeting's date, and whether its year had to be taken from elsewhere than the date itself.

    The header's ISO date wins; else the date in the sentence that says the meeting was held."""
    # "DATE: meeting 2024-04-01 (reported …)": the meeting's own date comes before any aside.
    said = article.header.get("DATE", "").split("(", 1)[0]
    iso = _ISO_DATE.search(said)
    if iso:
        return _date(*iso.groups()), False
    sentences = [p.text for p in article.passages]
    held = next((s for s in sentences if _HELD.search(s)), sentences[0] if sentences else "")
    full = _FULL_DATE.search(held)
    if full:
        return _date(*full.groups()), False
    month_day = list(_MONTH_DAY.finditer(held))
    if not month_day:
        return None, False
    # "據…4月2日消息,…會議4月1日在北京召開": the date nearest the verb is the meeting's.
    verb = _HELD.search(held)
    chosen = min(month_day, key=lambda m: abs(m.start() - verb.start())) if verb else month_day[0]
    year = _YEAR.search(article.header.get("DATE", "")) or _YEAR.search(article.clean)
    if not year:
        return None, False
    return _date(year.group(1), *chosen.groups()), True


def _date(year: str, month: str, day: str) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def guess_script(text: str) -> str:
    """'Simplified' unless converting the text to Simplified changes it more than to Traditional."""
    import opencc  # noqa: PLC0415 - heavy; only `briefing new` needs it

    han = "".join(re.findall(r"[\u4e00-\u9fff]", text))
    to_simplified = sum(a != b for a, b in zip(han, opencc.OpenCC("t2s").convert(han), strict=False))
    to_traditional = sum(a != b for a, b in zip(han, opencc.OpenCC("s2t").convert(han), strict=False))
    return "Traditional" if to_simplified > to_traditional else "Simplified"


# -- the skeleton ------------------------------------------------------------------------------

TODO = "TODO"
_SKELETON_HEAD = """\
# Briefing skeleton written by `briefing new` from {raw}.
# Each stub quotes one sentence or clause of {clean}, in order. What is left to do:
# write each English text marked TODO, then move each stub into the section it belongs to
# (overview, achievements, actions, targets, speakers, awards, glossary: content/README.md)
# and give it that section's fields. `briefing check FILE` lists what is still to do;
# `briefing check --coverage FILE` shows every passage no quote covers yet.
"""


@dataclass(frozen=True)
class NewBriefing:
    """The files `briefing new` writes: the briefing and its raw and clean sources."""

    briefing: Path
    raw: Path
    clean: Path

    @property
    def paths(self) -> tuple[Path, Path, Path]:
        return (self.briefing, self.raw, self.clean)


def briefing_id(path: Path) -> str:
    """An id for a briefing from its article's file name: lower-case ASCII words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", path.stem.lower().removesuffix(".raw"))
    return "-".join(words) or "briefing"


def plan_new(article_path: Path, into: Path, name: str | None = None) -> NewBriefing:
    name = name or briefing_id(article_path)
    return NewBriefing(into / f"{name}.yaml", into / "sources" / f"{name}.raw.txt", into / "sources" / f"{name}.txt")


def write_new(raw_text: str, plan: NewBriefing) -> None:
    """Write the raw source, the clean source and the skeleton; refuse if any of them exists."""
    existing = [str(path) for path in plan.paths if path.exists()]
    if existing:
        raise FileExistsError(f"will not overwrite {', '.join(existing)}")
    article = read_article(raw_text)
    plan.raw.parent.mkdir(parents=True, exist_ok=True)
    # "x": never replace a file that appeared since the check above.
    with open(plan.raw, "x", encoding="utf-8") as stream:
        stream.write(raw_text)
    with open(plan.clean, "x", encoding="utf-8") as stream:
        stream.write(article.clean + "\n")
    with open(plan.briefing, "x", encoding="utf-8") as stream:
        stream.write(skeleton(article, plan))


def skeleton(article: Article, plan: NewBriefing) -> str:
    """A format 2 briefing: the meeting block from what the text says, and a stub per passage."""
    if not article.passages:
        raise ValueError("the article has no text to quote")
    facts = meeting_facts(article)
    first, *rest = article.passages
    raw, clean = (path.relative_to(plan.briefing.parent).as_posix() for path in (plan.raw, plan.clean))
    lines = [_SKELETON_HEAD.format(raw=raw, clean=clean), "format: 2", "meeting:", "  kind: meeting",
             f"  title: {_bilingual(facts.title or TODO)}"]
    if facts.date:
        lines.append(f"  date: {facts.date.isoformat()}")
        if facts.year_inferred:
            lines.append("  year_inferred: true  # the year is not printed beside the date")
    else:
        lines.append("  # date: YYYY-MM-DD  (TODO: the text gives no date that could be read)")
    if facts.place:
        lines.append(f"  place: {_bilingual(facts.place)}")
    lines += [f"  text: {_bilingual(first.text)}", f"  quote: {_quoted(first.text)}", "  source:",
              f"    raw: {raw}", f"    clean: {clean}",
              f"    script: {'Hans' if article.script == 'Simplified' else 'Hant'}"]
    header = article.header
    if header.get("URL"):
        lines.append(f"    url: {_quoted(header['URL'])}")
    if header.get("TITLE"):
        lines.append(f"    headline: {_bilingual(header['TITLE'])}")
    truncated = re.sub(r"^yes\s*-\s*", "", header.get("TRUNCATED", ""))
    partial = "; ".join(filter(None, [header.get("AVAILABLE"), truncated]))
    if partial:
        lines.append(f"    partial: {_bilingual(TODO, english=f'{TODO}: {partial}')}")
    lines.append("stubs:")
    for passage in rest:
        number = sum(p.paragraph == passage.paragraph for p in article.passages if p.start <= passage.start)
        lines += [f"  - id: p{passage.paragraph}-{number}",
                  f"    text: {_bilingual(passage.text)}",
                  f"    quote: {_quoted(passage.text)}"]
    return "\n".join(lines) + "\n"


def _bilingual(chinese: str, english: str = TODO) -> str:
    return f"{{en: {_quoted(english)}, zh: {_quoted(chinese)}}}"


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: safe for any colon, comma or quote in the text.
    return json.dumps(text, ensure_ascii=False)


# -- what is still to do ----------------------------------------------------------------------

def to_dos(path: Path) -> list[ContentError]:
    """What a skeleton still asks of its author: English marked TODO, and stubs not yet sorted.

    These are findings, not errors: the file is a valid briefing, only an unfinished one."""
    text, error = read_text(path)
    if error or (TODO not in text and "stubs" not in text):
        return []  # a finished briefing: no need to compose it again (a large one takes a while)
    root, error = compose_yaml(str(path), text)
    if error or not isinstance(root, yaml.MappingNode):
        return []
    found: list[ContentError] = []

    def note(node: yaml.Node, where: str, message: str) -> None:
        mark = node.start_mark
        found.append(ContentError(str(path), mark.line + 1, mark.column + 1, where, f"to do: {message}"))

    def walk(node: yaml.Node, where: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = f"{where}.{key.value}" if where else str(key.value)
                if key.value == "en" and isinstance(value, yaml.ScalarNode) and value.value.startswith(TODO):
                    note(value, name, "write the English")
                else:
                    walk(value, name)
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                walk(child, f"{where}[{i}]")

    walk(root, "")
    stubs = lookup(root, "stubs")
    if isinstance(stubs, yaml.SequenceNode):
        for i, stub in enumerate(stubs.value):
            note(stub, f"stubs[{i}]", "move this stub into the section it belongs to")
    return sorted(found, key=lambda e: (e.line, e.column))
