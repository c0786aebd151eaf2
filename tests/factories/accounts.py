"""Factories for accounts: users with roles, superusers and invitations."""

from datetime import timedelta

import factory
from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from ondernemend.accounts.models import Invitation, User
from ondernemend.accounts.roles import Role
from ondernemend.accounts.tokens import hash_token, new_invitation_token

TEST_PASSWORD = "een-lang-testwachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with password TEST_PASSWORD and no role.

    One role through a trait: `UserFactory(coach=True)`; several through the hook:
    `UserFactory(roles=[Role.COACH, Role.JURYLID])` (a single role or its name works too).
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@example.org")
    name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(TEST_PASSWORD)

    class Params:
        initiatiefnemer = factory.Trait(roles__trait=Role.INITIATIEFNEMER)
        coach = factory.Trait(roles__trait=Role.COACH)
        jurylid = factory.Trait(roles__trait=Role.JURYLID)
        gemeente = factory.Trait(roles__trait=Role.GEMEENTE)
        coordinator = factory.Trait(roles__trait=Role.COORDINATOR)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        # A trait passes its role as `roles__trait`, because a trait cannot set a post-generation value.
        if not create:
            return
        roles = [extracted] if isinstance(extracted, str) else list(extracted or [])
        if "trait" in kwargs:
            roles.append(kwargs["trait"])
        if not roles:
            return
        # get_or_create: a transactional test's flush may have emptied the groups that migration 0002 made.
        self.groups.add(*(Group.objects.get_or_create(name=Role(role).value)[0] for role in roles))
        self.forget_roles()


class SuperUserFactory(UserFactory):
    """The beheerder: a Django superuser with admin access."""

    is_staff = True
    is_superuser = True


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation; `invitation.token` is the raw token for the link (only the hash is stored)."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"uitgenodigd{n}@example.org")
    role = Role.COACH
    token = factory.LazyFunction(new_invitation_token)
    token_hash = factory.LazyAttribute(lambda invitation: hash_token(invitation.token))
    invited_by = factory.SubFactory(UserFactory, coordinator=True)
    sent_at = factory.LazyFunction(timezone.now)
    created_at = factory.SelfAttribute("sent_at")
    expires_at = factory.LazyAttribute(
        lambda invitation: invitation.sent_at + timedelta(days=settings.INVITATION_VALID_DAYS)
    )

    class Params:
        expired = factory.Trait(
            sent_at=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=settings.INVITATION_VALID_DAYS + 1)
            )
        )
        accepted = factory.Trait(
            accepted_at=factory.LazyFunction(timezone.now),
            accepted_by=factory.SubFactory(UserFactory, email=factory.SelfAttribute("..email")),
        )
        revoked = factory.Trait(revoked_at=factory.LazyFunction(timezone.now))

    @classmethod
    def _create(cls, model_class, *args, token, **kwargs):
        invitation = super()._create(model_class, *args, **kwargs)
        invitation.token = token
        return invitation
