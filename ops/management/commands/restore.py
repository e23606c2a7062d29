from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore
from pagecache.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Restore a backup folder into an empty database (DATABASE_URL) and an empty private "
        "storage, then check every table's row count and every document's checksum."
    )
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help="A folder written by `manage.py backup`.")

    def handle(self, *args, **options) -> None:
        try:
            manifest = restore(Path(options["folder"]))
        except (BackupError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from error
        bump_content_version()  # cached pages showed the replaced data
        rows = sum(manifest["database"]["tables"].values())
        tables, documents = len(manifest["database"]["tables"]), len(manifest["documents"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored and verified: {tables} tables, {rows} rows, "
                f"{documents} documents identical to the backup."
            )
        )
