"""The cleaned article is exactly what clean_article makes of the raw one."""

from tui.source import clean_article

from .conftest import CONTENT

RAW = (CONTENT / "sources" / "guizhou-2023.raw.txt").read_text(encoding="utf-8")
CLEAN = (CONTENT / "sources" / "guizhou-2023.txt").read_text(encoding="utf-8")


def test_committed_clean_text_is_the_output_of_clean_article():
    assert clean_article(RAW) == CLEAN


def test_raw_copy_is_the_shared_seed_byte_for_byte():
    seed = CONTENT.parent.parent / "shared" / "seeds" / "000_b31c97cd8069e964.txt"
    if seed.exists():  # present beside a checkout on the team's machines and in CI
        assert seed.read_bytes() == (CONTENT / "sources" / "guizhou-2023.raw.txt").read_bytes()
    assert "數(shù)據(jù)" in RAW


def test_pinyin_annotations_are_removed_and_real_parentheses_kept():
    assert clean_article("大數(shù)據(jù)工作會") == "大數據工作會"
    assert clean_article("算力網絡國家(貴州)樞紐") == "算力網絡國家(貴州)樞紐"
    assert clean_article("各市(州)、貴安新區") == "各市(州)、貴安新區"
    assert clean_article("數據中心(IDC)與5G") == "數據中心(IDC)與5G"


def test_the_lost_character_is_restored():
    assert clean_article("省域政府?dāng)?shù)據開放") == "省域政府數據開放"
    assert "省域政府數據開放綜合指數排名全國第三" in CLEAN


def test_clean_text_has_no_annotation_or_question_mark_left():
    assert "?" not in CLEAN
    assert not any(ch in CLEAN for ch in "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
    assert CLEAN.count("(貴州)") == 2 and "(州)" in CLEAN
