"""Matchmaking by text in Chinese and English: needs (an enterprise's technical problem, a buyer's
sourcing need) against capabilities (laboratories, instruments, experts, exhibitors).

Text is cut into words by jieba (search mode, so 扫描电镜 also yields 扫描 and 电镜), Latin words are
lower-cased, and a small bilingual glossary adds the other language's term for each known word, so
a query in English finds a capability described in Chinese and the other way round. Ranking is BM25
(bm25s, sparse scores for every document at once); filters (province, field, budget) are boolean
masks over the same arrays. This package does not touch Django: the bench and the tests use it
directly, the selectors feed it rows."""

from .engine import Doc, Hit, Index, TokenCache, substring_search, tokens

__all__ = ["Doc", "Hit", "Index", "TokenCache", "substring_search", "tokens"]
