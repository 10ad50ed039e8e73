"""Final Acts volumes written as PDF with reportlab, laid out as ITU lays them out: A4,
Times; a running head on every page (`PP-26 – Resolution 901` on odd pages, `Res. 901` on
even ones) and a page number at the foot; the volume's part heading (`RESOLUTIONS`) on a
page of its own; titles centred in bold, the preamble and operative headings in italics,
items with a hanging label (`a)` then a tab stop); footnotes under a short rule in small
type, called by a raised digit glued to the word; justified lines (drawn word by word,
with no space characters, as some writers do; other lines are drawn as one string with
its spaces) broken with a hyphen
inside long words (`coordi-` / `nation`) and at the hyphen of compounds
(`Secretary-` / `General`).

The texts are written here for the tests (see VOLUME); `write_volume` lays out any list
of documents, so the benchmark can generate a volume of a hundred of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, RIGHT = 70.0, 525.0
TOP, BOTTOM = 780.0, 90.0
BODY, SMALL, HEAD = 11.0, 8.5, 9.0
LEADING = 13.5
HANG = 28.0  # the tab stop after an item's label


@dataclass
class Block:
    """One paragraph of a document: kind is title, subject, enacting, heading, item or
    text; label for an item; notes are footnotes called at the end of the paragraph's
    first word that ends with '^' in text (`countries^`)."""

    kind: str
    text: str
    label: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class Document:
    running_head: str  # 'Resolution 901': odd pages 'PP-26 – Resolution 901', even 'Res. 901'
    short_head: str
    blocks: list[Block]


def write_volume(
    path: Path, parts: list[tuple[str, list[Document]]], conference: str = "PP-26"
) -> int:
    """Write the volume (its parts, each a part heading and its documents) to path; the
    number of pages written."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    canvas.setTitle(f"Final Acts of the Plenipotentiary Conference ({conference})")
    layout = _Layout(canvas, conference)
    for heading, documents in parts:
        layout.part_page(heading)
        for document in documents:
            layout.document(document)
    layout.finish_page()
    canvas.save()
    return layout.page


class _Layout:
    def __init__(self, canvas, conference: str) -> None:
        self.canvas = canvas
        self.conference = conference
        self.page = 0
        self.y = TOP
        self.head: Document | None = None
        self.notes: list[tuple[int, str]] = []
        self.note_number = 0
        self.open = False

    # --- pages ---------------------------------------------------------------------
    def new_page(self) -> None:
        if self.open:
            self.finish_page()
        self.page += 1
        self.open = True
        self.y = TOP
        if self.head is not None:
            text = (
                f"{self.conference} \u2013 {self.head.running_head}"
                if self.page % 2
                else self.head.short_head
            )
            self.canvas.setFont("Times-Roman", HEAD)
            x = RIGHT - self.canvas.stringWidth(text, "Times-Roman", HEAD)
            self.canvas.drawString(x if self.page % 2 else LEFT, PAGE_H - 40, text)

    def finish_page(self) -> None:
        if not self.open:
            return
        if self.notes:
            top = BOTTOM - 10 + len(self.notes) * (SMALL + 2)
            self.canvas.setLineWidth(0.5)
            self.canvas.line(LEFT, top + 6, LEFT + 120, top + 6)
            y = top - SMALL
            for number, text in self.notes:
                self.canvas.setFont("Times-Roman", SMALL - 2)
                self.canvas.drawString(LEFT, y + 3, str(number))
                self.canvas.setFont("Times-Roman", SMALL)
                self.canvas.drawString(LEFT + 8, y, text)
                y -= SMALL + 2
            self.notes = []
        self.canvas.setFont("Times-Roman", HEAD)
        self.canvas.drawCentredString(PAGE_W / 2, 45, f"\u2013 {self.page} \u2013")
        self.canvas.showPage()
        self.open = False

    def part_page(self, heading: str) -> None:
        self.head = None
        self.new_page()
        self.canvas.setFont("Times-Bold", 16)
        self.canvas.drawCentredString(PAGE_W / 2, PAGE_H / 2, heading)
        self.finish_page()

    def need(self, height: float) -> None:
        reserve = len(self.notes) * (SMALL + 2) + 20
        if not self.open or self.y - height < BOTTOM + reserve:
            self.new_page()

    # --- documents -----------------------------------------------------------------
    def document(self, document: Document) -> None:
        self.head = document
        self.new_page()
        for block in document.blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        font = {
            "title": "Times-Roman",
            "subject": "Times-Bold",
            "heading": "Times-Italic",
        }.get(block.kind, "Times-Roman")
        size = 12.0 if block.kind == "title" else BODY
        centred = block.kind in ("title", "subject")
        indent = HANG if block.kind == "item" else 0.0
        first_indent = 0.0 if block.kind == "item" else (HANG if block.kind == "text" else 0)
        width = RIGHT - LEFT - indent
        lines = _wrap(self.canvas, block.text, font, size, width, first_indent)
        self.y -= LEADING * (0.9 if block.kind in ("item", "text") else 1.2)
        for number, (words, last) in enumerate(lines):
            self.need(LEADING)
            x = LEFT + indent + (first_indent if number == 0 else 0)
            if number == 0 and block.label:
                self.canvas.setFont(font, size)
                self.canvas.drawString(LEFT, self.y, block.label)
            room = width - (first_indent if number == 0 else 0)
            justify = not last and not centred
            self.words(words, x, room, font, size, centred, justify, block.notes)
            self.y -= LEADING

    def words(self, words, x, width, font, size, centred, justify, notes) -> None:
        canvas = self.canvas
        plain = [w.replace("^", "") for w in words]
        used = sum(canvas.stringWidth(w, font, size) for w in plain)
        space = canvas.stringWidth(" ", font, size)
        gap = (width - used) / (len(words) - 1) if justify and len(words) > 1 else space
        if centred:
            x = (PAGE_W - used - space * (len(words) - 1)) / 2
        if not justify and not any(w.endswith("^") for w in words):
            canvas.setFont(font, size)  # one string, with its spaces, as most writers do
            canvas.drawString(x, self.y, " ".join(plain))
            return
        for word, text in zip(words, plain, strict=True):
            canvas.setFont(font, size)
            canvas.drawString(x, self.y, text)
            x += canvas.stringWidth(text, font, size)
            if word.endswith("^") and notes:
                self.note_number += 1
                canvas.setFont("Times-Roman", 6.5)
                canvas.drawString(x + 0.3, self.y + 4.5, str(self.note_number))
                x += canvas.stringWidth(str(self.note_number), "Times-Roman", 6.5) + 0.3
                self.notes.append((self.note_number, notes.pop(0)))
            x += gap


