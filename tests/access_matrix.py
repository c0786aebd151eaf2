# ruff: noqa: E501 — the tables are one aligned row per case, to be read across like the table in the docs.
"""The authorisation matrix: what every URL answers to every role (issue 11, point 1; docs/access.md).

Plain data, read by tests/test_access_matrix.py (which walks Django's URL resolver: a URL without a row, or a
row without a URL, fails) and copied into docs/access.md (a test keeps the two equal; regenerate the doc's
table with `python -m tests.access_matrix`).

Every cell is the answer to a GET by that role, logged in (staff with the second factor verified), on the
scene's object, which belongs to the role's own member of the cast:

- initiatiefnemer: initiatiefnemer A, editor of initiative A, which has a draft (open call), proposal P1
  (call in review, with a jury question and a file) and an awarded proposal (published call);
- coach: coach A, coach of series A (participant A with an intake, a certified participant, session A);
- jurylid: in the jury of the call in review, assigned to P1, not to P2, assigned to but conflicted on P3;
- gemeente, coordinator; beheerder: the superuser.

Rows with method POST are POST-only: a GET by a role that may use them answers GONE (405), and the test also
POSTs an empty body: where the cell is GONE the POST must be accepted (not 403/404/405, no 500; it need not
succeed), GONE/HIDDEN means 405 on GET and 404 on POST, and any other cell is the answer to both.

The Django admin (/beheer/) is one group, not a row per URL: the admin has its own log-in and only the
beheerder (a staff superuser) gets in; every other role, anonymous included, is sent to the admin log-in
page. The test checks that on the admin index and on every admin URL without arguments.
"""

OK = "OK"  # 200
LOGIN = "LOGIN"  # 302 to the log-in page, to come back afterwards (?next=)
REDIRECT = (
    "REDIRECT"  # 302 elsewhere: the page sends this visitor on (e.g. a logged-in user away from log-in)
)
REASON = "REASON"  # 302 to the reasoned-access step: a coördinator gives a reason first (docs/access.md)
DENIED = "DENIED"  # 403: the role may not use this page
HIDDEN = "HIDDEN"  # 404: participant data or a proposal out of reach, as if it did not exist
GONE = "GONE"  # 405: GET on a POST-only URL by a role that may POST to it (the empty POST is accepted)
GONE_HIDDEN = "GONE/HIDDEN"  # 405 on GET, 404 on POST: the POST looks the object up within the user's reach
USED = "USED"  # 410: an invitation that is no longer open (accepted by the logged-in user's account)

ROLES = ("anonymous", "initiatiefnemer", "coach", "jurylid", "gemeente", "coordinator", "beheerder")
GET, POST = "GET", "POST"
ADMIN_NAMESPACE = "admin"
ADMIN_PREFIX = "beheer/"

