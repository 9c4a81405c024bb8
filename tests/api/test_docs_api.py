"""docs/api.md describes every endpoint and every parameter the app has."""
from __future__ import annotations

import re

from .conftest import ROOT


def test_api_doc_names_every_endpoint_and_parameter(tmp_path):
    from rasad.api.app import create_app
    from rasad.settings import Settings

    spec = create_app(Settings(db=f"sqlite:///{tmp_path / 'x.db'}")).openapi()
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            head = f"### {method.upper()} `{path}`"
            if head not in doc:
                missing.append(head)
                continue
            section = doc[doc.index(head):]
            nxt = re.search(r"\n### ", section[len(head):])
            section = section[:len(head) + nxt.start()] if nxt else section
            for p in op.get("parameters", []):
                if f"| `{p['name']}` |" not in section:
                    missing.append(f"{head}: {p['name']}")
    assert not missing, "docs/api.md is missing: " + "; ".join(missing)
