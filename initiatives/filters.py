"""The map's filters, shared by the list, the map and the GeoJSON endpoint through the same GET parameters.

`district` (slug), `kind`, `offer`, `for`, `language` and `q` (free text). Contact points have no kind,
offers, audience or languages: when one of those four filters is set, contact points are hidden (a contact
point does not "offer a workshop"), so the result is exactly what the visitor asked for. `district` and `q`
apply to both layers. An invalid value (an unknown district, a made-up kind) is reported in the form and that
filter is ignored: the page never fails on a hand-edited URL.
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Replace
from django.utils.translation import gettext_lazy as _

from ondernemend.districts.models import District
from ondernemend.languages import Language

from .enums import Audience, InitiativeKind, Offer
from .models import ContactPoint, Initiative


def _choice_filter(choices, *, label, empty_label, invalid_message, method):
    return django_filters.ChoiceFilter(
        choices=choices,
        label=label,
        empty_label=empty_label,
        method=method,
        error_messages={"invalid_choice": invalid_message},
    )


def _declare_filters(method_for_facets: str) -> dict:
    """The filters both FilterSets show; the facet filters call `method_for_facets` on their own class."""
    return {
        "district": django_filters.ModelChoiceFilter(
            queryset=District.objects.only("pk", "name", "slug").order_by("name"),
            to_field_name="slug",
            label=_("District"),
            empty_label=_("All districts"),
            field_name="district",
            error_messages={"invalid_choice": _("We do not know this district. Choose one from the list.")},
        ),
        "kind": _choice_filter(
            InitiativeKind.choices,
            label=_("Kind of place"),
            empty_label=_("All kinds"),
            invalid_message=_("We do not know this kind of place. Choose one from the list."),
            method=method_for_facets,
        ),
        "offer": _choice_filter(
            Offer.choices,
            label=_("What you can get there"),
            empty_label=_("Everything"),
            invalid_message=_("We do not know this offer. Choose one from the list."),
            method=method_for_facets,
        ),
        "for": _choice_filter(
            Audience.choices,
            label=_("For whom"),
            empty_label=_("No preference"),
            invalid_message=_("We do not know this group. Choose one from the list."),
            method=method_for_facets,
        ),
        "language": _choice_filter(
            Language.choices,
            label=_("Language spoken"),
            empty_label=_("All languages"),
            invalid_message=_("We do not know this language. Choose one from the list."),
            method=method_for_facets,
        ),
        "q": django_filters.CharFilter(
            label=_("Search words"),
            help_text=_("For example a name, a street or a postcode."),
            method="filter_text",
            max_length=100,
            widget=forms.TextInput(attrs={"type": "search"}),
        ),
    }


def _text_condition(words: str, *, text_fields: tuple[str, ...]) -> Q:
    """Every word must occur in the name, the text, the street or the postcode (with or without its space)."""
    condition = Q()
    for word in words.split():
        word_condition = Q(postcode_compact__icontains=word.replace(" ", ""))
        for field in text_fields:
            word_condition |= Q(**{f"{field}__icontains": word})
        condition &= word_condition
    return condition


class _PlaceFilterSet(django_filters.FilterSet):
    text_fields: tuple[str, ...] = ()

    def __init__(self, *args, shared_form=None, **kwargs):
        super().__init__(*args, **kwargs)
        if shared_form is not None:
            # Both layers read the same GET parameters: validate them (and look up the district) once.
            self._form = shared_form

    def filter_text(self, queryset, _name, value):
        if not value.strip():
            return queryset
        queryset = queryset.annotate(postcode_compact=Replace("postcode", Value(" "), Value("")))
        return queryset.filter(_text_condition(value, text_fields=self.text_fields))


def _has_facet(field: str, codes: list[str]) -> Exists:
    """A subquery instead of a join: a place matches once, however many of its facets match."""
    through = getattr(Initiative, field).through
    return Exists(through.objects.filter(initiative_id=OuterRef("pk"), facet__code__in=codes))


class InitiativeFilterSet(_PlaceFilterSet):
    text_fields = ("name", "description", "street", "postcode")

    class Meta:
        model = Initiative
        fields = []

    def filter_facet(self, queryset, name, value):
        if name == "kind":
            return queryset.filter(kind=value)
        if name == "offer":
            return queryset.filter(_has_facet("offers", [value]))
        if name == "for":
            # A place for everyone is also a place for people on social assistance, UWV or without a benefit.
            return queryset.filter(_has_facet("audiences", sorted({value, Audience.IEDEREEN.value})))
        return queryset.filter(_has_facet("languages", [value]))


class ContactPointFilterSet(_PlaceFilterSet):
    text_fields = ("name", "what_to_ask", "street", "postcode")

    class Meta:
        model = ContactPoint
        fields = []

    def filter_facet(self, queryset, _name, _value):
        # Contact points have no kind, offers, audience or languages: asking for one hides them.
        return queryset.none()


# "for" is a Python keyword, so the filters are added to the classes rather than declared in their bodies.
for _filterset in (InitiativeFilterSet, ContactPointFilterSet):
    _filterset.base_filters.update(_declare_filters("filter_facet"))
    for _name, _filter in _filterset.base_filters.items():
        _filter.field_name = "district" if _name == "district" else _name
