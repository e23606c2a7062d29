from django.core.management.base import BaseCommand

from pagecache.cache import bump_content_version, content_version


class Command(BaseCommand):
    help = (
        "Make every cached public page stale (after a change of content made outside the "
        "application: raw SQL, a restored database)."
    )

    def handle(self, *args, **options):
        bump_content_version()
        if options["verbosity"] > 0:
            self.stdout.write(f"Content version: {content_version()}")
