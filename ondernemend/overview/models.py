"""A frozen quarter: the overview's figures as they were shown when a coördinator froze them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Snapshot(models.Model):
    """The figures of one closed quarter, already through disclosure control, for every district.

    `data` holds exactly what `queries.overview_figures` returned at `frozen_at` (suppressed counts, no row
    per person), so a later change in the data — attendance recorded late, a certificate issued — does not
    change what the city reported for that quarter.
    """

    ALL_DISTRICTS = ""

    period = models.CharField(_("period"), max_length=7, unique=True)
    district_scope = models.CharField(
        _("districts"),
        max_length=100,
        blank=True,
        default=ALL_DISTRICTS,
        help_text=_("Empty: every district."),
    )
    frozen_at = models.DateTimeField(_("frozen at"), default=timezone.now)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("frozen by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    data = models.JSONField(_("figures"))

    class Meta:
        verbose_name = _("frozen quarter")
        verbose_name_plural = _("frozen quarters")
        ordering = ["-period"]

    def __str__(self):
        return self.period
