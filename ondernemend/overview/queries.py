"""The overview's reads: every figure in SQL, grouped per district, in a fixed number of queries.

`overview_figures(period)` returns one JSON-ready dict for the whole city: the page, the CSV export and a
frozen quarter (`models.Snapshot`) all read it, so they can never disagree. Counts about people leave this
module only through `disclosure.suppress` — disclosure control sits in the query layer, not in a template.

The figures are always computed for every district, and a page about one district shows that district's rows
of the city-wide tables. Suppressing each selection on its own would let a reader subtract two views (the
city, and the city without one district) and find a hidden cell; one suppression for the whole city cannot
be played off against itself.

Which district a figure belongs to: a listing's own district; a partnership the district of its initiative;
a registration, an attendance record or a participant-mix count the district where the series is held (the
initiative that hosts it), never where the participant lives; a proposal the district of its initiative.
"""

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from challenge.enums import Outcome, ProposalStatus
from challenge.models import BudgetLine, Proposal
from initiatives.enums import InitiativeKind, Offer
from initiatives.freshness import STALE
from initiatives.models import ContactPoint, Initiative, Partnership
from ondernemend.districts.models import District
from ondernemend.languages import Language
from workshops.enums import ATTENDED_STATUSES, AttendanceStatus, IdeaStage, IncomeSituation
from workshops.models import Attendance, Certificate, Registration

from .disclosure import TOTAL, default_threshold, percentage, suppress
from .periods import Period

UNKNOWN = "onbekend"  # no answer recorded (income situation, district), or no intake yet (idea stage)
OTHER_LANGUAGE = "overig"
# Languages shown on their own; the rest are counted together, since each would be a tiny group.
MIX_LANGUAGES = [Language.NL, Language.EN, Language.AR, Language.TR]
LANGUAGES = [*MIX_LANGUAGES, OTHER_LANGUAGE]
INCOME = [*IncomeSituation.values, UNKNOWN]
IDEA_STAGES = [*IdeaStage.values, UNKNOWN]
ATTENDANCE = ["attended", "absent"]
FUNNEL = ["interest", "intake", "attended", "certificate"]
LISTINGS = ["initiatives", "contact_points", "partnerships", "without_partner", "outdated"]
CHALLENGE = ["proposals", "awarded", "requested", "granted"]
AMOUNTS = {"requested", "granted"}
ZERO = Decimal("0.00")


def overview_figures(period: Period, now: datetime | None = None) -> dict:
    """Every figure of the overview for `period`, for every district; 16 queries whatever the data."""
    now = now or timezone.now()
    districts = list(District.objects.order_by("name").values_list("slug", "name"))
    slugs = [slug for slug, _name in districts]
    threshold = default_threshold()
    registrations = _cohort(period)
    attendance = suppress(_rows(_attendance_counts(period, now), slugs, ATTENDANCE), threshold)
    return {
        "period": period.key,
        "computed_at": now.isoformat(),
        "threshold": threshold,
        "districts": districts,
        "initiatives_by_kind": _without_suppression(
            _initiatives_by_kind(period), slugs, InitiativeKind.values
        ),
        "initiatives_by_offer": _without_suppression(_initiatives_by_offer(period), slugs, Offer.values),
        "listings": _without_suppression(_listings(period, now), slugs, LISTINGS),
        "funnel": suppress(_rows(_funnel(registrations), slugs, FUNNEL), threshold),
        "attendance": attendance,
        "attendance_rates": _rates(attendance),
        "mix_income": suppress(
            _rows(_mix(registrations, "participant__income_situation"), slugs, INCOME), threshold
        ),
        "mix_language": suppress(_rows(_language_mix(registrations), slugs, LANGUAGES), threshold),
        "mix_idea_stage": suppress(
            _rows(_mix(registrations, "intake__idea_stage"), slugs, IDEA_STAGES), threshold
        ),
        "challenge": _challenge(period, slugs),
        "network": _partnership_network(period),
    }


