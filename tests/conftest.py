"""Shared fixtures: paths to the bundled and test content, and a steady environment for the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
BUNDLED = CONTENT / "guizhou-2023.yaml"
TEST_CONTENT = Path(__file__).resolve().parent / "content"
MINIMAL = TEST_CONTENT / "minimal.yaml"
BROKEN = TEST_CONTENT / "broken"


def write_briefing(folder: Path, text: str, name: str = "briefing.yaml") -> Path:
    """Write a briefing into ``folder`` with the test source text beside it, where a briefing must find it."""
    shutil.copytree(TEST_CONTENT / "sources", folder / "sources", dirs_exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _steady_environment(monkeypatch, tmp_path):
    """No user theme, config, cache, briefings or locale leaks into a test; each test gets its own directories."""
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    for variable in ("LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the reader's own folder of briefings


@pytest.fixture(scope="session")
def briefing():
    from tui.loader import load_briefing

    return load_briefing(BUNDLED)


async def idle(pilot) -> None:
    """Until the browser has built its other panes (at idle, after the first frame)."""
    while pilot.app.browser.idle_work_pending:
        await pilot.pause(0.02)
