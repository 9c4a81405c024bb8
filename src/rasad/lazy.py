"""Names a package re-exports from a module it imports only when one of them is first used (PEP 562),
so that importing the package does not pay for a heavy dependency (SQLAlchemy, trafilatura) that
most of its users never need."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, where: dict[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package` giving each name of `where` from the submodule it maps to
    (`{"Store": "db"}`: `package.Store` is `package.db.Store`), imported on first use."""
    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    return __getattr__
