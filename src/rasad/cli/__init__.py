"""The `rasad` command: a thin Typer layer over the library.

Each command group lives in its own module with a `register(app)` function;
commands call one library function and turn library errors into CLI errors.

`app` (every command) is built on first use. `main()` run as `rasad <module> …`
(`rasad extract …`, `rasad stats …`) builds an app with that one module's
commands only, so a command does not pay at start-up for importing what the
others need (SQLAlchemy, the exports, the web server).
"""
from __future__ import annotations

import importlib
import sys

import typer

# Command modules, registered in this order (the order of `rasad --help`).
COMMAND_MODULES = ["ingest", "extract", "docs", "stats", "lookup", "knowledge", "reconcile", "export", "serve"]

_HELP = "Arabic conflict news to a sourced, reconciled record of events, casualty claims and control."


def _build(modules: list[str]) -> typer.Typer:
    app = typer.Typer(
        name="rasad",
        help=_HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    if len(modules) < len(COMMAND_MODULES):
        # keep `rasad <command>` a group even with one command (Typer would otherwise run it without its name)
        app.callback()(_group)
    for name in modules:
        importlib.import_module(f"{__name__}.{name}").register(app)
    return app


def _group() -> None:
    pass


def __getattr__(name: str):
    """`app`, with every command, is built on first use."""
    if name == "app":
        app = globals()["app"] = _build(COMMAND_MODULES)
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    first = sys.argv[1] if len(sys.argv) > 1 else None
    if first in COMMAND_MODULES and first != "reconcile" and "app" not in globals():
        # `rasad <module> …`: that module's commands only (reconcile's module holds several commands)
        _build([first])()
    else:
        __getattr__("app")()
