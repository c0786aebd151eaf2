from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ondernemend.districts.models import District
from ondernemend.languages import Language

from .enums import Audience, InitiativeKind, Offer, TrustSignal
from .freshness import is_stale

# The Netherlands' bounding box: coordinates outside it are a typing error, not a place we serve.
LATITUDE_RANGE = (50.7, 53.6)
LONGITUDE_RANGE = (3.3, 7.3)

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", _("Enter a Dutch postcode: four digits and two letters, like 1012 AB.")
)


class FacetKind(models.TextChoices):
    OFFER = "offer", _("What it offers")
    AUDIENCE = "audience", _("For whom")
    LANGUAGE = "language", _("Languages spoken")
    TRUST = "trust", _("Trust signals")


FACET_CHOICES = {
    FacetKind.OFFER: Offer,
    FacetKind.AUDIENCE: Audience,
    FacetKind.LANGUAGE: Language,
    FacetKind.TRUST: TrustSignal,
}


class Facet(models.Model):
    """One value of a fixed vocabulary (an offer, an audience, a language, a trust signal).

    Rows are created by a migration from the enums; a table rather than a list column keeps filtering
    portable between PostgreSQL and the SQLite file that `make run` uses.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=FacetKind.choices)
    code = models.CharField(_("code"), max_length=30)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("facet")
        verbose_name_plural = _("facets")
        ordering = ["kind", "position"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="initiatives_facet_kind_code")]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return FACET_CHOICES[self.kind](self.code).label


class PlaceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Place(models.Model):
    """What initiatives and contact points share: a name, an address with a point, a district, contact."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("web address name"), max_length=160, unique=True)
    street = models.CharField(_("street and house number"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=80, default="Amsterdam")
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=6)
    district = models.ForeignKey(
        District, verbose_name=_("district"), on_delete=models.PROTECT, related_name="%(class)ss"
    )
    opening_hours = models.TextField(_("opening hours"), blank=True, max_length=500)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    verified_at = models.DateTimeField(_("last checked"), null=True, blank=True)
    # When the editors were last told that the listing needs a check (at most once a month).
    stale_notified_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=LATITUDE_RANGE[0], latitude__lte=LATITUDE_RANGE[1]),
                name="%(app_label)s_%(class)s_latitude_in_nl",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=LONGITUDE_RANGE[0], longitude__lte=LONGITUDE_RANGE[1]),
                name="%(app_label)s_%(class)s_longitude_in_nl",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_stale(self) -> bool:
        """Never checked, or not for a year: the rule of `freshness.STALE`."""
        return is_stale(self.verified_at, timezone.now())


class Initiative(Place):
    kind = models.CharField(_("kind"), max_length=30, choices=InitiativeKind.choices)
    description = models.TextField(
        _("description"), max_length=800, help_text=_("In plain language: what happens here, for whom.")
    )
    offers = models.ManyToManyField(
        Facet,
        verbose_name=_("what it offers"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": FacetKind.OFFER},
    )
    audiences = models.ManyToManyField(
        Facet,
        verbose_name=_("for whom"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": FacetKind.AUDIENCE},
    )
    languages = models.ManyToManyField(
        Facet,
        verbose_name=_("languages spoken"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": FacetKind.LANGUAGE},
    )
    trust_signals = models.ManyToManyField(
        Facet,
        verbose_name=_("trust signals"),
        blank=True,
        related_name="+",
        limit_choices_to={"kind": FacetKind.TRUST},
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("editors"), blank=True, related_name="edited_initiatives"
    )

    class Meta(Place.Meta):
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        indexes = [models.Index(fields=["published", "district"], name="initiative_pub_district")]

    def get_absolute_url(self):
        return reverse("initiatives:detail", kwargs={"slug": self.slug})


class ContactPoint(Place):
    """A municipal contact point (gemeentelijk aanspreekpunt): a desk or a person-role."""

    what_to_ask = models.TextField(
        _("what you can ask here"), max_length=800, help_text=_("In plain language: which questions.")
    )

    class Meta(Place.Meta):
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        indexes = [models.Index(fields=["published", "district"], name="contactpoint_pub_district")]

    def get_absolute_url(self):
        return reverse("initiatives:contactpoint_detail", kwargs={"slug": self.slug})


class Partnership(models.Model):
    """An initiative works together with a contact point (used by the network overview)."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="partnerships"
    )
    contact_point = models.ForeignKey(
        ContactPoint, verbose_name=_("contact point"), on_delete=models.CASCADE, related_name="partnerships"
    )
    since = models.DateField(_("since"), default=timezone.localdate)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "contact_point"], name="initiatives_partnership_unique_pair"
            )
        ]

    def __str__(self):
        return f"{self.initiative} – {self.contact_point}"


class OutdatedReport(models.Model):
    """A visitor's note that a listing's information is no longer right. No account, no personal data kept
    beyond an optional e-mail address for a reply."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="outdated_reports"
    )
    message = models.TextField(_("what is no longer right"), max_length=1000)
    reply_email = models.EmailField(_("e-mail address for a reply"), blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("report of outdated information")
        verbose_name_plural = _("reports of outdated information")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.initiative}: {self.message[:40]}"
