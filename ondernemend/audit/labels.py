"""Readable names for the action slugs and roles in the audit log, for the coördinators' page and its CSV.

The slugs are written by the services of every app (`record_change(action="series.updated")`); the base
knows them only as text, never by importing an app. A slug without a label is shown as the slug itself;
tests/ondernemend/audit/test_coverage.py requires a label for every slug the code writes.
"""

from django.utils.translation import gettext_lazy as _

from ondernemend.accounts.roles import BEHEERDER, Role, role_label

from .services import PARTICIPANT, SYSTEM

ACTION_LABELS = {
    "account.logged_out_everywhere": _("Logged out everywhere"),
    "attendance.saved": _("Attendance saved"),
    "audit.exported": _("Audit log downloaded"),
    "certificate.issued": _("Certificate issued"),
    "certificate.revoked": _("Certificate withdrawn"),
    "certificate.visibility_changed": _("Certificate made public or private"),
    "challenge.created": _("Challenge created"),
    "challenge.decided": _("Decisions completed"),
    "challenge.published": _("Decisions published"),
    "challenge.updated": _("Challenge changed"),
    "contactpoint.created": _("Contact point added"),
    "contactpoint.updated": _("Contact point changed"),
    "contactpoint.verified": _("Contact point checked"),
    "criterion.created": _("Criterion added"),
    "criterion.removed": _("Criterion removed"),
    "criterion.updated": _("Criterion changed"),
    "decision.recorded": _("Decision recorded"),
    "faq.created": _("Question and answer added"),
    "faq.removed": _("Question and answer removed"),
    "faq.updated": _("Question and answer changed"),
    "initiative.created": _("Initiative added"),
    "initiative.imported": _("Initiative imported"),
    "initiative.published": _("Initiative published"),
    "initiative.unpublished": _("Initiative taken off the map"),
    "initiative.updated": _("Initiative changed"),
    "initiative.verified": _("Initiative checked"),
    "intake.created": _("Intake filled in"),
    "intake.updated": _("Intake changed"),
    "invitation.accepted": _("Invitation accepted"),
    "invitation.renewed": _("Invitation sent again"),
    "invitation.revoked": _("Invitation withdrawn"),
    "invitation.sent": _("Invitation sent"),
    "jury.assigned": _("Proposals divided among the jury"),
    "jury.assignment_moved": _("Proposal given to another jury member"),
    "jury.conflict_declared": _("Conflict of interest reported"),
    "jury.conflict_updated": _("Conflict of interest changed"),
    "jury.member_added": _("Jury member added"),
    "overview.quarter_frozen": _("Quarter figures frozen"),
    "participant.anonymised": _("Participant made unrecognisable"),
    "participant.erased": _("Participant's data erased at her request"),
    "participant.updated": _("Participant changed"),
    "proposal.attachment_added": _("Attachment added to a proposal"),
    "proposal.attachment_removed": _("Attachment removed from a proposal"),
    "proposal.created": _("Proposal started"),
    "proposal.saved": _("Proposal saved"),
    "proposal.submitted": _("Proposal submitted"),
    "proposal.withdrawn": _("Proposal withdrawn"),
    "question.answered": _("Question answered"),
    "question.asked": _("Question asked"),
    "reflection.added": _("Reflection added"),
    "registration.cancelled": _("Registration cancelled"),
    "review.saved": _("Review saved"),
    "review.submitted": _("Review submitted"),
    "second_factor.app_confirmed": _("Authenticator app set up"),
    "second_factor.passkey_added": _("Passkey added"),
    "second_factor.passkey_removed": _("Passkey removed"),
    "second_factor.recovery_codes_created": _("New recovery codes made"),
    "second_factor.reset": _("Second log-in step reset"),
    "series.created": _("Workshop series created"),
    "series.updated": _("Workshop series changed"),
    "session.cancelled": _("Meeting cancelled"),
    "session.created": _("Meeting added"),
    "session.restored": _("Meeting takes place after all"),
    "session.updated": _("Meeting changed"),
    "user.created": _("Account created"),
    "user.rights_changed": _("Roles or rights changed in the admin"),
    "user.roles_changed": _("Roles changed"),
}

EXTRA_ROLES = {SYSTEM: _("System"), PARTICIPANT: _("Participant herself")}


def action_label(action: str, extra: dict | None = None) -> str:
    """The readable name of an action slug; the slug itself when nobody gave it a name yet."""
    label = ACTION_LABELS.get(action) or (extra or {}).get(action)
    return str(label) if label else action


def trail_role_label(role: str) -> str:
    """A role as written down in a log ("coach", "beheerder", "system"), in words."""
    if role in EXTRA_ROLES:
        return str(EXTRA_ROLES[role])
    return str(role_label(role))


def role_choices() -> list[tuple[str, str]]:
    """Every role an entry can have, for the filter."""
    values = [*Role.values, BEHEERDER, *EXTRA_ROLES]
    return [(value, trail_role_label(value)) for value in values]
