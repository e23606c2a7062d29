from django.core.management.base import BaseCommand, no_translations

from dataset.loader import load_clara_dataset
from pagecache.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Load the CLARA dataset: create what is missing and report, without changing them, "
        "records that differ from the dataset (edited in the back-office). --update writes the "
        "dataset's values over them and lists each field it overwrote."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Overwrite records that differ from the dataset, listing each field.",
        )

    @no_translations
    def handle(self, *args, **options):
        report = load_clara_dataset(update=options["update"])
        bump_content_version()  # cached public pages show the loaded records
        if options["verbosity"] > 0:
            style = self.style.WARNING if report.differences else self.style.SUCCESS
            self.stdout.write(style(str(report)))
