"""The jury member's pages: her calls, her work with "4 of 9" and the conflict step, the review page (404 for
what is not hers, nobody else's scores before she submits, two tabs), the question and the attachments."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from challenge.enums import ConflictKind, Phase
from challenge.models import Assignment, Attachment, Conflict, Question, Review
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    JuryMemberFactory,
    ProposalFactory,
    QuestionFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def url(name, **kwargs):
    """English pages: the tests read the English source strings, whatever the .po files say."""
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def challenge():
    return ChallengeFactory(phase=Phase.REVIEW, title="Buurtgeld 2026")


@pytest.fixture
def criteria(challenge):
    return [
        CriterionFactory(challenge=challenge, name="Haalbaarheid", with_levels=True),
        CriterionFactory(challenge=challenge, name="Effect in de buurt", with_levels=True),
    ]


@pytest.fixture
def assignment(challenge, criteria):
    member = JuryMemberFactory(challenge=challenge)
    proposal = ProposalFactory(
        challenge=challenge, submitted=True, title="Repair café Noord", amounts=[1200, 300]
    )
    return AssignmentFactory(member=member, proposal=proposal)


@pytest.fixture
def juror(assignment):
    return assignment.member.user


@pytest.fixture
def colleague_review(assignment, criteria):
    """Another juror's submitted review of the same proposal, with words to look for."""
    colleague = JuryMemberFactory(challenge=assignment.proposal.challenge)
    return ReviewFactory(
        assignment=AssignmentFactory(member=colleague, proposal=assignment.proposal),
        submitted=True,
        scores={criteria[0]: 2, criteria[1]: 5},
        strengths="Collega-sterkte-XYZ",
        improvements="Collega-verbeterpunt-XYZ",
        private_note="Collega-notitie-XYZ",
    )


def review_post(criteria, *, version=0, action="save", confirm=False, scores=(4, 3), **texts):
    data = {"version": version, "action": action, **texts}
    for criterion, value in zip(criteria, scores, strict=True):
        if value is not None:
            data[f"score_{criterion.pk}"] = value
    if confirm:
        data["confirm"] = "on"
    return data


# --- Her calls and her work -----------------------------------------------------------------------------


def test_jury_home_lists_her_calls_only(client, juror, challenge):
    ChallengeFactory(phase=Phase.REVIEW, title="Niet mijn jury")
    client.force_login(juror)

    response = client.get(url("challenge:jury_home"))

    page = response.content.decode()
    assert "Buurtgeld 2026" in page
    assert "Niet mijn jury" not in page
    assert url("challenge:jury_work", slug=challenge.slug) in page


def test_jury_work_shows_progress_and_the_conflict_step(client, juror, assignment, challenge, criteria):
    second = AssignmentFactory(member=assignment.member, proposal__challenge=challenge)
    ReviewFactory(assignment=second, submitted=True, scores={criteria[0]: 3, criteria[1]: 3})
    other = ProposalFactory(challenge=challenge, submitted=True, title="Naaiatelier West")
    client.force_login(juror)

    response = client.get(url("challenge:jury_work", slug=challenge.slug))

    page = response.content.decode()
    assert "1 of 2" in page
    assert "Repair café Noord" in page
    assert url("challenge:review", pk=assignment.proposal_id) in page
    assert url("challenge:declare_conflict", slug=challenge.slug, pk=other.pk) in page


def test_jury_work_query_count_is_constant(client, juror, assignment, challenge, django_assert_num_queries):
    client.force_login(juror)
    page_url = url("challenge:jury_work", slug=challenge.slug)
    client.get(page_url)  # warm the session and user caches
    with django_assert_num_queries(10) as one:  # 9, and the session's second-factor device
        client.get(page_url)
    for _ in range(5):
        AssignmentFactory(member=assignment.member, proposal__challenge=challenge)
        ProposalFactory(challenge=challenge, submitted=True)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(page_url)
    assert response.context["work"].total == 6


