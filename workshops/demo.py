"""Demo content for the workshops: four series at the map's demo initiatives in four districts.

A series is found by its stable slug; one that exists already is skipped whole, so running `seed_demo` twice
creates nothing new. Each series is made in one transaction from a random generator seeded by its slug, so a
run makes the same people, intakes and attendance every time (dates are relative to the day of the first run).
Everything is fictional: nicknames, @example.org addresses, no BSN, no date of birth.
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from initiatives.demo import initiative_specs
from initiatives.demo_words import DISTRICT_CYCLE, DISTRICTS
from initiatives.models import Initiative
from ondernemend.accounts.models import User
from ondernemend.districts.models import District
from ondernemend.languages import Language

from .demo_words import ACCESS_REASONS, EXPERIENCE, GOALS, IDEAS, NICKNAMES, REFLECTIONS, SESSIONS
from .enums import (
    ATTENDED_STATUSES,
    AccessAction,
    AgeBand,
    AttendanceStatus,
    ContactChannel,
    DigitalSkills,
    DutchLevel,
    IdeaStage,
    IncomeSituation,
    LearningPreference,
    PracticalNeed,
    ReferralWish,
    RegistrationStatus,
)
from .models import (
    AccessLogEntry,
    Attendance,
    Certificate,
    ConsentRecord,
    Intake,
    Participant,
    Reflection,
    Registration,
    Series,
    Session,
)

DEMO_COACH_EMAIL = "coach@example.org"
CONSENT_TEXT_VERSION = "2026-11"
CAPACITY = 12
CERTIFICATE_MIN_SESSIONS = 4
PUBLIC_CERTIFICATES = 2  # the first certificates of the finished series are verifiable by others
NOT_YET_ISSUED = 2  # the last two of the finished series wait for theirs: the coach can try issuing one
PARTICIPANT_LANGUAGES = [Language.NL] * 6 + [Language.EN, Language.AR, Language.TR, Language.PAP, Language.UK]
ATTENDANCE_WEIGHTS = {
    AttendanceStatus.PRESENT: 78,
    AttendanceStatus.LATE: 9,
    AttendanceStatus.EXCUSED: 7,
    AttendanceStatus.ABSENT: 6,
}


@dataclass(frozen=True)
class DemoSeries:
    district: str
    first_session_in_days: int  # negative: the series started before the first run
    confirmed: int
    waiting: int
    coached_by_demo_coach: bool
    language: str = Language.NL
    cancelled_session: int | None = None
    evening: bool = False

    @property
    def slug(self) -> str:
        return f"demo-reeks-{self.district}"


DEMO_SERIES = [
    # The last one has no coach: unpublished, so the coördinator sees the warning about it.
    DemoSeries("nieuw-west", -38, confirmed=10, waiting=0, coached_by_demo_coach=True),  # finished
    DemoSeries("oost", -16, 12, 3, coached_by_demo_coach=True, cancelled_session=2, evening=True),  # running
    DemoSeries("noord", 10, 8, 0, coached_by_demo_coach=True),  # starts soon
    DemoSeries("zuidoost", -9, 10, 1, coached_by_demo_coach=False, language=Language.EN),
]


def seed_workshops(*, stdout=None) -> dict[str, int]:
    """Create the demo series that do not exist yet (with everything in them); returns what was created."""
    created = dict.fromkeys(["workshop_series", "participants", "certificates"], 0)
    existing = set(
        Series.objects.filter(slug__in=[s.slug for s in DEMO_SERIES]).values_list("slug", flat=True)
    )
    missing = [spec for spec in DEMO_SERIES if spec.slug not in existing]
    if not missing:
        return created
    initiatives = _initiative_per_district()
    districts = {district.slug: district for district in District.objects.all()}
    coach = User.objects.filter(email=DEMO_COACH_EMAIL).first()
    codes = set(Certificate.objects.values_list("code", flat=True))
    for spec in missing:
        initiative = initiatives.get(spec.district)
        if initiative is None:  # seed_demo --initiatives 0: no place to hold the series
            continue
        position = DEMO_SERIES.index(spec)
        participants, certificates = _seed_series(spec, position, initiative, districts, coach, codes)
        created["workshop_series"] += 1
        created["participants"] += participants
        created["certificates"] += certificates
    if stdout is not None and created["workshop_series"]:
        stdout.write(
            _("%(count)s demo workshop series created") % {"count": created["workshop_series"]} + "\n"
        )
    return created


def _initiative_per_district() -> dict[str, Initiative]:
    """The map's first demo initiative in each district (the same one on every run)."""
    first_slugs: dict[str, str] = {}
    for spec in initiative_specs(len(DISTRICT_CYCLE)):
        first_slugs.setdefault(spec.district.slug, spec.slug)
    by_slug = Initiative.objects.select_related("district").in_bulk(first_slugs.values(), field_name="slug")
    return {district: by_slug[slug] for district, slug in first_slugs.items() if slug in by_slug}


