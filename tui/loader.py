"""Read a briefing file into the model, or say exactly what is wrong with it.

The YAML is composed (never constructed) with PyYAML's safe loader, so no tag can
run code, and every node keeps its line and column. The node tree is then read
against the model's dataclasses, collecting every problem as a ``ContentError``
rather than stopping at the first. Text is sanitised on the way in: control
characters cannot reach the terminal from content.

A file says its format version (``format: 1`` or ``2``); the reader applies that
version's rules (model field metadata ``since``/``v1``), so a format 1 file reads
exactly as it always did.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union

import yaml

from .bulk import collector_paused
from .content_text import REPLACEMENT as REPLACEMENT  # what content's unsafe characters become
from .content_text import BriefingError, ContentError, decode_text, read_text, sanitise, source_path
from .files import MAX_FILE_BYTES, read_bounded
from .model import FORMATS, Bilingual, Briefing, SourceQuote, Target

try:  # libyaml is several times faster; the pure-Python loader is equivalent.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader

MAX_NESTING = 64
MAX_TEXT_CHARS = 50_000  # far more than any real title, text or quote; bounds what one field can cost

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


def load_briefing(path: str | Path) -> Briefing:
    """Load and validate a briefing file, raising ``BriefingError`` if it is not valid."""
    briefing, errors = read_briefing(path)
    if errors or briefing is None:
        raise BriefingError(errors)
    return briefing


def read_briefing(path: str | Path) -> tuple[Briefing | None, list[ContentError]]:
    """Load a briefing file; return it (or None) and every problem found."""
    path = Path(path)
    return _read_briefing_text(path, *read_text(path))


def read_briefing_bytes(path: str | Path, data: bytes) -> tuple[Briefing | None, list[ContentError]]:
    """Like ``read_briefing``, from the bytes of ``path`` already read: what is checked is what was read."""
    path = Path(path)
    return _read_briefing_text(path, *decode_text(str(path), data))


@collector_paused()  # both ways in: a path, or bytes the cache has already read
def _read_briefing_text(path: Path, text: str, error: ContentError | None) -> tuple[Briefing | None,
                                                                                     list[ContentError]]:
    root, error = (None, error) if error else compose_yaml(str(path), text)
    if error or root is None:
        return None, [error] if error else []
    return _Reader(str(path), path).read(root)


def read_yaml_file(path: Path) -> tuple[yaml.Node | None, ContentError | None]:
    """A content file's YAML node tree, or the one reason it has none."""
    text, error = read_text(path)
    return (None, error) if error else compose_yaml(str(path), text)


def compose_yaml(name: str, text: str) -> tuple[yaml.Node | None, ContentError | None]:
    """Parse YAML text into a node tree without constructing any Python object."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        return None, _yaml_error(name, text, exc)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as a raw ESC
        offset = exc.position
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return None, ContentError(name, line, column, "(yaml)",
                                  f"invalid YAML: character U+{exc.character:04X} is not allowed in YAML text")
    except yaml.YAMLError as exc:
        return None, ContentError(name, 1, 1, "(yaml)", f"invalid YAML: {exc}")
    except RecursionError:
        return None, ContentError(name, 1, 1, "(yaml)", "invalid YAML: nesting is too deep")
    if root is None:
        return None, ContentError(name, 1, 1, "(file)", "file is empty")
    return root, None


_CLOSERS = {"[": "]", "{": "}", '"': '"', "'": "'"}
_FLOW_STARTS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _yaml_error(name: str, text: str, exc: yaml.MarkedYAMLError) -> ContentError:
    """The error at the place an author must look. A bracket or quote left open is reported where it
    opens, not where the parser gave up: that is often the end of the file, a line past the last one."""
    opened = _unclosed(text, exc)
    if opened is not None:
        opener = text[opened.index]
        return ContentError(name, opened.line + 1, opened.column + 1, "(yaml)",
                            f"invalid YAML: this {opener!r} is never closed: no {_CLOSERS[opener]!r} "
                            "before the end of the file")
    mark = exc.problem_mark or exc.context_mark
    line, column = _position(text, mark)
    problem = " ".join(filter(None, [exc.context, exc.problem])) or "invalid YAML"
    where = ""
    opener = _inside(text, exc)
    if opener and exc.context_mark and mark and exc.context_mark.line != mark.line:
        where = (f" (the {opener!r} at line {exc.context_mark.line + 1}, "
                 f"column {exc.context_mark.column + 1} is not closed)")
    hint = _yaml_hint(problem, text, mark)
    return ContentError(name, line, column, "(yaml)", f"invalid YAML: {problem}{where}{hint}")


def _position(text: str, mark: yaml.Mark | None) -> tuple[int, int]:
    """Line and column (from 1) of ``mark``; the end of the last line for a mark past it."""
    if mark is None:
        return 1, 1
    lines = text.splitlines() or [""]
    if mark.line >= len(lines):
        return len(lines), len(lines[-1]) + 1
    return mark.line + 1, mark.column + 1


def _inside(text: str, exc: yaml.MarkedYAMLError) -> str:
    """The bracket or quote the parser was inside when it gave up, or nothing. Only a flow collection
    or a quoted scalar counts: a simple key's context also starts at a quote or bracket, closed."""
    context, mark = exc.context or "", exc.context_mark
    if mark is None or not ("flow" in context or "quoted scalar" in context):
        return ""
    char = text[mark.index:mark.index + 1]
    return char if char in _CLOSERS else ""


