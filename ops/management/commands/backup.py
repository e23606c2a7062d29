import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format, one snapshot) and the private documents "
        "into a new folder with a manifest of row counts and document checksums."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            help="Folder to create (default: $BACKUP_DIR/clara-<UTC time>; var/backups).",
        )

    def handle(self, *args, **options) -> None:
        if options["output"]:
            destination = Path(options["output"])
        else:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
            destination = Path(os.environ.get("BACKUP_DIR", "var/backups")) / f"clara-{stamp}"
        try:
            manifest = backup(destination)
        except (BackupError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["database"]["tables"].values())
        for name in manifest["missing_documents"]:
            self.stderr.write(f"warning: {name} is recorded but missing from storage")
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {destination}: {len(manifest['database']['tables'])} tables, "
                f"{rows} rows, {len(manifest['documents'])} documents."
            )
        )