def test_jury_home_query_count_is_constant(client, juror, django_assert_num_queries):
    client.force_login(juror)
    page_url = url("challenge:jury_home")
    client.get(page_url)
    with django_assert_num_queries(5) as one:  # 4, and the session's second-factor device
        client.get(page_url)
    for _ in range(4):
        JuryMemberFactory(user=juror)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(page_url)
    assert len(response.context["rows"]) == 5


def test_declaring_a_conflict_removes_the_proposal_from_her_work(client, juror, assignment, challenge):
    client.force_login(juror)
    proposal = assignment.proposal

    response = client.post(
        url("challenge:declare_conflict", slug=challenge.slug, pk=proposal.pk),
        {"kind": ConflictKind.FAMILY, "note": "Mijn zus"},
    )

    assert response.status_code == 302
    conflict = Conflict.objects.get(member=assignment.member, proposal=proposal)
    assert (conflict.kind, conflict.note) == (ConflictKind.FAMILY, "Mijn zus")
    assert not Assignment.objects.filter(member=assignment.member, proposal=proposal).exists()
    assert client.get(url("challenge:review", pk=proposal.pk)).status_code == 404


def test_a_conflict_after_starting_the_review_is_refused_with_its_message(
    client, juror, assignment, challenge
):
    ReviewFactory(assignment=assignment)
    client.force_login(juror)

    response = client.post(
        url("challenge:declare_conflict", slug=challenge.slug, pk=assignment.proposal_id),
        {"kind": ConflictKind.FUNDING, "note": "Subsidie"},
    )

    assert response.status_code == 200
    assert "You have already started reviewing this proposal" in response.content.decode()
    assert response.context["form"].data["note"] == "Subsidie"
    assert not Conflict.objects.exists()


# --- Who may open what ----------------------------------------------------------------------------------


def test_a_juror_gets_404_for_an_unassigned_or_conflicted_proposal(client, juror, assignment, challenge):
    unassigned = ProposalFactory(challenge=challenge, submitted=True)
    conflicted = AssignmentFactory(member=assignment.member, proposal__challenge=challenge).proposal
    Conflict.objects.create(member=assignment.member, proposal=conflicted, kind=ConflictKind.FAMILY)
    client.force_login(juror)

    for proposal in (unassigned, conflicted):
        assert client.get(url("challenge:review", pk=proposal.pk)).status_code == 404
        assert client.post(url("challenge:ask_question", pk=proposal.pk), {"text": "?"}).status_code == 404
    assert client.get(url("challenge:review", pk=assignment.proposal_id)).status_code == 200


@pytest.mark.parametrize("role", ["gemeente", "initiatiefnemer", "coach", "coordinator"])
def test_other_roles_get_403_on_the_jury_home_and_404_on_a_review(client, assignment, challenge, role):
    client.force_login(UserFactory(**{role: True}))

    assert client.get(url("challenge:jury_home")).status_code == 403
    assert client.get(url("challenge:jury_work", slug=challenge.slug)).status_code == 404
    assert client.get(url("challenge:review", pk=assignment.proposal_id)).status_code == 404


def test_a_juror_outside_this_jury_gets_404_for_its_work(client, challenge):
    client.force_login(UserFactory(jurylid=True))

    assert client.get(url("challenge:jury_home")).status_code == 200
    assert client.get(url("challenge:jury_work", slug=challenge.slug)).status_code == 404


def test_anonymous_visitors_log_in_first(client, assignment):
    response = client.get(url("challenge:review", pk=assignment.proposal_id))

    assert response.status_code == 302
    assert "/login" in response["Location"] or "inloggen" in response["Location"]


# --- The review page ------------------------------------------------------------------------------------


