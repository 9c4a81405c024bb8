"""`rasad knowledge geonames|validate|info`: build, check and describe the knowledge folders."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn
from rich.table import Table

from .common import JsonOption, KnowledgeOption, console, err, fail, print_json, settings

knowledge_app = typer.Typer(help="Build, check and describe knowledge folders (places, actors, vocabulary).",
                            no_args_is_help=True)


def _dirs(knowledge: list[Path] | None) -> tuple[Path, ...]:
    from ..knowledge.base import DATA_DIR

    s = settings(knowledge=knowledge)
    return (DATA_DIR, *(Path(d) for d in s.knowledge_dirs))


@knowledge_app.command("geonames")
def geonames_cmd(
    countries: Annotated[list[str], typer.Argument(help="ISO country codes, e.g. SY IQ LB JO TR.")],
    out: Annotated[Path, typer.Option("--out", help="Knowledge folder to write (places/geonames.csv inside).")]
    = Path("knowledge-geonames"),
    source_dir: Annotated[Path | None, typer.Option(
        "--source-dir", help="Folder already holding GeoNames XX.zip|txt and alternatenames/XX.zip|txt: "
        "nothing is downloaded.")] = None,
    all_provinces: Annotated[bool, typer.Option(
        "--all-provinces", help="For Turkey, keep every province, not only those along the Syrian and Iraqi borders.")]
    = False,
    knowledge: KnowledgeOption = None,
) -> None:
    """Rebuild a fuller gazetteer from GeoNames dumps into a folder usable with --knowledge."""
    from ..knowledge import geonames as gn
    from ..knowledge.places import load_gazetteer

    codes = [c.upper() for c in countries]
    bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
    if bad:
        raise fail(f"not ISO country codes: {', '.join(bad)}")
    dirs = _dirs(knowledge)
    src = source_dir
    if src is None:
        src = out / "sources"
        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                      console=err, transient=True) as progress:
            tasks: dict[str, int] = {}

            def report(label: str, done: int, total: int | None) -> None:
                if label not in tasks:
                    tasks[label] = progress.add_task(label, total=total)
                progress.update(tasks[label], completed=done, total=total)

            try:
                gn.download(codes, src, progress=report)
            except Exception as e:  # network and HTTP errors: say what failed, no traceback
                raise fail(f"download failed: {e}")
    elif not src.is_dir():
        raise fail(f"no such folder: {src}")
    admin1 = gn.read_admin1_map(dirs)
    keep = None
    if not all_provinces:
        tr = {code for (cc, code) in admin1 if cc == "TR"}
        keep = {"TR": tr} if tr else None
    known = load_gazetteer(dirs)
    try:
        rows = gn.build_from_dump(src, codes, admin1, known=known, admin1_filter=keep)
    except (FileNotFoundError, ValueError) as e:
        raise fail(str(e))
    target = out / "places" / "geonames.csv"
    n = gn.write_places_csv(target, rows)
    new = sum(1 for r in rows if r.get("name"))
    console.print(f"{n} rows -> {target} ({new} new places, {n - new} adding names to known ones). "
                  f"Use it with --knowledge {out}")


@knowledge_app.command("validate")
def validate_cmd(knowledge: KnowledgeOption = None, json_out: JsonOption = False) -> None:
    """Check the places files (shipped and --knowledge folders): schema, names, coordinates, hierarchy."""
    from ..knowledge.places_validate import validate

    dirs = _dirs(knowledge)
    problems = validate(dirs)
    if json_out:
        print_json({"folders": [str(d) for d in dirs], "problems": problems})
    else:
        for p in problems:
            console.print(f"[red]✗[/] {p}", highlight=False)
        if not problems:
            console.print(f"[green]✓[/] places of {len(dirs)} folder(s) are sound")
    if problems:
        raise typer.Exit(1)


@knowledge_app.command("info")
def info_cmd(knowledge: KnowledgeOption = None, json_out: JsonOption = False) -> None:
    """Say what the gazetteer holds: places per country and level, names, files, load time."""
    from ..knowledge.places import load_gazetteer, place_files

    dirs = _dirs(knowledge)
    t0 = time.perf_counter()
    g = load_gazetteer(dirs)
    load_s = time.perf_counter() - t0
    by = Counter((p.country, p.level) for p in g)
    countries = sorted({c for c, _ in by})
    from ..model import LEVELS

    info = {
        "folders": [str(d) for d in dirs],
        "files": [str(p) for d in dirs for p in place_files(d)],
        "places": len(g), "names": len(g.names()), "ambiguous": sum(1 for p in g if p.ambiguous),
        "load_seconds": round(load_s, 3),
        "by_country_level": {c: {lvl: by[(c, lvl)] for lvl in LEVELS if by[(c, lvl)]} for c in countries},
    }
    if json_out:
        print_json(info)
        return
    t = Table(title=f"{len(g)} places, {info['names']} names, loaded in {load_s:.2f} s", title_justify="left")
    t.add_column("country")
    for lvl in LEVELS:
        t.add_column(lvl, justify="right")
    for c in countries:
        t.add_row(c, *(str(by[(c, lvl)] or "") for lvl in LEVELS))
    console.print(t)
    for f in info["files"]:
        console.print(f"  {f}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(knowledge_app, name="knowledge")
