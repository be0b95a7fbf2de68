"""Who acted on whom in one mention: each actor named in its tokens gets a role.

`ROLE_RULES` are tried in order for each actor mention; the first that decides gives its role
(actor1 acts, actor2 is acted on, assoc fights beside actor1, or no role at all for one who only
speaks of the event). One rule, `parse_path`, climbs the parse from the actor to its clause's
verb and asks `PATH_RULES` at each step: a passive subject, a phrase with "by", an object...
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional

from spacy.tokens import Token

from ..find.actors import ActorMention
from ..find.places import is_of
from ..text.lexmatch import Match
from ..vocab import FACILITIES, Category, Trigger, Weapon
from . import syntax
from .report import Report

if TYPE_CHECKING:
    from .mentions import Mention

ACTOR1, ACTOR2, ASSOC = "actor1", "actor2", "assoc"  # the keys of a mention's roles
FIGHTER = "side_in_fighting"  # a side named in fighting that the parse gives no role: the sides' rules place it
NO_ROLE = ""  # decided: the actor takes no part (it only speaks of the event)
ASSOC_REACH = 4  # tokens between "accompanied by" and the actor it introduces
PATH_STEPS = 8  # how far up the parse an actor's role is looked for
CHARGES = {Weapon.IED, Weapon.EXPLOSIVE, Weapon.LANDMINE, Weapon.VEHICLE_BOMB}  # planted, not fired or thrown
FORCES = {Category.MILITARY, Category.POLICE, *FACILITIES}


@dataclass
class Named:
    """One actor mention in a mention's tokens, and what its role rules may read."""
    r: Report
    a: ActorMention
    triggers: list[Match]
    counted: set[int]  # numbers of the mention's casualty counts
    assoc_marks: list[Match]  # "accompanied by", "aux côtés de"
    charges: list[Match] = ()  # the mention's planted charges (IEDs, mines)

    @property
    def head(self) -> Token:
        return self.r.ctx.doc[self.a.head]

    @functools.cached_property
    def fired(self) -> set[int]:
        """The tokens of the mention's triggers."""
        return {i for m in self.triggers for i in range(m.start, m.end)}


# --- the rules, in order ------------------------------------------------------------------------
def counted_victim(n: Named) -> Optional[str]:
    """ "Four soldiers died when gunmen stormed the post", "six insurgents were killed in clashes with
    troops": people a casualty count counts were hit, fighters too; so are people a casualty noun
    is qualified by ("numerous jihadist deaths", "civilian casualties")."""
    head, dead = n.head, n.r.hurt_tokens
    qualifies_dead = head.i in dead or head.dep_ in ("amod", "compound") and head.head.i in dead
    if qualifies_dead and n.a.category in (Category.CIVILIANS, Category.MILITARY, Category.POLICE, Category.ARMED):
        return ACTOR2
    if not (n.a.counted(n.counted) or partitive_of_count(n.head, n.counted)):
        return None
    if n.a.category in (Category.CIVILIANS, Category.MILITARY, Category.POLICE):
        return ACTOR2
    # fighters, unless they are the ones who act ("two gunmen shot dead a trader": a count misread)
    return ACTOR2 if n.a.category in (Category.ARMED, Category.GROUP) and n.head.dep_ != "nsubj" else None


def partitive_of_count(head: Token, counted: set[int]) -> bool:
    """ "three of the militiamen died", "trois des miliciens sont morts": the phrase hangs
    from the counted number by "of"."""
    x = head.head
    if x.pos_ == "ADP" and x.i != x.head.i:  # English: fighters <- of <- two
        x = x.head
    return x.i != head.i and x.i in counted and head.dep_ in ("nmod", "pobj")


def own_relative_clause(n: Named) -> Optional[str]:
    """ "Hamas, which fired rockets overnight, said...", "le convoi qui a été attaqué": the act is
    told in a relative clause on the actor, whose pronoun says its role (even when the actor also
    speaks); not in one that speaks of it ("l'armée, qui impute l'attaque aux FSR")."""
    doc = n.r.ctx.doc
    for m in n.triggers:
        verb = doc[syntax.clause_verb(doc[m.start])]
        noun = syntax.antecedent(verb) if verb.i not in n.r.speakers else None
        if noun is not None and (n.a.start <= noun.i < n.a.end or n.head.head.i == noun.i):  # "the army convoy, which"
            pronoun = next((c for c in verb.children if syntax.is_subject(c) and c.pos_ == "PRON"), None)
            if pronoun is not None:
                return ACTOR2 if pronoun.dep_ in syntax.PASSIVE_SUBJ else ACTOR1
    return None


