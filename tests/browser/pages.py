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
    second_factor: bool = True  # False: the session has passed only the password (the second-factor steps)


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


def _a_call_with_rubric_and_faq(phase="open"):
    from challenge.enums import Phase
    from tests.factories.challenge import ChallengeFactory, CriterionFactory, FaqEntryFactory

    challenge = ChallengeFactory(phase=Phase(phase), title="Buurtplannen")
    for name in ("Haalbaarheid", "Bereik in de buurt", "Een heel erg lang criterium zonder afbreekpunten"):
        CriterionFactory(challenge=challenge, name=name, with_levels=True)
    FaqEntryFactory.create_batch(2, challenge=challenge)
    return challenge


def public_calls_of_every_phase(user) -> dict:
    for phase in ("open", "review", "published"):
        _a_call_with_rubric_and_faq(phase)
    return {}


def an_open_call(user) -> dict:
    return {"slug": _a_call_with_rubric_and_faq().slug}


def published_results(user) -> dict:
    from django.utils import timezone

    from challenge.enums import Outcome
    from tests.factories.challenge import DecisionFactory, ProposalFactory

    challenge = _a_call_with_rubric_and_faq("published")
    for amount, outcome in ((4000, Outcome.AWARD), (2500, Outcome.AWARD), (0, Outcome.REJECT)):
        proposal = ProposalFactory(challenge=challenge, submitted=True, amounts=[amount or 3000])
        DecisionFactory(proposal=proposal, outcome=outcome, amount=amount, published_at=timezone.now())
    return {"slug": challenge.slug}


def calls_to_manage(user) -> dict:
    from challenge.enums import Phase
    from tests.factories.challenge import ChallengeFactory

    ChallengeFactory(phase=Phase.DRAFT)
    _a_call_with_rubric_and_faq()
    return {}


def a_draft_call(user) -> dict:
    from challenge.enums import Phase

    return {"slug": _a_call_with_rubric_and_faq(Phase.DRAFT).slug}


def a_call_with_a_divided_jury(user) -> dict:
    from challenge.enums import Phase
    from challenge.services.jury import assign_jurors
    from tests.factories.challenge import ConflictFactory, JuryMemberFactory, ProposalFactory

    challenge = _a_call_with_rubric_and_faq(Phase.REVIEW)
    members = JuryMemberFactory.create_batch(3, challenge=challenge)
    proposals = ProposalFactory.create_batch(3, challenge=challenge, submitted=True)
    ConflictFactory(member=members[0], proposal=proposals[0], note="Zelfde bestuur")
    UserFactory(roles=[Role.JURYLID], name="Nog geen jurylid")
    assign_jurors(challenge, by=user)
    return {"slug": challenge.slug}


def _a_juror_assignment(user, *, others_submitted: bool, own_submitted: bool):
    """A call in review with a two-criterion rubric; `user` is assigned one proposal with a budget and a
    question, and another juror has submitted a review of it."""
    from challenge.enums import Phase
    from tests.factories.challenge import (
        AssignmentFactory,
        ChallengeFactory,
        CriterionFactory,
        JuryMemberFactory,
        ProposalFactory,
        QuestionFactory,
        ReviewFactory,
    )

    challenge = ChallengeFactory(phase=Phase.REVIEW)
    criteria = [CriterionFactory(challenge=challenge, with_levels=True) for _ in range(2)]
    member = JuryMemberFactory(challenge=challenge, user=user)
    proposal = ProposalFactory(challenge=challenge, submitted=True, amounts=[1200, 350])
    ProposalFactory(challenge=challenge, submitted=True)  # one to check for a conflict
    assignment = AssignmentFactory(member=member, proposal=proposal)
    QuestionFactory(proposal=proposal, asked_by=member, answer="Tien buren doen mee.")
    colleague = AssignmentFactory(member=JuryMemberFactory(challenge=challenge), proposal=proposal)
    scores = {criteria[0]: 4, criteria[1]: 2}
    ReviewFactory(assignment=colleague, submitted=others_submitted, scores=scores)
    ReviewFactory(assignment=assignment, submitted=own_submitted, scores=scores)
    return challenge, proposal


def jury_calls(user) -> dict:
    _a_juror_assignment(user, others_submitted=True, own_submitted=False)
    return {}


def jury_work_of_a_call(user) -> dict:
    challenge, _ = _a_juror_assignment(user, others_submitted=True, own_submitted=False)
    return {"slug": challenge.slug}


