"""Validators that every app can use on what people type."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Characters that change the direction text is shown in. In a name they can make "Anna" look like
# something else in a list (or hide text), so a plain one-line text refuses them.
BIDI_CONTROLS = frozenset(
    {
        "\u061c",  # Arabic letter mark
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
        *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
    }
)


class PlainTextValidator:
    """Refuses control characters (new lines, tabs, escape codes) and direction-changing characters.

    Letters of every script stay allowed, also the zero-width joiners some scripts (Persian) need.
    """

    message = _(
        "Use letters, numbers and ordinary punctuation only. Hidden or control characters are not allowed."
    )
    code = "plain_text"

    def __call__(self, value):
        if any(character in BIDI_CONTROLS or unicodedata.category(character) == "Cc" for character in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PlainTextValidator)

    def deconstruct(self):
        return ("ondernemend.validators.PlainTextValidator", (), {})


validate_plain_text = PlainTextValidator()
