"""Tallies: the aggregate figures a report quotes ("at least 40 attacks since 7 October").

A figure is a number phrase ("40", "1 200", "1,5 million", "deux millions", "une centaine")
tied to what it counts: its own noun ("40 attaques", "2,500 homicides"), what happened to the
people it counts ("300 people have been arrested", "200 personnes ont été interpellées"), a verb
of which it is the object ("has killed more than 6,000 people"), a weapon and what was done with
it ("143 drones launched", "118 of the drones were shot down") or a verb repeated N times
("violated the ceasefire 500 times"). Quantities are normalised to the lexicon's general
vocabulary (killed, injured, displaced, arrested, detained, attacks, protesters...).

A figure is a tally, not the toll of one event, when it covers a period or several events:
- its sentence has a period or scope cue ("since", "so far", "this year", "au total", "over the
  past three months", "during 2024", "between January and March", "across the country"), or a
  verb that keeps a count ("recorded", "a recensé");
- the subject of its clause is a war, a conflict, an insurgency, a movement ("the insurgency has
  killed", "le conflit a fait plus de 6 000 morts"), or a verb of standing figure ("compte");
- or it counts weapons launched or intercepted over a night ("overnight", "pendant la nuit");
- or it continues, with its source named and no date of its own, a sentence that gave a period.
A figure without a period of its own inherits the period of the tally just before it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token
from text_to_num import text2num

from ..knowledge import lexicon
from ..model import Evidence, Tally, stable_id
from ..context import DocContext
from ..text.lexmatch import Match, PhraseIndex, flat, fold
from ..text.numbers import DIGITS, MULTIPLIERS, digits_value

# Plural amounts are magnitudes, not figures ("tens of thousands", "des centaines", "dozens").
VAGUE_PLURALS = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores", "dizaines", "douzaines",
                 "vingtaines", "centaines", "milliers", "millions", "milliards"}
ARTICLES = {"a", "an", "un", "une", "d'un", "d'une"}
CONNECTORS = {"et", "and", "-"}
QUOTES = {"«", "»", '"', "“", "”", "'", "‘", "’"}
ATTACK_TRIGGERS = {"attack", "clash", "ambush", "air_strike", "shelling", "explosion", "suicide", "remote", "ied"}
SUBORDINATORS = {"whose", "where", "when", "while", "as", "after", "before", "because", "où", "lorsque", "quand", "alors", "tandis",
                "après", "avant", "parce", "pendant que", "whereas", "although", "bien"}
STOP_PUNCT = {",", ";", ":", ".", "(", ")", "—", "–", "?", "!"}
SINCE_WORDS = {"since", "from", "as of", "depuis", "dès", "début", "starting"}
PEOPLE_LABELS = {"protesters", "displaced"}  # nouns for people, which something else may befall
FATES = {"killed", "injured", "arrested", "detained", "abducted", "deported", "surrendered", "displaced"}
SUPERLATIVES = {"first", "premier", "première", "premiers", "premières", "pire", "worst", "biggest", "largest", "deadliest", "meurtrier", "meurtrière"}
DEFINITES = {"the", "these", "those", "their", "its", "his", "her", "les", "ces", "leurs", "ses", "nos", "vos"}
RELATIVES = {"auxquels", "auxquelles", "auquel", "lesquels", "lesquelles", "duquel", "desquels", "dont", "qui", "que", "which", "whom", "who"}
PRONOUNS = {"it", "they", "he", "she", "il", "elle", "ils", "elles", "on", "we", "nous", "this", "cela"}
YEAR = r"(?:19|20)\d{2}"
MONTH_WORDS = (r"january|february|march|april|may|june|july|august|september|october|november|december|"
               r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre")
UNIT_WORDS = r"years?|months?|weeks?|days?|decades?|ans?|années?|mois|semaines?|jours?|décennies?"
# "during 2024", "tout au long de 2023", "pendant l'année 2022": the figure covers that year.
YEAR_PERIOD = re.compile(rf"\b(?:during|throughout|over|in the course of|pendant|durant|tout au long de|au cours de)\s+(?:(?:the year|l'année|l’année)\s+)?({YEAR})\b", re.I)
# "over the past three months", "au cours des trois derniers mois", "during more than a year of hostilities"
DURATION = re.compile(rf"\b(?:during|over|in|within|throughout|for|pendant|durant|en|au cours d(?:e|es|u)|sur)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{UNIT_WORDS})\b", re.I)
DURATION_WORD = re.compile(r"\b(?:past|last|previous|recent|derni(?:er|ers|ère|ères)|précédent(?:e|s|es)?|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|plusieurs|several|few|quelques)\b", re.I)
# "three months of fighting", "plusieurs semaines d'émeutes"
PLURAL_UNITS = r"years|months|weeks|days|decades|ans|années|mois|semaines|jours|décennies"
SPELL = re.compile(rf"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few|many|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|plusieurs|quelques)\s+(?:{PLURAL_UNITS})|(?:more than|over|nearly|almost|plus d'|près d'|presque)\s*(?:a|one|un|une)\s+(?:{UNIT_WORDS}))\s+(?:of|d'|d’|de)\s*\w", re.I)
# "between January and March", "entre janvier et mars"
BETWEEN = re.compile(rf"\b(?:between|entre)\s+(?:(?:early|late|mid|début|fin|mi-)\s*)?({MONTH_WORDS})(?:\s+({YEAR}))?\s+(?:and|et)\s+(?:(?:early|late|mid|début|fin|mi-)\s*)?({MONTH_WORDS})(?:\s+({YEAR}))?\b", re.I)
SINCE_YEAR = re.compile(rf"\b(?:since|from|as of|depuis|dès|à partir de)\s+(?:(?:early|late|mid|the end of|the start of|début|fin|mi-|la fin|le début)\s*)?({YEAR})\b", re.I)
IN_YEAR = re.compile(rf"\b(?:in|during|throughout|en|pendant|durant|au cours de l'année|de l'année)\s+(?:(?:early|late|mid|début|fin|mi-)\s*)?({YEAR})\b", re.I)
THIS_YEAR = re.compile(r"\b(?:this year|so far this year|since the (?:start|beginning) of the year|cette année|depuis le début de l[’']année|depuis janvier dernier)\b", re.I)
LAST_YEAR = re.compile(r"\b(?:last year|l[’']an dernier|l[’']an passé|l[’']année dernière|l[’']année passée)\b", re.I)
SINCE_THEN = re.compile(r"\b(?:since then|depuis lors|depuis cette date|(?:has|have|had) since|ont depuis|a depuis)\b", re.I)
THIS_MONTH = re.compile(r"\b(?:this month|since the (?:start|beginning) of the month|ce mois-ci|depuis le début du mois|depuis début du mois)\b", re.I)
THIS_WEEK = re.compile(r"\b(?:this week|since the (?:start|beginning) of the week|cette semaine|depuis le début de la semaine|depuis lundi)\b", re.I)
EDGE_MONTH = re.compile(rf"\b(?:early|late|mid-?|début|fin|mi-)\s*({MONTH_WORDS})\b(?!\s+\d)", re.I)
# "the insurgency erupted in October 2017", "le conflit, déclenché fin 2016": when the count began
ONSET = re.compile(rf"\b(?:erupted|began|broke out|started|begun|éclaté|déclenché|déclenchée|commencé|débuté)\s+(?:in\s+|en\s+)?(?:(?:early|late|mid|début|fin|mi-)\s*)?(?:({MONTH_WORDS})\s+)?({YEAR})\b", re.I)


@dataclass
class Figure:
    start: int  # token span of the number phrase
    end: int
    value: int
    approx: bool = False  # "une centaine", "a dozen"


@dataclass
class Quantity:
    label: str
    start: int  # token span of the words that say what is counted
    end: int


class TallyLexicon:
    """The tallies section of one language's lexicon, compiled once."""

    def __init__(self, tools):
        lex, tok = lexicon(tools.language).tallies, tools.nlp.tokenizer
        index = lambda table: PhraseIndex(tok, table)  # noqa: E731
        self.night = index(flat(lex.night))
        self.counting = index(flat(lex.counting))
        self.cumulative = {fold(w) for w in lex.cumulative}
        self.stock = index(flat(lex.stock))
        table = {label: list(words) for label, words in lex.quantities.items()}
        table["@times"] = lex.times
        table["@cases"] = lex.cases
        for weapon, words in lex.weapons.items():
            table["@weapon:" + weapon] = words
        self.quantities = index(table)
        self.repeated = index(lex.repeated)
        self.launches = index(lex.launches)
        self.case_types = index(lex.case_types)
        self.sources = index(flat(lex.sources))
        self.speaking = {fold(w) for w in lex.speaking}
        self.ellipsis = index(flat(lex.ellipsis))
        self.units = {fold(w) for w in lex.units}


