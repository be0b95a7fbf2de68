"""What every tally stage reads: one language's tally words compiled once (`TallyLexicon`), and
one report with what those words find in it, found once (`TallyDoc`)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..context import DocContext
from ..knowledge import lexicon
from ..text.lexmatch import Match, PhraseIndex, flat, fold
from .periods import PeriodPatterns

TIMES, CASES, WEAPON = "@times", "@cases", "@weapon:"  # quantity labels that need a word beside them


def _folded(words) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


class TallyLexicon:
    """The tallies section of one language's lexicon, compiled once: phrase indexes, folded word
    sets and the period patterns."""

    def __init__(self, tools):
        lex = lexicon(tools.language)
        words, tok = lex.tallies, tools.nlp.tokenizer
        self.words = words  # the settings (`counting_verbs_tagged`, `inverted_incise`...) read as they are
        index = lambda table: PhraseIndex(tok, table)  # noqa: E731
        self.night = index(flat(words.night))
        self.counting = index(flat(words.counting))
        self.stock = index(flat(words.stock))
        table = {label: list(phrases) for label, phrases in words.quantities.items()}
        table[TIMES] = words.times
        table[CASES] = words.cases
        for weapon, phrases in words.weapons.items():
            table[WEAPON + weapon] = phrases
        self.quantities = index(table)
        self.repeated = index(words.repeated)
        self.launches = index(words.launches)
        self.case_types = index(words.case_types)
        self.sources = index(flat(words.sources))
        self.ellipsis = index(flat(words.ellipsis))
        self.ellipsis_after = index(flat(words.ellipsis_after))
        self.several = index(flat(words.several))
        self.cumulative, self.speaking, self.units = map(_folded, (words.cumulative, words.speaking, words.units))
        self.months = _folded(lex.dates.months)
        self.vague_starts = {phrase.split(" ")[0] for phrase in tools.vague_numbers}
        self.vague_plurals, self.ones, self.of = map(_folded, (words.vague_plurals, words.ones, words.of))
        self.of_or_article = self.of | _folded(words.of_articles)
        self.connectors = frozenset(w.lower() for w in words.number_connectors)
        self.fractions = [(tuple(fold(w) for w in phrase.split()), value) for phrase, value in words.fractions.items()]
        self.definites, self.subordinators = _folded(words.definites), _folded(words.subordinators)
        self.superlatives, self.superlative_adverbs = _folded(words.superlatives), _folded(words.superlative_adverbs)
        self.determiners, self.relatives = _folded(words.determiners), _folded(words.relatives)
        self.relative_clause, self.pronouns = _folded(words.relative_clause), _folded(words.pronouns)
        self.reflexives = _folded(words.reflexives)
        self.multipliers = {w.lower(): value for w, value in lex.multipliers.items()}  # "mille", "million"
        self.periods = PeriodPatterns.build(lex)


_LEXICONS: dict[str, tuple[object, TallyLexicon]] = {}


def tally_lexicon(tools) -> TallyLexicon:
    """Compiled once per language (and again only if the language's tools are rebuilt)."""
    cached = _LEXICONS.get(tools.language)
    if cached is None or cached[0] is not tools:
        cached = _LEXICONS[tools.language] = (tools, TallyLexicon(tools))
    return cached[1]




@dataclass
class TallyDoc:
    """One report as the tally stages see it: its context, its language's tally words, and the
    matches of those words, found once."""
    ctx: DocContext
    lex: TallyLexicon
    in_date: set[int]  # tokens inside a date: no figure there
    quantity_matches: dict[int, Match]  # by first token
    quantity_at: dict[int, Match]  # by every token
    repeated: list[Match]
    launches: list[Match]
    counting: list[Match]
    stock: list[Match]
    night: list[Match]
    sources: list[Match]
    ellipsis: list[Match]
    ellipsis_after: dict[int, Match]  # by first token
    several: list[Match]
    folded: list[str]  # each token folded once: vague amounts are looked for at every token

    @classmethod
    def of(cls, ctx: DocContext) -> "TallyDoc":
        lex, keys = tally_lexicon(ctx.tools), ctx.keys
        quantities = {m.start: m for m in lex.quantities.find(keys)}
        return cls(
            ctx=ctx, lex=lex,
            in_date={i for t in ctx.times for i in ctx.tokens_of(t.start, t.end)},
            quantity_matches=quantities,
            quantity_at={i: m for m in quantities.values() for i in range(m.start, m.end)},
            repeated=lex.repeated.find(keys), launches=lex.launches.find(keys),
            counting=[m for m in lex.counting.find(keys) if verbal(ctx.doc, m, lex)],
            stock=[m for m in lex.stock.find(keys) if verbal(ctx.doc, m, lex)],
            night=lex.night.find(keys), sources=lex.sources.find(keys), ellipsis=lex.ellipsis.find(keys),
            ellipsis_after={m.start: m for m in lex.ellipsis_after.find(keys)},
            several=lex.several.find(keys),
            folded=[fold(t.text) for t in ctx.doc],
        )


def verbal(doc: Doc, m: Match, lex: TallyLexicon) -> bool:
    """A counting or standing verb used as one: "recorded 300 attacks", not "a record 300";
    "l'Ituri compte", not "pour le compte de". Where a language's parser tells verbs well, by its
    part of speech; else by no determiner before it."""
    tok = doc[m.start]
    if lex.words.counting_verbs_tagged:
        return tok.pos_ in ("VERB", "AUX") or tok.morph.get("VerbForm") in (["Fin"], ["Part"])
    return not (m.start > 0 and doc[m.start - 1].pos_ == "DET")
