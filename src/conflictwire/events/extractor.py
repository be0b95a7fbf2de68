"""From mentions to events: one event per kind of action, pair of actors, place and day.

Mentions naming the same place join one event; a new place or a new day makes a new event; a
mention with no place of its own continues the event told just before it; recaps ("trois
attaques", "new attacks") enrich the events they sum up and become events only when the report
tells nothing more precise.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..knowledge import lexicon, sovereign, taxonomy
from ..model import Actor, Event, Evidence, Place, stable_id
from ..vocab import FACILITIES, NON_STATE_KINDS
from ..find.actors import ActorMention
from ..resolve.actors import branch_in, canonical, country_name, state_of, unidentified
from ..resolve.dates import ResolvedDate
from ..gazetteer.keys import place_key
from .classify import main_weapon, recorded_weapon, sub_event_type
from ..context import DocContext, PlaceMention
from .mentions import Mention, MentionFinder
from .notes import write_notes

CROWD_KINDS = ("civilians", "protesters", "rioters")
CROWD_EVENTS = {"Peaceful protest": "protesters", "Protest with intervention": "protesters",
                "Excessive force against protesters": "protesters", "Violent demonstration": "rioters"}
CONTINUATION_GAP = 2  # sentences a placeless mention may stand from the event it continues
BACKGROUND_DAYS = 90  # a placeless event older than this is the report's background


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


class EventExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.anchors: dict[int, Optional[dt.date]] = {}  # mention -> the last day named before it
        self.paragraph_dates: dict[int, ResolvedDate] = {}  # mention -> a date told earlier in its paragraph
        self.filed_from: set[str] = set()  # events put at the dateline's city for want of a place of their own

    def run(self) -> list[Event]:
        self.finder = MentionFinder(self.ctx)
        mentions = self.finder.find()
        self.anchors = self.date_anchors(mentions)
        drafts, recaps = self.assemble(mentions)
        self.absorb_recaps(drafts, recaps)
        lead = self.lead_date(recaps, drafts)
        events = [e for e in (self.finish(d, lead) for d in drafts) if e is not None]
        return self.without_echoes(events)

    def without_echoes(self, events: list[Event]) -> list[Event]:
        """Events the report places nowhere but a whole country are dropped when they only echo a
        placed event of the same kind in that country ("the attack", "les combats"), or when they
        lie months before the report (background, not news)."""
        def unplaced(e: Event) -> bool:  # only the country, or only the city the report was filed from
            return (e.location.geo_precision or 3) == 3 or e.event_id in self.filed_from

        placed = [e for e in events if not unplaced(e)]
        published = self.ctx.published
        kept = []
        for e in events:
            if unplaced(e):
                echo = any(p.event_type == e.event_type and p.location.country_code == e.location.country_code
                           and p.event_date == e.event_date and (p.sub_event_type == e.sub_event_type
                                                                 or p.weapon == e.weapon or None in (p.weapon, e.weapon))
                           for p in placed)  # a grenade thrown is no echo of a drone strike
                old = published is not None and e.date_precision == "day" and e.event_date is not None and \
                    (published.date - dt.date.fromisoformat(e.event_date)).days > BACKGROUND_DAYS
                if echo or old:
                    continue
            kept.append(e)
        return kept

    # --- grouping ----------------------------------------------------------------------------
    def assemble(self, mentions: list[Mention]) -> tuple[list[Draft], list[Mention]]:
        drafts: list[Draft] = []
        recaps: list[Mention] = []
        last: list[Draft] = []
        for m in mentions:
            if m.continuation:
                if last and m.sent - max(d.last_sent for d in last) <= CONTINUATION_GAP:
                    self.continue_into(last, m)
                continue
            if m.summary:
                recaps.append(m)
                continue
            if m.places:
                last = [self.place_draft(drafts, m, p) for p in m.places]
                continue
            date = self.when(m)
            close = last and m.sent - max(d.last_sent for d in last) <= CONTINUATION_GAP and not (
                m.another and any(self.disrupted(m) != any(self.disrupted(x) for x in d.mentions) for d in last))
            country = m.countries[0].country if m.countries else None
            same_country = not country or all(d.country in (None, country) for d in last)
            if close and same_country and (date is None or all(self.same_day(d, date) for d in last)) \
                    and not any(self.separate_arrests(d, m) for d in last):
                self.continue_into(last, m)
            else:
                # "a second device", "ces combats" on another day: an event of its own, where the one before was
                before = last[-1] if last and (m.another or m.refers_back) else None
                draft = Draft(None, [m], country, before)
                drafts.append(draft)
                last = [draft]
        return drafts, recaps

    def place_draft(self, drafts: list[Draft], m: Mention, p: PlaceMention) -> Draft:
        key = place_key(p.name)
        date = self.when(m)
        for d in drafts:
            if m.another and self.disrupted(m) != any(self.disrupted(x) for x in d.mentions):
                continue  # "defused a second device" after a bombing there: another event
            if d.place is not None and self.same_place(d.place, key) and (date is None or self.same_day(d, date)) \
                    and not self.separate_arrests(d, m):
                d.mentions.append(m)
                return d
        country = p.place.country_code if p.place else None
        draft = Draft(p, [m], country)
        drafts.append(draft)
        return draft

    @staticmethod
    def separate_arrests(d: Draft, m: Mention) -> bool:
        """Arrests made in an operation after an attack there are an event of their own; arrests at a
        protest are part of it."""
        classes = {c for x in d.mentions for c in x.classes}
        return m.classes <= {"arrest", "deploy"} and "arrest" in m.classes and not classes & {"arrest", "protest", "riot", "intervene"}

    @staticmethod
    def disrupted(m: Mention) -> bool:
        """The mention tells of a weapon stopped (intercepted, defused), not of one used."""
        return "intercept" in m.classes

    @staticmethod
    def same_place(p: PlaceMention, key: str) -> bool:
        k = place_key(p.name)
        return k == key or (len(key) > 3 and (key in k or k in key))

    def same_day(self, d: Draft, date: ResolvedDate) -> bool:
        own = d.dated()
        resolved = self.when(own) if own is not None else None
        return resolved is None or resolved.value == date.value

    def when(self, m: Mention) -> Optional[ResolvedDate]:
        """The day a mention tells of: from its trigger's clause, else from its sentence."""
        return self.resolve(m) or (self.resolve(m, m.sentence_time) if m.sentence_time else None)

    def continue_into(self, last: list[Draft], m: Mention) -> None:
        """A mention without a place of its own adds to the event(s) just told."""
        intercept = "intercept" in m.classes or any(o.label in ("intercepted", "defused") for o in m.outcomes)
        targets = last if intercept else last[-1:]
        for d in targets:
            d.mentions.append(m)

    def absorb_recaps(self, drafts: list[Draft], recaps: list[Mention]) -> None:
        """Recaps fill the actors of the events they sum up, or become events when nothing else does."""
        for r in recaps:
            weapons = {w.label for w in r.weapons}
            fits = [d for d in drafts if not weapons or not d.weapons() or weapons & d.weapons()]
            if fits:
                for d in fits:
                    if not any(m.roles["actor2"] for m in d.mentions) and r.roles["actor2"]:
                        d.mentions.append(Mention(sent=r.sent, tokens=r.tokens, roles={"actor1": [], "actor2": r.roles["actor2"], "assoc": []}, continuation=True))
            elif not drafts:
                country = r.countries[0].country if r.countries else None
                drafts.append(Draft(None, [r], country))

    def lead_date(self, recaps: list[Mention], drafts: list[Draft]) -> Optional[ResolvedDate]:
        """The date the report's lead gives its news, for events that carry none of their own:
        a recap's date ("three attacks took place on Thursday"), else the first paragraph's."""
        for r in recaps:
            if r.time is not None:
                return self.resolve(r)
        text = self.ctx.article.text
        lead_end = text.find("\n\n")
        lead_end = len(text) if lead_end < 0 else lead_end
        for expr in self.ctx.times:
            if expr.start >= lead_end:
                break
            resolved = self.ctx.tools.dates.resolve(expr, self.ctx.published)
            if resolved is not None:
                return resolved
        return None

    def date_anchors(self, mentions: list[Mention]) -> dict[int, Optional[dt.date]]:
        """For each mention, the last day named before it: "la veille", "the next day" count from it."""
        anchors: dict[int, Optional[dt.date]] = {}
        day: Optional[dt.date] = None
        last: Optional[tuple[int, ResolvedDate]] = None
        for m in sorted(mentions, key=lambda m: m.tokens.start):
            anchors[id(m)] = day
            paragraph = self.ctx.paragraph_of(m.tokens.start)
            if last is not None and last[0] == paragraph:
                self.paragraph_dates[id(m)] = last[1]
            expr = m.time or m.sentence_time
            resolved = self.ctx.tools.dates.resolve(expr, self.ctx.published, day) if expr else None
            if resolved is not None and resolved.precision == "day":
                day = dt.date.fromisoformat(resolved.value)
                last = (paragraph, resolved)
        return anchors

    def resolve(self, m: Mention, expr=None) -> Optional[ResolvedDate]:
        expr = expr or m.time
        return self.ctx.tools.dates.resolve(expr, self.ctx.published, self.anchors.get(id(m))) if expr else None

    # --- the event record ------------------------------------------------------------------
    def finish(self, d: Draft, lead: Optional[ResolvedDate]) -> Optional[Event]:
        ctx = self.ctx
        evidence: list[Evidence] = []
        triggers = [t for m in d.mentions for t in m.triggers]
        if not triggers:
            return None
        classes = {c for m in d.mentions for c in m.classes}
        for t in triggers:
            evidence.append(ctx.evidence("trigger", t.start, t.end))
        place = self.locate(d, evidence)
        country = place.country_code
        date, precision = self.date_of(d, lead, evidence)
        weapon_matches = [w for m in d.mentions for w in m.weapons]
        weapon = main_weapon([w.label for w in weapon_matches], classes)
        for w in weapon_matches:
            if recorded_weapon(w.label) == weapon:
                evidence.append(ctx.evidence("weapon", w.start, w.end))
                break
        military = bool(classes & {"attack", "clash", "ambush", "air_strike", "shelling", "explosion", "kill", "intercept",
                                   "capture", "recapture"})
        actor1, actor2, assoc1, assoc2 = self.actors(d, country, military, evidence, classes, weapon)
        outcomes = self.outcomes(d, evidence)
        fatalities, injuries = self.casualties(d, outcomes, evidence)
        sub = sub_event_type(classes, weapon, set(outcomes), actor1.kind if actor1 else None,
                             actor2.kind if actor2 else None, fatalities)
        if sub == "Other":
            return None
        paragraphs = {ctx.paragraph_of(ctx.sentences[m.sent].start) for m in d.mentions}
        actor1, actor2 = self.default_actors(sub, actor1, actor2, country, weapon, paragraphs)
        if weapon is None and sub in ("Armed clash", "Attack") and any(w.label == "small_arms" for w in weapon_matches):
            weapon = "small_arms"
        event_type = taxonomy().event_type_of(sub)
        event = Event(
            event_id=stable_id(ctx.article.article_id, str(triggers[0].start), sub),
            article_ids=[ctx.article.article_id], event_date=date, date_precision=precision,
            event_type=event_type, sub_event_type=sub, plover_type=taxonomy().plover_of(sub),
            actor1=actor1, actor2=actor2, assoc_actor_1=assoc1, assoc_actor_2=assoc2, location=place,
            weapon=weapon, fatalities=fatalities, injuries=injuries, outcome=outcomes, evidence=evidence,
        )
        if d.located is not None and d.located.start < ctx.token_at(ctx.dateline_end or 0):
            self.filed_from.add(event.event_id)
        event.confidence = self.confidence(event, d)
        event.notes = write_notes(event)
        return event

    def locate(self, d: Draft, evidence: list[Evidence]) -> Place:
        ctx, g = self.ctx, self.ctx.gazetteer
        p = d.located = d.place
        if p is not None:
            evidence.append(ctx.evidence("location", p.span_start, p.span_end))
            if p.place is not None and p.place.latitude is not None:
                name = p.place.name if p.feature in (None, "area") else ctx.doc[p.span_start:p.span_end].text
                return p.place.model_copy(update={"name": name, "text": ctx.doc[p.span_start:p.span_end].text})
            if p.context is not None and p.context.place is not None:
                evidence.append(ctx.evidence("location", p.context.start, p.context.end))
                base = p.context.place
                return base.model_copy(update={"name": p.name, "geo_precision": max(2, base.geo_precision or 2), "text": p.name})
            code = d.country or ctx.focus
            area = g.admin_place(ctx.doc[p.span_start:p.span_end].text, code, text=p.name) if code else None
            if area is not None:  # a named area the gazetteer knows, at its centre
                return area.model_copy(update={"name": p.name})
            if code:
                return g.country(code, p.name).model_copy(update={"name": p.name})
            return Place(name=p.name, text=p.name)
        nearby = self.place_nearby(d)
        if d.before is not None and d.before.located is not None and d.before.located.place is not None and (
                nearby is None or nearby.start < self.ctx.token_at(self.ctx.dateline_end or 0)):
            nearby = d.before.located
        d.located = nearby
        if nearby is not None:
            evidence.append(ctx.evidence("location", nearby.span_start, nearby.span_end))
            return nearby.place.model_copy(update={"geo_precision": max(2, nearby.place.geo_precision or 2),
                                                   "text": ctx.doc[nearby.span_start:nearby.span_end].text})
        countries = [c for m in d.mentions for c in m.countries]
        if countries:
            evidence.append(ctx.evidence("location", countries[0].start, countries[0].end))
            return countries[0].place
        where = next((a.where for m in d.mentions for r in m.roles.values() for a in r if a.where), None)
        code = where or ctx.focus
        return g.country(code) if code else Place()

    def place_nearby(self, d: Draft) -> Optional[PlaceMention]:
        """For an event whose sentences name no place: the place named closest to it in its
        paragraph, else the dateline's city when it lies in the report's country (wire copy is
        filed from where things happen)."""
        ctx = self.ctx
        first = ctx.sentences[d.mentions[0].sent].start
        paragraphs = {ctx.paragraph_of(ctx.sentences[m.sent].start) for m in d.mentions}
        located = [q for q in ctx.places if q.place is not None and not q.country and q.place.latitude is not None
                   and (q.place.geo_precision or 1) < 3]
        body = ctx.token_at(ctx.dateline_end) if ctx.dateline_end else 0
        same = [q for q in located if q.start >= body and ctx.paragraph_of(q.start) in paragraphs]
        if same:
            return min(same, key=lambda q: abs(q.start - first))
        dateline = [q for q in located if q.start < body and q.place.country_code == (d.country or ctx.focus)]
        return dateline[0] if dateline else None

    def date_of(self, d: Draft, lead: Optional[ResolvedDate], evidence: list[Evidence]) -> tuple[Optional[str], Optional[str]]:
        own = d.date_mention()
        resolved = self.resolve(own) if own else None
        first = d.mentions[0]
        if resolved is None and first.sentence_time is not None:
            resolved = self.resolve(first, first.sentence_time)
        if resolved is None and first.report_time is not None:
            resolved = self.resolve(first, first.report_time)
        if resolved is None:  # the day its paragraph has been telling of, else the lead's
            resolved = self.paragraph_dates.get(id(first), lead)
        if resolved is not None:
            if resolved.expr is not None:
                evidence.append(self.ctx.char_evidence("event_date", resolved.expr.start, resolved.expr.end))
            return resolved.value, resolved.precision
        if self.ctx.published is not None:
            return self.ctx.published.as_event_date()
        return None, None

    def actors(self, d: Draft, country: Optional[str], military: bool, evidence: list[Evidence], classes: set[str],
               weapon: Optional[str] = None):
        ctx = self.ctx
        picked: dict[str, list[ActorMention]] = {"actor1": [], "actor2": [], "assoc": []}
        for m in d.mentions:
            for role, found in m.roles.items():
                picked[role].extend(found)
        if classes & {"protest", "riot", "intervene"} and not classes & {"attack", "clash", "air_strike", "shelling", "explosion"}:
            # a crowd event: the crowd is one side and the force that met it the other, whatever the parse says
            named = picked["actor1"] + picked["actor2"]
            crowd = [a for a in named if a.category in ("civilians", "protesters", "rioters")]
            force = [a for a in named if a.category in ("police", "military")]
            if crowd and force:
                picked["actor1"], picked["actor2"] = crowd, force

        if "withdraw" in classes and classes & {"transfer", "deploy", "capture"}:
            # ground changing hands: who moved in is actor1, who pulled out actor2 ("Lebanese troops
            # deployed after Israeli forces pulled out", "les FAMa avaient évacué leur poste ... des
            # combattants de l'EIS y sont entrés")
            leaving = [a for m in d.mentions if "withdraw" in m.classes for a in m.roles["actor1"]]
            coming = [a for m in d.mentions if "withdraw" not in m.classes for a in m.roles["actor1"]]
            if leaving and coming:
                picked["actor1"], picked["actor2"] = coming, leaving + picked["actor2"]
        two_sided = "clash" in classes and not any(a.category == "group" for a in picked["actor2"]) or \
            "agreement" in classes and not picked["actor2"]
        if two_sided:
            # "fighting between ELN rebels and a dissident faction of the FARC": two groups named
            # as the ones fighting are the two sides, whoever died between them; so are two parties
            # named as making a deal ("the government and the Houthis completed a prisoner swap")
            named = [a for a in picked["actor1"] if a.category == "group" or "agreement" in classes]
            first = self.resolved(named[0], country).name if named else None
            other = next((a for a in named if self.resolved(a, country).name != first
                          and not self.qualifies(a, named[0]) and not self.qualifies(named[0], a)), None)
            if other is not None:
                picked["actor1"].remove(other)
                picked["actor2"].insert(0, other)
        sides: set[str] = set()

        def make(a: ActorMention, field_name: str) -> Actor:
            a = self.named_group(a, sides, country)
            if a.category == "military" and a.country is None and self.only_forces is not None \
                    and a.head > self.only_forces[1]:
                a = dataclasses.replace(a, country=self.only_forces[0])  # "les soldats": the army named before
            evidence.append(ctx.evidence(field_name, a.start, a.end))
            actor = self.resolved(a, country, military, ctx.doc[a.start:a.end].text)
            sides.add(actor.name)
            return actor

        if military:  # ministries and officials report on fighting; they are not its target
            picked["actor2"] = [a for a in picked["actor2"] if a.category != "government"]
        # A place standing for its forces is a side only when no one is named; a group named
        # ("revendiquée par le JNIM") says who the gunmen were.
        for role in ("actor1", "actor2"):
            named = role == "actor1" and any(a.category == "group" for a in picked[role])
            picked[role].sort(key=lambda a: (a.category in FACILITIES, named and a.category == "armed"))
        picked["actor1"] = [a for a in picked["actor1"] if a.category not in FACILITIES]
        actor1 = make(picked["actor1"][0], "actor1") if picked["actor1"] else None
        actor2 = None
        # people may turn on people ("residents beat two men": civilians on both sides, a mob's violence)
        same_side = lambda x: actor1 is not None and x.name == actor1.name and x.kind != "civilians"  # noqa: E731
        for a in picked["actor2"]:
            candidate = self.resolved(a, country, military)
            if not same_side(candidate):
                actor2 = make(a, "actor2")
                if same_side(actor2):  # named as the same side after all
                    evidence.pop()
                    actor2 = None
                    continue
                break
        # armed groups fly no jets; arrests are made by the state (default_actors)
        if actor1 is None and military and weapon != "airstrike" and "arrest" not in classes:
            found = self.nearby(d, self.opposes_state,
                                {getattr(actor2, "name", None)}, lead=not self.attacker_left_unnamed(d))
            actor1 = make(found, "actor1") if found else None
        if actor2 is None and military:
            state_side = actor1 is not None and actor1.kind in ("state_forces", "external_forces")
            enemy = self.opposes_state if state_side else lambda a: a.category in ("military", "police")
            found = self.nearby(d, enemy, {getattr(actor1, "name", None)}) if actor1 is not None else None
            if found is None and state_side:  # "des drones de l'armée ont frappé des positions rebelles"
                found = self.sole_group(country)
                found = found if found is not None and self.resolved(found, country).name != actor1.name else None
            # else the people it hit, when its own sentences name them
            found = found or self.nearby(d, lambda a: a.category == "civilians", {getattr(actor1, "name", None)}, paragraph=False)
            actor2 = make(found, "actor2") if found else None
        crowd = classes & {"protest", "intervene", "riot"}
        if actor2 is None and crowd and classes & {"intervene", "arrest", "kill"}:  # the force that met the crowd
            found = self.nearby(d, lambda a: a.category in ("police", "military"), {getattr(actor1, "name", None)})
            actor2 = make(found, "actor2") if found else None
        assoc1, assoc2 = [], []
        for a in picked["assoc"]:
            act = make(a, "assoc_actor")
            side = assoc2 if actor2 is not None and actor2.kind in ("state_forces", "external_forces") else assoc1
            if act.name not in {x.name for x in side} and act.name not in (getattr(actor1, "name", None), getattr(actor2, "name", None)):
                side.append(act)
        return actor1, actor2, assoc1, assoc2

    def qualifies(self, a: ActorMention, b: ActorMention) -> bool:
        """`a` is named inside `b`'s phrase, not beside it: "le JNIM, affilié à Al-Qaïda" (but in
        "X and Y", Y stands beside X)."""
        x = self.ctx.doc[a.head]
        while x.head.i != x.i and x.dep_ != "conj":
            x = x.head
            if b.covers(x.i):
                return True
        return False

    def resolved(self, a: ActorMention, country: Optional[str], military: bool = True, text: str = "") -> Actor:
        """The actor a mention names, as the event records it: canonical, and the branch or
        community militia of the event's country."""
        return branch_in(canonical(a, country, military, text), country, self.ctx.tools.actors.lex.group_actors)

    @functools.cached_property
    def only_forces(self) -> Optional[tuple[str, int]]:
        """The country whose forces the report names, when it names one country's only, and the
        token where it first does: unnamed "soldiers" and "troops" after it are those forces
        ("l'armée israélienne ... les soldats" in the West Bank are Israeli, not Palestinian)."""
        named = [(a.country, a.head) for a in self.ctx.actors if a.category == "military" and a.country] + \
            [(a.group.country_code, a.head) for a in self.ctx.actors if a.category == "group" and a.group is not None
             and a.group.kind in ("state_forces", "external_forces") and a.group.country_code]
        if len({code for code, _ in named}) != 1:
            return None
        return min(named, key=lambda n: n[1])

    @functools.cached_property
    def nobody(self) -> set[str]:
        """Words that make a claim a non-claim ("no group", "aucun", "not")."""
        return {w.lower() for w in lexicon(self.ctx.tools.language).nobody} | self.ctx.tools.negation

    def attacker_left_unnamed(self, d: Draft) -> bool:
        """The event's paragraph says nobody claimed it or speaks of unnamed gunmen ("No one has
        claimed responsibility", "officials blamed militants but did not name a group"): the
        group the lead names is not to be assumed."""
        ctx = self.ctx
        paragraphs = {ctx.paragraph_of(ctx.sentences[m.sent].start) for m in d.mentions}
        if any(a.category == "armed" and ctx.paragraph_of(a.head) in paragraphs for a in ctx.actors):
            return True
        nobody = self.nobody
        for cue in ctx.statement_cues:
            if cue.label == "CLAIM" and ctx.paragraph_of(cue.start) in paragraphs:
                verb = ctx.doc[cue.start]
                subject = [c for c in verb.children if c.dep_.startswith("nsubj")]
                words = {c.lower_ for c in verb.children} | {w.lower_ for s in subject for w in s.subtree}
                if words & nobody:
                    return True
        return False

    def named_group(self, a: ActorMention, sides: set[str], country: Optional[str] = None) -> ActorMention:
        """ "Eleven insurgents died" where the paragraph names one armed group ("Al Shabaab
        fighters had held the town"): the insurgents are that group. Never for attackers the
        report calls unidentified or pro-something, nor from accusations and denials, nor
        the group already on the other side."""
        ctx = self.ctx
        if a.category != "armed" or a.unknown or any(t.lower_.startswith("pro") for t in ctx.doc[a.start:a.head]):
            return a
        paragraph = ctx.paragraph_of(a.head)
        groups = [g for g in self.proven_groups if ctx.paragraph_of(g.head) == paragraph]
        names = {g.group.name for g in groups}
        if not groups:  # none in its paragraph: the one group the whole report names, if it names one
            sole = self.sole_group(country)
            groups, names = ([sole], {sole.group.name}) if sole else ([], set())
        return groups[0] if len(names) == 1 and not names & sides else a

    def sole_group(self, country: Optional[str]) -> Optional[ActorMention]:
        """The one group opposed to the state that the report names, when it names one only and
        that group is based where the event is, or nowhere in particular (not Nigeria's Boko
        Haram for Cameroon's separatists)."""
        groups = self.proven_groups
        if len({g.group.name for g in groups}) != 1 or groups[0].group.country_code not in (None, country):
            return None
        return groups[0]

    def opposes_state(self, a: ActorMention) -> bool:
        """A named non-state group that does not fight beside the state's forces."""
        return a.category == "group" and a.group is not None and a.group.kind in NON_STATE_KINDS \
            and a.group.name not in self.ctx.tools.actors.lex.state_allies

    @functools.cached_property
    def proven_groups(self) -> list[ActorMention]:
        """The groups opposed to the state the report names, other than in accusations and
        denials, and other than as another group's affiliate ("le JNIM, lié à Al-Qaïda")."""
        ctx = self.ctx
        groups = [g for g in ctx.actors if self.opposes_state(g) and ctx.sentence_of.get(g.head) not in self.disputed]
        return [g for g in groups if not any(h is not g and h.group.name != g.group.name and self.qualifies(g, h) for h in groups)]

    @functools.cached_property
    def disputed(self) -> set[int]:
        """Sentences that accuse or deny: the groups they name are not proven sides."""
        ctx = self.ctx
        return {n for n, sent in enumerate(ctx.sentences)
                if any(c.label in ("ACCUSE", "REJECT") for c in ctx.in_span(ctx.statement_cues, sent))}

    def nearby(self, d: Draft, wanted, exclude: set, lead: bool = False, paragraph: bool = True) -> Optional[ActorMention]:
        """An actor the event's own clauses did not give a role, named in its sentences, then in
        its paragraph, then (when `lead`) in the report's first paragraph. Groups only accused or
        denied ("X accused group Y") are not taken for the side that acted."""
        ctx = self.ctx
        sents = {m.sent for m in d.mentions}
        paragraphs = {ctx.paragraph_of(ctx.sentences[n].start) for n in sents}
        sent_of = ctx.sentence_of
        speakers = {c.start for c in ctx.statement_cues}  # "..., police said": who tells, not who took part
        candidates = [a for a in ctx.actors if wanted(a) and sent_of.get(a.head) not in self.disputed
                      and not self.finder.speaks(a, speakers) and self.resolved(a, d.country or ctx.focus).name not in exclude]
        scopes = [lambda a: sent_of.get(a.head) in sents]
        if paragraph:
            scopes.append(lambda a: ctx.paragraph_of(a.head) in paragraphs)
        if lead:
            scopes.append(lambda a: ctx.paragraph_of(a.head) == 0)
        for in_scope in scopes:
            found = [a for a in candidates if in_scope(a)]
            if found:
                return found[0]
        return None

    def default_actors(self, sub: str, actor1: Optional[Actor], actor2: Optional[Actor], country: Optional[str],
                       weapon: Optional[str] = None, paragraphs: Optional[set[int]] = None):
        """Who ACLED writes when the report does not say, and its conventions on sides: a crowd
        is actor1 of its own protest or riot and the force that met it actor2; unarmed people do
        not carry out violence; arrests are made by the police, ground is regained by the army, an air
        strike is flown by a state's forces."""
        crowd = CROWD_EVENTS.get(sub)
        if crowd and actor1 is not None and actor1.kind in ("state_forces", "external_forces"):
            actor1, actor2 = (actor2 if actor2 is not None and actor2.kind in CROWD_KINDS else None), actor1
        if crowd and actor1 is not None and actor1.kind in CROWD_KINDS:
            actor1 = Actor(name=f"{crowd.capitalize()} ({country_label(country)})", kind=crowd, country_code=country, text=actor1.text)
        if sub in ("Violent demonstration", "Mob violence") and actor1 is not None and actor1.kind not in ("rioters", "state_forces"):
            # a riot's or a mob's own people are rioters, however the report names them ("militants", "a crowd")
            actor1 = Actor(name=f"Rioters ({country_label(country)})", kind="rioters", country_code=country, text=actor1.text)
        if crowd is None and actor2 is not None and actor2.kind in ("protesters", "rioters") and sub not in ("Mob violence", "Arrests"):
            # a crowd attacked outside a protest is civilians ("la foule d'un marché")
            actor2 = Actor(name=f"Civilians ({country_label(country)})", kind="civilians", country_code=country, text=actor2.text)
        if crowd is None and sub != "Mob violence" and actor1 is not None and actor1.kind == "civilians":
            actor1, actor2 = None, actor2 or actor1  # unarmed people do not carry out violence: they are its target
        if crowd and actor2 is not None and actor2.kind in CROWD_KINDS:
            actor2 = None  # the crowd is actor1; its own members are not the other side
        if actor1 is None and crowd:
            actor1 = Actor(name=f"{crowd.capitalize()} ({country_label(country)})", kind=crowd, country_code=country)
        elif actor1 is None and sub == "Mob violence":
            actor1 = Actor(name=f"Rioters ({country_label(country)})", kind="rioters", country_code=country)
        elif actor1 is None and sub == "Arrests" and country:
            actor1 = Actor(name=f"Police Forces of {state_of(country)}", kind="state_forces", country_code=sovereign(country))
        elif actor1 is None and sub == "Government regains territory" and country:
            actor1 = Actor(name=f"Military Forces of {state_of(country)}", kind="state_forces", country_code=sovereign(country))
        elif actor1 is None and sub in ("Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"):
            actor1 = self.air_force(country, own_state=sub == "Air/drone strike")
        elif actor1 is None and sub == "Disrupted weapons use" and weapon in ("drone", "missile", "rocket") and paragraphs:
            # drones and missiles shot down came from the foreign state named beside them, when one is
            actor1 = self.air_force(country, own_state=False, paragraphs=paragraphs, target=actor2, weapon=weapon)
        elif actor1 is None and sub == "Agreement" and actor2 is None:
            actor1, actor2 = self.belligerents(country)  # "the two sides completed a prisoner swap"
        elif actor1 is None and sub != "Agreement":
            actor1 = unidentified(country)
        if actor2 is None and sub == "Disrupted weapons use" and country and (actor1 is None or actor1.kind not in ("state_forces",)):
            # what was shot down or defused was aimed at a state's forces, who stopped it
            actor2 = Actor(name=f"Military Forces of {state_of(country)}", kind="state_forces", country_code=sovereign(country))
        if actor2 is None and sub in ("Attack", "Abduction/forced disappearance", "Sexual violence", "Arrests",
                                      "Looting/property destruction", "Mob violence"):
            actor2 = Actor(name=f"Civilians ({country_label(country)})", kind="civilians", country_code=country)
        return actor1, actor2

    def belligerents(self, country: Optional[str]) -> tuple[Optional[Actor], Optional[Actor]]:
        """The two sides of the report's war, for an agreement that names neither: the state's
        forces the report names and the armed group it names most, when it names both."""
        ctx = self.ctx
        state = sovereign(country) if country else None
        forces = [a for a in ctx.actors if a.category == "military" and a.country and sovereign(a.country) == state]
        groups = Counter(g.group.name for g in self.proven_groups)
        if not forces or not groups:
            return None, None
        group = next(g for g in self.proven_groups if g.group.name == groups.most_common(1)[0][0])
        return self.resolved(forces[0], country), self.resolved(group, country)

    def air_force(self, country: Optional[str], own_state: bool = True, paragraphs: Optional[set[int]] = None,
                  target: Optional[Actor] = None, weapon: Optional[str] = None) -> Optional[Actor]:
        """Who fires an unattributed strike from afar: a foreign state whose forces the report
        names, else (for air strikes, which armed groups seldom fly) the state where it fell.
        When `paragraphs` are given, a state they name, else one the report names beside
        weapons of the same kind ("la Russie a lancé 143 drones")."""
        ctx = self.ctx
        foreign = [a for a in ctx.actors if a.category in ("military", "state") and a.country
                   and sovereign(a.country) != sovereign(country)
                   and (target is None or a.country != target.country_code)]  # "US air defences shot down...": not theirs
        if paragraphs is not None:
            armed = {ctx.sentence_of.get(w.start) for w in ctx.weapons if w.label == weapon}
            foreign = [a for a in foreign if ctx.paragraph_of(a.head) in paragraphs] or \
                [a for a in foreign if ctx.sentence_of.get(a.head) in armed - self.disputed]  # not one only accused
        foreign = [a.country for a in foreign]
        code = max(set(foreign), key=foreign.count) if foreign else sovereign(country) if own_state else None
        if code is None:
            return unidentified(country)
        kind = "external_forces" if country and code != sovereign(country) else "state_forces"
        return Actor(name=f"Military Forces of {state_of(code)}", kind=kind, country_code=code)

    def outcomes(self, d: Draft, evidence: list[Evidence]) -> list[str]:
        found: list[str] = []
        for m in d.mentions:
            for o in m.outcomes:
                if o.label not in found:
                    found.append(o.label)
                    evidence.append(self.ctx.evidence("outcome", o.start, o.end))
            if "intercept" in m.classes and "intercepted" not in found:
                found.append("intercepted")
        return found

    def casualties(self, d: Draft, outcomes: list[str], evidence: list[Evidence]) -> tuple[int, Optional[int]]:
        best = {"killed": None, "injured": None}
        for m in d.mentions:
            per = {"killed": 0, "injured": 0}
            for c in m.counts:
                per[c.kind] += c.value
                evidence.append(self.ctx.evidence("fatalities" if c.kind == "killed" else "injuries", c.start, c.end))
            for kind, value in per.items():
                if value and (best[kind] is None or value > best[kind]):
                    best[kind] = value
        paragraphs = {self.ctx.paragraph_of(self.ctx.sentences[m.sent].start) for m in d.mentions}
        coded = next((c for c in self.ctx.coded_fatalities if self.ctx.paragraph_of(c.start) in paragraphs), None)
        if coded is not None:  # the count the report says it codes ("Fatalities coded as 0 (4 reported)")
            evidence.append(self.ctx.evidence("fatalities", coded.start, coded.end))
            return coded.value, best["injured"]
        none = next((m.no_casualties for m in d.mentions if m.no_casualties), None)
        if none is not None:
            evidence.append(self.ctx.evidence("fatalities", none.start, none.end))
            outcomes.append("no_casualties")
            return best["killed"] or 0, best["injured"] if best["injured"] is not None else 0
        return best["killed"] or 0, best["injured"]

    @staticmethod
    def confidence(event: Event, d: Draft) -> float:
        score = 0.4
        score += 0.15 if event.location.geo_precision in (1, 2) else 0.0
        score += 0.1 if any(e.field == "event_date" for e in event.evidence) else 0.0
        score += 0.1 if any(e.field == "actor1" for e in event.evidence) else 0.0
        score += 0.1 if event.weapon else 0.0
        score += 0.05 * min(2, len(d.mentions) - 1)
        return round(min(score, 0.95), 2)


def country_label(code: Optional[str]) -> str:
    return country_name(code) or "Unknown"
