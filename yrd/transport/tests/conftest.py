from types import SimpleNamespace

import pytest

from yrd.core.models import Organisation
from yrd.core.tests.factories import EnterpriseFactory, OrganisationFactory, jurisdiction, person
from yrd.transport.reference import load_reference


@pytest.fixture
def world(reference):
    """Named personas: a Shanghai shipper and an Anhui shipper, each with its logistics planner; two
    carriers, each with its dispatcher; transport officers of Shanghai and Anhui; a network
    administrator; a stranger. The reference network is loaded."""
    load_reference()
    shipper = EnterpriseFactory(jurisdiction=jurisdiction("310000"))
    other_shipper = EnterpriseFactory(jurisdiction=jurisdiction("340000"))
    carrier = OrganisationFactory(kind=Organisation.Kind.OPERATOR, name_zh="江海承运")
    other_carrier = OrganisationFactory(kind=Organisation.Kind.OPERATOR, name_zh="皖江承运")
    return SimpleNamespace(
        shipper=shipper,
        other_shipper=other_shipper,
        carrier=carrier,
        other_carrier=other_carrier,
        planner=person("logistics_planner", "YRD", organisation=shipper),
        other_planner=person("logistics_planner", "YRD", organisation=other_shipper),
        dispatcher=person("carrier_dispatcher", "YRD", organisation=carrier),
        other_dispatcher=person("carrier_dispatcher", "YRD", organisation=other_carrier),
        sh_officer=person("transport_officer", "310000"),
        ah_officer=person("transport_officer", "340000"),
        network_admin=person("network_admin", "YRD"),
        stranger=person(),
    )
