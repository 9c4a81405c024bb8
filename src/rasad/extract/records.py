"""Building the frozen records of `rasad.model` quickly, as the Arabic layer builds its tokens.

A frozen slots dataclass sets each field in its generated `__init__` through
`object.__setattr__` (a claim has twenty fields, an event twenty-four).
`builder(cls)` returns a function with the same signature as `cls` that fills
the slots of a mutable twin class (same slots, same layout) with plain stores
and then makes the object a `cls`: the result is a `cls`, equal to `cls(...)`
field for field and frozen like it. Classes with a `__post_init__`, default
factories or fields outside `__init__` get `cls` itself.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable


def builder(cls: type) -> Callable[..., Any]:
    if not dataclasses.is_dataclass(cls):
        return cls
    fields = dataclasses.fields(cls)
    names = tuple(f.name for f in fields)
    if (getattr(cls, "__slots__", None) != names or hasattr(cls, "__post_init__") or any(not f.init for f in fields)
            or any(f.default_factory is not dataclasses.MISSING for f in fields)):
        return cls
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names})
    defaults = {f"_d_{f.name}": f.default for f in fields if f.default is not dataclasses.MISSING}
    params = ", ".join(f"{n}=_d_{n}" if f"_d_{n}" in defaults else n for n in names)
    body = "".join(f"    o.{n} = {n}\n" for n in names)
    source = f"def build({params}):\n    o = _new(_twin)\n{body}    o.__class__ = _cls\n    return o\n"
    namespace: dict[str, Any] = {"_new": object.__new__, "_twin": twin, "_cls": cls, **defaults}
    exec(source, namespace)  # noqa: S102 - our own generated code, as dataclasses does
    build = namespace["build"]
    build.__name__ = build.__qualname__ = f"build_{cls.__name__}"
    build.__doc__ = f"`{cls.__name__}(...)`, built through a same-layout twin."
    return build


__all__ = ["builder"]
