"""Exact, cheaper stand-ins for three slow spaCy pieces (issue #6): the model's `attribute_ruler` and
rule `lemmatizer` as one component, and a DependencyMatcher that finds each token's root once per Doc.

Both give exactly the token attributes and matches of the originals; they are built from the loaded
model's own patterns and tables, nothing is copied from a model into this file. The attribute ruler's
single-token patterns depend only on a few attributes of a token (TAG, LOWER, DEP, IS_SPACE for the
English models), so the merged assignment is cached per combination of those values; a spaCy Matcher
still runs the few patterns that span several tokens or use predicates evaluated here would not mirror.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import DEP, HEAD, IDS, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

from kg.errors import KGError

FACTORY = "kg_fast_attributes"
RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"

# Token attributes the component may assign: exactly what AttributeRuler sets through the token struct.
_ASSIGNABLE = (POS, TAG, MORPH, LEMMA, DEP)
# Attributes a pattern may test on the fast path. Doc.to_array reads them with the same function the
# Matcher uses (SENT_START differs, ENT_IOB takes IOB strings, MORPH sets are normalised: all excluded).
_NOT_FAST = frozenset({"SENT_START", "IS_SENT_START", "ENT_IOB", "MORPH", "HEAD", "SPACY", "IDX"})
_STRING_ATTRS = frozenset(
    {"ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "TAG", "DEP", "LEMMA", "POS"}
)
# Lemmatizers whose result depends only on the token's text, POS and MORPH (the cache key below).
_LEMMATIZER_TYPES = (Lemmatizer, EnglishLemmatizer)


class FastPipesError(KGError):
    """The loaded model's attribute ruler or lemmatizer cannot be replaced exactly."""


# --- the attribute ruler's single-token patterns, compiled to bit masks ---------------------


@dataclass
class _AttrIndex:
    """For one token attribute, which fast patterns a value satisfies, as a bit mask per value."""

    attr: int
    free: int = 0  # patterns that do not test this attribute
    equal: dict[int, int] = field(default_factory=dict)  # value -> patterns requiring it (== or IN)
    not_in_all: int = 0
    not_in: dict[int, int] = field(default_factory=dict)  # value -> NOT_IN patterns listing it
    regexes: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)
    cache: dict[int, int] = field(default_factory=dict)

    def mask(self, value: int, strings: Any) -> int:
        hit = self.cache.get(value)
        if hit is None:
            hit = self.free | self.equal.get(value, 0) | (self.not_in_all & ~self.not_in.get(value, 0))
            if self.regexes:
                text = strings[value]
                for bit, rx in self.regexes:
                    if rx.search(text):
                        hit |= bit
            self.cache[value] = hit
        return hit


def _token_spec(spec: dict[Any, Any]) -> dict[str, Any] | None:
    """One pattern token whose every test is mirrored here (attribute -> value), else None."""
    out: dict[str, Any] = {}
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        name = "ORTH" if key.upper() == "TEXT" else key.upper()
        if name in _NOT_FAST or name not in IDS or name in out:  # "OP" and "_" are not in IDS
            return None
        if isinstance(value, dict):
            if set(value) in ({"IN"}, {"NOT_IN"}):
                items = next(iter(value.values()))
                if not isinstance(items, list) or not all(isinstance(v, (str, int)) for v in items):
                    return None
            elif set(value) == {"REGEX"}:
                if name not in _STRING_ATTRS or not isinstance(value["REGEX"], str):
                    return None
            else:
                return None
        elif not isinstance(value, (str, int)):  # bool is an int
            return None
        out[name] = value
    return out


@dataclass(frozen=True)
class _Sequence:
    """A fixed-length pattern of several tokens: one bit per position, and the token it assigns to."""

    attr_id: int
    index: int
    bits: tuple[int, ...]


