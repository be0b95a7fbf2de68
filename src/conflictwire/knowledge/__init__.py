"""Knowledge that lives in data files: the ACLED taxonomy, per-language lexicons, countries, actors.

Everything is loaded once, validated on load, and shared by the stages that need it. A malformed
file fails at start with a message naming the file and the problem.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..vocab import ActorKind, check_against_taxonomy
from .lexicon import Lexicon, parse_lexicon

SUPPORTED_LANGUAGES = ("en", "fr")
ACTOR_KINDS = tuple(k.value for k in ActorKind)


from ..errors import KnowledgeError  # noqa: E402  defined with the other errors; imported from here too


def _read_yaml(name: str) -> Any:
    path = resources.files("conflictwire") / "data" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeError(f"data file {name} is missing from the package") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"data file {name} is not valid YAML: {exc}") from exc


@dataclass(frozen=True)
class Taxonomy:
    """ACLED event types -> sub-event types, each with its PLOVER type."""
    types: dict[str, dict[str, str]]
    disorders: dict[str, str]

    def disorder_of(self, event_type: str) -> str:
        return self.disorders.get(event_type, "")

    def event_type_of(self, sub_event_type: str) -> str:
        for event_type, subs in self.types.items():
            if sub_event_type in subs:
                return event_type
        raise KnowledgeError(f"unknown ACLED sub-event type {sub_event_type!r}")

    def plover_of(self, sub_event_type: str) -> str:
        return self.types[self.event_type_of(sub_event_type)][sub_event_type]


@functools.cache
def taxonomy() -> Taxonomy:
    raw = _read_yaml("taxonomy.yaml")
    types = {et: {st: spec["plover"] for st, spec in body["sub_event_types"].items()} for et, body in raw.items()}
    try:
        check_against_taxonomy(types)
    except ValueError as exc:
        raise KnowledgeError(str(exc)) from None
    return Taxonomy(types, {et: body.get("disorder", "") for et, body in raw.items()})


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    state: str  # as in "Military Forces of <state>"
    names: dict[str, list[str]]
    demonyms: dict[str, list[str]]
    capitals: dict[str, list[str]]


@functools.cache
def countries() -> dict[str, Country]:
    raw = _read_yaml("countries.yaml") or {}
    out = {}
    for code, body in raw.items():
        try:
            out[code] = Country(
                code=code, name=body["name"], state=body.get("state") or body["name"],
                names={lang: body.get(lang, {}).get("names", []) for lang in SUPPORTED_LANGUAGES},
                demonyms={lang: body.get(lang, {}).get("demonyms", []) for lang in SUPPORTED_LANGUAGES},
                capitals={lang: body.get(lang, {}).get("capitals", []) for lang in SUPPORTED_LANGUAGES},
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise KnowledgeError(f"countries.yaml: entry {code!r} is malformed ({exc})") from exc
    return out


@functools.cache
def territories() -> dict[str, str]:
    """Dependent territory code -> the code of the state it belongs to."""
    raw = _read_yaml("territories.yaml") or {}
    known = countries()
    for code, state in raw.items():
        if state not in known:
            raise KnowledgeError(f"territories.yaml: {code} belongs to {state!r}, which countries.yaml does not hold")
    return dict(raw)


def sovereign(code: str | None) -> str | None:
    """The state whose forces act in `code`: itself for a state, its sovereign for a territory."""
    return territories().get(code, code) if code else code


@dataclass(frozen=True)
class GroupEntry:
    """A named actor of the dictionary (armed group, institution)."""
    name: str
    kind: str
    country: str | None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    ally_of_state: bool = False  # fights beside the state's forces (VDP, CJTF, Wazalendo): never their opponent
    exact_only: bool = False  # aliases matched as written, never by edit similarity (generated ones)


def load_actor_entries(raw: Any, source: str) -> list[GroupEntry]:
    if not isinstance(raw, list):
        raise KnowledgeError(f"{source}: expected a list of actors")
    entries, seen = [], {}
    for i, body in enumerate(raw, 1):
        if not isinstance(body, dict) or "name" not in body:
            raise KnowledgeError(f"{source}: entry {i} has no name")
        if body.get("kind") not in ACTOR_KINDS:
            raise KnowledgeError(f"{source}: {body['name']!r} has kind {body.get('kind')!r}; use one of {', '.join(ACTOR_KINDS)}")
        aliases = body.get("aliases") or {}
        for alias in [body["name"], *(a for lst in aliases.values() for a in lst)]:
            key = alias.casefold()
            if seen.get(key, body["name"]) != body["name"]:
                raise KnowledgeError(f"{source}: alias {alias!r} names both {seen[key]!r} and {body['name']!r}")
            seen[key] = body["name"]
        flags = {key: body.get(key, False) for key in ("ally_of_state", "exact_only")}
        for key, value in flags.items():
            if not isinstance(value, bool):
                raise KnowledgeError(f"{source}: {body['name']!r} has {key} {value!r}; use true or false")
        entries.append(GroupEntry(body["name"], body["kind"], body.get("country"), aliases, **flags))
    return entries


def community_entries(taken: set[str] = frozenset()) -> list[dict]:
    """Dictionary entries for the militias of communities.yaml, one per community, named without
    a country (the event gives it: see resolve.actors.branch_in), with aliases that join each of
    the community's words to each fighting noun of the lexicons ("Kuki militants", "miliciens peuls").
    An alias `taken` (casefolded) by a named group stays that group's ("Dogon militia": Dan Na Ambassagou)."""
    out = []
    for body in _read_yaml("communities.yaml") or []:
        if not isinstance(body, dict) or not body.get("name") or body.get("militia") not in ("Ethnic", "Clan"):
            raise KnowledgeError(f"communities.yaml: entry {body!r} needs a name and a militia (Ethnic or Clan)")
        aliases = {}
        for language in SUPPORTED_LANGUAGES:
            lex = lexicon(language)
            nouns, first = lex.community_fighters, lex.community_word == "before"
            words = body.get(language, [])
            aliases[language] = [a for w in words for n in nouns
                                 if (a := f"{w} {n}" if first else f"{n} {w}").casefold() not in taken]
        out.append({"name": f"{body['name']} {body['militia']} Militia", "kind": ActorKind.IDENTITY_MILITIA,
                    "country": None, "aliases": aliases, "exact_only": True})
    return out


