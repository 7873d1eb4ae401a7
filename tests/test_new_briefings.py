"""The two format 2 briefings: their sources, what they hold, and what they honestly leave out."""

import re

import pytest

from tui.i18n import to_simplified, to_traditional
from tui.loader import load_briefing
from tui.model import Bilingual

from .conftest import CONTENT

NATIONAL = CONTENT / "national-data-work-2024.yaml"
HEFEI = CONTENT / "hefei-data-work-2025.yaml"
HEADER = re.compile(r"^(?P<key>[A-Z]+): (?P<value>.*)$")


def header_and_body(name):
    raw = (CONTENT / "sources" / f"{name}.raw.txt").read_text(encoding="utf-8")
    head, body = raw.split("\n---\n", 1)
    return {m["key"]: m["value"] for m in map(HEADER.match, head.splitlines())}, body


@pytest.mark.parametrize("path", [NATIONAL, HEFEI], ids=lambda p: p.stem)
def test_the_clean_text_is_the_raw_article_body_and_the_header_is_the_source_metadata(path):
    briefing = load_briefing(path)
    header, body = header_and_body(path.stem)
    assert briefing.source_text == body
    source = briefing.meeting.source
    assert source.url == header["URL"]
    assert source.headline.zh == header["TITLE"]
    assert source.script == ("Hans" if header["SCRIPT"] == "Simplified" else "Hant")
    assert "only the opening" in header["AVAILABLE"] and not source.complete
    assert source.partial.en.startswith("only the opening of the report could be obtained")


def test_the_national_conference():
    briefing = load_briefing(NATIONAL)
    meeting = briefing.meeting
    assert (str(meeting.date), meeting.place.en, meeting.reviews_year, meeting.plans_year) == (
        "2024-04-01", "Beijing", 2023, 2024)
    assert not meeting.year_inferred
    assert len(briefing.achievements) == 6
    assert [a.quote.text[:2] for a in briefing.achievements] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert [a.number for a in briefing.actions] == [1, 2, 3]
    assert all(a.innovation is None for a in briefing.actions)
    assert briefing.actions[-1].quote.text.endswith("提升")  # where the available text stops
    assert "breaks off" in briefing.actions[-1].text.en
    assert not (briefing.innovations or briefing.targets or briefing.speakers or briefing.awards)


def test_the_hefei_conference():
    briefing = load_briefing(HEFEI)
    meeting = briefing.meeting
    assert (str(meeting.date), meeting.year_inferred, meeting.place) == ("2025-02-21", True, None)
    assert (meeting.reviews_year, meeting.plans_year) == (2024, 2025)
    assert [a.quote.text.endswith(("转变", "转变。")) for a in briefing.achievements] == [True] * 5  # five shifts
    assert [a.number for a in briefing.actions] == [1, 2, 3]  # the fourth task is not in the available text
    assert "四个方面工作" in briefing.by_id()["four-areas"].quote.text
    pilots = briefing.by_id()["three-national-pilots"]
    assert (pilots.value, pilots.scale, pilots.display.en) == (3, None, "3 national pilots")
    for name in ("合肥数据标注基地", "可信数据空间", "物流数据开放互联"):
        assert name in pilots.quote.text


def bilinguals(value):
    if isinstance(value, Bilingual):
        yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from bilinguals(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from bilinguals(getattr(value, name))


@pytest.mark.parametrize("path, script", [(NATIONAL, "Hant"), (HEFEI, "Hans")], ids=["national", "hefei"])
def test_every_chinese_text_is_in_the_script_the_source_is_in(path, script):
    briefing = load_briefing(path)
    texts = list(bilinguals(briefing))
    assert texts and all(t.script == script for t in texts)
    for text in texts:
        if script == "Hans":
            assert to_simplified(text.zh) == text.zh, text.zh
        else:
            assert to_traditional(text.zh) == text.zh or to_simplified(text.zh) != text.zh, text.zh


@pytest.mark.parametrize("path", [NATIONAL, HEFEI], ids=lambda p: p.stem)
def test_every_glossary_entry_says_whether_it_was_verified_and_unverified_ones_say_what_is_unknown(path):
    for entry in load_briefing(path).glossary:
        assert entry.editorial is True and entry.verified in (True, False)
        if not entry.verified:
            assert re.search(r"(could not|did not) (verify|check|find)", entry.text.en), entry.id
            assert "未" in entry.text.zh, entry.id
