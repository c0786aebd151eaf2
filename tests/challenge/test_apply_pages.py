"""The applicant's pages (challenge/views/apply.py): her proposals, writing, the budget, files, submitting,
withdrawing, answering the jury and reading the feedback. Nothing typed is lost when a service refuses."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse

from challenge.enums import Outcome, Phase, ProposalStatus
from challenge.exceptions import NotAnAllowedType, OverBudget, ProposalChanged, SubmissionClosed
from challenge.models import Attachment, Proposal
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    DecisionFactory,
    JuryMemberFactory,
    ProposalFactory,
    QuestionFactory,
    ReviewFactory,
)
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db

PROPOSAL_PAGES = [
    "proposal",
    "proposal_edit",
    "proposal_attachments",
    "proposal_submit",
    "proposal_withdraw",
    "proposal_feedback",
]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def small_pdf() -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def logged_in(client, user):
    client.force_login(user)
    return client


def edit_data(proposal, *, version=None, lines=(), **values):
    data = {
        "version": proposal.version if version is None else version,
        "title": proposal.title,
        "summary": proposal.summary,
        "plan": proposal.plan,
        "team": proposal.team,
        "in_kind_hours": "0",
        "co_funding_amount": "0",
        "co_funding_source": "",
        "budget-TOTAL_FORMS": str(len(lines) + 1),
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "40",
        **values,
    }
    for index, (description, amount) in enumerate([*lines, ("", "")]):
        data[f"budget-{index}-description"] = description
        data[f"budget-{index}-amount"] = amount
    return data


def test_the_applicant_urls_keep_clear_of_the_calls_slugs():
    assert resolve("/challenge-voorstellen/").url_name == "my_proposals"
    assert resolve("/challenge/buurt/voorstel/nieuw/").url_name == "proposal_create"
    assert resolve("/challenge-voorstellen/5/indienen/").url_name == "proposal_submit"


def test_my_proposals_shows_own_proposals_with_their_status_in_a_constant_number_of_queries(
    client, django_assert_num_queries
):
    user = UserFactory(initiatiefnemer=True)
    ProposalFactory(editor=user, title="Naaicafé")
    ProposalFactory(
        editor=user, title="Repaircafé", submitted=True, challenge=ChallengeFactory(phase=Phase.REVIEW)
    )
    ProposalFactory(title="Van een ander")
    logged_in(client, user)
    url = reverse("challenge:my_proposals")
    client.get(url)  # warm the session

    # session, user, groups (roles), the proposals, the open calls
    with django_assert_num_queries(5):
        response = client.get(url)

    text = response.content.decode()
    assert ("Naaicafé" in text, "Repaircafé" in text, "Van een ander" in text) == (True, True, False)
    assert "Concept. De jury ziet het pas als je het instuurt." in text
    assert "Ingestuurd. De jury leest het en stelt je misschien een vraag." in text

    for _ in range(3):
        ProposalFactory(editor=user)
    with django_assert_num_queries(5):
        client.get(url)


def test_my_proposals_is_for_initiatiefnemers_only(client):
    assert client.get(reverse("challenge:my_proposals")).status_code == 302
    logged_in(client, UserFactory(gemeente=True))
    assert client.get(reverse("challenge:my_proposals")).status_code == 403


# Not named "page": pytest-playwright would take a parameter of that name for its browser page fixture and
# make this a live-server (transactional) test.
@pytest.mark.parametrize("url_name", PROPOSAL_PAGES)
def test_another_initiatives_proposal_is_not_found(client, url_name):
    other = ProposalFactory(title="Het plan van een ander")
    logged_in(client, UserFactory(initiatiefnemer=True))

    response = client.get(reverse(f"challenge:{url_name}", kwargs={"pk": other.pk}))

    assert (response.status_code, "Het plan van een ander" in response.content.decode()) == (404, False)


def test_starting_a_proposal_for_an_own_initiative(client):
    user = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[user], name="Buurthuis")
    InitiativeFactory(name="Niet van mij")
    challenge = ChallengeFactory()
    logged_in(client, user)
    url = reverse("challenge:proposal_create", kwargs={"slug": challenge.slug})

    page = client.get(url).content.decode()
    assert ("Buurthuis" in page, "Niet van mij" in page) == (True, False)
    response = client.post(url, {"initiative": initiative.pk})

    proposal = Proposal.objects.get(initiative=initiative, challenge=challenge)
    assert response.url == reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk})
    assert proposal.created_by == user


def test_starting_a_proposal_for_another_initiative_is_refused(client):
    user = UserFactory(initiatiefnemer=True)
    InitiativeFactory(editors=[user])
    other = InitiativeFactory()
    challenge = ChallengeFactory()
    logged_in(client, user)

    response = client.post(
        reverse("challenge:proposal_create", kwargs={"slug": challenge.slug}), {"initiative": other.pk}
    )

    assert response.status_code == 200
    assert Proposal.objects.count() == 0


def test_saving_the_text_and_the_budget_lines(client):
    proposal = ProposalFactory(amounts=[])
    logged_in(client, proposal.created_by)
    url = reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk})

    response = client.post(
        url, edit_data(proposal, title="Naaicafé", lines=[("Naaimachines", "1200"), ("Stof", "300,50")])
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Naaicafé"
    assert list(proposal.budget_lines.values_list("description", "amount")) == [
        ("Naaimachines", Decimal("1200.00")),
        ("Stof", Decimal("300.50")),
    ]
    page = client.get(url).content.decode()
    assert "Totaal: € 1.500,50. Je kunt maximaal € 5.000,00 aanvragen." in page


def test_a_budget_over_the_maximum_is_saved_with_a_warning_of_how_much_over(client):
    proposal = ProposalFactory(amounts=[])
    logged_in(client, proposal.created_by)

    response = client.post(
        reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk}),
        edit_data(proposal, lines=[("Verbouwing", "6250")]),
        follow=True,
    )

    assert "Je budget is € 1.250,00 meer dan het maximum van € 5.000,00." in response.content.decode()


def test_a_budget_line_without_a_description_is_refused_and_the_typing_kept(client):
    proposal = ProposalFactory(amounts=[])
    logged_in(client, proposal.created_by)

    response = client.post(
        reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk}),
        edit_data(proposal, title="Nieuwe titel", lines=[("", "250")]),
    )

    page = response.content.decode()
    assert (response.status_code, "Zeg waarvoor dit bedrag is." in page, "Nieuwe titel" in page) == (
        200,
        True,
        True,
    )
    assert proposal.budget_lines.count() == 0


def test_a_budget_line_with_a_control_character_is_refused_on_its_line(client):
    """It used to reach the service's full_clean() and answer 500 (found by tests/hostile/)."""
    proposal = ProposalFactory(amounts=[])
    logged_in(client, proposal.created_by)

    response = client.post(
        reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk}),
        edit_data(proposal, title="Nieuwe titel", lines=[("Huur\x1bzaal", "250")]),
    )

    formset = response.context["formset"]
    assert (response.status_code, list(formset.forms[0].errors)) == (200, ["description"])
    assert (proposal.budget_lines.count(), Proposal.objects.get(pk=proposal.pk).title) == (0, proposal.title)


