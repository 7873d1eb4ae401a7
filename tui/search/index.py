"""The search engine: every field of every item, matched literally, by pinyin initials and by full pinyin.

Text is laid out in *columns*, one per kind of text (literal Latin-1, other literal, pinyin
initials, full pinyin) and part (title, body, quote): one string holding every document's fields of
that kind and part, fields ended by NUL and documents by U+0001. A term is found with ``str.find``
at C speed; after a hit the scan jumps to the next document, so the work grows with the documents
found, not with the occurrences; once most documents match, the rest are tested in one C-level
pass. A column also keeps its distinct *words* (runs without white space) with the documents
holding each, when they are much shorter than its text (English words recur; so does text shared
by many items): a query term has no white space, so it lies inside one word, and scanning the
words finds the same documents in a fraction of the text. Ranking and combining terms are set
operations; highlights are worked out only for the hits read (``SearchHit.spans``).

Full pinyin keeps, beside its text, one byte per position saying where a character's syllable
starts: a term must start there (``hang`` is not found in ``chang``) and may run across syllables.
A term that cannot be read as the index's syllables skips full pinyin. The index keeps the pinyin
it was built with, so searching never reads the pinyin table, and its Folder keeps its simplification
table: an index read back from the cache reads neither of search's tables (``tables.py``).

Ranking: literal matches before initials before full pinyin; title before body
before quote; then document order. Space-separated terms must all match.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, chain, compress, islice, repeat
from operator import contains
from typing import cast

from ..bulk import collector_paused
from ..model import Achievement, Action, Briefing
from .fold import Folder, pinyin_of

PARTS = ("title", "body", "quote")
TIERS = ("literal", "initials", "pinyin")
_RANK = {part: rank for rank, part in enumerate(PARTS)}
_LEVELS = len(TIERS) * len(PARTS)
_FIELD_END, _UNIT_END = "\x00", "\x01"
_WORD = re.compile(r"\S+").finditer  # white space as ``str.split`` has it (both use Py_UNICODE_ISSPACE)
_SEPARATORS = str.maketrans("\x00\x01", "  ")  # content never ends a field or a document early
_HAS_SEPARATOR = re.compile("[\x00\x01]").search
_BEYOND_LATIN_1 = re.compile("[^\x00-\xff]").search  # much faster than max(text) on long text
# Once this many documents are found and more than this share of those scanned, test the rest each.
_DENSE_AFTER, _DENSE = 64, 0.15
# A column scans its distinct words instead of its text when they are under this share of it.
_WORDS_SHARE = 0.5
# A column scans its documents instead once a term is in more words than this share of them (1 in N).
_WORDS_MOST = 16


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


class SearchHit:
    """One item found: how well, and which characters of which fields matched.

    ``spans`` (field index → character spans) are worked out when first read: a search costs
    nothing for the hits no one shows."""

    __slots__ = ("document", "tier", "part", "_spans", "_find")

    def __init__(self, document: Document, tier: str, part: str,
                 spans: dict[int, tuple[tuple[int, int], ...]] | None = None,
                 find: Callable[[], dict[int, tuple[tuple[int, int], ...]]] | None = None) -> None:
        self.document, self.tier, self.part = document, tier, part
        self._spans = {} if spans is None and find is None else spans
        self._find = find

    @property
    def spans(self) -> dict[int, tuple[tuple[int, int], ...]]:
        if self._spans is None:
            assert self._find is not None
            self._spans, self._find = self._find(), None
        return self._spans

    def __repr__(self) -> str:
        return f"SearchHit({self.document.id!r}, {self.tier!r}, {self.part!r})"

    def field_to_show(self, language_key: str) -> int:
        """The field to show a snippet of: a matched title in the reader's language, else the best match."""
        spans = self.spans
        matched = [i for i in spans if spans[i]]
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


class _Strip:
    """Units of text (a document's fields, or distinct words) in one string, each unit ended by U+0001.

    With ``marks`` (full pinyin), one byte per position of the text says where a syllable starts,
    and a term must start there."""

    def __init__(self, units: list[str], marks: list[bytes] | None = None) -> None:
        self.text = _UNIT_END.join(units) + _UNIT_END
        self.ends = array("q", (end - 1 for end in accumulate(len(unit) + 1 for unit in units)))
        self.marks = None if marks is None else b"\x00".join(marks) + b"\x00"
        self._split: list[str] | None = None  # the text unit by unit, made when first needed

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_split": None}

    def find(self, term: str, most: int | None = None) -> list[int] | None:
        """The units in which ``term`` occurs (at the start of a syllable, with marks), in order;
        None once more than ``most`` are found.

        After a hit the scan resumes at the next unit, so the work grows with the units found;
        without ``most``, once most units are found, the rest are tested with one C-level pass."""
        text, ends, marks, found = self.text, self.ends, self.marks, []
        i = text.find(term)
        while i >= 0:
            if marks is None or marks[i]:
                unit = bisect_left(ends, i)
                found.append(unit)
                if most is not None:
                    if len(found) > most:
                        return None
                elif len(found) >= _DENSE_AFTER and len(found) > _DENSE * unit:
                    return found + self._find_each(term, unit + 1)
                i = text.find(term, ends[unit])
            else:
                i = text.find(term, i + 1)
        return found

    def _find_each(self, term: str, first: int) -> list[int]:
        if self._split is None:
            self._split = self.text.split(_UNIT_END)
        count = len(self.ends)
        found = list(compress(range(first, count), map(contains, islice(self._split, first, count), repeat(term))))
        return found if self.marks is None else [unit for unit in found if self._at_syllable(unit, term)]

    def _at_syllable(self, unit: int, term: str) -> bool:
        start, end, marks = self.start(unit), self.ends[unit], self.marks
        i = self.text.find(term, start, end)
        while i >= 0 and marks is not None and not marks[i]:
            i = self.text.find(term, i + 1, end)
        return i >= 0

    def start(self, unit: int) -> int:
        return self.ends[unit - 1] + 1 if unit else 0


