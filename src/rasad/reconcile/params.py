"""The reconcile thresholds: `data/reconcile.yaml`, overridable per run.

Loaded in this one place. `Settings.extra["reconcile"]` (a nested mapping
with the file's keys) overrides the shipped values, so a test or a user can
tighten a radius without editing the package.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import LEVELS
from ..settings import Settings

DATA_FILE = Path(__file__).parent / "data" / "reconcile.yaml"
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Params:
    event_km: float
    event_days: int
    event_container_rank: int
    incident_km: float
    incident_days: int
    incident_container_rank: int
    total_km: float
    total_gap_days: int
    total_container_rank: int
    total_min_days: int
    total_end_slack_days: int
    max_pairs_per_group: int
    tol_relative: float
    tol_absolute: int
    confirmed_min_sources: int
    fair_min_sources: int
    independent_types: frozenset[str]
    belligerent_sides: frozenset[str]
    date_min_count: int
    date_base_confidence: float
    date_per_match: float
    date_max_confidence: float
    date_event_confidence: float

    def disagree(self, a_lo: float, a_hi: float, b_lo: float, b_hi: float) -> bool:
        """Two counts (as intervals) differ beyond the tolerance (relative AND absolute)."""
        gap = max(b_lo - a_hi, a_lo - b_hi, 0.0)
        if gap == 0:
            return False
        top = max(a_lo, b_lo, min(a_hi, b_hi))
        return gap > self.tol_absolute and gap > self.tol_relative * top


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


@lru_cache(maxsize=1)
def _shipped() -> dict:
    with DATA_FILE.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def params_from(data: dict) -> Params:
    e, c, t, g, d = data["events"], data["claims"], data["tolerance"], data["grades"], data["dates"]
    return Params(
        event_km=float(e["max_km"]), event_days=int(e["max_days"]),
        event_container_rank=LEVEL_RANK[e["container_max_level"]],
        incident_km=float(c["incident_max_km"]), incident_days=int(c["incident_max_days"]),
        incident_container_rank=LEVEL_RANK[c["incident_container_max_level"]],
        total_km=float(c["total_max_km"]), total_gap_days=int(c["total_gap_days"]),
        total_container_rank=LEVEL_RANK[c["total_container_max_level"]],
        total_min_days=int(c["total_min_days"]), total_end_slack_days=int(c["total_end_slack_days"]),
        max_pairs_per_group=int(c["max_pairs_per_group"]),
        tol_relative=float(t["relative"]), tol_absolute=int(t["absolute"]),
        confirmed_min_sources=int(g["confirmed_min_sources"]), fair_min_sources=int(g["fair_min_sources"]),
        independent_types=frozenset(data["independent_types"]),
        belligerent_sides=frozenset(data["belligerent_sides"]),
        date_min_count=int(d["min_count"]), date_base_confidence=float(d["base_confidence"]),
        date_per_match=float(d["per_match"]), date_max_confidence=float(d["max_confidence"]),
        date_event_confidence=float(d["event_confidence"]),
    )


def load_params(settings: Settings | None = None) -> Params:
    """The shipped thresholds with `settings.extra["reconcile"]` laid over them."""
    data = _shipped()
    over = (settings.extra or {}).get("reconcile") if settings else None
    if over:
        data = _merge(data, over)
    return params_from(data)
