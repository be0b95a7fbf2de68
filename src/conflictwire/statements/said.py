"""What was said: the words quoted, and the kind of statement a plain "said" makes of them (a
threat, a claim of an attack, a demand, a warning, a denial answering an accusation)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span, Token

from ..context import DocContext
from ..vocab import NON_STATE_KINDS, STATE_KINDS, Category, StatementType, Trigger
from .kinds import blames_another, denies
from .speaker import Speaker
from .words import StatementWords

QUOTED = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"]+)\"")
MIN_QUOTE_WORDS = 3
MIN_ASSERT_WORDS = 4  # fewer words quoted make no position of their own
OWN_STRIKES = {Trigger.ATTACK, Trigger.AIR_STRIKE, Trigger.SHELLING, Trigger.KILL, Trigger.CLASH, Trigger.INTERCEPT,
               Trigger.AMBUSH, Trigger.EXPLOSION, Trigger.CAPTURE, Trigger.RECAPTURE, Trigger.ABDUCT}
SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")
PASSIVE = ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass")
# The kind a statement takes when its words say several, the strongest first.
PRIORITY = (StatementType.CLAIM, StatementType.ACCUSE, StatementType.REJECT, StatementType.THREATEN,
            StatementType.DEMAND, StatementType.WARN, StatementType.SAY)
QUOTED_KINDS = (StatementType.ACCUSE, StatementType.REJECT, StatementType.DEMAND, StatementType.WARN)

Quote = tuple[int, int, str]  # characters of the words quoted, and the words


def quote(sent: Span) -> Optional[Quote]:
    """The words quoted in the sentence; a name or a nickname in quotes ("known as 'Caliche'")
    quotes nobody, a word in quotes does ("avoir « éliminé »")."""
    m = QUOTED.search(sent.text)
    words = next(g for g in m.groups() if g).split() if m else []
    if not words or len(words) < MIN_QUOTE_WORDS and words[0][:1].isupper():
        return None
    g = next(i for i in (1, 2, 3) if m.group(i))
    start = sent.start_char + m.start(g)
    return start, start + len(m.group(g)), m.group(g)


def quote_tokens(ctx: DocContext, quoted: Quote) -> range:
    """The tokens of a quote found by `quote` (which gives characters)."""
    return range(ctx.token_at(quoted[0]), ctx.token_at(max(quoted[0], quoted[1] - 1)) + 1)


def accusing_quote(ctx: DocContext, sent: Span) -> bool:
    """The words quoted name a wrong ("a war crime", "une violation flagrante", "deliberately aims at homes")."""
    quoted = quote(sent)
    if quoted is None:
        return False
    inside = quote_tokens(ctx, quoted)
    return bool(ctx.tools.accusation_words.find(ctx.keys, inside.start, inside.stop))


def classify_say(ctx: DocContext, words: StatementWords, sent: Span, speaker: Speaker, quoted: Optional[Quote],
                 accused: dict) -> Optional[StatementType]:
    """The kind of statement a plain "said" makes, from what was said, or None when it is none."""
    keys, t = ctx.keys, ctx.tools
    # what was said: the words after the speaker, and the quote before it ("'...,' the minister said")
    here = sent.start <= speaker.start < sent.end  # not a speaker named sentences before ("il a ajouté")
    parts = [range(speaker.end, sent.end) if here and speaker.end < sent.end else range(sent.start, sent.end)]
    if here and speaker.end >= sent.end - 1:  # "..., according to a spokesman.": said before the speaker
        parts = [range(sent.start, speaker.start)]
    if quoted is not None and ctx.token_at(quoted[0]) < speaker.start:
        parts.append(range(sent.start, speaker.start))
    told = sorted((m for part in parts for m in ctx.in_span(ctx.triggers, part)), key=lambda m: m.start)
    threat = [c for part in parts for c in t.threat_cues.find(keys, part.start, part.stop)]
    if threat and not any(ctx.doc[m.start].pos_ == "VERB" for m in told):
        return StatementType.THREATEN  # "les attaques se poursuivront": attacks to come are threatened, not claimed
    if speaker.actor.kind in NON_STATE_KINDS | STATE_KINDS and any(own_strike(ctx, words, part, speaker) for part in parts):
        # "the army said it struck...", "l'armée a indiqué avoir frappé", "the group said it attacked"; not
        # a group announcing its own dead ("trois de ses chefs ont été tués") or a ministry's toll
        return StatementType.CLAIM
    if threat:
        return StatementType.THREATEN
    if any(t.demand_cues.find(keys, part.start, part.stop) for part in parts):
        return StatementType.DEMAND
    # the words said use a verb of their own: "'We demand that ...,' the office said"
    inside = quote_tokens(ctx, quoted) if quoted else range(0)
    own = [c.label for c in ctx.in_span(ctx.statement_cues, inside) if c.label in QUOTED_KINDS]
    if own:
        return min(own, key=PRIORITY.index)
    if any(c.label == StatementType.WARN for c in t.statements.find(keys, sent.start, sent.end)) or ctx.in_span(ctx.warnings, sent):
        return StatementType.WARN
    negated = any(tok.lower_ in t.negation and tok.dep_ in ("advmod", "neg") for tok in sent if tok.i >= speaker.end)
    if negated and speaker.actor.country_code in accused or denies(ctx, words, parts):
        return StatementType.REJECT  # "dismissed the figures as 'baseless'", "« de la propagande »"
    if quoted is not None:
        if accusing_quote(ctx, sent) or blames_another(ctx, inside, speaker):
            return StatementType.ACCUSE
        return StatementType.ASSERT
    return None


def scare_quote(quoted: Optional[Quote]) -> bool:
    """A word or two in quotes ("« préoccupante »", "gravement"): the reporter's wording."""
    return quoted is not None and len(quoted[2].split()) < MIN_ASSERT_WORDS


