from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person
from yrd.industry.reference import load_reference

from . import factories as f


@pytest.fixture
def taxonomy(reference):
    load_reference()


@pytest.fixture
def world(taxonomy):
    """A small chain: a Hefei OEM buying packs from a Suzhou and a Ningbo pack maker, both of which buy
    cells from one Changzhou cell maker; a Shanghai OEM buying packs from the Suzhou maker only.
    Personas: each enterprise's own officer, a Jiangsu official, a Zhejiang official, a regional
    official, a regional planner (analyst) and a stranger."""
    hefei_oem = f.enterprise("340100", "oem", capacity={"vehicle": 36500})
    shanghai_oem = f.enterprise("310000", "oem", capacity={"vehicle": 18250})
    suzhou_pack = f.enterprise("320500", "tier1", certifications="IATF 16949", capacity={"battery-pack": 60000})
    ningbo_pack = f.enterprise("330200", "tier1", capacity={"battery-pack": 30000})
    cells = f.enterprise("320400", "tier2", capacity={"battery-cell": 9_000_000})
    f.relation(suzhou_pack, hefei_oem, "battery-pack", share=60, inventory=5)
    f.relation(ningbo_pack, hefei_oem, "battery-pack", share=40, inventory=5)
    f.relation(suzhou_pack, shanghai_oem, "battery-pack", share=100, inventory=3)
    f.relation(cells, suzhou_pack, "battery-cell", share=100, inventory=4)
    f.relation(cells, ningbo_pack, "battery-cell", share=100, inventory=4)
    return SimpleNamespace(
        hefei_oem=hefei_oem,
        shanghai_oem=shanghai_oem,
        suzhou_pack=suzhou_pack,
        ningbo_pack=ningbo_pack,
        cells=cells,
        hefei_officer=f.officer(hefei_oem),
        suzhou_officer=f.officer(suzhou_pack),
        ningbo_officer=f.officer(ningbo_pack),
        jiangsu=f.official("320000"),
        zhejiang=f.official("330000"),
        region=f.official("YRD"),
        planner=person("industry_analyst", "YRD"),
        stranger=person(),
    )
