"""Place mentions: the spans of a report that name a place ("la base aérienne d'Ain al-Asad",
"the Mosul Dam", "in Sangin", the dateline's city), before any is looked up in the gazetteer
(that is `resolve.places`'s work).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from ..knowledge import lexicon, name_particles
from ..model import Place
from ..text.lexmatch import PhraseIndex, TokenKeys
from ..text.normalize import fold

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class PlaceMention:
    start: int  # token span of the name
    end: int
    name: str
    feature: Optional[str] = None  # airbase, dam, base, village...
    near: bool = False
    country: Optional[str] = None  # set when the name is a country
    locative: bool = False  # introduced as a place ("en Syrie", "in Iraq"), not as an actor
    place: Optional[Place] = None
    context: Optional["PlaceMention"] = None  # "à l'ouest de Bagdad", "à Erbil"
    span_start: int = 0  # token span including the feature words
    span_end: int = 0
    toward: Optional[Place] = None  # a country's area a compass point names ("northern Mozambique")


@dataclass(frozen=True)
class PlaceWords:
    """A language's place words as sets, built once per language."""
    locative: frozenset[str]  # "in", "en": what comes before a place named as where things happen
    prepositions: frozenset[str]  # after which a name the NER missed may be a place
    of: frozenset[str]  # "of", "de": joins a place word to its name
    directions: dict[str, str]  # "northeastern", "nordest" -> "northeast" (hyphens dropped)
    conjunctions: frozenset[str]  # "and", "et": join the names of a list


@functools.cache
def place_words(language: str) -> PlaceWords:
    words = lexicon(language).places
    sets = (frozenset(fold(w) for w in ws) for ws in (words.locative, words.prepositions, words.of))
    directions = {compass_key(w): point for point, ws in words.directions.items() for w in ws}
    return PlaceWords(*sets, directions, frozenset(fold(w) for w in lexicon(language).conjunctions))


def compass_key(text: str) -> str:
    return fold(text).replace("-", "").replace(" ", "")


def direction_before(doc: Doc, i: int) -> Optional[tuple[str, int]]:
    """ "southeast Lebanon", "north-eastern Nigeria", "the north of Mali", "le nord-est du Nigeria",
    "l'est de la RDC": the compass point that qualifies the name at token `i`, and the token its
    words start at."""
    words = place_words(doc.lang_)
    j = i - 1
    while j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    if j > 0 and is_of(doc[j]):  # a noun: "the north of", "le nord du" (after a determiner)
        found = _compass_ending(doc, j - 1, words)
        if found and found[1] > 0 and doc[found[1] - 1].pos_ == "DET":
            return found[0], found[1] - 1
        return None
    found = _compass_ending(doc, i - 1, words)  # an adjective: "southeast Lebanon", "northern Mozambique"
    return found if found and doc[found[1]].text.islower() else None


def _compass_ending(doc: Doc, end: int, words: PlaceWords) -> Optional[tuple[str, int]]:
    """The compass word that ends at token `end` ("north - east" is one), and where it starts."""
    if end < 0:
        return None
    if end >= 2 and doc[end - 1].text == "-":
        point = words.directions.get(compass_key(doc[end - 2].text + doc[end].text))
        if point:
            return point, end - 2
    point = words.directions.get(compass_key(doc[end].text))
    return (point, end) if point else None


def preceded_by(doc: Doc, i: int, words) -> bool:
    """The word before token `i`, past its determiners, is one of `words` ("in the", "contre le")."""
    j = i - 1
    while j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    return j >= 0 and doc[j].lower_ in words


def is_locative(doc: Doc, i: int) -> bool:
    """A country or place named as where things happen ("en Syrie", "in Iraq", "in northern
    Mozambique", "dans le nord du Mali"), not as an actor."""
    direction = direction_before(doc, i)
    return preceded_by(doc, direction[1] if direction else i, place_words(doc.lang_).locative)


def name_before(doc: Doc, i: int) -> bool:
    """A capitalised name and a comma just before token `i`: "Yenimahalle, Ankara"."""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper() and doc[i - 2].pos_ == "PROPN"


def name_after(doc: Doc, end: int) -> bool:
    """A comma and a capitalised name just after a name ending before token `end`: "Sucre, Monagas"."""
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper() and doc[end + 1].pos_ == "PROPN"


def is_of(token) -> bool:
    """ "of", "de", "d'": the word that joins a place word to its name."""
    return fold(token.text) in place_words(token.doc.lang_).of


def proper_name(doc: Doc, i: int, step: int) -> Optional[tuple[int, int]]:
    """The capitalised name that starts at token `i` and runs forwards (`step` 1) or backwards (-1),
    with the particles names hold ("Ain al-Asad", "Mocímboa da Praia")."""
    particles, idx = name_particles(), []
    while 0 <= i < len(doc):
        t = doc[i]
        proper = t.pos_ == "PROPN" or (t.text[:1].isupper() and t.pos_ in ("NOUN", "ADJ", "X"))
        if proper or (idx and t.lower_ in particles and 0 <= i + step < len(doc) and doc[i + step].text[:1].isupper() or t.text == "-"):
            idx.append(i)
            i += step
        else:
            break
    while idx and (doc[idx[-1]].lower_ in particles):
        idx.pop()
    if not idx:
        return None
    return min(idx), max(idx) + 1


