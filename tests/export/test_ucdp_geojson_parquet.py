"""UCDP GED-like CSV, GeoJSON and Parquet exports."""
from __future__ import annotations

import io
import json

import geojson
import pandas as pd
import pyarrow.parquet as pq
import pytest

from rasad.export.geojson import feature_collection, write_geojson
from rasad.export.parquet import paths_for, write_parquet
from rasad.export.ucdp import UCDP_COLUMNS, date_prec, write_ucdp


def test_ucdp(reconciled, tmp_path):
    path = tmp_path / "ged.csv"
    write_ucdp(reconciled, path)
    df = pd.read_csv(path)
    assert list(df.columns) == list(UCDP_COLUMNS)
    for col in ("date_start", "date_end", "date_prec", "where_prec", "deaths_a", "deaths_b", "deaths_civilians",
                "deaths_unknown", "low", "best", "high", "source_original", "source_office"):
        assert col in df.columns
    strike = df[df["type_of_violence"] == 3].iloc[0]
    assert (strike["deaths_civilians"], strike["low"], strike["best"], strike["high"]) == (15, 14, 15, 18)
    clash = df[df["type_of_violence"] == 1].iloc[0]
    assert clash["deaths_a"] + clash["deaths_b"] == 22 and clash["best"] == 22
    assert "المرصد" in clash["source_original"] and "الأناضول" in clash["source_office"]
    assert (df["low"] <= df["best"]).all() and (df["best"] <= df["high"]).all()


@pytest.mark.parametrize("days,expected", [(0, 1), (3, 2), (6, 3), (20, 4), (90, 5)])
def test_date_prec(days, expected):
    from datetime import date, timedelta

    assert date_prec(date(2019, 1, 1), date(2019, 1, 1) + timedelta(days=days)) == expected


def test_geojson_valid(reconciled):
    buf = io.StringIO()
    n = write_geojson(reconciled, buf)
    obj = geojson.loads(buf.getvalue())
    assert obj.is_valid, obj.errors()
    assert obj["type"] == "FeatureCollection" and len(obj["features"]) == n == 2
    for f in obj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 35 < lon < 43 and 32 < lat < 38  # longitude first (RFC 7946)
        assert {"id", "type", "status", "fatalities_best", "date_start", "sources"} <= set(f["properties"])
    json.dumps(feature_collection(reconciled), ensure_ascii=False)


def test_parquet(reconciled, tmp_path):
    out = tmp_path / "record.parquet"
    counts = write_parquet(reconciled, out)
    paths = paths_for(out)
    assert counts == {"events": 2, "claims": 18, "groups": 6}
    events = pq.read_table(paths["events"])
    claims = pq.read_table(paths["claims"])
    assert events.num_rows == 2 and claims.num_rows == 18
    assert {"grade", "group_id", "source_key", "count"} <= set(claims.column_names)
    assert {"fatalities_best", "lat", "lon", "date_start"} <= set(events.column_names)
    assert pq.read_table(paths["groups"]).num_rows == 6
