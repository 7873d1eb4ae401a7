"""The briefing command: help, version, check's exit codes, and export in every format."""

import json
import os
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
    checked = capsys.readouterr().out  # with no path, what the library lists: the bundled briefings
    assert [line.rsplit("/", 1)[-1] for line in checked.splitlines()] == [
        "guizhou-2023.yaml: ok", "hefei-data-work-2025.yaml: ok", "national-data-work-2024.yaml: ok"]
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


def briefing(*args: str, **streams) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], timeout=60, cwd=ROOT, **streams)


def a_pipe_nobody_reads() -> int:
    read_end, write_end = os.pipe()
    os.close(read_end)  # as when `head` or `true` has exited: every write fails with EPIPE
    return write_end


@pytest.mark.parametrize("args, stream", [
    (["export"], "stdout"),
    (["export", "--format", "json"], "stdout"),
    (["check", str(BUNDLED), str(MINIMAL)], "stdout"),
    (["check", str(BROKEN / "missing-field.yaml")], "stderr"),
])
def test_a_reader_that_went_away_ends_the_command_silently(args, stream):
    pipe = a_pipe_nobody_reads()
    others = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    try:
        result = briefing(*args, **{**others, stream: pipe})
    finally:
        os.close(pipe)
    assert result.returncode == 141  # like a process killed by SIGPIPE: `cat` in `cat f | true`
    assert (result.stderr or b"") == b"" and (result.stdout or b"") == b""


def test_a_full_disk_is_one_line_and_a_failure():
    with open("/dev/full", "wb") as full:
        result = briefing("export", stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 1
    assert result.stderr == b"briefing: cannot write to standard output: No space left on device\n"


def test_a_closed_standard_output_is_one_line_and_a_failure():
    result = subprocess.run(["sh", "-c", '"$0" -m tui export >&-', sys.executable], capture_output=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr == b"briefing: cannot write to standard output: it is closed\n"


def test_the_json_export_does_not_carry_the_local_path(capsys):
    assert main(["export", "--format", "json", str(BUNDLED)]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["path"] == "guizhou-2023.yaml"
    assert str(ROOT) not in out


@pytest.mark.parametrize("args", [["--version"], ["check", str(BUNDLED)], ["check", str(MINIMAL)],
                                  ["export", "--format", "json"], ["check", "/dev/zero"]])
def test_version_check_and_export_do_not_import_textual(args):
    code = ("import sys, tui.cli; code = tui.cli.main(sys.argv[1:]); "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'); "
            "sys.stderr.write(repr(bad)); sys.exit(code if not bad else 99)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60,
                            cwd=ROOT)
    assert result.returncode in (0, 1) and result.stderr.endswith("[]"), result.stderr


def test_checking_a_theme_still_parses_its_colours(tmp_path, capsys):
    theme = tmp_path / "bad.yaml"
    theme.write_text("name: bad\nprimary: not-a-colour\n", encoding="utf-8")
    assert main(["check", str(theme)]) == 1
    assert f"{theme}:2:10: primary: not a colour" in capsys.readouterr().err


def test_check_reads_a_config_file_as_the_app_would(tmp_path, capsys):
    config = tmp_path / "config.yaml"
    config.write_text("theme: nope\nlanguage: en\nkeymap:\n  quitx: ctrl+z\n  search: F4\n", encoding="utf-8")
    assert main(["check", str(config)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{config}:1:8: theme: unknown theme 'nope'",
        f"{config}:4:10: keymap.quitx: no binding has this id (the ? help lists them)",
        f"{config}:5:11: keymap.search: 'F4' is not a key name Textual knows (did you mean 'f4'?); keeping slash",
    ]
    config.write_text("pane: targets\nkeymap:\n  search: ctrl+f\n", encoding="utf-8")
    assert main(["check", str(config)]) == 0
    assert capsys.readouterr().out == f"{config}: ok\n"