def a_proposal_to_declare_a_conflict_with(user) -> dict:
    challenge, proposal = _a_juror_assignment(user, others_submitted=False, own_submitted=False)
    return {"slug": challenge.slug, "pk": challenge.proposals.exclude(pk=proposal.pk).get().pk}


def a_review_to_write(user) -> dict:
    _, proposal = _a_juror_assignment(user, others_submitted=True, own_submitted=False)
    return {"pk": proposal.pk}


def a_submitted_review_with_others(user) -> dict:
    _, proposal = _a_juror_assignment(user, others_submitted=True, own_submitted=True)
    return {"pk": proposal.pk}


def _a_call_in_deliberation(*, decided: bool):
    """A call in deliberation: six proposals, each scored by the same five jurors (so the normalised view is
    shown); the first has a pending decision, or every proposal has one when `decided`."""
    from decimal import Decimal

    from challenge.enums import Outcome, Phase
    from tests.factories.challenge import (
        AssignmentFactory,
        ChallengeFactory,
        CriterionFactory,
        DecisionFactory,
        JuryMemberFactory,
        ProposalFactory,
        ReviewFactory,
    )

    challenge = ChallengeFactory(phase=Phase.DELIBERATION, total_budget=Decimal("6000"))
    criteria = [CriterionFactory(challenge=challenge, with_levels=True) for _ in range(2)]
    members = JuryMemberFactory.create_batch(5, challenge=challenge)
    proposals = ProposalFactory.create_batch(6, challenge=challenge, submitted=True, amounts=[1500])
    for number, proposal in enumerate(proposals):
        for juror, member in enumerate(members):
            scores = {criteria[0]: 1 + (number + juror) % 5, criteria[1]: 1 + (2 * number + juror) % 5}
            ReviewFactory(
                assignment=AssignmentFactory(proposal=proposal, member=member), submitted=True, scores=scores
            )
    for proposal in proposals if decided else proposals[:1]:
        DecisionFactory(proposal=proposal, amount=Decimal("1500"), outcome=Outcome.AWARD)
    return challenge, proposals


def a_call_in_deliberation(user) -> dict:
    challenge, _ = _a_call_in_deliberation(decided=False)
    return {"slug": challenge.slug}


def a_proposal_to_decide(user) -> dict:
    challenge, proposals = _a_call_in_deliberation(decided=False)
    return {"slug": challenge.slug, "pk": proposals[0].pk}


def a_call_with_every_decision(user) -> dict:
    challenge, _ = _a_call_in_deliberation(decided=True)
    return {"slug": challenge.slug}


# --- The applicant's pages (challenge/views/apply.py) ---------------------------------------------------


def _own_proposal(user, phase="open", amounts=(1200, 350), **traits):
    from challenge.enums import Phase
    from tests.factories.challenge import ChallengeFactory, ProposalFactory

    challenge = ChallengeFactory(phase=Phase(phase), title="Buurtplannen")
    return ProposalFactory(
        challenge=challenge, editor=user, title="Naaicafé", amounts=list(amounts), **traits
    )


def own_proposals_of_every_phase(user) -> dict:
    from challenge.enums import Outcome
    from tests.factories.challenge import DecisionFactory

    _own_proposal(user)
    _own_proposal(user, "review", submitted=True)
    published = _own_proposal(user, "published", submitted=True)
    DecisionFactory(proposal=published, outcome=Outcome.AWARD, published_at=published.challenge.published_at)
    return {}


def an_open_call_for_own_initiative(user) -> dict:
    from tests.factories.challenge import ChallengeFactory

    InitiativeFactory(editors=[user], name="Buurthuis De Boog")
    InitiativeFactory(editors=[user], name="Naaiatelier Noord")
    return {"slug": ChallengeFactory(title="Buurtplannen").slug}


def own_draft(user) -> dict:
    return {"pk": _own_proposal(user, amounts=[4200, 1350]).pk}


def own_submitted_proposal(user) -> dict:
    return {"pk": _own_proposal(user, submitted=True).pk}


def own_proposal_with_questions(user) -> dict:
    from django.utils import timezone

    from tests.factories.challenge import QuestionFactory

    proposal = _own_proposal(user, "review", submitted=True)
    QuestionFactory(proposal=proposal, answer="Buren uit de straat.", answered_at=timezone.now())
    question = QuestionFactory(proposal=proposal, text="Hoeveel uur per week is het naaicafé open?")
    return {"pk": proposal.pk, "question_pk": question.pk}


