from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.models import (
    DatePrecision,
    TimeStampedModel,
    format_partial_range,
    iso_partial_date,
)
from core.translation_status import missing_translation_index
from core.validators import validate_order


class EventQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def upcoming(self, on=None):
        """Not over yet: its day, or the month or year to which its date is known, is to come."""
        return self.filter(self._not_over(on or timezone.localdate()))

    def past(self, on=None):
        """Held: known to the day, and over."""
        on = on or timezone.localdate()
        held = self.filter(date_precision=DatePrecision.DAY, start_date__isnull=False)
        return held.exclude(self._not_over(on))

    def planned(self, on=None):
        """Announced for a month or a year now over, and never dated to the day since: whether
        it took place is not known."""
        on = on or timezone.localdate()
        announced = self.exclude(date_precision=DatePrecision.DAY).exclude(start_date=None)
        return announced.exclude(self._not_over(on))

    @staticmethod
    def _not_over(on) -> Q:
        return (
            Q(start_date__gte=on)
            | Q(end_date__gte=on)
            | Q(date_precision=DatePrecision.MONTH, start_date__gte=on.replace(day=1))
            | Q(date_precision=DatePrecision.YEAR, start_date__gte=on.replace(month=1, day=1))
        )


class EventKind(models.TextChoices):
    SYMPOSIUM = "symposium", _("Symposium")
    SEMINAR = "seminar", _("Seminar")
    SCIENTIFIC_DAYS = "scientific_days", _("Scientific days")
    DELEGATION_VISIT = "delegation_visit", _("Delegation visit")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    MEETING = "meeting", _("Meeting")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")


class Event(TimeStampedModel):
    Kind = EventKind

    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    date_precision = models.CharField(
        _("date known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    organisers = models.ManyToManyField(
        "institutions.Institution",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("shown on the public site"),
        default=False,
        help_text=_("A new event stays off the public site until staff publish it."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = [F("start_date").desc(nulls_last=True), "title"]
        indexes = [
            models.Index(fields=["start_date"], name="event_start_date_idx"),
            missing_translation_index(
                "event_missing_tr_idx", ["title", "venue", "city", "description"]
            ),
        ]
        # The index of this ordering is PostgreSQL's only (0006_admin_list_start_index).
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="event_unique_slug"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=False, end_date__gte=F("start_date")),
                name="event_end_after_start",
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        validate_order(self, ("start_date", "end_date"))

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", kwargs={"slug": self.slug})

    def as_schema_org(self, *, url: str) -> dict:
        """The event as a schema.org Event (JSON-LD); `url` is its absolute address."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": url,
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": [{"@type": "Organization", "name": str(o)} for o in self.organisers.all()],
        }
        if self.description:
            data["description"] = self.description
        if self.start_date:
            data["startDate"] = iso_partial_date(self.start_date, self.date_precision)
        if self.end_date:
            data["endDate"] = iso_partial_date(self.end_date, self.date_precision)
        if self.city or self.venue:
            data["location"] = {
                "@type": "Place",
                "name": self.venue or self.city,
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": self.city,
                    "addressCountry": self.country.code or None,
                },
            }
        return data

    @property
    def public_participants(self) -> list:
        return [p for p in self.participants.select_related("person") if p.person.is_public]

    def timing(self, on=None) -> str:
        """ "upcoming", "past" (held, known to the day), "planned" (announced for a month or
        year now over) or "" (no date), as the queryset's upcoming(), past() and planned()."""
        if self.start_date is None:
            return ""
        on = on or timezone.localdate()
        start, precision = self.start_date, self.date_precision
        not_over = (
            start >= on
            or (self.end_date is not None and self.end_date >= on)
            or (precision == DatePrecision.MONTH and start >= on.replace(day=1))
            or (precision == DatePrecision.YEAR and start >= on.replace(month=1, day=1))
        )
        if not_over:
            return "upcoming"
        return "past" if precision == DatePrecision.DAY else "planned"

    @property
    def date_display(self) -> str:
        return format_partial_range(self.start_date, self.end_date, self.date_precision)


class EventParticipant(models.Model):
    """A person's documented part in an event ("attended the signing"), neither signatory nor
    coordinator unless a source says so."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_participations",
    )
    role = models.CharField(
        _("part taken"),
        max_length=255,
        blank=True,
        help_text=_("As the source states it, such as “attended the meeting”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="event_participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"
