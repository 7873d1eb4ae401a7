"""The reader's preferences: theme, language, last pane and key remappings, in config.yaml.

Stored in ``<user config dir>/briefing/config.yaml``. Reading never fails: a missing
file means defaults, a corrupt or unreadable one means defaults and one warning (and
the file is left alone until the reader changes a preference). Writing is atomic: a
temporary file in the same directory, then a rename, so a crash mid-write leaves the
old file whole.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import yaml

from .files import read_bounded
from .model import LANGUAGES


def config_dir() -> Path:
    from platformdirs import user_config_dir  # noqa: PLC0415 - off the startup path

    return Path(user_config_dir("briefing"))


def config_path() -> Path:
    return config_dir() / "config.yaml"


@dataclass(frozen=True)
class Preferences:
    theme: str | None = None
    language: str | None = None
    pane: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes) -> Preferences:
        return replace(self, **changes)


def load_preferences(path: Path) -> tuple[Preferences, list[str]]:
    """The preferences in ``path`` (defaults if there is none) and any warnings about it."""
    try:
        text = read_bounded(path).decode("utf-8")
    except FileNotFoundError:
        return Preferences(), []
    except (OSError, UnicodeDecodeError) as exc:
        return Preferences(), [f"{path}: cannot read preferences ({_reason(exc)}); using defaults"]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        return Preferences(), [f"{path}{where}: preferences are not valid YAML; using defaults"]
    if data is None:
        return Preferences(), []
    if not isinstance(data, dict):
        return Preferences(), [f"{path}: preferences must be a mapping; using defaults"]
    return _preferences_from(path, data)


def _preferences_from(path: Path, data: dict) -> tuple[Preferences, list[str]]:
    warnings = []
    values: dict = {}
    for key, value in data.items():
        if key in ("theme", "pane") and isinstance(value, str) or key == "language" and value in LANGUAGES:
            values[key] = value
        elif key == "keymap" and isinstance(value, dict) and all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            values[key] = dict(value)
        else:
            warnings.append(f"{path}: ignoring {key}: {value!r} (not a valid preference)")
    return Preferences(**values), warnings


def save_preferences(path: Path, preferences: Preferences) -> str | None:
    """Write preferences atomically; return why not, or None when saved."""
    data = {k: v for k, v in asdict(preferences).items() if v not in (None, {})}
    text = "# briefing preferences; edit freely, or let the app keep them.\n" + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".yaml")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        return f"{path}: cannot save preferences ({_reason(exc)}); your choices won't be kept"
    return None


def _reason(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or exc.__class__.__name__
