"""From mentions to drafts: one event per kind of action, place and day.

Mentions are taken in the report's order; `MENTION_RULES` say, in order, what each one does:
goes on telling the event just told, sums events up, happens at the places it names, continues
the event just told, or starts one of its own. A mention joins an event unless a `KEEP_APART`
rule says they are two: another day, another place, a second device, arrests after the fact.
Recaps ("trois attaques", "new attacks") then fill the events they sum up, and become events
only when the report tells nothing more precise.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from ..context import PlaceMention
from ..gazetteer.keys import place_key
from ..vocab import Outcome, SubEventType as Sub, Trigger
from ..text.grammar import determined
from . import dating
from .classify import REMOTE, STRIKES
from .mentions import Mention
from .report import Report
from .roles import ACTOR1, ACTOR2, ASSOC

SAME_DAY = "same_day"  # the lexicons' label of "the same day", "le même jour"
CONTINUATION_GAP = 2  # sentences a placeless mention may stand from the event it continues
SHORT_KEY = 3  # place keys this long or shorter must match whole ("Bo" is not in "Bobo")
FIRED = {Sub.AIR_DRONE_STRIKE, Sub.SHELLING}  # what weapons fired from afar make


@dataclass
class Draft:
    """An event being assembled from its mentions."""
    place: Optional[PlaceMention]
    mentions: list[Mention] = field(default_factory=list)
    country: Optional[str] = None
    before: Optional["Draft"] = None  # the event told just before, for one that only refers to it
    located: Optional[PlaceMention] = None  # the place words it was put at

    @property
    def last_sent(self) -> int:
        return max(m.sent for m in self.mentions)

    def date_mention(self) -> Optional[Mention]:
        """The mention whose trigger clause dates the event; else a sentence that only goes on
        telling it ("Several hundred men gathered there late on Sunday")."""
        return next((m for m in self.mentions if m.time is not None and not m.continuation), None) or \
            next((m for m in self.mentions if m.time is not None and not m.counts and not m.no_casualties), None)

    def dated(self) -> Optional[Mention]:
        """The mention that dates the event: a date in a trigger's own clause, else in its sentence."""
        return self.date_mention() or next((m for m in self.mentions if m.sentence_time is not None and not m.continuation), None)

    def weapons(self) -> set[str]:
        return {w.label for m in self.mentions for w in m.weapons}

    def classes(self) -> set[str]:
        return {c for m in self.mentions for c in m.classes}


@dataclass
class Grouping:
    """The drafts made so far, the recaps set aside, and the event(s) told just before."""
    r: Report
    drafts: list[Draft] = field(default_factory=list)
    recaps: list[Mention] = field(default_factory=list)
    last: list[Draft] = field(default_factory=list)

    def close_to_last(self, m: Mention) -> bool:
        return bool(self.last) and m.sent - max(d.last_sent for d in self.last) <= CONTINUATION_GAP


def group_mentions(r: Report, mentions: list[Mention]) -> tuple[list[Draft], list[Mention]]:
    """The drafts the mentions make, and the recaps set aside."""
    g = Grouping(r)
    for m in mentions:
        next(rule for rule in MENTION_RULES if rule(g, m))
    return g.drafts, g.recaps


# --- what a mention does, in order ----------------------------------------------------------------
def goes_on_telling(g: Grouping, m: Mention) -> bool:
    """ "Two of the wounded later died": a mention without a trigger adds to the event just told."""
    if not m.continuation:
        return False
    if g.close_to_last(m):
        continue_into(g.last, m)
    return True


def sums_up(g: Grouping, m: Mention) -> bool:
    """ "De nouvelles attaques ont été signalées": a recap, set aside for `absorb_recaps`."""
    if m.summary:
        g.recaps.append(m)
    return m.summary


def at_named_places(g: Grouping, m: Mention) -> bool:
    """ "Strikes hit Kidal and Tessalit": one event per place, joining one there on that day."""
    if not m.places:
        return False
    g.last = list({id(d): d for d in (place_draft(g, m, p) for p in m.places)}.values())  # one draft per town
    return True


