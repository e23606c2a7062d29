"""Public data only: no e-mail, no confidential agreement, no person not cleared for publication.

A list page serializes 25 records of 20-odd fields each: plain columns are read straight from the
row (`DirectFieldsMixin`), nested records reuse one serializer, and addresses are built from one
reversed template per page, so that the Python work per page stays a few milliseconds."""

from django.db import models
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.languages import localized
from core.models import DatePrecision, iso_partial_date
from core.typography import french
from events.models import Event
from institutions.models import Institution, Team
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from people.models import Person
from sources.models import Source
from sources.selectors import sources_of
from themes.models import ResearchTheme


class SlugUrlMixin:
    """Absolute addresses of records by slug, each reversed once per page: only the slug
    differs (a slug needs no quoting)."""

    def slug_url(self, url_name: str, slug: str) -> str:
        templates = self.__dict__.setdefault("_slug_url_templates", {})
        template = templates.get(url_name)
        if template is None:
            path = reverse(url_name, kwargs={"slug": "SLUG"})
            absolute = self.context["request"].build_absolute_uri(path)
            template = templates[url_name] = absolute.replace("SLUG", "{slug}", 1)
        return template.format(slug=slug)


class UriField(serializers.URLField):
    """An address as the schema's `format: uri` says: accented letters (and anything stored
    before addresses were checked) percent-encoded."""

    def to_representation(self, value):
        return iri_to_uri(value)


