"""The personas of each module (each role in its own and in another jurisdiction, a signed-in
stranger, an anonymous visitor) and a few real objects to fill URL parameters, made with the
modules' own factories. "own" objects sit in the jurisdiction of the first persona of each pair.

Each builder returns (people, values): people maps a persona to a user (None: anonymous); values
maps a URL parameter name to a value, or "<route fragment>|<name>" to a value for the routes
containing that fragment (when one name means different objects in different routes)."""

from yrd.core.tests.factories import OrganisationFactory, jurisdiction, person


def _base():
    return {"anonymous": None, "stranger": person()}


def core():
    from yrd.core.models import Notification
    from yrd.core.notifications import notify
    from yrd.core.writes import api_token_create

    people = {
        **_base(),
        "system_admin": person("system_admin", "YRD"),
        "js_security": person("security_admin", "320000"),
        "zj_security": person("security_admin", "330000"),
        "js_audit": person("audit_admin", "320000"),
    }
    notify(recipients=[people["js_security"]], subject="s", body="b", url="/")
    token, _key = api_token_create(acting_user=people["js_security"], name="matrix", scope="read", lifetime_days=30)
    values = {"inbox/|pk": Notification.objects.latest("pk").pk, "tokens/|pk": token.pk}
    return people, values


def plan():
    from yrd.plan.tests.api import builders

    the_plan = builders.plan_with_areas()
    js_org = builders.organisation("320000")
    task = builders.task(the_plan, "2.01", lead="320500", organisations=[js_org], area=2)
    people = {
        **_base(),
        "js_coordinator": person("plan_coordinator", "320000"),
        "zj_coordinator": person("plan_coordinator", "330000"),
        "js_owner": person("task_owner", "320000", organisation=js_org),
        "zj_owner": person("task_owner", "330000", organisation=builders.organisation("330000")),
    }
    report = builders.report(task, people["js_owner"])
    values = {
        "pk": task.pk,
        "task_id": task.pk,
        "reports/|pk": report.pk,
        "report_id": report.pk,
        "milestone_id": builders.milestone(task, task.end).pk,
        "kind": "tasks",
        "fmt": "csv",
        "year": 2025,
        "quarter": 1,
    }
    return people, values


def services():
    from yrd.services.tests import factories as f

    item = f.service_item("hukou-test")
    sz_window = f.window("320500")
    people = {
        **_base(),
        "sz_window_officer": f.window_officer(sz_window),
        "nb_window_officer": f.window_officer(f.window("330200")),
        "ah_handling": f.handling_officer("340000"),
        "zj_handling": f.handling_officer("330000"),
        "applicant": person("applicant", "YRD"),
        "catalogue_admin": person("catalogue_admin", "YRD"),
    }
    # A Suzhou window forwards to Anhui.
    application = f.application(item, people["applicant"], window=sz_window)
    values = {
        "code": "hukou-test",
        "kind": "items",
        "fmt": "csv",
        "number": application.number,
        "action": "receive",
        "materials/|pk": application.materials.first().pk,
    }
    return people, values


def green():
    from yrd.green.reference import load_reference
    from yrd.green.tests import factories as f

    load_reference()
    park = f.site("park", "320500")
    factory = f.site("factory", "320500", park=park)
    people = {
        **_base(),
        "sz_reporter": f.reporter(factory),
        "nb_reporter": f.reporter(f.site("factory", "330200")),
        "sz_reviewer": person("green_reviewer", "320500"),
        "nb_reviewer": person("green_reviewer", "330200"),
        "js_energy": person("green_energy_officer", "320000"),
        "zj_energy": person("green_energy_officer", "330000"),
    }
    return people, {"pk": factory.pk, "year": 2024, "month": 1, "action": "submit"}


def transport():
    from yrd.core.models import Organisation
    from yrd.core.tests.factories import EnterpriseFactory
    from yrd.transport.reference import load_reference

    load_reference()
    shipper = EnterpriseFactory(jurisdiction=jurisdiction("320000"))
    other = EnterpriseFactory(jurisdiction=jurisdiction("330000"))
    carrier = OrganisationFactory(kind=Organisation.Kind.OPERATOR, name_zh="江海承运")
    people = {
        **_base(),
        "js_planner": person("logistics_planner", "YRD", organisation=shipper),
        "zj_planner": person("logistics_planner", "YRD", organisation=other),
        "dispatcher": person("carrier_dispatcher", "YRD", organisation=carrier),
        "js_officer": person("transport_officer", "320000"),
        "zj_officer": person("transport_officer", "330000"),
        "network_admin": person("network_admin", "YRD"),
    }
    from yrd.transport.tests import factories as f

    query = f.plan(people["js_planner"])
    shipment = f.shipment(people["js_planner"], carrier=carrier)
    return people, {"number": query.number, "reference": shipment.reference, "seq": 1}


def emergency():
    from yrd.emergency.tests import factories as f

    items = f.catalogue()
    nb, sh = f.warehouse("330200"), f.warehouse("310000")
    people = {
        **_base(),
        "zj_coordinator": person("emergency_coordinator", "330000"),
        "sh_coordinator": person("emergency_coordinator", "310000"),
        "nb_operator": f.operator(nb),
        "sh_operator": f.operator(sh),
        "nb_requester": person("site_requester", "330200"),
        "sh_requester": person("site_requester", "310000"),
        "alliance_admin": person("alliance_admin", "YRD"),
    }
    water = next(iter(items.values()))
    receipt = f.receive(nb, water, 100)
    incident = f.incident("330000")
    request = f.site_request(incident, {water: 10}, by=people["nb_requester"])
    values = {
        "code": nb.code,
        "number": request.number,
        "incidents/|number": incident.number,
        "transactions/|number": getattr(receipt, "number", receipt),
        "decision": "approve",
        "action": "dispatch",
    }
    return people, values


