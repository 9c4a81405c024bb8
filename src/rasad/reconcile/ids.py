"""Stable ids for groups and merged events, and the change log of merges and splits.

A recomputed component keeps the id most of its members had before (the
larger component wins when an old id's members are now spread over several:
the others are *split* off under new ids). A component holding members of
several old ids keeps one and logs the others as *merged* into it. A new
component's id is a hash of its first member's key, so re-running from
scratch on the same data gives the same ids.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field


@dataclass(slots=True)
class Change:
    action: str  # new | merge | split | drop
    entity_id: str
    others: list[str] = field(default_factory=list)


def new_id(prefix: str, key: str, taken: set[str]) -> str:
    h = hashlib.sha1(key.encode("utf-8")).hexdigest()
    n = 10
    while f"{prefix}{h[:n]}" in taken and n < 40:
        n += 2
    return f"{prefix}{h[:n]}"


def assign(components: list[list], prefix: str, taken: set[str]) -> tuple[list[str], list[Change], set[str]]:
    """Ids for each component (members have `.old` and `.key`), the changes, and the old ids now gone.

    `taken`: ids in use outside these components (they are never reused).
    """
    ids: list[str | None] = [None] * len(components)
    changes: list[Change] = []
    olds = [Counter(m.old for m in comp if m.old) for comp in components]
    all_old = set().union(*olds) if olds else set()
    used = set(taken) | all_old
    claimed: dict[str, int] = {}
    order = sorted(range(len(components)), key=lambda i: (-len(components[i]), min(m.key for m in components[i])))
    for i in order:
        for old, _n in sorted(olds[i].items(), key=lambda kv: (-kv[1], kv[0])):
            if old not in claimed:
                claimed[old] = i
                ids[i] = old
                break
    split_from: dict[str, list[str]] = {}
    for i in order:
        if ids[i] is None:
            nid = new_id(prefix, min(m.key for m in components[i]), used)
            used.add(nid)
            ids[i] = nid
            if olds[i]:
                top = sorted(olds[i].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                split_from.setdefault(top, []).append(nid)
            else:
                changes.append(Change("new", nid))
        absorbed = sorted(o for o in olds[i] if o != ids[i] and claimed.get(o) != i and o not in split_from)
        absorbed = [o for o in absorbed if o not in claimed]
        if absorbed:
            changes.append(Change("merge", ids[i], absorbed))
    for old, new in split_from.items():
        changes.append(Change("split", old, sorted(new)))
    gone = all_old - set(claimed)
    merged = {o for c in changes if c.action == "merge" for o in c.others}
    for o in sorted(gone - merged - set(split_from)):
        changes.append(Change("drop", o))
    return [str(x) for x in ids], changes, gone
