"""Helpers for the "ams" crispy template pack (templates/ams/): Amsterdam Design System form markup.

Django itself adds `required`, `aria-invalid` and `aria-describedby` ("<id>_helptext <id>_error") to the
widgets; these helpers only add the design system's classes and collect the errors for the error summary.
"""

from dataclasses import dataclass

from django import forms, template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_noop

register = template.Library()

# Django 6.1 shows "- Select an option -" as the empty choice of a select, and has no Dutch for it yet.
# Naming Django's msgid here keeps it, with our translation, in locale/nl when `make messages` runs.
BLANK_CHOICE_LABEL = gettext_noop("- Select an option -")

INPUT_CLASSES = {
    "date": "ams-date-input",
    "datetime-local": "ams-date-input",
    "time": "ams-time-input",
    "password": "ams-password-input",
    "checkbox": "ams-checkbox__input",
    "radio": "ams-radio__input",
    "file": "",
    "hidden": "",
}


def widget_class(widget: forms.Widget) -> str:
    """The design system class for one widget (the first sub-widget of a MultiWidget)."""
    if isinstance(widget, forms.MultiWidget):
        return widget_class(widget.widgets[0])
    if isinstance(widget, forms.Textarea):
        return "ams-text-area"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return ""
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "ams-select"
    input_type = getattr(widget, "input_type", "text")
    return INPUT_CLASSES.get(input_type, "ams-text-input")


def _join_classes(*classes: str) -> str:
    seen = []
    for class_list in classes:
        for name in (class_list or "").split():
            if name not in seen:
                seen.append(name)
    return " ".join(seen)


@register.simple_tag
def ams_widget(field):
    """Renders a bound field's widget with the design system class added to its own classes."""
    widget = field.field.widget
    css_class = _join_classes(widget.attrs.get("class", ""), widget_class(widget))
    return field.as_widget(attrs={"class": css_class} if css_class else None)


@register.simple_tag
def ams_option(option, css_class):
    """Renders one radio button or checkbox of a RadioSelect/CheckboxSelectMultiple with `css_class`."""
    data = dict(option.data)
    data["attrs"] = {**data["attrs"], "class": _join_classes(data["attrs"].get("class", ""), css_class)}
    data["wrap_label"] = False
    # The option template escapes every value, as BoundWidget.tag() does.
    return mark_safe(  # nosec B308 B703 # Django's escaping template: see above
        option.renderer.render(option.template_name, {"widget": data})
    )


@register.filter
def ams_uses_fieldset(field) -> bool:
    """Radio buttons, checkbox groups and multi-widgets are grouped in a field set with a legend."""
    return field.field.widget.use_fieldset


@register.filter
def ams_marked_optional(field) -> bool:
    """Whether the label says "(optional)": not for fields of a group of which one must be filled in.

    A form lists such a group in `at_least_one_of` (e.g. phone or e-mail) and says so in its text;
    "(optional)" on each of them would tell people they may leave both empty.
    """
    return not field.field.required and field.name not in getattr(field.form, "at_least_one_of", ())


@register.filter
def ams_is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def ams_is_radio(field) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect) and not isinstance(
        field.field.widget, forms.CheckboxSelectMultiple
    )


@register.filter
def ams_is_checkbox_group(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxSelectMultiple)


@register.filter
def ams_describedby(field) -> str:
    """The ids of the hint and error of a field, for a field set (Django adds them to single inputs)."""
    ids = []
    if field.auto_id:
        if field.help_text:
            ids.append(f"{field.auto_id}_helptext")
        if field.errors:
            ids.append(f"{field.auto_id}_error")
    return " ".join(ids)


def first_input_id(field) -> str:
    """The id of the element a link in the error summary moves the focus to."""
    if field.field.widget.use_fieldset or isinstance(field.field.widget, forms.MultiWidget):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@dataclass(frozen=True)
class ErrorLink:
    target_id: str
    label: str
    message: str


@register.filter
def ams_error_links(form) -> list[ErrorLink]:
    """Every error of a form, in the order of the form, each with the id of the field it is about.

    Errors about the form as a whole link to its first visible field.
    """
    if form is None or not form.is_bound:
        return []
    visible = form.visible_fields()
    links = []
    first_id = first_input_id(visible[0]) if visible else ""
    for message in form.non_field_errors():
        links.append(ErrorLink(target_id=first_id, label="", message=message))
    for field in form.hidden_fields():
        for message in field.errors:
            links.append(ErrorLink(target_id=first_id, label=str(field.label or ""), message=message))
    for field in visible:
        for message in field.errors:
            links.append(
                ErrorLink(target_id=first_input_id(field), label=str(field.label or ""), message=message)
            )
    return links


@register.filter
def ams_formset_error_links(formset) -> list[ErrorLink]:
    links = [ErrorLink(target_id="", label="", message=message) for message in formset.non_form_errors()]
    for form in formset:
        links.extend(ams_error_links(form))
    return links


BOOTSTRAP_BUTTON_CLASSES = {"btn", "btn-primary", "btn-secondary", "btn-inverse"}


@register.filter
def ams_button_classes(form_input) -> str:
    """Design system classes for a helper's Submit/Button/Reset, without crispy's Bootstrap defaults."""
    variant = "ams-button--primary" if form_input.input_type == "submit" else "ams-button--secondary"
    own = [name for name in form_input.field_classes.split() if name not in BOOTSTRAP_BUTTON_CLASSES]
    return _join_classes("ams-button", variant, " ".join(own))
