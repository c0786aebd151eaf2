"""Reading a certificate code back as a person typed it (workshops.certificate_codes)."""

import re

from hypothesis import given
from hypothesis import strategies as st

from workshops.certificate_codes import group_code, new_certificate_code, normalise_certificate_code

CODE = re.compile(r"\d{4}-\d{4}-\d{4}")
SEPARATORS = st.text(alphabet=" -./_\t\u00a0\u2013\u200b", max_size=3)


def test_new_certificate_code_is_in_the_stored_form():
    code = new_certificate_code()
    assert CODE.fullmatch(code)
    assert normalise_certificate_code(code) == code


def test_normalise_certificate_code_reads_the_forms_people_type():
    typed = [
        "3567 5046 1450",
        "356750461450",
        "3567/5046/1450",
        "3567.5046.1450",
        " 3567-5046-1450 ",
        "３５６７５０４６１４５０",
    ]
    assert {normalise_certificate_code(text) for text in typed} == {"3567-5046-1450"}


def test_normalise_certificate_code_refuses_what_cannot_be_a_code():
    junk = ["", "1234", "1234-5678-901", "1234-5678-90123", "abcd-efgh-ijkl", "1234-5678-901x", "x" * 1000]
    assert [normalise_certificate_code(text) for text in junk] == [None] * len(junk)


@given(
    digits=st.text(alphabet="0123456789", min_size=12, max_size=12),
    cuts=st.lists(st.integers(min_value=0, max_value=12), max_size=6),
    separators=st.lists(SEPARATORS, min_size=8, max_size=8),
)
def test_normalise_certificate_code_finds_any_grouping_of_a_valid_code(digits, cuts, separators):
    """However the twelve digits are split up and separated, the stored form comes back."""
    pieces, start = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(digits[start:cut])
        start = cut
    pieces.append(digits[start:])
    typed = separators[0] + "".join(
        piece + separator for piece, separator in zip(pieces, separators[1:], strict=False)
    )

    assert normalise_certificate_code(typed) == group_code(digits)


@given(st.text(max_size=200))
def test_normalise_certificate_code_never_raises_and_answers_a_code_or_nothing(text):
    result = normalise_certificate_code(text)
    assert result is None or CODE.fullmatch(result)
