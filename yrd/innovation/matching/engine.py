"""The index and the two searches: BM25 over jieba words (the engine) and a plain substring count
(the reference the bench compares against)."""

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import bm25s
import jieba
import numpy as np

jieba.setLogLevel(60)

GLOSSARY = Path(__file__).resolve().parent.parent / "data" / "glossary.csv"
LATIN = re.compile(r"[a-z0-9][a-z0-9+\-.]*")
STOP = frozenset(
    "a an and or the of for to in on with by at from we our need needs looking seek want is are be "
    "的 了 和 与 及 或 在 对 为 需要 寻找 我们 公司 一个 进行 相关 能够 可以 提供".split()
)


@cache
def glossary() -> dict[str, tuple[str, ...]]:
    """word -> the words of the other language meaning the same (both directions)."""
    pairs: dict[str, set[str]] = {}
    with GLOSSARY.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            zh, en = row["zh"].strip(), row["en"].strip().lower()
            pairs.setdefault(zh, set()).add(en)
            pairs.setdefault(en, set()).add(zh)
    return {word: tuple(sorted(others)) for word, others in pairs.items()}


def _words(text: str) -> list[str]:
    out = []
    for piece in jieba.cut_for_search(text.lower()):
        piece = piece.strip()
        if not piece or piece in STOP:
            continue
        if piece.isascii():
            out += [w for w in LATIN.findall(piece) if len(w) > 1 and w not in STOP]
        elif any("\u4e00" <= c <= "\u9fff" for c in piece):
            out.append(piece)
    return out


def tokens(text: str, *, expand: bool = True) -> list[str]:
    """Words of `text`; with `expand`, each known word's translation is added too (glossary terms of
    several words are matched on the whole lower-cased text)."""
    words = _words(text)
    if not expand:
        return words
    terms = glossary()
    lowered = text.lower()
    extra = []
    for term, others in terms.items():
        if " " in term and term in lowered:
            for other in others:
                extra += _words(other)
    for word in words:
        for other in terms.get(word, ()):
            extra += _words(other)
    return words + extra


@dataclass(frozen=True)
class Doc:
    key: str
    text: str
    province: str = ""
    field: str = ""
    price: float | None = None


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


class Index:
    def __init__(self, docs: list[Doc], *, corpus_tokens: list[list[str]] | None = None):
        self.keys = [d.key for d in docs]
        self.province = np.array([d.province for d in docs], dtype=object)
        self.field = np.array([d.field for d in docs], dtype=object)
        self.price = np.array([np.inf if d.price is None else d.price for d in docs], dtype=float)
        self.retriever = bm25s.BM25()
        corpus = corpus_tokens if corpus_tokens is not None else [tokens(d.text) for d in docs]
        # an empty document still needs a row; "∅" is never a query word. bm25s cannot index an
        # empty corpus (nothing registered yet): search answers [] before asking it.
        if corpus:
            self.retriever.index([words or ["∅"] for words in corpus], show_progress=False)

    def __len__(self) -> int:
        return len(self.keys)

    def mask(self, province: str = "", field: str = "", budget: float | None = None) -> np.ndarray | None:
        keep = None
        for condition in (
            (self.province == province) if province else None,
            (self.field == field) if field else None,
            (self.price <= budget) if budget is not None else None,
        ):
            if condition is not None:
                keep = condition if keep is None else keep & condition
        return keep

    def search(self, query: str, k: int = 10, **filters) -> list[Hit]:
        words = tokens(query)
        if not words or not self.keys:
            return []
        scores = self.retriever.get_scores(words)
        keep = self.mask(**filters)
        if keep is not None:
            scores = np.where(keep, scores, 0.0)
        return _top(scores, self.keys, k)


class TokenCache:
    """The words of each document, kept between index builds: a rebuild after a write segments only
    the documents whose text changed (jieba is most of a build's time), and forgets documents that
    are gone. Not thread-safe: one builder at a time (the caller holds a lock)."""

    def __init__(self):
        self._seen: dict[str, tuple[str, list[str]]] = {}
        self.segmented = 0  # documents segmented by the last call, for the bench and the tests

    def corpus(self, docs: list[Doc]) -> list[list[str]]:
        fresh: dict[str, tuple[str, list[str]]] = {}
        self.segmented = 0
        for doc in docs:
            known = self._seen.get(doc.key)
            if known is None or known[0] != doc.text:
                known = (doc.text, tokens(doc.text))
                self.segmented += 1
            fresh[doc.key] = known
        self._seen = fresh
        return [fresh[doc.key][1] for doc in docs]


def _top(scores: np.ndarray, keys: list[str], k: int) -> list[Hit]:
    k = min(k, len(keys))
    best = np.argpartition(-scores, k - 1)[:k]
    best = best[np.lexsort((best, -scores[best]))]
    return [Hit(keys[i], float(scores[i])) for i in best if scores[i] > 0]


def substring_search(docs: list[Doc], query: str, k: int = 10) -> list[Hit]:
    """The reference: for each document, how many of the query's words occur in its text as plain
    substrings (no index, no weighting)."""
    words = set(tokens(query, expand=False))
    scores = np.array([sum(w in d.text.lower() for w in words) for d in docs], dtype=float)
    return _top(scores, [d.key for d in docs], k) if docs else []
