"""Lookups the API endpoints share: codes in a body resolved to objects, unknown ones named."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from yrd.core.models import Jurisdiction
from yrd.core.schemas import ApiError
from yrd.core.selectors import jurisdiction_by_code as core_jurisdiction
from yrd.emergency.models import Item, Warehouse

ERRORS = {400: ApiError, 403: ApiError, 404: ApiError, 409: ApiError}


def items_by_code(codes: list[str], field: str) -> dict[str, Item]:
    """Items for the codes; one ValidationError naming every unknown code."""
    found = Item.objects.in_bulk(set(codes), field_name="code")
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise ValidationError({field: [_("Unknown item: %(code)s.") % {"code": code} for code in unknown]})
    return found


def warehouse_by_code(code: str) -> Warehouse:
    return Warehouse.objects.select_related("member__organisation", "city").get(code=code)


def jurisdiction_by_code(code: str, field: str = "jurisdiction") -> Jurisdiction:
    """YRD, a province (a bare province code, Shanghai included) or a city."""
    try:
        return core_jurisdiction(code)
    except Jurisdiction.DoesNotExist:
        raise ValidationError({field: [_("%(code)s is not a jurisdiction of the region.") % {"code": code}]}) from None
