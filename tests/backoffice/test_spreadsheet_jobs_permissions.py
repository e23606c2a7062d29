"""A queued import runs only if its author may still import: the rule is checked when it runs."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from backoffice.roles import EDITOR
from core.models import SpreadsheetJob
from institutions.models import Institution

pytestmark = pytest.mark.django_db

HEADER = "slug,name_fr,name_en,kind,network_role,country,city_fr,city_en,ror_id\n"
ROWS = "".join(
    f"i{n},Institut {n},Institute {n},university,foreign_partner,CN,,,\n" for n in range(5)
)


def queue_import(client, django_capture_on_commit_callbacks):
    """Upload and confirm a large import; the worker has not run it yet (its callbacks)."""
    preview = client.post(
        "/admin/institutions/institution/import/",
        {
            "import_file": SimpleUploadedFile("big.csv", (HEADER + ROWS).encode()),
            "format": "0",
            "resource": "0",
        },
    )
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            "/admin/institutions/institution/process_import/",
            {**preview.context["confirm_form"].initial, "resource": "0"},
        )
    return SpreadsheetJob.objects.get(), callbacks


def lose_the_role(user, settings):
    user.groups.remove(Group.objects.get(name=EDITOR))


def deactivate(user, settings):
    user.is_active = False
    user.save()


def need_a_second_factor(user, settings):
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    user.is_superuser = True  # and no authenticator device
    user.save()


@pytest.mark.parametrize("change", [lose_the_role, deactivate, need_a_second_factor])
def test_an_import_whose_author_may_no_longer_import_is_refused(
    role_client, settings, django_capture_on_commit_callbacks, change
):
    settings.IMPORT_BACKGROUND_ROWS = 2
    client = role_client(EDITOR)
    user = client.get("/admin/").wsgi_request.user
    job, callbacks = queue_import(client, django_capture_on_commit_callbacks)
    assert job.status == SpreadsheetJob.Status.QUEUED
    change(user, settings)
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.status == SpreadsheetJob.Status.FAILED
    assert Institution.objects.count() == 0


def test_the_job_page_says_why(role_client, settings, django_capture_on_commit_callbacks):
    settings.IMPORT_BACKGROUND_ROWS = 2
    client = role_client(EDITOR)
    user = client.get("/admin/").wsgi_request.user
    job, callbacks = queue_import(client, django_capture_on_commit_callbacks)
    user.groups.remove(Group.objects.get(name=EDITOR))
    for callback in callbacks:
        callback()
    user.groups.add(Group.objects.get(name=EDITOR))  # to see the page again
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Refused when it was about to run" in page
    assert "correct the file" not in page


def test_an_author_who_still_may_import_is_served(
    role_client, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_ROWS = 2
    job, callbacks = queue_import(role_client(EDITOR), django_capture_on_commit_callbacks)
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert (job.status, Institution.objects.count()) == (SpreadsheetJob.Status.DONE, 5)


def test_an_export_whose_author_left_is_refused(
    role_client, settings, django_capture_on_commit_callbacks
):
    from tests.factories import InstitutionFactory

    settings.EXPORT_BACKGROUND_ROWS = 2
    for n in range(3):
        InstitutionFactory(slug=f"big-{n}")
    client = role_client(EDITOR)
    user = client.get("/admin/").wsgi_request.user
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(
            "/admin/institutions/institution/export/",
            {"format": "0", "resource": "0", "institutionresource_slug": "on"},
        )
    deactivate(user, settings)
    for callback in callbacks:
        callback()
    job = SpreadsheetJob.objects.get()
    assert (job.status, job.result.name) == (SpreadsheetJob.Status.FAILED, "")
