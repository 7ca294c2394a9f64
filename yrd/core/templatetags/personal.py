"""`{% personal obj "field" %}`: a personal field masked, with a Show button for people who may see
it in full (the reveal goes through core.personal.reveal and is audited); the person it is about
sees it in full. `{{ value|masked:"phone" }}`
masks a value without offering a reveal."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from yrd.core.personal import Kind, mask
from yrd.core.personal import masked as masked_value
from yrd.core.personal.reveal import is_subject, may_reveal

register = template.Library()


@register.simple_tag(takes_context=True)
def personal(context, obj, field):
    """The field masked with a Show button (an audited reveal) for people the model's rule allows;
    in full for the person it is about (their own data: nothing to record)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is not None and is_subject(user, obj):
        value = getattr(obj, field)
        return render_to_string("core/_personal.html", {"masked": "" if value is None else value}, request=request)
    url = reverse("core:personal-reveal", args=[obj._meta.label, obj.pk, field])
    return render_to_string(
        "core/_personal.html",
        {"masked": masked_value(obj, field), "may_reveal": user is not None and may_reveal(user, obj), "url": url},
        request=request,
    )


@register.filter
def masked(value, kind):
    return mask(Kind(kind), value)
