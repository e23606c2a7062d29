"""Large imports run by the task worker, reporting their progress through the cache."""

from types import SimpleNamespace

from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .models import ImportJob


def start_import(*, job: ImportJob) -> ImportJob:
    """Queue the job once its row is committed (a worker elsewhere must find it)."""
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


@task
def run_import(job_id: int) -> str:
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job.status  # already taken by another worker
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    model = apps.get_model(job.app_label, job.model_name)
    model_admin = admin.site.get_model_admin(model)
    request = SimpleNamespace(user=job.user)
    input_format = model_admin.get_import_formats()[job.format_index]()
    pending = model_admin.get_tmp_storage_class()(
        name=job.pending_name, encoding=None, read_mode=input_format.get_read_mode()
    )
    data = pending.read()
    if data is None:
        return _finish(job, errors=["The uploaded file expired before it could be imported."])
    resource_class = model_admin.get_import_resource_classes(request)[job.resource_index]
    resource = resource_class(user=job.user)
    resource.progress = lambda rows: cache.set(job.progress_key, rows, 24 * 60 * 60)
    try:
        dataset = input_format.create_dataset(data)
        result = resource.import_data(
            dataset,
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
        messages = [str(error.error) for error in result.base_errors]
        messages += [
            f"{line}: {error.error}" for line, errors in result.row_errors() for error in errors
        ]
        messages += [
            f"{row.number}: {'; '.join(f'{k}: {v}' for k, v in row.error_dict.items())}"
            for row in result.invalid_rows
        ]
        return _finish(job, errors=messages[:200])
    model_admin.generate_log_entries(result, request)
    return _finish(job, totals=dict(result.totals))


def _finish(job: ImportJob, *, totals: dict | None = None, errors: list | None = None) -> str:
    job.status = ImportJob.Status.FAILED if errors else ImportJob.Status.DONE
    job.totals = totals or {}
    job.errors = errors or []
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "totals", "errors", "finished_at"])
    cache.set(job.progress_key, job.total_rows, 60 * 60)
    return job.status