def own_strike(ctx: DocContext, words: StatementWords, tail: range, speaker: Speaker) -> bool:
    """The speaker tells of its own attack: an attack verb (or the verb an attack or weapon noun
    is the object of: "a annoncé avoir lancé des roquettes") in the active voice whose subject is "it",
    "we", "ils", the speaker's own words, or none at all ("avoir frappé")."""
    acts = [m for m in ctx.triggers if m.label in OWN_STRIKES] + ctx.weapons  # "launched rockets"
    for m in acts:
        if not tail.start <= m.start < tail.stop:
            continue
        verb = ctx.doc[m.start] if ctx.doc[m.start].pos_ in ("VERB", "AUX") else acted_on(ctx.doc[m.end - 1])
        if verb is None or verb.i < tail.start or ctx.covering(ctx.statement_cues, verb.i):
            continue  # "police confirmed the abduction" tells of it, not of their own act
        children = list(verb.children)
        if m.label == Trigger.KILL and any(c.dep_ in PASSIVE[:2] and enemy_fighters(ctx, c, speaker) for c in children) \
                and not any(c.dep_ in ("neg", "advmod") and c.lower_ in ctx.tools.negation for c in children):
            return True  # "64 terrorists were killed", said by the army that fought them
        if any(c.dep_ in PASSIVE or c.dep_ in ("neg", "advmod") and c.lower_ in ctx.tools.negation for c in children):
            continue  # "three of its commanders were killed": what befell the speaker, or anyone's toll; "did not fire"
        subjects = [c for c in children if c.dep_ in SUBJECTS]
        if not subjects or any(c.lower_ in words.self_pronouns or speaker.start <= c.i < speaker.end
                               or any(t.lower_ in words.self_possessives for t in c.subtree)
                               or own_forces(ctx, c, speaker) for c in subjects):
            return True  # "it", "we", the speaker, "its fighters", "one of our units", "troops", or no subject
    return False


def enemy_fighters(ctx: DocContext, subject: Token, speaker: Speaker) -> bool:
    """The phrase names fighters of another side than a state speaker's: "64 Boko Haram terrorists"."""
    if speaker.actor.kind not in STATE_KINDS:
        return False
    phrase = range(subject.left_edge.i, subject.right_edge.i + 1)
    return any(a.category in (Category.GROUP, Category.ARMED) and a.head in phrase
               and not speaker.start <= a.head < speaker.end for a in ctx.actors)


def own_forces(ctx: DocContext, subject: Token, speaker: Speaker) -> bool:
    """ "The defence ministry said units of the southern group liberated the village": a state's
    voice tells of its own forces when the troops it names are of no other country."""
    if speaker.actor.kind not in STATE_KINDS and not (speaker.actor.name or "").startswith("Government of"):
        return False
    forces = [a for a in ctx.covering(ctx.actors, subject.i) if a.category in (Category.MILITARY, Category.POLICE)]
    return any(a.country in (None, speaker.actor.country_code) and not a.unknown for a in forces)


def acted_on(noun: Token) -> Optional[Token]:
    """The verb a noun is the object of, through the phrase it sits in ("launched dozens of rockets")."""
    for _ in range(3):
        if noun.head.pos_ == "VERB":
            return noun.head if noun.dep_ in ("obj", "dobj") else None
        if noun.head is noun:
            return None
        noun = noun.head
    return None
