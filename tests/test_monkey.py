"""The seeded monkey, at a size CI can afford; ``python benchmarks/monkey.py`` runs the full 5,000 keys."""

import pytest

from benchmarks.monkey import monkey


@pytest.mark.parametrize("seed", [1])
async def test_random_keys_and_sizes_never_break_the_app(seed):
    done = await monkey(keys=320, seed=seed)
    assert done["resizes"] == 8
    assert done["BrowserScreen"] > 0 and done["TooSmallScreen"] + done["SearchScreen"] + done["HelpScreen"] > 0
