from django.core.management.base import BaseCommand

from programmes.services import delete_expired_rejections


class Command(BaseCommand):
    help = (
        "Delete rejected applications, their files, reviews and scores, "
        "PROGRAMMES_RETENTION_DAYS after the decision."
    )

    def handle(self, *args, **options):
        deleted = delete_expired_rejections()
        self.stdout.write(f"{deleted} rejected application(s) deleted.")
