"""Languages: choosing one, showing a Bilingual text in it, and the UI's own words.

A briefing's Chinese is in its source's script (``Bilingual.script``); the other
script is derived with OpenCC (phrase-level, so 幹部 and 乾燥 both come out right).
OpenCC is imported on first use so that readers who need no conversion never pay for it. The UI's own words are
written out in all three languages.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache

from .model import LANGUAGES, Bilingual, Language

# Traditional → Simplified. The Guizhou article writes Traditional characters with Taiwan's variant forms
# (著力, where mainland Simplified writes 着力); plain t2s leaves those as 著, tw2s maps them. tw2s changes
# characters only, never vocabulary (tw2sp would turn 文件 into 文档 and 核心 into 内核).
SIMPLIFIED_CONVERSION = "tw2s"

LANGUAGE_NAMES: dict[Language, str] = {"en": "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文"}


def language_from_env(environ: Mapping[str, str] | None = None) -> Language:
    """The language the locale asks for: zh_TW/zh_HK → Traditional, zh_CN/zh_SG → Simplified."""
    variables = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = variables.get(variable, "")
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


# The UI's own words: English → (Traditional, Simplified). Both are written out, not converted:
# Simplified readers expect mainland terms (搜索, 帮助, 打开), which OpenCC's character
# conversion of the Traditional (搜尋 → 搜寻, 說明 → 说明) does not give. Templates keep their
# {placeholders}. tests/test_language.py checks that every word the UI passes to ``ui`` is here.
_UI_ZH: dict[str, tuple[str, str]] = {
    # Panes and list headings
    "Overview": ("概覽", "概览"),
    "Achievements": ("成績", "成绩"),
    "Actions": ("行動", "行动"),
    "Targets": ("目標", "目标"),
    "Awards & speakers": ("授牌與發言", "授牌与发言"),
    "Awards": ("授牌", "授牌"),
    "Source": ("原文", "原文"),
    "Glossary": ("詞彙", "词汇"),
    "Innovations": ("創新", "创新"),
    "Award categories": ("授牌項目", "授牌项目"),
    "Speakers": ("發言", "发言"),
    # Kinds of item
    "Section": ("會議要點", "会议要点"),
    "Achievement": ("成績", "成绩"),
    "Innovation": ("創新", "创新"),
    "Action": ("行動", "行动"),
    "Target": ("目標", "目标"),
    "Speaker": ("發言", "发言"),
    "Award": ("授牌", "授牌"),
    "Term": ("詞彙", "词汇"),
    # The detail and the chart
    "Figures": ("數據", "数据"),
    "Source quote": ("原文引述", "原文引述"),
    "Related": ("相關條目", "相关条目"),
    "Measures": ("舉措", "举措"),
    "Editorial explanation, not from the article": ("編者註釋,非報道原文", "编者注释,非报道原文"),
    "Baseline": ("基數", "基数"),
    "Qualitative targets": ("定性目標", "定性目标"),
    "scale": ("刻度", "刻度"),
    "at least": ("以上", "以上"),
    "about": ("左右", "左右"),
    "among the leaders": ("保持前列", "保持前列"),
    "over": ("超過", "超过"),
    "qualitative": ("定性", "定性"),
    "Go to": ("前往", "前往"),
    # Kinds of event, overview section and speaker that a briefing may use without naming them
    "Meeting": ("會議", "会议"),
    "Interview": ("專訪", "专访"),
    "Symposium": ("座談會", "座谈会"),
    "Work plan": ("工作方案", "工作方案"),
    "Assessment": ("總體評價", "总体评价"),
    "Guidance": ("工作指引", "工作指引"),
    "Requirements": ("工作要求", "工作要求"),
    "Next steps": ("下一步工作", "下一步工作"),
    "Attendance": ("出席情況", "出席情况"),
    "City": ("市州", "市州"),
    "Exchange": ("交易所", "交易所"),
    "Company": ("企業", "企业"),
    # Panes with nothing in them
    "This briefing has no overview sections.": ("本簡報沒有會議要點。", "本简报没有会议要点。"),
    "This briefing has no achievements.": ("本簡報沒有成績。", "本简报没有成绩。"),
    "This briefing has no actions or innovations.": ("本簡報沒有行動或創新。", "本简报没有行动或创新。"),
    "This briefing has no targets.": ("本簡報沒有目標。", "本简报没有目标。"),
    "This briefing has no award categories or speakers.": ("本簡報沒有授牌項目或發言。", "本简报没有授牌项目或发言。"),
    "This briefing has no glossary entries.": ("本簡報沒有詞彙註釋。", "本简报没有词汇注释。"),
    # Values and years
    "at most": ("以內", "以内"),
    "nearly": ("近", "近"),
    "cumulative": ("累計", "累计"),
    "consecutive": ("連續", "连续"),
    "in the year": ("全年", "全年"),
    "reviews": ("總結", "总结"),
    "plans": ("部署", "部署"),
    "year inferred": ("年份為推定", "年份为推定"),
    # The source
    "Headline": ("標題", "标题"),
    "Publisher": ("發布單位", "发布单位"),
    "Byline": ("署名", "署名"),
    "URL": ("網址", "网址"),
    "Published": ("發布日期", "发布日期"),
    "Script": ("原文字體", "原文字体"),
    "Traditional Chinese": ("繁體中文", "繁体中文"),
    "Simplified Chinese": ("簡體中文", "简体中文"),
    "Note": ("備註", "备注"),
    "Incomplete source": ("原文不完整", "原文不完整"),
    "Not verified against a public source": ("未經公開資料核實", "未经公开资料核实"),
    "Search index unavailable; literal matches only": (
        "搜尋索引無法使用;暫時只比對字面", "搜索索引不可用;暂时只匹配字面"),
    # Reloading a briefing as its author edits it
    "Reload": ("重新載入", "重新加载"),
    "Reloaded.": ("已重新載入。", "已重新加载。"),
    "{count} to do in the file.": ("檔案中還有 {count} 項待辦。", "文件中还有 {count} 项待办。"),
    "Not reloaded; the file has problems:": ("未重新載入;檔案有以下問題:", "未重新加载;文件有以下问题:"),
    # Keys (footer and help)
    "Back": ("返回", "返回"),
    "Search": ("搜尋", "搜索"),
    "Next hit": ("下一個搜尋結果", "下一个搜索结果"),
    "Previous hit": ("上一個搜尋結果", "上一个搜索结果"),
    "Language": ("語言", "语言"),
    "In source": ("原文", "原文"),
    "Copy": ("複製", "复制"),
    "Help": ("說明", "帮助"),
    "Quit": ("退出", "退出"),
    "palette": ("命令", "命令"),
    "Open detail": ("詳情", "详情"),
    "Down": ("下移", "下移"),
    "Up": ("上移", "上移"),
    "First": ("第一項", "第一项"),
    "Last": ("最後一項", "最后一项"),
    "Top": ("頂部", "顶部"),
    "Bottom": ("底部", "底部"),
    "Previous pane": ("上一個面板", "上一个面板"),
    "Next pane": ("下一個面板", "下一个面板"),
    "Close search": ("關閉搜尋", "关闭搜索"),
    "Next result": ("下一個結果", "下一个结果"),
    "Previous result": ("上一個結果", "上一个结果"),
    "Open result": ("開啟結果", "打开结果"),
    "Close help": ("關閉說明", "关闭帮助"),
    "Find an item, a pane or a briefing": ("尋找條目、面板或簡報", "查找条目、面板或简报"),
    "Scroll down": ("向下捲動", "向下滚动"),
    "Scroll up": ("向上捲動", "向上滚动"),
    # The help table
    "briefing — keys": ("briefing — 按鍵", "briefing — 按键"),
    "Keys": ("按鍵", "按键"),
    "Does": ("功能", "功能"),
    "Where": ("適用範圍", "适用范围"),
    "Binding id": ("綁定 ID", "绑定 ID"),
    "everywhere": ("任何地方", "任何地方"),
    "lists": ("列表", "列表"),
    "source": ("原文", "原文"),
    "search": ("搜尋", "搜索"),
    "help": ("說明", "帮助"),
    # Search
    "English, 中文, 简体, pinyin (shuju), initials (sjzx)…": (
        "中文、简体、English、拼音(shuju)、首字母(sjzx)…", "中文、繁體、English、拼音(shuju)、首字母(sjzx)…"),
    "Type to search.": ("輸入文字即可搜尋。", "输入文字即可搜索。"),
    "1 result": ("1 個結果", "1 个结果"),
    "{count} results": ("{count} 個結果", "{count} 个结果"),
    "  (indexing… literal matches only for now)": ("(索引建立中…暫時只比對字面)", "(正在建立索引…暂时只匹配字面)"),
    'No results for "{query}". Try fewer words, pinyin initials (sjzx for 數據中心), full pinyin (shuju), '
    "or the other script.": (
        "找不到「{query}」。試試減少關鍵詞、拼音首字母(如 sjzx)、全拼(如 shuju)或另一種字體。",
        "没有找到「{query}」。试试减少关键词、拼音首字母(如 sjzx)、全拼(如 shuju)或另一种字体。"),
    # The library
    "Library": ("簡報庫", "简报库"),
    "in the library": ("簡報庫中", "简报库中"),
    "Open": ("開啟", "打开"),
    "Sort": ("排序", "排序"),
    "Filter": ("篩選", "筛选"),
    "Clear filter": ("清除篩選", "清除筛选"),
    "Cannot be opened": ("無法開啟", "无法打开"),
    "1 achievement": ("1 項成績", "1 项成绩"),
    "{count} achievements": ("{count} 項成績", "{count} 项成绩"),
    "1 action": ("1 項行動", "1 项行动"),
    "{count} actions": ("{count} 項行動", "{count} 项行动"),
    "1 target": ("1 項目標", "1 项目标"),
    "{count} targets": ("{count} 項目標", "{count} 项目标"),
    "complete": ("全文", "全文"),
    "opening only": ("僅有開頭部分", "仅有开头部分"),
    "sorted by date, newest first": ("按日期排序,最新在前", "按日期排序,最新在前"),
    "sorted by date, oldest first": ("按日期排序,最早在前", "按日期排序,最早在前"),
    "sorted by title": ("按標題排序", "按标题排序"),
    "sorted by place": ("按地點排序", "按地点排序"),
    "1 briefing": ("1 份簡報", "1 份简报"),
    "{count} briefings": ("{count} 份簡報", "{count} 份简报"),
    "{shown} of {count} briefings": ("顯示 {shown} 份,共 {count} 份簡報", "显示 {shown} 份,共 {count} 份简报"),
    'filter: "{words}"': ("篩選:「{words}」", "筛选:「{words}」"),
    "Filter by title, place, kind or date…": ("按標題、地點、類型或日期篩選…", "按标题、地点、类型或日期筛选…"),
    # Notifications and messages
    "Copied: {title}": ("已複製:{title}", "已复制:{title}"),
    "No search yet: press / to search.": ("尚未搜尋:按 / 開始搜尋。", "还没有搜索:按 / 开始搜索。"),
    "Language: {name}": ("語言:{name}", "语言:{name}"),
    "Terminal too small": ("終端視窗太小", "终端窗口太小"),
    "need {width}×{height}": ("至少需要 {width}×{height}", "至少需要 {width}×{height}"),
}


def ui(text: str, language: Language) -> str:
    """The UI word or template ``text`` (English) in ``language``; English where there is no entry."""
    if language == "en" or text not in _UI_ZH:
        return text
    return _UI_ZH[text][0 if language == "zh-Hant" else 1]
