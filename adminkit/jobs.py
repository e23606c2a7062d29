"""Large imports and exports run by the task worker, reporting progress through the cache."""

import tempfile

from django.apps import apps
from django.contrib import admin
from django.core.files.base import File
from django.db import transaction
from django.http import HttpRequest
from django.tasks import task
from django_otp import user_has_device

from core.models import SpreadsheetJob
from core.storage import delete_with_files
from pagecache.cache import bump_content_version

EXPORT_CHUNK = 2_000
REFUSED = "Refused when it was about to run: the author may no longer do this."


def start_job(*, job: SpreadsheetJob) -> SpreadsheetJob:
    """Queue the job once its row is committed (a worker elsewhere must find it)."""
    runner = run_import if job.kind == SpreadsheetJob.Kind.IMPORT else run_export
    transaction.on_commit(lambda: runner.enqueue(job.pk))
    return job


def _claim(job_id: int):
    """The job and its model admin, if no other worker took it already."""
    claimed = SpreadsheetJob.claim(job_id)
    job = SpreadsheetJob.objects.select_related("user").get(pk=job_id)
    model_admin = admin.site.get_model_admin(apps.get_model(job.app_label, job.model_name))
    return (job, model_admin) if claimed else (job, None)


def _as_author(user) -> HttpRequest:
    """The back-office's rules (permissions, the rows one may see) are written against a
    request: the worker asks them with a request carrying the job's author and nothing else.
    The worker has no session: an account that must be verified needs its device still."""
    request = HttpRequest()
    user.is_verified = lambda: user_has_device(user)
    request.user = user
    return request


def _author_may_still(job: SpreadsheetJob, model_admin, request) -> bool:
    """As the back-office would judge the author now, not when the job was queued: an active
    staff account, with its second factor if it needs one, and the permissions of the job."""
    if not model_admin.admin_site.has_permission(request):
        return False
    if job.kind == SpreadsheetJob.Kind.EXPORT:
        return model_admin.has_export_permission(request)
    return (
        model_admin.has_import_permission(request)
        and model_admin.has_add_permission(request)
        and model_admin.has_change_permission(request)
    )


def _refuse(job: SpreadsheetJob) -> str:
    return job.fail(totals={"refused": True}, errors=[REFUSED])


@task
def run_import(job_id: int) -> str:
    job, model_admin = _claim(job_id)
    if model_admin is None:
        return job.status
    request = _as_author(job.user)
    input_format = model_admin.get_import_formats()[job.format_index]()
    pending = model_admin.pending_upload(job.pending_name, input_format)
    if not _author_may_still(job, model_admin, request):
        pending.remove()
        return _refuse(job)
    data = pending.read()
    if data is None:
        return job.fail(errors=["The uploaded file expired before it could be imported."])
    resource_class = model_admin.get_import_resource_classes(request)[job.resource_index]
    resource = resource_class(user=job.user)
    resource.progress = job.beat
    try:
        result = resource.import_data(
            input_format.create_dataset(data),
            dry_run=False,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
            file_name=job.file_name,
            user=job.user,
            retain_instance_in_row_result=True,  # for the admin log
        )
    finally:
        pending.remove()
    if result.has_errors() or result.has_validation_errors():
        return job.fail(errors=result.messages[:200])
    model_admin.generate_log_entries(result, request)
    bump_content_version()  # the worker's writes: cached public pages are now stale
    return job.finish(totals=dict(result.totals))


@task
def run_export(job_id: int) -> str:
    job, model_admin = _claim(job_id)
    if model_admin is None:
        return job.status
    request = _as_author(job.user)
    if not _author_may_still(job, model_admin, request):
        return _refuse(job)
    # The same rules as on the page: what the user may see, and nothing else.
    visible = model_admin.get_queryset(request)
    resource_class = model_admin.get_export_resource_classes(request)[job.resource_index]
    resource = resource_class(user=job.user)
    file_format = model_admin.get_export_formats()[job.format_index]()
    progress = job.beat

    def chunks():
        # By chunks of ids, in the list's order: a query each, never one of 100,000 ids; each
        # chunk is written out before the next is read (memory holds one chunk).
        yield resource.export(queryset=visible.none(), export_fields=job.fields or None)
        for start in range(0, len(job.record_ids), EXPORT_CHUNK):
            chunk = job.record_ids[start : start + EXPORT_CHUNK]
            yield resource.export(
                queryset=visible.filter(pk__in=chunk), export_fields=job.fields or None
            )
            progress(start + len(chunk))

    with tempfile.TemporaryFile() as out:
        rows = file_format.write_datasets(chunks(), out)
        out.seek(0)
        job.result.save(job.file_name, File(out), save=False)
    job.save(update_fields=["result"])
    return job.finish(totals={"rows": rows})


def purge_expired_jobs(now=None) -> int:
    """Delete the jobs started more than EXPORT_KEEP_HOURS ago, with their files (an export may
    hold personal data: it must not outlive its use)."""
    return delete_with_files(SpreadsheetJob.objects.expired(now), file_field="result")