class DirectFieldsMixin:
    """Serializes as DRF would, reading the columns of plain fields (text, numbers, choices,
    dates, countries) straight from the record instead of through `Field.get_attribute`; any
    other field (related, nested, method) goes the usual way. Addresses are given as URIs."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: UriField,
    }

    def to_representation(self, instance):
        plan = self.__dict__.get("_direct_plan")
        if plan is None:
            plan = self._direct_plan = [_planned(field) for field in self._readable_fields]
        answer = {}
        for name, attribute, field in plan:
            if attribute is None:
                value = field.get_attribute(instance)
            elif attribute.startswith("country:"):
                value = instance.__dict__.get(attribute[8:])  # the stored code
                if value is None:  # deferred, or no country (the field says what that gives)
                    value = field.get_attribute(instance)
            else:
                value = getattr(instance, attribute)
            value = None if value is None else field.to_representation(value)
            if name.endswith("_fr") and isinstance(value, str):
                value = french(value)  # French text in French typography, as on the pages
            answer[name] = value
        return answer


_DIRECT_FIELDS = (
    serializers.CharField,  # also slugs, URLs
    serializers.IntegerField,
    serializers.FloatField,
    serializers.DecimalField,
    serializers.BooleanField,
    serializers.DateField,
    serializers.DateTimeField,
    serializers.ChoiceField,
)


def _planned(field) -> tuple:
    """(name, the attribute to read or None for the usual way, field)."""
    plain = len(field.source_attrs) == 1 and type(field) is not serializers.ReadOnlyField
    if isinstance(field, CountryField) and plain:
        return field.field_name, f"country:{field.source_attrs[0]}", field
    if isinstance(field, _DIRECT_FIELDS) and plain and field.source != "*":
        return field.field_name, field.source_attrs[0], field
    return field.field_name, None, field


PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@extend_schema_field({"type": "string", "nullable": True, "pattern": PARTIAL_DATE_PATTERN})
class PartialDateField(serializers.Field):
    """A date given to its precision, as the JSON-LD gives it: "2011", "2018-11" or
    "2018-03-08" (never a placeholder day); null when not known."""

    def __init__(self, *, date: str, precision: str, **kwargs):
        self.date_attribute, self.precision_attribute = date, precision
        kwargs.setdefault(
            "help_text",
            f"ISO 8601 with only what is known: YYYY, YYYY-MM or YYYY-MM-DD (see `{precision}`); "
            "null when not known.",
        )
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.date_attribute)
        return iso_partial_date(value, getattr(instance, self.precision_attribute)) or None


@extend_schema_field(
    {"type": "string", "nullable": True, "pattern": f"^({'|'.join(DatePrecision.values)})$"}
)
class PrecisionField(serializers.Field):
    """How much of the date is known (year, month or day); null when there is no date."""

    def __init__(self, *, date: str, precision: str, **kwargs):
        self.date_attribute, self.precision_attribute = date, precision
        kwargs.setdefault(
            "help_text",
            f"How much of `{date}` is known: `year`, `month` or `day`; null without it.",
        )
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        if getattr(instance, self.date_attribute) is None:
            return None
        return getattr(instance, self.precision_attribute)


class SourceSerializer(DirectFieldsMixin, serializers.ModelSerializer):
    """A document the record relies on; quotations and page locators stay in the back-office."""

    date = serializers.SerializerMethodField(
        help_text="ISO 8601 with only what is known: YYYY, YYYY-MM or YYYY-MM-DD."
    )
    date_precision = PrecisionField(date="date", precision="date_precision")

    class Meta:
        model = Source
        fields = ["title", "publisher", "date", "date_precision", "url", "language"]

    def get_date(self, obj) -> str | None:
        return obj.date_iso or None


class SourcesMixin(serializers.Serializer):
    sources = serializers.SerializerMethodField()

    @extend_schema_field(SourceSerializer(many=True))
    def get_sources(self, obj):
        cited = getattr(obj, "cited_sources", None)  # attached to a whole list page at once
        source = self.__dict__.get("_source_serializer")
        if source is None:
            source = self._source_serializer = SourceSerializer()  # one for the whole page
        return [source.to_representation(s) for s in (sources_of(obj) if cited is None else cited)]


class ThemeSerializer(DirectFieldsMixin, serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = ResearchTheme
        fields = ["slug", *localized("name"), *localized("description"), "parent"]


class InstitutionSerializer(SlugUrlMixin, DirectFieldsMixin, serializers.ModelSerializer):
    country = CountryField()
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    ror_types = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Institution
        fields = [
            "slug",
            *localized("name"),
            "acronym",
            "kind",
            "network_role",
            "parent",
            "country",
            *localized("city"),
            "latitude",
            "longitude",
            "website",
            "ror_id",
            "wikidata_id",
            "founded_year",
            "source",
            "ror_status",
            "ror_successor",
            "ror_types",
            *localized("description"),
            "url",
        ]

    def get_ror_types(self, obj) -> list[str]:
        return [t for t in obj.ror_types.split(",") if t]

    def get_url(self, obj) -> str | None:
        """The public page; none for a directory organisation that takes no public part."""
        if obj.source != Institution.Source.CLARA and not obj.is_partner:
            return None
        return self.slug_url("institutions:institution-detail", obj.slug)


@extend_schema_field({"type": "string", "nullable": True})
class PublicPersonField(serializers.RelatedField):
    """A person's name; the view prefetches only the people who agreed to appear publicly
    (`Person.objects.public_prefetch`), so that a withheld person is simply absent (null)."""

    def to_representation(self, value):
        return value.full_name


class TeamSerializer(DirectFieldsMixin, serializers.ModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    leader = PublicPersonField(source="public_leader", read_only=True)

    class Meta:
        model = Team
        fields = [
            "slug",
            *localized("name"),
            "institution",
            "leader",
            "themes",
            "website",
            *localized("description"),
        ]


class PersonSerializer(DirectFieldsMixin, serializers.ModelSerializer):
    affiliation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Person
        fields = [
            "slug",
            "title",
            "first_name",
            "last_name",
            *localized("role"),
            "affiliation",
            "orcid",
        ]


class MemberListSerializer(serializers.ListSerializer):
    """A list page attaches its members as ready rows (`member_rows`); one record reads them."""

    def get_attribute(self, instance):
        rows = getattr(instance, "member_rows", None)
        return rows if rows is not None else super().get_attribute(instance)


class MemberSerializer(serializers.ModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = PartnershipMember
        fields = ["institution", "role"]
        list_serializer_class = MemberListSerializer

    def to_representation(self, instance):
        if isinstance(instance, dict):
            return instance  # a row attached by the list
        return {"institution": instance.institution.slug, "role": instance.role}


class RelatedListMixin(SlugUrlMixin, serializers.Serializer):
    """The URL of a record's own paginated list of related rows (`<name>_url`): the view's
    `<name>` action."""

    def related_url(self, obj, name: str) -> str:
        return self.slug_url(f"api:{self.context['view'].basename}-{name}", obj.slug)


class PartnershipSerializer(
    DirectFieldsMixin, SourcesMixin, RelatedListMixin, serializers.ModelSerializer
):
    start_date = PartialDateField(date="start_date", precision="start_precision")
    start_precision = PrecisionField(date="start_date", precision="start_precision")
    end_date = PartialDateField(date="end_date", precision="end_precision")
    end_precision = PrecisionField(date="end_date", precision="end_precision")
    countries = serializers.SerializerMethodField()
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    members = MemberSerializer(
        many=True,
        read_only=True,
        help_text="The first members (API_RELATED_SHOWN, by role then name); all of them are "
        "at `members_url`.",
    )
    members_total = serializers.IntegerField(read_only=True, help_text="How many members.")
    members_url = serializers.SerializerMethodField(help_text="Every member, page by page.")

    class Meta:
        model = Partnership
        fields = [
            "slug",
            *localized("name"),
            "acronym",
            "kind",
            "status",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "countries",
            "themes",
            "members",
            "members_total",
            "members_url",
            *localized("summary"),
            *localized("description"),
            "sources",
        ]

    def get_countries(self, obj) -> list[str]:
        return [country.code for country in obj.countries]

    def get_members_url(self, obj) -> str:
        return self.related_url(obj, "members")


class AgreementSerializer(
    DirectFieldsMixin, SourcesMixin, RelatedListMixin, serializers.ModelSerializer
):
    signed_on = PartialDateField(date="signed_on", precision="signed_precision")
    signed_precision = PrecisionField(date="signed_on", precision="signed_precision")
    start_date = PartialDateField(date="start_date", precision="start_precision")
    start_precision = PrecisionField(date="start_date", precision="start_precision")
    end_date = PartialDateField(date="end_date", precision="end_precision")
    end_precision = PrecisionField(date="end_date", precision="end_precision")
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    parties = serializers.SerializerMethodField(
        help_text="The first parties' institutions (API_RELATED_SHOWN, in the agreement's "
        "order); all of them are at `parties_url`."
    )
    parties_total = serializers.IntegerField(read_only=True, help_text="How many parties.")
    parties_url = serializers.SerializerMethodField(help_text="Every party, page by page.")
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "reference",
            "slug",
            *localized("title"),
            "kind",
            "status",
            "partnership",
            "signed_on",
            "signed_precision",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "parties",
            "parties_total",
            "parties_url",
            "themes",
            *localized("summary"),
            "sources",
        ]

    def get_parties(self, obj) -> list[str]:
        return [party.institution.slug for party in obj.parties.all()]

    def get_parties_url(self, obj) -> str:
        return self.related_url(obj, "parties")


class PartySerializer(serializers.ModelSerializer):
    """A party of an agreement: its institution, as in the agreement's `parties`."""

    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = AgreementParty
        fields = ["institution"]


