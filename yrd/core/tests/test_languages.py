"""Text in the other language than the page's is shown as a quotation in its language."""

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from yrd.core.templatetags.languages import quoted, quoted_paragraphs, text_language


def test_english_source_text_on_a_chinese_page_is_a_quotation_marked_english():
    with translation.override("zh-hans"):
        html = quoted("Deepen joint building of the science centres")
    assert '<q class="other-language" lang="en">Deepen joint building of the science centres</q>' in html
    assert "英文原文" in html


def test_chinese_text_on_an_english_page_is_marked_chinese():
    with translation.override("en"):
        html = quoted_paragraphs("推动张江、合肥综合性国家科学中心合作共建")
    assert '<blockquote class="other-language" lang="zh-CN">' in html and "original in Chinese" in html


def test_text_in_the_pages_language_is_left_as_it_is():
    with translation.override("zh-hans"):
        assert quoted("推动合作共建") == "推动合作共建"
    with translation.override("en"):
        assert quoted("Joint building") == "Joint building"
        assert quoted("2024-2026") == "2024-2026"


@given(st.text())
def test_whatever_the_text_it_is_escaped(text):
    with translation.override("zh-hans"):
        html = quoted(text + "<script>")
    assert "<script>" not in html


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1), st.text())
def test_any_text_with_chinese_characters_counts_as_chinese(han, rest):
    assert text_language(rest + han) == "zh"
