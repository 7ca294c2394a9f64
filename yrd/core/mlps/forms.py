from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from yrd.core.mlps.duties import superuser_disabled


class LoginForm(AuthenticationForm):
    """The login form, refusing superuser accounts where SUPERUSER_DISABLED (production)."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_superuser and superuser_disabled():
            raise ValidationError(
                _(
                    "Superuser accounts are disabled on this site. Sign in with an account holding the "
                    "system, security or audit administrator role."
                ),
                code="superuser_disabled",
            )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from your authenticator app"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits your authenticator app shows.")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip()


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action"), max_length=80, required=False)
    actor = forms.CharField(label=_("Actor"), max_length=150, required=False)
    object_type = forms.CharField(label=_("Object type"), max_length=80, required=False)
    jurisdiction = forms.CharField(label=_("Jurisdiction code"), max_length=6, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
