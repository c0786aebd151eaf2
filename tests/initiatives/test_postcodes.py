import pytest

from initiatives.postcodes import normalise_postcode


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1012 AB", "1012 AB"), ("1012ab", "1012 AB"), (" 1012  ab ", "1012 AB"), ("9999ZZ", "9999 ZZ")],
)
def test_normalise_postcode_writes_dutch_postcodes_one_way(typed, stored):
    assert normalise_postcode(typed) == stored


@pytest.mark.parametrize("typed", ["", "0123 AB", "1012", "1012 A", "1012 ABC", "AB 1012", "1012-AB", None])
def test_normalise_postcode_refuses_what_is_not_a_postcode(typed):
    assert normalise_postcode(typed) is None