def _rows(counts: dict, slugs: list[str], columns: list[str] | None = None) -> dict:
    """A row per district, in name order, with the given columns (0 where nothing was counted)."""
    table = {slug: dict(counts.get(slug, {})) for slug in slugs}
    if UNKNOWN in counts:
        table[UNKNOWN] = dict(counts[UNKNOWN])
    for row in table.values():
        for column in columns or []:
            row.setdefault(column, 0)
    if columns:
        table = {slug: {column: row[column] for column in columns} for slug, row in table.items()}
    return table


def _without_suppression(counts: dict, slugs: list[str], columns: list[str] | None = None) -> dict:
    """Listings are not people: their counts are shown whole, with the same totals as the people's tables."""
    return suppress(_rows(counts, slugs, columns), threshold=1)


def _nested(rows, row_key: str, column_key: str, value_key: str = "n") -> dict:
    table: dict = defaultdict(dict)
    for row in rows:
        table[row[row_key] or UNKNOWN][row[column_key] or UNKNOWN] = row[value_key]
    return table


# --- the network: listings on the map --------------------------------------------------------------------


def _listed(model, period: Period):
    """Published now, and added before the end of the period."""
    return model.objects.published().filter(created_at__lt=period.end).order_by()


def _initiatives_by_kind(period: Period) -> dict:
    rows = _listed(Initiative, period).values("district__slug", "kind").annotate(n=Count("pk"))
    return _nested(rows, "district__slug", "kind")


def _initiatives_by_offer(period: Period) -> dict:
    rows = (
        _listed(Initiative, period)
        .filter(offers__isnull=False)
        .values("district__slug", "offers__code")
        .annotate(n=Count("pk"))
    )
    return _nested(rows, "district__slug", "offers__code")


def _partnerships(period: Period):
    return Partnership.objects.filter(
        since__lt=period.day_after, initiative__published=True, contact_point__published=True
    ).order_by()


def _listings(period: Period, now: datetime) -> dict:
    table: dict = defaultdict(dict)
    partnered = _partnerships(period).filter(initiative=OuterRef("pk"))
    initiatives = (
        _listed(Initiative, period)
        .values("district__slug")
        .annotate(
            initiatives=Count("pk"),
            without_partner=Count("pk", filter=~Q(Exists(partnered))),
            outdated=Count("pk", filter=STALE.condition(now)),
        )
    )
    for row in initiatives:
        slug = row.pop("district__slug")
        table[slug] |= row
    contact_points = (
        _listed(ContactPoint, period)
        .values("district__slug")
        .annotate(contact_points=Count("pk"), outdated=Count("pk", filter=STALE.condition(now)))
    )
    for row in contact_points:
        slug = row.pop("district__slug")
        table[slug]["contact_points"] = row["contact_points"]
        table[slug]["outdated"] = table[slug].get("outdated", 0) + row["outdated"]
    partnerships = _partnerships(period).values("initiative__district__slug").annotate(n=Count("pk"))
    for row in partnerships:
        table[row["initiative__district__slug"]]["partnerships"] = row["n"]
    return table


def _partnership_network(period: Period) -> dict:
    """Who works with whom: published initiatives and contact points with their district, and the links."""
    fields = ("pk", "name", "district__name")
    return {
        "initiatives": [
            list(row) for row in _listed(Initiative, period).order_by("name").values_list(*fields)
        ],
        "contact_points": [
            list(row) for row in _listed(ContactPoint, period).order_by("name").values_list(*fields)
        ],
        "links": [
            list(pair)
            for pair in _partnerships(period)
            .filter(initiative__created_at__lt=period.end, contact_point__created_at__lt=period.end)
            .order_by("initiative", "contact_point")
            .values_list("initiative_id", "contact_point_id")
        ],
    }


# --- the workshops: always through suppress --------------------------------------------------------------

SERIES_DISTRICT = "series__initiative__district__slug"


def _cohort(period: Period):
    """Every registration made in the period (with a place, waiting or cancelled): the interest."""
    return Registration.objects.filter(created_at__gte=period.start, created_at__lt=period.end).order_by()


