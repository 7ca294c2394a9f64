"""The joint bid: a component sits inside its buffer zone; its city drafts and submits the dossier,
its province accepts or returns it; other provinces comment but do not decide."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from yrd.core.errors import Conflict
from yrd.core.models import AuditEntry
from yrd.culture import writes
from yrd.culture.models import Component, DossierComment
from yrd.culture.selectors.bid import moves_for, progress
from yrd.culture.tests import factories as f


def test_a_buffer_zone_that_does_not_contain_its_component_is_refused(world):
    town = f.town()
    with pytest.raises(ValidationError) as refused:
        writes.component_save(
            acting_user=world.sz_officer,
            resource=town,
            boundary=f.square(half=0.02),
            buffer_zone=f.square(half=0.005),
        )
    assert "does not contain the component's boundary" in refused.value.message_dict["buffer_zone"][0]
    assert not Component.objects.exists()


def test_a_component_is_a_water_town_drawn_as_polygons(world):
    with pytest.raises(ValidationError) as refused:
        writes.component_save(
            acting_user=world.sz_officer, resource=f.resource(), boundary=f.point(), buffer_zone=f.square()
        )
    assert set(refused.value.message_dict) == {"resource", "boundary"}


def test_a_new_component_has_seven_sections_not_started(world):
    component = writes.component_save(
        acting_user=world.sz_officer, resource=f.town(), boundary=f.square(), buffer_zone=f.square(half=0.02)
    )
    assert [(s.number, s.status) for s in component.sections.all()] == [(n, "missing") for n in range(1, 8)]


def test_only_the_towns_city_or_the_bid_office_edits_a_component(world):
    town = f.town()
    for outsider in (world.jx_officer, world.js_reviewer, world.visitor):
        with pytest.raises(PermissionDenied):
            writes.component_save(
                acting_user=outsider, resource=town, boundary=f.square(), buffer_zone=f.square(half=0.02)
            )
    assert writes.component_save(
        acting_user=world.office, resource=town, boundary=f.square(), buffer_zone=f.square(half=0.02)
    )


def draft(world, section, zh="第一节", en="Section one"):
    return writes.dossier_save(acting_user=world.sz_officer, section=section, text_zh=zh, text_en=en)


def test_the_city_submits_and_its_province_accepts(world):
    section = f.component().sections.get(number=1)
    draft(world, section)
    writes.dossier_move(acting_user=world.sz_officer, section=section, transition="submit")
    with pytest.raises(PermissionDenied):
        writes.dossier_move(acting_user=world.zj_reviewer, section=section, transition="accept")
    with pytest.raises(PermissionDenied):
        writes.dossier_move(acting_user=world.sz_officer, section=section, transition="accept")
    accepted = writes.dossier_move(acting_user=world.js_reviewer, section=section, transition="accept")
    assert accepted.status == "accepted"
    assert [p.accepted for p in progress()] == [1]
    assert AuditEntry.objects.filter(action__startswith="culture.dossier.").count() == 3


def test_a_section_is_submitted_only_in_both_languages(world):
    section = f.component().sections.get(number=2)
    draft(world, section, en="")
    with pytest.raises(ValidationError) as refused:
        writes.dossier_move(acting_user=world.sz_officer, section=section, transition="submit")
    assert "both Chinese and English" in refused.value.message_dict["text"][0]


def test_returning_needs_a_reason_which_becomes_a_comment_and_the_city_edits_again(world):
    section = f.component().sections.get(number=3)
    draft(world, section)
    writes.dossier_move(acting_user=world.sz_officer, section=section, transition="submit")
    with pytest.raises(Conflict):
        draft(world, section, zh="改")
    with pytest.raises(ValidationError):
        writes.dossier_move(acting_user=world.js_reviewer, section=section, transition="return")
    writes.dossier_move(
        acting_user=world.js_reviewer, section=section, transition="return", note="补充价值标准(iii)论证"
    )
    assert DossierComment.objects.get().text == "补充价值标准(iii)论证"
    again = draft(world, section, zh="第二稿")
    assert (again.status, again.version, again.versions.count()) == ("draft", 2, 2)


def test_the_buttons_follow_the_transition_table(world):
    section = draft(world, f.component().sections.get(number=1))
    assert [m.name for m in moves_for(world.sz_officer, section)] == ["submit"]
    assert moves_for(world.js_reviewer, section) == []
    section = writes.dossier_move(acting_user=world.sz_officer, section=section, transition="submit")
    assert [m.name for m in moves_for(world.js_reviewer, section)] == ["accept", "return"]
    assert moves_for(world.zj_reviewer, section) == []
    assert [m.name for m in moves_for(world.office, section)] == ["accept", "return"]


def test_other_provinces_comment_on_a_component_but_the_public_does_not(world):
    component = f.component()
    writes.dossier_comment(acting_user=world.zj_reviewer, component=component, text="建议统一术语", section=2)
    with pytest.raises(PermissionDenied):
        writes.dossier_comment(acting_user=world.visitor, component=component, text="hi")
    with pytest.raises(ValidationError):
        writes.dossier_comment(acting_user=world.zj_reviewer, component=component, text="x" * 2001)


def test_a_component_is_complete_when_all_seven_sections_are_accepted(world):
    from yrd.culture import stats

    component = f.component()
    for section in component.sections.all():
        draft(world, section)
        writes.dossier_move(acting_user=world.sz_officer, section=section, transition="submit")
        assert stats.complete_components() == 0
        writes.dossier_move(acting_user=world.js_reviewer, section=section, transition="accept")
    assert stats.complete_components() == 1
    assert progress()[0].percent == 100
