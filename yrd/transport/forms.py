"""The planner's form: places by name (cities and hubs), cargo, modes, times, objective."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.models import Jurisdiction
from yrd.transport.models import EventKind, Hub, Mode
from yrd.transport.models.plans import OBJECTIVES


def place_choices():
    cities = [(j.code, f"{j.name} ({j.code})") for j in Jurisdiction.objects.filter(level="city").order_by("path")]
    hubs = [(h.code, f"{h.name} ({h.code})") for h in Hub.objects.filter(is_active=True).order_by("code")]
    return [(_("Cities"), cities), (_("Hubs"), hubs)]


class PlannerForm(forms.Form):
    origin = forms.ChoiceField(label=_("From"))
    destination = forms.ChoiceField(label=_("To"))
    tonnes = forms.DecimalField(
        label=_("Tonnes"), required=False, min_value=0.001, max_value=1_000_000, decimal_places=3
    )
    teu = forms.DecimalField(label=_("or TEU"), required=False, min_value=0.01, max_value=100_000, decimal_places=2)
    dangerous_goods = forms.BooleanField(label=_("Dangerous goods"), required=False)
    modes = forms.MultipleChoiceField(
        label=_("Allowed modes"),
        choices=Mode.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("None ticked: every mode. Road to and from hubs is always allowed."),
    )
    departure = forms.DateTimeField(
        label=_("Departure"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    deadline = forms.DateTimeField(
        label=_("Deadline (optional)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    objective = forms.ChoiceField(label=_("Show"), choices=OBJECTIVES, initial="pareto")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = place_choices()
        self.fields["origin"].choices = choices
        self.fields["destination"].choices = choices
        self.fields["departure"].initial = timezone.localtime().replace(second=0, microsecond=0, minute=0)

    def clean(self):
        data = super().clean()
        if (data.get("tonnes") is None) == (data.get("teu") is None):
            raise ValidationError(_("Give the cargo either in tonnes or in TEU."))
        if data.get("origin") and data.get("origin") == data.get("destination"):
            self.add_error("destination", _("Choose a destination other than the origin."))
        return data


class BookForm(forms.Form):
    route_index = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    carrier = forms.ModelChoiceField(label=_("Carrier"), queryset=None, required=False)
    external_reference = forms.CharField(label=_("Your reference"), max_length=80, required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=80)

    def __init__(self, *args, carriers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].queryset = carriers


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Event"), choices=[])
    occurred_at = forms.DateTimeField(
        label=_("Happened at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    eta = forms.DateTimeField(
        label=_("New ETA"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    event_id = forms.CharField(widget=forms.HiddenInput, max_length=80)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = EventKind.choices


MAX_IMPORT_BYTES = 20_000_000


class NetworkImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=[("hubs", _("Hubs")), ("links", _("Links"))])
    format = forms.ChoiceField(label=_("Format"), choices=[("csv", "CSV"), ("geojson", "GeoJSON")])
    file = forms.FileField(
        label=_("File"),
        help_text=_("UTF-8, in the columns of the export. All rows are written or none."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 20 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text.")) from None