def _funnel(registrations) -> dict:
    attended = Attendance.objects.filter(
        registration=OuterRef("pk"), status__in=ATTENDED_STATUSES, session__cancelled=False
    )
    certified = Certificate.objects.filter(registration=OuterRef("pk"), revoked_at__isnull=True)
    rows = registrations.values(SERIES_DISTRICT).annotate(
        interest=Count("pk"),
        intake=Count("intake"),
        attended=Count("pk", filter=Q(Exists(attended))),
        certificate=Count("pk", filter=Q(Exists(certified))),
    )
    return {row.pop(SERIES_DISTRICT): row for row in rows}


def _attendance_counts(period: Period, now: datetime) -> dict:
    """Attendance records of the sessions held in the period: attended (present or late) and absent."""
    rows = (
        Attendance.objects.filter(
            session__starts_at__gte=period.start,
            session__starts_at__lt=min(period.end, now),
            session__cancelled=False,
        )
        .order_by()
        .values("session__series__initiative__district__slug")
        .annotate(
            attended=Count("pk", filter=Q(status__in=ATTENDED_STATUSES)),
            absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
        )
    )
    return {row.pop("session__series__initiative__district__slug"): row for row in rows}


def _rates(table: dict) -> dict:
    """Attended as a share of attended plus absent (excused is not absent), where that is at least 20."""
    return {row: percentage(cells.get("attended"), cells.get(TOTAL)) for row, cells in table.items()}


def _mix(registrations, field: str) -> dict:
    rows = registrations.values(SERIES_DISTRICT, field).annotate(n=Count("participant", distinct=True))
    return _nested(rows, SERIES_DISTRICT, field)


def _language_mix(registrations) -> dict:
    field = "participant__preferred_language"
    table: dict = defaultdict(lambda: defaultdict(int))
    rows = registrations.values(SERIES_DISTRICT, field).annotate(n=Count("participant", distinct=True))
    for row in rows:
        language = row[field] if row[field] in MIX_LANGUAGES else OTHER_LANGUAGE
        table[row[SERIES_DISTRICT] or UNKNOWN][language] += row["n"]
    return {slug: dict(columns) for slug, columns in table.items()}


# --- the challenge: proposals belong to initiatives, amounts are money ------------------------------------


def _challenge(period: Period, slugs: list[str]) -> dict:
    """Proposals submitted in the period per district: how many, how many got money, euros asked and given.

    Only published decisions count: an award is news for the city once the applicants have heard it.
    """
    submitted = Proposal.objects.filter(
        status=ProposalStatus.SUBMITTED, submitted_at__gte=period.start, submitted_at__lt=period.end
    ).order_by()
    published_award = Q(decision__published_at__isnull=False) & ~Q(decision__outcome=Outcome.REJECT)
    rows = submitted.values("initiative__district__slug").annotate(
        proposals=Count("pk"),
        awarded=Count("pk", filter=published_award),
        granted=Sum("decision__amount", filter=published_award),
    )
    requested = (
        BudgetLine.objects.filter(proposal__in=submitted)
        .order_by()
        .values("proposal__initiative__district__slug")
        .annotate(total=Sum("amount"))
    )
    asked = {row["proposal__initiative__district__slug"]: row["total"] for row in requested}
    table = {slug: {"proposals": 0, "awarded": 0, "requested": ZERO, "granted": ZERO} for slug in slugs}
    for row in rows:
        slug = row["initiative__district__slug"]
        table[slug] |= {
            "proposals": row["proposals"],
            "awarded": row["awarded"],
            "granted": row["granted"] or ZERO,
            "requested": asked.get(slug) or ZERO,
        }
    total = {column: sum(cells[column] for cells in table.values()) for column in CHALLENGE}
    table[TOTAL] = total
    # Amounts as text ("1250.00"): exact in JSON, and a frozen quarter keeps the cents.
    return {
        slug: {column: str(value) if column in AMOUNTS else value for column, value in cells.items()}
        for slug, cells in table.items()
    }
