"""Numbers as reports write them: in digits ("4,000", "1 200", "1,5"), in words ("trois",
"twenty-one"), and as round amounts ("une dizaine", "a dozen", "dozens"). Casualty counts and
tallies both read their numbers here.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token
from text_to_num import text2num

DIGITS = re.compile(r"^\d+(?:[.,\u202f\u00a0 ]\d+)*$")
GROUPED = re.compile(r"^\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+$")
RANGE = re.compile(r"^(\d+)\s*[-–]\s*\d+$")


def digits_value(text: str) -> Optional[float]:
    """ "4,000" -> 4000, "1 200" -> 1200, "1,5" (fr) / "1.5" (en) -> 1.5, "12" -> 12."""
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    if GROUPED.match(text):
        return float(re.sub(r"\D", "", text))
    if re.match(r"^\d+$", text):
        return float(text)
    m = re.match(r"^(\d+)[.,](\d{1,2})$", text)
    if m:
        return float(f"{m.group(1)}.{m.group(2)}")
    return None


def number_value(token: Token, vague: dict[str, int], language: str) -> Optional[int]:
    """The integer a token stands for: "12", "1-2" (the lower), "trois", "twenty-one", "dozen"."""
    digits = digits_value(token.text)
    if digits is not None:
        return int(digits) if digits == int(digits) and digits < 1_000_000 else None
    text = token.text.lower().replace(",", "").replace("\u202f", "").replace(" ", "")
    m = RANGE.match(text)
    if m:
        return int(m.group(1))
    if text in vague:
        return vague[text]
    if token.like_num or token.pos_ == "NUM":
        try:
            return int(text2num(text, language))
        except (ValueError, TypeError):
            return None
    return None


def phrase_value(tokens: list[Token], vague: dict[str, int], language: str) -> Optional[tuple[int, Token]]:
    """A vague amount spelled over several words ("une dizaine de", "a dozen", "dozens of")."""
    for n in (3, 2):
        for i in range(len(tokens) - n + 1):
            words = " ".join(t.lower_ for t in tokens[i:i + n])
            if words in vague:
                return vague[words], tokens[i]
    return None
