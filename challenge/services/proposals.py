"""Writing a proposal: start it, save drafts, submit it, withdraw it, add and remove attachments.

An applicant edits an initiative on the map (`Initiative.editors`). Drafts may be saved at any time while
the call is open, also with a budget over the maximum: the server checks the maximum on submitting, and
refusing then loses nothing. Two tabs cannot overwrite each other: every save names the version it started
from and fails with ProposalChanged (carrying what was saved) when someone saved in between.
"""

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..enums import Phase, ProposalStatus
from ..exceptions import (
    NotAnEditor,
    NotSubmitted,
    OverBudget,
    ProposalChanged,
    ProposalExists,
    ProposalIncomplete,
    ProposalNotEditable,
    SubmissionClosed,
    SubmissionNotOpen,
    TooManyAttachments,
)
from ..models import Attachment, BudgetLine, Challenge, Proposal
from ..phases import current_phase
from ..queries.common import requested_amount
from ..uploads import check_upload

PROPOSAL_FIELDS = (
    "title",
    "summary",
    "plan",
    "team",
    "in_kind_hours",
    "co_funding_amount",
    "co_funding_source",
)
# What a submitted proposal must have, besides at least one budget line; with the name the applicant sees.
REQUIRED_FOR_SUBMISSION = {
    "title": _("title"),
    "summary": _("summary"),
    "plan": _("plan"),
    "team": _("team"),
}
MAX_ATTACHMENTS = 10
EXTENSIONS = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg"}


def start_proposal(*, challenge: Challenge, initiative, by) -> Proposal:
    """A new, empty draft for `initiative`, which `by` edits. One proposal per initiative per call."""
    if not initiative.editors.filter(pk=by.pk).exists():
        raise NotAnEditor
    _check_open(challenge)
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(challenge=challenge, initiative=initiative, created_by=by)
            record_change(by=by, action="proposal.created", target=proposal)
    except IntegrityError:
        raise ProposalExists from None
    return proposal


def save_proposal(
    proposal: Proposal,
    *,
    by,
    version: int,
    budget_lines: Sequence[tuple[str, Decimal]] | None = None,
    **values,
) -> Proposal:
    """Save a draft: the fields of PROPOSAL_FIELDS, and `budget_lines` (description, amount) replacing all
    lines when given. A withdrawn proposal becomes a draft again. Raises ProposalChanged when the proposal
    was saved since `version`, SubmissionClosed after the deadline, ValidationError on a bad value."""
    if unknown := set(values) - set(PROPOSAL_FIELDS):
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    lines = _budget_lines(budget_lines) if budget_lines is not None else None
    with transaction.atomic():
        locked = _lock_editable(proposal, by=by, version=version)
        before = snapshot(locked, PROPOSAL_FIELDS)
        old_lines = _line_snapshot(locked)
        for name, value in values.items():
            setattr(locked, name, value.strip() if isinstance(value, str) else value)
        locked.full_clean(exclude=["challenge", "initiative", "created_by"], validate_unique=False)
        was_withdrawn = locked.status == ProposalStatus.WITHDRAWN
        locked.status = ProposalStatus.DRAFT
        locked.withdrawn_at = None
        locked.version = F("version") + 1
        locked.updated_at = timezone.now()
        locked.save()
        if lines is not None:
            locked.budget_lines.all().delete()
            BudgetLine.objects.bulk_create(
                BudgetLine(proposal=locked, description=description, amount=amount, position=position)
                for position, (description, amount) in enumerate(lines, start=1)
            )
        locked.refresh_from_db()
        changes = changed_fields(before, locked, PROPOSAL_FIELDS)
        if lines is not None and (new_lines := _line_snapshot(locked)) != old_lines:
            changes["budget"] = [old_lines, new_lines]
        if was_withdrawn:
            changes["status"] = [ProposalStatus.WITHDRAWN.value, ProposalStatus.DRAFT.value]
        record_change(by=by, action="proposal.saved", target=locked, changes=changes)
    return locked


def submit_proposal(proposal: Proposal, *, by, version: int | None = None) -> Proposal:
    """Submit a draft (the explicit, confirmed step). Refused after the deadline (SubmissionClosed), over
    the maximum (OverBudget) or without a required part or budget line (ProposalIncomplete); nothing is
    lost then. Submitting a submitted proposal again changes nothing."""
    with transaction.atomic():
        locked = _lock(proposal, by=by, version=version)
        _check_open(locked.challenge)
        if locked.status == ProposalStatus.SUBMITTED:
            return locked
        missing = {
            name: label for name, label in REQUIRED_FOR_SUBMISSION.items() if not getattr(locked, name)
        }
        if not locked.budget_lines.exists():
            missing["budget_lines"] = _("budget")
        if missing:
            raise ProposalIncomplete(missing)
        requested = requested_amount(locked)
        if requested > locked.challenge.max_per_proposal:
            raise OverBudget(requested, locked.challenge.max_per_proposal)
        before = locked.status
        now = timezone.now()
        Proposal.objects.filter(pk=locked.pk).update(
            status=ProposalStatus.SUBMITTED,
            submitted_at=now,
            withdrawn_at=None,
            version=F("version") + 1,
            updated_at=now,
        )
        locked.refresh_from_db()
        record_change(
            by=by,
            action="proposal.submitted",
            target=locked,
            changes={"status": [before, locked.status], "requested": [None, str(requested)]},
        )
    return locked


