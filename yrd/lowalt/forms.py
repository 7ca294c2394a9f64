"""The page form for filing a single-volume intent (programs file several volumes through the API)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from yrd.core.models import Organisation
from yrd.lowalt.deconfliction import VolumeInput
from yrd.lowalt.models import Aircraft, Site
from yrd.lowalt.writes.intents import IntentInput
from yrd.lowalt.writes.registry import SiteInput


class WriteErrors:
    """Puts a write's ValidationError ({field: messages}) on the form: on the field `WRITE_PLACES` names for
    the key's last part (`volumes.0.altitude` -> `altitude`), else on the field of that name, else on the form."""

    WRITE_PLACES: dict[str, str] = {}

    def add_write_errors(self, errors: dict) -> None:
        for field, messages in errors.items():
            target = self.WRITE_PLACES.get(field.rsplit(".", 1)[-1], field)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)


class IntentForm(WriteErrors, forms.Form):
    aircraft = forms.ChoiceField(label=_("Aircraft"))
    purpose = forms.CharField(label=_("Purpose"), max_length=200)
    kind = forms.ChoiceField(label=_("Shape"), choices=[("route", _("Route")), ("area", _("Area"))])
    outline = forms.CharField(
        label=_("Points"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One “longitude, latitude” per line (WGS 84), in flight order for a route."),
    )
    buffer_m = forms.FloatField(label=_("Buffer (m)"), initial=30)
    lower_m = forms.FloatField(label=_("Lower limit (m true height)"), initial=30)
    upper_m = forms.FloatField(label=_("Upper limit (m true height)"), initial=60)
    start = forms.DateTimeField(label=_("Start"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    end = forms.DateTimeField(label=_("End"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    emergency = forms.BooleanField(label=_("Emergency operation"), required=False)

    def __init__(self, *args, aircraft=(), may_file_emergency=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aircraft"].choices = [
            (a.registration, f"{a.registration} · {a.model_name} ({a.get_aircraft_class_display()})") for a in aircraft
        ]
        if not may_file_emergency:
            del self.fields["emergency"]

    def clean_outline(self):
        return read_points(self.cleaned_data["outline"])

    def intent_input(self) -> IntentInput:
        data = self.cleaned_data
        volume = VolumeInput(
            data["kind"],
            data["outline"],
            data["buffer_m"],
            data["lower_m"],
            data["upper_m"],
            data["start"],
            data["end"],
        )
        return IntentInput(data["aircraft"], data["purpose"], [volume], data.get("emergency", False))

    WRITE_PLACES = {"outline": "outline", "buffer": "buffer_m", "altitude": "lower_m", "window": "start"}


class ConsentForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class RestrictionImportForm(forms.Form):
    province = forms.ChoiceField(label=_("Province"))
    file = forms.FileField(label=_("GeoJSON file"))

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [(p.code, p.name) for p in provinces]


def read_points(text: str) -> list[list[float]]:
    """One “longitude, latitude” per line (a full-width comma is read as a comma); blank lines skipped."""
    points = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lon, lat = (float(part) for part in line.replace("，", ",").split(","))
        except ValueError:
            raise ValidationError(
                _("Line %(number)s is not “longitude, latitude”: %(line)s") % {"number": number, "line": line[:60]}
            ) from None
        points.append([lon, lat])
    return points


WEEKDAY_CHOICES = [
    (0, _("Mon")),
    (1, _("Tue")),
    (2, _("Wed")),
    (3, _("Thu")),
    (4, _("Fri")),
    (5, _("Sat")),
    (6, _("Sun")),
]


class RestrictionForm(WriteErrors, forms.Form):
    """One restriction as an authority enters it; it becomes a GeoJSON Feature checked as an imported one."""

    province = forms.ChoiceField(label=_("Province"))
    ref = forms.CharField(label=_("Reference"), max_length=40, help_text=_("The authority's own reference"))
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("no_fly", _("No-fly area")), ("controlled", _("Controlled airspace"))]
    )
    outline = forms.CharField(
        label=_("Outline"),
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One “longitude, latitude” per line (WGS 84), around the area; at least three points."),
    )
    lower_m = forms.FloatField(label=_("Lower limit (m true height)"), initial=0)
    upper_m = forms.FloatField(label=_("Upper limit (m true height)"), initial=120)
    active_type = forms.ChoiceField(
        label=_("Active"),
        choices=[("always", _("Always")), ("weekly", _("Every week")), ("window", _("Once"))],
        initial="always",
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days"), choices=WEEKDAY_CHOICES, coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    daily_start = forms.TimeField(
        label=_("From (local time)"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    daily_end = forms.TimeField(
        label=_("Until (local time)"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    window_start = forms.DateTimeField(
        label=_("Start"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    window_end = forms.DateTimeField(
        label=_("End"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("The publication, notice or act the outline and limits come from."),
    )
    indicative = forms.BooleanField(
        label=_("Indicative"),
        required=False,
        help_text=_("Tick when the volume is an approximation standing in for one not yet published."),
    )

    WRITE_PLACES = {"id": "ref", "geometry": "outline", "altitude": "lower_m", "active": "active_type"}

    def __init__(self, *args, provinces=(), restriction=None, **kwargs):
        if restriction is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_of(restriction)
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [(p.code, p.name) for p in provinces]
        if restriction is not None:
            self.fields["province"].disabled = True
            self.fields["ref"].disabled = True

    def clean_outline(self):
        return read_points(self.cleaned_data["outline"])

    def clean(self):
        data = super().clean()
        kind = data.get("active_type")
        if kind == "weekly" and not (data.get("weekdays") and data.get("daily_start") and data.get("daily_end")):
            self.add_error("weekdays", _("A weekly restriction needs its days and its hours."))
        if kind == "window" and not (data.get("window_start") and data.get("window_end")):
            self.add_error("window_start", _("A one-off restriction needs its start and end."))
        return data

    def active(self) -> dict:
        data = self.cleaned_data
        if data["active_type"] == "weekly":
            return {
                "type": "weekly",
                "weekdays": sorted(data["weekdays"]),
                "start": data["daily_start"].strftime("%H:%M"),
                "end": data["daily_end"].strftime("%H:%M"),
            }
        if data["active_type"] == "window":
            return {"type": "windows", "windows": [[data["window_start"].isoformat(), data["window_end"].isoformat()]]}
        return {"type": "always"}

    def feature(self) -> dict:
        data = self.cleaned_data
        ring = data["outline"]
        return {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]] if ring else []]},
            "properties": {
                "id": data["ref"],
                "name_zh": data["name_zh"],
                "name_en": data["name_en"],
                "kind": data["kind"],
                "lower_m": data["lower_m"],
                "upper_m": data["upper_m"],
                "active": self.active(),
                "source": data["source"],
                "indicative": data["indicative"],
            },
        }


def initial_of(restriction) -> dict:
    """The form's fields for a stored restriction (its active times as the form offers them)."""
    active = restriction.active or {}
    initial = {
        "province": restriction.province.code,
        "ref": restriction.ref,
        "name_zh": restriction.name_zh,
        "name_en": restriction.name_en,
        "kind": restriction.kind,
        "outline": "\n".join(f"{lon}, {lat}" for lon, lat in restriction.outline),
        "lower_m": restriction.lower_m,
        "upper_m": restriction.upper_m,
        "source": restriction.source,
        "indicative": restriction.indicative,
        "active_type": "always",
    }
    if active.get("type") == "weekly":
        initial.update(
            active_type="weekly", weekdays=active["weekdays"], daily_start=active["start"], daily_end=active["end"]
        )
    elif active.get("type") == "windows" and len(active.get("windows", [])) == 1:
        start, end = active["windows"][0]
        initial.update(active_type="window", window_start=start[:16], window_end=end[:16])
    return initial


class AircraftForm(WriteErrors, forms.Form):
    registration = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        help_text=_("The real-name registration number of the unmanned aircraft"),
    )
    model_name = forms.CharField(label=_("Model"), max_length=100)
    aircraft_class = forms.ChoiceField(label=_("Class"), choices=Aircraft.Class.choices)
    empty_weight_kg = forms.DecimalField(label=_("Empty weight (kg)"), max_digits=7, decimal_places=3, min_value=0)
    max_takeoff_weight_kg = forms.DecimalField(
        label=_("Maximum take-off weight (kg)"), max_digits=7, decimal_places=3, min_value=0
    )


class SiteForm(WriteErrors, forms.Form):
    """A take-off and landing site or vertiport, registered by an infrastructure officer of its city."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Site.Kind.choices)
    name_zh = forms.CharField(label=_("Name (Chinese)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    city = forms.ChoiceField(label=_("City"))
    owner_uscc = forms.CharField(
        label=_("Owner's USCC"), max_length=18, help_text=_("The unified social credit code of the owning organisation")
    )
    longitude = forms.DecimalField(label=_("Longitude"), max_digits=9, decimal_places=6)
    latitude = forms.DecimalField(label=_("Latitude"), max_digits=8, decimal_places=6)
    pads = forms.IntegerField(label=_("Pads"), min_value=1, max_value=1000, initial=1)
    charging_points = forms.IntegerField(label=_("Charging points"), min_value=0, max_value=1000, initial=0)
    status = forms.ChoiceField(label=_("Status"), choices=Site.Status.choices)

    WRITE_PLACES = {"owner": "owner_uscc"}

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.cities = {c.code: c for c in cities}
        self.fields["city"].choices = [(c.code, c.name) for c in cities]

    def clean_owner_uscc(self):
        code = self.cleaned_data["owner_uscc"].strip().upper()
        owner = Organisation.objects.filter(uscc=code).first()
        if owner is None:
            raise ValidationError(_("No organisation is registered with the USCC %(code)s.") % {"code": code})
        return owner

    def site_input(self) -> SiteInput:
        data = dict(self.cleaned_data)
        data["city"], data["owner"] = self.cities[data["city"]], data.pop("owner_uscc")
        return SiteInput(**data)
