"""Sentence boundaries the parser cannot see: every line break starts a sentence.

Scraped pages put the title, headlines, labels and paragraphs on lines of their own, without a
full stop; the small model's parser then glues the title to the opening sentence ("Acme raises
$5M\\n\\nAcme, a Lisbon startup, raised ..."), and rules that skip title sentences lose the
article's key sentence. The component `kg_line_breaks` runs before the parser and marks the first
token after each line break as a sentence start; the parser keeps preset boundaries. A single line
break followed by a lower-case letter is a hard-wrapped paragraph ("raised $5 million\nfrom ...")
and is left to the parser.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "kg_line_breaks"
_LINE_BREAK = re.compile(r"\n\s*")
_TEXT_KEY = "kg.text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once per Doc: spaCy's `Doc.text` joins every token on each access,
    which per candidate or per rule costs a pass over the whole document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after every line break as a sentence start (one lookup per break)."""
    text = doc_text(doc)
    if "\n" not in text:
        return doc
    for m in _LINE_BREAK.finditer(text):
        pos = m.end()
        if pos >= len(text):
            break
        if text[pos].islower() and m.group().count("\n") == 1:
            continue  # a hard-wrapped line goes on
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc
