"""What can go wrong, in one place: the exceptions conflictwire raises, and the record of a
report that failed.

Every exception conflictwire raises on purpose is a `ConflictwireError`, so one
`except ConflictwireError` catches them all; each message says what to do next.

    ConflictwireError
    ├── InputError           a report cannot be read: not a string, empty, binary, not UTF-8,
    │                        too large, a malformed JSON line, an impossible date, a language
    │                        without a pipeline
    ├── ExtractionError      a stage failed on a report (the stage's exception is its __cause__)
    ├── ModelError           a language's spaCy pipeline is not installed
    ├── KnowledgeError       a packaged or user data file is missing, malformed or contradictory
    ├── GazetteerError       no gazetteer of the current version: run `conflictwire gazetteer build`
    ├── GeonamesImportError  a GeoNames dump cannot be imported (names the file and line)
    └── AcledError           a file cannot be read as an ACLED export

The classes that were `ValueError`s before (InputError, KnowledgeError, GeonamesImportError,
AcledError) still are, so older `except ValueError` code keeps working.

A batch never stops for one bad report: readers and `Extractor.run` yield a `Failure` for it
(with the exception kept), and go on with the others.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

__all__ = ["ConflictwireError", "InputError", "ExtractionError", "ModelError", "KnowledgeError", "GazetteerError",
           "GeonamesImportError", "AcledError", "Failure", "STAGES"]


class ConflictwireError(Exception):
    """The base of every error conflictwire raises on purpose."""


class InputError(ConflictwireError, ValueError):
    """A report cannot be read or cannot be analysed as given."""


class ExtractionError(ConflictwireError):
    """A stage failed on a report; the stage's own exception is the `__cause__`."""


class ModelError(ConflictwireError):
    """A language's spaCy pipeline is not installed."""


class KnowledgeError(ConflictwireError, ValueError):
    """A data file is missing, malformed or contradicts itself."""


class GazetteerError(ConflictwireError):
    """The gazetteer file is missing, unreadable or of another version."""


class GeonamesImportError(ConflictwireError, ValueError):
    """A file could not be imported: the message names the file and, where it applies, the line."""


class AcledError(ConflictwireError, ValueError):
    """The file cannot be read as an ACLED export at all."""


# Where a report can fail, in the order it goes through them.
STAGES = ("read", "language", "nlp", "extract")


@dataclass
class Failure:
    """A report that could not be extracted: where it came from, why, at which stage, and the
    exception itself (with its traceback when it was raised) for whoever debugs it."""
    source: str
    reason: str
    stage: str = "read"
    error: Optional[BaseException] = None

    def __str__(self) -> str:  # one line, as the CLI prints it
        return f"{self.source}: {self.reason}"

    @classmethod
    def bad_input(cls, source: str, reason: str, stage: str = "read",
                  cause: Optional[BaseException] = None) -> "Failure":
        """A report refused before analysis; `cause` is the exception that revealed the problem."""
        error = InputError(f"{source}: {reason}")
        error.__cause__ = cause
        return cls(source, reason, stage, error)

    def exception(self) -> ConflictwireError:
        """The failure as one exception to raise: the InputError of a refused report, or an
        ExtractionError caused by what a stage raised."""
        if isinstance(self.error, ConflictwireError):
            return self.error
        error = ExtractionError(str(self))
        error.__cause__ = self.error
        return error
