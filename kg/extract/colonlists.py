"""'a pair of new Quill tools: QuillVox for audio, and QuillDoc for documents': names listed after a
colon that closes a counted plural product noun are products of that kind.

The noun before the colon must be a plural `product_heads` word (weak heads such as "platforms" and
"services" excluded) with a count or "new"/"following"/"pair" among the four words before it ("two
new products:", "three dedicated tools:", "the following features:"), so a heading such as "Editing
tools: Users can ..." types nothing. The name is the first item after the colon, or a later item
after a comma, "and" or "or" where the first item is capitalised; no verb stands between the colon
and the name, and no verb right after it (a sentence opening after a heading). Cue `colon-list`,
weight 5.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules
from kg.model import PRODUCT

_COUNT_WORDS = frozenset({"pair", "following", "new", "several", "both", "trio", "duo"})
_ITEM_LINKS = frozenset({",", "and", "or"})
_MAX_BACK = 14


def colon_list_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The vote of a counted product noun's colon list for one mention."""
    if end < len(doc) and doc[end].pos_ in ("VERB", "AUX"):
        return []
    colon = start - 1  # back to the colon, within the sentence and without passing a verb
    while colon > 0 and start - colon <= _MAX_BACK and doc[colon].text != ":":
        if doc[colon].pos_ in ("VERB", "AUX") or doc[colon].is_sent_start:
            return []
        colon -= 1
    if colon <= 1 or doc[colon].text != ":" or doc[colon].is_sent_start or doc[colon - 1].is_sent_start:
        return []
    sent_start = colon - 1
    while sent_start > 0 and colon - sent_start < 5 and not doc[sent_start].is_sent_start:
        sent_start -= 1
    if colon + 1 < start and not doc[colon + 1].text[:1].isupper():  # "KerasCV", "Tarvis"
        return []
    if colon + 1 < start and doc[start - 1].lower_ not in _ITEM_LINKS:
        return []
    noun = doc[colon - 1]
    head = rules.product_heads.get(noun.lemma_.lower())
    if noun.tag_ != "NNS" or head is None or noun.lemma_.lower() in rules.weak_product_heads:
        return []
    before = doc[max(sent_start, colon - 5) : colon - 1]
    if not any(t.like_num or t.lower_ in _COUNT_WORDS for t in before):
        return []
    return [ev.Vote(PRODUCT, head, ev.W_HEAD, "colon-list")]
