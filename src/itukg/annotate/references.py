"""References to clauses and annexes of the same resolution version.

"the procedure given in Annex 2 to this resolution", "(see Annexes 2 and 3 to this
resolution)", "the provisions of resolves 3", "With respect to resolves 3 i)",
"instructs the Secretary-General 2": each is kept when the target exists in the
resolution; a reference to another text's annex or clause ("Annex A to Resolution
5", "resolves 1 of Resolution 71") is not an internal reference.
"""

from __future__ import annotations

import re
from dataclasses import astuple
from typing import Any

from itukg.annotate.patterns import clause_label
from itukg.model import InternalReference, Resolution
from itukg.ontology import Vocabulary

_OTHER_TEXT = re.compile(r"\s*(?:of|in)\s+(?:Resolution|Recommendation|Decision)\b")


def annex_references(doc: Any, resolution: Resolution) -> list[InternalReference]:
    labels = {a.label for a in resolution.annexes}
    found: list[InternalReference] = []
    seen: set[str] = set()
    for span in doc.spans["annexes"]:
        values = span._.itukg
        if values["whose"] not in (None, "this"):
            continue
        targets = values["labels"]
        if not targets and values["whose"] == "this" and len(resolution.annexes) == 1:
            targets = [resolution.annexes[0].label]
        for label in targets:
            if label not in seen:
                seen.add(label)
                found.append(InternalReference("annex", label, span.text, None, label in labels))
    return found


def _kind_of_word(vocabulary: Vocabulary) -> dict[str, str]:
    return {
        name.casefold(): kind.id
        for kind in vocabulary.section_kinds.values()
        for name in (kind.label, *kind.alt_labels)
    }


_Index = tuple[dict[str, str], dict[str | None, list[tuple[int, Any]]], list[set[str | None]]]
_last_index: list[tuple[Resolution, Vocabulary, _Index]] = []


def _sections_of(resolution: Resolution, vocabulary: Vocabulary) -> _Index:
    """Section words, the sections by kind and their clause labels: made once per
    resolution (its clauses are annotated one after another), not once per clause, which
    a text of thousands of sections made quadratic."""
    if _last_index and _last_index[0][0] is resolution and _last_index[0][1] is vocabulary:
        return _last_index[0][2]
    of_kind: dict[str | None, list[tuple[int, Any]]] = {}
    for index, section in enumerate(resolution.sections):
        of_kind.setdefault(section.section_kind, []).append((index, section))
    labelled = [{c.label for c in s.clauses} for s in resolution.sections]
    made = (_kind_of_word(vocabulary), of_kind, labelled)
    _last_index[:] = [(resolution, vocabulary, made)]
    return made


def clause_references(
    doc: Any, resolution: Resolution, vocabulary: Vocabulary, own_citations: set[int]
) -> list[InternalReference]:
    """References such as 'resolves 3 ii)'; own_citations holds the start of each citation
    list in doc that names the resolution itself ('resolves 2 i) of Resolution 18 …')."""
    if not doc.spans["clauses"]:
        return []
    kinds, of_kind, labelled = _sections_of(resolution, vocabulary)
    text = doc.text
    found: list[InternalReference] = []
    seen: set[tuple[Any, ...]] = set()  # the fields == compares
    for span in doc.spans["clauses"]:
        kind = kinds.get(span._.itukg["word"].casefold())
        candidates = of_kind.get(kind, [])
        if not candidates:
            continue
        at = span.end_char
        # several sections of one kind are told apart by their addressee: 'instructs the Director 2'
        for index, section in candidates:
            written = section.addressee_text
            if written and text.startswith(" " + written, at):
                candidates = [(index, section)]
                at += len(written) + 1
                break
        label = clause_label(text, at)
        if label is None:
            continue
        end, wanted = label
        following = _OTHER_TEXT.match(text, end)
        if following:
            citation = re.compile(r"\s*(?:of|in)\s+").match(text, end)
            if citation is None or citation.end() not in own_citations:
                continue
        written = text[span.start_char : end]
        target = next((i for i, _ in candidates if wanted in labelled[i]), None)
        reference = InternalReference(
            "clause", wanted, written, target if target is not None else candidates[0][0],
            target is not None,
        )  # fmt: skip
        key = astuple(reference)
        if key not in seen:
            seen.add(key)
            found.append(reference)
    return found
