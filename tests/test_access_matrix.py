"""The authorisation matrix (issue 11, point 1): every URL pattern × every role, as in tests/access_matrix.py.

The URL list comes from Django's resolver, so a new URL without a row fails here, naming the URL. One cast
(`cast`) owns every object a URL needs; each request runs in its own savepoint that is rolled back afterwards,
so a POST that succeeds changes nothing for the next cell, and the cast is built once per table. Each table is
checked by one test that lists every cell that differs, not only the first.
"""

import copy
import datetime
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp_webauthn.models import WebAuthnCredential

from challenge.enums import Phase
from challenge.models import Attachment
from tests import access_matrix as table
from tests.factories.accounts import InvitationFactory, SuperUserFactory, UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    ConflictFactory,
    DecisionFactory,
    JuryMemberFactory,
    ProposalFactory,
    QuestionFactory,
)
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory
from tests.factories.workshops import CertificateFactory, IntakeFactory, RegistrationFactory, SeriesFactory
from workshops.tokens import make_token

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


# --- The URL patterns, from the resolver ------------------------------------------------------------------


def url_patterns(resolver=None, namespace=(), route=""):
    """(name, route) of every pattern, through includes, namespaces and i18n_patterns (name None: unnamed)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespace, pattern.namespace) if pattern.namespace else namespace
            yield from url_patterns(pattern, inner, route + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            name = ":".join((*namespace, pattern.name)) if pattern.name else None
            yield name, route + str(pattern.pattern)


def _is_admin(name, route) -> bool:
    return (name or "").startswith(f"{table.ADMIN_NAMESPACE}:") or route.startswith(table.ADMIN_PREFIX)


# --- The cast and the scenes ------------------------------------------------------------------------------


def _proposal_in(challenge, initiative, **traits):
    editor = initiative.editors.first()
    return ProposalFactory(challenge=challenge, initiative=initiative, editor=editor, **traits)


def _attachment(proposal):
    return Attachment.objects.create(
        proposal=proposal,
        file=SimpleUploadedFile("plan.pdf", PDF),
        original_name="Ons plan.pdf",
        kind="pdf",
        size=len(PDF),
    )


@pytest.fixture
def cast(settings, tmp_path):
    """Everyone of tests/access_matrix.py's cast, with what they own."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    c = SimpleNamespace()
    c.initiatiefnemer = UserFactory(initiatiefnemer=True, name="Initiatiefnemer A")
    c.initiatiefnemer_b = UserFactory(initiatiefnemer=True, name="Initiatiefnemer B")
    c.coach = UserFactory(coach=True, name="Coach A")
    c.coach_b = UserFactory(coach=True, name="Coach B")
    c.jurylid = UserFactory(jurylid=True, name="Jurylid")
    c.gemeente = UserFactory(gemeente=True, name="Gemeente")
    c.coordinator = UserFactory(coordinator=True, name="Coördinator")
    c.beheerder = SuperUserFactory(name="Beheerder")

    # The map: initiative A (and its listing) of initiatiefnemer A, initiative B of B, a contact point.
    c.initiative = InitiativeFactory(editors=[c.initiatiefnemer])
    c.initiative_b = InitiativeFactory(editors=[c.initiatiefnemer_b])
    c.contact_point = ContactPointFactory()

    # Workshops: coach A's series with a participant (intake, no certificate) and a certified one; coach B's.
    start = timezone.now() - datetime.timedelta(weeks=2)
    c.series = SeriesFactory(coaches=[c.coach], sessions=3, sessions__start=start, certificate_min_sessions=1)
    c.session = c.series.sessions.get(number=1)
    c.registration = RegistrationFactory(series=c.series)
    IntakeFactory(registration=c.registration)
    c.certified = CertificateFactory(registration__series=c.series, public=True).registration
    c.series_b = SeriesFactory(coaches=[c.coach_b], sessions=1)
    c.session_b = c.series_b.sessions.get()
    c.registration_b = RegistrationFactory(series=c.series_b)
    IntakeFactory(registration=c.registration_b)
    c.token = make_token(c.registration.participant)
    c.public_series = SeriesFactory(sessions=3)  # starts next week: open for sign-up

    # Accounts: an open invitation by the coördinator, a password-reset link.
    c.invitation = InvitationFactory(invited_by=c.coordinator)
    # The reset link of someone not in the matrix: logging in changes a user's token.
    c.reset = {
        "uidb64": urlsafe_base64_encode(force_bytes(c.initiatiefnemer_b.pk)),
        "token": default_token_generator.make_token(c.initiatiefnemer_b),
    }

    # The second factor: coach A's passkey (its key is never checked here).
    c.passkey = WebAuthnCredential.objects.create(
        user=c.coach, name="Telefoon", credential_id=b"matrix", public_key=b"key", sign_count=0
    )

    # The challenge: a draft call; an open one with A's draft (with a file); one in review with P1 (A's,
    # assigned to the juror, a question, a file), P2 (not assigned) and P3 (assigned, conflicted); one in
    # deliberation; a published one with A's awarded proposal.
    c.call_draft = ChallengeFactory(phase=Phase.DRAFT)
    c.call_open = ChallengeFactory(phase=Phase.OPEN)
    c.draft = _proposal_in(c.call_open, c.initiative)
    c.draft_file = _attachment(c.draft)
    c.call_review = ChallengeFactory(phase=Phase.REVIEW)
    member = JuryMemberFactory(challenge=c.call_review, user=c.jurylid)
    c.p1 = _proposal_in(c.call_review, c.initiative, submitted=True)
    c.p2 = _proposal_in(c.call_review, c.initiative_b, submitted=True)
    c.p3 = _proposal_in(c.call_review, InitiativeFactory(editors=[UserFactory()]), submitted=True)
    AssignmentFactory(member=member, proposal=c.p1)
    AssignmentFactory(member=member, proposal=c.p3)
    ConflictFactory(member=member, proposal=c.p3)
    c.p1_file = _attachment(c.p1)
    c.p2_file = _attachment(c.p2)
    c.question = QuestionFactory(proposal=c.p1, asked_by=member)
    c.call_deliberation = ChallengeFactory(phase=Phase.DELIBERATION)
    c.deliberated = _proposal_in(c.call_deliberation, c.initiative_b, submitted=True)
    c.call_published = ChallengeFactory(phase=Phase.PUBLISHED)
    c.awarded = _proposal_in(c.call_published, c.initiative, submitted=True)
    DecisionFactory(proposal=c.awarded, published_at=c.call_published.published_at)

    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    c.closed_quarter = f"{today.year}-Q{quarter - 1}" if quarter > 1 else f"{today.year - 1}-Q4"
    return c


