"""An independent check of what itukg reads from the PP-18 Final Acts (AKN XML).

The facts below were counted by hand from ../shared/corpus/pp18/pp18-final-acts-dev.akn.xml
(grep -n / sed -n on the XML, not from itukg's output), as a reader of the printed texts would
count them: 12 texts spread over the volume (Decision 5, Resolutions 2, 25, 71, 130, 150,
157, 176, 201, 207, 212 and Recommendation 7). For each: the title (kind, number, revision),
every section heading in order as the printed text has it, headings the converter glued to
the end of a paragraph or into a recital included; the number of top-level items under each
heading (an unnumbered single paragraph counts 1, sub-items i), 1.1, a) under a number do not);
the addressees of each operative heading that names bodies; and, for 11 of the texts, the
resolutions / decisions and CS/CV provisions cited in named clauses (found by a snippet of
their text, so a citation is scored apart from the heading and label that hold it).

The test measures: per fact family, the share of the hand facts itukg gets right over the
sample, asserted against a floor set just below today's share, so a regression fails and an
improvement shows. `pytest -s` prints the shares and every mismatch.

Shares today (floors below): titles 12/12, headings 99/99 (100 %), item counts 98/99
(99.0 %), addressees 45/45 (100 %), citations 96/98 (98.0 %). A lead-in ending in ':' before
item 1 (Res 130 l.6076) is a clause of its own kind, not an item. Left: an unnumbered
paragraph before 'i)' counted apart (Res 157 l.9215), and 'Resolutions 50 and 52 (Rev. Hammamet,
2016), Resolution 58 (Rev. Dubai, 2012) …' of Res 130 (l.5821), where 50 takes WTDC
from the sentence and 58's (Dubai, 2012) names both WTSA-12 and WCIT-12.

Shares measured when this file was first written, before the parser split long glued
headings, a glued heading with its one unnumbered clause, and '4.1' labels, with the
causes of the misses then:

    titles       12/12 = 100.0 %
    headings     90/99 =  90.9 %   glued headings over 160 characters (Res 25 l.1676, Res 130
                                   l.6016, Res 176 l.9987 twice) and glued headings followed in
                                   the same sentence by an unnumbered item ('instructs the
                                   Director of TSB to continue …': Res 130 l.6092, Res 157
                                   l.9215, Res 207 l.14342, Res 212 l.15296 and l.15342) are not
                                   split off
    item counts  83/99 =  83.8 %   9 under the missing headings, 3 under the heading before
                                   one (which gets its items), and 4 of their own: '4.1'-'4.3'
                                   unlabelled (Decision 5), Annex 1 of Decision 5 read as
                                   clauses, 'v)' of Res 212 recalling c) made a top-level item,
                                   the lead-in line of Res 130 l.6080 counted as an item
    addressees   37/45 =  82.2 %   every miss is a missing heading (37/37 where it is read)
    citations    93/98 =  94.9 %   no decision is ever cited (Decision 5 twice, Council
                                   Decision 588), 'Resolutions 50 and 52 (Rev. Hammamet, 2016),
                                   … 69 (Rev. Buenos Aires, 2017)' gives 50 the last revision of
                                   the list (WTDC), CV 81 lands in the clause before the missing
                                   'requests the ITU Council'

Note: the volume's "PART VI - SIGNATORIES" and "PART VII - DECLARATIONS" are glued into the
last paragraph of Recommendation 7 (XML line 15468), the last text of the file, not into
Resolution 212; both are checked to be kept out of every clause.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import pytest
from conftest import ROOT

PP18 = ROOT.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"

pytestmark = pytest.mark.skipif(not PP18.exists(), reason=f"{PP18} is absent")

SG = "secretary-general"
BR, TSB, BDT = "director-br", "director-tsb", "director-bdt"
DIRECTORS = (BR, TSB, BDT)
COUNCIL = "council"
MS, SM, ASSOC, ACAD = "member-states", "sector-members", "associates", "academia"

TDB = "the Telecommunication Development Bureau"
TSBN = "the Telecommunication Standardization Bureau"
RB = "the Radiocommunication Bureau"


@dataclass
class Sec:
    """A heading as printed, its XML line, its top-level item count, its addressees (ids).

    addressees None: the heading names no body (preamble, resolves …), not scored.
    """

    heading: str
    line: int
    items: int
    addressees: tuple[str, ...] | None = None


@dataclass
class Doc:
    id: str
    kind: str
    number: str
    sections: list[Sec]
    citations: list[tuple[str, set, set]] = field(default_factory=list)
    # (snippet of the clause's text, {(kind, body, number)}, {provision id})


def R(body: str, number: str, kind: str = "resolution") -> tuple[str, str, str]:
    return (kind, body, number)


def D(body: str, number: str) -> tuple[str, str, str]:
    return ("decision", body, number)


# --- the hand counts ----------------------------------------------------------------------
SAMPLE = [
    Doc(
        "pp/decision-5/dubai-2018",
        "decision",
        "5",
        [
            Sec("considering", 105, 2),
            Sec("considering further", 119, 2),
            Sec("noting", 133, 1),
            Sec("noting further", 143, 1),
            Sec("decides", 154, 7),  # 1 (1.1-1.4 run into it), 2 … 7
            Sec(
                "instructs the Secretary-General, with the assistance of the Coordination "
                "Committee",
                252,  # glued to decides 7
                3,
                (SG,),
            ),
            Sec("instructs the Secretary-General", 276, 3, (SG,)),
            Sec(
                "instructs the Secretary-General and the Directors of the Bureaux",
                292,  # glued to the item 3 before
                3,
                (SG, *DIRECTORS),
            ),
            Sec("instructs the ITU Council", 316, 9, (COUNCIL,)),
            Sec("invites the ITU Council", 374, 1, (COUNCIL,)),
            Sec("invites Member States", 384, 1, (MS,)),  # Annexes 1 and 2 run into it
        ],
        [
            ("in compliance with Resolution 71 (Rev. Dubai, 2018)", {R("pp", "71")}, set()),
            ("Resolution 91 (Rev. Guadalajara, 2010)", {R("pp", "91")}, set()),
            ("Resolution 151 (Rev. Dubai, 2018) of this conference", {R("pp", "151")}, set()),
            ("that Resolution 48 (Rev. Dubai, 2018)", {R("pp", "48")}, set()),
            ("comprising all elements of a systematic", {R("pp", "71")}, set()),
            # Article 27 of the Financial Regulations: no CS/CV provision
            ("in accordance with Article 27 of the current Financial", set(), set()),
        ],
    ),
    Doc(
        "pp/2/dubai-2018",
        "resolution",
        "2",
        [
            Sec("considering", 481, 9),
            Sec("conscious", 523, 4),
            Sec("emphasizing", 545, 7),
            Sec("resolves", 580, 10),  # 10 run into 9 (line 632)
            Sec("instructs the Secretary-General", 638, 1, (SG,)),
            Sec("instructs the ITU Council", 648, 3, (COUNCIL,)),
            Sec("further instructs the ITU Council", 670, 1, (COUNCIL,)),
        ],
        [
            ("Resolution 77 (Rev. Dubai, 2018) of this conference", {R("pp", "77")}, set()),
            ("as established by Resolution 2 (Kyoto, 1994)", {R("pp", "2")}, set()),
        ],
    ),
    Doc(
        "pp/25/dubai-2018",
        "resolution",
        "25",
        [
            Sec("considering", 1311, 3),
            Sec("bearing in mind", 1329, 12),
            Sec("noting with appreciation", 1377, 5),  # glued to bearing in mind l)
            Sec("recognizing", 1403, 3),
            Sec("convinced", 1421, 8),
            Sec("noting", 1459, 4),
            Sec("resolves", 1482, 12),  # 10, 11, 12 run into 9 (line 1534)
            Sec("further resolves", 1534, 2),  # glued to resolves 12
            Sec("instructs the ITU Council", 1552, 7, (COUNCIL,)),
            Sec("instructs the Secretary-General", 1598, 6, (SG,)),
            Sec(
                "instructs the Secretary-General, in close consultation with the Directors of "
                "the three Bureaux",
                1640,
                3,
                (SG,),
            ),
            Sec(f"instructs the Director of {TDB}", 1658, 1, (BDT,)),  # one item, i)-vii)
            Sec(
                f"instructs the Director of {TDB}, in close consultation with the "
                f"Secretary-General and the Directors of {RB} and {TSBN}",
                1676,
                7,
                (BDT,),
            ),
            Sec(f"instructs the Directors of {RB} and {TSBN}", 1720, 2, (BR, TSB)),
        ],
        [
            ("Article 1 of the ITU Constitution on the purposes", set(), {"cs/article-1"}),
            ("Resolution 123 (Rev. Dubai, 2018)", {R("pp", "123")}, set()),
            ("Resolution 5 (Rev. Buenos Aires, 2017)", {R("wtdc", "5")}, set()),
            ("Resolution ITU-R 48-2 (Rev. Geneva, 2015)", {R("ra", "48")}, set()),
            ("Resolution 44 (Rev. Hammamet, 2016)", {R("wtsa", "44")}, set()),
            ("as stipulated in Article 5 of the ITU Convention", set(), {"cv/article-5"}),
            ("Resolution 59 (Rev. Buenos Aires, 2017) of WTDC", {R("wtdc", "59")}, set()),
            ("Resolution ITU-R 7-3 (Rev. Geneva, 2015) of RA", {R("ra", "7")}, set()),
            ("Resolution 18 (Rev. Hammamet, 2016) of WTSA", {R("wtsa", "18")}, set()),
            (
                "as provided for by Resolution 167 (Rev. Dubai, 2018)",
                {R("pp", "167"), R("pp", "157")},
                set(),
            ),
        ],
    ),
    Doc(
        "pp/71/dubai-2018",
        "resolution",
        "71",
        [
            Sec("considering", 3313, 4),
            Sec("welcoming", 3335, 1),
            Sec("noting", 3345, 2),
            Sec("recognizing", 3359, 4),
            Sec("resolves", 3382, 1),
            Sec(
                "instructs the Secretary-General and the Directors of the Bureaux",
                3386,  # glued to resolves
                6,
                (SG, *DIRECTORS),
            ),
            Sec("instructs the ITU Council", 3436, 5, (COUNCIL,)),
            Sec("invites Sector Members", 3470, 1, (SM,)),  # Annex 1 runs into it
        ],
        [
            ("Article 19 of the Convention, on the participation", set(), {"cv/article-19"}),
            ("Resolution 70 (Rev. Dubai, 2018) of this conference", {R("pp", "70")}, set()),
            ("Resolution 72 (Rev. Busan, 2014)", {R("pp", "72")}, set()),
            ("Annex 1 to Decision 5 (Rev. Dubai, 2018)", {D("pp", "5")}, set()),
            ("referred to in No. 235 of the Convention", set(), {"cv/235"}),
        ],
    ),
    Doc(
        "pp/130/dubai-2018",
        "resolution",
        "130",
        [
            Sec("recalling", 5535, 17),
            Sec("considering", 5609, 18),
            Sec("recognizing", 5687, 15),
            Sec("aware", 5757, 8),
            Sec("noting", 5795, 4),
            Sec("bearing in mind", 5817, 1),
            Sec("resolves", 5828, 12),  # 10, 11, 12 run into 9 (line 5880)
            Sec(
                "instructs the Secretary-General and the Directors of the Bureaux",
                5880,
                8,
                (SG, *DIRECTORS),
            ),
            Sec(f"instructs the Director of {TSBN}", 5936, 3, (TSB,)),
            Sec(f"instructs the Director of {TDB}", 5962, 11, (BDT,)),  # 10, 11 run (6016)
            Sec(
                f"further instructs the Director of {TSBN} and the Director of {TDB}, each "
                "within the scope of their responsibilities",
                6016,
                13,  # 10-13 run into 9 (line 6070)
                (TSB, BDT),
            ),
            # "pursuant to his initiative on this matter:" leads in to items 1 and 2
            Sec("instructs the Secretary-General", 6076, 2, (SG,)),
            Sec("requests the ITU Council", 6092, 1, (COUNCIL,)),  # glued to item 2 before
            Sec("invites Member States", 6098, 7, (MS,)),
            Sec("invites Member States, Sector Members and Associates", 6138, 6, (MS, SM, ASSOC)),
        ],
        [
            ("Resolution 174 (Rev. Busan, 2014)", {R("pp", "174")}, set()),
            ("Resolution 58 (Rev. Dubai, 2012) of the World", {R("wtsa", "58")}, set()),
            (
                "the work of ITU established by Resolutions 50 and 52",  # bodies by session
                {R("wtsa", "50"), R("wtsa", "52"), R("wtsa", "58"), R("wtdc", "45")}
                | {R("wtdc", "69")},
                set(),
            ),
            ("Action Line C5, taking into account Resolution 140", {R("pp", "140")}, set()),
            ("in accordance with Resolution 100 (Minneapolis, 1998)", {R("pp", "100")}, set()),
            ("documents sent to Member States in accordance with No. 81", set(), {"cv/81"}),
        ],
    ),
    Doc(
        "pp/150/dubai-2018",
        "resolution",
        "150",
        [Sec("considering", 8641, 2), Sec("resolves", 8656, 1)],
        [("No. 53 of the ITU Constitution", set(), {"cs/53"})],
    ),
    Doc(
        "pp/157/dubai-2018",
        "resolution",
        "157",
        [
            Sec("recalling", 9151, 5),
            Sec("recognizing", 9177, 4),
            Sec("noting", 9199, 4),
            Sec(
                f"resolves to instruct the Secretary-General, in close collaboration with the "
                f"Director of {TDB}",
                9215,  # inside noting d), items 1-15 run together
                15,
                (SG,),
            ),
            Sec("further resolves", 9215, 1),  # "to strengthen … by:" i)-iii)
            Sec("instructs the ITU Council", 9226, 1, (COUNCIL,)),
        ],
        [
            ("No. 118 of the ITU Constitution outlining", set(), {"cs/118"}),
            ("Resolution 135 (Rev. Dubai, 2018)", {R("pp", "135")}, set()),
            ("Resolution 52 (Rev. Dubai, 2014)", {R("wtdc", "52")}, set()),
            ("Resolution 17 (Rev. Buenos Aires, 2017) of WTDC", {R("wtdc", "17")}, set()),
            ("Annex 2 to Decision 5 (Rev. Dubai, 2018)", {D("pp", "5")}, set()),
            ("to continue reviewing best practices within", set(), {"cs/118"}),
            ("to encourage projects from all sources", {R("pp", "71")}, set()),
            ("to prepare a detailed annual report to the Council", set(), {"cs/118"}),
        ],
    ),
    Doc(
        "pp/176/dubai-2018",
        "resolution",
        "176",
        [
            Sec("recalling", 9929, 4),
            Sec("considering", 9951, 9),
            # the three headings below sit inside considering i), after its footnotes
            Sec("resolves to instruct the Directors of the three Bureaux", 9987, 2, DIRECTORS),
            Sec(
                f"instructs the Director of {TDB}, in collaboration with the Director of {RB} "
                f"and the Director of {TSBN}",
                9987,
                5,
                (BDT,),
            ),
            Sec(
                f"instructs the Director of {TSBN}, in collaboration with the Director of {RB} "
                f"and the Director of {TDB}",
                9987,
                1,
                (TSB,),
            ),
            Sec(
                "instructs the Secretary-General, in consultation with the Directors of the "
                "three Bureaux",
                9987,
                2,
                (SG,),
            ),
            Sec("invites Member States", 9994, 4, (MS,)),
        ],
        [
            ("Resolution 72 (Rev. Hammamet, 2016) of the World", {R("wtsa", "72")}, set()),
            ("Resolution 62 (Rev. Buenos Aires, 2017) of the World", {R("wtdc", "62")}, set()),
            (
                "to work closely with all relevant organizations in the implementation",
                {R("wtsa", "72"), R("wtdc", "62")},  # bodies by session only
                set(),
            ),
        ],
    ),
    Doc(
        "pp/201/dubai-2018",
        "resolution",
        "201",
        [
            Sec("recalling", 13031, 6),
            Sec("recalling further", 13061, 3),
            Sec("noting", 13079, 3),
            Sec("recognizing", 13097, 4),
            Sec("resolves to instruct the ITU Council", 13113, 2, (COUNCIL,)),  # in recital d)
            Sec("instructs the Secretary-General", 13120, 5, (SG,)),
            Sec(f"instructs the Director of {TDB}", 13148, 3, (BDT,)),
            Sec(
                "invites Member States, Sector Members, Associates and Academia",
                13166,
                4,
                (MS, SM, ASSOC, ACAD),
            ),
        ],
        [
            ("Resolution 37 (Rev. Buenos Aires, 2017)", {R("wtdc", "37")}, set()),
            ("Resolution 137 (Rev. Dubai, 2018)", {R("pp", "137")}, set()),
            ("Resolution 139 (Rev. Dubai, 2018)", {R("pp", "139")}, set()),
            ("Resolution 140 (Rev. Dubai, 2018)", {R("pp", "140")}, set()),
            ("Resolution 136 (Rev. Dubai, 2018)", {R("pp", "136")}, set()),
            ("Resolution 182 (Rev. Busan, 2014)", {R("pp", "182")}, set()),
            ("Resolution 183 (Rev. Busan, 2014)", {R("pp", "183")}, set()),
        ],
    ),
    Doc(
        "pp/207/dubai-2018",
        "resolution",
        "207",
        [
            Sec("recalling", 14283, 1),
            Sec("considering", 14293, 3),
            Sec("noting", 14311, 2),
            Sec("resolves", 14326, 3),
            Sec(f"instructs the Director of {TSBN}", 14342, 1, (TSB,)),  # glued, like the next
            Sec(
                "instructs the Secretary-General and the Directors of the three Bureaux",
                14342,
                3,
                (SG, *DIRECTORS),
            ),
            Sec("invites ITU Member States", 14360, 2, (MS,)),
        ],
        [("that Resolution 169 (Rev. Busan, 2014)", {R("pp", "169")}, set())],
    ),
    Doc(
        "pp/212/dubai-2018",
        "resolution",
        "212",
        [
            Sec("recalling", 15183, 4),
            Sec("observing", 15213, 1),
            Sec("noting", 15223, 4),
            Sec("recognizing", 15245, 1),
            Sec("resolves", 15256, 4),  # item 2 cut by the converter at "recalling c) iv)"
            Sec("instructs the ITU Council", 15292, 1, (COUNCIL,)),
            # a group of the Council (body:msag), not the Member States
            Sec("instructs the Member States Advisory Group", 15296, 1, ("msag",)),
            Sec("instructs the Secretary-General", 15302, 7, (SG,)),
            Sec("encourages Member States and Sector Members", 15342, 1, (MS, SM)),
        ],
        [
            ("Resolution 194 (Busan, 2014)", {R("pp", "194")}, set()),
            ("in accordance with Council Decision 588 (2016)", {D("council", "588")}, set()),
        ],
    ),
    Doc(
        "pp/recommendation-7/dubai-2018",
        "recommendation",
        "7",
        [
            Sec("taking into account", 15399, 2),
            Sec("considering", 15413, 3),
            Sec("recognizing", 15431, 1),
            Sec("recommends", 15442, 2),
            Sec("instructs the Secretary-General", 15458, 2, (SG,)),  # Parts VI, VII glued to 2
        ],
    ),
]

# Floors: just below the shares itukg achieves today (see the module docstring).
FLOORS = {
    "titles": 1.0,
    "headings": 0.99,
    "item counts": 0.98,
    "addressees": 0.99,
    "citations": 0.97,
}
# The held-out texts (tests/pp18_heldout.py), first measured before any repair was made
# for them: titles 10/10, headings 102/109 (93.6 %), item counts 101/109 (92.7 %),
# addressees 43/48 (89.6 %), citations 141/141. Today (floors below): headings 108/109,
# item counts 108/109, addressees 47/48 (Sectors addressed as a whole; footnotes run into
# the text after their rule lifted to notes), citations 141/141.
HELDOUT_FLOORS = {
    "titles": 1.0,
    "headings": 0.98,
    "item counts": 0.98,
    "addressees": 0.97,
    "citations": 0.99,
}
# Shown, not asserted: the same facts counted only where itukg read the heading.
GIVEN = ("item counts | heading read", "addressees | heading read")


# --- reading ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def document():
    from itukg.annotate import annotate_documents
    from itukg.parse import parse_file

    document = parse_file(PP18)
    annotate_documents([document])
    return document


@pytest.fixture(scope="module")
def by_id(document):
    return {r.id: r for r in document.resolutions}


def norm(text: str) -> str:
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text.replace("\u00a0", " ").replace("\u2011", "-"))
    return re.sub(r"\s+", " ", text).strip(" ,:;.").lower()


def top_level(section) -> list:
    """The items of a section: its clauses, without sub-items and without the lead-in
    that introduces numbered items (the docstring's rule for chapeaux)."""
    return [c for c in section.clauses if c.parent is None and not c.lead_in]


def norm_number(body: str, number: str) -> str:
    # Resolution ITU-R 48-2: resolution 48, its revision 2
    return number.split("-")[0] if body == "ra" else number


def cited(item) -> set[tuple[str, str, str]]:
    return {(str(c.kind), c.body, norm_number(c.body, c.number)) for c in item.cites_resolutions}


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(miss)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def measure(by_id, sample: list[Doc] = SAMPLE) -> dict[str, Tally]:
    tallies = {name: Tally() for name in (*FLOORS, *GIVEN)}
    for doc in sample:
        res = by_id.get(doc.id)
        title_ok = (
            res is not None
            and str(res.kind) == doc.kind
            and res.number == doc.number
            and res.revision_place == "Dubai"
            and res.revision_year == 2018
        )
        got_title = res and (res.kind, res.number, res.revision_place, res.revision_year)
        tallies["titles"].add(title_ok, f"{doc.id}: title read as {got_title}")
        sections = res.sections if res else []
        hand = [norm(s.heading) for s in doc.sections]
        got = [norm(s.heading) for s in sections]
        pairs: dict[int, int] = {}
        for block in SequenceMatcher(None, hand, got, autojunk=False).get_matching_blocks():
            for k in range(block.size):
                pairs[block.a + k] = block.b + k
        for i, sec in enumerate(doc.sections):
            where = f"{doc.id} l.{sec.line} '{sec.heading[:70]}'"
            j = pairs.get(i)
            tallies["headings"].add(j is not None, f"{where}: heading not read")
            found = sections[j] if j is not None else None
            n = len(top_level(found)) if found else None
            labels = [c.label for c in top_level(found)] if found else None
            tallies["item counts"].add(
                n == sec.items, f"{where}: {sec.items} items, itukg {n} {labels}"
            )
            if found:
                tallies[GIVEN[0]].add(n == sec.items, "")
            if sec.addressees is not None:
                ids = sorted(a.id for a in found.addressees) if found else None
                tallies["addressees"].add(
                    ids == sorted(sec.addressees),
                    f"{where}: addressees {sorted(sec.addressees)}, itukg {ids}"
                    + (f" unknown {found.unknown_addressees}" if found else ""),
                )
                if found:
                    tallies[GIVEN[1]].add(ids == sorted(sec.addressees), "")
        clauses = [c for s in sections for c in s.clauses]
        for snippet, resolutions, provisions in doc.citations:
            hits = [c for c in clauses if norm(snippet) in norm(c.text)]
            clause = hits[0] if hits else None
            where = f"{doc.id} '{snippet[:50]}'"
            got_res = cited(clause) if clause else set()
            got_prov = {p.id for p in clause.cites_provisions} if clause else set()
            label = f"clause {clause.label!r} l.{clause.line}" if clause else "no clause"
            for fact in sorted(resolutions):
                tallies["citations"].add(
                    fact in got_res, f"{where}: {fact} not cited ({label}: {sorted(got_res)})"
                )
            for fact in sorted(provisions):
                tallies["citations"].add(
                    fact in got_prov, f"{where}: {fact} not cited ({label}: {sorted(got_prov)})"
                )
            if not provisions:  # a clause with no CS/CV provision must cite none
                tallies["citations"].add(
                    clause is not None and not got_prov,
                    f"{where}: no provision expected ({label}: {sorted(got_prov)})",
                )
    return tallies


# --- the measure --------------------------------------------------------------------------
def _report(tallies: dict[str, Tally], floors: dict[str, float]) -> dict[str, str]:
    """Print the shares and misses; the families below their floors."""
    print()
    for name, tally in tallies.items():
        print(f"  {name:27} {tally.right:3}/{tally.total:<3} = {tally.share:6.1%}")
    for name in floors:
        for miss in tallies[name].misses:
            print(f"  MISS {name}: {miss}")
    return {
        name: f"{t.share:.1%} < {floors[name]:.0%}"
        for name, t in tallies.items()
        if name in floors and t.share < floors[name]
    }


def test_shares_per_fact_family_stay_above_their_floors(by_id):
    low = _report(measure(by_id), FLOORS)
    assert not low, low


def test_held_out_texts_stay_above_their_floors(by_id):
    """Ten more texts, counted by hand after the reader was written (tests/pp18_heldout.py)."""
    from pp18_heldout import HELDOUT

    low = _report(measure(by_id, HELDOUT), HELDOUT_FLOORS)
    assert not low, low


def test_the_hand_counts_cover_what_the_docstring_says():
    assert len(SAMPLE) == 12
    assert sum(len(d.sections) for d in SAMPLE) == 99
    assert sum(1 for d in SAMPLE for s in d.sections if s.addressees is not None) == 45


# --- facts that must hold -----------------------------------------------------------------
NS = {"akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def xml_texts() -> list[tuple[str, str]]:
    """(kind, number) of every <statement> of the XML, read with ElementTree."""
    root = ET.parse(PP18).getroot()
    found = []
    for statement in root.iter(f"{{{NS['akn']}}}statement"):
        number = statement.find(".//akn:preface//akn:docNumber", NS)
        found.append((statement.get("name"), number.text.split()[0]))
    return found


def test_every_one_of_the_50_texts_is_read(document):
    texts = xml_texts()
    assert len(texts) == 50
    kinds = [str(r.kind) for r in document.resolutions]
    assert (kinds.count("resolution"), kinds.count("decision"), kinds.count("recommendation")) == (
        48,
        1,
        1,
    )
    assert sorted((str(r.kind), r.number) for r in document.resolutions) == sorted(texts)
    assert all(r.body_id == "pp" and r.revision_year == 2018 for r in document.resolutions)


def test_decision_5_is_a_decision(by_id):
    decision = by_id["pp/decision-5/dubai-2018"]
    assert str(decision.kind) == "decision"
    assert decision.number == "5"
    assert "pp/5/dubai-2018" not in by_id  # not read as Resolution 5
    assert [s.heading for s in decision.sections][:5] == [
        "considering",
        "considering further",
        "noting",
        "noting further",
        "decides",
    ]


def test_recommendation_7_is_its_own_text(by_id):
    rec = by_id["pp/recommendation-7/dubai-2018"]
    res212 = by_id["pp/212/dubai-2018"]
    assert str(rec.kind) == "recommendation"
    assert rec.line > res212.end_line
    assert not any("trafficking in persons" in c.text for s in res212.sections for c in s.clauses)
    assert rec.sections[0].heading == "taking into account"


@pytest.mark.parametrize("rid", ["pp/212/dubai-2018", "pp/recommendation-7/dubai-2018"])
def test_no_signatories_or_declarations_in_the_last_texts(by_id, rid):
    res = by_id[rid]
    texts = [c.text for s in res.sections for c in s.clauses]
    texts += [i.text for a in res.annexes for i in a.items]
    for marker in ("For the Republic of", "PART VI", "SIGNATORIES", "DECLARATIONS"):
        assert not [t[:80] for t in texts if marker in t], marker


def test_the_whole_set_builds_into_one_graph_whose_citations_resolve(tmp_path):
    """All 50 texts in one store; citations of PP-18 texts by PP-18 texts reach the cited
    version that was read from the file (not an inferred stand-in)."""
    from itukg.pipeline import build
    from itukg.store import open_read

    store = tmp_path / "store"
    report = build([PP18], store)
    assert report.resolutions == 50 and not report.refused
    graph = open_read(store)
    itu = "https://w3id.org/itukg/ontology#"
    rows = list(
        graph.query(
            f"""SELECT ?citing ?cited WHERE {{
              ?citing <{itu}hasSection>/<{itu}hasClause> ?clause .
              ?clause <{itu}citesResolution> ?cited .
              ?cited <{itu}source> ?document .
              FILTER(?citing != ?cited)
            }}"""
        )
    )
    pairs = {(r["citing"].value.split("/id/resolution/")[1], r["cited"].value.split(
        "/id/resolution/")[1]) for r in rows}  # fmt: skip
    assert len(pairs) >= 40, len(pairs)
    # Resolution 25 (regional presence) is cited by others of the same conference
    assert any(cited == "pp/25/dubai-2018" for _, cited in pairs)
    versions = {r["cited"].value for r in rows}
    assert all("/dubai-2018" in v for v in versions)
