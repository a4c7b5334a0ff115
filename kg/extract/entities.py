"""Entity finding: spaCy Doc -> EntityTable (one EntityDraft per real entity, SpanRefs per mention).

Candidates come from the gazetteer (the EntityRuler's entities, with their gazetteer id), from the
statistical NER, and from names the context types on its own ("its Zephyr model"). Each mention
collects typing votes (gazetteer, versions, suffixes, head nouns, appositions, titles, NER label);
mentions are grouped into one entity per document (case, possessives, aliases, "X AI", partial
person names), each group's kind is the vote winner, and groups without enough evidence, or seen
only in headlines, page furniture or reader comments, are dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract import evidence as ev
from kg.extract.context import DocContext
from kg.extract.layout import BODY, COMMENTS, HEADLINE, LABEL, TITLE, Layout
from kg.extract.names import (
    CONNECTORS,
    all_generic,
    camel_humps,
    clean_name,
    is_capitalised,
    is_handle,
    is_never_entity,
    looks_like_person_name,
    name_key,
    slug,
)
from kg.extract.resources import GazEntry, Resources
from kg.extract.table import EntityDraft, EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT, Mention

NER_KIND = {"ORG": ORG, "PERSON": PERSON, "PRODUCT": PRODUCT, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
NER_CLASS = {"GPE": "Place", "LOC": "Place", "FAC": "Facility"}
CANDIDATE_LABELS = set(NER_KIND) | {"WORK_OF_ART", "EVENT", "LAW", ""}
KEY_PREFIX = {ORG: "org", PERSON: "person", PRODUCT: "product", PLACE: "place"}
DEFAULT_CLASS = {ORG: "Organization", PERSON: "Person", PRODUCT: "Product", PLACE: "Place"}
# Ties go to the kind the scorer does not count (Place), then to the commoner reading.
KIND_ORDER = {PLACE: 0, ORG: 1, PRODUCT: 2, PERSON: 3}
_SPLIT_PUNCT = {"|", "•", "·", ":", ";", "—", "–", "(", ")", "[", "]", '"', "“", "”", ",", "/", "?", "!"}

MENTION_CAP = 12.0
CONF_GAZETTEER, CONF_GAZ_AMBIGUOUS, CONF_PATTERN, CONF_NER, CONF_WEAK = 0.95, 0.85, 0.85, 0.75, 0.6


@dataclass
class Cand:
    """One mention of a candidate entity (token span of the spaCy Doc)."""

    start: int
    end: int
    surface: str
    zone: str
    label: str = ""
    gaz: GazEntry | None = None
    votes: list[ev.Vote] = field(default_factory=list)
    version: tuple[str, str] | None = None  # (family surface, version text)
    family_gaz: GazEntry | None = None
    key: str = ""

    def structural(self, kind: str) -> float:
        return max((v.weight for v in self.votes if v.kind == kind and v.cue != "ner"), default=0.0)


@dataclass
class Group:
    key: str
    cands: list[Cand] = field(default_factory=list)
    gaz: GazEntry | None = None
    kind: str = ""
    cls: str = ""
    name: str = ""
    confidence: float = CONF_NER
    source: str = "ner"
    family: str | None = None  # group key of the product family

    @property
    def body(self) -> list[Cand]:
        return [c for c in self.cands if c.zone == BODY]


class EntityFinder:
    """Runs the entity step on one parsed document."""

    def __init__(self, sdoc: Doc, ctx: DocContext, res: Resources) -> None:
        self.doc = sdoc
        self.ctx = ctx
        self.res = res
        self.rules = res.rules
        self.gaz_names = res.gazetteer.by_name()
        self.layout = Layout.of(
            ctx.processed_text, ctx.body_offset, self.rules.comment_start, self.rules.comment_lines
        )
        self.lower_words = {t.text for t in sdoc if t.is_lower and t.is_alpha}
        self.gaz_tokens: set[int] = set()  # tokens inside gazetteer matches
        self.title_words: dict[str, list[int]] = defaultdict(list)  # capitalised word -> token indices
        for t in sdoc:
            if t.is_title and t.is_alpha:
                self.title_words[t.text].append(t.i)

    # --- candidates -------------------------------------------------------------------
    def zone(self, start: int) -> str:
        return self.layout.zone(self.doc[start].idx)

    def pieces(self, span: Span) -> list[tuple[int, int]]:
        """A span cut at line breaks and separators; the small model glues across them."""
        out, s = [], span.start
        for i in range(span.start, span.end):
            tok = self.doc[i]
            if (
                tok.is_space
                or "\n" in tok.text
                or tok.text in _SPLIT_PUNCT
                or (tok.tag_ == "POS" and i + 1 < span.end)
            ):
                if i > s:
                    out.append((s, i))
                s = i + 1
        if span.end > s:
            out.append((s, span.end))
        return out

    def trim(self, start: int, end: int, keep: bool) -> tuple[int, int, list[ev.Vote]]:
        """Drop determiners, possessives, punctuation and lower-case words at the edges of a name.

        A lower-case product head cut off the end ("Zephyr app") is kept as evidence.
        """
        doc, votes = self.doc, []
        while start < end and not keep:
            tok = doc[start]
            if (
                tok.is_punct
                or tok.is_space
                or tok.lower_ in ("the", "a", "an")
                or (tok.is_lower and not is_capitalised(tok.text))
            ):
                start += 1
            elif tok.lower_ in self.rules.person_titles and end - start >= 3:
                # "CTO Liav Caspi": the title is context, not part of the name
                votes.append(ev.Vote(PERSON, "Person", ev.W_TITLE, "title-before"))
                start += 1
            else:
                break
        while end > start:
            tok = doc[end - 1]
            if tok.tag_ == "POS" or tok.text in ("'s", "’s", "'", "’") or tok.is_punct:
                end -= 1
            elif not keep and tok.is_lower and not is_capitalised(tok.text):
                if tok.lower_ in self.rules.product_heads:
                    votes.append(
                        ev.Vote(PRODUCT, self.rules.product_heads[tok.lower_], ev.W_HEAD, "head-in-span")
                    )
                end -= 1
            else:
                break
        return start, end, votes

    def candidates(self) -> list[Cand]:
        doc = self.doc
        cands: list[Cand] = []
        covered = [False] * len(doc)
        for ent in doc.ents:
            if ent.label_ not in CANDIDATE_LABELS:
                continue
            gaz = self.res.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
            if ent.start > 0 and doc[ent.start - 1].text in ("#", "@") and not doc[ent.start - 1].whitespace_:
                continue  # hashtags and @handles
            for s, e in self.pieces(ent) if gaz is None else [(ent.start, ent.end)]:
                s, e, votes = self.trim(s, e, keep=gaz is not None)
                if e <= s:
                    continue
                label = ent.label_
                if e - s == 1 and e < ent.end and doc[e].tag_ == "POS":
                    label = ""  # "France's National Centre": the model's label was for the whole span
                cand = self.make(s, e, label, gaz, votes)
                if cand is not None:
                    cands.append(cand)
                    for i in range(cand.start, cand.end):
                        covered[i] = True
                    if gaz is not None:
                        self.gaz_tokens.update(range(cand.start, cand.end))
        cands.extend(self.context_names(covered))
        cands.extend(self.given_name_people(covered))
        cands.sort(key=lambda c: c.start)
        return cands

    def make(
        self, start: int, end: int, label: str, gaz: GazEntry | None, votes: list[ev.Vote]
    ) -> Cand | None:
        doc, rules = self.doc, self.rules
        cand = Cand(start, end, "", self.zone(start), label, gaz, list(votes))
        # Versions: "Seedance 2.0", "Claude Haiku 4.5", "GPT-4o", "Gemini 2.5 Pro".
        if gaz is None or gaz.kind == PRODUCT:
            fam_end = ev.trailing_version(doc, start, end) if gaz is None else end
            new_end = ev.version_after(doc, end, rules)
            glued = ev.glued_version(doc[end - 1].text) if gaz is None and fam_end == end == new_end else None
            if new_end > end and gaz is None and label not in ("PRODUCT", "") and doc[end].text.isdigit():
                new_end = end  # "McAfee 2": a bare number after a name the model did not call a product
            if fam_end < end or new_end > end or glued:
                family = doc[start:fam_end].text if not glued else glued[0]
                fam_gaz = gaz or self.gaz_names.get(family.casefold())
                if self.version_family_ok(family, fam_gaz):
                    end = max(end, new_end)
                    version = doc[fam_end:end].text if not glued else glued[1]
                    cand.end = end
                    cand.version = (family, version)
                    cand.family_gaz = fam_gaz if fam_gaz and fam_gaz.kind == PRODUCT else None
                    cand.gaz = None
                    fam_cls = fam_gaz.cls if fam_gaz is not None and fam_gaz.kind == PRODUCT else "AIModel"
                    cand.votes.append(ev.Vote(PRODUCT, fam_cls, ev.W_VERSION, "version"))
        # "Claude for Financial Services": a known product for a named audience.
        if gaz is not None and gaz.kind == PRODUCT and cand.version is None:
            cand.end = self.product_for(end)
            if cand.end > end:
                cand.family_gaz, cand.gaz = gaz, None
                cand.votes.append(ev.Vote(PRODUCT, "Application", ev.W_VERSION, "product-for"))
        cand.surface = clean_name(doc[cand.start : cand.end].text, keep_the=gaz is not None)
        if not cand.surface:
            return None
        self.add_votes(cand)
        return cand

    def version_family_ok(self, family: str, fam_gaz: GazEntry | None) -> bool:
        if fam_gaz is not None:
            return fam_gaz.kind == PRODUCT
        words = family.split()
        return (
            bool(words)
            and is_capitalised(words[0])
            and family.casefold() not in self.rules.version_exclude_families
            and words[0].casefold() not in self.rules.version_exclude_families
            and family.casefold() not in self.rules.furniture
            and (
                family.casefold() in self.rules.version_families_allowed
                or not is_never_entity(family, self.rules)
            )
            and not all_generic(words, self.rules)
            and ev.suffix_vote(words, self.rules, self.lower_words) is None
        )

    def product_for(self, end: int) -> int:
        """End of '<product> for <Capitalised Words>' (up to three words), or `end` unchanged."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ not in self.rules.product_for_words:
            return end
        k = end + 1
        while (
            k < len(doc) and k - end <= 4 and (doc[k].is_title or doc[k].text.isdigit()) and doc[k].is_alpha
        ):
            k += 1
        return k if k > end + 1 else end

    def add_votes(self, c: Cand) -> None:
        doc, rules = self.doc, self.rules
        if c.gaz is not None:
            c.votes.append(ev.Vote(c.gaz.kind, c.gaz.cls, 100.0, "gazetteer"))
            return
        words = c.surface.split()
        suffix = ev.suffix_vote(words, rules, self.lower_words)
        if suffix is not None and c.version is None:
            c.votes.append(suffix)
        if len(words) >= 2 and words[-1].casefold() in rules.place_suffixes:
            c.votes.append(ev.Vote(PLACE, "Place", ev.W_SUFFIX, "place-suffix"))
        if words[0] in rules.given_names and looks_like_person_name(words) and suffix is None:
            c.votes.append(ev.Vote(PERSON, "Person", ev.W_SPEAKER, "given-name"))
        if suffix is None and self.surname_reused(words):
            c.votes.append(ev.Vote(PERSON, "Person", ev.W_SPEAKER, "surname-reuse"))
        c.votes.extend(ev.head_votes(doc, c.start, c.end, rules, c.label))
        c.votes.extend(ev.preceding_votes(doc, c.start, c.end, rules))
        c.votes.extend(ev.appos_votes(doc, c.start, c.end, rules))
        c.votes.extend(ev.possessive_votes(doc, c.start, c.end, rules))
        speaker = ev.speaker_vote(doc, c.start, c.end, rules)
        if speaker is not None:
            c.votes.append(speaker)
        kind = NER_KIND.get(c.label)
        if kind is not None:
            weight = 2.0
            brand = len(words) == 1 and (camel_humps(words[0]) > 0 or any(ch.isdigit() for ch in words[0]))
            if kind == PERSON and len(words) == 1:
                weight = 1.0
            if brand and kind in (PERSON, PLACE):
                kind, weight = ORG, 1.0  # "OpenAI" tagged PERSON or GPE: a run-together brand
            c.votes.append(ev.Vote(kind, NER_CLASS.get(c.label, DEFAULT_CLASS[kind]), weight, "ner"))

    def surname_reused(self, words: list[str]) -> bool:
        """The last word alone elsewhere ("Lior Gavish" ... "Gavish said"): people go by surnames."""
        last = words[-1]
        if not looks_like_person_name(words) or last not in self.title_words:
            return False
        if last.lower() in self.lower_words or last.casefold() in self.rules.generic_words:
            return False
        return any(i > 0 and self.doc[i - 1].text != words[-2] for i in self.title_words[last])

    def given_name_people(self, covered: list[bool]) -> list[Cand]:
        """'Sean O'Kane' the model missed: a known given name followed by capitalised surnames."""
        doc, out = self.doc, []
        for i, tok in enumerate(doc):
            if covered[i] or tok.text not in self.rules.given_names or tok.ent_type_ not in ("", "NORP"):
                continue
            j = i + 1
            while j < min(len(doc), i + 4) and not covered[j] and doc[j].ent_type_ in ("", "NORP", "PERSON"):
                word = doc[j].text.replace("’", "").replace("'", "")
                if not (word[:1].isupper() and word.isalpha()):
                    break
                j += 1
            words = [t.text for t in doc[i:j]]
            name_ok = looks_like_person_name(words) and not is_never_entity(" ".join(words), self.rules)
            if j - i >= 2 and name_ok:
                cand = self.make(i, j, "", None, [])
                if cand is not None:
                    out.append(cand)
                    for k in range(i, j):
                        covered[k] = True
        return out

    def context_names(self, covered: list[bool]) -> list[Cand]:
        """Proper nouns the NER missed but whose context types them ('its Zephyr video model')."""
        doc, out = self.doc, []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if covered[i] or tok.pos_ != "PROPN" or not is_capitalised(tok.text) or tok.ent_type_:
                i += 1
                continue
            j = i
            while (
                j < len(doc)
                and not covered[j]
                and doc[j].pos_ == "PROPN"
                and is_capitalised(doc[j].text)
                and not doc[j].ent_type_
            ):
                j += 1
            words = [t.text for t in doc[i:j]]
            if j - i <= 4 and not is_never_entity(" ".join(words), self.rules):
                cand = self.make(i, j, "", None, [])
                # A sentence's first word is capitalised anyway: only an apposition or version vouches.
                cues = ("appos-product", "appos-org", "appos-title", "version") if tok.is_sent_start else None
                if cand is not None and any(
                    v.weight >= ev.W_HEAD and (cues is None or v.cue in cues) for v in cand.votes
                ):
                    out.append(cand)
            i = j
        return out

    # --- filters ----------------------------------------------------------------------
    def bad_name(self, c: Cand) -> bool:
        rules, name = self.rules, c.surface
        words = name.split()
        if c.gaz is not None:
            return False
        if len(words) > 7 or not any(ch.isalpha() for ch in name) or not is_capitalised(words[0]):
            return True
        if len(name) < 2 or name.casefold() in rules.person_titles:
            return True
        first = self.doc[c.start]
        if (
            self.opens_sentence(c.start)
            and first.tag_ not in ("NNP", "NNPS")
            and c.version is None
            and len(words) > 1
        ):
            return True  # "Addressing AI bias ...": a sentence-opening verb or adjective glued to a name
        if is_never_entity(name, rules) or is_handle(name, rules) or all_generic(words, rules):
            return True
        if len(words) == 1 and name.casefold() in rules.org_suffixes and c.label != "PERSON":
            return True  # "Ventures", "Labs": a suffix without its name
        if c.version is None and not is_capitalised(words[-1]):
            return True
        return any(
            w.casefold() not in CONNECTORS and not is_capitalised(w) and not w[0].isdigit() for w in words
        )

    def lowercase_attested(self, c: Cand) -> bool:
        """Every word of the name also occurs lower-case in the document: a common phrase."""
        content = [w for w in c.surface.split() if w.casefold() not in CONNECTORS]
        return bool(content) and all(w.lower() in self.lower_words for w in content)

    def ambiguous_ok(self, c: Cand, group: Group) -> bool:
        """A gazetteer name that is also a common word needs support: mid-sentence, a proper noun,
        not glued to another capitalised name ('Claude Shannon')."""
        doc = self.doc
        if c.zone in (HEADLINE, TITLE, COMMENTS):
            return False
        nxt = doc[c.end] if c.end < len(doc) else None
        if (
            nxt is not None
            and nxt.is_title
            and nxt.pos_ == "PROPN"
            and not nxt.is_sent_start
            and nxt.text not in self.rules.version_tiers
            and nxt.lower_ not in self.rules.org_suffixes
        ):
            return False
        prev = doc[c.start - 1] if c.start > 0 else None
        if (
            prev is not None
            and prev.is_title
            and prev.pos_ == "PROPN"
            and not doc[c.start].is_sent_start
            and prev.lower_ not in self.rules.person_titles
            and prev.i not in self.gaz_tokens
        ):
            return False
        first = doc[c.start]
        return not first.is_sent_start or first.tag_ in ("NNP", "NNPS")

    # --- grouping ---------------------------------------------------------------------
    def group_key(self, c: Cand) -> str:
        if c.gaz is not None:
            return "gaz:" + c.gaz.id
        if c.version is not None and c.family_gaz is not None:
            family, version = c.version
            return name_key(self.versioned_name(c))
        key = name_key(c.surface)
        hit = self.gaz_names.get(c.surface.casefold())
        if hit is not None and not hit.ambiguous:
            return "gaz:" + hit.id
        return key

    def versioned_name(self, c: Cand) -> str:
        """'Haiku 4.5' -> 'Claude Haiku 4.5': the family's canonical name plus the version."""
        assert c.version is not None
        family, version = c.version
        fam = c.family_gaz
        surface = self.doc[c.start : c.end].text
        if fam is None or " " not in surface and "-" in surface:
            return clean_name(surface)
        if any(c.surface.startswith(n) for n in fam.names if n == fam.name):
            return c.surface
        base = fam.name if family.casefold() in (n.casefold() for n in fam.names) else family
        return clean_name(f"{base} {version}") if not c.surface.startswith(base) else c.surface

    def groups(self, cands: list[Cand]) -> dict[str, Group]:
        groups: dict[str, Group] = {}
        for c in cands:
            if self.bad_name(c):
                continue
            c.key = self.group_key(c)
            g = groups.setdefault(c.key, Group(c.key))
            g.cands.append(c)
            if c.gaz is not None:
                g.gaz = c.gaz
        # "Foo AI", "Foo Inc." join "Foo" when the document names Foo alone too.
        for key in sorted(groups, key=len, reverse=True):
            found = groups.get(key)
            if found is None or found.gaz is not None:
                continue
            g = found
            words = key.split()
            if len(words) >= 2 and words[-1] in self.rules.org_suffixes:
                base = " ".join(words[:-1])
                target = groups.get(base) or next(
                    (x for x in groups.values() if x.gaz and base in {name_key(n) for n in x.gaz.names}), None
                )
                if target is not None and target is not g:
                    target.cands.extend(g.cands)
                    del groups[key]
        return groups

    # --- decisions --------------------------------------------------------------------
    def decide(self, g: Group) -> bool:
        """Set the group's kind, class, name and confidence; False when it is not an entity."""
        if g.gaz is not None:
            ok = [
                c
                for c in g.cands
                if c.zone in (BODY, LABEL) and (not g.gaz.ambiguous or self.ambiguous_ok(c, g))
            ]
            if not ok:
                return False
            g.kind, g.cls, g.name = g.gaz.kind, g.gaz.cls, g.gaz.name
            g.confidence = CONF_GAZ_AMBIGUOUS if g.gaz.ambiguous else CONF_GAZETTEER
            g.source = "gazetteer"
            return True
        body = g.body
        if not body:
            return False  # seen only in headlines, furniture or comments
        totals: dict[str, float] = defaultdict(float)
        best_cls: dict[str, tuple[float, str]] = {}
        for c in g.cands:
            # Each distinct cue counts once per mention; a mention adds at most MENTION_CAP per kind.
            per_cue: dict[tuple[str, str], ev.Vote] = {}
            for v in c.votes:
                if (v.kind, v.cue) not in per_cue or v.weight > per_cue[(v.kind, v.cue)].weight:
                    per_cue[(v.kind, v.cue)] = v
            mention_total: dict[str, float] = defaultdict(float)
            for (kind, _), v in per_cue.items():
                mention_total[kind] += v.weight
                if v.weight > best_cls.get(kind, (0.0, ""))[0] or (
                    v.weight == best_cls.get(kind, (0.0, ""))[0] and v.cls != DEFAULT_CLASS[kind]
                ):
                    best_cls[kind] = (v.weight, v.cls)
            for kind, total in mention_total.items():
                totals[kind] += min(total, MENTION_CAP)
        names = [c.surface for c in g.cands]
        longest = max(names, key=lambda n: (len(n.split()), len(n)))
        person_words = longest.split()
        not_a_name = not looks_like_person_name(person_words) or person_words[-1] in self.rules.version_tiers
        person_cue = any(
            v.cue in ("speaker-label", "title-before", "appos-title") for c in g.cands for v in c.votes
        )
        if totals.get(PERSON) and not_a_name and not person_cue:
            totals.pop(PERSON)
        if not totals:
            return False
        kind = max(totals, key=lambda k: (totals[k], -KIND_ORDER[k]))
        if kind == PERSON and not self.person_words_ok(person_words):
            return False
        structural = max(c.structural(kind) for c in g.cands)
        if structural < ev.W_POSSESSIVE and self.weak(g, kind):
            return False
        g.kind = kind
        g.cls = best_cls.get(kind, (0.0, DEFAULT_CLASS[kind]))[1]
        if kind != PRODUCT and g.cls == "AIModel":
            g.cls = DEFAULT_CLASS[kind]
        g.name = self.best_name(g, kind)
        g.confidence = CONF_PATTERN if structural >= ev.W_POSSESSIVE else CONF_NER
        g.source = "pattern" if structural >= ev.W_POSSESSIVE else "ner"
        return True

    def opens_sentence(self, i: int) -> bool:
        """Token i starts a sentence, perhaps after an opening quote or bracket."""
        doc = self.doc
        j = i
        while j > 0 and doc[j - 1].is_punct and doc[j - 1].text in "\"“‘'([" and not doc[j].is_sent_start:
            j -= 1
        return bool(doc[j].is_sent_start)

    def person_words_ok(self, words: list[str]) -> bool:
        """'Perhaps Altman', 'App Store': a person's name does not start or end with a common word."""
        if words[0] in self.rules.given_names:
            return True
        return not any(w.lower() in self.lower_words for w in (words[0], words[-1]))

    def weak(self, g: Group, kind: str) -> bool:
        """A name only the statistical model vouches for, with too little to go on."""
        c0 = g.body[0]
        if self.lowercase_attested(c0):
            return True
        name = c0.surface
        words = name.split()
        once = len(g.body) < 2
        if kind == ORG and name.replace(".", "").replace("&", "").replace("-", "").isupper():
            # Acronyms the model calls organizations are mostly technical terms ("MDR providers").
            strong = {"suffix", "prefix", "appos-org", "org-noun-before"}
            return not any(v.cue in strong for c in g.cands for v in c.votes)
        if (
            kind == ORG
            and once
            and len(words) == 1
            and self.doc[c0.start].is_sent_start
            and camel_humps(name) == 0
        ):
            return True  # a capitalised word that only opens a sentence
        if kind == PRODUCT and once:
            return True
        if kind == PERSON and len(words) < 2:
            return not any(v.cue in ("speaker-label",) for c in g.cands for v in c.votes)
        return False

    def best_name(self, g: Group, kind: str) -> str:
        cands = g.body or g.cands
        if any(c.version for c in cands):
            versioned = [c for c in cands if c.version]
            return self.versioned_name(versioned[0])
        names = [c.surface for c in cands]
        if kind == PRODUCT:
            plain = [n for n in names if name_key(n) == g.key] or names
            return max(plain, key=lambda n: (names.count(n), len(n)))
        return max(names, key=lambda n: (len(n.split()), len(n), names.count(n)))

    def retype_sub_brands(self, accepted: dict[str, Group]) -> None:
        """'Cribl Edge' taken for a person while 'Cribl' is an organization: a product of Cribl."""
        orgs = {name_key(g.name) for g in accepted.values() if g.kind == ORG}
        orgs |= {name_key(n) for g in accepted.values() if g.kind == ORG and g.gaz for n in g.gaz.names}
        person_cues = {"title-before", "appos-title", "speaker-label", "given-name"}
        for g in accepted.values():
            if (
                g.kind != PERSON
                or g.gaz is not None
                or any(v.cue in person_cues for c in g.cands for v in c.votes)
            ):
                continue
            words = g.name.split()
            if len(words) >= 2 and name_key(words[0]) in orgs:
                g.kind, g.cls, g.confidence = PRODUCT, "Application", CONF_WEAK

    # --- people's partial names -------------------------------------------------------
    def partial_names(self, groups: dict[str, Group], accepted: dict[str, Group]) -> None:
        """'Altman' or 'Kirsten' alone -> the one full name in the document that carries it."""
        owners: dict[str, set[str]] = defaultdict(set)
        for key, g in accepted.items():
            if g.kind == PERSON and len(g.name.split()) >= 2:
                words = [name_key(w) for w in g.name.split()]
                core = [w for w in words if w not in CONNECTORS]
                names = {core[0], core[-1]}
                if len(words) >= 3 and words[1] in CONNECTORS:  # "Van Houtan", "von der Leyen"
                    names.add(" ".join(words[1:]))
                for n in names:
                    owners[n].add(key)
        # A word two full names share goes to the one the gazetteer knows, if only one is known.
        unique = {}
        for w, keys in owners.items():
            known = [k for k in keys if accepted[k].gaz is not None]
            if len(keys) == 1 or len(known) == 1:
                unique[w] = known[0] if len(known) == 1 else next(iter(keys))
        if not unique:
            return
        taken: set[int] = set()
        for g in accepted.values():
            for c in g.cands:
                taken.update(range(c.start, c.end))
        targets = set(unique.values())
        for key, g in list(groups.items()):
            words = key.split()
            if len(words) >= 2 and g.gaz is None and key not in targets and " ".join(words[1:]) in unique:
                first = g.cands[0]
                if (
                    self.opens_sentence(first.start)
                    and first.surface.split()[0] not in self.rules.given_names
                ):
                    # "Perhaps Altman": a sentence-opening word glued to a known surname
                    for c in g.cands:
                        c.start += 1
                        c.surface = self.doc[c.start : c.end].text
                    key = " ".join(words[1:])
                    target = accepted[unique[key]]
                    target.cands.extend(g.cands)
                    accepted.pop(g.key, None)
                    continue
            if g.gaz is not None or key not in unique or key in targets:
                continue
            if any(c.version or any(v.cue in ("suffix", "prefix") for v in c.votes) for c in g.cands):
                continue
            target = accepted[unique[key]]
            target.cands.extend(g.cands)
            accepted.pop(key, None)
            for c in g.cands:
                taken.update(range(c.start, c.end))
        for tok in self.doc:
            if not tok.is_title:
                continue
            w = name_key(tok.text)
            if (
                tok.i in taken
                or w not in unique
                or not tok.is_title
                or self.zone(tok.i) in (COMMENTS, HEADLINE)
            ):
                continue
            target = accepted[unique[w]]
            target.cands.append(
                Cand(tok.i, tok.i + 1, tok.text, self.zone(tok.i), "", None, [], key=target.key)
            )

    def propagate(self, accepted: dict[str, Group]) -> None:
        """Further occurrences of an accepted name that the model missed ('Quillmate will hire')."""
        doc = self.doc
        taken = [False] * len(doc)
        for g in accepted.values():
            for c in g.cands:
                for i in range(c.start, c.end):
                    taken[i] = True
        forms: dict[str, list[tuple[tuple[str, ...], Group]]] = defaultdict(list)
        for g in accepted.values():
            if g.gaz is not None or g.kind == PLACE:
                continue  # the gazetteer's names are all matched already; places are not scored
            seen: set[tuple[str, ...]] = set()
            for c in g.cands:
                words = tuple(t.text for t in doc[c.start : c.end])
                if c.zone == BODY and not c.version and words and words not in seen:
                    seen.add(words)
                    forms[words[0]].append((words, g))
        for i, tok in enumerate(doc):
            if taken[i] or tok.text not in forms:
                continue
            for words, g in sorted(forms[tok.text], key=lambda f: -len(f[0])):
                end = i + len(words)
                if end <= len(doc) and tuple(t.text for t in doc[i:end]) == words and not any(taken[i:end]):
                    zone = self.zone(i)
                    if zone in (BODY, LABEL, HEADLINE):
                        g.cands.append(Cand(i, end, doc[i:end].text, zone, "", None, [], key=g.key))
                        for k in range(i, end):
                            taken[k] = True
                    break

    # --- the table --------------------------------------------------------------------
    def run(self) -> EntityTable:
        groups = self.groups(self.candidates())
        accepted = {k: g for k, g in groups.items() if self.decide(g)}
        self.retype_sub_brands(accepted)
        self.partial_names(groups, accepted)
        self.propagate(accepted)
        return self.build(accepted)

    def build(self, accepted: dict[str, Group]) -> EntityTable:
        table = EntityTable()
        keys: dict[str, str] = {}
        used: set[str] = set()
        order = sorted(accepted.values(), key=lambda g: min(c.start for c in g.cands))
        for g in order:
            base = f"{KEY_PREFIX[g.kind]}:{slug(g.name) or 'x'}"
            key, n = base, 2
            while key in used:
                key, n = f"{base}-{n}", n + 1
            used.add(key)
            keys[g.key] = key
        for g in order:
            key = keys[g.key]
            draft = EntityDraft(
                key=key, name=g.name, kind=g.kind, cls=g.cls, confidence=g.confidence, source=g.source
            )
            for c in sorted(g.cands, key=lambda c: c.start):
                if c.zone in (TITLE, COMMENTS):
                    continue  # the table holds mentions in Document.text only; comments are not the article
                table.add_span(SpanRef(key, c.start, c.end, g.kind, g.cls))
                draft.mentions.append(self.mention(c))
                if c.surface and c.surface != g.name:
                    draft.aliases.add(c.surface)
            versioned = [c for c in g.cands if c.version]
            if versioned:
                draft.version_of = self.family_key(versioned[0], table, keys, accepted)
            table.add_entity(draft)
        self.known_facts(table, accepted, keys)
        return table

    def mention(self, c: Cand) -> Mention:
        tokens = self.doc[c.start : c.end]
        start, end = self.ctx.text_span(tokens)
        return Mention(text=self.ctx.text[start:end], start=start, end=end)

    def family_key(
        self, c: Cand, table: EntityTable, keys: dict[str, str], accepted: dict[str, Group]
    ) -> str:
        """The key of a version's family, creating a mention-less family entity when needed."""
        assert c.version is not None
        family = c.version[0]
        fam = c.family_gaz
        gkey = "gaz:" + fam.id if fam else name_key(family)
        if gkey in keys:
            return keys[gkey]
        name = fam.name if fam else clean_name(family)
        key = f"product:{slug(name)}"
        if key not in table.entities:
            cls = fam.cls if fam else "AIModel"
            table.add_entity(
                EntityDraft(
                    key=key,
                    name=name,
                    kind=PRODUCT,
                    cls=cls,
                    confidence=CONF_PATTERN,
                    source="gazetteer" if fam else "pattern",
                )
            )
        keys[gkey] = key
        return key

    def known_facts(self, table: EntityTable, accepted: dict[str, Group], keys: dict[str, str]) -> None:
        """What the gazetteer knows about entities of this document: developers and employers."""
        by_gaz = {g.gaz.id: keys[k] for k, g in accepted.items() if g.gaz is not None}
        for k, g in accepted.items():
            entry = g.gaz
            versioned = next((c for c in g.cands if c.family_gaz), None)
            if entry is None and versioned is not None:
                entry = versioned.family_gaz
            if entry is None:
                continue
            if entry.developer and entry.developer in by_gaz:
                table.known_developer[keys[k]] = by_gaz[entry.developer]
            if entry.org and entry.org in by_gaz and g.kind == PERSON:
                table.known_employer[keys[k]] = (by_gaz[entry.org], entry.title)
        for key, draft in table.entities.items():
            if (
                draft.version_of
                and draft.version_of in table.known_developer
                and key not in table.known_developer
            ):
                table.known_developer[key] = table.known_developer[draft.version_of]


def find_entities(sdoc: Doc, ctx: DocContext, res: Resources) -> EntityTable:
    """The entity table of one parsed document (anaphora not included: see anaphora.py)."""
    return EntityFinder(sdoc, ctx, res).run()