def _unclosed(text: str, exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """Where a bracket or quote opens that the file ends inside, or None."""
    problem, context = exc.problem_mark, exc.context_mark
    if problem is None or text[problem.index:].strip():
        return None
    if _inside(text, exc):
        return context
    opened, depth = _open_flows(text)
    if depth and context is not None and text[context.index:context.index + 1] in ("[", "{"):
        return context  # a bracket opening a key: the scanner stops before it makes its token
    return opened[-1] if opened else None


def _open_flows(text: str) -> tuple[list[yaml.Mark], int]:
    """The ``[`` and ``{`` still open where the scanner stops (quotes and comments skipped), and how
    many brackets deep it stopped."""
    scanner = yaml.SafeLoader(text)  # PyYAML's own scanner, which knows how deep it is
    opened: list[yaml.Mark] = []
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, _FLOW_STARTS):
                opened.append(token.start_mark)
            elif isinstance(token, _FLOW_ENDS) and opened:
                opened.pop()
    except yaml.YAMLError:
        pass  # the error being reported; the brackets open up to it are what we want
    return opened, scanner.flow_level


def _yaml_hint(problem: str, text: str, mark: yaml.Mark | None) -> str:
    """A plain-words fix for the YAML slips authors make most, or nothing."""
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    _, _, value = line.partition(": ")
    quotable = ("mapping values are not allowed", "expected ','", "cannot start any token")
    if not any(words in problem for words in quotable):
        return ""
    if ": " in value or value.rstrip().endswith(":"):
        why = "it holds ': ' or ends with ':'"
    elif ", " in value and ("{" in line or "[" in line):
        why = "it holds ', ' inside a flow mapping or list"
    elif value.strip()[:1] in tuple("@`%!&*[{|>"):
        why = f"it starts with {value.strip()[:1]!r}"
    else:
        return " (if a value holds ': ', ', ' or starts with a symbol, put quotes around it)"
    return f" (hint: put quotes around this value: {why})"


_INVALID = object()

_KIND_NAMES = {
    _TAG + "str": "text",
    _TAG + "int": "a number",
    _TAG + "float": "a number",
    _TAG + "bool": "true/false",
    _TAG + "null": "nothing (null)",
    _TAG + "timestamp": "a date",
    _TAG + "map": "a mapping",
    _TAG + "seq": "a list",
}


def _describe(node: yaml.Node) -> str:
    return _KIND_NAMES.get(node.tag, f"a value tagged {node.tag}")


