"""What we hold about a participant: every field of `Participant` and `Intake`, declared once.

Each field is declared with its group (how its value is shown), whether her download holds it (and if not,
why), whether anonymisation blanks it, how her own page names it, and under which heading the coach asks it
at the intake. The intake form and its save (services/coaching.py), the download and the anonymisation
(services/privacy.py) and the partial that shows the data (templates/workshops/participant_data.html) all
read these lists. tests/workshops/test_participant_data.py fails for a model field without a declaration, so
a new field cannot silently miss the download or survive anonymisation (docs/privacy.md).
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .enums import LearningPreference, PracticalNeed, ReferralWish

ANONYMOUS_NAME = "—"  # what anonymisation leaves of her name, so that lists still read well
EMPTY = "—"  # shown for an answer that was not given


class Group(StrEnum):
    CHOICE = "choice"  # one code from a fixed list (or a district), shown by its label
    LIST = "list"  # codes from a fixed list, shown by their labels
    TEXT = "text"  # free text, typed by the participant or by the coach with her
    NAME = "name"  # the name she gave: anonymisation replaces it by ANONYMOUS_NAME
    RECORD = "record"  # the record's own keys, dates and versions


class Section(models.TextChoices):
    """The headings of the intake form, in their order."""

    IDEA = "idea", _("The idea")
    LEARNING = "learning", _("Learning")
    SUPPORT = "support", _("Support")
    ABOUT = "about", _("About the participant (optional)")


@dataclass(frozen=True)
class Held:
    """One field we hold about a participant, and the privacy decisions about it."""

    name: str
    group: Group
    export_as: str | None = (
        None  # the key in her download; None: not in it, and `not_exported_because` says why
    )
    not_exported_because: str = ""
    anonymise: bool = False  # blanked by anonymisation; the others stay as aggregate facts
    label: str | None = None  # how her own page names it (lazy); None: not shown there
    choices: type[models.TextChoices] | None = None  # the codes of a LIST field
    asked_under: Section | None = None  # the intake form's heading under which the coach asks it

    @property
    def anonymised_value(self):
        if self.group is Group.NAME:
            return ANONYMOUS_NAME
        return [] if self.group is Group.LIST else ""


_THE_DATABASE_KEY = "the database's own number: it means nothing outside the database"
_GONE_AFTER_ERASURE = "set only when her record is erased or anonymised; her link and download end then"

PARTICIPANT = (
    Held("id", Group.RECORD, not_exported_because=_THE_DATABASE_KEY),
    Held(
        "public_id",
        Group.RECORD,
        not_exported_because="the key inside her personal link: a downloaded file must not open her record",
    ),
    Held("display_name", Group.NAME, export_as="first_name", anonymise=True, label=_("Name")),
    Held("email", Group.TEXT, export_as="email", anonymise=True, label=_("E-mail")),
    Held("phone", Group.TEXT, export_as="phone", anonymise=True, label=_("Phone")),
    Held("preferred_language", Group.CHOICE, export_as="preferred_language", label=_("Language")),
    Held("district", Group.CHOICE, export_as="district", label=_("District")),
    Held(
        "postcode_area",
        Group.TEXT,
        export_as="postcode_area",
        anonymise=True,
        label=_("Postcode (4 digits)"),
        asked_under=Section.ABOUT,
    ),
    Held(
        "age_band",
        Group.CHOICE,
        export_as="age_band",
        anonymise=True,
        label=_("Age"),
        asked_under=Section.ABOUT,
    ),
    Held(
        "income_situation",
        Group.CHOICE,
        export_as="income_situation",
        anonymise=True,
        label=_("Income"),
        asked_under=Section.ABOUT,
    ),
    Held("created_at", Group.RECORD, export_as="created_at"),
    Held("last_activity_at", Group.RECORD, export_as="last_activity_at"),
    Held("erasure_requested_at", Group.RECORD, not_exported_because=_GONE_AFTER_ERASURE),
    Held("anonymised_at", Group.RECORD, not_exported_because=_GONE_AFTER_ERASURE),
)

INTAKE = (
    Held("id", Group.RECORD, not_exported_because=_THE_DATABASE_KEY),
    Held(
        "registration",
        Group.RECORD,
        not_exported_because="the download lists each intake under the registration it belongs to",
    ),
    Held("idea_stage", Group.CHOICE, export_as="idea_stage", label=_("Your idea"), asked_under=Section.IDEA),
    Held(
        "idea_description",
        Group.TEXT,
        export_as="idea_description",
        anonymise=True,
        label=_("Your idea in your own words"),
        asked_under=Section.IDEA,
    ),
    Held(
        "prior_experience",
        Group.TEXT,
        export_as="prior_experience",
        anonymise=True,
        label=_("Experience"),
        asked_under=Section.IDEA,
    ),
    Held(
        "dutch_level", Group.CHOICE, export_as="dutch_level", label=_("Dutch"), asked_under=Section.LEARNING
    ),
    Held(
        "digital_skills",
        Group.CHOICE,
        export_as="digital_skills",
        label=_("Computer and phone"),
        asked_under=Section.LEARNING,
    ),
    Held(
        "learning_preferences",
        Group.LIST,
        export_as="learning_preferences",
        label=_("You learn best"),
        choices=LearningPreference,
        asked_under=Section.LEARNING,
    ),
    Held(
        "practical_needs",
        Group.LIST,
        export_as="practical_needs",
        anonymise=True,
        label=_("Practical needs"),
        choices=PracticalNeed,
        asked_under=Section.SUPPORT,
    ),
    Held(
        "personal_goal",
        Group.TEXT,
        export_as="personal_goal",
        anonymise=True,
        label=_("Your goal"),
        asked_under=Section.IDEA,
    ),
    Held(
        "referral_wishes",
        Group.LIST,
        export_as="referral_wishes",
        anonymise=True,
        label=_("You would like help with"),
        choices=ReferralWish,
        asked_under=Section.SUPPORT,
    ),
    Held(
        "version",
        Group.RECORD,
        not_exported_because="a counter that keeps two coaches from overwriting each other's answers",
    ),
    Held(
        "updated_at",
        Group.RECORD,
        not_exported_because="every change of the intake is in the access log, which the download holds",
    ),
    Held(
        "updated_by",
        Group.RECORD,
        not_exported_because="a coach's account, not data about her; the access log names the coach's role",
    ),
)

# What the coach asks at the intake: the intake's answers and the participant's optional coarse details.
INTAKE_ANSWERS = tuple(held.name for held in INTAKE if held.asked_under)
PARTICIPANT_ANSWERS = tuple(held.name for held in PARTICIPANT if held.asked_under)
# The short version on the coach's page about the participant; the whole intake is one link further.
INTAKE_SUMMARY = ("idea_stage", "idea_description", "personal_goal", "dutch_level")
CONTACT = ("email", "phone", "preferred_language", "district")


def declared(model: type[models.Model]) -> tuple[Held, ...]:
    """The declarations of `model` (Participant or Intake), by its name, without importing the models."""
    return {"participant": PARTICIPANT, "intake": INTAKE}[model._meta.model_name]


def held(model: type[models.Model], name: str) -> Held:
    return next(item for item in declared(model) if item.name == name)


def intake_questions() -> list[tuple[Section, list[str]]]:
    """The intake form's headings, each with the names of the fields asked under it, in declared order."""
    fields = [*INTAKE, *PARTICIPANT]
    return [(section, [item.name for item in fields if item.asked_under == section]) for section in Section]