def test_a_save_from_an_older_tab_keeps_what_was_typed_and_shows_what_was_saved(client):
    proposal = ProposalFactory()
    logged_in(client, proposal.created_by)
    url = reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk})
    client.post(url, edit_data(proposal, title="Eerste tab", lines=[("Huur", "100")]))

    response = client.post(url, edit_data(proposal, version=1, title="Tweede tab", lines=[("Stof", "50")]))

    page = response.content.decode()
    assert str(ProposalChanged.message) in page
    assert ("Tweede tab" in page, "Eerste tab" in page) == (True, True)
    proposal.refresh_from_db()
    assert proposal.title == "Eerste tab"
    # Saving again from the form as shown now overwrites, as the message says.
    assert 'name="version" value="2"' in page


def test_submitting_is_a_confirmed_step(client):
    proposal = ProposalFactory(amounts=[1200])
    logged_in(client, proposal.created_by)
    url = reverse("challenge:proposal_submit", kwargs={"pk": proposal.pk})

    page = client.get(url).content.decode()
    assert ("Controleren en insturen" in page, "€ 1.200,00" in page) == (True, True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT

    response = client.post(url, {"version": proposal.version})

    proposal.refresh_from_db()
    assert (response.status_code, proposal.status) == (302, ProposalStatus.SUBMITTED)


def test_submitting_after_the_deadline_is_refused_with_the_message_and_the_draft_kept(client):
    proposal = ProposalFactory(challenge=ChallengeFactory(phase=Phase.REVIEW), title="Mijn plan")

    logged_in(client, proposal.created_by)
    response = client.post(reverse("challenge:proposal_submit", kwargs={"pk": proposal.pk}), {"version": 1})

    assert str(SubmissionClosed.message) in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title, proposal.budget_lines.count()) == (
        ProposalStatus.DRAFT,
        "Mijn plan",
        1,
    )


def test_submitting_a_budget_over_the_maximum_is_refused_with_the_message(client):
    proposal = ProposalFactory(amounts=[4000, 1500])
    logged_in(client, proposal.created_by)

    response = client.post(reverse("challenge:proposal_submit", kwargs={"pk": proposal.pk}), {"version": 1})

    assert OverBudget(Decimal("5500"), Decimal("5000")).message in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.budget_lines.count()) == (ProposalStatus.DRAFT, 2)


def test_withdrawing_after_confirmation_makes_the_proposal_editable_again(client):
    proposal = ProposalFactory(submitted=True)
    logged_in(client, proposal.created_by)
    edit_url = reverse("challenge:proposal_edit", kwargs={"pk": proposal.pk})
    assert client.get(edit_url).status_code == 302  # submitted: withdraw first

    client.post(reverse("challenge:proposal_withdraw", kwargs={"pk": proposal.pk}))

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert client.get(edit_url).status_code == 200


