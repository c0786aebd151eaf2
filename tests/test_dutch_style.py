"""Plain, consistent Dutch (docs/writing.md): the catalogues and the Dutch pages say "je", never "u"; no
doubled punctuation; month names in lower case; no jargon on participant pages."""

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import date_format

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ["ondernemend", "initiatives", "workshops", "challenge", "locale"]
DUTCH_PAGES = sorted((ROOT / "ondernemend" / "pages" / "templates" / "pages").glob("*/nl.html"))

# "u", "uw", "uzelf" as words: formal address. Parts of names or codes (PDF/UA, U-bocht) do not count;
# a legitimate use that still matches goes on the allow-list with a reason.
FORMAL_ADDRESS = re.compile(r"(?<![\w/-])(u|uw|uzelf)(?![\w/-])", re.IGNORECASE)
FORMAL_ALLOWED: set[str] = set()

# Two marks in a row ("..", "?.", ".,", ",,") or a mark after a space; an ellipsis ("...", "…") is fine.
DOUBLED_PUNCTUATION = re.compile(r"(?<!\.)\.\.(?!\.)|[?!,;:]\.(?!\.)|\.[?!,;:]|([,;:?!])\1|\s[.,;:?!](?!\w)")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september"]
MONTHS += ["oktober", "november", "december"]
CAPITALISED_MONTH = re.compile(r"\b(" + "|".join(month.capitalize() for month in MONTHS) + r")\b")
SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n)$")
# Words a participant (A2) does not know; the staff pages may use them (see docs/writing.md).
JARGON = re.compile(r"\b(tekstversie|Stand:)", re.IGNORECASE)


def _catalogues() -> list[Path]:
    return sorted(
        path for directory in SOURCE_DIRS for path in (ROOT / directory).rglob("nl/LC_MESSAGES/django.po")
    )


def _unquote(line: str) -> str:
    return line.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


def translations(po_file: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) of every current entry, continuation lines joined; plural forms as separate msgstrs."""
    pairs, msgid, key, parts = [], "", None, {}
    for line in [*po_file.read_text(encoding="utf-8").splitlines(), ""]:
        match = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
        if match:
            key = match.group(1)
            if key in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in parts):
                msgid = parts.get("msgid", "")
                pairs += [(msgid, text) for k, text in parts.items() if k.startswith("msgstr") and msgid]
                parts = {}
            parts[key] = _unquote(match.group(2))
        elif line.startswith('"') and key:
            parts[key] += _unquote(line)
        else:
            key = None  # a comment, an obsolete (#~) entry or a blank line
    msgid = parts.get("msgid", "")
    pairs += [(msgid, text) for k, text in parts.items() if k.startswith("msgstr") and msgid]
    return pairs


def dutch_texts() -> list[tuple[str, str, str]]:
    """(where, source, Dutch text): every msgstr of every catalogue and the text of the Dutch pages."""
    texts = [
        (str(po_file.relative_to(ROOT)), msgid, msgstr)
        for po_file in _catalogues()
        for msgid, msgstr in translations(po_file)
    ]
    for page in DUTCH_PAGES:
        without_tags = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|<[^>]+>", " ", page.read_text(encoding="utf-8"))
        texts += [(str(page.relative_to(ROOT)), "", " ".join(unescape(without_tags).split()))]
    return texts


def test_catalogue_reader_finds_the_translations():
    catalogue = ROOT / "initiatives" / "locale" / "nl" / "LC_MESSAGES" / "django.po"

    pairs = dict(translations(catalogue))

    assert pairs["Still correct"] == "Nog steeds juist"
    assert len(_catalogues()) >= 5
    assert len(DUTCH_PAGES) == 2


def test_dutch_says_je_never_u():
    formal = [
        (where, text)
        for where, _source, text in dutch_texts()
        if FORMAL_ADDRESS.search(text) and text not in FORMAL_ALLOWED
    ]

    assert formal == []


def test_dutch_has_no_doubled_punctuation():
    doubled = [(where, text) for where, _source, text in dutch_texts() if DOUBLED_PUNCTUATION.search(text)]

    assert doubled == []


def test_dutch_adds_no_full_stop_the_english_does_not_have():
    """A template puts its own mark after a text without one: "Status: {{ x }}." must not become ".."."""
    added = [
        (where, source, text)
        for where, source, text in dutch_texts()
        if source and text.endswith(".") and not source.rstrip().endswith((".", "!", "?", "…"))
    ]

    assert added == []


def test_dutch_month_names_are_lower_case():
    capitalised = [
        (where, text)
        for where, _source, text in dutch_texts()
        for match in CAPITALISED_MONTH.finditer(text)
        if not SENTENCE_START.search(text[: match.start()])
    ]

    assert capitalised == []


def test_dates_on_the_pages_have_lower_case_months():
    with translation.override("nl"):
        written = [date_format(date(2026, month, 3), "l j F Y") for month in (3, 5, 10)]

    assert written == ["dinsdag 3 maart 2026", "zondag 3 mei 2026", "zaterdag 3 oktober 2026"]


def test_dutch_has_no_jargon_for_participants():
    jargon = [(where, text) for where, _source, text in dutch_texts() if JARGON.search(text)]

    assert jargon == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Wilt u het controleren?", FORMAL_ADDRESS),
        ("Bedankt voor uw melding", FORMAL_ADDRESS),
        ("U kunt ook bellen.", FORMAL_ADDRESS),
        ("Stand: Heeft een plek..", DOUBLED_PUNCTUATION),
        ("Is ondernemen wat voor mij?.", DOUBLED_PUNCTUATION),
        ("Klopt dit ?", DOUBLED_PUNCTUATION),
        ("Gestart op 3 Maart.", CAPITALISED_MONTH),
    ],
)
def test_style_rules_catch_what_they_are_for(text, problem):
    assert problem.search(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Je kunt ook bellen.",
        "Wacht even...",
        "Zie de pdf/ua-versie.",
        "Een uur, en dan koffie.",
        "3 maart 2026",
    ],
)
def test_style_rules_let_plain_dutch_through(text):
    found = [
        rule.pattern for rule in (FORMAL_ADDRESS, DOUBLED_PUNCTUATION, CAPITALISED_MONTH) if rule.search(text)
    ]

    assert found == []
