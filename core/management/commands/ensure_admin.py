import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists for the demo. Credentials come from "
        "DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD, else admin / clara-demo."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "clara-demo")
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"is_staff": True, "is_superuser": True, "email": ""},
        )
        if created or "DJANGO_SUPERUSER_PASSWORD" in os.environ:
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        verb = "Created" if created else "Kept"
        shown = password if created or "DJANGO_SUPERUSER_PASSWORD" in os.environ else "(unchanged)"
        self.stdout.write(self.style.SUCCESS(f"{verb} admin account: {username} / {shown}"))
