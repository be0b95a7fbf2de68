"""Everything the extractors need to know about one parsed report, computed once.

`LanguageTools` holds what is compiled once per language (phrase indexes, date patterns, the
actor finder); `DocContext` holds what is found once per document (lexicon matches, places, actor
mentions, time expressions) so the event, statement and tally extractors never re-scan the text.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from .document import Document
from .find.actors import ActorFinder, ActorLexicon, ActorMention, own_forces
from .find.counts import Count, coded_count
from .find.cues import calls_to_act, on_weapon, reflexive_other, warnings
from .find.places import PlaceMention, inside_name, is_locative, name_after, name_before, preceded_by
from .gazetteer.query import Gazetteer
from .knowledge import actor_entries, lexicon, regions
from .model import Article
from .nlp import pipeline
from .resolve.dates import DateFinder, Published, TimeExpr
from .resolve.places import PlaceReader, focus_country, follows_landmark
from .text.lexmatch import Match, PhraseIndex, TokenKeys, flat
from .text.normalize import fold
from .vocab import Category, StatementType, Trigger

STAMP_REACH = 20  # characters before a date in which a page's stamp ("Published", "Publié le") is looked for
SINCE_REACH = 8  # tokens after a bare "since" in which the date, event or war it counts from is named

__all__ = ["DocContext", "LanguageTools", "PlaceMention"]


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
    since_words: set
    stamps: list  # folded
    wars: set
    since_anchors: set
    tally_quantities: PhraseIndex
    qualifiers: PhraseIndex
    vague_numbers: dict
    features: PhraseIndex
    near: PhraseIndex
    landmarks: PhraseIndex
    anaphora: PhraseIndex
    settlement_nouns: set
    quarters: set
    reflexive_other: set
    coded_fatalities: PhraseIndex
    demand_verbs: set
    demand_markers: set
    warning_adjectives: set
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
            tally_period=index(flat(lex.tallies.period)),
            since_words={w.lower() for w in lex.dates.since_event if " " not in w}, stamps=[fold(w) for w in lex.dates.stamps],
            wars={w.lower() for w in lex.tallies.cumulative if " " not in w},
            since_anchors={w.lower() for w in lex.dates.months}, tally_quantities=index(lex.tallies.quantities),
            qualifiers=index(lex.tallies.qualifiers), vague_numbers={k.lower(): v for k, v in lex.vague_numbers.items()},
            features=index(lex.places.features), near=index(flat(lex.places.near)),
            landmarks=index(flat(lex.places.landmarks)),
            anaphora=index(flat(lex.places.anaphora)),
            settlement_nouns={w for p in lex.places.settlement_nouns for w in p.lower().split()},
            quarters={w.lower() for w in lex.places.quarters},
            reflexive_other={w.lower() for w in lex.reflexive_other},
            coded_fatalities=index(lex.coded_fatalities),
            demand_verbs={w.lower() for w in lex.demand_verbs},
            demand_markers={w.lower() for w in lex.demand_markers},
            warning_adjectives={w.lower() for w in lex.warning_adjectives},
            accusation_words=index({"accuse": lex.accusation_words}),
            roles=index(lex.roles), role_order=list(lex.roles),
            regions=index({name: words.get(language, []) for name, words in regions().items()}),
            dates=DateFinder(language),
            actors=ActorFinder(ActorLexicon.build(tok, language, actor_entries(actors_file))),
        )


class DocContext(Document):
    """What every stage reads from one report, found and resolved once: lexicon matches, time
    expressions, actor mentions, the countries it names, its places."""
    tools: LanguageTools
    gazetteer: Gazetteer
    published: Optional[Published]

    def __init__(self, article: Article, doc: Doc, tools: LanguageTools, gazetteer: Gazetteer, published: Optional[Published]):
        super().__init__(article, doc)
        self.tools, self.gazetteer, self.published = tools, gazetteer, published
        self.keys = keys = TokenKeys(doc)
        t = tools
        all_times = t.dates.find(article.text)
        # left to right; not the day a page went online ("Publié le vendredi 2 juin")
        self.times: list[TimeExpr] = [e for e in all_times if e.start >= self.dateline_end and not any(
            w in fold(article.text[max(0, e.start - STAMP_REACH):e.start]) for w in t.stamps)]
        self._time_starts = [e.start for e in self.times]
        in_date = {i for e in all_times for i in self.tokens_of(e.start, e.end)}
        # "8 March 2020" holds no protest march: words inside a date are not triggers.
        self.triggers = [m for m in t.triggers.find(keys) if m.start not in in_date and not reflexive_other(doc, m, t.reflexive_other)]
        force = {i for m in self.triggers if m.label == Trigger.INTERVENE for i in range(m.start, m.end)}
        self.weapons = [w for w in t.weapons.find(keys) if w.start not in force]  # "tear gas shells" are no artillery
        self.casualties = [m for m in t.casualties.find(keys) if not reflexive_other(doc, m, t.reflexive_other)]
        self.coded_fatalities: list[Count] = [c for m in t.coded_fatalities.find(keys)
                                              if (c := coded_count(doc, m, t.vague_numbers, t.language))]
        self.outcomes = t.outcomes.find(keys)
        self.statement_cues = self._statement_cues()
        self.warnings = warnings(doc, t.warning_adjectives)  # what a plain "said" may say: "« inévitable » que..."
        self.periods = [p for p in t.tally_period.find(keys) if self._starts_a_period(p)]
        self.region_refs = t.regions.find(keys)
        self.country_refs = self._country_refs()
        # where things happen: not a country in an organisation's name ("Air Algérie", "Radio France Internationale")
        names = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
        self.place_refs = [m for m in self.country_refs
                           if not any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in names)]
        self.actors: list[ActorMention] = self._actors()
        self.mentioned: set[str] = self._mentioned()
        self.focus: Optional[str] = focus_country(doc, self.place_refs)
        reader = PlaceReader(keys, t, gazetteer, self.actors, self.triggers,
                             {i for e in self.times for i in self.tokens_of(e.start, e.end)}, self.place_refs,
                             self.mentioned, self.focus, self.token_at(self.dateline_end) if self.dateline_end else 0)
        self.places: list[PlaceMention] = reader.read()
        self.focus = reader.focus

    def _starts_a_period(self, p: Match) -> bool:
        """A bare "since"/"depuis" opens a period only before a date, a month, an event, a war or
        a clause ("depuis la semaine dernière", "since the raid", "since the army took power");
        "tirés depuis un navire" says where from."""
        word = self.doc[p.start]
        if p.end - p.start > 1 or word.lower_ not in self.tools.since_words or word.pos_ == "SCONJ":  # "since" + a clause
            return True
        sent = self.doc[p.start].sent
        ahead = []
        for t in self.doc[p.end:min(p.end + SINCE_REACH, sent.end)]:
            if t.is_punct:
                break
            ahead.append(t)
        where = {t.i for t in ahead}
        return any(t.pos_ in ("VERB", "AUX") or t.lemma_.lower() in self.tools.wars or t.lower_ in self.tools.since_anchors
                   for t in ahead) \
            or any(set(self.tokens_of(e.start, e.end)) & where for e in self.times) \
            or any(m.start in where for m in self.triggers)

    def _statement_cues(self) -> list[Match]:
        # a verb, not the name it is spelled like ("Islamic State", "Said"), nor the noun ("Kachin state",
        # "a UN report", "a note"): a one-word saying cue is a verb
        # (nor a warning that is a weapon's: "police fired warning shots")
        cues = [c for c in self.tools.statements.find(self.keys) if self.doc[c.start].pos_ != "PROPN"
                and not (c.label == StatementType.SAY and c.end - c.start == 1 and self.doc[c.start].pos_ == "NOUN")
                and not (c.label == StatementType.WARN and c.end - c.start == 1 and on_weapon(self.doc[c.start], self.weapon_tokens))]
        taken = {i for c in cues for i in range(c.start, c.end)}
        return sorted(cues + calls_to_act(self.doc, taken, self.tools.demand_verbs, self.tools.demand_markers),
                      key=lambda c: c.start)

    def _country_refs(self) -> list[Match]:
        """Countries the report names; a name or capital is a proper noun ("Grenade" the country,
        not "une grenade"). A demonym says whose forces, not where things happen; a country named as
        a landmark ("on the border with Uganda") is not where they happen either."""
        return [m for m in self.tools.actors.lex.country_refs.find(self.keys)
                if m.label.startswith("demonym") or any(w.text[:1].isupper() for w in self.doc[m.start:m.end])
                and not (m.label.startswith("capital") and inside_name(self.doc, m.start, m.end))
                and not follows_landmark(self.tools.landmarks, self.keys, m.start)]

    def _actors(self) -> list[ActorMention]:
        attack_heads = {m.end - 1 for m in [*self.triggers, *self.weapons] if self.doc[m.end - 1].pos_ in ("NOUN", "PROPN")}
        actors = self.tools.actors.find(self.keys, self.country_refs, attack_heads)
        body = self.token_at(self.dateline_end) if self.dateline_end else 0
        actors = [a for a in actors if a.head >= body]  # "BEIRUT -" files the report, it does not act
        # nor is a word of a weapon's name an actor ("fighter jets", "avions de chasse")
        actors = [a for a in actors if a.category == Category.GROUP or not any(
            w.start <= a.start and a.end <= w.end and w.end - w.start > a.end - a.start for w in self.weapons)]
        for a in actors:
            if a.start < body:
                a.start = body  # "Feb 9 - Three militants": the dateline is not part of the phrase
        # a person a force's word qualifies is of that force ("a police official", "un officier de l'armée")
        forces = [b for b in actors if b.category in (Category.POLICE, Category.MILITARY)]
        for a in actors:
            if a.category in (Category.CIVILIANS, Category.GOVERNMENT):
                inner = next((b for b in forces if b is not a and a.start <= b.start and b.end <= a.end), None)
                if inner is not None:
                    a.category, a.country = inner.category, a.country or inner.country
        says = {c.start for c in self.statement_cues if c.label == StatementType.SAY and self.doc[c.start].pos_ in ("VERB", "AUX")}
        return own_forces(self.doc, actors, says, self.weapons)

    def _mentioned(self) -> set[str]:
        """Countries the report's places may lie in: those it names, but not a backer ("militias
        backed by Iran" attack in Iraq), nor one that only says whose forces ("Rwanda's army"), nor
        that of a capital named beside other places ("in Caura, Sucre municipality, Monagas state",
        "in Sidon, Tripoli and Zahle"): the name may be another town's, and the places named
        together say which (resolve.places); nor a country opposed ("protested in Kathua against Pakistan")."""
        backers = {(a.backer, i) for a in self.actors if a.category == Category.PROXY for i in range(a.start, a.end)}
        owners = {i for a in self.actors if a.category in (Category.MILITARY, Category.POLICE) for i in range(a.start, a.end)}
        opposed = {w.lower() for w in lexicon(self.tools.language).places.opposed}
        return {m.label.split(":")[1] for m in self.place_refs if not m.label.startswith("demonym")
                and (m.label.split(":")[1], m.start) not in backers
                and (m.start not in owners or is_locative(self.doc, m.start))
                and not (m.label.startswith("capital") and (name_before(self.doc, m.start) or name_after(self.doc, m.end)))
                and not preceded_by(self.doc, m.start, opposed)}  # "protested in Kathua against Pakistan"

    @functools.cached_property
    def weapon_tokens(self) -> frozenset[int]:
        """The tokens of the report's weapon words."""
        return frozenset(i for w in self.weapons for i in range(w.start, w.end))

    @functools.cached_property
    def group_tokens(self) -> frozenset[int]:
        """The tokens of the named groups the report mentions."""
        return frozenset(i for a in self.actors if a.category == Category.GROUP for i in range(a.start, a.end))

    def times_in(self, start_tok: int, end_tok: int) -> list[TimeExpr]:
        lo, hi = self.char_range(start_tok, end_tok)
        return self.times[bisect.bisect_left(self._time_starts, lo):bisect.bisect_left(self._time_starts, hi)]
