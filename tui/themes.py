"""Colour themes from YAML files: one ``textual.theme.Theme`` per file, validated first.

A theme with a colour that does not parse would register fine and crash the app
on the next CSS refresh, so every colour is parsed and the colour system
generated before a theme is accepted. Errors name the file, line and column.
What reading the theme files gave is cached (``tui.cache``) under their text, so a
second launch neither imports PyYAML nor validates a theme again.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, TypeGuard

import textual.color
import textual.design
import textual.theme
from textual.color import Color, ColorParseError
from textual.theme import Theme

from .cache import cache_dir, digest_key, read_entry, write_entry
from .content_text import ContentError, read_text
from .paths import bundled_dir

if TYPE_CHECKING:
    import yaml

DEFAULT_THEME = "briefing-dark"
_COLOUR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground", "background",
                  "surface", "panel", "boost")
_NUMBER_FIELDS = ("luminosity_spread", "text_alpha")
THEME_FIELDS = frozenset(f.name for f in dataclasses.fields(Theme))


def read_theme_file(path: Path) -> tuple[Theme | None, list[ContentError]]:
    """Read and validate one theme file."""
    return _read_theme(path, *read_text(path))


def _read_theme(path: Path, text: str, error: ContentError | None) -> tuple[Theme | None, list[ContentError]]:
    """Validate one theme file's text (or pass on why it could not be read)."""
    import yaml  # noqa: PLC0415 - only when a theme must be parsed, not read from the cache

    from .loader import compose_yaml  # noqa: PLC0415

    name = str(path)
    root, error = (None, error) if error else compose_yaml(name, text)
    if error or root is None:
        return None, [error] if error else []
    errors: list[ContentError] = []

    def fail(node: yaml.Node, field: str, message: str) -> None:
        errors.append(ContentError(name, node.start_mark.line + 1, node.start_mark.column + 1, field, message))

    if not isinstance(root, yaml.MappingNode):
        fail(root, "(top-level)", "a theme file must be a mapping of Theme fields")
        return None, errors
    values: dict = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in THEME_FIELDS:
            fail(key_node, str(key), f"unknown theme field (expected one of: {', '.join(sorted(THEME_FIELDS))})")
            continue
        if key in values:
            fail(key_node, key, "duplicate field")
            continue
        values[key] = _theme_value(key, value_node, fail)
    for required in ("name", "primary"):
        if required not in values:
            fail(root, required, "missing field")
    if errors:
        return None, errors
    try:
        theme = Theme(**values)
        theme.to_color_system().generate()
    except (ColorParseError, ValueError, TypeError) as exc:
        fail(root, "(theme)", f"the colour system cannot be generated: {exc}")
        return None, errors
    return theme, []


def _theme_value(key: str, node: yaml.Node, fail):
    import yaml  # noqa: PLC0415 - see _read_theme

    if key == "variables":
        if not isinstance(node, yaml.MappingNode):
            fail(node, key, "expected a mapping of variable names to values")
            return {}
        return {str(k.value): str(v.value) for k, v in node.value
                if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
    if not isinstance(node, yaml.ScalarNode):
        fail(node, key, "expected a single value")
        return None
    if key in ("dark", "ansi"):
        if node.value.lower() not in ("true", "false"):
            fail(node, key, "expected true or false")
        return node.value.lower() == "true"
    if key in _NUMBER_FIELDS:
        try:
            return float(node.value)
        except ValueError:
            fail(node, key, f"expected a number, got {node.value!r}")
            return None
    if key in _COLOUR_FIELDS:
        try:
            Color.parse(node.value)
        except ColorParseError:
            fail(node, key, f"not a colour: {node.value!r}")
    return node.value


def theme_dirs() -> list[Path]:
    """Bundled themes, then the user's (which may replace a bundled one of the same name)."""
    dirs = [bundled_dir("themes")]
    try:
        from platformdirs import user_config_dir  # noqa: PLC0415 - off the startup path

        dirs.append(Path(user_config_dir("briefing")) / "themes")
    except ImportError:  # pragma: no cover - platformdirs is a declared dependency
        pass
    return dirs


def load_themes(dirs: list[Path] | None = None) -> tuple[list[Theme], list[ContentError]]:
    """Every valid theme in ``dirs``, and the errors of the ones skipped (through the cache)."""
    folders = theme_dirs() if dirs is None else dirs
    paths = [path for directory in folders for path in (sorted(directory.glob("*.yaml")) if directory.is_dir() else [])]
    read = [(path, *read_text(path)) for path in paths]
    # One entry per list of folders, replaced when it is out of date: it holds what was read, keyed by
    # each file's name and text and by the Textual code that makes and checks a theme (not
    # textual.__version__: that imports importlib.metadata, a tenth of the start-up it would save).
    # Not kept while a file cannot be read (it may be readable next time).
    entry = cache_dir() / f"{digest_key(b'themes', *(os.fsencode(os.path.abspath(d)) for d in folders))}.themes"
    key = None if any(error for *_, error in read) else digest_key(
        *(Path(module.__file__ or "").read_bytes() for module in (textual.theme, textual.color, textual.design)),
        *(part for path, text, _ in read for part in (str(path).encode(), text.encode())))
    cached = read_entry(entry) if key else None
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == key and _is_themes(cached[1]):
        return cached[1]
    themes: list[Theme] = []
    errors: list[ContentError] = []
    for path, text, error in read:
        theme, problems = _read_theme(path, text, error)
        errors += problems
        if theme is not None:
            themes.append(theme)
    if key:
        write_entry(entry, (key, (themes, errors)))
    return themes, errors


def _is_themes(entry) -> TypeGuard[tuple[list[Theme], list[ContentError]]]:
    """Whether a cache entry holds what ``load_themes`` returns (anything else is a miss)."""
    return (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], list)
            and isinstance(entry[1], list) and all(isinstance(theme, Theme) for theme in entry[0])
            and all(isinstance(error, ContentError) for error in entry[1]))
