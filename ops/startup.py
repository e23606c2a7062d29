"""Checks made before serving: a mistake stops the start with one clear line."""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages


def check_static_files() -> None:
    """With a manifest storage, every page needs the manifest: refuse to start without it."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return
    if not storage.manifest_storage.exists(storage.manifest_name):
        where = f"{settings.STATIC_ROOT}/{storage.manifest_name}"
        raise ImproperlyConfigured(
            f"Static files are not collected ({where} is missing): "
            "run `python manage.py collectstatic --noinput` before starting the server."
        )
