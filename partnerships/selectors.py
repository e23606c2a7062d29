"""Reads behind the public collaboration pages."""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_countries import countries

from core.collation import collated
from core.languages import content_languages, in_default_language, localized, localized_in
from core.maps import country_shapes, project
from core.text import folded_aliases, similar_names_q
from institutions.models import Institution
from pagecache import versioned

from .filters import PartnershipFilterSet
from .models import Agreement, AgreementParty, Partnership, PartnershipMember


def _model_of(relation: str):
    """The model at the other end of a relation of Partnership: events and people are reached
    this way, so that partnerships imports neither (no import cycle)."""
    return Partnership._meta.get_field(relation).related_model


def partnership_list(*, params) -> tuple[PartnershipFilterSet, QuerySet, bool]:
    """The public collaborations filtered by `params`; invalid filters are reported, not applied."""
    base = Partnership.objects.public().prefetch_related("themes").order_by(collated("name"), "pk")
    filterset = PartnershipFilterSet(params or None, queryset=base)
    if filterset.is_bound and not filterset.is_valid():
        return filterset, base, False
    # One theme at most joins one row per collaboration: no DISTINCT to sort and count.
    return filterset, filterset.qs, True


MEMBERS_SHOWN = 30  # on the collaboration's page; the others on its partners page
AGREEMENTS_SHOWN = 20


def likely_duplicates(*, names: list[str], acronym: str, exclude_pk=None, limit: int = 5):
    """Partnerships with the same or a very similar name, or the same acronym: a few at most,
    found through the trigram indexes on names."""
    columns = localized("name")
    condition = similar_names_q(names, columns)
    if acronym:
        condition = (condition or Q()) | Q(acronym__iexact=acronym)
    if condition is None:
        return []
    found = Partnership.objects.alias(**folded_aliases(columns)).filter(condition)
    return list(found.exclude(pk=exclude_pk).order_by("pk")[:limit])


def public_partnerships(*, published: bool = True) -> QuerySet:
    """A collaboration's page: its small relations prefetched, the large ones read bounded by
    `partnership_page`. `published=False`: unpublished ones too (the staff's preview)."""
    partnerships = Partnership.objects.public() if published else Partnership.objects.all()
    return partnerships.prefetch_related(
        "themes",
        "key_figures",
        Prefetch(
            "coordinators",
            queryset=_model_of("coordinators").objects.public(),
            to_attr="public_coordinators",
        ),
    )


def members_by_place(partnership: Partnership) -> QuerySet:
    return (
        PartnershipMember.objects.filter(partnership=partnership)
        .select_related("institution")
        .order_by("institution__country", "institution__name", "role", "pk")
    )


def _coordinators_first() -> Case:
    coordinator = PartnershipMember.Role.COORDINATOR
    return Case(When(role=coordinator, then=Value(0)), default=Value(1))


@dataclass
class PartnersSummary:
    total: int
    countries: list[tuple[str, int]]
    first: list[PartnershipMember]

    @property
    def more(self) -> bool:
        return self.total > len(self.first)  # distinct institutions against memberships


def partners_summary(partnership: Partnership, partner_map: "PartnerMap") -> PartnersSummary:
    """Partners counted per country (the map's counts, made in SQL) and the first
    MEMBERS_SHOWN of them."""
    # Coordinators first, then in the order they joined (the membership's own index; ordering
    # by the institutions' country and name here walks the whole institution index), shown
    # by country and name.
    members = PartnershipMember.objects.filter(partnership=partnership)
    chosen = members.order_by(_coordinators_first(), "pk").values("pk")[:MEMBERS_SHOWN]
    first = sorted(
        PartnershipMember.objects.filter(pk__in=chosen).select_related("institution"),
        key=lambda member: (member.institution.country.name, member.institution.name, member.pk),
    )
    return PartnersSummary(
        total=partner_map.total,
        countries=[(country.name, country.count) for country in partner_map.countries],
        first=first,
    )


def partnership_agreements(partnership: Partnership) -> tuple[list[Agreement], int]:
    """The latest published agreements with their parties, and how many there are."""
    agreements = Agreement.objects.published().filter(partnership=partnership)
    shown = list(
        agreements.prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("institution"))
        )[:AGREEMENTS_SHOWN]
    )
    return shown, agreements.count()


