"""Overlap alignment: what is made equal before comparing, what is boilerplate, the order of
parallel texts, the classes with their reasons, the compilation's rows, and the
streamlining report."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import FIXTURES, run_cli

from itukg.enums import OverlapClass
from itukg.overlap.align import heaviest_chain
from itukg.overlap.boilerplate import is_boilerplate
from itukg.overlap.detect import ClauseRecord, classify, detect
from itukg.overlap.normalise import default_normaliser
from itukg.overlap.similarity import content_words

ORDER = ["pp/191", "ra/75", "wtsa/18", "wtdc/59"]
APPLIED = "to this resolution shall be applied;"


def _record(version: str, line: int, text: str, kind: str = "instructs", **extra) -> ClauseRecord:
    body, number = version.split("/")[:2]
    return ClauseRecord(
        iri=f"https://w3id.org/itukg/id/resolution/{version}/{kind}/{line}",
        version=f"https://w3id.org/itukg/id/resolution/{version}",
        version_label=version,
        body=body.upper(),
        number=number,
        year=2024,
        sector="gs",
        section=f"s-{kind}",
        kind=kind,
        heading=kind,
        section_order=1,
        label=str(line),
        line=line,
        text=text,
        **extra,
    )


def test_sector_names_years_and_self_references_are_made_equal():
    normalise = default_normaliser()
    a = normalise(
        "to report annually to TDAG on the activities of ITU-D under Resolution 191 "
        "(Rev. Bucharest, 2022) of this conference"
    )
    b = normalise(
        "to report annually to the Radiocommunication Advisory Group on the activities of "
        "the Radiocommunication Sector under Resolution 191 (Rev. Dubai, 2018) of this assembly"
    )
    assert content_words(a.text) == content_words(b.text)
    assert "to advisory group on the activities of sector under" in a.text
    assert a.differences(b) == ["advisory group", "conference", "revision", "sector"]
    # the same names on both sides are not a difference
    assert (
        normalise("the ITU-R study groups").differences(normalise("the ITU-R study groups")) == []
    )
    # the Bureaux named together by their adjectives, and each by its name
    together = normalise(
        "the Directors of the Radiocommunication, Telecommunication Standardization and "
        "Telecommunication Development Bureaux to report to ISCG"
    )
    one_by_one = normalise(
        "the Directors of the Radiocommunication Bureau, TSB and BDT to report to ISCG"
    )
    assert (
        together.text
        == one_by_one.text
        == ("the Directors of the bureau, bureau and bureau to report to ISCG")
    )
    assert normalise(
        "the Radiocommunication and Telecommunication Standardization Sectors"
    ).text == ("the sector and sector")


def test_a_footnote_left_in_a_clause_is_not_compared():
    normalise = default_normaliser()
    text = "to continue the work on IPv6 deployment; ____________________ 2 Including ICANN"
    assert normalise(text).text == "to continue the work on IPv6 deployment;"


@pytest.mark.parametrize(
    "text",
    [
        "the procedure given in Annex 4 to this resolution shall be applied;",
        "to continue;",
        "to report to the next plenipotentiary conference on the implementation of this "
        "resolution;",
        "to take the necessary measures to assist developing countries;",
    ],
)
def test_drafting_formulas_are_boilerplate(text):
    assert is_boilerplate(default_normaliser()(text).text)


def test_a_subject_is_not_boilerplate():
    assert not is_boilerplate("to organize regional workshops on spectrum monitoring")


def test_boilerplate_and_shared_formulas_make_no_pair():
    records = [
        _record("pp/191/x", 1, f"the procedure given in Annex 2 {APPLIED}"),
        _record("wtsa/18/y", 5, f"the procedure given in Annex 4 {APPLIED}"),
        _record("pp/191/x", 2, "to report to the Council on the implementation of this resolution "
                "on accessibility of broadcasting services;"),
        _record("wtdc/59/z", 7, "to report to the Council on the implementation of this resolution "
                "on emergency telecommunication networks;"),
        _record("pp/191/x", 3, "to assist developing countries;"),
        _record("wtdc/59/z", 8, "to assist developing countries;"),
    ]  # fmt: skip
    assert detect(records) == []


def test_the_same_ask_of_another_addressee_is_one_mandate():
    records = [
        _record("pp/191/x", 1, "to organize regional workshops on spectrum monitoring and "
                "conformance testing for developing countries", addressees={"director-bdt"},
                action="organize regional workshops"),
        _record("wtsa/18/y", 5, "to organize regional workshops on spectrum monitoring and "
                "conformance testing in cooperation with the regional offices",
                addressees={"director-tsb"}, action="organize regional workshops"),
        _record("ra/75/z", 3, "to organize workshops on spectrum monitoring and conformance "
                "testing for developing countries", addressees={"director-bdt"},
                action="organize workshops"),
    ]  # fmt: skip
    pairs = {(p.a.body, p.b.body): p for p in detect(records)}
    pair = pairs[("PP", "WTSA")]
    assert pair.kind == OverlapClass.SAME_MANDATE
    assert pair.reason.startswith("the same ask (organize) of another addressee")
    assert "same action verb: organize" in pair.features
    assert "same kind of addressee" in pair.features
    # asked of the same Director, the other text is the PP text with one word less: a duplicate
    duplicate = pairs[("PP", "RA")]
    assert duplicate.kind == OverlapClass.DUPLICATE and duplicate.action == "suppress"


def test_one_subject_for_another_is_not_a_duplicate():
    records = [
        _record("pp/198/x", 1, "to report to the next plenipotentiary conference on the results "
                "and progress made on the inclusion of a youth perspective in the work of ITU"),
        _record("pp/70/y", 6, "to report to the next plenipotentiary conference on the results "
                "and progress made on the inclusion of a gender perspective in the work of ITU"),
    ]  # fmt: skip
    (pair,) = detect(records)
    assert pair.kind == OverlapClass.SAME_MANDATE
    # however close the words, a subject substituted is not the same text
    assert classify(0.95, True, True, substituted=True) == OverlapClass.SAME_MANDATE
    assert classify(0.95, True, True, substituted=False) == OverlapClass.DUPLICATE
    # the words in the same order up to a few make one text below the words' threshold
    assert classify(0.70, True, True, sequence=0.90) == OverlapClass.DUPLICATE
    assert classify(0.70, True, True, sequence=0.60) == OverlapClass.SAME_MANDATE


def test_sequence_ratio_counts_words_matched_in_order():
    from itukg.overlap.detect import sequence_ratio

    a = ["support", "effort", "improve", "coordination", "participate", "actively"]
    assert sequence_ratio(a, a) == 1.0
    assert sequence_ratio(a, list(reversed(a))) < 0.3  # the same words, another text
    assert sequence_ratio(a, []) == 0.0


def test_the_heaviest_chain_keeps_both_orders():
    # (position in a, position in b, similarity): the 0.9 pair (2, 0) crosses the chain of
    # three pairs in order, which together weigh more
    candidates = [(0, 0, 0.5), (1, 1, 0.5), (2, 2, 0.5), (2, 0, 0.9), (3, 3, 0.15)]
    assert heaviest_chain(candidates, margin=0.2) == {0, 1, 2}


def test_the_corpus_pairs_recitals_and_keeps_their_part(ask):
    pairs = ask("overlaps", part="itu:Preamble")
    assert pairs, "recitals are compared"
    citing = [
        p for p in pairs if "Resolution 191" in p["a_text"] and "Resolution 191" in p["b_text"]
    ]
    assert citing
    operative = ask("overlaps")
    assert operative and not {p["a_clause"] for p in operative} & {
        p["a_clause"] for p in pairs if p["a_clause"].startswith(("recalling", "considering"))
    }


def test_compilation_rows_follow_the_alignment_across_headings(corpus_store):
    result = run_cli("compile", *ORDER, "--store", str(corpus_store), "--format", "json")
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)
    ids = [c["id"] for c in table["columns"]]
    assert ids == ["pp/191/doha-2026", "ra/75/dubai-2023", "wtsa/18/new-delhi-2024",
                   "wtdc/59/baku-2025"]  # fmt: skip
    rows = table["rows"]
    # 'to continue to create cooperation mechanisms': PP instructs it, ITU-R and WTDC invite
    # it; one row, each cell with its own section
    (row,) = [r for r in rows if any("create cooperation mechanisms" in c["text"]
                                     for c in r["cells"].values())]  # fmt: skip
    sections = {column: cell["section"] for column, cell in row["cells"].items()}
    assert sections["pp/191/doha-2026"] == "instructs"
    assert sections["ra/75/dubai-2023"] == sections["wtdc/59/baku-2025"] == "invites"

    # the recital citing Resolution 191 in ITU-R 75, WTSA 18 and WTDC 59 shares a row
    def recalls_191(row: dict) -> bool:
        cells = row["cells"].values()
        return all(c["section"] == "recalling" and "191" in c["text"] for c in cells)

    (recalled,) = [r for r in rows if set(ids[1:]) <= set(r["cells"]) and recalls_191(r)]
    assert recalled["class"] in {"duplicate", "same-mandate"}
    # every text reads top to bottom in its own order, every clause once
    for column in ids:
        lines = [r["cells"][column]["line"] for r in rows if column in r["cells"]]
        assert lines == sorted(lines) and len(lines) == len(set(lines))
    # preamble rows come first
    parts = [r["part"] for r in rows]
    assert parts == sorted(parts, key=["preamble", "operative"].index)


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is installed by 'make setup' (Debian package chromium)"
    return path


OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000",
           "--disable-background-networking", "--no-first-run"]  # fmt: skip


@pytest.mark.chromium
def test_streamlining_report_in_chromium(corpus_store, tmp_path):
    out = tmp_path / "report.html"
    result = run_cli("report", "--between", "PP,RA,WTSA,WTDC", "--out", str(out),
                     "--store", str(corpus_store))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "pairs of resolutions" in result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and 'src="http' not in page
    # PP 191's draft against WTSA 18: the study-group clause differs by 'shall'/'should'
    # and the annexes' names; the word-level diff shows just those
    assert "<del>shall</del>" in page and "<ins>should</ins>" in page
    assert 'href="https://w3id.org/itukg/id/resolution/pp/191/doha-2026/resolves/3/ii"' in page
    for action in ("suppress", "merge"):
        assert f": {action}</h3>" in page
    dom = subprocess.run([_chromium(), *OFFLINE, "--dump-dom", out.as_uri()],
                         capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert dom.stdout.count('<table class="pair"') == page.count('<table class="pair"') > 20
    shot = tmp_path / "report.png"
    subprocess.run([_chromium(), *OFFLINE, "--window-size=1400,1000", f"--screenshot={shot}",
                    out.as_uri()], capture_output=True, timeout=120, check=False)  # fmt: skip
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000


ALIGNMENT = FIXTURES / "alignment" / "c26-89.json"
NAMED = [  # (clause, clause, class) of the hand alignment, each judged from the texts
    (("ra/75/dubai-2023", "recalling", 0, "f)"), ("wtsa/18/new-delhi-2024", "recalling", 0, "e)"),
     "duplicate"),
    (("pp/191/doha-2026", "recognizing", 0, "d)"),
     ("wtdc/59/baku-2025", "taking into account", 0, "d)"), "duplicate"),
    (("pp/191/doha-2026", "instructs", 3, "1"), ("wtdc/59/baku-2025", "instructs", 1, "3"),
     "duplicate"),
    (("pp/191/doha-2026", "resolves", 0, "3"), ("wtsa/18/new-delhi-2024", "resolves", 0, "2"),
     "duplicate"),
    # reworded ('by participating actively' / 'taking an active part'): the words' order
    # makes them one text where their weights alone do not
    (("wtdc/59/baku-2025", "invites", 4, "1"), ("wtsa/18/new-delhi-2024", "invites", 1, "1"),
     "duplicate"),
    (("ra/75/dubai-2023", "considering", 0, "b)"), ("wtdc/59/baku-2025", "considering", 0, "a)"),
     "duplicate"),
    (("wtdc/59/baku-2025", "invites", 3, "2"), ("wtsa/18/new-delhi-2024", "invites", 0, "2"),
     "same-mandate"),
    # the Secretary-General reports to the next conference, the Director annually to TDAG
    (("pp/191/doha-2026", "instructs", 0, "7"), ("wtdc/59/baku-2025", "instructs", 0, "3"),
     "same-mandate"),
    (("pp/191/doha-2026", "invites", 0, "2"), ("wtdc/59/baku-2025", "invites", 3, "2"),
     "same-mandate"),
    (("ra/75/dubai-2023", "taking into account", 0, "b)"),
     ("wtdc/59/baku-2025", "considering", 0, "a)"), "same-mandate"),
    (("pp/191/doha-2026", "recalling", 0, "b)"), ("wtdc/59/baku-2025", "recalling", 0, "e)"),
     "same-mandate"),
    (("wtdc/59/baku-2025", "considering", 0, "b)"),
     ("wtsa/18/new-delhi-2024", "recognizing", 0, "b)"), "related"),
    (("ra/75/dubai-2023", "recalling", 0, "g)"), ("wtsa/18/new-delhi-2024", "recognizing", 0, "a)"),
     "related"),
    (("wtdc/59/baku-2025", "recalling", 0, "d)"),
     ("wtsa/18/new-delhi-2024", "recognizing", 0, "a)"), "related"),
    (("pp/191/doha-2026", "recalling", 0, "d)"), ("wtsa/18/new-delhi-2024", "recognizing", 0, "a)"),
     "related"),
    # one recital only names Resolution 123, the other says the advisory groups implement it
    (("pp/191/doha-2026", "recognizing", 0, "i)"), ("ra/75/dubai-2023", "recalling", 0, "c)"),
     "related"),
    # the 'considering' form adds 'in accordance with Resolution 191': not one text
    (("ra/75/dubai-2023", "considering", 0, "b)"),
     ("wtsa/18/new-delhi-2024", "taking into account", 0, "b)"), "same-mandate"),
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus_links(corpus_store):
    from itukg.overlap.detect import read_clauses
    from itukg.overlap.judge import links_of
    from itukg.store import open_read

    return links_of(detect(read_clauses(open_read(corpus_store))))


def test_against_the_hand_alignment(corpus_links):
    """Floors at what the detector reaches on the corpus's four resolutions (measured by
    bench/alignment.py): a change that loses pairs or classes fails here."""
    from itukg.overlap.judge import Alignment, judge

    alignment = Alignment.load(ALIGNMENT)
    scores = judge(corpus_links, alignment)
    assert len(alignment.classes) == 233 and len(alignment.non_pairs) == 30
    assert scores.precision >= 0.91  # 0.922 measured
    assert scores.recall_operative >= 0.80  # 0.817
    assert scores.recall_all >= 0.80  # 0.815
    assert scores.class_agreement >= 0.83  # 0.837
    # of the 30 tempting non-pairs, two are found today (an ISC-TF report on options for
    # cooperation beside Member States' support for coordination: they share 'Sector
    # advisory groups' and 'improve … cooperation'); no more may be
    assert len(set(corpus_links) & alignment.non_pairs) <= 2


@pytest.mark.parametrize(("a", "b", "kind"), NAMED)
def test_named_pairs_have_their_class(corpus_links, a, b, kind):
    from itukg.overlap.judge import key_of

    link = frozenset({key_of(*a), key_of(*b)})
    assert corpus_links.get(link) == kind


PP18 = FIXTURES.parent.parent.parent / "shared" / "corpus" / "pp18" / "pp18-final-acts-dev.akn.xml"
HELD_OUT = FIXTURES / "alignment" / "pp18-devices.json"
STRONGEST = FIXTURES / "alignment" / "pp18-strongest.json"


@pytest.fixture(scope="module")
def pp18_pairs(tmp_path_factory):
    from itukg.overlap.detect import read_clauses
    from itukg.pipeline import build
    from itukg.store import open_read

    if not PP18.exists():
        pytest.skip("the PP-18 set (../shared/corpus/pp18) is not beside the project")
    store = tmp_path_factory.mktemp("pp18") / "store"
    build([PP18], store)
    return detect(read_clauses(open_read(store)))


@pytest.fixture(scope="module")
def pp18_links(pp18_pairs):
    from itukg.overlap.judge import links_of

    return links_of(pp18_pairs)


def test_the_strongest_pp18_pairs_judged_by_hand(pp18_pairs):
    """The 30 strongest operative pairs among the 50 PP-18 texts, judged by hand
    (tests/fixtures/alignment/pp18-strongest.json): formulas about each text's own
    resolution and templates filled with each text's subject are the non-pairs; a pair
    the judgement does not hold counts as wrong. Floor at what was measured."""
    from itukg.overlap.judge import Alignment, strongest

    judged = strongest(pp18_pairs, Alignment.load(STRONGEST))
    assert judged.count == 30
    assert judged.right >= 18, judged  # 18 right, 12 non-pairs measured


def test_against_a_held_out_alignment(pp18_links):
    """A second hand alignment, made after the detector was written and never tuned to:
    PP-18 Resolutions 177, 188 and 189 (conformance, counterfeit devices, device theft),
    judged strictly (counterfeit and theft are other subjects). Floors at what the
    detector reaches over the whole PP-18 set (bench/alignment.py)."""
    from itukg.overlap.judge import Alignment, judge

    alignment = Alignment.load(HELD_OUT)
    scores = judge(pp18_links, alignment)
    assert len(alignment.classes) == 27 and len(alignment.non_pairs) == 19
    assert scores.precision >= 0.6  # 0.667 measured
    assert scores.recall_operative >= 0.54  # 0.545
    assert scores.recall_all >= 0.36  # 0.370
    # the one duplicate: both recall WTDC Resolution 47 in the same words
    duplicate = next(link for link, kind in alignment.classes.items() if kind == "duplicate")
    assert pp18_links.get(duplicate) == "duplicate"
