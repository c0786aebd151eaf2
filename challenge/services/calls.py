"""Creating and changing a call: its settings and dates, the rubric (criteria and their levels), the FAQ.

The rubric is published to applicants and used as-is by the jury, so it is locked once the review starts:
a score given on one rubric must never be read against another.
"""

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..enums import Phase
from ..exceptions import RubricLocked, ScoreLevelOutsideScale
from ..models import Challenge, Criterion, CriterionLevel, FaqEntry
from ..phases import reached

CHALLENGE_FIELDS = (
    "title",
    "slug",
    "description",
    "total_budget",
    "max_per_proposal",
    "jurors_per_proposal",
    "opens_at",
    "submission_deadline",
    "review_ends_at",
    "deliberation_ends_at",
)
CRITERION_FIELDS = ("name", "description", "weight", "scale_min", "scale_max", "position")
FAQ_FIELDS = ("question", "answer", "position")


def create_challenge(*, by, **values) -> Challenge:
    """A new call with the fields of CHALLENGE_FIELDS. Raises ValidationError (for a form) on bad values."""
    _only(values, CHALLENGE_FIELDS)
    challenge = Challenge(**values)
    challenge.full_clean()
    with transaction.atomic():
        challenge.save()
        record_change(
            by=by,
            action="challenge.created",
            target=challenge,
            changes=changed_fields({}, challenge, CHALLENGE_FIELDS),
        )
    return challenge


def update_challenge(challenge: Challenge, *, by, **values) -> Challenge:
    """Change some of CHALLENGE_FIELDS. Raises ValidationError (for a form) on bad values."""
    _only(values, CHALLENGE_FIELDS)
    with transaction.atomic():
        challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
        before = snapshot(challenge, CHALLENGE_FIELDS)
        for name, value in values.items():
            setattr(challenge, name, value)
        challenge.full_clean()
        challenge.save()
        if changes := changed_fields(before, challenge, CHALLENGE_FIELDS):
            record_change(by=by, action="challenge.updated", target=challenge, changes=changes)
    return challenge


def add_criterion(
    challenge: Challenge, *, by, levels: Mapping[int, str] | None = None, **values
) -> Criterion:
    """A rubric line (CRITERION_FIELDS) with a descriptor per score level (`{1: "No plan yet", …}`)."""
    _only(values, CRITERION_FIELDS)
    _check_rubric_open(challenge)
    if "position" not in values:
        values["position"] = challenge.criteria.count() + 1
    criterion = Criterion(challenge=challenge, **values)
    criterion.full_clean()
    with transaction.atomic():
        criterion.save()
        _replace_levels(criterion, levels or {})
        record_change(
            by=by,
            action="criterion.created",
            target=criterion,
            changes=changed_fields({}, criterion, CRITERION_FIELDS),
        )
    return criterion


def update_criterion(
    criterion: Criterion, *, by, levels: Mapping[int, str] | None = None, **values
) -> Criterion:
    """Change a rubric line; `levels`, when given, replaces all its level descriptors."""
    _only(values, CRITERION_FIELDS)
    _check_rubric_open(criterion.challenge)
    with transaction.atomic():
        before = snapshot(criterion, CRITERION_FIELDS)
        for name, value in values.items():
            setattr(criterion, name, value)
        criterion.full_clean()
        criterion.save()
        if levels is not None:
            _replace_levels(criterion, levels)
        elif criterion.levels.exclude(value__range=(criterion.scale_min, criterion.scale_max)).exists():
            raise ScoreLevelOutsideScale
        changes = changed_fields(before, criterion, CRITERION_FIELDS)
        if levels is not None:
            changes["levels"] = [None, {str(value): text for value, text in sorted(levels.items())}]
        if changes:
            record_change(by=by, action="criterion.updated", target=criterion, changes=changes)
    return criterion


def remove_criterion(criterion: Criterion, *, by) -> None:
    _check_rubric_open(criterion.challenge)
    with transaction.atomic():
        record_change(
            by=by, action="criterion.removed", target=criterion, changes={"name": [criterion.name, None]}
        )
        criterion.delete()


