"""Which account an API key speaks for: one rule for the REST API and the Open311 endpoint."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.mlps.twofactor import required_for
from yrd.core.models import ApiToken
from yrd.core.models.access import hash_token

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def account_for_key(key: str, method: str):
    """The active, non-superuser account a live token belongs to, or None. A read-only token used to
    write raises PermissionDenied, so the caller learns why rather than seeing "not logged in"."""
    if not key:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(key), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active or token.user.is_superuser:
        return None
    if not token.two_factor and required_for(token.user):
        # MLPS: a token stands in for the whole sign-in. One made without the second factor (before
        # the person's roles required it) does not carry an officer's rights; they make a new one.
        raise PermissionDenied(
            _(
                "This token was created without two-factor authentication, which your roles now require: "
                "sign in with your authenticator code and create a new token."
            )
        )
    if token.scope == ApiToken.READ and method not in SAFE_METHODS:
        raise PermissionDenied(_("This token is read-only; create a read-and-write token to make changes."))
    return token.user
