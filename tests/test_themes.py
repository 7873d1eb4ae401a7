"""Themes from YAML: validated before use, contrast checked, chosen live, remembered."""

import re
import shutil
from pathlib import Path

import pytest
from textual.color import Color

from tui.cli import main
from tui.themes import load_themes, read_theme_file

from .conftest import ROOT

THEMES = ROOT / "themes"
BROKEN_THEMES = Path(__file__).resolve().parent / "themes" / "broken"
SHIPPED = ["briefing-dark", "briefing-light", "briefing-high-contrast", "briefing-guizhou"]


def test_the_shipped_themes_are_valid_and_named_after_their_files():
    themes, errors = load_themes([THEMES])
    assert errors == []
    assert sorted(t.name for t in themes) == sorted(SHIPPED)
    for theme in themes:
        assert (THEMES / f"{theme.name}.yaml").exists()


@pytest.mark.parametrize("name, where, fragment", [
    ("bad-colour.yaml", (4, 13, "background"), "not a colour"),
    ("unknown-field.yaml", (4, 1, "colour"), "unknown theme field"),
    ("missing-primary.yaml", (2, 1, "primary"), "missing field"),
    ("not-yaml.yaml", (3, 10, "(yaml)"), "this '{' is never closed"),
])
def test_a_bad_theme_is_refused_with_file_line_and_reason(name, where, fragment, capsys):
    theme, errors = read_theme_file(BROKEN_THEMES / name)
    assert theme is None
    assert [(e.line, e.column, e.field) for e in errors][:1] == [where]
    assert fragment in errors[0].message
    assert main(["check", str(BROKEN_THEMES / name)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{name}:{where[0]}:{where[1]}: {where[2]}:" in err


def test_check_validates_theme_files(capsys):
    assert main(["check", *(str(p) for p in sorted(THEMES.glob("*.yaml")))]) == 0


def test_an_unknown_theme_name_exits_2_with_the_valid_names(capsys):
    assert main(["--theme", "no-such-theme"]) == 2
    err = capsys.readouterr().err
    assert "unknown theme 'no-such-theme'" in err
    for name in SHIPPED + ["textual-dark", "nord"]:
        assert name in err


# -- contrast (WCAG 2) ------------------------------------------------------------------

def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: Color, background: Color) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def resolve(value: str, background: Color) -> Color:
    """A generated theme variable as drawn on ``background``: "auto 87%" is Textual's contrast text."""
    match = re.fullmatch(r"auto (\d+)%", value)
    if match:
        return background + background.get_contrast_text(int(match.group(1)) / 100)
    return background + Color.parse(value)


# (what, text variable, background variable): the text the app draws and what it is drawn on
PAIRS = [
    ("body text", "foreground", "background"),
    ("text on surfaces (search, help)", "foreground", "surface"),
    ("header and footer text", "foreground", "panel"),
    ("selected row", "block-cursor-foreground", "block-cursor-background"),
    ("footer keys", "footer-key-foreground", "footer-background"),
    ("footer descriptions", "footer-description-foreground", "footer-background"),
]


@pytest.mark.parametrize("name", SHIPPED)
def test_text_colours_meet_wcag_contrast(name):
    theme, errors = read_theme_file(THEMES / f"{name}.yaml")
    variables = theme.to_color_system().generate()
    required = 7.0 if name == "briefing-high-contrast" else 4.5
    for what, text, background in PAIRS:
        base = Color.parse(variables["background"])
        drawn_on = resolve(variables[background], base)
        ratio = contrast(resolve(variables[text], drawn_on), drawn_on)
        assert ratio >= required, f"{name}: {what} has contrast {ratio:.2f} < {required}"


def test_contrast_arithmetic():
    assert contrast(Color.parse("#000000"), Color.parse("#FFFFFF")) == pytest.approx(21)
    assert contrast(Color.parse("#777777"), Color.parse("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


def test_user_themes_are_added_and_a_bad_one_is_skipped_with_a_warning(tmp_path, monkeypatch):
    user_themes = tmp_path / "config" / "briefing" / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "mine.yaml").write_text("name: mine\nprimary: '#123456'\ndark: true\n", encoding="utf-8")
    shutil.copy(BROKEN_THEMES / "bad-colour.yaml", user_themes / "bad-colour.yaml")
    themes, errors = load_themes()
    assert "mine" in [t.name for t in themes]
    assert [e.field for e in errors] == ["background"]
    assert str(errors[0]).startswith(str(user_themes / "bad-colour.yaml") + ":4:13:")


async def test_the_app_runs_on_with_a_bad_user_theme_and_says_which(tmp_path):
    from tui.app import BriefingApp

    user_themes = tmp_path / "config" / "briefing" / "themes"  # conftest points XDG_CONFIG_HOME here
    user_themes.mkdir(parents=True)
    shutil.copy(BROKEN_THEMES / "bad-colour.yaml", user_themes / "bad-colour.yaml")
    app = BriefingApp(language="en")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2")
        warnings = [str(n.message) for n in app._notifications if "theme skipped" in str(n.message)]
        assert len(warnings) == 1 and "bad-colour.yaml:4:13: background: not a colour" in warnings[0]
        assert app.theme == "briefing-dark" and app.browser.active_pane == "achievements"


@pytest.mark.parametrize("name", SHIPPED)
async def test_inactive_tab_labels_meet_wcag_contrast(name):
    """Measured on the running app: the colour Textual resolves for the names of panes not on show."""
    from tui.app import BriefingApp

    app = BriefingApp(language="en", theme_name=name)
    async with app.run_test(size=(120, 36)):
        required = 7.0 if name == "briefing-high-contrast" else 4.5
        tabs = app.browser.tabs
        background = tabs.background_colors[1]
        color = tabs.get_component_styles("pane-tabs--inactive").color
        ratio = contrast(background + color, background)
        assert ratio >= required, f"{name}: inactive pane names have contrast {ratio:.2f}"


def test_a_second_start_reads_the_themes_from_the_cache_until_a_file_changes(tmp_path, monkeypatch):
    from tui import themes as theme_files

    folder = tmp_path / "themes"
    shutil.copytree(THEMES, folder)
    shutil.copy(BROKEN_THEMES / "bad-colour.yaml", folder / "bad-colour.yaml")
    first = load_themes([folder])
    parse = theme_files._read_theme
    monkeypatch.setattr(theme_files, "_read_theme", lambda *args: pytest.fail("parsed despite a cache entry"))
    second = load_themes([folder])
    assert second == first and len(first[0]) == len(SHIPPED) and [e.field for e in first[1]] == ["background"]
    monkeypatch.setattr(theme_files, "_read_theme", parse)
    (folder / "briefing-dark.yaml").write_text(
        (folder / "briefing-dark.yaml").read_text(encoding="utf-8").replace("briefing-dark", "renamed"),
        encoding="utf-8")
    assert "renamed" in [theme.name for theme in load_themes([folder])[0]]
