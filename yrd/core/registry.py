"""What each module contributes to the core, declared once in its AppConfig as `manifest`.

The core never imports a module by name: it walks the installed apps and collects manifests. A
system check (core.checks) validates every manifest at start-up, so a role granting an undeclared
action, a dotted path that does not import or an audit event nobody declared fails before the first
request rather than at call time.
"""

from dataclasses import dataclass, field
from datetime import date
from importlib import import_module

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class NavLink:
    """A header link. Public links show to everyone; the others to people holding one of
    `actions` somewhere (or to every signed-in person when `actions` is empty)."""

    label: str
    url_name: str
    public: bool = False
    actions: tuple = ()


@dataclass(frozen=True)
class Stat:
    """A live figure a module publishes: a label, the dotted path of a function returning it, and
    the codes of the plan tasks it reports on (e.g. "3.07"), where the plan tracker shows it."""

    label: str
    function: str
    unit: str = ""
    plan_tasks: tuple = ()


@dataclass(frozen=True)
class LinkedMilestone:
    """A milestone a module keeps toward a plan task (a bid's submission step, a cooperation
    project's milestone), as the plan tracker lists it on the task's page. Only public ones."""

    title: str
    due: date
    done_on: date | None = None
    source: str = ""  # what it belongs to, e.g. the project's title
    url: str = ""  # where the module shows it


@dataclass(frozen=True)
class RoleSpec:
    name_zh: str
    name_en: str
    actions: tuple = ()


@dataclass(frozen=True)
class Retention:
    """How long one record type keeps its personal fields: `days` after `after` (a date field), for
    the records `when` selects (e.g. closed ones; a Q or None for all), and the legal basis. At the
    end `personal_purge` erases the personal fields; the record itself and its audit trail stay."""

    model: str  # "market.Report"
    after: str  # the date field the period runs from
    days: int
    basis: str
    when: object = None  # a Q object, or None


@dataclass(frozen=True)
class ConsentText:
    """A consent a module asks for: the version of its wording and the wording; what withdrawing it
    stops, in the person's words (`withdrawal`); and the personal fields of the record it was given
    for that are erased when it is withdrawn (`erases`). A module whose consent allows an ongoing act
    checks `consent_withdrawn(code, obj)` before the act."""

    version: str
    text: str
    withdrawal: str = ""
    erases: tuple = ()


@dataclass(frozen=True)
class Manifest:
    label: str
    actions: dict = field(default_factory=dict)  # action code -> description
    audit_events: tuple = ()  # every `action` this module writes to the audit log
    # Events that change only what signed-in people see (a submission awaiting review): they leave
    # the public version of the module's data alone, so its public pages stay cached (core.caching).
    private_events: tuple = ()
    api_router: str = ""  # dotted path to a ninja Router
    urls: str = ""  # dotted path to a urls module, mounted at /<label>/
    nav: tuple = ()
    stats: dict = field(default_factory=dict)  # stat code -> Stat: live figures for the plan tracker
    roles: dict = field(default_factory=dict)  # role code -> RoleSpec; actions merge across modules
    reference_loader: str = ""  # dotted path: load the module's real reference data
    demo_loader: str = ""  # dotted path: load clearly marked demo data
    retention: tuple = ()  # Retention rows: how long each record type keeps personal information
    personal_data: str = ""  # dotted path: (user) -> list of sections of what this module holds about them
    consents: dict = field(default_factory=dict)  # consent code -> ConsentText
    plan_milestones: str = ""  # dotted path: (task code) -> list of LinkedMilestone the module keeps

    def dotted_paths(self) -> list[tuple[str, str]]:
        """(what, dotted path) of everything this manifest names by path."""
        paths = [
            ("api_router", self.api_router),
            ("urls", self.urls),
            ("reference_loader", self.reference_loader),
            ("demo_loader", self.demo_loader),
            ("personal_data", self.personal_data),
            ("plan_milestones", self.plan_milestones),
        ]
        paths += [(f"stats[{code}]", stat.function) for code, stat in self.stats.items()]
        return [(what, path) for what, path in paths if path]


class RegistryError(Exception):
    pass


