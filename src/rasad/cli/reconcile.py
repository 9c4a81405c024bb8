"""`rasad reconcile` and the commands that read its results:
`events`, `claims`, `estimates`, `contradictions`, `series`."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from .. import reconcile as rc
from ..store import StoreError
from .common import DbOption, JsonOption, KnowledgeOption, QuietOption, console, fail, open_store, parse_date, \
    print_json, settings

PlaceOpt = Annotated[str | None, typer.Option(
    "--place", help="A gazetteer id (with everything inside it) or a name fragment.")]
SideOpt = Annotated[str | None, typer.Option("--side", help="Side: government, isis, opposition, sdf, civilians …")]
KindOpt = Annotated[str | None, typer.Option("--kind", help="Claim kind (killed, wounded …) or event type/family.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Only what overlaps this date or later (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Only what starts on or before this date (YYYY-MM-DD).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="A fragment of a source's name or key.")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="Rows to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]


def reconcile_cmd(
    db: DbOption = None,
    knowledge: KnowledgeOption = None,
    doc: Annotated[list[str] | None, typer.Option(
        "--doc", help="Only what these documents touch (repeatable).")] = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Reconcile stored extraction results across outlets: merged events, graded claims,
    low/best/high estimates, contradictions, inferred dates."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        try:
            report = rc.reconcile(store, s, set(doc) if doc else None)
        except StoreError as e:
            raise fail(str(e))
    if json_out:
        print_json(report.as_dict())
    elif not quiet:
        t = Table.grid(padding=(0, 2))
        for k, v in report.as_dict().items():
            if k != "changes":
                t.add_row(k.replace("_", " "), str(v))
        t.add_row("changes", ", ".join(f"{k} {v}" for k, v in sorted(report.changes.items())) or "none")
        console.print(t)


def _show(page: rc.Page, json_out: bool, columns: list[tuple[str, str]], title: str) -> None:
    if json_out:
        print_json(page.as_dict())
        return
    t = Table(title=f"{title} ({len(page.items)} of {page.total})")
    for _, head in columns:
        t.add_column(head)
    for r in page.items:
        t.add_row(*[_cell(r, key) for key, _ in columns])
    console.print(t)


def _cell(r: dict, key: str) -> str:
    if key == "a.count":
        return _claimside(r["a"])
    if key == "b.count":
        return _claimside(r["b"])
    if key == "what":
        return f"{r.get('kind')} · {r.get('side')}" + (" (total)" if r.get("total") else "")
    if key == "window":
        a, b = r.get("date_start"), r.get("date_end")
        return "" if not (a or b) else f"{a or '…'} → {b or '…'}" if a != b else str(a)
    if key == "lbh":
        return f"{r.get('low')} · {r.get('best')} · {r.get('high')}"
    v = r.get(key)
    return "" if v is None else str(v)


def _claimside(x: dict) -> str:
    n = x.get("count", x.get("fatalities"))
    aff = f" [{x['affiliation']}]" if x.get("affiliation") else ""
    st = "" if x.get("status") in (None, "asserted") else f" ({x['status']})"
    return f"{'' if n is None else n}{st} — {x.get('source') or '?'}{aff} · {x.get('doc_id')}"


def events_cmd(db: DbOption = None, knowledge: KnowledgeOption = None, place: PlaceOpt = None, side: SideOpt = None,
               kind: KindOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
               limit: LimitOpt = 50, offset: OffsetOpt = 0, json_out: JsonOption = False) -> None:
    """Merged events: one per happening, with every mention and source."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        page = rc.events_page(store, place=place, side=side, kind=kind, since=parse_date(since, "--since"),
                              until=parse_date(until, "--until"), source=source, limit=limit, offset=offset,
                              settings=s)
    _show(page, json_out, [("id", "id"), ("date_start", "date"), ("type", "type"), ("place", "place"),
                           ("actor1_side", "side A"), ("actor2_side", "side B"), ("fatalities_best", "dead"),
                           ("status", "status"), ("n_mentions", "mentions"), ("n_sources", "sources")], "events")


