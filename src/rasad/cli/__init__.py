"""The `rasad` command: a thin Typer layer over the library.

Each command group lives in its own module with a `register(app)` function;
commands call one library function and turn library errors into CLI errors.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="rasad",
    help="Arabic conflict news to a sourced, reconciled record of events, casualty claims and control.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, registered in this order (the order of `rasad --help`).
COMMAND_MODULES = ["ingest", "extract", "docs", "stats", "lookup", "knowledge", "reconcile", "export", "serve"]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}").register(app)


def main() -> None:
    app()
