"""Preferences persist across runs without ever losing what the reader wrote; keys can be remapped."""

import os
import threading

import pytest
import yaml
from textual.command import CommandPalette

import tui.config
from tui.app import BriefingApp
from tui.commands import Palette
from tui.config import PreferenceStore, read_preferences, save_changes, startup_notices
from tui.keymap import check_keymap, parse_key
from tui.screens.help_screen import HelpScreen, help_rows

SIZE = (120, 36)

# A reader's own file: comments, an order of their choosing, quotes, four-space indents.
HANDWRITTEN = """\
# My briefing settings.
pane: overview   # where I start

keymap:
    # F keys for the panes I use most
    pane.targets: "f4"
    language: L          # L instead of t
theme: briefing-light
"""
TARGETS = HANDWRITTEN.replace("pane: overview", "pane: targets ")  # its comment keeps its column


@pytest.fixture
def config(tmp_path):
    path = tmp_path / "briefing" / "config.yaml"
    path.parent.mkdir(parents=True)
    return path


def record_warnings(app) -> list[str]:
    """Every warning the app shows, kept: toasts expire, and a loaded machine can outlast them."""
    shown: list[str] = []
    notify = app.notify

    def recording(message, *args, **kwargs):
        if kwargs.get("severity") == "warning":
            shown.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording
    return shown


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
    config.write_text("theme: briefing-light\nlanguage: zh-Hans\n", encoding="utf-8")
    app = BriefingApp(language="en", theme_name="briefing-high-contrast", config=config)
    async with app.run_test(size=SIZE):
        assert app.language == "en" and app.theme == "briefing-high-contrast"
    assert config.read_text(encoding="utf-8") == "theme: briefing-light\nlanguage: zh-Hans\n"  # flags aren't choices


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
    assert read_preferences(config).preferences.theme == "briefing-guizhou"


async def test_every_shipped_theme_is_in_the_picker(config):
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE):
        for name in ["briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-guizhou",
                     "textual-dark", "nord"]:
            assert name in app.available_themes


# -- a file the app cannot use is never written over ------------------------------------------

BROKEN = HANDWRITTEN + "[oops\n"


