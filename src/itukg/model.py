"""The document model: what a text says, with the source line of every node.

Plain dataclasses, so that each stage after the parser (annotate, build, use) can
read and enrich them without knowing how they were found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from itukg.enums import ChangeKind, Part, Status, TextKind
from itukg.namespaces import slug


@dataclass
class ActorRef:
    """An actor named in a heading or clause, resolved to an ontology individual."""

    id: str
    label: str


@dataclass
class ResolutionCitation:
    """A citation of a resolution: body, number and (when given) revision.

    body is the ontology id of the enacting body; body_from says how it was found:
    'text' (named after the number), 'this' (this conference/assembly), 'prefix'
    (ITU-R 75), 'session' (the place and year of the revision), 'sentence' (a body
    named in the same sentence), 'citing' (none named: the citing resolution's own).
    """

    body: str
    number: str
    revision_place: str | None = None
    revision_year: int | None = None
    text: str = ""
    body_from: str = "text"
    kind: TextKind = TextKind.RESOLUTION

    @property
    def work_id(self) -> str:
        return f"{slug(self.body)}/{self.kind.work_prefix}{slug(self.number)}"

    @property
    def version_id(self) -> str | None:
        """'pp/191/bucharest-2022'; None when the citation gives no revision."""
        if self.revision_year is None:
            return None
        parts = [p for p in (self.revision_place, str(self.revision_year)) if p]
        return f"{self.work_id}/{slug(' '.join(parts))}"


@dataclass
class ProvisionCitation:
    """A citation of a provision of the Constitution (CS) or Convention (CV).

    kind is 'number' (No. 119) or 'article' (Article 1); ranges are expanded, one
    citation per provision.
    """

    instrument: str  # CS | CV
    number: str
    kind: str = "number"
    text: str = ""
    relating_to: str | None = None  # the Sector written after it: '(relating to ITU-R)'
    in_article: str | None = None  # the article written after it: 'Nos 12 and 13 of Article 2'

    @property
    def id(self) -> str:
        prefix = "article-" if self.kind == "article" else ""
        return f"{self.instrument.lower()}/{prefix}{slug(self.number)}"


@dataclass(frozen=True)
class ExternalCitation:
    """A citation of an instrument that is no resolution of an ITU conference, assembly
    or the Council: a United Nations resolution (A/RES/70/1), an ITU-T or ITU-R
    Recommendation (ITU-T X.1205), the Radio Regulations (RR) or the International
    Telecommunication Regulations (ITR), a treaty (the Tampere Convention), the outcome of a
    summit (the Tunis Agenda). Recorded as what it is, never as a resolution."""

    kind: str  # un-resolution | sector-recommendation | regulations | treaty | outcome
    identifier: str
    text: str = ""

    @property
    def id(self) -> str:
        return f"{self.kind}/{slug(self.identifier)}"


@dataclass
class InternalReference:
    """A reference to a clause or annex of the same resolution version.

    section is the index of the target section in Resolution.sections (clauses only).
    """

    kind: str  # clause | annex
    label: str
    text: str
    section: int | None = None
    resolved: bool = True  # False: the text names a clause or annex the resolution lacks


@dataclass
class Mandate:
    """What an operative clause asks of whom: modality, addressees, action, topics."""

    modality: str
    addressees: list[ActorRef]
    action: str | None
    collaborators: list[ActorRef] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class Clause:
    """A lettered, numbered, dashed or unnumbered paragraph of a section.

    label is the full label as cited ('a)', '3', '3 ii)'); local_label is the label as
    written on the line ('ii)'); parent is the full label of the clause it belongs to.
    """

    label: str | None
    local_label: str | None
    line: int
    end_line: int
    text: str
    parent: str | None = None
    notes: list[str] = field(default_factory=list)
    addressees: list[ActorRef] = field(default_factory=list)
    cites_resolutions: list[ResolutionCitation] = field(default_factory=list)
    cites_provisions: list[ProvisionCitation] = field(default_factory=list)
    cites_external: list[ExternalCitation] = field(default_factory=list)
    refers_to: list[InternalReference] = field(default_factory=list)
    collaborators: list[ActorRef] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    mandate: Mandate | None = None
    unknown_addressees: list[str] = field(default_factory=list)  # names no actor matches
    old_label: str | None = None  # its label in the text a draft revises (own label, not full)
    old_text: str | None = None  # its text there, when the residue shows a difference
    inserted: bool = False  # absent from the revised text (shown by the label residue)
    lead_in: bool = False  # 'pursuant to …:' before numbered items: introduces them, not one


@dataclass
class Section:
    """A heading and its clauses.

    kind is 'preamble' or 'operative'; section_kind is the heading word's kind in the
    ontology (considering, resolves, instructs …); modality is the operative verb that
    governs the clauses ('instructs' for 'resolves to instruct …'); addressee_text is
    what the heading says after its verb ('the Secretary-General').
    """

    heading: str
    kind: Part
    section_kind: str
    modality: str | None
    line: int
    end_line: int
    addressee_text: str = ""
    addressees: list[ActorRef] = field(default_factory=list)
    collaborators: list[ActorRef] = field(default_factory=list)
    unknown_addressees: list[str] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # footnotes called from the heading
    old_heading: str | None = None  # the heading in the revised text, when the residue shows one
    old_section_kind: str | None = None


@dataclass
class AnnexItem:
    label: str | None
    line: int
    text: str
    cites_resolutions: list[ResolutionCitation] = field(default_factory=list)
    cites_provisions: list[ProvisionCitation] = field(default_factory=list)
    cites_external: list[ExternalCitation] = field(default_factory=list)
    refers_to: list[InternalReference] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


@dataclass
class Annex:
    """An annex: its label ('1', 'A'), title, the clause it serves, its items."""

    label: str
    title: str | None
    line: int
    end_line: int
    with_respect_to: str | None = None
    to_resolution: str | None = None
    items: list[AnnexItem] = field(default_factory=list)


@dataclass
class Change:
    """A tracked change between a draft and the text it revises."""

    kind: ChangeKind
    where: str
    line: int
    old: str | None
    new: str | None
    uncertain: bool = False
    author: str | None = None  # who made it, when tracked by a word processor (.docx)
    date: str | None = None


@dataclass
class Resolution:
    """One version of a resolution as the text gives it."""

    body: str  # acronym of the enacting body: PP, RA, WTSA, WTDC, WRC, Council
    body_id: str  # the ontology individual of that body
    number: str
    revision_place: str | None
    revision_year: int | None
    status: Status
    title: str
    line: int
    end_line: int
    enacting: str | None = None
    sections: list[Section] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    supersedes: str | None = None
    notes: list[str] = field(default_factory=list)
    previous_revision: tuple[str | None, int] | None = None  # (place, year) of the revised text
    old_enacting: str | None = None
    kind: TextKind = TextKind.RESOLUTION
    complete: bool = True  # False: the text is cut off (parse/completeness.py says where)

    @property
    def work_id(self) -> str:
        return f"{slug(self.body_id)}/{self.kind.work_prefix}{slug(self.number)}"

    @property
    def version_slug(self) -> str:
        parts = [p for p in (self.revision_place, str(self.revision_year or "")) if p]
        return slug(" ".join(parts)) or "undated"

    @property
    def id(self) -> str:
        return f"{self.work_id}/{self.version_slug}"


@dataclass
class Document:
    """A source text and the resolutions in it."""

    source: str
    symbol: str | None = None
    date: str | None = None
    title: str | None = None
    cover: dict[str, object] = field(default_factory=dict)
    resolutions: list[Resolution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    format: str = "text"  # text export, or docx
