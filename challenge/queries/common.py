"""Reads that several pages and services share: the amount a proposal asks for."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import BudgetLine, Proposal

ZERO = Decimal("0.00")


def with_requested_amount(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Annotate `requested`: the sum of the budget lines (0 without lines). Never stored twice."""
    lines = (
        BudgetLine.objects.filter(proposal=OuterRef("pk"))
        .order_by()
        .values("proposal")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return proposals.annotate(
        requested=Coalesce(
            Subquery(lines), Value(ZERO), output_field=DecimalField(max_digits=12, decimal_places=2)
        )
    )


def requested_amount(proposal: Proposal) -> Decimal:
    """The sum of the proposal's budget lines now (one query)."""
    return proposal.budget_lines.aggregate(total=Sum("amount"))["total"] or ZERO
