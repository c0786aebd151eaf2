"""Anonymise participants without activity for 24 months (DESIGN.md §4). Prints counts, never names."""

from django.core.management.base import BaseCommand

from workshops.services.privacy import INACTIVE_MONTHS, anonymise_participant, participants_to_anonymise


class Command(BaseCommand):
    help = f"Anonymise workshop participants without activity for {INACTIVE_MONTHS} months."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        participants = list(participants_to_anonymise())
        if dry_run:
            self.stdout.write(f"{len(participants)} participant(s) would be anonymised (dry run).")
            return
        for participant in participants:
            anonymise_participant(participant)
        self.stdout.write(f"{len(participants)} participant(s) anonymised.")
