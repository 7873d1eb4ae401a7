"""The search engine: every field of every item, matched literally, by pinyin initials and by full pinyin.

All the text of one kind lives in one long string (a *column*), so a term is found
with ``str.find`` at C speed; after a hit the scan jumps to the next item, so the
work grows with the number of items found, not with the number of occurrences.
Fields are laid out title, body, quote within an item, so the first hit in an
item is its best field.

Ranking: literal matches before initials before full pinyin; title before body
before quote; then document order. Space-separated terms must all match.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Achievement, Action, Briefing
from .fold import Folder, pinyin_of

PARTS = ("title", "body", "quote")
TIERS = ("literal", "initials", "pinyin")
_SEPARATOR = "\x00"


@dataclass(frozen=True)
class Document:
    """What search sees of an item: its fields as (part, language, text), best part first."""

    id: str
    section: str
    fields: tuple[tuple[str, str, str], ...]


def documents_of(briefing: Briefing) -> list[Document]:
    """Every item of a briefing as a Document, in document order."""
    documents = []
    for section, item in briefing.items():
        body = [("body", "en", item.text.en), ("body", "zh", item.text.zh)]
        if isinstance(item, Action):
            for measure in item.measures:
                body += [("body", "en", measure.text.en), ("body", "zh", measure.text.zh)]
        if isinstance(item, Achievement):
            for figure in item.figures:
                body += [("body", "en", figure.display.en), ("body", "zh", figure.display.zh)]
        fields = [("title", "en", item.title.en), ("title", "zh", item.title.zh), *body,
                  ("quote", "zh", item.quote.text)]
        documents.append(Document(item.id, section, tuple(fields)))
    return documents


@dataclass(frozen=True)
class SearchHit:
    """One item found: how well, and which characters of which fields matched."""

    document: Document
    tier: str
    part: str
    spans: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)  # field index → spans

    def field_to_show(self, language_key: str) -> int:
        """The field to show a snippet of: a matched title in the reader's language, else the best match."""
        matched = [i for i in self.spans if self.spans[i]]
        for i in matched:
            part, lang, _ = self.document.fields[i]
            if part == self.part and lang == language_key:
                return i
        return min(matched, key=lambda i: (PARTS.index(self.document.fields[i][0]), i)) if matched else 0


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: list[SearchHit]  # the best ``limit`` hits, with spans
    ids: list[str]  # every item found, best first

    @property
    def total(self) -> int:
        return len(self.ids)


