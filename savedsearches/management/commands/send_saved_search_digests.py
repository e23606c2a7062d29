from django.core.management.base import BaseCommand

from savedsearches.services import send_digests
from savedsearches.tasks import send_saved_search_digests_task


class Command(BaseCommand):
    help = (
        "E-mail each confirmed saved search the new teams or collaborations it finds since its "
        "last digest; delete saved searches never confirmed within SAVED_SEARCH_CONFIRM_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the run for the task worker instead."
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_saved_search_digests_task.enqueue()
            self.stdout.write(self.style.SUCCESS(f"Enqueued task {result.id} ({result.status})."))
            return
        sent, listed = send_digests()
        self.stdout.write(self.style.SUCCESS(f"{sent} digest(s) sent, {listed} new result(s)."))
