"""Workshop series "Is ondernemen wat voor mij?" and the pseudonymous records of their participants.

Privacy rules (DESIGN.md §3.2, §4): participants have no account; their records hold no BSN, date of birth,
ID copy or health detail; income situation is coarse and optional; every read of a participant record is
written to AccessLogEntry; after 24 months without activity the record is anonymised.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from ondernemend.districts.models import District
from ondernemend.languages import Language
from ondernemend.validators import validate_plain_text

from .enums import (
    AccessAction,
    AgeBand,
    AttendanceStatus,
    ContactChannel,
    DigitalSkills,
    DutchLevel,
    IdeaStage,
    IncomeSituation,
    Pictogram,
    RegistrationStatus,
)


class Series(models.Model):
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.PROTECT, related_name="workshop_series"
    )
    title = models.CharField(_("title"), max_length=150, default="Is ondernemen wat voor mij?")
    slug = models.SlugField(_("web address name"), max_length=160, unique=True)
    introduction = models.TextField(_("introduction"), max_length=1500, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.NL)
    place = models.CharField(
        _("room or meeting place"),
        max_length=200,
        blank=True,
        help_text=_("For example: the big room, 1st floor."),
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    signup_after_start = models.BooleanField(
        _("sign-up stays open after the first meeting"),
        default=False,
        help_text=_("Then people can still join until the last meeting has started."),
    )
    certificate_min_sessions = models.PositiveSmallIntegerField(
        _("sessions needed for the certificate"),
        help_text=_("Attended (present or late) at least this many of the planned sessions."),
    )
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("coaches"), blank=True, related_name="coached_series"
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("workshop series")
        verbose_name_plural = _("workshop series")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="workshops_series_capacity_positive"),
            models.CheckConstraint(
                condition=Q(certificate_min_sessions__gte=1), name="workshops_series_rule_positive"
            ),
        ]

    def __str__(self):
        return f"{self.title} – {self.initiative}"

    def get_absolute_url(self):
        return reverse("workshops:series", kwargs={"slug": self.slug})


class Session(models.Model):
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration in minutes"), default=120)
    topic = models.CharField(_("topic"), max_length=150)
    what_to_expect = models.TextField(
        _("what to expect"), max_length=1000, help_text=_("In plain words: what happens, and how it goes.")
    )
    what_to_bring = models.CharField(_("what to bring"), max_length=300, blank=True)
    pictogram = models.CharField(_("pictogram"), max_length=20, choices=Pictogram.choices)
    cancelled = models.BooleanField(
        _("cancelled"), default=False, help_text=_("A cancelled session never counts.")
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["series", "number"]
        constraints = [
            models.UniqueConstraint(fields=["series", "number"], name="workshops_session_unique_number"),
            models.CheckConstraint(condition=Q(duration_minutes__gte=15), name="workshops_session_duration"),
        ]

    def __str__(self):
        return f"{self.series.title} {self.number}: {self.topic}"

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)


class Participant(models.Model):
    """A pseudonymous person. No account: they reach their record through a personal link."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    display_name = models.CharField(
        _("first name or nickname"), max_length=60, validators=[validate_plain_text]
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.NL
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    postcode_area = models.CharField(_("postcode area (4 digits)"), max_length=4, blank=True)
    age_band = models.CharField(_("age"), max_length=20, choices=AgeBand.choices, blank=True)
    income_situation = models.CharField(
        _("income situation"), max_length=20, choices=IncomeSituation.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    erasure_requested_at = models.DateTimeField(_("deletion asked for"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode_area="") | Q(postcode_area__regex=r"^[1-9][0-9]{3}$"),
                name="workshops_participant_postcode_area",
            )
        ]

    def __str__(self):
        return self.display_name


class Registration(models.Model):
    """A participant's place (or waiting-list place) in a series."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="registrations"
    )
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=20, choices=RegistrationStatus.choices)
    # The form's one-time key: a double click or a resent form finds the registration it already made.
    submission_key = models.UUIDField(_("submission key"), unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    # When a place came free and this person moved up from the waiting list (the coach sees it).
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "series"], name="workshops_registration_once")
        ]

    def __str__(self):
        return f"{self.participant} – {self.series}"


class ConsentRecord(models.Model):
    """Proof of what a participant agreed to: the text version, language, when and how (DESIGN.md §4)."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=50, default="workshop-registration")
    text_version = models.CharField(_("text version"), max_length=20)
    language = models.CharField(_("language"), max_length=5)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    given_via = models.CharField(_("given via"), max_length=20, choices=ContactChannel.choices)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.participant} – {self.purpose} {self.text_version}"


class Intake(models.Model):
    """The conversation at the start, recorded by the coach with the participant."""

    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="intake"
    )
    idea_stage = models.CharField(_("idea"), max_length=20, choices=IdeaStage.choices)
    idea_description = models.TextField(_("the idea in own words"), max_length=1000, blank=True)
    prior_experience = models.TextField(_("experience so far"), max_length=1000, blank=True)
    dutch_level = models.CharField(
        _("Dutch (own estimate)"), max_length=20, choices=DutchLevel.choices, blank=True
    )
    digital_skills = models.CharField(
        _("computer and phone skills"), max_length=20, choices=DigitalSkills.choices, blank=True
    )
    learning_preferences = models.JSONField(_("learns best"), default=list, blank=True)
    practical_needs = models.JSONField(_("practical needs"), default=list, blank=True)
    personal_goal = models.TextField(_("personal goal in own words"), max_length=1000, blank=True)
    referral_wishes = models.JSONField(_("would like help with"), default=list, blank=True)
    # Optimistic locking: a save must name the version it started from (two coaches, one intake).
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")

    def __str__(self):
        return f"{_('Intake')}: {self.registration}"


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="workshops_attendance_once")
        ]

    def __str__(self):
        return f"{self.registration.participant} – {self.session}: {self.get_status_display()}"


class Reflection(models.Model):
    """A coach's short note about a session; only the coaches of that series read it."""

    session = models.ForeignKey(
        Session, verbose_name=_("session"), on_delete=models.CASCADE, related_name="reflections"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("reflection"), max_length=2000)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.session}: {self.text[:40]}"


class Certificate(models.Model):
    registration = models.OneToOneField(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=20, unique=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    override_reason = models.TextField(
        _("reason for issuing without meeting the rule"), max_length=1000, blank=True
    )
    public = models.BooleanField(
        _("verifiable by others"), default=False, help_text=_("Only the participant decides this.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_at__gte=F("issued_at")),
                name="workshops_certificate_revoked_after_issue",
            )
        ]

    def __str__(self):
        return f"{_('Certificate')} {self.code}"


class AccessLogEntry(models.Model):
    """Who read or changed a participant's record, when, and why (shown to the participant)."""

    participant = models.ForeignKey(
        Participant, verbose_name=_("participant"), on_delete=models.CASCADE, related_name="access_log"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=30)
    action = models.CharField(_("action"), max_length=20, choices=AccessAction.choices)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["participant", "-at"], name="workshops_access_participant")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.role} {self.action}"
