import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a date is known: archives often give only a month or a year."""

    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def iso_partial_date(value: datetime.date | None, precision: str) -> str:
    """ISO 8601 with only what is known: "2013", "2018-11" or "2018-03-08" (JSON-LD, API)."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ImportJobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Nothing imported")


class ImportJob(models.Model):
    """A confirmed import too large to run during the request: run by the task worker."""

    Status = ImportJobStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    app_label = models.CharField(_("application"), max_length=100)
    model_name = models.CharField(_("model"), max_length=100)
    resource_index = models.PositiveSmallIntegerField(_("resource"), default=0)
    format_index = models.PositiveSmallIntegerField(_("format"), default=0)
    pending_name = models.CharField(_("waiting file"), max_length=255)
    file_name = models.CharField(_("file"), max_length=255)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    totals = models.JSONField(_("totals"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportJobStatus.values), name="importjob_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(f"admin:{self.app_label}_{self.model_name}_import_job", args=[self.pk])

    @property
    def progress_key(self) -> str:
        return f"clara:import-job:{self.pk}:rows"
