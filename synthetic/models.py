"""Which rows the synthetic data generator wrote: the domain models get no extra field."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class SyntheticBatch(models.Model):
    """One run of `generate_synthetic_data`."""

    scale = models.FloatField(_("scale"))
    seed = models.IntegerField(_("seed"))
    counts = models.JSONField(_("rows per table"), default=dict)
    created_at = models.DateTimeField(_("generated"), auto_now_add=True)

    class Meta:
        verbose_name = _("synthetic data batch")
        verbose_name_plural = _("synthetic data batches")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"scale {self.scale:g}, seed {self.seed}"


class SyntheticRange(models.Model):
    """A contiguous range of primary keys of one table, written by one batch."""

    batch = models.ForeignKey(
        SyntheticBatch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="ranges"
    )
    table = models.CharField(_("table"), max_length=100)
    column = models.CharField(_("key column"), max_length=100, default="id")
    first_id = models.BigIntegerField(_("first key"))
    last_id = models.BigIntegerField(_("last key"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("synthetic key range")
        verbose_name_plural = _("synthetic key ranges")
        ordering = ["batch", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_id__gte=F("first_id")), name="syntheticrange_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.table} {self.first_id}–{self.last_id}"
