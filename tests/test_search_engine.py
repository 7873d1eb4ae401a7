"""The search engine, headless: tables of queries and the items they must find first."""

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from tui.search import Document, SearchHit, SearchIndex, build_index, documents_of, literal_index
from tui.search.fold import Folder


@pytest.fixture(scope="module")
def index(briefing):
    return build_index(briefing)


# query → the item that must come first
TOP_RESULTS = [
    ("40%", "digital-economy-share-2023"),          # figure
    ("huawei", "huawei-cloud"),                     # English, case-insensitive
    ("HUAWEI cloud", "huawei-cloud"),               # two terms, AND
    ("Bijie", "bijie"),
    ("數據中心", "data-centres"),                   # Traditional
    ("数据中心", "data-centres"),                   # Simplified finds Traditional
    ("sjzx", "data-centres"),                       # pinyin initials
    ("shujuzhongxin", "data-centres"),              # full pinyin
    ("shuju zhongxin", "data-centres"),             # full pinyin, two terms
    ("dongshuxisuan", "east-data-west-computing"),  # 東數西算, a glossary title, by full pinyin
    ("east data", "east-data-west-computing"),
    ("貴人碼", "public-apps"),
    ("贵人码", "public-apps"),
    ("grm", "public-apps"),                         # 貴人碼 by initials
    ("anshun", "anshun"),
    ("17", "software-revenue"),
    ("3.6億", "trading-volume"),
    ("第五", "digital-government"),
    ("four new", "four-new"),
    ("editorial", None),                            # no item text says "editorial": nothing
]


@pytest.mark.parametrize("query, expected", TOP_RESULTS)
def test_top_result(index, query, expected):
    result = index.search(query)
    if expected is None:
        assert result.total == 0
    else:
        assert result.ids[0] == expected, result.ids[:5]


@pytest.mark.parametrize("query", ["数据中心", "數據中心", "sjzx", "shuju zhongxin"])
def test_both_scripts_and_pinyin_find_the_same_data_centre_items(index, query):
    assert set(index.search(query).ids) == set(index.search("數據中心").ids)
    assert len(index.search(query).ids) == 5


def test_literal_before_initials_before_pinyin(index):
    # "huawei" is literal in the Huawei Cloud title and pinyin (華為) in the speakers' shared quote.
    hits = index.search("huawei").hits
    assert hits[0].tier == "literal"
    assert {h.tier for h in hits[1:]} == {"pinyin"}


def test_title_before_body_before_quote_then_document_order(index, briefing):
    hits = index.search("數據中心").hits
    parts = [h.part for h in hits]
    assert parts == sorted(parts, key=("title", "body", "quote").index)
    order = [d.id for d in documents_of(briefing)]
    bodies = [h.document.id for h in hits if h.part == "body"]
    assert bodies == sorted(bodies, key=order.index)


def test_all_terms_must_match(index):
    assert index.search("data centre").total == 5
    assert index.search("data centre huawei").total == 0


@pytest.mark.parametrize("query, field_text, span", [
    ("sjzx", "新增重點數據中心項目11個", (4, 8)),
    ("shujuzhongxin", "新增重點數據中心項目11個", (4, 8)),
    ("shuju", "新增重點數據中心項目11個", (4, 6)),
    ("数据中心", "新增重點數據中心項目11個", (4, 8)),
    ("key data", "11 new key data-centre projects", (7, 10)),
])
def test_highlights_mark_exactly_the_matched_characters(index, query, field_text, span):
    hit = next(h for h in index.search(query).hits if h.document.id == "data-centres")
    field = next(i for i, f in enumerate(hit.document.fields) if f[2] == field_text)
    assert span in hit.spans[field]


def test_pinyin_matches_start_at_a_syllable():
    index = SearchIndex([_doc("a", "長江")], Folder(simplify=True))  # chang jiang
    assert index.search("changjiang").total == 1
    assert index.search("hangjiang").total == 0  # "hang" inside "chang" is not a syllable start


