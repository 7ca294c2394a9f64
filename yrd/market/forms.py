"""The intake form: every field bounded as the model is, so bad input is refused before the database."""

from django import forms
from django.utils.translation import gettext_lazy as _

from yrd.market.categories import VIOLATION_CATEGORIES
from yrd.market.writes.reports import LIMITS


class ReportForm(forms.Form):
    subject_name = forms.CharField(label=_("Enterprise name"), max_length=LIMITS["subject_name"])
    subject_uscc = forms.CharField(
        label=_("Its Unified Social Credit Code, if you know it"), max_length=LIMITS["subject_uscc"], required=False
    )
    subject_address = forms.CharField(label=_("Its address"), max_length=LIMITS["subject_address"], required=False)
    subject_phone = forms.CharField(label=_("Its phone"), max_length=LIMITS["subject_phone"], required=False)
    category = forms.ChoiceField(label=_("What happened"))
    incident_city = forms.ChoiceField(label=_("City where it happened"))
    place = forms.CharField(label=_("Where exactly"), max_length=LIMITS["place"], required=False)
    occurred_at = forms.DateTimeField(label=_("When (e.g. 2026-03-01 09:30)"), required=False)
    description = forms.CharField(label=_("Description"), max_length=LIMITS["description"], widget=forms.Textarea)
    evidence = forms.FileField(label=_("Evidence (photo, receipt, screenshot)"), required=False)
    reporter_name = forms.CharField(label=_("Your name"), max_length=LIMITS["reporter_name"], required=False)
    reporter_phone = forms.CharField(label=_("Your phone"), max_length=LIMITS["reporter_phone"], required=False)
    reporter_email = forms.EmailField(label=_("Your e-mail"), max_length=LIMITS["reporter_email"], required=False)

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(code, f"{zh} · {en}") for code, (zh, en) in VIOLATION_CATEGORIES.items()]
        self.fields["incident_city"].choices = [(c.code, c.name) for c in cities]
