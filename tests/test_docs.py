"""Docs checked against the code: the CLI reference is current and the README names every command."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_cli_reference_is_current():
    mod = _script()
    assert mod.OUT.read_text(encoding="utf-8") == mod.render(), \
        "docs/cli-reference.md is stale: run python scripts/cli_reference.py"


def test_readme_names_every_top_level_command():
    import typer

    from rasad.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    missing = [name for name in root.commands if f"rasad {name}" not in readme]
    assert not missing, f"README does not show: {missing}"
