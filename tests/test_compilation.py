"""The side-by-side compilation: structure of the HTML page and of the Markdown table."""

from __future__ import annotations

from html.parser import HTMLParser

from conftest import run_cli

ORDER = ["pp/191", "ra/75", "wtsa/18", "wtdc/59"]


class _Table(HTMLParser):
    """Header cells, and rows as lists of cell texts; block rows as ('kind', name)."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[tuple[str, list[str]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._kind: str | None = None
        self._in_head = False
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "link", "img") and (attrs.get("src") or attrs.get("href")):
            self.external.append(attrs.get("src") or attrs.get("href"))
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
            self._kind = attrs.get("data-kind")
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._in_head:
                self.header = self._row
            elif self._kind:
                self.rows.append(("kind", [self._kind]))
            else:
                self.rows.append(("row", self._row))
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_html_compilation_structure(corpus_store, tmp_path):
    out = tmp_path / "compilation.html"
    result = run_cli("compile", *ORDER, "--store", str(corpus_store), "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = _Table()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.external == []  # self-contained
    assert [h.split("Strength")[0].split("Strategy")[0] for h in page.header] == [
        "PP Resolution 191 (Doha, 2026)",
        "Resolution ITU-R 75 (Dubai, 2023)",
        "WTSA Resolution 18 (New Delhi, 2024)",
        "WTDC Resolution 59 (Baku, 2025)",
    ]
    kinds = [cells[0] for kind, cells in page.rows if kind == "kind"]
    assert kinds[:2] == ["recalling", "considering"]
    assert kinds.index("noting") < kinds.index("resolves")  # preamble before operative
    assert {"resolves", "invites", "instructs"} <= set(kinds)
    rows = [cells for kind, cells in page.rows if kind == "row"]
    assert all(len(cells) == 4 for cells in rows)
    # the remote-participation clause of each resolution stands on one row
    remote = [r for r in rows if "remote participation" in r[0] and r[0].startswith("4")]
    assert len(remote) == 1 and all("remote participation" in cell for cell in remote[0])
    # 'to continue to create cooperation mechanisms': ITU-R and WTDC *invite* it, PP
    # *instructs* it: one row across the two kinds (the overlap alignment pairs them)
    mechanisms = [r for r in rows if any("create cooperation mechanisms" in c for c in r)]
    assert len(mechanisms) == 1
    assert all("create cooperation mechanisms" in mechanisms[0][n] for n in (0, 1, 3))
    # every clause of every column appears once
    assert sum(1 for r in rows if r[0]) == 74  # the draft of PP 191


def test_markdown_compilation_and_errors(corpus_store):
    result = run_cli("compile", "ra/75", "wtsa/18", "--store", str(corpus_store))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "| section | Resolution ITU-R 75 (Dubai, 2023) | WTSA Resolution 18 (New Delhi, 2024) |"
    )
    assert "| **recalling** | | |" in lines
    row = next(line for line in lines if "considerable responsibilities in both" in line)
    assert "considerable responsibilities in any two" in row  # RA 3 beside WTSA 2
    missing = run_cli("compile", "pp/999", "--store", str(corpus_store))
    assert missing.returncode == 2
    assert "no resolution 'pp/999'" in missing.stderr
