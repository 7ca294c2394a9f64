"""What the culture pages share."""

from yrd.core.translation import wants_chinese


def point_name(point: dict) -> str:
    first, second = ("name_zh", "name_en") if wants_chinese() else ("name_en", "name_zh")
    return point.get(first) or point.get(second) or point.get("code", "")


def resource_name(resource) -> str:
    return resource.name


def errors_of(error) -> dict:
    """A ValidationError as field -> messages, for the form that sent it."""
    return getattr(error, "message_dict", None) or {"__all__": list(error.messages)}
