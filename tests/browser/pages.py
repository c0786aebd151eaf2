"""Every page of the platform, for the browser check in test_pages.py: a new page joins with one line."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ondernemend.accounts.roles import Role
from ondernemend.districts.models import District
from tests.factories.accounts import InvitationFactory, SuperUserFactory, UserFactory
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory

BEHEERDER = "beheerder"  # the superuser, who has no group of its own
NO_ROLE = "zonder-rol"  # an account that has not been given a role yet
ERROR_URLCONF = "tests.browser.urls"


@dataclass(frozen=True)
class PageCase:
    """A page to check: a named URL (or a raw path), who is logged in, and what the page needs to exist."""

    id: str
    url_name: str | None = None
    kwargs: dict = field(default_factory=dict)
    path: str | None = None  # a raw path without language prefix, for pages without a name (404)
    login_as: str | None = None  # a Role, BEHEERDER, NO_ROLE, or None for a visitor who is not logged in
    # Creates what the page shows, given the logged-in user (or None); returns extra URL kwargs.
    setup: Callable | None = None
    status: int = 200
    urlconf: str | None = None  # a ROOT_URLCONF for this page only (the 500 page)


def make_user(login_as: str | None):
    if login_as is None:
        return None
    if login_as == BEHEERDER:
        return SuperUserFactory()
    if login_as == NO_ROLE:
        return UserFactory()
    return UserFactory(roles=[login_as])


def password_reset_link(user) -> dict:
    account = UserFactory()
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(account.pk)),
        "token": default_token_generator.make_token(account),
    }


def invitations_of_every_status(user) -> dict:
    for traits in [{}, {"accepted": True}, {"expired": True}, {"revoked": True}]:
        InvitationFactory(invited_by=user, **traits)
    return {}


def invitation_link(**traits) -> Callable:
    def setup(user) -> dict:
        return {"token": InvitationFactory(**traits).token}

    return setup


def invitation_for_existing_account(user) -> dict:
    return {"token": InvitationFactory(email=UserFactory(coach=True).email, role=Role.JURYLID).token}


def own_initiative(user) -> dict:
    return {"slug": InitiativeFactory(editors=[user]).slug}


def own_initiative_listed(user) -> dict:
    InitiativeFactory(editors=[user])
    return {}


def initiatives_and_contact_points(user) -> dict:
    InitiativeFactory.create_batch(2)
    ContactPointFactory()
    return {}


def an_initiative(user) -> dict:
    return {"slug": InitiativeFactory().slug}


def a_contact_point(user) -> dict:
    return {"slug": ContactPointFactory().slug}


def district_flyer_places(user) -> dict:
    noord = District.objects.get(slug="noord")
    InitiativeFactory.create_batch(3, district=noord, offers=["workshop", "werkplek"], phone="020 123 4567")
    InitiativeFactory(district=noord, name="Een buurtplek met een heel erg lange naam zonder afbreekpunten")
    ContactPointFactory(district=noord)
    return {"district": "noord"}


def map_places(user) -> dict:
    InitiativeFactory.create_batch(21, offers=["workshop"], languages=["nl", "ar"])
    ContactPointFactory.create_batch(2)
    return {}


def a_full_initiative(user) -> dict:
    initiative = InitiativeFactory(
        offers=["workshop", "werkplek"],
        audiences=["bijstand", "uwv"],
        languages=["nl", "tr"],
        trust_signals=["gratis", "geen-papieren", "binnenlopen"],
        email="hallo@example.org",
        phone="020 123 45 67",
        website="https://example.org/",
    )
    return {"slug": initiative.slug}


def workshop_series_in_agenda(user) -> dict:
    SeriesFactory(sessions=5, language="ar")
    full = SeriesFactory(sessions=3, capacity=1)
    RegistrationFactory(series=full)
    return {}


def a_workshop_series(user) -> dict:
    return {"slug": SeriesFactory(sessions=5).slug}


def workshop_series_to_manage(user) -> dict:
    SeriesFactory(sessions=2, certificate_min_sessions=4, coaches=[UserFactory(roles=[Role.COACH])])
    return {}


def workshop_series_with_sessions(user) -> dict:
    return {"slug": SeriesFactory(sessions=3).slug}


def _a_coached_series(user):
    import datetime

    from django.utils import timezone

    from tests.factories.workshops import AttendanceFactory, IntakeFactory
    from workshops.enums import AttendanceStatus, RegistrationStatus
    from workshops.models import Reflection

    start = timezone.now() - datetime.timedelta(weeks=1, hours=1)
    series = SeriesFactory(coaches=[user], sessions=4, sessions__start=start)
    first = series.sessions.get(number=1)
    for number, status in enumerate(
        [AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED]
    ):
        registration = RegistrationFactory(series=series, participant__display_name=f"Deelnemer {number + 1}")
        AttendanceFactory(session=first, registration=registration, status=status)
        if number:
            IntakeFactory(registration=registration, referral_wishes=["microkrediet"])
    RegistrationFactory(series=series, status=RegistrationStatus.WAITING)
    Reflection.objects.create(session=first, author=user, text="Goede eerste bijeenkomst.")
    InitiativeFactory(offers=["geld"])
    return series


def coached_series_listed(user) -> dict:
    _a_coached_series(user)
    return {}


def a_coached_series(user) -> dict:
    return {"slug": _a_coached_series(user).slug}


def a_coached_participant(user) -> dict:
    return {"pk": _a_coached_series(user).registrations.filter(intake__isnull=False).first().pk}


def a_coached_participant_without_intake(user) -> dict:
    return {"pk": _a_coached_series(user).registrations.filter(intake__isnull=True).first().pk}


def a_coached_session(user) -> dict:
    return {"pk": _a_coached_series(user).sessions.get(number=1).pk}


def _a_participant_with_a_record():
    """A participant with an intake, attendance, a private certificate, a consent and reads in the log."""
    import datetime

    from django.utils import timezone

    from tests.factories.workshops import AttendanceFactory, CertificateFactory, IntakeFactory
    from workshops.access import log_access
    from workshops.enums import AccessAction, AttendanceStatus, ContactChannel
    from workshops.models import ConsentRecord

    start = timezone.now() - datetime.timedelta(weeks=3)
    coach = UserFactory(roles=[Role.COACH])
    series = SeriesFactory(coaches=[coach], sessions=3, sessions__start=start, certificate_min_sessions=2)
    registration = RegistrationFactory(series=series, participant__display_name="Samira")
    IntakeFactory(
        registration=registration, referral_wishes=["microkrediet"], practical_needs=["kinderopvang"]
    )
    for session, status in zip(series.sessions.order_by("number"), AttendanceStatus, strict=False):
        AttendanceFactory(session=session, registration=registration, status=status)
    CertificateFactory(registration=registration, issued_by=coach)
    participant = registration.participant
    ConsentRecord.objects.create(
        participant=participant, text_version="1", language="nl", given_via=ContactChannel.SELF_SIGNUP
    )
    log_access(participant, user=coach, action=AccessAction.VIEW)
    log_access(participant, user=coach, action=AccessAction.EXPORT)
    return registration


def own_record_link(user) -> dict:
    from workshops.tokens import make_token

    return {"token": make_token(_a_participant_with_a_record().participant)}


def a_public_certificate(user) -> dict:
    from django.core.cache import cache

    from tests.factories.workshops import CertificateFactory

    cache.clear()  # verification is rate-limited per sender, and every test here comes from 127.0.0.1
    return {"code": CertificateFactory(public=True, registration__participant__display_name="Samira").code}


def an_unknown_certificate_code(user) -> dict:
    from django.core.cache import cache

    cache.clear()
    return {"code": "0000-0000-0000"}


def a_coached_participant_who_met_the_rule(user) -> dict:
    import datetime

    from django.utils import timezone

    from tests.factories.workshops import AttendanceFactory, IntakeFactory

    start = timezone.now() - datetime.timedelta(weeks=3)
    series = SeriesFactory(coaches=[user], sessions=4, sessions__start=start, certificate_min_sessions=3)
    registration = RegistrationFactory(series=series, participant__display_name="Samira")
    IntakeFactory(registration=registration)
    for session in series.sessions.filter(number__lte=3):
        AttendanceFactory(session=session, registration=registration)
    return {"pk": registration.pk}


def a_registration(user) -> dict:
    return {"pk": RegistrationFactory(participant__display_name="Samira").pk}


PAGES = [
    PageCase("home", "pages:home"),
    PageCase("accessibility-statement", "pages:accessibility"),
    PageCase("privacy-statement", "pages:privacy"),
    PageCase("login", "accounts:login"),
    PageCase("password-reset", "accounts:password_reset"),
    PageCase("password-reset-sent", "accounts:password_reset_done"),
    PageCase("password-reset-new-password", "accounts:password_reset_confirm", setup=password_reset_link),
    PageCase("password-reset-complete", "accounts:password_reset_complete"),
    *[PageCase(f"dashboard-{role}", "accounts:dashboard", login_as=role) for role in Role],
    PageCase("dashboard-beheerder", "accounts:dashboard", login_as=BEHEERDER),
    PageCase("dashboard-without-role", "accounts:dashboard", login_as=NO_ROLE),
    PageCase("invite", "accounts:invite", login_as=Role.COORDINATOR, setup=invitations_of_every_status),
    PageCase("accept-invitation", "accounts:accept_invitation", setup=invitation_link()),
    PageCase(
        "accept-invitation-existing-account",
        "accounts:accept_invitation",
        setup=invitation_for_existing_account,
    ),
    PageCase(
        "invitation-used", "accounts:accept_invitation", setup=invitation_link(accepted=True), status=410
    ),
    PageCase(
        "invitation-expired", "accounts:accept_invitation", setup=invitation_link(expired=True), status=410
    ),
    PageCase(
        "initiatives-manage-own",
        "initiatives:manage",
        login_as=Role.INITIATIEFNEMER,
        setup=own_initiative_listed,
    ),
    PageCase(
        "initiatives-manage-all",
        "initiatives:manage",
        login_as=Role.COORDINATOR,
        setup=initiatives_and_contact_points,
    ),
    PageCase("initiatives-edit", "initiatives:edit", login_as=Role.INITIATIEFNEMER, setup=own_initiative),
    PageCase("initiatives-create", "initiatives:create", login_as=Role.COORDINATOR),
    PageCase("initiatives-contactpoint-create", "initiatives:contactpoint_create", login_as=Role.COORDINATOR),
    PageCase(
        "initiatives-contactpoint-edit",
        "initiatives:contactpoint_edit",
        login_as=Role.COORDINATOR,
        setup=a_contact_point,
    ),
    PageCase("initiatives-report", "initiatives:report", setup=an_initiative),
    PageCase("error-403", "accounts:invite", login_as=Role.GEMEENTE, status=403),
    PageCase("error-404", path="/deze-pagina-bestaat-niet/", status=404),
    PageCase("error-500", "raise_error", urlconf=ERROR_URLCONF, status=500),
    PageCase("map-flyer", "initiatives:flyer", setup=district_flyer_places),
    PageCase("map-import", "initiatives:import_csv", login_as=Role.COORDINATOR),
    PageCase("map", "initiatives:index", setup=map_places),
    PageCase("map-initiative-detail", "initiatives:detail", setup=a_full_initiative),
    PageCase("map-contactpoint-detail", "initiatives:contactpoint_detail", setup=a_contact_point),
    PageCase("workshops-agenda", "workshops:agenda", setup=workshop_series_in_agenda),
    PageCase("workshops-series", "workshops:series", setup=a_workshop_series),
    PageCase("workshops-signup", "workshops:signup", setup=a_workshop_series),
    PageCase(
        "workshops-manage", "workshops:manage", login_as=Role.COORDINATOR, setup=workshop_series_to_manage
    ),
    PageCase("workshops-series-create", "workshops:series_create", login_as=Role.COORDINATOR),
    PageCase(
        "workshops-sessions",
        "workshops:sessions",
        login_as=Role.COORDINATOR,
        setup=workshop_series_with_sessions,
    ),
    PageCase(
        "workshops-coach-home", "workshops:coach_home", login_as=Role.COACH, setup=coached_series_listed
    ),
    PageCase("workshops-coach-series", "workshops:coach_series", login_as=Role.COACH, setup=a_coached_series),
    PageCase(
        "workshops-participant", "workshops:participant", login_as=Role.COACH, setup=a_coached_participant
    ),
    PageCase("workshops-intake", "workshops:intake", login_as=Role.COACH, setup=a_coached_participant),
    PageCase(
        "workshops-intake-new",
        "workshops:intake",
        login_as=Role.COACH,
        setup=a_coached_participant_without_intake,
    ),
    PageCase("workshops-attendance", "workshops:attendance", login_as=Role.COACH, setup=a_coached_session),
    PageCase("workshops-reflections", "workshops:reflections", login_as=Role.COACH, setup=a_coached_session),
    PageCase("workshops-my-record", "workshops:my_record", setup=own_record_link),
    PageCase("workshops-my-record-erase", "workshops:my_record_erase", setup=own_record_link),
    PageCase("workshops-own-record-without-link", "workshops:own_record", status=403),
    PageCase("workshops-verify-form", "workshops:verify_form"),
    PageCase("challenge-index", "challenge:index"),
    PageCase("workshops-verify-public", "workshops:verify", setup=a_public_certificate),
    PageCase("workshops-verify-unknown", "workshops:verify", setup=an_unknown_certificate_code, status=404),
    PageCase(
        "workshops-issue-certificate",
        "workshops:issue_certificate",
        login_as=Role.COACH,
        setup=a_coached_participant_who_met_the_rule,
    ),
    PageCase(
        "workshops-reasoned-access",
        "workshops:reasoned_access",
        login_as=Role.COORDINATOR,
        setup=a_registration,
    ),
]