def own_proposal_with_a_question(user) -> dict:
    kwargs = own_proposal_with_questions(user)
    return {"pk": kwargs["pk"]}


def own_feedback(user) -> dict:
    from challenge.enums import Outcome
    from tests.factories.challenge import (
        AssignmentFactory,
        CriterionFactory,
        DecisionFactory,
        JuryMemberFactory,
        ReviewFactory,
    )

    proposal = _own_proposal(user, "published", submitted=True)
    challenge = proposal.challenge
    criteria = [CriterionFactory(challenge=challenge, with_levels=True) for _ in range(2)]
    for scores in ([4, 3], [5, 4]):
        assignment = AssignmentFactory(member=JuryMemberFactory(challenge=challenge), proposal=proposal)
        ReviewFactory(assignment=assignment, submitted=True, scores=dict(zip(criteria, scores, strict=True)))
    DecisionFactory(
        proposal=proposal,
        outcome=Outcome.AWARD,
        amount=proposal.budget_lines.first().amount,
        published_at=challenge.published_at,
    )
    return {"pk": proposal.pk}


def a_network_with_workshops(user) -> dict:
    """Partnerships, an initiative without a partner and a series with a handful of sign-ups ("<10")."""
    from tests.factories.initiatives import PartnershipFactory

    oost = District.objects.get(slug="oost")
    partner = ContactPointFactory(district=oost)
    for initiative in (InitiativeFactory(district=oost), InitiativeFactory()):
        PartnershipFactory(initiative=initiative, contact_point=partner)
    series = SeriesFactory(initiative=InitiativeFactory(district=oost))
    for _index in range(3):
        RegistrationFactory(series=series)
    return {}


def a_closed_quarter(user) -> dict:
    from django.utils import timezone

    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    return {"period": f"{today.year}-Q{quarter - 1}" if quarter > 1 else f"{today.year - 1}-Q4"}


def an_app_set_up(user) -> dict:
    from tests.ondernemend.accounts.second_factor.helpers import set_up_app

    set_up_app(user)
    return {}


def a_coach_with_an_app(user) -> dict:
    from tests.ondernemend.accounts.second_factor.helpers import set_up_app

    coach = UserFactory(roles=[Role.COACH], name="Chris Coach")
    set_up_app(coach)
    return {"pk": coach.pk}


def coaches_with_and_without_an_app(user) -> dict:
    a_coach_with_an_app(user)
    UserFactory(roles=[Role.JURYLID], name="Een jurylid met een heel erg lange naam zonder afbreekpunten")
    return {}


