"""The bundled briefing read as a bilingual reviewer would (issue 10): each slip found once stays fixed.

test_content.py proves the briefing is faithful (quotes verbatim, nothing lost); these tests guard how it
says things: the glossary's facts, the qualifiers the article uses (力爭, 千億級, 等, "about"), no date the
article does not give, the meeting's goals and tasks as items, Traditional written as Traditional, and a
Simplified view with no Taiwan-usage slip.
"""

import io
import re

import opencc
import pytest
from rich.console import Console

from tui.coverage import quotes_of
from tui.export import baseline_text, to_markdown
from tui.i18n import chinese, localize, ui
from tui.model import Action, Bilingual, OverviewSection, Target
from tui.search import build_index
from tui.widgets.detail import item_renderable
from tui.widgets.target_chart import chart

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def bilinguals(value, path=""):
    """Every text we wrote, with where it is: titles, texts, labels, displays, units (never quotes)."""
    if isinstance(value, Bilingual):
        yield path, value
    elif isinstance(value, tuple):
        for i, v in enumerate(value):
            yield from bilinguals(v, f"{path}[{i}]")
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from bilinguals(getattr(value, name), f"{path}.{name}" if path else name)


def plain(renderable, width: int = 200) -> str:
    console = Console(width=width, file=io.StringIO())
    console.print(renderable)
    return console.file.getvalue()


def item(briefing, item_id):
    return briefing.by_id()[item_id]


# -- 1, 2: the glossary's facts ---------------------------------------------------------------------------


HUB_NODES = [("Beijing–Tianjin–Hebei", "京津冀"), ("Yangtze River Delta", "長三角"),
             ("Guangdong–Hong Kong–Macao Greater Bay Area", "粵港澳大灣區"), ("Chengdu–Chongqing", "成渝"),
             ("Inner Mongolia", "內蒙古"), ("Guizhou", "貴州"), ("Gansu", "甘肅"), ("Ningxia", "寧夏")]


def test_east_data_west_computing_names_all_eight_hub_nodes_not_only_the_west(briefing):
    entry = item(briefing, "east-data-west-computing")
    assert entry.editorial is True
    assert "in the west of China" not in entry.text.en
    for en, zh in HUB_NODES:
        assert en in entry.text.en and zh in entry.text.zh
    assert "eight" in entry.text.en and "八個" in entry.text.zh
    assert "four western hub nodes" in entry.text.en and "四個西部樞紐節點" in entry.text.zh
    assert "February 2022" in entry.text.en and "2022年2月" in entry.text.zh


def test_hundred_enterprises_was_planned_in_2020_not_launched_with_ten_thousand_enterprises(briefing):
    entry = item(briefing, "hundred-enterprises")
    assert entry.editorial is True
    assert "alongside" not in entry.text.en and "並行" not in entry.text.zh
    # Both languages say the same: the 2020 government work report, and 萬企融合 since 2018.
    assert "2020 government work report" in entry.text.en and "2020年政府工作報告" in entry.text.zh
    assert "since 2018" in entry.text.en and "2018年起" in entry.text.zh
    assert "could not verify" in entry.text.en and "未能" in entry.text.zh


# -- 3–7: what the article's words mean ---------------------------------------------------------------------


def test_national_modifies_the_hub_not_the_data(briefing):
    guidance = item(briefing, "guidance").text.en
    assert "a national core hub for the circulation of data as a factor of production" in guidance
    assert "national data" not in guidance


def test_qian_yi_ji_is_the_100_billion_yuan_level_everywhere(briefing):
    for language in ("en", "zh-Hant", "zh-Hans"):
        assert "hundreds of billions" not in to_markdown(briefing, language)
    assert "100-billion-yuan level" in item(briefing, "industry-clusters").title.en
    assert "100-billion-yuan level" in item(briefing, "digital-industry").measures[0].text.en


def test_industry_clusters_carry_no_year_the_article_does_not_give(briefing):
    clusters = item(briefing, "industry-clusters")
    assert clusters.year is None
    assert "加快打造" in clusters.quote.text
    assert "(2023)" not in plain(item_renderable(briefing, clusters, "en"))
    markdown = to_markdown(briefing, "en")
    section = markdown[markdown.index("`industry-clusters`"):]
    assert section[:section.index("\n> ")].count("(2023)") == 0


