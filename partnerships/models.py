import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, F, Func, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.manager import HistoricalQuerySet

from core.languages import localized
from core.models import (
    DatePrecision,
    TimeStampedModel,
    ends_before_q,
    format_partial_date,
    period_sentence,
    starts_after_q,
)
from core.storage import get_private_storage
from core.translation_status import missing_translation_index
from core.validators import validate_order, validate_pdf
from pagecache.versions import record_tag


def institution_page_tags(ids: set[int]) -> set[str]:
    """The cache tags of these institutions' pages and of their parents' pages (which list their
    units): a change of a collaboration or agreement makes only those pages stale."""
    institution = PartnershipMember._meta.get_field("institution").related_model
    parents = institution.objects.filter(pk__in=ids, parent__isnull=False).values_list(
        "parent_id", flat=True
    )
    return {record_tag(institution, pk) for pk in ids | set(parents)} if ids else set()


class PartnershipQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def featured(self):
        return self.public().filter(is_featured=True)

    def with_stated_status(self):
        """Partnerships whose status a source states (pages say nothing about the others)."""
        return self.exclude(status=Partnership.Status.UNKNOWN)

    def with_country(self, code: str):
        return self.filter(countries__regex=rf"(^|,){code}(,|$)")

    def international(self):
        """Collaborations with partners abroad: a partner country or a member abroad. A
        delegation's visit (come to explore partnerships) is not one."""
        abroad = PartnershipMember.objects.filter(partnership=OuterRef("pk")).exclude(
            institution__country="FR"
        )
        return self.exclude(kind=PartnershipKind.DELEGATION_VISIT).filter(
            ~Q(countries="") | Exists(abroad)
        )


class PartnershipKind(models.TextChoices):
    BILATERAL_PROGRAMME = "bilateral_programme", _("Bilateral programme")
    CLUSTER_PARTNERSHIP = "cluster_partnership", _("Cluster-to-cluster partnership")
    EUROPEAN_PROJECT = "european_project", _("European project")
    NETWORK = "network", _("Network")
    RESEARCH_COLLABORATION = "research_collaboration", _("Research collaboration")
    DELEGATION_VISIT = "delegation_visit", _("Delegation visit")
    EVENT_SERIES = "event_series", _("Joint events")


class PartnershipStatus(models.TextChoices):
    # A partnership is masculine in French (un partenariat prévu, terminé).
    PLANNED = "planned", pgettext_lazy("partnership status", "Planned")
    ACTIVE = "active", pgettext_lazy("partnership status", "Active")
    COMPLETED = "completed", pgettext_lazy("partnership status", "Completed")
    SUSPENDED = "suspended", _("Suspended")
    UNKNOWN = "unknown", _("Unknown / not stated")


