"""The search engine: every field of every item, matched literally, by pinyin initials and by full pinyin.

Text is laid out in *columns*, one per kind of text (literal Latin-1, other literal, pinyin
initials, full pinyin) and part (title, body, quote): one string holding every document's fields of
that kind and part, fields ended by NUL and documents by U+0001. A term is found with ``str.find``
at C speed; after a hit the scan jumps to the next document, so the work grows with the documents
found, not with the occurrences; once most documents match, the rest are tested in one C-level
pass. Ranking and combining terms are dict and set operations; Python-level work per item beyond
that happens only for the hits shown (their highlights).

Full pinyin keeps, beside its text, one byte per position saying where a character's syllable
starts: a term must start there (``hang`` is not found in ``chang``) and may run across syllables.
A term that cannot be read as the index's syllables skips full pinyin. The index keeps the pinyin
it was built with, so searching never needs pypinyin, and its Folder keeps its simplification
table, so folding a query never needs OpenCC: an index read back from the cache needs neither.

Ranking: literal matches before initials before full pinyin; title before body
before quote; then document order. Space-separated terms must all match.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress, islice, repeat
from operator import contains

from ..bulk import collector_paused
from ..model import Achievement, Action, Briefing
from .fold import Folder, pinyin_of

PARTS = ("title", "body", "quote")
TIERS = ("literal", "initials", "pinyin")
_RANK = {part: rank for rank, part in enumerate(PARTS)}
_FIELD_END, _DOCUMENT_END = "\x00", "\x01"
_SEPARATORS = str.maketrans("\x00\x01", "  ")  # content never ends a field or a document early
_HAS_SEPARATOR = re.compile("[\x00\x01]").search
_BEYOND_LATIN_1 = re.compile("[^\x00-\xff]").search  # much faster than max(text) on long text
# Once this many documents are found and more than this share of those scanned, test the rest each.
_DENSE_AFTER, _DENSE = 64, 0.15


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
    """One kind of text of one part of every document, in one string (see the module docstring)."""

    def __init__(self, count: int, syllables: bool = False) -> None:
        self.documents: list[list[str]] = [[] for _ in range(count)]
        self.text = ""
        self.ends = array("q")  # where each document's U+0001 is
        # Full pinyin only: 1 where a character's syllable starts, 0 elsewhere, for each position of text.
        self.syllables: bytes | None = b"" if syllables else None
        self._marks: list[bytes] = []
        self._split: list[str] | None = None  # the text document by document, made when first needed

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_split": None}

    def add(self, doc: int, text: str, syllables: list[str] | None = None) -> None:
        self.documents[doc].append(text)
        if syllables is not None:
            self._marks.append(b"".join(b"\x01" + b"\x00" * (len(s) - 1) for s in syllables))

    def finish(self) -> None:
        texts = [_FIELD_END.join(fields) for fields in self.documents]
        self.text = _DOCUMENT_END.join(texts) + _DOCUMENT_END
        self.ends = array("q", (end - 1 for end in accumulate(len(text) + 1 for text in texts)))
        if self.syllables is not None:
            marks = iter(self._marks)
            self.syllables = b"".join(b"".join(next(marks) + b"\x00" for _ in fields) or b"\x00"
                                      for fields in self.documents)
        self.documents, self._marks = [], []

    def find(self, term: str) -> list[int]:
        """The documents in which ``term`` occurs (at the start of a syllable, in full pinyin), in order.

        After a hit the scan resumes at the next document, so the work grows with the documents
        found; once most documents are found, the rest are tested with one C-level pass."""
        text, ends, syllables, found = self.text, self.ends, self.syllables, []
        i = text.find(term)
        while i >= 0:
            if syllables is None or syllables[i]:
                doc = bisect_left(ends, i)
                found.append(doc)
                if len(found) >= _DENSE_AFTER and len(found) > _DENSE * doc:
                    return found + self._find_each(term, doc + 1)
                i = text.find(term, ends[doc])
            else:
                i = text.find(term, i + 1)
        return found

    def _find_each(self, term: str, first: int) -> list[int]:
        if self._split is None:
            self._split = self.text.split(_DOCUMENT_END)
        count = len(self.ends)
        found = list(compress(range(first, count), map(contains, islice(self._split, first, count), repeat(term))))
        return found if self.syllables is None else [doc for doc in found if self._at_syllable(doc, term)]

    def _at_syllable(self, doc: int, term: str) -> bool:
        start, end, syllables = self.ends[doc - 1] + 1 if doc else 0, self.ends[doc], self.syllables
        i = self.text.find(term, start, end)
        while i >= 0 and syllables is not None and not syllables[i]:
            i = self.text.find(term, i + 1, end)
        return i >= 0

    def fields_of(self, doc: int, terms: list[str]) -> list[tuple[int, str]]:
        """Where each field of a document starts in ``text``, and its text; none if no term is in any."""
        start, end = self.ends[doc - 1] + 1 if doc else 0, self.ends[doc]
        if all(self.text.find(term, start, end) < 0 for term in terms):
            return []
        out = []
        for text in self.text[start:end].split(_FIELD_END):
            out.append((start, text))
            start += len(text) + 1
        return out

    def spans(self, start: int, text: str, term: str) -> list[tuple[int, int]]:
        """Character spans of ``term`` in one field starting at ``start`` (syllable-aligned in full pinyin)."""
        syllables = self.syllables
        if syllables is None:
            return [(i, i + len(term)) for i in _occurrences(text, term)]
        char = syllables.count  # the character a position belongs to: the marks up to it, less one
        return [(char(1, start, start + i + 1) - 1, char(1, start, start + i + len(term)))
                for i in _occurrences(text, term) if syllables[start + i]]


class SearchIndex:
    """Search over documents. ``pinyin=False`` with a plain Folder gives a literal-only index
    that needs neither OpenCC nor pypinyin (what the app uses until the full index is built)."""

    @collector_paused()
    def __init__(self, documents: Iterable[Document], folder: Folder | None = None, pinyin: bool = True):
        self.documents = list(documents)
        self.folder = (folder or Folder()).prepare()
        self.pinyin = pinyin
        self._ids = [document.id for document in self.documents]
        count = len(self.documents)
        # Literal text goes in two kinds of column: fields of Latin-1 text (one byte a character in
        # CPython) and the rest. A term beyond Latin-1 skips the first at once, and a Latin term
        # scans half the bytes it would in a single mixed column.
        self.latin = [_Column(count) for _ in PARTS]
        self.other = [_Column(count) for _ in PARTS]
        self.initials = [_Column(count) for _ in PARTS]
        self.full = [_Column(count, syllables=True) for _ in PARTS]
        syllables: set[str] = set()
        for doc, document in enumerate(self.documents):
            for part, lang, text in document.fields:
                rank = _RANK[part]
                folded = self.folder.fold(text)
                if _HAS_SEPARATOR(folded):
                    folded = folded.translate(_SEPARATORS)
                self._literal(text)[rank].add(doc, folded)
                if pinyin and lang == "zh":
                    entries = pinyin_of(folded)
                    self.initials[rank].add(doc, "".join(entry[0] for entry in entries))
                    self.full[rank].add(doc, "".join(entries), entries)
                    syllables.update(entries)
        for column in chain(self.latin, self.other, self.initials, self.full):
            column.finish()
        # Every syllable the full pinyin holds, and every beginning of one: a term that cannot be
        # read as some of them (the last perhaps unfinished) skips the full pinyin columns.
        self._syllables = frozenset(syllables)
        self._beginnings = frozenset(s[:n] for s in syllables for n in range(1, len(s) + 1))
        self._longest = max(map(len, syllables), default=0)

    def _literal(self, text: str) -> list[_Column]:
        """The literal columns a field's text goes in (decided on the text as written, so that a hit
        can find its fields again without folding them)."""
        return self.latin if text.isascii() or not _BEYOND_LATIN_1(text) else self.other

    # -- searching --------------------------------------------------------------------

    def terms(self, query: str) -> list[str]:
        return [t for t in self.folder.fold("".join(ch for ch in query if ch.isprintable())).split() if t]

    def _tiers(self, term: str) -> Iterator[tuple[int, list[_Column]]]:
        yield 0, self.other
        if not _BEYOND_LATIN_1(term):
            yield 0, self.latin
        if self.pinyin and len(term) >= 2 and term.isascii():
            if term.isalnum():
                yield 1, self.initials
            if term.isalpha() and self._readable(term):
                yield 2, self.full

    def _readable(self, term: str) -> bool:
        """Whether ``term`` can be read as syllables of the full pinyin, the last perhaps unfinished."""
        longest = self._longest
        reachable = [True] + [False] * len(term)  # term[:i] is whole syllables
        for i in range(len(term)):
            if reachable[i]:
                if term[i:] in self._beginnings:
                    return True
                for j in range(i + 1, min(len(term), i + longest) + 1):
                    reachable[j] = reachable[j] or term[i:j] in self._syllables
        return reachable[-1]

    def _best(self, term: str) -> dict[int, int]:
        """Document → its best level (tier * len(PARTS) + part) for ``term``, in order of level then document."""
        levels: list[list[int]] = [[] for _ in range(len(TIERS) * len(PARTS))]
        for tier, columns in self._tiers(term):
            for rank, column in enumerate(columns):
                level = tier * len(PARTS) + rank
                found = column.find(term)
                levels[level] = sorted(set(levels[level]).union(found)) if levels[level] else found
        best: dict[int, int] = dict.fromkeys(chain.from_iterable(levels), 0)
        for level in range(len(levels) - 1, -1, -1):  # better levels last: their values stay
            if levels[level]:
                best.update(dict.fromkeys(levels[level], level))
        return best

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Items matching every term of ``query``, best first."""
        terms = self.terms(query)
        if not terms:
            return SearchResult(query, [], [])
        bests = [self._best(term) for term in terms]
        if len(bests) == 1:
            score = bests[0]
            ranked = list(score)
        else:  # every term must match; an item ranks as its worst-matching term
            smallest: dict[int, int] = min(bests, key=len)
            both = sorted(set(smallest).intersection(*bests))
            score = dict(zip(both, map(max, *(map(best.__getitem__, both) for best in bests)), strict=True))
            ranked = sorted(score, key=score.__getitem__)  # stable: document order within a level
        hits = [self._hit(d, score[d], [(t, best[d] // len(PARTS)) for t, best in zip(terms, bests, strict=True)])
                for d in ranked[:limit]]
        return SearchResult(query, hits, list(map(self._ids.__getitem__, ranked)))

    def _hit(self, doc: int, score: int, terms: list[tuple[str, int]]) -> SearchHit:
        """A hit with its spans: each term highlighted where it matched, in the tier it matched in."""
        document = self.documents[doc]
        literal, initials, full = ([term for term, tier in terms if tier == wanted] for wanted in range(len(TIERS)))
        spans: dict[int, tuple[tuple[int, int], ...]] = {}
        fields: dict[int, list[tuple[int, str]]] = {}  # id(column) → the document's fields in it, in order
        taken: dict[int, int] = {}  # id(column) → how many of them the fields so far took
        for index, (part, lang, text) in enumerate(document.fields):
            rank = _RANK[part]
            columns = [(self._literal(text)[rank], literal)]
            if self.pinyin and lang == "zh":
                columns += [(self.initials[rank], initials), (self.full[rank], full)]
            found: list[tuple[int, int]] = []
            for column, wanted in columns:
                key = id(column)
                nth = taken[key] = taken.get(key, -1) + 1
                if not wanted:
                    continue
                if key not in fields:
                    fields[key] = column.fields_of(doc, wanted)
                if fields[key]:
                    start, field_text = fields[key][nth]
                    for term in wanted:
                        if term in field_text:
                            found += column.spans(start, field_text, term)
            if found:
                spans[index] = tuple(sorted(set(found)))
        tier, rank = divmod(score, len(PARTS))
        return SearchHit(document, TIERS[tier], PARTS[rank], spans)


def _occurrences(text: str, term: str) -> list[int]:
    out, i = [], text.find(term)
    while i >= 0:
        out.append(i)
        i = text.find(term, i + 1)
    return out