# Scene (the table's second column) → the URL's keyword arguments, from the cast.
SCENES = {
    "": lambda _cast: {},
    "initiative A": lambda c: {"slug": c.initiative.slug},
    "initiative B": lambda c: {"slug": c.initiative_b.slug},
    "initiative A's marker": lambda c: {"layer": "initiative", "pk": c.initiative.pk},
    "contact point": lambda c: {"slug": c.contact_point.slug},
    "district": lambda c: {"district": c.initiative.district.slug},
    "reset link": lambda c: c.reset,
    "invitation": lambda c: {"token": c.invitation.token},
    "coordinator's invitation": lambda c: {"pk": c.invitation.pk},
    "series A": lambda c: {"slug": c.series.slug},
    "series B": lambda c: {"slug": c.series_b.slug},
    "public series": lambda c: {"slug": c.public_series.slug},
    "participant A": lambda c: {"pk": c.registration.pk},
    "certified participant A": lambda c: {"pk": c.certified.pk},
    "participant B": lambda c: {"pk": c.registration_b.pk},
    "session A": lambda c: {"pk": c.session.pk},
    "session B": lambda c: {"pk": c.session_b.pk},
    "certificate code": lambda c: {"code": c.certified.certificate.code},
    "own link A": lambda c: {"token": c.token},
    "registration A": lambda c: {"pk": c.registration.pk},
    "draft call": lambda c: {"slug": c.call_draft.slug},
    "open call": lambda c: {"slug": c.call_open.slug},
    "call in review": lambda c: {"slug": c.call_review.slug},
    "call in deliberation": lambda c: {"slug": c.call_deliberation.slug},
    "published call": lambda c: {"slug": c.call_published.slug},
    "deliberated proposal": lambda c: {"slug": c.call_deliberation.slug, "pk": c.deliberated.pk},
    "P2 in review": lambda c: {"slug": c.call_review.slug, "pk": c.p2.pk},
    "A's draft": lambda c: {"pk": c.draft.pk},
    "A's draft file": lambda c: {"pk": c.draft.pk, "attachment_pk": c.draft_file.pk},
    "A's P1": lambda c: {"pk": c.p1.pk},
    "A's P1 question": lambda c: {"pk": c.p1.pk, "question_pk": c.question.pk},
    "A's awarded": lambda c: {"pk": c.awarded.pk},
    "P1": lambda c: {"pk": c.p1.pk},
    "P1 file": lambda c: {"pk": c.p1.pk, "attachment": c.p1_file.pk},
    "P2": lambda c: {"pk": c.p2.pk},
    "P2 file": lambda c: {"pk": c.p2.pk, "attachment": c.p2_file.pk},
    "P3": lambda c: {"pk": c.p3.pk},
    "B's proposal": lambda c: {"pk": c.p2.pk},
    "closed quarter": lambda c: {"period": c.closed_quarter},
    "coach A's passkey": lambda c: {"pk": c.passkey.pk},
    "coach A's account": lambda c: {"pk": c.coach.pk},
}


