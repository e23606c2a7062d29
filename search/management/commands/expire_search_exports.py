from django.core.management.base import BaseCommand

from search.exports import purge_expired


class Command(BaseCommand):
    help = (
        "Delete the partner search exports (and their files) older than "
        "SEARCH_EXPORT_KEEP_HOURS; report stalled ones as failed. Run hourly."
    )

    def handle(self, *args, **options):
        deleted = purge_expired()
        if options["verbosity"] > 1 or deleted:
            self.stdout.write(f"{deleted} expired search export(s) deleted.")