def speaker(n: Named) -> Optional[str]:
    """ "The army said it had pushed the rebels back": who speaks takes part only in its own act,
    as its target when the act is stopping a weapon ("the air force said it shot down 20 drones")."""
    if not (n.r.speaks(n.a) or named_in_reporting(n)):
        return None
    if not tells_own_act(n.r, n.a, n.triggers):
        return NO_ROLE
    return ACTOR2 if all(m.label == Trigger.INTERCEPT for m in n.triggers) or repelled(n) else ACTOR1


SOURCE_LINKS = syntax.NOMINAL_LINKS | {"acl", "obl", "agent"}  # what a source's phrase is made of


def named_in_reporting(n: Named) -> bool:
    """ "according to news released from the office of the chief": a phrase deep in the source a
    saying word names, climbing only through that phrase (not through a clause of its own, nor
    from the saying verb's object, which may be a misparsed subject)."""
    x = n.head
    for _ in range(2 * PATH_STEPS):
        if x.head.i == x.i or x.dep_ not in SOURCE_LINKS:
            return False
        x = x.head
        if x.i in n.r.speakers:
            return True
    return False


def accompanying(n: Named) -> Optional[str]:
    """ "Des soldats, accompagnés de chasseurs traditionnels, ont attaqué...": the hunters came along."""
    if any(m.start < n.a.start and n.a.start - m.end <= ASSOC_REACH for m in n.assoc_marks):
        return ASSOC
    return None


def stops_weapon(n: Named) -> Optional[str]:
    """ "Air defences shot down two drones over the port": who stops a weapon is its target (the
    subject of an active verb: "Russian drones were shot down" names whose they were)."""
    head = n.head
    subject_of = head.head if active(head) else head.head.head if active(head.head) else None
    stoppers = {m.start for m in n.triggers if m.label == Trigger.INTERCEPT}
    return ACTOR2 if subject_of is not None and subject_of.i in stoppers else None


def repels(n: Named) -> Optional[str]:
    """ "The army repelled a rebel offensive", "l'armée a repoussé une attaque": who repels an
    attack was its target; the attacker (its owner, "an M23 offensive") acts."""
    if not repelled(n):
        return None
    head, repelling = n.head, n.r.words.repelling
    while head.dep_ == syntax.CONJ:  # "the 5th brigade and the units posted there repelled it": the first conjunct's role
        head = head.head
    if active(head) and head.head.lemma_.lower() in repelling:
        return ACTOR2
    span = n.r.ctx.doc[n.a.start:n.a.end]  # "une offensive des rebelles": the attack's own "of" names who made it
    root = next((t for t in span if not n.a.start <= t.head.i < n.a.end), head)
    attack = root.head
    if root.dep_ == "nmod" and any(is_of(c) for c in root.children) and attack.dep_ in syntax.OBJECTS \
            and attack.head.lemma_.lower() in repelling:
        return ACTOR1
    return None


def repelled(n: Named) -> bool:
    return any(n.r.ctx.doc[m.start].lemma_.lower() in n.r.words.repelling for m in n.triggers)


def active(t: Token) -> bool:
    return syntax.is_subject(t) and "pass" not in t.dep_


def attributed_to(n: Named) -> Optional[str]:
    """ "An attack blamed on the rebels", "une attaque attribuée au groupe X": who the act is laid on made it."""
    x = n.head
    for _ in range(2):  # "au groupe Red Tabara": the name hangs on its noun
        if x.dep_ in ("nmod", "appos", "flat", "flat:name", "compound") and x.head.pos_ in ("NOUN", "PROPN"):
            x = x.head
    verb = x.head.head if x.head.pos_ == "ADP" else x.head  # (English hangs the name on "to"/"on")
    if verb.lemma_.lower() in n.r.words.attributing and verb.dep_ in ("acl", "amod") and verb.head.i in n.fired:
        return ACTOR1
    return None


def holds_area(n: Named) -> Optional[str]:
    """ "Jets bombed rebel-held villages", "un quartier tenu par la milice": who holds the area struck was
    struck; "shells fired from districts held by the rebels": who holds the area fire came from fired it."""
    x, words = n.head, n.r.words
    if x.head.dep_ == "agent":  # "controlled by the militia": the agent's preposition, then its verb
        x = x.head
    held = x.head
    if held.i == x.i or held.lemma_.lower() not in words.holding or held.dep_ not in ("acl", "amod") \
            or held.head.pos_ not in ("NOUN", "PROPN"):
        return None
    area = held.head
    marks = [area.head, *(c for c in area.children if c.dep_ == "case")]
    return ACTOR1 if any(t.lemma_.lower() in words.origins for t in marks) else ACTOR2


