"""The network overview for municipal staff and coördinators, its CSV export and freezing a quarter."""

from django.contrib import messages
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from ondernemend.districts.models import District
from ondernemend.permissions import PermissionRequiredMixin

from . import export, presentation, visuals
from .exceptions import CannotFreeze
from .forms import OverviewFilterForm
from .models import Snapshot
from .periods import Period
from .queries import overview_figures
from .services import freeze_quarter

VIEW_PERMISSION = "overview.view_overview"
FREEZE_PERMISSION = "overview.freeze_quarter"


class OverviewMixin(PermissionRequiredMixin):
    permission_required = VIEW_PERMISSION

    def overview(self) -> dict:
        """The chosen district and period and their figures: frozen ones if the period was frozen."""
        districts = list(District.objects.order_by("name"))
        form = OverviewFilterForm(
            self.request.GET or None,
            districts=[(district.slug, district.name) for district in districts],
            today=timezone.localdate(),
        )
        slug, period = form.chosen()
        if not form.is_bound:
            form.initial = {"period": period.key}
        snapshot = Snapshot.objects.filter(period=period.key).select_related("frozen_by").first()
        figures = snapshot.data if snapshot is not None else overview_figures(period)
        chosen = next((district for district in districts if district.slug == slug), None)
        return {
            "form": form,
            "period": period,
            "districts": districts,
            "district": chosen,
            "snapshot": snapshot,
            "figures": figures,
            "status": _status(snapshot),
            "sections": presentation.overview_sections(figures, slug),
        }


def _status(snapshot: Snapshot | None) -> str:
    if snapshot is None:
        return _("Current figures")
    return _("Frozen on %(date)s") % {"date": date_format(timezone.localtime(snapshot.frozen_at), "j F Y")}


class OverviewView(OverviewMixin, TemplateView):
    template_name = "overview/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs) | self.overview()
        figures, district, period = context["figures"], context["district"], context["period"]
        counts = presentation.district_initiative_counts(figures)
        initiatives, contact_points, links = presentation.network_for(figures, district and district.name)
        context |= {
            "district_map": visuals.district_map(
                [(each, counts.get(each.slug, 0)) for each in context["districts"]]
            ),
            "network": visuals.partnership_network(initiatives, contact_points, links),
            "can_freeze": (
                context["snapshot"] is None
                and period.is_quarter
                and period.is_closed(timezone.now())
                and self.request.user.has_perm(FREEZE_PERMISSION)
            ),
            "export_query": self.request.GET.urlencode(),
        }
        return context


class ExportCSVView(OverviewMixin, View):
    """Exactly the tables of the page, with the same rows and hidden cells; headings and labels in Dutch."""

    def get(self, *args, **kwargs):
        with translation.override("nl"):
            overview = self.overview()
            period, district = overview["period"], overview["district"]
            lines = list(export.csv_lines(overview["sections"], period.label(), overview["status"]))
        response = StreamingHttpResponse(
            (line.encode("utf-8") for line in lines), content_type="text/csv; charset=utf-8"
        )
        place = district.slug if district else "amsterdam"
        response["Content-Disposition"] = f'attachment; filename="netwerkoverzicht-{period.key}-{place}.csv"'
        return response


class FreezeView(PermissionRequiredMixin, View):
    """Confirm, then freeze the figures of a closed quarter (coördinators)."""

    permission_required = FREEZE_PERMISSION

    def period(self) -> Period:
        period = Period.parse(self.kwargs["period"])
        if period is None or not period.is_quarter:
            raise Http404
        return period

    def get(self, request, *args, **kwargs):
        period = self.period()
        frozen = Snapshot.objects.filter(period=period.key).exists()
        return render(request, "overview/freeze.html", {"period": period, "frozen": frozen})

    def post(self, request, *args, **kwargs):
        period = self.period()
        try:
            freeze_quarter(period, by=request.user)
        except CannotFreeze as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The figures of %(period)s are frozen.") % {"period": period.label()})
        return redirect(reverse("overview:index") + "?" + urlencode({"period": period.key}))
