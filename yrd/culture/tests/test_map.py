"""The public map: a box lists its published sites, or counts them per 0.1° cell when there are many;
grid cells agree with a direct check of every point."""

from hypothesis import given
from hypothesis import strategies as st

from yrd.culture import geo
from yrd.culture.selectors import resources as selectors
from yrd.culture.tests import factories as f

lon = st.floats(114.6, 123.4, allow_nan=False)
lat = st.floats(27.1, 35.4, allow_nan=False)


@given(x=lon, y=lat, box=st.tuples(lon, lat, lon, lat))
def test_a_point_is_in_a_boxs_cells_exactly_when_its_cell_touches_the_box(x, y, box):
    west, east = sorted((box[0], box[2]))
    south, north = sorted((box[1], box[3]))
    if west <= x <= east and south <= y <= north:
        assert geo.cell_of(x, y) in geo.cells_in(west, south, east, north)
    centre = geo.cell_centre(geo.cell_of(x, y))
    assert abs(centre[0] - x) <= geo.CELL / 2 + 1e-6 and abs(centre[1] - y) <= geo.CELL / 2 + 1e-6


def test_many_sites_in_a_box_are_counted_per_cell(world, monkeypatch):
    monkeypatch.setattr(selectors, "MAP_POINTS", 3)
    for n in range(5):
        f.resource(code=f"near-{n}", geometry=f.point(120.851 + n * 0.001, 31.111))
    f.resource(code="far", geometry=f.point(120.62, 31.30))
    f.resource(code="hidden", published=False, geometry=f.point(120.852, 31.111))
    shown = selectors.map_points((120.5, 31.0, 121.0, 31.4))
    assert shown["points"] == []
    assert sorted((c["lon"], c["lat"], c["count"]) for c in shown["clusters"]) == [
        (120.65, 31.35, 1),
        (120.85, 31.15, 5),
    ]
    few = selectors.map_points((120.6, 31.25, 120.7, 31.35))
    assert [p["code"] for p in few["points"]] == ["far"] and few["clusters"] == []
