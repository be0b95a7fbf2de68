"""The typed lexicon: every word a language contributes, read from `data/<lang>/lexicon.yaml`.

A lexicon is validated once when it is loaded: a section that is missing, a key that is not known
(a misspelling) or an entry that is not a string is an error naming the file and the key. The
stages read it by attribute (`lex.tallies.period`), never by string key.

A table (`dict[str, list[str]]`) maps a label to the phrases that signal it ("drone": ["drone",
"UAV"]); a word list (`list[str]`) is a set of phrases with no label.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..vocab import COMPASS, Casualty, Category, Launch, Outcome, StatementType, TallyQuantity, Trigger, Weapon

Table = dict[str, list[str]]
Words = list[str]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PeriodWords(_Section):
    """The words of the period a tally covers ("since 7 October", "over the past three months",
    "between January and March"); tallies/periods.py builds its patterns from them."""
    since: Words = []  # before a date that opens the period
    since_year: Words = []
    edges: Words = []  # "early", "mid-", "fin"
    year_edges: Words = []  # "the end of 2016"
    during_year: Words = []
    the_year: Words = []
    in_year: Words = []
    duration_openers: Words = []
    units: Words = []
    plural_units: Words = []
    recent: Words = []
    counts: Words = []
    spelled_counts: Words = []
    more_than_a: Words = []
    between: Words = []
    between_and: Words = []
    this_year: Words = []
    last_year: Words = []
    since_then: Words = []
    this_month: Words = []
    this_week: Words = []
    onset: Words = []
    onset_in: Words = []


class TallyWords(_Section):
    """Aggregate figures: "at least 40 attacks since 7 October"."""
    period: Words  # "since", "depuis": what opens the period a figure covers
    quantities: Table  # label -> what is counted ("attacks", "killed")
    qualifiers: Table  # at_least, more_than, about...
    night: Words = []
    counting: Words = []
    cumulative: Words = []
    stock: Words = []
    times: Words = []
    repeated: Table = {}
    weapons: Table = {}
    launches: Table = {}
    cases: Words = []
    case_types: Table = {}
    sources: Words = []
    speaking: Words = []
    ellipsis: Words = []
    units: Words = []
    # the grammar of figures, of the tally decision and of its scope (see data/en/lexicon.yaml)
    vague_plurals: Words = []
    ones: Words = []
    fractions: dict[str, int] = {}
    number_connectors: Words = []
    of: Words = []
    of_articles: Words = []
    definites: Words = []
    subordinators: Words = []
    months_capitalised: bool = False
    superlatives: Words = []
    superlative_adverbs: Words = []
    counting_verbs_tagged: bool = True  # else a counting verb is one no determiner precedes
    perfect_auxiliaries: Words = []  # none: any auxiliary makes a perfect
    determiners: Words = []
    relatives: Words = []
    relative_clause: Words = []
    pronouns: Words = []
    reflexives: Words = []
    inverted_incise: bool = False
    dating: PeriodWords = PeriodWords()
    ellipsis_after: Words = []  # "97 of them", "31 d'entre elles": a part of the figure before
    several: Words = []  # "several villages", "plusieurs villages": a toll over several places

    @field_validator("quantities", "repeated", "case_types", "launches")
    @classmethod
    def _known_quantities(cls, table: Table, info) -> Table:
        """What a tally counts is the vocabulary's: a misspelt label would be a new quantity."""
        vocabulary = Launch if info.field_name == "launches" else TallyQuantity
        unknown = sorted(set(table) - {v.value for v in vocabulary})
        if unknown:
            raise ValueError(f"unknown labels {unknown}; use those of vocab.{vocabulary.__name__}")
        return table


class PlaceWords(_Section):
    features: Table  # air base, dam, village... ("la base aérienne de X")
    near: Words  # "près de", "south of"
    landmarks: Words = []  # "on the border with": the name after them is a reference, not the place
    distance_units: dict[str, float] = {}  # "km": 1, "miles": 1.609: in kilometres
    opposed: Words = []  # "against": a country after it is opposed, no place things happen in
    settlement_nouns: Words = []
    quarters: Words = []  # "neighbourhood", "quartier": a part of a town
    anaphora: Words = []  # "cette localité", "the town"
    locative: Words = []
    prepositions: Words = []
    of: Words = []
    # "northern Mozambique", "le nord du Mali": compass point -> the words for it (run together when
    # hyphenated: "north-east" is "northeast"); "centre" for the middle
    directions: dict[str, Words] = {}

    @field_validator("directions")
    @classmethod
    def _compass(cls, table: dict[str, Words]) -> dict[str, Words]:
        unknown = sorted(set(table) - set(COMPASS))
        if unknown:
            raise ValueError(f"unknown compass points {unknown}; use those of {sorted(COMPASS)}")
        return table


class DateWords(_Section):
    months: Words  # the twelve in calendar order, January first; then other spellings ("fevrier", "Jan")
    weekdays: Words  # Monday first
    relative: Table = {}  # today, yesterday, last_night...
    since: Words = []
    in_month: Words = []  # "in November", "en novembre": a day in that month, not a period
    since_event: Words = []
    began: Words = []
    range_joiners: Words = []  # "9 to 10 June", "du 9 au 10 juin": a range of days, dated by its first
    stamps: Words = []  # "Published", "Publié le": the date after them is the page's, not the news'

    @field_validator("months")
    @classmethod
    def _twelve_months(cls, months: Words) -> Words:
        if len(months) < 12:
            raise ValueError(f"needs the twelve month names in order, found {len(months)}")
        return months


