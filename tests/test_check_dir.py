"""`briefing check DIR`: every briefing file of a folder, one line each, and a failing exit if any fails."""

import shutil

from tui.cli import main

from .conftest import BROKEN, CONTENT, MINIMAL, write_briefing


def test_a_folder_of_valid_briefings_prints_ok_for_each_by_name(tmp_path, capsys):
    write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"), "b.yaml")
    write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"), "a.yml")
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [f"{tmp_path / 'a.yml'}: ok", f"{tmp_path / 'b.yaml'}: ok"]
    assert out.err == ""  # and sources/ beside them is not checked


def test_a_broken_file_in_a_folder_fails_the_check_and_the_rest_are_still_checked(tmp_path, capsys):
    write_briefing(tmp_path, MINIMAL.read_text(encoding="utf-8"), "good.yaml")
    shutil.copy(BROKEN / "syntax-error.yaml", tmp_path / "bad.yaml")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [f"{tmp_path / 'good.yaml'}: ok"]
    assert out.err.splitlines()[0].startswith(f"{tmp_path / 'bad.yaml'}:7:15: (yaml): invalid YAML")


def test_the_bundled_folder_checks(capsys):
    assert main(["check", str(CONTENT)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"{CONTENT / 'guizhou-2023.yaml'}: ok" in lines and len(lines) >= 3


def test_a_folder_with_no_briefing_fails_and_says_so(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not a briefing", encoding="utf-8")
    assert main(["check", str(tmp_path), str(MINIMAL)]) == 1
    out = capsys.readouterr()
    assert out.err == f"{tmp_path}: no briefing files (*.yaml, *.yml) in this folder\n"
    assert out.out == f"{MINIMAL}: ok\n"


def test_the_help_says_a_folder_may_be_checked(capsys):
    assert main(["check", "--help"]) == 0
    assert "folders: every *.yaml and *.yml file" in " ".join(capsys.readouterr().out.split())


def test_a_folder_named_like_a_briefing_is_checked_as_a_folder(tmp_path, capsys):
    folder = tmp_path / "briefing.yaml"  # was refused as "a directory, not a regular file" before folders
    folder.mkdir()
    assert main(["check", str(folder)]) == 1
    assert capsys.readouterr().err == f"{folder}: no briefing files (*.yaml, *.yml) in this folder\n"
    write_briefing(folder, MINIMAL.read_text(encoding="utf-8"), "inner.yaml")
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr().out == f"{folder / 'inner.yaml'}: ok\n"
