"""Guards on the architecture: headless layers stay headless, heavy imports stay off the startup path."""

import subprocess
import sys

import pytest

from .conftest import ROOT


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_model_loader_search_and_export_import_nothing_from_textual():
    result = run("import sys, tui.model, tui.loader, tui.search, tui.export, tui.sections, tui.source, tui.cache, "
                 "tui.config, tui.library; "
                 "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'pypinyin', 'opencc')); "
                 "print(bad); assert not bad")
    assert result.returncode == 0, result.stdout + result.stderr


def test_export_runs_without_textual():
    result = run("import sys, runpy; sys.argv = ['briefing', 'export', '--format', 'json']; "
                 "import tui.cli; code = tui.cli.main(sys.argv[1:]); "
                 "assert not [m for m in sys.modules if m.startswith('textual')]; sys.exit(code)")
    assert result.returncode == 0, result.stderr
    assert '"meeting"' in result.stdout


def test_neither_pypinyin_nor_opencc_is_imported_before_the_first_screen(tmp_path):
    code = ("import os, sys\n"
            "from tui.app import BriefingApp\n"
            "class Probe(BriefingApp):\n"
            "    def on_ready(self):\n"
            "        sys.__stdout__.write(repr(sorted(m for m in ('pypinyin', 'opencc') if m in sys.modules)))\n"
            "        sys.__stdout__.flush()\n"
            "        os._exit(0)\n"
            "Probe(language='en').run(headless=True)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                            env={"PATH": "", "XDG_CACHE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.stdout.strip() == "[]", result.stderr[-2000:]


SECOND_LAUNCH_PROBE = """
import sys
from tui import cli
seen = {}
def heavy():
    return sorted(m for m in sys.modules if m.split('.')[0] == 'yaml' or m.startswith(('tui.loader', 'tui.search')))
async def started(app):
    async with app.run_test(size=(120, 36)) as pilot:
        seen['first screen'] = heavy()
        await pilot.press('j')
        await pilot.pause()
        # The search engine arrives with the index after the first screen; nothing else may.
        seen['a key'] = [m for m in heavy() if not m.startswith('tui.search')]
cli._run_until_signalled = started
assert cli.main(sys.argv[1:]) == 0
print(seen)
"""


@pytest.mark.parametrize("args", [["content/guizhou-2023.yaml"], ["content"]], ids=["briefing", "library"])
def test_a_second_launch_imports_neither_pyyaml_nor_the_loader_nor_the_search_engine(tmp_path, args):
    """A cached briefing (or library), themes and config (the preferences the first launch saved): nothing
    needs parsing or searching before the first screen, nor for a key (the first launch, which parses, is the
    check that the probe can tell)."""
    (tmp_path / "briefing").mkdir()
    (tmp_path / "briefing" / "config.yaml").write_text("pane: actions\ntheme: briefing-light\n", encoding="utf-8")
    env = {"PATH": "", "XDG_CACHE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    launches = [subprocess.run([sys.executable, "-c", SECOND_LAUNCH_PROBE, *args], capture_output=True, text=True,
                               timeout=120, cwd=ROOT, env=env) for _ in range(2)]
    assert "'tui.loader'" in launches[0].stdout and "'yaml'" in launches[0].stdout, launches[0].stderr[-2000:]
    assert launches[1].stdout.strip() == "{'first screen': [], 'a key': []}", launches[1].stderr[-2000:]
