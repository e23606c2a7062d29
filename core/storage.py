from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage


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


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty
