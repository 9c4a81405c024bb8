"""The Arabic layer's C loops, `rasad.arabic._speedups`, when they can be used.

`C` is the module when it was built (by Cython, when rasad was installed
with a C compiler) from a source of this layer's API, else None: not built,
or built from an older source (a stale build whose functions take other
arguments). Each module of the layer then takes its C loop from `C` or keeps
its Python one, which stays the reference the tests hold the C loop to.
"""
from __future__ import annotations

from types import ModuleType

API = 2  # _speedups.API of the source these modules are written for


def _load() -> ModuleType | None:
    try:
        from . import _speedups
    except ImportError:  # not built (no compiler where rasad was installed)
        return None
    return _speedups if getattr(_speedups, "API", 0) >= API else None


C = _load()