class EventSerializer(DirectFieldsMixin, SourcesMixin, serializers.ModelSerializer):
    start_date = PartialDateField(date="start_date", precision="date_precision")
    date_precision = PrecisionField(date="start_date", precision="date_precision")
    end_date = PartialDateField(date="end_date", precision="date_precision")
    partnership = serializers.SerializerMethodField()
    country = CountryField(allow_blank=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            *localized("title"),
            "kind",
            "start_date",
            "end_date",
            "date_precision",
            *localized("venue"),
            *localized("city"),
            "country",
            "partnership",
            *localized("description"),
            "sources",
        ]

    def get_partnership(self, obj) -> str | None:
        return obj.partnership.slug if obj.partnership and obj.partnership.is_public else None


class AffiliationParentSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    ror_id = serializers.CharField(allow_blank=True)


class AffiliationCandidateSerializer(serializers.Serializer):
    """One organisation of the directory that a free-text affiliation may name."""

    slug = serializers.CharField(help_text="The institution in /api/institutions/.")
    name = serializers.CharField()
    ror_id = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    score = serializers.FloatField(help_text="0 to 1: how well the string names it.")
    reason = serializers.CharField(help_text="The name, acronym and places found.")
    chosen = serializers.BooleanField(
        help_text="The organisation meant, when it is clear (at most one candidate)."
    )
    parent = AffiliationParentSerializer(allow_null=True)


class AffiliationAnswerSerializer(serializers.Serializer):
    query = serializers.CharField()
    chosen = AffiliationCandidateSerializer(allow_null=True)
    candidates = AffiliationCandidateSerializer(many=True)
