"""Once-only reuse: what an account may reuse is what it submitted itself, under the identity it
is bound to — never what a typed ID number finds."""

from django.db.models import QuerySet

from yrd.services.models import AccountIdentity, Material, State


def account_identity(user) -> AccountIdentity | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return AccountIdentity.objects.filter(user=user).first()


def reusable_materials(user) -> QuerySet:
    """Materials on the account's own earlier applications, under its bound identity, that were not
    turned down (originals, not earlier reuses of them)."""
    identity = account_identity(user)
    if identity is None:
        return Material.objects.none()
    return (
        Material.objects.filter(
            application__applicant_user=user,
            application__applicant_id_number=identity.id_number,
            application__applicant_uscc=identity.uscc,
            reused_from__isnull=True,
        )
        .exclude(application__state=State.REJECTED)
        .select_related("material_type", "application")
        .order_by("-added_at")
    )
