"""Authoring aids: why a quote misses, YAML hints, coverage of the source, and reading a new article."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest

from tui.authoring import meeting_facts, read_article, split_header
from tui.cli import main
from tui.coverage import HAN, coverage
from tui.loader import read_briefing
from tui.quotes import explain_mismatch

from .conftest import MINIMAL, ROOT, write_briefing

ARTICLES = {
    "national": ROOT / "content" / "sources" / "national-data-work-2024.raw.txt",
    "hefei": ROOT / "content" / "sources" / "hefei-data-work-2025.raw.txt",
    "guizhou": ROOT / "content" / "sources" / "guizhou-2023.raw.txt",
}
SOURCE = "2月13日,2023年全省大數據工作會在貴陽召開。會議全面總結2022年全省大數據發展工作。"


# -- a quote that is not in the source ---------------------------------------------------------

@pytest.mark.parametrize(("quote", "differs_at", "cause"), [
    ("2月13日，2023年全省", "character 6: the quote has '，' (U+FF0C FULLWIDTH COMMA) where the source has ','",
     "full-width punctuation"),
    ("全省大数据工作会", "character 4: the quote has '数'", "Traditional characters against a Simplified source"),
    ("在貴陽 召開", "character 4: the quote has ' ' (U+0020 SPACE)", "a space or line break"),
    ("在貴陽\n召開", "character 4: the quote has a line break", "a space or line break"),
])
def test_a_missed_quote_says_where_it_departs_and_why(quote, differs_at, cause):
    message = explain_mismatch(quote, SOURCE)
    assert differs_at in message
    assert f"likely cause: {cause}" in message
    assert "\n" not in message


def test_a_quote_with_ascii_punctuation_against_a_full_width_source_is_explained():
    message = explain_mismatch("大數據,要", "全省大數據，要求")
    assert "the quote has ',' (U+002C COMMA) where the source has '，'" in message
    assert "nearest passage: 「大數據，要」" in message


def test_a_quote_from_another_article_is_said_to_be_so():
    assert "no part of it is in the source" in explain_mismatch("zebra", SOURCE)


def test_the_loader_explains_a_missed_quote_on_one_line(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("quote: 會議認為,過去一年", "quote: 會議認為，過去一年")
    path = write_briefing(tmp_path, text)
    _, errors = read_briefing(path)
    assert len(errors) == 1
    line = str(errors[0])
    assert re.match(r".+:\d+:\d+: overview\[0\]\.quote: quote is not in the source text: ", line)
    assert "full-width punctuation" in line and "\n" not in line


# -- YAML slips --------------------------------------------------------------------------------

@pytest.mark.parametrize(("yaml_text", "why"), [
    ("title: 會議指出: 全省\n", "it holds ': ' or ends with ':'"),
    ("title: 會議指出:\n", "it holds ': ' or ends with ':'"),
    ("title: @home\n", "it starts with '@'"),
])
def test_yaml_slips_get_a_hint_to_quote_the_value(tmp_path, yaml_text, why):
    path = tmp_path / "slip.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    _, errors = read_briefing(path)
    assert len(errors) == 1
    assert f"(hint: put quotes around this value: {why})" in str(errors[0])


# -- coverage ----------------------------------------------------------------------------------

def test_the_bundled_briefing_covers_its_whole_source(briefing):
    found = coverage(briefing)
    assert (found.covered, found.gaps) == (found.total, ())


def test_check_coverage_prints_the_share_and_every_passage_left_out(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "guizhou-2023.yaml"
    text = path.read_text(encoding="utf-8")
    # The attendance section is the only item quoting the article's last paragraph.
    start = text.index("  - id: attendance")
    end = text.index("\nachievements:")
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")

    assert main(["check", "--coverage", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    share = re.search(r"coverage (\d+\.\d)% \(([\d,]+) of ([\d,]+) Han characters quoted\); 1 passage not yet", out[1])
    assert share and float(share.group(1)) < 100
    clean = content / "sources" / "guizhou-2023.txt"
    last = len(clean.read_text(encoding="utf-8").split("\n"))
    assert out[2].startswith(f"{clean}:{last}:1: ¶{last}: 「")
    assert "參加會議" in out[2]


# -- reading a new article ---------------------------------------------------------------------

def test_the_header_is_read_up_to_its_dashes():
    header, body = split_header("URL: http://example.org/a\nTITLE: 標題\n---\n正文。\n")
    assert header == {"URL": "http://example.org/a", "TITLE": "標題"}
    assert body == "正文。\n"
    assert split_header("正文。\n---\n")[0] == {}


@pytest.mark.parametrize(("name", "date", "inferred", "place", "title", "script"), [
    ("national", datetime.date(2024, 4, 1), False, "北京", "2024年全國數據工作會", "Traditional"),
    ("hefei", datetime.date(2025, 2, 21), True, None, "合肥市数据资源和政务服务管理工作会议", "Simplified"),
    ("guizhou", datetime.date(2023, 2, 13), True, "貴陽", "2023年全省大數據工作會", "Traditional"),
])
def test_what_an_article_says_of_its_meeting(name, date, inferred, place, title, script):
    article = read_article(_article(name))
    facts = meeting_facts(article)
    assert (facts.date, facts.year_inferred, facts.place, facts.title) == (date, inferred, place, title)
    assert article.script == script


@pytest.mark.parametrize("name", ["national", "hefei", "guizhou"])
def test_passages_are_verbatim_and_leave_nothing_out(name):
    article = read_article(_article(name))
    assert not article.clean.endswith("\n") and "(shù)" not in article.clean
    for passage in article.passages:
        assert article.clean[passage.start:passage.start + len(passage.text)] == passage.text
    for paragraph_number, paragraph in enumerate(article.clean.split("\n"), 1):
        assert "".join(p.text for p in article.passages if p.paragraph == paragraph_number) == paragraph
    quoted = "".join(p.text for p in article.passages)
    assert len(HAN.findall(quoted)) == len(HAN.findall(article.clean))


def _article(name: str) -> str:
    return ARTICLES[name].read_text(encoding="utf-8")



# -- briefing new ------------------------------------------------------------------------------

def test_new_writes_sources_and_a_skeleton_and_never_overwrites(tmp_path, capsys):
    article = tmp_path / "Hefei Data 2025.txt"
    article.write_text(_article("hefei"), encoding="utf-8")
    assert main(["new", str(article), "--into", str(tmp_path / "out")]) == 0
    out = tmp_path / "out"
    skeleton = out / "hefei-data-2025.yaml"
    raw, clean = out / "sources" / "hefei-data-2025.raw.txt", out / "sources" / "hefei-data-2025.txt"
    assert raw.read_text(encoding="utf-8") == _article("hefei")
    clean_text = clean.read_text(encoding="utf-8")
    assert clean_text.startswith("2月21日,合肥市") and clean_text.endswith("满意度\n")
    text = skeleton.read_text(encoding="utf-8")
    for line in ("format: 2", "  date: 2025-02-21", "    script: Hans",
                 '    url: "http://ah.news.cn/20250225/47ab12091c2e491182d1f5e54ced1aae/c.html"',
                 '  - id: p3-2'):
        assert line in text.splitlines()
    before = {path: path.read_bytes() for path in (skeleton, raw, clean)}
    capsys.readouterr()
    assert main(["new", str(article), "--into", str(out)]) == 1
    assert "will not overwrite" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in before} == before


def test_new_refuses_an_id_that_is_not_one(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("會議召開。", encoding="utf-8")
    assert main(["new", str(article), "--id", "Not An Id", "--into", str(tmp_path)]) == 2
    assert "--id 'Not An Id'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [article]


@pytest.mark.parametrize("name", ["national", "hefei", "guizhou"])
def test_a_skeleton_checks_with_nothing_but_to_dos_and_covers_its_whole_source(tmp_path, capsys, name):
    article = tmp_path / f"{name}.txt"
    article.write_text(_article(name), encoding="utf-8")
    assert main(["new", str(article), "--into", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--coverage", str(tmp_path / f"{name}.yaml")]) == 0
    captured = capsys.readouterr()
    findings = captured.err.splitlines()
    assert findings and all(": to do: " in line for line in findings)
    assert any(line.endswith("to do: move this stub into the section it belongs to") for line in findings)
    assert re.search(r": ok \(\d+ to do\)$", captured.out.splitlines()[0])
    assert "coverage 100.0%" in captured.out


def test_a_skeleton_filled_in_by_its_author_loses_its_to_dos(tmp_path, capsys):
    article = tmp_path / "hefei.txt"
    article.write_text(_article("hefei"), encoding="utf-8")
    main(["new", str(article), "--into", str(tmp_path)])
    path = tmp_path / "hefei.yaml"
    text = path.read_text(encoding="utf-8")
    stub_start = text.index("  - id: p1-2\n")
    stub_end = text.index("  - id: p2-1\n")
    stub = text[stub_start:stub_end]
    quote = stub.split("quote: ", 1)[1].strip()
    text = text[:stub_start] + text[stub_end:]
    text = text.replace('title: {en: "TODO", zh: "合肥市', 'title: {en: "Hefei data work conference", zh: "合肥市', 1)
    text += ("overview:\n  - id: review\n    kind: assessment\n"
             "    title: {en: Review and plan, zh: 总结与安排}\n"
             "    text: {en: The meeting reviewed 2024 and set the tasks for 2025., zh: 会议总结2024年、安排2025年。}\n"
             f"    quote: {quote}\n")
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--coverage", str(path)]) == 0
    captured = capsys.readouterr()
    assert "meeting.title.en: to do" not in captured.err
    assert "review" not in captured.err and "stubs[0]: to do" in captured.err
    assert "coverage 100.0%" in captured.out
    briefing, errors = read_briefing(path)
    assert errors == [] and briefing.overview[0].quote.text == json.loads(quote)
