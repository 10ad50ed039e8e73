"""The terms of the itu: ontology namespace, as a closed rdflib namespace.

Generated from ontology/*.ttl by `python ontology/generate_vocabulary.py`, run from the
repository's root: do not edit by hand, rerun it when the ontology changes. A term the
ontology does not declare is an error, not a new IRI: ITU.notATerm raises AttributeError.
159 terms.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class ITU(DefinedNamespace):
    """The classes, properties and named individuals of https://w3id.org/itukg/ontology."""

    _fail = True

    # owl:Class
    Actor: URIRef  # actor
    AdvisoryGroup: URIRef  # Sector advisory group
    Annex: URIRef  # annex
    AnnexItem: URIRef  # annex item
    Assembly: URIRef  # assembly
    Body: URIRef  # body
    Bureau: URIRef  # Bureau
    Chairs: URIRef  # chairs of a group
    Change: URIRef  # tracked change
    Citation: URIRef  # citation of a resolution
    Clause: URIRef  # clause
    Committee: URIRef  # board or committee
    Conference: URIRef  # conference
    ConferenceSession: URIRef  # session of a conference or assembly
    CoordinationGroup: URIRef  # inter-Sector coordination group
    Council: URIRef  # Council
    CouncilGroup: URIRef  # group of the Council
    Decision: URIRef  # decision (work)
    Director: URIRef  # Director of a Bureau
    ExternalInstrument: URIRef  # external instrument
    ExternalOrganization: URIRef  # organization outside the Union
    GoverningBody: URIRef  # conference, assembly or Council
    LeadIn: URIRef  # lead-in
    LegalInstrument: URIRef  # basic instrument of the Union
    Mandate: URIRef  # mandate
    Membership: URIRef  # membership category
    Official: URIRef  # official
    Opinion: URIRef  # opinion (work)
    Overlap: URIRef  # overlap
    OverlapClass: URIRef  # overlap class
    Provision: URIRef  # provision of the Constitution or Convention
    ProvisionCitation: URIRef  # citation of a provision with its Sector
    ProvisionRange: URIRef  # range of provisions
    Recommendation: URIRef  # recommendation (work)
    RegionalOffice: URIRef  # regional office
    Resolution: URIRef  # resolution (work)
    ResolutionVersion: URIRef  # resolution version
    Secretariat: URIRef  # secretariat
    Section: URIRef  # section
    SectionKind: URIRef  # section kind
    SectionPart: URIRef  # part of a resolution
    Sector: URIRef  # Sector
    SourceDocument: URIRef  # source document
    Status: URIRef  # status of a version
    StudyGroups: URIRef  # study groups of a Sector
    SubClause: URIRef  # sub-clause
    UnionSector: URIRef  # Sector of the Union

    # owl:ObjectProperty
    addressee: URIRef  # addressee
    adoptedAt: URIRef  # adopted at
    belongsToSector: URIRef  # belongs to Sector
    changeAt: URIRef  # change at
    citedBody: URIRef  # cited body
    citedRelatingTo: URIRef  # cited relating to
    citedVersion: URIRef  # cited version
    citedWork: URIRef  # cited work
    citesExternal: URIRef  # cites external instrument
    citesProvision: URIRef  # cites provision
    citesResolution: URIRef  # cites resolution
    citesWork: URIRef  # cites resolution (any version)
    collaborator: URIRef  # collaborator
    enactedBy: URIRef  # enacted by
    expressedBy: URIRef  # expressed by
    firstClause: URIRef  # first clause
    firstSector: URIRef  # first clause's Sector
    hasAnnex: URIRef  # has annex
    hasChange: URIRef  # has change
    hasCitation: URIRef  # has citation
    hasClause: URIRef  # has clause
    hasItem: URIRef  # has item
    hasProvisionCitation: URIRef  # has provision citation
    hasSection: URIRef  # has section
    hasSubClause: URIRef  # has sub-clause
    hasVersion: URIRef  # has version
    headOf: URIRef  # head of
    instrument: URIRef  # instrument
    modality: URIRef  # modality
    overlapClass: URIRef  # overlap class
    overlapOf: URIRef  # overlap of
    overlapPart: URIRef  # overlap part
    part: URIRef  # part
    provision: URIRef  # provision
    refersTo: URIRef  # refers to
    relatesToSector: URIRef  # relates to Sector
    secondClause: URIRef  # second clause
    secondSector: URIRef  # second clause's Sector
    sectionKind: URIRef  # section kind
    sessionOf: URIRef  # session of
    sharedAddressee: URIRef  # shared addressee
    sharedTopic: URIRef  # shared topic
    source: URIRef  # read from
    status: URIRef  # status
    supersedes: URIRef  # supersedes
    topic: URIRef  # topic
    versionOf: URIRef  # version of
    withRespectTo: URIRef  # with respect to

    # owl:DatatypeProperty
    action: URIRef  # action
    changeKind: URIRef  # change kind
    citedAs: URIRef  # cited as
    complete: URIRef  # complete
    endLine: URIRef  # last source line
    evidenceFeature: URIRef  # evidence feature
    firstCaption: URIRef  # first clause's caption
    firstNumber: URIRef  # first number
    firstResolution: URIRef  # first clause's resolution
    heading: URIRef  # heading
    identifier: URIRef  # identifier
    inArticle: URIRef  # in article
    inferred: URIRef  # inferred
    instrumentKind: URIRef  # instrument kind
    label: URIRef  # label
    labelValue: URIRef  # label value
    lastNumber: URIRef  # last number
    lexicalSimilarity: URIRef  # lexical similarity
    line: URIRef  # first source line
    listingRank: URIRef  # listing rank
    method: URIRef  # method
    newText: URIRef  # new text
    normalisation: URIRef  # normalisation applied
    note: URIRef  # note
    number: URIRef  # number
    numberValue: URIRef  # number value
    oldText: URIRef  # old text
    order: URIRef  # order
    overlapReason: URIRef  # overlap reason
    place: URIRef  # place
    provisionKind: URIRef  # provision kind
    relatingToText: URIRef  # relating to (as written)
    revisionPlace: URIRef  # revision place
    revisionYear: URIRef  # revision year
    score: URIRef  # score
    secondCaption: URIRef  # second clause's caption
    secondResolution: URIRef  # second clause's resolution
    sharedAddresseeLabels: URIRef  # shared addressees' labels
    sharedTerms: URIRef  # shared terms
    sharedTopicLabels: URIRef  # shared topics' labels
    sharedVerb: URIRef  # shared action verb
    symbol: URIRef  # document symbol
    text: URIRef  # text
    uncertain: URIRef  # uncertain
    unknownAddressee: URIRef  # unknown addressee
    unresolvedReference: URIRef  # unresolved reference
    withRespectToText: URIRef  # with respect to (as written)
    year: URIRef  # year

    # owl:AnnotationProperty
    acronym: URIRef  # acronym
    collectiveLabel: URIRef  # collective label
    infinitive: URIRef  # infinitive
    modifier: URIRef  # heading modifier
    numberedLabel: URIRef  # numbered label
    resolutionPrefix: URIRef  # resolution prefix
    roleLabel: URIRef  # role label

    # named individuals
    Constitution: URIRef  # Constitution of the International Telecommunication Union
    Convention: URIRef  # Convention of the International Telecommunication Union
    Draft: URIRef  # draft
    Duplicate: URIRef  # duplicate
    InForce: URIRef  # in force
    Operative: URIRef  # operative part
    Preamble: URIRef  # preamble
    Related: URIRef  # related
    SameMandate: URIRef  # same-mandate

    _NS = Namespace("https://w3id.org/itukg/ontology#")
