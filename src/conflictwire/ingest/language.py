"""Language identification with lingua, over the languages conflictwire can read and the
languages most often met in news, so that an unsupported language is named rather than forced
into English or French."""
from __future__ import annotations

from lingua import Language, LanguageDetectorBuilder

from ..knowledge import SUPPORTED_LANGUAGES

# Languages lingua tells apart; only SUPPORTED_LANGUAGES are analysed, the others are reported.
CANDIDATES = [
    Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.ITALIAN,
    Language.PORTUGUESE, Language.DUTCH, Language.ARABIC, Language.RUSSIAN, Language.UKRAINIAN,
    Language.TURKISH, Language.PERSIAN, Language.URDU, Language.CHINESE, Language.SWAHILI,
    Language.SOMALI, Language.INDONESIAN, Language.POLISH, Language.HEBREW,
]


SHORT_TEXT = 400  # characters; below this, trigrams alone mistake languages ("On 10 March 2020, ..." for Indonesian)


SUPPORTED = [Language.ENGLISH, Language.FRENCH]


class LanguageDetector:
    """Low-accuracy mode (trigram models only) is as sure on paragraphs of news and takes a fifth of
    the memory. A short text is asked again of the full models of the supported languages and of
    the language the trigrams found, loaded only then (all the full models would take 270 MB)."""

    def __init__(self):
        self._fast = LanguageDetectorBuilder.from_languages(*CANDIDATES).with_low_accuracy_mode().build()
        self._full: dict[Language, object] = {}

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or None when lingua cannot tell."""
        text = text[:3000]
        language = self._fast.detect_language_of(text)
        if len(text) < SHORT_TEXT:  # trigrams alone took "On 20 March 2020, 1 Taliban militant..." for French
            key = language or Language.ENGLISH
            if key not in self._full:
                self._full[key] = LanguageDetectorBuilder.from_languages(*{*SUPPORTED, key}).build()
            language = self._full[key].detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else None

    @staticmethod
    def supported(code: str | None) -> bool:
        return code in SUPPORTED_LANGUAGES
