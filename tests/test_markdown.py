"""Markdown copies of ITU texts (a PDF converted to Markdown, a treaty database's page):
read by content, their marks made plain, their structure as from a text export. The
texts here are written for the tests, in the layouts those copies have."""

from __future__ import annotations

from pathlib import Path

from itukg.pipeline import parse_inputs
from itukg.read import read_source
from itukg.read.markdown import is_markdown, plain

CONVERTED = """# **Recommendation ITU-R P.999-2**

**(11/2025)**

#### **Foreword**

The role of the Radiocommunication Sector is to ensure the rational use of the spectrum.

|        | Series of ITU-R Recommendations |
|--------|---------------------------------|
| P      | Radiowave propagation           |

# **RECOMMENDATION ITU-R P.999-2**

## **Calculation of path attenuation**

(2001-2025)

The ITU Radiocommunication Assembly,

*considering*

_a)_ that a method is needed<sup>1</sup> to calculate attenuation, as in Recommendation ITU-R P.525;

_b)_ that [Resolution ITU-R 1](https://www.itu.int/pub/R-RES) sets the working methods,

*recommends*

**1** that the method in Annex 1 should be used.
"""

DATABASE = """####FINAL PROTOCOL

###RESOLUTION  No. 4

####Cooperation of the Members in applying the Regulations

The World Administrative Telegraph and Telephone Conference (Melbourne, 1988),
###*recalling*

the principle in Resolution No. 35 of the Plenipotentiary Conference (Nairobi, 1982), and in \
No. 12 of the Convention;
###*resolves*

that the Members concerned shall consult on a reciprocal basis.
"""


