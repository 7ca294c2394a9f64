from types import SimpleNamespace

import pytest

from yrd.core.tests.factories import person
from yrd.innovation.tests import factories as f


@pytest.fixture
def world(reference):
    """Personas: the operator of a Shanghai laboratory's instruments and of a Hefei one; a small firm
    in Suzhou (Jiangsu) and one in Hangzhou (Zhejiang), each with its own person; the Jiangsu and the
    Zhejiang science officers; the region's joint-fund manager; a stranger."""
    sh_lab, hf_lab = f.lab("310000"), f.lab("340100", "合肥微尺度物质科学平台")
    js_firm, zj_firm = f.firm("320500"), f.firm("330100")
    return SimpleNamespace(
        sh_lab=sh_lab,
        hf_lab=hf_lab,
        js_firm=js_firm,
        zj_firm=zj_firm,
        sh_provider=person("instrument_provider", "310000", organisation=sh_lab),
        hf_provider=person("instrument_provider", "340000", organisation=hf_lab),
        js_firm_user=person("innovation_firm", "320000", organisation=js_firm),
        zj_firm_user=person("innovation_firm", "330000", organisation=zj_firm),
        js_officer=person("innovation_officer", "320000"),
        zj_officer=person("innovation_officer", "330000"),
        manager=person("fund_manager", "YRD"),
        stranger=person(),
    )
