"""Dutch postcodes, written one way everywhere: four digits, a space, two capitals ("1012 AB")."""

import re

POSTCODE_PATTERN = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})$")


def normalise_postcode(value: str) -> str | None:
    """'1012ab', ' 1012 AB ' → '1012 AB'; None for anything that is not a Dutch postcode."""
    match = POSTCODE_PATTERN.match(re.sub(r"\s+", "", value or "").upper())
    return f"{match.group(1)} {match.group(2)}" if match else None