class Partnership(TimeStampedModel):
    Kind = PartnershipKind
    Status = PartnershipStatus

    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ACTIVE)
    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    countries = CountryField(
        _("partner countries"),
        multiple=True,
        blank=True,
        help_text=_("Countries of the partners abroad, including those with no institution yet."),
    )
    themes = models.ManyToManyField(
        "themes.ResearchTheme",
        verbose_name=_("research themes"),
        blank=True,
        related_name="partnerships",
    )
    coordinators = models.ManyToManyField(
        "people.Person", verbose_name=_("coordinators"), blank=True, related_name="coordinated"
    )
    is_public = models.BooleanField(
        _("shown on the public site"),
        default=False,
        help_text=_("A new partnership stays off the public site until staff publish it."),
    )
    is_featured = models.BooleanField(_("featured on the home page"), default=False)

    objects = PartnershipQuerySet.as_manager()

    def cache_tags(self) -> set[str]:
        """The pages a change of this collaboration concerns (pagecache.versions): its own, its
        themes' and its institutions'."""
        ids = {*self.members.values_list("institution_id", flat=True)}
        ids.update(
            AgreementParty.objects.filter(agreement__partnership=self).values_list(
                "institution_id", flat=True
            )
        )
        theme = Partnership.themes.field.related_model
        themes = {record_tag(theme, pk) for pk in self.themes.values_list("pk", flat=True)}
        return {record_tag(Partnership, self.pk), *themes, *institution_page_tags(ids)}

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]
        indexes = [
            # The API's list sorts by name in each language; its cursors seek on these.
            *(
                models.Index(fields=[name, "id"], name=f"partnership_{name}_idx")
                for name in localized("name")
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="partnership_unique_slug"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="partnership_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=PartnershipKind.values), name="partnership_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PartnershipStatus.values), name="partnership_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_featured=False) | Q(is_public=True),
                name="partnership_featured_is_public",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        validate_order(self, ("start_date", "end_date"))
        if self.is_featured and not self.is_public:
            raise ValidationError(
                {"is_featured": _("Only a collaboration shown on the public site can be featured.")}
            )

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partnership-detail", kwargs={"slug": self.slug})

    @property
    def status_is_known(self) -> bool:
        return self.status != PartnershipStatus.UNKNOWN

    @property
    def period_sentence(self) -> str:
        """ "Since 8 March 2018" / "Depuis le 8 mars 2018", "Depuis 2013", "2013–2018"."""
        return period_sentence(
            self.start_date, self.start_precision, self.end_date, self.end_precision
        )

    @property
    def start_display(self) -> str:
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def end_display(self) -> str:
        return format_partial_date(self.end_date, self.end_precision)


class PartnershipMemberRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")
    HOST = "host", _("Host")
    SUPPORTER = "supporter", _("Supporter")


class PartnershipMemberQuerySet(models.QuerySet):
    def public(self):
        """Memberships of public partnerships (a join: an index probe per institution)."""
        return self.filter(partnership__is_public=True)

    def public_prefetch(self, lookup: str = "memberships") -> Prefetch:
        """An institution's memberships of public partnerships, read as `public_memberships`."""
        return Prefetch(
            lookup,
            queryset=self.public().select_related("partnership"),
            to_attr="public_memberships",
        )


class PartnershipMember(models.Model):
    Role = PartnershipMemberRole

    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="members"
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.PARTNER)
    note = models.CharField(_("note"), max_length=255, blank=True)

    objects = PartnershipMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("participating institution")
        verbose_name_plural = _("participating institutions")
        ordering = ["partnership", "role", "institution__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "institution", "role"], name="member_unique_role"
            ),
            models.CheckConstraint(
                condition=Q(role__in=PartnershipMemberRole.values), name="member_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.institution} – {self.get_role_display()}"

    def cache_tags(self) -> set[str]:
        return {record_tag(Partnership, self.partnership_id)} | institution_page_tags(
            {self.institution_id}
        )


class KeyFigure(models.Model):
    """A figure worth publishing (co-publications, institutes involved…), with its source."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_figures",
        help_text=_("Empty for a figure about CLARA as a whole."),
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    is_minimum = models.BooleanField(_("at least (“more than”)"), default=False)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    label = models.CharField(_("label"), max_length=255)
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    period_is_approximate = models.BooleanField(
        _("approximate period (“about”)"),
        default=False,
        help_text=_("The source dates the figure only roughly (“ten years after its creation”)."),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["partnership", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="keyfigure_period_ordered",
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="keyfigure_value_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.value_display} {self.label}"

    def clean(self) -> None:
        super().clean()
        validate_order(self, ("period_start", "period_end"))

    @property
    def value_display(self) -> str:
        """The value with the digit grouping and decimal mark of the active language (a French
        no-break space becomes the narrow one French typography uses)."""
        number = self.value.normalize() if self.value % 1 else int(self.value)
        text = formats.number_format(number, force_grouping=True).replace("\xa0", "\u202f")
        return f"{'> ' if self.is_minimum else ''}{text}{' ' + self.unit if self.unit else ''}"

    @property
    def period_display(self) -> str:
        if self.period_start and self.period_end and self.period_start != self.period_end:
            period = f"{self.period_start}–{self.period_end}"
        else:
            period = str(self.period_start or self.period_end or "")
        if period and self.period_is_approximate:
            return gettext("about %(period)s") % {"period": period}
        return period


CONFIDENTIAL_PERMISSION = "partnerships.view_confidential_agreement"


def can_see_confidential(user) -> bool:
    return user.has_perm(CONFIDENTIAL_PERMISSION)


def visibility_q(user, prefix: str = "") -> Q:
    """The one confidentiality rule, as a condition on agreements (or on rows linked to one)."""
    if can_see_confidential(user):
        return Q()
    return Q(**{f"{prefix}is_confidential": False})


def published_q(prefix: str = "") -> Q:
    """The one publication rule, as a condition on agreements (or on rows linked to one):
    published by staff, not confidential, and of a public partnership if any."""
    return Q(**{f"{prefix}is_public": True, f"{prefix}is_confidential": False}) & (
        Q(**{f"{prefix}partnership__isnull": True}) | Q(**{f"{prefix}partnership__is_public": True})
    )


class DaysBefore(Func):
    """A date column minus a number of days held in another column, in the database."""

    arity = 2
    output_field = models.DateField()
    template = "(%(expressions)s)"
    arg_joiner = " - "  # PostgreSQL: date - integer is a date

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="date(%(expressions)s || ' days')",
            arg_joiner=", '-' || ",
            **extra,
        )


class AgreementHistoryQuerySet(HistoricalQuerySet):
    """Agreement.history: past versions follow the same rule as the agreements themselves."""

    def visible_to(self, user):
        return self.filter(visibility_q(user))


class AgreementQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_confidential=False)

    def visible_to(self, user):
        """What a staff member may see: confidential agreements only with the permission."""
        return self.filter(visibility_q(user))

    def published(self):
        """What the public site may show (published_q)."""
        return self.filter(published_q())

    def in_force(self, on: datetime.date | None = None):
        """Known to be in force on that day (the one rule, used wherever "in force" is shown):
        signed, its start (if any) wholly past, and its end known not to be reached, read at
        the precision it is known to ("2018" may end on 1 January 2018). With no end date only
        an agreement stated "in force" is; a signed one with no known end is `maybe_in_force`."""
        on = on or timezone.localdate()
        return self.filter(
            Q(status__in=AgreementStatus.binding()),
            Q(start_date__isnull=True)
            | ends_before_q("start_date", "start_precision", on + datetime.timedelta(days=1)),
            Q(end_date__isnull=False)
            & starts_after_q("end_date", "end_precision", on - datetime.timedelta(days=1))
            | Q(end_date__isnull=True, status=AgreementStatus.IN_FORCE),
        )

    def maybe_in_force(self, on: datetime.date | None = None):
        """Not known to be out of force on that day: signed or announced, not known to start
        later nor to have ended. `in_force` is the part of these known to be in force."""
        on = on or timezone.localdate()
        return (
            self.filter(status__in=[*AgreementStatus.binding(), AgreementStatus.ANNOUNCED])
            .exclude(
                Q(start_date__isnull=False) & starts_after_q("start_date", "start_precision", on)
            )
            .exclude(Q(end_date__isnull=False) & ends_before_q("end_date", "end_precision", on))
        )

    def expiring_within(self, days: int, on: datetime.date | None = None):
        on = on or timezone.localdate()
        # The explicit lower bound (in_force's allows no end date) lets the database read the
        # end-date index over these days only.
        return self.in_force(on).filter(
            end_date__gte=on, end_date__lte=on + datetime.timedelta(days=days)
        )

    def not_renewed(self):
        """Without a successor: once a renewal is started its deadlines no longer alert."""
        return self.filter(successor__isnull=True)

    def renewal_in_progress(self):
        """Renewed by a successor not signed yet."""
        return self.filter(
            successor__isnull=False,
            successor__status__in=[AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION],
        )

    def successor_visible_to(self, user):
        """Renewed by an agreement the user may see (or not renewed)."""
        rule = visibility_q(user, "successor__")
        return self.filter(Q(successor__isnull=True) | rule) if rule else self

    def with_renewal_notice_date(self):
        """`renewal_notice_on`: the last day to notify a renewal or termination."""
        return self.annotate(renewal_notice_on=DaysBefore("end_date", "renewal_notice_days"))

    def renewal_notice_due(self, *, until: datetime.date, on: datetime.date | None = None):
        """In force, not renewed, its notice date passed or due by `until`, its end to come."""
        on = on or timezone.localdate()
        return (
            self.in_force(on)
            .not_renewed()
            .filter(end_date__gte=on, renewal_notice_days__isnull=False)
            .with_renewal_notice_date()
            .filter(renewal_notice_on__lte=until)
        )


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    FRAMEWORK = "framework", _("Framework agreement")
    PARTNERSHIP = "partnership", _("Partnership agreement")
    COLLABORATION = "collaboration", _("Research collaboration agreement")
    CONSORTIUM = "consortium", _("Consortium agreement")
    MATERIAL_TRANSFER = "material_transfer", _("Material transfer agreement")
    DATA_SHARING = "data_sharing", _("Data sharing agreement")
    OTHER = "other", _("Other")


class AgreementStatus(models.TextChoices):
    """The lifecycle: its groups and its allowed moves, used by every write path."""

    DRAFT = "draft", _("Draft")
    NEGOTIATION = "negotiation", _("Under negotiation")
    # Reported as concluded or announced, with no signing reported (a press release).
    ANNOUNCED = "announced", _("Announced, signing not reported")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")

    @classmethod
    def signed(cls) -> list["AgreementStatus"]:
        """Statuses of an agreement that was signed: it has (and keeps) a signing date."""
        return [cls.SIGNED, cls.IN_FORCE, cls.EXPIRED, cls.TERMINATED]

    @classmethod
    def binding(cls) -> list["AgreementStatus"]:
        """Signed and not ended: the agreement binds its parties (its end date matters)."""
        return [cls.SIGNED, cls.IN_FORCE]

    def next_statuses(self) -> list["AgreementStatus"]:
        """Where an agreement in this status may go next."""
        return [AgreementStatus(value) for value in _NEXT_STATUSES[self.value]]

    def needs_signing_date_to_reach(self, target: "AgreementStatus") -> bool:
        return target in self.signed() and self not in self.signed()


_NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    AgreementStatus.DRAFT: (AgreementStatus.NEGOTIATION,),
    AgreementStatus.NEGOTIATION: (
        AgreementStatus.DRAFT,
        AgreementStatus.ANNOUNCED,
        AgreementStatus.SIGNED,
    ),
    AgreementStatus.ANNOUNCED: (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE),
    AgreementStatus.SIGNED: (AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED),
    AgreementStatus.IN_FORCE: (AgreementStatus.EXPIRED, AgreementStatus.TERMINATED),
    AgreementStatus.EXPIRED: (),
    AgreementStatus.TERMINATED: (),
}


def validate_status_change(*, old: str | None, new: str, signed_on: datetime.date | None) -> None:
    """Raise a ValidationError naming the allowed moves. A new agreement (`old` None) starts
    where it is, with or without a signing date (an old agreement may not have a known one);
    an agreement that becomes signed needs its signing date."""
    if new not in AgreementStatus.values or (old is not None and old not in AgreementStatus.values):
        return  # an unknown status is the choice validation's to report
    new = AgreementStatus(new)
    if old is not None and old != new and new not in AgreementStatus(old).next_statuses():
        allowed = AgreementStatus(old).next_statuses()
        raise ValidationError(
            {
                "status": _(
                    "An agreement cannot go from “%(old)s” to “%(new)s” (allowed: %(allowed)s)."
                )
                % {
                    "old": AgreementStatus(old).label,
                    "new": new.label,
                    "allowed": ", ".join(str(s.label) for s in allowed) or _("none"),
                }
            },
            code="invalid_transition",
        )
    if (
        old is not None
        and signed_on is None
        and AgreementStatus(old).needs_signing_date_to_reach(new)
    ):
        raise ValidationError(
            {"signed_on": _("A signed agreement needs its signing date.")}, code="signing_date"
        )


class Agreement(TimeStampedModel):
    Kind = AgreementKind
    Status = AgreementStatus

    reference = models.CharField(
        _("reference"),
        max_length=40,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
                _("Letters, digits, dots, dashes and underscores; a letter or digit first."),
                code="invalid_reference",
            )
        ],
    )
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
    )
    summary = models.TextField(_("summary"), blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("signing date known to the"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
    )
    signed_place = models.CharField(_("place of signing"), max_length=255, blank=True)
    start_date = models.DateField(_("in force from"), null=True, blank=True)
    start_precision = models.CharField(
        _("start known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    end_date = models.DateField(_("in force until"), null=True, blank=True)
    end_precision = models.CharField(
        _("end known to the"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    renewal_notice_days = models.PositiveSmallIntegerField(
        _("renewal notice (days)"),
        null=True,
        blank=True,
        help_text=_("How long before the end a renewal or termination must be notified."),
    )
    successor = models.OneToOneField(
        "self",
        verbose_name=_("renewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessor",
    )
    themes = models.ManyToManyField(
        "themes.ResearchTheme",
        verbose_name=_("research themes"),
        blank=True,
        related_name="agreements",
    )
    is_confidential = models.BooleanField(
        _("confidential"), default=False, help_text=_("Never shown on the public site or API.")
    )
    is_public = models.BooleanField(
        _("shown on the public site"),
        default=False,
        help_text=_(
            "A new agreement (a renewal too) stays off the public site until staff publish it. "
            "A confidential agreement is never shown, whatever this says."
        ),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        limit_choices_to={"is_active": True, "is_staff": True},
        related_name="responsible_agreements",
    )

    objects = AgreementQuerySet.as_manager()

    def cache_tags(self) -> set[str]:
        tags = institution_page_tags(set(self.parties.values_list("institution_id", flat=True)))
        if self.partnership_id:
            tags.add(record_tag(Partnership, self.partnership_id))
        return tags

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = [F("signed_on").desc(nulls_last=True), "reference"]
        # The index of this ordering is PostgreSQL's only (0006_admin_list_signed_index).
        indexes = [
            # The dashboard's agreements expiring soon, by end date.
            models.Index(fields=["end_date", "id"], name="agreement_end_date_idx"),
            missing_translation_index("agreement_missing_tr_idx", ["title", "summary"]),
        ]
        permissions = [
            ("view_confidential_agreement", _("Can see confidential agreements and documents")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["reference"], name="agreement_unique_reference"),
            models.UniqueConstraint(fields=["slug"], name="agreement_unique_slug"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="agreement_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(successor=F("pk")), name="agreement_not_own_successor"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=AgreementKind.values), name="agreement_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AgreementStatus.values), name="agreement_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(reference__regex=r"^[A-Za-z0-9][A-Za-z0-9._-]*$"),
                name="agreement_reference_format",
            ),
            models.CheckConstraint(
                condition=Q(signed_on__isnull=True) | Q(status__in=AgreementStatus.signed()),
                name="agreement_unsigned_has_no_signing_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:agreement-detail", kwargs={"slug": self.slug})

    @property
    def signed_display(self) -> str:
        return format_partial_date(self.signed_on, self.signed_precision)

    @property
    def end_display(self) -> str:
        return format_partial_date(self.end_date, self.end_precision)

    @property
    def period_sentence(self) -> str:
        """When it runs, as precisely as known: "Until 2018" / "Jusqu'en 2018"."""
        return period_sentence(
            self.start_date, self.start_precision, self.end_date, self.end_precision
        )

    @property
    def signed_sentence(self) -> str:
        """A whole sentence: "Signed on 8 March 2018" / "Signé le 8 mars 2018", "Signé en 2013"."""
        if not self.signed_on:
            return ""
        if self.signed_precision == DatePrecision.DAY:
            text = gettext("Signed on %(date)s")
        else:
            text = gettext("Signed in %(date)s")
        text %= {"date": self.signed_display}
        if self.signed_place:
            text = gettext("%(signed)s, %(place)s") % {"signed": text, "place": self.signed_place}
        return text

    def is_visible_to(self, user) -> bool:
        return not self.is_confidential or can_see_confidential(user)

    @property
    def renewal_notice_date(self) -> datetime.date | None:
        """The last day to notify a renewal or termination (its end minus the notice)."""
        if self.end_date is None or self.renewal_notice_days is None:
            return None
        return self.end_date - datetime.timedelta(days=self.renewal_notice_days)

    @property
    def renewal_state(self) -> str:
        """ "in_progress" (renewed by an unsigned successor), "renewed" or ""."""
        if self.successor_id is None:
            return ""
        if self.successor.status in (AgreementStatus.DRAFT, AgreementStatus.NEGOTIATION):
            return "in_progress"
        return "renewed"

    def clean(self) -> None:
        """The lifecycle, checked against the status as stored: the admin, the import and the
        services all save through full_clean(), so they all refuse the same moves."""
        super().clean()
        validate_order(self, ("start_date", "end_date"))
        stored = None
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
        validate_status_change(old=stored, new=self.status, signed_on=self.signed_on)


class AgreementPartyQuerySet(models.QuerySet):
    def published(self):
        """Parties of agreements the public site shows (Agreement.objects.published())."""
        return self.filter(published_q("agreement__"))


class AgreementParty(models.Model):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    signatory = models.ForeignKey(
        "people.Person",
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = AgreementPartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agreement", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "institution"], name="party_unique_institution"
            ),
        ]

    def __str__(self) -> str:
        return str(self.institution)

    def is_visible_to(self, user) -> bool:
        """A party is seen with its agreement (a deleted agreement's party by no one)."""
        agreement = Agreement.objects.filter(pk=self.agreement_id).first()
        return agreement is not None and agreement.is_visible_to(user)

    def cache_tags(self) -> set[str]:
        partnership = Agreement.objects.filter(pk=self.agreement_id).values_list(
            "partnership_id", flat=True
        )
        tags = {record_tag(Partnership, pk) for pk in partnership if pk is not None}
        return tags | institution_page_tags({self.institution_id})


class AgreementCommitmentKind(models.TextChoices):
    JOINT_RESEARCH = "joint_research", _("Joint research projects")
    JOINT_CONFERENCE = "joint_conference", _("Joint conferences")
    EXCHANGE = "exchange", _("Exchanges of researchers, physicians or students")
    MOBILITY_GRANT = "mobility_grant", _("Mobility grants")
    KNOWLEDGE_SHARING = "knowledge_sharing", _("Sharing of knowledge and practice")
    TRAINING = "training", _("Training")
    INNOVATION = "innovation", _("Innovation and industry")
    OTHER = "other", _("Other")


class AgreementCommitment(models.Model):
    Kind = AgreementCommitmentKind

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="commitments",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    description = models.CharField(_("description"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["agreement", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AgreementCommitmentKind.values), name="commitment_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.description


def agreement_document_path(instance: "AgreementDocument", filename: str) -> str:
    return f"agreements/{instance.agreement.reference}/{filename}"


class AgreementDocumentKind(models.TextChoices):
    SIGNED_COPY = "signed_copy", _("Signed copy")
    AMENDMENT = "amendment", _("Amendment")
    ANNEX = "annex", _("Annex")


class AgreementDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.has_perm("partnerships.view_agreementdocument"):
            return self.none()
        return self.filter(visibility_q(user, "agreement__"))


class AgreementDocument(models.Model):
    """A signed agreement, amendment or annex, stored privately (never under a public URL)."""

    Kind = AgreementDocumentKind

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.SIGNED_COPY)
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("PDF file"),
        storage=get_private_storage,
        upload_to=agreement_document_path,
        max_length=255,
        validators=[validate_pdf],
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = AgreementDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")
        ordering = ["agreement", "-uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AgreementDocumentKind.values), name="document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("backoffice:agreement-document", kwargs={"pk": self.pk})

    def is_visible_to(self, user) -> bool:
        return type(self).objects.visible_to(user).filter(pk=self.pk).exists()
