"""The folds text is compared in, one function each, used everywhere:

- `fold`: a token as lexicons match it (lower case, plain apostrophes and dashes, accents kept);
- `ascii_fold`: a name as the gazetteer keys it (lower-case ASCII, accents dropped, spaces kept);
- `strip_accents`: the same letters without their accents, case kept;
- `name_key`: a name as actor aliases are compared (ASCII, no case, punctuation, spaces or
  leading article).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

SPACES = re.compile(r"\s+")
NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Apostrophes and hyphens that ASCII folding would drop: kept, so "Al‑Mawsil" loses its article.
PUNCTUATION = str.maketrans({c: "'" for c in "’‘ʼʻ`´"} | {c: "-" for c in "‐‑‒–—―"})


def fold(word: str) -> str:
    """Lower case, typographic apostrophes and dashes made plain."""
    return word.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("‑", "-")


def ascii_fold(name: str) -> str:
    """Lower-case ASCII, accents dropped, spaces kept (the form generic words are matched on)."""
    if name.isascii():
        s = name.lower()
    else:
        s = unicodedata.normalize("NFKD", name.translate(PUNCTUATION))
        s = s.encode("ascii", "ignore").decode().lower()
    return SPACES.sub(" ", s).strip()


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def leading_article(articles: Iterable[str]) -> re.Pattern:
    """A pattern for one of `articles` at the start of a folded name ("the ", "l'")."""
    elided = [a for a in articles if a.endswith("'")]
    spaced = [a for a in articles if not a.endswith("'")]
    alternatives = [rf"(?:{'|'.join(map(re.escape, spaced))})\s+"] if spaced else []
    alternatives += [rf"{re.escape(a[:-1])}['’]\s*" for a in elided]
    return re.compile(rf"^(?:{'|'.join(alternatives)})")


def name_key(name: str, article: re.Pattern) -> str:
    """The form names are compared in: no accents, case, punctuation, spaces or leading `article`."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = article.sub("", s.strip())
    return NON_ALNUM.sub("", s)
