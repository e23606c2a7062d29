"""A search a visitor asked to follow by e-mail: its new results are sent in a digest."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedSearchQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_expired(self, now=None):
        """Never confirmed within SAVED_SEARCH_CONFIRM_DAYS: the address was not theirs."""
        now = now or timezone.now()
        limit = now - timedelta(days=settings.SAVED_SEARCH_CONFIRM_DAYS)
        return self.filter(confirmed_at__isnull=True, created_at__lt=limit)

    def from_address(self, email: str):
        return self.filter(email__iexact=email.strip())


class SavedSearch(models.Model):
    email = models.EmailField(_("e-mail"))
    kind = models.CharField(_("kind"), max_length=20)
    query_string = models.CharField(_("search"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10)
    base_url = models.CharField(_("site address"), max_length=255)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    # The keys of the matches already known (sent or there at confirmation), newest first,
    # at most SAVED_SEARCH_SEEN_MAX: what the next digest leaves out.
    seen = models.JSONField(_("results already known"), default=list, blank=True)
    client = models.CharField(_("client"), max_length=64, blank=True, editable=False)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind", "query_string"], name="saved_search_once_per_address"
            ),
        ]
        indexes = [
            models.Index(fields=["client", "created_at"], name="saved_search_client_idx"),
            models.Index(
                fields=["confirmed_at"],
                name="saved_search_confirmed_idx",
                condition=Q(confirmed_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.kind}?{self.query_string}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
