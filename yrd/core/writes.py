"""Every write to the core's data: validated, in one transaction, audited."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yrd.core.access import forget_grants, require
from yrd.core.actors import write
from yrd.core.apps import ORGANISATION_MANAGE, PERSON_MANAGE, ROLE_ASSIGN
from yrd.core.audit import audit_record
from yrd.core.mlps import twofactor
from yrd.core.models import ApiToken, Organisation, Role, RoleAssignment, User
from yrd.core.models.access import hash_token
from yrd.core.personal.retention import personal_erase
from yrd.core.personal.reveal import personal_reveal
from yrd.core.personal.subject import consent_record, personal_export

__all__ = [
    "api_token_create",
    "api_token_revoke",
    "consent_record",
    "notification_mark_read",
    "organisation_create",
    "person_create",
    "personal_erase",
    "personal_export",
    "personal_reveal",
    "role_assign",
]


@write
def organisation_create(*, acting_user, name_zh, kind, jurisdiction, name_en="", uscc="", is_demo=False):
    require(acting_user, ORGANISATION_MANAGE, jurisdiction)
    organisation = Organisation(
        name_zh=name_zh,
        name_en=name_en,
        kind=kind,
        jurisdiction=jurisdiction,
        uscc=uscc,
        is_demo=is_demo,
    )
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=acting_user,
        action="core.organisation.create",
        obj=organisation,
        jurisdiction=jurisdiction.code,
        data={"kind": kind, "uscc": organisation.uscc},
    )
    return organisation


@write
def person_create(
    *, acting_user, username, password, display_name="", email="", organisation=None, language="zh-hans", is_staff=False
):
    require(acting_user, PERSON_MANAGE, organisation)
    person = User(
        username=username,
        display_name=display_name,
        email=email,
        organisation=organisation,
        language=language,
        is_staff=is_staff,
    )
    person.set_password(password)
    person.full_clean()
    person.save()
    audit_record(
        actor=acting_user,
        action="core.person.create",
        obj=person,
        data={"organisation": organisation.pk if organisation else None},
    )
    return person


@write
def role_assign(*, acting_user, user, role_code, jurisdiction, organisation=None):
    require(acting_user, ROLE_ASSIGN, jurisdiction)
    role = Role.objects.get(code=role_code)
    RoleAssignment(user=user, role=role, jurisdiction=jurisdiction, organisation=organisation).clean()
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, jurisdiction=jurisdiction, organisation=organisation
    )
    if created:
        audit_record(
            actor=acting_user,
            action="core.role.assign",
            obj=assignment,
            jurisdiction=jurisdiction.code,
            data={"user": user.pk, "role": role_code, "organisation": organisation and organisation.pk},
        )
    forget_grants(user)
    return assignment


@write
def api_token_create(*, acting_user, name, scope=ApiToken.READ, lifetime_days=90):
    """Returns (token, key). The key is shown once; only its hash is stored.

    Superusers may not hold tokens: a leaked token would carry every right in the platform. A program
    runs under an ordinary account holding the roles it needs.

    A person whose roles require two-factor authentication creates tokens only in a session that
    passed it (MLPS): the token records that, and a token made without it does not work for such a
    person (core.tokens), e.g. one made before they were given an officer's role."""
    if acting_user.is_superuser:
        raise PermissionDenied(
            _("Superusers may not hold API tokens: use an ordinary account with the roles the program needs.")
        )
    two_factor = twofactor.verified(acting_user)
    if twofactor.required_for(acting_user) and not two_factor:
        raise PermissionDenied(
            _("Your roles require two-factor authentication: sign in with your authenticator code to create a token.")
        )
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Give the token a name, e.g. the program that will use it.")
    elif len(name) > 100:
        errors["name"] = _("The name may have at most 100 characters (it has %(count)d).") % {"count": len(name)}
    if scope not in dict(ApiToken.SCOPES):
        errors["scope"] = _("Choose read only or read and write.")
    if lifetime_days not in ApiToken.LIFETIMES_DAYS:
        errors["lifetime_days"] = _("Choose a lifetime of 30, 90 or 365 days.")
    if errors:
        raise ValidationError(errors)
    key = ApiToken.new_key()
    token = ApiToken.objects.create(
        user=acting_user,
        name=name,
        scope=scope,
        key_hash=hash_token(key),
        expires_at=timezone.now() + timedelta(days=lifetime_days),
        two_factor=two_factor,
    )
    audit_record(
        actor=acting_user,
        action="core.api_token.create",
        obj=token,
        data={"name": name, "scope": scope, "expires_at": token.expires_at.isoformat()},
    )
    return token, key


@write
def api_token_revoke(*, acting_user, token):
    if token.user_id != acting_user.pk:
        raise PermissionDenied("Only the owner may revoke a token.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(actor=acting_user, action="core.api_token.revoke", obj=token)


@write
def notification_mark_read(*, acting_user, notification):
    if notification.recipient_id != acting_user.pk:
        raise PermissionDenied("Not your notification.")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        audit_record(actor=acting_user, action="core.notification.read", obj=notification)
