"""The matching engine against an independent BM25 (Lucene variant, written out here from the
formula) on random small corpora, its filters, and the bilingual tokenizer."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from yrd.innovation.matching import Doc, Index, substring_search, tokens

WORDS = ["alpha", "beta", "gamma", "delta", "omega", "sigma"]
PROVINCES = ["310000", "320000", "330000", "340000"]
K1, B = 1.5, 0.75


def independent_scores(corpus: list[list[str]], query: list[str]) -> list[float]:
    n, avgdl = len(corpus), sum(len(d) for d in corpus) / len(corpus)
    scores = []
    for doc in corpus:
        total = 0.0
        for word in query:
            df = sum(word in d for d in corpus)
            tf = doc.count(word)
            if df and tf:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                total += idf * tf / (tf + K1 * (1 - B + B * len(doc) / avgdl))
        scores.append(total)
    return scores


corpora = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), min_size=1, max_size=12)
queries = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(corpus=corpora, query=queries, provinces=st.lists(st.sampled_from(PROVINCES), min_size=12, max_size=12))
def test_search_ranks_as_the_independent_bm25_does(corpus, query, provinces):
    docs = [Doc(str(i), " ".join(words), provinces[i]) for i, words in enumerate(corpus)]
    index = Index(docs, corpus_tokens=corpus)
    expected = independent_scores(corpus, query)
    hits = index.search(" ".join(query), k=len(docs))
    assert {h.key for h in hits} == {str(i) for i, s in enumerate(expected) if s > 0}
    for hit in hits:
        assert math.isclose(hit.score, expected[int(hit.key)], rel_tol=1e-4, abs_tol=1e-5)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@settings(max_examples=100, deadline=None)
@given(corpus=corpora, query=queries, provinces=st.lists(st.sampled_from(PROVINCES), min_size=12, max_size=12),
       wanted=st.sampled_from(PROVINCES), k=st.integers(1, 5))  # fmt: skip
def test_filters_keep_only_matching_capabilities_and_the_best_of_them(corpus, query, provinces, wanted, k):
    docs = [Doc(str(i), " ".join(words), provinces[i]) for i, words in enumerate(corpus)]
    hits = Index(docs, corpus_tokens=corpus).search(" ".join(query), k=k, province=wanted)
    expected = independent_scores(corpus, query)
    allowed = sorted(
        (expected[i] for i, d in enumerate(docs) if d.province == wanted and expected[i] > 0), reverse=True
    )
    assert all(docs[int(h.key)].province == wanted for h in hits)
    assert [round(h.score, 4) for h in hits] == [round(s, 4) for s in allowed[:k]]


def test_an_english_need_reaches_a_chinese_capability_through_the_glossary():
    docs = [Doc("bat", "锂电池 循环寿命 测试"), Doc("water", "水质 废水 检测")]
    assert [h.key for h in Index(docs).search("lithium battery cycling")] == ["bat"]
    assert [h.key for h in Index(docs).search("废水")] == ["water"]


def test_chinese_text_is_cut_into_words_and_search_words():
    words = tokens("场发射扫描电镜", expand=False)
    assert "扫描电镜" in words and "电镜" in words


@given(st.text(max_size=200))
def test_the_tokenizer_takes_any_text(text):
    assert all(w and w == w.strip() for w in tokens(text))


def test_the_substring_reference_counts_query_words():
    docs = [Doc("a", "扫描电镜 形貌"), Doc("b", "电池")]
    assert [h.key for h in substring_search(docs, "扫描电镜")] == ["a"]