def test_heteronyms_are_read_from_simplified_text():
    index = SearchIndex([_doc("bank", "銀行"), _doc("city", "重慶")], Folder(simplify=True))
    assert index.search("yinhang").ids == ["bank"]
    assert index.search("chongqing").ids == ["city"]


def test_folding_keeps_offsets_one_for_one():
    folder = Folder(simplify=True)
    for text in ["數據中心", "İstanbul ß GDP", "幹部乾燥"]:
        assert len(folder.fold(text)) == len(text)
    assert folder.fold("數據 GDP") == "数据 gdp"
    assert Folder().fold("數據 GDP") == "數據 gdp"  # without a converter: case only


def test_the_literal_index_needs_neither_opencc_nor_pypinyin():
    code = ("import sys; from tui.loader import load_briefing; from tui.search import literal_index; "
            "from tui.paths import default_briefing; ix = literal_index(load_briefing(default_briefing())); "
            "assert ix.search('huawei').ids[0] == 'huawei-cloud'; "
            "assert 'pypinyin' not in sys.modules and 'opencc' not in sys.modules, sorted(sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_literal_index_matches_literally_only(briefing):
    index = literal_index(briefing)
    assert index.search("數據中心").total == 5
    assert index.search("sjzx").total == 0


def test_queries_with_control_characters_or_only_spaces(index):
    assert index.search("   ").total == 0
    assert index.search("huawei\x1b\x00").ids[0] == "huawei-cloud"


def _doc(doc_id, zh):
    from tui.search import Document

    return Document(doc_id, "glossary", (("title", "zh", zh),))


WARM_START = """
import pickle, sys
index = pickle.load(open(sys.argv[1], "rb"))
for query in ["huawei", "數據中心", "数据中心", "sjzx", "shujuzhongxin", "shuju zhongxin", "s", "sh", "huawei cloud",
              "貴人碼", "龍", "zebra", "HUAWEI"]:
    result = index.search(query)
    for hit in result.hits:
        hit.spans
assert index.search("sjzx").ids[0] == "data-centres"
assert index.search("sh").total > 0
print(sorted(name for name in ("pypinyin", "opencc") if name in sys.modules))
"""


def test_an_index_read_back_searches_without_pypinyin_or_opencc(index, tmp_path):
    # A warm start loads the index from the cache: no query, not even the first pinyin keystroke,
    # may import pypinyin or OpenCC (a third of a second and 57 MiB on the UI thread).
    path = tmp_path / "index.pickle"
    path.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
    result = subprocess.run([sys.executable, "-c", WARM_START, str(path)], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_traditional_query_finds_simplified_text_the_index_never_folded():
    index = SearchIndex([_doc("dragon", "龙舟")], Folder(simplify=True))
    assert index.search("龍").ids == ["dragon"]


@pytest.mark.parametrize("query", ["a", "d", "da", "data", "shu", "s", "sh", "数", "40%", "an"])
def test_testing_every_document_at_once_finds_what_the_scan_finds(briefing, monkeypatch, query):
    # Once most documents match, a column tests the rest in one pass: it must find the same.
    documents = documents_of(briefing) * 4
    documents = [Document(f"{d.id}-{n}", d.section, d.fields) for n, d in enumerate(documents)]
    dense = SearchIndex(documents, Folder(simplify=True))
    monkeypatch.setattr("tui.search.index._DENSE_AFTER", len(documents) + 1)
    scanned = dense.search(query)
    monkeypatch.undo()
    found = dense.search(query)
    assert found.ids == scanned.ids
    assert [h.spans for h in found.hits] == [h.spans for h in scanned.hits]


def test_terms_that_cannot_be_pinyin_skip_it_and_those_that_can_do_not(index):
    assert not index._readable("zebra") and not index._readable("sjzx")
    assert index._readable("shujuzhongxin") and index._readable("shuj") and index._readable("s")


WORD_QUERIES = ["a", "d", "da", "data", "data-centre", "40%", "shu", "s", "sh", "数", "数据中心", "數據", "sjzx",
                "shujuzhongxin", "an", "huawei cloud", "digital 40%", "3.6億", "№1", "zebra", "xian"]


@pytest.fixture(scope="module")
def repeated(briefing):
    """The bundled documents three times over (titles numbered), so that most words repeat."""
    return [Document(f"{d.id}-{n}", d.section,
                     tuple((part, lang, f"{text} №{n}" if part == "title" else text) for part, lang, text in d.fields))
            for n in range(3) for d in documents_of(briefing)]


@pytest.mark.parametrize("dense_after, words_most", [(64, 16), (10**9, 16), (64, 1), (10**9, 1)])
def test_scanning_distinct_words_finds_what_scanning_the_documents_finds(repeated, monkeypatch, dense_after,
                                                                         words_most):
    # A column keeps its distinct words when they are much shorter than its text, and scans them
    # instead (unless a term is in many words): the same items, in the same order, with the same
    # highlights, either way.
    monkeypatch.setattr("tui.search.index._DENSE_AFTER", dense_after)
    monkeypatch.setattr("tui.search.index._WORDS_MOST", words_most)
    with_words = SearchIndex(repeated, Folder(simplify=True))
    monkeypatch.setattr("tui.search.index._WORDS_SHARE", 0.0)
    without = SearchIndex(repeated, Folder(simplify=True))
    assert any(column.words for column in with_words.latin + with_words.full)
    assert not any(column.words for column in without.latin + without.other + without.initials + without.full)
    for query in WORD_QUERIES:
        found, scanned = with_words.search(query), without.search(query)
        assert found.ids == scanned.ids, query
        assert [(h.tier, h.part, h.spans) for h in found.hits] == [(h.tier, h.part, h.spans) for h in scanned.hits]


@pytest.mark.parametrize("order", [1, -1])
def test_a_word_of_full_pinyin_keeps_where_its_syllables_start(order):
    # 西安 (xi an) and 先 (xian) have the same full pinyin but not the same syllables: "an" starts
    # one in 西安 only. Words are told apart by their syllables as well as their letters.
    documents = [_doc("xian", "西安"), _doc("first", "先")] * 3
    documents = [Document(f"{d.id}-{n}", d.section, d.fields) for n, d in enumerate(documents)][::order]
    index = SearchIndex(documents, Folder(simplify=True))
    assert index.full[0].words is not None  # the repeated titles are scanned as words
    assert {i.split("-")[0] for i in index.search("an").ids} == {"xian"}
    assert {i.split("-")[0] for i in index.search("xian").ids} == {"xian", "first"}


def test_highlights_are_worked_out_only_for_the_hits_read(index, monkeypatch):
    calls = []
    original = SearchIndex._spans
    monkeypatch.setattr(SearchIndex, "_spans", lambda self, *args: calls.append(args[0]) or original(self, *args))
    result = index.search("shuju")
    assert len(result.hits) > 1 and calls == []
    first = result.hits[0]
    assert first.spans and first.spans is first.spans  # worked out once, then kept
    assert len(calls) == 1


def test_a_hit_made_with_its_spans_keeps_them(index):
    document = index.documents[0]
    hit = SearchHit(document, "literal", "title", {0: ((0, 2),)})
    assert hit.spans == {0: ((0, 2),)} and hit.field_to_show("en") == 0
    assert SearchHit(document, "literal", "title").spans == {}


@pytest.mark.parametrize("dense_after", [2, 10**9])
def test_a_term_in_too_many_words_is_looked_for_in_the_documents(monkeypatch, dense_after):
    # Each word found costs a step in Python: past ``most`` words (testing the rest at once or not),
    # the column scans its documents instead.
    from tui.search.index import _Strip

    monkeypatch.setattr("tui.search.index._DENSE_AFTER", dense_after)
    words = _Strip([f"d{n}" for n in range(40)])
    assert words.find("d", 10) is None
    assert words.find("d1", 20) == [1, *range(10, 20)]
