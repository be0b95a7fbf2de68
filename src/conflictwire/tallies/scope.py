"""The scope of a tally: where (countries, a region), about whom (the subject) and who gave it
(the source it is attributed to: "the KNCHR says...", "according to X", "selon X", "..., a
précisé l'armée")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..model import Evidence
from ..text.lexmatch import fold
from ..vocab import Category
from .figures import Figure
from .quantities import STOP_PUNCT

Named = tuple[str, Evidence]  # the words that name a source, and where they stand


def countries(r, sent: Span) -> tuple[list[str], list[Evidence]]:
    """The countries of the places the sentence puts things in ("in Sudan", "au Burkina")."""
    codes, evidence = [], []
    for p in r.ctx.places:
        code = p.country or (p.place.country_code if p.place and p.locative else None)
        if sent.start <= p.start < sent.end and code and p.locative and code not in codes:
            codes.append(code)
            evidence.append(r.ctx.evidence("countries", p.start, p.end))
    return codes, evidence


def region(r, sent: Span) -> Optional[str]:
    return next((m.label for m in r.ctx.region_refs if sent.start <= m.start < sent.end), None)


def subject(r, sent: Span) -> Optional[str]:
    """The first actor the sentence names, not a country standing for its state, without the
    words that tie it into the sentence ("auxquels les troupes")."""
    actors = [a for a in r.ctx.actors if sent.start <= a.head < sent.end and a.category != Category.STATE]
    if not actors:
        return None
    span = r.ctx.doc[actors[0].start:actors[0].end]
    while len(span) > 1 and (span[0].pos_ in ("PRON", "ADP", "SCONJ") or span[0].lower_ in r.lex.relatives):
        span = span[1:]
    return span.text


def source(r, sent: Span, fig: Figure) -> Optional[Named]:
    """Who gave the figure: the subject of the verb of saying or counting it depends on ("the
    KNCHR says at least 19...", "UN monitors counted..."), else "according to X", "selon X",
    else the subject of another verb of saying in the sentence ("..., a précisé l'armée")."""
    tok = r.ctx.doc[fig.start]
    for _ in range(10):
        found = speaker_of(r, tok, fig)
        if found:
            return found
        if tok.head.i == tok.i:
            break
        tok = tok.head
    for s in sorted(r.ctx.in_span(r.sources, sent), key=lambda s: abs(s.start - fig.start)):
        phrase = noun_phrase(r, s.end, sent)
        if phrase:
            return phrase
    for t in sent:
        if _speaking(r, t):
            found = speaker_of(r, t, fig)
            if found:
                return found
    return None


def _speaking(r, verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and (fold(verb.lemma_) in r.lex.speaking or fold(verb.text) in r.lex.speaking)


def speaker_of(r, verb: Token, fig: Figure) -> Optional[Named]:
    """The subject of a verb of saying, when it is not part of the figure's own phrase; a
    pronoun stands for the subject of the sentence before."""
    if not _speaking(r, verb):
        return None
    if any(c.dep_ in ("expl:comp", "expl:pv", "expl") or fold(c.text) in r.lex.reflexives for c in verb.children):
        return None  # "ces incidents s'ajoutent aux 40 assauts": not a verb of saying
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and r.lex.words.inverted_incise:
        subjects = _incise_subject(verb)
    for c in subjects:
        if c.left_edge.i <= fig.start <= c.right_edge.i:
            continue
        if c.lower_ in r.lex.pronouns:
            return antecedent(r, c)
        if c.pos_ not in ("NOUN", "PROPN"):
            continue
        return name_phrase(r, c)
    return None


def _incise_subject(verb: Token) -> list[Token]:
    """ ", a précisé l'armée de l'air": the subject of an incise follows its verb, parsed as its object."""
    first = min([verb, *[c for c in verb.children if c.dep_.startswith("aux")]], key=lambda t: t.i)
    if first.i > 0 and verb.doc[first.i - 1].text == ",":
        return [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.i > verb.i][:1]
    return []


def name_phrase(r, c: Token) -> Named:
    """The words that name a speaker ("the U.N. human rights monitoring mission in Ukraine"),
    without determiner and without a relative clause."""
    doc = c.doc
    left = c.left_edge.i
    while left < c.i and is_determiner(r, doc[left]):
        left += 1
    right = c.i + 1
    while right <= c.right_edge.i and doc[right].text not in STOP_PUNCT and doc[right].lower_ not in r.lex.relative_clause:
        right += 1
    return doc[left:right].text, r.ctx.evidence("attributed_to", left, right)


def antecedent(r, pron: Token) -> Optional[Named]:
    """ "It says...": the subject of the sentence before, when it names an organisation."""
    sents = r.ctx.sentences
    k = next((n for n, s in enumerate(sents) if s.start <= pron.i < s.end), 0)
    if k == 0:
        return None
    root = sents[k - 1].root
    subj = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    return name_phrase(r, subj[0]) if subj else None


def noun_phrase(r, start: int, sent: Span) -> Optional[Named]:
    """The name after "according to", "selon": up to a verb or a punctuation mark, without a
    determiner or a preposition at either end."""
    doc = r.ctx.doc
    i = start
    while i < sent.end and is_determiner(r, doc[i]):
        i += 1
    j = i
    while j < sent.end and j - i < 12 and doc[j].text not in STOP_PUNCT and (
            doc[j].pos_ not in ("VERB", "AUX", "PRON", "SCONJ") or (j > i and _named_by_participle(doc, j))):
        j += 1
    # "the health ministry in the Hamas-run territory": not half a compound word, nor a dangling "in the"
    if j < sent.end and j > i and not doc[j - 1].whitespace_ and not doc[j].is_punct:
        while j > i and not doc[j - 1].whitespace_:
            j -= 1
    while j > i and (doc[j - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT") or is_determiner(r, doc[j - 1])):
        j -= 1
    if j == i:
        return None
    return doc[i:j].text, r.ctx.evidence("attributed_to", i, j)


def _named_by_participle(doc, j: int) -> bool:
    """ "Hamas-run": a participle after a capitalised word is part of the name."""
    return doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm") and doc[j - 1].text[:1].isupper()


def is_determiner(r, tok: Token) -> bool:
    """A determiner to leave out of a name ("the UN", "l'ONU"); "UN" itself is no French "un"."""
    if tok.text.isalpha() and tok.text.isupper() and len(tok.text) > 1:
        return False
    return tok.pos_ == "DET" or fold(tok.text) in r.lex.determiners