class _TokenRules:
    """Every mirrored pattern token as one bit; token attribute values -> (ids of the ruler entries
    whose single-token patterns match, bits of the multi-token pattern positions the token fills)."""

    def __init__(self, vocab: Vocab, singles: list[tuple[int, dict[str, Any]]], seqs: list[Any]) -> None:
        self.vocab = vocab
        specs = list(singles)
        self.sequences: list[_Sequence] = []
        for attr_id, index, tokens in seqs:
            bits = tuple(1 << (len(specs) + k) for k in range(len(tokens)))
            specs.extend((-1, t) for t in tokens)
            self.sequences.append(_Sequence(attr_id, index, bits))
        self.owners = [attr_id for attr_id, _ in specs]  # bit j -> ruler entry id, -1 for a sequence
        self.seq_mask = sum(1 << j for j, owner in enumerate(self.owners) if owner < 0)
        names = sorted({name for _, spec in specs for name in spec})
        self.attrs: list[Any] = [IDS[name] for name in names]
        self.indexes = [_AttrIndex(IDS[name]) for name in names]
        for j, (_, spec) in enumerate(specs):
            bit = 1 << j
            for name, idx in zip(names, self.indexes, strict=True):
                if name not in spec:
                    idx.free |= bit
                    continue
                self._add(idx, bit, spec[name])
        self.cache: dict[tuple[int, ...], tuple[tuple[int, ...], int]] = {}

    def _add(self, idx: _AttrIndex, bit: int, value: Any) -> None:
        if isinstance(value, dict) and "REGEX" in value:
            idx.regexes.append((bit, re.compile(value["REGEX"])))
        elif isinstance(value, dict) and "IN" in value:
            for v in {get_string_id(v) for v in value["IN"]}:
                idx.equal[v] = idx.equal.get(v, 0) | bit
        elif isinstance(value, dict):
            idx.not_in_all |= bit
            for v in {get_string_id(v) for v in value["NOT_IN"]}:
                idx.not_in[v] = idx.not_in.get(v, 0) | bit
        else:  # the Matcher adds a string to the store and compares hashes; a bool compares as 0/1
            v = self.vocab.strings.add(value) if isinstance(value, str) else int(value)
            idx.equal[v] = idx.equal.get(v, 0) | bit

    def matched(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], int]:
        """Sorted ruler entry ids of the single-token patterns a token with these values matches, and
        the sequence-position bits it satisfies."""
        hit = self.cache.get(key)
        if hit is None:
            strings = self.vocab.strings
            mask = -1
            for idx, value in zip(self.indexes, key, strict=True):
                mask &= idx.mask(value, strings)
            ids = {owner for j, owner in enumerate(self.owners) if owner >= 0 and mask >> j & 1}
            hit = self.cache[key] = (tuple(sorted(ids)), mask & self.seq_mask)
        return hit

    def sequence_matches(self, masks: dict[int, int], n: int) -> Iterable[tuple[int, int, int, int]]:
        """(attr_id, index, start, end) of every sequence match, given the tokens' position bits."""
        for seq in self.sequences:
            first, length = seq.bits[0], len(seq.bits)
            for start, mask in masks.items():
                if not mask & first or start + length > n:
                    continue
                if all(masks.get(start + k, 0) & bit for k, bit in enumerate(seq.bits)):
                    yield seq.attr_id, seq.index, start, start + length


# --- the component ---------------------------------------------------------------------------


