"""Actor mentions: who a report talks about, as spans with what the words say of them (a named
group from the dictionary, a state's forces and their country, civilians, protesters...).
Giving each its ACLED name is `resolve.actors`'s work.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz, process
from spacy.tokens import Token

from ..knowledge import countries, lexicon, name_words
from ..model import Actor
from ..text.lexmatch import Match, PhraseIndex, TokenKeys
from ..text.normalize import fold, leading_article, name_key, strip_accents
from ..vocab import Category
from .places import is_locative, is_of  # noqa: F401 (is_locative is read here by callers of find.actors)

NAME_LABELS = ("ORG", "NORP", "MISC")  # NER names an armed group may stand behind
MODIFIERS = (Category.UNKNOWN, Category.BACKED)  # actor words that qualify another ("unidentified", "-backed")


@dataclass
class ActorMention:
    """An actor as the report names it, before its role in an event is known."""
    start: int  # token span in the doc
    end: int
    head: int  # token index of the head word
    category: str  # group, military, police, government, state, armed, civilians, protesters, rioters, proxy
    country: Optional[str] = None  # the actor's own country, when the words give it
    where: Optional[str] = None  # a country named as where the actor is ("groups in Iraq")
    group: Optional[Actor] = None  # a dictionary entry, for named groups
    backer: Optional[str] = None  # "Iran-backed": the backing country
    unknown: bool = False
    agent: bool = False  # owns the weapon or the strike ("Russian drones", "frappe israélienne"): acts

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end

    def counted(self, numbers: set[int]) -> bool:
        """The phrase holds one of these numbers ("trois personnes")."""
        return any(self.covers(i) for i in numbers)


def fold_name(name: str) -> str:
    """The form names are compared in: no accents, case, punctuation, spaces or leading article."""
    return name_key(name, _leading_article())


@functools.cache
def phrase_stops(language: str) -> frozenset[str]:
    """Words that end an actor's phrase ("cinq personnes | dont deux enfants")."""
    return frozenset(fold(w) for w in lexicon(language).actor_phrase_stops)


@functools.cache
def _leading_article() -> re.Pattern:
    return leading_article(name_words().leading_articles)


def filed_from(doc, start: int, end: int) -> bool:
    """A name that opens a paragraph and a dash right after it ("Beirut — Hezbollah said..."): the
    city a wire report is filed from, not a government."""
    opens = start == 0 or doc[start - 1].is_space and "\n" in doc[start - 1].text
    return opens and end < len(doc) and doc[end].text[:1] in "-–—"


class GroupMatcher:
    """Names to dictionary actors: an exact alias first (folded: "Kata'ib Hezbollah" is
    "kataibhezbollah"), then the closest alias by edit similarity (rapidfuzz) when it is close
    enough, for spellings the dictionary does not list ("Tehreek-e-Taliban", "Hizballah").
    Short names (acronyms) must match exactly."""

    THRESHOLD = 88.0
    MIN_FUZZY_LENGTH = 8

    def __init__(self, table: dict[str, list[str]], actors: dict[str, Actor], exact_only: frozenset = frozenset()):
        self.actors = actors
        self.exact: dict[str, str] = {}
        fuzzy = set()
        for name, aliases in table.items():
            for alias in aliases if name not in exact_only else aliases[:1]:  # `exact_only`: the name alone
                fuzzy.add(fold_name(alias))
            for alias in aliases:
                self.exact.setdefault(fold_name(alias), name)
        self.keys = [k for k in self.exact if len(k) >= self.MIN_FUZZY_LENGTH and k in fuzzy]
        self.names = [self.exact[k] for k in self.keys]

    def match(self, name: str) -> Optional[tuple[Actor, float]]:
        key = fold_name(name)
        if key in self.exact:
            return self.actors[self.exact[key]], 100.0
        if len(key) < self.MIN_FUZZY_LENGTH:
            return None
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=self.THRESHOLD)
        return (self.actors[self.names[best[2]]], best[1]) if best else None

    def match_many(self, names: list[str]) -> list[Optional[tuple[Actor, float]]]:
        """The same for many names at once, compared in one batch on every core."""
        keys = [fold_name(n) for n in names]
        out: list[Optional[tuple[Actor, float]]] = [None] * len(names)
        todo = []
        for i, key in enumerate(keys):
            if key in self.exact:
                out[i] = (self.actors[self.exact[key]], 100.0)
            elif len(key) >= self.MIN_FUZZY_LENGTH:
                todo.append(i)
        if todo and self.keys:
            scores = process.cdist([keys[i] for i in todo], self.keys, scorer=fuzz.ratio,
                                   score_cutoff=self.THRESHOLD, workers=-1)
            for row, i in zip(scores, todo):
                j = int(row.argmax())
                if row[j] >= self.THRESHOLD:
                    out[i] = (self.actors[self.names[j]], float(row[j]))
        return out


