"""The filters above the trail: period, role, kind of action, kind of object, person. Only GET, never a write.

One FilterSet for every log: it filters on the trail's columns (`sources.COLUMNS`), so `filter_queryset`
applies to the audit entries and to each registered log alike, before they are combined.
"""

import django_filters
from django import forms
from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import queries
from .labels import ACTION_LABELS, action_label, role_choices
from .sources import trail_sources

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def target_type_label(target_type: str) -> str:
    """ "workshops.participant" → "Deelnemer"; a model that no longer exists keeps its technical name."""
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return target_type
    return capfirst(model._meta.verbose_name)


class TrailFilterSet(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="trail_at", lookup_expr="date__gte", widget=DATE_WIDGET
    )
    date_to = django_filters.DateFilter(
        label=_("Up to and including"), field_name="trail_at", lookup_expr="date__lte", widget=DATE_WIDGET
    )
    role = django_filters.ChoiceFilter(label=_("Role"), field_name="trail_role", empty_label=_("All roles"))
    action = django_filters.ChoiceFilter(
        label=_("What happened"), field_name="trail_action", empty_label=_("Everything")
    )
    target_type = django_filters.ChoiceFilter(
        label=_("Kind of object"), field_name="trail_target_type", empty_label=_("All kinds")
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Account"),
        queryset=lambda *args: queries.staff_accounts(),  # django-filter passes the request
        method="filter_person",
        empty_label=_("Everyone"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["role"].extra["choices"] = role_choices()
        self.filters["action"].extra["choices"] = self._action_choices()
        self.filters["target_type"].extra["choices"] = self._target_type_choices()

    @staticmethod
    def _action_choices() -> list[tuple[str, str]]:
        extra = {}
        for source in trail_sources():
            extra |= source.action_labels()
        slugs = {*ACTION_LABELS, *extra, *queries.logged_actions()}
        return sorted(((slug, action_label(slug, extra)) for slug in slugs), key=lambda choice: choice[1])

    @staticmethod
    def _target_type_choices() -> list[tuple[str, str]]:
        types = {*queries.logged_target_types()}
        for source in trail_sources():
            types.update(source.target_types)
        return sorted(((value, target_type_label(value)) for value in types), key=lambda choice: choice[1])

    def filter_person(self, queryset, *args):
        value = args[-1]  # django-filter calls (queryset, name, value)
        return queryset.filter(trail_user_id=value.pk)

    def rows_filter(self):
        """What filters one log's rows with the valid filters (an invalid one shows its error instead)."""
        if not self.is_bound:
            return None
        self.form.is_valid()
        return self.filter_queryset
