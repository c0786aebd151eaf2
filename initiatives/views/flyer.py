"""The printable flyer per district, as a web page and as an A4 PDF; public, like the map."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView, View

from ondernemend.districts.models import District

from ..flyer import build_flyer, render_flyer_pdf


class FlyerView(TemplateView):
    template_name = "initiatives/flyer/page.html"

    def get_context_data(self, **kwargs):
        district = get_object_or_404(District, slug=self.kwargs["district"])
        return super().get_context_data(flyer=build_flyer(district), **kwargs)


class FlyerPDFView(View):
    def get(self, request, district):
        district = get_object_or_404(District, slug=district)
        response = HttpResponse(render_flyer_pdf(district), content_type="application/pdf")
        # Inline: the browser shows it and the visitor prints or saves it.
        response["Content-Disposition"] = f'inline; filename="folder-{district.slug}.pdf"'
        return response