def mobility_summary(partnership: Partnership) -> list[dict]:
    """Mobility counts by category and direction: figures only, never names."""
    mobilities = partnership.mobilities  # mobility sits above partnerships: not imported
    rows = (
        mobilities.not_cancelled()
        .values("category", "direction")
        .annotate(total=Count("pk"))
        .order_by("category", "direction")
    )
    categories = dict(mobilities.model.Category.choices)
    directions = dict(mobilities.model.Direction.choices)
    return [
        {
            "category": categories[row["category"]],
            "direction": directions[row["direction"]],
            "total": row["total"],
        }
        for row in rows
    ]


HUB_SLUG = "canceropole-clara"
LYON = (45.7485, 4.8467)
MAP_AGGREGATE = "partner-map"
MAX_MARKERS = 150  # the busiest places; every partner is still counted by country


@dataclass
class MapMarker:
    """The partners of one place (city) on the map: a name and a link when there is one."""

    label: str
    url: str
    city: str
    country: str
    count: int
    x: float
    y: float
    foreign: bool

    @property
    def radius(self) -> float:
        base = 4 if self.foreign else 3
        return round(base + min(8.0, (self.count - 1) ** 0.5), 1)


@dataclass
class CountryCount:
    code: str
    name: str
    count: int
    url: str


@dataclass
class PartnerMap:
    hub: tuple[float, float]
    points: list[MapMarker] = field(default_factory=list)
    countries: list[CountryCount] = field(default_factory=list)
    country_codes: list[str] = field(default_factory=list)

    @property
    def foreign_points(self) -> list[MapMarker]:
        return [point for point in self.points if point.foreign]

    @property
    def total(self) -> int:
        return sum(country.count for country in self.countries)

    @property
    def foreign_total(self) -> int:
        return sum(country.count for country in self.countries if country.code != "FR")


def _in_language(column: str, field: str) -> Coalesce:
    """The column in the page's language, else in the default one."""
    return Coalesce(NullIf(column, Value("")), in_default_language(field), output_field=CharField())


def _mapped_institutions(partnerships) -> QuerySet:
    """The partners: members taking part (not only funding or supporting), CLARA aside."""
    members = (
        PartnershipMember.objects.filter(partnership__in=partnerships)
        .exclude(role__in=[PartnershipMember.Role.FUNDER, PartnershipMember.Role.SUPPORTER])
        .values("institution_id")
    )
    return Institution.objects.order_by().filter(pk__in=members).exclude(slug=HUB_SLUG)


def partner_map(*, partnership: Partnership | None = None) -> PartnerMap:
    """The partners' map, the same for every visitor: computed once per language and content
    version (saves and deletions bump it), then read from the cache. Of every public
    collaboration, or of one."""
    if partnership is None:
        return versioned.cached(MAP_AGGREGATE, _partner_map)
    return versioned.cached(
        MAP_AGGREGATE,
        lambda: _partner_map(partnerships=[partnership]),
        variant=str(partnership.pk),
    )


