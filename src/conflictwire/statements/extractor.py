"""Statements: accusations, denials, threats, demands, claims, warnings and assertions.

A statement verb with its speaker (the clause's subject, a pronoun resolved to the last speaker,
or "selon X"/"according to X"). A plain "said" becomes a statement only when what was said
classifies it (a threat, a demand, a warning, a denial answering an accusation) or when a named
speaker is quoted; what anonymous sources report are facts, not statements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from ..knowledge import lexicon
from ..model import Actor, Statement, stable_id
from ..vocab import NON_STATE_KINDS
from ..find.actors import ActorMention
from ..resolve.actors import canonical, country_name
from ..context import DocContext
from ..text.lexmatch import Match

QUOTES = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"]+)\"")
PRONOUNS = {"il", "elle", "he", "she", "they", "ils", "elles"}
MAX_PER_SENTENCE = 3
OWN_STRIKES = {"attack", "air_strike", "shelling", "kill", "clash", "intercept"}
PRIORITY = ("CLAIM", "ACCUSE", "REJECT", "THREATEN", "DEMAND", "WARN", "SAY")


@dataclass
class Speaker:
    actor: Actor
    start: int
    end: int


MIN_QUOTE_WORDS = 3
INVERSION_MARKS = {",", "»", "\"", "”"}  # what ends the words a verb reports, before an inverted subject


class StatementExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.last_speaker: Optional[Speaker] = None
        lex = lexicon(ctx.tools.language)
        self.international = {w.lower() for w in lex.international_speakers}
        self.nobody = {w.lower() for w in lex.nobody}
        self.self_pronouns = {w.lower() for w in lex.self_pronouns}
        self.responsibility = {w.lower() for w in lex.responsibility}
        self.accused: dict[str, Actor] = {}  # country accused -> accuser

    def run(self) -> list[Statement]:
        out = []
        for sent in self.ctx.sentences:
            out.extend(self.sentence(sent))
        return out

    def sentence(self, sent: Span) -> list[Statement]:
        """The sentence's statements: one per kind its verbs express ("rejected ... and accused
        ..." gives a denial and an accusation), or one from a plain "said" when what was said
        classifies it."""
        cues = self.ctx.in_span(self.ctx.statement_cues, sent)
        if not cues:
            return []
        doc = self.ctx.doc
        quote = self.quote(sent)
        if quote is not None:  # words inside a quote are what is said; the verb outside it speaks
            inside = self.quote_tokens(quote)
            outside = [c for c in cues if c.start not in inside]
            cues = outside or cues
        verbal = [c for c in cues if c.label != "SAY" and doc[c.start].pos_ in ("VERB", "AUX")]
        chosen: list[Match] = []
        for c in sorted(verbal, key=lambda c: c.start):
            if c.label not in {x.label for x in chosen}:
                chosen.append(c)
        if not chosen:
            # The verb that governs the sentence speaks, not a noun it takes ("a démenti ces accusations").
            chosen = [min(cues, key=lambda c: (doc[c.start].pos_ not in ("VERB", "AUX"), PRIORITY.index(c.label)))]
        out = []
        for cue in chosen[:MAX_PER_SENTENCE]:
            statement = self.statement(sent, cue)
            if statement is not None:
                out.append(statement)
        if out and len(out) < MAX_PER_SENTENCE and not any(s.statement_type == "ACCUSE" for s in out) \
                and out[0].statement_type in ("DEMAND", "WARN", "ASSERT") and self.accusing_quote(sent):
            # "called the base 'a flagrant violation' and demanded...": the words accuse as well
            accusation = self.statement(sent, chosen[0], kind="ACCUSE")
            if accusation is not None:
                out.append(accusation)
        return out

    def accusing_quote(self, sent: Span) -> bool:
        """The words quoted name a wrong ("a war crime", "une violation flagrante", "deliberately aims at homes")."""
        quote = self.quote(sent)
        if quote is None:
            return False
        inside = self.quote_tokens(quote)
        return bool(self.ctx.tools.accusation_words.find(self.ctx.keys, inside.start, inside.stop))

    def quote_tokens(self, quote: tuple[int, int, str]) -> range:
        """The tokens of a quote found by `quote` (which gives characters)."""
        return range(self.ctx.token_at(quote[0]), self.ctx.token_at(max(quote[0], quote[1] - 1)) + 1)

    def statement(self, sent: Span, cue: Match, kind: Optional[str] = None) -> Optional[Statement]:
        doc = self.ctx.doc  # the cue's verb: "revendiqué" in "a revendiqué"
        verb = next((t for t in doc[cue.start:cue.end] if t.pos_ == "VERB"), doc[cue.start])
        if cue.label != "SAY" and self.denied(verb):
            return None  # "l'attaque n'a pas été revendiquée", "no group claimed it"
        speaker = self.speaker(sent, verb, cue)
        if speaker is None:
            return None
        quote = self.quote(sent)
        kind = kind or (cue.label if cue.label != "SAY" else self.classify_say(sent, speaker, quote))
        if cue.label == "CLAIM" and not self.claims_an_act(verb):
            kind = "ASSERT"  # "la CGT a revendiqué 500 000 participants": a claimed figure, not responsibility
        if kind is None:
            return None
        target = self.target(sent, speaker, kind, verb)
        if kind == "ACCUSE" and target and target.country_code:
            self.accused[target.country_code] = speaker.actor
        self.last_speaker = speaker
        return self.record(sent, cue, kind, speaker, target, quote)

    def claims_an_act(self, verb: Token) -> bool:
        """A claim of responsibility takes an attack, the responsibility, or a pronoun for them as object."""
        objects = [c for c in verb.children if c.dep_ in ("obj", "dobj", "obl", "obl:mod", "obl:arg")
                   and c.pos_ in ("NOUN", "PROPN", "PRON") and not self.ctx.times_in(c.i, c.i + 1)]
        if not objects:
            return True
        heads = {m.end - 1 for m in self.ctx.triggers} | {m.start for m in self.ctx.triggers}
        return any(o.i in heads or o.pos_ == "PRON" or o.lemma_.lower() in self.responsibility for o in objects)

    def denied(self, verb: Token) -> bool:
        """The verb is negated, or its subject is nobody or an event ("aucun groupe", "the attack")."""
        negation = self.ctx.tools.negation | self.nobody
        if any(c.lower_ in negation and c.dep_ in ("advmod", "neg", "det") for c in verb.children):
            return True
        subj = self.subject(verb)
        if subj is None:
            return False
        return any(c.lower_ in self.nobody for c in subj.children) or subj.lower_ in self.nobody or \
            any(m.start <= subj.i < m.end for m in self.ctx.triggers)

    # --- speaker -----------------------------------------------------------------------------
    def speaker(self, sent: Span, verb: Token, cue: Match) -> Optional[Speaker]:
        doc = self.ctx.doc
        subj = self.subject(verb)
        if subj is None:
            return None
        if subj.lower_ in PRONOUNS:
            return self.last_speaker
        subjects = [c for c in subj.head.children if c.dep_ == subj.dep_] or [subj]
        lo, hi = min(s.left_edge.i for s in subjects), max(s.right_edge.i for s in subjects) + 1
        words = {t.lower_ for t in doc[lo:hi]} | {t.lemma_.lower() for t in doc[lo:hi]}
        groups = {i for a in self.ctx.actors if a.category == "group" for i in range(a.start, a.end)}
        person = next((e for e in doc.ents if e.label_ in ("PER", "PERSON") and lo <= e.start < hi
                       and e.start not in groups), None)  # "Al Shabaab" tagged as a person is still the group
        if person is None and words & self.ctx.tools.anonymous:
            return None
        role = self.role(lo, hi)
        actors = [a for a in self.ctx.actors if lo <= a.head < hi]
        phrase = " " + " ".join(t.lower_ for t in doc[lo:hi]) + " "
        # acronyms only in capitals: "WHO" speaks for no state, "the Houthis, who ..." do
        acronyms = {t.lower_ for t in doc[lo:hi] if t.text.isupper() or "." in t.text}
        if any(f" {w} " in phrase and (len(w) > 4 or w in acronyms) for w in self.international):  # the UN, the EU, the Red Cross speak for no state
            name = doc[lo:hi].text
            group = next((a.group for a in actors if a.category == "group" and a.group), None)
            actor = group.model_copy(update={"text": name, "role": role}) if group else Actor(name=name, role=role, text=name)
            return Speaker(actor.model_copy(update={"country_code": None}), lo, hi)
        country = self.country(lo, hi, actors)
        if person is not None:
            country = country or self.place_country(lo, hi) or self.ctx.focus
            return Speaker(Actor(name=person.text, role=role, country_code=country, text=doc[lo:hi].text), lo, hi)
        if actors:
            a = actors[0]
            actor = self.as_speaker(a, country)
            return Speaker(actor.model_copy(update={"role": role, "text": doc[lo:hi].text}), lo, hi)
        if subj.pos_ in ("NOUN", "PROPN"):
            # A speaker the dictionaries do not know ("the student union", "le maire de Kharkiv"):
            # its own words name it, in the report's country unless they name another.
            name = doc[lo:hi].text
            return Speaker(Actor(name=name, role=role, country_code=country or self.place_country(lo, hi) or self.ctx.focus,
                                 text=name), lo, hi)
        return None

    def place_country(self, lo: int, hi: int) -> Optional[str]:
        """The country of a place named inside the speaker's words ("Kharkiv mayor")."""
        return next((p.place.country_code for p in self.ctx.places if lo <= p.start < hi and p.place is not None), None)

    @staticmethod
    def subject(verb: Token) -> Optional[Token]:
        """Who speaks: the verb's subject, or in the passive its agent ("revendiquée par le JNIM",
        "claimed by the group")."""
        for c in verb.children:
            if c.dep_ in ("obl:agent", "agent"):
                return next((g for g in c.children if g.dep_ == "pobj"), c)
        if not any(c.dep_.startswith("nsubj") for c in verb.children) and \
                any(t.text in INVERSION_MARKS for t in verb.doc[max(0, verb.i - 3):verb.i]):
            # "..., a précisé l'état-major": after what it says, the subject follows the verb and
            # is parsed as its object
            inverted = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i
                             and c.pos_ in ("NOUN", "PROPN")), None)
            if inverted is not None:
                return inverted
        for t in (verb, verb.head):
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj"):
                    return c
            if t.dep_ in ("obl", "obl:mod", "nmod", "pobj") and verb.lower_ in ("selon", "according"):
                return t
        if verb.lower_ in ("selon", "according"):
            nxt = [t for t in verb.head.subtree if t.i > verb.i]
            return nxt[-1] if nxt else None
        return None

    def role(self, lo: int, hi: int) -> Optional[str]:
        """The most specific role named ("foreign minister" over "minister"): the lexicon lists
        specific roles first."""
        found = {m.label for m in self.ctx.tools.roles.find(self.ctx.keys, lo, hi)}
        return next((r for r in self.ctx.tools.role_order if r in found), None)

    def country(self, lo: int, hi: int, actors: list[ActorMention]) -> Optional[str]:
        for m in self.ctx.country_refs:  # found once per report
            if lo <= m.start < hi:
                return m.label.split(":")[1]
        for a in actors:
            if a.country or (a.group and a.group.country_code) or a.where:
                return a.country or (a.group.country_code if a.group else None) or a.where
        return None

    def as_speaker(self, a: ActorMention, country: Optional[str]) -> Actor:
        if a.category == "state" and a.country:
            return Actor(name=country_name(a.country) or a.country, kind="state_forces", country_code=a.country)
        actor = canonical(a, country or self.ctx.focus, military_context=False)
        if a.category == "group":
            return actor  # a named group speaks with the dictionary's country, none for transnational ones
        if actor.country_code is None and (a.where or country):
            actor = actor.model_copy(update={"country_code": a.where or country})
        return actor

    # --- what was said -----------------------------------------------------------------------
    def quote(self, sent: Span) -> Optional[tuple[int, int, str]]:
        """The words quoted in the sentence; a name or a nickname in quotes ("known as 'Caliche'")
        quotes nobody, a word in quotes does ("avoir « éliminé »")."""
        m = QUOTES.search(sent.text)
        words = next(g for g in m.groups() if g).split() if m else []
        if not words or len(words) < MIN_QUOTE_WORDS and words[0][:1].isupper():
            return None
        g = next(i for i in (1, 2, 3) if m.group(i))
        start = sent.start_char + m.start(g)
        return start, start + len(m.group(g)), m.group(g)

    def classify_say(self, sent: Span, speaker: Speaker, quote) -> Optional[str]:
        keys, t = self.ctx.keys, self.ctx.tools
        # what was said: the words after the speaker, and the quote before it ("'...,' the minister said")
        parts = [range(speaker.end, sent.end) if speaker.end < sent.end else range(sent.start, sent.end)]
        if quote is not None and self.ctx.token_at(quote[0]) < speaker.start:
            parts.append(range(sent.start, speaker.start))
        told = [m for m in self.ctx.triggers if any(m.start in part for part in parts)]
        threat = [c for part in parts for c in t.threat_cues.find(keys, part.start, part.stop)]
        if threat and not any(self.ctx.doc[m.start].pos_ == "VERB" for m in told):
            return "THREATEN"  # "les attaques se poursuivront": attacks to come are threatened, not claimed
        if speaker.actor.kind in NON_STATE_KINDS and told:
            return "CLAIM"  # an armed group telling of its own attack claims it
        if speaker.actor.kind in ("state_forces", "external_forces") and any(self.own_strike(part) for part in parts):
            return "CLAIM"  # "the army said it struck...", "l'armée a indiqué avoir frappé"
        if threat:
            return "THREATEN"
        if any(t.demand_cues.find(keys, part.start, part.stop) for part in parts):
            return "DEMAND"
        # the words said use a verb of their own: "'We demand that ...,' the office said"
        inside = self.quote_tokens(quote) if quote else range(0)
        quoted = [c.label for c in self.ctx.statement_cues if c.label in ("ACCUSE", "REJECT", "DEMAND", "WARN")
                  and c.start in inside]
        if quoted:
            return min(quoted, key=PRIORITY.index)
        warn = [c for c in t.statements.find(keys, sent.start, sent.end) if c.label == "WARN"]
        if warn:
            return "WARN"
        negated = any(tok.lower_ in t.negation and tok.dep_ in ("advmod", "neg") for tok in sent if tok.i >= speaker.end)
        if negated and speaker.actor.country_code in self.accused:
            return "REJECT"
        if quote is not None:
            return "ACCUSE" if self.accusing_quote(sent) else "ASSERT"
        return None

    def own_strike(self, tail: range) -> bool:
        """The speaker tells of its own attack: an attack verb whose subject is "it", "we", "ils"
        ... or none at all ("avoir frappé")."""
        doc = self.ctx.doc
        for m in self.ctx.triggers:
            if not tail.start <= m.start < tail.stop or m.label not in OWN_STRIKES:
                continue
            verb = doc[m.start]
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            if not subjects or any(c.lower_ in self.self_pronouns for c in subjects):
                return True
        return False

    def target(self, sent: Span, speaker: Speaker, kind: str, verb: Token) -> Optional[Actor]:
        if kind == "REJECT" and speaker.actor.country_code in self.accused:
            return self.accused[speaker.actor.country_code].model_copy(update={"role": None, "text": None})
        for a in self.ctx.actors:
            if not (sent.start <= a.head < sent.end) or speaker.start <= a.head < speaker.end:
                continue
            code = a.backer or a.country or (a.group.country_code if a.group else None)
            if code and code != speaker.actor.country_code:
                name = country_name(code) or code
                if a.category == "group" and a.group:
                    return a.group.model_copy(update={"text": self.ctx.doc[a.start:a.end].text})
                return Actor(name=name, country_code=code, text=self.ctx.doc[a.start:a.end].text)
            if a.category in ("group",) and a.group:
                return a.group.model_copy(update={"text": self.ctx.doc[a.start:a.end].text})
        return None

    def record(self, sent: Span, cue: Match, kind: str, speaker: Speaker, target, quote) -> Statement:
        ctx = self.ctx
        evidence = [ctx.evidence("trigger", cue.start, cue.end), ctx.evidence("speaker", speaker.start, speaker.end)]
        if quote:
            evidence.append(ctx.char_evidence("quote", quote[0], quote[1]))
        if target is not None and target.text:
            pos = sent.text.find(target.text)
            if pos >= 0:
                evidence.append(ctx.char_evidence("target", sent.start_char + pos, sent.start_char + pos + len(target.text)))
        times = ctx.times_in(sent.start, sent.end)
        date = ctx.tools.dates.resolve(times[0], ctx.published) if times else None
        if date is not None:
            evidence.append(ctx.char_evidence("event_date", times[0].start, times[0].end))
        return Statement(
            statement_id=stable_id(ctx.article.article_id, "statement", str(sent.start)),
            article_id=ctx.article.article_id, statement_type=kind, speaker=speaker.actor, target=target,
            quote=quote[2] if quote else None,
            event_date=date.value if date else (ctx.published.as_event_date()[0] if ctx.published else None),
            evidence=evidence,
        )
