"""Statements: accusations, denials, threats, demands, claims, warnings and assertions.

A statement verb with its speaker (the clause's subject, a pronoun resolved to the last speaker,
or "selon X"/"according to X": `speaker`). A plain "said" becomes a statement only when what was
said classifies it (a threat, a demand, a warning, a denial answering an accusation: `said`) or
when a named speaker is quoted; what anonymous sources report are facts, not statements.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..context import DocContext
from ..model import Actor, Statement, stable_id
from ..resolve.actors import country_name
from ..text.lexmatch import Match
from ..vocab import Category, StatementType
from .said import PRIORITY, Quote, accusing_quote, classify_say, quote, quote_tokens, scare_quote
from .kinds import clause_verb, denies, refers_back, warns_of_own_act
from .speaker import Speaker, find_speaker, governing, subject
from .words import statement_words

MAX_PER_SENTENCE = 3
HEADLINE_CHARS = 200
RECORD_KIND = Statement.model_fields["kind"].default  # part of a statement's id
OBJECTS = ("obj", "dobj", "obl", "obl:mod", "obl:arg")
# A statement whose words accuse as well ("called the base 'a flagrant violation' and demanded...").
ALSO_ACCUSING = (StatementType.DEMAND, StatementType.WARN, StatementType.ASSERT)


class StatementExtractor:
    """Runs over one report's sentences; remembers the last speaker ("he said") and who accused
    which country (a denial answers them)."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.words = statement_words(ctx.tools.language)
        self.recent: list[Speaker] = []  # the speakers so far, the last last
        self.accused: dict[str, Actor] = {}  # country accused -> accuser

    def run(self) -> list[Statement]:
        out = []
        for sent in self.ctx.sentences:
            out.extend(self.sentence(sent))
        return self.without_repeats(self.without_headline_repeats(out))

    @staticmethod
    def without_repeats(statements: list[Statement]) -> list[Statement]:
        """A report tells a statement again (its standfirst, its body, a recap): one statement of a
        kind by a speaker about a target, the first told. (Claims of no one in particular stay apart:
        "the army said it repelled an attack ... and struck a base" are two.)"""
        seen: set[tuple] = set()
        out = []
        for s in statements:
            key = (s.statement_type, s.speaker.name, s.target.name) if s.target else id(s)
            if key not in seen:
                seen.add(key)
                out.append(s)
        return out

    def without_headline_repeats(self, statements: list[Statement]) -> list[Statement]:
        """A headline sums up what the body tells: its statement is dropped when the body has one
        of the same kind by a speaker of the same country ("Russia says it killed 600" over "the
        Russian army said it struck...")."""
        end = headline_end(self.ctx.article.text, self.ctx.article.title)
        head = [s for s in statements if s.evidence[0].start < end]
        body = {(s.statement_type, s.speaker.country_code) for s in statements if s.evidence[0].start >= end}
        return [s for s in statements if s not in head or (s.statement_type, s.speaker.country_code) not in body]

    def sentence(self, sent: Span) -> list[Statement]:
        """The sentence's statements: one per kind its verbs express ("rejected ... and accused
        ..." gives a denial and an accusation), or one from a plain "said" when what was said
        classifies it."""
        chosen = self.cues(sent)
        out = [s for s in (self.statement(sent, cue) for cue in chosen[:MAX_PER_SENTENCE]) if s is not None]
        if out and len(out) < MAX_PER_SENTENCE and not any(s.statement_type == StatementType.ACCUSE for s in out) \
                and out[0].statement_type in ALSO_ACCUSING and accusing_quote(self.ctx, sent):
            accusation = self.statement(sent, chosen[0], kind=StatementType.ACCUSE)
            if accusation is not None:
                out.append(accusation)
        return out

    def cues(self, sent: Span) -> list[Match]:
        """The statement verbs that speak: outside a quote (words inside it are what is said), one
        per kind; else the verb or noun of the strongest kind."""
        cues = self.ctx.in_span(self.ctx.statement_cues, sent)
        if not cues:
            return []
        doc = self.ctx.doc
        quoted = quote(sent)
        if quoted is not None:
            inside = quote_tokens(self.ctx, quoted)
            cues = [c for c in cues if c.start not in inside] or cues
        chosen: list[Match] = []
        for c in sorted(cues, key=lambda c: c.start):
            if c.label != StatementType.SAY and doc[c.start].pos_ in ("VERB", "AUX") \
                    and c.label not in {x.label for x in chosen}:
                chosen.append(c)
        if not chosen:
            # The verb that governs the sentence speaks, not a noun it takes ("a démenti ces accusations").
            chosen = [min(cues, key=lambda c: (doc[c.start].pos_ not in ("VERB", "AUX"), PRIORITY.index(c.label)))]
        return chosen

    def statement(self, sent: Span, cue: Match, kind: Optional[StatementType] = None) -> Optional[Statement]:
        doc = self.ctx.doc  # the cue's verb: "revendiqué" in "a revendiqué"
        verb = next((t for t in doc[cue.start:cue.end] if t.pos_ == "VERB"), doc[cue.start])
        if doc[cue.start].pos_ == "NOUN" and cue.label == StatementType.ACCUSE and refers_back(doc[cue.start]):
            # "le Kenya a réagi à cette accusation": the clause's subject answers an accusation, it makes none
            if not denies(self.ctx, self.words, [range(sent.start, sent.end)]):
                return None
            kind, verb = StatementType.REJECT, clause_verb(doc[cue.start])  # who answers denies
        speaking = governing(self.ctx, verb, doc[cue.start].pos_ == "AUX")  # "said the fighting must stop": said
        if cue.label != StatementType.SAY and self.denied(speaking):
            return None  # "l'attaque n'a pas été revendiquée", "no group claimed it"
        speaker = find_speaker(self.ctx, self.words, speaking, self.recent)
        if speaker is None:
            return None
        if not speaker.party:
            self.recent.append(speaker)  # "he said" after a witness is the witness again
            return None
        quoted = quote(sent)
        kind = kind or (cue.label if cue.label != StatementType.SAY
                        else classify_say(self.ctx, self.words, sent, speaker, quoted, self.accused))
        if cue.label == StatementType.CLAIM and not self.claims_an_act(verb):
            kind = StatementType.ASSERT  # "la CGT a revendiqué 500 000 participants": a claimed figure, not responsibility
        if kind == StatementType.WARN and warns_of_own_act(verb, self.words):
            kind = StatementType.THREATEN  # "warned of a 'massive strike'"
        if kind is None:
            self.recent.append(speaker)  # "he said" after a plain remark is its speaker again
            return None
        target = self.target(sent, speaker, kind)
        if kind == StatementType.ASSERT and target is None and scare_quote(quoted):
            self.recent.append(speaker)
            return None  # a word the reporter quotes takes no position, unless it is about another party
        if kind == StatementType.ACCUSE and target and target.country_code:
            self.accused[target.country_code] = speaker.actor
        self.recent.append(speaker)
        return self.record(sent, cue, kind, speaker, target, quoted)

    def claims_an_act(self, verb: Token) -> bool:
        """A claim of responsibility takes an attack, the responsibility, or a pronoun for them as object."""
        objects = [c for c in verb.children if c.dep_ in OBJECTS
                   and c.pos_ in ("NOUN", "PROPN", "PRON") and not self.ctx.times_in(c.i, c.i + 1)]
        if not objects:
            return True
        heads = {m.end - 1 for m in self.ctx.triggers} | {m.start for m in self.ctx.triggers}
        return any(o.i in heads or o.pos_ == "PRON" or o.lemma_.lower() in self.words.responsibility for o in objects)

    def denied(self, verb: Token) -> bool:
        """The verb is negated, or its subject is nobody or an event ("aucun groupe", "the attack")."""
        nobody = self.words.nobody
        negation = self.ctx.tools.negation | nobody
        if any(c.lower_ in negation and c.dep_ in ("advmod", "neg", "det") for c in verb.children):
            return True
        subj = subject(verb, self.words)
        if subj is None:
            return False
        return any(c.lower_ in nobody for c in subj.children) or subj.lower_ in nobody or \
            bool(self.ctx.covering(self.ctx.triggers, subj.i))

    def target(self, sent: Span, speaker: Speaker, kind: str) -> Optional[Actor]:
        """Whom the statement is about: for a denial, its accuser; else the first actor of the
        sentence, not the speaker, of another country than the speaker's, or a named group."""
        if kind == StatementType.REJECT and speaker.actor.country_code in self.accused:
            return self.accused[speaker.actor.country_code].model_copy(update={"role": None, "text": None})
        doc = self.ctx.doc
        for a in self.ctx.in_span(self.ctx.actors, sent, by="head"):
            if speaker.start <= a.head < speaker.end:
                continue
            code = a.backer or a.country or (a.group.country_code if a.group else None)
            if code and code != speaker.actor.country_code:
                if a.category == Category.GROUP and a.group:
                    return a.group.model_copy(update={"text": doc[a.start:a.end].text})
                return Actor(name=country_name(code) or code, country_code=code, text=doc[a.start:a.end].text)
            if a.category == Category.GROUP and a.group:
                return a.group.model_copy(update={"text": doc[a.start:a.end].text})
        return None

    def record(self, sent: Span, cue: Match, kind: str, speaker: Speaker, target: Optional[Actor],
               quoted: Optional[Quote]) -> Statement:
        ctx = self.ctx
        evidence = [ctx.evidence("trigger", cue.start, cue.end), ctx.evidence("speaker", speaker.start, speaker.end)]
        if quoted:
            evidence.append(ctx.char_evidence("quote", quoted[0], quoted[1]))
        if target is not None and target.text:
            pos = sent.text.find(target.text)
            if pos >= 0:
                evidence.append(ctx.char_evidence("target", sent.start_char + pos, sent.start_char + pos + len(target.text)))
        times = ctx.times_in(sent.start, sent.end)
        date = ctx.tools.dates.resolve(times[0], ctx.published) if times else None
        if date is not None:
            evidence.append(ctx.char_evidence("event_date", times[0].start, times[0].end))
        return Statement(
            statement_id=stable_id(ctx.article.article_id, RECORD_KIND, str(sent.start)),
            article_id=ctx.article.article_id, statement_type=kind, speaker=speaker.actor, target=target,
            quote=quoted[2] if quoted else None,
            event_date=date.value if date else (ctx.published.as_event_date()[0] if ctx.published else None),
            evidence=evidence,
        )


def headline_end(text: str, title: Optional[str]) -> int:
    """Where the headline the text opens with ends (0 when it opens with none): a first line that
    repeats the title, or, with no title, a short one that ends in no full stop."""
    first = text.split("\n", 1)[0]
    if len(first) == len(text):
        return 0
    if title:
        return len(first) if " ".join(first.split()) == " ".join(title.split()) else 0
    return len(first) if len(first) < HEADLINE_CHARS and not first.rstrip().endswith((".", "!", "?", "»", "\"", "”")) else 0
