"""The IRIs itukg mints: one base and readable paths (DESIGN.md: stable, readable URIs)."""

from __future__ import annotations

import re
import unicodedata

BASE = "https://w3id.org/itukg/"
ID = BASE + "id/"
ONTOLOGY = BASE + "ontology#"

ITU = ONTOLOGY
BODY = ID + "body/"
SECTOR = ID + "sector/"
SESSION = ID + "session/"
TOPIC = ID + "topic/"
SECTION_KIND = ID + "section-kind/"
RESOLUTION = ID + "resolution/"
DOCUMENT = ID + "document/"
PROVISION = ID + "provision/"
EXTERNAL = ID + "external/"  # instruments that are no ITU resolution: UN resolutions, RR …
OVERLAP = ID + "overlap/"

PREFIXES: dict[str, str] = {
    "itu": ITU,
    "body": BODY,
    "sector": SECTOR,
    "session": SESSION,
    "topic": TOPIC,
    "kind": SECTION_KIND,
    "res": RESOLUTION,
    "doc": DOCUMENT,
    "cscv": PROVISION,
    "ext": EXTERNAL,
    "overlap": OVERLAP,
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "eli": "http://data.europa.eu/eli/ontology#",
}


def slug(text: str) -> str:
    """A lower-case ASCII path segment: 'Sharm el-Sheikh' → 'sharm-el-sheikh', '3 ii)' → '3-ii'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def local_name(iri: str) -> str:
    """The last path segment (or fragment) of an IRI."""
    return re.split(r"[/#]", iri.rstrip("/"))[-1]


def expand(name: str) -> str:
    """Expand 'body:tsag' or 'body/tsag' to a full IRI; full IRIs pass through."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", name):
        return name
    if ":" in name:
        prefix, rest = name.split(":", 1)
        if prefix in PREFIXES:
            return PREFIXES[prefix] + rest
    return ID + name.lstrip("/")
