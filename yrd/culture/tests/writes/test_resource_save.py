"""Saving a heritage resource: a city records its own, every bad field is named, nothing is written
when refused, a retried create returns the first one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.models import AuditEntry
from yrd.culture import writes
from yrd.culture.models import HeritageResource
from yrd.culture.tests import factories as f


def test_a_city_officer_records_a_resource_of_their_city_and_it_is_audited(world):
    saved = writes.resource_save(acting_user=world.sz_officer, data=f.resource_input(geometry=f.square()))
    assert (saved.city.code, saved.kind) == ("320500", "building")
    assert saved.longitude == pytest.approx(120.8497, abs=0.006) and saved.latitude == pytest.approx(31.1163, abs=0.006)
    entry = AuditEntry.objects.get(action="culture.resource.save")
    assert entry.data["code"] == saved.code and entry.actor_id == world.sz_officer.pk


def test_it_refuses_a_resource_of_another_city(world):
    with pytest.raises(PermissionDenied):
        writes.resource_save(acting_user=world.jx_officer, data=f.resource_input("320500"))
    assert not HeritageResource.objects.exists()


def test_a_province_reviewer_does_not_edit_resources(world):
    with pytest.raises(PermissionDenied):
        writes.resource_save(acting_user=world.js_reviewer, data=f.resource_input("320500"))


@pytest.mark.parametrize(
    "geometry,expected",
    [
        ({"type": "Point", "coordinates": [31.1, 120.8]}, "outside the Yangtze River Delta"),
        ({"type": "LineString", "coordinates": [[120.8, 31.1], [120.9, 31.2]]}, "Point or a Polygon"),
        ({"type": "Polygon", "coordinates": [[[120.8, 31.1], [120.9, 31.1], [120.8, 31.1]]]}, "at least four"),
        (
            {
                "type": "Polygon",
                "coordinates": [[[120.8, 31.1], [120.9, 31.2], [120.9, 31.1], [120.8, 31.2], [120.8, 31.1]]],
            },
            "not valid",
        ),
        ({"type": "Point", "coordinates": ["120.8", 31.1]}, "finite numbers"),
        ("POINT(120 31)", "GeoJSON object"),
    ],
)
def test_invalid_geometry_is_refused_with_the_reason(world, geometry, expected):
    with pytest.raises(ValidationError) as refused:
        writes.resource_save(acting_user=world.sz_officer, data=f.resource_input(geometry=geometry))
    assert expected in " ".join(refused.value.message_dict["geometry"])
    assert not HeritageResource.objects.exists()


def test_every_bad_field_is_named_at_once(world):
    data = f.resource_input(
        protection="world", kind="temple", name_zh="", code="周庄", period="x" * 101, daily_capacity=0
    )
    with pytest.raises(ValidationError) as refused:
        writes.resource_save(acting_user=world.sz_officer, data=data)
    errors = refused.value.message_dict
    assert set(errors) == {"protection", "kind", "name_zh", "code", "period", "daily_capacity"}
    assert "Unknown value 'world'" in errors["protection"][0]
    assert "At most 100 characters" in errors["period"][0]


def test_a_listed_resource_names_its_listing_document(world):
    with pytest.raises(ValidationError) as refused:
        writes.resource_save(acting_user=world.sz_officer, data=f.resource_input(listing_document=""))
    assert list(refused.value.message_dict) == ["listing_document"]


def test_codes_are_unique(world):
    f.resource(code="shuangqiao")
    with pytest.raises(ValidationError) as refused:
        writes.resource_save(acting_user=world.sz_officer, data=f.resource_input(code="shuangqiao"))
    assert "already has the code" in refused.value.message_dict["code"][0]


def test_a_retried_create_returns_the_first_resource(world):
    data = f.resource_input(code="retry-me")
    first = writes.resource_save(acting_user=world.sz_officer, data=data, idempotency_key="k1")
    again = writes.resource_save(acting_user=world.sz_officer, data=data, idempotency_key="k1")
    assert first.pk == again.pk and HeritageResource.objects.count() == 1


def test_moving_a_resource_to_another_city_needs_rights_in_both(world):
    site = f.resource("320500")
    moved = f.resource_input("330400", code=site.code)
    with pytest.raises(PermissionDenied):
        writes.resource_save(acting_user=world.sz_officer, data=moved, resource=site)
    assert writes.resource_save(acting_user=world.office, data=moved, resource=site).city.code == "330400"


def test_condition_assessments_are_kept_over_time_and_dated_in_the_past(world):
    from datetime import date, timedelta

    site = f.resource()
    writes.condition_record(
        acting_user=world.sz_officer,
        resource=site,
        assessed_on=date(2024, 5, 1),
        assessor="苏州市文物保护管理所",
        condition="fair",
        threats="游客踩踏",
        actions="限流",
    )
    writes.condition_record(
        acting_user=world.sz_officer, resource=site, assessed_on=date(2025, 5, 1), assessor="同上", condition="good"
    )
    assert [a.condition for a in site.assessments.all()] == ["good", "fair"]
    with pytest.raises(ValidationError) as refused:
        writes.condition_record(
            acting_user=world.sz_officer,
            resource=site,
            assessed_on=date.today() + timedelta(days=2),
            assessor="x",
            condition="ruined",
        )
    assert set(refused.value.message_dict) == {"assessed_on", "condition"}
    with pytest.raises(PermissionDenied):
        writes.condition_record(
            acting_user=world.jx_officer, resource=site, assessed_on=date(2025, 1, 1), assessor="x", condition="good"
        )


def test_related_resources_link_both_ways(world):
    bridge, town = f.resource(kind="bridge"), f.town()
    writes.resource_relate(acting_user=world.sz_officer, resource=bridge, other=town)
    assert list(town.related.all()) == [bridge]
    with pytest.raises(ValidationError):
        writes.resource_relate(acting_user=world.sz_officer, resource=bridge, other=bridge)
