"""Languages: choosing one, showing a Bilingual text in it, and the UI's own words.

A briefing's Chinese is in its source's script (``Bilingual.script``); the other
script is derived with OpenCC (phrase-level, so 幹部 and 乾燥 both come out right).
OpenCC is imported on first use so that readers who need no conversion never pay for it.
"""

from __future__ import annotations

import os
from functools import lru_cache

from .model import LANGUAGES, Bilingual, Language

# Traditional → Simplified. The Guizhou article writes Traditional characters with Taiwan's variant forms
# (著力, where mainland Simplified writes 着力); plain t2s leaves those as 著, tw2s maps them. tw2s changes
# characters only, never vocabulary (tw2sp would turn 文件 into 文档 and 核心 into 内核).
SIMPLIFIED_CONVERSION = "tw2s"

LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}


def language_from_env(environ: dict[str, str] | None = None) -> Language:
    """The language the locale asks for: zh_TW/zh_HK → Traditional, zh_CN/zh_SG → Simplified."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        locale = value.split(".", 1)[0].replace("-", "_").lower()
        if locale in ("zh_tw", "zh_hk", "zh_mo") or locale.startswith("zh_hant"):
            return "zh-Hant"
        if locale.startswith("zh"):
            return "zh-Hans"
        return "en"
    return "en"


def next_language(language: Language) -> Language:
    return LANGUAGES[(LANGUAGES.index(language) + 1) % len(LANGUAGES)]


@lru_cache(maxsize=2)
def _converter(config: str = SIMPLIFIED_CONVERSION):
    import opencc  # noqa: PLC0415 - deliberately off the startup path

    return opencc.OpenCC(config)


@lru_cache(maxsize=4096)
def to_simplified(text: str) -> str:
    return _converter().convert(text)


@lru_cache(maxsize=4096)
def to_traditional(text: str) -> str:
    # s2tw: OpenCC's phrase table with the standard Traditional forms (為, 著) that Traditional
    # sources such as the Guizhou article use, not OpenCC's own (爲, 着); no Taiwan vocabulary.
    return _converter("s2tw").convert(text)


def chinese(text: str, language: Language) -> str:
    """Traditional text as the given Chinese script."""
    return to_simplified(text) if language == "zh-Hans" else text


def localize(text: Bilingual, language: Language) -> str:
    """``text`` in ``language``: Chinese in the reader's script, whichever the source wrote."""
    if language == "en":
        return text.en
    if text.script == "Hans":
        return text.zh if language == "zh-Hans" else to_traditional(text.zh)
    return chinese(text.zh, language)


def other(text: Bilingual, language: Language) -> str:
    """``text`` in the other language: Chinese for English readers, English otherwise."""
    return text.zh if language == "en" else text.en


# The UI's own words. Keys are English; Traditional is converted for Simplified readers.
_UI_ZH = {
    "Overview": "概覽",
    "Achievements": "成績",
    "Actions": "行動",
    "Targets": "目標",
    "Awards & speakers": "授牌與發言",
    "Source": "原文",
    "Glossary": "詞彙",
    "Figures": "數據",
    "Source quote": "原文引述",
    "Related": "相關條目",
    "Measures": "舉措",
    "Innovation": "創新",
    "Innovations": "創新",
    "Award categories": "授牌項目",
    "Speakers": "交流發言",
    "Editorial explanation, not from the article": "編者註釋,非報道原文",
    "Baseline": "基數",
    "Target": "目標",
    "Qualitative targets": "定性目標",
    "Action": "行動",
    "Speaker": "發言單位",
    "Award": "授牌",
    "Term": "詞彙",
    "Achievement": "成績",
    "Section": "會議要點",
    "at least": "以上",
    "about": "左右",
    "among the leaders": "保持前列",
    "over": "超過",
    "qualitative": "定性",
    "Go to": "前往",
    # Key hints in the footer
    "Open detail": "詳情",
    "Quit": "退出",
    "Back": "返回",
    "Search": "搜尋",
    "Language": "語言",
    "In source": "原文",
    "Copy": "複製",
    "Help": "說明",
    "palette": "命令",
    "scale": "刻度",
}


def ui(text: str, language: Language) -> str:
    """The UI word ``text`` (English) in ``language``."""
    if language == "en":
        return text
    return chinese(_UI_ZH.get(text, text), language)
