"""Parquet (pyarrow) of the reconciled record: `FILE` gets the merged events,
`FILE` with `.claims` and `.groups` before the suffix get the graded claims
and the claim groups with their estimates (one table per file, typed
columns, dates as date32).

pyarrow is the optional extra `rasad[parquet]`: it is imported only when a
Parquet file is written, so everything else works without it."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from ..store.db import Store
from ..store.schema import claim_groups, claims, merged_events

_JSON_COLS = {"sources", "doc_ids", "source_via"}


def _arrow():
    """pyarrow and pyarrow.parquet, or an ImportError saying how to install them."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as e:
        raise ImportError("Parquet export needs pyarrow: pip install 'rasad[parquet]'") from e
    return pyarrow, pyarrow.parquet


def _table(store: Store, table, drop: tuple[str, ...] = ()):
    pa, _ = _arrow()
    cols = [c for c in table.c if c.name not in drop]
    with store.engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(cols[0])).all()
    data = {}
    for i, c in enumerate(cols):
        vals = [r[i] for r in rows]
        if c.name in _JSON_COLS:
            import json
            vals = [json.dumps(v, ensure_ascii=False, default=str) if v is not None else None for v in vals]
        data[c.name] = vals
    return pa.table(data) if rows else pa.table({c.name: pa.array([], type=pa.string()) for c in cols})


def paths_for(path: str | Path) -> dict[str, Path]:
    p = Path(path)
    stem, suffix = (p.name[: -len(p.suffix)], p.suffix) if p.suffix else (p.name, ".parquet")
    return {"events": p, "claims": p.with_name(f"{stem}.claims{suffix}"),
            "groups": p.with_name(f"{stem}.groups{suffix}")}


def write_parquet(store: Store, path: str | Path) -> dict[str, int]:
    """Write the three tables; returns rows per table."""
    _, pq = _arrow()
    out = {}
    targets = paths_for(path)
    for name, table, drop in (("events", merged_events, ()), ("claims", claims, ()), ("groups", claim_groups, ())):
        t = _table(store, table, drop)
        pq.write_table(t, targets[name])
        out[name] = t.num_rows
    return out
