"""Provenance: the documents that support a published record."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import DatePrecision, format_partial_date, iso_partial_date
from core.validators import validate_uri_characters


class SourceLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    OTHER = "other", _("Other")


class Source(models.Model):
    """A document (press release, web page, article) that published records rely on."""

    Language = SourceLanguage

    key = models.SlugField(
        _("key"), max_length=80, help_text=_("Short identifier, used by the dataset loader.")
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    url = models.URLField(
        _("address (URL)"), max_length=500, blank=True, validators=[validate_uri_characters]
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language, default=Language.FRENCH
    )
    seed_file = models.CharField(
        _("document file"),
        max_length=255,
        blank=True,
        help_text=_("For the documents kept with the project: the file's name."),
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="source_unique_key"),
            models.CheckConstraint(
                condition=Q(language__in=SourceLanguage.values), name="source_language_valid"
            ),
            models.CheckConstraint(
                condition=Q(date_precision__in=DatePrecision.values),
                name="source_date_precision_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.publisher} – {self.title}" if self.publisher else self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:sources_source_change", args=[self.pk])

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    @property
    def date_iso(self) -> str:
        return iso_partial_date(self.date, self.date_precision)


class SourceLink(models.Model):
    """This source supports that record (a partnership, agreement, event, figure…)."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="links"
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("kind of record"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    locator = models.CharField(
        _("page or quotation"),
        max_length=500,
        blank=True,
        help_text=_("Where in the source, or a short quotation. Back-office only."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("source of a record")
        verbose_name_plural = _("sources of records")
        ordering = ["content_type", "object_id", "position", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="sourcelink_record")]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "object_id"], name="sourcelink_unique"
            ),
        ]

    def __str__(self) -> str:
        return str(self.source)