def claims_cmd(db: DbOption = None, knowledge: KnowledgeOption = None, place: PlaceOpt = None, side: SideOpt = None,
               kind: KindOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
               grade: Annotated[str | None, typer.Option(help="confirmed, fair, weak, contested, discounted")] = None,
               group: Annotated[str | None, typer.Option(help="Only this group's claims.")] = None,
               limit: LimitOpt = 50, offset: OffsetOpt = 0, json_out: JsonOption = False) -> None:
    """Claims with their grade, group and independent source."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        page = rc.claims_page(store, place=place, side=side, kind=kind, since=parse_date(since, "--since"),
                              until=parse_date(until, "--until"), source=source, grade=grade, group_id=group,
                              limit=limit, offset=offset, settings=s)
    _show(page, json_out, [("doc_id", "document"), ("kind", "kind"), ("side", "side"), ("count", "count"),
                           ("qualifier", "qualifier"), ("status", "status"), ("source_name", "source"),
                           ("grade", "grade"), ("group_id", "group")], "claims")


def estimates_cmd(db: DbOption = None, knowledge: KnowledgeOption = None, place: PlaceOpt = None,
                  side: SideOpt = None, kind: KindOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                  source: SourceOpt = None,
                  totals: Annotated[bool | None, typer.Option(
                      "--totals/--incidents", help="Only totals / incidents.")] = None,
                  limit: LimitOpt = 50, offset: OffsetOpt = 0, json_out: JsonOption = False) -> None:
    """Groups of comparable claims with low/best/high and ACLED's conservative figure."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        page = rc.estimates_page(store, place=place, side=side, kind=kind, since=parse_date(since, "--since"),
                                 until=parse_date(until, "--until"), source=source, total=totals, limit=limit,
                                 offset=offset, settings=s)
    _show(page, json_out, [("id", "group"), ("what", "claims of"), ("place", "place"), ("window", "window"),
                           ("lbh", "low · best · high"), ("conservative", "ACLED"), ("n_sources", "sources"),
                           ("status", "status")], "estimates")


def contradictions_cmd(db: DbOption = None, knowledge: KnowledgeOption = None, place: PlaceOpt = None,
                       side: SideOpt = None, kind: KindOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                       source: SourceOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0,
                       json_out: JsonOption = False) -> None:
    """Contradictions: both sides' claims, sources and affiliations."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        page = rc.contradictions_page(store, place=place, side=side, kind=kind, since=parse_date(since, "--since"),
                                      until=parse_date(until, "--until"), source=source, limit=limit,
                                      offset=offset, settings=s)
    _show(page, json_out, [("entity_id", "group/event"), ("reason", "reason"), ("a.count", "one side"),
                           ("b.count", "other side"), ("gap", "gap")], "contradictions")


def series_cmd(db: DbOption = None, knowledge: KnowledgeOption = None, place: PlaceOpt = None,
               side: SideOpt = None, kind: Annotated[str, typer.Option(help="Claim kind.")] = "killed",
               source: SourceOpt = None, json_out: JsonOption = False) -> None:
    """Running totals per source over time (what the timeline draws)."""
    s = settings(db, knowledge)
    with open_store(s) as store:
        rows = rc.series(store, side=side, kind=kind, place=place, source=source, settings=s)
    if json_out:
        print_json(rows)
        return
    t = Table(title="series")
    for h in ("group", "source", "side", "points"):
        t.add_column(h)
    for r in rows:
        t.add_row(r["group_id"], r["source"] or r["source_key"], r["side"],
                  " → ".join(f"{p['count']} ({p['date'] or '?'})" for p in r["points"]))
    console.print(t)


def register(app: typer.Typer) -> None:
    app.command("reconcile")(reconcile_cmd)
    app.command("events")(events_cmd)
    app.command("claims")(claims_cmd)
    app.command("estimates")(estimates_cmd)
    app.command("contradictions")(contradictions_cmd)
    app.command("series")(series_cmd)