def continues_last_event(g: Grouping, m: Mention) -> bool:
    """ "Gunmen attacked a village near Gao. They burned the granaries": no place, the event just told."""
    if g.close_to_last(m) and not any(apart(g.r, d, m, None) for d in g.last for apart in KEEP_APART):
        continue_into(g.last, m)
        return True
    return False


def starts_event(g: Grouping, m: Mention) -> bool:
    """ "Le lendemain, une autre attaque a visé un poste": an event of its own, with no place yet."""
    # "a second device", "ces combats" on another day: an event of its own, where the one before was
    before = g.last[-1] if g.last and (m.another or m.refers_back) else None
    draft = Draft(None, [m], mention_country(m), before)
    g.drafts.append(draft)
    g.last = [draft]
    return True


MENTION_RULES: list[Callable[[Grouping, Mention], bool]] = [
    goes_on_telling, sums_up, at_named_places, continues_last_event, starts_event,
]


def place_draft(g: Grouping, m: Mention, p: PlaceMention) -> Draft:
    """The draft at that place the mention joins, else a new one there."""
    for d in g.drafts:
        if d.place is not None and not any(apart(g.r, d, m, p) for apart in KEEP_APART):
            if not any(x is m for x in d.mentions):  # two names of one town ("Pemba ... its Chokwe neighbourhood")
                d.mentions.append(m)
            if finer(p, d.place):  # "the Sumy region" ... "the centre of Sumy": the city
                d.place = p
            return d
    draft = Draft(p, [m], p.place.country_code if p.place else None)
    g.drafts.append(draft)
    return draft


def finer(p: PlaceMention, than: PlaceMention) -> bool:
    """The place names a town where the other named the area of the same name."""
    return p.place is not None and than.place is not None and (p.place.geo_precision or 3) < 3 <= (than.place.geo_precision or 3)


def continue_into(last: list[Draft], m: Mention) -> None:
    """A mention adds to the event just told; an interception, to all the events just told
    ("drones struck A and B; most were shot down")."""
    intercept = Trigger.INTERCEPT in m.classes or any(o.label in (Outcome.INTERCEPTED, Outcome.DEFUSED) for o in m.outcomes)
    targets = last if intercept else last[-1:]
    for d in targets:
        d.mentions.append(m)


