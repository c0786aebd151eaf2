"""Forms for editing listings: initiatives and contact points share the address, the point and the district.

Everything the database would refuse (postcode, coordinates outside the Netherlands) is checked here first,
with a message that says what to do, so nothing half-saved reaches the database.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ondernemend.accounts.roles import Role
from ondernemend.districts.models import District
from ondernemend.districts.queries import find_district

from ..models import LATITUDE_RANGE, LONGITUDE_RANGE, ContactPoint, Initiative
from ..postcodes import normalise_postcode

COORDINATE_PLACES = Decimal("0.000001")
FACET_FIELDS = ["offers", "audiences", "languages", "trust_signals"]


class CoordinateField(forms.DecimalField):
    """A latitude or longitude as a plain number input; accepts a comma and more than six decimals."""

    widget = forms.NumberInput

    def __init__(self, *, bounds: tuple[float, float], **kwargs):
        self.bounds = bounds
        super().__init__(max_digits=None, decimal_places=None, localize=False, **kwargs)
        self.widget.attrs.update({"step": "any", "inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.quantize(COORDINATE_PLACES, rounding=ROUND_HALF_UP)
        except InvalidOperation as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def validate(self, value):
        super().validate(value)
        if value is not None and not (self.bounds[0] <= float(value) <= self.bounds[1]):
            raise ValidationError(
                _(
                    "This point lies outside the Netherlands. Check the number, or click the place on the "
                    "map. In Amsterdam the latitude is about 52.37 and the longitude about 4.90."
                ),
                code="outside_netherlands",
            )


class MultilineTextField(forms.CharField):
    """A text area whose line breaks are kept as typed (browsers send them as CR LF).

    So a text compares equal to what is saved when nothing was changed, and a length limit counts a line
    break once, as the browser does.
    """

    widget = forms.Textarea

    def to_python(self, value):
        return _unix_newlines(super().to_python(value))

    def has_changed(self, initial, data):
        return super().has_changed(_unix_newlines(initial), data)


def _unix_newlines(value):
    return value.replace("\r\n", "\n") if isinstance(value, str) else value


class PlaceFormMixin(forms.ModelForm):
    """Address, point and district, shared by initiatives and contact points."""

    latitude = CoordinateField(
        label=_("Latitude"),
        bounds=LATITUDE_RANGE,
        help_text=_("A number like 52.372841. Clicking the map fills it in."),
        error_messages={"invalid": _("Enter the latitude as a number, like 52.372841.")},
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        bounds=LONGITUDE_RANGE,
        help_text=_("A number like 4.893604. Clicking the map fills it in."),
        error_messages={"invalid": _("Enter the longitude as a number, like 4.893604.")},
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.order_by("name"),
        required=False,
        help_text=_(
            "Chosen automatically when the point lies inside a district's boundary; "
            "otherwise the district you choose here is used."
        ),
    )

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data.get("postcode", ""))
        if postcode is None:
            raise ValidationError(
                _("Enter a Dutch postcode: four digits and two letters, like 1012 AB."), code="postcode"
            )
        return postcode

    def clean(self):
        cleaned_data = super().clean()
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if latitude is not None and longitude is not None:
            found = find_district(float(latitude), float(longitude))
            if found is not None:
                cleaned_data["district"] = found
        if not cleaned_data.get("district") and "district" not in self.errors:
            self.add_error(
                "district",
                ValidationError(
                    _("Choose the district (stadsdeel) where this place is."), code="district_required"
                ),
            )
        return cleaned_data


class FacetChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, facet):
        return facet.label


class InitiativeForm(PlaceFormMixin):
    editors = forms.ModelMultipleChoiceField(
        label=_("Editors"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Initiative leads who may keep this listing up to date."),
    )

    class Meta:
        model = Initiative
        fields = [
            "name",
            "kind",
            "description",
            *FACET_FIELDS,
            "street",
            "postcode",
            "latitude",
            "longitude",
            "district",
            "opening_hours",
            "email",
            "phone",
            "website",
        ]
        field_classes = {
            **dict.fromkeys(FACET_FIELDS, FacetChoiceField),
            **dict.fromkeys(["description", "opening_hours"], MultilineTextField),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "street": forms.TextInput(attrs={"autocomplete": "off"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "off", "size": 8}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }
        help_texts = {
            "opening_hours": _("For example: Monday to Friday 10:00–16:00, Wednesday evening 19:00–21:00."),
        }

    def __init__(self, *args, can_choose_editors: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if can_choose_editors:
            self.fields["editors"].queryset = (
                get_user_model()
                .objects.filter(is_active=True, groups__name=Role.INITIATIEFNEMER)
                .distinct()
                .order_by("name", "email")
            )
            if self.instance.pk:  # not a model field of the form: show who may edit now, or saving clears it
                self.fields["editors"].initial = list(self.instance.editors.all())
        else:
            del self.fields["editors"]

    def facets(self) -> dict[str, list]:
        return {field: list(self.cleaned_data[field]) for field in FACET_FIELDS}

    def chosen_editors(self) -> list | None:
        return list(self.cleaned_data["editors"]) if "editors" in self.fields else None


class ContactPointForm(PlaceFormMixin):
    class Meta:
        model = ContactPoint
        fields = [
            "name",
            "what_to_ask",
            "street",
            "postcode",
            "latitude",
            "longitude",
            "district",
            "opening_hours",
            "email",
            "phone",
            "website",
            "published",
        ]
        widgets = {
            "what_to_ask": forms.Textarea(attrs={"rows": 5}),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "street": forms.TextInput(attrs={"autocomplete": "off"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "off", "size": 8}),
            "phone": forms.TextInput(attrs={"type": "tel"}),
        }
        field_classes = dict.fromkeys(["what_to_ask", "opening_hours"], MultilineTextField)
        labels = {"published": _("Show on the public map")}
