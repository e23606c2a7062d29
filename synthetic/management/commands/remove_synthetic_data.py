from django.core.management.base import BaseCommand

from synthetic.models import SyntheticBatch
from synthetic.services import remove


class Command(BaseCommand):
    help = "Delete every record written by generate_synthetic_data (or only the given batches)."

    def add_arguments(self, parser):
        parser.add_argument("batches", nargs="*", type=int, help="Batch numbers (default: all).")

    def handle(self, *args, **options):
        batches = SyntheticBatch.objects.all()
        if options["batches"]:
            batches = batches.filter(pk__in=options["batches"])
        deleted = remove(batches=batches)
        if options["verbosity"] > 0:
            total = sum(deleted.values())
            self.stdout.write(self.style.SUCCESS(f"{total:,} synthetic rows deleted."))
