"""Which sentences and trigger words tell an event.

A sentence that gives a tally over a period, or that accuses, denies, threatens or demands,
tells none. A trigger that is negated, future or only intended, habitual, a toll of a whole war,
an explosion someone only heard, a move no force makes, or a weak word without support tells
none. Downing a drone is an interception; a weapon that hurt people at a
named place tells an attack even without an attack verb.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..text.lexmatch import Match
from ..vocab import HURT, Category, Outcome, StatementType, Trigger, Weapon
from . import syntax
from .implicit import implicit_triggers
from .report import Report

BLOCKING_STATEMENTS = {StatementType.ACCUSE, StatementType.REJECT, StatementType.THREATEN, StatementType.DEMAND,
                       StatementType.WARN}
FLYING = (Weapon.DRONE, Weapon.MISSILE, Weapon.ROCKET, Weapon.AIRSTRIKE)  # weapons that are shot down, not defused
HANDHELD = (Weapon.SMALL_ARMS, Weapon.MELEE)  # fought with, never intercepted
GROUND = (Trigger.CAPTURE, Trigger.RECAPTURE)
MOVES = (Trigger.DEPLOY, Trigger.WITHDRAW)  # a group's change of activity
MOVERS = (Category.MILITARY, Category.POLICE, Category.ARMED, Category.GROUP, Category.STATE)
CROWDS = (Category.PROTESTERS, Category.RIOTERS, Category.CIVILIANS)
PAST_YEARS = 2  # a year named this long before the report makes its clause history ("executed in 1980")
FIRST_YEAR = 1900  # four digits from here on may be a year


def sentence_triggers(r: Report, sent: Span) -> list[Match]:
    """The triggers that tell an event in the sentence (not a tally or an accusation: `silenced`)."""
    ctx = r.ctx
    found = [robbed(r, m) for m in ctx.in_span(ctx.triggers, sent)]  # "seized three goats": looting
    triggers = [foiled(r, shot_down(r, m), sent) for m in found if valid(r, m, sent) and not stopped_vehicle(r, m, sent)]
    triggers += downed(r, sent, triggers)
    triggers += implicit_triggers(r, sent, triggers)
    if not triggers and not ctx.in_span(ctx.triggers, sent):
        triggers = weapon_as_trigger(r, sent)
    return triggers


def silenced(r: Report, sent: Span) -> bool:
    """The sentence tells no event at all, not even one it goes on telling."""
    return is_tally(r, sent) or blocked_by_statement(r, sent)


def is_tally(r: Report, sent: Span) -> bool:
    """A sentence that gives an aggregate over a period is a tally, not an event."""
    ctx = r.ctx
    doc = ctx.doc
    # a period inside a clause that describes a noun is not the count's ("démoli douze bâtiments
    # dans le camp, vidé de ses habitants depuis janvier")
    periods = [p for p in ctx.in_span(ctx.periods, sent) if not syntax.descriptive(doc[syntax.clause_verb(doc[p.start])])]
    return bool(periods) and any((t.like_num or t.pos_ == "NUM") and not (t.text.isdigit() and len(t.text) == 4)
                                 and not measures(r, t) for t in sent)


def measures(r: Report, t: Token) -> bool:
    """ "1 500 kilomètres", "d'un an": a number of units, not a count of events or people."""
    nxt = next((x for x in t.doc[t.i + 1:t.i + 3] if not (x.like_num or x.pos_ == "NUM")), None)
    return nxt is not None and (nxt.lower_ in r.words.units or nxt.lemma_.lower() in r.words.units)


def blocked_by_statement(r: Report, sent: Span) -> bool:
    """Accusations, denials, threats and demands speak of attacks; they do not report one."""
    ctx = r.ctx
    cues = ctx.in_span(ctx.statement_cues, sent)
    if not cues:
        return False
    tools, keys = ctx.tools, ctx.keys
    strong = any(c.label in BLOCKING_STATEMENTS for c in cues) or tools.threat_cues.find(keys, sent.start, sent.end) \
        or tools.demand_cues.find(keys, sent.start, sent.end)
    return bool(strong) and not ctx.times_in(sent.start, sent.end) and not protest_told(r, sent)


def protest_told(r: Report, sent: Span) -> bool:
    """ "Students marched in X, calling for the release of detainees": the demand is what the
    protest is about; the main clause still tells the protest."""
    root = sent.root
    return any(m.label == Trigger.PROTEST and r.ctx.doc[m.start] in (root, *root.children)
               for m in r.ctx.in_span(r.ctx.triggers, sent))


def perceived(noun: Token, perceiving: frozenset[str]) -> bool:
    """The noun is what someone heard or saw ("heard gunfire and explosions", "une explosion a été
    entendue"): the object or passive subject of a verb of perceiving, through a list."""
    while noun.dep_ == syntax.CONJ and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    return noun.dep_ in (*syntax.OBJECTS, *syntax.PASSIVE_SUBJ) and \
        (verb.lemma_.lower() in perceiving or verb.lower_ in perceiving)


def conflict_toll(tok: Token, conflict_subjects: frozenset[str]) -> bool:
    """ "The war has killed tens of thousands", "an insurgency that has killed thousands of people", "le début d'une
    guerre qui a tué": a war or conflict is what killed, a toll over its course."""
    subjects = [c for c in tok.children if syntax.is_subject(c)]
    noun = syntax.antecedent(tok)  # the noun a relative clause's pronoun stands for
    if noun is not None and any(c.pos_ == "PRON" for c in subjects):
        subjects = [t for t in noun.subtree if t.i < tok.i]
    return any(c.lemma_.lower() in conflict_subjects for c in subjects)


def threatened(r: Report, tok: Token) -> bool:
    """ "warned of a massive strike on the bases", "a menacé de frappes": the act a threat or a warning
    names is not done."""
    verb = syntax.clause_verb(tok)
    return tok.pos_ == "NOUN" and verb != tok.i and any(
        c.label in (StatementType.THREATEN, StatementType.WARN) for c in r.ctx.covering(r.ctx.statement_cues, verb))


def valid(r: Report, m: Match, sent: Span) -> bool:
    ctx, words = r.ctx, r.words
    tok = ctx.doc[m.start]
    if syntax.negated(tok, words) or syntax.unreal(tok, ctx.tools.future):
        return False
    if any(c.label == StatementType.CLAIM for c in ctx.covering(ctx.statement_cues, tok.head.i)):
        return False  # "l'attaque a été revendiquée par...": the claim speaks of the event told before
    if threatened(r, tok):
        return False
    if not ctx.times_in(sent.start, sent.end) and syntax.simple_present(tok):
        # a trigger in the simple present with no date in its sentence is a habit or a general truth
        return False  # "the group's cells still carry out sporadic attacks": what happens, not what happened
    if conflict_toll(tok, words.conflict_subjects):
        return False  # "the war has killed tens of thousands": a toll, not an event
    if m.label == Trigger.SEXUAL and any(c.dep_ != "nsubj" and c.lemma_.lower() in words.violated for c in tok.children):
        return False  # "violer le cessez-le-feu"
    if m.label in GROUND and not any(sent.start <= p.start < sent.end for p in ctx.places):
        return False  # taking or retaking ground names the ground
    if m.label in MOVES and not any(ctx.actors[k].category in MOVERS
                                    for k in r.actors_by_sentence.get(ctx.sentence_number(m.start), ())):
        return False  # "two children were pulled out of the rubble", "des renforts sont arrivés": no force named moves
    if m.label in GROUND and any(seized_thing(r, c) for c in tok.children):
        return False  # "seizing weapons and ammunition" takes no ground
    since = words.since_event
    if tok.pos_ == "NOUN" and (tok.dep_ == "pobj" and tok.head.lower_ in since or any(
            c.dep_ in (syntax.CASE, "mark") and c.lower_ in since for c in tok.children) or syntax.is_subject(tok)
            and any(c.dep_ == "mark" and c.lower_ in since for c in tok.head.children)):
        return False  # "since a truce in 2022", "depuis l'offensive", "since a truce ... collapsed": background
    if m.phrase.lower() in words.verb_only and tok.pos_ != "VERB":
        return False
    if history(r, m.start):
        return False  # "in memory of activists who were executed in 1980": history, not news
    if m.label == Trigger.EXPLOSION and perceived(ctx.doc[m.end - 1], words.perceiving):
        return False  # "des habitants ont entendu des détonations": what a witness heard
    if m.label == Trigger.INTERVENE and tok.pos_ == "VERB" and any(
            syntax.is_subject(c) and crowd_at(r, c.i) for c in tok.children):
        return False  # "the crowd dispersed peacefully": it left of its own accord
    if tok.dep_ == "compound" and not m.start <= tok.head.i < m.end and (
            ctx.covering(ctx.actors, tok.head.i) or ctx.covering(ctx.weapons, tok.head.i)):
        return False  # "riot police", "assault rifles": a kind of force or weapon, not an event ("air strikes" is one)
    if any(c.label == StatementType.SAY for c in ctx.covering(ctx.statement_cues, m.start)):
        return False  # "according to": a source, not an accord
    if m.label == Trigger.AGREEMENT and (any(c.lower_ in words.concessive for c in tok.children)
                                         or tok.head.lemma_.lower() in words.violations):
        return False  # "malgré la trêve", "in violation of the ceasefire": the agreement is not the news
    weak = ctx.tools.weak
    if m.phrase.lower() in weak and (tok.dep_ == "amod" or tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"):
        return False  # "striking teachers", "targeted areas": a word describing a noun tells no event
    if m.phrase.lower() in weak and tok.pos_ in ("VERB", "AUX", "ADJ"):
        return supported(r, m, tok, sent)
    return True


def history(r: Report, start: int) -> bool:
    """A clause that describes a noun ("activists who were executed in 1980", "les rebelles ayant
    pris la ville en 2012"), or a noun ("the 2014 offensive"), dated years before the report:
    background. (A report's own account dated long ago, "On 3 March 2021, troops attacked...", is
    kept: an archive is read as it was written.)"""
    tok = r.ctx.doc[start]
    if tok.pos_ == "NOUN":  # the year hangs from the noun itself ("the 2014 offensive", "l'offensive de 2014")
        near = [c for c in tok.children if c.dep_ not in syntax.RELATIVE]
        return years_ago(r, near + [g for c in near if c.dep_ == "prep" for g in c.children]) >= PAST_YEARS
    verb = syntax.clause_verb(tok)
    return syntax.descriptive(r.ctx.doc[verb]) and \
        years_ago(r, [t for t in tok.sent if syntax.clause_verb(t) == verb]) >= PAST_YEARS


def years_ago(r: Report, tokens) -> int:
    """How many years before the report the earliest year among `tokens` lies (0 for none): the
    year of the trigger's own clause ("executed in 1980"), not of a clause under it ("staged a
    rally to commemorate the birth of the nation in 1961")."""
    published = r.ctx.published
    if published is None:
        return 0
    years = [int(t.text) for t in tokens if t.text.isdigit() and len(t.text) == 4
             and FIRST_YEAR <= int(t.text) <= published.date.year]
    return published.date.year - min(years) if years else 0


def supported(r: Report, m: Match, tok: Token, sent: Span) -> bool:
    """A weak trigger ("targeted", "frappé") tells an event only beside a weapon, a casualty, a
    crowd that protests, the ground taken, or a strong trigger."""
    ctx = r.ctx
    support = ctx.in_span(ctx.weapons, sent) or ctx.in_span(ctx.casualties, sent) or (
        m.label in (Trigger.PROTEST, Trigger.INTERVENE) and any(
            a.category == Category.PROTESTERS and sent.start <= a.head < sent.end for a in ctx.actors)) or (
        # "ont repris vendredi le contrôle de Diapaga": the ground taken is named under the verb
        m.label in GROUND and any(tok.left_edge.i <= p.start <= tok.right_edge.i and not p.country for p in ctx.places))
    strong = [t for t in ctx.in_span(ctx.triggers, sent) if t.phrase.lower() not in ctx.tools.weak]
    return bool(support or strong)


def downed(r: Report, sent: Span, found: list[Match]) -> list[Match]:
    """ "la défense antiaérienne a détruit 38 drones", "38 drones were destroyed": a downing verb
    with a flying weapon just after it or for passive subject, where no trigger stands, tells an
    interception."""
    ctx = r.ctx
    taken = {i for m in found for i in range(m.start, m.end)}
    flying = [w for w in ctx.in_span(ctx.weapons, sent) if w.label in FLYING]
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in r.words.downing and t.i not in taken
             and not syntax.negated(t, r.words) and any(just_after(t, w) or undergoes(t, w) for w in flying)]
    # "announced the destruction of 35 drones", "la destruction de 12 drones": the noun, the weapon after "of"
    nouns = [t for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in r.words.downing_nouns and t.i not in taken
             and any(of_noun(t, w) for w in flying)]
    return [Match(t.i, t.i + 1, Trigger.INTERCEPT, t.lemma_) for t in sorted(verbs + nouns, key=lambda t: t.i)]


def of_noun(noun: Token, w: Match) -> bool:
    """The weapon is what the noun names the fate of: "destruction of (35) drones", "destruction de drones"."""
    heads = {t.head for t in noun.doc[w.start:w.end] if not (w.start <= t.head.i < w.end)}
    return any(h.i == noun.i or h.dep_ == "prep" and h.head.i == noun.i for h in heads)


def undergoes(verb: Token, w: Match) -> bool:
    """ "26 drones were destroyed overnight": the flying weapon is the passive subject of the verb."""
    return any(c.dep_ in syntax.PASSIVE_SUBJ and w.start <= c.i < w.end for c in verb.children)


def shot_down(r: Report, m: Match) -> Match:
    """ "a abattu plusieurs drones", "a détruit 38 drones": killing or destroying a weapon that
    flies is stopping it."""
    ctx = r.ctx
    if m.label != Trigger.KILL and ctx.doc[m.start].lemma_.lower() not in r.words.downing:
        return m
    flying = [w for w in ctx.weapons if w.label in FLYING]
    tok = ctx.doc[m.start]
    objects = {c.i for c in tok.children if c.dep_ in syntax.OBJECTS}
    # its object, or (the parse of dates and quantifiers is shaky) a flying weapon just after it
    if any(objects & set(range(w.start, w.end)) or just_after(tok, w) for w in flying):
        return Match(m.start, m.end, Trigger.INTERCEPT, m.phrase)
    return m


def just_after(verb: Token, w: Match) -> bool:
    """The weapon follows the verb closely with no preposition between: what it downed ("destroyed
    38 drones"), not the means ("killed in Israeli airstrikes", "tués par des frappes de drones")."""
    between = verb.doc[verb.i + 1:w.start]
    # a partitive after a count still names what was downed: "50 of the 62 drones", "20 des 25 drones"
    return 0 < w.start - verb.i <= 4 and not any(t.pos_ == "ADP" and not count(t.nbor(-1)) for t in between)


def count(t: Token) -> bool:
    return t.like_num or t.pos_ == "NUM"


def foiled(r: Report, m: Match, sent: Span) -> Match:
    """ "thwarted attempts by armed groups to cross the border": an interception word with no
    weapon that can be stopped (a bomb, a drone; not the gunmen's arms) in its sentence stopped
    people; the attempt was fought off, a clash."""
    if m.label != Trigger.INTERCEPT or r.ctx.doc[m.start].lemma_.lower() not in r.words.foiling \
            or any(w.label not in HANDHELD for w in r.ctx.in_span(r.ctx.weapons, sent)):
        return m
    return Match(m.start, m.end, Trigger.CLASH, m.phrase)


def stopped_vehicle(r: Report, m: Match, sent: Span) -> bool:
    """ "gunmen intercepted a bus and abducted ten passengers", "ont intercepté un autobus": an
    interception word whose object (or passive subject) is a vehicle, with no weapon that can be stopped in its
    sentence, stopped the vehicle, not a weapon; the sentence's other words tell what happened.
    (Also said of the outcome words "intercepted", "intercepté".)"""
    if m.label not in (Trigger.INTERCEPT, Outcome.INTERCEPTED) \
            or any(w.label not in HANDHELD for w in r.ctx.in_span(r.ctx.weapons, sent)):
        return False
    return any(c.dep_ in (*syntax.OBJECTS, *syntax.PASSIVE_SUBJ) and c.lemma_.lower() in r.words.vehicles
               for c in r.ctx.doc[m.start].children)


def crowd_at(r: Report, i: int) -> bool:
    return any(a.start <= i < a.end and a.category in CROWDS for a in r.ctx.actors)


def robbed(r: Report, m: Match) -> Match:
    """ "unknown men seized a cow and three goats", "se sont emparés de trois bateaux": taking
    livestock, vehicles or goods is looting, not taking ground."""
    if m.label != Trigger.CAPTURE:
        return m
    tok = r.ctx.doc[m.start]
    weapons = r.words.seized - r.words.looted  # "vehicles and weapons" taken in a fight are its spoils
    if any(seized_thing(r, c, r.words.looted) for c in tok.children) and not any(seized_thing(r, c, weapons) for c in tok.children):
        return Match(m.start, m.end, Trigger.LOOT, m.phrase)
    return m


def seized_thing(r: Report, child: Token, things: frozenset[str] = frozenset()) -> bool:
    if child.dep_ not in ("obj", "dobj", "obl", "obl:arg", "prep"):
        return False
    nouns = [child, *child.children] if child.dep_ == "prep" else [child]
    nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]  # "a cow and three goats"
    return any(n.lemma_.lower() in (things or r.words.seized) for n in nouns)


def weapon_as_trigger(r: Report, sent: Span) -> list[Match]:
    """ "Four people were wounded when a grenade was hurled at a shop in Quetta": a weapon with
    casualties and a place of its own tells an attack even without an attack verb."""
    ctx = r.ctx
    weapons = [w for w in ctx.in_span(ctx.weapons, sent) if w.label != Weapon.MELEE]  # "blessé par balle près de Païta"
    # someone was hurt ("were wounded", "blessé par balle"), not "the wounded had bullet injuries"
    hurt = [c for c in ctx.in_span(ctx.casualties, sent) if c.label in HURT
            and ctx.doc[c.start].pos_ in ("VERB", "AUX", "ADJ")
            and ctx.doc[c.start].dep_ not in ("pobj", "nsubj", "dobj", "obj", "nmod", "obl")]
    placed = any(not p.country for p in ctx.in_span(ctx.places, sent))
    if not (weapons and hurt and placed) or syntax.negated(ctx.doc[hurt[0].start], r.words):
        return []
    w = weapons[0]
    return [Match(w.start, w.end, Trigger.ATTACK, w.phrase)]
