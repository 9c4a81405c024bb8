"""`rasad stats`: what the store holds."""
from __future__ import annotations

import typer
from rich.table import Table

from .common import DbOption, JsonOption, console, open_store, print_json, settings


def stats(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Counts of documents, outlets, dates and near-duplicates in the store."""
    s = settings(db)
    with open_store(s) as store:
        st = store.stats()
    if json_out:
        print_json(st)
        return
    t = Table.grid(padding=(0, 2))
    for key in ("database", "documents", "originals", "near_duplicates", "undated", "first_published",
                "last_published", "ingest_runs"):
        t.add_row(f"[bold]{key.replace('_', ' ')}[/]", str(st[key] if st[key] is not None else "—"))
    console.print(t)
    if st["outlets"]:
        o = Table("outlet", "documents", title="by outlet", title_justify="left")
        for name, n in st["outlets"].items():
            o.add_row(name, str(n))
        console.print(o)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
