"""Event mentions: a trigger with its arguments from the sentence it stands in.

A sentence gives one main mention, plus one for each phrase a separator opens ("Outre deux
attaques de drones...", "after last week's raid..."). Triggers that are negated, future or
conditional, weak without support, or inside a tally or an accusation, threat or denial give none.
Sentences without a trigger that add casualties, an outcome, or accompanying forces give a
continuation mention, which attaches to the event told just before.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span, Token

from ..knowledge import lexicon
from ..find.actors import ActorMention
from ..resolve.dates import TimeExpr
from ..find.counts import Count, casualty_counts
from ..context import DocContext, PlaceMention
from ..text.lexmatch import Match, PhraseIndex, flat

NOMINAL_LINKS = {"compound", "flat", "flat:name", "appos", "conj", "nmod", "nmod:poss", "poss", "pobj", "prep", "case", "amod"}
BLOCKING_STATEMENTS = {"ACCUSE", "REJECT", "THREATEN", "DEMAND", "WARN"}
PASSIVE_SUBJ = {"nsubj:pass", "nsubjpass"}
OBJECTS = {"obj", "dobj", "iobj"}
FLYING = ("drone", "missile", "rocket", "airstrike")  # weapons that are shot down, not defused


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
    roles: dict[str, list[ActorMention]] = field(default_factory=lambda: {"actor1": [], "actor2": [], "assoc": []})
    counts: list[Count] = field(default_factory=list)
    no_casualties: Optional[Match] = None
    outcomes: list[Match] = field(default_factory=list)
    summary: bool = False  # "trois attaques", "new attacks": a count or a recap, not one event
    continuation: bool = False  # no trigger of its own
    another: bool = False  # "a second device", "une autre attaque": not the event told before
    refers_back: bool = False  # "ces combats", "these clashes": the event told before, named again
    countries: list[PlaceMention] = field(default_factory=list)


class MentionFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        lex = lexicon(ctx.tools.language)
        tok = ctx.tools.nlp.tokenizer
        self.separators = PhraseIndex(tok, flat(lex.separators))
        self.associates = PhraseIndex(tok, flat(lex.associates))
        self.target_nouns = {w.lower() for w in lex.target_nouns}
        self.since = {w.lower() for w in [*lex.dates.since, *lex.dates.began] if " " not in w}
        self.conflict_subjects = {w.lower() for w in lex.conflict_subjects}
        self.another_words = {w.lower() for w in lex.another}
        self.violated = {w.lower() for w in lex.violated_things}
        self.seized = {w.lower() for w in lex.seized_things}
        self.concessive = {w.lower() for w in lex.concessive}
        self.violations = {w.lower() for w in lex.violations}
        self.conjunctions = {w.lower() for w in lex.conjunctions}
        self.opposing = {w.lower() for w in lex.opposing}
        self.downing = {w.lower() for w in lex.downing}
        self.units = {w.lower() for w in lex.tallies.units}
        self.verb_only = {w.lower() for w in lex.verb_only_triggers}
        self.since_event = {w.lower() for w in lex.dates.since_event if " " not in w}
        self.own_pronouns = {w.lower() for w in lex.self_pronouns}  # "the army said it had ..."

    def find(self) -> list[Mention]:
        out: list[Mention] = []
        for n, sent in enumerate(self.ctx.doc.sents):
            if self.is_tally(sent) or self.blocked_by_statement(sent):
                continue
            triggers = [self.shot_down(m) for m in self.ctx.in_span(self.ctx.triggers, sent) if self.valid(m, sent)]
            triggers += self.downed(sent, triggers)
            if not triggers and not self.ctx.in_span(self.ctx.triggers, sent):
                triggers = self.weapon_as_trigger(sent)
            if triggers:
                out.extend(self.split(n, sent, triggers))
            else:
                cont = self.continuation(n, sent)
                if cont:
                    out.append(cont)
        return out

    # --- which sentences and triggers count ----------------------------------------------------
    def is_tally(self, sent: Span) -> bool:
        """A sentence that gives an aggregate over a period is a tally, not an event."""
        doc = self.ctx.doc
        # a period inside a clause that describes a noun is not the count's ("démoli douze bâtiments
        # dans le camp, vidé de ses habitants depuis janvier")
        periods = [p for p in self.ctx.in_span(self.ctx.periods, sent) if not self.descriptive(doc[self.clause_verb(doc[p.start])])]
        return bool(periods) and any((t.like_num or t.pos_ == "NUM") and not (t.text.isdigit() and len(t.text) == 4)
                                     and not self.measures(t) for t in sent)

    @staticmethod
    def descriptive(verb: Token) -> bool:
        """A clause that describes a noun: relative, or a bare participle ("le camp, vidé de ses habitants")."""
        return verb.dep_ in ("acl", "acl:relcl", "relcl") or verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") \
            and not any(c.dep_.startswith("aux") for c in verb.children)

    @staticmethod
    def clause_verb(t: Token) -> int:
        x = t
        while x.pos_ not in ("VERB", "AUX") and x.head.i != x.i:
            x = x.head
        return x.i

    def measures(self, t: Token) -> bool:
        """ "1 500 kilomètres", "d'un an": a number of units, not a count of events or people."""
        nxt = next((x for x in t.doc[t.i + 1:t.i + 3] if not (x.like_num or x.pos_ == "NUM")), None)
        return nxt is not None and (nxt.lower_ in self.units or nxt.lemma_.lower() in self.units)

    def blocked_by_statement(self, sent: Span) -> bool:
        """Accusations, denials, threats and demands speak of attacks; they do not report one."""
        cues = self.ctx.in_span(self.ctx.statement_cues, sent)
        if not cues:
            return False
        tools, keys = self.ctx.tools, self.ctx.keys
        strong = any(c.label in BLOCKING_STATEMENTS for c in cues) or tools.threat_cues.find(keys, sent.start, sent.end) \
            or tools.demand_cues.find(keys, sent.start, sent.end)
        return bool(strong) and not self.ctx.times_in(sent.start, sent.end)

    def valid(self, m: Match, sent: Span) -> bool:
        tok = self.ctx.doc[m.start]
        if self.negated(tok) or self.unreal(tok):
            return False
        if any(c.start <= tok.head.i < c.end and c.label == "CLAIM" for c in self.ctx.statement_cues):
            return False  # "l'attaque a été revendiquée par...": the claim speaks of the event told before
        if self.habitual(tok, sent):
            return False  # "the group's cells still carry out sporadic attacks": what happens, not what happened
        if any(c.dep_.startswith("nsubj") and c.lemma_.lower() in self.conflict_subjects for c in tok.children):
            return False  # "the war has killed tens of thousands": a toll, not an event
        if m.label == "sexual" and any(c.dep_ != "nsubj" and c.lemma_.lower() in self.violated for c in tok.children):
            return False  # "violer le cessez-le-feu"
        if m.label in ("capture", "recapture") and not any(sent.start <= p.start < sent.end for p in self.ctx.places):
            return False  # taking or retaking ground names the ground
        if m.label in ("capture", "recapture") and any(self.seized_thing(c) for c in tok.children):
            return False  # "seizing weapons and ammunition" takes no ground
        if tok.pos_ == "NOUN" and (tok.dep_ == "pobj" and tok.head.lower_ in self.since_event or any(
                c.dep_ in ("case", "mark") and c.lower_ in self.since_event for c in tok.children) or tok.dep_.startswith("nsubj")
                and any(c.dep_ == "mark" and c.lower_ in self.since_event for c in tok.head.children)):
            return False  # "since a truce in 2022", "depuis l'offensive", "since a truce ... collapsed": background
        if m.phrase.lower() in self.verb_only and tok.pos_ != "VERB":
            return False
        if m.label == "intervene" and tok.pos_ == "VERB" and any(
                c.dep_.startswith("nsubj") and self.crowd_at(c.i) for c in tok.children):
            return False  # "the crowd dispersed peacefully": it left of its own accord
        if tok.dep_ == "compound" and any(a.start <= tok.head.i < a.end for a in [*self.ctx.actors, *self.ctx.weapons]):
            return False  # "riot police", "assault rifles": a kind of force or weapon, not an event
        if any(c.start <= m.start < c.end and c.label == "SAY" for c in self.ctx.statement_cues):
            return False  # "according to": a source, not an accord
        if m.label == "agreement" and (any(c.lower_ in self.concessive for c in tok.children) or tok.head.lemma_.lower() in self.violations):
            return False  # "malgré la trêve", "in violation of the ceasefire": the agreement is not the news
        if m.phrase.lower() in self.ctx.tools.weak and (tok.dep_ == "amod" or tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"):
            return False  # "striking teachers", "targeted areas": a word describing a noun tells no event
        if m.phrase.lower() in self.ctx.tools.weak and tok.pos_ in ("VERB", "AUX", "ADJ"):
            support = self.ctx.in_span(self.ctx.weapons, sent) or self.ctx.in_span(self.ctx.casualties, sent) or (
                m.label == "protest" and any(a.category == "protesters" and sent.start <= a.head < sent.end for a in self.ctx.actors)) or (
                # "ont repris vendredi le contrôle de Diapaga": the ground taken is named under the verb
                m.label in ("capture", "recapture") and any(tok.left_edge.i <= p.start <= tok.right_edge.i and not p.country
                                                            for p in self.ctx.places))
            strong = [t for t in self.ctx.in_span(self.ctx.triggers, sent) if t.phrase.lower() not in self.ctx.tools.weak]
            return bool(support or strong)
        return True

    def habitual(self, tok: Token, sent: Span) -> bool:
        """A trigger told in the simple present with no date in its sentence is a habit or a
        general truth, not news."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or self.ctx.times_in(sent.start, sent.end):
            return False
        aux = [c for c in verb.children if c.dep_ in ("aux", "aux:pass", "auxpass", "aux:tense")]
        return verb.morph.get("Tense") == ["Pres"] and verb.morph.get("VerbForm") == ["Fin"] and not aux

    def downed(self, sent: Span, found: list[Match]) -> list[Match]:
        """ "la défense antiaérienne a détruit 38 drones": a downing verb with a flying weapon just
        after it, where no trigger stands, tells an interception."""
        taken = {i for m in found for i in range(m.start, m.end)}
        flying = [w for w in self.ctx.in_span(self.ctx.weapons, sent) if w.label in FLYING]
        return [Match(t.i, t.i + 1, "intercept", t.lemma_) for t in sent
                if t.pos_ == "VERB" and t.lemma_.lower() in self.downing and t.i not in taken
                and not self.negated(t) and any(0 < w.start - t.i <= 4 for w in flying)]

    def shot_down(self, m: Match) -> Match:
        """ "a abattu plusieurs drones", "a détruit 38 drones": killing or destroying a weapon that
        flies is stopping it."""
        if m.label != "kill" and self.ctx.doc[m.start].lemma_.lower() not in self.downing:
            return m
        flying = [w for w in self.ctx.weapons if w.label in FLYING]
        tok = self.ctx.doc[m.start]
        objects = {c.i for c in tok.children if c.dep_ in OBJECTS}
        # its object, or (the parse of dates and quantifiers is shaky) a flying weapon just after it
        if any(objects & set(range(w.start, w.end)) or 0 < w.start - tok.i <= 4 for w in flying):
            return Match(m.start, m.end, "intercept", m.phrase)
        return m

    def crowd_at(self, i: int) -> bool:
        return any(a.start <= i < a.end and a.category in ("protesters", "rioters", "civilians") for a in self.ctx.actors)

    def seized_thing(self, child: Token) -> bool:
        if child.dep_ not in ("obj", "dobj", "obl", "obl:arg", "prep"):
            return False
        nouns = [child, *child.children] if child.dep_ == "prep" else [child]
        return any(n.lemma_.lower() in self.seized for n in nouns)

    def weapon_as_trigger(self, sent: Span) -> list[Match]:
        """ "Four people were wounded when a grenade was hurled at a shop in Quetta": a weapon with
        casualties and a place of its own tells an attack even without an attack verb."""
        ctx = self.ctx
        weapons = [w for w in ctx.in_span(ctx.weapons, sent) if w.label != "melee"]  # "blessé par balle près de Païta"
        # someone was hurt ("were wounded", "blessé par balle"), not "the wounded had bullet injuries"
        hurt = [c for c in ctx.in_span(ctx.casualties, sent) if c.label in ("killed", "injured")
                and ctx.doc[c.start].pos_ in ("VERB", "AUX", "ADJ")
                and ctx.doc[c.start].dep_ not in ("pobj", "nsubj", "dobj", "obj", "nmod", "obl")]
        placed = any(sent.start <= p.start < sent.end and not p.country for p in ctx.places)
        if not (weapons and hurt and placed) or self.negated(ctx.doc[hurt[0].start]):
            return []
        w = weapons[0]
        return [Match(w.start, w.end, "attack", w.phrase)]

    def negated(self, tok: Token) -> bool:
        neg = self.ctx.tools.negation
        # the verb it depends on ("failed to reach"), but not a later clause the parse hung it under
        # ("forces set up a post ...; officials did not comment")
        governed = tok.dep_ in ("xcomp", "aux", "aux:pass") or tok.dep_ == "ccomp" and tok.head.i < tok.i
        around = list(tok.children) + ([*tok.head.children] if governed else [])
        return any(c.dep_ in ("neg", "advmod") and c.lower_ in neg and c.lower_ not in ("ne", "n'") for c in around) or any(
            c.lower_ in ("no", "aucun", "aucune", "sans", "without") and c.i < tok.i for c in tok.children)

    def unreal(self, tok: Token) -> bool:
        """Future, conditional or hypothetical: "will continue", "pourrait s'étendre"."""
        verb = tok if tok.pos_ in ("VERB", "AUX") else None
        if verb is None:
            return False
        morph = verb.morph
        if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
            return True
        fut = self.ctx.tools.future
        return any(c.dep_ in ("aux", "aux:tense") and c.lower_ in fut for c in verb.children)

    # --- building mentions -------------------------------------------------------------------
    def split(self, n: int, sent: Span, triggers: list[Match]) -> list[Mention]:
        """The sentence's main mention, and one per phrase a separator opens."""
        doc = self.ctx.doc
        groups: dict[int, list[Match]] = {}
        scopes: dict[int, range] = {}
        for m in triggers:
            opener = self.separated(doc[m.start], sent)
            key = opener.i if opener is not None else -1
            groups.setdefault(key, []).append(m)
            if opener is not None:
                scopes[key] = range(opener.left_edge.i, opener.right_edge.i + 1)
        carved = {i for r in scopes.values() for i in r}
        out = []
        for key, ms in groups.items():
            scope = scopes.get(key) or range(sent.start, sent.end)
            tokens = range(scope.start, scope.stop) if key != -1 else range(sent.start, sent.end)
            exclude = set() if key != -1 else carved
            out.append(self.build(n, tokens, ms, exclude))
        return out

    def separated(self, tok: Token, sent: Span) -> Optional[Token]:
        """The head of the phrase a separator opens above `tok`, if any; or of a relative clause
        with a day of its own ("Bocaranga, dont s'étaient emparés deux jours plus tôt les rebelles")."""
        x = tok
        while x.head.i != x.i and x.i >= sent.start:
            if x.dep_ in ("acl:relcl", "relcl") and self.own_day(x, sent):
                return x
            x = x.head
        seps = self.ctx.in_span(self.separators.find(self.ctx.keys, sent.start, sent.end), sent)
        if not seps:
            return None
        x = tok
        while x.head.i != x.i and x.i >= sent.start:
            if any(s.start < x.i and s.start >= x.left_edge.i and s.end <= x.i + 1 for s in seps) and x.dep_ not in ("ROOT",):
                return x
            x = x.head
        return None

    def own_day(self, clause: Token, sent: Span) -> bool:
        """The relative clause is dated, and so is the rest of the sentence: two days, two events."""
        inside = self.ctx.times_in(clause.left_edge.i, clause.right_edge.i + 1)
        return bool(inside) and len(self.ctx.times_in(sent.start, sent.end)) > len(inside)

    def build(self, n: int, tokens: range, triggers: list[Match], exclude: set[int] = frozenset()) -> Mention:
        ctx, doc = self.ctx, self.ctx.doc
        inside = lambda i: i in tokens and i not in exclude  # noqa: E731
        mention = Mention(sent=n, tokens=tokens, triggers=triggers, classes={m.label for m in triggers})
        mention.weapons = [m for m in ctx.weapons if inside(m.start)]
        # "according to the Guanajuato attorney general's office": who says it, not where it happened
        speakers = {c.start for c in ctx.statement_cues}
        places = [p for p in ctx.places if inside(p.start) and not self.speaks_at(p.end - 1, speakers)]
        contexts = {id(p.context) for p in places if p.context}
        named = [p for p in places if id(p) not in contexts and not p.country]
        # "in Butig, in the province of Lanao del Sur": the area only says where the town lies.
        towns = [p for p in named if p.place is not None and (p.place.geo_precision or 1) < 3]
        # "In Taiz, ... in the al-Jahmaliya neighbourhood": a quarter the gazetteer does not know lies in the town.
        mention.places = [p for p in named if not (towns and (p.place is None or p.place.geo_precision == 3 and any(
            t.place.country_code == p.place.country_code for t in towns)))]
        if len(mention.places) > 1:  # "... demanding that the road linking the town to Menaka be reopened"
            own = [p for p in mention.places if not self.in_modifier_clause(p.start, triggers)]
            if any(p.place is not None and (p.place.geo_precision or 1) < 3 for p in own):
                mention.places = own
        if len(mention.places) > 1:
            # "près de Sake, à une vingtaine de kilomètres à l'ouest de Goma": a distance from a town places
            # the town before; "near Sake and near Goma" names two
            first = mention.places[0]
            mention.places = [first] + [p for p in mention.places[1:] if not p.near
                                        or any(t.lower_ in self.conjunctions for t in doc[first.end:p.start])]
        mention.countries = [p for p in places if p.country and p.locative]
        clause = self.clause(triggers) if triggers else None
        lo, hi = doc[tokens.start].idx, doc[tokens.stop - 1].idx + len(doc[tokens.stop - 1])
        reporting = self.reporting  # "..., the army said on Monday": when it was said
        in_sentence = [t for t in ctx.times if lo <= t.start < hi and ctx.token_at(t.start) not in reporting
                       and not self.period_start(t)]
        times = [t for t in in_sentence if inside(ctx.token_at(t.start)) and (clause is None or ctx.token_at(t.start) in clause)]
        mention.time = times[0] if times else None
        mention.sentence_time = in_sentence[0] if in_sentence else None
        said = [t for t in ctx.times if lo <= t.start < hi and ctx.token_at(t.start) in reporting]
        mention.report_time = said[0] if said else None
        span = doc[tokens.start:tokens.stop]
        mention.counts = [c for c in casualty_counts(span, ctx.casualties, ctx.tools.vague_numbers, ctx.tools.language, self.people)
                          if inside(c.start)]
        mention.no_casualties = next((m for m in ctx.casualties if m.label == "none" and inside(m.start)), None)
        mention.outcomes = [m for m in ctx.outcomes if inside(m.start) and not self.negated(doc[m.start])]
        # the subject of another clause acts there, not here: "..., but added that coalition forces had left the base"
        # (but who was hurt in the clause the event is told by is its target: "deux militaires ont été
        # blessés lorsque leur véhicule a sauté sur un engin explosif")
        hurt_verbs = {c.start for c in ctx.casualties if c.label in ("killed", "injured")}
        elsewhere = lambda a: clause is not None and a.head not in clause and doc[a.head].dep_.startswith("nsubj") \
            and not (doc[a.head].dep_ in PASSIVE_SUBJ and doc[a.head].head.i in hurt_verbs)  # noqa: E731
        # the people a casualty count counts were hit, whatever the parse makes of them
        # ("tuant trois personnes, ..., a annoncé le gouverneur" parsed as who announced)
        counted = {c.number for c in mention.counts if c.kind in ("killed", "injured")}
        self.assign_roles(mention, [a for a in ctx.actors if inside(a.head) and (
            a.counted(counted) or not elsewhere(a) or self.tells_own_act(a, triggers))], triggers, counted)
        heads = {m.end - 1 for m in [*triggers, *mention.weapons]}
        mention.another = any(t.lower_ in self.another_words and (t.head.i in heads or t.head.head.i in heads)
                              for t in span if inside(t.i))  # "une autre attaque", "defused a second device"
        mention.refers_back = any(c.dep_ == "det" and "Dem" in c.morph.get("PronType")
                                  for m in triggers for c in doc[m.end - 1].children)
        mention.summary = self.is_summary(mention) and not mention.refers_back
        return mention

    def in_modifier_clause(self, i: int, triggers: list[Match]) -> bool:
        """The token stands in a clause that describes a noun ("the road linking X to Y", "la ville
        où ..."), below the triggers: it says where that thing is, not where the event took place."""
        heads = {m.start for m in triggers}
        x = self.ctx.doc[i]
        for _ in range(12):
            if x.i in heads:
                return False
            if x.dep_ in ("acl", "acl:relcl", "relcl"):
                # "gunmen who burst into a bar in X", "des obus tirés sur X": that tells the event
                # and a clause that holds a trigger is the event's own
                return not any(a.start <= x.head.i < a.end for a in [*self.ctx.actors, *self.ctx.weapons]) \
                    and not any(x.left_edge.i <= h <= x.right_edge.i for h in heads)
            if x.head.i == x.i:
                return False
            x = x.head
        return False

    def period_start(self, t) -> bool:
        """ "since April 2023", "depuis janvier": the start of a period, not the day of an event."""
        i = self.ctx.token_at(t.start)
        before = {self.ctx.doc[j].lower_ for j in range(max(0, i - 3), i)}
        return bool(before & self.since)

    @functools.cached_property
    def reporting(self) -> set[int]:
        """Tokens of the report's reporting clauses ("the army said on Monday", "a indiqué mardi"):
        the saying verb's own words, without the content it reports."""
        doc, out = self.ctx.doc, set()
        for cue in self.ctx.statement_cues:
            verb = doc[cue.start]
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            if cue.label in ("ACCUSE", "REJECT"):
                # "a accusé jeudi les forces russes d'avoir largué mardi...": who accuses and when,
                # not what they accuse of
                out.add(verb.i)
                out.update(t.i for c in verb.children if c.dep_ in ("nsubj", "aux", "aux:tense", "obl:mod", "npadvmod")
                           for t in c.subtree)
                continue
            if cue.label != "SAY":
                continue
            # what was said: its clause, or the report before "..., a annoncé X" (which the parser
            # may hang under the saying verb as an adverbial clause)
            content = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis", "conj")
                       or c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}
            # "..., a annoncé mardi le gouvernement": the clause starts at the comma, whatever the parse
            # hung under the verb before it
            comma = next((t.i for t in doc[max(verb.sent.start, verb.i - 3):verb.i] if t.text == ","), None)
            out.update(t.i for t in verb.subtree if t.i not in content and (comma is None or t.i > comma))
        return out

    def clause(self, triggers: list[Match]) -> set[int]:
        """Tokens of the clauses the triggers stand in: a date in another clause of the same
        sentence ("..., but added that the forces had left on 20 October") is not theirs."""
        doc, out = self.ctx.doc, set()
        for m in triggers:
            head = doc[m.start]
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            skip = {c.i for c in head.children if c.dep_ in ("conj", "parataxis", "ccomp") and c.pos_ in ("VERB", "AUX")}
            skip_tokens = {t.i for s in skip for t in doc[s].subtree}
            out.update(t.i for t in head.subtree if t.i not in skip_tokens or doc[m.start].i in skip_tokens)
        return out

    def is_summary(self, mention: Mention) -> bool:
        """Plural trigger nouns with no named place: a recap of events, not one event."""
        if mention.places:
            return False
        doc = self.ctx.doc
        nouns = [doc[m.start] for m in mention.triggers if doc[m.start].pos_ == "NOUN"]
        return bool(nouns) and all("Plur" in t.morph.get("Number") for t in nouns) and len(nouns) == len(mention.triggers)

    def continuation(self, n: int, sent: Span) -> Optional[Mention]:
        ctx = self.ctx
        has = ctx.in_span(ctx.casualties, sent) or ctx.in_span(ctx.outcomes, sent) or self.associates.find(ctx.keys, sent.start, sent.end)
        if not has:
            return None
        mention = self.build(n, range(sent.start, sent.end), [])
        if not (mention.counts or mention.no_casualties or mention.outcomes or mention.roles["assoc"]):
            return None
        mention.continuation = True
        return mention

    # --- roles -------------------------------------------------------------------------------
    def assign_roles(self, mention: Mention, actors: list[ActorMention], triggers: list[Match],
                     counted: set[int] = frozenset()) -> None:
        assoc_marks = self.associates.find(self.ctx.keys, mention.tokens.start, mention.tokens.stop)
        stoppers = {m.start for m in triggers if m.label == "intercept"}  # "shot down", "defused"
        speakers = {c.start for c in self.ctx.statement_cues}
        for a in actors:
            if a.counted(counted) and a.category in ("civilians", "military", "police"):
                mention.roles["actor2"].append(a)
                continue
            if self.speaks(a, speakers):
                if self.tells_own_act(a, triggers):  # "l'armée a annoncé s'être déployée": it did it
                    mention.roles["actor1"].append(a)
                continue
            if any(m.start < a.start and a.start - m.end <= 4 for m in assoc_marks):
                mention.roles["assoc"].append(a)
                continue
            role = "actor1" if a.agent else self.role_of(a)
            head = self.ctx.doc[a.head]
            subject_of = head.head if head.dep_.startswith("nsubj") else head.head.head if head.head.dep_.startswith("nsubj") else None
            if subject_of is not None and subject_of.i in stoppers:
                role = "actor2"  # "government forces shot down a drone": who stops a weapon is its target
            if role is None:
                role = "actor1" if a.category in ("armed", "group") else "actor2"
            mention.roles[role].append(a)

    def tells_own_act(self, a: ActorMention, triggers: list[Match]) -> bool:
        """The speaker tells of what it did itself: the act is a clause of its saying verb with no
        subject of its own ("the army said it had deployed", "l'armée a annoncé s'être déployée")."""
        doc = self.ctx.doc
        verb = doc[a.head].head
        if not doc[a.head].dep_.startswith("nsubj") or verb.i not in self.saying_verbs:
            return False
        for m in triggers:
            t = doc[m.start]
            while t.head.i != verb.i and t.head.i != t.i:  # up to the clause the verb says
                t = t.head
            if t.head.i == verb.i and t.dep_ in ("xcomp", "ccomp", "advcl") and t.i > verb.i and \
                    not any(c.dep_.startswith("nsubj") and c.lower_ not in self.own_pronouns for c in t.children):
                return True  # "l'armée a affirmé avoir neutralisé trois rebelles lors d'un accrochage"
        return False

    def speaks(self, a: ActorMention, cue_tokens: set[int]) -> bool:
        """The actor is who says something about the event ("a statement by X added that..."),
        not a side in it."""
        return self.speaks_at(a.head, cue_tokens)

    def speaks_at(self, i: int, cue_tokens: set[int]) -> bool:
        x = self.ctx.doc[i]
        for _ in range(3):
            # "..., a annoncé l'armée": an inverted subject the parser took for an object
            inverted = x.dep_ in OBJECTS and x.head.i < x.i and not self.clause_after(x)
            if x.head.i in cue_tokens and (x.dep_.startswith("nsubj") or inverted) or x.i in cue_tokens \
                    or any(c.i in cue_tokens and c.dep_ == "case" for c in x.children):  # "selon le ministère"
                return True
            # climb only within the noun phrase ("a statement by X", "X's spokesman"), never up
            # through the verb X acts with ("police lobbed tear gas ..., media reported")
            if x.head.i == x.i or x.dep_ not in NOMINAL_LINKS:
                return False
            x = x.head
        return False

    @functools.cached_property
    def people(self) -> frozenset:
        """Tokens of the report's actor mentions: the nouns that name people."""
        return frozenset(i for a in self.ctx.actors for i in range(a.start, a.end))

    @functools.cached_property
    def saying_verbs(self) -> set[int]:
        return {c.start for c in self.ctx.statement_cues if c.label == "SAY" and self.ctx.doc[c.start].pos_ in ("VERB", "AUX")}

    @staticmethod
    def clause_after(x: Token) -> bool:
        """A clause of the verb `x` depends on follows it ("said its soldiers | had fought")."""
        return any(c.i > x.i and c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
                   and not any(g.dep_.startswith("nsubj") for g in c.children) for c in x.head.children)

    def role_of(self, a: ActorMention) -> Optional[str]:
        """Agent or patient, from the path between the actor's head and its clause's predicate."""
        x = self.ctx.doc[a.head]
        if x.dep_ in OBJECTS and x.head.i in self.saying_verbs and self.clause_after(x):
            return "actor1"  # "the army said its soldiers had fought...": the parser took the subject for an object
        for _ in range(8):
            h = x.head
            if h.i == x.i:
                return None
            dep = x.dep_
            if dep == "pobj":  # English: the preposition carries the relation
                case = {h.lower_}
                dep, x, h = h.dep_, h, h.head
            else:
                # UD's "case" marks the noun's own relation; an English "prep" child modifies the
                # noun instead ("gunmen on a motorcycle").
                case = {c.lower_ for c in x.children if c.dep_ in ("case", "mark")}
            if h.lemma_.lower() in self.opposing:  # "ont opposé les rebelles à l'armée", "pitted X against Y"
                if dep in OBJECTS:
                    return "actor1"
                if case & {"à", "au", "aux", "against"}:
                    return "actor2"
            if h.lemma_.lower() in self.target_nouns and dep.startswith("nsubj"):
                return "actor2"
            if dep == "nsubj" and not any(c.dep_ in OBJECTS for c in h.children) and h.pos_ == "VERB" and any(
                    c.start <= h.i < c.end and c.label in ("killed", "injured") for c in self.ctx.casualties):
                return "actor2"  # "une dizaine de soldats ont péri", "three officers died": the dead are acted on
            if dep in PASSIVE_SUBJ:
                return "actor2"
            if dep in ("obl:agent", "agent") or case & {"par", "by"}:
                return "actor1"
            if case & {"contre", "against", "on", "sur", "visant", "targeting", "at", "upon"} or dep in OBJECTS:
                return "actor2"
            if dep == "nsubj":
                return "actor1"
            if dep in ("conj", "appos", "amod", "compound", "flat", "flat:name", "nmod", "acl") and h.pos_ in ("NOUN", "PROPN"):
                x = h
                continue
            if dep in ("nmod",):
                return None
            x = h
        return None
