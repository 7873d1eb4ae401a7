"""Format 2: what a new author can say (and is held to), how format 1 still reads, and how values are phrased."""

import datetime
import io
import json

import pytest

from tui.cli import main
from tui.export import to_json, to_markdown
from tui.loader import read_briefing
from tui.model import Baseline, Bilingual, Target
from tui.sections import (
    baseline_text,
    number_text,
    source_paragraphs,
    target_line_text,
    target_value_text,
    years_text,
)

from .conftest import CONTENT, MINIMAL, TEST_CONTENT

FORMAT_2 = TEST_CONTENT / "format-2"
INTERVIEW = FORMAT_2 / "interview.yaml"
SYMPOSIUM = FORMAT_2 / "symposium.yaml"


def load(path):
    briefing, errors = read_briefing(path)
    assert errors == [], errors
    return briefing


def errors_of(tmp_path, text, name="b.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, errors = read_briefing(path)
    return [(e.field, e.message) for e in errors]


def variant(tmp_path, base, old, new):
    """``base`` with one change, written beside a copy of its sources."""
    text = base.read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "sources").mkdir(exist_ok=True)
    for source in (base.parent / "sources").iterdir():
        (tmp_path / "sources" / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return text.replace(old, new)


@pytest.mark.parametrize("path", [INTERVIEW, SYMPOSIUM], ids=lambda p: p.stem)
def test_an_interview_and_a_symposium_pass_check_without_placeholders(path, capsys):
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_a_symposium_has_no_years_no_targets_and_a_date_range():
    briefing = load(SYMPOSIUM)
    meeting = briefing.meeting
    assert (meeting.kind, meeting.reviews_year, meeting.plans_year) == ("symposium", None, None)
    assert meeting.end_date == datetime.date(2024, 2, 17)
    assert not (briefing.targets or briefing.innovations or briefing.actions or briefing.awards)
    markdown = to_markdown(briefing)
    assert "- Symposium · 2024-02-13 – 2024-02-17 · A city (某市)\n" in markdown
    assert "→" not in markdown
    for empty in ("## Targets", "## Actions", "## Innovations", "## Award categories", "## Glossary",
                  "## Achievements"):
        assert empty not in markdown  # empty sections are left out, not exported as bare headings
    assert "*某州* · Speaker · Prefecture" in markdown


def test_kinds_are_named_by_the_briefing_in_both_languages():
    markdown = to_markdown(load(SYMPOSIUM), "zh-Hans")
    assert "发言 · 州" in markdown and "会议要点 · 共识" in markdown
    assert "Prefecture" not in markdown and "consensus ·" not in markdown


def test_an_interview_marks_cumulative_figures_and_says_big_numbers_plainly():
    briefing = load(INTERVIEW)
    markdown = to_markdown(briefing)
    assert "| over 1600 PFLOPS · cumulative |" in markdown
    assert "| nearly 20 projects · cumulative |" in markdown
    assert "nine years in a row · consecutive" in markdown
    assert "- Target: over 5,000,000,000 yuan (2025)" in markdown
    assert "e+" not in markdown
    assert "- Interview · 2025-03-05 (year inferred) · plans 2025\n" in markdown
    assert "超過5000000000元" in to_markdown(briefing, "zh-Hant")


def test_a_baseline_keeps_its_unit_and_comparator():
    target = load(INTERVIEW).by_id()["computing-2025"]
    assert baseline_text(target, "en") == "over 1,600 PFLOPS (2025)"
    assert baseline_text(target, "zh-Hant") == "超過1600PFLOPS (2025)"


def test_values_are_phrased_from_unit_comparator_and_display():
    unit = Bilingual("% of GDP", "%")
    target = Target(id="t", kind="quantitative", title=unit, text=unit, quote=None, action="a", value=40,
                    comparator="at-least", unit=unit, year=2023,
                    baseline=Baseline(value=37, year=2022, comparator="about"))
    assert target_value_text(target, "en") == "at least 40% of GDP"
    assert target_value_text(target, "zh-Hant") == "40%以上"
    assert target_line_text(target, "en") == "at least 40% of GDP (2023)"
    assert baseline_text(target, "en") == "about 37% of GDP (2022)"  # not "37 (2022)"
    assert baseline_text(target, "zh-Hans") == "37%左右 (2022)"
    nearly = Target(id="n", kind="quantitative", title=unit, text=unit, quote=None, action="a", value=50,
                    comparator="nearly", unit=Bilingual("projects", "個"))
    assert (target_value_text(nearly, "en"), target_value_text(nearly, "zh-Hant")) == ("nearly 50 projects", "近50個")
    assert target_line_text(nearly, "en") == "nearly 50 projects"  # no year, no "(None)"
    assert number_text(5e9, "en") == "5,000,000,000" and number_text(3.6, "zh-Hant") == "3.6"


def test_years_say_only_what_the_briefing_states():
    assert years_text(load(MINIMAL).meeting, "en") == "2022 → 2023"
    assert years_text(load(SYMPOSIUM).meeting, "en") == ""
    assert years_text(load(INTERVIEW).meeting, "zh-Hant") == "部署2025年"


def test_json_carries_the_readers_script_when_the_source_is_in_the_other():
    document = json.loads(to_json(load(INTERVIEW), "zh-Hant"))
    assert document["meeting"]["title"] == {"en": "Interview with the head of a city data bureau",
                                            "zh": "专访市数据局局长", "zh_hant": "專訪市數據局局長"}
    assert document["meeting"]["source"]["script"] == "Hans"
    assert "zh_hans" not in json.dumps(json.loads(to_json(load(INTERVIEW), "zh-Hans")))


def test_a_final_newline_is_not_an_empty_paragraph():
    assert source_paragraphs("a\nb\n") == [(0, "a"), (2, "b")]
    assert source_paragraphs("a\n\nb") == [(0, "a"), (2, ""), (3, "b")]
    assert len(source_paragraphs((CONTENT / "sources" / "hefei-data-work-2025.txt").read_text())) == 3


# -- what format 2 holds an author to ------------------------------------------------------

def test_a_kind_without_a_name_is_an_error(tmp_path):
    text = variant(tmp_path, SYMPOSIUM, "    kind: prefecture", "    kind: county")
    assert errors_of(tmp_path, text) == [
        ("speakers[0].kind", "kind 'county' has no name: give it one under 'kinds' (county: {en: …, zh: …})")]


def test_targets_in_a_group_must_share_its_unit(tmp_path):
    text = variant(tmp_path, INTERVIEW, "    display: {en: 2000 PFLOPS, zh: 2000PFLOPS}",
                   "    display: {en: 2000 PFLOPS, zh: 2000PFLOPS}\n    unit: {en: projects, zh: 个}")
    [(field, message)] = errors_of(tmp_path, text)
    assert field == "targets[1].unit" and "differs from the unit of group 'computing'" in message


def test_a_group_must_be_declared(tmp_path):
    text = variant(tmp_path, INTERVIEW, "    group: industry", "    group: nowhere")
    assert errors_of(tmp_path, text) == [("targets[0].group", "refers to 'nowhere', which is not the id of "
                                                              "target_groups")]


def test_an_end_date_before_the_date_is_an_error(tmp_path):
    text = variant(tmp_path, SYMPOSIUM, "end_date: 2024-02-17", "end_date: 2024-02-12")
    assert errors_of(tmp_path, text) == [("meeting.end_date", "ends before the meeting's date")]


def test_format_2_must_say_the_script_and_whether_glossary_entries_were_verified(tmp_path):
    text = variant(tmp_path, SYMPOSIUM, "    script: Hant\n", "")
    text += ("glossary:\n  - id: term\n    title: {en: Term, zh: 共識}\n    text: {en: A term., zh: 詞。}\n"
             "    editorial: true\n    quote: 達成共識\n")
    assert sorted(errors_of(tmp_path, text)) == [("glossary[0].verified", "missing field 'verified'"),
                                                 ("meeting.source.script", "missing field 'script'")]


# -- format 1 reads as it always did ---------------------------------------------------------

def test_format_1_keeps_its_rules(tmp_path):
    text = variant(tmp_path, MINIMAL, "kind: city", "kind: city")
    text = text.replace("kind: city", "kind: official").replace("    innovation: industry-innovation\n", "")
    text = text.replace("format: 1\n", "format: 1\nkinds:\n  official: {en: Official, zh: 官員}\n")
    assert sorted(errors_of(tmp_path, text)) == [
        ("actions[0].innovation", "missing field 'innovation'"),
        ("kinds", "unknown field (expected one of: format, meeting, overview, achievements, innovations, actions, "
                  "targets, speakers, awards, glossary)"),
        ("speakers[0].kind", "expected one of 'city', 'exchange', 'company', got 'official'"),
    ]


def test_a_format_1_file_reads_into_the_same_values_with_format_2_defaults():
    briefing = load(CONTENT / "guizhou-2023.yaml")
    assert briefing.format == 1
    meeting = briefing.meeting
    assert (meeting.kind, meeting.end_date, meeting.year_inferred) == ("meeting", None, False)
    assert (meeting.source.script, meeting.source.complete) == ("Hant", True)
    assert (meeting.reviews_year, meeting.plans_year, meeting.place.en) == (2022, 2023, "Guiyang")
    assert briefing.kinds == () and briefing.target_groups == ()
    assert all(a.innovation for a in briefing.actions)


def test_every_tab_is_named_in_the_readers_language():
    from tui.panes import PANES
    from tui.sections import pane_name

    briefing = load(CONTENT / "guizhou-2023.yaml")
    names = [pane_name(spec.id, spec.name, briefing, "zh-Hant") for spec in PANES]
    assert names == ["概覽", "成績", "行動", "目標", "授牌與發言", "原文", "詞彙"]


def test_a_chinese_measure_wraps_beside_its_bullet():
    from rich.console import Console

    from tui.widgets.detail import item_renderable

    briefing = load(CONTENT / "hefei-data-work-2025.yaml")
    console = Console(width=50, record=True, file=io.StringIO())
    console.print(item_renderable(briefing, briefing.by_id()["key-tasks"], "zh-Hant"))
    lines = console.export_text().splitlines()
    assert not [line for line in lines if line.strip() == "•"]
    assert any(line.startswith("• 大力抓好合肥數據標註基地") for line in lines)
    assert "…" not in "".join(lines)  # folded onto the next line, not cut
