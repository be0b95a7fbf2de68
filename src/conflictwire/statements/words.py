"""The statement words of one language, read from its lexicon once (not once per report)."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..knowledge import lexicon


@dataclass(frozen=True)
class StatementWords:
    international: frozenset[str]  # the UN, the EU, the Red Cross: speakers for no state
    nobody: frozenset[str]  # "no group claimed it"
    self_pronouns: frozenset[str]  # "the army said it struck": the speaker speaking of itself
    responsibility: frozenset[str]  # what a claim of responsibility takes as object
    pronouns: frozenset[str]  # "he said": the last speaker again
    according: frozenset[str]  # "according to X", "selon X": X speaks
    documents: frozenset[str]  # "the statement", "cette source": named again, the last speaker's
    self_possessives: frozenset[str]  # "its fighters", "ses combattants": the speaker's own
    non_party: frozenset[str]  # monitors, rights groups, witnesses: what they say is no statement
    threat_objects: frozenset[str]  # "warned of serious consequences": a threat, not a warning
    denial: frozenset[str]  # "false", "propagande": what was said denies


@functools.cache
def statement_words(language: str) -> StatementWords:
    lex = lexicon(language)

    def lowered(words: list[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in words)
    return StatementWords(
        international=lowered(lex.international_speakers), nobody=lowered(lex.nobody),
        self_pronouns=lowered(lex.self_pronouns), responsibility=lowered(lex.responsibility),
        pronouns=lowered(lex.speaker_pronouns), according=lowered(lex.according),
        documents=lowered(lex.speaker_documents), non_party=lowered(lex.non_party_speakers),
        self_possessives=lowered(lex.self_possessives), threat_objects=lowered(lex.threat_objects),
        denial=lowered(lex.denial_words),
    )
