"""What the services module holds about a person (core.personal's `personal_data` hook): their
applications, the identity their account applies under, the materials and corrections of their
applications, and remote-window bookings made for their applications."""

from django.utils.translation import gettext_lazy as _

from yrd.core.personal.subject import section
from yrd.services.models import AccountIdentity, Application, Correction, Material, RemoteBooking


def personal_data(user) -> list[dict]:
    applications = Application.objects.filter(applicant_user=user).select_related("item", "receiving_window")
    return [
        section(_("Your identity for applications"), AccountIdentity.objects.filter(user=user)),
        section(_("Your applications"), applications),
        section(_("Materials of your applications"), Material.objects.filter(application__applicant_user=user)),
        section(_("Corrections asked of you"), Correction.objects.filter(application__applicant_user=user)),
        section(
            _("Remote-window bookings for your applications"),
            RemoteBooking.objects.filter(application__applicant_user=user),
        ),
    ]
