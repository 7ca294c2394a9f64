from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import Manifest, NavLink, RoleSpec, Stat

EDIT = "culture.resource.edit"
COMPONENT = "culture.component.edit"
REVIEW = "culture.component.review"
BID_READ = "culture.bid.read"
PARKS = "culture.park.manage"
VISITS = "culture.visit.manage"

# The plan's reference data lists one task of area 7 (7.01: interconnected red-tourism routes and
# themed trips). The heritage bid and the cultural parks have no task of their own in that list, so
# every figure of this module reports on 7.01, the area's only task, rather than on a guessed code.
# The bid's milestones are kept here with their plan task code; the plan tracker lists them on the
# task's page through the manifest's `plan_milestones` and shows the counts below as live figures.
CULTURE_TASKS = ("7.01",)


class CultureConfig(AppConfig):
    name = "yrd.culture"
    label = "culture"
    verbose_name = _("Culture and heritage")
    manifest = Manifest(
        label="culture",
        actions={
            EDIT: _("Record and publish heritage resources and their condition in one's city"),
            COMPONENT: _("Edit a component site of the joint World Heritage bid and its dossier"),
            REVIEW: _("Review, accept or return dossier sections of components in one's province"),
            BID_READ: _("Read the whole joint bid, unpublished resources and exact locations"),
            PARKS: _("Register cultural park projects and record their progress"),
            VISITS: _("See and manage the reservations of heritage sites"),
        },
        roles={
            "culture_city_officer": RoleSpec(
                "城市文物文旅部门工作人员",
                "City heritage and tourism officer",
                (EDIT, COMPONENT, BID_READ, VISITS),
            ),
            "culture_province_reviewer": RoleSpec(
                "省级文物部门审核员", "Provincial heritage reviewer", (REVIEW, BID_READ, PARKS)
            ),
            "culture_bid_office": RoleSpec(
                "联合申遗协调办公室",
                "Joint bid coordinating office",
                (EDIT, COMPONENT, REVIEW, BID_READ, PARKS, VISITS),
            ),
        },
        audit_events=(
            "culture.reference.load",
            "culture.resource.save",
            "culture.resource.import",
            "culture.resource.relate",
            "culture.condition.record",
            "culture.component.save",
            "culture.dossier.save",
            "culture.dossier.submit",
            "culture.dossier.accept",
            "culture.dossier.return",
            "culture.dossier.comment",
            "culture.park.save",
            "culture.reservation.book",
            "culture.reservation.cancel",
            "culture.reservation.promote",
            "culture.slots.save",
            "culture.attachment.add",
            "culture.attachment.remove",
            "culture.milestone.save",
            "culture.milestone.done",
        ),
        api_router="yrd.culture.api.router",
        urls="yrd.culture.urls",
        nav=(
            NavLink(_("Heritage"), "culture:catalogue", public=True),
            NavLink(_("World Heritage bid"), "culture:bid", public=True),
        ),
        stats={
            "complete_components": Stat(
                _("Component sites of the water towns' bid with a complete dossier"),
                "yrd.culture.stats.complete_components",
                plan_tasks=CULTURE_TASKS,
            ),
            "park_projects_open": Stat(
                _("Cultural park key projects open to the public"),
                "yrd.culture.stats.park_projects_open",
                plan_tasks=CULTURE_TASKS,
            ),
            "park_projects_building": Stat(
                _("Cultural park key projects under construction"),
                "yrd.culture.stats.park_projects_building",
                plan_tasks=CULTURE_TASKS,
            ),
            "bid_milestones_done": Stat(
                _("Milestones toward the bid's submission completed"),
                "yrd.culture.stats.bid_milestones_done",
                plan_tasks=CULTURE_TASKS,
            ),
            "bid_milestones_late": Stat(
                _("Milestones toward the bid's submission past their due date and not done"),
                "yrd.culture.stats.bid_milestones_late",
                plan_tasks=CULTURE_TASKS,
            ),
            "visits_booked": Stat(
                _("Heritage site visits booked (people)"), "yrd.culture.stats.visits_booked", plan_tasks=CULTURE_TASKS
            ),
        },
        reference_loader="yrd.culture.reference.load_reference",
        demo_loader="yrd.culture.demo.load_demo",
        plan_milestones="yrd.culture.interface.plan_milestones",
    )
