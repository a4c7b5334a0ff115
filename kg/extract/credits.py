"""Picture credits: "Dana Reyes/Getty Images", "Lee Park/MITTR" name the photographer and the agency.

News pages print a photo's credit as the photographer's name glued by a slash to the agency or
outlet. The person is no one the article says anything about (the guidelines' page furniture), so a
person-read name in that position is no candidate; the name's other mentions, if any, still count.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.tails import tail_rules

_MAX_WORDS = 4  # a photographer's name: "Dana Reyes", "David Dee Delgado"


def photo_credit(doc: Doc, start: int, end: int, label: str) -> bool:
    """The name doc[start:end] (read as a person by the model: its candidate's label, or the tokens'
    entity type where a later step proposes the name again) is glued to '/' and a capitalised agency
    name: "Dana Reyes/Getty Images", never "Dana Reyes / Acme" with spaces."""
    if not 2 <= end - start <= _MAX_WORDS or end + 1 >= len(doc):
        return False
    if label != "PERSON" and not (label == "" and all(t.ent_type_ == "PERSON" for t in doc[start:end])):
        return False
    slash, agency = doc[end], doc[end + 1]
    return (
        slash.text == "/"
        and not doc[end - 1].whitespace_
        and not slash.whitespace_
        and agency.text[:1].isupper()
        and all(t.text[:1].isupper() and t.is_alpha for t in doc[start:end])
    )


def credit_agency(doc: Doc, start: int) -> bool:
    """The name starting at doc[start] is what a picture credit names: "Credit: Getty Images",
    "Photograph: Dana Reyes/Getty Images", "Photo by Dana Reyes/Getty Images". Going back from the
    name over capitalised words and slashes (a photographer's name) must reach a caption label
    (`caption_labels` in name_spans.json) and its colon, or "by" after one. The agency's mentions in the
    article's own sentences still count."""
    labels = tail_rules().caption_labels
    i = start - 1
    while i >= 0 and start - i <= _MAX_WORDS + 2 and (doc[i].text == "/" or doc[i].text[:1].isupper()):
        if doc[i].lower_ in labels:
            return False  # "Credit Suisse": a label word inside the name run, no colon
        i -= 1
    if i < 1 or doc[i].text not in (":", "by"):
        return False
    return doc[i - 1].lower_ in labels
