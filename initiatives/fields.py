"""Form fields for choosing initiatives, used by every form that lists them (also outside this app)."""

from django import forms

from .models import Initiative


def initiative_choices():
    """Every initiative, duplicates of one name next to each other and then by district."""
    return Initiative.objects.order_by("name", "district__name", "pk")


class InitiativeChoiceField(forms.ModelChoiceField):
    """A choice list of initiatives labelled "Name (District)".

    Names are not unique ("Buurtkamer" exists in several districts), so the name alone does not tell a
    coördinator which one they pick. The district comes in the same query as the initiatives, whichever
    queryset a form assigns, so a long list stays one query.
    """

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset=initiative_choices() if queryset is None else queryset, **kwargs)

    def _set_queryset(self, queryset):
        super()._set_queryset(None if queryset is None else queryset.select_related("district"))

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, initiative):
        return f"{initiative.name} ({initiative.district.name})"
