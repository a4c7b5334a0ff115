"""Terms as N-Triples and Turtle text: escaping, prefixed names and literal shorthands."""

from __future__ import annotations

import re

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_STRING_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
# Local names written as prefixed names; anything else is written as a full <IRI>.
_SAFE_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?")
_BNODE_LABEL = re.compile(r"[^A-Za-z0-9_\-]")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d*\.\d+")


def _u(match: re.Match[str]) -> str:
    ch = match.group(0)
    return _STRING_ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def iri(term: str) -> str:
    return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04X}", str(term)) + ">"


def string(text: str) -> str:
    return '"' + _STRING_ESCAPE.sub(_u, text) + '"'


def bnode(term: BNode) -> str:
    return "_:" + (_BNODE_LABEL.sub("_", str(term)) or "b")


def nt(term: Node) -> str:
    """A term in N-Triples syntax."""
    if isinstance(term, URIRef):
        return iri(term)
    if isinstance(term, BNode):
        return bnode(term)
    if isinstance(term, Literal):
        text = string(str(term))
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^{iri(term.datatype)}"
        return text
    raise TypeError(f"cannot write {term!r} as an RDF term")


class Prefixes:
    """Prefixed names for Turtle and TriG; the longest matching namespace wins."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = dict(sorted(prefixes.items()))
        self._by_length = sorted(prefixes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        self._cache: dict[str, str] = {}

    def header(self) -> str:
        return "".join(f"@prefix {p}: {iri(ns)} .\n" for p, ns in self.prefixes.items())

    def name(self, term: URIRef) -> str:
        text = str(term)
        hit = self._cache.get(text)
        if hit is None:
            hit = self._cache[text] = self._name(text)
        return hit

    def _name(self, text: str) -> str:
        for prefix, ns in self._by_length:
            if text.startswith(ns):
                local = text[len(ns):]
                if local == "" or _SAFE_LOCAL.fullmatch(local):
                    return f"{prefix}:{local}"
        return iri(text)

    def term(self, term: Node) -> str:
        """A term in Turtle syntax, with prefixed names and the numeric and boolean shorthands."""
        if isinstance(term, URIRef):
            return self.name(term)
        if isinstance(term, Literal) and not term.language and term.datatype is not None:
            lex, dt = str(term), term.datatype
            if dt == XSD.integer and _INTEGER.fullmatch(lex):
                return lex
            if dt == XSD.decimal and _DECIMAL.fullmatch(lex):
                return lex
            if dt == XSD.boolean and lex in ("true", "false"):
                return lex
            if dt != XSD.string:
                return f"{string(lex)}^^{self.name(dt)}"
        return nt(term)
