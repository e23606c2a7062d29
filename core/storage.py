import logging

from django.apps import apps
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)


class PrivateFileSystemStorage(FileSystemStorage):
    """Files with no URL at all: they are only ever streamed by a view that checks permissions."""

    def url(self, name):
        raise ValueError("This file is not accessible via a URL: it is private.")


class PrivateS3Storage(S3Storage):
    """The same in an S3-compatible bucket shared by every server: no URL, not even signed."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("This file is not accessible via a URL: it is private.")


class PrivateStorage(LazyObject):
    """storages["private"], looked up when first used (a model field keeps its storage)."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage():
    """The one way to private storage: a file field's `storage=` (a callable, so that a field
    follows the STORAGES setting), the backups and the kept uploads alike."""
    return private_storage


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty


# Files follow their rows: a deleted row (one, or many through a queryset) or a replaced file
# takes its stored file with it, once the transaction commits (a rollback loses nothing).


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _delete_on_commit(storage, name: str, using: str) -> None:
    transaction.on_commit(lambda: storage.delete(name), using=using)


def _row_deleted(sender, instance, using, **kwargs) -> None:
    for field in _file_fields(sender):
        file = getattr(instance, field.attname)
        if file:
            _delete_on_commit(file.storage, file.name, using)


def _remember_stored_names(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    fields = [f.attname for f in _file_fields(sender)]
    if raw:  # loaddata, a restore: the rows are written as they come
        fields = []
    elif update_fields is not None:
        fields = [name for name in fields if name in update_fields]
    stored = None
    if instance.pk is not None and fields:
        stored = sender._base_manager.filter(pk=instance.pk).values(*fields).first()
    instance.clara_replaced_files = stored or {}


def _row_saved(sender, instance, using, **kwargs) -> None:
    for attname, old in getattr(instance, "clara_replaced_files", {}).items():
        file = getattr(instance, attname)
        if old and old != file.name:
            _delete_on_commit(file.storage, old, using)
    instance.clara_replaced_files = {}


def connect_file_cleanup() -> None:
    """For each model with a file field (not for every model: that would make every bulk
    deletion fetch its rows to send signals)."""
    for model in apps.get_models():
        if _file_fields(model):
            post_delete.connect(_row_deleted, sender=model, dispatch_uid=f"files-{model}")
            pre_save.connect(_remember_stored_names, sender=model, dispatch_uid=f"files-{model}")
            post_save.connect(_row_saved, sender=model, dispatch_uid=f"files-{model}")


def delete_with_files(rows: models.QuerySet, *, file_field: str) -> int:
    """Delete each row and its stored file, the file first: a row whose file cannot be deleted
    (the storage is unreachable) stays, for the next run to try again. The number deleted."""
    deleted = 0
    for row in rows.iterator():
        try:
            file = getattr(row, file_field)
            if file:
                file.delete(save=False)
        except OSError:
            logger.exception("Could not delete the file of %s %s", row._meta.label, row.pk)
            continue
        row.delete()
        deleted += 1
    return deleted
