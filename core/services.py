"""Writes shared by every app's public records."""

from django.db import transaction
from django.utils.translation import gettext as _


def set_published(*, record, published: bool):
    """Show `record` on the public site (`is_public`), or take it off (then it is no longer
    featured either: only a published record may be). Checked (full_clean) and kept in the
    record's history with the reason."""
    model = type(record)
    with transaction.atomic(using=model._default_manager.db):
        record = model._default_manager.select_for_update().get(pk=record.pk)
        record.is_public = published
        if not published and getattr(record, "is_featured", False):
            record.is_featured = False
        record.full_clean()
        record._change_reason = _("Published") if published else _("Unpublished")
        record.save()
    return record
