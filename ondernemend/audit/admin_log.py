"""Changes made in the Django admin (/beheer/) as rows of the coördinators' trail.

The services write an audit entry for every change they make; the admin bypasses them. Django records each
admin save and delete in its own LogEntry, so that log joins the trail as a source (see `sources`), with
who, when, what and which object, but not the change message: the trail shows no values of the admin's
forms, and the object's name (`object_repr`) is left out as well. Roles and rights changed in the admin also
get an audit entry with before and after (ondernemend/accounts/admin.py).
"""

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from ondernemend.accounts.roles import BEHEERDER, UNKNOWN_ROLE

from .sources import TrailSource, trail_columns

ACTIONS = {ADDITION: "admin.added", CHANGE: "admin.changed", DELETION: "admin.deleted"}
# The models the admin can change here (ondernemend/urls.py ADMIN_MODULES), for the "kind of object" filter.
ADMIN_TARGET_TYPES = (
    "accounts.user",
    "districts.district",
    "initiatives.initiative",
    "initiatives.contactpoint",
    "initiatives.partnership",
    "initiatives.outdatedreport",
)


def admin_log_rows():
    return LogEntry.objects.annotate(
        **trail_columns(
            kind="admin",
            at="action_time",
            user="user",
            # Only the beheerder (a superuser) may use the admin; anyone else with admin access is written
            # down as unknown, so that nobody is shown in a role she does not have.
            role=Case(
                When(user__is_superuser=True, then=Value(BEHEERDER)),
                default=Value(UNKNOWN_ROLE),
                output_field=CharField(),
            ),
            action=Case(
                *(When(action_flag=flag, then=Value(slug)) for flag, slug in ACTIONS.items()),
                output_field=CharField(),
            ),
            target_type=Concat(F("content_type__app_label"), Value("."), F("content_type__model")),
            target_id="object_id",
        )
    )


def admin_action_labels() -> dict[str, str]:
    return {
        "admin.added": _("Added in the admin"),
        "admin.changed": _("Changed in the admin"),
        "admin.deleted": _("Deleted in the admin"),
    }


ADMIN_LOG = TrailSource(
    key="admin.log",
    rows=admin_log_rows,
    action_labels=admin_action_labels,
    target_types=ADMIN_TARGET_TYPES,
)
