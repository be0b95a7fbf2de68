"""One English sentence per event, in ACLED's style, whatever the report's language."""
from __future__ import annotations

import datetime as dt

from ..model import Event
from ..vocab import DatePrecision, Outcome, SubEventType as Sub

VERBS = {
    Sub.ARMED_CLASH: "clashed with",
    Sub.GOVERNMENT_REGAINS_TERRITORY: "regained territory from",
    Sub.NON_STATE_OVERTAKES_TERRITORY: "took territory from",
    Sub.AIR_DRONE_STRIKE: "carried out an air/drone strike on",
    Sub.SHELLING: "shelled or fired missiles at",
    Sub.REMOTE_EXPLOSIVE: "hit {target} with an explosive device",
    Sub.SUICIDE_BOMB: "carried out a suicide bombing against",
    Sub.GRENADE: "threw a grenade at",
    Sub.CHEMICAL_WEAPON: "used a chemical weapon against",
    Sub.ATTACK: "attacked",
    Sub.ABDUCTION: "abducted",
    Sub.SEXUAL_VIOLENCE: "committed sexual violence against",
    Sub.PEACEFUL_PROTEST: "demonstrated",
    Sub.PROTEST_WITH_INTERVENTION: "demonstrated and were met by",
    Sub.EXCESSIVE_FORCE: "used excessive force against",
    Sub.VIOLENT_DEMONSTRATION: "rioted",
    Sub.MOB_VIOLENCE: "carried out mob violence against",
    Sub.ARRESTS: "arrested",
    Sub.AGREEMENT: "reached an agreement with",
    Sub.DISRUPTED_WEAPONS_USE: "had a weapon attack on {target} disrupted (intercepted or defused)",
    Sub.LOOTING: "looted or destroyed property of",
    Sub.CHANGE_TO_GROUP: "changed its activity or deployment",
    Sub.BASE_ESTABLISHED: "established a base",
}


def _date_words(event: Event) -> str:
    if not event.event_date:
        return "On an unknown date"
    if event.date_precision == DatePrecision.DAY:
        day = dt.date.fromisoformat(event.event_date)
        return f"On {day.day} {day:%B %Y}"
    if event.date_precision == DatePrecision.WEEK:
        day = dt.date.fromisoformat(event.event_date)
        return f"In the week of {day.day} {day:%B %Y}"
    if len(event.event_date) == 7:
        return f"In {dt.date.fromisoformat(event.event_date + '-01'):%B %Y}"
    return f"In {event.event_date}"


def write_notes(event: Event) -> str:
    actor1 = event.actor1.name if event.actor1 else "An unidentified actor"
    target = event.actor2.name if event.actor2 else "a target"
    verb = VERBS.get(event.sub_event_type, "was involved in an event with")
    if "{target}" in verb:
        action = verb.format(target=target)
    elif event.actor2 and not verb.endswith(("demonstrated", "rioted", "activity or deployment", "a base")):
        action = f"{verb} {target}"
    else:
        action = verb.replace(" and were met by", "") if not event.actor2 else f"{verb} {target}" if verb.endswith("by") else verb
    place = event.location.name or event.location.country or "an unknown place"
    sentence = f"{_date_words(event)}, {actor1} {action} in {place}"
    if event.weapon:
        sentence += f" ({event.weapon.replace('_', ' ')})"
    tolls = []
    if event.fatalities:
        tolls.append(f"{event.fatalities} killed")
    if event.injuries:
        tolls.append(f"{event.injuries} injured")
    if Outcome.INTERCEPTED in event.outcome:
        tolls.append("the weapon was intercepted")
    if Outcome.DAMAGE in event.outcome:
        tolls.append("damage reported")
    if Outcome.FIRE in event.outcome:
        tolls.append("a fire broke out")
    if Outcome.NO_CASUALTIES in event.outcome:
        tolls.append("no casualties reported")
    if tolls:
        sentence += "; " + ", ".join(tolls)
    return sentence + "."
