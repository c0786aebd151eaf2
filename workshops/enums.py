"""Fixed vocabularies of the workshops (DESIGN.md §3.2). Codes are stable: they are stored and exported."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Pictogram(models.TextChoices):
    """A picture that says at a glance what a session is about (static/workshops/pictograms/<code>.svg)."""

    KENNISMAKEN = "kennismaken", _("Getting to know each other")
    IDEE = "idee", _("Ideas")
    TALENT = "talent", _("Talents and strengths")
    KLANT = "klant", _("Customers")
    GELD = "geld", _("Money")
    REGELS = "regels", _("Rules and permits")
    NETWERK = "netwerk", _("Network")
    PLAN = "plan", _("Making a plan")
    VIEREN = "vieren", _("Celebrating")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Has a place")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceStatus(models.TextChoices):
    """Late counts as attended; excused is not absent (DESIGN.md §3.2)."""

    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


ATTENDED_STATUSES = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.LATE})


class AgeBand(models.TextChoices):
    UNDER_25 = "tot-25", _("Younger than 25")
    FROM_25 = "25-34", _("25 to 34")
    FROM_35 = "35-44", _("35 to 44")
    FROM_45 = "45-54", _("45 to 54")
    FROM_55 = "55-plus", _("55 or older")
    UNSAID = "zeg-ik-liever-niet", _("I'd rather not say")


class IncomeSituation(models.TextChoices):
    """Coarse and optional; never shown to municipal staff per person (DESIGN.md §3.2, §3.4)."""

    BIJSTAND = "bijstand", _("Social assistance (bijstand)")
    UWV = "uwv", _("UWV benefit")
    GEEN = "geen-uitkering", _("No benefit")
    UNSAID = "zeg-ik-liever-niet", _("I'd rather not say")


class IdeaStage(models.TextChoices):
    NONE = "geen", _("No idea yet — that is fine")
    VAGUE = "vaag", _("A vague idea")
    CONCRETE = "concreet", _("A concrete idea")
    SELLING = "verkoopt-al", _("Already selling")


class DutchLevel(models.TextChoices):
    """Self-assessed, never tested."""

    A_LITTLE = "een-beetje", _("A little")
    EVERYDAY = "dagelijks", _("Enough for everyday things")
    FLUENT = "vloeiend", _("Fluent")


class DigitalSkills(models.TextChoices):
    LITTLE = "weinig", _("I find computers and phones difficult")
    BASIC = "basis", _("I can do the basics")
    GOOD = "goed", _("I am handy with them")


class LearningPreference(models.TextChoices):
    DOING = "doen", _("By doing")
    TALKING = "praten", _("By talking")
    PICTURES = "plaatjes", _("With pictures")
    READING = "lezen", _("By reading")


class PracticalNeed(models.TextChoices):
    CHILDCARE = "kinderopvang", _("Childcare")
    TRAVEL = "reiskosten", _("Travel costs")
    INTERPRETER = "tolk", _("An interpreter")
    ACCESSIBILITY = "toegankelijkheid", _("Accessibility")
    EVENINGS = "avonden", _("Evenings only")


class ReferralWish(models.TextChoices):
    DEBT_HELP = "schuldhulp", _("Help with debts")
    LANGUAGE_COURSE = "taalcursus", _("A language course")
    MICROCREDIT = "microkrediet", _("Microcredit")
    KVK = "kvk", _("Chamber of Commerce (KvK)")


class ContactChannel(models.TextChoices):
    SELF_SIGNUP = "aanmelding", _("Signed up on the website")
    COACH = "coach", _("Entered by the coach with the participant")


class AccessAction(models.TextChoices):
    VIEW = "view", _("Looked at the record")
    EDIT = "edit", _("Changed the record")
    EXPORT = "export", _("Downloaded the record")
    CERTIFICATE = "certificate", _("Made or changed the certificate")