class FastAttributes:
    """attribute_ruler followed by the lemmatizer, with the same result on every token."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer, name: str = FACTORY) -> None:
        if type(lemmatizer) not in _LEMMATIZER_TYPES or lemmatizer.mode not in ("rule", "lookup"):
            raise FastPipesError(
                f"lemmatizer {type(lemmatizer).__name__} (mode {lemmatizer.mode!r}) is not supported: "
                "keep the model's own attribute_ruler and lemmatizer"
            )
        self.name = name
        self.vocab: Vocab = ruler.vocab
        self.attrs: list[dict[int, int]] = []  # ruler entry id -> normalised attributes it assigns
        self.indices: list[int] = []
        self.slow = Matcher(self.vocab, validate=False)
        singles: list[tuple[int, dict[str, Any]]] = []
        seqs: list[tuple[int, int, list[dict[str, Any]]]] = []
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for attr_id, entry in enumerate(entries):
            attrs = normalize_token_attrs(self.vocab, dict(entry["attrs"]))
            bad = [a for a in attrs if a not in _ASSIGNABLE]
            if bad:
                raise FastPipesError(f"attribute ruler entry #{attr_id} sets {bad}: not supported")
            self.attrs.append(attrs)
            index = int(entry.get("index", 0))
            self.indices.append(index)
            slow: list[Any] = []
            for pattern in entry["patterns"]:
                tokens = [_token_spec(t) for t in pattern]
                if not pattern or any(t is None for t in tokens):
                    slow.append(pattern)
                elif len(tokens) == 1 and index in (0, -1):
                    singles.append((attr_id, tokens[0]))  # type: ignore[arg-type]
                else:
                    seqs.append((attr_id, index, tokens))  # type: ignore[arg-type]
            if slow:  # the same key as AttributeRuler, so the ordering rules are the ruler's
                self.slow.add(self.vocab.strings.add(str(attr_id)), slow)
        self.rules = _TokenRules(self.vocab, singles, seqs)
        self.columns: list[Any] = sorted({a for attrs in self.attrs for a in attrs}, key=_ASSIGNABLE.index)
        self._assignments: dict[tuple[int, ...], int] = {}
        self._rows: list[tuple[list[bool], list[int]]] = []
        self._table: tuple[np.ndarray, np.ndarray] | None = None
        self.lemmatize: Callable[[Any], list[str]] = lemmatizer.lemmatize
        self.overwrite = bool(lemmatizer.overwrite)
        self._lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    # spaCy's error handler protocol, as in spacy.pipeline.Pipe
    def get_error_handler(self) -> Callable[..., Any]:
        return getattr(self, "_error_handler", _raise)

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        self._error_handler = error_handler

    def __call__(self, doc: Doc) -> Doc:
        try:
            if len(doc):
                self._apply_ruler(doc)
                self._apply_lemmas(doc)
            return doc
        except Exception as exc:  # noqa: BLE001 - spaCy's protocol: the pipeline's handler decides
            handled: Doc = self.get_error_handler()(self.name, self, [doc], exc)
            return handled

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # --- attribute ruler -----------------------------------------------------------------
    def _assignment(self, ids: tuple[int, ...]) -> int:
        """Row of the assignment table for ruler entries applied in this (sorted) order."""
        row = self._assignments.get(ids)
        if row is None:
            merged: dict[int, int] = {}
            for attr_id in ids:  # later entries win, as in AttributeRuler.match's sort
                merged.update(self.attrs[attr_id])
            has = [a in merged for a in self.columns]
            values = [merged.get(a, 0) for a in self.columns]
            row = self._assignments[ids] = len(self._rows)
            self._rows.append((has, values))
            self._table = None
        return row

    def _apply_ruler(self, doc: Doc) -> None:
        rules = self.rules
        n = len(doc)
        if rules.attrs:
            uniq, _, inverse = _unique_rows(doc.to_array(rules.attrs).reshape(n, len(rules.attrs)))
            per_key = [rules.matched(k) for k in map(tuple, uniq.tolist())]
        else:
            per_key, inverse = [rules.matched(())], np.zeros(n, dtype=np.intp)
        rows = np.asarray([self._assignment(ids) for ids, _ in per_key], dtype=np.intp)
        extra: dict[int, set[int]] = {}
        hot = [j for j, (_, seq_bits) in enumerate(per_key) if seq_bits]
        if hot:
            where = np.nonzero(np.isin(inverse, hot))[0].tolist()
            masks = {i: per_key[inverse[i]][1] for i in where}
            for attr_id, index, start, end in rules.sequence_matches(masks, n):
                extra.setdefault(_target(doc, start, end, index), set()).add(attr_id)
        if len(self.slow):
            for match_id, start, end in self.slow(doc, allow_missing=True):
                attr_id = int(self.vocab.strings[match_id])
                extra.setdefault(_target(doc, start, end, self.indices[attr_id]), set()).add(attr_id)
        token_rows = rows[inverse]
        for i, ids in extra.items():
            token_rows[i] = self._assignment(tuple(sorted(set(per_key[inverse[i]][0]) | ids)))
        if not self.columns:
            return
        if self._table is None:
            self._table = (
                np.array([has for has, _ in self._rows], dtype=bool),
                np.array([values for _, values in self._rows], dtype=np.uint64),
            )
        has, values = self._table
        new: Any = np.where(has[token_rows], values[token_rows], doc.to_array(self.columns))
        doc.from_array(self.columns, new)

    # --- lemmatizer ----------------------------------------------------------------------
    def _apply_lemmas(self, doc: Doc) -> None:
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas: Any = arr[:, 3].copy()
        todo = np.nonzero(lemmas == 0)[0] if not self.overwrite else np.arange(len(doc))
        if not len(todo):
            return
        uniq, first, inverse = _unique_rows(arr[todo, :3])
        cache = self._lemmas
        strings = self.vocab.strings
        found = []
        for key, i in zip(map(tuple, uniq.tolist()), todo[first].tolist(), strict=True):
            hit = cache.get(key)
            if hit is None:
                # the cache keeps hashes, so the strings must outlive any memory zone
                hit = cache[key] = strings.add(self.lemmatize(doc[i])[0], allow_transient=False)  # type: ignore[call-arg]
            found.append(hit)
        lemmas[todo] = np.asarray(found, dtype=np.uint64)[inverse]
        doc.from_array([LEMMA], lemmas)


def _unique_rows(arr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The distinct rows of a 2-D array, the index of each one's first occurrence, and the inverse."""
    arr = np.ascontiguousarray(arr)
    rows = arr.view(np.dtype((np.void, arr.dtype.itemsize * arr.shape[1]))).ravel()
    _, first, inverse = np.unique(rows, return_index=True, return_inverse=True)
    return arr[first], first, inverse.ravel()


