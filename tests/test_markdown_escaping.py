"""Markdown outputs (compile, report) keep document text inert: rendered by a Markdown
library and opened in headless Chromium, a clause quoting markup runs no script."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import run_cli

from itukg.pipeline import build

HOSTILE = (
    "to report on <img src=x onerror=\"document.title='pwned'\"> and "
    "</script><script>document.title='pwned'</script> *emphasis* | pipes | [link](javascript:x);"
)
TEXT = """RESOLUTION {number} (Rev. Busan, 2014)

Title of resolution {number}

The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2014),

resolves
1	{clause}
2	to organize regional workshops on spectrum monitoring for developing countries;
"""


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    texts = folder / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text(TEXT.format(number=901, clause=HOSTILE), encoding="utf-8")
    (texts / "b.txt").write_text(TEXT.format(number=902, clause=HOSTILE), encoding="utf-8")
    store = folder / "store"
    build([texts], store)
    return store


def _rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt

    # CommonMark passes raw HTML through: only the escaping keeps the page inert
    body = MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown)
    return f"<!DOCTYPE html><html><head><title>clean</title></head><body>{body}</body></html>"


@pytest.mark.chromium
@pytest.mark.parametrize("command", ["compile", "report"])
def test_markdown_runs_no_script(hostile_store, tmp_path, command):
    args = (
        ["compile", "pp/901", "pp/902"] if command == "compile" else ["report", "--between", "PP"]
    )
    result = run_cli(*args, "--format", "markdown", "--store", str(hostile_store))
    assert result.returncode == 0, result.stderr
    assert "&lt;script&gt;" in result.stdout and "<script>" not in result.stdout
    page = tmp_path / "page.html"
    page.write_text(_rendered(result.stdout), encoding="utf-8")
    assert "<script>" not in page.read_text(encoding="utf-8")
    assert "onerror" in page.read_text(encoding="utf-8")  # shown as text, not an attribute
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Chromium is installed by 'make setup' (Debian package chromium)"
    dom = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--virtual-time-budget=2000", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "<title>clean</title>" in dom.stdout and "pwned" not in dom.stdout.split("<body>")[0]
    assert "<img" not in dom.stdout
