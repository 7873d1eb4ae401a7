"""A content file as text, and what can be wrong with it: no YAML here (``tui.loader`` parses).

Each problem with a user's file (a briefing, theme or config) is a ``ContentError``, one line
naming file:line:col and field. Text is decoded strictly (UTF-8, no NUL), sanitised so that control
characters cannot reach the terminal from content, and a source text is read only from beside its
briefing. A cached briefing is checked with these alone, so a second launch never imports PyYAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .files import MAX_FILE_BYTES, read_bounded

# C0 and C1 controls (but newline and tab), DEL, and bidirectional overrides and
# isolates: none of them may reach the terminal from content.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def sanitise(text: str) -> str:
    """Replace characters that could drive the terminal with U+FFFD."""
    return _UNSAFE_CHARS.sub(REPLACEMENT, text)


@dataclass(frozen=True)
class ContentError:
    """One problem in a content file, at a line and column (both from 1)."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # One line each, whatever the file put in its keys or values.
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}".replace("\n", "\\n")


class BriefingError(Exception):
    """A briefing file could not be loaded; ``errors`` says every reason."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


def read_text(path: Path) -> tuple[str, ContentError | None]:
    """Read a content file as UTF-8 text, or say why it cannot be."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES)
    except OSError as exc:
        return "", ContentError(str(path), 1, 1, "(file)", f"cannot read file: {exc.strerror or exc}")
    return decode_text(str(path), data)


def decode_text(name: str, data: bytes) -> tuple[str, ContentError | None]:
    """A content file's bytes as UTF-8 text, or where and why they are not."""

    def fail(message: str, line: int = 1, column: int = 1) -> tuple[str, ContentError]:
        return "", ContentError(name, line, column, "(file)", message)

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail("file is UTF-16; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return fail(f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})", line, column)
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        return fail("file contains a NUL character", line, offset - (text.rfind("\n", 0, offset) + 1) + 1)
    return text, None


def source_path(briefing: Path, clean: str) -> Path:
    """Where the source text named ``clean`` in ``briefing`` is; a ``ValueError`` saying why it may not be read.

    A briefing quotes only files beside it (in its folder or below), so a briefing someone sent
    cannot pull ``/etc/passwd`` or ``~/.ssh`` into the app or into an export; symlinks count
    where they lead."""
    if "\x00" in clean:
        raise ValueError("the path contains a NUL character")
    if Path(clean).is_absolute():
        raise ValueError(f"{sanitise(clean)!r} is absolute; give a path relative to the briefing's folder")
    try:
        folder = briefing.parent.resolve()
        target = (folder / clean).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop: RuntimeError before Python 3.13
        raise ValueError(f"cannot resolve {sanitise(clean)!r}: {exc}") from None
    if not target.is_relative_to(folder):
        raise ValueError(f"{sanitise(clean)!r} leads outside the briefing's folder; a briefing can only quote "
                         "files beside it")
    return target