class Lexicon(_Section):
    """One language's words, section by section (see data/en/lexicon.yaml for what each holds)."""
    triggers: Table
    weapons: Table
    casualties: Table
    statements: Table
    actors: Table
    tallies: TallyWords
    places: PlaceWords
    dates: DateWords
    roles: Table
    outcomes: Table
    negation: Words
    future: Words
    threat_cues: Words
    demand_cues: Words
    anonymous_speakers: Words
    vague_numbers: dict[str, int]
    multipliers: dict[str, int] = {}  # "thousand": 1000, "milliards": 10**9
    weak_triggers: Words = []
    verb_only_triggers: Words = []
    generic_strikes: Words = []
    downing: Words = []
    downing_nouns: Words = []
    firing: Words = []
    throwing: Words = []
    escorting: Words = []
    thrown: Words = []
    conjunctions: Words = []
    opposing: Words = []
    reflexive_other: Words = []
    community_word: Literal["before", "after"] = "before"
    community_fighters: Words = []
    coded_fatalities: Table = {}
    demand_verbs: Words = []
    accusation_words: Words = []
    hedges: Words = []
    international_speakers: Words = []
    separators: Words = []
    associates: Words = []
    target_nouns: Words = []
    another: Words = []
    seized_things: Words = []
    looted_things: Words = []
    communal_people: Words = []
    settlements: Words = []
    violated_things: Words = []
    conflict_subjects: Words = []
    concessive: Words = []
    violations: Words = []
    nobody: Words = []
    self_pronouns: Words = []
    responsibility: Words = []
    actor_phrase_stops: Words = []
    demand_markers: Words = []
    warning_adjectives: Words = []
    # events: the words the trigger and role rules read (events/words.py)
    clitic_negation: Words = []  # "ne", "n'": half a negation, not one by itself
    negative_determiners: Words = []  # "no", "aucun", "sans": negate the trigger noun they stand before
    agent_markers: Words = []  # "by", "par": the phrase names who acted
    target_markers: Words = []  # "against", "contre": the phrase names who was acted on
    opposed_markers: Words = []  # "pitted X against Y", "opposé X à Y": Y is the other side
    supporter_prefixes: Words = []  # "pro-government gunmen": supporters, not the group itself
    # statements (statements/): the pronouns for the last speaker, the word before a source
    speaker_pronouns: Words = []
    according: Words = []
    # events: interception words said of any plan ("thwarted an attempt"): an interception only beside a weapon
    foiling: Words = []
    repelling: Words = []
    attributing: Words = []  # "attributed to", "attribuée à": whom an act is laid on
    holding: Words = []  # "held", "tenue": an area held by a side
    origins: Words = []  # "from", "provenir": where fire came from
    perceiving: Words = []  # "heard", "entendre": what a witness perceived
    stopped_vehicles: Words = []  # "intercepted a bus": what an interception word stops when no weapon is stopped
    speaker_documents: Words = []  # "the statement added", "cette source": the last speaker's words
    non_party_speakers: Words = []  # monitors, rights groups, witnesses, relatives: facts, no statements
    self_possessives: Words = []  # "its fighters", "nos unités": the speaker's own forces
    threat_objects: Words = []  # "warned of serious consequences": what is warned of is the speaker's own act
    denial_words: Words = []  # "false", "propagande": what was said denies
    # events with no trigger word: a destroying verb with property for object; a gathering with a protest's aim
    destroying: Words = []  # "burn", "set on fire", "mettre feu": first word the verb, the rest under it
    property: Words = []  # "house", "field", "champ": what destroying it tells property destruction
    gathering: Words = []  # "gather", "se rassembler", "block"
    protest_aims: Words = []  # "demand", "réclamer": the purpose clause of a gathering that makes it a protest

    @field_validator("triggers", "weapons", "casualties", "statements", "actors", "outcomes")
    @classmethod
    def _known_labels(cls, table: Table, info) -> Table:
        """A table's labels are the vocabulary's: a misspelt label would silently match nothing."""
        vocabulary = LABELS[info.field_name]
        unknown = sorted(set(table) - {v.value for v in vocabulary})
        if unknown:
            raise ValueError(f"unknown labels {unknown}; use those of vocab.{vocabulary.__name__}")
        return table


LABELS = {"triggers": Trigger, "weapons": Weapon, "casualties": Casualty, "statements": StatementType,
          "actors": Category, "outcomes": Outcome}


def parse_lexicon(raw: object, source: str) -> Lexicon:
    """The lexicon in `raw` (parsed YAML), or a `ValueError` naming `source` and each bad key."""
    try:
        return Lexicon.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {_reason(e)}" for e in exc.errors())
        raise ValueError(f"{source}: {problems}") from None


def _reason(error: dict) -> str:
    return {"missing": "section missing", "extra_forbidden": "unknown key (misspelt?)",
            "string_type": "not a string; quote it"}.get(error["type"], error["msg"])