@dataclass
class ActorLexicon:
    """The phrase indexes actor finding needs, for one language."""
    words: PhraseIndex
    country_refs: PhraseIndex
    groups: PhraseIndex
    group_actors: dict[str, Actor] = field(default_factory=dict)
    matcher: Optional[GroupMatcher] = None
    state_allies: frozenset = frozenset()  # names of groups that fight beside a state's forces
    agent_markers: frozenset = frozenset()  # "by", "par": the phrase names who acted

    @classmethod
    def build(cls, tokenizer, language: str, entries) -> "ActorLexicon":
        lex = lexicon(language).actors
        refs: dict[str, list[str]] = {}
        for code, country in countries().items():
            refs[f"name:{code}"] = country.names.get(language, [])
            refs[f"demonym:{code}"] = country.demonyms.get(language, [])
            refs[f"capital:{code}"] = country.capitals.get(language, [])
        table, actors = {}, {}
        for entry in entries:
            aliases = [entry.name, *entry.aliases.get(language, []), *entry.aliases.get("en", [])]
            # Capitals often lose their accents ("Etat islamique"): the bare spelling matches too.
            table[entry.name] = aliases + [b for a in aliases if (b := strip_accents(a)) != a]
            actors[entry.name] = Actor(name=entry.name, kind=entry.kind, country_code=entry.country)
        return cls(PhraseIndex(tokenizer, lex), PhraseIndex(tokenizer, refs), PhraseIndex(tokenizer, table), actors,
                   GroupMatcher(table, actors, frozenset(e.name for e in entries if e.exact_only)),
                   frozenset(e.name for e in entries if e.ally_of_state),
                   frozenset(w.lower() for w in lexicon(language).agent_markers))