def _target(doc: Doc, start: int, end: int, index: int) -> int:
    """The token a match of doc[start:end] assigns to; a bad index fails as in AttributeRuler."""
    try:
        return range(start, end)[index]
    except IndexError:
        raise ValueError(
            f"attribute ruler index {index} is out of range for the match {doc[start:end].text!r}"
        ) from None


def _raise(proc_name: str, proc: Any, docs: list[Doc], e: Exception) -> Any:
    raise e


@Language.factory(FACTORY, default_config={"ruler": RULER, "lemmatizer": LEMMATIZER})
def make_fast_attributes(nlp: Language, name: str, ruler: str, lemmatizer: str) -> FastAttributes:
    """Built from the pipeline's own attribute ruler and lemmatizer (read once, here)."""
    rul = nlp.get_pipe(ruler)
    lem = nlp.get_pipe(lemmatizer)
    if not isinstance(rul, AttributeRuler) or not isinstance(lem, Lemmatizer):
        raise FastPipesError(f"{ruler!r} / {lemmatizer!r} are not an AttributeRuler and a Lemmatizer")
    return FastAttributes(rul, lem, name=name)


def install(nlp: Language) -> None:
    """Replace `attribute_ruler` + `lemmatizer` (adjacent, in that order) by one kg_fast_attributes
    component in the same place; every other component keeps its position. A no-op when installed."""
    names = nlp.pipe_names
    if FACTORY in names and RULER not in names:
        return
    if RULER not in names or LEMMATIZER not in names:
        raise FastPipesError(f"the pipeline has no {RULER!r} and {LEMMATIZER!r} to replace: {names}")
    if names.index(LEMMATIZER) != names.index(RULER) + 1:
        raise FastPipesError(f"{LEMMATIZER!r} does not directly follow {RULER!r}: {names}")
    nlp.add_pipe(FACTORY, name=FACTORY, before=RULER)
    nlp.remove_pipe(RULER)
    nlp.remove_pipe(LEMMATIZER)


# --- the dependency matcher ------------------------------------------------------------------

_SENT_KEYS = ("IS_SENT_START", "SENT_START")
_ANNOTATED = {TAG: "TAG", POS: "POS", MORPH: "MORPH", LEMMA: "LEMMA", DEP: "DEP"}


def _roots(heads: np.ndarray) -> np.ndarray | None:
    """The root of every token's tree from absolute head indices (pointer doubling: log(depth)
    steps); None if the heads do not form trees, which spaCy's walk up `token.ancestors` handles."""
    roots = heads
    for _ in range(max(1, len(heads)).bit_length() + 1):
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            return roots
        roots = nxt
    return None