def withdraw_proposal(proposal: Proposal, *, by) -> Proposal:
    """Take a submitted proposal back; possible until the deadline. It can be saved and submitted again."""
    with transaction.atomic():
        locked = _lock(proposal, by=by)
        _check_open(locked.challenge)
        if locked.status != ProposalStatus.SUBMITTED:
            raise NotSubmitted
        now = timezone.now()
        Proposal.objects.filter(pk=locked.pk).update(
            status=ProposalStatus.WITHDRAWN, withdrawn_at=now, version=F("version") + 1, updated_at=now
        )
        locked.refresh_from_db()
        record_change(
            by=by,
            action="proposal.withdrawn",
            target=locked,
            changes={"status": [ProposalStatus.SUBMITTED.value, ProposalStatus.WITHDRAWN.value]},
        )
    return locked


def add_attachment(proposal: Proposal, *, by, upload) -> Attachment:
    """Attach an uploaded file (anything with `.name`, `.size` and `.read()`, such as Django's UploadedFile).

    Checked by content (challenge.uploads): a PDF, PNG or JPEG up to CHALLENGE_ATTACHMENT_MAX_BYTES; the
    file is stored through Django's storage API under a generated name, never the uploaded one.
    """
    max_bytes = settings.CHALLENGE_ATTACHMENT_MAX_BYTES
    content = upload.read(max_bytes + 1)  # one byte more than allowed is enough to know it is too large
    checked = check_upload(upload.name, content, max_bytes=max_bytes)
    with transaction.atomic():
        locked = _lock(proposal, by=by)
        _check_editable(locked)
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise TooManyAttachments
        attachment = Attachment(
            proposal=locked, original_name=checked.name, kind=checked.kind, size=checked.size
        )
        attachment.file.save(f"upload{EXTENSIONS[checked.kind]}", ContentFile(content), save=False)
        try:  # the file is in storage now: if what follows fails, remove it again
            attachment.save()
            Proposal.objects.filter(pk=locked.pk).update(version=F("version") + 1, updated_at=timezone.now())
            record_change(
                by=by,
                action="proposal.attachment_added",
                target=locked,
                changes={"attachments": [None, checked.name]},
            )
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


def remove_attachment(attachment: Attachment, *, by) -> None:
    with transaction.atomic():
        locked = _lock(attachment.proposal, by=by)
        _check_editable(locked)
        name, file_name, storage = attachment.original_name, attachment.file.name, attachment.file.storage
        attachment.delete()
        Proposal.objects.filter(pk=locked.pk).update(version=F("version") + 1, updated_at=timezone.now())
        record_change(
            by=by, action="proposal.attachment_removed", target=locked, changes={"attachments": [name, None]}
        )
        # Only once the row is gone for good: a rolled-back removal keeps its file.
        transaction.on_commit(lambda: storage.delete(file_name))


def _lock(proposal: Proposal, *, by, version: int | None = None) -> Proposal:
    """The proposal, locked for this transaction, after checking that `by` edits its initiative and that
    nobody saved it since `version` (when given)."""
    locked = (
        Proposal.objects.select_for_update().select_related("challenge", "initiative").get(pk=proposal.pk)
    )
    if not locked.initiative.editors.filter(pk=by.pk).exists():
        raise NotAnEditor
    if version is not None and locked.version != version:
        raise ProposalChanged(locked)
    return locked


def _lock_editable(proposal: Proposal, *, by, version: int) -> Proposal:
    locked = _lock(proposal, by=by, version=version)
    _check_editable(locked)
    return locked


def _check_editable(proposal: Proposal) -> None:
    _check_open(proposal.challenge)
    if proposal.status == ProposalStatus.SUBMITTED:
        raise ProposalNotEditable


def _check_open(challenge: Challenge) -> None:
    phase = current_phase(challenge)
    if phase == Phase.DRAFT:
        raise SubmissionNotOpen
    if phase != Phase.OPEN:
        raise SubmissionClosed


def _budget_lines(lines) -> list[tuple[str, Decimal]]:
    """The lines as (description, amount), without empty rows; ValidationError on a line that is not right."""
    cleaned = []
    for description, amount in lines:
        description = (description or "").strip()
        if not description and amount in (None, ""):
            continue
        text = str(amount).strip().replace("€", "").replace(" ", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # a Dutch decimal comma: 99,50
        try:
            amount = Decimal(text).quantize(Decimal("0.01"))
        except (InvalidOperation, ValueError):
            raise ValidationError(
                _("Write each amount as a number of euros, such as 150 or 99.50.")
            ) from None
        if not description:
            raise ValidationError(_("Say what each amount in the budget is for."))
        if amount <= 0:
            raise ValidationError(_("Each amount in the budget must be more than € 0."))
        BudgetLine(description=description, amount=amount).full_clean(exclude=["proposal"])
        cleaned.append((description, amount))
    return cleaned


def _line_snapshot(proposal: Proposal) -> list[list[str]]:
    return [[line.description, str(line.amount)] for line in proposal.budget_lines.all()]