class ActorFinder:
    """Finds actor mentions in a parsed report."""

    def __init__(self, lex: ActorLexicon):
        self.lex = lex

    def find(self, keys: TokenKeys, refs: list[Match], attack_heads: set[int]) -> list[ActorMention]:
        """Actor mentions: named groups, actor words with what qualifies them, states standing as
        subject or object, and a country owning an attack or weapon ("Russian drones")."""
        doc = keys.doc
        mentions: list[ActorMention] = []
        taken: set[int] = set()
        for m in self.lex.groups.find(keys):
            last = doc[m.end - 1]
            owner = last.dep_ in ("amod", "compound", "nmod", "poss", "nmod:poss") and last.head.i in attack_heads
            head = doc[m.start:m.end].root.i  # spaCy's: "armée" of "armée de l'air israélienne"
            mentions.append(ActorMention(m.start, m.end, head, Category.GROUP, group=self.lex.group_actors[m.label],
                                         agent=owner))  # "a Houthi drone": the group used it
            taken.update(range(m.start, m.end))
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and not any(i in taken for i in range(ent.start, ent.end)) and self.lex.matcher:
                found = self.lex.matcher.match(ent.text)
                if found:
                    head = ent.root.i
                    mentions.append(ActorMention(ent.start, ent.end, head, Category.GROUP, group=found[0]))
                    taken.update(range(ent.start, ent.end))
        words = [m for m in self.lex.words.find(keys) if m.start not in taken]
        modifiers = {m.start: m for m in words if m.label in MODIFIERS}
        for m in words:
            if m.label in MODIFIERS or any(i in taken for i in range(m.start, m.end)):
                continue
            head = doc[m.start:m.end].root
            if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ == "NOUN" and head.head.i == m.end:
                head = head.head  # "a military column", "a police patrol": the noun it qualifies is the actor
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            mention = self._noun_mention(keys, m, head, refs, modifiers)
            mentions.append(mention)
            taken.update(range(mention.start, mention.end))
        for ref in refs:
            kind, code = ref.label.split(":")
            if ref.start in taken:
                continue
            if self._owner(doc[ref.end - 1], kind, attack_heads):
                mentions.append(ActorMention(ref.start, ref.end, ref.end - 1, Category.MILITARY, country=code, agent=True))
            elif kind != "demonym" and self._argument(doc[ref.end - 1], self.lex.agent_markers) \
                    and not filed_from(doc, ref.start, ref.end):
                mentions.append(ActorMention(ref.start, ref.end, ref.end - 1, Category.STATE, country=code))
            elif kind == "demonym" and self._counted_people(doc[ref.end - 1]):
                count = min(c.i for c in doc[ref.end - 1].children if c.dep_ == "nummod")
                mentions.append(ActorMention(min(count, ref.start), ref.end, ref.end - 1, Category.CIVILIANS, country=code))
            else:
                continue
            taken.update(range(ref.start, ref.end))
        return sorted(mentions, key=lambda a: a.start)

    @staticmethod
    def _owner(tok: Token, kind: str, attack_heads: set[int]) -> bool:
        """A demonym or possessive country on an attack or weapon word: "Russian missiles",
        "une frappe israélienne", "Israel's strike"."""
        if kind == "demonym":  # (or right beside it, however the parse hangs it: "27 drones russes")
            return tok.dep_ in ("amod", "compound", "nmod", "flat") and tok.head.i in attack_heads \
                or bool({tok.i - 1, tok.i + 1} & attack_heads)
        return kind == "name" and tok.dep_ in ("poss", "nmod:poss") and tok.head.i in attack_heads

    @staticmethod
    def _counted_people(tok: Token) -> bool:
        """A demonym standing as a counted noun: "three Palestinians", "deux Maliens" are people."""
        return tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in tok.children)

    @staticmethod
    def _argument(tok: Token, agent_markers: frozenset = frozenset()) -> bool:
        """A state named for its government or forces stands as subject or object of a verb, or
        as the one a relative clause says acted."""
        while tok.dep_ in ("conj", "flat", "flat:name", "compound") and tok.head.i != tok.i:
            tok = tok.head
        # or of the clause that says what it did ("for Moscow, which took the town last week")
        def relative_subject(g: Token) -> bool:  # "which", "qui" as the subject of a relative clause
            return g.dep_ == "nsubj" and g.pos_ == "PRON" and g.head.dep_ in ("relcl", "acl:relcl")
        doc = tok.doc
        acts = any(c.dep_ in ("relcl", "acl:relcl") and any(relative_subject(g) for g in c.children) for c in tok.children) \
            or tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and relative_subject(doc[tok.i + 2])  # however it is parsed
        agent = tok.dep_ == "obl:agent" or tok.dep_ == "pobj" and tok.head.dep_ == "agent" \
            or tok.head.pos_ == "VERB" and any(c.dep_ == "case" and c.lower_ in agent_markers  # "rejetée par Bujumbura"
                                               for c in tok.children)
        return acts or agent or tok.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "appos", "ROOT")

    def _noun_mention(self, keys: TokenKeys, m: Match, head: Token, refs: list[Match], modifiers) -> ActorMention:
        doc = keys.doc
        left, right = head.left_edge.i, head.right_edge.i + 1
        # Keep the phrase tight: no leading preposition or conjunction, no relative clause or long tail.
        while left < head.i and doc[left].pos_ in ("ADP", "CCONJ", "PUNCT", "SCONJ", "PRON"):
            left += 1
        right = min(right, m.end + 8)
        stops, particles = phrase_stops(doc.lang_), name_words().particles  # "residents of Tlacotepec de Benito Juárez"
        for t in doc[max(head.i + 1, m.end):right]:
            after_participle = "Part" in doc[t.i - 1].morph.get("VerbForm")  # "dirigée par", "backed by"
            if t.dep_ in ("acl:relcl", "relcl", "punct") or t.pos_ in ("VERB", "AUX", "CCONJ") and t.dep_ != "acl" \
                    or not after_participle and (t.lower_ in stops or t.pos_ == "ADP" and not is_of(t) and t.lower_ not in particles):
                right = t.i  # "l'armée congolaise | et ses alliés", "un poste | près de Mora", "cinq personnes | dont"
                break
        mention = ActorMention(min(left, m.start), right, head.i, m.label)
        for ref in refs:
            if not (left <= ref.start < right):
                continue
            kind, code = ref.label.split(":")
            backing = {i for mod in modifiers.values() if mod.label == Category.BACKED for i in range(mod.start, mod.end)}
            if self._backed(doc, ref.start, m.end, backing):
                mention.category, mention.backer = Category.PROXY, code
            elif kind == "demonym" or (kind != "capital" and not is_locative(doc, ref.start)):
                mention.country = mention.country or code
            else:
                mention.where = mention.where or code
        for i in range(mention.start, mention.end):
            mod = modifiers.get(i)
            if mod and mod.label == Category.UNKNOWN:
                mention.unknown = True
        for g in self.lex.groups.find(keys, left, right):
            mention.category, mention.group = Category.GROUP, self.lex.group_actors[g.label]
        return mention

    @staticmethod
    def _backed(doc, ref_start: int, noun_end: int, cues: set[int]) -> bool:
        """`ref` backs the noun: "Iran-backed militias" (the cue between the country and the noun),
        "backed by Iran", "soutenues par l'Iran" (the cue just before the country), "pro-Iranian
        militias"; in "Somali troops backed by AU forces" the country is the troops' own. `cues`:
        the tokens of the lexicon's "backed" words."""
        for i in sorted(cues):
            if ref_start < i < noun_end or i <= ref_start <= i + 4 and i >= noun_end - 1 or 0 < ref_start - i <= 2:
                return True
        return False