def _read(tmp_path: Path, text: str, name: str = "page.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (document,) = parse_inputs([path], annotate=True)
    return document


def test_markdown_marks_are_made_plain_line_by_line():
    assert plain("#### **Foreword**") == "Foreword"
    assert plain("###*recalling* ") == "recalling"
    assert plain("_a)_ that a method is needed<sup>1</sup> to calculate") == (
        "a) that a method is needed to calculate"
    )
    assert plain("**1** that [Resolution 1](https://x.int/a_(b)) applies") == (
        "1 that Resolution 1 applies"
    )
    assert plain("**_Note_**: _This text_") == "Note: This text"
    assert plain("as in Resolution 27 (Rev.WRC-12)*, and 5 * 3") == (
        "as in Resolution 27 (Rev.WRC-12)*, and 5 * 3"
    )  # a footnote's asterisk, a product: no emphasis
    assert plain("|--------|------|") == ""


def test_markdown_is_told_by_content_not_by_name(tmp_path):
    assert is_markdown(CONVERTED.splitlines())
    assert not is_markdown(["RESOLUTION 1 (REV. DUBAI, 2018)", "considering", "a)\tthat …"])
    path = tmp_path / "converted.txt"  # any name
    path.write_text(CONVERTED, encoding="utf-8")
    source = read_source(path)
    assert any("read as Markdown" in note for note in source.notes)
    assert "considering" in [line.text for line in source.lines]


def test_a_recommendation_converted_from_pdf_to_markdown(tmp_path):
    document = _read(tmp_path, CONVERTED)
    (recommendation,) = [r for r in document.resolutions if r.number == "P.999-2"]
    assert recommendation.id == "ra/recommendation-p-999-2/2025"
    assert recommendation.title == "Calculation of path attenuation"
    outline = [(s.heading, [c.label for c in s.clauses]) for s in recommendation.sections]
    assert outline == [("considering", ["a)", "b)"]), ("recommends", ["1"])]
    a, b = recommendation.sections[0].clauses
    assert (
        a.text
        == "that a method is needed to calculate attenuation, as in Recommendation ITU-R P.525;"
    )
    assert [(e.kind, e.identifier) for e in a.cites_external] == [
        ("sector-recommendation", "ITU-R P.525")
    ]
    assert "Resolution ITU-R 1 sets the working methods" in b.text


def test_a_treaty_databases_markdown_of_an_old_resolution(tmp_path):
    document = _read(tmp_path, DATABASE)
    (resolution,) = document.resolutions
    # 'RESOLUTION No. 4' of the conference that adopted the Regulations in 1988
    assert resolution.id == "wcit/4/melbourne-1988"
    assert resolution.title == "Cooperation of the Members in applying the Regulations"
    recalling, resolves = resolution.sections
    assert (recalling.heading, resolves.heading) == ("recalling", "resolves")
    (clause,) = recalling.clauses
    assert [c.version_id for c in clause.cites_resolutions] == ["pp/35/nairobi-1982"]
    assert [p.id for p in clause.cites_provisions] == ["cv/12"]  # not 'No. 35'


COVER_AS_TABLE = """|     |
| --- |
| **Recommendation ITU-R BT.9999-0**<br><br>**(10/2025)** |
| **Colour conversion between two systems** |

#### Foreword

The role of the Radiocommunication Sector is to ensure the rational use of the spectrum.

RECOMMENDATION ITU-R BT.9999-0<sup>[\\[1\\]](#footnote-1)</sup>\\*

Colour conversion between two systems

(2025)

Scope

This Recommendation addresses a method of colour conversion.

Keywords

UHDTV, colour conversion

The ITU Radiocommunication Assembly,

*considering*

_a)_ that a method is needed;

*recommends*

**1** that the method in Annex 1 should be used.
"""


def test_a_cover_laid_out_as_a_table_and_a_scope_before_the_enacting_line(tmp_path):
    assert plain("| **Recommendation ITU-R BT.9999-0**<br><br>**(10/2025)** |") == (
        "Recommendation ITU-R BT.9999-0 (10/2025)"
    )
    assert plain("RECOMMENDATION ITU-R BT.9999-0<sup>[\\[1\\]](#footnote-1)</sup>\\*") == (
        "RECOMMENDATION ITU-R BT.9999-0*"
    )
    document = _read(tmp_path, COVER_AS_TABLE)
    (recommendation,) = [r for r in document.resolutions if r.sections]
    assert recommendation.number == "BT.9999-0"
    # the subject under the title, not the Scope or the Keywords above the enacting line
    assert recommendation.title == "Colour conversion between two systems"
    outline = [(s.heading, [c.label for c in s.clauses]) for s in recommendation.sections]
    assert outline == [("considering", ["a)"]), ("recommends", ["1"])]


def test_labels_in_emphasis_a_title_on_two_lines_and_a_list_of_related_texts(tmp_path):
    """Only the labels in emphasis tell this copy is Markdown; its title's second line
    ('Recommendation ITU-R BT.2020', after '… to') and the list of related
    Recommendations above the enacting line are no title of their own."""
    text = (
        "RECOMMENDATION ITU-R BT.9999-0<sup>[\\[1\\]](#footnote-1)</sup>\\*\n\n"
        "Conversion of colours from Recommendation ITU-R BT.709 to  \n"
        "Recommendation ITU-R BT.2020\n\n"
        "(2025)\n\n"
        "Related ITU Recommendations\n\n"
        "Recommendation [ITU-R BT.601](https://www.itu.int/rec/R-REC-BT.601)\n\n"
        "Recommendation [ITU-R BT.1886](https://www.itu.int/rec/R-REC-BT.1886)\n\n"
        "The ITU Radiocommunication Assembly,\n\n"
        "considering\n\n"
        "_a)_ that Recommendation ITU-R BT.2020 specifies a wider colour gamut;\n\n"
        "_b)_ that programmes made for Recommendation ITU-R BT.709 are reused;\n\n"
        "_c)_ that the conversion should be mathematically definable,\n\n"
        "recommends\n\n"
        "**1** that the method in Annex 1 should be used.\n"
    )
    assert is_markdown(text.splitlines())
    (recommendation,) = _read(tmp_path, text, name="copy.txt").resolutions
    assert recommendation.number == "BT.9999-0"
    assert recommendation.title == (
        "Conversion of colours from Recommendation ITU-R BT.709 to Recommendation ITU-R BT.2020"
    )
    outline = [(s.heading, [c.label for c in s.clauses]) for s in recommendation.sections]
    assert outline == [("considering", ["a)", "b)", "c)"]), ("recommends", ["1"])]


def test_two_heading_lines_make_a_text_markdown():
    """A treaty database's page of an old resolution may hold two headings only."""
    page = ["### RESOLUTION  NO. I  ", "", "###Application of the Agreement", "", "The …"]
    assert is_markdown(page)
    assert not is_markdown(["RESOLUTION 1 (1985)", "#1 in the list", "considering"])
