"""Knowledge-base search: an in-memory BM25 index over every published language
variant, the same on SQLite and PostgreSQL (it is built from the database, not by
it). Each process keeps its own index and rebuilds it when IndexState.version
changes (publishing bumps it)."""

import math
import time
import re
import threading
from collections import defaultdict
from dataclasses import dataclass

from .analysis import document_terms, fold, query_words, tokens
from .models import Answer, IndexState, Status

FIELD_WEIGHTS = {"title": 3.0, "keywords": 2.0, "body": 1.0}
K1, B = 1.2, 0.75
STEM_WEIGHT = 0.5  # a prefix-stem match counts half a whole-word match
FUZZY_WEIGHT = 0.6  # a one-typo match
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Doc:
    answer_id: int
    slug: str
    language: str
    audience: str
    title: str
    body: str
    length: float


@dataclass
class Hit:
    slug: str
    answer_id: int
    title: str
    language: str  # the variant's language: the reader's, or another one when not translated
    snippet: str
    score: float
    fallback: bool


def _deletes(term: str) -> set[str]:
    return {term[:i] + term[i + 1 :] for i in range(len(term))}


class Index:
    def __init__(self, docs: list[Doc], postings: dict[str, dict[int, float]], version: int):
        self.docs = docs
        self.postings = postings
        self.version = version
        self.avg_length = sum(d.length for d in docs) / len(docs) if docs else 1.0
        # One-deletion neighbourhood of every whole-word term (SymSpell), for typos.
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for term in postings:
            if not term.startswith("~") and len(term) >= 4:
                for deleted in _deletes(term):
                    self.neighbours[deleted].add(term)

    @classmethod
    def build(cls, variants, version: int) -> "Index":
        docs: list[Doc] = []
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for v in variants:
            doc_id = len(docs)
            weighted: dict[str, float] = defaultdict(float)
            for field, weight in FIELD_WEIGHTS.items():
                for term in document_terms(getattr(v, field), v.language):
                    weighted[term] += weight
            length = sum(weighted.values())
            docs.append(Doc(v.answer_id, v.answer.slug, v.language, v.answer.audience, v.title, v.body, length))
            for term, tf in weighted.items():
                postings[term][doc_id] = tf
        return cls(docs, dict(postings), version)

    def _expand(self, alternatives: tuple[str, ...]) -> dict[str, float]:
        """A query word's terms with weights: exact, stem, or one typo away."""
        terms: dict[str, float] = {}
        for term in alternatives:
            if term in self.postings:
                terms[term] = max(terms.get(term, 0), STEM_WEIGHT if term.startswith("~") else 1.0)
        whole = [t for t in alternatives if not t.startswith("~")]
        if not any(t in self.postings for t in whole):
            for term in whole:
                if len(term) < 4:
                    continue
                candidates = self.neighbours.get(term, set()) | {c for d in _deletes(term) for c in self.neighbours.get(d, set())}
                candidates |= {d for d in _deletes(term) if d in self.postings and not d.startswith("~")}
                for candidate in candidates:
                    terms.setdefault(candidate, FUZZY_WEIGHT)
                    stem = f"~{candidate[:5]}"
                    if stem in self.postings:
                        terms.setdefault(stem, FUZZY_WEIGHT * STEM_WEIGHT)
        return terms

    def search(self, query: str, lang: str, include_internal: bool, limit: int = 10) -> list[Hit]:
        words = query_words(query, lang)
        if not words or not self.docs:
            return []
        n = len(self.docs)
        scores: dict[int, float] = defaultdict(float)
        matched_words: dict[int, int] = defaultdict(int)
        for alternatives in words:
            seen_docs: set[int] = set()
            for term, weight in self._expand(alternatives).items():
                posting = self.postings[term]
                idf = math.log(1 + (n - len(posting) + 0.5) / (len(posting) + 0.5))
                for doc_id, tf in posting.items():
                    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * self.docs[doc_id].length / self.avg_length))
                    scores[doc_id] += weight * idf * norm
                    seen_docs.add(doc_id)
            for doc_id in seen_docs:
                matched_words[doc_id] += 1
        best: dict[int, tuple[float, int]] = {}
        for doc_id, score in scores.items():
            doc = self.docs[doc_id]
            if doc.audience == "internal" and not include_internal:
                continue
            # Documents matching more of the query's words come first.
            score *= (1 + matched_words[doc_id]) / (1 + len(words))
            if doc.answer_id not in best or score > best[doc.answer_id][0]:
                best[doc.answer_id] = (score, doc_id)
        ranked = sorted(best.values(), reverse=True)[:limit]
        return [self._hit(doc_id, score, lang, words) for score, doc_id in ranked]

    def _hit(self, doc_id: int, score: float, lang: str, words) -> Hit:
        doc = self.docs[doc_id]
        # Return the reader's language when that variant exists; else the matching one, labelled.
        shown = self.variant_of(doc.answer_id, lang) or doc
        return Hit(doc.slug, doc.answer_id, shown.title, shown.language, snippet(shown.body, words), round(score, 4), shown.language != lang)

    def variant_of(self, answer_id: int, lang: str) -> Doc | None:
        return self._by_answer.get((answer_id, lang))

    @property
    def _by_answer(self) -> dict[tuple[int, str], Doc]:
        if not hasattr(self, "_by_answer_cache"):
            self._by_answer_cache = {(d.answer_id, d.language): d for d in self.docs}
        return self._by_answer_cache


def snippet(body: str, words, length: int = 220) -> str:
    wanted = {t for alternatives in words for t in alternatives}
    best, best_score = "", -1
    for sentence in SENTENCE.split(body.strip()):
        folded = {fold(w) for w in tokens(sentence)}
        stems = {f"~{w[:5]}" for w in folded if len(w) > 5}
        score = len((folded | stems) & wanted)
        if score > best_score:
            best, best_score = sentence, score
    return best if len(best) <= length else best[: length - 1].rsplit(" ", 1)[0] + "…"


_lock = threading.Lock()
_index: Index | None = None


def current_version() -> int:
    return IndexState.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def get_index() -> Index:
    global _index
    version = current_version()
    if _index is None or _index.version != version:
        with _lock:
            if _index is None or _index.version != version:
                _index = build_index(version)
    return _index


def build_index(version: int | None = None) -> Index:
    from .models import Variant

    variants = Variant.objects.filter(answer__status=Status.PUBLISHED).select_related("answer").order_by("answer_id", "language")
    return Index.build(list(variants), current_version() if version is None else version)


def bump_version() -> None:
    """Called when published content changes: every process rebuilds on its next
    search. The version is a fresh timestamp rather than a counter, so a version
    number is never reused (e.g. after a rolled-back transaction)."""
    IndexState.objects.update_or_create(pk=1, defaults={"version": time.time_ns()})


def search(query: str, lang: str, include_internal: bool = False, limit: int = 10) -> list[Hit]:
    query = (query or "").strip()[:200]
    if not query:
        return []
    return get_index().search(query, lang, include_internal, limit)


__all__ = ["Hit", "search", "bump_version", "get_index", "Answer"]
