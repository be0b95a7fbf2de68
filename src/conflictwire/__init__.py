"""conflictwire: news reports in, sourced ACLED-style event, statement and tally records out."""
from .model import Actor, Article, Event, Evidence, Extraction, Place, Statement, Tally

__version__ = "0.1.0"
__all__ = ["Actor", "Article", "Event", "Evidence", "Extraction", "Place", "Statement", "Tally", "__version__"]
