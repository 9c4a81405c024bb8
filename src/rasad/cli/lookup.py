"""`rasad lookup place|actor NAME`: what the knowledge base knows a name as.

A thin layer over `KnowledgeBase.gazetteer.lookup` and
`KnowledgeBase.actors.lookup`: candidates best first, as a Rich table or as
JSON for scripts; exit status 1 when nothing matches.
"""
from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from .common import JsonOption, KnowledgeOption, console, fail, print_json, settings

lookup_app = typer.Typer(help="Look a place or an actor up in the knowledge base.", no_args_is_help=True)

LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, max=100, help="How many candidates at most.")]


def _knowledge_part(knowledge, part: str):
    """`KnowledgeBase.<part>` for the shipped data plus the user folders; a broken file is a clear error."""
    from ..knowledge import load

    try:
        return getattr(load(settings(knowledge=knowledge)), part)
    except (ValueError, OSError) as e:  # a user folder with a broken or unreadable file
        raise fail(f"cannot load knowledge: {e}")


def parse_near(value: str | None) -> tuple[float, float] | None:
    """"LAT,LON" -> (lat, lon); None stays None. Raises typer.BadParameter on anything else."""
    if value is None:
        return None
    try:
        lat_s, lon_s = value.split(",")
        lat, lon = float(lat_s), float(lon_s)
    except ValueError:
        raise typer.BadParameter(f"expected LAT,LON such as 33.47,36.30, not {value!r}", param_hint="--near")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise typer.BadParameter(f"{value!r} is not a latitude,longitude pair", param_hint="--near")
    return lat, lon


@lookup_app.command("place")
def place_cmd(
    name: Annotated[str, typer.Argument(help="A place name, as written in the news (Arabic or English).")],
    near: Annotated[str | None, typer.Option("--near", help="LAT,LON: rank nearer candidates first.")] = None,
    limit: LimitOption = 10,
    json_out: JsonOption = False,
    knowledge: KnowledgeOption = None,
) -> None:
    """Places a name may refer to, best first: name, coordinates, level, parent, country."""
    point = parse_near(near)
    gaz = _knowledge_part(knowledge, "gazetteer")
    cands = gaz.lookup(name, near=point, limit=limit)
    if not cands:
        raise fail(f"no place matches {name!r}")
    rows = [_place_row(c, gaz) for c in cands]
    if json_out:
        print_json(rows)
        return
    t = Table(title=f"places matching {name}", title_justify="left")
    cols = ("name", "lat", "lon", "level", "parent", "country", "score", *(("km",) if point else ()), "id")
    for col in cols:
        numeric = col in ("lat", "lon", "score", "km")
        t.add_column(col, justify="right" if numeric else "left", overflow="fold", no_wrap=numeric,
                     min_width=7 if col in ("lat", "lon") else 8 if col == "name" else None)
    for r in rows:
        km = (_fmt(r["distance_km"], 1),) if point else ()
        t.add_row(r["name"], _fmt(r["lat"], 4), _fmt(r["lon"], 4), r["level"], r["parent"] or "", r["country"],
                  _fmt(r["score"], 2), *km, r["id"])
    console.print(t)


def _place_row(c, gaz) -> dict[str, Any]:
    p = c.entry
    parent = gaz.get(p.parent) if p.parent and hasattr(gaz, "get") else None
    return {"id": p.id, "name": p.name, "name_en": p.name_en, "lat": p.lat, "lon": p.lon, "level": p.level,
            "parent": parent.name if parent else p.parent, "parent_id": p.parent, "country": p.country,
            "score": round(c.score, 3), "matched": c.matched,
            "distance_km": None if c.distance_km is None else round(c.distance_km, 1)}


@lookup_app.command("actor")
def actor_cmd(
    name: Annotated[str, typer.Argument(help="An actor name, as written in the news (لقوات النظام, داعش, HTS ...).")],
    limit: LimitOption = 10,
    json_out: JsonOption = False,
    knowledge: KnowledgeOption = None,
) -> None:
    """Actors a name may refer to, best first: name, side, ACLED name, inter code."""
    actors = _knowledge_part(knowledge, "actors")
    cands = actors.lookup(name, limit=limit)
    if not cands:
        raise fail(f"no actor matches {name!r}")
    rows = [_actor_row(c, actors) for c in cands]
    if json_out:
        print_json(rows)
        return
    t = Table(title=f"actors matching {name}", title_justify="left")
    for col in ("name", "side", "acled_name", "inter", "score", "id", "note"):
        t.add_column(col, justify="right" if col in ("inter", "score") else "left", overflow="fold")
    for r in rows:
        note = ("generic: " + ", ".join(r["refers_to"])) if r["generic"] else ""
        t.add_row(r["name"], r["side"], r["acled_name"], str(r["inter"]), _fmt(r["score"], 2), r["id"], note)
    console.print(t)


def _actor_row(c, actors) -> dict[str, Any]:
    a = c.entry
    return {"id": a.id, "name": a.name, "name_en": a.name_en, "side": a.side, "acled_name": a.acled_name,
            "inter": a.inter, "kind": a.kind, "country": a.country or None, "generic": a.generic,
            "refers_to": list(actors.refers_to(a.id)), "score": round(c.score, 3), "matched": c.matched}


def _fmt(x: float | None, digits: int) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def register(app: typer.Typer) -> None:
    app.add_typer(lookup_app, name="lookup")
