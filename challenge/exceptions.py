"""Why a change in the challenge cannot be made. Each error carries the plain message the user sees.

Views show `error.message` (translated); they never match English text. The errors that come from a
conflicting save carry what was saved (`current`), so a page can show it and nothing typed is lost.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _


def euros(amount) -> str:
    """An amount as the active language writes it: 5.500,00 in Dutch, 5,500.00 in English."""
    return number_format(amount, decimal_pos=2, force_grouping=True)


class ChallengeError(Exception):
    message = _("This cannot be done now.")

    def __init__(self, *args):
        super().__init__(*(args or [type(self).__name__]))


# --- Calls and the rubric -------------------------------------------------------------------------------


class RubricLocked(ChallengeError):
    message = _("The jury has started reviewing, so the rubric can no longer change.")


class ScoreLevelOutsideScale(ChallengeError):
    message = _("Each level must be a score on the criterion's scale.")


# --- Proposals ------------------------------------------------------------------------------------------


class NotAnEditor(ChallengeError):
    message = _("You can only write a proposal for an initiative you edit on the map.")


class SubmissionNotOpen(ChallengeError):
    message = _("This challenge is not open for proposals yet.")


class SubmissionClosed(ChallengeError):
    message = _(
        "The deadline for proposals has passed, so this can no longer be changed. Your proposal is saved as "
        "it was. Questions? Ask the programme team."
    )


class ProposalExists(ChallengeError):
    message = _("This initiative already has a proposal for this challenge. Open that one to continue.")


class ProposalChanged(ChallengeError):
    """Someone saved the proposal in another tab or browser since this form was opened."""

    message = _(
        "Someone saved this proposal in another tab or browser while you were writing. Below is what was "
        "saved; your text is still in the form. Copy what you need, then save again."
    )

    def __init__(self, current):
        super().__init__("proposal saved elsewhere")
        self.current = current


class ProposalNotEditable(ChallengeError):
    message = _("A submitted proposal cannot be changed. Withdraw it first if the deadline has not passed.")


class OverBudget(ChallengeError):
    def __init__(self, requested, maximum):
        super().__init__("over budget")
        self.requested, self.maximum = requested, maximum
        self.message = _(
            "Your budget asks for € %(requested)s; the most you can ask for is € %(maximum)s. "
            "Lower an amount and submit again. Your proposal is saved."
        ) % {"requested": euros(requested), "maximum": euros(maximum)}


class ProposalIncomplete(ChallengeError):
    """Submitting needs every required part and at least one budget line; `missing` holds their codes
    (field names, "budget_lines") and the message their names."""

    def __init__(self, missing: dict):
        super().__init__("proposal incomplete: " + ", ".join(missing))
        self.missing = list(missing)
        self.message = _("Fill in these parts before you submit: %(parts)s. Your proposal is saved.") % {
            "parts": ", ".join(str(label) for label in missing.values())
        }


class NotSubmitted(ChallengeError):
    message = _("Only a submitted proposal can be withdrawn.")


# --- Attachments (checked by challenge.uploads) ---------------------------------------------------------


class UploadRefused(ChallengeError):
    message = _("This file cannot be added.")


class NotAnAllowedType(UploadRefused):
    message = _(
        "This file is not really a PDF, PNG or JPEG file. Save it as PDF or take a photo of it, and try "
        "again. Your proposal is saved as it was."
    )


def megabytes(size_bytes: int) -> str:
    """A size in megabytes as people write it in the current language: "1", "1,5" (Dutch), "1.5"."""
    value = round(size_bytes / (1024 * 1024), 1)
    return number_format(int(value) if value == int(value) else value)


class FileTooLarge(UploadRefused):
    def __init__(self, limit_bytes: int):
        super().__init__("file too large")
        self.message = _("This file is larger than %(megabytes)s MB. Make it smaller and try again.") % {
            "megabytes": megabytes(limit_bytes)
        }


class EmptyFile(UploadRefused):
    message = _("This file is empty.")


class UnsafeFileName(UploadRefused):
    message = _("Give the file a simple name, without slashes or hidden characters, and try again.")


class FileNameTooLong(UploadRefused):
    def __init__(self, limit: int):
        super().__init__("file name too long")
        self.message = _("Give the file a shorter name, of at most %(limit)s characters, and try again.") % {
            "limit": limit
        }


class TooManyAttachments(UploadRefused):
    message = _("A proposal can have at most 10 files. Remove one first.")


# --- The jury -------------------------------------------------------------------------------------------


class NotAJuror(ChallengeError):
    message = _("Only someone with the jury member role can join a jury.")


class AlreadyInJury(ChallengeError):
    message = _("This person is already in the jury of this challenge.")


class ReviewAlreadyStarted(ChallengeError):
    message = _(
        "You have already started reviewing this proposal, so it cannot be given to someone else "
        "automatically. Tell the coordinator about the conflict; they will sort it out with you."
    )


class AssignmentLocked(ChallengeError):
    message = _("The jury has started reviewing, so the proposals can no longer be divided again.")


class AssignmentNotPossible(ChallengeError):
    message = _(
        "Proposals are divided among the jury after the deadline for proposals, before the review ends."
    )


class ReviewClosed(ChallengeError):
    message = _("Reviews can only be written while the jury is reviewing.")


class ScoreOutsideScale(ChallengeError):
    message = _("Choose a score on the scale of each criterion.")


class ReviewIncomplete(ChallengeError):
    message = _("Give a score for every criterion before you submit.")


class ReviewChanged(ChallengeError):
    """Someone saved this review in another tab since this form was opened; `current` is what was saved."""

    message = _(
        "Someone saved this review in another tab while you were working. Below is what was saved; your "
        "scores and text are still in the form. Check both, then save again."
    )

    def __init__(self, current):
        super().__init__("review saved elsewhere")
        self.current = current


class QuestionsClosed(ChallengeError):
    message = _("Questions can only be asked and answered while the jury is reviewing.")


class QuestionAlreadyAsked(ChallengeError):
    message = _("You have already asked your question about this proposal. Each jury member can ask one.")


# --- Decisions ------------------------------------------------------------------------------------------


class DecisionNotPossible(ChallengeError):
    message = _("Decisions are made after the jury's review, on submitted proposals, before publication.")


class AgreementRequired(ChallengeError):
    message = _("Award less than requested only after the applicant has agreed to the lower amount.")


class AmountNotLess(ChallengeError):
    message = _("A lower amount must be more than € 0 and less than the amount requested.")


class OverTotalBudget(ChallengeError):
    message = _("Together the awards would be more than the total budget of the challenge.")


class DecisionsIncomplete(ChallengeError):
    message = _("Decide on every submitted proposal before you publish the results.")


class AlreadyPublished(ChallengeError):
    message = _("The results have been published; decisions can no longer change.")