# --- Asking, and reading the answer -----------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    outcome: str
    status: int
    detail: str  # status, location and any exception, for the failure message

    def __str__(self):
        return f"{self.outcome} ({self.detail})"


def classify(response) -> Answer:
    status, location = response.status_code, response.get("Location", "")
    detail = f"{status} {location}".strip()
    if getattr(response, "exc_info", None):
        detail += f" {response.exc_info[1]!r}"
    if status == 302:
        target = resolve(urlsplit(location).path).view_name if location.startswith("/") else ""
        # To log in and come back (`next`); a log-out that ends on the log-in page is just a redirect.
        if target == settings.LOGIN_URL and "next=" in location:
            return Answer(table.LOGIN, status, detail)
        if target == "workshops:reasoned_access":
            return Answer(table.REASON, status, detail)
    by_status = {
        200: table.OK,
        302: table.REDIRECT,
        403: table.DENIED,
        404: table.HIDDEN,
        405: table.GONE,
        410: table.USED,
    }
    return Answer(by_status.get(status, f"status {status}"), status, detail)


class Visitors:
    """One logged-in client per member of the cast, logged in once (outside the rolled-back savepoints)."""

    def __init__(self, cast):
        self.cast = cast
        self.clients = {}

    def client(self, who: str) -> Client:
        if who not in self.clients:
            # A 500 is a cell's answer, reported with the rest, not an exception that ends the test.
            client = Client(raise_request_exception=False)
            reason_given = who == "coordinator_with_reason"
            user = self.cast.coordinator if reason_given else getattr(self.cast, who, None)
            if user is not None:  # "anonymous" is nobody
                client.force_login(user)
            if reason_given:
                step = reverse("workshops:reasoned_access", kwargs={"pk": self.cast.certified.pk})
                response = client.post(step, {"reason": "Ze vraagt waarom haar certificaat niet klopt."})
                assert response.status_code == 200, "the reason was not accepted"
            self.clients[who] = client
        return self.clients[who]

    def ask(self, who: str, method: str, url: str) -> Answer:
        """One request in a savepoint that is rolled back, with fresh rate limits; the client's cookies are
        put back too, so a log-out or a new session does not follow it into the next request."""
        client = self.client(who)
        cookies = copy.deepcopy(client.cookies)
        for cache in caches.all():
            if isinstance(cache, LocMemCache):
                cache.clear()
        with transaction.atomic():
            answer = classify(getattr(client, method)(url))
            transaction.set_rollback(True)
        client.cookies = cookies
        return answer


def accepted(answer: Answer) -> bool:
    """An authorised POST with an empty body need not succeed (400 for a form is fine), only not be refused
    or fail."""
    refused = (table.LOGIN, table.DENIED, table.HIDDEN, table.GONE)
    return answer.outcome not in refused and answer.status < 500


def check_cell(visitors, who: str, url: str, method: str, expected: str) -> tuple[str, list[str]]:
    """The GET answer's outcome, and what differs from `expected` (for POST-only rows the POST too)."""
    problems = []
    expected_get, expected_post = expected.split("/") if "/" in expected else (expected, expected)
    got = visitors.ask(who, "get", url)
    if got.outcome != expected_get:
        problems.append(f"GET: expected {expected_get}, got {got}")
    if method == table.POST:
        posted = visitors.ask(who, "post", url)
        if expected_post == table.GONE and not accepted(posted):
            problems.append(f"POST: expected to be accepted (not 403/404/405, no 500), got {posted}")
        elif expected_post != table.GONE and posted.outcome != expected_post:
            problems.append(f"POST: expected {expected_post}, got {posted}")
    return got.outcome, problems


