"""Events: from a parsed report to ACLED-style event records (extract.py runs the stages)."""
from .extract import extract_events

__all__ = ["extract_events"]
