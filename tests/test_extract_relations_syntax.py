"""Reading the parse (kg.extract.syntax) on hand-built parses: what a noun phrase names, who the
subject of a verb is, which entity a pronoun stands for."""

from __future__ import annotations

import pytest

from kg.extract import syntax
from kg.model import ORG, PERSON, PRODUCT
from tests.test_extract_events_helpers import build

# "OpenAI's DALL-E and Stability's Diffusion models like Imagen and Gemini"
CONJ_POSSESSORS = """
OpenAI PROPN NNP poss 2
's PART POS case 0
DALL-E PROPN NNP ROOT 2
and CCONJ CC cc 2
Stability PROPN NNP poss 6
's PART POS case 4
Diffusion PROPN NNP conj 2
"""


def test_extract_relations_syntax_conjunct_with_own_possessor_is_not_joined():
    b = build(
        CONJ_POSSESSORS,
        [
            (0, 1, ORG, "OpenAI"),
            (2, 3, PRODUCT, "DALL-E"),
            (4, 5, ORG, "Stability"),
            (6, 7, PRODUCT, "Diffusion"),
        ],
    )
    named = [r.key for r in syntax.denote(b.table, b.doc[2], (PRODUCT,), conj=True)]
    assert named == ["product:dall-e"]


@pytest.mark.parametrize(
    ("parse", "head", "expected"),
    [
        # "a new model called Gemini"
        (
            "a DET DT det 2\nnew ADJ JJ amod 2\nmodel NOUN NN ROOT 2\n"
            "called VERB VBN acl 2\nGemini PROPN NNP oprd 3",
            2,
            ["Gemini"],
        ),
        # "rivals like Apple and Xiaomi"
        (
            "rivals NOUN NNS ROOT 0\nlike ADP IN prep 0\nApple PROPN NNP pobj 1\nand CCONJ CC cc 2\n"
            "Xiaomi PROPN NNP conj 2",
            0,
            ["Apple", "Xiaomi"],
        ),
        # "its Sora video app"
        (
            "its PRON PRP$ poss 3\nSora PROPN NNP compound 3\nvideo NOUN NN compound 3\napp NOUN NN ROOT 3",
            3,
            ["Sora"],
        ),
        # "a free Chrome extension" (a compound modifier of a non-product noun names nothing)
        ("a DET DT det 3\nfree ADJ JJ amod 3\nChrome PROPN NNP compound 3\nextension NOUN NN ROOT 3", 3, []),
    ],
)
def test_extract_relations_syntax_what_a_noun_phrase_names(parse, head, expected):
    names = {"Gemini": PRODUCT, "Apple": ORG, "Xiaomi": ORG, "Sora": PRODUCT, "Chrome": PRODUCT}
    words = [line.split()[0] for line in parse.splitlines()]
    ents = [(i, i + 1, names[w], w) for i, w in enumerate(words) if w in names]
    b = build(parse, ents)
    got = [b.name(r.key) for r in syntax.denote(b.table, b.doc[head], (ORG, PRODUCT), conj=True)]
    assert got == expected


# "OpenAI decided to shut down Sora."
CONTROL = """
OpenAI PROPN NNP nsubj 1
decided VERB VBD ROOT 1
to PART TO aux 3
shut VERB VB xcomp 1
down ADP RP prt 3
Sora PROPN NNP dobj 3
. PUNCT . punct 1
"""

# "Regulators asked Microsoft to sell Activision."
OBJECT_CONTROL = """
Regulators NOUN NNS nsubj 1
asked VERB VBD ROOT 1
Microsoft PROPN NNP dobj 1
to PART TO aux 4
sell VERB VB xcomp 1
Activision PROPN NNP dobj 4
. PUNCT . punct 1
"""

# "G42, which partnered with Microsoft, grew."
RELATIVE = """
G42 PROPN NNP nsubj 6
, PUNCT , punct 0
which PRON WDT nsubj 3
partnered VERB VBD relcl 0
with ADP IN prep 3
Microsoft PROPN NNP pobj 4
grew VERB VBD ROOT 6
. PUNCT . punct 6
"""


@pytest.mark.parametrize(
    ("parse", "verb", "subject"),
    [(CONTROL, 3, "OpenAI"), (OBJECT_CONTROL, 4, "Microsoft"), (RELATIVE, 3, "G42")],
)
def test_extract_relations_syntax_subject_of_a_verb(parse, verb, subject):
    b = build(parse, [])
    assert [t.text for t in syntax.subject_tokens(b.doc[verb])] == [subject]


# "OpenAI said it will close its app."  /  "It said it will close its app."
PRONOUNS = """
{first} PROPN NNP nsubj 1
said VERB VBD ROOT 1
it PRON PRP nsubj 4
will AUX MD aux 4
close VERB VB ccomp 1
its PRON PRP$ poss 6
app NOUN NN dobj 4
. PUNCT . punct 1
"""


def test_extract_relations_syntax_pronoun_takes_the_clause_subject():
    b = build(PRONOUNS.format(first="OpenAI"), [(0, 1, ORG, "OpenAI")])
    ref = syntax.resolve_pronoun(b.table, b.doc[5], (ORG,))
    assert ref is not None and ref.key == "organization:openai" and ref.anaphor


def test_extract_relations_syntax_pronoun_chain_without_a_name_stays_unresolved():
    # "It said it will close its app, Sora." with Sora the only entity: "its" is not Sora
    b = build(PRONOUNS.format(first="It"), [])
    assert syntax.resolve_pronoun(b.table, b.doc[5], (ORG, PRODUCT)) is None


def test_extract_relations_syntax_person_pronoun_needs_a_person():
    b = build(PRONOUNS.format(first="OpenAI"), [(0, 1, ORG, "OpenAI")])
    assert syntax.resolve_pronoun(b.table, b.doc[5], (PERSON,)) is None
