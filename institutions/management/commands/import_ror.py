import sys
import time

from django.core.management.base import BaseCommand, CommandError

from institutions.ror import RorDumpError
from institutions.services import BATCH_SIZE, import_ror
from pagecache.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Import (or update) the ROR directory from a ROR data dump: the official "
        "…-ror-data.zip, its schema v2 JSON file, or that file gzipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The dump: .zip, .json or .json.gz")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, path, batch_size, **options):
        started = time.monotonic()
        tty = self.stderr.isatty() and options["verbosity"] > 0

        def progress(read: int, fraction: float) -> None:
            width = 30
            filled = int(width * fraction)
            bar = "#" * filled + "-" * (width - filled)
            sys.stderr.write(f"\r[{bar}] {fraction:4.0%}  {read:,} records")
            sys.stderr.flush()

        try:
            report = import_ror(
                path=path, batch_size=batch_size, progress=progress if tty else None
            )
        except RorDumpError as error:
            if tty:
                sys.stderr.write("\n")
            if error.saved:
                advice = (
                    f"The {error.saved:,} records before its batch were saved; "
                    "fix the dump and re-run (they will not be written again)."
                )
            else:
                advice = "Nothing was written."
            raise CommandError(f"{error} {advice}") from error
        finally:
            bump_content_version()  # bulk writes send no signal: cached pages are now stale
        if tty:
            sys.stderr.write("\n")
        if options["verbosity"] > 0:
            self.stdout.write(f"{report} ({time.monotonic() - started:.1f} s)")