class _Reader:
    """Reads one composed briefing against the model, collecting errors."""

    _constructor = yaml.constructor.SafeConstructor()

    def __init__(self, name: str, briefing_path: Path):
        self.name = name
        self.briefing_path = briefing_path
        self.errors: list[ContentError] = []
        self.source: str | None = None
        self.ids: dict[str, yaml.Node] = {}
        self.sections: dict[str, set[str]] = {}
        self.refs: list[tuple[str, str, yaml.Node, str]] = []
        self.version = FORMATS[-1]
        self.script = "Hant"

    def error(self, node: yaml.Node, path: str, message: str) -> None:
        mark = node.start_mark
        self.errors.append(ContentError(self.name, mark.line + 1, mark.column + 1, path or "(top-level)", message))

    def read(self, root: yaml.Node) -> tuple[Briefing | None, list[ContentError]]:
        if not isinstance(root, yaml.MappingNode):
            self.error(root, "", f"the top level must be a mapping of fields, not {_describe(root)}")
            return None, self.errors
        self._read_version_and_script(root)
        self.source = self._load_source(root)
        values = self.build(root, Briefing, "", depth=0)
        self._check_references()
        if values is not _INVALID and self.version >= 2:
            self._check_format_2(values, root)
        if self.errors or values is _INVALID:
            return None, self.errors
        briefing = dataclasses.replace(values, source_text=self.source or "", path=self.name)
        return briefing, []

    def _read_version_and_script(self, root: yaml.MappingNode) -> None:
        """Which format's rules apply, and which script the source's Chinese is in (both read first:
        they change how everything else is read). Bad values are reported by the main pass."""
        node = lookup(root, "format")
        if isinstance(node, yaml.ScalarNode) and node.value in {str(v) for v in FORMATS}:
            self.version = int(node.value)
        node = lookup(root, "meeting", "source", "script")
        if self.version >= 2 and isinstance(node, yaml.ScalarNode) and node.value in ("Hant", "Hans"):
            self.script = node.value

    def _load_source(self, root: yaml.MappingNode) -> str | None:
        """Read the clean source text the quotes must come from, if the file names it."""
        node = lookup(root, "meeting", "source", "clean")
        if node is None or not isinstance(node, yaml.ScalarNode) or node.tag != _TAG + "str":
            return None  # reported as a missing or wrong field by the main pass
        try:
            path = source_path(self.briefing_path, node.value)
        except ValueError as exc:
            self.error(node, "meeting.source.clean", str(exc))
            return None
        try:
            return read_bounded(path, MAX_FILE_BYTES).decode("utf-8")
        except OSError as exc:
            self.error(node, "meeting.source.clean", f"cannot read source text {path}: {exc.strerror or exc}")
            return None
        except UnicodeDecodeError:
            self.error(node, "meeting.source.clean", f"source text {path} is not valid UTF-8")
            return None

    # -- reading values against types ---------------------------------------------------

    def build(self, node: yaml.Node, tp: Any, path: str, depth: int, meta: dict | None = None) -> Any:
        if depth > MAX_NESTING:
            self.error(node, path, "nesting is too deep")
            return _INVALID
        if node.tag not in _PLAIN_TAGS:
            self.error(node, path, f"tag {node.tag!r} is not allowed (only plain YAML values are)")
            return _INVALID
        origin = typing.get_origin(tp)
        if origin in (Union, types.UnionType):
            return self._build_union(node, tp, path, depth, meta)
        if origin is tuple and meta and meta.get("keyed"):
            return self._build_keyed(node, typing.get_args(tp)[0], path, depth)
        if origin is tuple:
            return self._build_list(node, typing.get_args(tp)[0], path, depth, meta)
        if origin is Literal:
            return self._build_literal(node, typing.get_args(tp), path)
        if tp is SourceQuote:
            return self._build_quote(node, path)
        if dataclasses.is_dataclass(tp):
            return self._build_record(node, tp, path, depth)
        value = self._build_scalar(node, tp, path)
        if value is not _INVALID and meta and "ref" in meta:
            self.refs.append((meta["ref"], value, node, path))
        return value

    def _build_union(self, node, tp, path, depth, meta):
        options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if node.tag == _TAG + "null" and len(options) < len(typing.get_args(tp)):
            return None
        if set(options) == {int, float}:
            return self._build_scalar(node, float, path)
        return self.build(node, options[0] if len(options) == 1 else tp, path, depth, meta)

    def _build_list(self, node, item_type, path, depth, meta):
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, path, f"expected a list, got {_describe(node)}")
            return _INVALID
        minimum = (meta or {}).get("min_items", 0)
        if len(node.value) < minimum:
            self.error(node, path, f"needs at least {minimum} item{'s' if minimum > 1 else ''}, got {len(node.value)}")
            return _INVALID
        items = [self.build(child, item_type, f"{path}[{i}]", depth + 1, meta) for i, child in enumerate(node.value)]
        return _INVALID if any(item is _INVALID for item in items) else tuple(items)

    def _build_keyed(self, node, record, path, depth):
        """A mapping ``id: value`` read as records ``record(id, value)`` (how ``kinds`` names kinds)."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, f"expected a mapping of ids to names, got {_describe(node)}")
            return _INVALID
        _, hints, _, _ = _schema(record, self.version)
        value_field = [name for name in hints if name != "id"][0]
        items, seen = [], set()
        for key_node, value_node in node.value:
            key = sanitise(str(key_node.value)) if isinstance(key_node, yaml.ScalarNode) else "?"
            key_path = _join(path, key)
            if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", key):
                self.error(key_node, key_path, f"{key!r} must be lower-case ASCII letters and digits joined by hyphens")
                items.append(_INVALID)
                continue
            if key in seen:
                self.error(key_node, key_path, "duplicate field")
                continue
            seen.add(key)
            value = self.build(value_node, hints[value_field], key_path, depth + 1)
            items.append(_INVALID if value is _INVALID else record(id=key, **{value_field: value}))
        return _INVALID if any(item is _INVALID for item in items) else tuple(items)

    def _build_literal(self, node, choices, path):
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, f"expected one of {_choices(choices)}, got {_describe(node)}")
            return _INVALID
        value = True if node.tag == _TAG + "bool" and node.value.lower() == "true" else node.value
        if node.tag == _TAG + "int":
            value = int(self._constructor.construct_yaml_int(node))
        if value not in choices:
            self.error(node, path, f"expected one of {_choices(choices)}, got {sanitise(str(node.value))!r}")
            return _INVALID
        return value

    def _build_quote(self, node, path):
        text = self._build_scalar(node, str, path)
        if text is _INVALID:
            return _INVALID
        if not text.strip():
            self.error(node, path, "the source quote is empty")
            return _INVALID
        if self.source is None:
            return SourceQuote(text, 0)
        start = self.source.find(text)
        if start < 0:
            from .quotes import explain_mismatch  # noqa: PLC0415 - only when a quote is wrong

            self.error(node, path, f"quote is not in the source text: {_shorten(text)!r}; "
                                   f"{explain_mismatch(text, self.source)}")
            return _INVALID
        return SourceQuote(text, start)

    def _build_record(self, node, cls, path, depth):
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, f"expected a mapping, got {_describe(node)}")
            return _INVALID
        fields, hints, metas, required = _schema(cls, self.version)
        seen: dict[str, yaml.Node] = {}
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in fields:
                self.error(key_node, _join(path, sanitise(str(key))),
                           f"unknown field (expected one of: {', '.join(fields)})")
                continue
            key_path = _join(path, key)  # a field's name: nothing in it to sanitise (10,000 items: 115,000 keys)
            if key in seen:
                self.error(key_node, key_path, f"duplicate field (first given on line {seen[key].start_mark.line + 1})")
                continue
            seen[key] = key_node
            values[key] = self.build(value_node, hints[key], key_path, depth + 1, metas[key])
            if key == "id" and values[key] is not _INVALID:
                self._note_id(values[key], value_node, key_path)
        for name in required:
            if name in seen:
                continue
            message = f"missing translation {name!r}" if cls is Bilingual else f"missing field {name!r}"
            self.error(node, _join(path, name), message)
            values[name] = _INVALID
        if cls is Bilingual:
            for lang in ("en", "zh"):
                if isinstance(values.get(lang), str) and not values[lang].strip():
                    self.error(node, _join(path, lang), f"missing translation {lang!r} (it is empty)")
                    values[lang] = _INVALID
        if any(value is _INVALID for value in values.values()):
            return _INVALID
        if cls is Bilingual:
            values["script"] = self.script
        return cls(**values)

    def _build_scalar(self, node, tp, path):
        expected = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
                    datetime.date: "a date (YYYY-MM-DD)"}[tp]
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, f"expected {expected}, got {_describe(node)}")
            return _INVALID
        tag = node.tag[len(_TAG):]
        if tp is str and tag == "str":
            if len(node.value) > MAX_TEXT_CHARS:
                self.error(node, path, f"text is too long ({len(node.value):,} characters; the limit is "
                                       f"{MAX_TEXT_CHARS:,})")
                return _INVALID
            return sanitise(node.value)
        if tp is bool and tag == "bool":
            return node.value.lower() == "true"
        if tp is int and tag == "int":
            return int(self._constructor.construct_yaml_int(node))
        if tp is float and tag in ("int", "float"):
            constructor = self._constructor
            construct = constructor.construct_yaml_float if tag == "float" else constructor.construct_yaml_int
            value = construct(node)
            if value != value or value in (float("inf"), float("-inf")):
                self.error(node, path, f"expected a finite number, got {node.value!r}")
                return _INVALID
            return value
        if tp is datetime.date and tag in ("timestamp", "str"):
            try:
                return datetime.date.fromisoformat(node.value)
            except ValueError:
                self.error(node, path, f"not a valid date: {sanitise(node.value)!r} (expected YYYY-MM-DD)")
                return _INVALID
        self.error(node, path, f"expected {expected}, got {_describe(node)} {_shorten(sanitise(str(node.value)))!r}")
        return _INVALID

    # -- format 2: what the types alone do not say ---------------------------------------

    def _check_format_2(self, briefing: Briefing, root: yaml.MappingNode) -> None:
        from .sections import BUILTIN_KINDS  # noqa: PLC0415 - sections imports i18n, which imports the model

        named = {label.id for label in briefing.kinds} | set(BUILTIN_KINDS)
        meeting = briefing.meeting
        kinds: list[tuple[str, tuple[str | int, ...]]] = [(meeting.kind, ("meeting", "kind"))]
        kinds += [(item.kind, (section, i, "kind")) for section in ("overview", "speakers")
                  for i, item in enumerate(getattr(briefing, section))]
        for kind, where in kinds:
            if kind not in named:
                self.error(_find(root, *where), _dotted(where),
                           f"kind {kind!r} has no name: give it one under 'kinds' ({kind}: {{en: …, zh: …}})")
        if meeting.end_date and meeting.end_date < meeting.date:
            self.error(_find(root, "meeting", "end_date"), "meeting.end_date", "ends before the meeting's date")
        groups = {group.id: group for group in briefing.target_groups}
        for i, target in enumerate(briefing.targets):
            self._check_target_in_group(target, groups.get(target.group or ""), root, i)

    def _check_target_in_group(self, target: Target, group, root: yaml.MappingNode, i: int) -> None:
        """Targets drawn on one axis must be measured alike."""
        if group is None or target.unit is None or group.unit is None:
            return
        if (target.unit.en, target.unit.zh) != (group.unit.en, group.unit.zh):
            self.error(_find(root, "targets", i, "unit"), f"targets[{i}].unit",
                       f"unit {target.unit.en!r} differs from the unit of group {group.id!r} "
                       f"({group.unit.en!r}): targets in a group share one axis")

    # -- ids and references -------------------------------------------------------------

    def _note_id(self, value: str, node: yaml.Node, path: str) -> None:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
            self.error(node, path, f"id {value!r} must be lower-case ASCII letters and digits joined by hyphens")
        elif value in self.ids:
            first = self.ids[value].start_mark.line + 1
            self.error(node, path, f"duplicate id {value!r} (first used on line {first})")
        else:
            self.ids[value] = node
        self.sections.setdefault(path.split("[", 1)[0], set()).add(value)

    def _check_references(self) -> None:
        for kind, value, node, path in self.refs:
            known = self.ids if kind == "any" else self.sections.get(kind, set())
            if value not in known:
                where = "any item" if kind == "any" else kind
                self.error(node, path, f"refers to {value!r}, which is not the id of {where}")


@cache
def _schema(cls: type, version: int) -> tuple[dict[str, dataclasses.Field], dict[str, Any], dict[str, dict],
                                              list[str]]:
    """A model class's fields as authors of format ``version`` write them: the fields, their types,
    their metadata (refs, list sizes) and which are required, worked out once."""
    all_hints = typing.get_type_hints(cls)
    fields, hints, metas, required = {}, {}, {}, []
    for f in dataclasses.fields(cls):
        meta = dict(f.metadata)
        if meta.get("derived") or meta.get("since", 1) > version:
            continue
        rules = meta.pop("v1", {}) if version == 1 else {}
        meta.pop("v1", None)
        fields[f.name] = f
        hints[f.name] = rules.get("type", all_hints[f.name])
        if "ref" in rules:
            meta["ref"] = rules["ref"]
        if meta.get("ref") is None:
            meta.pop("ref", None)
        metas[f.name] = meta
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        if not has_default or rules.get("required") or (meta.get("required") and version >= meta.get("since", 1)):
            required.append(f.name)
    return fields, hints, metas, required


def lookup(node: yaml.Node, *keys: str) -> yaml.Node | None:
    """The node at ``keys`` (mapping keys, outermost first) under ``node``, or None."""
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if node is None:
            return None
    return node


def _find(node: yaml.Node, *steps: str | int) -> yaml.Node:
    """The node at a path of keys and list indexes, or the nearest one found on the way."""
    for step in steps:
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
            node = node.value[step]
        elif isinstance(step, str) and (found := lookup(node, step)) is not None:
            node = found
        else:
            break
    return node


def _dotted(steps: tuple) -> str:
    return "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in steps).lstrip(".")


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _choices(choices: tuple) -> str:
    return ", ".join(repr(c) for c in choices)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
