"""The web page's static files (no browser needed): everything the page loads ships with the package."""
from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "rasad" / "web" / "static"


def _package_data() -> list[str]:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return conf["tool"]["setuptools"]["package-data"]["*"]


def test_every_static_file_is_package_data():
    patterns = _package_data()
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert len(files) > 20
    for p in files:
        rel = p.relative_to(STATIC)
        assert any(fnmatch.fnmatch(p.name, pat) for pat in patterns), f"{rel} would be left out of the wheel"
        # setuptools finds package data by (namespace) package: a dot in a folder name would hide it.
        assert all("." not in part for part in rel.parts[:-1]), f"{rel}: no dots in folder names"


def test_the_page_loads_only_files_that_exist_here():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    local = [r for r in refs if r.startswith("/static/")]
    assert len(local) >= 6
    for r in local:
        assert (STATIC / r.removeprefix("/static/")).is_file(), r
    # Only our own files and an empty data: icon; no CDN.
    assert all(r.startswith("/static/") or r == "data:," for r in refs), refs
    for js in STATIC.glob("*.js"):
        for m in re.findall(r'from "([^"]+)"', js.read_text(encoding="utf-8")):
            assert m.startswith("./") and (STATIC / m[2:]).is_file(), f"{js.name} imports {m}"


def test_every_vendored_file_has_its_licence_and_an_origin_entry():
    vendor = STATIC / "vendor"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    for d in (p for p in vendor.iterdir() if p.is_dir()):
        assert any(f.name.upper().startswith(("LICENSE", "MIT-LICENCE", "LICENCE")) for f in d.iterdir()), d.name
        assert f"`{d.name}/`" in readme, f"vendor/README.md has no entry for {d.name}/"
    assert "Natural Earth" in (STATIC / "data" / "README.md").read_text(encoding="utf-8")


def test_no_innerhtml_in_our_code():
    """Article text reaches the page as text only: our modules never assign HTML."""
    for js in STATIC.glob("*.js"):
        code = js.read_text(encoding="utf-8")
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", code), js.name
