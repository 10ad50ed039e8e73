"""Lexical similarity of clauses: TF-IDF cosine over lemmas, lemma pairs and characters.

Why this method: the texts are formal English where overlapping mandates repeat the
same words in the same order ("to continue facilitating the participation of
developing countries … remote participation"); TF-IDF with word pairs rewards that
shared phrasing, and inverse document frequency lowers what every clause says ("to
continue", "the Sectors"). Words are reduced to their lemmas by spaCy's lookup table
(spacy-lookups-data, installed with the package: nothing is downloaded) and spaCy's
English stop words are left out. Character n-grams within words add a second view that
survives what a PDF conversion does to words (split or glued); a third view, of a text's
subject words alone, finds clauses on one subject worded apart. scikit-learn builds the
vectors; the nearest pairs are found with sparse matrix products in blocks (scipy).
The scores are explainable: the shared terms are kept as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

METHOD = "tfidf-cosine/lemmas+bigrams+char-ngrams+subject-lemmas/v4"
CHAR_WEIGHT = 0.25  # the share of the character view in the similarity
_WORD = re.compile(r"[a-z][a-z\-/]*[a-z]|[a-z]")
_EXTRA_STOP = frozenset({"inter", "alia", "including", "itu", "union", "shall", "also"})


@lru_cache(maxsize=1)
def _lemmas() -> Any:
    """spaCy's English lookup table (keyed by string hashes: ask it with .get(word))."""
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _EXTRA_STOP


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """spaCy's lookup lemma: 'activities' → 'activity', 'studied' → 'study'."""
    return str(_lemmas().get(word, word))


def content_words(text: str) -> list[str]:
    """The lemmas of a text's words, stop words left out, in order."""
    stops = stop_words()
    words = (lemma(w) for w in _WORD.findall(text.lower().replace("\u2011", "-")))
    return [w for w in words if w not in stops and len(w) > 1]


def terms(text: str) -> list[str]:
    """Content lemmas and the pairs of consecutive content lemmas."""
    kept = content_words(text)
    return kept + [f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False)]


