"""The reader's preferences: theme, language, last pane and key remappings, in config.yaml.

Stored in ``<user config dir>/briefing/config.yaml``, a file the reader may also edit by hand.
Reading never fails: a missing file means defaults; a file that cannot be read, or is not a
YAML mapping, means defaults, one warning, and the file is never written over (the reader's
theme, keymap and comments are in it). In a readable file each bad entry is reported on its
own line (file:line:col) and the good entries are used.

Saving writes only the values the reader changed into the file as it is at that moment,
keeping comments, key order and formatting (ruamel.yaml's round trip, imported only when
saving). Writes are atomic: a temporary file in the same directory, then a rename.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import cache_dir, digest_key, read_entry, write_entry
from .content_text import ContentError, read_text
from .model import LANGUAGES, Language
from .panes import PANE_IDS

if TYPE_CHECKING:  # PyYAML is imported only when there is a config file to read (see _yaml)
    import yaml

PREFERENCES = ("theme", "language", "pane", "keymap")
HEADER = "# briefing preferences; edit freely, or let the app keep them.\n"
NOT_SAVED = "using defaults; your choices are not saved until it is fixed"
_TAG = "tag:yaml.org,2002:"
_KINDS = {"int": "a number", "float": "a number", "bool": "true/false", "null": "empty"}


def config_dir() -> Path:
    from platformdirs import user_config_dir  # noqa: PLC0415 - off the startup path

    return Path(user_config_dir("briefing"))


def config_path() -> Path:
    return config_dir() / "config.yaml"


@dataclass(frozen=True)
class Preferences:
    theme: str | None = None
    language: Language | None = None
    pane: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)

    def with_(self, **changes) -> Preferences:
        return replace(self, **changes)


@dataclass(frozen=True)
class ConfigRead:
    """What reading config.yaml gave: the preferences, each problem, and whether it may be written."""

    preferences: Preferences = field(default_factory=Preferences)
    problems: list[ContentError] = field(default_factory=list)
    writable: bool = True
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)  # "theme", "keymap.quit"… → (line, column)


def read_config_text(path: Path) -> tuple[str | None, ContentError | None]:
    """The text of the config file (None if there is none), or why it cannot be read.

    The only place the file is read: bounded and regular-files-only like every user file."""
    if not os.path.lexists(path):
        return None, None
    text, error = read_text(path)
    return (None, error) if error else (text, None)


def _yaml():
    """PyYAML, imported when a config file is there to be read: a reader who never chose anything, or a
    served session, starts without it."""
    import yaml  # noqa: PLC0415

    return yaml


def _read_root(path: Path) -> tuple[str, yaml.MappingNode | None, ContentError | None]:
    """The file's text and top-level mapping (None for no file or an empty one), or why it is unusable."""
    return _parse_root(path, *read_config_text(path))


def _parse_root(path: Path, text: str | None, error: ContentError | None) -> tuple[str, yaml.MappingNode | None,
                                                                                   ContentError | None]:
    if error is not None or text is None:
        return "", None, error
    from .loader import compose_yaml  # noqa: PLC0415 - see _yaml

    yaml = _yaml()
    root, error = compose_yaml(str(path), text)
    if error is not None and error.field == "(file)":  # empty, or comments only: no preferences yet
        return text, None, None
    if error is None and root is not None and not isinstance(root, yaml.MappingNode):
        error = _error(path, root, "(top-level)", "preferences must be a mapping (theme: …, keymap: …)")
    return text, root, error


def read_preferences(path: Path) -> ConfigRead:
    """The preferences in ``path`` and what is wrong with it; never raises.

    What a readable file gave is cached under its text (one entry per config file, replaced when
    the text changes): a second launch does not parse it again, nor import PyYAML to."""
    text, error = read_config_text(path)
    if text is None or error is not None:
        return _read_preferences(path, text, error)
    entry = cache_dir() / f"{digest_key(b'config', os.fsencode(os.path.abspath(path)))}.config"
    key = digest_key(os.fsencode(str(path)), text.encode())  # its problems name the path as it was given
    cached = read_entry(entry)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == key and isinstance(cached[1], ConfigRead):
        return cached[1]
    read = _read_preferences(path, text, error)
    write_entry(entry, (key, read))
    return read


def _read_preferences(path: Path, text: str | None, error: ContentError | None) -> ConfigRead:
    _, root, error = _parse_root(path, text, error)
    if error is not None:
        return ConfigRead(problems=[replace(error, message=f"{error.message}; {NOT_SAVED}")], writable=False)
    return ConfigRead() if root is None else _read_mapping(path, root)


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _error(path: Path, node: yaml.Node, field_name: str, message: str) -> ContentError:
    return ContentError(str(path), *_position(node), field_name, message)


def _text(node: yaml.Node) -> str | None:
    """A scalar's text if YAML reads it as a string (``0``, ``off`` and ``~`` are not)."""
    return node.value if isinstance(node, _yaml().ScalarNode) and node.tag == _TAG + "str" else None


