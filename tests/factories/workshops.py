import datetime

import factory
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from workshops.enums import AttendanceStatus, IdeaStage, Pictogram, RegistrationStatus
from workshops.models import Attendance, Certificate, Intake, Participant, Registration, Series, Session


class SeriesFactory(factory.django.DjangoModelFactory):
    """`SeriesFactory(coaches=[coach], sessions=5)`: a series with five weekly sessions from next week.

    Without `coaches` the series gets a coach of its own (a series without a coach takes no sign-ups);
    `coaches=[]` makes one without.
    """

    class Meta:
        model = Series
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory)
    title = "Is ondernemen wat voor mij?"
    slug = factory.Sequence(lambda n: f"reeks-{n}")
    introduction = "Vijf bijeenkomsten in een kleine groep. Je hoeft nog geen idee te hebben."
    capacity = 12
    certificate_min_sessions = 4
    published = True

    @factory.post_generation
    def coaches(self, create, users, **kwargs):
        if create and users is None:
            users = [UserFactory(coach=True)]
        if create and users:
            self.coaches.set(users)

    @factory.post_generation
    def sessions(self, create, count, **kwargs):
        if create and count:
            start = kwargs.get("start") or timezone.now() + datetime.timedelta(days=7)
            for number in range(1, count + 1):
                SessionFactory(
                    series=self, number=number, starts_at=start + datetime.timedelta(weeks=number - 1)
                )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    series = factory.SubFactory(SeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    duration_minutes = 120
    topic = "Kennismaken"
    what_to_expect = "We maken kennis. Je vertelt wat je leuk vindt. Koffie en thee staan klaar."
    what_to_bring = "Niets."
    pictogram = Pictogram.KENNISMAKEN


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    display_name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    preferred_language = "nl"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    participant = factory.SubFactory(ParticipantFactory)
    series = factory.SubFactory(SeriesFactory)
    status = RegistrationStatus.CONFIRMED


class IntakeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Intake

    registration = factory.SubFactory(RegistrationFactory)
    idea_stage = IdeaStage.NONE
    personal_goal = "Ontdekken wat ik goed kan."


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    registration = factory.SubFactory(RegistrationFactory)
    status = AttendanceStatus.PRESENT


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    registration = factory.SubFactory(RegistrationFactory)
    code = factory.Sequence(lambda n: f"{n:04d}-0000-0000")