class _Column:
    """One kind of text of one part of every document (see the module docstring).

    Beside the documents' text, a column keeps its distinct words (runs without white space), each
    once, with the documents holding it, when they are much shorter than the text: a term, having
    no white space, lies inside one word, so scanning the words finds the same documents."""

    def __init__(self, count: int, syllables: bool = False) -> None:
        self._fields: list[list[str]] | None = [[] for _ in range(count)]
        self._marks: list[bytes] | None = [] if syllables else None
        self.documents = _Strip([])
        self.words: _Strip | None = None
        self.postings = array("i")  # the documents of each word, word after word
        self.starts = array("q")  # where each word's documents start in ``postings`` (and the end)

    def add(self, doc: int, text: str, syllables: list[str] | None = None) -> None:
        assert self._fields is not None
        self._fields[doc].append(text)
        if self._marks is not None and syllables is not None:
            self._marks.append(b"".join(b"\x01" + b"\x00" * (len(s) - 1) for s in syllables))

    def finish(self) -> None:
        fields = self._fields or []
        marks: list[list[bytes]] | None = None
        if self._marks is not None:
            each = iter(self._marks)
            marks = [[next(each) for _ in texts] for texts in fields]
        self.documents = _Strip([_FIELD_END.join(texts) for texts in fields],
                                None if marks is None else [b"\x00".join(m) for m in marks])
        self._words(fields, marks)
        self._fields = self._marks = None

    def _words(self, fields: list[list[str]], marks: list[list[bytes]] | None) -> None:
        """The distinct words and their documents, kept only if they are much shorter than the text."""
        numbers: dict[str | tuple[str, bytes], int] = {}  # a word (and its marks, in full pinyin) → its number
        postings: list[list[int]] = []
        size, most = 0, _WORDS_SHARE * len(self.documents.text)
        for doc, texts in enumerate(fields):
            words: Sequence[str | tuple[str, bytes]] = (
                " ".join(texts).split() if marks is None else
                [(m.group(), field_marks[m.start():m.end()])
                 for text, field_marks in zip(texts, marks[doc], strict=True) for m in _WORD(text)])
            for word in dict.fromkeys(words):
                number = numbers.get(word)
                if number is None:
                    numbers[word] = len(postings)
                    postings.append([doc])
                    size += len(word if marks is None else word[0]) + 1
                else:
                    postings[number].append(doc)
            if size >= most:  # the words only grow: stop here
                return
        if marks is None:
            self.words = _Strip(list(cast(dict[str, int], numbers)))
        else:
            keys = cast(dict[tuple[str, bytes], int], numbers)
            self.words = _Strip([text for text, _ in keys], [m for _, m in keys])
        self.postings = array("i", chain.from_iterable(postings))
        self.starts = array("q", accumulate(map(len, postings), initial=0))

    def find(self, term: str) -> Iterable[int]:
        """The documents in which ``term`` occurs (at the start of a syllable, in full pinyin).

        Each word found costs a step in Python: past a few, scanning the documents is faster."""
        words = None if self.words is None else self.words.find(term, len(self.documents.ends) // _WORDS_MOST)
        if words is None:
            return self.documents.find(term) or ()
        postings, starts = self.postings, self.starts
        return set(chain.from_iterable(postings[starts[word]:starts[word + 1]] for word in words))

    def spans(self, doc: int, term: str) -> list[tuple[int, tuple[int, int]]]:
        """Where ``term`` is in a document: which of its fields in this column, and the characters
        of that field it covers (whole syllables' characters in full pinyin, where it must start one)."""
        documents = self.documents
        text, marks, start, end = documents.text, documents.marks, documents.start(doc), documents.ends[doc]
        out = []
        i = text.find(term, start, end)
        while i >= 0:
            if marks is None or marks[i]:
                field = text.rfind(_FIELD_END, start, i) + 1 or start
                if marks is None:
                    span = (i - field, i - field + len(term))
                else:  # the character a position belongs to: the marks up to it, less one
                    span = (marks.count(1, field, i + 1) - 1, marks.count(1, field, i + len(term)))
                out.append((text.count(_FIELD_END, start, i), span))
            i = text.find(term, i + 1, end)
        return out


class SearchIndex:
    """Search over documents. ``pinyin=False`` with a plain Folder gives a literal-only index
    that reads neither of search's Chinese tables (what the app uses until the full index is built)."""

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
        # Per field of each document, the columns it went in: its part's rank, 4 if its literal text
        # went in ``other``, 8 if it has pinyin (so that a hit finds its fields without folding them).
        kinds = bytearray()
        for doc, document in enumerate(self.documents):
            for part, lang, text in document.fields:
                rank = _RANK[part]
                folded = self.folder.fold(text)
                if _HAS_SEPARATOR(folded):
                    folded = folded.translate(_SEPARATORS)
                literal = self.latin if text.isascii() or not _BEYOND_LATIN_1(text) else self.other
                literal[rank].add(doc, folded)
                kinds.append(rank | (4 if literal is self.other else 0) | (8 if pinyin and lang == "zh" else 0))
                if pinyin and lang == "zh":
                    entries = pinyin_of(folded)
                    self.initials[rank].add(doc, "".join(entry[0] for entry in entries))
                    self.full[rank].add(doc, "".join(entries), entries)
                    syllables.update(entries)
        for column in chain(self.latin, self.other, self.initials, self.full):
            column.finish()
        self._kinds = bytes(kinds)
        self._kinds_start = array("q", accumulate((len(document.fields) for document in self.documents), initial=0))
        # Every syllable the full pinyin holds, and every beginning of one: a term that cannot be
        # read as some of them (the last perhaps unfinished) skips the full pinyin columns.
        self._syllables = frozenset(syllables)
        self._beginnings = frozenset(s[:n] for s in syllables for n in range(1, len(s) + 1))
        self._longest = max(map(len, syllables), default=0)

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

    def _found(self, term: str, tiers: list[tuple[int, list[_Column]]]) -> list[set[int]]:
        """The documents ``term`` is found in at each level (tier * len(PARTS) + part)."""
        levels: list[set[int]] = [set() for _ in range(_LEVELS)]
        for tier, columns in tiers:
            for rank, column in enumerate(columns):
                levels[tier * len(PARTS) + rank].update(column.find(term))
        return levels

    def search(self, query: str, limit: int = 100) -> SearchResult:
        """Items matching every term of ``query``, best first: by the level of their worst-matching
        term, then in document order."""
        terms = self.terms(query)
        if not terms:
            return SearchResult(query, [], [])
        tiers = [list(self._tiers(term)) for term in terms]
        found = [self._found(term, columns) for term, columns in zip(terms, tiers, strict=True)]
        reached: list[set[int]] = [set() for _ in terms]  # per term: the documents found at this level or better
        ranked: list[int] = []
        done: set[int] = set()
        hits: list[SearchHit] = []
        for level in range(_LEVELS):
            if not any(levels[level] for levels in found):
                continue
            if len(terms) == 1:  # no term to wait for: the documents first found at this level
                new = sorted(found[0][level] - done if done else found[0][level])
                done.update(new)
            else:
                for seen, levels in zip(reached, found, strict=True):
                    seen |= levels[level]
                everywhere = set.intersection(*reached)
                new = sorted(everywhere - done)
                done = everywhere
            tier, part = TIERS[level // len(PARTS)], PARTS[level % len(PARTS)]
            hits += (SearchHit(self.documents[doc], tier, part, find=partial(self._spans, doc, terms, tiers, found))
                     for doc in new[:max(0, limit - len(hits))])
            ranked += new
        return SearchResult(query, hits, list(map(self._ids.__getitem__, ranked)))

    def _spans(self, doc: int, terms: list[str], tiers: list[list[tuple[int, list[_Column]]]],
               found: list[list[set[int]]]) -> dict[int, tuple[tuple[int, int], ...]]:
        """Each term highlighted where it matched in ``doc``, in the tier of its best match there."""
        spans: dict[int, set[tuple[int, int]]] = {}
        for term, term_tiers, levels in zip(terms, tiers, found, strict=True):
            best = next(level for level, docs in enumerate(levels) if doc in docs) // len(PARTS)
            for columns in (columns for tier, columns in term_tiers if tier == best):
                for rank, column in enumerate(columns):
                    if doc not in levels[best * len(PARTS) + rank]:
                        continue  # not in this part: no need to look
                    spotted = column.spans(doc, term)  # none, in the other literal column of the part
                    indices = self._fields_in(doc, columns, rank) if spotted else []
                    for nth, span in spotted:
                        spans.setdefault(indices[nth], set()).add(span)
        return {index: tuple(sorted(spans[index])) for index in sorted(spans)}

    def _fields_in(self, doc: int, columns: list[_Column], rank: int) -> list[int]:
        """Which fields of a document went in a column, in order."""
        kinds = self._kinds[self._kinds_start[doc]:self._kinds_start[doc + 1]]
        if columns is self.latin or columns is self.other:
            return [i for i, kind in enumerate(kinds) if kind & 7 == rank | (4 if columns is self.other else 0)]
        return [i for i, kind in enumerate(kinds) if kind & 11 == rank | 8]


