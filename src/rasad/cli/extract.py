"""`rasad extract`: extract claims, events, control and places from articles (no database)."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from .. import pipeline
from ..export import eval_record, full_record
from ..model import IngestProblem
from .common import KnowledgeOption, QuietOption, err, fail, progress_bar, settings


# One encoder for every line (json.dumps with options makes a new one per call); the records are fresh trees,
# so the check for cycles is skipped.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


class Format(str, Enum):
    eval = "eval"
    json = "json"


def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Files (.txt, .html, .jsonl), folders or http(s):// URLs.", show_default=False)],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="eval: the evaluation contract "
                                        "(../shared/eval/FORMAT.md); json: everything, with offsets, ids and "
                                        "confidences.")] = Format.eval,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON lines here (default: stdout).",
                                               dir_okay=False)] = None,
    knowledge: KnowledgeOption = None,
    quiet: QuietOption = False,
) -> None:
    """Extract from each input document and write one JSON line per document.

    Inputs that cannot be read are reported on stderr and the run goes on; the
    exit status is 1 when any failed.
    """
    s = settings(None, knowledge)
    to_line = eval_record if fmt is Format.eval else full_record
    try:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as e:
        raise fail(f"cannot write {output}: {e.strerror or e}")
    problems: list[IngestProblem] = []
    n = 0
    with progress_bar(quiet or output is None) as bar:
        task = bar.add_task("extracting", total=None)
        for item in pipeline.extract_documents(inputs, s):
            if isinstance(item, IngestProblem):
                problems.append(item)
                err.print(f"[red]failed[/] {escape(item.source)}: {escape(item.reason)}", highlight=False)
            else:
                doc, ex = item
                out.write(_encode(to_line(doc, ex)) + "\n")
                n += 1
            bar.update(task, advance=1)
    if output:
        out.close()
        if not quiet:
            err.print(f"{n} documents → {output}" + (f", {len(problems)} failed" if problems else ""))
    raise typer.Exit(1 if problems else 0)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
