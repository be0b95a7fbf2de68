"""Everything the extractors need to know about one parsed report, computed once.

`LanguageTools` holds what is compiled once per language (phrase indexes, date patterns, the
actor finder); `DocContext` holds what is found once per document (lexicon matches, places, actor
mentions, time expressions) so the event, statement and tally extractors never re-scan the text.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from .knowledge import actor_entries, lexicon, regions
from .model import Article, Evidence, Place
from .nlp import dateline_end, pipeline
from .find.actors import ActorFinder, ActorLexicon, ActorMention, is_locative
from .resolve.dates import DateFinder, Published, TimeExpr
from .gazetteer.keys import place_key
from .gazetteer.query import Gazetteer
from .find.counts import Count
from .text.lexmatch import Match, PhraseIndex, TokenKeys, flat
from .text.numbers import number_value

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"de", "d'", "du", "à", "au", "en", "in", "at", "near", "of", "from", "dans", "près", "outside"}
NAME_PARTICLES = {"al", "el", "-", "ad", "as", "ash", "ar", "ibn", "bin", "abu", "de", "du", "la", "le", "da", "do", "dos",
                  "das", "del", "di", "van", "von"}


@dataclass
class LanguageTools:
    language: str
    nlp: object
    triggers: PhraseIndex
    weak: set
    weapons: PhraseIndex
    casualties: PhraseIndex
    negation: set
    future: set
    outcomes: PhraseIndex
    statements: PhraseIndex
    threat_cues: PhraseIndex
    demand_cues: PhraseIndex
    anonymous: set
    tally_period: PhraseIndex
    tally_quantities: PhraseIndex
    qualifiers: PhraseIndex
    vague_numbers: dict
    features: PhraseIndex
    near: PhraseIndex
    anaphora: PhraseIndex
    settlement_nouns: set
    reflexive_other: set
    coded_fatalities: PhraseIndex
    demand_verbs: set
    accusation_words: PhraseIndex
    roles: PhraseIndex
    role_order: list
    regions: PhraseIndex
    dates: DateFinder
    actors: ActorFinder

    @classmethod
    def build(cls, language: str, actors_file: Optional[str] = None) -> "LanguageTools":
        lex = lexicon(language)
        nlp = pipeline(language)
        tok = nlp.tokenizer
        index = functools.partial(PhraseIndex, tok)
        return cls(
            language=language, nlp=nlp,
            triggers=index(lex.triggers), weak={w.lower() for w in lex.weak_triggers},
            weapons=index(lex.weapons), casualties=index(lex.casualties),
            negation={w.lower() for w in lex.negation}, future={w.lower() for w in lex.future},
            outcomes=index(lex.outcomes), statements=index(lex.statements),
            threat_cues=index(flat(lex.threat_cues)), demand_cues=index(flat(lex.demand_cues)),
            anonymous={w.lower() for w in lex.anonymous_speakers},
            tally_period=index(flat(lex.tallies.period)), tally_quantities=index(lex.tallies.quantities),
            qualifiers=index(lex.tallies.qualifiers), vague_numbers={k.lower(): v for k, v in lex.vague_numbers.items()},
            features=index(lex.places.features), near=index(flat(lex.places.near)),
            anaphora=index(flat(lex.places.anaphora)),
            settlement_nouns={w for p in lex.places.settlement_nouns for w in p.lower().split()},
            reflexive_other={w.lower() for w in lex.reflexive_other},
            coded_fatalities=index(lex.coded_fatalities),
            demand_verbs={w.lower() for w in lex.demand_verbs},
            accusation_words=index({"accuse": lex.accusation_words}),
            roles=index(lex.roles), role_order=list(lex.roles),
            regions=index({name: words.get(language, []) for name, words in regions().items()}),
            dates=DateFinder(language),
            actors=ActorFinder(ActorLexicon.build(tok, language, actor_entries(actors_file))),
        )


FEATURE_CODES = {"AIRB", "AIRF", "AIRP", "AIRH", "MILB", "DAM", "BDG", "CMP", "CMPRF", "CSTM"}  # features named by kind
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


TIE_BREAK = 0.4  # the vote of a demonym or a group's home country among places' votes (each place: 1)


@dataclass
class DocContext:
    article: Article
    doc: Doc
    tools: LanguageTools
    gazetteer: Gazetteer
    published: Optional[Published]
    keys: TokenKeys = field(init=False)

    def __post_init__(self):
        t, keys = self.tools, TokenKeys(self.doc)
        self.keys = keys
        # The dateline ("KYIV, Jan 20 -", "BAMAKO (AFP) -") says where and when the report was
        # filed, not when anything happened.
        self.dateline_end = dateline_end(self.article.text)
        all_times = t.dates.find(self.article.text)
        self.times: list[TimeExpr] = [e for e in all_times if e.start >= self.dateline_end]
        in_date = {i for e in all_times for i in self._tokens_of(e.start, e.end)}
        # "8 March 2020" holds no protest march: words inside a date are not triggers.
        self.triggers = [m for m in t.triggers.find(keys) if m.start not in in_date and not self._reflexive_other(m)]
        force = {i for m in self.triggers if m.label == "intervene" for i in range(m.start, m.end)}
        self.weapons = [w for w in t.weapons.find(keys) if w.start not in force]  # "tear gas shells" are no artillery
        self.casualties = [m for m in t.casualties.find(keys) if not self._reflexive_other(m)]
        self.coded_fatalities: list[Count] = [c for c in map(self._coded_count, t.coded_fatalities.find(keys)) if c]
        self.outcomes = t.outcomes.find(keys)
        # a verb, not the name it is spelled like ("Islamic State", "Said")
        self.statement_cues = [c for c in t.statements.find(keys) if self.doc[c.start].pos_ != "PROPN"]
        self.statement_cues = sorted(self.statement_cues + self._calls_to_act(), key=lambda c: c.start)
        self.periods = t.tally_period.find(keys)
        self.region_refs = t.regions.find(keys)
        # Countries the report names; a name or capital is a proper noun ("Grenade" the country,
        # not "une grenade"). A demonym says whose forces, not where things happen.
        self.country_refs = [m for m in t.actors.lex.country_refs.find(keys)
                             if m.label.startswith("demonym") or any(w.text[:1].isupper() for w in self.doc[m.start:m.end])
                             and not (m.label.startswith("capital") and self._inside_name(m.start, m.end))]
        attack_heads = {m.end - 1 for m in [*self.triggers, *self.weapons] if self.doc[m.end - 1].pos_ in ("NOUN", "PROPN")}
        self.actors: list[ActorMention] = t.actors.find(keys, self.country_refs, attack_heads)
        body = self.token_at(self.dateline_end) if self.dateline_end else 0
        self.actors = [a for a in self.actors if a.head >= body]  # "BEIRUT -" files the report, it does not act
        for a in self.actors:
            if a.start < body:
                a.start = body  # "Feb 9 - Three militants": the dateline is not part of the phrase
        self._own_forces()
        # Countries the report's places may lie in: those it names, but not a backer ("militias
        # backed by Iran" attack in Iraq), nor one that only says whose forces ("Rwanda's army").
        backers = {(a.backer, i) for a in self.actors if a.category == "proxy" for i in range(a.start, a.end)}
        owners = {i for a in self.actors if a.category in ("military", "police") for i in range(a.start, a.end)}
        self.mentioned: set[str] = {m.label.split(":")[1] for m in self.country_refs if not m.label.startswith("demonym")
                                    and (m.label.split(":")[1], m.start) not in backers
                                    and (m.start not in owners or is_locative(self.doc, m.start))}
        self.focus: Optional[str] = self._focus_country()
        self.places: list[PlaceMention] = self._places()

    def _coded_count(self, m) -> Optional[Count]:
        """The count a report says it codes: the first number after "Fatalities coded as", or the
        one in brackets after "Fatalities split over 2 locations"."""
        doc = self.doc
        sent_end = doc[m.start].sent.end
        after = doc[m.end:sent_end]
        if m.label == "in_brackets":
            opened = [t.i for t in after if t.text == "("]
            after = doc[opened[0] + 1:sent_end] if opened else doc[0:0]
        for t in after:
            if t.text in (")", "("):
                break
            value = number_value(t, self.tools.vague_numbers, self.tools.language) if t.like_num else None
            if value is not None:
                return Count(value, "killed", m.start, t.i + 1, t.i)
        return None

    def _calls_to_act(self) -> list[Match]:
        """Demands whose verb and "à"/"to" are parted by whom they address: "a appelé l'OIAC à
        réagir", "urged the authorities to act" (the lexicons' `demand_verbs`)."""
        taken = {i for c in self.statement_cues for i in range(c.start, c.end)}
        out = []
        for verb in self.doc:
            if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.tools.demand_verbs:
                continue
            addressees = [c for c in verb.children if c.dep_ in ("obj", "dobj", "iobj")]
            # what they are to do hangs from the verb or, parsed so, from whom it addresses
            acts = [c for x in [verb, *addressees] for c in x.children
                    if c.dep_ in ("xcomp", "advcl", "obl", "obl:arg", "ccomp", "acl") and c.i > verb.i]
            to_act = any(m.dep_ in ("mark", "case", "aux") and m.lower_ in ("à", "a", "to") for c in acts for m in c.children)
            if addressees and to_act:
                out.append(Match(verb.i, verb.i + 1, "DEMAND", verb.lemma_.lower()))
        return out

    def _reflexive_other(self, m) -> bool:
        """A verb whose reflexive means something else: "un missile s'est abattu sur un immeuble"
        fell on it; nobody was shot down or killed by the word."""
        verb = self.doc[m.start]
        return verb.lemma_.lower() in self.tools.reflexive_other and any(
            c.dep_.startswith("expl") and c.morph.get("Reflex") == ["Yes"] for c in verb.children)

    def _inside_name(self, start: int, end: int) -> bool:
        """ "Praia" in "Mocímboa da Praia": a capital's name inside a longer place name."""
        doc = self.doc
        before = doc[start - 1] if start > 0 else None
        after = doc[end] if end < len(doc) else None
        return (before is not None and (before.pos_ == "PROPN" or before.lower_ in NAME_PARTICLES) and before.text[:1].isupper()
                or before is not None and before.lower_ in NAME_PARTICLES and start > 1 and doc[start - 2].pos_ == "PROPN"
                or after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())

    def _own_forces(self) -> None:
        """ "Rwanda's defence force said its soldiers had fought...", "the army said one of its
        drones had struck...": forces and weapons that belong to whoever says so are theirs."""
        doc = self.doc
        says = {c.start for c in self.statement_cues if c.label == "SAY" and doc[c.start].pos_ in ("VERB", "AUX")}

        def speaker(i: int) -> Optional[ActorMention]:
            x = doc[i]
            for _ in range(8):
                if x.i in says:
                    subj = next((c for c in x.children if c.dep_.startswith("nsubj")), None)
                    return next((a for a in self.actors if subj is not None and a.covers(subj.i)), None)
                if x.head.i == x.i:
                    return None
                x = x.head
            return None

        def possessive(tokens) -> Optional[int]:
            return next((t.i for t in tokens if t.pos_ in ("PRON", "DET") and "Yes" in t.morph.get("Poss")
                         and t.morph.get("Person") in (["3"], [])), None)

        for a in self.actors:
            if a.category in ("military", "police") and a.country is None and possessive(
                    [*doc[a.start:a.head + 1], *doc[a.head].children]) is not None:
                owner = speaker(a.head)
                if owner is not None and owner.category == "group":
                    a.category, a.group = "group", owner.group
                elif owner is not None and owner.country:
                    a.country = owner.country
        taken = {i for a in self.actors for i in range(a.start, a.end)}
        for w in self.weapons:
            mark = possessive(doc[w.end - 1].children)
            if mark is None or mark in taken:
                continue
            owner = speaker(w.start)
            if owner is not None and owner.category in ("military", "group", "state", "police"):
                self.actors.append(dataclasses.replace(owner, start=mark, end=mark + 1, head=mark, agent=True))
        self.actors.sort(key=lambda a: a.start)

    # --- helpers used by every extractor -------------------------------------------------------
    @functools.cached_property
    def sentences(self) -> list[Span]:
        return list(self.doc.sents)

    @functools.cached_property
    def sentence_of(self) -> dict[int, int]:
        """Token index -> the number of its sentence."""
        return {i: n for n, sent in enumerate(self.sentences) for i in range(sent.start, sent.end)}

    @functools.cached_property
    def _paragraph_starts(self) -> list[int]:
        text = self.article.text
        return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]

    def paragraph_of(self, token: int) -> int:
        """The number of the paragraph a token stands in (paragraphs are split by blank lines)."""
        return bisect.bisect_right(self._paragraph_starts, self.doc[token].idx) - 1

    def evidence(self, field_name: str, start_tok: int, end_tok: int) -> Evidence:
        span = self.doc[start_tok:end_tok]
        return Evidence(field=field_name, start=span.start_char, end=span.end_char, text=span.text)

    def char_evidence(self, field_name: str, start: int, end: int) -> Evidence:
        return Evidence(field=field_name, start=start, end=end, text=self.article.text[start:end])

    def in_span(self, matches, span: Span | range):
        lo, hi = (span.start, span.end) if isinstance(span, Span) else (span.start, span.stop)
        return [m for m in matches if lo <= m.start < hi]

    def times_in(self, start_tok: int, end_tok: int) -> list[TimeExpr]:
        lo, hi = self.doc[start_tok].idx, self.doc[end_tok - 1].idx + len(self.doc[end_tok - 1])
        return [t for t in self.times if lo <= t.start < hi]

    def _tokens_of(self, start: int, end: int) -> range:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def token_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    # --- places ------------------------------------------------------------------------------
    def _focus_country(self) -> Optional[str]:
        counts: Counter = Counter()
        for m in self.country_refs:
            kind, code = m.label.split(":")
            counts[code] += 3 if kind == "name" and is_locative(self.doc, m.start) else 1
        return counts.most_common(1)[0][0] if counts else None

    def _places(self) -> list[PlaceMention]:
        doc, found = self.doc, []
        # A named group is not a place ("Islamic State", "Forces démocratiques syriennes").
        groups = {i for a in self.actors if a.category == "group" for i in range(a.start, a.end)}
        feature_spans = [p for p in self._feature_places() if not groups & set(range(p.start, p.end))]
        covered = {i for p in feature_spans for i in range(p.start, p.end)} | groups
        # nor is a capital standing for its government ("as Moscow pressed on with its strikes")
        # (but a capital an attack is aimed at is a place: "des drones qui visaient Port-Soudan")
        struck = {i for m in self.triggers for i in range(m.start, m.end)}
        covered |= {i for a in self.actors if a.category == "state" and a.country and not is_locative(doc, a.start)
                    and doc[a.head].head.i not in struck for i in range(a.start, a.end)}
        found.extend(feature_spans)
        covered |= {i for e in self.times for i in self._tokens_of(e.start, e.end)}  # "on Thursday" is no island
        for ent in doc.ents:
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            locative = is_locative(doc, ent.start)
            if ent.label_ not in PLACE_LABELS and not locative:
                continue
            found.append(PlaceMention(ent.start, ent.end, ent.text, span_start=ent.start, span_end=ent.end))
            covered.update(range(ent.start, ent.end))
        found.extend(self._dateline_place(covered))
        self.consensus = None if self.mentioned else self._consensus(found)
        self.focus = self.focus or self.consensus
        found.extend(self._named_again(found, covered))
        found.sort(key=lambda p: p.start)
        for p in found:
            self._resolve(p)
        found = [p for p in found if p.place is not None or p.feature]
        self._link_context(found)
        found.extend(self._named_before(found, covered))
        found.sort(key=lambda p: p.start)
        return found

    def _dateline_place(self, covered: set[int]) -> list[PlaceMention]:
        """The city a dateline names ("KISMAYO, May 10 -"), whatever the NER took it for."""
        if not self.dateline_end:
            return []
        body = self.token_at(self.dateline_end)
        end = next((t.i for t in self.doc[:body] if t.text in (",", "(", "-", "–", "—")), body)
        if end == 0 or any(i in covered for i in range(end)):
            return []
        covered.update(range(end))
        return [PlaceMention(0, end, self.doc[:end].text, span_start=0, span_end=end)]

    def _named_before(self, found: list[PlaceMention], covered: set[int]) -> list[PlaceMention]:
        """ "cette ville", "the town": the town named last before, named again (not one named only to
        place another: "à l'entrée de Qabatiya, au sud de Jénine" ... "cette localité" is Qabatiya)."""
        def town(p: PlaceMention) -> bool:
            return p.place is not None and not p.country and (p.place.geo_precision or 1) < 3

        contexts = {id(p.context) for p in found if p.context is not None and town(p)}
        towns = [p for p in found if town(p) and id(p) not in contexts]
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
        known = {place_key(p.name) for p in found}
        out: list[PlaceMention] = []
        # "20 km south of Palma", "à l'est de Ménaka": the "of" of a direction is a strong one
        direction_ends = {m.end - 1 for m in self.tools.near.find(self.keys)}
        preps = [t for t in self.doc if t.i not in covered and t.lower_.replace("’", "'") in LOCATIVE_PREPS]
        # "in Charbolak district, Balkh": after a place word, a comma brings in the area it lies in
        areas = {i for f in self.tools.features.find(self.keys) if f.label in ("village", "area") for i in range(f.start, f.end)}
        preps += [t for t in self.doc if t.text == "," and t.i - 1 in areas and t.i not in covered]
        weak = {t.i for t in preps if t.lower_.replace("’", "'") in ("de", "d'", "du", "of")
                and t.i not in direction_ends and not self._after_trigger(t)}
        # strong prepositions first: a name they find makes the same name after "of" a place too
        for t in sorted(preps, key=lambda t: t.i in weak):
            if t.i in covered:
                continue
            j = t.i + 1
            while j < len(self.doc) and j - t.i <= 2 and self.doc[j].pos_ == "ADJ" and self.doc[j].text.islower():
                j += 1  # "in rural Tibú", "dans le lointain ..."
            j = self._after_settlement_noun(j)  # "in the capital Sanaa", "dans la capitale Bamako"
            name = self._proper_name(j, +1)
            if not name or any(i in covered for i in range(*name)):
                continue
            text = self.doc[name[0]:name[1]].text
            # "of", "de" name a place only when it is known, or when they follow an event word
            # ("the recapture on Sunday of Diinsoor", "la prise de Diapaga")
            if place_key(text) in known or (t.i not in weak and self._plausible(self.gazetteer.candidates(text, self.focus))):
                out.append(PlaceMention(name[0], name[1], text, span_start=name[0], span_end=name[1]))
                covered.update(range(*name))
                known.add(place_key(text))
        return out

    def _after_trigger(self, prep) -> bool:
        return any(m.start <= prep.head.i < m.end or 0 <= prep.i - m.end <= 3 and prep.sent.start <= m.start
                   for m in self.triggers)

    def _after_settlement_noun(self, j: int) -> int:
        """Past "the capital", "la ville portuaire" when a name follows; else `j` unchanged."""
        doc, k = self.doc, j
        while k < len(doc) and k - j < 4 and doc[k].text.islower() and doc[k].pos_ in ("DET", "ADJ", "NOUN"):
            if doc[k].lower_ in self.tools.settlement_nouns and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
                return k + 1
            k += 1
        return j

    def _feature_places(self) -> list[PlaceMention]:
        """ "base aérienne d'Ain al-Asad", "barrage de Mossoul", "the Mosul Dam", "Harir air base"."""
        doc, out = self.doc, []
        for f in self.tools.features.find(self.keys):
            j = f.end
            if j < len(doc) and doc[j].lower_.replace("’", "'") in ("de", "d'", "du", "of", "des"):
                name = self._proper_name(j + 1, +1)
                if name:
                    out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, f.label, span_start=f.start, span_end=name[1]))
                    continue
            name = self._proper_name(f.start - 1, -1)
            if name and f.label not in ("village", "area"):
                out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, f.label, span_start=name[0], span_end=f.end))
            elif name:
                out.append(PlaceMention(name[0], name[1], doc[name[0]:name[1]].text, "area", span_start=name[0], span_end=f.end))
        return out

    def _proper_name(self, i: int, step: int) -> Optional[tuple[int, int]]:
        doc, idx = self.doc, []
        while 0 <= i < len(doc):
            t = doc[i]
            proper = t.pos_ == "PROPN" or (t.text[:1].isupper() and t.pos_ in ("NOUN", "ADJ", "X"))
            if proper or (idx and t.lower_ in NAME_PARTICLES and 0 <= i + step < len(doc) and doc[i + step].text[:1].isupper() or t.text == "-"):
                idx.append(i)
                i += step
            else:
                break
        while idx and (doc[idx[-1]].lower_ in NAME_PARTICLES):
            idx.pop()
        if not idx:
            return None
        return min(idx), max(idx) + 1

    def _resolve(self, p: PlaceMention) -> None:
        g = self.gazetteer
        p.locative = is_locative(self.doc, p.span_start)
        code = g.country_code_of(p.name)
        if code:
            p.country, p.place = code, g.country(code, p.name)
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
        if cands:
            best = cands[0]
            is_feature = feature is None or best.feature_class == "S" or best.feature_code in FEATURE_CODES
            p.place = g.city_place(best, 2 if p.near or not is_feature else 1, p.name)

    def _lookup_words(self, p: PlaceMention) -> str:
        """What to look a place up by: an area with its generic word ("Plateau State": the state,
        not a village of Alabama), anything else by its name."""
        return self.doc[p.span_start:p.span_end].text if p.feature == "area" else p.name

    def _plausible(self, cands):
        """Places in a country the report names, or (when it names none) in the country most of
        its places lie in: a town called like the report's village but on another continent is
        not a fallback, it is a mistake."""
        if self.mentioned:
            return [c for c in cands if c.country_code in self.mentioned]
        if self.consensus:
            return [c for c in cands if c.country_code == self.consensus]
        return cands

    def _consensus(self, places: list["PlaceMention"]) -> Optional[str]:
        """The country that has a place for most of the report's place names; a name found in one
        country only ("Badakhshan") weighs more than one found in many ("Argo"). The country the
        report's demonyms point to, when they point to one, and the country each named group is
        based in get a small vote: enough to choose between places, not to outweigh one
        ("American troops near Deir ez-Zor" are in Syria)."""
        votes: Counter = Counter()
        named = {m.label.split(":")[1] for m in self.country_refs}
        if len(named) == 1:  # the one country whose forces or people the report speaks of ("Afghan forces")
            votes[named.pop()] += TIE_BREAK  # tips the balance between places ("Russian missiles ... Ukrainian officials": none)
        for code in {a.group.country_code for a in self.actors if a.category == "group" and a.group is not None}:
            if code:  # and each country a named group is based in ("Taliban militants")
                votes[code] += TIE_BREAK
        for p in places:
            if self.gazetteer.country_code_of(p.name):
                continue  # a country named says whose or where, not which towns: its towns do the voting
            best: dict[str, float] = {}
            for c in (self.gazetteer.candidates(self._lookup_words(p)) or self.gazetteer.candidates(p.name))[:8]:
                if c.country_code:
                    best[c.country_code] = max(best.get(c.country_code, 0.0), c.score)
            total = sum(best.values()) or 1.0
            for code, score in best.items():
                votes[code] += score / total
        return votes.most_common(1)[0][0] if votes else None

    def _link_context(self, places: list[PlaceMention]) -> None:
        """A place that closely follows another ("X, à l'ouest de Y", "X in Y") qualifies it."""
        for a, b in zip(places, places[1:]):
            gap = self.doc[a.end:b.start]
            # "à Sake, à une vingtaine de kilomètres de Goma": a distance from a town places the first
            if (len(gap) <= 6 or len(gap) <= 9 and b.near) and not any(t.lower_ in ("et", "and", "ou", "or", ";") for t in gap) and "." not in gap.text:
                b_is_context = b.feature in (None, "area") and (a.feature or a.place is None or b.country or b.place)
                if b_is_context:
                    a.context = b
