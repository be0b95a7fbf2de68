"""Ingest: read reports from files, directories, JSON Lines and standard input into `Report`s."""
from .readers import InputError, Report, read_inputs
from .language import LanguageDetector

__all__ = ["InputError", "Report", "read_inputs", "LanguageDetector"]
