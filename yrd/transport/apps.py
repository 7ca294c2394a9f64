from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec, Stat

PLAN = "transport.plan"
TRACK = "transport.track"
CARRY = "transport.carry"
NETWORK = "transport.network.manage"


class TransportConfig(AppConfig):
    name = "yrd.transport"
    label = "transport"
    verbose_name = _("Multimodal transport")
    manifest = Manifest(
        label="transport",
        actions={
            PLAN: _("Plan multimodal routes and book and follow shipments for one's own organisation"),
            TRACK: _("Follow the shipments and hub throughput of a jurisdiction"),
            CARRY: _("Report the progress of the legs one's own carrier runs, and manage its carrier API tokens"),
            NETWORK: _("Edit the freight network: hubs, links, timetables, mode and hub parameters; import and export"),
        },
        roles={
            "logistics_planner": RoleSpec("物流规划员", "Logistics planner", (PLAN,)),
            "transport_officer": RoleSpec("交通运输监管人员", "Transport officer", (TRACK,)),
            "carrier_dispatcher": RoleSpec("承运人调度员", "Carrier dispatcher", (CARRY,)),
            "network_admin": RoleSpec("运输网络管理员", "Transport network administrator", (NETWORK, TRACK)),
        },
        audit_events=(
            "transport.reference.load",
            "transport.network.import",
            "transport.route.plan",
            "transport.shipment.book",
            "transport.leg_event.record",
            "transport.carrier_token.create",
            "transport.carrier_token.revoke",
        ),
        api_router="yrd.transport.api.router",
        urls="yrd.transport.urls",
        nav=(
            NavLink(_("Route planner"), "transport:planner", actions=(PLAN,)),
            NavLink(_("Shipments"), "transport:shipments", actions=(PLAN, TRACK, CARRY)),
            NavLink(_("Freight hubs"), "transport:hubs", public=True),
            NavLink(_("Freight network"), "transport:network", public=True),
        ),
        stats={
            "shipments_booked": Stat(
                _("Multimodal shipments booked"), "yrd.transport.stats.shipments_booked", plan_tasks=("3.07",)
            ),
            "tonne_km_non_road": Stat(
                _("Share of booked tonne-km moved off the road"),
                "yrd.transport.stats.tonne_km_non_road_share",
                "%",
                plan_tasks=("3.07",),
            ),
            "co2_saved": Stat(
                _("CO2 saved against road-only routes"),
                "yrd.transport.stats.co2_saved_tonnes",
                "t",
                plan_tasks=("3.07",),
            ),
        },
        reference_loader="yrd.transport.reference.load_reference",
        personal_data="yrd.transport.personal.personal_data",
        demo_loader="yrd.transport.demo.load_demo",
    )
