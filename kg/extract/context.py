"""What every extraction step knows about the document it reads: ids, dates and offset mapping.

The spaCy Doc is built from `title + "\\n\\n" + text` (see `DocContext.build_text`), so token
character offsets are shifted by `body_offset` relative to Document.text. Evidence of a body
sentence has offsets into Document.text; evidence of the prepended title (`in_title`) has
offsets into Document.title and `Evidence.in_title` set. Rules that only read the body check
`in_body` (and `text_span` raises for a title span).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kg.errors import KGError
from kg.model import Document, Evidence

TITLE_SEPARATOR = "\n\n"
# Confidence taken off a fact read from the headline: terse, often without articles or auxiliaries.
HEADLINE_PENALTY = 0.1


class _CharSpan(Protocol):
    """A spaCy Span (start_char/end_char); spaCy Tokens (idx, text) are accepted too."""

    @property
    def text(self) -> str: ...


def _bounds(span: _CharSpan) -> tuple[int, int]:
    start = getattr(span, "start_char", None)
    if start is not None:
        return int(start), int(span.end_char)  # type: ignore[attr-defined]
    idx = int(span.idx)  # type: ignore[attr-defined]
    return idx, idx + len(span.text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) with the whitespace at both edges of text[start:end] left out."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class OffsetError(KGError):
    """A span of the title was asked for evidence offsets into the body text."""


@dataclass(frozen=True)
class DocContext:
    """One document as seen by the rule steps (relations, events)."""

    doc_id: str
    published: str | None  # ISO "YYYY-MM-DD" (or datetime) or None
    title: str
    text: str  # Document.text: evidence offsets refer to it
    body_offset: int = 0  # where Document.text starts in the processed (spaCy) text
    parsed_title: str = ""  # the title as parsed (same length; see headlinecase.py), else the title

    @classmethod
    def from_document(cls, doc: Document, with_title: bool = True) -> DocContext:
        # A title the body already opens with (scraped pages often repeat it) is not added twice.
        title = doc.title.strip()
        prepend = with_title and bool(title) and title not in doc.text[:2000]
        offset = len(doc.title) + len(TITLE_SEPARATOR) if prepend else 0
        return cls(doc_id=doc.id, published=doc.published, title=doc.title, text=doc.text, body_offset=offset)

    @property
    def published_date(self) -> str | None:
        """The publication date as "YYYY-MM-DD" (datetime strings cut to the day)."""
        return self.published[:10] if self.published else None

    @property
    def processed_text(self) -> str:
        """The text the spaCy Doc is built from."""
        if self.body_offset:
            return (self.parsed_title or self.title) + TITLE_SEPARATOR + self.text
        return self.text

    # --- offsets --------------------------------------------------------------------
    def in_body(self, span: _CharSpan) -> bool:
        """Whether a span lies in Document.text (not in the prepended title)."""
        return _bounds(span)[0] >= self.body_offset

    def in_title(self, span: _CharSpan) -> bool:
        return _bounds(span)[0] < self.body_offset

    def to_text(self, char: int) -> int:
        """A character offset of the processed text -> offset into Document.text."""
        return char - self.body_offset

    def text_span(self, span: _CharSpan) -> tuple[int, int]:
        """(start, end) of a body span in Document.text, whitespace at the edges removed."""
        first, last = _bounds(span)
        if first < self.body_offset:
            raise OffsetError(f"document {self.doc_id}: span at {first} is in the title")
        return _trimmed(self.text, self.to_text(first), self.to_text(last))

    def evidence(self, sent: _CharSpan) -> Evidence:
        """Evidence for a sentence (or any span): offsets into Document.text for the body, into
        Document.title for the prepended title."""
        first, last = _bounds(sent)
        if first < self.body_offset:
            start, end = _trimmed(self.title, first, min(last, len(self.title)))
            return Evidence(self.doc_id, self.title[start:end], start, end, in_title=True)
        start, end = self.text_span(sent)
        return Evidence(doc_id=self.doc_id, sentence=self.text[start:end], start=start, end=end)
