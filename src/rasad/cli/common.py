"""Options and helpers shared by the command modules."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterator

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from ..settings import Settings

if TYPE_CHECKING:  # imported in open_store: rasad.store brings SQLAlchemy, which `rasad extract` never needs
    from ..store import Store

console = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", envvar="RASAD_DB", show_envvar=True,
    help="Database: an SQLite file path or an SQLAlchemy URL (postgresql+psycopg://…). Default: rasad.db here.")]
KnowledgeOption = Annotated[list[Path] | None, typer.Option(
    "--knowledge", envvar="RASAD_KNOWLEDGE", show_envvar=True,
    help="A folder of knowledge files layered over the shipped ones (repeatable).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of tables.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]


def settings(db: str | None = None, knowledge: list[Path] | None = None, **overrides: Any) -> Settings:
    return Settings.from_env(db=db, knowledge_dirs=tuple(knowledge) if knowledge else None, **overrides)


def fail(message: str, code: int = 1) -> typer.Exit:
    # not wrapped (a path stays whole, to copy), brackets in a path or a hint shown as they are
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def open_store(s: Settings) -> Iterator[Store]:
    from ..store import Store, StoreError

    try:
        store = Store.open(s.db)
    except StoreError as e:
        raise fail(str(e))
    try:
        yield store
    finally:
        store.close()


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=_default) + "\n")


def _default(o: Any) -> Any:
    if isinstance(o, date):
        return o.isoformat()
    if isinstance(o, Path):
        return str(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise fail(f"{name} must be a date as YYYY-MM-DD, not {value!r}")


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "", style="cyan")


def progress_bar(quiet: bool) -> Progress:
    """A progress bar with count, rate and ETA on stderr (hidden when quiet)."""
    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=err, disable=quiet,
    )
