from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .geometry import InvalidGeometry, validate_geometry


class District(models.Model):
    """A stadsdeel. The eight are created by a migration; boundaries are imported from GeoJSON."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    boundary = models.JSONField(
        _("boundary"),
        null=True,
        blank=True,
        help_text=_("GeoJSON Polygon or MultiPolygon geometry, longitude-latitude order."),
    )

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.boundary is not None:
            try:
                validate_geometry(self.boundary)
            except InvalidGeometry as error:
                raise ValidationError({"boundary": gettext(error.template) % error.params}) from error