@transaction.atomic
def _seed_series(spec, position, initiative, districts, coach, codes) -> tuple[int, int]:
    rng = random.Random(f"demo-workshops-{spec.slug}")
    now = timezone.now()
    series = Series.objects.create(
        initiative=initiative,
        title="Is ondernemen wat voor mij?" + (" (in English)" if spec.language == Language.EN else ""),
        slug=spec.slug,
        introduction=(
            f"Vijf keer samen ontdekken of ondernemen iets voor jou is, bij {initiative.name}. "
            "Je hoeft nog geen idee te hebben. Meedoen is gratis."
        ),
        language=spec.language,
        place=rng.choice(
            ["De grote zaal, begane grond.", "Zaal 2, eerste verdieping.", "De keuken achterin."]
        ),
        capacity=CAPACITY,
        certificate_min_sessions=CERTIFICATE_MIN_SESSIONS,
        # Only a series with a coach can be published; the one without shows the coördinator's warning.
        published=spec.coached_by_demo_coach and coach is not None,
        created_at=now + timedelta(days=spec.first_session_in_days - 45),
    )
    if spec.coached_by_demo_coach and coach is not None:
        series.coaches.add(coach)
    recorder = coach if spec.coached_by_demo_coach else None
    sessions = _create_sessions(series, spec, now)
    registrations = _create_registrations(series, spec, position, districts, rng, sessions[0].starts_at)
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    _create_intakes(confirmed, rng, recorder)
    past = [session for session in sessions if session.ends_at < now and not session.cancelled]
    attended = _create_attendance(past, confirmed, rng, recorder)
    Reflection.objects.bulk_create(
        Reflection(session=session, author=recorder, text=rng.choice(REFLECTIONS), created_at=session.ends_at)
        for session in past
        if recorder is not None
    )
    certificates = 0
    if len(past) == len([s for s in sessions if not s.cancelled]):  # the series is over
        certificates = _create_certificates(confirmed, attended, rng, recorder, past[-1].ends_at, codes)
    if recorder is not None:
        _create_access_log(confirmed, rng, recorder)
    return len(registrations), certificates


def _create_sessions(series, spec, now) -> list[Session]:
    start_day = timezone.localdate(now) + timedelta(days=spec.first_session_in_days)
    hour = time(19, 0) if spec.evening else time(10, 0)
    return Session.objects.bulk_create(
        Session(
            series=series,
            number=number,
            starts_at=timezone.make_aware(datetime.combine(start_day + timedelta(weeks=number - 1), hour)),
            duration_minutes=120,
            topic=topic,
            what_to_expect=what_to_expect,
            what_to_bring=what_to_bring,
            pictogram=pictogram,
            cancelled=number == spec.cancelled_session,
        )
        for number, (topic, what_to_expect, what_to_bring, pictogram) in enumerate(SESSIONS, start=1)
    )


def _create_registrations(series, spec, position, districts, rng, first_start) -> list[Registration]:
    first_name = sum(s.confirmed + s.waiting for s in DEMO_SERIES[:position])
    count = spec.confirmed + spec.waiting
    people = [
        _participant(NICKNAMES[(first_name + i) % len(NICKNAMES)], spec, districts, rng) for i in range(count)
    ]
    for person in people:
        person.created_at = person.last_activity_at = first_start - timedelta(days=rng.randint(5, 40))
    people = Participant.objects.bulk_create(people)
    registrations = Registration.objects.bulk_create(
        Registration(
            participant=person,
            series=series,
            status=RegistrationStatus.CONFIRMED if i < spec.confirmed else RegistrationStatus.WAITING,
            created_at=person.created_at,
        )
        for i, person in enumerate(people)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            participant=person,
            text_version=CONSENT_TEXT_VERSION,
            language=person.preferred_language if person.preferred_language in ("nl", "en") else "nl",
            given_at=person.created_at,
            given_via=rng.choice([ContactChannel.SELF_SIGNUP] * 3 + [ContactChannel.COACH]),
        )
        for person in people
    )
    return registrations


