from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One change someone (or the system) made: who, in which role, what, to which object, which fields.

    Written only by `services.record_change`, never updated. The target is a content type and a text id, not a
    foreign key, so an entry outlives the object it describes (an erased participant, a deleted initiative).
    For models registered as personal (see `masking`), `changes` holds field names only, never values.
    """

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The role is copied, not derived from `user`: it must still say who acted after the account is deleted.
    role = models.CharField(_("role"), max_length=30)
    action = models.CharField(_("action"), max_length=100)
    target_type = models.ForeignKey(
        ContentType, verbose_name=_("target type"), on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.CharField(_("target id"), max_length=64)
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_entry_target_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.role} {self.action} {self.target_type.model}#{self.target_id}"
