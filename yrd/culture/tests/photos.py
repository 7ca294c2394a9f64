"""Small test images, with or without GPS metadata (Pillow), and a PDF."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def image(fmt="JPEG", gps=True) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Test camera"
    if gps:
        where = exif.get_ifd(0x8825)
        where.update({1: "N", 2: (31.0, 7.0, 0.0), 3: "E", 4: (120.0, 50.0, 0.0)})
    out = io.BytesIO()
    Image.new("RGB", (16, 8), (160, 40, 40)).save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