def audit_entries(user) -> dict:
    """Changes to a series and a participant, and a reasoned read: the trail's three kinds of rows."""
    from ondernemend.audit.services import record_change
    from workshops.access import log_access
    from workshops.enums import AccessAction

    coach = UserFactory(roles=[Role.COACH])
    registration = RegistrationFactory(series=SeriesFactory(coaches=[coach], sessions=2))
    record_change(
        by=coach, action="series.updated", target=registration.series, changes={"capacity": [10, 12]}
    )
    record_change(
        by=coach, action="participant.updated", target=registration.participant, changes={"phone": [1, 2]}
    )
    log_access(
        registration.participant, user=user, action=AccessAction.VIEW, reason="Vraag over het certificaat"
    )
    return {}


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
    PageCase("second-factor-setup", "accounts:second_factor_setup", login_as=Role.COACH, second_factor=False),
    PageCase(
        "second-factor-verify",
        "accounts:second_factor_verify",
        login_as=Role.COACH,
        setup=an_app_set_up,
        second_factor=False,
    ),
    PageCase("second-factor-recovery-codes", "accounts:second_factor_recovery_codes", login_as=Role.COACH),
    PageCase("second-factor-manage", "accounts:second_factor", login_as=Role.COACH, setup=an_app_set_up),
    PageCase(
        "second-factor-people",
        "accounts:second_factor_people",
        login_as=Role.COORDINATOR,
        setup=coaches_with_and_without_an_app,
    ),
    PageCase(
        "second-factor-reset",
        "accounts:second_factor_reset",
        login_as=Role.COORDINATOR,
        setup=a_coach_with_an_app,
    ),
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
    PageCase("error-400", "raise_bad_request", urlconf=ERROR_URLCONF, status=400),
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
    PageCase("challenge-index-calls", "challenge:index", setup=public_calls_of_every_phase),
    PageCase("challenge-detail", "challenge:detail", setup=an_open_call),
    PageCase("challenge-results", "challenge:results", setup=published_results),
    PageCase("challenge-manage", "challenge:manage", login_as=Role.COORDINATOR, setup=calls_to_manage),
    PageCase("challenge-manage-create", "challenge:manage_create", login_as=Role.COORDINATOR),
    PageCase("challenge-manage-edit", "challenge:manage_edit", login_as=Role.COORDINATOR, setup=a_draft_call),
    PageCase(
        "challenge-manage-rubric", "challenge:manage_rubric", login_as=Role.COORDINATOR, setup=a_draft_call
    ),
    PageCase("challenge-manage-faq", "challenge:manage_faq", login_as=Role.COORDINATOR, setup=a_draft_call),
    PageCase(
        "challenge-manage-jury",
        "challenge:manage_jury",
        login_as=Role.COORDINATOR,
        setup=a_call_with_a_divided_jury,
    ),
    PageCase("challenge-jury-home", "challenge:jury_home", login_as=Role.JURYLID, setup=jury_calls),
    PageCase("challenge-jury-work", "challenge:jury_work", login_as=Role.JURYLID, setup=jury_work_of_a_call),
    PageCase(
        "challenge-declare-conflict",
        "challenge:declare_conflict",
        login_as=Role.JURYLID,
        setup=a_proposal_to_declare_a_conflict_with,
    ),
    PageCase("challenge-review", "challenge:review", login_as=Role.JURYLID, setup=a_review_to_write),
    PageCase(
        "challenge-review-submitted",
        "challenge:review",
        login_as=Role.JURYLID,
        setup=a_submitted_review_with_others,
    ),
    PageCase(
        "challenge-deliberation",
        "challenge:deliberation",
        login_as=Role.COORDINATOR,
        setup=a_call_in_deliberation,
    ),
    PageCase("challenge-decide", "challenge:decide", login_as=Role.COORDINATOR, setup=a_proposal_to_decide),
    PageCase(
        "challenge-publish", "challenge:publish", login_as=Role.COORDINATOR, setup=a_call_with_every_decision
    ),
    PageCase(
        "challenge-my-proposals",
        "challenge:my_proposals",
        login_as=Role.INITIATIEFNEMER,
        setup=own_proposals_of_every_phase,
    ),
    PageCase(
        "challenge-proposal-create",
        "challenge:proposal_create",
        login_as=Role.INITIATIEFNEMER,
        setup=an_open_call_for_own_initiative,
    ),
    PageCase("challenge-proposal", "challenge:proposal", login_as=Role.INITIATIEFNEMER, setup=own_draft),
    PageCase(
        "challenge-proposal-edit", "challenge:proposal_edit", login_as=Role.INITIATIEFNEMER, setup=own_draft
    ),
    PageCase(
        "challenge-proposal-attachments",
        "challenge:proposal_attachments",
        login_as=Role.INITIATIEFNEMER,
        setup=own_draft,
    ),
    PageCase(
        "challenge-proposal-submit",
        "challenge:proposal_submit",
        login_as=Role.INITIATIEFNEMER,
        setup=own_draft,
    ),
    PageCase(
        "challenge-proposal-withdraw",
        "challenge:proposal_withdraw",
        login_as=Role.INITIATIEFNEMER,
        setup=own_submitted_proposal,
    ),
    PageCase(
        "challenge-proposal-questions",
        "challenge:proposal",
        login_as=Role.INITIATIEFNEMER,
        setup=own_proposal_with_a_question,
    ),
    PageCase(
        "challenge-proposal-answer",
        "challenge:proposal_answer",
        login_as=Role.INITIATIEFNEMER,
        setup=own_proposal_with_questions,
    ),
    PageCase(
        "challenge-proposal-feedback",
        "challenge:proposal_feedback",
        login_as=Role.INITIATIEFNEMER,
        setup=own_feedback,
    ),
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
    PageCase("overview-gemeente", "overview:index", login_as=Role.GEMEENTE, setup=a_network_with_workshops),
    PageCase(
        "overview-coordinator", "overview:index", login_as=Role.COORDINATOR, setup=a_network_with_workshops
    ),
    PageCase("overview-freeze", "overview:freeze", login_as=Role.COORDINATOR, setup=a_closed_quarter),
    PageCase("audit-trail", "audit:trail", login_as=Role.COORDINATOR, setup=audit_entries),
]
