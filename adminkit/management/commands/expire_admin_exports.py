from django.core.management.base import BaseCommand

from adminkit.jobs import purge_expired_jobs
from adminkit.kept_uploads import purge_kept_uploads


class Command(BaseCommand):
    help = (
        "Delete the back-office's background imports and exports (and their files) started "
        "more than EXPORT_KEEP_HOURS ago, and files kept from refused forms for more than "
        "KEPT_UPLOAD_KEEP_HOURS. Run hourly."
    )

    def handle(self, *args, **options):
        deleted = purge_expired_jobs()
        kept = purge_kept_uploads()
        if options["verbosity"] > 1 or deleted or kept:
            self.stdout.write(
                f"{deleted} expired background import(s)/export(s) and "
                f"{kept} kept upload(s) deleted."
            )
