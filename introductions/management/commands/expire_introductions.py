from django.conf import settings
from django.core.management.base import BaseCommand

from introductions.services import purge_expired
from introductions.tasks import expire_introductions_task


class Command(BaseCommand):
    help = (
        "Delete the introduction requests closed more than INTRODUCTION_RETENTION_DAYS ago, with "
        "their history (personal data kept no longer than needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the run for the task worker instead."
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = expire_introductions_task.enqueue()
            self.stdout.write(self.style.SUCCESS(f"Enqueued task {result.id} ({result.status})."))
            return
        deleted = purge_expired()
        days = settings.INTRODUCTION_RETENTION_DAYS
        self.stdout.write(
            self.style.SUCCESS(f"{deleted} request(s) closed over {days} days ago deleted.")
        )
