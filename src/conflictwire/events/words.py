"""The lexicon's words the event rules read, compiled once per language and reused for every report.

Word sets are lower-cased; phrase lists become `PhraseIndex`es built with the language's own
tokenizer. `event_words(tools)` caches one `EventWords` per language and tokenizer.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..knowledge import lexicon
from ..text.lexmatch import PhraseIndex, flat


def _lower(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _single(words) -> frozenset[str]:
    """One-word entries only: they are compared with single tokens."""
    return frozenset(w.lower() for w in words if " " not in w)


def _phrases(words) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, the head word first: compared with a verb and the words under it."""
    return tuple(tuple(w.lower().split()) for w in words)


@dataclass(frozen=True)
class EventWords:
    separators: PhraseIndex  # "Outre", "after": open a phrase telling another event
    associates: PhraseIndex  # "backed by", "aux côtés de": the actor fights beside another
    target_nouns: frozenset[str]
    since: frozenset[str]  # "since", "depuis": a date after them starts a period
    since_event: frozenset[str]
    conflict_subjects: frozenset[str]
    another: frozenset[str]
    violated: frozenset[str]
    seized: frozenset[str]
    looted: frozenset[str]  # what seizing steals: livestock, vehicles, goods
    communal: frozenset[str]  # farmers, herders: a community that may take up arms against another
    settlements: frozenset[str]  # camp, village: where a community lives
    concessive: frozenset[str]
    violations: frozenset[str]
    conjunctions: frozenset[str]
    opposing: frozenset[str]
    downing: frozenset[str]
    downing_nouns: frozenset[str]  # "the destruction of 35 drones"
    firing: frozenset[str]  # "fired dozens of rockets at"
    throwing: frozenset[str]  # "threw water bottles and rocks at"
    escorting: frozenset[str]  # what forces do to a march that is no intervention: escort, guard
    thrown: frozenset[str]  # what a crowd throws: stones, bottles
    units: frozenset[str]
    verb_only: frozenset[str]
    generic_strikes: frozenset[str]  # "the strikes", "les frappes": a strike named without its means
    own_pronouns: frozenset[str]  # "the army said it had ..."
    negation: frozenset[str]
    clitic_negation: frozenset[str]
    negative_determiners: frozenset[str]
    nobody: frozenset[str]  # "no group", "aucun", and every negation: a claim that is no claim
    agent_markers: frozenset[str]
    target_markers: frozenset[str]
    opposed_markers: frozenset[str]
    supporter_prefixes: tuple[str, ...]
    foiling: frozenset[str] = frozenset()  # "thwart": an interception only beside a weapon
    repelling: frozenset[str] = frozenset()  # "repel": its subject was attacked
    attributing: frozenset[str] = frozenset()  # "an attack blamed on the rebels": who is said to have made it
    holding: frozenset[str] = frozenset()  # "an area held by the rebels": the side that holds it
    origins: frozenset[str] = frozenset()  # "fired from", "provenaient de": where fire came from
    perceiving: frozenset[str] = frozenset()  # "heard": an explosion heard is no attack of its own
    vehicles: frozenset[str] = frozenset()  # "intercepted a bus": a vehicle stopped, no weapon
    destroying: tuple[tuple[str, ...], ...] = ()  # ("set", "on", "fire"): the verb, then words under it
    property: frozenset[str] = frozenset()
    gathering: tuple[tuple[str, ...], ...] = ()
    protest_aims: frozenset[str] = frozenset()


@functools.cache
def _compile(language: str, tokenizer) -> EventWords:
    lex = lexicon(language)
    negation = _lower(lex.negation)
    return EventWords(
        separators=PhraseIndex(tokenizer, flat(lex.separators)),
        associates=PhraseIndex(tokenizer, flat(lex.associates)),
        target_nouns=_lower(lex.target_nouns),
        since=_single([*lex.dates.since, *lex.dates.began]),
        since_event=_single(lex.dates.since_event),
        conflict_subjects=_lower(lex.conflict_subjects),
        another=_lower(lex.another),
        violated=_lower(lex.violated_things),
        seized=_lower(lex.seized_things),
        looted=_lower(lex.looted_things),
        communal=_lower(lex.communal_people),
        settlements=_lower(lex.settlements),
        concessive=_lower(lex.concessive),
        violations=_lower(lex.violations),
        conjunctions=_lower(lex.conjunctions),
        opposing=_lower(lex.opposing),
        downing=_lower(lex.downing),
        downing_nouns=_lower(lex.downing_nouns),
        firing=_lower(lex.firing),
        throwing=_lower(lex.throwing),
        escorting=_lower(lex.escorting),
        thrown=_lower(lex.thrown),
        foiling=_lower(lex.foiling),
        repelling=_lower(lex.repelling),
        perceiving=_lower(lex.perceiving),
        attributing=_lower(lex.attributing),
        holding=_lower(lex.holding),
        origins=_lower(lex.origins),
        vehicles=_lower(lex.stopped_vehicles),
        destroying=_phrases(lex.destroying),
        property=_lower(lex.property),
        gathering=_phrases(lex.gathering),
        protest_aims=_lower(lex.protest_aims),
        units=_lower(lex.tallies.units),
        verb_only=_lower(lex.verb_only_triggers),
        generic_strikes=_lower(lex.generic_strikes),
        own_pronouns=_lower(lex.self_pronouns),
        negation=negation,
        clitic_negation=_lower(lex.clitic_negation),
        negative_determiners=_lower(lex.negative_determiners),
        nobody=_lower(lex.nobody) | negation,
        agent_markers=_lower(lex.agent_markers),
        target_markers=_lower(lex.target_markers),
        opposed_markers=_lower(lex.opposed_markers),
        supporter_prefixes=tuple(w.lower() for w in lex.supporter_prefixes),
    )


def event_words(tools) -> EventWords:
    """The words for `tools`' language (a `context.LanguageTools`), compiled on first use."""
    return _compile(tools.language, tools.nlp.tokenizer)
