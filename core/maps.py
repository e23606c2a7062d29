"""A world map drawn on the server as SVG from the vendored world-atlas shapes (no tiles)."""

import json
from dataclasses import dataclass
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
