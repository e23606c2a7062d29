"""Reads shared by the public pages: the partner map."""

from dataclasses import dataclass, field

from django.db.models import Q

from institutions.models import Institution
from partnerships.models import Partnership

from .maps import country_shapes, project

HUB_SLUG = "canceropole-clara"
LYON = (45.7485, 4.8467)


@dataclass
class MapPoint:
    name: str
    url: str
    city: str
    country: str
    x: float
    y: float
    foreign: bool


@dataclass
class PartnerMap:
    hub: tuple[float, float]
    points: list[MapPoint] = field(default_factory=list)
    country_paths: list[str] = field(default_factory=list)

    @property
    def foreign_points(self) -> list[MapPoint]:
        return [point for point in self.points if point.foreign]


def partner_map(*, partnerships=None) -> PartnerMap:
    """Public partners with coordinates, linked to the region's hub (CLARA, in Lyon)."""
    public = Partnership.objects.public()
    if partnerships is not None:
        public = public.filter(pk__in=[p.pk for p in partnerships])
    institutions = (
        Institution.objects.filter(memberships__partnership__in=public)
        .exclude(Q(latitude__isnull=True) | Q(longitude__isnull=True))
        .distinct()
        .order_by("country", "name")
    )
    hub_institution = Institution.objects.filter(slug=HUB_SLUG).exclude(latitude=None).first()
    hub = (
        (float(hub_institution.latitude), float(hub_institution.longitude))
        if hub_institution
        else LYON
    )
    result = PartnerMap(hub=project(hub[1], hub[0]))
    codes = set()
    for partnership in public.only("countries"):
        codes.update(country.code for country in partnership.countries)
    for institution in institutions:
        x, y = project(float(institution.longitude), float(institution.latitude))
        foreign = institution.country.code != "FR"
        if foreign:
            codes.add(institution.country.code)
        result.points.append(
            MapPoint(
                name=str(institution),
                url=institution.get_absolute_url(),
                city=institution.city,
                country=institution.country.name,
                x=x,
                y=y,
                foreign=foreign,
            )
        )
    result.country_paths = [shape.path for shape in country_shapes() if shape.code in codes]
    return result
