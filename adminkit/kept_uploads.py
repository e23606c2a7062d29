"""A file chosen on a form refused for another field's error is kept in private storage, so
the next submission can use it without picking it again.

The page carries a signed token (the uploader's user id and the kept file's name), never the
file: only the uploader may use it, for KEPT_UPLOAD_KEEP_HOURS. A kept file is deleted once a
save that used it commits, or by `expire_kept_uploads`.
"""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core.storage import private_storage

FOLDER = "kept-uploads"
SALT = "adminkit.kept_uploads"


def _max_age() -> int:
    return settings.KEPT_UPLOAD_KEEP_HOURS * 3600


def keep_upload(*, file: UploadedFile, user_id: int) -> str:
    """Stores the file under a random folder and returns the token that names it."""
    file.seek(0)
    stored = private_storage.save(f"{FOLDER}/{secrets.token_hex(16)}/{file.name}", file)
    return signing.dumps({"user": user_id, "stored": stored, "name": file.name}, salt=SALT)


def kept_upload(*, token: str, user_id: int) -> UploadedFile | None:
    """The kept file, if the token is genuine, recent, the user's own and the file still there."""
    try:
        kept = signing.loads(token, salt=SALT, max_age=_max_age())
    except signing.BadSignature:
        return None
    if kept.get("user") != user_id or not private_storage.exists(kept["stored"]):
        return None
    with private_storage.open(kept["stored"]) as stored:
        file = SimpleUploadedFile(kept["name"], stored.read())
    file.kept_token, file.kept_name = token, kept["stored"]
    return file


def purge_kept_uploads(now=None) -> int:
    """Deletes kept files older than KEPT_UPLOAD_KEEP_HOURS; returns how many."""
    limit = (now or timezone.now()) - timedelta(hours=settings.KEPT_UPLOAD_KEEP_HOURS)
    deleted = 0
    try:
        folders, _files = private_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    for folder in folders:
        for name in private_storage.listdir(f"{FOLDER}/{folder}")[1]:
            path = f"{FOLDER}/{folder}/{name}"
            if private_storage.get_modified_time(path) < limit:
                private_storage.delete(path)
                deleted += 1
    return deleted


class KeptFileInput(forms.FileInput):
    """A file input that, on a refused form, says which file is kept and carries its token."""

    keep_for_user_id: int | None = None
    pending: UploadedFile | None = None  # the valid file this form was given, set by the form

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        token = data.get(f"{name}-kept")
        if upload or not token or self.keep_for_user_id is None:
            return upload
        return kept_upload(token=token, user_id=self.keep_for_user_id)

    def use_required_attribute(self, initial):
        return super().use_required_attribute(initial) and self.pending is None

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        value = self.pending
        if value is None or self.keep_for_user_id is None:
            return html
        if not getattr(value, "kept_token", None):
            value.kept_token = keep_upload(file=value, user_id=self.keep_for_user_id)
        note = _("File kept: %(name)s (choose another to replace it)") % {"name": value.name}
        return format_html(
            '{}<input type="hidden" name="{}-kept" value="{}"><p class="help">{}</p>',
            html,
            name,
            value.kept_token,
            note,
        )


class KeepUploadsFormMixin:
    """Gives the form's file inputs the user to keep files for; a used kept file is deleted
    once the save commits."""

    keep_for_user_id: int | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, KeptFileInput):
                field.widget.keep_for_user_id = self.keep_for_user_id

    def full_clean(self):
        super().full_clean()
        # Only a valid file is kept: a refused one is shown as refused, and not offered again.
        for name, value in getattr(self, "cleaned_data", {}).items():
            widget = self.fields[name].widget if name in self.fields else None
            if isinstance(widget, KeptFileInput) and isinstance(value, UploadedFile):
                widget.pending = value

    def save(self, commit=True):
        saved = super().save(commit)
        for name in getattr(self, "cleaned_data", {}):
            kept = getattr(self.cleaned_data[name], "kept_name", None)
            if kept:
                transaction.on_commit(lambda kept=kept: private_storage.delete(kept))
        return saved


def keeping_uploads(form_class, user):
    return type(
        form_class.__name__, (KeepUploadsFormMixin, form_class), {"keep_for_user_id": user.pk}
    )


class KeepUploadsAdminMixin:
    """For a ModelAdmin or an inline whose file fields use KeptFileInput."""

    def get_form(self, request, obj=None, **kwargs):
        return keeping_uploads(super().get_form(request, obj, **kwargs), request.user)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = keeping_uploads(formset.form, request.user)
        return formset
