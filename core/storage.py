from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files with no URL at all: they are only ever streamed by a view that checks permissions."""

    def url(self, name):
        raise ValueError("This file is not accessible via a URL: it is private.")
