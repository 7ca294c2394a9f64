"""Typed inputs the writes, the GeoJSON reader, the API and the pages share."""

from dataclasses import dataclass

from yrd.core.models import Jurisdiction


@dataclass
class ResourceInput:
    code: str
    city: Jurisdiction
    kind: str
    name_zh: str
    protection: str
    geometry: dict
    name_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    visiting_zh: str = ""
    visiting_en: str = ""
    period: str = ""
    listing_document: str = ""
    park: str = ""
    sensitive: bool = False
    published: bool = False
    daily_capacity: int | None = None
    is_demo: bool = False
