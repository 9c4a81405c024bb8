"""Write docs/cli-reference.md from every command's --help (the test suite checks it is current).

    python scripts/cli_reference.py          # rewrite the file
    python scripts/cli_reference.py --check  # exit 1 if it is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from rasad.cli import app

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli-reference.md"


def _commands(cmd, path: list[str]):
    yield path
    if hasattr(cmd, "commands"):
        for name in sorted(cmd.commands):
            yield from _commands(cmd.commands[name], path + [name])


def render() -> str:
    runner = CliRunner()
    root = typer.main.get_command(app)
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `scripts/cli_reference.py`; the test suite fails when it is stale.", ""]
    for path in _commands(root, []):
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
                               terminal_width=100)
        text = "\n".join(line.rstrip() for line in result.output.splitlines()).strip("\n")
        parts += [f"## rasad {' '.join(path)}".rstrip(), "", "```", text, "```", ""]
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
