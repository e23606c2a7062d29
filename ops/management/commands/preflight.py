from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from ops.startup import check_static_files


class Command(BaseCommand):
    help = "Check what serving needs (settings, collected static files); one line if not."
    requires_system_checks = []

    def handle(self, *args, **options) -> None:
        try:
            check_static_files()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Ready to serve.")
