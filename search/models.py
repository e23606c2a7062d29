import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import BackgroundJob, JobQuerySet
from core.storage import get_private_storage


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits: the only key to an anonymous export


class SearchExportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being prepared")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class SearchExportQuerySet(JobQuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lte=now or timezone.now())


class SearchExport(BackgroundJob):
    """A partner search CSV too large to stream, written by the task worker for a visitor.

    Anonymous: reachable only by its random token. The file (public fields only, the same
    columns as the streamed export) waits in private storage until `expires_at`, then the
    row and the file are deleted (`manage.py expire_search_exports`).
    """

    Status = SearchExportStatus
    progress_prefix = "clara:search-export"

    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    kind = models.CharField(_("kind"), max_length=20)
    query_string = models.TextField(_("search"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    base_url = models.CharField(_("site address"), max_length=255)
    client = models.CharField(_("client"), max_length=64, blank=True)  # digest, not the address
    # The same states as every job, named for visitors.
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to="search-exports/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    objects = SearchExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("search export")
        verbose_name_plural = _("search exports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SearchExportStatus.values),
                name="searchexport_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if self.expires_at is None:
            self.expires_at = timezone.now() + timedelta(hours=settings.SEARCH_EXPORT_KEEP_HOURS)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("search:export_status", args=[self.token])

    @property
    def file_name(self) -> str:
        return f"clara-{self.kind}.csv"

    @classmethod
    def stall_after(cls) -> timedelta:
        return timedelta(minutes=settings.SEARCH_EXPORT_STALLED_MINUTES)

    @property
    def expired(self) -> bool:
        return self.expires_at <= timezone.now()