def country_of_place(n: Named) -> Optional[str]:
    """ "In Kiryat Shmona, Israel", "à Goma, RDC": a country named after a town it holds places it."""
    a, doc = n.a, n.r.ctx.doc
    if a.category != Category.STATE or a.country is None or a.start < 2 or doc[a.start - 1].text != "," \
            or syntax.is_subject(doc[a.head]):  # (not "after strikes in Balochistan, Pakistan launched raids")
        return None
    placed = any(p.end == a.start - 1 and p.place is not None and p.place.country_code == a.country for p in n.r.ctx.places)
    return NO_ROLE if placed else None


def marked_agent(n: Named) -> Optional[str]:
    """ "L'attaque menée par des jihadistes": the actor finder saw the agent's own marker."""
    return ACTOR1 if n.a.agent else None


def met_charge(n: Named) -> Optional[str]:
    """ "An army truck struck a landmine near Gao", "une mine a explosé au passage d'une patrouille":
    forces that meet a planted charge are its target, not who set it."""
    if n.a.category not in FORCES or n.a.agent or not n.charges:
        return None
    found = path_decision(n)
    if found is not None and found[0] is agent_phrase:  # "a mine laid by soldiers"
        return None
    doc, fired = n.r.ctx.doc, n.fired
    subject = subject_of(n.head)
    for w in n.charges:
        charge = doc[w.end - 1]
        verb = doc[syntax.clause_verb(charge)]
        if verb.i in fired and (syntax.is_subject(charge) or subject is not None and subject.i == verb.i):
            return ACTOR2  # it went off; they ran into it
        if subject is not None and subject.i in fired and subject.i < charge.i and charge in subject.subtree:
            return ACTOR2  # "an army vehicle struck an IED likely planted by ...": however the parse hangs the charge
    return None


def subject_of(x: Token) -> Optional[Token]:
    """The verb whose subject the phrase of `x` is ("an army vehicle struck": struck), or None."""
    for _ in range(PATH_STEPS):
        if syntax.is_subject(x):
            return x.head
        if x.dep_ not in syntax.NOMINAL_LINKS or x.head.i == x.i:
            return None
        x = x.head
    return None


def misparsed_subject(n: Named) -> Optional[str]:
    """ "The ministry said its troops had repelled the raid": the parser took the subject for an object."""
    x = n.head
    if x.dep_ in syntax.OBJECTS and x.head.i in n.r.saying_verbs and syntax.clause_after(x):
        return ACTOR1
    return None


def parse_path(n: Named) -> Optional[str]:
    """ "Villagers were attacked by gunmen": the parse from the actor to its verb says (PATH_RULES)."""
    found = path_decision(n)
    return None if found is None else found[1] or None  # NO_ROLE on the path: left to the next rule


def armed_by_default(n: Named) -> Optional[str]:
    """ "Gunmen and villagers in the market at dawn": the armed act, the others are acted on; in
    fighting ("fighting broke out between the army and the rebels") each armed side is a fighter."""
    armed = n.a.category in (Category.ARMED, Category.GROUP)
    if any(m.label == Trigger.CLASH for m in n.triggers) and (armed or n.a.category in FORCES):
        return FIGHTER
    return ACTOR1 if armed else ACTOR2


ROLE_RULES: list[Callable[[Named], Optional[str]]] = [
    counted_victim, country_of_place, own_relative_clause, attributed_to, speaker, accompanying, stops_weapon, repels, holds_area,
    marked_agent, met_charge,
    misparsed_subject, parse_path, armed_by_default,
]


def decide(n: Named) -> tuple[Callable[[Named], Optional[str]], str]:
    """The first rule that decides, and its decision (`NO_ROLE` for none)."""
    return next((rule, role) for rule, role in ((rule, rule(n)) for rule in ROLE_RULES) if role is not None)


def role_of(n: Named) -> str:
    return decide(n)[1]


def assign_roles(r: Report, mention: "Mention", actors: list[ActorMention], triggers: list[Match],
                 counted: set[int] = frozenset()) -> None:
    """Put each actor named in the mention's tokens in its role."""
    assoc_marks = r.words.associates.find(r.ctx.keys, mention.tokens.start, mention.tokens.stop)
    # (a charge is a thing: "jets bombed the town" planted none)
    charges = [w for w in mention.weapons if w.label in CHARGES and r.ctx.doc[w.end - 1].pos_ not in syntax.VERBS]
    for a in actors:
        role = role_of(Named(r, a, triggers, counted, assoc_marks, charges))
        if role:
            mention.roles.setdefault(role, []).append(a)


