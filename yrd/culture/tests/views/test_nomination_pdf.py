"""The nomination PDF holds every component's sections in both languages, for the bid's people only."""

from django.test import Client

from yrd.culture import writes
from yrd.culture.pdf import render_nomination_html
from yrd.culture.tests import factories as f


def test_the_pdf_has_both_languages_and_marks_drafts(world):
    component = f.component(f.town(code="zhouzhuang"))
    writes.dossier_save(
        acting_user=world.sz_officer,
        section=component.sections.get(number=2),
        text_zh="水乡格局",
        text_en="Water-town pattern",
    )
    html = render_nomination_html(world.js_reviewer)
    assert "水乡格局" in html and "Water-town pattern" in html
    assert "2. 描述 · Description" in html and "draft · v1" in html
    c = Client()
    c.force_login(world.zj_reviewer)
    response = c.get("/culture/bid/nomination.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    c.force_login(world.visitor)
    assert c.get("/culture/bid/nomination.pdf").status_code == 403
