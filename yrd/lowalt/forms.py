"""The page form for filing a single-volume intent (programs file several volumes through the API)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from yrd.lowalt.deconfliction import VolumeInput
from yrd.lowalt.writes.intents import IntentInput


class IntentForm(forms.Form):
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
        points = []
        for number, line in enumerate(self.cleaned_data["outline"].splitlines(), start=1):
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

    def add_write_errors(self, errors: dict) -> None:
        """Put a write's {field: messages} on the form; `volumes.0.altitude` lands on the altitude fields."""
        places = {"outline": "outline", "buffer": "buffer_m", "altitude": "lower_m", "window": "start"}
        for field, messages in errors.items():
            target = places.get(field.rsplit(".", 1)[-1], field)
            for message in messages:
                self.add_error(target if target in self.fields else None, message)


class ConsentForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class RestrictionImportForm(forms.Form):
    province = forms.ChoiceField(label=_("Province"))
    file = forms.FileField(label=_("GeoJSON file"))

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].choices = [(p.code, p.name) for p in provinces]
