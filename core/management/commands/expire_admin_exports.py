from django.core.management.base import BaseCommand

from core.jobs import purge_expired_jobs


class Command(BaseCommand):
    help = (
        "Delete the back-office's background imports and exports (and their files) started "
        "more than EXPORT_KEEP_HOURS ago. Run hourly."
    )

    def handle(self, *args, **options):
        deleted = purge_expired_jobs()
        if options["verbosity"] > 1 or deleted:
            self.stdout.write(f"{deleted} expired background import(s)/export(s) deleted.")