def lowalt():
    from yrd.lowalt.tests import factories as f

    sh, zj = f.operator("310000"), f.operator("330100")
    people = {
        **_base(),
        "sh_pilot": f.operator_person(sh),
        "zj_pilot": f.operator_person(zj),
        "medic": f.operator_person(f.operator("340100"), "uas_emergency_operator"),
        "sh_authority": person("airspace_authority", "310000"),
        "zj_authority": person("airspace_authority", "330000"),
        "infrastructure": person("lowalt_infrastructure_officer", "310000"),
    }
    outcome = f.file(people["sh_pilot"], f.aircraft(sh, "light"))
    intent = getattr(outcome, "intent", outcome)
    return people, {"number": intent.number, "decision": "refuse", "code": "zz-none"}


def market():
    from yrd.market.tests import factories as f

    people = {
        **_base(),
        "js_regulator": f.jiangsu_regulator(),
        "zj_regulator": f.zhejiang_regulator(),
        "js_feed": f.jiangsu_feed(),
        "zj_feed": person("market_feed", "330000"),
        "market_admin": f.market_admin(),
        "reporter": f.reporter("reporter"),
    }
    evidence = _market_case(people["reporter"])
    values = {
        "fmt": "csv",
        "open311/|fmt": "json",
        "pk": evidence.report.case_id,
        "evidence/|pk": evidence.pk,
        "report_pk": evidence.report_id,
        "name": "no-such-step",
        "service_request_id": evidence.report.receipt,
        "token": evidence.report.receipt,
        "service_code": "food_safety",
    }
    return people, values


def _market_case(reporter):
    """A Suzhou report with a photo by the reporter, consolidated into a case."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from yrd.core.actors import SYSTEM
    from yrd.core.tests.factories import make_uscc
    from yrd.market.models import Evidence
    from yrd.market.writes import consolidation_run

    client = Client()
    client.force_login(reporter)
    photo = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
    form = {"subject_name": "苏州美佳食品有限公司", "subject_uscc": make_uscc("320508"), "category": "food_safety",
            "incident_city": "320500", "description": "出售过期食品", "evidence": photo}  # fmt: skip
    client.post("/market/report/", form)
    consolidation_run(acting_user=SYSTEM, mode="batch")
    return Evidence.objects.select_related("report").get()


def industry():
    from yrd.industry.reference import load_reference
    from yrd.industry.tests import factories as f

    load_reference()
    suzhou = f.enterprise("320500", "tier1", capacity={"battery-pack": 60000})
    ningbo = f.enterprise("330200", "tier1", capacity={"battery-pack": 30000})
    people = {
        **_base(),
        "sz_enterprise": f.officer(suzhou),
        "nb_enterprise": f.officer(ningbo),
        "js_official": f.official("320000"),
        "zj_official": f.official("330000"),
        "analyst": person("industry_analyst", "YRD"),
    }
    return people, {}


def culture():
    from yrd.culture.tests import factories as f

    site = f.bookable(10, "320500")
    town = f.town("320500")
    people = {
        **_base(),
        "sz_officer": person("culture_city_officer", "320500"),
        "jx_officer": person("culture_city_officer", "330400"),
        "js_reviewer": person("culture_province_reviewer", "320000"),
        "zj_reviewer": person("culture_province_reviewer", "330000"),
        "bid_office": person("culture_bid_office", "YRD"),
        "visitor": person(),
    }
    visit = f.book(site, people["visitor"])
    component = f.component(town)
    values = {
        "code": site.code,
        "number": visit.number,
        "town": town.code,
        "bid/|number": 1,
        "transition": "submit",
    }
    del component
    return people, values


def innovation():
    from yrd.innovation.tests import factories as f

    sh_lab, js_firm, zj_firm = f.lab("310000"), f.firm("320500"), f.firm("330100")
    people = {
        **_base(),
        "sh_provider": person("instrument_provider", "310000", organisation=sh_lab),
        "hf_provider": person("instrument_provider", "340000", organisation=f.lab("340100", "合肥平台")),
        "js_firm": person("innovation_firm", "320000", organisation=js_firm),
        "zj_firm": person("innovation_firm", "330000", organisation=zj_firm),
        "js_officer": person("innovation_officer", "320000"),
        "zj_officer": person("innovation_officer", "330000"),
        "fund_manager": person("fund_manager", "YRD"),
        "fund_reviewer": person("fund_reviewer", "YRD"),
    }
    booking = f.booking(f.instrument(sh_lab), js_firm, approve=False)
    return people, {"kind": "instruments", "fmt": "csv", "year": 2025, "quarter": 1, "number": booking.number}


BUILDERS = {
    "core": core,
    "plan": plan,
    "services": services,
    "green": green,
    "transport": transport,
    "emergency": emergency,
    "lowalt": lowalt,
    "market": market,
    "industry": industry,
    "culture": culture,
    "innovation": innovation,
}


def values_for(values: dict, route: str) -> dict:
    """The parameter values for one route: the route-specific ones over the module's defaults."""
    chosen = {k: v for k, v in values.items() if "|" not in k}
    for key, value in values.items():
        if "|" in key:
            fragment, name = key.split("|", 1)
            if fragment in route:
                chosen[name] = value
    return chosen