class FastDependencyMatcher(DependencyMatcher):
    """spaCy's DependencyMatcher with the same matches in the same order, cheaper per call: the pattern
    nodes are tested per distinct combination of the attributes they read (not by a Matcher over
    every token), and each token's root comes from the heads array (not a walk up its ancestors).
    Nodes using a test not mirrored here fall back to spaCy's own code for the whole matcher."""

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        super().__init__(vocab, validate=validate)
        self._fast: tuple[_TokenRules, list[int], list[int]] | None = None
        self._compiled = False

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpickle_matcher, (self.vocab, dict(self._raw_patterns), dict(self._callbacks)))

    def add(self, key: Any, patterns: list[Any], *, on_match: Any = None) -> None:
        super().add(key, patterns, on_match=on_match)
        self._compiled = False

    def remove(self, key: Any) -> None:
        super().remove(key)
        self._compiled = False

    def _compile(self) -> tuple[_TokenRules, list[int], list[int]] | None:
        """Every node of every pattern as a single-token rule owned by its internal matcher key."""
        mkeys: list[int] = []
        specs: list[tuple[int, dict[str, Any]]] = []
        for key in self._patterns:
            for nodes, token_keys in zip(self._patterns[key], self._tokens_to_key[key], strict=True):
                for node, mkey in zip(nodes, token_keys, strict=True):
                    raw = dict(node[0])
                    starts = [k for k in raw if isinstance(k, str) and k.upper() in _SENT_KEYS]
                    sent = raw.pop(starts[0]) if len(starts) == 1 else None
                    spec = _token_spec(raw)  # None if a sentence-start key is left in `raw`
                    if spec is None or (starts and not isinstance(sent, bool)):
                        return None
                    if starts:  # the Matcher reads it as sent_start == 1, see below
                        spec["SENT_START"] = int(sent)  # type: ignore[arg-type]
                    specs.append((len(mkeys), spec))
                    mkeys.append(mkey)
        rules = _TokenRules(self.vocab, specs, [])
        checked = [a for a in rules.attrs if a in _ANNOTATED]
        return rules, mkeys, checked

    def _get_keys_to_position_maps(self, doc: Doc) -> Any:
        if not self._compiled:
            self._fast, self._compiled = self._compile(), True
        n = len(doc)
        if self._fast is None or not n:
            return super()._get_keys_to_position_maps(doc)  # type: ignore[misc]
        rules, mkeys, checked = self._fast
        if any(not doc.has_annotation(_ANNOTATED[a]) for a in checked):
            return super()._get_keys_to_position_maps(doc)  # type: ignore[misc]  # spaCy's Matcher raises its own error
        arr = doc.to_array([HEAD, *rules.attrs]).reshape(n, len(rules.attrs) + 1)
        roots = _roots(np.arange(n) + arr[:, 0].astype(np.int64))
        if roots is None:
            return super()._get_keys_to_position_maps(doc)  # type: ignore[misc]
        keys = arr[:, 1:]
        if SENT_START in rules.attrs:  # the Matcher tests sent_start == 1 (to_array gives -1/0/1)
            col = rules.attrs.index(SENT_START)
            keys[:, col] = keys[:, col] == 1
        out: Any = defaultdict(lambda: defaultdict(list))
        if not rules.attrs:
            return out
        uniq, _, inverse = _unique_rows(keys)
        owners = [rules.matched(k)[0] for k in map(tuple, uniq.tolist())]
        hit = np.asarray([bool(o) for o in owners])[inverse]
        for i, u, root in zip(
            np.nonzero(hit)[0].tolist(), inverse[hit].tolist(), roots[hit].tolist(), strict=True
        ):
            by_key = out[root]
            for owner in owners[u]:
                by_key[mkeys[owner]].append(i)
        return out


def _unpickle_matcher(
    vocab: Vocab, patterns: dict[Any, Any], callbacks: dict[Any, Any]
) -> FastDependencyMatcher:
    matcher = FastDependencyMatcher(vocab)
    for key, pattern in patterns.items():
        matcher.add(key, pattern, on_match=callbacks.get(key))
    return matcher


def dependency_matcher(vocab: Vocab) -> FastDependencyMatcher:
    """A drop-in for `DependencyMatcher(vocab)` giving identical matches (for kg.extract.patterns)."""
    return FastDependencyMatcher(vocab)
