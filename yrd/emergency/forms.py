"""Forms of the emergency pages: types and lengths checked here, everything else by the writes (which
name each faulty field or line). Multi-line forms carry a fixed number of rows; blank rows are ignored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from yrd.core.models import Jurisdiction
from yrd.emergency.models import Incident, Item, Priority, StockTransaction

ROWS = 6
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _items():
    return Item.objects.order_by("category", "code")


class ItemRowsMixin:
    """`item_<n>` / `quantity_<n>` rows (plus any per-row extras a subclass adds)."""

    row_extras: dict = {}

    def add_rows(self, rows: int = ROWS) -> None:
        for n in range(1, rows + 1):
            self.fields[f"item_{n}"] = forms.ModelChoiceField(
                _items(), required=False, to_field_name="code", label=_("Item %(n)d") % {"n": n}
            )
            self.fields[f"quantity_{n}"] = forms.IntegerField(required=False, label=_("Quantity"))
            for name, make in self.row_extras.items():
                self.fields[f"{name}_{n}"] = make()

    def rows(self) -> list[dict]:
        result = []
        for n in range(1, ROWS + 1):
            item = self.cleaned_data.get(f"item_{n}")
            if item is None:
                continue
            row = {"item": item, "quantity": self.cleaned_data.get(f"quantity_{n}")}
            row |= {name: self.cleaned_data.get(f"{name}_{n}") for name in self.row_extras}
            result.append(row)
        return result

    def row_fields(self):
        """[(item field, quantity field, [extra fields])] for the template."""
        return [
            (self[f"item_{n}"], self[f"quantity_{n}"], [self[f"{name}_{n}"] for name in self.row_extras])
            for n in range(1, ROWS + 1)
        ]


class IncidentForm(forms.Form):
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=100)
    name_en = forms.CharField(label=_("Name (English)"), max_length=150, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Incident.Kind.choices)
    jurisdiction = forms.ModelChoiceField(
        Jurisdiction.objects.exclude(level=Jurisdiction.Level.REGION).order_by("path"), label=_("Where")
    )
    started_at = forms.DateTimeField(label=_("Started at"), widget=DATETIME)
    description = forms.CharField(label=_("Description"), max_length=2000, required=False, widget=forms.Textarea)


class RequestForm(ItemRowsMixin, forms.Form):
    incident = forms.ModelChoiceField(Incident.objects.none(), label=_("Incident"), to_field_name="number")
    site = forms.CharField(label=_("Site"), max_length=200)
    latitude = forms.DecimalField(label=_("Latitude"), max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label=_("Longitude"), max_digits=9, decimal_places=6)
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int)
    needed_by = forms.DateTimeField(label=_("Needed by"), widget=DATETIME)
    contact_name = forms.CharField(label=_("Contact person"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=20, required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, incidents=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["incident"].queryset = incidents if incidents is not None else Incident.objects.none()
        self.add_rows()


class RestockForm(ItemRowsMixin, forms.Form):
    """A warehouse's own request to the alliance."""

    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int, initial=3)
    needed_by = forms.DateTimeField(label=_("Needed by"), widget=DATETIME)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_rows()


class ReceiptForm(ItemRowsMixin, forms.Form):
    row_extras = {
        "lot": lambda: forms.CharField(required=False, max_length=40, label=_("Lot number")),
        "expires": lambda: forms.DateField(required=False, label=_("Expires on"), widget=DATE),
    }
    counterpart = forms.CharField(label=_("Delivered by (supplier or donor)"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_rows()


class IssueForm(ItemRowsMixin, forms.Form):
    counterpart = forms.CharField(label=_("Received by"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_rows()


class AdjustForm(forms.Form):
    lot = forms.IntegerField(widget=forms.HiddenInput)
    change = forms.IntegerField(label=_("Change (negative takes out)"))
    reason = forms.ChoiceField(label=_("Reason"), choices=StockTransaction.Reason.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RescheduleForm(forms.Form):
    needed_by = forms.DateTimeField(label=_("New needed-by time"), widget=DATETIME)
    reason = forms.CharField(label=_("Reason"), max_length=500)


class DispatchForm(forms.Form):
    tonnes = forms.DecimalField(label=_("Load (tonnes)"), max_digits=9, decimal_places=3, required=False, min_value=0)
    shipment = forms.CharField(
        label=_("Booked elsewhere (reference)"),
        max_length=60,
        required=False,
        help_text=_("Leave empty and the platform books the fastest route with the transport module."),
    )


class ReadinessForm(forms.Form):
    hours = forms.TypedChoiceField(
        label=_("Within"),
        choices=[(h, _("%(h)d hours") % {"h": h}) for h in (6, 12, 24, 48, 72)],
        coerce=int,
        initial=12,
    )
    item = forms.ModelChoiceField(_items(), label=_("Item"), to_field_name="code", required=False)


class DrillForm(forms.Form):
    name = forms.CharField(label=_("Scenario"), max_length=200)
    days = forms.IntegerField(label=_("Days to cover"), min_value=1, max_value=30, initial=3)
    within_hours = forms.IntegerField(label=_("Needed within (hours)"), min_value=1, max_value=240, initial=24)
    priority = forms.TypedChoiceField(label=_("Priority"), choices=Priority.choices, coerce=int, initial=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        cities = Jurisdiction.objects.filter(level=Jurisdiction.Level.CITY).order_by("code")
        for n in range(1, 5):
            self.fields[f"city_{n}"] = forms.ModelChoiceField(
                cities, required=False, to_field_name="code", label=_("City")
            )
            self.fields[f"people_{n}"] = forms.IntegerField(required=False, min_value=1, label=_("People displaced"))

    def displaced(self) -> dict:
        return {
            self.cleaned_data[f"city_{n}"]: self.cleaned_data[f"people_{n}"]
            for n in range(1, 5)
            if self.cleaned_data.get(f"city_{n}") and self.cleaned_data.get(f"people_{n}")
        }

    def city_rows(self):
        return [(self[f"city_{n}"], self[f"people_{n}"]) for n in range(1, 5)]