def row_source(name: str, scene: str, method: str, outcomes) -> str:
    """A row as it would be written in tests/access_matrix.py: the failure message shows what was seen."""
    return f'"{name}": ("{scene}", {method}, {", ".join(outcomes)}),'


# --- The tests --------------------------------------------------------------------------------------------


def test_access_matrix_has_a_row_for_every_url_pattern_and_no_other():
    patterns = [(name, route) for name, route in url_patterns() if not _is_admin(name, route)]
    names = {name for name, _route in patterns if name}

    assert [route for name, route in patterns if name is None] == [], "unnamed URL patterns cannot get a row"
    missing, gone = sorted(names - set(table.MATRIX)), sorted(set(table.MATRIX) - names)

    assert missing == [], f"URLs without a row in tests/access_matrix.py: {', '.join(missing)}"
    assert gone == [], f"rows in tests/access_matrix.py for URLs that do not exist: {', '.join(gone)}"


def test_access_matrix_rows_are_complete():
    bad = [
        name
        for name, (scene, method, *outcomes) in table.MATRIX.items()
        if scene not in SCENES or method not in (table.GET, table.POST) or len(outcomes) != len(table.ROLES)
    ]

    assert bad == []


def test_access_matrix_every_url_answers_every_role_as_written(cast):
    visitors, mismatches = Visitors(cast), []
    for name, (scene, method, *outcomes) in table.MATRIX.items():
        url = reverse(name, kwargs=SCENES[scene](cast))
        seen, row_problems = [], []
        for role, expected in zip(table.ROLES, outcomes, strict=True):
            outcome, problems = check_cell(visitors, role, url, method, expected)
            seen.append(outcome)
            row_problems += [f"{name} ({url}) as {role}: {problem}" for problem in problems]
        if row_problems:
            mismatches += [*row_problems, f"    GETs seen: {row_source(name, scene, method, seen)}"]

    assert mismatches == [], "\n".join(["the matrix does not hold:", *mismatches])


def test_access_matrix_object_level_cases_answer_as_written(cast):
    visitors, mismatches = Visitors(cast), []
    for (who, name, scene), expected in table.OBJECT_CASES.items():
        url = reverse(name, kwargs=SCENES[scene](cast))
        _outcome, problems = check_cell(visitors, who, url, table.GET, expected)
        mismatches += [f"{name} ({scene}, {url}) as {who}: {problem}" for problem in problems]

    assert mismatches == [], "\n".join(["the object-level cases do not hold:", *mismatches])


def test_access_matrix_admin_lets_in_only_the_beheerder(cast):
    """The admin as one group (tests/access_matrix.py): its index and every admin URL without arguments."""
    urls = [
        reverse(name)
        for name, route in url_patterns()
        if (name or "").startswith(f"{table.ADMIN_NAMESPACE}:")
        and "<" not in route
        and "(?P" not in route
        and name not in {"admin:login", "admin:logout"}  # the admin's own door
    ]
    admin_login = reverse("admin:login")
    visitors, wrong = Visitors(cast), []
    for url in urls:
        for role in table.ROLES:
            answer = visitors.ask(role, "get", url)
            if role == "beheerder":
                # In; a read-only model admin (audit entries, invitations) answers its add page with 403.
                read_only = url.endswith("/add/") or "autocomplete" in url
                expected_ok = answer.outcome in ((table.OK, table.DENIED) if read_only else (table.OK,))
            else:
                expected_ok = answer.outcome == table.REDIRECT and answer.detail.startswith(
                    f"302 {admin_login}"
                )
            if not expected_ok:
                wrong.append(f"{url} as {role}: {answer}")

    assert len(urls) > 10
    assert wrong == [], "\n".join(["the admin does not hold:", *wrong])


def test_access_matrix_docs_show_the_same_tables():
    doc = (Path(settings.BASE_DIR) / table.DOC).read_text()

    assert table.with_doc_section(doc) == doc, "docs/access.md differs: run `python -m tests.access_matrix`"
