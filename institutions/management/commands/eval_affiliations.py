from django.core.management.base import BaseCommand, CommandError

from institutions.affiliation_eval import evaluate


class Command(BaseCommand):
    help = (
        "Measure the affiliation resolver on a gold file in the S2AFF format: precision at 1, "
        "share and precision of `chosen` answers, strings per second and peak memory, over the "
        "rows with at least one label in the imported directory."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV: original_affiliation, labels, split")
        parser.add_argument("--split", default="", help="Only the rows of this split (train, val)")
        parser.add_argument("--misses", type=int, default=0, help="Print this many misses")
        parser.add_argument(
            "--parent-first",
            action="store_true",
            help="When a string names an organisation and its parent, answer the parent",
        )
        parser.add_argument("--check", action="store_true", help="Fail when a target is missed")

    def handle(self, *args, path, split, misses, check, parent_first, **options):
        try:
            figures = evaluate(path, split=split, specific=not parent_first)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror or error}") from error
        for text, labels, candidates in figures.misses[:misses]:
            shown = "; ".join(
                f"{c.ror_id} {c.name} {c.score:.2f}{' CHOSEN' if c.chosen else ''} [{c.reason}]"
                for c in candidates
            )
            self.stdout.write(f"- {text}\n    gold {labels}\n    got  {shown or 'nothing'}")
        for line in figures.lines():
            self.stdout.write(line)
        if check and not all(figures.met().values()):
            missed = ", ".join(k for k, ok in figures.met().items() if not ok)
            raise CommandError(f"targets missed: {missed}")