def exported(instance: models.Model) -> dict:
    """The fields of `instance` that her download holds, under their download keys, in plain values."""
    return {
        item.export_as: _plain(instance, item.name) for item in declared(type(instance)) if item.export_as
    }


def anonymised_values(model: type[models.Model]) -> dict:
    """The values anonymisation writes into `model`'s fields: everything that points at a person."""
    return {item.name: item.anonymised_value for item in declared(model) if item.anonymise}


@dataclass(frozen=True)
class Row:
    label: str
    text: str


def rows(instance: models.Model | None, names=None, *, own: bool = True) -> list[Row]:
    """What we hold in `instance`, as (label, text) rows for the partial `workshops/participant_data.html`.

    `own`: labels for her own pages ("Your goal"); otherwise the field's name for staff ("Personal goal in
    own words"). `names` picks and orders fields; by default every field her own page shows.
    """
    if instance is None:
        return []
    items = {item.name: item for item in declared(type(instance))}
    names = names if names is not None else [name for name, item in items.items() if item.label]
    return [Row(_label(instance, items[name], own), display(instance, items[name])) for name in names]


def display(instance: models.Model, item: Held) -> str:
    """The value of one field in words: a choice by its label, a list by its labels, "—" when empty."""
    value = getattr(instance, item.name)
    if item.group is Group.LIST:
        labels = [item.choices(code).label if code in item.choices.values else code for code in value or []]
        return ", ".join(str(label) for label in labels) or EMPTY
    if item.group is Group.CHOICE and instance._meta.get_field(item.name).choices:
        value = getattr(instance, f"get_{item.name}_display")()
    return str(value) if value not in (None, "") else EMPTY


def _label(instance, item: Held, own: bool) -> str:
    if own and item.label:
        return item.label
    return capfirst(instance._meta.get_field(item.name).verbose_name)


def _plain(instance, name: str):
    value = getattr(instance, name)
    if isinstance(instance._meta.get_field(name), models.ForeignKey):
        return str(value) if value is not None else ""
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value
