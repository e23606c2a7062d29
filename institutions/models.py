import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.collation import collated_column
from core.languages import localized
from core.translation_status import missing_translation_index
from core.validators import validate_ror_id, validate_uri_characters, validate_wikidata_id


class InstitutionKind(models.TextChoices):
    # Close to the ROR organisation types.
    UNIVERSITY = "university", _("University")
    HOSPITAL = "hospital", _("Hospital")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    CLUSTER = "cluster", _("Cancer cluster or competitiveness cluster")
    COMPANY = "company", _("Company")
    FUNDING_AGENCY = "funding_agency", _("Funding agency")
    PUBLIC_AUTHORITY = "public_authority", _("Public authority")
    FOUNDATION = "foundation", _("Foundation")
    NETWORK = "network", _("Network or consortium")
    OTHER = "other", _("Other")


class InstitutionNetworkRole(models.TextChoices):
    REGIONAL_MEMBER = "regional_member", _("CLARA regional member")
    FOREIGN_PARTNER = "foreign_partner", _("Foreign partner")
    OTHER = "other", _("Other (national, European, support)")


class InstitutionSource(models.TextChoices):
    CLARA = "clara", _("Entered by CLARA")
    ROR = "ror", _("ROR directory")


class RorStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InstitutionQuerySet(models.QuerySet):
    @staticmethod
    def _links(*, public: bool) -> list[tuple[models.QuerySet, str]]:
        """Each way of taking part, as (rows, the column naming the institution): a partnership,
        an agreement, a team, a mobility, an event. `public`: only what the public site shows,
        by each model's own rule (a confidential, unpublished or hidden record does not count)."""
        # The apps above institutions, by name: institutions does not import them.
        Event = apps.get_model("events", "Event")
        MobilityExchange = apps.get_model("mobility", "MobilityExchange")
        AgreementParty = apps.get_model("partnerships", "AgreementParty")
        PartnershipMember = apps.get_model("partnerships", "PartnershipMember")
        members = PartnershipMember.objects.all()
        parties = AgreementParty.objects.all()
        mobilities = MobilityExchange.objects.all()
        organisers = Event.organisers.through.objects.all()
        if public:
            members = members.public()
            parties = parties.published()
            mobilities = mobilities.public()
            # Event.objects.public()'s rule, as a join (an index probe per institution).
            organisers = organisers.filter(event__is_public=True)
        return [
            (members, "institution"),
            (parties, "institution"),
            (Team.objects.all(), "institution"),  # teams have no hidden state
            (mobilities, "host_institution"),
            (mobilities, "home_institution"),
            (mobilities, "funder"),
            (organisers, "institution"),
        ]

    @staticmethod
    def participant_ids() -> models.QuerySet:
        """Primary keys of the institutions taking part publicly in something: one UNION, small
        whatever the directory size."""
        first, *others = (
            rows.order_by().exclude(**{column: None}).values_list(f"{column}_id", flat=True)
            for rows, column in InstitutionQuerySet._links(public=True)
        )
        return first.union(*others)

    @staticmethod
    def participations(*, public: bool = True) -> list[models.QuerySet]:
        """The rows by which the outer institution (OuterRef("pk")) takes part in something;
        `public=False`: published or not."""
        here = models.OuterRef("pk")
        return [
            rows.filter(**{column: here})
            for rows, column in InstitutionQuerySet._links(public=public)
        ]

    @staticmethod
    def taking_part(*, public: bool = True) -> Q:
        """Takes part (publicly, unless `public=False`) in something. Indexed probes per row:
        a page of a sorted list stops after its rows."""
        # A scalar subquery per relation ("the first id, if any"), not EXISTS: PostgreSQL may
        # turn EXISTS into hashing the whole relation before the first row.
        condition = Q()
        for queryset in InstitutionQuerySet.participations(public=public):
            first = models.Subquery(queryset.order_by().values("pk")[:1])
            condition |= Q(IsNull(first, False))
        return condition

    @staticmethod
    def partner_condition() -> Q:
        """The one definition of a public CLARA partner, as a row test: entered by CLARA, or
        taking part publicly in something (a directory organisation otherwise has no page)."""
        return Q(source=InstitutionSource.CLARA) | InstitutionQuerySet.taking_part()

    def partners(self) -> "InstitutionQuerySet":
        """The public partners (partner_condition()) as one UNION of ids: suits counting them
        all."""
        clara = Institution.objects.order_by().filter(source=InstitutionSource.CLARA)
        return self.filter(pk__in=clara.values_list("pk", flat=True).union(self.participant_ids()))

    def partners_probed(self) -> "InstitutionQuerySet":
        """The same institutions as `partners()`, tested row by row (CLARA's own first, then
        indexed probes of each relation): for pages that read a few rows (a sorted page, one
        institution, a range of keys)."""
        return self.filter(self.partner_condition())

    def light(self) -> "InstitutionQuerySet":
        """Without the stored ROR record and names: lists sort tens of thousands of rows."""
        return self.defer("ror_record", "ror_names")

    def directory(self) -> "InstitutionQuerySet":
        """Organisations of the ROR directory (whether or not they take part in anything)."""
        return self.exclude(ror_id="")


