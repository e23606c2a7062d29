from django.core.management.base import BaseCommand, CommandError

from euprojects.cordis import CordisError
from euprojects.services import import_cordis, rematch


class Command(BaseCommand):
    help = (
        "Import EU projects and their participants from a CORDIS open-data export (Horizon 2020 "
        "or Horizon Europe): its zip, its folder, or its project.csv and organization.csv. "
        "Only what changed is written; new organisations are matched to the directory, the "
        "uncertain ones wait for review (EU participant matches)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="zip, folder, or project.csv organization.csv")
        parser.add_argument(
            "--no-match", action="store_true", help="Do not match new organisations."
        )
        parser.add_argument(
            "--rematch",
            dest="again",
            action="store_true",
            help="Match again the organisations waiting for review (after the directory grew).",
        )

    def handle(self, *args, paths, no_match, again, **options):
        if not paths and not again:
            raise CommandError("Give the CORDIS export to import (or --rematch).")
        if paths:
            try:
                report = import_cordis(*paths, match=not no_match)
            except CordisError as error:
                raise CommandError(f"{error} Nothing was imported.") from None
            self.stdout.write(str(report))
        if again:
            self.stdout.write(str(rematch()))