# --- when a mention and a draft are two events ----------------------------------------------------
def stopped_and_used(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Missiles hit Odesa, killing two; air defences shot down 20 drones": a weapon stopped and
    one used are two events (ACLED codes the interception beside the strike), and so are "a bomb
    went off in the market; police defused a second device"."""
    stopped = any(disrupted(x) for x in d.mentions)
    if disrupted(m) == stopped:
        return False
    used = [x for x in d.mentions if not disrupted(x)] if stopped else [m]
    # a bare word for the attack ("before it could reach its target") tells no second event; nor
    # does "most were shot down" after a strike, but "air defences downed 40 of 55 drones" does
    return m.another or any(hit(x) for x in used) or not stopped and counts_weapons(r, m)


def counts_weapons(r: Report, m: Mention) -> bool:
    """The interception counts the weapons it stopped ("shot down seven missiles"), not the ones
    just told ("les deux drones ont été abattus")."""
    doc = r.ctx.doc
    return disrupted(m) and any(doc[i].like_num and doc[i].head.i in r.ctx.weapon_tokens and not determined(doc[i].head)
                                for i in m.tokens)


def hit(m: Mention) -> bool:
    """The mention tells a weapon that struck: someone killed or hurt, or damage done."""
    return any(c.value for c in m.counts) or any(o.label in (Outcome.DAMAGE, Outcome.FIRE) for o in m.outcomes)


def other_day(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Rebels attacked Bria on Monday ... they attacked it again on Wednesday": two days, two events."""
    date = dating.when(r, m)
    return date is not None and not dating.same_day(r, d, date)


def arrests_after_attack(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "After the ambush, soldiers arrested twelve suspects": arrests in an operation after an
    attack are an event of their own; arrests at a protest are part of it."""
    return m.classes <= {Trigger.ARREST, Trigger.DEPLOY} and Trigger.ARREST in m.classes \
        and not d.classes() & {Trigger.ARREST, Trigger.PROTEST, Trigger.RIOT, Trigger.INTERVENE}


def other_place(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Des frappes ont visé Kidal et Tessalit": a mention at a place joins only an event there."""
    return p is not None and not same_place(d.place, place_key(p.name)) and not (same_town(d.place, p) and same_means(d, m))


def other_country(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Gunmen killed five in Niger. In Mali, a mine hit a truck": a mention in another country
    continues no event of the one before."""
    country = mention_country(m)
    return p is None and bool(country) and d.country not in (None, country)


def another_act_the_same_day(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Le même jour, une moto piégée a explosé près du commissariat": a sentence dated "the same
    day" as the fighting told before, telling another kind of act, is another event."""
    expr = m.time or m.sentence_time
    return expr is not None and expr.key == SAME_DAY and all(x.sent != m.sent for x in d.mentions) \
        and not m.classes & d.classes()


def the_other_sides_strike(r: Report, d: Draft, m: Mention, p: Optional[PlaceMention]) -> bool:
    """ "Hezbollah fired rockets at Safed. Israeli jets struck a depot in the south, killing
    four": a strike from afar by another side than the one that struck before is another event
    (the answer to it), not more of it."""
    if not (m.classes & STRIKES or any(REMOTE.get(w.label) in FIRED for w in m.weapons)):  # "riposté à l'artillerie"
        return False
    mine, theirs = sides(m.roles[ACTOR1]), {s for x in d.mentions for s in sides(x.roles[ACTOR1])}
    return bool(mine and theirs and not mine & theirs)


def sides(actors) -> set[str]:
    """Whose an actor mention is: its named group, else its country."""
    return {a.group.name if a.group else a.country for a in actors if a.group or a.country}


KEEP_APART: list[Callable[[Report, Draft, Mention, Optional[PlaceMention]], bool]] = [
    stopped_and_used, other_day, arrests_after_attack, other_place, other_country, another_act_the_same_day,
    the_other_sides_strike,
]


def disrupted(m: Mention) -> bool:
    """The mention tells of a weapon stopped (intercepted, defused), not of one used."""
    return Trigger.INTERCEPT in m.classes


def same_place(p: PlaceMention, key: str) -> bool:
    k = place_key(p.name)
    return k == key or (len(key) > SHORT_KEY and (key in k or k in key))


def same_town(a: PlaceMention, b: PlaceMention) -> bool:
    """Two names the gazetteer placed at one town ("Pemba" and its "Chokwe neighbourhood")."""
    ids = [x.place.geonameid if x.place is not None and (x.place.geo_precision or 1) < 3 else None for x in (a, b)]
    return ids[0] is not None and ids[0] == ids[1]


def same_means(d: Draft, m: Mention) -> bool:
    """Whether a mention may tell the event's own violence: it names no weapon, or one of the
    event's kinds (a grenade thrown in a quarter of the town a drone struck is another event)."""
    mine, theirs = {REMOTE.get(w.label) for w in m.weapons}, {REMOTE.get(w) for w in d.weapons()}
    return not mine or not theirs or bool(mine & theirs)


def mention_country(m: Mention) -> Optional[str]:
    return m.countries[0].country if m.countries else None


# --- recaps -----------------------------------------------------------------------------------------
def absorb_recaps(drafts: list[Draft], recaps: list[Mention]) -> None:
    """Recaps fill the targets of the events they sum up, or become an event when there is none."""
    for r in recaps:
        weapons = {w.label for w in r.weapons}
        fits = [d for d in drafts if not weapons or not d.weapons() or weapons & d.weapons()]
        if fits:
            for d in fits:
                if not any(m.roles[ACTOR2] for m in d.mentions) and r.roles[ACTOR2]:
                    d.mentions.append(Mention(sent=r.sent, tokens=r.tokens, roles={ACTOR1: [], ACTOR2: r.roles[ACTOR2], ASSOC: []},
                                              continuation=True))
        elif not drafts:
            drafts.append(Draft(None, [r], mention_country(r)))
