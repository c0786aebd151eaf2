"""The privacy firewall as a matrix: every participant-level page × every role (issue 4, point 6).

Denied means 403 or 404 — both keep the participant hidden — and the page never shows the participant's name.
"""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories.accounts import SuperUserFactory, UserFactory
from tests.factories.workshops import (
    CertificateFactory,
    ParticipantFactory,
    RegistrationFactory,
    SeriesFactory,
)

pytestmark = pytest.mark.django_db

LOGIN, DENIED, OK, REASON = "login", "denied", "ok", "reason first"
ROLES = [
    "anonymous",
    "gemeente",
    "initiatiefnemer",
    "jurylid",
    "coach_of_another_series",
    "coach",
    "coordinator",
    "beheerder",
]
# URL name → what the object is (registration, session or series) and who may open it besides the coach.
PAGES = {
    "participant": ("registration", set()),
    "intake": ("registration", set()),
    "attendance": ("session", set()),
    "reflections": ("session", set()),
    "coach_series": ("series", set()),
    "issue_certificate": ("registration", {"coordinator", "beheerder"}),
    "revoke_certificate": ("registration", {"coordinator", "beheerder"}),
    "certificate_pdf": ("registration", {"coordinator", "beheerder"}),
    "reasoned_access": ("registration", {"coordinator", "beheerder"}),
}
COACH_ONLY_NOT = {"reasoned_access"}  # a coach opens records through the coach pages, never by reason
# Pages on one participant that others than the coach (coördinators) open only after giving a reason.
REASON_FIRST = {"issue_certificate", "revoke_certificate", "certificate_pdf"}
# Pages that show the participant by name on GET (reflections are per session; reasoned access asks first).
NAME_SHOWN = {
    "participant",
    "intake",
    "attendance",
    "coach_series",
    "issue_certificate",
    "revoke_certificate",
}


def expected(url_name: str, role: str) -> str:
    if role == "anonymous":
        return LOGIN
    _kind, others = PAGES[url_name]
    if role == "coach" and url_name not in COACH_ONLY_NOT:
        return OK
    if role in others and url_name in REASON_FIRST:
        return REASON
    return OK if role in others else DENIED


def make_user(role: str):
    if role == "anonymous":
        return None
    if role == "beheerder":
        return SuperUserFactory()
    if role == "coach_of_another_series":
        user = UserFactory(coach=True)
        SeriesFactory(coaches=[user], sessions=1)
        return user
    return UserFactory(**{role: True})


@pytest.fixture
def world():
    coach = UserFactory(coach=True)
    series = SeriesFactory(coaches=[coach], sessions=2)
    participant = ParticipantFactory(display_name="Geheime-Deelnemer")
    registration = RegistrationFactory(participant=participant, series=series)
    CertificateFactory(registration=registration)
    return {
        "coach": coach,
        "registration": registration,
        "session": series.sessions.first(),
        "series": series,
    }


def url_for(url_name: str, world) -> str:
    kind, _others = PAGES[url_name]
    obj = world[kind]
    kwargs = {"slug": obj.slug} if kind == "series" else {"pk": obj.pk}
    return reverse(f"workshops:{url_name}", kwargs=kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", list(PAGES))
def test_firewall(client, world, url_name, role):
    user = world["coach"] if role == "coach" else make_user(role)
    if user is not None:
        client.force_login(user)

    response = client.get(url_for(url_name, world))

    outcome = expected(url_name, role)
    if outcome == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse(settings.LOGIN_URL))
    elif outcome == REASON:
        assert response.status_code == 302
        reason_step = url_for("reasoned_access", world)
        assert response["Location"] == f"{reason_step}?{urlencode({'next': url_for(url_name, world)})}"
    elif outcome == DENIED:
        assert response.status_code in (403, 404)
        assert "Geheime-Deelnemer" not in response.content.decode()
    else:
        assert response.status_code == 200
        if url_name == "certificate_pdf":
            assert response.content.startswith(b"%PDF-")
        elif url_name in NAME_SHOWN:
            assert "Geheime-Deelnemer" in response.content.decode()
