"""content/README.md's "Your first briefing" stays true: its commands are run as written, its output is real."""

from __future__ import annotations

import re
import shlex

import pytest

from tui.app import BriefingApp
from tui.cli import main

from .conftest import CONTENT

README = (CONTENT / "README.md").read_text(encoding="utf-8")
WALK = README[README.index("## Your first briefing"):README.index("## Rules")]
COMMANDS = re.findall(r"```sh\n(.*?)\n```", WALK, re.S)
SHOWN_OUTPUT = re.search(r"```text\n(.*?)\n```", WALK, re.S).group(1).splitlines()


def _argv(command: str, folder) -> list[str]:
    words = shlex.split(command.replace("/tmp/first", str(folder)))
    assert words[0] == "briefing"
    return words[1:]


def test_the_walk_through_has_its_three_commands():
    assert [c.split()[1] for c in COMMANDS] == ["new", "check", "/tmp/first/hefei.yaml"]


async def test_the_walk_through_runs_as_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(CONTENT)  # the commands are given from content/
    new, check, watch = (_argv(command, tmp_path) for command in COMMANDS)

    assert main(new) == 0
    assert {p.name for p in (tmp_path / "sources").iterdir()} == {"hefei.raw.txt", "hefei.txt"}
    capsys.readouterr()

    assert main(check) == 0
    captured = capsys.readouterr()
    printed = [line.replace(str(tmp_path), "/tmp/first") for line in (captured.err + captured.out).splitlines()]
    for line in SHOWN_OUTPUT:
        if line != "…":
            assert line in printed, f"the README shows {line!r}, which check does not print"

    assert watch[1:] == ["--watch"]
    app = BriefingApp(watch[0], watch=True, persist=False)
    async with app.run_test(size=(100, 30), notifications=True):
        assert app.watch_files and app.briefing.meeting.date.isoformat() == "2025-02-21"
        assert any("to do in the file" in n.message for n in app._notifications)


@pytest.mark.parametrize("command", ["new", "check"])
def test_the_help_of_each_command_used_says_what_the_walk_through_relies_on(command, capsys):
    assert main([command, "--help"]) == 0
    help_text = capsys.readouterr().out
    assert {"new": "--into", "check": "--coverage"}[command] in help_text