_LEXICONS: dict[str, tuple[object, TallyLexicon]] = {}


def tally_lexicon(tools) -> TallyLexicon:
    """Compiled once per language (and again only if the language's tools are rebuilt)."""
    cached = _LEXICONS.get(tools.language)
    if cached is None or cached[0] is not tools:
        cached = _LEXICONS[tools.language] = (tools, TallyLexicon(tools))
    return cached[1]


class TallyExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = tally_lexicon(ctx.tools)
        doc, keys = ctx.doc, ctx.keys
        self.in_date = {i for t in ctx.times for i in ctx._tokens_of(t.start, t.end)}
        self.quantity_matches = {m.start: m for m in self.lex.quantities.find(keys)}
        self.quantity_at = {i: m for m in self.quantity_matches.values() for i in range(m.start, m.end)}
        self.repeated = self.lex.repeated.find(keys)
        self.launches = self.lex.launches.find(keys)
        self.counting = [m for m in self.lex.counting.find(keys) if self._verbal(m)]
        self.stock = [m for m in self.lex.stock.find(keys) if self._verbal(m)]
        self.night = self.lex.night.find(keys)
        self.sources = self.lex.sources.find(keys)
        self.ellipsis = self.lex.ellipsis.find(keys)
        self.text = doc.text
        self.months = {fold(m) for m in lexicon(ctx.tools.language).dates.months}
        self.folded = [fold(t.text) for t in doc]  # each token folded once: vague_at looks at every token
        self.vague_starts = {words.split(" ")[0] for words in ctx.tools.vague_numbers}

    def _verbal(self, m: Match) -> bool:
        """ "recorded 300 attacks", not "a record 300"; "l'Ituri compte", not "pour le compte de"."""
        tok = self.ctx.doc[m.start]
        prev = self.ctx.doc[m.start - 1] if m.start > 0 else None
        if self.ctx.tools.language == "en":
            return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")
        return not (prev is not None and prev.pos_ == "DET")

    # --- the document ------------------------------------------------------------------------
    def run(self) -> list[Tally]:
        out: list[Tally] = []
        previous: Optional[tuple[int, Tally]] = None
        periods: dict[str, str] = {}  # "depuis le début de la guerre" -> the date it was given
        sents = self.ctx.sentences
        cue_sents: set[int] = set()  # sentences that give a period of their own
        tally_sents: set[int] = set()
        for n, sent in enumerate(sents):
            cues = [c for c in self.ctx.in_span(self.ctx.periods, sent) if not self.superlative_before(c)]
            own_period = self.structural_period(sent)
            strong = bool(cues) or own_period or bool(self.ctx.in_span(self.counting, sent))
            if strong and not self.event_dated(sent):
                cue_sents.add(n)
            same_paragraph = n > 0 and self.ctx.paragraph_of(sents[n - 1].start) == self.ctx.paragraph_of(sent.start)
            # 0: the sentence before neither gave a period nor a tally; 1: it gave a period; 2: a tally
            continued = 2 if same_paragraph and n - 1 in tally_sents else 1 if same_paragraph and n - 1 in cue_sents else 0
            phrase = self.ctx.doc[cues[0].start:min(cues[0].end + 4, sent.end)].text.lower() if cues else None
            made = []
            for fig, qty in self.sentence(sent):
                mode = self.is_tally(sent, fig, qty, strong, continued)
                if mode is None:
                    continue
                tally = self.build(sent, fig, qty, n, mode, bool(cues))
                if tally.since is None and phrase in periods:
                    tally.since = periods[phrase]
                # "Jusqu'à présent, 56 militaires ont été blessés": the period of the figure just before
                inherits = mode in ("strong", "continued") and not own_period
                if inherits and tally.since is None and previous and n - previous[0] <= 1:
                    tally.since = previous[1].since
                    tally.countries = tally.countries or list(previous[1].countries)
                if inherits and tally.since is None and mode == "continued" and n - 1 in cue_sents:
                    tally.since = self.period(sents[n - 1], n - 1, True)[0]
                if tally.since and phrase:
                    periods.setdefault(phrase, tally.since)
                if not tally.countries and not tally.region and self.ctx.focus:
                    tally.countries = [self.ctx.focus]
                made.append(tally)
            for tally in made:
                out.append(tally)
                previous = (n, tally)
            if made:
                tally_sents.add(n)
        return out

    # --- figures and what they count ---------------------------------------------------------
    def sentence(self, sent: Span) -> list[tuple[Figure, Quantity]]:
        out: list[tuple[Figure, Quantity]] = []
        figures = self.figures(sent)
        for k, fig in enumerate(figures):
            nxt = figures[k + 1].start if k + 1 < len(figures) else sent.end
            qty = self.quantity_of(sent, fig, nxt)
            if qty is None and out and self.elided(sent, fig):
                label = out[-1][1].label
                if label.endswith((" launched", " intercepted")):
                    # "80 drones, dont 65 ont été abattus": the same weapons, perhaps another fate
                    action = [a for a in self.launches if fig.end <= a.start < nxt
                              and not any(self.ctx.doc[k].text in STOP_PUNCT for k in range(fig.end, a.start))]
                    if action:
                        label = label.rsplit(" ", 1)[0] + " " + action[0].label
                qty = Quantity(label, fig.start, fig.end)
            if qty is not None:
                out.append((fig, qty))
        return out

    def figures(self, sent: Span) -> list[Figure]:
        doc, lang = self.ctx.doc, self.ctx.tools.language
        vague = self.ctx.tools.vague_numbers
        out: list[Figure] = []
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            low = tok.lower_
            if i in self.in_date:
                i += 1
                continue
            if low in VAGUE_PLURALS:  # "tens of thousands", "des dizaines de milliers": skip the whole amount
                j = i + 1
                while j + 1 < sent.end and doc[j].lower_ in ("of", "de", "d'", "d’") and doc[j + 1].lower_ in VAGUE_PLURALS:
                    j += 2
                i = j
                continue
            fig = self.vague_at(i, sent, vague) or self.digits_at(i, sent, lang) or self.words_at(i, sent, lang)
            if fig is None:
                i += 1
                continue
            if not self.measures_something_else(fig, sent) and not self.next_to_month(fig, sent):
                out.append(fig)
            i = fig.end
        return out

    def vague_at(self, i: int, sent: Span, vague: dict) -> Optional[Figure]:
        """ "une centaine", "a dozen", "two dozen": a round amount, counted as ACLED does."""
        doc, folded = self.ctx.doc, self.folded
        if folded[i] not in self.vague_starts:
            return None
        for n in (3, 2, 1):
            if i + n > sent.end:
                continue
            words = " ".join(folded[i:i + n])
            value = vague.get(words)
            last = folded[i + n - 1]
            if value is None or value < 10 or last in VAGUE_PLURALS or (n == 1 and last in ARTICLES):
                continue
            if n == 1 and i > sent.start and folded[i - 1] in ("des", "of"):
                continue
            end = i + n
            # "une centaine de milliers" -> a hundred thousand
            if end + 1 < sent.end and doc[end].lower_ in ("de", "d'", "of") and doc[end + 1].lower_ in MULTIPLIERS:
                value *= MULTIPLIERS[doc[end + 1].lower_]
                end += 2
            return Figure(i, end, int(value), approx=True)
        return None

    def digits_at(self, i: int, sent: Span, lang: str) -> Optional[Figure]:
        """ "1 200", "4,000", "1,5 million", "10 million", "12"."""
        doc = self.ctx.doc
        text = doc[i].text
        if not DIGITS.match(text.replace("\u202f", " ").replace("\u00a0", " ")):
            return None
        value = digits_value(text)
        if value is None:
            return None
        j = i + 1
        # French thousands written with a space, split by the tokenizer: "1" "000", "168" "000"
        if re.match(r"^\d{1,3}$", text):
            while j < sent.end and re.match(r"^\d{3}$", doc[j].text) and doc[j - 1].whitespace_:
                value = value * 1000 + int(doc[j].text)
                j += 1
        if j < sent.end and doc[j].lower_ in MULTIPLIERS:
            value *= MULTIPLIERS[doc[j].lower_]
            j += 1
        elif len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100 and j == i + 1:
            return None  # a year
        if value != int(value):
            return None
        return Figure(i, j, int(value))

    def words_at(self, i: int, sent: Span, lang: str) -> Optional[Figure]:
        """ "ten", "deux millions", "plus d'un demi-million", "vingt et un", "a million"."""
        doc = self.ctx.doc
        tok = doc[i]
        low = fold(tok.text)
        # "un million", "a million", "un demi-million", "half a million"
        if low in ARTICLES or low == "one":
            if i + 1 < sent.end and doc[i + 1].lower_ in MULTIPLIERS:
                return Figure(i, i + 2, MULTIPLIERS[doc[i + 1].lower_])
            return None
        if low == "half" and i + 2 < sent.end and doc[i + 1].lower_ == "a" and doc[i + 2].lower_ in ("million", "billion"):
            return Figure(i, i + 3, MULTIPLIERS[doc[i + 2].lower_] // 2)
        if not (tok.like_num and tok.is_alpha or (tok.like_num and "-" in tok.text and not any(c.isdigit() for c in tok.text))):
            return None
        j = i + 1
        while j < sent.end and ((doc[j].like_num and not any(c.isdigit() for c in doc[j].text))
                                or (doc[j].lower_ in CONNECTORS and j + 1 < sent.end and doc[j + 1].like_num
                                    and not any(c.isdigit() for c in doc[j + 1].text) and lang == "fr")):
            j += 1
        while j > i:
            words = " ".join(t.text.lower() for t in doc[i:j])
            try:
                value = int(text2num(words, lang))
            except (ValueError, TypeError):
                j -= 1
                continue
            if value < 2 and j == i + 1:
                return None
            if j < sent.end and doc[j].lower_ in MULTIPLIERS and value < 1000:  # "deux millions", "twelve million"
                value *= MULTIPLIERS[doc[j].lower_]
                j += 1
            return Figure(i, j, value)
        return None

    def next_to_month(self, fig: Figure, sent: Span) -> bool:
        """ "Oct 11 -", "le 12 mars": a day of the month, even where no date was found."""
        doc = self.ctx.doc
        def month(tok: Token) -> bool:
            return fold(tok.text).rstrip(".") in self.months and (tok.text[:1].isupper() or self.ctx.tools.language != "en")
        return (fig.start > sent.start and month(doc[fig.start - 1])) or (fig.end < sent.end and month(doc[fig.end]))

    def measures_something_else(self, fig: Figure, sent: Span) -> bool:
        """ "30 km", "two years ago", "25 %", "$300", "aged 25", "20-year-old"."""
        doc = self.ctx.doc
        after = fig.end + (1 if fig.end + 1 < sent.end and doc[fig.end].text == "-" else 0)  # "63-year-old"
        if after < sent.end and (fold(doc[after].text) in self.lex.units or fold(doc[after].lemma_) in self.lex.units
                                 or fold(doc[after:min(after + 2, sent.end)].text) in self.lex.units):  # "per cent"
            return True
        # "the two attacks", "les 300 manifestants": a number the reader already knows, not a figure
        if fig.start > sent.start and fold(doc[fig.start - 1].text) in DEFINITES:
            return True
        if fig.start > sent.start and (doc[fig.start - 1].text in ("$", "€", "£", "US$") or fold(doc[fig.start - 1].text) in self.lex.units):
            return True
        return False

    def quantity_of(self, sent: Span, fig: Figure, limit: int) -> Optional[Quantity]:
        """What the figure counts: the first quantity word after it in its clause, else the verb
        it is the object of ("has killed more than 6,000 people")."""
        doc = self.ctx.doc
        j = fig.end
        stop = min(limit, sent.end, fig.end + 12)
        passed_noun = False  # "12 buildings in the refugee camp": once past the counted noun, only its verb
        while j < stop:
            tok = doc[j]
            if tok.text in STOP_PUNCT or fold(tok.text) in SUBORDINATORS or tok.lower_ in VAGUE_PLURALS:
                break
            m = self.quantity_matches.get(j)
            if m is not None:
                first = doc[m.start]
                nominal = first.pos_ in ("NOUN", "PROPN") or (j > fig.end and fold(doc[j - 1].text) in ("de", "d'", "des", "du", "of"))
                if passed_noun and nominal:
                    j = m.end
                    continue
                label = self.label(m, sent, fig, stop)
                if label in PEOPLE_LABELS and first.pos_ in ("NOUN", "PROPN"):
                    # "42 protesters were arrested", "200 réfugiés ont été tués": what befell them
                    fate = self.fate(m.end, stop)
                    if fate:
                        return Quantity(fate.label, min(fig.start, m.start), max(fig.end, fate.end))
                if label:
                    return Quantity(label, min(fig.start, m.start), max(fig.end, m.end))
                if m.label.startswith("@"):
                    return None
                j = m.end
                continue
            if tok.pos_ in ("NOUN", "PROPN"):
                passed_noun = True
            j += 1
        # backwards: "has killed more than", "pushed back some", "a fait plus de"
        j = fig.start - 1
        steps = 0
        while j >= sent.start and steps < 5:
            if doc[j].text in STOP_PUNCT:
                break
            m = self.quantity_at.get(j)
            if m and not m.label.startswith("@") and m.label != "protesters" \
                    and doc[m.end - 1].pos_ in ("VERB", "AUX", "ADP", "ADV", "PART"):
                return Quantity(m.label, m.start, fig.end)
            j -= 1
            steps += 1
        return None

    def fate(self, start: int, stop: int) -> Optional[Match]:
        """A verb or participle saying what befell the people a figure counts, in its clause."""
        doc = self.ctx.doc
        for j in range(start, stop):
            if doc[j].text in STOP_PUNCT or fold(doc[j].text) in SUBORDINATORS:
                return None
            m = self.quantity_matches.get(j)
            if m and m.label in FATES and doc[m.start].pos_ in ("VERB", "ADJ", "AUX") \
                    and fold(doc[m.start - 1].text) not in ("de", "d'", "des", "du", "of"):
                return m
        return None

    def label(self, m: Match, sent: Span, fig: Figure, stop: int) -> Optional[str]:
        if not m.label.startswith("@"):
            return m.label
        if m.label == "@times":  # "attaquées au moins 40 fois", "violated the ceasefire 500 times"
            verb = self.near(self.repeated, fig.start, sent, back=8)
            return verb.label if verb else None
        if m.label == "@cases":  # "150 cases of sexual violence"
            kind = [c for c in self.lex.case_types.find(self.ctx.keys, m.end, min(sent.end, m.end + 8))]
            return kind[0].label if kind else None
        weapon = m.label.split(":", 1)[1]  # "143 drones", "118 of the drones were shot down"
        action = self.action(m, fig, sent, stop)
        return f"{weapon} {action}" if action else None

    def action(self, m: Match, fig: Figure, sent: Span, stop: int) -> Optional[str]:
        """What was done with the weapons a figure counts: the verb after them in their clause,
        else the verb they are the object of (through coordination: "launched 143 drones and
        six missiles")."""
        for a in self.launches:
            if m.end <= a.start < stop and not any(self.ctx.doc[k].text in STOP_PUNCT for k in range(m.end, a.start)):
                return a.label
        tok = self.ctx.doc[m.end - 1]
        seen = 0
        while tok.head.i != tok.i and seen < 6:
            tok = tok.head
            seen += 1
            for a in self.launches:
                if a.start <= tok.i < a.end:
                    return a.label
        before = [a for a in self.launches if sent.start <= a.start < fig.start and fig.start - a.end <= 10]
        return before[-1].label if before else None

    def near(self, matches, start: int, sent: Span, back: int) -> Optional[Match]:
        cands = [m for m in matches if max(sent.start, start - back) <= m.start < start]
        return cands[-1] if cands else None

    def elided(self, sent: Span, fig: Figure) -> bool:
        """ "..., dont 24 000 dans la capitale", "..., including 24,000 in the capital"."""
        return any(m.end == fig.start or (m.end == fig.start - 1 and self.ctx.doc[m.end].lower_ in QUOTES)
                   for m in self.ellipsis if sent.start <= m.start)

    # --- is it a tally? ----------------------------------------------------------------------
    def superlative_before(self, cue: Match) -> bool:
        """ "the deadliest day since the protests began", "the first vote since...", "the first
        attack in two years", "le pire bilan depuis": the period dates a comparison, not a figure."""
        doc = self.ctx.doc
        for t in doc[max(doc[cue.start].sent.start, cue.start - 5):cue.start]:
            if t.tag_ == "JJS" or fold(t.text) in SUPERLATIVES \
                    or (fold(t.text) in ("plus", "most") and t.i + 1 < cue.start and doc[t.i + 1].pos_ == "ADJ"):
                return True
        return False

    def event_dated(self, sent: Span) -> bool:
        """The sentence dates one day of its own ("on Tuesday", "yesterday", "on 3 May") that no
        period word introduces: its figures are that day's toll."""
        ctx = self.ctx
        doc = ctx.doc
        spans = [*ctx.in_span(self.night, sent), *ctx.in_span(ctx.periods, sent)]
        covered = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]) + 12) for m in spans]
        for t in ctx.times_in(sent.start, sent.end):
            if any(a <= t.start < b for a, b in covered):  # "overnight", "over the past week"
                continue
            r = ctx.tools.dates.resolve(t, ctx.published)
            if r is None or r.precision not in ("day", "week"):
                continue
            # "since 7 October", "depuis lundi": the start of the period, not the day of an event
            span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand")
            near = ctx.doc[max(sent.start, span.start - 4):span.start].text.lower() if span is not None else ""
            before = self.text[max(sent.start_char, t.start - 80):t.start].lower() if t.kind == "explicit" else near
            if any(re.search(rf"\b{re.escape(w)}\b", before) for w in SINCE_WORDS):
                continue
            return True
        return False

    def structural_period(self, sent: Span) -> bool:
        """ "during 2024", "between January and March", "three months of fighting", "over the
        past three months", "au cours des trois derniers mois"."""
        text = sent.text
        if YEAR_PERIOD.search(text) or BETWEEN.search(text) or SPELL.search(text):
            return True
        for m in DURATION.finditer(text):
            if not DURATION_WORD.search(m.group(0).split(None, 1)[1] if " " in m.group(0) else ""):
                continue
            start = self.ctx.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if start is not None and not self.superlative_before(Match(start.start, start.end, "_", m.group(0))):
                return True
        return False

    def is_tally(self, sent: Span, fig: Figure, qty: Quantity, strong: bool, continued: int) -> Optional[str]:
        """Why the figure is a tally ("night", "strong", "stock", "cumulative", "continued"), or None."""
        weapon = qty.label.endswith((" launched", " intercepted"))
        if weapon and self.ctx.in_span(self.night, sent):
            return "night"
        if self.event_dated(sent):
            return None
        if strong:
            return "strong"
        if self.ctx.in_span(self.stock, sent):
            return "stock"
        if self.cumulative_subject(fig, sent):
            return "cumulative"
        # "More than 220 people have been killed and some 60,000 displaced, according to official
        # figures", after a sentence that gave the period; after a tally, no source is needed
        if continued and (continued == 2 or self.source(sent, fig) is not None) and self.perfect(fig) \
                and not self.names_an_attack(sent):
            return "continued"
        return None

    def names_an_attack(self, sent: Span) -> bool:
        """ "...killed by artillery fire on a district": the toll of an attack the sentence tells."""
        return any(m.label in ATTACK_TRIGGERS for m in self.ctx.in_span(self.ctx.triggers, sent))

    def perfect(self, fig: Figure) -> bool:
        """ "have been killed", "ont dû quitter", "have since been driven": a toll that has grown
        up to now, not a past day's ("eleven insurgents died")."""
        tok = self.ctx.doc[fig.end - 1]
        for _ in range(6):
            if tok.pos_ in ("VERB", "AUX"):
                aux = [c for c in tok.children if c.dep_.startswith("aux")]
                # "some 60,000 people displaced": a participle coordinated with a perfect
                if not aux and tok.dep_ == "conj":
                    aux = [c for c in tok.head.children if c.dep_.startswith("aux")]
                if self.ctx.tools.language == "en":
                    return any(c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in aux)
                return bool(aux)
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return False

    def cumulative_subject(self, fig: Figure, sent: Span) -> bool:
        """The clause's subject is a war, a conflict, an insurgency, a movement: "the war has
        killed", "le conflit, qui a éclaté en 2009, a fait plus de 40 000 morts"."""
        tok = self.ctx.doc[fig.end - 1]
        for _ in range(8):
            if tok.pos_ in ("VERB", "AUX"):
                for c in tok.children:
                    if c.dep_.startswith("nsubj") and self.is_cumulative(c):
                        return True
                if tok.dep_ in ("acl:relcl", "relcl") and self.is_cumulative(tok.head):
                    return True
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return False

    def is_cumulative(self, tok: Token) -> bool:
        words = {fold(tok.text), fold(tok.lemma_)}
        if words & self.lex.cumulative:
            return True
        # "un mouvement de protestation", "the war between the army and the RSF": look at the phrase
        return any(fold(c.text) in self.lex.cumulative or fold(c.lemma_) in self.lex.cumulative
                   for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))

    # --- the record --------------------------------------------------------------------------
    def build(self, sent: Span, fig: Figure, qty: Quantity, n: int, mode: str, cued: bool) -> Tally:
        ctx = self.ctx
        evidence = [ctx.evidence("value", fig.start, fig.end), ctx.evidence("quantity", qty.start, qty.end)]
        qualifier = "about" if fig.approx else "exactly"
        for q in ctx.tools.qualifiers.find(ctx.keys, max(sent.start, fig.start - 4), fig.start):
            gap = ctx.doc[q.end:fig.start]
            if all(t.lower_ in QUOTES for t in gap):
                qualifier = q.label
                evidence.append(ctx.evidence("qualifier", q.start, q.end))
        since, until, ev = self.period(sent, n, cued)
        if since is None and mode == "night":
            since, ev = self.night_of(sent)
        evidence.extend(ev)
        countries = []
        for p in ctx.places:
            code = p.country or (p.place.country_code if p.place and p.locative else None)
            if sent.start <= p.start < sent.end and code and p.locative and code not in countries:
                countries.append(code)
                evidence.append(ctx.evidence("countries", p.start, p.end))
        region = next((r.label for r in ctx.region_refs if sent.start <= r.start < sent.end), None)
        subject = self.subject(sent, fig)
        attributed = self.source(sent, fig)
        if attributed:
            evidence.append(attributed[1])
        return Tally(
            tally_id=stable_id(ctx.article.article_id, "tally", str(fig.start)), article_id=ctx.article.article_id,
            quantity=qty.label, value=fig.value, qualifier=qualifier, since=since, until=until, countries=countries,
            region=region, subject=subject, attributed_to=attributed[0] if attributed else None, evidence=evidence,
        )

    def period(self, sent: Span, n: int, cued: bool) -> tuple[Optional[str], Optional[str], list[Evidence]]:
        """The dates the figure covers: "since 7 October", "since January last year", "since 2017",
        "this year", "since the start of the month", "last year", "between January and March", "the
        conflict, which erupted in late 2016", "since then" (the date said just before)."""
        ctx, pub = self.ctx, self.ctx.published
        text, base = sent.text, sent.start_char
        times = ctx.times_in(sent.start, sent.end)

        def ev(start: int, end: int) -> list[Evidence]:
            return [ctx.char_evidence("since", base + start, base + end)]

        def resolved(t):
            r = ctx.tools.dates.resolve(t, pub)
            if not r or r.precision not in ("day", "month"):
                return None
            # "since January last year"
            if LAST_YEAR.match(self.text[t.end:t.end + 30].strip()) and r.value[:4].isdigit():
                return r.__class__(f"{int(r.value[:4]) - 1:04d}{r.value[4:]}", r.precision, t)
            return r

        m = BETWEEN.search(text)
        if m and pub:
            months = [ctx.tools.dates.month_number(m.group(1)), ctx.tools.dates.month_number(m.group(3))]
            y2 = int(m.group(4)) if m.group(4) else pub.date.year - (months[1] > pub.date.month)
            y1 = int(m.group(2)) if m.group(2) else y2 - (months[0] > months[1])
            return f"{y1:04d}-{months[0]:02d}", f"{y2:04d}-{months[1]:02d}", ev(m.start(), m.end())
        # a date introduced by "since", "depuis", "from"
        for t in times:
            before = self.text[max(base, t.start - 60):t.start].lower()
            if any(re.search(rf"\b{re.escape(w)}\b", before) for w in SINCE_WORDS):
                r = resolved(t)
                if r:
                    return r.value, None, [ctx.char_evidence("since", t.start, t.end)]
        m = EDGE_MONTH.search(text)  # "depuis le début du mouvement, fin janvier"
        if m and pub:
            month = ctx.tools.dates.month_number(m.group(1))
            year = pub.date.year - (month > pub.date.month)
            return f"{year:04d}-{month:02d}", None, ev(m.start(), m.end())
        for pattern, kind in ((SINCE_YEAR, "year"), (THIS_YEAR, "this_year"), (THIS_MONTH, "this_month"), (THIS_WEEK, "this_week"),
                              (YEAR_PERIOD, "year"), (ONSET, "year"), (LAST_YEAR, "last_year"), (IN_YEAR, "year")):
            m = pattern.search(text)
            if not m:
                continue
            if pattern is ONSET:
                month = f"-{ctx.tools.dates.month_number(m.group(1)):02d}" if m.group(1) else ""
                return m.group(2) + month, None, ev(m.start(), m.end())
            if kind == "year":
                return m.group(1), None, ev(m.start(), m.end())
            if pub is None:
                continue
            day = pub.date
            value = {"this_year": f"{day.year:04d}-01", "this_month": f"{day.year:04d}-{day.month:02d}",
                     "last_year": f"{day.year - 1:04d}",
                     "this_week": (day - dt.timedelta(days=day.weekday())).isoformat() if pub.precision == "day" else None}[kind]
            if value:
                return value, None, ev(m.start(), m.end())
        if cued:
            for t in times:
                r = resolved(t)
                if r:
                    return r.value, None, [ctx.char_evidence("since", t.start, t.end)]
        if SINCE_THEN.search(text) and n > 0:
            prev = ctx.sentences[n - 1]
            for t in reversed(ctx.times_in(prev.start, prev.end)):
                r = resolved(t)
                if r:
                    return r.value, None, [ctx.char_evidence("since", t.start, t.end)]
            y = re.findall(YEAR, prev.text)
            if y:
                return y[-1], None, []
        return None, None, []

    def night_of(self, sent: Span) -> tuple[Optional[str], list[Evidence]]:
        """ "overnight", "pendant la nuit": the night before the report, unless dated otherwise."""
        ctx, pub = self.ctx, self.ctx.published
        for t in ctx.times_in(sent.start, sent.end):
            r = ctx.tools.dates.resolve(t, pub)
            if r and r.precision == "day":
                return r.value, [ctx.char_evidence("since", t.start, t.end)]
        if pub and pub.precision == "day":
            night = self.ctx.in_span(self.night, sent)[0]
            return (pub.date - dt.timedelta(days=1)).isoformat(), [ctx.evidence("since", night.start, night.end)]
        return None, []

    def subject(self, sent: Span, fig: Figure) -> Optional[str]:
        actors = [a for a in self.ctx.actors if sent.start <= a.head < sent.end and a.category not in ("state",)]
        if not actors:
            return None
        span = self.ctx.doc[actors[0].start:actors[0].end]
        while len(span) > 1 and (span[0].pos_ in ("PRON", "ADP", "SCONJ") or span[0].lower_ in RELATIVES):  # "auxquels les troupes"
            span = span[1:]
        return span.text

    def source(self, sent: Span, fig: Figure) -> Optional[tuple[str, Evidence]]:
        """Who gave the figure: the subject of the verb of saying or counting it depends on ("the
        KNCHR says at least 19...", "UN monitors counted..."), else "according to X", "selon X",
        else the subject of another verb of saying in the sentence ("..., a précisé l'armée")."""
        doc = self.ctx.doc
        tok = doc[fig.start]
        for _ in range(10):
            found = self.speaker_of(tok, fig)
            if found:
                return found
            if tok.head.i == tok.i:
                break
            tok = tok.head
        for s in sorted(self.ctx.in_span(self.sources, sent), key=lambda s: abs(s.start - fig.start)):
            phrase = self.noun_phrase(s.end, sent)
            if phrase:
                return phrase
        for t in sent:
            if t.pos_ in ("VERB", "AUX") and (fold(t.lemma_) in self.lex.speaking or fold(t.text) in self.lex.speaking):
                found = self.speaker_of(t, fig)
                if found:
                    return found
        return None

    def speaker_of(self, verb: Token, fig: Figure) -> Optional[tuple[str, Evidence]]:
        if verb.pos_ not in ("VERB", "AUX") or not (fold(verb.lemma_) in self.lex.speaking or fold(verb.text) in self.lex.speaking):
            return None
        if any(c.dep_ in ("expl:comp", "expl:pv", "expl") or fold(c.text) in ("se", "s'") for c in verb.children):
            return None  # "ces incidents s'ajoutent aux 40 assauts": not a verb of saying
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and self.ctx.tools.language == "fr":
            # ", a précisé l'armée de l'air": the subject of an incise follows its verb
            first = min([verb, *[c for c in verb.children if c.dep_.startswith("aux")]], key=lambda t: t.i)
            if first.i > 0 and verb.doc[first.i - 1].text == ",":
                subjects = [c for c in verb.children if c.dep_ in ("obj", "nsubj:pass") and c.i > verb.i][:1]
        for c in subjects:
            if c.left_edge.i <= fig.start <= c.right_edge.i:
                continue
            if c.lower_ in PRONOUNS:
                return self.antecedent(c)
            if c.pos_ not in ("NOUN", "PROPN"):
                continue
            return self.name_phrase(c)
        return None

    def name_phrase(self, c: Token) -> tuple[str, Evidence]:
        """The words that name a speaker ("the U.N. human rights monitoring mission in Ukraine"),
        without determiner and without a relative clause."""
        doc, lang = c.doc, self.ctx.tools.language
        left = c.left_edge.i
        while left < c.i and doc_det(doc[left], lang):
            left += 1
        right = c.i + 1
        while right <= c.right_edge.i and doc[right].text not in STOP_PUNCT and doc[right].lower_ not in ("who", "which", "that", "qui", "que", "dont"):
            right += 1
        return doc[left:right].text, self.ctx.evidence("attributed_to", left, right)

    def antecedent(self, pron: Token) -> Optional[tuple[str, Evidence]]:
        """ "It says...": the subject of the sentence before, when it names an organisation."""
        sents = self.ctx.sentences
        k = next((n for n, s in enumerate(sents) if s.start <= pron.i < s.end), 0)
        if k == 0:
            return None
        root = sents[k - 1].root
        subj = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        return self.name_phrase(subj[0]) if subj else None

    def noun_phrase(self, start: int, sent: Span) -> Optional[tuple[str, Evidence]]:
        doc = self.ctx.doc
        i = start
        while i < sent.end and doc_det(doc[i], self.ctx.tools.language):
            i += 1
        j = i
        while j < sent.end and j - i < 12 and doc[j].text not in STOP_PUNCT and (
                doc[j].pos_ not in ("VERB", "AUX", "PRON", "SCONJ") or (j > i and doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm") and doc[j - 1].text[:1].isupper())):
            j += 1
        # "the health ministry in the Hamas-run territory": not half a compound word, nor a dangling "in the"
        if j < sent.end and j > i and not doc[j - 1].whitespace_ and not doc[j].is_punct:
            while j > i and not doc[j - 1].whitespace_:
                j -= 1
        while j > i and (doc[j - 1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT") or doc_det(doc[j - 1], self.ctx.tools.language)):
            j -= 1
        if j == i:
            return None
        return doc[i:j].text, self.ctx.evidence("attributed_to", i, j)


DETERMINERS = {"en": {"the", "a", "an", "its", "their"},
               "fr": {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "de", "d'", "d’", "ses", "son", "sa", "leur", "leurs"}}


def doc_det(tok: Token, language: str) -> bool:
    """A determiner to leave out of a name ("the UN", "l'ONU"); "UN" itself is no French "un"."""
    if tok.text.isalpha() and tok.text.isupper() and len(tok.text) > 1:
        return False
    return tok.pos_ == "DET" or tok.lower_ in DETERMINERS.get(language, set())
