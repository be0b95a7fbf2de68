"""Ingest: read reports from files, directories, JSON Lines and standard input into `Report`s
(or a `Failure` for each one that cannot be read)."""
from ..errors import Failure, InputError
from .readers import Report, read_inputs
from .language import LanguageDetector

__all__ = ["Failure", "InputError", "Report", "read_inputs", "LanguageDetector"]
