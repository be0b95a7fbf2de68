"""From a draft to an `Event` record: its evidence, place, date, weapon, sides, toll and ACLED
types, then its notes and confidence. Events that only echo another, or tell the report's
background, are dropped at the end."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..knowledge import taxonomy
from ..model import Actor, Event, Evidence, Place, stable_id
from ..resolve.actors import communal_militia, people_of
from ..resolve.dates import ResolvedDate
from ..vocab import ActorKind, DatePrecision, GeoPrecision, SubEventType as Sub, Trigger, Weapon
from .classify import REMOTE, main_weapon, recorded_weapon, sub_event_type
from .dating import date_of
from .defaults import default_actors
from .grouping import Draft
from .locating import locate
from .notes import write_notes
from .outcomes import casualties, outcomes
from .report import Report
from .sides import cast

VIOLENT = {Trigger.ATTACK, Trigger.CLASH, Trigger.AMBUSH, Trigger.AIR_STRIKE, Trigger.SHELLING, Trigger.EXPLOSION,
           Trigger.KILL, Trigger.INTERCEPT, Trigger.CAPTURE, Trigger.RECAPTURE}
BACKGROUND_DAYS = 90  # a placeless event older than this is the report's background
TOLD_SENTENCES = 2  # how far back the weapon of a strike named without its means is looked for
OWNER_REACH = 2  # tokens between a weapon and the demonym that says whose it is ("Russian missile strikes")
# weapons fired from afar that name their strike's kind (the bare air strike is what a generic strike defaults to)
REMOTE_FIRED = {w for w, sub in REMOTE.items() if sub in (Sub.SHELLING, Sub.AIR_DRONE_STRIKE)} - {Weapon.AIRSTRIKE}
TOLD_DAYS = 3  # how long before it was told an event may have happened ("said on Tuesday" of Sunday's raid)


def record(r: Report, d: Draft, lead: Optional[ResolvedDate]) -> Optional[Event]:
    """The event the draft tells; None when it has no trigger or no ACLED type."""
    ctx = r.ctx
    triggers = [t for m in d.mentions for t in m.triggers]
    if not triggers:
        return None
    evidence: list[Evidence] = [ctx.evidence("trigger", t.start, t.end) for t in triggers]
    classes = d.classes()
    place = locate(r, d, evidence)
    country = place.country_code
    date, precision, dated = date_of(r, d, lead, evidence)
    weapon_matches = [w for m in d.mentions for w in m.weapons]
    weapon = main_weapon([w.label for w in weapon_matches], classes)
    for w in weapon_matches:
        if recorded_weapon(w.label) == weapon:
            evidence.append(ctx.evidence("weapon", w.start, w.end))
            break
    military = bool(classes & VIOLENT)
    actor1, actor2, assoc1, assoc2 = cast(r, d, country, military, evidence, classes, weapon)
    strikes = [t for t in triggers if t.label == Trigger.AIR_STRIKE]
    if not weapon_matches and strikes and all(t.phrase.lower() in r.words.generic_strikes for t in strikes):
        weapon = weapon_told_before(r, d, actor1.country_code if actor1 else None) or weapon  # "killed by the strikes"
    if actor1 is not None and actor1.kind == ActorKind.CIVILIANS and communal_attack(r, d, actor1):
        # the camp's or village's people are its target
        actor1, actor2 = communal_militia(country, actor1.text), actor2 or people_of(ActorKind.CIVILIANS, country)
    found = outcomes(r, d, evidence)
    fatalities, injuries = casualties(r, d, found, evidence)
    sub = sub_event_type(classes, weapon, set(found), actor1.kind if actor1 else None,
                         actor2.kind if actor2 else None, fatalities, injuries or 0)
    if sub == Sub.OTHER:
        return None
    if sub in (Sub.ARMED_CLASH, Sub.ATTACK) and struck_from_afar(r, triggers, weapon, actor1, place):
        sub, weapon = Sub.AIR_DRONE_STRIKE, Weapon.AIRSTRIKE
    actor1, actor2 = default_actors(r, sub, actor1, actor2, country, weapon, r.paragraphs_of(d.mentions))
    if weapon is None and sub in (Sub.ARMED_CLASH, Sub.ATTACK) and any(w.label == Weapon.SMALL_ARMS for w in weapon_matches):
        weapon = Weapon.SMALL_ARMS
    event = Event(
        event_id=stable_id(ctx.article.article_id, str(triggers[0].start), sub),
        article_ids=[ctx.article.article_id], event_date=date, date_precision=precision,
        event_type=taxonomy().event_type_of(sub), sub_event_type=sub, plover_type=taxonomy().plover_of(sub),
        actor1=actor1, actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2, location=place,
        weapon=weapon, fatalities=fatalities, injuries=injuries, outcome=found, evidence=evidence,
    )
    if d.located is not None and d.located.start < ctx.token_at(ctx.dateline_end or 0):
        r.filed_from.add(event.event_id)
    if dated:
        r.dated.add(event.event_id)
    event.confidence = confidence(event, d)
    event.notes = write_notes(event)
    return event


def weapon_told_before(r: Report, d: Draft, side: Optional[str]) -> Optional[str]:
    """The weapon fired from afar that the sentences just before the event named as one side's
    ("Russian missile strikes hit the Dnipro region"), the event's own side when it has one: what a strike named without
    its means was made with."""
    ctx = r.ctx
    first = min(m.tokens.start for m in d.mentions)
    n = ctx.sentence_number(first)
    for w in reversed([w for w in ctx.weapons if w.start < first and n - ctx.sentence_number(w.start) <= TOLD_SENTENCES]):
        owners = {a.country for a in ctx.actors if a.agent and a.country and abs(a.head - w.start) <= OWNER_REACH}
        if recorded_weapon(w.label) in REMOTE_FIRED and len(owners) == 1 and side in (None, *owners):
            return recorded_weapon(w.label)
    return None


def struck_from_afar(r: Report, triggers, weapon: Optional[str], actor1: Optional[Actor], place: Place) -> bool:
    """ "L'armée russe a frappé un dépôt de carburant à Sloviansk", "five were killed in Israeli
    attacks on Khorramabad": a foreign state's forces that only hit or attacked a town, no weapon
    named and no fighting told, struck it from afar; ACLED codes most such strikes as air strikes.
    (Attacking a whole region, "an attack on the territory of the province", is going in on the
    ground; only the weak words, "hit", "targeted", tell a strike there.)"""
    if weapon is not None or actor1 is None or actor1.kind != ActorKind.EXTERNAL_FORCES:
        return False
    weak = r.ctx.tools.weak
    hits = [t for t in triggers if t.label == Trigger.ATTACK]
    town = (place.geo_precision or GeoPrecision.REGION) < GeoPrecision.REGION
    return bool(hits) and all(t.label in (Trigger.ATTACK, Trigger.KILL) for t in triggers) \
        and (town or all(t.phrase.lower() in weak for t in hits))


def confidence(event: Event, d: Draft) -> float:
    """More for an exact place, a date, an actor and a weapon told in words, and for each mention."""
    score = 0.4
    score += 0.15 if event.location.geo_precision in (GeoPrecision.EXACT, GeoPrecision.NEAR) else 0.0
    score += 0.1 if any(e.field == "event_date" for e in event.evidence) else 0.0
    score += 0.1 if any(e.field == "actor1" for e in event.evidence) else 0.0
    score += 0.1 if event.weapon else 0.0
    score += 0.05 * min(2, len(d.mentions) - 1)
    return round(min(score, 0.95), 2)


def communal_attack(r: Report, d: Draft, actor1: Actor) -> bool:
    """ "Farmers attacked a Fulani camp", "des éleveurs ont incendié un village": people of a
    community who attack another's camp or village are a communal militia (ACLED's identity
    militia), not a mob."""
    said = {t.lower() for t in (actor1.text or "").split()}
    if not said & r.words.communal:
        return False
    doc = r.ctx.doc
    return any(m.classes & {Trigger.ATTACK, Trigger.LOOT, Trigger.KILL}
               and any(doc[i].lemma_.lower() in r.words.settlements or doc[i].lower_ in r.words.settlements for i in m.tokens)
               for m in d.mentions)


def without_echoes(r: Report, events: list[Event]) -> list[Event]:
    """Events the report places nowhere but a country or an area are dropped when they only echo a
    placed event of the same kind in it ("the attack", "les combats"; an area's, an event in that
    area: "over the Penza region, ... over Saratov" names two places), or when they lie months
    before the report (background, not news). An echo dated by its own words in the days before
    the placed event was told gives it its day ("gunmen killed five policemen, officials said on
    Tuesday ... the raid late on Monday"). Twins (one kind of act by one actor, one day, one place) are one event."""
    def unplaced(e: Event) -> bool:  # only the country, or only the city the report was filed from
        return (e.location.geo_precision or GeoPrecision.REGION) == GeoPrecision.REGION or e.event_id in r.filed_from

    def echoes(e: Event, p: Event) -> bool:  # (a grenade thrown is no echo of a drone strike)
        return p.event_type == e.event_type and p.location.country_code == e.location.country_code \
            and (e.event_id in r.filed_from or e.location.admin1 in (None, p.location.admin1)) \
            and (p.sub_event_type == e.sub_event_type or p.weapon == e.weapon or None in (p.weapon, e.weapon)) \
            and (p.event_date == e.event_date or e.location.admin1 is not None and told_before(r, e, p))

    placed = [e for e in events if not unplaced(e)]
    published = r.ctx.published
    kept = []
    for e in events:
        if unplaced(e):
            echoed = next((p for p in placed if echoes(e, p)), None)
            old = published is not None and e.date_precision == DatePrecision.DAY and e.event_date is not None and \
                (published.date - dt.date.fromisoformat(e.event_date)).days > BACKGROUND_DAYS
            if echoed is not None and echoed.event_date != e.event_date:
                take_date(echoed, e)  # "killed five policemen, officials said on Tuesday ... the raid on Monday"
            if echoed is not None or old:
                continue
        if any(twin(e, k) for k in kept):  # "à Kavumu (commune de Rugombo), dans la province de Cibitoke"
            continue
        kept.append(e)
    return kept


def twin(e: Event, other: Event) -> bool:
    """One kind of act, by one actor, on one day, at one place: one event, however many names
    the report gave the place (a village and a commune the gazetteer does not know, put in the
    province named with them)."""
    def key(x: Event) -> tuple:
        return x.sub_event_type, x.event_date, x.location.name, x.location.geo_precision, x.actor1 and x.actor1.name
    return key(e) == key(other)


def told_before(r: Report, e: Event, told: Event) -> bool:
    """The event's own words date it in the days before the other was told, which only its
    telling dates (TOLD_DAYS at most)."""
    if e.event_id not in r.dated or told.event_id in r.dated or {e.date_precision, told.date_precision} != {DatePrecision.DAY}:
        return False
    gap = (dt.date.fromisoformat(told.event_date) - dt.date.fromisoformat(e.event_date)).days
    return 0 < gap <= TOLD_DAYS


def take_date(event: Event, echo: Event) -> None:
    """The placed event takes the day its echo's own words give, where only its telling dated it."""
    event.event_date, event.date_precision = echo.event_date, echo.date_precision
    event.evidence = [x for x in event.evidence if x.field != "event_date"] + \
        [x for x in echo.evidence if x.field == "event_date"]
    event.notes = write_notes(event)
