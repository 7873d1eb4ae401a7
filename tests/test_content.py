"""The bundled briefings are faithful to their articles: quotes verbatim, nothing lost, every figure present."""

import re

import pytest
import yaml

from tui.coverage import quotes_of
from tui.loader import load_briefing
from tui.model import Achievement, GlossaryEntry, Target

from .conftest import CONTENT

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
BUNDLED_BRIEFINGS = sorted(CONTENT.glob("*.yaml"))


def clean_text(path):
    briefing_source = yaml.safe_load(path.read_text(encoding="utf-8"))["meeting"]["source"]["clean"]
    return (path.parent / briefing_source).read_text(encoding="utf-8")


def test_every_bundled_briefing_is_checked_here():
    assert [p.name for p in BUNDLED_BRIEFINGS] == ["guizhou-2023.yaml", "hefei-data-work-2025.yaml",
                                                   "national-data-work-2024.yaml"]


@pytest.mark.parametrize("path", BUNDLED_BRIEFINGS, ids=lambda p: p.stem)
def test_every_quote_is_verbatim_in_the_cleaned_article(path):
    clean = clean_text(path)
    for quote in quotes_of(load_briefing(path)):
        assert quote.text in clean
        assert clean[quote.start:quote.end] == quote.text


@pytest.mark.parametrize("path", BUNDLED_BRIEFINGS, ids=lambda p: p.stem)
def test_nothing_the_article_says_is_lost(path):
    clean = clean_text(path)
    covered = set()
    for quote in quotes_of(load_briefing(path)):
        covered.update(range(quote.start, quote.end))
    han = [i for i, ch in enumerate(clean) if HAN.match(ch)]
    missed = "".join(clean[i] for i in han if i not in covered)
    assert not missed, f"{1 - len(missed) / len(han):.1%} of Han characters are quoted; not: {missed}"


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


@pytest.mark.parametrize("path", BUNDLED_BRIEFINGS, ids=lambda p: p.stem)
def test_no_pinyin_annotation_or_question_mark_anywhere_in_the_content(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for text in strings(data):
        assert not re.search(r"[\u4e00-\u9fff]\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", text), text
        assert "?" not in text, text


def test_the_meeting(briefing):
    meeting = briefing.meeting
    assert str(meeting.date) == "2023-02-13"
    assert (meeting.place.en, meeting.place.zh) == ("Guiyang", "貴陽")
    assert (meeting.reviews_year, meeting.plans_year) == (2022, 2023)
    # The five summaries in the article's order; a goal or task follows its section, as the same kind.
    kinds = [s.kind for s in briefing.overview]
    assert list(dict.fromkeys(kinds)) == ["assessment", "guidance", "requirements", "next-steps", "attendance"]
    assert kinds == sorted(kinds, key=kinds.index)


# Every figure of the 2022 achievements the issue names:
# (achievement id, value, English, Chinese, how the article's sentence says it).
FIGURES = [
    ("digital-economy-growth", 7, "seven years in a row", "連續七年", "連續七年位居全國第一"),
    ("digital-economy-share", 37, "about 37% of GDP", "37%左右", "37%左右"),
    ("software-revenue", 17, "17 months in a row", "連續17個月", "連續17個月"),
    ("data-centres", 11, "11 new key data-centre projects", "11個", "項目11個"),
    ("trading-volume", 360_000_000, "over 360 million yuan", "超過3.6億元", "超過3.6億元"),
    ("digital-government", 5, "5th in China", "全國第五", "排名全國第五"),
    ("data-openness", 3, "3rd in China", "全國第三", "排名全國第三"),
]


@pytest.mark.parametrize("item_id, value, en, zh, in_source", FIGURES)
def test_every_figure_is_in_both_languages(briefing, item_id, value, en, zh, in_source):
    achievement = briefing.by_id()[item_id]
    assert isinstance(achievement, Achievement)
    figure = next(f for f in achievement.figures if f.value == value)
    assert (figure.display.en, figure.display.zh) == (en, zh)
    assert in_source in achievement.quote.text


def test_the_five_actions_each_pair_an_innovation_measures_and_targets(briefing):
    index = briefing.by_id()
    assert [a.number for a in briefing.actions] == [1, 2, 3, 4, 5]
    for action in briefing.actions:
        assert index[action.innovation] in briefing.innovations
        assert action.measures and action.targets
        for target_id in action.targets:
            assert index[target_id].action == action.id


def test_targets_carry_value_comparator_unit_year_and_baseline(briefing):
    share = briefing.by_id()["digital-economy-share-2023"]
    assert isinstance(share, Target)
    assert (share.value, share.comparator, share.unit.zh, share.year) == (40, "at-least", "%", 2023)
    assert (share.baseline.value, share.baseline.year, share.baseline.achievement) == (37, 2022,
                                                                                      "digital-economy-share")
    indices = [t for t in briefing.targets if t.group == "integration-index"]
    assert [(t.value, t.comparator) for t in indices] == [(46, "about"), (44, "about"), (45, "about")]
    growth = briefing.by_id()["digital-economy-growth-rank"]
    assert growth.kind == "qualitative" and growth.comparator == "top-ranks"


def test_six_speakers_and_the_award_categories(briefing):
    assert [s.kind for s in briefing.speakers] == ["city", "city", "city", "exchange", "company", "company"]
    assert [s.title.en for s in briefing.speakers][:4] == ["Guiyang", "Anshun", "Bijie", "Guiyang Big Data Exchange"]
    assert "Huawei Cloud" in [s.title.en for s in briefing.speakers]
    assert len(briefing.awards) == 4
    for award in briefing.awards:
        assert award.title.zh in as_we_write(award.quote.text)


GLOSSARY_TERMS = ["四新", "四化", "四區一高地", "四大行動", "五大行動", "五個創新", "東數西算", "萬企融合", "百企引領",
                  "上雲用數賦智", "雲算數網", "新國發2號文件", "貴商易", "貴人碼", "大數據科創城"]


def as_we_write(quote: str) -> str:
    """A quote with the mirror's Simplified forms in Traditional, as the fields we write spell them."""
    return quote.replace("云", "雲").replace("示范", "示範")


def test_the_glossary_explains_every_assumed_term_and_is_marked_editorial(briefing):
    terms = {g.title.zh: g for g in briefing.glossary}
    for term in GLOSSARY_TERMS:
        entry = terms[term]
        assert isinstance(entry, GlossaryEntry) and entry.editorial is True
        assert entry.text.en and entry.text.zh
        assert term.replace("文件", "") in as_we_write(entry.quote.text)


def test_items_link_both_ways(briefing):
    index = briefing.by_id()
    related = briefing.related(index["digital-economy-share-2023"])
    assert index["digital-industry"] in related and index["digital-economy-share"] in related
    assert index["digital-economy-share-2023"] in briefing.related(index["digital-industry"])
