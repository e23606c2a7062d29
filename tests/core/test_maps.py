import math
from types import SimpleNamespace

from core.maps import clusters, marker_layers


def place(x, y, count=1, city="", country="France"):
    return SimpleNamespace(x=x, y=y, count=count, city=city, country=country, label=city)


def test_close_places_merge_under_the_busiest_and_markers_never_overlap():
    lyon, grenoble = place(513, 106, 8, "Lyon"), place(516, 110, 2, "Grenoble")
    shanghai = place(837, 146, 9, "Shanghai", "China")
    found = clusters([grenoble, lyon, shanghai], radius=11)
    assert [(c.seed.city, c.count) for c in found] == [("Shanghai", 9), ("Lyon", 10)]
    many = [place(500 + i * 3, 100 + (i % 4) * 5) for i in range(40)]
    for radius in (2, 11, 42):
        drawn = clusters(many, radius=radius)
        assert sum(c.count for c in drawn) == 40
        for i, a in enumerate(drawn):
            for b in drawn[i + 1 :]:
                assert math.dist((a.x, a.y), (b.x, b.y)) >= 2 * radius


def test_a_world_cluster_in_europe_points_to_the_european_zoom():
    layers = marker_layers([place(513, 106, 8, "Lyon"), place(524, 96, 1, "Heidelberg")])
    (merged,) = layers["narrow"]
    assert merged.zoom == "europe"
    europe = marker_layers([place(513, 106, 8, "Lyon"), place(524, 96, 1, "Heidelberg")], "europe")
    assert [c.seed.city for c in europe["wide"]] == ["Lyon", "Heidelberg"]
