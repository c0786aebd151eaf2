"""The challenge: calls with a rubric, proposals from initiatives, the jury's reviews and the decisions.

Slim models: the phase of a call is derived from its dates (challenge.phases), the requested amount of a
proposal is the sum of its budget lines (a query annotation, challenge.queries), and every write goes through
challenge.services. Proposals are not participant data: they belong to an initiative, and the team text names
the people the applicants chose to name.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from ondernemend.validators import validate_plain_text

from .enums import AttachmentType, ConflictKind, Outcome, ProposalStatus

MONEY = {"max_digits": 10, "decimal_places": 2}


class Challenge(models.Model):
    title = models.CharField(_("title"), max_length=150, validators=[validate_plain_text])
    slug = models.SlugField(_("web address name"), max_length=160, unique=True)
    description = models.TextField(
        _("description"),
        max_length=4000,
        help_text=_("In plain language: what the call is for, and for whom."),
    )
    total_budget = models.DecimalField(_("total budget (euros)"), **MONEY)
    max_per_proposal = models.DecimalField(_("maximum per proposal (euros)"), **MONEY)
    jurors_per_proposal = models.PositiveSmallIntegerField(_("jury members per proposal"), default=3)
    opens_at = models.DateTimeField(_("open for proposals from"))
    submission_deadline = models.DateTimeField(_("deadline for proposals"))
    review_ends_at = models.DateTimeField(_("jury review ends"))
    deliberation_ends_at = models.DateTimeField(_("jury decides by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(condition=Q(max_per_proposal__gt=0), name="challenge_max_positive"),
            models.CheckConstraint(
                condition=Q(max_per_proposal__lte=F("total_budget")), name="challenge_max_within_total"
            ),
            models.CheckConstraint(condition=Q(jurors_per_proposal__gte=1), name="challenge_jurors_positive"),
            models.CheckConstraint(
                condition=Q(opens_at__lt=F("submission_deadline"))
                & Q(submission_deadline__lt=F("review_ends_at"))
                & Q(review_ends_at__lt=F("deliberation_ends_at")),
                name="challenge_dates_ordered",
            ),
        ]

    def __str__(self):
        return self.title


class FaqEntry(models.Model):
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="faq_entries"
    )
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"), max_length=2000)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.question


class Criterion(models.Model):
    """One line of the rubric. Every criterion counts towards the total and must be scored."""

    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=1000)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    scale_min = models.SmallIntegerField(_("lowest score"), default=1)
    scale_max = models.SmallIntegerField(_("highest score"), default=5)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="challenge_criterion_weight_positive"),
            models.CheckConstraint(
                condition=Q(scale_min__lt=F("scale_max")), name="challenge_criterion_scale_ordered"
            ),
            models.UniqueConstraint(fields=["challenge", "name"], name="challenge_criterion_unique_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def scale(self) -> range:
        return range(self.scale_min, self.scale_max + 1)


class CriterionLevel(models.Model):
    """What a score means on one criterion ("3: the plan names its first customers")."""

    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="levels"
    )
    value = models.SmallIntegerField(_("score"))
    descriptor = models.CharField(_("what this score means"), max_length=300)

    class Meta:
        verbose_name = _("score level")
        verbose_name_plural = _("score levels")
        ordering = ["value"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "value"], name="challenge_level_unique_value"),
        ]

    def __str__(self):
        return f"{self.value}: {self.descriptor}"


class Proposal(models.Model):
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.PROTECT, related_name="proposals"
    )
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=150, blank=True, validators=[validate_plain_text])
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    plan = models.TextField(_("plan"), max_length=8000, blank=True)
    team = models.TextField(_("team"), max_length=2000, blank=True)
    in_kind_hours = models.PositiveIntegerField(
        _("hours given in kind"), default=0, help_text=_("Hours that people give without being paid.")
    )
    co_funding_amount = models.DecimalField(_("co-funding (euros)"), default=0, **MONEY)
    co_funding_source = models.CharField(_("co-funding from"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["challenge", "title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "initiative"], name="challenge_one_proposal_per_initiative"
            ),
            models.CheckConstraint(
                condition=Q(co_funding_amount__gte=0), name="challenge_proposal_co_funding_not_negative"
            ),
        ]

    def __str__(self):
        return self.title or str(_("Proposal without a title"))


class BudgetLine(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    description = models.CharField(_("what it is for"), max_length=200, validators=[validate_plain_text])
    amount = models.DecimalField(_("amount (euros)"), **MONEY)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="challenge_budget_line_positive"),
        ]

    def __str__(self):
        return self.description


def attachment_path(attachment: "Attachment", filename: str) -> str:
    """A generated name on disk: never the uploaded name, which could hold a path or odd characters."""
    suffix = PurePosixPath(filename).suffix.lower()
    return f"challenge/proposals/{attachment.proposal_id}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=AttachmentType.choices)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class JuryMember(models.Model):
    challenge = models.ForeignKey(
        Challenge, verbose_name=_("challenge"), on_delete=models.CASCADE, related_name="jury"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("jury member"),
        on_delete=models.PROTECT,
        related_name="jury_memberships",
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("jury member")
        verbose_name_plural = _("jury members")
        ordering = ["challenge", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "user"], name="challenge_jury_member_unique"),
        ]

    def __str__(self):
        return str(self.user)


class Conflict(models.Model):
    """A juror's declared conflict of interest: they never review this proposal."""

    member = models.ForeignKey(
        JuryMember, verbose_name=_("jury member"), on_delete=models.CASCADE, related_name="conflicts"
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="conflicts"
    )
    kind = models.CharField(_("kind of conflict"), max_length=20, choices=ConflictKind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["member", "proposal"], name="challenge_conflict_unique"),
        ]

    def __str__(self):
        return f"{self.member} – {self.proposal}"


