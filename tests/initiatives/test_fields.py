import pytest
from django import forms

from initiatives.fields import InitiativeChoiceField
from initiatives.models import Initiative
from ondernemend.districts.models import District
from tests.factories.initiatives import InitiativeFactory
from workshops.forms.manage import SeriesForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_buurtkamers():
    return [
        InitiativeFactory(
            name="Buurtkamer", slug="buurtkamer-zuid", district=District.objects.get(slug="zuid")
        ),
        InitiativeFactory(
            name="Buurtkamer", slug="buurtkamer-noord", district=District.objects.get(slug="noord")
        ),
        InitiativeFactory(name="Atelier West", district=District.objects.get(slug="west")),
    ]


def test_initiatives_with_the_same_name_are_told_apart_by_district(two_buurtkamers):
    field = InitiativeChoiceField()

    labels = [label for value, label in field.choices if value]

    assert labels == ["Atelier West (West)", "Buurtkamer (Noord)", "Buurtkamer (Zuid)"]


def test_initiative_choices_take_one_query_whatever_queryset_a_form_assigns(
    two_buurtkamers, django_assert_num_queries
):
    class ChooseForm(forms.Form):
        initiative = InitiativeChoiceField()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["initiative"].queryset = Initiative.objects.order_by("name")

    with django_assert_num_queries(1):
        html = str(ChooseForm()["initiative"])

    assert html.count("Buurtkamer (") == 2


def test_series_form_lists_initiatives_by_name_and_district(two_buurtkamers):
    form = SeriesForm()

    labels = sorted(label for value, label in form.fields["initiative"].choices if value)

    assert labels == ["Atelier West (West)", "Buurtkamer (Noord)", "Buurtkamer (Zuid)"]