class _Column:
    """Many fields' text in one string, separated by NUL, with a map back to (document, field)."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.starts: list[int] = []
        self.doc: list[int] = []
        self.field: list[int] = []
        self.rank: list[int] = []
        self.next_doc_entry: list[int] = []
        self.length = 0
        self.text = ""
        self.boundaries: bytearray | None = None

    def add(self, doc: int, field_index: int, part: str, text: str) -> None:
        self.chunks.append(text)
        self.starts.append(self.length)
        self.doc.append(doc)
        self.field.append(field_index)
        self.rank.append(PARTS.index(part))
        self.length += len(text) + 1

    def finish(self) -> None:
        self.text = _SEPARATOR.join(self.chunks) + _SEPARATOR
        self.chunks = []
        # For each entry, the first entry of the next document: where a scan resumes after a hit.
        count = len(self.doc)
        self.next_doc_entry = [count] * count
        for k in range(count - 2, -1, -1):
            self.next_doc_entry[k] = k + 1 if self.doc[k + 1] != self.doc[k] else self.next_doc_entry[k + 1]

    def scan(self, term: str, accept: Callable[[int], bool] | None = None) -> Iterator[int]:
        """Entries in which ``term`` occurs (acceptably), the first per document only."""
        starts, find = self.starts, self.text.find
        i = find(term)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            if accept is None or accept(i):
                yield k
                nxt = self.next_doc_entry[k]
                i = find(term, starts[nxt]) if nxt < len(starts) else -1
            else:
                i = find(term, i + 1)

    def entry_text(self, k: int) -> str:
        start = self.starts[k]
        return self.text[start:self.text.index(_SEPARATOR, start)]


class SearchIndex:
    """Search over documents. ``pinyin=False`` with a plain Folder gives a literal-only index
    that needs neither OpenCC nor pypinyin (what the app uses until the full index is built)."""

    def __init__(self, documents: Iterable[Document], folder: Folder | None = None, pinyin: bool = True):
        self.documents = list(documents)
        self.folder = folder or Folder()
        self.pinyin = pinyin
        # Literal text goes in two columns: fields of Latin-1 text (one byte a character in CPython)
        # and the rest. A term with a character beyond Latin-1 skips the first at once, and a
        # Latin term scans half the bytes it would in a single mixed column.
        self.latin, self.other = _Column(), _Column()
        self.initials, self.full = _Column(), _Column()
        self.full.boundaries = bytearray()
        self._folded: list[list[tuple[_Column, int]]] = []  # document → where each field's folded text is
        for doc, document in enumerate(self.documents):
            places = []
            for index, (part, lang, text) in enumerate(document.fields):
                folded = self.folder.fold(text)
                column = self.latin if folded.isascii() or max(folded) <= "\xff" else self.other
                places.append((column, len(column.doc)))
                column.add(doc, index, part, folded)
                if pinyin and lang == "zh":
                    self._add_pinyin(doc, index, part, folded)
            self._folded.append(places)
        for column in (self.latin, self.other, self.initials, self.full):
            column.finish()

    def _add_pinyin(self, doc: int, index: int, part: str, folded: str) -> None:
        entries = pinyin_of(folded)
        self.initials.add(doc, index, part, "".join(e[0] for e in entries))
        self.full.add(doc, index, part, "".join(entries))
        for entry in entries:
            self.full.boundaries += b"\x01" + b"\x00" * (len(entry) - 1)
        self.full.boundaries += b"\x00"  # the separator

    # -- searching --------------------------------------------------------------------

    def terms(self, query: str) -> list[str]:
        return [t for t in self.folder.fold("".join(ch for ch in query if ch.isprintable())).split() if t]

    def _tiers(self, term: str):
        yield 0, self.latin, None
        yield 0, self.other, None
        if self.pinyin and len(term) >= 2 and term.isascii():
            if term.isalnum():
                yield 1, self.initials, None
            if term.isalpha():
                yield 2, self.full, self.full.boundaries.__getitem__

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Items matching every term of ``query``, best first."""
        terms = self.terms(query)
        if not terms:
            return SearchResult(query, [], [])
        per_term: list[dict[int, int]] = []  # for each term: document → tier * len(PARTS) + part
        for term in terms:
            found: dict[int, int] = {}
            for tier, column, accept in self._tiers(term):
                for k in column.scan(term, accept):
                    score = tier * len(PARTS) + column.rank[k]
                    if found.get(column.doc[k], score) >= score:
                        found[column.doc[k]] = score
            per_term.append(found)
        if len(per_term) == 1:
            score = per_term[0]
        else:  # every term must match; an item ranks as its worst-matching term
            smallest = min(per_term, key=len)
            score = {d: max(found[d] for found in per_term) for d in smallest
                     if all(d in found for found in per_term)}
        docs, count = list(score), len(self.documents)
        ranked = sorted(docs, key=lambda d: score[d] * count + d)
        hits = [self._hit(d, score[d], [(t, found[d] // len(PARTS)) for t, found in zip(terms, per_term, strict=True)])
                for d in ranked[:limit]]
        return SearchResult(query, hits, [self.documents[d].id for d in ranked])

    def _hit(self, doc: int, score: int, terms: list[tuple[str, int]]) -> SearchHit:
        """A hit with its spans: each term highlighted where it matched, in the tier it matched in."""
        document = self.documents[doc]
        spans: dict[int, tuple[tuple[int, int], ...]] = {}
        for index, (_, lang, _) in enumerate(document.fields):
            if lang != "zh" and all(tier for _, tier in terms):
                continue  # pinyin and initials only match Chinese fields
            column, entry = self._folded[doc][index]
            folded = column.entry_text(entry)
            found = [span for term, tier in terms for span in self._spans(folded, lang, term, tier)]
            if found:
                spans[index] = tuple(sorted(set(found)))
        tier, rank = divmod(score, len(PARTS))
        return SearchHit(document, TIERS[tier], PARTS[rank], spans)

    def _spans(self, folded: str, lang: str, term: str, tier: int) -> list[tuple[int, int]]:
        """Where ``term`` matches in one field, as character spans, matching as it did in ``tier``."""
        if tier == 0:
            return [(i, i + len(term)) for i in _occurrences(folded, term)]
        if lang != "zh":
            return []
        entries = pinyin_of(folded)
        if tier == 1:
            return [(i, i + len(term)) for i in _occurrences("".join(e[0] for e in entries), term)]
        char_at, starts = [], set()
        for index, entry in enumerate(entries):
            starts.add(len(char_at))
            char_at += [index] * len(entry)
        return [(char_at[i], char_at[i + len(term) - 1] + 1)
                for i in _occurrences("".join(entries), term) if i in starts]


def _occurrences(text: str, term: str) -> list[int]:
    out, i = [], text.find(term)
    while i >= 0:
        out.append(i)
        i = text.find(term, i + 1)
    return out