# --- one step up the parse --------------------------------------------------------------------
@dataclass
class Step:
    """One step from a token up to its head: the relation, its prepositions, the head."""
    dep: str
    case: set[str]
    head: Token

    @classmethod
    def up_from(cls, x: Token) -> "Step":
        h = x.head
        if x.dep_ == "pobj":  # English: the preposition carries the relation
            return cls(h.dep_, {h.lower_}, h.head)
        # UD's "case" marks the noun's own relation; an English "prep" child modifies the
        # noun instead ("gunmen on a motorcycle").
        return cls(x.dep_, {c.lower_ for c in x.children if c.dep_ in (syntax.CASE, "mark")}, h)


def path_decision(n: Named) -> Optional[tuple[Callable[[Report, Step], Optional[str]], str]]:
    """Climbing from the actor's head, the first step a path rule decides, and its decision."""
    x = n.head
    for _ in range(PATH_STEPS):
        if x.head.i == x.i:
            return None
        step = Step.up_from(x)
        for rule in PATH_RULES:
            role = rule(n.r, step)
            if role is not None:
                return rule, role
        x = step.head
    return None


def opposing_object(r: Report, s: Step) -> Optional[str]:
    """ "Fighting pitted the rebels against the army": the one pitted acts."""
    return ACTOR1 if s.head.lemma_.lower() in r.words.opposing and s.dep in syntax.OBJECTS else None


def opposed_side(r: Report, s: Step) -> Optional[str]:
    """ "Les combats ont opposé les rebelles à l'armée": the one it is pitted against is the other side."""
    return ACTOR2 if s.head.lemma_.lower() in r.words.opposing and s.case & r.words.opposed_markers else None


def target_noun_subject(r: Report, s: Step) -> Optional[str]:
    """ "Les gendarmes étaient la cible de l'embuscade": the target is acted on."""
    return ACTOR2 if s.head.lemma_.lower() in r.words.target_nouns and s.dep.startswith("nsubj") else None


def dead_subject(r: Report, s: Step) -> Optional[str]:
    """ "Three guards died in the raid", "une dizaine de soldats ont péri": the dead are acted on (not
    the subject of a killing verb whose object the parse missed: "l'armée a neutralisé douze terroristes")."""
    h = s.head
    if s.dep == "nsubj" and not any(c.dep_ in syntax.OBJECTS for c in h.children) and h.pos_ == "VERB" \
            and h.i in r.hurt_tokens and h.i not in r.killing_verbs:  # "a neutralisé": who kills
        return ACTOR2
    return None


def passive_subject(r: Report, s: Step) -> Optional[str]:
    """ "Deux policiers ont été enlevés dans la nuit": the subject of a passive is acted on."""
    return ACTOR2 if s.dep in syntax.PASSIVE_SUBJ else None


def agent_phrase(r: Report, s: Step) -> Optional[str]:
    """ "The convoy was ambushed by bandits": the phrase with "by" names who acted."""
    return ACTOR1 if s.dep in ("obl:agent", "agent") or s.case & r.words.agent_markers else None


def target_phrase(r: Report, s: Step) -> Optional[str]:
    """ "Une offensive contre les jihadistes", "the army shelled the rebels": the target or the object."""
    return ACTOR2 if s.case & r.words.target_markers or s.dep in syntax.OBJECTS else None


def active_subject(r: Report, s: Step) -> Optional[str]:
    """ "Militiamen burned the granaries": the subject of an active verb acts."""
    return ACTOR1 if s.dep == "nsubj" else None


def verb_modifier(r: Report, s: Step) -> Optional[str]:
    """ "Des tirs, selon un bilan des autorités locales": a noun hung on a non-noun tells no role."""
    return NO_ROLE if s.dep == "nmod" and s.head.pos_ not in ("NOUN", "PROPN") else None


# Tried at each step up; none deciding, the climb goes on (across "X and Y", "X, a commander", ...).
PATH_RULES: list[Callable[[Report, Step], Optional[str]]] = [
    opposing_object, opposed_side, target_noun_subject, dead_subject, passive_subject, agent_phrase, target_phrase,
    active_subject, verb_modifier,
]


def tells_own_act(r: Report, a: ActorMention, triggers: list[Match]) -> bool:
    """The speaker tells of what it did itself: the act is a clause of its saying verb with no
    subject of its own ("the army said it had deployed", "l'armée a annoncé s'être déployée")."""
    doc = r.ctx.doc
    verb = doc[a.head].head
    if not syntax.is_subject(doc[a.head]) or verb.i not in r.saying_verbs:
        return False
    for m in triggers:
        t = doc[m.start]
        while t.head.i != verb.i and t.head.i != t.i:  # up to the clause the verb says
            t = t.head
        if t.head.i == verb.i and t.dep_ in ("xcomp", "ccomp", "advcl") and t.i > verb.i and \
                not any(syntax.is_subject(c) and c.lower_ not in r.words.own_pronouns for c in t.children):
            return True  # "l'armée a affirmé avoir neutralisé trois rebelles lors d'un accrochage"
    return False
