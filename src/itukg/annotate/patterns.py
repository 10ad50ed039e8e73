"""Regular patterns of ITU citation style, as plain functions over text.

These are the shapes every ITU text uses, not names: "Resolution 71 (Rev. Bucharest,
2022)", "Resolutions 5 and 59", "Resolution ITU-R 7-4", "Nos. 151-154", "Article 1",
"resolves 3 ii)", "Annexes 2 and 3 to this resolution". The spaCy components in
nlp.py run them and attach what they find to the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from itukg.ontology import sector_prefix

_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
# ITU-R; 'ITUR', 'ITUT7' where a copy dropped the non-breaking hyphen (and the space after)
_PREFIX = r"(?:[A-Z]{2,4}[" + _DASHES + r"][A-Z]|ITU[RTD](?=\s|\d))"
_NUMBER = r"\d+[A-Z]?(?:[" + _DASHES + r"]\d+)?"  # 191, 7-4, 58A
_PAREN = r"\((?:[^()]|\([^()]*\))*\)"
# a number followed by a slash is a United Nations resolution's (70/1), never an ITU one's
_ITEM = rf"(?:{_PREFIX}\s*)?{_NUMBER}(?![\d/])(?:\s*{_PAREN})?"
_JOIN = r"\s*(?:,\s*and|,|and|&)\s*"

RESOLUTION_LIST = re.compile(
    # 'Res 71(Rev. Guadalajara, 2010)', 'Res. 191': the short form, before its number
    # 'Resolution37': the space lost before the number, as copies from the web lose it
    # 'WTSAResolution 64': the space lost after the body's acronym
    r"(?:\b|(?<=[A-Z]{2}))(?P<word>Resolution|Decision|Recommendation|Opinion"
    r"|Res\.?(?=\s+(?:ITU-[RTD]\s+)?\d))"
    r"(?:s?\s+(?:Nos?\.?\s+(?=\d))?|(?=\d))"  # 'Resolution No. 35': the older Final Acts' way
    rf"(?P<list>{_ITEM}(?:{_JOIN}(?:(?P=word)\s+)?{_ITEM})*)"
)
_ITEM_PARTS = re.compile(
    rf"(?:(?P<prefix>{_PREFIX})\s*)?(?P<number>\d+[A-Z]?)(?:[{_DASHES}](?P<edition>\d+))?"
    rf"(?:\s*(?P<paren>{_PAREN}))?"
)
_REVISION = re.compile(
    r"^\(\s*(?:R\s?ev\.?\s*)?(?:(?P<session>[A-Z]{2,5}[" + _DASHES + r"]\d{2})"
    r"|(?P<place>[^,()\d][^,()]*?),?\s+(?P<year>(?:19|20)\d{2}))\s*\)$"
)


@dataclass
class CitedItem:
    """One resolution of a citation list: its number and, when given, its revision."""

    prefix: str | None
    number: str
    place: str | None
    year: int | None
    session: str | None  # a session acronym such as WRC-19, when the revision names one
    paren: str | None = None  # a parenthesis that is no revision: '(WTDC)'
    kind: str = "resolution"  # or decision, recommendation, opinion: the word before the list


def resolution_lists(text: str) -> Iterator[tuple[int, int, list[CitedItem]]]:
    """Each 'Resolution(s) …' (or Decision, Recommendation, Opinion) list in text: its
    character span and its items."""
    for match in RESOLUTION_LIST.finditer(text):
        kind = match.group("word").lower()
        if kind.startswith("res"):
            kind = "resolution"  # 'Res. 191'
        items = []
        for part in _ITEM_PARTS.finditer(match.group("list")):
            place = year = session = other = None
            paren = part.group("paren")
            if paren:
                revision = _REVISION.match(re.sub(r"\s+", " ", paren))
                if revision:
                    session = revision.group("session")
                    place = revision.group("place")
                    year = int(revision.group("year")) if revision.group("year") else None
                else:
                    other = paren[1:-1].strip()
            items.append(
                CitedItem(
                    sector_prefix(part.group("prefix")),
                    part.group("number"),
                    place,
                    year,
                    session,
                    other,
                    kind,
                )
            )
        # "Resolutions 5 and 59 (Rev. Baku, 2025)": a revision after an item applies to the
        # undated ones before it, back to the previous dated one ("Resolutions 50 and 52
        # (Rev. Hammamet, 2016), Resolution 58 (Rev. Dubai, 2012)": 50 is of Hammamet)
        dated: CitedItem | None = None
        for item in reversed(items):
            if item.year or item.session:
                dated = item
            elif dated is not None:
                item.place, item.year, item.session = dated.place, dated.year, dated.session
        yield match.start(), match.end(), items


_PROVISION_NUMBER = r"\d+[A-Z]?"
_RANGE = rf"{_PROVISION_NUMBER}(?:\s*(?:[{_DASHES}]|to)\s*{_PROVISION_NUMBER})?"
_RANGE_LIST = rf"{_RANGE}(?:{_JOIN}{_RANGE})*"
PROVISION_GROUP = re.compile(
    # 'CV 156', 'CS 197': the number straight after the instrument's acronym
    rf"(?:\b(?:(?P<nos>Nos?\.|Nos?(?=\s+\d))|(?P<art>Articles?|Arts?\.))|(?<=\bC[SV]\s)(?=\d))\s*"
    rf"(?P<list>{_RANGE_LIST})(?![\d.]\d)"
    r"(?P<where>\s+(?:of|in)\s+Article\s+(?P<article>\d+[A-Z]?)\b(?![\d.]\d))?"
)
_RANGE_PARTS = re.compile(
    rf"(?P<first>{_PROVISION_NUMBER})(?:\s*(?:[{_DASHES}]|to)\s*(?P<last>{_PROVISION_NUMBER}))?"
)
MAX_RANGE = 1000  # a wider range is a misreading, not a citation


def provision_groups(text: str) -> Iterator[tuple[int, int, str, list[str], str | None]]:
    """Each 'No./Nos./Article(s) …' group: span, kind ('number'|'article'), numbers
    expanded, and the article they stand in when written after them ('Nos 12 and 13 of
    Article 2': the numbers are cited, the article only locates them)."""
    for match in PROVISION_GROUP.finditer(text):
        numbers: list[str] = []
        for part in _RANGE_PARTS.finditer(match.group("list")):
            first, last = part.group("first"), part.group("last")
            if (
                last
                and first.isdigit()
                and last.isdigit()
                and 0 < int(last) - int(first) <= MAX_RANGE
            ):
                numbers.extend(str(n) for n in range(int(first), int(last) + 1))
            else:
                numbers.extend(n for n in (first, last) if n)
        kind = "article" if match.group("art") else "number"
        article = match.group("article") if kind == "number" else None
        yield match.start(), match.end(), kind, numbers, article


_UN_NUMBER = r"(?:A/RES/|A/)?\d{1,4}/\d{1,3}(?:\s+of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4})?"
_UN_BODY = (
    r"(?:UNGA|UN\s+General\s+Assembly|United\s+Nations\s+General\s+Assembly|General\s+"
    r"Assembly|ECOSOC|Economic\s+and\s+Social\s+Council|Security\s+Council|UN|United\s+Nations)"
)
_UN_LIST = re.compile(
    rf"(?:\b(?P<before>{_UN_BODY})\s+)?\b[Rr]esolutions?\s+"
    rf"(?P<list>{_UN_NUMBER}(?:{_JOIN}(?:[Rr]esolution\s+)?{_UN_NUMBER})*)"
    rf"(?P<after>\s*(?:\(\d{{4}}\)|of\s+\d{{1,2}}\s+\w+\s+\d{{4}}))?"
    rf"(?:\s+(?:of|by)\s+the\s+(?P<of>{_UN_BODY}))?"
    rf"|\bA/RES/\d{{1,3}}/\d{{1,3}}"
)
# a resolution of the Human Rights Council, by its document symbol: 'A/HRC/RES/20/8', or
# the draft's 'A/HRC/20/L.13' that a text cites before it is numbered
_HUMAN_RIGHTS = re.compile(r"\bA/HRC/(?:RES/)?\d{1,2}/(?:L\.)?\d{1,3}(?:/Rev\.\d)?\b")
_SECURITY_COUNCIL = re.compile(
    r"\b(?:UN\s+|United\s+Nations\s+)?Security\s+Council\s+[Rr]esolutions?\s+"
    r"(?P<list>\d{3,4}(?:\s*\(\d{4}\))?(?:\s*(?:,\s*and|,|and)\s*\d{3,4}(?:\s*\(\d{4}\))?)*)"
)
_RECOMMENDATION_WORD = r"(?:Recommendations?|RECOMMENDATIONS?)"
_SECTOR_RECOMMENDATION = re.compile(
    # the CCITT's Recommendations before 1993, which ITU-T took over: 'CCITT Recommendation D.150'
    rf"\b(?:{_RECOMMENDATION_WORD}\s+(?P<s1>ITU-[RT])|(?P<s2>ITU-[RT]|CCITT)\s+Recommendations?)\s+"
    r"(?P<list>[A-Z]{1,3}\.\d+(?:\.\d+)*(?:\s*(?:,\s*and|,|and)\s*(?:ITU-[RT]\s+)?"
    r"[A-Z]{1,3}\.\d+(?:\.\d+)*)*)"
)
# an ITU-D Recommendation, numbered without a series letter: 'RECOMMENDATION ITU-D 6-1',
# 'Recommendations ITU-D 17 and 18' (a copy may lose the hyphen: 'ITU D 18')
_D_NUMBER = r"\d{1,3}(?:-\d{1,2})?"
_DEVELOPMENT_RECOMMENDATION = re.compile(
    rf"\b{_RECOMMENDATION_WORD}\s+ITU[-\u2011 ]D\s+"
    rf"(?P<list>{_D_NUMBER}(?:\s*(?:,\s*and|,|and)\s*(?:ITU[-\u2011 ]D\s+)?{_D_NUMBER})*)"
    r"(?![\w.]*\d)"
)
# a provision of the Radio Regulations: numbered by article and point ('No. 5.441B', 'Nos.
# 5.340 and 5.341'), where the Constitution and Convention number plainly
# (numbered 'S5.388' from 1996 to 2000, while the simplified Regulations and the old ones
# stood side by side)
_RR_NUMBER = r"S?\d{1,2}\.\d{1,4}[A-Z]{0,3}"
_RR_PROVISIONS = re.compile(
    rf"\bNos?\.?\s*(?P<list>{_RR_NUMBER}(?:\s*(?:,\s*and|,|and)\s*"
    rf"{_RR_NUMBER})*)(?![\w.]\w)"
    r"(?:\s+(?:of|in)\s+the\s+(?:Radio\s+Regulations|RR)\b)?"
)
# an article or appendix of the Radio Regulations, named after it ('Article 9 of the Radio
# Regulations', 'Appendices 30/S30, 30A/S30A and 30B/S30B to the Radio Regulations', 'RR
# Appendix 4'), or one of the plans' appendices, which need no name ('Article 7 of Appendix
# 30B'): the Constitution and Convention have no appendices
_RR_PART = r"S?\d{1,2}[A-Z]?(?:/S\d{1,2}[A-Z]?)?"
_RR_PLAN = re.compile(r"S?30[AB]?$")
_RR_PARTS = re.compile(
    r"\b(?P<named>RR\s+)?(?P<kind>Articles?|Appendix|Appendices)\s+"
    rf"(?P<list>{_RR_PART}(?:\s*(?:,\s*and|,|and)\s*{_RR_PART})*)(?![\w/-])"
    r"(?P<of>\s+(?:of|to)\s+the\s+(?:Radio\s+Regulations|RR)\b(?:\s+\(RR\))?)?"
)
_REGULATIONS = re.compile(
    # not the Board named after them ('the Radio Regulations Board', 'RRB')
    r"\b(?P<rr>Radio\s+Regulations|RR)\b(?!-|\s+Board\b)|\b(?P<itr>International\s+Telecommunication"
    r"\s+Regulations|ITRs?)\b"
)


# a treaty other than the Union's own instruments: 'the Tampere Convention on the Provision
# of …', 'the Convention on the Rights of Persons with Disabilities'
_CAPITALISED = r"[A-Z][a-z]+"
_TREATY = re.compile(
    rf"\b(?P<named>(?:{_CAPITALISED}\s+){{1,3}})Convention\b"
    rf"|\bConvention\s+on\s+(?P<about>(?:the\s+)?{_CAPITALISED}"
    rf"(?:\s+(?:(?:of|with|and|for|the|on)\s+)*{_CAPITALISED}){{0,8}})"
)
_NOT_A_TREATY = {"International Telecommunication", "Telecommunication Union", "Union"}
_DETERMINERS = {"The", "This", "That", "These", "Its", "Their", "Such", "Each", "Said"}


@dataclass(frozen=True)
class ExternalItem:
    """A non-ITU instrument cited (a UN resolution), or one the conferences and assemblies
    do not adopt as resolutions (an ITU-T or ITU-R Recommendation, the Radio Regulations)."""

    kind: str  # un-resolution | sector-recommendation | regulations | treaty | outcome
    identifier: str  # 'A/RES/70/1', 'ITU-T X.1205', 'RR', 'WSIS Tunis Agenda'


NamedInstruments = tuple[re.Pattern[str], dict[str, list[ExternalItem]]]


def named_instruments(named: Iterable[tuple[str, str, tuple[str, ...]]]) -> NamedInstruments:
    """The instruments cited by name ((kind, identifier, names) each, from the ontology):
    one pattern of their names, longest first (any run of spaces between the words), and
    what each name, its spaces made single and case folded, cites. A name of three words
    or more is found whatever the case of the words after its first ('the WSIS
    declaration of principles'); a shorter one only as written ('Tunis Agenda'). Two
    names of one place are also found joined, the place written once ('the Geneva
    Declaration of Principles and Plan of Action', 'the Tunis Commitment and Agenda')."""
    items = [(" ".join(name.split()), ExternalItem(kind, identifier))
             for kind, identifier, names in named for name in names]  # fmt: skip
    spelled = {name: [item] for name, item in items}
    for first, one in items:
        for second, other in items:
            place = first.split()[0]
            if one != other and len(first.split()) > 1 and second.startswith(place + " "):
                spelled.setdefault(f"{first} and {second[len(place) + 1 :]}", [one, other])
    cited = {name.casefold(): found for name, found in spelled.items()}
    names = sorted(spelled, key=len, reverse=True)
    alternatives = "|".join(_name_pattern(name) for name in names)
    return re.compile(rf"\b(?:{alternatives})\b" if alternatives else r"(?!x)x"), cited


# between the words of a name, the quotation marks a text may put around part of it (the
# WSIS "Plan of Action", the "Declaration of Principles" of the World Summit …)
_NAME_GAP = '[\u201d"]?\\s+[\u201c"]?'


def _name_pattern(name: str) -> str:
    first, *rest = name.split()
    if len(rest) < 2:
        return _NAME_GAP.join(re.escape(word) for word in (first, *rest))
    return _NAME_GAP.join([re.escape(first), *(f"(?i:{re.escape(word)})" for word in rest)])


def external_instruments(
    text: str, by_name: NamedInstruments | None = None
) -> Iterator[tuple[int, int, list[ExternalItem]]]:
    """Each citation of an external instrument: its span and what it cites (by_name: the
    instruments cited by name, as named_instruments gives them)."""
    if by_name is not None:
        pattern, cited = by_name
        for match in pattern.finditer(text):
            name = re.sub(r"[\u201c\u201d\"]", "", match.group())
            yield match.start(), match.end(), cited[" ".join(name.split()).casefold()]
    for match in _UN_LIST.finditer(text):
        who = " ".join((match.group("before") or match.group("of") or "").split()).casefold()
        found = re.findall(r"(?:A/RES/|A/)?(\d{1,4})/(\d{1,3})", match.group(0))
        items = []
        for first, second in found:
            council = who in ("ecosoc", "economic and social council") or len(first) == 4
            prefix = "E/RES" if council else "A/RES"
            items.append(ExternalItem("un-resolution", f"{prefix}/{first}/{second}"))
        yield match.start(), match.end(), items
    for match in _DEVELOPMENT_RECOMMENDATION.finditer(text):
        numbers = re.findall(_D_NUMBER, match.group("list"))
        items = [ExternalItem("sector-recommendation", f"ITU-D {n}") for n in numbers]
        yield match.start(), match.end(), items
    for match in _HUMAN_RIGHTS.finditer(text):
        yield match.start(), match.end(), [ExternalItem("un-resolution", match.group(0))]
    for match in _SECURITY_COUNCIL.finditer(text):
        numbers = re.findall(r"(?<!\()\b\d{3,4}\b(?!\))", match.group("list"))
        yield (
            match.start(),
            match.end(),
            [ExternalItem("un-resolution", f"S/RES/{n}") for n in numbers],
        )
    for match in _SECTOR_RECOMMENDATION.finditer(text):
        sector = match.group("s1") or match.group("s2")
        items = []
        for part in re.finditer(
            r"(?:(ITU-[RT])\s+)?([A-Z]{1,3}\.\d+(?:\.\d+)*)", match.group("list")
        ):
            items.append(
                ExternalItem("sector-recommendation", f"{part.group(1) or sector} {part.group(2)}")
            )
        yield match.start(), match.end(), items
    provisions = []
    for match in _RR_PROVISIONS.finditer(text):
        numbers = re.findall(_RR_NUMBER, match.group("list"))
        provisions.append((match.start(), match.end()))
        yield (
            match.start(),
            match.end(),
            [ExternalItem("regulations", f"RR No. {n}") for n in numbers],
        )
    for match in _RR_PARTS.finditer(text):
        kind = "Article" if match.group("kind").startswith("Article") else "Appendix"
        numbers = [n.split("/")[0] for n in re.findall(_RR_PART, match.group("list"))]
        named = match.group("named") or match.group("of")
        if not named and (kind == "Article" or not all(_RR_PLAN.match(n) for n in numbers)):
            continue  # 'Article 12 of the Constitution', 'Appendix 1 to this Resolution'
        provisions.append((match.start(), match.end()))
        yield (
            match.start(),
            match.end(),
            [ExternalItem("regulations", f"RR {kind} {n}") for n in numbers],
        )
    for match in _REGULATIONS.finditer(text):
        if any(start <= match.start() < end for start, end in provisions):
            continue  # 'No. 5.316 of the Radio Regulations': the provision is cited
        name = "RR" if match.group("rr") else "ITR"
        yield match.start(), match.end(), [ExternalItem("regulations", name)]
    for match in _TREATY.finditer(text):
        if match.group("named"):
            words = match.group("named").split()
            while words and words[0] in _DETERMINERS:
                words.pop(0)  # 'The Convention provides …': the Union's own
            if not words:
                continue
            named = " ".join(words)
            if named in _NOT_A_TREATY or named.endswith(("Telecommunication Union", "Union")):
                continue  # the Union's own Convention
            name = f"{named} Convention"
        else:
            name = "Convention on " + " ".join(match.group("about").split())
        yield match.start(), match.end(), [ExternalItem("treaty", name)]


SENTENCE_BREAK = re.compile(r";|\.\s+(?=[A-Z(])|\.$")


def same_sentence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] crosses no sentence or list-item boundary."""
    between = text[start:end]
    return not SENTENCE_BREAK.search(re.sub(r"\b(?:Nos?|Rev|Art|Arts)\.", "", between))


_ANNEX_LABEL = r"(?:[A-Z]|\d+)\b"
ANNEX_REFERENCE = re.compile(
    rf"\bAnnex(?:es)?(?P<labels>(?:\s+{_ANNEX_LABEL})(?:{_JOIN}(?:Annex\s+)?{_ANNEX_LABEL})*)?"
    r"(?P<target>\s+(?:to|of)\s+(?P<whose>this|the present|[Rr]esolution|Decision|"
    r"Recommendation)\b(?:\s+(?:[Rr]esolution|[Dd]ecision|[Rr]ecommendation)\b)?)?"
)


def annex_references(text: str) -> Iterator[tuple[int, int, list[str], str | None]]:
    """Each 'Annex(es) …' mention: span, labels (empty for 'the Annex'), and whose annex.

    whose is None when no owner is written, 'this' for 'to this resolution', or the
    word that names another text ('Resolution', 'Recommendation').
    """
    for match in ANNEX_REFERENCE.finditer(text):
        labels = re.findall(_ANNEX_LABEL, re.sub(r"\bAnnex\b", "", match.group("labels") or ""))
        whose = match.group("whose")
        if whose in ("this", "the present"):
            whose = "this"
        yield match.start(), match.end(), labels, whose


CLAUSE_LABEL = re.compile(
    r"\s+(?P<number>\d+)(?:\s*(?P<sub>[ivx]{1,5}|[a-z])\))?(?![\w)])"
    r"|\s+(?P<letter>[a-z])\)"
)


def clause_label(text: str, at: int) -> tuple[int, str] | None:
    """A clause label at position at ('3', '3 ii)', '3a)', 'b)'): its end and canonical form."""
    match = CLAUSE_LABEL.match(text, at)
    if not match:
        return None
    if match.group("letter"):
        return match.end(), f"{match.group('letter')})"
    label = match.group("number")
    if match.group("sub"):
        label += f" {match.group('sub')})"
    return match.end(), label
