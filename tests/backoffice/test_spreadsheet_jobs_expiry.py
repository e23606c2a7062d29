"""Admin background jobs and their files are kept EXPORT_KEEP_HOURS, then deleted; a person's
erasure deletes the export files that may name them."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from core.models import SpreadsheetJob
from people.services import erase_person
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_job(user, *, hours_ago: float, kind=SpreadsheetJob.Kind.EXPORT) -> SpreadsheetJob:
    job = SpreadsheetJob.objects.create(
        kind=kind,
        user=user,
        app_label="people",
        model_name="person",
        file_name="people.csv",
        status=SpreadsheetJob.Status.DONE,
    )
    if kind == SpreadsheetJob.Kind.EXPORT:
        job.result.save("people.csv", ContentFile(b"first_name\nZo\xc3\xa9\n"), save=True)
    SpreadsheetJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=hours_ago)
    )
    return job


def stored(name: str) -> bool:
    return storages["private"].exists(name)


def test_jobs_older_than_the_setting_are_deleted_with_their_files(settings):
    settings.EXPORT_KEEP_HOURS = 24
    user = UserFactory()
    old, recent = make_job(user, hours_ago=25), make_job(user, hours_ago=23)
    old_import = make_job(user, hours_ago=30, kind=SpreadsheetJob.Kind.IMPORT)
    call_command("expire_admin_exports")
    assert list(SpreadsheetJob.objects.all()) == [recent]
    assert (stored(old.result.name), stored(recent.result.name)) == (False, True)
    assert old_import.pk not in SpreadsheetJob.objects.values_list("pk", flat=True)
    recent.result.delete(save=False)


def test_erasing_a_person_deletes_the_export_files_made_before(
    django_capture_on_commit_callbacks,
):
    export = make_job(UserFactory(), hours_ago=1)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person=PersonFactory(first_name="Zoé"))
    assert not SpreadsheetJob.objects.filter(kind=SpreadsheetJob.Kind.EXPORT).exists()
    assert not stored(export.result.name)