# fmt: off
# URL name                                       scene                       method anonymous initiatiefnemer coach        jurylid      gemeente     coordinator  beheerder
MATRIX = {
    "pages:home":                               ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "pages:accessibility":                      ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "pages:privacy":                            ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:login":                           ("",                         GET,   OK,       REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "accounts:logout":                          ("",                         POST,  GONE,     GONE,           GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:password_reset":                  ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:password_reset_done":             ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:password_reset_confirm":          ("reset link",               GET,   REDIRECT, REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "accounts:password_reset_complete":         ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:dashboard":                       ("",                         GET,   LOGIN,    OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:invite":                          ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "accounts:revoke_invitation":               ("coordinator's invitation", POST,  LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      GONE,        GONE),
    "accounts:accept_invitation":               ("invitation",               GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:second_factor":                   ("",                         GET,   LOGIN,    DENIED,         OK,          OK,          OK,          OK,          OK),
    "accounts:second_factor_setup":             ("",                         GET,   LOGIN,    REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "accounts:second_factor_verify":            ("",                         GET,   LOGIN,    REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "accounts:second_factor_recovery_codes":    ("",                         GET,   LOGIN,    REDIRECT,       OK,          OK,          OK,          OK,          OK),
    "accounts:second_factor_new_recovery_codes":("",                         POST,  LOGIN,    DENIED,         GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:second_factor_skip":              ("",                         POST,  LOGIN,    REDIRECT,       GONE_HIDDEN, GONE_HIDDEN, GONE_HIDDEN, GONE_HIDDEN, GONE_HIDDEN),
    "accounts:second_factor_remove_passkey":    ("coach A's passkey",        POST,  LOGIN,    DENIED,         GONE,        GONE_HIDDEN, GONE_HIDDEN, GONE_HIDDEN, GONE_HIDDEN),
    "accounts:second_factor_people":            ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "accounts:second_factor_reset":             ("coach A's account",        GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "accounts:passkey_registration_begin":      ("",                         POST,  DENIED,   DENIED,         GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:passkey_registration_complete":   ("",                         POST,  DENIED,   DENIED,         GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:passkey_authentication_begin":    ("",                         POST,  DENIED,   GONE,           GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:passkey_authentication_complete": ("",                         POST,  DENIED,   GONE,           GONE,        GONE,        GONE,        GONE,        GONE),
    "accounts:passkey_texts":                   ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "accounts:log_out_everywhere":              ("",                         POST,  LOGIN,    GONE,           GONE,        GONE,        GONE,        GONE,        GONE),
    "initiatives:index":                        ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:geojson":                      ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:marker":                       ("initiative A's marker",    GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:detail":                       ("initiative A",             GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:contactpoint_detail":          ("contact point",            GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:report":                       ("initiative A",             GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:flyer":                        ("district",                 GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:flyer_pdf":                    ("district",                 GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "initiatives:manage":                       ("",                         GET,   LOGIN,    OK,             DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:create":                       ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:edit":                         ("initiative A",             GET,   LOGIN,    OK,             DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:publish":                      ("initiative A",             POST,  LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      GONE,        GONE),
    "initiatives:contactpoint_create":          ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:contactpoint_edit":            ("contact point",            GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:export_csv":                   ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:export_geojson":               ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "initiatives:import_csv":                   ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "workshops:agenda":                         ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "workshops:series":                         ("public series",            GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "workshops:signup":                         ("public series",            GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "workshops:signup_done":                    ("public series",            GET,   REDIRECT, REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "workshops:verify_form":                    ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "workshops:verify":                         ("certificate code",         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "workshops:own_record":                     ("",                         GET,   DENIED,   DENIED,         DENIED,      DENIED,      DENIED,      DENIED,      DENIED),
    "workshops:own_record_json":                ("",                         GET,   DENIED,   DENIED,         DENIED,      DENIED,      DENIED,      DENIED,      DENIED),
    "workshops:own_certificate":                ("",                         POST,  DENIED,   DENIED,         DENIED,      DENIED,      DENIED,      DENIED,      DENIED),
    "workshops:own_erase":                      ("",                         GET,   DENIED,   DENIED,         DENIED,      DENIED,      DENIED,      DENIED,      DENIED),
    "workshops:own_cancel":                     ("registration A",           GET,   DENIED,   DENIED,         DENIED,      DENIED,      DENIED,      DENIED,      DENIED),
    "workshops:my_record":                      ("own link A",               GET,   REDIRECT, REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "workshops:my_record_json":                 ("own link A",               GET,   REDIRECT, REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "workshops:my_record_erase":                ("own link A",               GET,   REDIRECT, REDIRECT,       REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT,    REDIRECT),
    "workshops:coach_home":                     ("",                         GET,   LOGIN,    DENIED,         OK,          DENIED,      DENIED,      DENIED,      OK),
    "workshops:coach_series":                   ("series A",                 GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:participant":                    ("participant A",            GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:intake":                         ("participant A",            GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:intake_receipt":                 ("participant A",            GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:attendance":                     ("session A",                GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:reflections":                    ("session A",                GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "workshops:issue_certificate":              ("participant A",            GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      REASON,      REASON),
    "workshops:revoke_certificate":             ("certified participant A",  GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      REASON,      REASON),
    "workshops:certificate_pdf":                ("certified participant A",  GET,   LOGIN,    HIDDEN,         OK,          HIDDEN,      HIDDEN,      REASON,      REASON),
    "workshops:manage":                         ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "workshops:series_create":                  ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "workshops:series_edit":                    ("series A",                 GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "workshops:sessions":                       ("series A",                 GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "workshops:reasoned_access":                ("participant A",            GET,   LOGIN,    HIDDEN,         HIDDEN,      HIDDEN,      HIDDEN,      OK,          OK),
    "challenge:index":                          ("",                         GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "challenge:manage":                         ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:manage_create":                  ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:manage_edit":                    ("draft call",               GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:manage_rubric":                  ("draft call",               GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:manage_faq":                     ("draft call",               GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:manage_jury":                    ("call in review",           GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:deliberation":                   ("call in deliberation",     GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:decide":                         ("deliberated proposal",     GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:publish":                        ("call in deliberation",     GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "challenge:jury_home":                      ("",                         GET,   LOGIN,    DENIED,         DENIED,      OK,          DENIED,      DENIED,      OK),
    "challenge:jury_work":                      ("call in review",           GET,   LOGIN,    HIDDEN,         HIDDEN,      OK,          HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:declare_conflict":               ("P2 in review",             GET,   LOGIN,    HIDDEN,         HIDDEN,      OK,          HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:review":                         ("P1",                       GET,   LOGIN,    HIDDEN,         HIDDEN,      OK,          HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:ask_question":                   ("P1",                       POST,  LOGIN,    HIDDEN,         HIDDEN,      GONE,        HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:review_attachment":              ("P1 file",                  GET,   LOGIN,    HIDDEN,         HIDDEN,      OK,          HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:detail":                         ("open call",                GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "challenge:results":                        ("published call",           GET,   OK,       OK,             OK,          OK,          OK,          OK,          OK),
    "challenge:proposal_create":                ("open call",                GET,   LOGIN,    OK,             DENIED,      DENIED,      DENIED,      DENIED,      OK),
    "challenge:my_proposals":                   ("",                         GET,   LOGIN,    OK,             DENIED,      DENIED,      DENIED,      DENIED,      OK),
    "challenge:proposal":                       ("A's P1",                   GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_edit":                  ("A's draft",                GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_attachments":           ("A's draft",                GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_attachment_remove":     ("A's draft file",           POST,  LOGIN,    GONE,           HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_submit":                ("A's draft",                GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_withdraw":              ("A's P1",                   GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_answer":                ("A's P1 question",          GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "challenge:proposal_feedback":              ("A's awarded",              GET,   LOGIN,    OK,             HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN,      HIDDEN),
    "overview:index":                           ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      OK,          OK,          OK),
    "overview:export_csv":                      ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      OK,          OK,          OK),
    "overview:freeze":                          ("closed quarter",           GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "audit:trail":                              ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
    "audit:export_csv":                         ("",                         GET,   LOGIN,    DENIED,         DENIED,      DENIED,      DENIED,      OK,          OK),
}
# fmt: on

# Object-level cases: a member of the cast on an object that is NOT hers, (who, URL name, scene) → answer,
# with a control case of her own where that helps. coach_b coaches series B only (participant B);
# initiatiefnemer_b edits initiative B only (which has proposal P2); coordinator_with_reason has given a
# reason for the certified participant A in this session (workshops:reasoned_access), nobody else.
# fmt: off
OBJECT_CASES = {
    # Coach A's participant, series and session, seen by coach B: as if they did not exist.
    ("coach_b",                 "workshops:coach_series",        "series A"):                HIDDEN,
    ("coach_b",                 "workshops:participant",         "participant A"):           HIDDEN,
    ("coach_b",                 "workshops:intake",              "participant A"):           HIDDEN,
    ("coach_b",                 "workshops:intake_receipt",      "participant A"):           HIDDEN,
    ("coach_b",                 "workshops:attendance",          "session A"):               HIDDEN,
    ("coach_b",                 "workshops:reflections",         "session A"):               HIDDEN,
    ("coach_b",                 "workshops:issue_certificate",   "participant A"):           HIDDEN,
    ("coach_b",                 "workshops:revoke_certificate",  "certified participant A"): HIDDEN,
    ("coach_b",                 "workshops:certificate_pdf",     "certified participant A"): HIDDEN,
    ("coach_b",                 "workshops:participant",         "participant B"):           OK,
    ("coach",                   "workshops:participant",         "participant B"):           HIDDEN,
    ("coach",                   "workshops:attendance",          "session B"):               HIDDEN,
    # The juror: P2 is not assigned to her, P3 is but she declared a conflict.
    ("jurylid",                 "challenge:review",              "P2"):                      HIDDEN,
    ("jurylid",                 "challenge:review",              "P3"):                      HIDDEN,
    ("jurylid",                 "challenge:review_attachment",   "P2 file"):                 HIDDEN,
    ("jurylid",                 "challenge:proposal",            "P1"):                      HIDDEN,
    ("jurylid",                 "challenge:proposal",            "P2"):                      HIDDEN,
    # Initiatiefnemer B on initiative A's listing and proposals, and A on B's.
    ("initiatiefnemer_b",       "initiatives:edit",              "initiative A"):            HIDDEN,
    ("initiatiefnemer_b",       "initiatives:edit",              "initiative B"):            OK,
    ("initiatiefnemer_b",       "challenge:proposal",            "A's P1"):                  HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal",            "B's proposal"):            OK,
    ("initiatiefnemer_b",       "challenge:proposal_edit",       "A's draft"):               HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal_attachments", "A's draft"):              HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal_submit",     "A's draft"):               HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal_withdraw",   "A's P1"):                  HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal_answer",     "A's P1 question"):         HIDDEN,
    ("initiatiefnemer_b",       "challenge:proposal_feedback",   "A's awarded"):             HIDDEN,
    ("initiatiefnemer",         "initiatives:edit",              "initiative B"):            HIDDEN,
    ("initiatiefnemer",         "challenge:proposal",            "B's proposal"):            HIDDEN,
    # Gemeente: nothing per person, ever.
    ("gemeente",                "workshops:participant",         "participant B"):           HIDDEN,
    ("gemeente",                "workshops:reasoned_access",     "participant B"):           HIDDEN,
    ("gemeente",                "workshops:certificate_pdf",     "certified participant A"): HIDDEN,
    ("gemeente",                "challenge:proposal",            "B's proposal"):            HIDDEN,
    ("gemeente",                "challenge:review",              "P2"):                      HIDDEN,
    # The coördinator: never a participant without a reason; with one, only that participant.
    ("coordinator",             "workshops:participant",         "participant B"):           HIDDEN,
    ("coordinator",             "workshops:intake",              "participant B"):           HIDDEN,
    ("coordinator",             "workshops:issue_certificate",   "participant B"):           REASON,
    ("coordinator",             "workshops:certificate_pdf",     "certified participant A"): REASON,
    ("coordinator_with_reason", "workshops:certificate_pdf",     "certified participant A"): OK,
    ("coordinator_with_reason", "workshops:revoke_certificate",  "certified participant A"): OK,
    ("coordinator_with_reason", "workshops:issue_certificate",   "participant B"):           REASON,
    ("coordinator_with_reason", "workshops:intake",              "certified participant A"): HIDDEN,
}
# fmt: on


def as_markdown() -> str:
    """The matrix as the table in docs/access.md."""
    header = ["URL name", "scene", "method", *ROLES]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, (scene, method, *outcomes) in MATRIX.items():
        cells = [f"`{name}`", scene or "–", method, *outcomes]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def object_cases_as_markdown() -> str:
    lines = ["| who | URL name | scene | answer |", "|---|---|---|---|"]
    lines += [
        f"| {who} | `{name}` | {scene} | {answer} |" for (who, name, scene), answer in OBJECT_CASES.items()
    ]
    return "\n".join(lines) + "\n"


DOC = "docs/access.md"
DOC_START, DOC_END = "<!-- access-matrix:start -->", "<!-- access-matrix:end -->"


def doc_section() -> str:
    """What stands between the markers in docs/access.md: both tables, generated from this module."""
    return "\n".join(["", as_markdown(), "Object-level cases:", "", object_cases_as_markdown()])


def with_doc_section(text: str) -> str:
    before, rest = text.split(DOC_START, 1)
    _old, after = rest.split(DOC_END, 1)
    return f"{before}{DOC_START}{doc_section()}{DOC_END}{after}"


if __name__ == "__main__":
    # python -m tests.access_matrix: rewrite the generated tables in docs/access.md from this module.
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / DOC
    path.write_text(with_doc_section(path.read_text()))