class Index:
    """TF-IDF vectors of a set of texts in two views, words and characters, and, given
    an analyzer of a text's subject words, a third view of those words alone."""

    def __init__(
        self,
        texts: Sequence[str],
        char_weight: float = CHAR_WEIGHT,
        subjects: Callable[[str], list[str]] | None = None,
    ):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.char_weight = char_weight
        self.size = len(texts)
        words = TfidfVectorizer(analyzer=terms, sublinear_tf=True, lowercase=False)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
        non_empty = any(t.strip() for t in texts)
        self.words = words.fit_transform(texts).tocsr() if texts and non_empty else None
        self.vocabulary = words.get_feature_names_out() if self.words is not None else []
        self.chars = chars.fit_transform(texts).tocsr() if texts and non_empty else None
        self.subjects = None
        if subjects is not None and self.words is not None:
            subject = TfidfVectorizer(analyzer=subjects, sublinear_tf=True, lowercase=False)
            try:
                self.subjects = subject.fit_transform(texts).tocsr()
            except ValueError:  # no text has a subject word
                self.subjects = None

    def cosine(self, i: int, j: int) -> float:
        """The similarity of texts i and j: both views, weighted."""
        if self.words is None or self.chars is None:
            return 0.0
        word = _row_dot(self.words, i, j)
        return (1 - self.char_weight) * word + self.char_weight * _row_dot(self.chars, i, j)

    def cosines(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The similarities (both views, weighted) of many pairs of texts at once."""
        import numpy as np

        if self.words is None or self.chars is None or not pairs:
            return [0.0] * len(pairs)
        first = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        second = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
        word = _pair_products(self.words, first, second)
        char = _pair_products(self.chars, first, second)
        return ((1 - self.char_weight) * word + self.char_weight * char).tolist()

    def word_cosine(self, i: int, j: int) -> float:
        return 0.0 if self.words is None else _row_dot(self.words, i, j)

    def subject_cosine(self, i: int, j: int) -> float:
        """The similarity of texts i and j by their subject words alone."""
        return 0.0 if self.subjects is None else _row_dot(self.subjects, i, j)

    def shared_terms(self, i: int, j: int, top: int = 6) -> list[str]:
        """The terms that weigh most in the similarity of i and j."""
        if self.words is None:
            return []
        columns, weights = _row_products(self.words, i, j)
        ranked = sorted(zip(weights.tolist(), columns.tolist(), strict=True),
                        key=lambda p: (-p[0], p[1]))  # fmt: skip
        return [str(self.vocabulary[c]) for _, c in ranked[:top]]


def _row_products(matrix: Any, i: int, j: int) -> tuple[Any, Any]:
    """The columns two rows of a CSR matrix share, and the products of their weights."""
    import numpy as np

    a = slice(matrix.indptr[i], matrix.indptr[i + 1])
    b = slice(matrix.indptr[j], matrix.indptr[j + 1])
    shared, ia, ib = np.intersect1d(matrix.indices[a], matrix.indices[b], assume_unique=True,
                                    return_indices=True)  # fmt: skip
    return shared, matrix.data[a][ia] * matrix.data[b][ib]


def _row_dot(matrix: Any, i: int, j: int) -> float:
    return float(_row_products(matrix, i, j)[1].sum())


def _nearest(
    matrix: Any, groups: Sequence[str], per_text: int, low: float, chunk: int
) -> tuple[Any, Any, Any]:
    """For each row of a CSR matrix, its per_text largest dot products with rows of other
    groups, of at least low: the pairs (first < second) once each, with their products.
    Sparse matrix products in blocks of rows, so that tens of thousands of texts are
    compared in seconds, every pair considered."""
    import numpy as np

    n = matrix.shape[0]
    transposed = matrix.T.tocsc()
    group_ids = np.unique(np.asarray(groups), return_inverse=True)[1]
    keep = max(1, min(per_text, n - 1))
    rows: list[Any] = []
    cols: list[Any] = []
    values: list[Any] = []
    for start in range(0, n, chunk):
        block = (matrix[start : start + chunk] @ transposed).toarray()
        for offset, scores in enumerate(block):
            i = start + offset
            scores[group_ids == group_ids[i]] = 0.0  # never within one group (one resolution)
            best = np.argpartition(-scores, keep - 1)[:keep] if keep < n else np.arange(n)
            best = best[(scores[best] >= low) & (best != i)]
            rows.append(np.minimum(best, i))
            cols.append(np.maximum(best, i))
            values.append(scores[best])
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    # a pair kept from both of its rows counts once
    codes, unique = np.unique(np.concatenate(rows) * n + np.concatenate(cols), return_index=True)
    return codes // n, codes % n, np.concatenate(values)[unique]


def nearest_pairs(
    index: Index, groups: Sequence[str], per_text: int, floor: float, chunk: int = 1024
) -> dict[tuple[int, int], float]:
    """For each text, its per_text most similar texts of other groups by their words, with
    a similarity (both views) of at least floor: pairs (i < j) with their similarity.
    The word view chooses the pairs; the character view then re-scores the pairs kept."""
    if index.size < 2 or index.words is None:
        return {}
    low = floor * (1 - index.char_weight)  # the word view alone may be this low
    first, second, word = _nearest(index.words, groups, per_text, low, chunk)
    char = _pair_products(index.chars, first, second)
    value = (1 - index.char_weight) * word + index.char_weight * char
    kept = value >= floor
    return {
        (int(i), int(j)): float(v)
        for i, j, v in zip(first[kept], second[kept], value[kept], strict=True)
    }


def nearest_by_subject(
    index: Index, groups: Sequence[str], per_text: int, floor: float, chunk: int = 1024
) -> dict[tuple[int, int], float]:
    """For each text, its per_text most similar texts of other groups by their subject
    words alone, of a similarity of at least floor in that view: pairs (i < j) with it.
    Two clauses on one specific subject ('the regional and area offices', 'handbooks')
    may word their asks too differently for the whole-text views to find them."""
    if index.size < 2 or index.subjects is None:
        return {}
    first, second, value = _nearest(index.subjects, groups, per_text, floor, chunk)
    return {(int(i), int(j)): float(v) for i, j, v in zip(first, second, value, strict=True)}


def _pair_products(matrix: Any, first: Any, second: Any, chunk: int = 65536) -> Any:
    """The dot products of rows first[k] and second[k] of a CSR matrix, in chunks."""
    import numpy as np

    out = np.zeros(len(first), dtype=np.float64)
    for start in range(0, len(first), chunk):
        a = matrix[first[start : start + chunk]]
        b = matrix[second[start : start + chunk]]
        out[start : start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out
