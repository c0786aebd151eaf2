"""Writes for the map. Every listing is saved through `save_place`: district and freshness stay right.

What a person changes (`by`) is written to the audit log (ondernemend/audit) in the same transaction:
the fields that changed with their old and new values; listings hold no personal data.
"""

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from ondernemend.audit.services import changed_fields, record_change, snapshot
from ondernemend.districts.queries import find_district

from .models import ContactPoint, Initiative, OutdatedReport, Place
from .queries.edit import coordinators, stale_listings_to_remind

SLUG_BASE_LENGTH = 150  # leaves room for "-2", "-3", … within the field's 160 characters
# Dates the platform keeps by itself: a check or a save is recorded as its own action, not as a change.
BOOKKEEPING_FIELDS = {"verified_at", "created_at", "updated_at", "stale_notified_at"}


def assign_district(place: Place) -> bool:
    """Give the place the district whose imported boundary holds its point; True when one was found.

    Without a matching boundary the district the editor chose stays.
    """
    district = find_district(float(place.latitude), float(place.longitude))
    if district is None:
        return False
    place.district = district
    return True


@transaction.atomic
def save_place(place: Place, *, facets: dict[str, list] | None = None, verify: bool = True) -> Place:
    """Validate and save a listing (Initiative or ContactPoint); saving counts as checking it (`verified_at`).

    `facets` maps an Initiative's M2M field names (offers, audiences, languages, trust_signals) to Facets.
    """
    assign_district(place)
    if verify:
        place.verified_at = timezone.now()
    place.full_clean(exclude=["district"] if place.district_id else None)
    place.save()
    if facets and isinstance(place, Initiative):
        for field, values in facets.items():
            getattr(place, field).set(values)
    return place


def unique_slug(model: type[Place], name: str, *, exclude_pk: int | None = None) -> str:
    """A web address name from `name`, with -2, -3, … when another listing already has it."""
    base = slugify(name)[:SLUG_BASE_LENGTH] or model._meta.model_name
    taken = set(
        model.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def audited_fields(model: type[Place]) -> list[str]:
    """The fields a person edits (facets and editors included), compared for the audit entry of a save."""
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        and field.editable
        and field.name not in BOOKKEEPING_FIELDS
    ]


def _saved_state(place: Place) -> dict | None:
    """The listing as it is in the database now, to compare after the save; None for a new one."""
    if place.pk is None:
        return None
    return snapshot(type(place).objects.get(pk=place.pk), audited_fields(type(place)))


def _record_save(place: Place, before: dict | None, *, by) -> None:
    model_name = place._meta.model_name
    fields = audited_fields(type(place))
    if before is None:
        record_change(by=by, action=f"{model_name}.created", target=place, changes=snapshot(place, fields))
    else:
        changes = changed_fields(before, place, fields)
        record_change(by=by, action=f"{model_name}.updated", target=place, changes=changes)


def save_initiative(
    initiative: Initiative, *, facets: dict[str, list], by, editors: list | None = None
) -> Initiative:
    """Save an initiative from the edit form; a new one gets a unique slug. Coördinators set editors."""
    with transaction.atomic():
        before = _saved_state(initiative)
        if not initiative.slug:
            initiative.slug = unique_slug(Initiative, initiative.name)
        save_place(initiative, facets=facets)
        if editors is not None:
            initiative.editors.set(editors)
        _record_save(initiative, before, by=by)
    return initiative


def save_contact_point(contact_point: ContactPoint, *, by) -> ContactPoint:
    with transaction.atomic():
        before = _saved_state(contact_point)
        if not contact_point.slug:
            contact_point.slug = unique_slug(ContactPoint, contact_point.name)
        save_place(contact_point)
        _record_save(contact_point, before, by=by)
    return contact_point


@transaction.atomic
def verify_place(place: Place, *, by) -> Place:
    """ "Still correct": the listing was checked and nothing changed."""
    place.verified_at = timezone.now()
    place.save(update_fields=["verified_at"])
    record_change(by=by, action=f"{place._meta.model_name}.verified", target=place)
    return place


@transaction.atomic
def set_published(initiative: Initiative, *, published: bool, by) -> Initiative:
    was_published = initiative.published
    initiative.published = published
    initiative.save(update_fields=["published", "updated_at"])
    record_change(
        by=by,
        action="initiative.published" if published else "initiative.unpublished",
        target=initiative,
        changes={"published": [was_published, published]},
    )
    return initiative


def _send(*, template: str, context: dict, recipients: list[str], language: str) -> None:
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL}
        subject = "".join(render_to_string(f"{template}_subject.txt", context).splitlines())
        body = render_to_string(f"{template}_email.txt", context)
    for recipient in recipients:  # one e-mail each: recipients do not see each other's addresses
        send_mail(subject, body, None, [recipient])


def _emails(users) -> list[str]:
    return sorted({user.email for user in users if user.is_active})


def report_outdated(*, initiative: Initiative, message: str, reply_email: str = "") -> OutdatedReport:
    """Store a visitor's report; its editors and every coördinator get an e-mail once it is saved."""
    with transaction.atomic():
        report = OutdatedReport.objects.create(
            initiative=initiative, message=message.strip(), reply_email=reply_email.strip()
        )
        recipients = _emails([*initiative.editors.all(), *coordinators()])
        transaction.on_commit(
            partial(
                _send,
                template="initiatives/report/email/report",
                context={
                    "initiative": initiative,
                    "report": report,
                    "edit_url": settings.SITE_URL + _edit_path(initiative),
                },
                recipients=recipients,
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
        )
    return report


def remind_stale_listings(*, now=None) -> int:
    """E-mail editors and coördinators about listings not checked for 12 months; at most monthly per listing.

    Each person gets one e-mail listing their outdated listings. Returns the number of listings reminded.
    """
    now = now or timezone.now()
    initiatives = list(stale_listings_to_remind(Initiative, now=now))
    contact_points = list(stale_listings_to_remind(ContactPoint, now=now))
    if not initiatives and not contact_points:
        return 0
    per_editor: dict[str, list[Place]] = {}
    for initiative in initiatives:
        for email in _emails(initiative.editors.all()):
            per_editor.setdefault(email, []).append(initiative)
    everything = [*initiatives, *contact_points]
    with transaction.atomic():
        for model, places in ((Initiative, initiatives), (ContactPoint, contact_points)):
            model.objects.filter(pk__in=[place.pk for place in places]).update(stale_notified_at=now)
        mailings = {**per_editor, **dict.fromkeys(_emails(coordinators()), everything)}
        for email, places in mailings.items():
            transaction.on_commit(
                partial(
                    _send,
                    template="initiatives/edit/email/stale",
                    context={
                        "places": [(place, settings.SITE_URL + _edit_path(place)) for place in places],
                        "manage_url": settings.SITE_URL + reverse("initiatives:manage"),
                    },
                    recipients=[email],
                    language=settings.LANGUAGE_CODE,
                )
            )
    return len(everything)


def _edit_path(place: Place) -> str:
    name = "initiatives:edit" if isinstance(place, Initiative) else "initiatives:contactpoint_edit"
    return reverse(name, kwargs={"slug": place.slug})