def test_a_target_has_a_year_only_where_the_article_strives_for_it_this_year(briefing):
    # 會議要求,今年…: the year comes with 力爭 ("strive to"); 加快打造, 形成, 著力打造 set no date.
    for target in briefing.targets:
        assert (target.year == 2023) == ("力爭" in target.quote.text), target.id


def test_growth_rank_keeps_strive_to(briefing):
    rank = item(briefing, "digital-economy-growth-rank")
    assert rank.text.en.startswith("Strive to") and rank.title.en.startswith("Strive to")
    assert rank.text.zh.startswith("力爭") and rank.title.zh.startswith("力爭")
    assert "力爭" in rank.quote.text


def test_the_first_set_of_trading_rules_is_not_a_rank(briefing):
    rules = item(briefing, "trading-rules")
    assert rules.figures == ()
    assert "first set" in rules.text.en and "首套" in rules.text.zh
    assert "first in China" not in to_markdown(briefing, "en").split("`trading-rules`")[1].split("\n### ")[0]


# -- 8: the baseline said as the source says it -------------------------------------------------------------


def test_baseline_is_about_37_percent_of_gdp_in_2022_everywhere(briefing):
    share = item(briefing, "digital-economy-share-2023")
    assert baseline_text(share, "en") == "about 37% of GDP (2022)"
    assert baseline_text(share, "zh-Hant") == "37%左右 (2022)"
    assert "Baseline: about 37% of GDP (2022)" in plain(item_renderable(briefing, share, "en"))
    assert "基數: 37%左右 (2022)" in plain(item_renderable(briefing, share, "zh-Hant"))
    assert "Baseline: about 37% of GDP (2022)" in to_markdown(briefing, "en")
    assert "基数: 37%左右 (2022)" in to_markdown(briefing, "zh-Hans")
    assert "Baseline: about 37% of GDP (2022)" in plain(chart(briefing, "en"))


def test_a_target_without_a_baseline_has_no_baseline_text(briefing):
    assert baseline_text(item(briefing, "integration-industry"), "en") == ""


# -- 9: the meeting's own goals and next-step tasks are items ------------------------------------------------

GOALS_AND_TASKS = {
    # id: (section it belongs to, the words of the article it quotes, targets it restates)
    "guidance-principles": ("guidance", "產業為先、項目為王、效益為本", []),
    "goal-computing-power-base": ("guidance", "面向全國的算力保障基地", ["infrastructure-service-system"]),
    "goal-data-circulation-hub": ("guidance", "國家數據生產要素流通核心樞紐", []),
    "goal-big-data-2": ("guidance", "貴州大數據發展2.0升級版", []),
    "task-hub-node": ("next-steps", "全國一體化算力網絡國家(貴州)樞紐節點建設", ["infrastructure-service-system"]),
    "task-data-trading": ("next-steps", "推動數據流通交易", []),
    "task-sci-tech-city": ("next-steps", "大數據科創城", []),
    "task-digital-government": ("next-steps", "加快數字政府建設", []),
    "task-integration": ("next-steps", "數字經濟與實體經濟深度融合",
                         ["integration-industry", "integration-agriculture", "integration-services"]),
    "task-digital-economy-share": ("next-steps", "不斷提高數字經濟在國民經濟中的占比", ["digital-economy-share-2023"]),
    "task-digital-economy-growth": ("next-steps", "確保數字經濟增速持續保持全國前列", ["digital-economy-growth-rank"]),
}


@pytest.mark.parametrize("item_id", GOALS_AND_TASKS)
def test_each_goal_and_task_is_an_overview_item_linked_to_its_section_and_targets(briefing, item_id):
    section, words, targets = GOALS_AND_TASKS[item_id]
    found = item(briefing, item_id)
    parent = item(briefing, section)
    assert isinstance(found, OverviewSection) and found.kind == parent.kind
    assert words in found.quote.text and found.quote.text in parent.quote.text
    assert section in found.related and found in briefing.related(parent)
    for target_id in targets:
        assert found in briefing.related(item(briefing, target_id))