def inside_name(doc: Doc, start: int, end: int) -> bool:
    """ "Praia" in "Mocímboa da Praia": a capital's name inside a longer place name."""
    particles = name_particles()
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (before is not None and (before.pos_ == "PROPN" or before.lower_ in particles) and before.text[:1].isupper()
            or before is not None and before.lower_ in particles and start > 1 and doc[start - 2].pos_ == "PROPN"
            or after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())


def people_before_of(doc: Doc, j: int) -> bool:
    """Token `j` is an adjective of a people between an area word and its name ("la région russe de")."""
    return j + 1 < len(doc) and doc[j].pos_ == "ADJ" and is_of(doc[j + 1])


def area_words(span) -> str:
    """An area's words without that adjective: "région de Belgorod" for "région russe de Belgorod"."""
    return "".join(t.text_with_ws for t in span if not people_before_of(t.doc, t.i)).strip()


def feature_places(keys: TokenKeys, features: PhraseIndex) -> list[PlaceMention]:
    """ "base aérienne d'Ain al-Asad", "barrage de Mossoul", "the Mosul Dam", "Harir air base"."""
    doc, out = keys.doc, []
    for f in features.find(keys):
        j = f.end
        if people_before_of(doc, j):
            j += 1  # "la région russe de Belgorod", "la province afghane de Kunar"
        if j < len(doc) and is_of(doc[j]):
            name = proper_name(doc, j + 1, +1)
            if name:
                out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, f.label, span_start=f.start, span_end=name[1]))
                continue
        name = proper_name(doc, f.start - 1, -1)
        if name and f.label not in ("village", "area"):
            out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, f.label, span_start=name[0], span_end=f.end))
        elif name:
            out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, "area", span_start=name[0], span_end=f.end))
    return out


def entity_places(doc: Doc, covered: set[int]) -> list[PlaceMention]:
    """Named entities the NER calls places, or that follow a locative word; `covered` grows."""
    found = []
    for ent in doc.ents:
        if any(i in covered for i in range(ent.start, ent.end)):
            continue
        if ent.label_ not in PLACE_LABELS and (ent.label_ == "NORP" or not is_locative(doc, ent.start)) or not ent.text[:1].isupper():
            continue  # a place's name is capitalised ("dozens of camps" names none); "over the Russian regions": a people
        # "Pobè (Plateau": the NER's span may run into the brackets that name the area
        end = next((t.i for t in ent if t.text in "()" and t.i > ent.start), ent.end)
        found.append(PlaceMention(ent.start, end, doc[ent.start:end].text, span_start=ent.start, span_end=end))
        covered.update(range(ent.start, end))
    return elided_siblings(doc, found)


def elided_siblings(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """ "East and South Darfur", "North and South Kivu": the compass word before "and" names the sibling
    area whose name the coordination left out ("East Darfur"), whether the NER took the words as one
    name or as two."""
    words = place_words(doc.lang_)
    compass = lambda t: t.text[:1].isupper() and compass_key(t.text) in words.directions  # noqa: E731
    joined = lambda t, rest: t.text + ("" if rest.startswith("-") else " ") + rest  # noqa: E731
    alone = {p.start: p for p in found if p.end - p.start == 1}
    out, drop = [], set()
    for p in found:
        i = p.start
        if p.end - i >= 4 and compass(doc[i]) and fold(doc[i + 1].lower_) in words.conjunctions and compass(doc[i + 2]):
            drop.add(id(p))  # one name: "North and South Kivu"
            out += [PlaceMention(i, i + 1, joined(doc[i], doc[i + 3:p.end].text), span_start=i, span_end=i + 1),
                    PlaceMention(i + 2, p.end, doc[i + 2:p.end].text, span_start=i + 2, span_end=p.end)]
        elif i >= 2 and p.end - i >= 2 and compass(doc[i]) and fold(doc[i - 1].lower_) in words.conjunctions and compass(doc[i - 2]):
            drop.update(id(q) for q in [alone.get(i - 2)] if q is not None)  # two: "East" and "South Darfur"
            out.append(PlaceMention(i - 2, i - 1, joined(doc[i - 2], doc[i + 1:p.end].text), span_start=i - 2, span_end=i - 1))
    return [p for p in found if id(p) not in drop] + out


def dateline_place(doc: Doc, body: int, covered: set[int]) -> list[PlaceMention]:
    """The city a dateline names ("KISMAYO, May 10 -"), whatever the NER took it for; `body` is
    the first token after the dateline."""
    end = next((t.i for t in doc[:body] if t.text in (",", "(", "-", "–", "—")), body)
    if end == 0 or any(i in covered for i in range(end)):
        return []
    covered.update(range(end))
    return [PlaceMention(0, end, doc[:end].text, span_start=0, span_end=end)]
