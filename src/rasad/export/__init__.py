"""Exports: the evaluation JSONL (and, with reconciliation, ACLED/UCDP CSV, GeoJSON, Parquet)."""
from ..lazy import lazy_exports
from .evaljson import eval_record, full_record

__all__ = ["eval_record", "full_record"]

# The reconciliation exports (issue 6) are imported on first use: they read the store (SQLAlchemy), which
# `rasad extract` and its evaluation records never need.
_LAZY = {
    "ACLED_COLUMNS": "acled", "acled_rows": "acled", "write_acled": "acled",
    "feature_collection": "geojson", "write_geojson": "geojson",
    "write_parquet": "parquet",
    "UCDP_COLUMNS": "ucdp", "ucdp_rows": "ucdp", "write_ucdp": "ucdp",
}
__all__ += ["ACLED_COLUMNS", "UCDP_COLUMNS", "acled_rows", "feature_collection", "ucdp_rows", "write_acled",
            "write_geojson", "write_parquet", "write_ucdp"]


__getattr__ = lazy_exports(__name__, _LAZY)
