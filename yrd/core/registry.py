"""What each module contributes to the core, declared once in its AppConfig as `manifest`.

The core never imports a module by name: it walks the installed apps and collects manifests.
"""

from dataclasses import dataclass, field

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
class Manifest:
    label: str
    actions: dict = field(default_factory=dict)  # action code -> description
    api_router: str = ""  # dotted path to a ninja Router
    urls: str = ""  # dotted path to a urls module, mounted at /<label>/
    nav: tuple = ()
    stats: dict = field(default_factory=dict)  # stat code -> Stat: live figures for the plan tracker
    roles: dict = field(default_factory=dict)  # role code -> RoleSpec; actions merge across modules
    reference_loader: str = ""  # dotted path: load the module's real reference data
    demo_loader: str = ""  # dotted path: load clearly marked demo data


@dataclass(frozen=True)
class Stat:
    """A live figure a module publishes: a label and the dotted path of a function returning it."""

    label: str
    function: str
    unit: str = ""


@dataclass(frozen=True)
class RoleSpec:
    name_zh: str
    name_en: str
    actions: tuple = ()


class RegistryError(Exception):
    pass


class Registry:
    def __init__(self):
        self.manifests = {}
        self.actions = {}
        self.roles = {}

    def register(self, manifest):
        if manifest.label in self.manifests:
            raise RegistryError(f"Module {manifest.label!r} is registered twice.")
        for code in manifest.actions:
            if code in self.actions:
                raise RegistryError(f"Action {code!r} is declared by two modules.")
        self.manifests[manifest.label] = manifest
        self.actions.update(manifest.actions)
        for code, spec in manifest.roles.items():
            known = self.roles.get(code)
            actions = (known.actions if known else ()) + tuple(spec.actions)
            self.roles[code] = RoleSpec((known or spec).name_zh, (known or spec).name_en, actions)

    def rebuild(self):
        self.manifests, self.actions, self.roles = {}, {}, {}
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

    def stat(self, code):
        """(Stat, function) of a figure a module publishes, e.g. `services.cross_province_handled`;
        KeyError when no installed module declares it."""
        label, _, name = code.partition(".")
        manifest = self.manifests.get(label)
        if manifest is None or name not in manifest.stats:
            raise KeyError(code)
        stat = manifest.stats[name]
        return stat, import_string(stat.function)


registry = Registry()
