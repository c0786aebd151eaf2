"""The participants' access log as rows of the coördinators' audit trail (`ondernemend.audit.sources`).

Only the number of the participant goes in, never a name; the reason is shown because the coördinator
must be able to check it. Registered in `WorkshopsConfig.ready()`.
"""

from django.db.models import CharField, F, Value
from django.db.models.functions import Concat

from ondernemend.audit.sources import TrailSource, trail_columns

from ..enums import AccessAction
from ..models import AccessLogEntry

PARTICIPANT_TYPE = "workshops.participant"


def access_log_rows():
    return AccessLogEntry.objects.annotate(
        **trail_columns(
            kind="access",
            at="at",
            user="user",
            role=F("role"),
            action=Concat(Value("access."), F("action"), output_field=CharField()),
            target_type=Value(PARTICIPANT_TYPE, output_field=CharField()),
            target_id="participant_id",
            reason=F("reason"),
        )
    )


def access_action_labels() -> dict[str, str]:
    return {f"access.{value}": label for value, label in AccessAction.choices}


ACCESS_LOG = TrailSource(
    key="workshops.access_log",
    rows=access_log_rows,
    action_labels=access_action_labels,
    target_types=(PARTICIPANT_TYPE,),
)