def test_a_pdf_that_is_really_text_is_refused_with_the_message(client):
    proposal = ProposalFactory()
    logged_in(client, proposal.created_by)
    upload = SimpleUploadedFile("begroting.pdf", b"Dit is gewoon tekst.", content_type="application/pdf")

    response = client.post(
        reverse("challenge:proposal_attachments", kwargs={"pk": proposal.pk}), {"file": upload}
    )

    assert str(NotAnAllowedType.message) in response.content.decode()
    assert Attachment.objects.count() == 0


def test_a_real_pdf_is_added_listed_and_removed(client):
    proposal = ProposalFactory()
    logged_in(client, proposal.created_by)
    url = reverse("challenge:proposal_attachments", kwargs={"pk": proposal.pk})
    upload = SimpleUploadedFile("tekening.pdf", small_pdf(), content_type="application/pdf")

    client.post(url, {"file": upload})

    attachment = Attachment.objects.get(proposal=proposal)
    assert (attachment.original_name, attachment.kind) == ("tekening.pdf", "pdf")
    assert "tekening.pdf" in client.get(url).content.decode()
    client.post(
        reverse(
            "challenge:proposal_attachment_remove", kwargs={"pk": proposal.pk, "attachment_pk": attachment.pk}
        )
    )
    assert Attachment.objects.count() == 0


def test_the_applicant_answers_a_question_once_without_seeing_who_asked(client):
    juror = UserFactory(jurylid=True, name="Jurylid Janssen")
    question = QuestionFactory(
        proposal__challenge=ChallengeFactory(phase=Phase.REVIEW),
        asked_by=JuryMemberFactory(user=juror),
        text="Wie zijn jullie eerste klanten?",
    )
    proposal = question.proposal
    logged_in(client, proposal.created_by)
    page = client.get(reverse("challenge:proposal", kwargs={"pk": proposal.pk})).content.decode()
    assert ("Wie zijn jullie eerste klanten?" in page, "Janssen" in page, juror.email in page) == (
        True,
        False,
        False,
    )
    url = reverse("challenge:proposal_answer", kwargs={"pk": proposal.pk, "question_pk": question.pk})

    client.post(url, {"answer": "Buren uit de straat."})
    client.post(url, {"answer": "Iets anders."})

    question.refresh_from_db()
    assert question.answer == "Buren uit de straat."


def test_feedback_after_publication_shows_comments_and_the_funding_line_but_no_private_note_or_name(client):
    challenge = ChallengeFactory(phase=Phase.PUBLISHED)
    criterion = CriterionFactory(challenge=challenge, name="Haalbaarheid", with_levels=True)
    juror = UserFactory(jurylid=True, name="Jurylid Janssen")
    assignment = AssignmentFactory(
        member=JuryMemberFactory(challenge=challenge, user=juror), proposal__challenge=challenge
    )
    ReviewFactory(
        assignment=assignment,
        submitted=True,
        scores={criterion: 4},
        strengths="Een duidelijk plan.",
        improvements="Zeg meer over de eerste klanten.",
        private_note="Geheime twijfel.",
    )
    proposal = assignment.proposal
    DecisionFactory(
        proposal=proposal, outcome=Outcome.AWARD, amount=Decimal("1000"), published_at=challenge.published_at
    )
    logged_in(client, proposal.created_by)

    page = client.get(reverse("challenge:proposal_feedback", kwargs={"pk": proposal.pk})).content.decode()

    assert ("Een duidelijk plan." in page, "Zeg meer over de eerste klanten." in page) == (True, True)
    assert ("Geheime twijfel." in page, "Janssen" in page, juror.email in page) == (False, False, False)
    assert "Je plan krijgt € 1.000,00." in page
    assert ("Haalbaarheid" in page, "Niveau 4" in page) == (True, True)
    assert "de laagste score die geld kreeg was 75 van de 100" in page


def test_feedback_before_publication_says_it_is_not_there_yet(client):
    proposal = ProposalFactory(submitted=True, challenge=ChallengeFactory(phase=Phase.DELIBERATION))
    DecisionFactory(proposal=proposal)  # pending
    logged_in(client, proposal.created_by)

    page = client.get(reverse("challenge:proposal_feedback", kwargs={"pk": proposal.pk})).content.decode()

    assert "nog niet gepubliceerd" in page


def test_the_proposal_page_needs_the_same_queries_for_more_lines_files_and_questions(
    client, django_assert_num_queries
):
    proposal = ProposalFactory(submitted=True, challenge=ChallengeFactory(phase=Phase.REVIEW), amounts=[100])
    QuestionFactory(proposal=proposal)
    logged_in(client, proposal.created_by)
    url = reverse("challenge:proposal", kwargs={"pk": proposal.pk})
    client.get(url)

    # session, user, groups, the proposal (access), the permission's editor check, the decision, the lines,
    # the files, the questions
    with django_assert_num_queries(9):
        client.get(url)

    for _ in range(3):
        QuestionFactory(proposal=proposal)
        Attachment.objects.create(proposal=proposal, file="x.pdf", original_name="x.pdf", kind="pdf", size=10)
    proposal.budget_lines.create(description="Stof", amount=Decimal("50"), position=2)
    with django_assert_num_queries(9):
        client.get(url)
