"""The briefing command: help, version, check's exit codes, and export in every format."""

import json
import subprocess
import sys
import zipfile

import pytest

from tui import __version__
from tui.cli import main
from tui.model import Achievement, Action

from .conftest import BROKEN, BUNDLED, MINIMAL, ROOT


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing {__version__}"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "briefing check" in out and "briefing export" in out and "--lang" in out


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "tui", "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"briefing {__version__}"


def test_check_exit_codes(capsys):
    assert main(["check"]) == 0
    assert main(["check", str(BUNDLED), str(MINIMAL)]) == 0
    assert main(["check", str(MINIMAL), str(BROKEN / "empty.yaml")]) == 1
    assert main(["check", "--no-such-option"]) == 2
    assert main(["export", "--format", "pdf"]) == 2
    assert main(["--lang", "fr"]) == 2


def test_json_export_has_every_field_of_every_item_in_both_languages(briefing, capsys):
    assert main(["export", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["meeting"]["date"] == "2023-02-13"
    for section in ("overview", "achievements", "innovations", "actions", "targets", "speakers", "awards",
                    "glossary"):
        exported = {entry["id"]: entry for entry in document[section]}
        for item in getattr(briefing, section):
            entry = exported[item.id]
            assert entry["title"] == {"en": item.title.en, "zh": item.title.zh}
            assert entry["quote"]["text"] == item.quote.text
    share = next(t for t in document["targets"] if t["id"] == "digital-economy-share-2023")
    assert share["baseline"]["value"] == 37 and share["value"] == 40 and share["comparator"] == "at-least"


def test_json_export_in_simplified_adds_simplified_text(capsys):
    assert main(["export", "--format", "json", "--lang", "zh-Hans"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["meeting"]["title"]["zh_hans"] == "2023年全省大数据工作会"


@pytest.mark.parametrize("language", ["en", "zh-Hant", "zh-Hans"])
def test_markdown_export_has_every_item_and_figure_in_both_languages(briefing, capsys, language):
    assert main(["export", "--format", "markdown", "--lang", language]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    simplified = language == "zh-Hans"
    for _, item in briefing.items():
        assert item.title.en in out
        if not simplified:
            assert item.title.zh in out
        assert item.quote.text in out
        if isinstance(item, Achievement):
            for figure in item.figures:
                assert figure.display.en in out
                assert (figure.display.zh in out) or simplified
        if isinstance(item, Action):
            assert all(m.text.en in out for m in item.measures)
    if simplified:
        assert "数据" in out


def test_export_of_a_broken_file_fails_cleanly(capsys):
    assert main(["export", str(BROKEN / "wrong-type.yaml")]) == 1
    assert "meeting.reviews_year" in capsys.readouterr().err


def test_the_wheel_ships_the_bundled_content_and_themes(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/_bundled/content/guizhou-2023.yaml" in names
    assert "tui/_bundled/content/sources/guizhou-2023.txt" in names
    for name in ("national-data-work-2024", "hefei-data-work-2025"):
        assert f"tui/_bundled/content/{name}.yaml" in names
        assert f"tui/_bundled/content/sources/{name}.txt" in names
        assert f"tui/_bundled/content/sources/{name}.raw.txt" in names
    assert "tui/_bundled/themes/briefing-dark.yaml" in names
