"""Placeholder: being built (issue 3)."""

from django.views.generic import View


class MapView(View):
    pass


class GeoJSONView(View):
    pass


class MarkerDetailView(View):
    pass


class InitiativeDetailView(View):
    pass


class ContactPointDetailView(View):
    pass