def _read_mapping(path: Path, root: yaml.MappingNode) -> ConfigRead:
    problems: list[ContentError] = []
    values: dict = {}
    marks: dict[str, tuple[int, int]] = {}
    for key_node, value_node in root.value:
        key = _text(key_node)
        if key in values:
            problems.append(_error(path, key_node, str(key), "appears twice; the first one is used"))
        elif key not in PREFERENCES:
            problems.append(_error(path, key_node, str(key_node.value),
                                   f"unknown preference (expected one of: {', '.join(PREFERENCES)})"))
        elif key == "keymap":
            values[key] = _read_keymap(path, value_node, problems, marks)
        else:
            problem = _scalar_problem(key, value_node)
            if problem:
                problems.append(_error(path, value_node, key, problem))
            else:
                values[key] = value_node.value
                marks[key] = _position(value_node)
    return ConfigRead(Preferences(**values), problems, True, marks)


def _scalar_problem(key: str, node: yaml.Node) -> str | None:
    value = _text(node)
    if value is None:
        return f"expected a name, got {_describe(node)}"
    if key == "language" and value not in LANGUAGES:
        return f"unknown language {value!r} (expected one of: {', '.join(LANGUAGES)})"
    if key == "pane" and value not in PANE_IDS:
        return f"unknown pane {value!r} (expected one of: {', '.join(PANE_IDS)})"
    return None


def _read_keymap(path: Path, node: yaml.Node, problems: list[ContentError],
                 marks: dict[str, tuple[int, int]]) -> dict[str, str]:
    """The entries whose keys are text; every other entry is a problem of its own."""
    if not isinstance(node, _yaml().MappingNode):
        problems.append(_error(path, node, "keymap", "expected a mapping of binding ids to keys"))
        return {}
    keymap: dict[str, str] = {}
    for id_node, keys_node in node.value:
        binding_id = _text(id_node)
        keys = _text(keys_node)
        where = f"keymap.{id_node.value}"
        if binding_id is None:
            problems.append(_error(path, id_node, where, "a binding id is text, such as language or pane.targets"))
        elif binding_id in keymap:
            problems.append(_error(path, id_node, where, "appears twice; the first one is used"))
        elif keys is None:
            problems.append(_error(path, keys_node, where, f"expected a key name, got {_describe(keys_node)}"))
        else:
            keymap[binding_id] = keys
            marks[f"keymap.{binding_id}"] = _position(keys_node)
    return keymap


def _describe(node: yaml.Node) -> str:
    if not isinstance(node, _yaml().ScalarNode):
        return "a list or mapping (write several keys as one text: 'a,f2')"
    kind = _KINDS.get(node.tag.removeprefix(_TAG), f"a value tagged {node.tag}")
    if kind == "empty":
        return "nothing"
    return f"{node.value} (read as {kind}; put it in quotes: '{node.value}')"


# -- saving -------------------------------------------------------------------------------


def save_changes(path: Path, changes: Mapping[str, str | None], durable: bool = False) -> str | None:
    """Write ``changes`` (None removes a key) into the file as it is now; return why not, or None.

    The file is read again first: the reader may have edited it since. If it cannot be read or
    parsed now, nothing is written. ``durable`` adds an fsync (for the save on exit)."""
    text, _, error = _read_root(path)
    if error is not None:
        return f"{error}; your choices are not saved until it is fixed"
    try:
        new_text = _edited(text, changes)
    except Exception as exc:  # ruamel's errors share no base class worth naming; never write then
        return f"{path}: cannot update preferences ({exc.__class__.__name__}); your choices are not saved"
    if new_text == text:
        return None
    try:
        _write_atomically(Path(os.path.realpath(path)), new_text, durable)
    except OSError as exc:
        return f"{path}: cannot save preferences ({_reason(exc)}); your choices won't be kept"
    return None


