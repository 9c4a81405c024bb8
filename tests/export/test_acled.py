"""ACLED export: exactly ACLED's 31 columns in ACLED's order, loads in pandas, conservative fatalities."""
from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from rasad.export.acled import ACLED_COLUMNS, time_precision, write_acled

# ACLED's export columns (ACLED Codebook, 2023+), in order.
ACLED_ORDER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
               "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
               "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
               "fatalities", "tags", "timestamp"]


def test_columns():
    assert list(ACLED_COLUMNS) == ACLED_ORDER and len(ACLED_COLUMNS) == 31


@pytest.fixture
def frame(reconciled, tmp_path):
    path = tmp_path / "acled.csv"
    n = write_acled(reconciled, path)
    df = pd.read_csv(path)
    assert len(df) == n
    return df


def test_loads_in_pandas(frame):
    assert list(frame.columns) == ACLED_ORDER
    assert frame["event_date"].notna().all() and frame["fatalities"].dtype.kind == "i"
    assert frame["latitude"].between(32, 38).all() and frame["longitude"].between(35, 43).all()


@pytest.mark.parametrize("sub_event,fatalities,actor2,interaction,civilian,admin1,disputed", [
    ("Air/drone strike", 14, "Civilians (Syria)", 17, "Civilian targeting", "Idlib", True),
    ("Armed clash", 22, "NLF: National Liberation Front", 12, None, "Hama", False),  # the named actor
])
def test_rows(frame, sub_event, fatalities, actor2, interaction, civilian, admin1, disputed):
    row = frame[frame["sub_event_type"] == sub_event].iloc[0]
    assert row["fatalities"] == fatalities  # the conservative figure
    assert row["actor2"] == actor2 and row["interaction"] == interaction
    assert (row["civilian_targeting"] if isinstance(row["civilian_targeting"], str) else None) == civilian
    assert row["admin1"] == admin1 and row["iso"] == 760 and row["country"] == "Syria"
    assert row["event_id_cnty"].startswith("SYR") and row["time_precision"] in (1, 2)
    assert ("denied by" in row["notes"]) is disputed
    assert "range from" in row["notes"]  # the fatality reports disagree in both events


def test_stable_ids_in_export(reconciled):
    from rasad.reconcile import reconcile
    from rasad.settings import Settings

    a, b = io.StringIO(), io.StringIO()
    write_acled(reconciled, a)
    reconcile(reconciled, Settings())
    write_acled(reconciled, b)
    ids = lambda s: [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(s.getvalue()))]  # noqa: E731
    assert ids(a) == ids(b)


@pytest.mark.parametrize("start,end,expected", [
    ("2019-07-22", "2019-07-22", 1), ("2019-07-22", "2019-07-25", 2), ("2019-07-01", "2019-07-25", 3), (None, None, 3),
])
def test_time_precision(start, end, expected):
    from datetime import date

    d = lambda s: date.fromisoformat(s) if s else None  # noqa: E731
    assert time_precision(d(start), d(end)) == expected
