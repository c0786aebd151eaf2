"""The printable flyer per district, as a web page and as an A4 PDF; public, like the map."""

from django.http import HttpResponse
from django.views.generic import TemplateView, View

from ondernemend.permissions import PermissionRequiredMixin

from ..access import district_or_404
from ..flyer import build_flyer, render_flyer_pdf


class DistrictFlyerMixin(PermissionRequiredMixin):
    permission_required = "initiatives.view_map"

    def get_permission_object(self):
        return district_or_404(self.kwargs["district"])


class FlyerView(DistrictFlyerMixin, TemplateView):
    template_name = "initiatives/flyer/page.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(flyer=build_flyer(self.permission_object), **kwargs)


class FlyerPDFView(DistrictFlyerMixin, View):
    def get(self, *args, **kwargs):
        district = self.permission_object
        response = HttpResponse(render_flyer_pdf(district), content_type="application/pdf")
        # Inline: the browser shows it and the visitor prints or saves it.
        response["Content-Disposition"] = f'inline; filename="folder-{district.slug}.pdf"'
        return response
