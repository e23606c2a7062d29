import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.storage import get_private_storage


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


def period_sentence(
    start: datetime.date | None, start_precision: str, end: datetime.date | None, end_precision: str
) -> str:
    """ "Since 8 March 2018" / "Depuis le 8 mars 2018", "Depuis 2013", "From 2013 to 2018"."""
    start_text = format_partial_date(start, start_precision)
    end_text = format_partial_date(end, end_precision)
    if start_text and end_text:
        return gettext("From %(start)s to %(end)s") % {"start": start_text, "end": end_text}
    if start_text:
        if start_precision == DatePrecision.DAY:
            return pgettext("since a day", "Since %(date)s") % {"date": start_text}
        return gettext("Since %(date)s") % {"date": start_text}
    if end_text:
        if end_precision == DatePrecision.DAY:
            return pgettext("until a day", "Until %(date)s") % {"date": end_text}
        return gettext("Until %(date)s") % {"date": end_text}
    return ""


def format_partial_range(
    start: datetime.date | None, end: datetime.date | None, precision: str
) -> str:
    """A period as people write it: "du 4 au 6 juillet 2011", "4–6 July 2011",
    "30 June – 2 July 2011", "November–December 2012", "2012–2013"."""
    if start is None:
        return ""
    if end is None or format_partial_date(end, precision) == format_partial_date(start, precision):
        return format_partial_date(start, precision)
    if precision == DatePrecision.YEAR:
        return f"{start.year}–{end.year}"
    if precision == DatePrecision.MONTH:
        if start.year == end.year:
            return f"{dateformat.format(start, 'F')}–{format_partial_date(end, precision)}"
        return f"{format_partial_date(start, precision)} – {format_partial_date(end, precision)}"
    if start.year == end.year and start.month == end.month:
        text = pgettext("dates of one month", "{start}–{end}")
        first = dateformat.format(start, "j")
    elif start.year == end.year:
        text = pgettext("dates of one year", "{start} – {end}")
        first = formats.date_format(start, "MONTH_DAY_FORMAT")
    else:
        text = pgettext("dates of several years", "{start} – {end}")
        first = formats.date_format(start, "DATE_FORMAT")
    return text.format(start=first, end=formats.date_format(end, "DATE_FORMAT"))