class Institution(models.Model):
    Kind = InstitutionKind
    NetworkRole = InstitutionNetworkRole
    Source = InstitutionSource
    RorStatus = RorStatus

    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind, default=Kind.RESEARCH_INSTITUTE)
    network_role = models.CharField(
        _("place in the CLARA network"),
        max_length=20,
        choices=NetworkRole,
        default=NetworkRole.FOREIGN_PARTNER,
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True, validators=[validate_uri_characters])
    founded_year = models.PositiveSmallIntegerField(_("year founded"), null=True, blank=True)
    ror_id = models.CharField(
        _("ROR identifier"),
        max_length=9,
        blank=True,
        validators=[validate_ror_id],
        help_text=_("Nine characters from ror.org, such as 03vek6s52."),
    )
    wikidata_id = models.CharField(
        _("Wikidata identifier"), max_length=20, blank=True, validators=[validate_wikidata_id]
    )
    # The ROR directory (import_ror). Facts from ROR fill only the fields listed in ror_fields.
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=Source,
        default=Source.CLARA,
        help_text=_(
            "Directory organisations come from ROR and are not CLARA partners until they take "
            "part in a partnership, agreement, team, mobility or event."
        ),
    )
    ror_status = models.CharField(_("ROR status"), max_length=10, choices=RorStatus, blank=True)
    ror_successor = models.CharField(_("ROR successor"), max_length=9, blank=True)
    ror_parent = models.CharField(
        _("ROR parent"),
        max_length=9,
        blank=True,
        help_text=_("ROR identifier of the parent; pending until that organisation is imported."),
    )
    ror_types = models.CharField(_("ROR types"), max_length=120, blank=True)
    ror_names = models.TextField(
        _("names in ROR"),
        blank=True,
        help_text=_("Every name, label, acronym and alias, in every language, without accents."),
    )
    ror_record = models.JSONField(_("ROR record"), null=True, blank=True, editable=False)
    ror_hash = models.CharField(_("ROR record hash"), max_length=32, blank=True, editable=False)
    ror_fields = models.JSONField(
        _("fields filled from ROR"), default=list, blank=True, editable=False
    )

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]
        indexes = [
            # The admin's, the search's and the API's lists sort by name, in each language.
            *(
                models.Index(fields=[name, "id"], name=f"institution_{name}_idx")
                for name in localized("name")
            ),
            models.Index(fields=["source"], name="institution_source_idx"),
            # The dashboard's and the "missing translation" filter's rows (translation.py).
            missing_translation_index(
                "institution_missing_tr_idx", ["name", "description", "city"]
            ),
            models.Index(fields=["ror_parent"], name="institution_ror_parent_idx"),
            # The search's list without keywords, by name as readers sort (core.collation).
            *(
                models.Index(
                    collated_column(f"name_{code}"), F("id"), name=f"institution_sort_{code}"
                )
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            # The public list's order, in each content language, as its readers sort names
            # (core.collation).
            *(
                models.Index(
                    F("country"),
                    collated_column(f"name_{code}"),
                    F("id"),
                    name=f"institution_country_sort_{code}",
                )
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="institution_unique_slug"),
            models.UniqueConstraint(
                fields=["ror_id"], condition=~Q(ror_id=""), name="institution_unique_ror_id"
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="institution_unique_wikidata_id",
            ),
            models.CheckConstraint(
                condition=Q(ror_id="") | Q(ror_id__regex=r"^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$"),
                name="institution_ror_id_format",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="institution_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="institution_longitude_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="institution_coordinates_together",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="institution_not_own_parent"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=InstitutionKind.values), name="institution_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(network_role__in=InstitutionNetworkRole.values),
                name="institution_network_role_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=InstitutionSource.values),
                name="institution_source_valid",
            ),
            models.CheckConstraint(
                condition=Q(ror_status="") | Q(ror_status__in=RorStatus.values),
                name="institution_ror_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:institution-detail", kwargs={"slug": self.slug})

    def as_schema_org(self, *, url: str) -> dict:
        """The institution as a schema.org Organization (JSON-LD); `url` is its absolute address."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.name,
            "url": url,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": self.city,
                "addressCountry": self.country.code,
            },
        }
        if self.acronym:
            data["alternateName"] = self.acronym
        if self.ror_id:
            data["identifier"] = {
                "@type": "PropertyValue",
                "propertyID": "ROR",
                "value": self.ror_url,
            }
        same_as = [address for address in (self.ror_url, self.wikidata_url) if address]
        if self.website:
            same_as.append(self.website)
        if same_as:
            data["sameAs"] = same_as
        return data

    def clean(self) -> None:
        super().clean()
        if (
            self.pk
            and self.parent_id
            and (self.parent_id == self.pk or self.pk in {a.pk for a in self.parent.ancestors()})
        ):
            raise ValidationError(
                {"parent": _("An institution cannot be placed inside itself or its own units.")}
            )

    @property
    def ror_url(self) -> str:
        return f"https://ror.org/{self.ror_id}" if self.ror_id else ""

    @property
    def wikidata_url(self) -> str:
        wikidata = self.wikidata_id or self.ror_external_ids.get("wikidata", "")
        return f"https://www.wikidata.org/wiki/{wikidata}" if wikidata else ""

    @property
    def ror_external_ids(self) -> dict[str, str]:
        """Preferred (or first) identifier of each type in ROR: wikidata, isni, grid, fundref."""
        found = {}
        for item in (self.ror_record or {}).get("external_ids") or []:
            value = item.get("preferred") or next(iter(item.get("all") or []), None)
            if value:
                found[item.get("type")] = value
        return found

    def ror_names_of(self, kind: str) -> list[str]:
        """The record's names of one ROR type: "acronym", "alias" or "label"."""
        return [
            name["value"]
            for name in (self.ror_record or {}).get("names") or []
            if kind in (name.get("types") or [])
        ]

    @property
    def is_deactivated(self) -> bool:
        return self.ror_status in {RorStatus.INACTIVE, RorStatus.WITHDRAWN}

    @cached_property
    def is_partner(self) -> bool:
        """A public CLARA partner (InstitutionQuerySet.partner_condition): it has a page."""
        if self.source == InstitutionSource.CLARA:
            return True
        return type(self).objects.filter(pk=self.pk).partners_probed().exists()

    @property
    def ror_successor_url(self) -> str:
        return f"https://ror.org/{self.ror_successor}" if self.ror_successor else ""

    def from_ror(self, field: str) -> bool:
        return field in (self.ror_fields or [])

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def ancestors(self) -> list["Institution"]:
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain


class Team(models.Model):
    slug = models.SlugField(_("slug"), max_length=120)
    name = models.CharField(_("name"), max_length=255)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="teams",
    )
    leader = models.ForeignKey(
        "people.Person",
        verbose_name=_("team leader"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_teams",
    )
    themes = models.ManyToManyField(
        "themes.ResearchTheme", verbose_name=_("research themes"), blank=True, related_name="teams"
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_uri_characters])

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        indexes = [
            # A theme's teams and an institution's teams, by name, in each content language.
            *(
                models.Index(fields=[f"name_{code}", "id"], name=f"team_name_{code}")
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            # The public pages' order of a theme's and an institution's teams, as readers sort
            # names (core.collation).
            *(
                models.Index(collated_column(f"name_{code}"), F("id"), name=f"team_sort_{code}")
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            *(
                models.Index(
                    F("institution"),
                    collated_column(f"name_{code}"),
                    F("id"),
                    name=f"team_institution_sort_{code}",
                )
                for code in settings.MODELTRANSLATION_LANGUAGES
            ),
            missing_translation_index("team_missing_tr_idx", ["name", "description"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="team_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:team-detail", kwargs={"slug": self.slug})


class RorMatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


# match_ror writes its reasons in English (a log, the command's output): shown translated.
ROR_REASONS = {
    "same name": _("same name"),
    "same acronym": _("same acronym"),
    "same country": _("same country"),
    "other country": _("other country"),
    "same city": _("same city"),
    "inactive": _("inactive in ROR"),
    "withdrawn": _("withdrawn from ROR"),
}
_SIMILAR_NAME = re.compile(r"similar name \((\d+)%\)")
_DISTANCE = re.compile(r"(\d+) km away")


def ror_reason_label(reason: str) -> str:
    """One of match_ror's reasons in the active language (an unknown one as written)."""
    if reason in ROR_REASONS:
        return str(ROR_REASONS[reason])
    if found := _SIMILAR_NAME.fullmatch(reason):
        return gettext("similar name (%(percent)s%%)") % {"percent": found[1]}
    if found := _DISTANCE.fullmatch(reason):
        return gettext("%(km)s km away") % {"km": found[1]}
    return reason


class RorMatch(models.Model):
    """A ROR organisation proposed (by match_ror) for a CLARA institution that has no ROR id."""

    Status = RorMatchStatus

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="ror_matches",
    )
    ror_id = models.CharField(
        _("proposed ROR identifier"), max_length=9, validators=[validate_ror_id]
    )
    ror_name = models.CharField(_("name in ROR"), max_length=255)
    ror_country = CountryField(_("country in ROR"), blank=True)
    ror_city = models.CharField(_("city in ROR"), max_length=120, blank=True)
    confidence = models.DecimalField(_("confidence"), max_digits=4, decimal_places=3)
    reasons = models.CharField(_("why"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PROPOSED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ROR match proposal")
        verbose_name_plural = _("ROR match proposals")
        ordering = ["status", "-confidence", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "ror_id"], name="rormatch_unique_institution_ror_id"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RorMatchStatus.values), name="rormatch_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0, confidence__lte=1),
                name="rormatch_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.institution} → {self.ror_id} ({self.confidence:.0%})"

    def reasons_text(self) -> str:
        """The reasons in the active language."""
        return ", ".join(ror_reason_label(r) for r in self.reasons.split(", ") if r)

    @property
    def ror_url(self) -> str:
        return f"https://ror.org/{self.ror_id}"
