"""What an API request names by reference (adcodes, area numbers, organisation ids), turned into
objects, or a ValidationError naming the field and the unknown reference."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction, Organisation
from yrd.core.selectors import jurisdiction_by_code
from yrd.plan.models import Area, Plan


def jurisdiction_from_code(code: str, field: str) -> Jurisdiction:
    try:
        return jurisdiction_by_code(code)
    except Jurisdiction.DoesNotExist:
        raise ValidationError({field: [_("Unknown adcode: %(code)s") % {"code": code}]}) from None


def jurisdictions_from_codes(codes: list[str], field: str) -> list[Jurisdiction]:
    return [jurisdiction_from_code(code, field) for code in dict.fromkeys(codes)]


def area_from_number(plan: Plan, number: int | None, field: str = "area") -> Area | None:
    if number is None:
        return None
    area = Area.objects.filter(plan=plan, number=number).first()
    if area is None:
        raise ValidationError({field: [_("The plan has no area %(number)s.") % {"number": number}]})
    return area


def organisations_from_ids(ids: list[int], field: str = "organisations") -> list[Organisation]:
    wanted = set(ids)
    found = list(Organisation.objects.filter(pk__in=wanted))
    missing = wanted - {o.pk for o in found}
    if missing:
        listed = ", ".join(str(pk) for pk in sorted(missing))
        raise ValidationError({field: [_("Unknown organisations: %(ids)s") % {"ids": listed}]})
    return found