def _wrap(canvas, text, font, size, width, first_indent) -> list[tuple[list[str], bool]]:
    """Greedy line breaking; a word that does not fit is broken at its hyphen, or with a
    hyphen after its first half when it is long."""
    words = text.split()
    lines: list[tuple[list[str], bool]] = []
    line: list[str] = []

    def fits(candidate: list[str]) -> bool:
        room = width - (first_indent if not lines else 0)
        joined = " ".join(candidate).replace("^", "")
        return canvas.stringWidth(joined, font, size) <= room

    while words:
        word = words.pop(0)
        if fits([*line, word]):
            line.append(word)
            continue
        head, tail = _split(word)
        if head and line and fits([*line, head]):
            line.append(head)
            words.insert(0, tail)
        elif not line:
            line.append(word)
        else:
            words.insert(0, word)
        lines.append((line, False))
        line = []
    if line:
        lines.append((line, True))
    return lines


def _split(word: str) -> tuple[str, str]:
    core = word.rstrip(",;.:")
    if "-" in core[1:-1]:
        cut = core.index("-", 1) + 1
        return word[:cut], word[cut:]
    if len(core) >= 9 and core.isalpha() and core.islower():
        cut = len(core) // 2
        return word[:cut] + "-", word[cut:]
    return "", word


# --- the texts -------------------------------------------------------------------------
ENACTING = (
    "The Plenipotentiary Conference of the International Telecommunication Union (Lisbon, 2026),"
)


