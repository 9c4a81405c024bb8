"""Small parts of reconcile: tolerance, scopes, stable ids, date inference, settings overrides."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace as NS

import pytest

from rasad.knowledge import load
from rasad.reconcile.dates import infer_dates
from rasad.reconcile.ids import assign
from rasad.reconcile.params import load_params
from rasad.reconcile.scope import Scoper, match
from rasad.settings import Settings

P = load_params()


@pytest.mark.parametrize("a,b,disagree", [
    ((10, 10), (10, 10), False),
    ((10, 10), (16, 16), True),   # 6 > 5 and 6 > 25% of 16
    ((3, 3), (8, 8), False),      # 5 is not more than 5
    ((100, 100), (124, 124), False),  # 24 <= 25% of 124
    ((100, 100), (140, 140), True),
    ((300, float("inf")), (320, 320), False),  # "more than 300"
    ((300, float("inf")), (159, 159), True),
    ((0, 20), (18, 18), False),  # "at most 20"
])
def test_disagree(a, b, disagree):
    assert P.disagree(*a, *b) is disagree


@pytest.fixture(scope="module")
def scoper():
    return Scoper(load().gazetteer)


@pytest.mark.parametrize("a,b,km,rank,expected", [
    ("gn:167611", "gn:167611", 5, 2, True),              # same town
    ("sy.dam.tadamon", "gn:166716", 5, 2, True),         # two neighbourhoods 1 km apart
    ("sy.dam.abu_turabi_bakery", "sy.dam.tadamon", 0.01, 2, True),  # a landmark inside a neighbourhood
    ("sy.kafr_nabudah", "sy.gov.hama", 5, 2, False),     # a governorate is too coarse to enclose an incident
    ("sy.kafr_nabudah", "sy.gov.hama", 25, 4, True),     # ... but encloses a total
    ("gn:167611", "sy.kafr_nabudah", 25, 4, False),      # 22 km apart, different governorates
])
def test_scope_match(scoper, a, b, km, rank, expected):
    assert match(scoper.of_place(a), scoper.of_place(b), km, rank) is expected


def test_unplaced_scopes(scoper):
    assert match(None, None, 5, 2) and not match(None, scoper.of_place("gn:167611"), 5, 2)
    assert scoper.of_place(None, 35.0, 36.0) is not None and scoper.of_place(None) is None


def test_main_area_raises_to_town(scoper):
    from rasad.model import PlaceRef

    places = [PlaceRef("التضامن", "sy.dam.tadamon", None, None, "neighbourhood", ((0, 1), (5, 6))),
              PlaceRef("يلدا", "sy.yalda", None, None, "town", ((9, 10),))]
    area = scoper.main_area(places)
    assert area is not None and area.rank == 2  # the neighbourhood's town


def m(key: str, old: str | None = None):
    return NS(key=key, old=old)


@pytest.mark.parametrize("components,expected_ids,actions", [
    ([[m("a#0")], [m("b#0")]], ["new", "new"], ["new", "new"]),
    ([[m("a#0", "G1"), m("b#0")]], ["G1"], []),
    ([[m("a#0", "G1"), m("b#0", "G2"), m("c#0", "G2")]], ["G2"], ["merge"]),
    ([[m("a#0", "G1"), m("b#0", "G1")], [m("c#0", "G1")]], ["G1", "new"], ["split"]),
])
def test_assign_ids(components, expected_ids, actions):
    ids, changes, _ = assign(components, "G", set())
    for got, want in zip(ids, expected_ids):
        if want == "new":
            assert got.startswith("G") and got not in {"G1", "G2"}
        else:
            assert got == want
    assert sorted(c.action for c in changes) == sorted(actions)


def test_new_ids_deterministic():
    a, _, _ = assign([[m("x#1")], [m("y#2")]], "G", set())
    b, _, _ = assign([[m("y#2")], [m("x#1")]], "G", set())
    assert sorted(a) == sorted(b)


@pytest.mark.parametrize("undated,dated,expected,min_conf", [
    ({"u": [("killed", "civilians", 470)]}, {("killed", "civilians", 470): [("d", date(2019, 7, 24))]},
     date(2019, 7, 24), 0.4),
    ({"u": [("killed", "civilians", 7)]}, {("killed", "civilians", 7): [("d", date(2019, 7, 24))]}, None, 0),
    ({"u": [("killed", "civilians", 470), ("killed", "government", 22)]},
     {("killed", "civilians", 470): [("d", date(2019, 7, 24))], ("killed", "government", 22): [("e", date(2019, 7, 24))]},
     date(2019, 7, 24), 0.55),
])
def test_infer_dates(undated, dated, expected, min_conf):
    got = infer_dates(undated, dated, {}, {}, P)
    if expected is None:
        assert got == []
    else:
        assert got[0].date == expected and got[0].confidence >= min_conf and got[0].evidence


def test_infer_dates_from_events():
    got = infer_dates({}, {}, {"u": [("Air/drone strike", "gn:167611")]},
                      {("Air/drone strike", "gn:167611"): [("d", date(2019, 7, 22))]}, P)
    assert got[0].date == date(2019, 7, 22) and got[0].confidence < P.date_base_confidence


def test_settings_override():
    p = load_params(Settings(extra={"reconcile": {"events": {"max_km": 1.5}, "tolerance": {"absolute": 0}}}))
    assert p.event_km == 1.5 and p.tol_absolute == 0 and p.event_days == P.event_days
