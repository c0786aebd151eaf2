"""Reads for the second factor: which devices an account has."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from ..models import User
from .policy import STAFF_ROLES


def has_confirmed_device(user) -> bool:
    """Whether the account has finished setting up any second factor (app, passkey or recovery codes)."""
    return user_has_device(user, confirmed=True)


def confirmed_app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def passkeys(user):
    return WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("created_at", "pk")


def passkey_of(user, pk: int) -> WebAuthnCredential | None:
    return WebAuthnCredential.objects.filter(user=user, pk=pk).first()


def people_with_second_factor_state():
    """Active accounts that need a second factor, each with `has_second_factor`; one query with the roles."""

    def confirmed(model):
        return Exists(model.objects.filter(user=OuterRef("pk"), confirmed=True))

    needs = Q(is_superuser=True) | Q(is_staff=True) | Q(groups__name__in=[role.value for role in STAFF_ROLES])
    return (
        User.objects.filter(needs, is_active=True)
        .distinct()
        .annotate(has_second_factor=confirmed(TOTPDevice) | confirmed(WebAuthnCredential))
        .prefetch_related("groups")
        .order_by("name", "email")
    )


def second_factor_state(user) -> dict:
    """For "Mijn omgeving": whether the app is set up, the recovery codes left, the passkeys; one query."""

    def count(queryset, owner="user"):
        return Subquery(
            queryset.order_by().values(owner).annotate(count=Count("pk")).values("count"),
            output_field=IntegerField(),
        )

    confirmed = {"user": OuterRef("pk"), "confirmed": True}
    state = (
        User.objects.filter(pk=user.pk)
        .annotate(
            app=Exists(TOTPDevice.objects.filter(**confirmed)),
            codes_left=count(
                StaticToken.objects.filter(device__user=OuterRef("pk"), device__confirmed=True),
                "device__user",
            ),
            passkeys=count(WebAuthnCredential.objects.filter(**confirmed)),
        )
        .values("app", "codes_left", "passkeys")
        .get()
    )
    return {**state, "codes_left": state["codes_left"] or 0, "passkeys": state["passkeys"] or 0}
