"""``briefing serve``: what it checks before listening, served sessions' preferences, and sessions at once.

The walk-through in a real browser is in ``test_serve_browser.py``.
"""

import asyncio
import shlex
import socket
import subprocess
import sys
import zipfile

import pytest

from benchmarks.serve_load import Served, load, visit, wait_gone
from tui import __version__
from tui import serve as serving
from tui.app import BriefingApp
from tui.cli import main
from tui.themes import DEFAULT_THEME

from .conftest import BROKEN, BUNDLED, MINIMAL, ROOT

SIZE = (120, 36)


@pytest.fixture
def no_listening(monkeypatch):
    """Fail the test if the server would open its port."""

    def listen(host, port):
        raise AssertionError(f"briefing serve listened on {host}:{port}")

    monkeypatch.setattr(serving, "listen", listen)


@pytest.fixture
def not_served(monkeypatch):
    """Everything up to serving, which is recorded instead of run."""
    served = []
    monkeypatch.setattr(serving.BriefingServer, "serve", lambda self: served.append(self))
    return served


async def test_a_served_session_neither_reads_nor_writes_the_config_file(tmp_path):
    config = tmp_path / "briefing" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("# mine\ntheme: briefing-light\nlanguage: zh-Hans\npane: targets\n", encoding="utf-8")
    before = config.read_bytes()
    app = BriefingApp(config=config, persist=False)
    async with app.run_test(size=SIZE) as pilot:
        assert (app.language, app.theme, app.browser.active_pane) == ("en", DEFAULT_THEME, "overview")
        await pilot.press("4", "t")
        app.theme = "briefing-high-contrast"
        await pilot.pause()
        assert app.store.preferences.language == "zh-Hant"  # kept for the session, in memory
        assert app.store.preferences.theme == "briefing-high-contrast"
    assert config.read_bytes() == before
    assert sorted(p.name for p in config.parent.iterdir()) == ["config.yaml"]


def test_the_served_flag_opens_the_app_without_persisting(monkeypatch):
    persisted = []

    async def run_async(self) -> None:
        persisted.append(self.persist)

    monkeypatch.setattr(BriefingApp, "run_async", run_async)
    assert main(["--served", str(MINIMAL)]) == 0
    assert main([str(MINIMAL)]) == 0
    assert persisted == [False, True]


def test_each_session_runs_this_python_and_this_package_on_the_validated_path_whatever_its_name(tmp_path):
    path = tmp_path / "a b'c;$(touch x).yaml"
    command = serving.session_command([path], "zh-Hant", "briefing-light")
    assert shlex.split(command) == ["cd", str(ROOT), "&&", "exec", sys.executable, "-m", "tui", "--served",
                                    str(path.resolve()), "--lang", "zh-Hant", "--theme", "briefing-light"]
    assert shlex.split(serving.session_command([MINIMAL], None, None))[-1] == str(MINIMAL)


def test_a_session_runs_the_servers_package_even_from_a_directory_with_another_tui(tmp_path):
    (tmp_path / "tui").mkdir()
    (tmp_path / "tui" / "__main__.py").write_text("print('the wrong tui')")
    command = serving.session_command([MINIMAL], None, None).replace(" --served ", " --version ", 1)
    result = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == f"briefing {__version__}"


def test_a_broken_briefing_is_reported_as_check_reports_it_and_nothing_listens(capsys, no_listening):
    broken = str(BROKEN / "duplicate-id.yaml")
    assert main(["check", broken]) == 1
    checked = capsys.readouterr().err
    assert main(["serve", broken]) == 1
    assert capsys.readouterr().err == checked != ""


def test_an_unknown_theme_is_a_usage_error_before_listening(capsys, no_listening):
    assert main(["serve", "--theme", "no-such-theme"]) == 2
    assert "unknown theme 'no-such-theme'" in capsys.readouterr().err


def test_a_port_in_use_is_one_line_and_exit_1(capsys):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err and "Traceback" not in err


def test_listening_beyond_loopback_warns_that_anyone_can_read_it(capsys, not_served):
    assert main(["serve", "--port", "0"]) == 0
    assert "anyone" not in capsys.readouterr().err
    assert main(["serve", "--host", "0.0.0.0", "--port", "0", "--public-url", "http://example.test:8000"]) == 0
    assert "anyone who can reach this machine can read the briefing" in capsys.readouterr().err
    loopback, everywhere = not_served
    assert loopback.public_url.startswith("http://127.0.0.1:") and loopback.title == "Library"  # no path: the library
    assert everywhere.public_url == "http://example.test:8000"
    for server in not_served:
        server.sock.close()


@pytest.mark.parametrize(("host", "loopback"), [("localhost", True), ("127.0.0.1", True), ("::1", True),
                                                ("0.0.0.0", False), ("192.168.1.20", False), ("example.org", False)])
def test_which_hosts_are_loopback(host, loopback):
    assert serving.is_loopback(host) is loopback


def test_without_textual_serve_it_says_how_to_install_it(monkeypatch, capsys, no_listening):
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    assert main(["serve"]) == 1
    assert "pip install 'briefing[serve]'" in capsys.readouterr().err


def test_the_wheel_ships_the_page_and_declares_the_serve_extra(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = zipfile.ZipFile(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    assert {"tui/serve.py", "tui/web/app_index.html"} <= set(wheel.namelist())
    metadata = next(wheel.read(n).decode() for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert "Provides-Extra: serve" in metadata and "textual-serve" in metadata


async def test_sessions_at_once_all_answer_and_leave_no_process_behind(tmp_path):
    """The CI-sized load test; ``python benchmarks/serve_load.py`` runs 10 sessions."""
    with Served("--lang", "en", scratch=tmp_path) as served:  # no path: the library of the bundled briefings
        result = await load(served, sessions=3, timeout=120)
        assert result["errors"] == [] and len(result["sessions"]) == 3
        assert all("3 briefings" in session.text and "2023 Guizhou Provincial Big Data Work Conference"
                   in session.text for session in result["sessions"])
        assert result["processes"] >= 3 and result["rss_kib"] > 0
        assert result["left"] == []
        # Any app process started since they were counted (each page's is) is on its way out too.
        assert wait_gone(served.app_processes(), timeout=30) == []
        assert served.stop() == 0
    assert "Traceback" not in served.stdout + served.stderr
    assert not (served.config_dir / "briefing" / "config.yaml").exists()


@pytest.mark.parametrize("how", ["ctrl+c", "kill"])
async def test_stopping_with_a_session_open_ends_it_and_stops_cleanly(tmp_path, how):
    with Served(str(BUNDLED), "--lang", "en", scratch=tmp_path) as served:
        opened = asyncio.Event()
        visiting = asyncio.create_task(visit(served.url, opened, close=asyncio.Event()))
        await asyncio.wait_for(opened.wait(), 120)
        sessions = served.app_processes()
        assert sessions
        # The server ends open sessions itself: left to aiohttp, a plain kill took 23 s here.
        assert await asyncio.to_thread(served.stop, 8, how) == 0  # else SIGKILL after 8 s
        assert wait_gone(sessions, 30) == []
        assert (await visiting).closed_by_server
    assert "Traceback" not in served.stdout + served.stderr and "Error" not in served.stderr
