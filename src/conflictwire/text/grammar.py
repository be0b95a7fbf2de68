"""Small facts of grammar read off a parse, the same in every language (the labels and features
are the parsers' own)."""
from __future__ import annotations

from spacy.tokens import Token


def determined(noun: Token) -> bool:
    """The noun has "the", "this", "les", "cette": it names something told before ("the two
    drones", "cette accusation")."""
    return any(d.dep_ == "det" and ("Def" in d.morph.get("Definite") or "Dem" in d.morph.get("PronType"))
               for d in noun.children)