def _edited(text: str, changes: Mapping[str, str | None]) -> str:
    """``text`` with ``changes`` applied, and everything else (comments, order, quotes, indent) kept."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - only needed when saving
    from ruamel.yaml.comments import CommentedMap  # noqa: PLC0415
    from ruamel.yaml.util import load_yaml_guess_indent  # noqa: PLC0415

    original, crlf = text, "\r\n" in text  # a file saved on Windows keeps its line ends
    text = text.replace("\r\n", "\n")
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 4096  # never re-wrap the reader's lines
    _, indent, sequence_indent = load_yaml_guess_indent(text)  # (its own loader before ruamel 0.19)
    data = round_trip.load(text)
    round_trip.indent(mapping=indent or 2, sequence=indent or 2, offset=sequence_indent or 0)
    prefix = ""
    if data is None:  # an empty file, or comments only: keep them, add the keys after them
        data = CommentedMap()
        prefix = (text if text.endswith("\n") else text + "\n") if text.strip() else HEADER
    for key, value in changes.items():
        if value is None:
            _remove(data, key)
        else:
            data[key] = value
    if not data and prefix:  # nothing to add to a file that has no entries
        return original
    stream = io.StringIO()
    round_trip.dump(data, stream)
    body = stream.getvalue() if data else stream.getvalue().removesuffix("{}\n")  # emptied: its comments only
    result = prefix + body
    return result.replace("\n", "\r\n") if crlf else result


def _remove(data, key: str) -> None:
    """Remove ``key`` from a round-trip mapping, but not the comment lines that follow its line."""
    from ruamel.yaml.comments import CommentedMap  # noqa: PLC0415 - only needed when saving
    from ruamel.yaml.error import CommentMark  # noqa: PLC0415
    from ruamel.yaml.tokens import CommentToken  # noqa: PLC0415

    if key not in data:
        return
    keys = list(data)
    token = (data.ca.items.pop(key, None) or [None] * 4)[2]
    del data[key]
    following = token.value.partition("\n")[2] if token else ""  # its end-of-line comment goes with it
    if not following.strip():
        return
    position = keys.index(key)
    if position == 0:  # they now come before the first entry
        if data.ca.comment is None:
            data.ca.comment = [None, []]
        data.ca.comment[1].append(CommentToken(following, CommentMark(0)))
        return
    # They follow the last line of the entry before, which may be deep in a nested mapping.
    parent, last = data, keys[position - 1]
    while isinstance(parent[last], CommentedMap) and parent[last]:
        parent = parent[last]
        last = list(parent)[-1]
    entry = parent.ca.items.setdefault(last, [None] * 4)
    if entry[2] is None:
        entry[2] = CommentToken("\n" + following, CommentMark(0))
    else:
        entry[2].value += following


def _write_atomically(path: Path, text: str, durable: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if path.exists():  # keep the reader's permissions, not mkstemp's 0600
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


# -- a session's preferences ----------------------------------------------------------------


class PreferenceStore:
    """The preferences of one session: what was read, the reader's changes, and saving them.

    ``path`` None keeps everything in memory (served mode: no file is read or written).
    ``defaults`` are values that are not a choice (the language LANG gives): choosing one
    removes the saved value instead of pinning it."""

    def __init__(self, path: Path | None, defaults: Mapping[str, str] | None = None) -> None:
        self.path = path
        self._defaults = dict(defaults or {})
        read = read_preferences(path) if path is not None else ConfigRead()
        self.preferences = read.preferences
        self.problems = list(read.problems)
        self._marks = read.marks
        self._changes: dict[str, str | None] = {}
        # What the session shows now (set by the app): only a change from it is a choice to save.
        self.in_effect: dict[str, str] = {}
        self._warned = not read.writable  # the reader was told at start that nothing is saved
        # The app saves off its UI thread, and once more as it exits: one writer at a time, so a
        # save cannot put back a file older than the one just written.
        self._saving = threading.Lock()

    def choose(self, key: str, value: str) -> bool:
        """Note the reader's choice; False if it is what is in effect already (nothing to save)."""
        if self.in_effect.get(key) == value:
            return False
        self.in_effect[key] = value
        stored = None if self._defaults.get(key) == value else value
        self.preferences = self.preferences.with_(**{key: stored})
        if self.path is not None:
            self._changes[key] = stored
        return True

    def save(self, durable: bool = False) -> str | None:
        """Write the pending changes; return a problem the reader has not been told yet, or None."""
        with self._saving:
            changes = dict(self._changes)  # the reader may choose again while this is written
            if not changes or self.path is None:
                return None
            problem = save_changes(self.path, changes, durable)
            if problem is None:
                for key, value in changes.items():
                    if self._changes.get(key, value) == value:
                        self._changes.pop(key, None)
                return None
            if self._warned:
                return None
            self._warned = True
            return problem

    def problem(self, field_name: str, message: str) -> None:
        """Add a problem found later (an unknown theme, a bad key) at its entry's line."""
        line, column = self._marks.get(field_name, (1, 1))
        self.problems.append(ContentError(str(self.path), line, column, field_name, message))


def startup_notices(config_problems: list[ContentError], theme_errors: list[ContentError],
                    limit: int = 8) -> list[str]:
    """At most two notices for all the problems with the reader's files, each naming file:line:col."""
    notices = []
    config_problems = sorted(config_problems, key=lambda problem: (problem.line, problem.column))
    if len(config_problems) == 1:
        notices.append(str(config_problems[0]))
    elif config_problems:
        lines = [str(problem) for problem in config_problems[:limit]]
        if len(config_problems) > limit:
            lines.append(f"… and {len(config_problems) - limit} more after these")
        notices.append(f"{len(config_problems)} problems in your preferences; the rest is in use:\n" + "\n".join(lines))
    first_errors: dict[str, ContentError] = {}  # the first error of each file
    for error in theme_errors:
        first_errors.setdefault(error.path, error)
    if len(first_errors) == 1:
        notices.append("theme skipped: " + "\n".join(str(error) for error in theme_errors[:limit]))
    elif first_errors:
        places = [f"{Path(e.path).name}:{e.line}:{e.column}" for e in first_errors.values()]
        shown = ", ".join(places[:limit]) + (f" and {len(places) - limit} more" if len(places) > limit else "")
        notices.append(f"{len(places)} of your themes were skipped ({Path(theme_errors[0].path).parent}): "
                       f"{shown}; run `briefing check FILE` to see why")
    return notices