async def test_a_config_with_a_syntax_error_is_byte_for_byte_unchanged_after_a_session(config):
    config.write_text(BROKEN, encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    warnings = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.theme == "briefing-dark"  # defaults: nothing of a file that does not parse is trusted
        await pilot.press("2", "3", "t", "t", "4", "l", "h", "t")
        app.theme = "briefing-guizhou"
        app.flush_preferences()
        await pilot.pause()
        assert config.read_text(encoding="utf-8") == BROKEN
        assert len(warnings) == 1  # warned once, at start; not again on every change
        assert f"{config}:9:1: (yaml): invalid YAML: this '[' is never closed" in warnings[0]
        assert "not saved" in warnings[0]
        await pilot.press("q")
    assert config.read_text(encoding="utf-8") == BROKEN


@pytest.mark.parametrize("content", [b"theme: \xff\xfe briefing-light\n", b"- a list\n- not a mapping\n"],
                         ids=["not-utf8", "not-a-mapping"])
async def test_a_config_the_app_cannot_read_or_use_is_never_replaced(config, content):
    config.write_bytes(content)
    app = BriefingApp(language="en", config=config)
    shown = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("2", "t")
        assert len(shown) == 1 and str(config) in shown[0]
    assert config.read_bytes() == content


async def test_an_unreadable_config_warns_and_uses_defaults(config):
    config.mkdir()  # a directory where the file should be: reading it fails even as root
    app = BriefingApp(config=config)
    shown = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert app.theme == "briefing-dark"
        assert [w for w in shown if "cannot read file" in w]
        await pilot.press("2")
    assert config.is_dir() and not list(config.iterdir())


async def test_a_config_fixed_while_the_app_runs_is_saved_into(config):
    config.write_text(BROKEN, encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        config.write_text(HANDWRITTEN, encoding="utf-8")  # the reader fixes it in their editor
    assert config.read_text(encoding="utf-8") == TARGETS


async def test_a_read_only_config_directory_warns_once(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    config = blocker / "briefing" / "config.yaml"  # its parent can never be created
    app = BriefingApp(language="en", config=config)
    shown = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("t")
        app.flush_preferences()
        await pilot.press("t", "2")
        app.flush_preferences()
        warnings = [w for w in shown if "cannot save preferences" in w]
        assert len(warnings) == 1
        assert app.language == "zh-Hans"  # the app runs on


# -- saving keeps the reader's file as written, and does not write on every key ---------------


async def test_saving_changes_only_the_value_that_changed(config):
    config.write_text(HANDWRITTEN, encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "briefing-light" and app.browser.active_pane == "overview"
        await pilot.press("f4")  # remapped in the file
    assert config.read_text(encoding="utf-8") == TARGETS


async def test_a_new_choice_is_added_after_the_readers_lines(config):
    config.write_text(HANDWRITTEN, encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
    assert config.read_text(encoding="utf-8") == HANDWRITTEN + "language: zh-Hant\n"


async def test_changes_are_saved_together_and_a_quit_right_after_one_keeps_it(config, monkeypatch):
    config.write_text(HANDWRITTEN, encoding="utf-8")
    replaced, synced = [], []
    real_replace, real_fsync = os.replace, os.fsync
    monkeypatch.setattr(os, "replace", lambda *a: (replaced.append(a[1]), real_replace(*a)))
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    app = BriefingApp(language="en", config=config)
    app.SAVE_DELAY = 60  # longer than the test, however slow the machine: only the save on exit may write
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "3", "l", "l", "L", "q")  # q at once after the last change
    assert app.return_code == 0
    assert replaced.count(config) == 1 and len(synced) == 1  # one write for the whole session, synced once
    saved = read_preferences(config).preferences
    assert (saved.pane, saved.language) == ("awardees", "zh-Hant")


async def test_a_pending_change_is_saved_after_a_short_quiet(config):
    app = BriefingApp(language="en", config=config)
    app.SAVE_DELAY = 60  # the test fires the timer itself, however slow the machine
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert app._save_timer is not None and not config.exists()  # not on the keystroke itself
        app._save_timer._callback()  # what the timer does when it fires (no sleeping in tests)
        await pilot.pause()
        assert read_preferences(config).preferences.pane == "actions"


def test_writes_are_atomic(config, monkeypatch):
    config.write_text("theme: briefing-light\n", encoding="utf-8")

    def crash(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    problem = save_changes(config, {"theme": "briefing-dark"})
    assert "No space left on device" in problem
    assert config.read_text(encoding="utf-8") == "theme: briefing-light\n"
    assert sorted(p.name for p in config.parent.iterdir()) == ["config.yaml"]  # no temporary left behind


@pytest.mark.parametrize(("before", "changes", "after"), [
    ("# c\r\ntheme: a   # x\r\nkeymap:\r\n  q: w\r\n", {"theme": "bb"},
     "# c\r\ntheme: bb  # x\r\nkeymap:\r\n  q: w\r\n"),  # Windows line ends stay
    ("# mine\nlanguage: zh-Hans  # for now\n# about the keys\nkeymap:\n  copy: c\n", {"language": None},
     "# mine\n# about the keys\nkeymap:\n  copy: c\n"),  # a removed entry takes only its own line
    ("# mine\nlanguage: zh-Hans\n# the end\n", {"language": None}, "# mine\n# the end\n"),
    ("# nothing yet\n", {"pane": "targets"}, "# nothing yet\npane: targets\n"),
    ("", {"pane": "targets"}, "# briefing preferences; edit freely, or let the app keep them.\npane: targets\n"),
    ("pane: targets\n", {"pane": "targets"}, "pane: targets\n"),
])
def test_saving_edits_the_file_and_nothing_else(config, before, changes, after):
    config.write_bytes(before.encode())
    assert save_changes(config, changes) is None
    assert config.read_bytes().decode() == after


def test_saving_keeps_the_files_permissions_and_its_symlink(config, tmp_path):
    real = tmp_path / "dotfiles" / "briefing.yaml"
    real.parent.mkdir()
    real.write_text("theme: briefing-light\n", encoding="utf-8")
    real.chmod(0o644)
    config.symlink_to(real)
    assert save_changes(config, {"pane": "targets"}) is None
    assert config.is_symlink() and real.read_text(encoding="utf-8") == "theme: briefing-light\npane: targets\n"
    assert real.stat().st_mode & 0o777 == 0o644


# -- the language LANG gives is not pinned ------------------------------------------------------


async def test_cycling_back_to_the_environments_language_forgets_the_choice(config, monkeypatch):
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    app = BriefingApp(config=config)
    async with app.run_test(size=SIZE) as pilot:
        assert app.language == "zh-Hant"
        await pilot.press("t", "t", "t")  # Simplified, English, and back to Traditional
        assert app.language == "zh-Hant"
    assert read_preferences(config).preferences.language is None

    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the reader moves to an English locale
    again = BriefingApp(config=config)
    async with again.run_test(size=SIZE):
        assert again.language == "en"


async def test_choosing_the_environments_language_removes_a_saved_one(config, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    config.write_text("language: zh-Hans  # for now\ntheme: briefing-light\n", encoding="utf-8")
    app = BriefingApp(config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")  # Simplified → English, the locale's own
    assert config.read_text(encoding="utf-8") == "theme: briefing-light\n"


# -- served mode: preferences in memory only ---------------------------------------------------


async def test_without_persistence_no_config_is_read_or_written(config, tmp_path):
    config.write_text(HANDWRITTEN, encoding="utf-8")
    app = BriefingApp(language="en", config=config, persist=False)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "briefing-dark" and app.browser.active_pane == "overview"
        await pilot.press("4", "t")
        app.theme = "briefing-guizhou"
        app.flush_preferences()
        assert app.language == "zh-Hant" and app.browser.active_pane == "targets"
    assert config.read_text(encoding="utf-8") == HANDWRITTEN

    default = BriefingApp(language="en", persist=False)  # nor the default file
    async with default.run_test(size=SIZE) as pilot:
        await pilot.press("3")
    assert not (tmp_path / "config" / "briefing" / "config.yaml").exists()


# -- the keymap, entry by entry ----------------------------------------------------------------

KEYMAP = """\
keymap:
  language: L
  pane.glossary: 0
  pane.targets: ctrl+shift+alt+banana
  no-such-binding: x
  copy: j
  pane.source: F6
  quit: f10
"""


async def test_each_bad_keymap_entry_is_named_and_the_good_ones_are_kept(config):
    config.write_text(KEYMAP, encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    warnings = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        assert len(warnings) == 1  # one notice for all of them
        lines = warnings[0].splitlines()[1:]
        assert len(lines) == 5
        assert lines[0].startswith(f"{config}:3:18: keymap.pane.glossary: expected a key name, got 0")
        assert lines[1].startswith(f"{config}:4:17: keymap.pane.targets: 'banana'")
        assert lines[2].startswith(f"{config}:5:20: keymap.no-such-binding: no binding has this id")
        assert lines[3].startswith(f"{config}:6:9: keymap.copy: j already does list.down")
        assert lines[4].startswith(f"{config}:7:16: keymap.pane.source: 'F6' is not a key name")
        assert "did you mean 'f6'" in lines[4]
        await pilot.press("L")
        assert app.language == "zh-Hant"  # the good entry works
        for key, pane in [("7", "glossary"), ("4", "targets")]:  # the bad ones keep their defaults
            await pilot.press(key)
            assert app.browser.active_pane == pane
        await pilot.press("y")  # copy still on y; j still moves down the list
        await pilot.press("q")
        assert app.is_running  # quit moved to f10 ...
        await pilot.press("ctrl+q")  # ... but ctrl+q always quits
    assert not app.is_running


async def test_a_remapped_key_works_and_help_shows_it(config):
    config.write_text("keymap:\n  language: L\n  pane.targets: f4\n", encoding="utf-8")
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


async def test_the_palette_key_is_in_the_help_and_may_be_moved(config):
    config.write_text("keymap:\n  command-palette: ctrl+o\n  copy: ctrl+p\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        assert Palette.is_open(app)
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row[3]: row[:2] for row in help_rows(app.screen.bindings, app.screen.keymap)}
        assert rows["command-palette"] == ("ctrl+o", "Find an item, a pane or a briefing")
        assert rows["copy"][0] == "ctrl+p"


@pytest.mark.parametrize(("key", "expected", "problem"), [
    ("f4", "f4", None),
    ("?", "question_mark", None),
    ("shift+ctrl+a", "ctrl+shift+a", None),  # Textual sorts modifiers
    ("ctrl+shift+alt+banana", None, "'banana' in 'ctrl+shift+alt+banana' is not a key name"),
    ("shift+a", None, "arrives as 'A'"),
    ("ctrl+A", None, "write ctrl+shift+a"),
    ("caps+x", None, "'caps' in 'caps+x' is not a modifier"),
    ("PageUp", None, "did you mean 'pageup'"),
    ("ctrl+", None, "ends with '+'"),
])
def test_key_names_are_checked_as_textual_delivers_them(key, expected, problem):
    name, error = parse_key(key)
    if problem is None:
        assert (name, error) == (expected, None)
    else:
        assert problem in error


def test_a_key_on_two_actions_is_reported_and_the_later_remap_loses():
    bindings = BriefingApp.all_bindings()
    keymap, problems = check_keymap({"search": "x", "copy": "x", "back": "q"}, bindings)
    assert keymap == {"search": "x"}
    assert problems == [("copy", "x already does search (everywhere); keeping y"),
                        ("back", "q already does quit (everywhere); keeping escape")]


def test_remaps_may_swap_keys_and_quit_keeps_ctrl_q():
    keymap, problems = check_keymap({"search": "t", "language": "slash", "quit": "f10"}, BriefingApp.all_bindings())
    assert keymap == {"search": "t", "language": "slash", "quit": "f10,ctrl+q"} and problems == []
    _, problems = check_keymap({"help": "ctrl+q", "copy": "ctrl+p"}, BriefingApp.all_bindings())
    assert [message for _, message in problems] == ["ctrl+q always quits; keeping question_mark,f1",
                                                    "ctrl+p already does command-palette (everywhere); keeping y"]


async def test_an_unknown_saved_theme_is_named_at_its_line(config):
    config.write_text("pane: targets\ntheme: no-such-theme\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    shown = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True):
        assert app.theme == "briefing-dark" and app.browser.active_pane == "targets"
        assert shown == [f"{config}:2:8: theme: unknown theme 'no-such-theme'; using briefing-dark"]


def test_bad_values_in_the_config_are_named_one_line_each(config):
    config.write_text("language: fr\ntheme: 3\npane: targets\ncolour: red\npane: actions\n", encoding="utf-8")
    read = read_preferences(config)
    assert read.preferences.pane == "targets" and read.preferences.language is None
    assert [f"{p.line}:{p.column}: {p.field}" for p in read.problems] == [
        "1:11: language", "2:8: theme", "4:1: colour", "5:1: pane"]


# -- one notice, not a pop-up per problem -------------------------------------------------------


async def test_seven_broken_themes_and_a_bad_config_give_two_notices(config, tmp_path):
    themes = tmp_path / "config" / "briefing" / "themes"  # conftest points XDG_CONFIG_HOME here
    themes.mkdir(parents=True)
    for n in range(7):
        (themes / f"t{n}.yaml").write_text(f"name: t{n}\nprimary: nope\n", encoding="utf-8")
    config.write_text("language: fr\ntheme: 3\n", encoding="utf-8")
    app = BriefingApp(language="en", config=config)
    warnings = record_warnings(app)
    async with app.run_test(size=SIZE, notifications=True):
        assert len(warnings) == 2
        assert warnings[0].startswith("2 problems in your preferences") and f"{config}:2:8: theme" in warnings[0]
        assert warnings[1].startswith("7 of your themes were skipped")
        assert all(f"t{n}.yaml:2:10" in warnings[1] for n in range(7)) and "briefing check" in warnings[1]


def test_many_problems_still_make_one_notice_each_for_config_and_themes():
    from tui.loader import ContentError

    config_problems = [ContentError("config.yaml", n, 3, f"keymap.x{n}", "bad") for n in range(10, 0, -1)]
    theme_errors = [ContentError(f"/t/t{n}.yaml", 2, 10, "primary", "bad") for n in range(12)]
    config_notice, theme_notice = startup_notices(config_problems, theme_errors)
    lines = config_notice.splitlines()
    assert lines[0] == "10 problems in your preferences; the rest is in use:"
    assert lines[1].startswith("config.yaml:1:3: keymap.x1:") and len(lines) == 10  # in file order, 8 shown
    assert lines[-1] == "… and 2 more after these"
    assert theme_notice.startswith("12 of your themes were skipped (/t): t0.yaml:2:10, t1.yaml:2:10")
    assert "t7.yaml:2:10 and 4 more; run `briefing check FILE`" in theme_notice


# -- saving off the UI thread -------------------------------------------------------------------

def test_a_choice_made_while_a_save_is_written_is_kept_for_the_next(config, monkeypatch):
    store = PreferenceStore(config)
    store.choose("pane", "targets")
    written = []

    def slow_save(path, changes, durable):
        written.append(dict(changes))
        if len(written) == 1:
            store.choose("pane", "actions")  # the reader, on the UI thread, while this save writes
        return save_changes(path, changes, durable)

    monkeypatch.setattr(tui.config, "save_changes", slow_save)
    assert store.save() is None
    assert store.save() is None
    assert written == [{"pane": "targets"}, {"pane": "actions"}]
    assert read_preferences(config).preferences.pane == "actions"


async def test_the_timed_save_is_written_off_the_ui_thread(config, monkeypatch):
    threads = []

    def recording_save(path, changes, durable):
        threads.append(threading.current_thread())
        return save_changes(path, changes, durable)

    monkeypatch.setattr(tui.config, "save_changes", recording_save)
    app = BriefingApp(language="en", config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await app._save_in_background().wait()
        assert threads and threads[0] is not threading.main_thread()
        assert read_preferences(config).preferences.pane == "targets"
