from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from initiatives.demo import DEFAULT_INITIATIVES
from ondernemend.demo import seeding


class Command(BaseCommand):
    help = "Creates (or completes) the demo data: one user per role and each app's demo content. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--initiatives",
            type=int,
            default=DEFAULT_INITIATIVES,
            metavar="N",
            help=f"How many demo initiatives the map gets (default {DEFAULT_INITIATIVES}).",
        )

    def handle(self, *args, initiatives, **options):
        if initiatives < 0:
            raise CommandError(_("--initiatives must be zero or more."))
        with transaction.atomic():
            users = seeding.seed_users()
            seeding.seed_invitations()
        seeding.seed_content(initiatives=initiatives, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        if settings.DEBUG:
            self.stdout.write(_("Demo log-ins (only shown because DEBUG is on):"))
            for role_label, email, password in users:
                self.stdout.write(f"  {role_label:<22} {email:<34} {password}")
