"""The forms of the application page, derived from the transition table: one form per transition
the person may perform now, each field asked for the way its input's Widget says."""

from dataclasses import dataclass

from yrd.core.access import can
from yrd.core.selectors import provinces
from yrd.services.apps import DECIDE
from yrd.services.models import Application
from yrd.services.workflow import TRANSITIONS, allowed_transitions, open_steps, steps_scope
from yrd.services.workflow.inputs import Widget, widget


@dataclass
class FieldView:
    name: str
    widget: Widget
    choices: list  # [(value, label, selected)]


@dataclass
class TransitionForm:
    name: str
    heading: str
    label: str
    fields: list[FieldView]

    @property
    def has_files(self) -> bool:
        return any(f.widget.kind in ("uploads", "document") for f in self.fields)


def _item_types(application: Application) -> list:
    return [r.material_type for r in application.item.materials.select_related("material_type")]


def _requested_types(application: Application) -> list:
    open_request = [c for c in application.corrections.all() if c.responded_at is None]
    return list(open_request[-1].material_types.all()) if open_request else []


def _choices(source: str, user, application: Application) -> list:
    """(value, label, selected) of what a field offers on this application's page."""
    if source == "provinces":
        current = {s.jurisdiction_id for s in application.steps.all()}
        return [(p.code, p.name, p.pk in current) for p in provinces()]
    if source == "open_steps":  # the steps this person may complete now
        steps = [s for s in open_steps(application) if can(user, DECIDE, steps_scope([s]))]
        return [(s.jurisdiction.code, f"{s.order}. {s.jurisdiction.name}", False) for s in steps]
    if source == "delivery_methods":
        methods = [Application.Delivery.COURIER] + (
            [Application.Delivery.WINDOW] if application.receiving_window else []
        )
        return [(m.value, m.label, False) for m in methods]
    if source == "item_types":
        return [(t.code, t.name, False) for t in _item_types(application)]
    if source == "requested_types":
        return [(t.code, t.name, False) for t in _requested_types(application)]
    return []


def transition_forms(user, application: Application) -> list[TransitionForm]:
    forms = []
    for name in allowed_transitions(user, application):
        transition = TRANSITIONS[name]
        fields = []
        for field_name, info in transition.input.model_fields.items():
            shown = widget(info) or Widget("text")
            if shown.only_for_modes and application.mode not in shown.only_for_modes:
                continue
            fields.append(FieldView(field_name, shown, _choices(shown.choices, user, application)))
        if any(f.widget.kind == "select" and f.widget.choices and not f.choices for f in fields):
            continue  # nothing to choose from: nothing this person can do with this form now
        forms.append(TransitionForm(name, transition.heading, transition.label, fields))
    return forms
