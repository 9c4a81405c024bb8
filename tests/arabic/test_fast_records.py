"""The layer's records built fast are the model's records in every way.

tokens.py, sentences.py, quantities.py and times.py build Token, Sentence,
Quantity and TimeExpression through a twin class with the same slots (see
`tokens._TokenBuilder`): the objects must be of the model's class, equal to
and hashing like records built by the dataclass itself, and frozen.
"""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rasad.arabic import quantities, sentences, times, tokenize
from rasad.model import Quantity, Sentence, TimeExpression, Token

CASES = [
    ("tokens", lambda: tokenize("وقُتل ١٢ مدنياً، بينهم 3 أطفال، في «حي القدم».")),
    ("sentences", lambda: sentences("قال د. سامر إن القصف استمر. ونزح الأهالي!\nولم يعودوا بعد")),
    ("quantities", lambda: quantities("سقط أكثر من 40 قتيلاً وعشرات الجرحى بين 10 و15 آلية.")),
    ("times", lambda: times("قُتل ثلاثة صباح الثلاثاء 12 أيار/مايو 2018 خلال الساعات الـ24 الماضية.",
                            date(2018, 5, 15))),
]


@pytest.mark.parametrize("name,make", CASES, ids=[c[0] for c in CASES])
def test_records_are_model_records(name, make):
    records = make()
    assert records, name
    model = {"tokens": Token, "sentences": Sentence, "quantities": Quantity, "times": TimeExpression}[name]
    for r in records:
        assert type(r) is model
        plain = model(*(getattr(r, f.name) for f in dataclasses.fields(model)))
        assert r == plain and hash(r) == hash(plain) and repr(r) == repr(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(r, "start", 0)
