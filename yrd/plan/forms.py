"""Forms of the plan pages. They only parse and check input; services.py does every write."""

import calendar
import uuid
from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.uploads import check_upload
from yrd.plan.models import COMMENT_MAX, NARRATIVE_MAX, ProgressReport
from yrd.plan.selectors import NEEDS_REVISION, NO_AREA
from yrd.plan.status import Status

MAX_EVIDENCE_FILES = 10
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def _month_of(day):
    return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _month_after(day):
    return _month_of(_month_of(day)[1] + timedelta(days=1))


def random_key() -> str:
    """A fresh idempotency key for each rendered form: a form sent twice does its work once, and
    two forms (two tabs) never share one."""
    return uuid.uuid4().hex


class IdempotentForm(forms.Form):
    idempotency_key = forms.CharField(required=False, max_length=80, widget=forms.HiddenInput, initial=random_key)


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(IdempotentForm):
    period_start = forms.DateField(label=_("Period start"), widget=_date_input())
    period_end = forms.DateField(label=_("Period end"), widget=_date_input())
    percent = forms.IntegerField(label=_("Percent complete"), min_value=0, max_value=100)
    risk_level = forms.ChoiceField(
        label=_("Risk level"), choices=ProgressReport.Risk.choices, initial=ProgressReport.Risk.LOW
    )
    kpi_value = forms.DecimalField(
        label=_("KPI value reached"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    narrative_zh = forms.CharField(
        label=_("Narrative (Chinese)"),
        required=False,
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    narrative_en = forms.CharField(
        label=_("Narrative (English)"),
        required=False,
        max_length=NARRATIVE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence = MultipleFileField(
        label=_("Evidence files"),
        required=False,
        help_text=_("PDF, JPEG or PNG, up to 10 MB each; the type is checked by content."),
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, latest=None, revising=None, period=None, **kwargs):
        """`latest`: the task's latest report that was not returned; a new form starts from it
        (its risk and percent, the month after its period) so that a report does not silently
        lower the risk or the progress the previous one stated.
        `revising`: a returned report being revised; the form starts from its period and figures.
        `period`: a day whose month the form is for (when no returned report matches it)."""
        super().__init__(*args, **kwargs)
        self.revising = None if self.is_bound else revising
        if not self.is_bound:
            if revising is not None:
                start, end = revising.period_start, revising.period_end
                for name in ("percent", "risk_level", "kpi_value", "narrative_zh", "narrative_en"):
                    self.initial.setdefault(name, getattr(revising, name))
            elif period is not None:
                start, end = _month_of(period)
                if latest is not None:
                    self.initial.setdefault("percent", latest.percent)
                    self.initial.setdefault("risk_level", latest.risk_level)
            elif latest is None:
                start, end = _month_of(timezone.localdate())
            else:
                start, end = _month_after(latest.period_end)
                self.initial.setdefault("percent", latest.percent)
                self.initial.setdefault("risk_level", latest.risk_level)
            self.initial.setdefault("period_start", start)
            self.initial.setdefault("period_end", end)

    def clean_evidence(self):
        files = self.cleaned_data["evidence"]
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(_("Attach at most %(n)s files.") % {"n": MAX_EVIDENCE_FILES})
        errors = []
        for upload in files:
            try:
                check_upload(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period ends before it starts."))
        if not (data.get("narrative_zh", "").strip() or data.get("narrative_en", "").strip()):
            self.add_error("narrative_zh", _("Describe the progress in Chinese or English."))
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("return", _("Return for revision"))])
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )


class ListFilterForm(forms.Form):
    """Filters of a plan list (GET): text, area, province or city. Choices come from the plan and
    the jurisdictions; `filters()` gives what the selectors take."""

    NO_AREA = NO_AREA

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Code or title")}),
    )
    area = forms.ChoiceField(label=_("Area"), required=False)
    jurisdiction = forms.ChoiceField(label=_("Province or city"), required=False)

    def __init__(self, *args, areas=(), jurisdictions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.places = list(jurisdictions)
        self.fields["area"].choices = [
            ("", _("All areas")),
            *[(str(a.number), f"{a.number}. {a.title}") for a in areas],
            (self.NO_AREA, _("Area not stated")),
        ]
        choices = [("", _("Whole region"))]
        for j in self.places:
            if j.level == "province":
                choices.append((j.code, j.name))
            elif j.code != j.parent.code:  # Shanghai the city is Shanghai the province
                choices.append((j.code, f"\u2003{j.name}"))
        self.fields["jurisdiction"].choices = choices

    def filters(self) -> dict:
        """{search, area (a number, NO_AREA or None), jurisdiction (or None), ...the rest} of a
        valid form; nothing filtered when the form is not."""
        data = self.cleaned_data if self.is_valid() else {}
        code = data.get("jurisdiction")
        matches = [j for j in self.places if j.code == code]
        return {
            **{name: value or None for name, value in data.items() if name not in ("q", "area", "jurisdiction")},
            "search": (data.get("q") or "").strip(),
            "area": data.get("area") or None,
            # A code naming a province and a city (Shanghai's) means the province.
            "jurisdiction": min(matches, key=lambda j: len(j.path)) if matches else None,
        }


class TaskFilterForm(ListFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False)

    field_order = ["q", "area", "status", "jurisdiction"]

    def __init__(self, *args, statuses=tuple(Status), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All statuses")), *[(s.value, s.label) for s in statuses]]


class ReportFilterForm(ListFilterForm):
    NEEDS_REVISION = NEEDS_REVISION

    state = forms.ChoiceField(label=_("Review"), required=False)

    field_order = ["q", "state", "area", "jurisdiction"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [
            ("", _("All reports")),
            *ProgressReport.Review.choices,
            (self.NEEDS_REVISION, _("Returned, not yet revised")),
        ]


class NameFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name")}),
    )


class BulkForm(IdempotentForm):
    SHIFT, SET_END, DONE, PUBLISH, UNPUBLISH = "shift", "set_end", "done", "publish", "unpublish"

    tasks = forms.TypedMultipleChoiceField(coerce=int, error_messages={"required": _("Select at least one task.")})
    action = forms.ChoiceField(
        label=_("Change"),
        choices=[
            (SHIFT, _("Shift dates by N days")),
            (SET_END, _("Set the end date")),
            (DONE, _("Mark done")),
            (PUBLISH, _("Publish on the transparency page")),
            (UNPUBLISH, _("Withdraw from the transparency page")),
        ],
    )
    days = forms.IntegerField(label=_("Days (N)"), required=False, min_value=-3650, max_value=3650)
    end = forms.DateField(label=_("End date"), required=False, widget=_date_input())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any id is accepted here; the view refuses ids outside the caller's scope as a whole.
        getlist = getattr(self.data, "getlist", None)
        raw = getlist("tasks") if getlist else self.data.get("tasks", [])
        self.fields["tasks"].choices = [(v, v) for v in raw if str(v).isdigit()]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == self.SHIFT and not data.get("days"):
            self.add_error("days", _("Give the number of days to shift by (negative moves earlier)."))
        if action == self.SET_END and not data.get("end"):
            self.add_error("end", _("Give the new end date."))
        return data

    def service_arguments(self):
        data, action = self.cleaned_data, self.cleaned_data["action"]
        return {
            "shift_days": data["days"] if action == self.SHIFT else 0,
            "new_end": data["end"] if action == self.SET_END else None,
            "complete": action == self.DONE,
            "publish": {self.PUBLISH: True, self.UNPUBLISH: False}.get(action),
            "idempotency_key": data["idempotency_key"] or None,
        }


class BaselineForm(IdempotentForm):
    name = forms.CharField(label=_("Name"), max_length=120)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("name", _("Baseline of %(date)s") % {"date": timezone.localdate()})
