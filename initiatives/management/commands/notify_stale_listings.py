"""Remind editors and coördinators of listings that were not checked for 12 months (run daily from cron).

Each listing is reminded about at most once a month (`stale_notified_at`), however often this runs.
"""

from django.core.management.base import BaseCommand

from initiatives.services import remind_stale_listings


class Command(BaseCommand):
    help = "E-mail editors and coördinators about listings that were not checked for 12 months."

    def handle(self, *args, **options):
        count = remind_stale_listings()
        self.stdout.write(f"Reminders sent for {count} outdated listing(s).")
