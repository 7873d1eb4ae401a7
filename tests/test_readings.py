"""The tables shipped for search (tui/search/tables.py) read Chinese exactly as OpenCC and pypinyin do.

Differential tests: the index's pinyin (``fold.syllables``) against pypinyin's ``lazy_pinyin`` over real
text and generated runs, and the shipped tables against what ``make_tables`` writes from the
libraries installed now (a failure there after an update: run ``python -m tui.search.make_tables``).
"""

import random
import subprocess
import sys
import zipfile

import pytest
from pypinyin.constants import PHRASES_DICT

from tui.search.fold import HAN, Folder, syllables
from tui.search.make_tables import pinyin_lines, pypinyin_syllables, simplified_lines
from tui.search.tables import PINYIN, SIMPLIFIED

from .conftest import CONTENT, ROOT, TEST_CONTENT

# Every briefing and source text bundled or used by the tests. content/sources/*.raw.txt are the
# articles as published (the project's seed article and the shared articles, byte for byte).
TEXTS = sorted(path for folder in (CONTENT, TEST_CONTENT) for path in folder.rglob("*")
               if path.suffix in (".yaml", ".txt"))


def _text(path):
    return path.read_bytes().decode("utf-8", "replace")  # a few test files are broken on purpose


def _differences(runs):
    return [(run, syllables(run), pypinyin_syllables(run)) for run in runs if syllables(run) != pypinyin_syllables(run)]


def _table(path):
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]


def test_the_shipped_tables_are_what_make_tables_writes_from_the_libraries_installed():
    assert _table(SIMPLIFIED) == simplified_lines()
    assert _table(PINYIN) == pinyin_lines()


def test_every_run_of_real_text_reads_as_pypinyin_reads_it():
    folder = Folder(simplify=True)
    runs = set()
    for path in TEXTS:
        text = _text(path)
        for shown in (folder.fold(text), text):  # as the index reads it (Simplified), and as written
            runs.update(match.group() for match in HAN.finditer(shown))
    assert len(TEXTS) >= 15 and len(runs) > 1000
    assert _differences(runs) == []


def test_runs_ending_inside_a_phrase_read_as_pypinyin_reads_them():
    # pypinyin reads the rest of a run character by character when it begins a phrase but holds none:
    # 下不了 ends inside 下不了台 and reads xia bu le, not (the phrase 不了 inside it) xia bu liao.
    assert syllables("下不了") == pypinyin_syllables("下不了") == ("xia", "bu", "le")
    assert _differences({phrase[:end] for phrase in PHRASES_DICT for end in range(2, len(phrase))}) == []


@pytest.mark.parametrize("seed", range(2))
def test_random_runs_read_as_pypinyin_reads_them(seed):
    rng = random.Random(seed)
    phrases = sorted(PHRASES_DICT)
    common = sorted({ch for path in TEXTS for ch in "".join(HAN.findall(_text(path)))})

    def piece():  # phrases overlapping and cut short, where cutting a run into phrases can go wrong
        phrase, kind = rng.choice(phrases), rng.randrange(4)
        cut = rng.randrange(1, len(phrase))
        return [phrase, phrase[cut:], phrase[:cut], rng.choice(common)][kind]

    of_common = {"".join(rng.choices(common, k=rng.randint(1, 24))) for _ in range(2500)}
    of_phrases = {"".join(piece() for _ in range(rng.randint(1, 6))) for _ in range(2500)}
    assert _differences(of_common | of_phrases) == []


def test_building_the_full_index_imports_neither_pypinyin_nor_opencc():
    code = ("import sys; from tui.loader import load_briefing; from tui.search import build_index; "
            "from tui.paths import default_briefing; index = build_index(load_briefing(default_briefing())); "
            "assert index.search('shujuzhongxin').ids and index.search('數據中心').ids; "
            "print(sorted(m for m in ('pypinyin', 'opencc') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_wheel_ships_the_tables_and_needs_no_pypinyin(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = zipfile.ZipFile(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    assert {"tui/search/pinyin.txt", "tui/search/simplified.txt"} <= set(wheel.namelist())
    metadata = next(wheel.read(n).decode() for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    required = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not [line for line in required if "pypinyin" in line]
    assert [line for line in required if "opencc" in line]  # the UI shows Simplified and Traditional with it
