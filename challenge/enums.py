"""Fixed vocabularies of the challenge (DESIGN.md §3.3). Codes are stable: they are stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """Where a challenge stands. Derived from its dates by `challenge.phases.phase_of`, never stored."""

    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open for proposals")
    REVIEW = "review", _("Jury is reviewing")
    DELIBERATION = "deliberation", _("Jury is deciding")
    DECIDED = "decided", _("Decided, not yet published")
    PUBLISHED = "published", _("Results published")


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ConflictKind(models.TextChoices):
    """Why a juror may not review a proposal (DESIGN.md §3.3)."""

    ORGANISATION = "organisation", _("Same organisation or board")
    FUNDING = "funding", _("Funding relation")
    FAMILY = "family", _("Family")
    NETWORK_PARTNER = "network-partner", _("Network partner")


class Outcome(models.TextChoices):
    AWARD = "award", _("Award the amount requested")
    AWARD_LESS = "award-less", _("Award less than requested, with the applicant's agreement")
    REJECT = "reject", _("Do not award")


class AttachmentType(models.TextChoices):
    """The kinds of file a proposal may carry, as recognised from their content (challenge.uploads)."""

    PDF = "pdf", _("PDF document")
    PNG = "png", _("PNG image")
    JPEG = "jpeg", _("JPEG image")
