"""Places: which of a report's place mentions are places, and where each lies.

The report's mentions (find.places) are looked up in the gazetteer, among the countries the report
names or, when it names none, in the country most of its places lie in ("consensus"). Names the
NER missed are recovered after prepositions and in lists ("Tula, Kaluga and Smolensk": places of
their own, never each other's areas); "the town", "cette localité" name the last town again; a
place that closely follows another ("X, à l'ouest de Y", "X (district, province)") qualifies it,
and the areas a place is named with choose its country first, the place among theirs.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from ..find.actors import ActorMention
from ..find.places import (PlaceMention, area_words, compass_key, dateline_place, entity_places, feature_places,
                           is_locative, name_before, place_words, proper_name)
from ..gazetteer.keys import place_key, strip_generic
from ..gazetteer.query import Candidate, Gazetteer, km, neighbours
from ..knowledge import lexicon, territories
from ..model import Place
from ..text.lexmatch import Match, TokenKeys
from ..text.normalize import fold
from ..text.numbers import number_value
from ..vocab import Category
from .parts import names_a_quarter, near_its_reference, quarters_in_town, toward, town_part

FEATURE_CODES = {"AIRB", "AIRF", "AIRP", "AIRH", "MILB", "DAM", "BDG", "CMP", "CMPRF", "CSTM"}  # features named by kind
AREA_KM = 100.0  # how far from a town or district named as its area a place may lie
AREA_GAP = 8  # tokens at most between a place and the area named after it ("X (Y district, Z)")
TIE_BREAK = 0.4  # the vote of a demonym or a group's home country among places' votes (each place: 1)
FAR_KM = 50  # a town named this far from where things happened is a reference, not the place
DISTANCE_REACH = 8  # tokens from a distance to the town it is counted from ("à 450 km à l'est de la capitale Bangui")
INNER_VOTE = 0.5  # the vote of a place named with the area it lies in, among that area's countries


def lies_within(place: Candidate | Place, area: Place) -> bool:
    """Whether a place may lie in an area the report names beside it: in its country; in its
    first-level area when the area is one; within AREA_KM of a town or district (or in its
    first-level area)."""
    if place.country_code != area.country_code:
        return False
    if (area.geo_precision or 1) >= 3 and not area.admin1:
        return True  # a country
    same_admin1 = bool(area.admin1) and place.admin1 == area.admin1
    if (area.geo_precision or 1) >= 3:
        return same_admin1
    return same_admin1 or place.latitude is not None and km((place.latitude, place.longitude), (area.latitude, area.longitude)) <= AREA_KM


def follows_landmark(landmarks, keys, start: int) -> bool:
    """ "à la frontière avec le Venezuela", "near the border with Uganda": a place named as a
    reference for where things happened (its name at `start`) is not where they happened."""
    before = landmarks.find(keys, max(0, start - 5), start)
    return bool(before and before[-1].end >= start - 1)


def focus_country(doc: Doc, country_refs: list[Match]) -> Optional[str]:
    """The country the report names most, a name used as a place counting three times."""
    counts: Counter = Counter()
    for m in country_refs:
        kind, code = m.label.split(":")
        counts[code] += 3 if kind == "name" and is_locative(doc, m.start) else 1
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class PlaceReader:
    """What the place decision needs from one report, and what it settles (`focus`, `consensus`)."""
    keys: TokenKeys
    tools: object  # context.LanguageTools
    gazetteer: Gazetteer
    actors: list[ActorMention]
    triggers: list[Match]
    time_tokens: set[int]  # tokens inside time expressions: "on Thursday" is no island
    country_refs: list[Match]
    mentioned: set[str]  # countries the report's places may lie in
    focus: Optional[str]
    body: int  # the first token after the dateline (0 without one)
    consensus: Optional[str] = None
    _trigger_near: set[int] = field(default_factory=set)
    _lists: dict[int, int] = field(default_factory=dict)  # id(place) -> the list it is named in

    @property
    def doc(self) -> Doc:
        return self.keys.doc

    def read(self) -> list[PlaceMention]:
        doc = self.doc
        # A named group is not a place ("Islamic State", "Forces démocratiques syriennes").
        groups = {i for a in self.actors if a.category == Category.GROUP for i in range(a.start, a.end)}
        # nor the people a base belongs to ("an Afghan army base", "une base militaire malienne")
        demonyms = {i for m in self.country_refs if m.label.startswith("demonym") for i in range(m.start, m.end)}
        features = [p for p in feature_places(self.keys, self.tools.features) if not (groups | demonyms) & set(range(p.start, p.end))]
        covered = {i for p in features for i in range(p.start, p.end)} | groups
        # nor is a capital standing for its government ("as Moscow pressed on with its strikes")
        # (but a capital an attack is aimed at is a place: "des drones qui visaient Port-Soudan")
        struck = {i for m in self.triggers for i in range(m.start, m.end)}
        # (nor one named as the area of the place before it: "in Yenimahalle, Ankara")
        covered |= {i for a in self.actors if a.category == Category.STATE and a.country and not is_locative(doc, a.start)
                    and doc[a.head].head.i not in struck and not name_before(doc, a.start) for i in range(a.start, a.end)}
        covered |= self.time_tokens
        found = features + [self._longer_name(p, covered) for p in entity_places(doc, covered)]
        if self.body:
            found.extend(dateline_place(doc, self.body, covered))
        found.extend(self._listed(found, covered))
        found.extend(self._areas_after(found, covered))
        again = self._named_again(found, covered)
        again += self._listed(again, covered)
        found.extend(again + self._areas_after(again, covered))
        found = [p for p in found if not self._landmark(p) and not self._far_reference(p)]
        self.consensus = None if self.mentioned else self._consensus(found)
        self.focus = self.focus or self.consensus
        found.sort(key=lambda p: p.start)
        for p in found:
            self._resolve(p)
        # a name the gazetteer does not know is kept when the area it lies in follows it
        in_area = self._followed_by_area(found)
        found = [p for p in found if p.place is not None or p.feature or id(p) in in_area]
        self._link_context(found)
        for p in sorted(found, key=lambda p: -p.start):  # the outer area first: "X, Y, Z state"
            near = p.context is not None and p.context.near and bool(  # "X, south-west of Y"
                self.tools.near.find(self.keys, p.span_end, p.context.span_start))
            if near:
                near_its_reference(self.gazetteer, p, self._lookup_words(p))
            if id(p) in in_area:
                if not near:
                    self._keep_within_context(p)
                self._placed_by_area(p)
        quarters_in_town(self.doc, self.tools.quarters, found)
        found = [p for p in found if p.place is not None or p.feature]
        found.extend(self._named_before(found, covered))
        found.sort(key=lambda p: p.start)
        return found

    def _named_before(self, found: list[PlaceMention], covered: set[int]) -> list[PlaceMention]:
        """ "cette ville", "the town": the town named last before, named again (not one named only to
        place another: "à l'entrée de Qabatiya, au sud de Jénine" ... "cette localité" is Qabatiya)."""
        def town(p: PlaceMention) -> bool:
            return p.place is not None and not p.country and (p.place.geo_precision or 1) < 3

        # (nor an area named again: "in the X area of Y district, ... in the area" is X)
        contexts = {place_key(p.context.name) for p in found if p.context is not None and town(p)}
        towns = [p for p in found if town(p) and place_key(p.name) not in contexts]
        out = []
        for m in self.tools.anaphora.find(self.keys):
            if m.start in covered or any(m.end < p.start <= m.end + 2 and p.place is not None for p in found):
                continue  # "the town of Amadiya" names its own town
            before = [p for p in towns if p.end <= m.start]
            if before:
                last = before[-1]
                out.append(PlaceMention(m.start, m.end, last.name, span_start=m.start, span_end=m.end,
                                        place=last.place.model_copy(update={"text": self.doc[m.start:m.end].text})))
        return out

    def _named_again(self, found: list[PlaceMention], covered: set[int]) -> list[PlaceMention]:
        """Names the NER missed that follow a preposition and name a place found elsewhere in the
        report or in the gazetteer ("l'attaque d'al-Harir", "in Sangin")."""
        doc, words = self.doc, place_words(self.doc.lang_)
        known = {place_key(p.name) for p in found}
        out: list[PlaceMention] = []
        # "20 km south of Palma", "à l'est de Ménaka": the "of" of a direction is a strong one
        direction_ends = {m.end - 1 for m in self.tools.near.find(self.keys)}
        preps = [t for t in doc if t.i not in covered and (fold(t.lower_) in words.prepositions or t.i in direction_ends)]
        # "in Charbolak district, Balkh": after a place word, a comma brings in the area it lies in
        areas = {i for f in self.tools.features.find(self.keys) if f.label in ("village", "area") for i in range(f.start, f.end)}
        preps += [t for t in doc if t.text == "," and t.i - 1 in areas and t.i not in covered]
        near_trigger = self._near_trigger()
        weak = {t.i for t in preps if fold(t.lower_) in words.of and t.i not in direction_ends and not near_trigger(t)}
        # strong prepositions first: a name they find makes the same name after "of" a place too
        for t in sorted(preps, key=lambda t: t.i in weak):
            if t.i in covered:
                continue
            j = t.i + 1
            while j < len(doc) and j - t.i <= 2 and doc[j].pos_ == "ADJ" and doc[j].text.islower():
                j += 1  # "in rural Tibú", "dans le lointain ..."
            j = self._after_settlement_noun(j)  # "in the capital Sanaa", "dans la capitale Bamako"
            name = proper_name(doc, j, +1)
            if not name or any(i in covered for i in range(*name)):
                continue
            text = doc[name[0]:name[1]].text
            # "of", "de" name a place only when it is known, or when they follow an event word
            # ("the recapture on Sunday of Diinsoor", "la prise de Diapaga")
            # "in Kassakoro (Bandiagara, Mopti)": a name the gazetteer does not know, placed by its area
            if place_key(text) in known or self._area_follows(name[1]) or (
                    t.i not in weak and self._plausible(self.gazetteer.candidates(text, self.focus))):
                out.append(PlaceMention(name[0], name[1], text, span_start=name[0], span_end=name[1]))
                covered.update(range(*name))
                known.add(place_key(text))
        return out

    def _longer_name(self, p: PlaceMention, covered: set[int]) -> PlaceMention:
        """ "Los Angeles Tetela": the NER's name runs on into the capitalised words after it when
        the gazetteer knows the longer name (and not only the shorter)."""
        doc = self.doc
        name = proper_name(doc, p.start, +1)
        if not name or name[1] <= p.end or covered & set(range(p.end, name[1])):
            return p
        text = doc[p.start:name[1]].text
        if not self.gazetteer.candidates(text):
            return p
        covered.update(range(p.end, name[1]))
        return PlaceMention(p.start, name[1], text, p.feature, span_start=p.span_start, span_end=max(p.span_end, name[1]))

    def _listed(self, found: list[PlaceMention], covered: set[int]) -> list[PlaceMention]:
        """ "over the regions of Kursk, Voronezh, Belgorod and Oryol", "à Gao, Ménaka et Kidal": names
        listed with a place, by commas and a last "and", are places of their own, not the areas the
        first lies in; the NER misses many, so a listed name the gazetteer knows is taken. Each list's
        members are remembered (`_lists`): they are neither each other's areas nor contexts."""
        doc, out = self.doc, []
        conjunctions = place_words(doc.lang_).conjunctions
        at = {p.start: p for p in found}
        for p in sorted(found, key=lambda p: p.start):
            if id(p) in self._lists or self.gazetteer.country_code_of(p.name):
                continue
            members, j, closed, placed = [p], self._past_area(p.span_end, conjunctions), False, 0
            while j + 1 < len(doc) and not closed:
                if doc[j].text == "," and j + 2 < len(doc) and fold(doc[j + 1].lower_) in conjunctions:
                    j += 1  # "A, B, and C"
                closed = fold(doc[j].lower_) in conjunctions
                if not (closed or doc[j].text == ","):
                    break
                name = at.get(j + 1) or self._listed_name(j + 1, covered)
                if name is None:  # a name the gazetteer does not know still goes on with the list
                    unknown = proper_name(doc, j + 1, +1)
                    if not unknown or unknown[0] != j + 1 or covered & set(range(*unknown)):
                        break
                    j = unknown[1]
                    continue
                members.append(name)
                j = self._past_area(name.span_end, conjunctions)
                placed += j > name.span_end
            # a list ends in "and" ("A, B and C"), or its members are each placed in their area
            # ("Ed Debba in Northern State, Tandalti in White Nile state, ...": no chain of areas)
            if not (closed or placed >= 2) or len(members) < 2:
                continue
            kind = strip_generic(self._lookup_words(p))[1] if p.feature == "area" else None  # "the regions of A and B"
            for m in members:
                self._lists[id(m)], m.feature = p.start, m.feature or kind
                if m not in found and m not in out:
                    out.append(m)
                    covered.update(range(m.start, m.end))
        return out

    def _past_area(self, j: int, conjunctions: set[str]) -> int:
        """Past the area a listed place is said to lie in ("Ed Debba in Northern State, Tandalti in
        White Nile state and ..."): where the list goes on, else `j` unchanged."""
        doc = self.doc
        if j >= len(doc) or doc[j].lower_ not in place_words(doc.lang_).locative:
            return j
        for k in range(j + 1, min(len(doc), j + AREA_GAP + 1)):
            if doc[k].text == "," or fold(doc[k].lower_) in conjunctions:
                return k
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in ".;":
                break
        return j

    def _listed_name(self, j: int, covered: set[int]) -> Optional[PlaceMention]:
        """The name at token `j`, as a place, when the gazetteer knows it and nothing else took it."""
        name = proper_name(self.doc, j, +1)
        if not name or name[0] != j or covered & set(range(*name)) or self._people & set(range(*name)):
            return None
        text = self.doc[name[0]:name[1]].text
        if text.isupper() or not self._plausible(self.gazetteer.candidates(text, self.focus)):
            return None
        return PlaceMention(name[0], name[1], text, span_start=name[0], span_end=name[1])

    def _areas_after(self, found: list[PlaceMention], covered: set[int]) -> list[PlaceMention]:
        """ "in Kassakoro (Bandiagara, Mopti)", "à Ouenkoro, Bankass": after a place, the names in brackets or
        after commas are the areas it lies in, when the gazetteer knows them (the NER misses many);
        one it does not know is passed over ("(Dourou, Bandiagara East, Mopti)")."""
        out: list[PlaceMention] = []
        for p in found:
            if not self.gazetteer.country_code_of(p.name) and id(p) not in self._lists:
                out.extend(self._chain(p.span_end, covered | self._people))
        covered.update(i for p in out for i in range(p.start, p.end))
        return out

    def _chain(self, j: int, covered: set[int]) -> list[PlaceMention]:
        """The known names of the chain "(A, B)" or ", A, B" that starts at token `j`: each a name
        alone between punctuation ("in Gao, Malian soldiers said" holds none)."""
        doc, out, first = self.doc, [], True
        while j < len(doc) and (doc[j].text == "," or first and doc[j].text == "("):
            first = False
            name = proper_name(doc, j + 1, +1)
            if not name or covered & set(range(*name)) or not (name[1] == len(doc) or doc[name[1]].is_punct):
                break
            text = doc[name[0]:name[1]].text
            if not text.isupper() and self._plausible(self.gazetteer.candidates(text)):  # "(AFP)" is no area
                out.append(PlaceMention(name[0], name[1], text, span_start=name[0], span_end=name[1]))
            j = name[1]
        return out

    @functools.cached_property
    def _people(self) -> set[int]:
        """Tokens of actors and demonyms: no area names ("in Gao, Malian soldiers...")."""
        return {i for a in self.actors for i in range(a.start, a.end)} | {
            i for m in self.country_refs if m.label.startswith("demonym") for i in range(m.start, m.end)}

    @staticmethod
    def _placed_by_area(p: PlaceMention) -> None:
        """A name the gazetteer does not know, named with its areas ("Kassakoro (Bandiagara,
        Mopti)"), lies in the first of them it knows: there, no more precisely than near. (A place
        word's name, "X district", keeps its own way: events.locating places it by its context.)"""
        area, seen = p.context, {id(p)}
        while area is not None and area.place is None and id(area) not in seen:
            seen.add(id(area))
            area = area.context
        if p.place is None and not p.feature and area is not None and area.place is not None and area.country and area.toward:
            p.place = area.toward.model_copy(update={"text": p.name})  # "Khirbet Zaloum in southern Lebanon"
        elif p.place is None and not p.feature and area is not None and area.place is not None and not area.country:
            p.place = area.place.model_copy(update={"geo_precision": max(2, area.place.geo_precision or 1), "text": p.name})

    def _area_follows(self, end: int) -> bool:
        """Whether brackets after a name hold an area the gazetteer knows ("X (Bandiagara, Mopti)")."""
        return end < len(self.doc) and self.doc[end].text == "(" and bool(self._chain(end, self._people))

    def _keep_within_context(self, p: PlaceMention) -> None:
        """A place named with the area it lies in ("Tibiri (Guidan Roumdji,
        Maradi)", "San Pedro, Lara state") is looked for in that area: a namesake elsewhere is a mistake, and a place the
        gazetteer knows only elsewhere is left for its area to place (see events.locating)."""
        area = p.context.place if p.context is not None and not p.context.near else None
        if area is None or p.place is None or p.country or area.latitude is None or lies_within(p.place, area):
            return
        feature = p.feature if p.feature not in (None, "area", "village") else None
        inside = [c for c in self.gazetteer.candidates(self._lookup_words(p), area.country_code, feature) if lies_within(c, area)]
        p.place = self.gazetteer.city_place(inside[0], p.place.geo_precision or 1, p.name) if inside else None

    def _near_trigger(self):
        """Whether a preposition hangs from an event word or follows one closely in its sentence:
        the triggers indexed by token, so each question costs a few look-ups, not a scan."""
        inside = {i: m for m in self.triggers for i in range(m.start, m.end)}
        ends: dict[int, list[Match]] = {}
        for m in self.triggers:
            ends.setdefault(m.end, []).append(m)

        def near(prep) -> bool:
            if prep.head.i in inside:
                return True
            start = prep.sent.start
            return any(m.start >= start for gap in range(4) for m in ends.get(prep.i - gap, ()))
        return near

    def _after_settlement_noun(self, j: int) -> int:
        """Past "the capital", "la ville portuaire" when a name follows; else `j` unchanged."""
        doc, k = self.doc, j
        while k < len(doc) and k - j < 4 and doc[k].text.islower() and doc[k].pos_ in ("DET", "ADJ", "NOUN"):
            if doc[k].lower_ in self.tools.settlement_nouns and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                return k + 1
            k += 1
        return j

    def _resolve(self, p: PlaceMention) -> None:
        g = self.gazetteer
        p.locative = is_locative(self.doc, p.span_start)
        code = g.country_code_of(p.name)
        if code:
            p.country, p.place = code, g.country(code, p.name)
            toward(self.doc, self.gazetteer, p)
            return
        near = self.tools.near.find(self.keys, max(0, p.span_start - 6), p.span_start)
        p.near = bool(near and near[-1].end >= p.span_start - 2)
        # "Herat province", "district de Djugu": the generic word says which kind of place is meant;
        # "air base", "barrage": so does the feature.
        words = self._lookup_words(p)
        feature = p.feature if p.feature not in (None, "area", "village") else None
        cands = self._plausible(g.candidates(words, self.focus, feature=feature))
        if not cands and words != p.name:  # "residential districts of El Obeid": the town itself
            cands = self._plausible(g.candidates(p.name, self.focus))
        if not cands:  # "Abidjan Abobo": a town's part, named after the town, by its own name
            cands = town_part(p.name, lambda name: self._plausible(g.candidates(name, self.focus)))
        if cands:
            best = cands[0]
            is_feature = feature is None or best.feature_class == "S" or best.feature_code in FEATURE_CODES
            p.place = g.city_place(best, 2 if p.near or not is_feature else 1, p.name)

    def _landmark(self, p: PlaceMention) -> bool:
        return follows_landmark(self.tools.landmarks, self.keys, p.start)

    def _far_reference(self, p: PlaceMention) -> bool:
        """ "Ngoumbala, à 450 km à l'est de la capitale": a town named as far from where
        things happened (FAR_KM or more) only tells the distance; it is not the place."""
        doc, units = self.doc, lexicon(self.doc.lang_).places.distance_units
        for t in doc[max(0, p.span_start - DISTANCE_REACH):p.span_start]:
            factor = units.get(t.lower_)
            if factor and t.i > 0 and doc[t.i - 1].like_num:
                value = number_value(doc[t.i - 1], {}, doc.lang_)
                if value is not None and value * factor >= FAR_KM:
                    return True
        return False

    def _lookup_words(self, p: PlaceMention) -> str:
        """What to look a place up by: an area with its generic word ("Plateau State": the state,
        not a village of Alabama; "la région russe de Belgorod" without its people), anything else by its name."""
        return area_words(self.doc[p.span_start:p.span_end]) if p.feature == "area" else p.name

    @functools.cached_property
    def next_door(self) -> set[str]:
        """Countries next to one the report names, whose people it names ("five Palestinians")."""
        peoples = {m.label.split(":")[1] for m in self.country_refs if m.label.startswith("demonym")}
        return set().union(*map(neighbours, self.mentioned)) & peoples

    def _plausible(self, cands):
        """Places in a country the report names (else in one next door whose people it names:
        "Palestinians in Beit Lahia" in a report that names Israel), or (when it names none)
        in the country most of its places lie in: a town called like the report's village but on
        another continent is not a fallback, it is a mistake."""
        if self.mentioned:  # (or in one of their territories: "Paris" and "en Nouvelle-Calédonie")
            return [c for c in cands if c.country_code in self.mentioned or territories().get(c.country_code) in self.mentioned] \
                or [c for c in cands if c.country_code in self.next_door]
        if self.consensus:
            return [c for c in cands if c.country_code == self.consensus]
        return cands

    def _consensus(self, places: list[PlaceMention]) -> Optional[str]:
        """The country that has a place for most of the report's place names; a name found in one
        country only ("Badakhshan") weighs more than one found in many ("Argo"). The country the
        report's demonyms point to, when they point to one, and the country each named group is
        based in get a small vote: enough to choose between places, not to outweigh one
        ("American troops near Deir ez-Zor" are in Syria). A place named with the areas it lies in
        votes after them, with a smaller vote and only among their countries."""
        votes: Counter = Counter()
        named = {m.label.split(":")[1] for m in self.country_refs}
        if len(named) == 1:  # the one country whose forces or people the report speaks of ("Afghan forces")
            votes[named.pop()] += TIE_BREAK  # tips the balance between places ("Russian missiles ... Ukrainian officials": none)
        for code in {a.group.country_code for a in self.actors if a.category == Category.GROUP and a.group is not None}:
            if code:  # and each country a named group is based in ("Taliban militants")
                votes[code] += TIE_BREAK
        # a country named says whose or where, not which towns: its towns do the voting, each name once
        towns = {p.start: p for p in sorted(places, key=lambda p: p.span_end)  # its widest span
                 if not self.gazetteer.country_code_of(p.name)
                 and not names_a_quarter(self.doc, p, self.tools.quarters)}  # a town's quarter says no country
        within = self._followed_by_area(list(towns.values()))
        ordered = sorted(towns.values(), key=lambda p: p.start)
        areas = {id(b) for a, b in zip(ordered, ordered[1:]) if id(a) in within}  # named as another's area
        outer: Optional[dict[str, float]] = None
        for p in reversed(ordered):  # the area first, then the places it holds
            countries = self._countries(p, id(p) in areas)
            weight = 1.0
            if id(p) in within and outer is not None:
                # "Itchede (Pobè, Plateau)": a place named with its area chooses among the area's
                # countries (Pobè is a town of Benin only: Benin's "Plateau"), and weighs less than it
                countries, weight = {k: v for k, v in countries.items() if k in outer}, INNER_VOTE
            else:
                outer = countries
            total = sum(countries.values()) or 1.0
            for code, score in countries.items():
                votes[code] += weight * score / total
        return votes.most_common(1)[0][0] if votes else None

    def _countries(self, p: PlaceMention, area: bool = False) -> dict[str, float]:
        """The countries that have a place of that name, each with its best candidate's score; for
        a name said to be an area ("Merida state", or named as a place's: "X regency (Papua)"), the
        countries that have an area of that name, when some have."""
        best: dict[str, float] = {}
        cands = (self.gazetteer.candidates(self._lookup_words(p)) or self.gazetteer.candidates(p.name))[:8]
        # a name that is a country's ("NLD" in "NLD township") names no town there
        cands = [c for c in cands if not (c.feature_code or "").startswith("PCL")]
        if area or p.feature == "area":  # the areas of that name, not their namesake towns
            cands = [c for c in cands if (c.feature_code or "").startswith("ADM")] or cands
        for c in cands:
            if c.country_code:
                best[c.country_code] = max(best.get(c.country_code, 0.0), c.score)
        return best

    def _followed_by_area(self, places: list[PlaceMention]) -> set[int]:
        """The places named just before the area they lie in ("San Pedro, Lara state",
        "Kassakoro (Bandiagara, Mopti)"): the area, named last, votes for them all."""
        ordered, locative = sorted(places, key=lambda p: p.start), place_words(self.doc.lang_).locative

        compass = place_words(self.doc.lang_).directions

        def joins(t) -> bool:  # punctuation, "in", a compass word, or the name of an area the gazetteer does not know
            return t.is_punct and t.text not in ".;" or t.lower_ in locative or t.text[:1].isupper() or compass_key(t.text) in compass
        return {id(a) for a, b in zip(ordered, ordered[1:])
                if b.start >= a.end and b.span_start - a.span_end <= AREA_GAP and not self._same_list(a, b)
                and all(joins(t) for t in self.doc[a.span_end:b.span_start])}

    def _same_list(self, a: PlaceMention, b: PlaceMention) -> bool:
        return id(a) in self._lists and self._lists[id(a)] == self._lists.get(id(b))

    def _link_context(self, places: list[PlaceMention]) -> None:
        """A place that closely follows another ("X, à l'ouest de Y", "X in Y") qualifies it."""
        conjunctions = place_words(self.doc.lang_).conjunctions | {";"}
        for a, b in zip(places, places[1:]):
            if self._same_list(a, b) or id(b) in self._lists and id(a) not in self._lists:
                continue  # a listed place is a place of its own ("Rabak in White Nile state, Kadugli in ...")
            gap = self.doc[a.end:b.start]
            # "à Sake, à une vingtaine de kilomètres de Goma": a distance from a town places the first
            # "over Voronezh, 3 drones over Belgorod": a count between opens the next item of a list
            counted = not b.near and any(t.like_num and "Plur" in t.head.morph.get("Number") for t in gap)
            if (len(gap) <= 6 or len(gap) <= 9 and b.near) and not any(t.lower_ in conjunctions for t in gap) \
                    and "." not in gap.text and not counted:
                b_is_context = b.feature in (None, "area") and (a.feature or a.place is None or b.country or b.place)
                if b_is_context:
                    a.context = b
