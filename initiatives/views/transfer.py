"""Placeholder: being built (issue 3)."""

from django.views.generic import View


class ExportCSVView(View):
    pass


class ExportGeoJSONView(View):
    pass


class ImportCSVView(View):
    pass
