from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, Retention, RoleSpec, Stat

ALLIANCE = "emergency.alliance.view"
VIEW_STOCK = "emergency.stock.view"
MOVE_STOCK = "emergency.stock.move"
REQUEST = "emergency.request.raise"
RECEIVE = "emergency.receive"
DISPATCH = "emergency.dispatch"
ALLOCATE = "emergency.allocate"
INCIDENTS = "emergency.incident.manage"
CATALOGUE = "emergency.catalogue.manage"

# Operators book the transport of what they dispatch through the transport module's interface, which
# asks for its own action.
TRANSPORT_PLAN = "transport.plan"

COORDINATOR_ACTIONS = (ALLIANCE, VIEW_STOCK, REQUEST, RECEIVE, ALLOCATE, INCIDENTS)
OPERATOR_ACTIONS = (ALLIANCE, VIEW_STOCK, MOVE_STOCK, DISPATCH, RECEIVE, REQUEST, TRANSPORT_PLAN)


PIPL = "PIPL art. 19 (no longer than the purpose needs) and art. 47 (erase when the period ends)"


class EmergencyConfig(AppConfig):
    name = "yrd.emergency"
    label = "emergency"
    verbose_name = _("Emergency supply alliance")
    manifest = Manifest(
        label="emergency",
        actions={
            ALLIANCE: _("See the alliance's stock totals, readiness map and published figures"),
            VIEW_STOCK: _("See a warehouse's stock in detail: lots, expiry dates and the ledger"),
            MOVE_STOCK: _("Record receipts, issues and adjustments of a warehouse's stock"),
            REQUEST: _("Raise supply requests from incident sites, or from a warehouse to the alliance"),
            RECEIVE: _("Confirm what arrived for a request: quantities, damage, lots and expiry dates"),
            DISPATCH: _("Dispatch a warehouse's commitments"),
            ALLOCATE: _("Run allocation and what-if drills, confirm commitments"),
            INCIDENTS: _("Open and close incidents"),
            CATALOGUE: _("Keep the item catalogue, the alliance members and their warehouses"),
        },
        roles={
            "emergency_coordinator": RoleSpec("应急物资协调员", "Emergency supply coordinator", COORDINATOR_ACTIONS),
            "warehouse_operator": RoleSpec("应急仓库管理员", "Emergency warehouse operator", OPERATOR_ACTIONS),
            "site_requester": RoleSpec("现场需求申报员", "Incident site requester", (REQUEST, RECEIVE)),
            "alliance_admin": RoleSpec("应急联盟管理员", "Alliance administrator", (ALLIANCE, CATALOGUE)),
        },
        audit_events=(
            "emergency.reference.load",
            "emergency.demo.load",
            "emergency.item.save",
            "emergency.member.join",
            "emergency.warehouse.save",
            "emergency.stock.receive",
            "emergency.stock.issue",
            "emergency.stock.adjust",
            "emergency.incident.open",
            "emergency.incident.close",
            "emergency.request.raise",
            "emergency.request.cancel",
            "emergency.request.reschedule",
            "emergency.allocation.run",
            "emergency.allocation.confirm",
            "emergency.allocation.discard",
            "emergency.commitment.cancel",
            "emergency.commitment.dispatch",
            "emergency.commitment.receive",
            "emergency.drill.run",
        ),
        api_router="yrd.emergency.api.router",
        urls="yrd.emergency.urls",
        nav=(
            NavLink(_("Emergency supplies"), "emergency:desk", actions=(ALLOCATE, INCIDENTS, REQUEST)),
            NavLink(_("Warehouses"), "emergency:warehouses", actions=(VIEW_STOCK,)),
            NavLink(_("Readiness"), "emergency:readiness", actions=(ALLIANCE,)),
        ),
        stats={
            "cities_ready_12h": Stat(
                _("Cities reachable with every core supply within 12 hours"),
                "yrd.emergency.stats.cities_ready_12h",
                "%",
            ),
            "warehouses": Stat(_("Alliance emergency warehouses"), "yrd.emergency.stats.warehouses"),
            "delivered_on_time": Stat(
                _("Deliveries received by the needed-by time"), "yrd.emergency.stats.delivered_on_time", "%"
            ),
        },
        reference_loader="yrd.emergency.reference.load_reference",
        retention=(
            Retention(
                "emergency.SupplyRequest",
                "raised_at",
                730,
                PIPL
                + "; 2 years, once the request is closed or cancelled: an assumption covering the incident's review.",
                ~Q(status="open"),
            ),
        ),
        personal_data="yrd.emergency.personal.personal_data",
        demo_loader="yrd.emergency.demo.load_demo",
    )
