"""Read a user's file without trusting it: regular files only, never more than a limit.

Briefings, their source texts, themes and the config are all read through
``read_bounded``. A size reported by ``stat`` is only a claim (``/dev/zero`` says 0,
a file may grow while it is read), so the reader stops after ``limit + 1`` bytes
whatever the file says. A FIFO is opened without blocking and refused before any
read, so naming one cannot hang the app. Every refusal is an ``OSError`` whose
``strerror`` is one short line a reader can act on.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 8 * 1024 * 1024

_KINDS = [(stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]


def describe_size(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MiB"


def read_bounded(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``; an ``OSError`` if it is not one or holds more than ``limit``."""
    if "\x00" in str(path):
        raise OSError(errno.EINVAL, "the path contains a NUL character")
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for regular files.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)  # of what was opened, so the file cannot be swapped after the check
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise OSError(errno.EINVAL, f"{kind}, not a regular file")
        if info.st_size > limit:
            raise _too_large(f"{describe_size(info.st_size)}; the limit is {describe_size(limit)}")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    if remaining <= 0:
        raise _too_large(f"more than {describe_size(limit)}, the limit")
    return b"".join(chunks)


def _too_large(detail: str) -> OSError:
    return OSError(errno.EFBIG, f"too large ({detail})")
