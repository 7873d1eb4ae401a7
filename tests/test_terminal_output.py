"""Run the real app in a pseudo-terminal on hostile content and inspect every byte it writes."""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

import pytest

from .conftest import BUNDLED, ROOT, TEST_CONTENT

HOSTILE_FILE = TEST_CONTENT / "hostile" / "markup-everywhere.yaml"
COLUMNS, ROWS = 200, 50


class Terminal:
    """A child process on a pty of COLUMNS×ROWS; everything it writes is kept in ``output``."""

    def __init__(self, *args: str, env: dict[str, str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become the app
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, "-m", "tui", *args], env)
        self.output = bytearray()

    def wait_for(self, marker: bytes, timeout: float = 60) -> None:
        """Read until ``marker`` has been written (or fail after ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        while marker not in self.output:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{marker!r} never appeared; last output: {bytes(self.output[-500:])!r}"
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready and not self._read():
                raise AssertionError(f"the app exited before writing {marker!r}")

    def _read(self) -> bool:
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child has exited and closed the pty
            return False
        self.output += data
        return bool(data)

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def finish(self, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], deadline - time.monotonic())
            if ready and not self._read():
                break
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def test_no_content_borne_escape_sequence_reaches_the_terminal(tmp_path):
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT)}
    terminal = Terminal(str(HOSTILE_FILE), "--lang", "en", env=env)
    markup = b"[bold]B[/x][@click=app.quit]Q[link=https://x.invalid]L"
    terminal.wait_for(markup)  # the overview list, drawn literally
    for keys, shown in [(b"2", b"Growth first"), (b"3", b"Industry action"), (b"\r", b"Measures"),
                        (b"5", b"Talent bases"), (b"7", b"Four New")]:
        terminal.send(keys)
        terminal.wait_for(shown)
    terminal.send(b"q")
    assert terminal.finish() == 0
    out = bytes(terminal.output)

    # The sanitised payload is on screen, as visible text.
    assert markup in out
    assert "\ufffd]52;c;aGVsbG8=\ufffd".encode() in out
    assert "\ufffd[2J\ufffd[31m".encode() in out
    # ...and none of it reached the terminal as a control sequence.
    assert b"\x1b]52;c;aGVsbG8=" not in out  # OSC 52: a clipboard write
    assert b"\x1b]0;title" not in out  # OSC 0: the window title
    assert b"\x1b[2J\x1b[31m" not in out  # the content's CSI pair
    assert "\x9b".encode() not in out  # C1 CSI
    assert "\u202e".encode() not in out  # BIDI override
    oscs = re.findall(rb"\x1b\]([^\x07\x1b]*)(?:\x07|\x1b\\)", out)
    assert {osc.split(b";")[0] for osc in oscs} <= {b"22"}  # only Textual's own pointer-shape OSC
    without_oscs = re.sub(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", b"", out)
    assert b"\x00" not in out and b"\x07" not in without_oscs  # no NUL, no BEL of content


def restored(out: bytes, mode: bytes) -> bool:
    """The private mode ``mode`` was set and its last change turns it off again."""
    return out.rfind(b"\x1b[?" + mode + b"h") < out.rfind(b"\x1b[?" + mode + b"l") and b"\x1b[?" + mode in out


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_restores_the_terminal(tmp_path, signum):
    env = {"PATH": os.environ.get("PATH", ""), "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT)}
    terminal = Terminal(str(BUNDLED), "--lang", "en", env=env)
    terminal.wait_for(b"\x1b[?1003h")  # mouse tracking on: the app has taken over the terminal
    terminal.wait_for(b"Overview")  # and drawn its first screen
    os.kill(terminal.pid, signum)
    assert terminal.finish() == 128 + signum
    out = bytes(terminal.output)
    assert restored(out, b"1049")  # the alternate screen is left
    assert all(restored(out, mode) for mode in (b"1000", b"1003", b"1006"))  # mouse tracking is off
