"""A public heritage resource as JSON-LD following Linked Art (https://linked.art/), the CIDOC CRM
profile Arches and museums publish.

Built things (buildings, bridges) are `HumanMadeObject`s; towns, historic areas and park sites are
`Place`s with their geometry as WKT in `defined_by`; an intangible heritage item is a `Type` of
practice (Linked Art models practices as concepts). Names and descriptions carry their language
(Getty AAT 300388113 Chinese, 300388277 English); the protection listing is an `AttributeAssignment`
classified by the level. Sensitive sites are published with their generalised point only.
"""

import shapely

from yrd.culture import geo

CONTEXT = "https://linked.art/ns/v1/linked-art.json"
AAT = "http://vocab.getty.edu/aat/"
LANGUAGES = {"zh": ("300388113", "Chinese"), "en": ("300388277", "English")}
PRIMARY_NAME = {"id": AAT + "300404670", "type": "Type", "_label": "Primary Name"}
DESCRIPTION = {"id": AAT + "300435416", "type": "Type", "_label": "Description"}
BUILT = {"building", "bridge"}


def _language(code):
    number, label = LANGUAGES[code]
    return [{"id": AAT + number, "type": "Language", "_label": label}]


def _texts(resource, field, classification, kind):
    items = []
    for code in ("zh", "en"):
        text = getattr(resource, f"{field}_{code}")
        if text:
            items.append(
                {"type": kind, "content": text, "language": _language(code), "classified_as": [classification]}
            )
    return items


def _wkt(resource) -> str:
    if resource.sensitive:
        return shapely.Point(geo.generalised(resource.longitude, resource.latitude)).wkt
    return geo.to_shape(resource.geometry).wkt


def document(resource, url: str) -> dict:
    kind = "HumanMadeObject" if resource.kind in BUILT else "Type" if resource.kind == "intangible" else "Place"
    doc = {
        "@context": CONTEXT,
        "id": url,
        "type": kind,
        "_label": resource.name_en or resource.name_zh,
        "identified_by": _texts(resource, "name", PRIMARY_NAME, "Name")
        + [{"type": "Identifier", "content": resource.code}],
        "referred_to_by": _texts(resource, "description", DESCRIPTION, "LinguisticObject"),
    }
    place = {"type": "Place", "_label": resource.city.name_en, "defined_by": _wkt(resource)}
    if kind == "Place":
        doc["defined_by"] = place["defined_by"]
        doc["part_of"] = [{"type": "Place", "_label": resource.city.name_en}]
    elif kind == "HumanMadeObject":
        doc["current_location"] = place
    if resource.period:
        doc["produced_by" if kind == "HumanMadeObject" else "created_by"] = {
            "type": "Production" if kind == "HumanMadeObject" else "Creation",
            "timespan": {"type": "TimeSpan", "identified_by": [{"type": "Name", "content": resource.period}]},
        }
    if resource.protection != "none":
        doc["attributed_by"] = [
            {
                "type": "AttributeAssignment",
                "_label": f"Protection: {resource.protection}",
                "classified_as": [{"type": "Type", "_label": f"{resource.protection} protection listing"}],
                "referred_to_by": [{"type": "LinguisticObject", "content": resource.listing_document}],
            }
        ]
    return doc
