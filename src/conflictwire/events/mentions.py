"""Event mentions: a trigger with its arguments from the sentence it stands in.

A sentence gives one main mention, plus one for each phrase a separator opens ("Outre deux
attaques de drones...", "after last week's raid..."). Which triggers count is `triggers.py`'s
call; who acts on whom, `roles.py`'s. Sentences without a trigger that add casualties, an
outcome, or accompanying forces give a continuation mention, which attaches to the event told
just before.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span, Token

from ..context import PlaceMention
from ..find.actors import ActorMention
from ..find.counts import Count, casualty_counts
from ..model import Place
from ..resolve.dates import TimeExpr
from ..text.lexmatch import Match
from ..text.normalize import fold
from ..vocab import HURT, Casualty
from . import syntax
from .report import Report
from .roles import ACTOR1, ACTOR2, ASSOC, assign_roles, tells_own_act
from .triggers import conflict_toll, history, sentence_triggers, silenced, stopped_vehicle



DATED_CLAUSES = ("acl:relcl", "relcl", "advcl")  # clauses that may tell another day's event


@dataclass
class Mention:
    sent: int  # sentence number
    tokens: range  # the tokens it may take arguments from
    triggers: list[Match] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    weapons: list[Match] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    time: Optional[TimeExpr] = None  # in the trigger's own clause
    sentence_time: Optional[TimeExpr] = None  # anywhere in its sentence but a reporting clause
    report_time: Optional[TimeExpr] = None  # when it was said ("the army said on Sunday"): the latest it can be
    roles: dict[str, list[ActorMention]] = field(default_factory=lambda: {ACTOR1: [], ACTOR2: [], ASSOC: []})
    counts: list[Count] = field(default_factory=list)
    no_casualties: Optional[Match] = None
    outcomes: list[Match] = field(default_factory=list)
    summary: bool = False  # "trois attaques", "new attacks": a count or a recap, not one event
    continuation: bool = False  # no trigger of its own
    another: bool = False  # "a second device", "une autre attaque": not the event told before
    refers_back: bool = False  # "ces combats", "these clashes": the event told before, named again
    countries: list[PlaceMention] = field(default_factory=list)


def find_mentions(r: Report) -> list[Mention]:
    """The report's mentions, sentence by sentence."""
    out: list[Mention] = []
    for n, sent in enumerate(r.ctx.doc.sents):
        if silenced(r, sent):
            continue
        triggers = sentence_triggers(r, sent)
        if triggers:
            out.extend(split(r, n, sent, triggers))
        else:
            cont = continuation(r, n, sent)
            if cont:
                out.append(cont)
    return out


def split(r: Report, n: int, sent: Span, triggers: list[Match]) -> list[Mention]:
    """The sentence's main mention, and one per phrase a separator opens."""
    doc = r.ctx.doc
    groups: dict[int, list[Match]] = {}
    scopes: dict[int, range] = {}
    for m in triggers:
        opener = separated(r, doc[m.start], sent)
        key = opener.i if opener is not None else -1
        groups.setdefault(key, []).append(m)
        if opener is not None:  # a relative clause telling the act takes its noun ("le Hamas, qui a tiré lundi...")
            told_here = syntax.antecedent(opener) is not None and opener.i not in r.speakers
            start = opener.head.left_edge.i if told_here else opener.left_edge.i
            start = max(min(start, scopes[key].start) if key in scopes else start, sent.start)
            scopes[key] = with_day_after(r, range(start, opener.right_edge.i + 1), sent)
    carved = {i for s in scopes.values() for i in s}
    out = []
    for key, ms in groups.items():
        scope = scopes.get(key) or range(sent.start, sent.end)
        tokens = range(scope.start, scope.stop) if key != -1 else range(sent.start, sent.end)
        exclude = set() if key != -1 else carved
        out.append(build(r, n, tokens, ms, exclude))
    return out


def separated(r: Report, tok: Token, sent: Span) -> Optional[Token]:
    """The head of the phrase a separator opens above `tok`, if any; or of a relative or adverbial
    clause with a day of its own ("Bocaranga, dont s'étaient emparés deux jours plus tôt les
    rebelles", "..., as troops still fight off the incursion launched last Monday")."""
    ctx = r.ctx
    x = tok
    while x.head.i != x.i and x.i >= sent.start:
        if x.dep_ in DATED_CLAUSES and own_day(r, x, sent):
            return x
        x = x.head
    seps = ctx.in_span(r.words.separators.find(ctx.keys, sent.start, sent.end), sent)
    if not seps:
        return None
    x = tok
    while x.head.i != x.i and x.i >= sent.start:
        # the phrase the separator's last word opens: "après [l'attaque]", "after [an attack]" (English
        # hangs the noun on the preposition), "in response to [strikes]", "en représailles [à l'attaque]"
        if any(s.start < x.i and s.start >= x.left_edge.i and s.end <= x.i + 1
               or s.end - s.start > 1 and x.left_edge.i <= s.end - 1 <= x.i for s in seps) and x.dep_ not in ("ROOT",):
            return x
        x = x.head
    return None


