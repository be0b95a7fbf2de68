"""The HTTP API and the dashboard over the store (`conflictwire serve`)."""
from .app import create_app

__all__ = ["create_app"]
