"""A world map drawn on the server as SVG from the vendored world-atlas shapes (no tiles)."""

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django_countries import countries

WIDTH = 1000
NORTH, SOUTH = 84.0, -58.0
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360)


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """Equirectangular projection onto the SVG's viewBox."""
    x = (longitude + 180) / 360 * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


@dataclass(frozen=True)
class CountryShape:
    code: str  # ISO 3166-1 alpha-2, "" where unknown
    path: str


@lru_cache(maxsize=1)
def country_shapes() -> tuple[CountryShape, ...]:
    path = finders.find(settings.WORLD_MAP_TOPOJSON)
    with open(path, encoding="utf-8") as handle:
        topology = json.load(handle)
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(project(x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indexes: list[int]) -> str:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return "M" + "L".join(f"{x},{y}" for x, y in points) + "Z"

    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = [ring(r) for polygon in polygons.get(geometry.get("type"), []) for r in polygon]
        if not rings:
            continue
        code = (
            countries.alpha2(int(geometry["id"])) if str(geometry.get("id", "")).isdigit() else ""
        )
        shapes.append(CountryShape(code or "", "".join(rings)))
    return tuple(shapes)


# Where a map looks: the world, or a regional zoom where partners are dense.
VIEW_BOXES = {"world": (0, 0, WIDTH, HEIGHT), "europe": (460, 50, 130, 95)}
# Marker radii in the box's units, one layer per screen size, each at least 12 CSS px: the
# world map spans 1,000 units over 1,120 px of a wide screen (`wide`, from 72rem) and over
# 288 px at the narrowest (`narrow`); the European zoom spans 130 units over at most 48rem.
MARKER_RADII = {"world": {"wide": 11, "narrow": 42}, "europe": {"wide": 2.1, "narrow": 5.5}}


@dataclass
class Cluster:
    """Places drawn as one marker, at the place with the most partners (the seed)."""

    seed: object  # a marker of partnerships.selectors (x, y, count, url, city, country, label)
    radius: float
    places: list = field(default_factory=list)
    zoom: str = ""  # the regional zoom showing its places apart, if any

    @property
    def count(self) -> int:
        return sum(place.count for place in self.places)

    @property
    def x(self) -> float:
        return self.seed.x

    @property
    def y(self) -> float:
        return self.seed.y


def inside(box: str, x: float, y: float) -> bool:
    left, top, width, height = VIEW_BOXES[box]
    return left <= x <= left + width and top <= y <= top + height


def clusters(points, *, radius: float, box: str = "world") -> list[Cluster]:
    """Places closer than a marker's diameter merged, the largest first: markers of the
    given radius never overlap, so each stays a touch target of its own."""
    found: list[Cluster] = []
    for point in sorted(points, key=lambda p: (-p.count, p.country, p.city, p.label)):
        if not inside(box, point.x, point.y):
            continue
        near = next(
            (c for c in found if math.dist((c.x, c.y), (point.x, point.y)) < 2 * radius), None
        )
        if near is None:
            near = Cluster(seed=point, radius=radius)
            found.append(near)
        near.places.append(point)
    return found


def marker_layers(points, box: str = "world") -> dict[str, list[Cluster]]:
    layers = {
        layer: clusters(points, radius=radius, box=box)
        for layer, radius in MARKER_RADII[box].items()
    }
    if box != "world":
        return layers
    for cluster in (cluster for layer in layers.values() for cluster in layer):
        if len(cluster.places) > 1:
            cluster.zoom = next(
                (z for z in VIEW_BOXES if z != box and inside(z, cluster.x, cluster.y)), ""
            )
    return layers
