"""The spaCy pipeline: a blank English tokenizer plus rule components built from the ontology.

- entity_ruler: actors, collective labels, role words and the basic instruments
  (doc.ents, longest match first; acronyms match with their case, names without);
- span_ruler: topics, in doc.spans["topics"] (they may overlap an actor's name);
- itukg_citations: resolution citation lists (doc.spans["resolutions"]), CS/CV
  provision groups (doc.spans["provisions"]), external instruments — UN resolutions,
  ITU-T and ITU-R Recommendations, the Radio Regulations — (doc.spans["external"],
  which no resolution or provision citation may overlap), references to annexes and clauses
  (doc.spans["annexes"], doc.spans["clauses"]), each span carrying its parsed values
  in span._.itukg.

No model is loaded: nothing but the ontology's labels and the patterns of ITU style.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from itukg.annotate import patterns
from itukg.annotate.gazetteer import NUMBER, Entry, entity_entries, topic_entries
from itukg.ontology import Vocabulary, load_vocabulary, ontology_dir
from itukg.read.text import MAX_BYTES as MAX_CHARS

MAX_RUN = 256  # characters without a space that spaCy is given at once
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}")  # starts only where a run starts

EXTENSION = "itukg"


def _pattern(nlp: Any, entry: Entry) -> dict[str, Any]:
    if NUMBER in entry.name:  # a token pattern: the words, any number where '#' stands
        before, _, after = entry.name.partition(NUMBER)
        attr = "ORTH" if entry.exact else "LOWER"

        def words(text: str) -> list[dict[str, Any]]:
            return [{attr: t.text if entry.exact else t.lower_} for t in nlp.make_doc(text.strip())]

        tokens = [*words(before), {"LIKE_NUM": True}, *words(after)]
        return {"label": entry.label, "id": entry.id, "pattern": tokens}
    if entry.exact:
        tokens = [{"ORTH": t.text} for t in nlp.make_doc(entry.name)]
        return {"label": entry.label, "id": entry.id, "pattern": tokens}
    return {"label": entry.label, "id": entry.id, "pattern": entry.name}


def _section_words(vocabulary: Vocabulary) -> list[str]:
    words = {n for k in vocabulary.section_kinds.values() for n in (k.label, *k.alt_labels)}
    return sorted(words, key=len, reverse=True)


class CitationFinder:
    """Finds citation lists, provision groups and internal references in a doc."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        words = "|".join(re.escape(w) for w in _section_words(vocabulary))
        self.section_word = re.compile(rf"\b(?P<word>{words})\b")
        self.named = patterns.named_instruments(
            (n.kind, n.identifier, n.names) for n in vocabulary.named_instruments
        )

    def __call__(self, doc: Any) -> Any:
        text = doc.text
        external = list(patterns.external_instruments(text, self.named))
        doc.spans["external"] = self._spans(
            doc, ((start, end, "EXTERNAL", {"items": items}) for start, end, items in external)
        )

        outside = _outside([(s, e) for s, e, _ in external])  # 'Security Council Resolution 1325'
        lists = [(s, e, items) for s, e, items in patterns.resolution_lists(text) if outside(s, e)]
        doc.spans["resolutions"] = self._spans(
            doc, ((start, end, "RESOLUTIONS", {"items": items}) for start, end, items in lists)
        )
        # 'Resolution No. 35': the number of a resolution is no provision
        apart = _outside([(s, e) for s, e, _ in external] + [(s, e) for s, e, _ in lists])
        doc.spans["provisions"] = self._spans(
            doc,
            (
                (start, end, "PROVISIONS", {"kind": kind, "numbers": numbers, "article": article})
                for start, end, kind, numbers, article in patterns.provision_groups(text)
                if apart(start, end)
            ),
        )
        doc.spans["annexes"] = self._spans(
            doc,
            (
                (start, end, "ANNEX", {"labels": labels, "whose": whose})
                for start, end, labels, whose in patterns.annex_references(text)
            ),
        )
        doc.spans["clauses"] = self._spans(doc, self._clause_references(text))
        return doc

    def _clause_references(self, text: str):
        for match in self.section_word.finditer(text):
            yield match.start(), match.end(), "SECTION_WORD", {"word": match.group("word")}

    @staticmethod
    def _spans(doc: Any, found) -> list[Any]:
        spans = []
        for start, end, label, values in found:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                span._.set(EXTENSION, values)
                spans.append(span)
        return spans


def _outside(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span overlaps none of spans: sorted by start, with the farthest end so
    far, an overlap test is one bisection."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def outside(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the spans that start before end
        return not before or reach[before - 1] <= start

    return outside


class BoundedTokenizer:
    """spaCy's tokenizer, fed runs without spaces no longer than MAX_RUN characters.

    It strips a run's prefixes and suffixes one at a time, searching the rest of the run
    each time: time quadratic in the run's length ('((((…' of 20,000 characters took 45 s).
    No word, label or address of an ITU text is that long, so a longer run is cut by a
    space every MAX_RUN characters, in place: the text keeps its length and its offsets.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Any:
        return self.tokenizer(bounded_runs(text))

    def __getattr__(self, name: str) -> Any:  # the rest of spaCy's tokenizer, unchanged
        return getattr(self.tokenizer, name)


def bounded_runs(text: str) -> str:
    """The text with a space every MAX_RUN characters of any longer run without spaces."""
    if len(text) <= MAX_RUN:
        return text
    pieces: list[str] = []
    position = 0
    for run in _LONG_RUN.finditer(text):
        pieces.append(text[position : run.start()])
        word = run.group()
        cut = "".join(word[i : i + MAX_RUN - 1] + " " for i in range(0, len(word), MAX_RUN))
        pieces.append(cut[: len(word)])
        position = run.end()
    pieces.append(text[position:])
    return "".join(pieces)


def build_pipeline(directory: Path | None = None) -> Any:
    """A fresh pipeline whose gazetteer is the labels of an ontology folder."""
    import spacy
    from spacy.language import Language
    from spacy.tokens import Span

    if not Span.has_extension(EXTENSION):
        Span.set_extension(EXTENSION, default=None)
    if "itukg_citations" not in Language.factories:
        Language.factory("itukg_citations", default_config={"ontology": ""})(_make_finder)
    directory = directory or ontology_dir()
    vocabulary = load_vocabulary(directory)
    nlp = spacy.blank("en")
    # spaCy's 1,000,000-character guard is for its parser and NER models, which this
    # pipeline has none of: rules are linear, so any clause the reader accepts is taken
    nlp.max_length = MAX_CHARS
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    ruler: Any = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    ruler.add_patterns([_pattern(nlp, e) for e in entity_entries(vocabulary)])
    topics: Any = nlp.add_pipe(
        "span_ruler",
        name="topic_ruler",
        config={"spans_key": "topics", "phrase_matcher_attr": "LOWER"},
    )
    topics.add_patterns([_pattern(nlp, e) for e in topic_entries(vocabulary)])
    nlp.add_pipe("itukg_citations", config={"ontology": str(directory)})
    return nlp


def _make_finder(nlp: Any, name: str, ontology: str) -> CitationFinder:  # noqa: ARG001
    """spaCy's factory for the citation component (the ontology folder is its config)."""
    return CitationFinder(load_vocabulary(Path(ontology) if ontology else ontology_dir()))


@lru_cache(maxsize=4)
def pipeline_for(directory: Path | None = None) -> Any:
    """The pipeline of an ontology folder (cached: built once per process)."""
    return build_pipeline(directory)
