"""Forms of the services pages. They only parse input; the services validate and write."""

from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yrd.core.access import filter_visible, grants
from yrd.core.models import Organisation
from yrd.services.apps import SERVE
from yrd.services.models import CompetentAuthority, RemoteSlot


def servable_authorities(user):
    """The competent authorities of remote items for which `user` may serve on the remote window."""
    authorities = Organisation.objects.filter(
        pk__in=CompetentAuthority.objects.filter(item__remote=True).values("organisation")
    ).select_related("jurisdiction")
    return filter_visible(
        authorities, user, SERVE, jurisdiction_fields=["jurisdiction"], organisation_field="pk"
    ).order_by("jurisdiction__code", "name_zh")


def own_authority(user, authorities):
    """The one authority among `authorities` that is the officer's own, or None: the organisation
    of the user or of their serving role, else the authority of the slots they published before."""
    own = {user.organisation_id} | {g.organisation_id for g in grants(user) if SERVE in g.actions}
    mine = [a for a in authorities if a.pk in own]
    if not mine:
        published = set(RemoteSlot.objects.filter(officer=user).values_list("authority", flat=True))
        mine = [a for a in authorities if a.pk in published]
    return mine[0] if len(mine) == 1 else None


class AuthorityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.jurisdiction.name} · {obj.name}"


class SlotForm(forms.Form):
    """A slot the officer publishes for themselves: a day, a start and an end time."""

    # The service names these model fields; the form shows their errors next to its own.
    SERVICE_FIELDS = {"starts_at": "starts", "ends_at": "ends"}

    authority = AuthorityChoiceField(label=_("Competent authority"), queryset=Organisation.objects.none())
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    starts = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    ends = forms.TimeField(label=_("Ends"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    capacity = forms.IntegerField(
        label=_("Capacity"),
        initial=1,
        widget=forms.NumberInput(attrs={"min": 1}),
    )
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 40, "placeholder": "https://"}),
        help_text=_("Optional; the video call itself runs outside the platform."),
    )

    def __init__(self, *args, authorities, own=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["authority"]
        field.queryset = authorities
        if len(authorities) == 1:  # nothing to choose
            own = authorities[0]
        # With the officer's own authority known it is the default; otherwise they must choose.
        if own is not None:
            field.empty_label, field.initial = None, own
        else:
            field.empty_label = _("Choose the competent authority you serve for")

    def times(self):
        """(starts_at, ends_at) in the server's time zone, from the day and the two times."""
        day = self.cleaned_data["day"]
        return tuple(timezone.make_aware(datetime.combine(day, self.cleaned_data[name])) for name in ("starts", "ends"))

    def add_service_errors(self, error):
        """Show a service's ValidationError next to the fields it names."""
        for name, messages in error.message_dict.items():
            field = self.SERVICE_FIELDS.get(name, name)
            self.add_error(field if field in self.fields else None, messages)