def test_ensure_is_kept_stronger_than_strive_to(briefing):
    task = item(briefing, "task-digital-economy-growth")
    assert task.text.en.startswith("Ensure") and task.text.zh.startswith("確保")


@pytest.mark.parametrize("query, expected", [
    ("算力保障基地", "goal-computing-power-base"),
    ("大数据科创城", "task-sci-tech-city"),        # Simplified finds Traditional
    ("Sci-Tech Innovation City", "task-sci-tech-city"),
    ("確保", "task-digital-economy-growth"),
    ("项目为王", "guidance-principles"),
])
def test_goals_and_tasks_can_be_searched(briefing, query, expected):
    hits = build_index(briefing).search(query).ids
    assert expected in hits[:2], hits[:5]


# -- 10: five areas, "among others" -------------------------------------------------------------------------


def test_factor_support_has_five_measures_and_keeps_among_others(briefing):
    action = item(briefing, "factor-support")
    assert isinstance(action, Action)
    areas = ["完善法規制度", "提升數字技術創新能力", "加大人才建設", "強化數據安全", "加大交流合作"]
    assert len(action.measures) == 5
    for measure, area in zip(action.measures, areas, strict=True):
        assert area in measure.quote.text and area in measure.text.zh
    last = action.measures[-1]
    assert "等" in last.quote.text and "等" in last.text.zh and "among other areas" in last.text.en


# -- Style ----------------------------------------------------------------------------------------------------


def test_english_text_has_no_chinese_characters(briefing):
    for path, text in bilinguals(briefing):
        if path != "meeting.source.note":  # names the restored characters on purpose
            assert not HAN.search(text.en), (path, text.en)


def test_content_names_no_part_of_the_app(briefing):
    for path, text in bilinguals(briefing):
        assert not re.search(r"\bpane\b|\bscreen\b|\bpress\b", text.en, re.IGNORECASE), (path, text.en)


@pytest.mark.parametrize("slip, better", [
    ("big data system", "big data authorities"),       # 全省大數據系統 is people, not an IT system
    ("It strove for", "achieved"),                      # 奮力實現 reports results
    ("guide the whole", "overarching guide"),
    ("exploring new experience", "gaining new experience"),
    ("investment restructuring", "restructuring"),
    ("Trading volume", "Transaction value"),
    ("digital government construction", "digital government development"),
    ("scenarios of digitalised public services", "digital public-service applications"),
    ("every city (prefecture)", "each city and autonomous prefecture"),
    ("Provincial Big Data Bureau", "Guizhou Provincial Big Data Development Administration"),
    ("principal leaders", "principal officials"),
    ("the provincial capital", "Guiyang"),
    ("Big data-industry", "Index of big data integration with industry"),  # not "big-data industry"
    ("Gui Ren Ma", "Guirenma"),
])
def test_reviewed_english_phrasing(briefing, slip, better):
    english = "\n".join(text.en for _, text in bilinguals(briefing))
    assert slip not in english
    assert better in english


def test_each_style_correction_is_where_it_belongs(briefing):
    assert "comprehensively reviewed" in briefing.meeting.text.en
    assert "Guizhou Provincial Big Data Work Conference" in briefing.meeting.text.en
    assert "reform" in item(briefing, "exchange-restructuring").text.en
    assert "Principal" in item(briefing, "core-industry").title.en
    assert "Sci-Tech Innovation City" in item(briefing, "next-steps").text.en
    assert "pun" in item(briefing, "gui-ren-ma").text.en and "貴人" in item(briefing, "gui-ren-ma").text.zh
    assert "consolidating and expanding the gains" in item(briefing, "four-zones-one-highland").text.en
    assert "of the Western Development strategy" in item(briefing, "four-zones-one-highland").text.en
    assert "digital services for people's livelihoods" in item(briefing, "governance-livelihood-demonstration").title.en
    pilots = item(briefing, "national-pilots")
    assert pilots.figures == () and "Two" not in pilots.title.en and "兩項" not in pilots.title.zh


