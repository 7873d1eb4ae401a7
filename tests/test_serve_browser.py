"""``briefing serve`` in a real headless Chromium (Debian's, driven by Playwright).

What is on screen is read from the page's terminal (xterm.js's buffer), never assumed from the
keys sent. Chromium missing is a failure, not a skip: ``.ci/run`` installs it.
"""

from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from benchmarks.serve_load import SCREEN_TEXT, TERMINAL_HOOK, Served, launch_chromium, wait_gone

from .conftest import BUNDLED


def test_the_walk_through_in_chromium_offline_with_copy_and_chinese(tmp_path):
    with Served(str(BUNDLED), "--lang", "en", scratch=tmp_path) as served, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 800},
                                      permissions=["clipboard-read", "clipboard-write"])
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.add_init_script(TERMINAL_HOOK)

        def screen() -> str:
            return page.evaluate(SCREEN_TEXT)

        def wait_for_screen(*texts: str) -> None:
            condition = " && ".join(f"text.includes({text!r})" for text in texts)
            page.wait_for_function(f"() => {{ const text = ({SCREEN_TEXT})(); return {condition}; }}",
                                   timeout=60_000)

        page.goto(served.url)
        assert page.title() == "2023 Guizhou Provincial Big Data Work Conference"
        wait_for_screen("1 Overview", "2 Achievements")
        sessions = served.app_processes()
        assert sessions  # the page's own app process

        page.click("#terminal")
        page.keyboard.press("2")
        wait_for_screen("Principal big data industries")
        page.keyboard.press("/")
        wait_for_screen("Type to search")
        page.keyboard.type("sjzx")
        wait_for_screen("results", "11 new key data-centre projects", "新增重點數據中心項目11個")

        page.keyboard.press("Enter")  # the first result, beside the list at this width
        page.wait_for_function(f"() => !({SCREEN_TEXT})().includes('results')", timeout=60_000)
        page.keyboard.press("y")  # OSC 52, which xterm.js's clipboard addon hands to the browser
        # Read the clipboard on every poll: what has arrived by the last read is in window.__clipboard.
        page.wait_for_function(
            "() => { navigator.clipboard.readText().then(text => { window.__clipboard = text; });"
            " return (window.__clipboard || '').startsWith('11 new key data-centre projects'); }",
            timeout=60_000)
        assert "「" in page.evaluate("window.__clipboard")  # with its source quote

        assert "2023年全省大數據工作會" not in screen().splitlines()[0]
        page.keyboard.press("t")
        wait_for_screen("2 成績")
        assert "2023年全省大數據工作會" in screen().splitlines()[0]  # the title bar, in Traditional Chinese

        context.close()  # the visitor leaves: their app process ends
        assert wait_gone(sessions, 60) == []
        browser.close()
        assert served.stop() == 0

    assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}  # nothing from outside hosts
    assert "Traceback" not in served.stdout + served.stderr
    assert not (served.config_dir / "briefing" / "config.yaml").exists()  # `t` was not saved on the server
