from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yrd.core.registry import ConsentText, Manifest, NavLink, Retention, RoleSpec, Stat

APPLY = "services.apply"
RECEIVE = "services.receive"
FORWARD = "services.forward"
ACCEPT = "services.accept"
DECIDE = "services.decide"
DELIVER = "services.deliver"
BOOK = "services.window.book"
SERVE = "services.window.serve"
CATALOGUE = "services.catalogue.manage"

# What a window officer does at the counter, and what the competent authority does.
WINDOW_ACTIONS = (RECEIVE, FORWARD, DELIVER, BOOK)
HANDLING_ACTIONS = (ACCEPT, DECIDE, DELIVER, SERVE)


PIPL = "PIPL art. 19 (no longer than the purpose needs) and art. 47 (erase when the period ends)"
CLOSED = ("rejected", "delivered")
APPLICATION_BASIS = (
    "; 5 years after submission, for closed applications only: an assumption from the records schedules of"
    " government service files, for the deployment's archives office to confirm."
)
CLOSED_APPLICATION_RECORDS = (
    ("Application", "submitted_at", Q(state__in=CLOSED)),
    ("HandlingStep", "application__submitted_at", Q(application__state__in=CLOSED)),
    ("Material", "application__submitted_at", Q(application__state__in=CLOSED)),
    ("Correction", "application__submitted_at", Q(application__state__in=CLOSED)),
    ("ExchangeRecord", "application__submitted_at", Q(application__state__in=CLOSED)),
)


class ServicesConfig(AppConfig):
    name = "yrd.services"
    label = "services"
    verbose_name = _("Cross-province services")
    manifest = Manifest(
        label="services",
        actions={
            APPLY: _("Apply for a cross-province service and follow one's own applications"),
            RECEIVE: _("Receive applications at a service window and check their materials"),
            FORWARD: _("Forward applications received at a window to the competent authority"),
            ACCEPT: _("Accept or reject applications, and ask applicants for corrections"),
            DECIDE: _("Handle and decide applications of the competent authority"),
            DELIVER: _("Hand over decisions (window pickup or courier)"),
            BOOK: _("Book remote virtual window slots and run the window's queue"),
            SERVE: _("Serve applicants through the remote virtual window"),
            CATALOGUE: _("Edit the service catalogue: modes, time limits, materials, authorities"),
        },
        roles={
            "service_officer": RoleSpec("窗口工作人员", "Window officer", WINDOW_ACTIONS),
            "handling_officer": RoleSpec("承办人员", "Handling officer", HANDLING_ACTIONS),
            "applicant": RoleSpec("申请人", "Applicant", (APPLY,)),
            "catalogue_admin": RoleSpec("事项目录管理员", "Service catalogue administrator", (CATALOGUE,)),
        },
        audit_events=(
            "services.reference.load",
            "services.catalogue.item",
            "services.catalogue.material",
            "services.catalogue.material_type",
            "services.catalogue.authority",
            "services.application.submit",
            "services.application.receive",
            "services.application.forward",
            "services.application.accept",
            "services.application.reject",
            "services.application.request_correction",
            "services.application.respond_correction",
            "services.application.start_handling",
            "services.application.decide",
            "services.application.deliver",
            "services.step.complete",
            "services.identity.set",
            "services.clock.recompute",
            "services.exchange.forward",
            "services.exchange.decision",
            "services.exchange.return",
            "services.remote.slot",
            "services.remote.slot_cancel",
            "services.remote.book",
            "services.remote.check_in",
            "services.remote.session_start",
            "services.remote.hand_off",
            "services.remote.session_end",
            "services.remote.no_show",
            "services.remote.cancel",
        ),
        # A new application shows publicly only in the statistics, which are recounted on a timer.
        private_events=("services.application.submit",),
        api_router="yrd.services.api.router",
        urls="yrd.services.urls",
        nav=(
            NavLink(_("Service desk"), "services:desk", actions=(RECEIVE, ACCEPT, DECIDE, SERVE)),
            NavLink(_("My applications"), "services:portal", actions=(APPLY,)),
            NavLink(_("Services"), "services:catalogue", public=True),
            NavLink(_("Catalogue import"), "services:catalogue-import", actions=(CATALOGUE,)),
            NavLink(_("Service statistics"), "services:stats", public=True),
        ),
        stats={
            "cross_province_handled": Stat(
                _("Cross-province applications decided"),
                "yrd.services.stats.cross_province_handled",
                plan_tasks=("3.01",),
            ),
            "on_time_rate": Stat(
                _("Decided within the legal time limit"), "yrd.services.stats.on_time_rate", "%", plan_tasks=("3.01",)
            ),
            "remote_sessions": Stat(
                _("Remote virtual window sessions held"), "yrd.services.stats.remote_sessions", plan_tasks=("3.02",)
            ),
        },
        reference_loader="yrd.services.reference.load_reference",
        retention=(
            *(
                Retention(f"services.{model}", after, 1825, PIPL + APPLICATION_BASIS, when)
                for model, after, when in CLOSED_APPLICATION_RECORDS
            ),
            # The identity an account applies under goes with the account (core's rule for accounts).
            Retention(
                "services.AccountIdentity",
                "user__last_login",
                1825,
                PIPL + "; as the account it belongs to: closed, 5 years after its last sign-in.",
                Q(user__is_active=False),
            ),
            Retention(
                "services.AccountIdentity",
                "bound_at",
                1825,
                PIPL + "; as the account it belongs to: closed and never signed in, 5 years after binding.",
                Q(user__is_active=False, user__last_login__isnull=True),
            ),
            Retention(
                "services.RemoteBooking",
                "booked_at",
                365,
                PIPL + "; 1 year, an assumption: the name serves the appointment only.",
            ),
            Retention(
                "services.RemoteSession", "started_at", 365, PIPL + "; 1 year, an assumption, as for the booking."
            ),
        ),
        personal_data="yrd.services.personal.personal_data",
        consents={
            "services.material_reuse": ConsentText(
                "2026-12",
                _("I consent to the reuse of materials I submitted before (once-only)."),
                withdrawal=_(
                    "the officers can no longer open the materials reused for this application; they ask you"
                    " for them again."
                ),
            ),
            "services.remote_handling": ConsentText(
                "2026-12",
                _(
                    "Signed consent form: the receiving window forwards my application and materials to the"
                    " competent authority of another province."
                ),
                withdrawal=_("the window no longer forwards this application to the other province."),
            ),
        },
        demo_loader="yrd.services.demo.load_demo",
    )