def with_day_after(r: Report, scope: range, sent: Span) -> range:
    """The phrase and the day named right after it, when the rest of the sentence has a day of
    its own ("fired rockets on Sunday in response to strikes on Mir Ali on Friday": the parse
    hangs "on Friday" on the verb, but the phrase's event is Friday's)."""
    ctx = r.ctx
    after = ctx.times_in(scope.stop, min(scope.stop + 2, sent.end))
    if not after or not ctx.times_in(sent.start, scope.start):
        return scope
    return range(scope.start, max(scope.stop, ctx.token_at(after[0].end - 1) + 1))


def own_day(r: Report, clause: Token, sent: Span) -> bool:
    """The relative clause is dated, and so is the rest of the sentence: two days, two events."""
    inside = r.ctx.times_in(clause.left_edge.i, clause.right_edge.i + 1)
    return bool(inside) and len(r.ctx.times_in(sent.start, sent.end)) > len(inside)


def own_places(r: Report, places: list[PlaceMention], triggers: list[Match]) -> list[PlaceMention]:
    """The places a mention happened at, of those named in its tokens."""
    contexts = {id(p.context) for p in places if p.context}
    named = [p for p in places if id(p) not in contexts and not p.country]
    # "in Butig, in the province of Lanao del Sur": the area only says where the town lies.
    towns = [p for p in named if p.place is not None and (p.place.geo_precision or 1) < 3]
    # "In Taiz, ... in the al-Jahmaliya neighbourhood": a quarter the gazetteer does not know lies in the town.
    found = [p for p in named if not (towns and (p.place is None or p.place.geo_precision == 3 and any(
        lies_in(t.place, p.place) for t in towns)))]
    if len(found) > 1:  # "... demanding that the road linking the town to Menaka be reopened"
        own = [p for p in found if not in_modifier_clause(r, p.start, triggers)]
        if any(p.place is not None and (p.place.geo_precision or 1) < 3 for p in own):
            found = own
    if len(found) > 1:
        # "près de Sake, à une vingtaine de kilomètres à l'ouest de Goma": a distance from a town places
        # the town before; "near Sake and near Goma" names two
        first = found[0]
        doc = r.ctx.doc
        found = [first] + [p for p in found[1:] if not p.near
                           or any(t.lower_ in r.words.conjunctions for t in doc[first.end:p.start])]
    return found


def lies_in(town: Place, area: Place) -> bool:
    """The town lies in the area: in its first-level area where both name one, else in its country
    ("over the Penza region, ... over Saratov" names two places, not a town and its area)."""
    if town.country_code != area.country_code:
        return False
    return not (town.admin1 and area.admin1) or fold(town.admin1) == fold(area.admin1)


