"""The matching board (供需对接): an OEM posts a need; it contacts candidate suppliers through the
platform; the outcome of each contact is recorded, and an agreed contact marks the need matched."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yrd.core import idempotency
from yrd.core.access import require
from yrd.core.actors import write
from yrd.core.audit import audit_record
from yrd.core.errors import Conflict
from yrd.core.models import User
from yrd.core.notifications import notify
from yrd.core.registry import registry
from yrd.industry.apps import MATCH
from yrd.industry.models import Component, Contact, Enterprise, Need

from .common import Problems


@write
def need_post(
    *,
    acting_user,
    customer: Enterprise,
    component: Component,
    volume,
    needed_by: date,
    note: str = "",
    required_certification: str = "",
    is_demo: bool = False,
    idempotency_key: str = "",
) -> Need:
    require(acting_user, MATCH, customer)
    problems = Problems()
    problems.number("volume", volume, minimum=0, strict_minimum=True)
    problems.text("note", note, 500)
    problems.text("required_certification", required_certification, 60)
    if not isinstance(needed_by, date):
        problems.add("needed_by", _("Expected a date."))
    problems.raise_if_any()
    request = {"customer": customer.pk, "component": component.code, "volume": str(volume), "needed_by": str(needed_by),
               "note": note, "certification": required_certification}  # fmt: skip
    earlier = idempotency.claim(
        acting_user=acting_user, operation="industry.need.post", key=idempotency_key, request=request
    )
    if earlier is not None:
        return Need.objects.get(pk=earlier)
    need = Need.objects.create(
        customer=customer,
        component=component,
        volume=Decimal(volume),
        needed_by=needed_by,
        note=note.strip(),
        required_certification=required_certification.strip(),
        posted_at=timezone.now(),
        is_demo=is_demo,
    )
    audit_record(actor=acting_user, action="industry.need.post", obj=need, jurisdiction=customer.city.code,
                 data={"component": component.code})  # fmt: skip
    idempotency.fulfil(acting_user=acting_user, operation="industry.need.post", key=idempotency_key, result_id=need.pk)
    return need


@write
def contact_record(*, acting_user, need: Need, supplier: Enterprise, message: str, is_demo: bool = False) -> Contact:
    require(acting_user, MATCH, need)
    if need.state != Need.State.OPEN:
        raise Conflict(_("This need is %(state)s; open a new one.") % {"state": need.get_state_display()})
    problems = Problems()
    problems.text("message", message, 1000, required=True)
    if supplier.pk == need.customer_id:
        problems.add("supplier", _("An enterprise cannot supply its own need."))
    if Contact.objects.filter(need=need, supplier=supplier).exists():
        problems.add("supplier", _("This supplier has already been contacted about this need."))
    problems.raise_if_any()
    contact = Contact.objects.create(
        need=need, supplier=supplier, message=message.strip(), contacted_at=timezone.now(), is_demo=is_demo
    )
    audit_record(actor=acting_user, action="industry.need.contact", obj=contact, jurisdiction=need.customer.city.code,
                 data={"need": need.pk, "supplier": supplier.pk})  # fmt: skip
    tell_supplier(contact)
    return contact


def tell_supplier(contact: Contact) -> None:
    """The supplier's people on the board get the customer's message in their inbox (and by e-mail
    after commit), in their own language."""
    roles = [code for code, spec in registry.roles.items() if MATCH in spec.actions]
    people = User.objects.filter(
        is_active=True,
        role_assignments__organisation=contact.supplier.organisation,
        role_assignments__role__code__in=roles,
    ).distinct()
    for person in people:
        with translation.override(person.language):
            subject = _("%(customer)s asks about %(component)s") % {
                "customer": contact.need.customer,
                "component": contact.need.component,
            }
        notify(
            recipients=[person],
            subject=subject,
            body=contact.message,
            url=reverse("industry:need", args=[contact.need_id]),
        )


@write
def contact_outcome(*, acting_user, contact: Contact, outcome: str) -> Contact:
    require(acting_user, MATCH, contact.need)
    if outcome not in (Contact.Outcome.AGREED, Contact.Outcome.DECLINED):
        raise ValidationError({"outcome": _("The outcome is agreed or declined.")})
    if contact.outcome != Contact.Outcome.PENDING:
        raise Conflict(_("This contact's outcome is already recorded."))
    contact.outcome = outcome
    contact.save(update_fields=["outcome"])
    if outcome == Contact.Outcome.AGREED:
        Need.objects.filter(pk=contact.need_id).update(state=Need.State.MATCHED)
    audit_record(actor=acting_user, action="industry.need.outcome", obj=contact,
                 jurisdiction=contact.need.customer.city.code, data={"outcome": outcome})  # fmt: skip
    return contact
