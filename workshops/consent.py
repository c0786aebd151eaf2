"""The consent texts shown above the sign-up button, per version and language (DESIGN.md §4).

A text that changes gets a new version; old versions stay here, so every ConsentRecord can be read back in the
words the participant saw. The texts are plain Dutch (A2) and plain English.
"""

from dataclasses import dataclass

CURRENT_VERSION = "2026-11"
FALLBACK_LANGUAGE = "nl"


@dataclass(frozen=True)
class ConsentText:
    version: str
    language: str
    text: str


TEXTS = {
    "2026-11": {
        "nl": (
            "Ik vind het goed dat de coaches van deze workshop mijn naam, telefoon of e-mail, stadsdeel "
            "en taal bewaren. Zij gebruiken dit alleen om mij te bellen of te mailen over deze workshop. "
            "De gemeente ziet mijn gegevens nooit. Ik kan mijn gegevens altijd bekijken en laten "
            "verwijderen via mijn eigen link."
        ),
        "en": (
            "I agree that the coaches of this workshop keep my name, phone or e-mail, district and language. "
            "They only use this to call or e-mail me about this workshop. The municipality never sees my "
            "details. I can always look at my details and have them deleted through my own link."
        ),
    },
}


def consent_text(language: str, version: str = CURRENT_VERSION) -> ConsentText:
    """The text of `version` in `language`, or in Dutch when there is no translation in that language."""
    texts = TEXTS[version]
    language = language if language in texts else FALLBACK_LANGUAGE
    return ConsentText(version=version, language=language, text=texts[language])
