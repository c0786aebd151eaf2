"""Placeholder: being built (issue 4)."""

from django.views.generic import View


class AgendaView(View):
    pass


class SeriesView(View):
    pass


class SignUpView(View):
    pass


class SignUpDoneView(View):
    pass
