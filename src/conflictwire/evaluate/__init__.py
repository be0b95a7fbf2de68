"""Measuring extraction against gold: the scorer, gold and prediction files, ACLED exports as
gold, and the quality gate."""
from .scorer import DocResult, field_results, pair_events, score, why_missed

__all__ = ["DocResult", "field_results", "pair_events", "score", "why_missed"]
