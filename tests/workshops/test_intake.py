"""The intake: saving, the optimistic lock between two coaches, and the suggestions that fit the answers."""

import pytest
from django.urls import reverse
from django.utils import translation

from initiatives.enums import TrustSignal
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import IntakeFactory, RegistrationFactory, SeriesFactory
from workshops.enums import AccessAction, DutchLevel, IdeaStage, PracticalNeed, ReferralWish
from workshops.exceptions import IntakeConflict
from workshops.models import AccessLogEntry, Intake
from workshops.services.coaching import save_intake
from workshops.suggestions import Answers, Candidate, score_initiative, suggest_initiatives

pytestmark = pytest.mark.django_db


def intake_url(registration):
    with translation.override("en"):
        return reverse("workshops:intake", kwargs={"pk": registration.pk})


@pytest.fixture
def coaches():
    return UserFactory(coach=True, name="Anna"), UserFactory(coach=True, name="Bram")


@pytest.fixture
def registration(coaches):
    return RegistrationFactory(
        series=SeriesFactory(coaches=list(coaches)), participant__display_name="Fatima"
    )


def form_data(**changes):
    data = {
        "idea_stage": IdeaStage.VAGUE,
        "idea_description": "Iets met eten",
        "prior_experience": "",
        "dutch_level": DutchLevel.EVERYDAY,
        "digital_skills": "",
        "personal_goal": "Ontdekken wat ik kan",
        "referral_wishes": [ReferralWish.MICROCREDIT],
        "practical_needs": [],
        "learning_preferences": ["doen"],
        "income_situation": "",
        "age_band": "35-44",
        "postcode_area": "1103",
        "version": 0,
    }
    return data | changes


def test_intake_first_save_creates_version_one_and_participant_details(client, coaches, registration):
    client.force_login(coaches[0])

    response = client.post(intake_url(registration), form_data())

    intake = Intake.objects.get()
    registration.participant.refresh_from_db()
    assert response["Location"] == intake_url(registration) + "#suggestions"
    assert (intake.version, intake.idea_description, intake.referral_wishes, intake.updated_by) == (
        1,
        "Iets met eten",
        ["microkrediet"],
        coaches[0],
    )
    assert (registration.participant.postcode_area, registration.participant.age_band) == ("1103", "35-44")
    assert AccessLogEntry.objects.get().action == AccessAction.EDIT


def test_intake_get_logs_the_read(client, coaches, registration):
    IntakeFactory(registration=registration, personal_goal="Een eigen kraam")
    client.force_login(coaches[1])

    response = client.get(intake_url(registration))

    assert "Een eigen kraam" in response.content.decode()
    # A page with a form keeps "same-origin": under "no-referrer" the browser's POST fails the CSRF check.
    assert (response["Referrer-Policy"], response["Cache-Control"][:9]) == ("same-origin", "max-age=0")
    assert list(AccessLogEntry.objects.values_list("user", "action")) == [(coaches[1].pk, AccessAction.VIEW)]


def test_intake_conflict_keeps_both_versions(client, coaches, registration):
    anna, bram = coaches
    IntakeFactory(registration=registration, personal_goal="Eerste doel")
    client.force_login(anna)
    client.post(intake_url(registration), form_data(version=1, personal_goal="Anna's doel"))
    client.force_login(bram)

    response = client.post(intake_url(registration), form_data(version=1, personal_goal="Bram's doel"))

    page = response.content.decode()
    intake = Intake.objects.get()
    assert (response.status_code, intake.personal_goal, intake.version) == (200, "Anna's doel", 2)
    assert "Someone else saved this intake in the meantime" in page
    assert "Anna saved this intake on" in page
    assert "Anna&#x27;s doel" in page  # the other coach's answers, shown to compare
    assert response.context["form"]["personal_goal"].value() == "Bram's doel"  # nothing typed is lost
    assert response.context["form"]["version"].value() == 2  # saving again now is a conscious choice


