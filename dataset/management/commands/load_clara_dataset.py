from django.core.management.base import BaseCommand, no_translations

from dataset.loader import load_clara_dataset


class Command(BaseCommand):
    help = "Load the CLARA dataset (partnerships, institutions, agreements…); idempotent."

    @no_translations
    def handle(self, *args, **options):
        report = load_clara_dataset()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(str(report)))