def _participant(name, spec, districts, rng) -> Participant:
    home = spec.district if rng.random() < 0.7 else rng.choice(list(DISTRICTS))
    district = districts.get(home) if rng.random() < 0.9 else None
    postcode = str(rng.randint(*DISTRICTS[home].postcodes)) if district and rng.random() < 0.6 else ""
    contact = rng.random()
    return Participant(
        display_name=name,
        email=f"{slugify(name)}@example.org" if contact < 0.7 else "",
        # 020 000 …: a Dutch number that cannot be assigned, so nobody real is ever called.
        phone=f"020 000 {rng.randint(1000, 9999)}" if 0.55 < contact < 0.85 else "",
        preferred_language=Language.EN if spec.language == Language.EN else rng.choice(PARTICIPANT_LANGUAGES),
        district=district,
        postcode_area=postcode,
        age_band=rng.choice([*AgeBand.values, ""]),
        income_situation=rng.choice([*IncomeSituation.values, "", ""]),
    )


def _create_intakes(confirmed, rng, recorder) -> None:
    intakes = []
    for registration in confirmed:
        if rng.random() < 0.15:  # not every intake has happened yet
            continue
        stage = rng.choice(
            [IdeaStage.NONE, IdeaStage.NONE, IdeaStage.VAGUE, IdeaStage.CONCRETE, IdeaStage.SELLING]
        )
        intakes.append(
            Intake(
                registration=registration,
                idea_stage=stage,
                idea_description=rng.choice(IDEAS[stage]),
                prior_experience=rng.choice(EXPERIENCE),
                dutch_level=rng.choice([*DutchLevel.values, ""]),
                digital_skills=rng.choice([*DigitalSkills.values, ""]),
                learning_preferences=rng.sample(LearningPreference.values, rng.randint(1, 2)),
                practical_needs=rng.sample(PracticalNeed.values, rng.choice([0, 0, 0, 1, 2])),
                personal_goal=rng.choice(GOALS),
                referral_wishes=rng.sample(ReferralWish.values, rng.choice([0, 0, 1])),
                updated_by=recorder,
            )
        )
    Intake.objects.bulk_create(intakes)


def _create_attendance(past, confirmed, rng, recorder) -> dict[int, int]:
    """Attendance for the sessions that were held; returns how many each registration attended."""
    statuses, weights = list(ATTENDANCE_WEIGHTS), list(ATTENDANCE_WEIGHTS.values())
    rows, attended = [], dict.fromkeys((r.pk for r in confirmed), 0)
    for session in past:
        for registration in confirmed:
            status = rng.choices(statuses, weights=weights)[0]
            attended[registration.pk] += status in ATTENDED_STATUSES
            rows.append(
                Attendance(
                    session=session,
                    registration=registration,
                    status=status,
                    recorded_by=recorder,
                    recorded_at=session.ends_at,
                )
            )
    Attendance.objects.bulk_create(rows)
    return attended


def _create_certificates(confirmed, attended, rng, recorder, last_end, codes) -> int:
    """Certificates for those who met the rule (but the last two), and one given with a reason (one short)."""
    rows, overridden = [], False
    for registration in confirmed[:-NOT_YET_ISSUED]:
        override = ""
        short = CERTIFICATE_MIN_SESSIONS - attended[registration.pk]
        if short > 0:
            if short > 1 or overridden:
                continue
            override, overridden = "Was een keer ziek en heeft de opdracht van die keer thuis gedaan.", True
        rows.append(
            Certificate(
                registration=registration,
                code=_certificate_code(rng, codes),
                issued_at=last_end + timedelta(days=1),
                issued_by=recorder,
                override_reason=override,
                public=len(rows) < PUBLIC_CERTIFICATES,
            )
        )
    Certificate.objects.bulk_create(rows)
    return len(rows)


def _certificate_code(rng, codes: set[str]) -> str:
    while True:
        code = "-".join(f"{rng.randint(0, 9999):04d}" for _part in range(3))
        if code not in codes:
            codes.add(code)
            return code


def _create_access_log(confirmed, rng, coach) -> None:
    """A few reads and changes by the coach, so that participants' own pages show their access list."""
    entries = []
    for registration in rng.sample(confirmed, min(6, len(confirmed))):
        at = registration.created_at + timedelta(days=rng.randint(1, 4))
        entries.append(
            AccessLogEntry(
                participant=registration.participant,
                user=coach,
                role="coach",
                action=AccessAction.VIEW,
                reason=rng.choice(ACCESS_REASONS),
                at=at,
            )
        )
        if rng.random() < 0.5:
            entries.append(
                AccessLogEntry(
                    participant=registration.participant,
                    user=coach,
                    role="coach",
                    action=AccessAction.EDIT,
                    reason="Intake",
                    at=at + timedelta(minutes=20),
                )
            )
    AccessLogEntry.objects.bulk_create(entries)