def own_forces(doc, actors: list[ActorMention], says: set[int], weapons: list[Match]) -> list[ActorMention]:
    """ "Rwanda's defence force said its soldiers had fought...", "the army said one of its
    drones had struck...": forces and weapons that belong to whoever says so are theirs. `says`:
    the tokens of saying verbs. Returns the actors, with one added for each weapon so owned."""
    def speaker(i: int) -> Optional[ActorMention]:
        x = doc[i]
        for _ in range(8):
            if x.i in says:
                subj = next((c for c in x.children if c.dep_.startswith("nsubj")), None)
                return next((a for a in actors if subj is not None and a.covers(subj.i)), None)
            if x.head.i == x.i:
                return None
            x = x.head
        return None

    def possessive(tokens) -> Optional[int]:
        return next((t.i for t in tokens if t.pos_ in ("PRON", "DET") and "Yes" in t.morph.get("Poss")
                     and t.morph.get("Person") in (["3"], [])), None)

    for a in actors:
        if a.category in (Category.MILITARY, Category.POLICE) and a.country is None and possessive(
                [*doc[a.start:a.head + 1], *doc[a.head].children]) is not None:
            owner = speaker(a.head)
            if owner is not None and owner.category == Category.GROUP:
                a.category, a.group = Category.GROUP, owner.group
            elif owner is not None and owner.country:
                a.country = owner.country
    taken = {i for a in actors for i in range(a.start, a.end)}
    for w in weapons:
        mark = possessive(doc[w.end - 1].children)
        if mark is None or mark in taken:
            continue
        owner = speaker(w.start)
        if owner is not None and owner.category in (Category.MILITARY, Category.GROUP, Category.STATE, Category.POLICE):
            actors.append(dataclasses.replace(owner, start=mark, end=mark + 1, head=mark, agent=True))
    return sorted(actors, key=lambda a: a.start)
