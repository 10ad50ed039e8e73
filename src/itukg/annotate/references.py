"""References to clauses and annexes of the same resolution version.

"the procedure given in Annex 2 to this resolution", "(see Annexes 2 and 3 to this
resolution)", "the provisions of resolves 3", "With respect to resolves 3 i)",
"instructs the Secretary-General 2": each is kept when the target exists in the
resolution; a reference to another text's annex or clause ("Annex A to Resolution
5", "resolves 1 of Resolution 71") is not an internal reference.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass
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


@dataclass(frozen=True)
class SectionIndex:
    """What clause references are resolved against, made once per resolution (not once
    per clause, which a text of thousands of sections made quadratic): section words, the
    sections by kind and each section's clause labels."""

    kinds: dict[str, str]
    of_kind: dict[str | None, list[tuple[int, Any]]]
    labelled: list[set[str | None]]


def section_index(resolution: Resolution, vocabulary: Vocabulary) -> SectionIndex:
    of_kind: dict[str | None, list[tuple[int, Any]]] = {}
    for index, section in enumerate(resolution.sections):
        of_kind.setdefault(section.section_kind, []).append((index, section))
    labelled = [{c.label for c in s.clauses} for s in resolution.sections]
    return SectionIndex(_kind_of_word(vocabulary), of_kind, labelled)


def clause_references(
    doc: Any, sections: SectionIndex, own_citations: set[int]
) -> list[InternalReference]:
    """References such as 'resolves 3 ii)'; own_citations holds the start of each citation
    list in doc that names the resolution itself ('resolves 2 i) of Resolution 18 …')."""
    if not doc.spans["clauses"]:
        return []
    kinds, of_kind, labelled = sections.kinds, sections.of_kind, sections.labelled
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