def build(r: Report, n: int, tokens: range, triggers: list[Match], exclude: set[int] = frozenset()) -> Mention:
    ctx, doc = r.ctx, r.ctx.doc
    inside = lambda i: i in tokens and i not in exclude  # noqa: E731
    mention = Mention(sent=n, tokens=tokens, triggers=triggers, classes={m.label for m in triggers})
    mention.weapons = [m for m in ctx.in_span(ctx.weapons, tokens) if m.start not in exclude]
    # "according to the Guanajuato attorney general's office": who says it, not where it happened
    # (nor where the period a sentence speaks of lies: "clashes since the war in Khartoum began")
    places = [p for p in ctx.in_span(ctx.places, tokens) if p.start not in exclude and p.start not in r.periods
              and not syntax.speaks_at(doc[p.end - 1], r.speakers)]
    mention.places = own_places(r, places, triggers)
    mention.countries = [p for p in places if p.country and p.locative]
    clause = syntax.clause_tokens(doc, (m.start for m in triggers)) if triggers else None
    reporting = r.reporting  # "..., the army said on Monday": when it was said
    told = ctx.times_in(tokens.start, tokens.stop)
    in_sentence = [t for t in told if ctx.token_at(t.start) not in reporting
                   and not period_start(r, t)]
    times = [t for t in in_sentence if inside(ctx.token_at(t.start)) and (clause is None or ctx.token_at(t.start) in clause)]
    mention.time = times[0] if times else None
    mention.sentence_time = in_sentence[0] if in_sentence else None
    said = [t for t in told if ctx.token_at(t.start) in reporting]
    mention.report_time = said[0] if said else None
    span = doc[tokens.start:tokens.stop]
    mention.counts = [c for c in casualty_counts(span, ctx.in_span(ctx.casualties, span), ctx.tools.vague_numbers, ctx.tools.language, r.people)
                      if inside(c.start) and not (history(r, c.start) or history(r, c.end - 1))  # not "executed in 1980"
                      and doc[c.number].head.i not in ctx.weapon_tokens  # "a abattu 12 drones" counts no dead
                      # nor a war's toll: "the war has killed more than 12,000 people", "le conflit a fait 35 000 morts"
                      and not conflict_toll(doc[syntax.clause_verb(doc[c.start])], r.words.conflict_subjects)]
    mention.no_casualties = next((m for m in ctx.in_span(ctx.casualties, tokens) if m.label == Casualty.NONE and inside(m.start)), None)
    mention.outcomes = [m for m in ctx.in_span(ctx.outcomes, tokens) if inside(m.start) and not syntax.negated(doc[m.start], r.words)
                        and not stopped_vehicle(r, m, doc[m.start].sent)]
    # the subject of another clause acts there, not here: "..., but added that coalition forces had left the base"
    # (but who was hurt in the clause the event is told by is its target: "deux militaires ont été
    # blessés lorsque leur véhicule a sauté sur un engin explosif")
    # (nor is the noun a relative clause telling the event qualifies: "Hamas, which fired rockets, said")
    hurt_verbs = r.hurt_verbs
    verbs = {syntax.clause_verb(doc[m.start]) for m in triggers} - r.speakers
    qualified = {x.i for x in (syntax.antecedent(doc[v]) for v in verbs) if x is not None}
    elsewhere = lambda a: clause is not None and a.head not in clause and syntax.is_subject(doc[a.head]) \
        and not (doc[a.head].dep_ in syntax.PASSIVE_SUBJ and doc[a.head].head.i in hurt_verbs) \
        and not any(a.start <= i < a.end or doc[a.head].head.i == i for i in qualified)  # noqa: E731
    # the people a casualty count counts were hit, whatever the parse makes of them
    # ("tuant trois personnes, ..., a annoncé le gouverneur" parsed as who announced)
    counted = {c.number for c in mention.counts if c.kind in HURT}
    assign_roles(r, mention, [a for a in ctx.in_span(ctx.actors, tokens, by="head") if inside(a.head) and (
        a.counted(counted) or not elsewhere(a) or tells_own_act(r, a, triggers))], triggers, counted)
    heads = {m.end - 1 for m in [*triggers, *mention.weapons]}
    mention.another = any(t.lower_ in r.words.another and (t.head.i in heads or t.head.head.i in heads)
                          for t in span if inside(t.i))  # "une autre attaque", "defused a second device"
    mention.refers_back = any(c.dep_ == "det" and "Dem" in c.morph.get("PronType")
                              for m in triggers for c in doc[m.end - 1].children)
    mention.summary = is_summary(r, mention) and not mention.refers_back
    return mention


def in_modifier_clause(r: Report, i: int, triggers: list[Match]) -> bool:
    """The token stands in a clause that describes a noun ("the road linking X to Y", "la ville
    où ..."), below the triggers: it says where that thing is, not where the event took place."""
    heads = {m.start for m in triggers}
    ctx = r.ctx
    x = ctx.doc[i]
    for _ in range(12):
        if x.i in heads:
            return False
        if x.dep_ in syntax.RELATIVE:
            # "gunmen who burst into a bar in X", "des obus tirés sur X": that tells the event
            # and a clause that holds a trigger is the event's own
            return not any(a.start <= x.head.i < a.end for a in [*ctx.actors, *ctx.weapons]) \
                and not any(x.left_edge.i <= h <= x.right_edge.i for h in heads)
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def period_start(r: Report, t) -> bool:
    """ "since April 2023", "depuis janvier": the start of a period, not the day of an event."""
    i = r.ctx.token_at(t.start)
    before = {r.ctx.doc[j].lower_ for j in range(max(0, i - 3), i)}
    return bool(before & r.words.since) or i in r.periods


def is_summary(r: Report, mention: Mention) -> bool:
    """Plural trigger nouns with no named place: a recap of events, not one event."""
    if mention.places:
        return False
    doc = r.ctx.doc
    nouns = [doc[m.start] for m in mention.triggers if doc[m.start].pos_ == "NOUN"]
    return bool(nouns) and all("Plur" in t.morph.get("Number") for t in nouns) and len(nouns) == len(mention.triggers)


def continuation(r: Report, n: int, sent: Span) -> Optional[Mention]:
    """A sentence with no trigger that adds casualties, an outcome or accompanying forces."""
    ctx = r.ctx
    has = ctx.in_span(ctx.casualties, sent) or ctx.in_span(ctx.outcomes, sent) or \
        r.words.associates.find(ctx.keys, sent.start, sent.end)
    if not has:
        return None
    mention = build(r, n, range(sent.start, sent.end), [])
    if not (mention.counts or mention.no_casualties or mention.outcomes or mention.roles[ASSOC]):
        return None
    mention.continuation = True
    return mention
