from django.core.management.base import BaseCommand

from institutions.models import Institution
from institutions.selectors import AUTO_APPLY, propose_ror_matches
from institutions.services import record_matches
from pagecache.cache import bump_content_version


class Command(BaseCommand):
    help = (
        "Propose a ROR id for each CLARA institution that has none (import_ror first). "
        "With --apply, unique high-confidence matches are linked; the others wait for review "
        "in the back-office (ROR match proposals)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--apply",
            action="store_true",
            help=f"Link unique matches of confidence ≥ {AUTO_APPLY:.0%}%.",  # %% for argparse
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only print the proposals; store nothing."
        )

    def handle(self, *args, apply, dry_run, **options):
        institutions = Institution.objects.filter(ror_id="", source=Institution.Source.CLARA)
        results = propose_ror_matches(institutions)
        if options["verbosity"] > 1 or dry_run:
            for result in results:
                best = result.best
                if best is None:
                    self.stdout.write(f"  {result.institution}: no candidate")
                    continue
                flag = "unique" if result.unique_high_confidence else "review"
                self.stdout.write(
                    f"  {result.institution} → {best.ror_id} {best.candidate.name} "
                    f"({best.confidence:.0%}, {best.reasons}; {flag})"
                )
        if dry_run:
            return
        report = record_matches(results=results, apply=apply)
        bump_content_version()  # bulk writes send no signal: cached pages are now stale
        for message in report.failed or []:
            self.stderr.write(message)
        if options["verbosity"] > 0:
            self.stdout.write(str(report))
