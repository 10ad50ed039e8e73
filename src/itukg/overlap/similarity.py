"""Lexical similarity of clauses: TF-IDF over words and word pairs, cosine.

Why this method: the texts are formal English where overlapping mandates repeat the
same words in the same order ("to continue facilitating the participation of
developing countries … remote participation"); TF-IDF with word pairs rewards that
shared phrasing, and inverse document frequency lowers what every clause says ("to
continue", "the Sectors"). No model is needed (none may be downloaded here), the
scores are explainable (the shared terms are kept as evidence). Overlap detection
compares every pair with sparse matrix products (nearest_pairs). The Index also offers
candidate pairs for lighter uses (aligning a compilation): each clause is indexed by its
heaviest terms among those held by at most a small share of the clauses, and only
clauses that share one of them are compared; below a thousand clauses every pair is
compared (bench/overlaps_scale.py measures the speed-up and the recall of this filter).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

METHOD = "tfidf-cosine/words+bigrams/v1"

# English function words: they carry no subject matter.
STOPWORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "out", "over", "own", "same", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "inter", "alia", "including",
})  # fmt: skip
_WORD = re.compile(r"[a-z][a-z\-/]*[a-z]|[a-z]")


def stem(word: str) -> str:
    """A light plural stripper: 'activities' → 'activity', 'groups' → 'group'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words (stemmed) and the pairs of consecutive content words."""
    words = [stem(w) for w in _WORD.findall(text.lower().replace("\u2011", "-"))]
    kept = [w for w in words if w not in STOPWORDS and len(w) > 1]
    return kept + [f"{a} {b}" for a, b in zip(kept, kept[1:], strict=False)]


class Index:
    """TF-IDF vectors of a set of texts, with an inverted index of their terms."""

    def __init__(
        self,
        texts: Sequence[str],
        max_df_share: float = 0.05,
        min_max_df: int = 8,
        top_terms: int = 25,
        max_df_cap: int = 400,
        exact_below: int = 1000,
    ):
        counts = [Counter(terms(t)) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(texts)
        self.exact = n < exact_below  # few texts: compare every pair, no filter
        self.idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
        self.vectors: list[dict[str, float]] = []
        for c in counts:
            weights = {t: (1 + math.log(f)) * self.idf[t] for t, f in c.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            self.vectors.append({t: w / norm for t, w in weights.items()})
        # each text is indexed by its heaviest terms that are not too common: two texts
        # that share none of them cannot be much alike
        self.max_df = max(min_max_df, min(max_df_cap, int(max_df_share * n)))
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, vector in enumerate(self.vectors):
            rare = [(w, t) for t, w in vector.items() if df[t] <= self.max_df]
            for _, t in sorted(rare, reverse=True)[:top_terms]:
                self.postings[t].append(i)

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(t, 0.0) for t, w in a.items())

    def candidates(self) -> set[tuple[int, int]]:
        """Pairs (i < j) that share at least one indexed term (every pair, for few texts)."""
        if self.exact:
            everything = {
                (i, j) for i in range(len(self.vectors)) for j in range(i + 1, len(self.vectors))
            }
            return everything
        pairs: set[tuple[int, int]] = set()
        for postings in self.postings.values():
            for x in range(len(postings)):
                for y in range(x + 1, len(postings)):
                    pairs.add((postings[x], postings[y]))
        return pairs

    def shared_terms(self, i: int, j: int, top: int = 6) -> list[str]:
        """The terms that weigh most in the similarity of i and j."""
        a, b = self.vectors[i], self.vectors[j]
        shared = sorted(((a[t] * b[t], t) for t in a.keys() & b.keys()), reverse=True)
        return [t for _, t in shared[:top]]


def nearest_pairs(
    index: Index, groups: Sequence[str], per_text: int, floor: float, chunk: int = 1024
) -> dict[tuple[int, int], float]:
    """For each text, its per_text most similar texts of other groups with a cosine of at
    least floor: pairs (i < j) with their cosine. Sparse matrix products in blocks of rows
    (scipy), so that tens of thousands of texts are compared in seconds, every pair
    considered (no candidate filter)."""
    import numpy as np
    from scipy import sparse

    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, vector in enumerate(index.vectors):
        for term, weight in vector.items():
            rows.append(i)
            cols.append(columns.setdefault(term, len(columns)))
            values.append(weight)
    n = len(index.vectors)
    if n < 2:
        return {}
    matrix = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)), shape=(n, max(1, len(columns)))
    )
    transposed = matrix.T.tocsc()
    group_ids = np.unique(np.asarray(groups), return_inverse=True)[1]
    keep = max(1, min(per_text, n - 1))
    found: dict[tuple[int, int], float] = {}
    for start in range(0, n, chunk):
        block = (matrix[start : start + chunk] @ transposed).toarray()
        for offset, scores in enumerate(block):
            i = start + offset
            scores[group_ids == group_ids[i]] = 0.0  # never within one group (one resolution)
            best = np.argpartition(-scores, keep - 1)[:keep] if keep < n else np.arange(n)
            for j in best:
                value = float(scores[j])
                if value >= floor and j != i:
                    found[(min(i, int(j)), max(i, int(j)))] = value
    return found
