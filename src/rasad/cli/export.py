"""`rasad export --format acled|ucdp|geojson|eval|parquet -o FILE`."""
from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .common import DbOption, KnowledgeOption, QuietOption, console, fail, open_store, parse_date, settings


class Format(str, Enum):
    acled = "acled"
    ucdp = "ucdp"
    geojson = "geojson"
    eval = "eval"
    parquet = "parquet"


def export_cmd(
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (parquet: also FILE.claims/.groups).")],
    db: DbOption = None,
    knowledge: KnowledgeOption = None,
    since: Annotated[str | None, typer.Option(help="Only events overlapping this date or later.")] = None,
    until: Annotated[str | None, typer.Option(help="Only events starting on or before this date.")] = None,
    quiet: QuietOption = False,
) -> None:
    """Export the reconciled record (ACLED 31-column CSV, UCDP GED-like CSV, GeoJSON, Parquet)
    or the per-document evaluation JSONL."""
    s = settings(db, knowledge)
    if not output.parent.is_dir():
        raise fail(f"cannot write {output}: folder {output.parent} does not exist")
    filters = {"since": parse_date(since, "--since"), "until": parse_date(until, "--until")}
    with open_store(s) as store:
        if format is Format.acled:
            from ..export.acled import write_acled
            n = f"{write_acled(store, output, s, **filters)} events"
        elif format is Format.ucdp:
            from ..export.ucdp import write_ucdp
            n = f"{write_ucdp(store, output, s, **filters)} events"
        elif format is Format.geojson:
            from ..export.geojson import write_geojson
            n = f"{write_geojson(store, output, s, **filters)} features"
        elif format is Format.parquet:
            from ..export.parquet import write_parquet
            try:
                n = ", ".join(f"{v} {k}" for k, v in write_parquet(store, output).items())
            except ImportError as e:
                raise fail(str(e)) from None
        else:
            n = f"{_write_eval(store, output)} documents"
    if not quiet:
        console.print(f"wrote {output} ({n})", highlight=False)


def _write_eval(store, output: Path) -> int:
    """One evaluation line per document with an extraction; undated documents use their inferred date."""
    import json

    from ..export.evaljson import eval_record
    from ..reconcile.query import inferred_dates_of
    from ..store.extractions import load_extractions

    exs = load_extractions(store)
    inferred = inferred_dates_of(store)
    n = 0
    with output.open("w", encoding="utf-8") as f:
        for doc_id in sorted(exs):
            doc = store.document(doc_id)
            if doc is None:
                continue
            if doc.published is None and doc_id in inferred:
                doc = replace(doc, published=inferred[doc_id]["date"], published_evidence="inferred")
            f.write(json.dumps(eval_record(doc, exs[doc_id]), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)
