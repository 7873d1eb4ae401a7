"""Every user file is read through one bounded reader: regular files only, never more than the limit."""

import os

import pytest

from tui.config import load_preferences
from tui.files import read_bounded
from tui.themes import load_themes


def test_a_regular_file_is_read_whole(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100)
    assert read_bounded(path, limit=100) == b"x" * 100


def test_the_limit_holds_even_when_the_file_claims_less():
    # /proc files are regular files that report a size of 0, like a file still growing.
    with pytest.raises(OSError, match="too large"):
        read_bounded("/proc/self/maps", limit=10)


def test_a_file_reported_too_large_is_not_read(tmp_path):
    path = tmp_path / "big"
    with path.open("wb") as stream:
        stream.truncate(9 * 2**20)  # sparse: large on paper, nothing to read
    with pytest.raises(OSError, match=r"too large \(9 MiB; the limit is 8 MiB\)"):
        read_bounded(path)


@pytest.mark.parametrize("make, kind", [
    (lambda p: os.mkdir(p), "a directory"),
    (lambda p: os.mkfifo(p), "a FIFO"),
    (lambda p: os.symlink("/dev/zero", p), "a character device"),
])
def test_only_regular_files_are_read(tmp_path, make, kind):
    path = tmp_path / "thing"
    make(path)
    with pytest.raises(OSError) as caught:
        read_bounded(path)
    assert caught.value.strerror == f"{kind}{' (named pipe)' if kind == 'a FIFO' else ''}, not a regular file"


def test_a_nul_in_a_path_is_an_os_error_not_a_value_error():
    with pytest.raises(OSError, match="NUL"):
        read_bounded("a\x00b")


def test_a_config_that_is_a_fifo_gives_defaults_and_a_warning(tmp_path):
    config = tmp_path / "config.yaml"
    os.mkfifo(config)
    preferences, warnings = load_preferences(config)
    assert preferences.theme is None
    assert warnings == [f"{config}: cannot read preferences (a FIFO (named pipe), not a regular file); using defaults"]


def test_a_theme_that_is_a_fifo_is_skipped_with_one_error(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    themes, errors = load_themes([tmp_path])
    assert themes == [] and len(errors) == 1
    assert str(errors[0]) == (f"{tmp_path / 'pipe.yaml'}:1:1: (file): cannot read file: a FIFO (named pipe), "
                              "not a regular file")


def test_the_test_contents_source_texts_are_the_bundled_one():
    from .conftest import CONTENT, TEST_CONTENT

    bundled = (CONTENT / "sources" / "guizhou-2023.txt").read_bytes()
    copies = sorted(TEST_CONTENT.rglob("sources/guizhou-2023.txt"))
    assert len(copies) == 3 and all(copy.read_bytes() == bundled for copy in copies)
