"""`rasad docs list|show`: browse stored documents."""
from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from .common import DbOption, JsonOption, console, fail, open_store, parse_date, print_json, settings

docs_app = typer.Typer(help="List and show stored documents.", no_args_is_help=True)


@docs_app.command("list")
def list_docs(
    outlet: Annotated[str | None, typer.Option(help="Only this outlet (exact name).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    search: Annotated[str | None, typer.Option(help="Only documents whose text or title contains this.")] = None,
    duplicates: Annotated[bool | None, typer.Option(
        "--duplicates/--originals", help="Only near-duplicates, or only originals (default: both).",
        show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many rows first.")] = 0,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """List documents, newest first."""
    s = settings(db)
    with open_store(s) as store:
        rows, total = store.documents(outlet=outlet, since=parse_date(since, "--since"),
                                      until=parse_date(until, "--until"), search=search, duplicates=duplicates,
                                      limit=limit, offset=offset)
    if json_out:
        print_json({"total": total, "documents": [asdict(r) for r in rows]})
        return
    t = Table(title=f"{len(rows)} of {total} documents", title_justify="left")
    for col in ("id", "published", "outlet", "title", "chars", "duplicate of"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r.id, r.published.isoformat() if r.published else "—", r.outlet or "—", (r.title or "")[:60],
                  str(r.chars), f"{r.duplicate_of} ({r.similarity:.2f})" if r.duplicate_of else "")
    console.print(t)


@docs_app.command("show")
def show_doc(
    doc_id: Annotated[str, typer.Argument(help="Document id (see `rasad docs list`).", show_default=False)],
    raw: Annotated[bool, typer.Option("--raw", help="Print the raw input (text or HTML) instead of the clean text.")]
    = False,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Show one document: metadata and clean text."""
    s = settings(db)
    with open_store(s) as store:
        doc = store.document(doc_id)
    if doc is None:
        raise fail(f"no document with id {doc_id!r}")
    meta = {
        "id": doc.id, "title": doc.title, "outlet": doc.outlet, "outlet_evidence": doc.outlet_evidence,
        "published": doc.published, "published_evidence": doc.published_evidence, "url": doc.url,
        "source_path": doc.source_path, "format": doc.raw_format, "encoding": doc.encoding,
        "content_hash": doc.content_hash, "duplicate_of": doc.duplicate_of, "similarity": doc.similarity,
    }
    if json_out:
        print_json({**meta, "text": doc.text, **({"raw": doc.raw} if raw else {})})
        return
    t = Table.grid(padding=(0, 2))
    for k, v in meta.items():
        if v is not None:
            t.add_row(f"[bold]{k}[/]", str(v))
    console.print(t)
    console.rule()
    console.print(doc.raw if raw else doc.text, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(docs_app, name="docs")
