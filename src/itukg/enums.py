"""The closed sets of values that travel between the stages, as string enumerations.

Each member is its own string ("draft", "same-mandate" …), so the JSON, the CLI choices
and the graph's literals keep their spelling, while the code compares against a member
and never against display text.
"""

from __future__ import annotations

from enum import StrEnum


class TextKind(StrEnum):
    """The kinds of text a conference, assembly or the Council adopts; each is a work with
    versions, like a resolution."""

    RESOLUTION = "resolution"
    DECISION = "decision"
    RECOMMENDATION = "recommendation"
    OPINION = "opinion"

    @property
    def work_prefix(self) -> str:
        """The segment before the number in a work's id: '' for a resolution ('pp/191'),
        'decision-' for the others ('pp/decision-5'), so numbers of two kinds never meet."""
        return "" if self is TextKind.RESOLUTION else f"{self.value}-"


class Status(StrEnum):
    """A resolution version's standing: the text in force, or a draft revising it."""

    DRAFT = "draft"
    IN_FORCE = "in-force"


class Part(StrEnum):
    """The part of a resolution a section belongs to."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"


class ChangeKind(StrEnum):
    """What a tracked change did to the text."""

    INSERTION = "insertion"
    DELETION = "deletion"
    SUBSTITUTION = "substitution"
    RENUMBERING = "renumbering"


class Severity(StrEnum):
    """How serious a validation result is (SHACL's severities)."""

    VIOLATION = "violation"
    WARNING = "warning"
    INFO = "info"


class OverlapClass(StrEnum):
    """The streamliners' classes of an overlapping pair."""

    DUPLICATE = "duplicate"
    SAME_MANDATE = "same-mandate"
    RELATED = "related"
