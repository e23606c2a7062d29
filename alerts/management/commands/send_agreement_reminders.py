import datetime

from django.core.management.base import BaseCommand, CommandError

from alerts.services import send_agreement_reminders
from alerts.tasks import send_agreement_reminders_task


class Command(BaseCommand):
    help = (
        "E-mail each responsible staff member a digest of agreements expiring in 90/60/30 days, "
        "renewal notices due and mobilities starting or ending within 30 days. Each alert is "
        "sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Pretend today is this day (YYYY-MM-DD).")
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the run for the task worker (`db_worker`) instead of running it here.",
        )

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError as error:
                raise CommandError(
                    f"--date must be YYYY-MM-DD, not {options['date']!r}."
                ) from error
        if options["enqueue"]:
            if options["dry_run"]:
                raise CommandError("--dry-run and --enqueue do not go together.")
            result = send_agreement_reminders_task.enqueue(
                today=today.isoformat() if today else None
            )
            self.stdout.write(self.style.SUCCESS(f"Enqueued task {result.id} ({result.status})."))
            return
        digests = send_agreement_reminders(today=today, dry_run=options["dry_run"])
        verb = "would be sent" if options["dry_run"] else "sent"
        for digest in digests:
            self.stdout.write(f"{digest.recipient.email}: {len(digest.alerts)} alert(s) {verb}")
        self.stdout.write(self.style.SUCCESS(f"{len(digests)} digest(s) {verb}."))
