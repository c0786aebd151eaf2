"""The "ams" crispy template pack renders Amsterdam Design System form markup."""

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import ButtonHolder, Div, Fieldset, Layout, Submit
from django import forms
from django.template import engines
from django.utils import translation

from ondernemend.districts.models import District
from tests.ondernemend.pages.markup import by_id, find_all, find_one


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="Your first name is enough.")
    email = forms.EmailField(label="E-mail address", required=False)
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    age = forms.IntegerField(label="Age", min_value=16)
    start = forms.DateField(label="Start date", widget=forms.DateInput(attrs={"type": "date"}))
    story = forms.CharField(label="Your story", widget=forms.Textarea)
    district = forms.ChoiceField(
        label="District", choices=[("", "Choose"), ("noord", "Noord"), ("west", "West")]
    )
    consent = forms.BooleanField(label="I agree")
    offers = forms.MultipleChoiceField(
        label="What do you look for?",
        choices=[("workshop", "A workshop"), ("coach", "A coach")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more.",
    )
    language = forms.ChoiceField(
        label="Language", choices=[("nl", "Dutch"), ("en", "English")], widget=forms.RadioSelect
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") == "Taken":
            raise forms.ValidationError("This combination is not possible.")
        return cleaned


VALID = {
    "name": "Sam",
    "password": "secret-words",
    "age": "30",
    "start": "2026-03-01",
    "story": "Once",
    "district": "noord",
    "consent": "on",
    "offers": ["coach"],
    "language": "nl",
}


def render(source: str, form, language: str = "en") -> str:
    with translation.override(language):
        return engines["django"].from_string("{% load crispy_forms_tags %}" + source).render({"form": form})


def test_crispy_tag_renders_design_system_inputs_when_unbound():
    html = render("{% crispy form %}", ExampleForm())

    form = find_one(html, "form")
    assert form.attrs["method"] == "post"
    assert "novalidate" in form.attrs
    assert by_id(html, "id_name").classes == ["ams-text-input"]
    assert by_id(html, "id_email").classes == ["ams-text-input"]
    assert by_id(html, "id_email").attrs["type"] == "email"
    assert by_id(html, "id_password").classes == ["ams-password-input"]
    assert by_id(html, "id_age").classes == ["ams-text-input"]
    assert by_id(html, "id_age").attrs["type"] == "number"
    assert by_id(html, "id_start").classes == ["ams-date-input"]
    assert by_id(html, "id_story").classes == ["ams-text-area"]
    assert by_id(html, "id_district").classes == ["ams-select"]
    assert by_id(html, "id_consent").classes == ["ams-checkbox__input"]
    assert by_id(html, "div_id_name").classes == ["ams-field"]
    assert find_all(html, css_class="ams-invalid-form-alert") == []
    assert find_all(html, css_class="ams-error-message") == []


def test_crispy_tag_labels_every_input_and_marks_optional_fields():
    html = render("{% crispy form %}", ExampleForm())

    name_label = find_one(html, "label", **{"for": "id_name"})
    assert name_label.classes == ["ams-label"]
    assert name_label.text == "Name"
    assert find_one(html, "label", **{"for": "id_email"}).text == "E-mail address (optional)"
    assert find_one(html, "label", **{"for": "id_consent"}).classes == ["ams-checkbox__label"]
    assert "required" in by_id(html, "id_name").attrs
    assert "required" not in by_id(html, "id_email").attrs


def test_crispy_tag_marks_optional_fields_in_dutch():
    html = render("{% crispy form %}", ExampleForm(), language="nl")

    assert find_one(html, "label", **{"for": "id_email"}).text == "E-mail address (niet verplicht)"


def test_crispy_tag_links_hint_to_input_with_aria_describedby():
    html = render("{% crispy form %}", ExampleForm())

    hint = by_id(html, "id_name_helptext")
    assert hint.text == "Your first name is enough."
    assert by_id(html, "id_name").attrs["aria-describedby"] == "id_name_helptext"


def test_crispy_tag_groups_radio_buttons_in_a_field_set_with_legend():
    html = render("{% crispy form %}", ExampleForm())

    field_set = by_id(html, "div_id_language")
    assert field_set.tag == "fieldset"
    assert field_set.classes == ["ams-field-set"]
    assert [legend.text for legend in find_all(html, "legend", "ams-field-set__legend")] == [
        "What do you look for?",
        "Language",
    ]
    assert by_id(html, "id_language_0").classes == ["ams-radio__input"]
    assert by_id(html, "id_language_0").attrs["type"] == "radio"
    assert find_one(html, "label", **{"for": "id_language_1"}).text == "English"
    assert [element.attrs["value"] for element in find_all(html, "input", name="language")] == ["nl", "en"]


def test_crispy_tag_groups_checkboxes_with_hint_on_the_field_set():
    html = render("{% crispy form %}", ExampleForm())

    field_set = by_id(html, "div_id_offers")
    assert field_set.tag == "fieldset"
    assert field_set.attrs["aria-describedby"] == "id_offers_helptext"
    assert by_id(html, "id_offers_helptext").text == "Choose one or more."
    assert by_id(html, "id_offers_1").classes == ["ams-checkbox__input"]
    assert find_one(html, "label", **{"for": "id_offers_1"}).classes == ["ams-checkbox__label"]


def test_invalid_form_shows_error_summary_with_links_to_each_field():
    form = ExampleForm(data={**VALID, "name": "", "email": "not-an-address", "language": ""})
    html = render("{% crispy form %}", form)

    summary = find_one(html, css_class="ams-invalid-form-alert")
    assert summary.attrs["tabindex"] == "-1"
    assert "ams-alert--error" in summary.classes
    assert find_one(html, "h2").text == "Please check 3 things before you go on"
    links = [(link.attrs["href"], link.text) for link in find_all(html, "a", "ams-link-list__link")]
    assert links == [
        ("#id_name", "Name: This field is required."),
        ("#id_email", "E-mail address: Enter a valid email address."),
        ("#id_language_0", "Language: This field is required."),
    ]


def test_invalid_field_gets_error_message_linked_with_aria_describedby():
    form = ExampleForm(data={**VALID, "name": ""})
    html = render("{% crispy form %}", form)

    assert by_id(html, "div_id_name").classes == ["ams-field", "ams-field--invalid"]
    error = by_id(html, "id_name_error")
    assert error.classes == ["ams-error-message"]
    assert error.text == "Input error: This field is required."
    name_input = by_id(html, "id_name")
    assert name_input.attrs["aria-invalid"] == "true"
    assert name_input.attrs["aria-describedby"] == "id_name_helptext id_name_error"
    assert "aria-invalid" not in by_id(html, "id_age").attrs


def test_invalid_radio_group_marks_field_set_and_options():
    form = ExampleForm(data={**VALID, "language": ""})
    html = render("{% crispy form %}", form)

    field_set = by_id(html, "div_id_language")
    assert field_set.classes == ["ams-field-set", "ams-field-set--invalid"]
    assert field_set.attrs["aria-describedby"] == "id_language_error"
    assert by_id(html, "id_language_error").text == "Input error: This field is required."
    assert by_id(html, "id_language_0").attrs["aria-invalid"] == "true"


def test_non_field_errors_appear_in_the_error_summary():
    form = ExampleForm(data={**VALID, "name": "Taken"})
    html = render("{% crispy form %}", form)

    assert find_one(html, "h2").text == "Please check one thing before you go on"
    link = find_one(html, "a", "ams-link-list__link")
    assert (link.attrs["href"], link.text) == ("#id_name", "This combination is not possible.")


def test_error_summary_is_in_dutch_for_dutch_visitors():
    form = ExampleForm(data={**VALID, "name": "", "age": ""})
    html = render("{% crispy form %}", form, language="nl")

    assert find_one(html, "h2").text == "Kijk nog even naar deze 2 punten"
    assert by_id(html, "id_name_error").text == "Invoerfout: Dit veld is verplicht."


def test_crispy_filter_renders_the_same_fields_without_a_form_tag():
    form = ExampleForm(data={**VALID, "age": "12"})
    html = render("{{ form|crispy }}", form)

    assert find_all(html, "form") == []
    assert by_id(html, "id_age").classes == ["ams-text-input"]
    assert (
        by_id(html, "id_age_error").text == "Input error: Ensure this value is greater than or equal to 16."
    )
    link = find_one(html, "a", "ams-link-list__link")
    assert link.attrs["href"] == "#id_age"


def test_as_crispy_field_renders_one_field():
    html = render("{{ form.story|as_crispy_field }}", ExampleForm())

    assert by_id(html, "div_id_story").classes == ["ams-field"]
    assert by_id(html, "id_story").classes == ["ams-text-area"]


def test_valid_form_renders_without_error_markup():
    form = ExampleForm(data=VALID)
    assert form.is_valid()
    html = render("{% crispy form %}", form)

    assert find_all(html, css_class="ams-invalid-form-alert") == []
    assert find_all(html, css_class="ams-field--invalid") == []
    assert by_id(html, "id_consent").attrs.get("checked") == ""


def test_helper_submit_becomes_a_primary_design_system_button():
    form = ExampleForm()
    form.helper = FormHelper()
    form.helper.add_input(Submit("send", "Send"))
    html = render("{% crispy form %}", form)

    button = find_one(html, "input", type="submit")
    assert button.classes == ["ams-button", "ams-button--primary"]
    assert button.attrs["value"] == "Send"


def test_helper_without_labels_keeps_labels_for_screen_readers():
    form = ExampleForm()
    form.helper = FormHelper()
    form.helper.form_show_labels = False
    html = render("{% crispy form %}", form)

    assert find_one(html, "label", **{"for": "id_name"}).classes == ["ams-label", "ams-visually-hidden"]


@pytest.mark.parametrize("template", ["{% crispy form %}", "{{ form|crispy }}"])
def test_formset_renders_every_form_and_one_error_summary(template):
    formset_class = forms.formset_factory(ExampleForm, extra=2)
    formset = formset_class(
        data={
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            **{f"form-0-{name}": value for name, value in VALID.items() if name != "offers"},
            "form-0-offers": "coach",
            "form-1-name": "",
            "form-1-age": "20",
        }
    )
    html = render(template, formset)

    assert by_id(html, "id_form-0-name").classes == ["ams-text-input"]
    assert by_id(html, "id_form-1-name").attrs["aria-invalid"] == "true"
    assert len(find_all(html, css_class="ams-invalid-form-alert")) == 1


def test_layout_objects_render_design_system_markup():
    form = ExampleForm()
    form.helper = FormHelper()
    form.helper.layout = Layout(
        Fieldset("About you", "name", "email"),
        Div("age", css_class="extra"),
        ButtonHolder(Submit("send", "Send")),
    )
    html = render("{% crispy form %}", form)

    field_set = find_one(html, "fieldset", "ams-field-set")
    assert field_set.text == "About you Name Your first name is enough. E-mail address (optional)"
    assert find_one(html, "legend").classes == ["ams-field-set__legend"]
    assert find_one(html, "div", "extra").text == "Age"
    assert find_one(html, "div", "op-button-row").classes == ["op-button-row"]
    assert find_one(html, "input", type="submit").classes == ["ams-button", "ams-button--primary"]
    assert find_all(html, "input", name="story") == []


def test_table_inline_formset_labels_every_input():
    formset = forms.formset_factory(ExampleForm, extra=1)()
    formset.helper = FormHelper()
    formset.helper.template = "ams/table_inline_formset.html"
    html = render("{% crispy form %}", formset)

    headers = [cell.text for cell in find_all(html, "th", "ams-table__header-cell")]
    assert headers[:3] == ["Name", "E-mail address", "Password"]
    label = find_one(html, "label", **{"for": "id_form-0-name"})
    assert label.classes == ["ams-label", "ams-visually-hidden"]
    assert by_id(html, "id_form-0-name").classes == ["ams-text-input"]


class ReachMeForm(forms.Form):
    at_least_one_of = ("phone", "email")

    phone = forms.CharField(label="Phone number", required=False)
    email = forms.EmailField(label="E-mail address", required=False)
    district = forms.CharField(label="District", required=False)


def test_fields_of_which_one_is_required_are_not_marked_optional():
    html = render("{% crispy form %}", ReachMeForm())

    labels = [
        find_one(html, "label", **{"for": f"id_{name}"}).text for name in ("phone", "email", "district")
    ]

    assert labels == ["Phone number", "E-mail address", "District (optional)"]


class ModelChoiceForm(forms.Form):
    district = forms.ModelChoiceField(label="District", queryset=District.objects.order_by("name"))


@pytest.mark.django_db
def test_empty_choice_of_a_select_is_in_dutch():
    html = render("{% crispy form %}", ModelChoiceForm(), language="nl")

    assert find_one(html, "option", value="").text == "- Maak een keuze -"
