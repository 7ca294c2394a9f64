"""Photos and documents of a heritage resource. Files are stored under random names
(core.uploads.RandomName), checked by content, and read only through the access-checked download
view, never from /media/. A public file is shown to the public only while its resource is
published. `has_gps` records whether the stored image still says where it was taken: images of
sensitive sites are stored without it, and a file that has it is never served to the public once
its site is sensitive."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.uploads import RandomName


class Attachment(models.Model):
    not_personal = {
        "file": "a heritage site's photo or document, kept by its city",
        "name": "that file's name",
    }

    resource = models.ForeignKey("culture.HeritageResource", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=RandomName("culture/attachments"))
    name = models.CharField(_("file name"), max_length=200)
    caption_zh = models.CharField(_("caption (Chinese)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=40)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    public = models.BooleanField(_("shown to the public"), default=False)
    has_gps = models.BooleanField(_("carries GPS metadata"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["resource", "uploaded_at", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    def access_scope(self):
        return self.resource.access_scope()
