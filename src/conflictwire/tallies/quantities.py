"""What a figure counts, normalised to the lexicon's quantity labels (`vocab.TallyQuantity`).

Its own noun ("40 attaques", "2,500 homicides"), what happened to the people it counts ("300
people have been arrested", "200 personnes ont été interpellées"), a verb of which it is the
object ("has killed more than 6,000 people"), a weapon and what was done with it ("143 drones
launched", "118 of the drones were shot down"), a verb repeated N times ("violated the ceasefire
500 times"), or, left out, the noun of the figure before ("..., including 24,000 in the capital").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ..text.lexmatch import Match, fold
from ..vocab import Launch, TallyQuantity
from .figures import Figure, figures
from .report import CASES, TIMES, WEAPON

STOP_PUNCT = {",", ";", ":", ".", "(", ")", "—", "–", "?", "!"}
QUOTES = {"«", "»", '"', "“", "”", "'", "‘", "’"}
PEOPLE = {TallyQuantity.PROTESTERS, TallyQuantity.DISPLACED}  # nouns for people, which something else may befall
FATES = {TallyQuantity.KILLED, TallyQuantity.INJURED, TallyQuantity.ARRESTED, TallyQuantity.DETAINED,
         TallyQuantity.ABDUCTED, TallyQuantity.DEPORTED, TallyQuantity.SURRENDERED, TallyQuantity.DISPLACED}


@dataclass
class Quantity:
    label: str
    start: int  # token span of the words that say what is counted
    end: int


NOTHING = Quantity("", 0, 0)  # the words after a figure say it counts nothing: look no further


def is_weapon_launch(label: str) -> bool:
    """ "drones launched", "missiles intercepted": weapons counted with what was done with them."""
    return " " in label and label.rsplit(" ", 1)[1] in set(Launch)


def counted(r, sent: Span) -> list[tuple[Figure, Quantity]]:
    """The sentence's figures with what each counts; a figure that counts nothing is left out."""
    out: list[tuple[Figure, Quantity]] = []
    found = figures(r, sent)
    limits = [f.start for f in found[1:]] + [sent.end]
    own = [quantity_of(r, sent, fig, nxt) for fig, nxt in zip(found, limits)]
    for k, (fig, nxt) in enumerate(zip(found, limits)):
        qty = own[k]
        if qty is None and out and elided(r, sent, fig):
            qty = Quantity(_elided_label(r, out[-1][1].label, fig, nxt), fig.start, fig.end)
        if qty is None and k + 1 < len(found) and own[k + 1] is not None and coordinated(r, fig, found[k + 1]):
            qty = Quantity(own[k + 1].label, fig.start, fig.end)  # "18 policemen and nine civilians killed"
        if qty is not None:
            out.append((fig, qty))
    return out


def coordinated(r, fig: Figure, nxt: Figure) -> bool:
    """ "18 policiers et neuf civils tués": two figures joined by "and", with no verb or
    punctuation between them, share what the second counts."""
    between = r.ctx.doc[fig.end:nxt.start]
    return any(t.pos_ == "CCONJ" for t in between) and \
        not any(t.text in STOP_PUNCT or t.pos_ in ("VERB", "AUX") for t in between)


def _elided_label(r, label: str, fig: Figure, nxt: int) -> str:
    """What a figure without its noun counts: the figure before's, but "80 drones, dont 65 ont
    été abattus" are the same weapons, perhaps with another fate."""
    if not is_weapon_launch(label):
        return label
    action = [a for a in r.launches if fig.end <= a.start < nxt and not _stop_between(r, fig.end, a.start)]
    return label.rsplit(" ", 1)[0] + " " + action[0].label if action else label


def _stop_between(r, start: int, end: int) -> bool:
    return any(r.ctx.doc[k].text in STOP_PUNCT for k in range(start, end))


def _after_of(r, j: int) -> bool:
    """The word before token `j` is "of", "de", "des"...: token `j` is a noun."""
    return fold(r.ctx.doc[j - 1].text) in r.lex.of_or_article


def quantity_of(r, sent: Span, fig: Figure, limit: int) -> Optional[Quantity]:
    """What the figure counts: the first quantity word after it in its clause, else the verb
    it is the object of ("has killed more than 6,000 people")."""
    found = _forwards(r, sent, fig, limit)
    if found is NOTHING:
        return None
    return found or _backwards(r, sent, fig)


