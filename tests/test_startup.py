"""The first screen: drawn without a second focus, on whichever pane the reader left."""

import pytest
from textual.events import DescendantBlur

from tui.app import BriefingApp
from tui.widgets.item_list import ItemList
from tui.widgets.source_view import SourceView


class Watched(BriefingApp):
    """Notes every widget that loses the focus."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.blurred: list[str] = []

    def on_descendant_blur(self, event: DescendantBlur) -> None:
        self.blurred.append(type(event.widget).__name__)


@pytest.mark.parametrize("pane, keys", [("overview", ItemList), ("source", SourceView)])
async def test_the_focus_goes_straight_to_the_pane_s_keys_not_first_to_another_widget(pane, keys, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text(f"pane: {pane}\n", encoding="utf-8")
    app = Watched(language="en", config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, keys) and app.browser.active_pane == pane
        assert app.blurred == []  # nothing had the focus before it: no second focus, blur and restyle
