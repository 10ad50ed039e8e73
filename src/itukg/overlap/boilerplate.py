"""Drafting formulas that every resolution repeats and that make no overlap on their own.

"The procedure given in Annex 2 to this resolution shall be applied", "to continue",
"developing countries", "to report to the next conference on the implementation of this
resolution": two clauses that share only such words do not carry the same mandate, and
a streamliner would never merge them for it. A pair must share words of a subject:
content lemmas outside this formulary (after the normalisation of Sector names, which
turns them into kind words such as 'sector' and 'director', also listed here).
"""

from __future__ import annotations

from itukg.overlap.similarity import content_words

# lemmas of drafting formulas: reporting, continuing, pointing at annexes and texts,
# the generic actors and the generic objects of a mandate
FORMULA_WORDS = frozenset({
    # reporting and procedure
    "report", "reporting", "annual", "annually", "implementation", "implement", "progress",
    "result", "submit", "present", "inform", "information", "procedure", "apply", "give",
    "accordance", "provision", "basis", "regard", "regular", "regularly", "necessary",
    "appropriate", "measure", "action", "step", "take", "ensure", "continue", "relevant",
    "matter", "issue", "subject", "aim", "view", "way", "possible", "need", "effort",
    "support", "assist", "work", "activity", "use", "make", "consider", "account",
    # pointers at texts
    "annex", "resolution", "decision", "recommendation", "article", "clause", "text",
    "rev", "revision", "above", "below", "aforementioned", "active", "part", "contribute",
    "comprehensive", "detail", "undertake", "consideration", "adopt", "approve", "provide",
    "mention", "refer", "achievement", "achieve", "attain", "objective",
    # generic actors (after normalisation) and generic groups
    "conference", "assembly", "plenipotentiary", "council", "session", "next", "sector",
    "bureau", "director", "advisory", "group", "study", "chair", "secretary-general",
    "secretariat", "general", "member", "state", "country", "developing", "develop", "develope",
    "three", "respective", "concerned", "party", "organization",
})  # fmt: skip


def subject_lemmas(text: str) -> list[str]:
    """The content lemmas of a (normalised) text that are not drafting formulas, in order."""
    return [w for w in content_words(text) if w not in FORMULA_WORDS and not w.isdigit()]


def subject_words(text: str) -> set[str]:
    """The content lemmas of a (normalised) text that are not drafting formulas."""
    return set(subject_lemmas(text))


def is_boilerplate(text: str) -> bool:
    """Whether a clause says nothing but formulas: it pairs with nothing."""
    return len(subject_words(text)) < 2