@pytest.mark.parametrize("item_id, subject", [
    ("digital-economy-share", "數字經濟"),
    ("digital-economy-growth-rank", "數字經濟"),
    ("industry-clusters", "加快打造"),
])
def test_chinese_texts_are_sentences_not_fragments(briefing, item_id, subject):
    assert item(briefing, item_id).text.zh.startswith((subject, "力爭" + subject))


# The mirror wrote some Simplified forms into its Traditional text (華為云, 示范). Quotes keep them; every zh
# field we write is Traditional. OpenCC's s2tw finds a Simplified form; 占 is also standard Traditional
# (the source writes 占GDP比重 throughout), so it is the one character s2tw may change.
TRADITIONAL_AS_WRITTEN = {"占"}


def test_chinese_we_write_is_traditional(briefing):
    to_traditional = opencc.OpenCC("s2tw")
    for path, text in bilinguals(briefing):
        converted = to_traditional.convert(text.zh)
        changed = {a for a, b in zip(text.zh, converted, strict=True) if a != b}
        assert changed <= TRADITIONAL_AS_WRITTEN, (path, text.zh, changed)
    assert "華為雲" in item(briefing, "huawei-cloud").title.zh
    assert "示範" in item(briefing, "enterprise-demonstration").title.zh


def test_chinese_we_write_uses_the_articles_vocabulary(briefing):
    for path, text in bilinguals(briefing):
        assert "資訊" not in text.zh, path  # Taiwan usage; the article writes 信息


# -- The Simplified view ----------------------------------------------------------------------------------

# Each checked by hand against mainland usage: what tw2s must give for the briefing's own phrases.
SIMPLIFIED = {
    "著力打造開放、健康、安全的數字生態": "着力打造开放、健康、安全的数字生态",
    "國家數據生產要素流通核心樞紐": "国家数据生产要素流通核心枢纽",   # 核心 stays (tw2sp would write 内核)
    "新國發2號文件": "新国发2号文件",                               # 文件 stays (tw2sp: 文档)
    "新增重點數據中心項目11個": "新增重点数据中心项目11个",          # 新增 stays (tw2sp: 添加)
    "華為雲計算技術有限公司": "华为云计算技术有限公司",
    "華為云計算技術有限公司": "华为云计算技术有限公司",
    "省級數字治理和數字民生示範項目": "省级数字治理和数字民生示范项目",
    "軟件和信息技術服務業": "软件和信息技术服务业",
    "占GDP比重": "占GDP比重",
    "著名": "著名",                                               # 著 in its own sense stays
}
# Phrases mainland Simplified text does not write: a Taiwan-form 著 left unconverted, or Taiwan vocabulary.
SLIPS = ["著力", "著手", "著眼", "著重", "随著", "接著", "意味著", "沿著", "资讯", "软体", "硬体", "网路", "数位",
         "程式", "伺服器"]


@pytest.mark.parametrize("traditional, simplified", SIMPLIFIED.items())
def test_hand_checked_simplified(traditional, simplified):
    assert chinese(traditional, "zh-Hans") == simplified


def simplified_output(briefing) -> list[str]:
    texts = [localize(text, "zh-Hans") for _, text in bilinguals(briefing)]
    texts += [chinese(quote.text, "zh-Hans") for quote in quotes_of(briefing)]
    markdown = to_markdown(briefing, "zh-Hans").splitlines()
    texts += [chinese(briefing.source_text, "zh-Hans")]
    texts += [line for line in markdown if not line.startswith("> ")]  # quotes stay verbatim Traditional
    texts += [ui(word, "zh-Hans") for word in ("Overview", "Search", "Editorial explanation, not from the article")]
    return texts


def test_the_simplified_view_of_the_whole_briefing_has_no_slip(briefing):
    output = "\n".join(simplified_output(briefing))
    for slip in SLIPS:
        assert slip not in output, slip
    assert "着力打造" in output


def test_search_in_simplified_finds_what_the_reader_sees(briefing):
    ecosystem = item(briefing, "digital-ecosystem")
    assert isinstance(ecosystem, Target) and "着力" in localize(ecosystem.text, "zh-Hans")
    assert build_index(briefing).search("着力").ids[:1] == ["digital-ecosystem"]
