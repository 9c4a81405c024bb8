"""Exports: the evaluation JSONL (and, with reconciliation, ACLED/UCDP CSV, GeoJSON, Parquet)."""
from .evaljson import eval_record, full_record

__all__ = ["eval_record", "full_record"]