class Assignment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey(
        JuryMember, verbose_name=_("jury member"), on_delete=models.CASCADE, related_name="assignments"
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["proposal", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "member"], name="challenge_assignment_unique"),
        ]

    def __str__(self):
        return f"{self.member} – {self.proposal}"


class Review(models.Model):
    assignment = models.OneToOneField(
        Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="review"
    )
    strengths = models.TextField(_("strengths"), max_length=3000, blank=True)
    improvements = models.TextField(_("points to improve"), max_length=3000, blank=True)
    private_note = models.TextField(
        _("private note"),
        max_length=3000,
        blank=True,
        help_text=_("Only the jury and the coordinator read this."),
    )
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return str(self.assignment)


class Score(models.Model):
    review = models.ForeignKey(
        Review, verbose_name=_("review"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    value = models.SmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="challenge_score_unique"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Question(models.Model):
    """The clarification round: one question per juror per proposal. The applicant never sees who asked."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="questions"
    )
    asked_by = models.ForeignKey(
        JuryMember, verbose_name=_("asked by"), on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField(_("question"), max_length=1000)
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    answer = models.TextField(_("answer"), max_length=3000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("question to the applicant")
        verbose_name_plural = _("questions to the applicant")
        ordering = ["asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "asked_by"], name="challenge_one_question_per_juror"),
        ]

    def __str__(self):
        return self.text[:60]


class Decision(models.Model):
    """The outcome for one proposal; pending until `published_at` is set (all of a call at once)."""

    proposal = models.OneToOneField(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    amount = models.DecimalField(_("amount awarded (euros)"), default=0, **MONEY)
    applicant_agreed = models.BooleanField(_("the applicant agreed to the lower amount"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.AWARD_LESS) | Q(applicant_agreed=True),
                name="challenge_award_less_needs_agreement",
            ),
            models.CheckConstraint(
                condition=(Q(outcome=Outcome.REJECT) & Q(amount=0))
                | (~Q(outcome=Outcome.REJECT) & Q(amount__gt=0)),
                name="challenge_decision_amount_matches_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.proposal}: {self.get_outcome_display()}"
