"""Every word the UI shows follows the reader's language, and Simplified uses mainland terms.

Two nets: a table test (every UI word the code can pass to ``ui`` has a Traditional and a Simplified
entry) and a walk through the app in each Chinese script that records every word ``ui`` was asked
for and reads the screen for English UI words left behind.
"""

from __future__ import annotations

import ast
import re

import pytest

import tui.i18n
from tui.app import BriefingApp
from tui.i18n import _UI_ZH, ui
from tui.panes import PANES
from tui.screens.help_screen import HelpScreen
from tui.screens.search_screen import SearchScreen
from tui.screens.too_small import TooSmallScreen
from tui.sections import _NONE, BUILTIN_KINDS, SECTIONS

from .conftest import ROOT

WIDE = (120, 36)


def literal_ui_words() -> set[str]:
    """The string constants handed to ``ui(...)`` anywhere in tui/, directly or through a module constant."""
    words: set[str] = set()
    for path in sorted((ROOT / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {node.targets[0].id: node.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.targets[0], ast.Name)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ui" and node.args):
                continue
            argument = node.args[0]
            options = [argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]
            for option in options:
                if isinstance(option, ast.Name) and option.id in constants:
                    option = constants[option.id]
                if isinstance(option, ast.Constant) and isinstance(option.value, str):
                    words.add(option.value)
    return words


def dynamic_ui_words() -> set[str]:
    """What reaches ``ui`` through a variable: pane names and headings, kinds, keys and where they apply."""
    words = {p.name for p in PANES} | {s.title for s in SECTIONS} | {s.item for s in SECTIONS}
    words |= set(BUILTIN_KINDS.values()) | set(_NONE.values()) | {"Awards", "Awards & speakers"}
    words |= {"at least", "about", "among the leaders", "over"}  # tui.export.comparator_text
    for where, binding in BriefingApp.all_bindings():
        words |= {where, binding.description}
    words.add("palette")  # the footer's command-palette hint
    return words


def test_the_table_test_sees_the_words_it_should():
    found = literal_ui_words()
    assert {"Copied: {title}", "Type to search.", "{count} results", "Terminal too small", "Keys"} <= found


@pytest.mark.parametrize("word", sorted(literal_ui_words() | dynamic_ui_words()))
def test_every_ui_word_has_a_traditional_and_a_simplified_entry(word):
    assert word in _UI_ZH, f"{word!r} is shown untranslated to Chinese readers"
    traditional, simplified = _UI_ZH[word]
    for text in (traditional, simplified):
        assert text.strip() and re.findall(r"{\w+}", text) == re.findall(r"{\w+}", word)


@pytest.mark.parametrize("english, traditional, simplified", [
    ("Search", "搜尋", "搜索"),
    ("Copy", "複製", "复制"),
    ("Help", "說明", "帮助"),
    ("Close search", "關閉搜尋", "关闭搜索"),
    ("Open result", "開啟結果", "打开结果"),
])
def test_each_script_uses_its_own_terms(english, traditional, simplified):
    assert (ui(english, "zh-Hant"), ui(english, "zh-Hans")) == (traditional, simplified)


def test_simplified_never_uses_taiwan_terms():
    simplified = " ".join(s for _, s in _UI_ZH.values())
    for taiwan, mainland in (("搜寻", "搜索"), ("说明", "帮助"), ("开启", "打开"), ("卷动", "滚动"), ("视窗", "窗口")):
        assert taiwan not in simplified, f"Simplified should say {mainland}, not {taiwan}"


# -- the walk ---------------------------------------------------------------------------------

class RecordingTable(dict):
    """The UI table, noting every word looked up that it does not have."""

    def __init__(self, table):
        super().__init__(table)
        self.missing: set[str] = set()

    def __contains__(self, word):
        found = super().__contains__(word)
        if not found:
            self.missing.add(word)
        return found


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def english_ui_words(briefing) -> list[re.Pattern]:
    """Patterns for the English UI words that content's own English never uses (those may be on screen)."""
    content = " ".join(str(value) for item in briefing.by_id().values() for value in vars(item).values())
    content += " " + str(briefing.meeting)
    patterns = []
    for word in _UI_ZH:
        fragment = max(re.split(r"{\w+}", word), key=len).strip()
        if len(fragment) > 2 and fragment not in content:
            patterns.append(re.compile(rf"(?<![\w.-]){re.escape(fragment)}(?![\w-])"))
    return patterns


@pytest.mark.parametrize("language", ["zh-Hant", "zh-Hans"])
async def test_a_walk_through_the_app_meets_no_english_ui_word(language, monkeypatch):
    table = RecordingTable(_UI_ZH)
    monkeypatch.setattr(tui.i18n, "_UI_ZH", table)
    app = BriefingApp(language=language)
    english = english_ui_words(app.briefing)
    seen: list[tuple[str, str]] = []
    notified: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notified.append(str(message)))

    def look(where):
        seen.append((where, screen_text(app)))

    async with app.run_test(size=WIDE) as pilot:
        for spec in PANES:
            await pilot.press(spec.key)
            if spec.id != "source":
                await pilot.press("j", "enter")
            await pilot.pause()
            look(spec.id)
        await pilot.press("n", "y", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        look("help")
        await pilot.press("escape", "slash")
        assert isinstance(app.screen, SearchScreen)
        look("empty search")
        for key in "zzzq":
            await pilot.press(key)
        look("no results")
        for key in ["backspace"] * 4 + list("sjzx"):
            await pilot.press(key)
        look("results")
        await pilot.press("escape")
        await pilot.resize_terminal(30, 10)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        look("too small")
    assert len(notified) == 2  # "no search yet" and "copied"
    seen.append(("notifications", "\n".join(notified)))
    assert table.missing == set()
    left = [(where, p.pattern) for where, text in seen for p in english if p.search(text)]
    assert left == []


async def test_the_language_toast_speaks_the_new_language(monkeypatch):
    app = BriefingApp(language="en")
    notified: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **_: notified.append(str(message)))
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("t", "t", "t")
    assert notified == ["語言:繁體中文", "语言:简体中文", "Language: English"]