def iso_partial_date(value: datetime.date | None, precision: str) -> str:
    """ISO 8601 with only what is known: "2013", "2018-11" or "2018-03-08" (JSON-LD, API)."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _first_of_next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def ends_before_q(field: str, precision_field: str, on: datetime.date) -> Q:
    """The partial date in `field` is wholly before `on` (all of "2018" is before 2019)."""
    return (
        Q(**{precision_field: DatePrecision.DAY, f"{field}__lt": on})
        | Q(**{precision_field: DatePrecision.MONTH, f"{field}__lt": _first_of_month(on)})
        | Q(**{precision_field: DatePrecision.YEAR, f"{field}__lt": datetime.date(on.year, 1, 1)})
    )


def starts_after_q(field: str, precision_field: str, on: datetime.date) -> Q:
    """The partial date in `field` is wholly after `on` (all of "2018" is after 2017)."""
    return (
        Q(**{precision_field: DatePrecision.DAY, f"{field}__gt": on})
        | Q(**{precision_field: DatePrecision.MONTH, f"{field}__gte": _first_of_next_month(on)})
        | Q(
            **{
                precision_field: DatePrecision.YEAR,
                f"{field}__gte": datetime.date(on.year + 1, 1, 1),
            }
        )
    )


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobQuerySet(models.QuerySet):
    def running(self):
        return self.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING])

    def finished(self):
        return self.filter(status__in=[JobStatus.DONE, JobStatus.FAILED])

    def stalled(self, now=None):
        before = (now or timezone.now()) - self.model.stall_after()
        return self.running().filter(heartbeat_at__lt=before)

    def alive(self, now=None):
        before = (now or timezone.now()) - self.model.stall_after()
        return self.running().filter(heartbeat_at__gte=before)


class BackgroundJob(models.Model):
    """Work too long for a request, run by the task worker: queued → running → done or failed.

    The one state machine of the spreadsheet jobs and the search exports: a worker claims a
    queued job (no other can), beats while it works (progress in the cache, the heartbeat in
    the row), and finishes or fails it. A job whose heartbeat stopped is stalled. Its file
    (the subclass's `file_field`) lives in private storage.
    """

    Status = JobStatus
    file_field = "file"
    progress_prefix = "clara:job"

    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Renewed as rows are written: a job whose worker stopped is seen as stalled.
    heartbeat_at = models.DateTimeField(_("last progress"), default=timezone.now)

    class Meta:
        abstract = True

    @property
    def progress_key(self) -> str:
        return f"{self.progress_prefix}:{self.pk}:rows"

    @property
    def running(self) -> bool:
        return self.status in {JobStatus.QUEUED, JobStatus.RUNNING}

    @classmethod
    def stall_after(cls) -> datetime.timedelta:
        """How long a job may go without progress before it is seen as stalled."""
        return datetime.timedelta(hours=1)

    @property
    def stalled(self) -> bool:
        """Still waiting or running long after it should have finished (a worker stopped in
        the middle): reported as failed, never left spinning."""
        return self.running and self.heartbeat_at < timezone.now() - self.stall_after()

    @property
    def private_file(self):
        return getattr(self, self.file_field)

    @classmethod
    def claim(cls, pk: int) -> bool:
        """Whether this worker took the queued job (no other worker will)."""
        return bool(
            cls.objects.filter(pk=pk, status=JobStatus.QUEUED).update(
                status=JobStatus.RUNNING, heartbeat_at=timezone.now()
            )
        )

    def beat(self, rows: int, **fields) -> None:
        """Progress: `rows` done so far (read by the page watching the job)."""
        cache.set(self.progress_key, rows, 24 * 60 * 60)
        type(self).objects.filter(pk=self.pk).update(heartbeat_at=timezone.now(), **fields)

    def finish(self, **fields) -> str:
        return self._end(JobStatus.DONE, fields)

    def fail(self, **fields) -> str:
        return self._end(JobStatus.FAILED, fields)

    def _end(self, status: str, fields: dict) -> str:
        now = timezone.now()
        fields = {**fields, "status": status, "finished_at": now, "heartbeat_at": now}
        for name, value in fields.items():
            setattr(self, name, value)
        type(self).objects.filter(pk=self.pk).update(**fields)
        cache.set(self.progress_key, self.total_rows, 60 * 60)
        return status


class SpreadsheetJobKind(models.TextChoices):
    IMPORT = "import", pgettext_lazy("spreadsheet job", "Import")
    EXPORT = "export", pgettext_lazy("spreadsheet job", "Export")


SpreadsheetJobStatus = JobStatus


class SpreadsheetJobQuerySet(JobQuerySet):
    def exports(self):
        return self.filter(kind=SpreadsheetJobKind.EXPORT)

    def expired(self, now=None):
        """Started more than EXPORT_KEEP_HOURS ago."""
        keep = datetime.timedelta(hours=settings.EXPORT_KEEP_HOURS)
        return self.filter(created_at__lte=(now or timezone.now()) - keep)


class SpreadsheetJob(BackgroundJob):
    """An import or export too large for the request: run by the task worker, watched on a page.

    An import is all or nothing; an export's file waits in private storage for its author.
    """

    Kind = SpreadsheetJobKind
    file_field = "result"
    progress_prefix = "clara:spreadsheet-job"

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
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
    file_name = models.CharField(_("file"), max_length=255)
    pending_name = models.CharField(_("waiting upload"), max_length=255, blank=True)
    fields = models.JSONField(_("exported fields"), default=list, blank=True)
    record_ids = models.JSONField(_("exported records"), default=list, blank=True)
    result = models.FileField(
        _("exported file"), storage=get_private_storage, upload_to="exports/", blank=True
    )
    totals = models.JSONField(_("totals"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)

    objects = SpreadsheetJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("spreadsheet job")
        verbose_name_plural = _("spreadsheet jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=SpreadsheetJobKind.values),
                name="spreadsheetjob_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SpreadsheetJobStatus.values),
                name="spreadsheetjob_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse(f"admin:{self.app_label}_{self.model_name}_job", args=[self.pk])
