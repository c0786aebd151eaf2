from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from ondernemend.demo import seeding


class Command(BaseCommand):
    help = "Creates (or completes) the demo data: one user per role and each app's demo content. Idempotent."

    def handle(self, *args, **options):
        with transaction.atomic():
            users = seeding.seed_users()
            seeding.seed_invitations()
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        if settings.DEBUG:
            self.stdout.write(_("Demo log-ins (only shown because DEBUG is on):"))
            for role_label, email, password in users:
                self.stdout.write(f"  {role_label:<22} {email:<34} {password}")
