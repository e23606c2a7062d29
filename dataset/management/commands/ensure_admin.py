import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

DEMO_PASSWORD = "clara-demo"


class Command(BaseCommand):
    help = (
        "Make sure an administrator account exists for the demo. Credentials come from "
        "DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD, else admin / clara-demo."
    )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", DEMO_PASSWORD)
        if not settings.ALLOW_DEMO_ADMIN:
            # Outside the demo and the tests, no account with a known or weak password.
            if "DJANGO_SUPERUSER_PASSWORD" not in os.environ or password == DEMO_PASSWORD:
                raise CommandError(
                    "Set DJANGO_SUPERUSER_PASSWORD to a strong password: the demo password "
                    "is refused outside the demo."
                )
            try:
                validate_password(password, get_user_model()(username=username))
            except ValidationError as weak:
                raise CommandError("The password is too weak: " + " ".join(weak.messages)) from None
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
