"""`records.builder` builds the model's frozen records equal to their own constructors."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rasad.extract.records import builder
from rasad.model import Attribution, Claim, Control, Event, Mention

SRC = Attribution("المرصد", "independent", "monitor", 3, 9, ("وكالة",), "claim")


@pytest.mark.parametrize("cls, args, kwargs", [
    (Attribution, (), {}),
    (Attribution, ("مصدر", None, "anonymous", 1, 5), {"modality": "deny"}),
    (Claim, ("killed", "isis", 12, "exact", "asserted", SRC, date(2018, 5, 1), None, "دوما", "gn:1", 33.5, 36.4,
             10, 12, 0, 40), {"cumulative": True, "actor": "isis", "confidence": 0.9}),
    (Claim, ("wounded", "unknown", 3, "approx", "denied", SRC, None, None, None, None, None, None, 1, 2, 0, 9), {}),
    (Event, (), {"type": "Armed clash", "family": "Battles", "date_start": None, "date_end": date(2019, 1, 2),
                 "place": None, "place_id": None, "lat": None, "lon": None, "actor1": "isis",
                 "actor1_side": "isis", "actor2": None, "actor2_side": None, "fatalities": 4, "status": "asserted",
                 "source": SRC, "trigger_start": 5, "trigger_end": 11, "evidence_start": 0,
                 "evidence_end": 50, "confidence": 0.7}),
    (Control, ("حي التضامن", "x:1", None, None, "government", None, "gained", None, None, "asserted", SRC,
               1, 4, 0, 30), {}),
    (Mention, ("place", 1, 4, "دوما", "gn:1", None), {}),
])
def test_builder_equals_constructor(cls, args, kwargs):
    build = builder(cls)
    assert build is not cls  # the twin path, not the fallback
    made, expected = build(*args, **kwargs), cls(*args, **kwargs)
    assert type(made) is cls
    assert made == expected and hash(made) == hash(expected)
    assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    assert repr(made) == repr(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.__setattr__(dataclasses.fields(cls)[0].name, None)
    assert dataclasses.replace(made) == expected


def test_builder_keeps_required_arguments():
    with pytest.raises(TypeError):
        builder(Claim)("killed")


def test_builder_falls_back_for_classes_it_cannot_twin():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int = 0

    assert builder(WithFactory) is WithFactory
    assert builder(NoSlots) is NoSlots