def _partner_map(*, partnerships=None) -> PartnerMap:
    """Partners of public collaborations, counted per place and per country in SQL (bounded:
    at most MAX_MARKERS places and one row per country), linked to the region's hub."""
    if partnerships is None:
        public = Partnership.objects.public().international()
    else:
        public = Partnership.objects.public().filter(pk__in=[p.pk for p in partnerships])
    institutions = _mapped_institutions(public.values("pk"))
    language = translation.get_language()
    if language not in content_languages():
        language = content_languages()[0]
    name, city = localized_in(language, "name", "city")
    places = (
        institutions.exclude(latitude__isnull=True)
        .values("country", in_default_language("city"))
        .annotate(
            count=Count("pk"),
            latitude=Avg("latitude"),
            longitude=Avg("longitude"),
            first_slug=Min("slug"),
            first_name=Min(_in_language(name, "name")),
            city_name=Min(_in_language(city, "city")),
        )
        .order_by("-count", "country", in_default_language("city"))[:MAX_MARKERS]
    )
    by_country = institutions.values("country").annotate(count=Count("pk")).order_by("country")
    hub_institution = (
        Institution.objects.filter(slug=HUB_SLUG)
        .exclude(latitude=None)
        .values_list("latitude", "longitude")
        .first()
    )
    hub = (float(hub_institution[0]), float(hub_institution[1])) if hub_institution else LYON
    result = PartnerMap(hub=project(hub[1], hub[0]))
    list_url = reverse("institutions:institution-list")
    for row in by_country:
        code = row["country"]
        result.countries.append(
            CountryCount(code, countries.name(code), row["count"], f"{list_url}?country={code}")
        )
    result.countries.sort(key=lambda country: country.name)
    codes = {country.code for country in result.countries if country.code != "FR"}
    for value in public.order_by().values_list("countries", flat=True).distinct():
        codes.update(code for code in str(value or "").split(",") if code)
    for row in places:
        x, y = project(float(row["longitude"]), float(row["latitude"]))
        code = row["country"]
        single = row["count"] == 1
        url = (
            reverse("institutions:institution-detail", kwargs={"slug": row["first_slug"]})
            if single
            else f"{list_url}?country={code}"
        )
        result.points.append(
            MapMarker(
                label=row["first_name"] if single else row["city_name"] or countries.name(code),
                url=url,
                city=row["city_name"] or "",
                country=countries.name(code),
                count=row["count"],
                x=x,
                y=y,
                foreign=code != "FR",
            )
        )
    result.points.sort(key=lambda point: (point.country, point.city, point.label))
    known = {shape.code for shape in country_shapes()}
    result.country_codes = sorted(codes & known)
    return result


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def _same_length(start: datetime.date, end: datetime.date, new_start: datetime.date):
    """The end of a period starting on `new_start` as long as `start`–`end` (whole months kept
    whole: 8 March 2018 – 7 March 2023 renewed from 8 March 2023 ends on 7 March 2028)."""
    after = end + datetime.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if after.day == start.day and months > 0:
        return _add_months(new_start, months) - datetime.timedelta(days=1)
    return new_start + (end - start)


def successor_reference(agreement: Agreement, start: datetime.date | None) -> str:
    """The predecessor's reference with its start year moved on ("WIS-2018" → "WIS-2023"),
    else with the new start year appended."""
    reference = agreement.reference
    old_year = agreement.start_date and str(agreement.start_date.year)
    if start and old_year and old_year in reference:
        return reference.replace(old_year, str(start.year))
    suffix = f"-{start.year}" if start else "-R"
    return reference[: 40 - len(suffix)] + suffix


def renewal_defaults(agreement: Agreement) -> dict:
    """What the renewal form starts from: the successor's reference, titles, dates (from the
    day after the end, for as long) and parties."""
    start = end = None
    if agreement.end_date:
        start = agreement.end_date + datetime.timedelta(days=1)
        if agreement.start_date:
            end = _same_length(agreement.start_date, agreement.end_date, start)
    reference = successor_reference(agreement, start)
    return {
        "reference": reference,
        "slug": slugify(reference),
        "start_date": start,
        "end_date": end,
        **{
            localized_in(language, "title")[0]: getattr(
                agreement, localized_in(language, "title")[0]
            )
            for language in content_languages()
        },
        "parties": list(
            agreement.parties.order_by("position", "pk").values_list("institution_id", flat=True)
        ),
    }


@dataclass
class RenewalNote:
    text: str
    url: str = ""


def renewal_notes(*, agreement: Agreement, user) -> list[RenewalNote]:
    """Where an agreement stands in its renewal, as its back-office page says it: "Renewal in
    progress: WIS-2023 (Draft)", "Renewed by …", "Renewal of …". A linked agreement the user
    may not see is not named."""
    notes = []
    linked = []
    if agreement.successor_id:
        successor = agreement.successor
        if agreement.renewal_state == "in_progress":
            linked.append((successor, _("Renewal in progress: %(other)s (%(status)s)")))
        else:
            linked.append((successor, _("Renewed by %(other)s (%(status)s)")))
    predecessor = Agreement.objects.filter(successor=agreement).first()
    if predecessor is not None:
        linked.append((predecessor, _("Renewal of %(other)s (%(status)s)")))
    for other, text in linked:
        if not other.is_visible_to(user):
            notes.append(
                RenewalNote(text % {"other": _("a confidential agreement"), "status": "…"})
            )
            continue
        notes.append(
            RenewalNote(
                text % {"other": other.reference, "status": other.get_status_display()},
                reverse("admin:partnerships_agreement_change", args=[other.pk]),
            )
        )
    return notes