@functools.cache
def actor_entries(extra: str | None = None) -> list[GroupEntry]:
    named = _read_yaml("actors.yaml") or []
    taken = {a.casefold() for body in named if isinstance(body, dict)
             for a in [body.get("name", ""), *(a for lst in (body.get("aliases") or {}).values() for a in lst)]}
    entries = load_actor_entries(named + community_entries(taken), "actors.yaml and communities.yaml")
    if extra:
        path = Path(extra)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"{extra}: cannot read actor file ({exc})") from exc
        user = load_actor_entries(raw, extra)
        names = {e.name for e in user}
        entries = [e for e in entries if e.name not in names] + user
    return entries


@functools.cache
def lexicon(language: str) -> Lexicon:
    """The typed lexicon of `language`, loaded and validated once."""
    if language not in SUPPORTED_LANGUAGES:
        raise KnowledgeError(f"no lexicon for language {language!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    source = f"{language}/lexicon.yaml"
    try:
        return parse_lexicon(_read_yaml(source), source)
    except ValueError as exc:
        raise KnowledgeError(str(exc)) from None


@functools.cache
def regions() -> dict[str, dict[str, list[str]]]:
    return _read_yaml("regions.yaml")


@dataclass(frozen=True)
class NameWords:
    """Words inside names, whatever the report's language (data/names.yaml)."""
    particles: frozenset[str]  # "al", "da", "ibn": join the parts of a name
    leading_articles: tuple[str, ...]  # "the", "les", "l'": dropped when names are compared


@functools.cache
def name_words() -> NameWords:
    raw = _read_yaml("names.yaml") or {}
    try:
        particles, articles = raw["particles"], raw["leading_articles"]
    except (KeyError, TypeError) as exc:
        raise KnowledgeError(f"names.yaml lacks the section {exc}") from None
    bad = [w for w in [*particles, *articles] if not isinstance(w, str)]
    if bad:
        raise KnowledgeError(f"names.yaml: entries {bad} are not strings; quote them")
    return NameWords(frozenset(particles), tuple(articles))


def name_particles() -> frozenset[str]:
    return name_words().particles


@functools.cache
def merge_rules():
    """How the store recognises reports of one event (data/merge.yaml)."""
    from pydantic import ValidationError

    from .merging import MergeRules

    try:
        return MergeRules(**_read_yaml("merge.yaml"))
    except (ValidationError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"data file merge.yaml: {exc}") from None


@functools.cache
def tally_counts():
    """What the store counts beside a tally, by quantity (data/tally_counts.yaml)."""
    from pydantic import ValidationError

    from .merging import TallyCount

    try:
        return {quantity: TallyCount(**spec) for quantity, spec in _read_yaml("tally_counts.yaml").items()}
    except (ValidationError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(f"data file tally_counts.yaml: {exc}") from None
