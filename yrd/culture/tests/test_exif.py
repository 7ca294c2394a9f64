"""GPS metadata is found in JPEG and PNG photos and removed; the reader never fails on any bytes."""

from hypothesis import given
from hypothesis import strategies as st

from yrd.culture import exif
from yrd.culture.tests.photos import PDF, image


def test_gps_is_found_in_jpeg_and_png_and_stripping_keeps_the_rest():
    for fmt, content_type in (("JPEG", "image/jpeg"), ("PNG", "image/png")):
        tagged = image(fmt, gps=True)
        assert exif.has_gps(tagged) and not exif.has_gps(image(fmt, gps=False))
        cleaned = exif.strip_gps(tagged, content_type)
        assert not exif.has_gps(cleaned) and b"Test camera" in cleaned


def test_xmp_coordinates_count_as_gps_and_a_pdf_has_none():
    xmp = b'<x:xmpmeta><rdf:Description exif:GPSLatitude="31,7N"/></x:xmpmeta>'
    segment = b"\xff\xe1" + (len(xmp) + 2).to_bytes(2, "big") + xmp
    assert exif.has_gps(b"\xff\xd8" + segment + b"\xff\xda\x00\x02")
    assert not exif.has_gps(PDF)


@given(st.binary(max_size=300))
def test_the_reader_never_fails_on_arbitrary_bytes(tail):
    for head in (b"\xff\xd8", b"\xff\xd8\xff\xe1\x00\x20Exif\x00\x00", exif.PNG_SIGNATURE, b""):
        assert exif.has_gps(head + tail) in (True, False)


@given(st.binary(min_size=0, max_size=200))
def test_a_truncated_photo_never_fails_the_reader(cut):
    tagged = image("JPEG", gps=True)
    assert exif.has_gps(tagged[: len(cut) * 3]) in (True, False)
