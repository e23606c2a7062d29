"""Public data only: no e-mail, no confidential agreement, no person not cleared for publication."""

from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.languages import localized
from events.models import Event
from institutions.models import Institution, Team
from partnerships.models import Agreement, Partnership, PartnershipMember
from people.models import Person
from sources.models import Source
from sources.selectors import sources_of
from themes.models import ResearchTheme


class SourceSerializer(serializers.ModelSerializer):
    """A document the record relies on; quotations and page locators stay in the back-office."""

    date = serializers.SerializerMethodField(
        help_text="ISO 8601 with only what is known: YYYY, YYYY-MM or YYYY-MM-DD."
    )

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
        return SourceSerializer(sources_of(obj) if cited is None else cited, many=True).data


class ThemeSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = ResearchTheme
        fields = ["slug", *localized("name"), *localized("description"), "parent"]


class InstitutionSerializer(serializers.ModelSerializer):
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
        """The public page; none for a directory organisation that takes part in nothing."""
        if obj.source != Institution.Source.CLARA and not obj.is_partner:
            return None
        return self.context["request"].build_absolute_uri(obj.get_absolute_url())


@extend_schema_field({"type": "string", "nullable": True})
class PublicPersonField(serializers.RelatedField):
    """A person's name; the view prefetches only the people who agreed to appear publicly
    (`Person.objects.public_prefetch`), so that a withheld person is simply absent (null)."""

    def to_representation(self, value):
        return value.full_name


class TeamSerializer(serializers.ModelSerializer):
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


class PersonSerializer(serializers.ModelSerializer):
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


class MemberSerializer(serializers.ModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = PartnershipMember
        fields = ["institution", "role"]


class PartnershipSerializer(SourcesMixin, serializers.ModelSerializer):
    countries = serializers.SerializerMethodField()
    themes = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    members = MemberSerializer(many=True, read_only=True)

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
            *localized("summary"),
            *localized("description"),
            "sources",
        ]

    def get_countries(self, obj) -> list[str]:
        return [country.code for country in obj.countries]


class AgreementSerializer(SourcesMixin, serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    parties = serializers.SerializerMethodField()
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
            "end_date",
            "parties",
            "themes",
            *localized("summary"),
            "sources",
        ]

    def get_parties(self, obj) -> list[str]:
        return [party.institution.slug for party in obj.parties.all()]


class EventSerializer(SourcesMixin, serializers.ModelSerializer):
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
