"""The typed input of each transition: one pydantic model, read from a page's form or an API body,
checked the same way (types and lengths) before the write sees it.

Each field carries a `Widget` saying how the page asks for it; the application page renders every
transition's form from these, and `from_post` reads a submitted form back into the model. A field's
`Widget.choices` names what the page offers (see views.transitions).
"""

import base64
import binascii
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Schema
from pydantic import ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic import ValidationError as SchemaError

from yrd.core.models import Jurisdiction
from yrd.services.models import Application, MaterialType

TEXT = 2000  # reasons, notes: a page of text


@dataclass(frozen=True)
class Widget:
    kind: str  # checkbox | text | textarea | select | checkboxes | uploads | document | approval
    label: str = ""
    choices: str = ""  # what the page offers: provinces, open_steps, delivery_methods, item_types, requested_types
    only_for_modes: tuple = ()  # shown only for applications in these modes
    required: bool = False


class MaterialIn(Schema):
    type: str = Field(max_length=40, description="Material type code, e.g. id-card")
    filename: str = Field(max_length=200)
    content_base64: str


def decode(material: MaterialIn) -> SimpleUploadedFile:
    try:
        content = base64.b64decode(material.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{material.filename}: the content is not valid base64.") from None
    return SimpleUploadedFile(material.filename, content)


def _as_upload(value):
    """A page gives (material type code, uploaded file); the API a MaterialIn object."""
    if isinstance(value, tuple) and len(value) == 2:
        return value
    material = MaterialIn.model_validate(value)
    return (material.type, decode(material))


def _as_document(value):
    if value is None or hasattr(value, "read"):
        return value
    return decode(MaterialIn.model_validate(value))


Upload = Annotated[Any, PlainValidator(_as_upload), WithJsonSchema(MaterialIn.model_json_schema())]
Document = Annotated[Any, PlainValidator(_as_document), WithJsonSchema(MaterialIn.model_json_schema())]


class TransitionInput(Schema):
    """Base of the inputs: unknown fields are refused, so a misspelt field is not silently ignored."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    def arguments(self, application: Application) -> dict:
        """The keyword arguments of the write performing the transition."""
        return dict(self)


def widget(field_info) -> Widget | None:
    return next((m for m in field_info.metadata if isinstance(m, Widget)), None)


class ReceiveInput(TransitionInput):
    consent_signed: Annotated[
        bool, Widget("checkbox", gettext_lazy("Signed consent form taken"), only_for_modes=("remote",))
    ] = False
    uploads: Annotated[list[Upload], Widget("uploads", gettext_lazy("Scan"), choices="item_types")] = Field(
        [], description="Scans of the materials, taken at the window"
    )


class ForwardInput(TransitionInput):
    to_province: Annotated[str | None, Widget("select", gettext_lazy("Province"), choices="provinces")] = Field(
        None, max_length=6, description="Re-route to this province (adcode); the handling province when empty"
    )

    def arguments(self, application):
        return {"to_province": province(self.to_province, "to_province") if self.to_province else None}


class AcceptInput(TransitionInput):
    pass


class RejectInput(TransitionInput):
    reasons: Annotated[str, Widget("textarea", gettext_lazy("Reasons"), required=True)] = Field("", max_length=TEXT)


class CorrectionRequestInput(TransitionInput):
    reasons: Annotated[str, Widget("textarea", gettext_lazy("What to correct"), required=True)] = Field(
        "", max_length=TEXT
    )
    material_types: Annotated[list[str], Widget("checkboxes", choices="item_types")] = Field(
        [], description="Material type codes to provide again", max_length=50
    )

    def arguments(self, application):
        types = list(MaterialType.objects.filter(code__in=self.material_types))
        unknown = sorted(set(self.material_types) - {t.code for t in types})
        if unknown:
            raise ValidationError({"material_types": [_("Unknown material types: %s.") % ", ".join(unknown)]})
        return {"reasons": self.reasons, "material_types": types}


class CorrectionResponseInput(TransitionInput):
    uploads: Annotated[list[Upload], Widget("uploads", choices="requested_types")] = Field([])
    note: Annotated[str, Widget("textarea", gettext_lazy("Note"))] = Field("", max_length=TEXT)


class StartHandlingInput(TransitionInput):
    pass


Approval = Annotated[
    bool | None,
    Widget("approval", required=True),
    Field(description="true: approve; false: deny"),
]


class DecideInput(TransitionInput):
    approved: Approval = None
    note: Annotated[str, Widget("textarea", gettext_lazy("Note (reasons, when denied)"))] = Field("", max_length=TEXT)
    document: Annotated[
        Document, Widget("document", gettext_lazy("Decision document (PDF, JPEG or PNG)"), required=True)
    ] = None

    def arguments(self, application):
        if self.approved is None:
            raise ValidationError({"approved": _("Say whether the application is approved or denied.")})
        return dict(self)


class CompleteStepInput(DecideInput):
    step: Annotated[str | None, Widget("select", gettext_lazy("Step"), choices="open_steps")] = Field(
        None, max_length=6, description="The step's province adcode; the first open step when empty"
    )


class DeliverInput(TransitionInput):
    method: Annotated[
        Literal["courier", "window"], Widget("select", gettext_lazy("How"), choices="delivery_methods")
    ] = "courier"
    tracking_number: Annotated[str, Widget("text", gettext_lazy("Courier tracking number"))] = Field("", max_length=30)


def province(code: str, field: str) -> Jurisdiction:
    found = Jurisdiction.objects.filter(level=Jurisdiction.Level.PROVINCE, code=code).first()
    if found is None:
        raise ValidationError({field: [_("%s is not a province of the region.") % code]})
    return found


def validated(input_class: type[TransitionInput], data: dict) -> TransitionInput:
    """The input, or a ValidationError naming each bad field (pages and API say the same)."""
    try:
        return input_class.model_validate(data)
    except SchemaError as error:
        errors = {}
        for problem in error.errors():
            field = str(problem["loc"][0]) if problem["loc"] else "__all__"
            errors.setdefault(field, []).append(_problem_text(problem))
        raise ValidationError(errors) from None


def _problem_text(problem: dict) -> str:
    if problem["type"] == "extra_forbidden":
        return _("This field is not part of this action.")
    if problem["type"] == "string_too_long":
        return _("At most %(n)s characters.") % {"n": problem["ctx"]["max_length"]}
    return str(problem["msg"]).removeprefix("Value error, ")


def from_post(input_class: type[TransitionInput], request) -> TransitionInput:
    """Read a submitted page form into the transition's input."""
    post, data = request.POST, {}
    for name, info in input_class.model_fields.items():
        kind = widget(info).kind if widget(info) else "text"
        if kind == "checkbox":
            data[name] = bool(post.get(name))
        elif kind == "checkboxes":
            data[name] = post.getlist(name)
        elif kind == "uploads":
            data[name] = [
                (key.removeprefix("material-"), upload)
                for key, upload in request.FILES.items()
                if key.startswith("material-") and upload.size
            ]
        elif kind == "document":
            data[name] = request.FILES.get(name)
        elif kind == "approval":
            data[name] = {"yes": True, "no": False}.get(post.get(name))
        elif kind == "select":
            data[name] = post.get(name) or info.get_default()
        else:
            data[name] = post.get(name, "")
    return validated(input_class, data)
