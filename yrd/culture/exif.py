"""Where a photo says it was taken: find GPS metadata in a JPEG or PNG, and remove it.

`has_gps(data)` reads the file's structure itself (no imaging library): a JPEG's APP1 Exif segment
or a PNG's eXIf chunk whose first directory points to a GPS directory (tag 0x8825), or XMP/text
metadata naming a GPS latitude. It never raises on malformed bytes: what it cannot read it treats
as carrying no Exif, and the upload's content check has already refused non-images.

`strip_gps(data, content_type)` re-encodes the image without its GPS directory with Pillow when it
is installed; without Pillow it returns None and the caller refuses images that carry GPS.
"""

import io
import struct

try:  # Pillow is optional: without it, images carrying GPS are refused instead of cleaned
    from PIL import Image
except ImportError:  # pragma: no cover - the test settings have Pillow; the refusal path is tested by patching
    Image = None

GPS_TAG = 0x8825
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
XMP_GPS = (b"GPSLatitude", b"GPSLongitude")


def _tiff_has_gps(tiff: bytes) -> bool:
    """Whether a TIFF structure's first directory has the GPS pointer."""
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return False
    order = "<" if tiff[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return False
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for n in range(count):
        start = offset + 2 + 12 * n
        if start + 2 > len(tiff):
            return False
        (tag,) = struct.unpack(order + "H", tiff[start : start + 2])
        if tag == GPS_TAG:
            return True
    return False


def _jpeg_segments(data: bytes):
    """The (marker, payload) of a JPEG's metadata segments, up to the image data."""
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xDA or marker == 0xD9:  # start of scan / end of image: no metadata after
            return
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if length < 2:
            return
        yield marker, data[at + 4 : at + 2 + length]
        at += 2 + length


def _png_chunks(data: bytes):
    at = len(PNG_SIGNATURE)
    while at + 8 <= len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        yield kind, data[at + 8 : at + 8 + length]
        if kind == b"IEND":
            return
        at += 12 + length


def has_gps(data: bytes) -> bool:
    if data.startswith(b"\xff\xd8"):
        for marker, payload in _jpeg_segments(data):
            if marker != 0xE1:
                continue
            if payload.startswith(b"Exif\x00\x00") and _tiff_has_gps(payload[6:]):
                return True
            if any(name in payload for name in XMP_GPS):
                return True
        return False
    if data.startswith(PNG_SIGNATURE):
        for kind, payload in _png_chunks(data):
            if kind == b"eXIf" and _tiff_has_gps(payload):
                return True
            if kind in (b"iTXt", b"tEXt") and any(name in payload for name in XMP_GPS):
                return True
    return False


def strip_gps(data: bytes, content_type: str) -> bytes | None:
    """The image re-encoded without GPS metadata, or None when Pillow is not installed."""
    if Image is None:
        return None
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        exif.pop(GPS_TAG, None)
        out = io.BytesIO()
        if content_type == "image/jpeg":
            image.save(out, "JPEG", quality=95, exif=exif.tobytes(), icc_profile=image.info.get("icc_profile"))
        else:
            image.save(out, "PNG", exif=exif.tobytes(), icc_profile=image.info.get("icc_profile"))
    return out.getvalue()