def _forwards(r, sent: Span, fig: Figure, limit: int) -> Optional[Quantity]:
    """The first quantity word after the figure, before its clause ends; `NOTHING` when a word
    that needs another beside it ("times", "cases", a weapon) has none."""
    doc, lex = r.ctx.doc, r.lex
    j, stop = fig.end, min(limit, sent.end, fig.end + 12)
    passed_noun = False  # "12 buildings in the refugee camp": once past the counted noun, only its verb
    while j < stop:
        tok = doc[j]
        if tok.text in STOP_PUNCT or fold(tok.text) in lex.subordinators or tok.lower_ in lex.vague_plurals:
            return None
        if passed_noun and _verb_conjunct(doc, j, stop):
            return None  # "killed 9,000 people and displaced 600,000": the next verb is another count's
        m = r.quantity_matches.get(j)
        if m is None:
            passed_noun = passed_noun or tok.pos_ in ("NOUN", "PROPN")
            j += 1
            continue
        first = doc[m.start]
        nominal = first.pos_ in ("NOUN", "PROPN") or (j > fig.end and _after_of(r, j))
        if passed_noun and nominal:
            j = m.end
            continue
        label = _label(r, m, sent, fig, stop)
        if label in PEOPLE and first.pos_ in ("NOUN", "PROPN"):
            # "42 protesters were arrested", "200 réfugiés ont été tués": what befell them
            fate = _fate(r, m.end, stop)
            if fate:
                return Quantity(fate.label, min(fig.start, m.start), max(fig.end, fate.end))
        if label:
            return Quantity(label, min(fig.start, m.start), max(fig.end, m.end))
        if m.label.startswith("@"):
            return NOTHING  # "40 times", "150 cases" or "drones" with nothing beside them
        j = m.end
    return None


def _backwards(r, sent: Span, fig: Figure) -> Optional[Quantity]:
    """ "has killed more than", "pushed back some", "a fait plus de": a verb before the figure;
    or a noun whose complement it is ("the deaths of 12,480", "le déplacement de 1,8 million")."""
    doc = r.ctx.doc
    for j in range(fig.start - 1, max(sent.start, fig.start - 5) - 1, -1):
        if doc[j].text in STOP_PUNCT:
            return None
        m = r.quantity_at.get(j)
        if m and not m.label.startswith("@") and m.label != TallyQuantity.PROTESTERS \
                and (doc[m.end - 1].pos_ in ("VERB", "AUX", "ADP", "ADV", "PART") or _noun_of(r, m)):
            return Quantity(m.label, m.start, fig.end)
    return None


def _noun_of(r, m: Match) -> bool:
    """ "the deaths of", "la mort de": a noun followed by "of", whose complement is the figure."""
    return m.end < len(r.ctx.doc) and fold(r.ctx.doc[m.end].text) in r.lex.of


def _verb_conjunct(doc, j: int, stop: int) -> bool:
    """Token `j` joins a verb to what came before ("... people and displaced"): another clause."""
    return doc[j].pos_ == "CCONJ" and j + 1 < stop and doc[j + 1].pos_ == "VERB"


def _fate(r, start: int, stop: int) -> Optional[Match]:
    """A verb or participle saying what befell the people a figure counts, in its clause."""
    doc = r.ctx.doc
    for j in range(start, stop):
        if doc[j].text in STOP_PUNCT or fold(doc[j].text) in r.lex.subordinators:
            return None
        m = r.quantity_matches.get(j)
        if m and m.label in FATES and doc[m.start].pos_ in ("VERB", "ADJ", "AUX") and not _after_of(r, m.start):
            return m
    return None


def _label(r, m: Match, sent: Span, fig: Figure, stop: int) -> Optional[str]:
    """The quantity a match names; "times", "cases" and weapons need a word beside them."""
    if not m.label.startswith("@"):
        return m.label
    if m.label == TIMES:  # "attaquées au moins 40 fois", "violated the ceasefire 500 times"
        verb = _last_before(r.repeated, fig.start, sent, back=8)
        return verb.label if verb else None
    if m.label == CASES:  # "150 cases of sexual violence"
        kind = r.lex.case_types.find(r.ctx.keys, m.end, min(sent.end, m.end + 8))
        return kind[0].label if kind else None
    weapon = m.label[len(WEAPON):]  # "143 drones", "118 of the drones were shot down"
    action = _action(r, m, fig, sent, stop)
    return f"{weapon} {action}" if action else None


def _action(r, m: Match, fig: Figure, sent: Span, stop: int) -> Optional[str]:
    """What was done with the weapons a figure counts: the verb after them in their clause,
    else the verb they are the object of (through coordination: "launched 143 drones and
    six missiles"), else one just before the figure."""
    for a in r.launches:
        if m.end <= a.start < stop and not _stop_between(r, m.end, a.start):
            return a.label
    tok = r.ctx.doc[m.end - 1]
    seen = 0
    while tok.head.i != tok.i and seen < 6:
        tok = tok.head
        seen += 1
        for a in r.launches:
            if a.start <= tok.i < a.end:
                return a.label
    before = [a for a in r.launches if sent.start <= a.start < fig.start and fig.start - a.end <= 10]
    return before[-1].label if before else None


def _last_before(matches: list[Match], start: int, sent: Span, back: int) -> Optional[Match]:
    cands = [m for m in matches if max(sent.start, start - back) <= m.start < start]
    return cands[-1] if cands else None


def elided(r, sent: Span, fig: Figure) -> bool:
    """ "..., dont 24 000 dans la capitale", "..., including 24,000 in the capital", "..., 97 of
    them children"."""
    return fig.end in r.ellipsis_after or \
        any(m.end == fig.start or (m.end == fig.start - 1 and r.ctx.doc[m.end].lower_ in QUOTES)
            for m in r.ellipsis if sent.start <= m.start)