def resolution(number: int, subject: str, topic: str) -> Document:
    """A resolution of the imagined PP-26 on a topic, in the layout of the Final Acts."""
    b = Block
    return Document(
        f"Resolution {number}",
        f"Res. {number}",
        [
            b("title", f"RESOLUTION {number} (REV. LISBON, 2026)"),
            b("subject", subject),
            b("enacting", ENACTING),
            b("heading", "considering"),
            b("item", f"that the coordination of {topic} among the three Sectors avoids "
              "duplication of work and makes the best use of the resources of the Union;", "a)"),
            b("item", "Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference, on "
              "the strategic plan of the Union for 2024-2027;", "b)"),
            b("heading", "recognizing"),
            b("text", f"that developing countries^ need assistance in {topic}, as provided in "
              "No. 58 of the ITU Convention and Article 2 of the ITU Constitution,",
              notes=["These include the least developed countries and small island developing "
                     "states."]),
            b("heading", "resolves"),
            b("item", f"to continue the work on {topic} in close collaboration with the "
              "Sectors and with the regional offices;", "1"),
            b("item", "to ensure that the results are made available to all the membership "
              "in the six official languages of the Union,", "2"),
            b("heading", "instructs the Secretary-General"),
            b("item", f"to report annually to the Council on the implementation of this "
              f"resolution and on the progress of the work on {topic};", "1"),
            b("item", "to coordinate the activities of the Bureaux with the General "
              "Secretariat,", "2"),
            b("heading", "instructs the Directors of the Bureaux"),
            b("text", "to support the Secretary-General in the implementation of this "
              "resolution, within the financial resources available,"),
            b("heading", "invites Member States"),
            b("text", f"to contribute to the work on {topic} and to share their experience."),
        ],
    )  # fmt: skip


def long_resolution(number: int = 903) -> Document:
    """A resolution over several pages: sub-items, a `bis` label, a heading set in italics
    at the start of a roman line, a footnote of two lines, an annex of numbered rules."""
    b = Block
    filler = (
        "taking into account the work already done by the study groups, the advisory "
        "groups and the regional offices, and the contributions of Member States and "
        "Sector Members to the meetings held since the previous conference"
    )
    return Document(
        f"Resolution {number}",
        f"Res. {number}",
        [
            b("title", f"RESOLUTION {number} (LISBON, 2026)"),
            b("subject", "Use of the six official languages of the Union on an equal footing"),
            b("enacting", ENACTING),
            b("heading", "considering"),
            *[b("item", f"that the {n} report of the Council, {filler};", label)
              for n, label in (("first", "a)"), ("second", "b)"))],
            b("item", f"that the membership{'^'} asked for equal treatment, {filler};", "b)bis",
              notes=["Member States, Sector Members, Associates and Academia, as listed in "
                     "Article 19 of the Convention."]),
            b("item", "the decisions of the Council on the languages, in particular:", "c)"),
            b("item", "to publish documents in all six languages at the same time;", "i)"),
            b("item", "to translate the websites of the Sectors,", "ii)"),
            b("heading", "recognizing"),
            b("text", f"that interpretation is costly, {filler}, and that savings are possible,"),
            b("heading", "resolves to instruct the Director of the Telecommunication "
              "Standardization Bureau and the Director of the Radiocommunication Bureau"),
            *[b("item", f"to take the measures needed, {filler};", str(n)) for n in range(1, 6)],
            b("item", "to report to the Council on the results achieved,", "6"),
            b("heading", "instructs the Council"),
            b("text", "to review the use of languages at each of its sessions, in accordance "
              "with Resolution 154 (Rev. Dubai, 2018),"),
            b("title", f"ANNEX TO RESOLUTION {number} (LISBON, 2026)"),
            b("subject", "Rules for the publication of documents"),
            b("item", "General", "1"),
            b("item", "Documents are published in the six languages of the Union.", "1.1"),
            b("item", "Translation is done by the General Secretariat.", "1.2"),
            b("item", "Exceptions", "2"),
            b("item", "The Council may decide on exceptions in cases of urgency.", "2.1"),
        ],
    )  # fmt: skip


def decision() -> Document:
    b = Block
    return Document(
        "Decision 905",
        "Dec. 905",
        [
            b("title", "DECISION 905 (LISBON, 2026)"),
            b("subject", "Venue of the next Plenipotentiary Conference"),
            b("enacting", ENACTING),
            b("heading", "noting"),
            b("text", "the offer of a Member State to host the next conference,"),
            b("heading", "decides"),
            b("text", "that the next Plenipotentiary Conference shall be held in 2030,"),
            b("heading", "instructs the Council"),
            b("text", "to fix the exact dates and place of the conference in consultation "
              "with the Member States."),
        ],
    )  # fmt: skip


VOLUME = [
    (
        "RESOLUTIONS",
        [
            resolution(901, "Coordination of telecommunication accessibility work among the "
                       "three Sectors of the Union", "telecommunication accessibility"),
            resolution(902, "Strengthening the regional presence", "regional presence"),
            long_resolution(),
        ],
    ),
    ("DECISIONS", [decision()]),
]  # fmt: skip