def add_faq_entry(challenge: Challenge, *, by, question: str, answer: str, position: int | None = None):
    if position is None:
        position = challenge.faq_entries.count() + 1
    entry = FaqEntry(challenge=challenge, question=question, answer=answer, position=position)
    entry.full_clean()
    with transaction.atomic():
        entry.save()
        record_change(
            by=by, action="faq.created", target=entry, changes=changed_fields({}, entry, FAQ_FIELDS)
        )
    return entry


def update_faq_entry(entry: FaqEntry, *, by, **values) -> FaqEntry:
    _only(values, FAQ_FIELDS)
    with transaction.atomic():
        before = snapshot(entry, FAQ_FIELDS)
        for name, value in values.items():
            setattr(entry, name, value)
        entry.full_clean()
        entry.save()
        if changes := changed_fields(before, entry, FAQ_FIELDS):
            record_change(by=by, action="faq.updated", target=entry, changes=changes)
    return entry


def remove_faq_entry(entry: FaqEntry, *, by) -> None:
    with transaction.atomic():
        record_change(by=by, action="faq.removed", target=entry, changes={"question": [entry.question, None]})
        entry.delete()


def money_faq() -> list[tuple[str, str]]:
    """The default questions and answers about money, in the active language (stored as text per call).

    Careful wording: the platform cannot know what money does to someone's benefit, so it promises nothing
    and sends people to the one who decides — before they accept the money.
    """
    return [
        (
            gettext("What may the money be paid for?"),
            gettext(
                "For the costs in your budget that you need to carry out your plan, for example "
                "materials, renting a space, a course, promotion or paying people for their work. Write "
                "each cost on its own line. Not sure whether a cost fits? Ask the programme team before "
                "you submit."
            ),
        ),
        (
            gettext("What are hours in kind?"),
            gettext(
                "Hours that you or others put into the plan without being paid, for example a neighbour "
                "who helps. Write how many hours you expect. They show the jury what your plan gets "
                "besides money. They are not paid from the challenge."
            ),
        ),
        (
            gettext("What is co-funding, and do I need it?"),
            gettext(
                "Co-funding is money for your plan from somewhere else, for example a fund, a housing "
                "association or your own savings. It is not required. If you have it, write the amount and "
                "where it comes from."
            ),
        ),
        (
            gettext("When does the money arrive?"),
            gettext(
                "Only after the results are published and you have made agreements with the programme team. "
                "The team tells you when and how the money is paid. Do not spend money you have not received "
                "yet."
            ),
        ),
        (
            gettext("I have a benefit. What happens to it if I receive money?"),
            gettext(
                "That depends on your situation, and we cannot promise that it makes no difference. Ask your "
                "klantmanager or income consultant before you accept the money. The programme team can help "
                "you prepare that conversation."
            ),
        ),
    ]


def add_money_faq(challenge: Challenge, *, by) -> list[FaqEntry]:
    """Add the default money questions (money_faq) the call does not have yet; returns the new entries."""
    existing = set(challenge.faq_entries.values_list("question", flat=True))
    position = challenge.faq_entries.count()
    added = []
    for question, answer in money_faq():
        if question in existing:
            continue
        position += 1
        added.append(add_faq_entry(challenge, by=by, question=question, answer=answer, position=position))
    return added


def _replace_levels(criterion: Criterion, levels: Mapping[int, str]) -> None:
    if any(value not in criterion.scale for value in levels):
        raise ScoreLevelOutsideScale
    criterion.levels.all().delete()
    CriterionLevel.objects.bulk_create(
        CriterionLevel(criterion=criterion, value=value, descriptor=descriptor.strip())
        for value, descriptor in sorted(levels.items())
        if descriptor.strip()
    )


def _check_rubric_open(challenge: Challenge) -> None:
    if reached(challenge, timezone.now(), Phase.REVIEW):
        raise RubricLocked


def _only(values, allowed) -> None:
    if unknown := set(values) - set(allowed):
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
