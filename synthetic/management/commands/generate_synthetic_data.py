import time

from django.core.management.base import BaseCommand, CommandError

from synthetic.services import DatasetPresent, generate, sizes_for


class Command(BaseCommand):
    help = (
        "Write synthetic institutions, teams, people, partnerships, agreements, mobilities and "
        "events in the shapes of the CLARA dataset (scale 1: 100,000 institutions). They are "
        "recorded as a batch: `remove_synthetic_data` deletes them. Refuses a database that holds "
        "the CLARA dataset unless --allow-with-dataset."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=0.01, help="1 is the full size.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--allow-with-dataset",
            action="store_true",
            help="Write even though the CLARA dataset is loaded (benchmarks, never the demo).",
        )

    def handle(self, *args, **options):
        scale, seed = options["scale"], options["seed"]
        if options["verbosity"] > 0:
            sizes = ", ".join(f"{n:,} {name}" for name, n in sizes_for(scale).items())
            self.stdout.write(f"Generating scale {scale:g}, seed {seed}: {sizes}…")
        started = time.monotonic()
        try:
            batch = generate(
                scale=scale, seed=seed, allow_with_dataset=options["allow_with_dataset"]
            )
        except DatasetPresent as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            for table, count in batch.counts.items():
                self.stdout.write(f"  {table}: {count:,}")
            elapsed = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"Synthetic batch {batch.pk} written in {elapsed:.0f} s.")
            )
