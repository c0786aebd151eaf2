"""Every field we hold about a participant has a declared privacy decision (workshops.participant_data).

These tests are built from the models themselves: a field added to `Participant` or `Intake` without a
declaration, or free text that survives anonymisation, fails here.
"""

import pytest
from django.db import models

from ondernemend.districts.models import District
from tests.factories.workshops import IntakeFactory, ParticipantFactory, RegistrationFactory
from workshops import participant_data
from workshops.enums import IncomeSituation, PracticalNeed, ReferralWish
from workshops.forms.coach import IntakeForm
from workshops.models import Intake, Participant
from workshops.participant_data import ANONYMOUS_NAME, Group, declared, held
from workshops.queries.record import participant_export
from workshops.services.privacy import anonymise_participant

pytestmark = pytest.mark.django_db

MODELS = [Participant, Intake]


def concrete_fields(model) -> list[models.Field]:
    return [field for field in model._meta.get_fields() if field.concrete]


def is_free_text(field: models.Field) -> bool:
    return isinstance(field, models.CharField | models.TextField) and not field.choices


@pytest.mark.parametrize("model", MODELS)
def test_every_field_of_the_model_is_declared_once(model):
    names = [item.name for item in declared(model)]

    assert len(names) == len(set(names))
    assert set(names) == {field.name for field in concrete_fields(model)}


@pytest.mark.parametrize("model", MODELS)
def test_every_field_is_exported_or_says_why_not(model):
    for field in concrete_fields(model):
        item = held(model, field.name)
        assert bool(item.export_as) != bool(item.not_exported_because), field.name


@pytest.mark.parametrize("model", MODELS)
def test_free_text_and_lists_are_blanked_and_records_are_kept(model):
    for field in concrete_fields(model):
        item = held(model, field.name)
        if is_free_text(field) or isinstance(field, models.JSONField):
            assert item.group in (Group.TEXT, Group.NAME, Group.LIST), field.name
        if item.group in (Group.TEXT, Group.NAME):
            assert item.anonymise, f"{field.name} is free text: anonymisation must blank it"
        if item.group is Group.LIST:
            assert item.choices is not None, field.name
        if item.group is Group.RECORD:
            assert not item.anonymise, field.name
            assert not item.label, field.name


def full_record():
    participant = ParticipantFactory(
        district=District.objects.get(slug="noord"),
        display_name="Yusuf",
        email="yusuf@example.org",
        phone="0612345678",
        postcode_area="1025",
        age_band="35-44",
        income_situation=IncomeSituation.BIJSTAND,
    )
    IntakeFactory(
        registration=RegistrationFactory(participant=participant),
        idea_description="Fietsen repareren",
        prior_experience="Werkte in een fietsenwinkel",
        personal_goal="Eigen baas zijn",
        learning_preferences=["doen"],
        practical_needs=[PracticalNeed.CHILDCARE],
        referral_wishes=[ReferralWish.KVK],
    )
    return participant


def test_the_download_holds_every_exported_field_with_its_value():
    participant = full_record()
    intake = Intake.objects.get()

    data = participant_export(participant)

    for model, instance, exported in [
        (Participant, participant, data["participant"]),
        (Intake, intake, data["registrations"][0]["intake"]),
    ]:
        expected = {item.export_as for item in declared(model) if item.export_as}
        assert set(exported) == expected
        for field in concrete_fields(model):
            item = held(model, field.name)
            if item.export_as and not isinstance(field, models.ForeignKey | models.DateTimeField):
                assert exported[item.export_as] == getattr(instance, field.name), field.name
    assert data["participant"]["district"] == "Noord"


def test_every_free_text_field_is_empty_after_anonymisation():
    participant = full_record()
    before = {
        model: {field.name: getattr(instance, field.name) for field in concrete_fields(model)}
        for model, instance in [(Participant, participant), (Intake, Intake.objects.get())]
    }

    anonymise_participant(participant)

    for model, instance in [(Participant, Participant.objects.get()), (Intake, Intake.objects.get())]:
        for field in concrete_fields(model):
            item = held(model, field.name)
            value = getattr(instance, field.name)
            if is_free_text(field):
                assert value in ("", ANONYMOUS_NAME), field.name
                assert value != before[model][field.name], field.name
            if item.anonymise:
                assert value == item.anonymised_value, field.name
            elif item.group is not Group.RECORD:
                assert value == before[model][field.name], f"{field.name} is kept as an aggregate fact"


def test_the_intake_form_asks_what_is_declared_and_nothing_else():
    form = IntakeForm(participant=ParticipantFactory())

    asked = [name for _heading, names in participant_data.intake_questions() for name in names]

    assert set(form.fields) == {*asked, "version"}
    assert [field.name for _heading, fields in form.sections() for field in fields] == asked
