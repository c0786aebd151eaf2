from typing import override

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .roles import InvitationStatus, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account: logs in with e-mail. Participants never have one (DESIGN.md §2)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("admin access"), default=False, help_text=_("May log in to the technical admin.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    # Raised by "log out everywhere" (ondernemend/accounts/sessions/services.py). It is part of the session
    # hash, so Django's own check of every request ends all sessions made before, without a session scan.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return self.name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @override
    def _get_session_auth_hash(self, secret=None):
        # Django's hash covers the password (a new password ends other sessions); adding the generation
        # makes "log out everywhere" do the same. SECRET_KEY_FALLBACKS still work: Django passes `secret`.
        return salted_hmac(
            "ondernemend.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def roles(self) -> list[Role]:
        """The user's roles in the fixed order of `Role`, read from the prefetched or cached groups."""
        if not hasattr(self, "_role_names"):
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("groups")
            if prefetched is not None:
                self._role_names = {group.name for group in prefetched}
            else:
                self._role_names = set(self.groups.values_list("name", flat=True))
        return [role for role in Role if role.value in self._role_names]

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def forget_roles(self):
        """Drop the cached roles, after groups were added or removed on this object."""
        self.__dict__.pop("_role_names", None)


class Invitation(models.Model):
    """A one-time link that lets someone with this e-mail address take on a role.

    Only a hash of the token is stored: the link in the e-mail carries the token itself, and the URL carries
    no personal data. Re-inviting the same address to the same role renews the open invitation.
    """

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("last sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "role",
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="accounts_invitation_one_open_per_email_role",
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="accounts_invitation_role_valid"),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("sent_at")), name="accounts_invitation_expires_after_sent"
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="accounts_invitation_not_accepted_and_revoked",
            ),
            models.CheckConstraint(
                condition=Q(accepted_by__isnull=True) | Q(accepted_at__isnull=False),
                name="accounts_invitation_accepted_by_needs_accepted_at",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.get_role_display()})"

    def status_at(self, moment) -> InvitationStatus:
        if self.accepted_at is not None:
            return InvitationStatus.ACCEPTED
        if self.revoked_at is not None:
            return InvitationStatus.REVOKED
        if self.expires_at <= moment:
            return InvitationStatus.EXPIRED
        return InvitationStatus.OPEN

    @property
    def status(self) -> InvitationStatus:
        return self.status_at(timezone.now())

    @property
    def is_open(self) -> bool:
        return self.status == InvitationStatus.OPEN
