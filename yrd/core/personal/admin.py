"""Personal fields in the Django admin: masked in lists and change forms like everywhere else, the
full value only through an audited reveal for people the model's rule allows (core.personal.reveal).

The site (core.admin_site) mixes `PersonalAdmin` into every ModelAdmin and inline it registers for a
model that declares personal fields, so a module's admin needs nothing of its own:

- lists show `mask(kind, value)` for each personal column, and an object's name (`__str__`, the
  page title, the breadcrumbs) with any personal value in it masked;
- the change form shows each personal field masked and read-only. Someone the model's rule allows to
  see the full values (`may_reveal`) gets a link "Show personal fields in full": the same form with
  the values in full (editable when they may change the record), each field shown recorded as a
  `core.personal.reveal` in the audit log; saving that form is the admin's audited change;
- inlines show their personal fields masked and read-only.
"""

from django.core.exceptions import PermissionDenied
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yrd.core.personal import declared, mask, masked
from yrd.core.personal.reveal import may_reveal, personal_reveal

REVEAL_PARAMETER = "personal"
REVEAL_VALUE = "reveal"
_REVEALING = "_yrd_admin_revealing"


def masked_text(obj, text: str) -> str:
    """`text` (an object's name) with every personal value of `obj` in it replaced by its mask."""
    text = str(text)
    values = [(str(getattr(obj, name, None) or ""), kind) for name, kind in declared(obj).items()]
    for value, kind in sorted(values, key=lambda pair: -len(pair[0])):  # the longest first: 张三丰 before 三丰
        if len(value) >= 2 and value in text:
            text = text.replace(value, mask(kind, value))
    return text


def masked_str(obj) -> str:
    return masked_text(obj, str(obj))


def _masked_column(model, name):
    field = model._meta.get_field(name)

    def column(obj):
        return masked(obj, name)

    column.short_description = field.verbose_name
    column.admin_order_field = name
    column.__name__ = f"personal_{name}"
    return column


def _masked_readonly(model, name):
    field = model._meta.get_field(name)

    def shown(self, obj):
        return masked(obj, name) if obj is not None else ""

    shown.short_description = field.verbose_name
    shown.__name__ = f"personal_{name}"
    return shown


def _object_name(obj):
    return masked_str(obj)


_object_name.short_description = gettext_lazy("object")


class PersonalAdmin:
    """Mixed into ModelAdmin and InlineModelAdmin classes of models with personal fields (by the site)."""

    _personal_ready = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._personal_ready = False

    @classmethod
    def _personal_setup(cls, model):
        """Per model: one masked column and one masked read-only display for each personal field."""
        if cls._personal_ready:
            return
        cls._personal_columns = {name: _masked_column(model, name) for name in declared(model)}
        for name in declared(model):
            setattr(cls, f"personal_{name}", _masked_readonly(model, name))
        cls._personal_ready = True

    # --- which request reveals ------------------------------------------------------------------

    def _personal_names(self):
        type(self)._personal_setup(self.model)
        return list(declared(self.model))

    def personal_revealing(self, request, obj) -> bool:
        """True while this request shows `obj`'s personal fields in full (checked: may_reveal)."""
        if obj is None or getattr(self, "parent_model", None) is not None:
            return False
        cached = getattr(request, _REVEALING, None)
        if cached is not None and cached[0] == (obj._meta.label, obj.pk):
            return cached[1]
        asked = request.GET.get(REVEAL_PARAMETER) == REVEAL_VALUE
        if asked and not may_reveal(request.user, obj):
            raise PermissionDenied(_("Your role does not allow seeing this in full."))
        setattr(request, _REVEALING, ((obj._meta.label, obj.pk), asked))
        return asked

    # --- lists ----------------------------------------------------------------------------------

    def _masked_columns(self, entries, keep=()):
        """`entries` (list_display or its links) with each personal field (except those in `keep`)
        and `__str__` replaced by its masked column."""
        names = self._personal_names()
        swapped = []
        for entry in entries:
            if isinstance(entry, str) and entry in names and entry not in keep:
                swapped.append(self._personal_columns[entry])
            elif entry == "__str__":
                swapped.append(_object_name)
            else:
                swapped.append(entry)
        return swapped

    def get_list_display(self, request):
        editable = set(getattr(self, "list_editable", ()) or ())
        return self._masked_columns(super().get_list_display(request), keep=editable)

    def get_list_display_links(self, request, list_display):
        links = super().get_list_display_links(request, list_display)
        return self._masked_columns(links) if links else links

    # --- change forms ---------------------------------------------------------------------------

    def _personal_hidden(self, request, obj) -> list[str]:
        """The personal fields shown masked (and not editable) in this request's form."""
        names = self._personal_names()
        is_inline = getattr(self, "parent_model", None) is not None
        if obj is None and not is_inline:
            return []  # adding a record: what is typed is the value
        if self.personal_revealing(request, obj):
            return []
        return names

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = self._personal_hidden(request, obj)
        if not hidden:
            return fieldsets

        def swap(fields):
            swapped = []
            for entry in fields:
                if isinstance(entry, (list, tuple)):
                    swapped.append(type(entry)(swap(entry)))
                else:
                    swapped.append(f"personal_{entry}" if entry in hidden else entry)
            return swapped

        return [(title, {**options, "fields": swap(options.get("fields", ()))}) for title, options in fieldsets]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        hidden = self._personal_hidden(request, obj)
        swapped = [f"personal_{name}" if name in hidden else name for name in fields]
        return list(dict.fromkeys(swapped))  # a form built without fieldsets lists both names

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        hidden = self._personal_hidden(request, obj)
        readonly = [name for name in readonly if name not in hidden]
        return readonly + [f"personal_{name}" for name in hidden]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            revealing = self.personal_revealing(request, obj)
            if revealing and request.method == "GET":
                # Recorded here, once the admin has checked the permissions and the full form is
                # about to be shown, with the object it already loaded.
                for name in self._personal_names():
                    if getattr(obj, name):
                        personal_reveal(acting_user=request.user, obj=obj, field=name)
            label = str(obj) if revealing else masked_str(obj)
            holding = any(getattr(obj, name) for name in self._personal_names())
            context.update(
                {
                    "subtitle": label,
                    "personal_label": label,
                    "personal_revealing": revealing,
                    "personal_may_reveal": holding and not revealing and may_reveal(request.user, obj),
                    "personal_reveal_url": f"?{REVEAL_PARAMETER}={REVEAL_VALUE}",
                }
            )
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        return _masked_tree(deleted, objs), counts, perms, _masked_tree(protected, objs)


def _masked_tree(tree, objs):
    """The delete confirmation's nested list of names, with the deleted records' personal values masked."""
    items = list(tree)
    masked_items = []
    for item in items:
        if isinstance(item, list):
            masked_items.append(_masked_tree(item, objs))
        else:
            text = str(item)
            for obj in objs:
                text = masked_text(obj, text)
            masked_items.append(mark_safe(text) if isinstance(item, SafeString) else text)  # noqa: S308
    return masked_items


def personal_admin_class(admin_class, model):
    """`admin_class` with PersonalAdmin mixed in, when `model` declares personal fields."""
    if not declared(model) or issubclass(admin_class, PersonalAdmin):
        return admin_class
    mixed = type(admin_class.__name__, (PersonalAdmin, admin_class), {"__module__": admin_class.__module__})
    if not getattr(mixed, "change_form_template", None):
        mixed.change_form_template = "core/admin/personal_change_form.html"
    return mixed
