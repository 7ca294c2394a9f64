from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import jurisdiction, person
from yrd.services import writes
from yrd.services.models import Mode
from yrd.services.tests import factories as f


@pytest.fixture
def world(reference):
    """Named personas: a Shanghai window and its officer, a Suzhou window and its officer, handling
    officers of Anhui, Jiangsu and Zhejiang, two applicants and a stranger; one item offered in
    every mode with an authority in each province."""
    item = f.service_item("hukou-test")
    sh_window, sz_window = f.window("310000"), f.window("320500")
    return SimpleNamespace(
        item=item,
        sh_window=sh_window,
        sz_window=sz_window,
        sh_officer=f.window_officer(sh_window),
        sz_officer=f.window_officer(sz_window),
        ah_officer=f.handling_officer("340000"),
        js_officer=f.handling_officer("320000"),
        zj_officer=f.handling_officer("330000"),
        sh_handler=f.handling_officer("310000"),
        applicant=person("applicant", "YRD"),
        other_applicant=person("applicant", "YRD"),
        stranger=person(),
        anhui=jurisdiction("340000", "province"),
        jiangsu=jurisdiction("320000", "province"),
        zhejiang=jurisdiction("330000", "province"),
        shanghai=jurisdiction("310000", "province"),
    )


def submit(world, *, mode=Mode.REMOTE, handling=None, by=None, uploads=None, key=None, **extra):
    """An application by `world.applicant` for Zhang San; remote at the Shanghai window to Anhui
    unless told otherwise."""
    window = extra.pop("receiving_window", world.sh_window if mode != Mode.ONLINE else None)
    item, applicant, handling = extra.pop("item", world.item), by or world.applicant, handling or [world.anhui]
    return f.application(
        item, applicant, mode=mode, window=window, handling=handling, uploads=uploads, key=key, **extra
    )


def forwarded(world, **extra):
    application = submit(world, **extra)
    writes.application_receive(acting_user=world.sh_officer, application=application, consent_signed=True)
    return writes.application_forward(acting_user=world.sh_officer, application=application)


def in_handling(world, **extra):
    application = forwarded(world, **extra)
    writes.application_accept(acting_user=world.ah_officer, application=application)
    return writes.application_start_handling(acting_user=world.ah_officer, application=application)


def decided(world, approved=True, **extra):
    application = in_handling(world, **extra)
    return writes.application_decide(
        acting_user=world.ah_officer,
        application=application,
        approved=approved,
        note="" if approved else "不符合条件",
        document=f.pdf("decision.pdf"),
    )


@pytest.fixture
def helpers():
    return SimpleNamespace(submit=submit, forwarded=forwarded, in_handling=in_handling, decided=decided)