def test_review_page_shows_the_proposal_budget_and_rubric(client, juror, assignment):
    client.force_login(juror)

    response = client.get(url("challenge:review", pk=assignment.proposal_id))

    page = response.content.decode()
    assert "Repair café Noord" in page
    assert "Post 1" in page
    assert "Post 2" in page
    assert "1,500.00" in page  # the total of the lines
    assert "1: Niveau 1" in page  # a level descriptor as a radio label
    assert "Haalbaarheid" in page


def test_before_submitting_the_page_contains_no_other_jurors_score(
    client, juror, assignment, colleague_review
):
    client.force_login(juror)

    response = client.get(url("challenge:review", pk=assignment.proposal_id))

    page = response.content.decode()
    assert response.context["page"].others == []
    assert response.context["other_scores"] == [(c, []) for c in response.context["page"].criteria]
    for text in ("Collega-sterkte-XYZ", "Collega-verbeterpunt-XYZ", "Collega-notitie-XYZ", "Jury member 1"):
        assert text not in page


def test_after_submitting_she_sees_the_other_jurors_scores(
    client, juror, assignment, criteria, colleague_review
):
    client.force_login(juror)
    review_url = url("challenge:review", pk=assignment.proposal_id)

    response = client.post(review_url, review_post(criteria, action="submit", confirm=True, strengths="Goed"))

    assert response.status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert review.submitted_at is not None
    page = client.get(review_url).content.decode()
    for text in ("Collega-sterkte-XYZ", "Collega-verbeterpunt-XYZ", "Collega-notitie-XYZ", "Jury member 1"):
        assert text in page


def test_saving_a_draft_may_leave_scores_open(client, juror, assignment, criteria):
    client.force_login(juror)

    response = client.post(
        url("challenge:review", pk=assignment.proposal_id),
        review_post(criteria, scores=(4, None), private_note="Nog checken"),
    )

    assert response.status_code == 302
    review = Review.objects.get(assignment=assignment)
    assert (review.private_note, review.submitted_at) == ("Nog checken", None)
    assert dict(review.scores.values_list("criterion__name", "value")) == {"Haalbaarheid": 4}


def test_a_first_save_naming_a_version_that_was_never_saved_is_kept(client, juror, assignment, criteria):
    """A form changed by hand (version 7, nothing saved yet) used to answer 500 (found by tests/hostile/)."""
    client.force_login(juror)

    response = client.post(
        url("challenge:review", pk=assignment.proposal_id),
        review_post(criteria, version=7, scores=(4, None), strengths="Goed plan"),
    )

    review = Review.objects.get(assignment=assignment)
    assert (response.status_code, review.strengths, review.submitted_at) == (302, "Goed plan", None)


def test_submitting_needs_every_score_and_the_confirmation_and_keeps_what_was_typed(
    client, juror, assignment, criteria
):
    client.force_login(juror)

    response = client.post(
        url("challenge:review", pk=assignment.proposal_id),
        review_post(criteria, action="submit", scores=(4, None), strengths="Sterk team"),
    )

    assert response.status_code == 200
    form = response.context["review_form"]
    assert set(form.errors) == {f"score_{criteria[1].pk}", "confirm"}
    assert form.data["strengths"] == "Sterk team"
    assert not Review.objects.exists()


