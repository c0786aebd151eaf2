"""The trail for coördinators: every audit entry and access-log entry, filtered, paginated, and as CSV.

Read-only: the page has GET filters and links, no form that posts. Downloading is recorded
(`record_trail_export`); looking is not.
"""

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.views import View
from django.views.generic import TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from . import presentation
from .filters import TrailFilterSet
from .models import AuditEntry
from .queries import trail
from .services import record_trail_export
from .sources import trail_sources

ROWS_PER_PAGE = 50
EXPORT_CHUNK = 2000


class TrailMixin(PermissionRequiredMixin):
    permission_required = "audit.view_trail"

    def filterset(self) -> TrailFilterSet:
        return TrailFilterSet(
            self.request.GET or None, queryset=AuditEntry.objects.none(), request=self.request
        )

    def filtered_trail(self, filterset: TrailFilterSet):
        return trail(filterset.rows_filter())

    def present(self, rows):
        extra = {}
        for source in trail_sources():
            extra |= source.action_labels()
        return (presentation.trail_row(row, extra) for row in rows)

    def filter_query(self) -> str:
        """The filters as a query string, without the page number: for the page links and the download."""
        query = self.request.GET.copy()
        query.pop("page", None)
        return query.urlencode()


class TrailView(TrailMixin, TemplateView):
    template_name = "audit/trail.html"

    def get_context_data(self, **kwargs):
        filterset = self.filterset()
        page = Paginator(self.filtered_trail(filterset), ROWS_PER_PAGE).get_page(self.request.GET.get("page"))
        return super().get_context_data(**kwargs) | {
            "form": filterset.form,
            "page_obj": page,
            "rows": list(self.present(page.object_list)),
            "filter_query": self.filter_query(),
        }


class ExportCSVView(TrailMixin, View):
    """Exactly the filtered rows of the page (all pages), masked the same way; headings in Dutch."""

    def get(self, *args, **kwargs):
        filterset = self.filterset()
        filters = {name: value for name, value in self.request.GET.items() if name != "page" and value}
        record_trail_export(by=self.request.user, filters=filters)
        rows = self.filtered_trail(filterset).iterator(chunk_size=EXPORT_CHUNK)

        def lines():
            with translation.override("nl"):
                for line in presentation.csv_lines(self.present(rows)):
                    yield line.encode("utf-8")

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        filename = f"logboek-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
