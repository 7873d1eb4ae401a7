"""The model's records compare, hash, show and pickle as dataclasses do, with their methods written once."""

import dataclasses
import pickle

import pytest

from tui import model
from tui.loader import load_briefing
from tui.model import Bilingual, Briefing, Label, Record, SourceQuote

from .conftest import BUNDLED

RECORDS = [cls for cls in vars(model).values()
           if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__]


def test_every_record_is_frozen_and_shares_the_methods_rather_than_generating_its_own():
    assert len(RECORDS) >= 19
    for cls in RECORDS:
        assert issubclass(cls, Record), cls
        assert cls.__dataclass_params__.frozen, cls
        assert not {"__eq__", "__hash__", "__repr__"} & set(vars(cls)), cls  # written once, in Record


def test_records_compare_and_hash_by_their_fields_and_class():
    a, b = Bilingual("Data", "數據"), Bilingual("Data", "數據")
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != Bilingual("Data", "數據", script="Hans")
    assert a != ("Data", "數據", "Hant")
    assert SourceQuote("x", 1) != Label("x", 1)  # same values, another class: never equal
    assert len({a, b, Bilingual("Other", "其他")}) == 2


def test_records_show_their_fields_as_a_dataclass_does():
    assert repr(Bilingual("Data", "數據")) == "Bilingual(en='Data', zh='數據', script='Hant')"
    label = Label("kind", Bilingual("A", "甲"))
    assert repr(label) == "Label(id='kind', name=Bilingual(en='A', zh='甲', script='Hant'))"


def test_records_stay_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Bilingual("a", "b").en = "c"  # type: ignore[misc]


def test_a_whole_briefing_equals_its_copies_its_replacement_and_its_pickle():
    first, second = load_briefing(BUNDLED), load_briefing(BUNDLED)
    assert first == second and hash(first) == hash(second)
    assert pickle.loads(pickle.dumps(first)) == first
    assert dataclasses.replace(first, path="elsewhere") != first
    assert isinstance(first, Briefing) and first.by_id()  # the cached properties still work on a record
