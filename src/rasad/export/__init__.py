"""Exports: the evaluation JSONL (and, with reconciliation, ACLED/UCDP CSV, GeoJSON, Parquet)."""
from .evaljson import eval_record, full_record

__all__ = ["eval_record", "full_record"]
from .acled import ACLED_COLUMNS, acled_rows, write_acled  # noqa: E402  (reconcile exports, issue 6)
from .geojson import feature_collection, write_geojson  # noqa: E402
from .parquet import write_parquet  # noqa: E402
from .ucdp import UCDP_COLUMNS, ucdp_rows, write_ucdp  # noqa: E402

__all__ += ["ACLED_COLUMNS", "UCDP_COLUMNS", "acled_rows", "feature_collection", "ucdp_rows", "write_acled",
            "write_geojson", "write_parquet", "write_ucdp"]