def test_intake_save_after_conflict_replaces_with_new_version(client, coaches, registration):
    IntakeFactory(registration=registration, version=2)
    client.force_login(coaches[1])

    client.post(intake_url(registration), form_data(version=2, personal_goal="Bram's doel"))

    assert Intake.objects.values_list("personal_goal", "version").get() == ("Bram's doel", 3)


def test_save_intake_refuses_a_second_first_version(coaches, registration):
    IntakeFactory(registration=registration)

    with pytest.raises(IntakeConflict) as conflict:
        save_intake(
            registration=registration, answers={"idea_stage": IdeaStage.NONE}, version=0, by=coaches[0]
        )

    assert conflict.value.current.personal_goal == "Ontdekken wat ik goed kan."


def test_intake_refuses_a_full_postcode(client, coaches, registration):
    client.force_login(coaches[0])

    response = client.post(intake_url(registration), form_data(postcode_area="1103AB"))

    assert "Fill in 4 digits, for example 1103." in response.content.decode()
    assert Intake.objects.count() == 0


def test_intake_form_has_no_forbidden_fields(client, coaches, registration):
    client.force_login(coaches[0])

    fields = set(client.get(intake_url(registration)).context["form"].fields)

    assert fields & {"bsn", "date_of_birth", "birth_date", "id_number", "health"} == set()


def test_score_microcredit_wish_fits_money_offer():
    answers = Answers(referral_wishes=frozenset({ReferralWish.MICROCREDIT}))
    money = Candidate(
        offers=frozenset({"geld"}), languages=frozenset(), trust_signals=frozenset(), district_id=1
    )
    language = Candidate(
        offers=frozenset({"taalhulp"}), languages=frozenset(), trust_signals=frozenset(), district_id=1
    )

    assert score_initiative(answers, money)[0] > 0
    assert score_initiative(answers, language)[0] == 0


def test_score_a_little_dutch_prefers_language_help_in_own_language():
    answers = Answers(dutch_level=DutchLevel.A_LITTLE, language="ar")
    arabic = Candidate(
        offers=frozenset({"taalhulp"}),
        languages=frozenset({"nl", "ar"}),
        trust_signals=frozenset(),
        district_id=1,
    )
    dutch_only = Candidate(
        offers=frozenset({"taalhulp"}), languages=frozenset({"nl"}), trust_signals=frozenset(), district_id=1
    )

    assert score_initiative(answers, arabic)[0] > score_initiative(answers, dutch_only)[0] > 0


def test_score_accessibility_need_fits_wheelchair_access():
    answers = Answers(practical_needs=frozenset({PracticalNeed.ACCESSIBILITY}))
    step_free = Candidate(
        offers=frozenset(), languages=frozenset(), trust_signals=frozenset({"rolstoel"}), district_id=1
    )

    assert score_initiative(answers, step_free) == (1, [TrustSignal.ROLSTOEL.label])


def test_suggest_initiatives_puts_the_same_district_first_and_skips_unpublished(django_assert_num_queries):
    noord, west = District.objects.get(slug="noord"), District.objects.get(slug="west")
    far = InitiativeFactory(name="Geldhulp West", offers=["geld", "administratie"], district=west)
    near = InitiativeFactory(name="Geldhulp Noord", offers=["geld"], district=noord)
    InitiativeFactory(name="Verborgen", offers=["geld"], district=noord, published=False)
    InitiativeFactory(name="Werkplaats", offers=["werkplek"], district=noord)
    registration = RegistrationFactory(participant__district=noord)
    intake = IntakeFactory(registration=registration, referral_wishes=["microkrediet", "kvk"])

    with django_assert_num_queries(4):
        suggestions = suggest_initiatives(intake, registration.participant)

    assert [s.initiative for s in suggestions] == [near, far]
    assert suggestions[1].score > suggestions[0].score
