"""Generate large briefings for benchmarks and tests: the bundled one, replicated with variations."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tui.model import SECTIONS
from tui.paths import bundled_dir, default_briefing

# Fields that hold ids of other items, which must be renamed with the copies.
_REFERENCES = ("related", "innovation", "targets", "action", "achievement")


def _renamed(value, suffix: str):
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            if key == "id" or key in _REFERENCES:
                out[key] = [f"{v}-{suffix}" for v in inner] if isinstance(inner, list) else f"{inner}-{suffix}"
            else:
                out[key] = _renamed(inner, suffix)
        return out
    if isinstance(value, list):
        return [_renamed(v, suffix) for v in value]
    return value


def large_briefing_data(items: int) -> dict:
    """The bundled briefing's data with every section copied until the briefing has ``items`` items."""
    data = yaml.safe_load(default_briefing().read_text(encoding="utf-8"))
    per_copy = sum(len(data[s]) for s in SECTIONS)
    copies = max(1, -(-items // per_copy))
    out = {k: v for k, v in data.items() if k not in SECTIONS}
    for section in SECTIONS:
        out[section] = []
    for copy in range(copies):
        suffix = f"c{copy}"
        for section in SECTIONS:
            for item in data[section]:
                clone = _renamed(item, suffix)
                clone["title"] = {"en": f"{item['title']['en']} (copy {copy})",
                                  "zh": f"{item['title']['zh']}(副本{copy})"}
                out[section].append(clone)
    return out


def write_large_briefing(directory: Path, items: int) -> Path:
    """Write a briefing of at least ``items`` items (and its source text) into ``directory``."""
    sources = directory / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for name in ("guizhou-2023.txt", "guizhou-2023.raw.txt"):
        shutil.copy(bundled_dir("content") / "sources" / name, sources / name)
    path = directory / f"large-{items}.yaml"
    path.write_text(yaml.safe_dump(large_briefing_data(items), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def _numbered(title: dict, number: int) -> dict:
    return {"en": f"{title['en']} (copy {number})", "zh": f"{title['zh']}(副本{number})"}


def write_library(directory: Path, count: int) -> list[Path]:
    """Write ``count`` briefings into ``directory``: the bundled ones in turn, the meeting's and every
    item's title numbered, each quoting the bundled sources (copied once, beside them) verbatim."""
    content = bundled_dir("content")
    shutil.copytree(content / "sources", directory / "sources", dirs_exist_ok=True)
    bases = [(path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(content.glob("*.yaml"))]
    paths = []
    for number in range(count):
        stem, data = bases[number % len(bases)]
        copy = {**data, "meeting": {**data["meeting"], "title": _numbered(data["meeting"]["title"], number)}}
        for section in SECTIONS:
            if section in data:
                copy[section] = [{**item, "title": _numbered(item["title"], number)} for item in data[section]]
        path = directory / f"{stem}-{number:03d}.yaml"
        text = yaml.dump(copy, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)  # C: 200 files
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
