"""Turn a scraped source article into its clean text.

The mirror the Guizhou article was scraped from annotated some characters with
their pinyin, e.g. ``數(shù)據(jù)`` for ``數據``, and in one place lost the
character itself. Cleaning removes the annotations and restores what was lost,
while real parentheses such as ``(貴州)`` stay.
"""

from __future__ import annotations

import re
import unicodedata

# A pinyin annotation follows a Han character and holds at least one toned vowel;
# this is what tells it apart from real text in parentheses such as (貴州) or (IDC).
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_ANNOTATION = re.compile(rf"(?<=[{_HAN}])\(([a-zü]*[{_TONED}][a-zü]*)\)")

# Where the mirror lost a character, only its annotations are left; no rule can
# recover it, so each repair is listed by hand (and tested).
LOST_CHARACTERS = {
    "?dāng)?shù)": "數",  # 政府數據 in "省域政府數據開放綜合指數"
}


def clean_article(raw: str) -> str:
    """Return ``raw`` with pinyin annotations removed and lost characters restored."""
    text = unicodedata.normalize("NFC", raw)
    for damaged, original in LOST_CHARACTERS.items():
        text = text.replace(damaged, original)
    return PINYIN_ANNOTATION.sub("", text)