class Registry:
    def __init__(self):
        self.manifests = {}
        self.actions = {}
        self.roles = {}
        self.audit_events = set()
        self.private_events = set()
        self.consents = {}

    def register(self, manifest: Manifest) -> None:
        if manifest.label in self.manifests:
            raise RegistryError(f"Module {manifest.label!r} is registered twice.")
        for code in manifest.actions:
            if code in self.actions:
                raise RegistryError(f"Action {code!r} is declared by two modules.")
        for event in manifest.private_events:
            if event not in manifest.audit_events:
                raise RegistryError(f"Private event {event!r} is not among {manifest.label}'s audit_events.")
        self.manifests[manifest.label] = manifest
        self.actions.update(manifest.actions)
        self.audit_events.update(manifest.audit_events)
        self.private_events.update(manifest.private_events)
        self.consents.update(manifest.consents)
        for code, spec in manifest.roles.items():
            known = self.roles.get(code)
            actions = (known.actions if known else ()) + tuple(spec.actions)
            self.roles[code] = RoleSpec((known or spec).name_zh, (known or spec).name_en, actions)

    def rebuild(self) -> None:
        self.manifests, self.actions, self.roles, self.audit_events = {}, {}, {}, set()
        self.private_events, self.consents = set(), {}
        for config in apps.get_app_configs():
            manifest = getattr(config, "manifest", None)
            if manifest is not None:
                self.register(manifest)

    def loaders(self, kind):
        """The reference or demo loaders, core first, in INSTALLED_APPS order."""
        for manifest in self.manifests.values():
            path = getattr(manifest, f"{kind}_loader")
            if path:
                yield manifest.label, import_string(path)

    def stat(self, code: str):
        """(Stat, function) of a figure a module publishes, e.g. `services.cross_province_handled`;
        KeyError when no installed module declares it."""
        label, _, name = code.partition(".")
        manifest = self.manifests.get(label)
        if manifest is None or name not in manifest.stats:
            raise KeyError(code)
        stat = manifest.stats[name]
        return stat, import_string(stat.function)

    def stats_for_plan_task(self, task_code: str) -> list[str]:
        """Codes of the figures modules publish for a plan task (declared by `Stat.plan_tasks`)."""
        return [
            f"{manifest.label}.{name}"
            for manifest in self.manifests.values()
            for name, stat in manifest.stats.items()
            if task_code in stat.plan_tasks
        ]

    def milestones_for_plan_task(self, task_code: str) -> list[LinkedMilestone]:
        """The public milestones modules keep toward a plan task (declared by `plan_milestones`),
        by due date."""
        found = []
        for manifest in self.manifests.values():
            if manifest.plan_milestones:
                found += import_string(manifest.plan_milestones)(task_code)
        return sorted(found, key=lambda m: (m.due, m.title))

    def problems(self) -> list[str]:
        """What is wrong with the registered manifests, as sentences; empty when all is well."""
        found = []
        for manifest in self.manifests.values():
            found += _manifest_problems(manifest, self.actions)
        return found


def _manifest_problems(manifest: Manifest, declared_actions: dict) -> list[str]:
    found = []
    for code, spec in manifest.roles.items():
        for action in spec.actions:
            if action not in declared_actions:
                found.append(f"{manifest.label}: role {code!r} grants {action!r}, which no module declares.")
    for what, path in manifest.dotted_paths():
        try:
            import_module(path) if what == "urls" else import_string(path)
        except ImportError as error:
            found.append(f"{manifest.label}: {what} {path!r} does not import ({error}).")
    for event in manifest.audit_events:
        if not event.startswith(f"{manifest.label}."):
            found.append(f"{manifest.label}: audit event {event!r} must start with {manifest.label + '.'!r}.")
    for code in manifest.consents:
        if not code.startswith(f"{manifest.label}."):
            found.append(f"{manifest.label}: consent {code!r} must start with {manifest.label + '.'!r}.")
    for rule in manifest.retention:
        found += _retention_problems(manifest.label, rule)
    for link in manifest.nav:
        for action in link.actions:
            if action not in declared_actions:
                found.append(f"{manifest.label}: nav link {link.url_name!r} names the undeclared action {action!r}.")
    return found


def _retention_problems(label: str, rule: Retention) -> list[str]:
    if not rule.model.startswith(f"{label}."):
        return [f"{label}: retention of {rule.model!r} belongs to another module."]
    try:
        model = apps.get_model(rule.model)
    except LookupError:
        return [f"{label}: retention names {rule.model!r}, which is no model."]
    if not getattr(model, "personal_fields", None):
        return [f"{label}: retention of {rule.model!r}, which declares no personal_fields."]
    if not rule.basis.strip() or rule.days <= 0:
        return [f"{label}: retention of {rule.model!r} needs a period in days and its legal basis."]
    return []


registry = Registry()
