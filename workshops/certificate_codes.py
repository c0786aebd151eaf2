"""Certificate verification codes: drawing a new one, and reading one back as a person typed it.

A code is twelve digits in three groups, "1234-5678-9012": easy to read aloud, impossible to guess. People
type what they hear or see ("3567 5046 1450", "356750461450", "3567/5046/1450", full-width digits from a
phone keyboard), so every look-up first normalises the text to the stored form. Pure functions, no database.
"""

import re
import secrets
import unicodedata

CODE_GROUPS = 3
GROUP_LENGTH = 4
CODE_SEPARATOR = "-"
CODE_LENGTH = CODE_GROUPS * GROUP_LENGTH
MAX_TYPED_LENGTH = 60  # generous room for spaces and dashes; anything longer is not a code
_DIGITS = re.compile(rf"[0-9]{{{CODE_LENGTH}}}")


def new_certificate_code() -> str:
    """Twelve random digits in three groups, like "1234-5678-9012"."""
    digits = "".join(str(secrets.randbelow(10)) for _ in range(CODE_LENGTH))
    return group_code(digits)


def group_code(digits: str) -> str:
    """Twelve digits in the form codes are stored and printed in: "123456789012" → "1234-5678-9012"."""
    groups = (digits[start : start + GROUP_LENGTH] for start in range(0, len(digits), GROUP_LENGTH))
    return CODE_SEPARATOR.join(groups)


def normalise_certificate_code(typed: str) -> str | None:
    """The stored form of a typed code, or None when the text cannot be a code.

    Separators of any kind (spaces, dashes, dots, slashes, underscores) are dropped, letters upper-cased
    and compatibility characters folded (full-width "３" is "3"); what is left must be exactly twelve
    digits. Never raises, whatever the input.
    """
    if not isinstance(typed, str) or len(typed) > MAX_TYPED_LENGTH:
        return None
    folded = unicodedata.normalize("NFKC", typed).upper()
    kept = "".join(character for character in folded if not _is_separator(character))
    if not _DIGITS.fullmatch(kept):
        return None
    return group_code(kept)


def _is_separator(character: str) -> bool:
    # Z*: spaces of every kind; P*: punctuation (dashes, dots, slashes...); Cc/Cf: tabs, newlines,
    # zero-width characters a copy from a PDF or a chat message may carry along.
    return unicodedata.category(character)[0] in "ZP" or unicodedata.category(character) in ("Cc", "Cf")
