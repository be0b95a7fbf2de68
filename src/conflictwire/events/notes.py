"""One English sentence per event, in ACLED's style, whatever the report's language."""
from __future__ import annotations

import datetime as dt

from ..model import Event

VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Air/drone strike": "carried out an air/drone strike on",
    "Shelling/artillery/missile attack": "shelled or fired missiles at",
    "Remote explosive/landmine/IED": "hit {target} with an explosive device",
    "Suicide bomb": "carried out a suicide bombing against",
    "Grenade": "threw a grenade at",
    "Chemical weapon": "used a chemical weapon against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Sexual violence": "committed sexual violence against",
    "Peaceful protest": "demonstrated",
    "Protest with intervention": "demonstrated and were met by",
    "Excessive force against protesters": "used excessive force against",
    "Violent demonstration": "rioted",
    "Mob violence": "carried out mob violence against",
    "Arrests": "arrested",
    "Agreement": "reached an agreement with",
    "Disrupted weapons use": "had a weapon attack on {target} disrupted (intercepted or defused)",
    "Looting/property destruction": "looted or destroyed property of",
    "Change to group/activity": "changed its activity or deployment",
    "Headquarters or base established": "established a base",
}


def _date_words(event: Event) -> str:
    if not event.event_date:
        return "On an unknown date"
    if event.date_precision == "day":
        day = dt.date.fromisoformat(event.event_date)
        return f"On {day.day} {day:%B %Y}"
    if event.date_precision == "week":
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
    if "intercepted" in event.outcome:
        tolls.append("the weapon was intercepted")
    if "damage" in event.outcome:
        tolls.append("damage reported")
    if "fire" in event.outcome:
        tolls.append("a fire broke out")
    if "no_casualties" in event.outcome:
        tolls.append("no casualties reported")
    if tolls:
        sentence += "; " + ", ".join(tolls)
    return sentence + "."
