"""Options and helpers shared by the command modules."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterator

import typer
from rich.console import Console
from rich.markup import escape

from ..settings import Settings

# imported where used: rich.progress in progress_bar (only a shown bar needs it), rasad.store in open_store
# (SQLAlchemy, which `rasad extract` never needs)
if TYPE_CHECKING:
    from rich.progress import Progress

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


def progress_bar(quiet: bool) -> Progress | _Hidden:
    """A progress bar with count, rate and ETA on stderr; when quiet, a stand-in that shows nothing
    (and costs neither rich.progress's import nor a call into it per item)."""
    if quiet:
        return _Hidden()
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), _rate_column()(), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        console=err,
    )


class _Hidden:
    """The hidden progress bar: the calls the commands make on a `Progress`, doing nothing."""

    def __enter__(self) -> _Hidden:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, **fields: Any) -> int:
        return 0

    def update(self, task: int, **fields: Any) -> None:
        return None


@lru_cache(maxsize=None)
def _rate_column() -> type:
    """The rate column class (made on first use, with rich.progress)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Items per second."""

        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f}/s" if speed else "", style="cyan")

    return RateColumn