def test_a_save_from_a_second_tab_shows_the_conflict_and_loses_nothing(client, juror, assignment, criteria):
    client.force_login(juror)
    review_url = url("challenge:review", pk=assignment.proposal_id)
    client.post(review_url, review_post(criteria, scores=(5, 5), strengths="Eerste tabblad"))

    # The second tab was opened before the first save, so it still carries version 0.
    response = client.post(review_url, review_post(criteria, scores=(1, 2), strengths="Tweede tabblad"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone saved this review in another tab" in page
    assert "Eerste tabblad" in page  # what the other tab saved
    form = response.context["review_form"]
    assert form.data["strengths"] == "Tweede tabblad"  # what this tab typed
    assert form.data["version"] == Review.objects.get().version
    review = Review.objects.get()
    assert (review.strengths, sorted(review.scores.values_list("value", flat=True))) == (
        "Eerste tabblad",
        [5, 5],
    )


def test_review_page_query_count_is_constant(client, juror, assignment, challenge, django_assert_num_queries):
    client.force_login(juror)
    review_url = url("challenge:review", pk=assignment.proposal_id)
    client.get(review_url)
    with django_assert_num_queries(13) as one:  # 12, and the session's second-factor device
        client.get(review_url)
    for _ in range(3):
        CriterionFactory(challenge=challenge, with_levels=True)
        QuestionFactory(proposal=assignment.proposal)
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(review_url)
    assert len(response.context["page"].criteria) == 5


# --- The clarification question -------------------------------------------------------------------------


def test_she_asks_one_question_and_the_other_jurors_see_it(client, juror, assignment, challenge):
    client.force_login(juror)

    response = client.post(
        url("challenge:ask_question", pk=assignment.proposal_id), {"text": "Wie doet mee?"}
    )

    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.text, question.asked_by) == ("Wie doet mee?", assignment.member)
    page = client.get(url("challenge:review", pk=assignment.proposal_id))
    assert page.context["question_form"] is None  # one question per proposal
    colleague = JuryMemberFactory(challenge=challenge)
    AssignmentFactory(member=colleague, proposal=assignment.proposal)
    question.answer = "Tien buren."
    question.save()
    client.force_login(colleague.user)
    page = client.get(url("challenge:review", pk=assignment.proposal_id)).content.decode()
    assert "Wie doet mee?" in page
    assert "Tien buren." in page


def test_a_second_question_is_refused_with_its_message(client, juror, assignment):
    QuestionFactory(proposal=assignment.proposal, asked_by=assignment.member)
    client.force_login(juror)

    response = client.post(url("challenge:ask_question", pk=assignment.proposal_id), {"text": "Nog één?"})

    assert response.status_code == 200
    assert "You have already asked your question about this proposal" in response.content.decode()
    assert Question.objects.count() == 1


# --- Attachments ----------------------------------------------------------------------------------------


@pytest.fixture
def attachment(assignment, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return Attachment.objects.create(
        proposal=assignment.proposal,
        file=SimpleUploadedFile("plan.pdf", PDF),
        original_name="Ons plan.pdf",
        kind="pdf",
        size=len(PDF),
    )


def test_an_attachment_is_downloaded_through_the_review_permission(client, juror, assignment, attachment):
    client.force_login(juror)
    download = url("challenge:review_attachment", pk=assignment.proposal_id, attachment=attachment.pk)

    assert download in client.get(url("challenge:review", pk=assignment.proposal_id)).content.decode()
    response = client.get(download)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    client.force_login(JuryMemberFactory(challenge=assignment.proposal.challenge).user)
    assert client.get(download).status_code == 404


def test_an_attachment_of_another_proposal_is_404(client, juror, assignment, attachment, challenge):
    other = AssignmentFactory(member=assignment.member, proposal__challenge=challenge)
    client.force_login(juror)

    response = client.get(url("challenge:review_attachment", pk=other.proposal_id, attachment=attachment.pk))

    assert response.status_code == 404


def test_a_submitted_review_can_be_changed_and_stays_submitted(client, juror, assignment, criteria):
    review = ReviewFactory(assignment=assignment, submitted=True, scores={criteria[0]: 2, criteria[1]: 2})
    client.force_login(juror)
    review_url = url("challenge:review", pk=assignment.proposal_id)

    assert "Submit my review" not in client.get(review_url).content.decode()
    response = client.post(review_url, review_post(criteria, version=review.version, scores=(3, 4)))

    assert response.status_code == 302
    review.refresh_from_db()
    assert review.submitted_at is not None
    assert sorted(review.scores.values_list("value", flat=True)) == [3, 4]
