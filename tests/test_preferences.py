"""Preferences persist across runs; bad config files never stop the app; keys can be remapped."""

import os
from pathlib import Path

import pytest
import yaml
from textual.command import CommandPalette

from tui.app import BriefingApp
from tui.config import Preferences, _preferences_from, load_preferences, save_preferences
from tui.screens.help_screen import HelpScreen, help_rows

SIZE = (120, 36)


@pytest.fixture
def config(tmp_path):
    return tmp_path / "briefing" / "config.yaml"


async def test_theme_language_and_pane_persist_across_two_runs(config):
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        assert not config.exists()  # nothing is written until the reader chooses something
        await pilot.press("4", "t")
        app.theme = "briefing-light"
        await pilot.pause()
    saved = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert saved == {"theme": "briefing-light", "language": "zh-Hant", "pane": "targets"}

    again = BriefingApp(config=config)
    async with again.run_test(size=SIZE):
        assert again.theme == "briefing-light"
        assert again.language == "zh-Hant"
        assert again.browser.active_pane == "targets"


async def test_command_line_choices_win_over_the_file(config):
    save_preferences(config, Preferences(theme="briefing-light", language="zh-Hans"))
    app = BriefingApp(language="en", theme_name="briefing-high-contrast", config=config)
    async with app.run_test(size=SIZE):
        assert app.language == "en" and app.theme == "briefing-high-contrast"
    assert load_preferences(config)[0].theme == "briefing-light"  # flags are not saved as choices


async def test_the_theme_picker_applies_a_theme_live_and_it_is_remembered(config):
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        for ch in "theme":
            await pilot.press(ch)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")  # "Theme": opens the theme list
        await pilot.pause()
        for ch in "briefing-guizhou":
            await pilot.press(ch)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "briefing-guizhou"
    assert load_preferences(config)[0].theme == "briefing-guizhou"


async def test_every_shipped_theme_is_in_the_picker(config):
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE):
        for name in ["briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-guizhou",
                     "textual-dark", "nord"]:
            assert name in app.available_themes


async def test_a_corrupt_config_warns_uses_defaults_and_is_not_overwritten(config):
    config.parent.mkdir(parents=True)
    config.write_text("theme: [unclosed\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.theme == "briefing-dark"
        assert [n for n in app._notifications if "not valid YAML" in str(n.message)]
        await pilot.press("2")  # changing pane is a choice the reader made: it is saved
    # Only now, with a preference changed, is the corrupt file replaced (by a valid one).
    assert yaml.safe_load(config.read_text(encoding="utf-8")) == {"pane": "achievements"}


async def test_a_corrupt_config_is_left_alone_while_nothing_changes(config):
    config.parent.mkdir(parents=True)
    config.write_text("theme: [unclosed\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "k")
    assert config.read_text(encoding="utf-8") == "theme: [unclosed\n"


async def test_an_unreadable_config_warns_and_uses_defaults(config):
    config.mkdir(parents=True)  # a directory where the file should be: reading it fails even as root
    app = BriefingApp(config=config)
    async with app.run_test(size=SIZE, notifications=True):
        assert app.theme == "briefing-dark"
        assert [n for n in app._notifications if "cannot read preferences" in str(n.message)]


async def test_a_read_only_config_directory_warns_once(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    config = blocker / "briefing" / "config.yaml"  # its parent can never be created
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t", "t", "2")
        warnings = [n for n in app._notifications if "cannot save preferences" in str(n.message)]
        assert len(warnings) == 1
        assert app.language == "zh-Hans"  # the app runs on


def test_writes_are_atomic(config, monkeypatch):
    save_preferences(config, Preferences(theme="briefing-light"))
    before = config.read_text(encoding="utf-8")

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    problem = save_preferences(config, Preferences(theme="briefing-dark"))
    assert "No space left on device" in problem
    assert config.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in config.parent.iterdir()) == ["config.yaml"]  # no temporary left behind


async def test_a_remapped_key_works_and_help_shows_it(config):
    save_preferences(config, Preferences(keymap={"language": "L", "pane.targets": "f4"}))
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert app.language == "en"  # t is no longer bound
        await pilot.press("L")
        assert app.language == "zh-Hant"
        await pilot.press("f4")
        assert app.browser.active_pane == "targets"
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row[3]: row[0] for row in help_rows(app.screen.bindings, app.screen.keymap)}
        assert rows["language"] == "L" and rows["pane.targets"] == "f4" and rows["copy"] == "y"


async def test_an_unknown_binding_id_in_the_keymap_is_a_warning(config):
    save_preferences(config, Preferences(keymap={"no-such-binding": "x"}))
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert [n for n in app._notifications if "'no-such-binding'" in str(n.message)]
        await pilot.press("x")
        assert app.is_running


def test_invalid_values_in_the_config_are_warnings():
    path = Path("config.yaml")
    prefs, warnings = _preferences_from(path, {"language": "fr", "theme": 3, "pane": "targets"})
    assert prefs == Preferences(pane="targets")
    assert len(warnings) == 2
