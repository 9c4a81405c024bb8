"""`rasad ingest`: read articles into the store."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from .. import pipeline
from .common import DbOption, JsonOption, KnowledgeOption, QuietOption, console, err, open_store, print_json, \
    progress_bar, settings


def ingest(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl), folders (read recursively) or http(s):// URLs.",
        show_default=False)],
    db: DbOption = None,
    knowledge: KnowledgeOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per database transaction.")] = 200,
    extract: Annotated[bool, typer.Option("--extract/--no-extract",
                                          help="Extract claims, events, control and places from each new "
                                               "document and store them.")] = True,
    reconcile: Annotated[bool, typer.Option("--reconcile/--no-reconcile",
                                            help="Reconcile what the new documents touch across outlets "
                                                 "(needs --extract).")] = True,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Read articles, clean them and store them as documents.

    Re-ingesting stored material is a no-op; near-duplicates are linked to their
    original. Every input that fails gets one line (what, why) and the run goes
    on; the exit status is 1 when any input failed.
    """
    s = settings(db, knowledge, batch_size=batch_size)
    with open_store(s) as store, progress_bar(quiet or json_out) as bar:
        task = bar.add_task("ingesting", total=None, rate="")

        def tick(advance: int, total: int | None, label: str) -> None:
            bar.update(task, advance=advance, total=total, description=_short(label))

        try:
            report = pipeline.ingest(paths, store, s, progress=tick, extract=extract, reconcile=reconcile and extract)
        except KeyboardInterrupt:
            err.print("[yellow]interrupted:[/] every committed batch is kept; run the same command to resume.")
            raise typer.Exit(130)
        bar.update(task, description="done")
    if json_out:
        print_json(report.as_dict())
    elif not quiet:
        _summary(report)
    else:
        for p in report.problems:
            err.print(f"[red]failed[/] {escape(p.source)}: {escape(p.reason)}", highlight=False, soft_wrap=True)
    raise typer.Exit(0 if report.ok else 1)


def _short(label: str, width: int = 32) -> str:
    return label if len(label) <= width else "…" + label[-(width - 1):]


def _summary(report: pipeline.IngestReport) -> None:
    t = Table.grid(padding=(0, 2))
    t.add_row("[green]stored[/]", str(len(report.stored)))
    t.add_row("already stored", str(len(report.unchanged)))
    t.add_row("near-duplicates", str(len(report.near_duplicates)))
    t.add_row("[red]failed[/]" if report.problems else "failed", str(len(report.problems)))
    if report.extracted:
        t.add_row("extracted", str(report.extracted))
    if report.reconciled:
        r = report.reconciled
        t.add_row("reconciled", f"{r['events']} events, {r['groups']} claim groups, "
                                f"{r['contradictions']} contradictions")
    console.print(t)
    for doc_id, original, sim in report.near_duplicates:
        console.print(f"  [yellow]near-duplicate[/] {doc_id} → {original} (similarity {sim:.2f})", highlight=False,
                      soft_wrap=True)
    for p in report.problems:
        console.print(f"  [red]failed[/] {p.source}: {p.reason}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
