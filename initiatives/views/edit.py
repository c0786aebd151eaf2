"""Placeholder: being built (issue 3)."""

from django.views.generic import View


class ManageView(View):
    pass


class InitiativeCreateView(View):
    pass


class InitiativeUpdateView(View):
    pass


class InitiativePublishView(View):
    pass


class ContactPointCreateView(View):
    pass


class ContactPointUpdateView(View):
    pass
