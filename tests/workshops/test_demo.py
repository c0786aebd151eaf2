import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import models
from django.utils import timezone, translation

from initiatives.demo import seed_map
from ondernemend.demo import seeding
from workshops.demo import DEMO_COACH_EMAIL, seed_workshops
from workshops.enums import AttendanceStatus, IdeaStage, RegistrationStatus
from workshops.models import (
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

pytestmark = pytest.mark.django_db

MODELS = [
    Series,
    Session,
    Participant,
    Registration,
    ConsentRecord,
    Intake,
    Attendance,
    Reflection,
    Certificate,
    AccessLogEntry,
]
BSN_LIKE = re.compile(r"(?<!\d)\d{9}(?!\d)")
DATE_LIKE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](19|20)\d{2}\b|\b(19|20)\d{2}-\d{2}-\d{2}\b")


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=StringIO())


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_seed_workshops_twice_gives_the_same_counts(demo):
    first = counts()

    created = seed_workshops()

    assert counts() == first
    assert created == {"workshop_series": 0, "participants": 0, "certificates": 0}


def test_seed_workshops_second_run_is_fast(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        seed_workshops()


def test_seed_workshops_prints_what_it_created_once():
    seeding.seed_users()
    seed_map(initiatives=20)
    output = StringIO()

    with translation.override("en"):
        seed_workshops(stdout=output)
        seed_workshops(stdout=output)

    assert output.getvalue() == "4 demo workshop series created\n"


def test_seed_workshops_makes_series_in_at_least_three_districts(demo):
    districts = set(Series.objects.values_list("initiative__district__slug", flat=True))

    assert Series.objects.count() == 4
    assert len(districts) == 4


def test_seed_workshops_demo_coach_coaches_at_least_two_series(demo):
    assert Series.objects.filter(coaches__email=DEMO_COACH_EMAIL).count() == 3


def test_seed_workshops_each_series_has_five_sessions_past_and_future(demo):
    now = timezone.now()

    per_series = {series.slug: series.sessions.count() for series in Series.objects.all()}

    assert set(per_series.values()) == {5}
    assert Session.objects.filter(starts_at__lt=now).count() > 0
    assert Session.objects.filter(starts_at__gt=now).count() > 0
    assert Session.objects.filter(cancelled=True).count() == 1
    assert Session.objects.filter(what_to_expect="").count() == 0


def test_seed_workshops_makes_at_least_thirty_participants_with_consent(demo):
    participants = Participant.objects.count()

    assert participants >= 30
    assert ConsentRecord.objects.filter(text_version="2026-11").count() == participants
    assert Registration.objects.filter(status=RegistrationStatus.WAITING).count() > 0
    assert Participant.objects.exclude(preferred_language="nl").count() > 0
    assert Participant.objects.filter(income_situation="").count() > 0
    assert Participant.objects.filter(email="").count() > 0
    assert Participant.objects.exclude(email="").exclude(email__endswith="@example.org").count() == 0


def test_seed_workshops_intakes_for_most_with_no_idea_yet_among_them(demo):
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count()

    assert Intake.objects.count() > confirmed / 2
    assert Intake.objects.filter(idea_stage=IdeaStage.NONE).count() > 0
    assert Intake.objects.exclude(personal_goal="").count() > 0


def test_seed_workshops_attendance_only_for_past_sessions_and_mostly_present(demo):
    now = timezone.now()
    statuses = set(Attendance.objects.values_list("status", flat=True))

    assert Attendance.objects.filter(session__starts_at__gt=now).count() == 0
    assert Attendance.objects.filter(session__cancelled=True).count() == 0
    assert Attendance.objects.filter(status=AttendanceStatus.PRESENT).count() > Attendance.objects.count() / 2
    assert statuses == set(AttendanceStatus.values)


def test_seed_workshops_issues_certificates_with_unique_codes_one_public(demo):
    codes = list(Certificate.objects.values_list("code", flat=True))

    assert len(codes) > 0
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"\d{4}-\d{4}-\d{4}", code) for code in codes)
    assert Certificate.objects.filter(public=True).count() >= 1


def test_seed_workshops_logs_some_reads_by_the_coach(demo):
    assert AccessLogEntry.objects.filter(user__email=DEMO_COACH_EMAIL).count() >= 3
    assert AccessLogEntry.objects.exclude(user__email=DEMO_COACH_EMAIL).count() == 0


def test_seed_workshops_holds_no_bsn_or_date_of_birth(demo):
    found = []
    for model in MODELS:
        fields = [
            field.name
            for field in model._meta.fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
        ]
        for row in model.objects.values(*fields):
            for name, value in row.items():
                text = str(value)
                if BSN_LIKE.search(text) or DATE_LIKE.search(text) or "geboren" in text.lower():
                    found.append((model.__name__, name, text))

    assert found == []
    assert [field.name for field in Participant._meta.fields if "birth" in field.name] == []


def test_seed_workshops_without_initiatives_creates_nothing():
    call_command("seed_demo", initiatives=0, stdout=StringIO())

    assert Series.objects.count() == 0
