"""Entity candidates: names proposed by the gazetteer, the NER and context, with their typing votes.

`Candidates` reads one parsed document: the EntityRuler's gazetteer matches (a known name glued to
further proper nouns is a longer name of its own: "Intel Capital"), the statistical NER's spans cut
at separators and trimmed, versions ("Jurassic-1 Jumbo", "Gemini 2.5 Pro"), proper nouns the model
missed but whose context types them, and known given names followed by surnames. Each candidate
(`Cand`) collects votes `(kind, class, weight, cue)` from kg.extract.evidence and the name's form;
`bad_name` rejects shapes that are never entities. Grouping and decisions: kg.extract.grouping.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract import (
    acronymnames,
    acronymtails,
    aliasruns,
    apinames,
    appostitles,
    capscodes,
    capslaunches,
    commonnames,
    credits,
    dealparties,
    enablers,
    fortails,
    fundleads,
    knownruns,
    launchnouns,
    launchsubjects,
    lists,
    newnames,
    ownersigns,
    productmods,
    quotednames,
    shapes,
    spans,
    speakerlabels,
    stops,
    surnames,
    tails,
    terms,
    titlesplit,
    versiontiers,
    weakheads,
)
from kg.extract import evidence as ev
from kg.extract.bracketappos import bracket_appos_votes
from kg.extract.colonlists import colon_list_votes
from kg.extract.context import DocContext
from kg.extract.copulakinds import one_of_votes
from kg.extract.headfirst import head_first_votes
from kg.extract.layout import BODY, TITLE, Layout
from kg.extract.names import (
    CONNECTORS,
    all_generic,
    camel_humps,
    clean_name,
    is_capitalised,
    is_handle,
    is_never_entity,
    is_never_word,
    looks_like_person_name,
    split_glued_version,
)
from kg.extract.objecttypes import object_votes
from kg.extract.otherkinds import other_kind_votes
from kg.extract.resources import GazEntry, Resources
from kg.model import ORG, PERSON, PLACE, PRODUCT

NER_KIND = {"ORG": ORG, "PERSON": PERSON, "PRODUCT": PRODUCT, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
NER_CLASS = {"GPE": "Place", "LOC": "Place", "FAC": "Facility"}
CANDIDATE_LABELS = set(NER_KIND) | {"WORK_OF_ART", "EVENT", "LAW", ""}
KEY_PREFIX = {ORG: "org", PERSON: "person", PRODUCT: "product", PLACE: "place"}
DEFAULT_CLASS = {ORG: "Organization", PERSON: "Person", PRODUCT: "Product", PLACE: "Place"}
# Ties go to the kind the scorer does not count (Place), then to the commoner reading.
KIND_ORDER = {PLACE: 0, ORG: 1, PRODUCT: 2, PERSON: 3}
_SPLIT_PUNCT = {"|", "•", "·", ":", ";", "—", "–", "(", ")", "[", "]", '"', "“", "”", ",", "/", "?", "!"}

_PLURAL_NUMBER = re.compile(r"(\d)s$")
_INNER_CAPITAL = re.compile(r"^[A-Z][a-z]+[A-Z]|^[a-z]+[A-Z][a-z]")  # "RocksDB", "DataStax", "iPhone"
_WEB_NAME = re.compile(r"^[A-Z][\w-]*\.(?:com|io|ai|co)$")
_SURNAME_APOSTROPHE = re.compile(r"^[OD]['’][A-Z][a-z]+$")  # "O'Reilly", "D'Angelo"
_YEAR_LIKE = re.compile(r"^(?:1[89]|20)\d\d$")
# Suffixes that make a company of a lower-case or digit-initial word ("dbt Labs", "8-bit Capital").
_LEGAL_FORMS = frozenset({"inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "gmbh", "plc"})
_LOWER_NAME_SUFFIXES = _LEGAL_FORMS | {"labs", "lab", "capital", "ventures", "partners"}
_LETTERED_NUMBER = re.compile(r"^[A-Z]{1,2}\d{2,4}[A-Z]?$")  # "A100", "GH200", "MI300X"
_HARDWARE_TIERS = frozenset({"Ti", "Super", "XT", "XTX"})  # "RTX 3080 Ti"
_MODEL_NUMBER = re.compile(r"^[A-Z]{1,2}-\d+[a-z]?s?$")
_SOFT_LABELS = {"NORP", "DATE"}
_NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "appos", "pobj"}
# Clause roles strong enough to vouch for a sentence-opening word the text never writes in lower case.
_OPENING_ROLE_CUES = ("funding-subject", "title-after", "launch-subject")
_SOFT_CUES = (
    "appos-org", "appos-product", "title-after", "naming", "launch-object", "possessed-new", "launch-subject"
)
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
    lower_name: bool = False  # "dbt Labs", "8-bit Capital": a lower-case or digit-initial name + suffix

    def structural(self, kind: str) -> float:
        return max((v.weight for v in self.votes if v.kind == kind and v.cue != "ner"), default=0.0)


class Candidates:
    """Candidate names of one parsed document and their votes."""

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
        self.owned_heads = frozenset(self.rules.product_heads) | spans.span_rules().owned_product_heads
        self.title_words: dict[str, list[int]] = defaultdict(list)  # capitalised word -> token indices
        self.cap_index: dict[str, list[int]] = defaultdict(list)  # capitalised word -> token indices
        self.ent_texts = {e.text for e in sdoc.ents}
        self.unvouched: list[Cand] = []  # body names of 2+ words without a cue (context_names)
        for t in sdoc:
            if t.is_title and t.is_alpha:
                self.title_words[t.text].append(t.i)
            if t.text[:1].isupper() or t.text[:1].isdigit():
                self.cap_index[t.text].append(t.i)


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
                or (
                    (tok.tag_ == "POS" or tok.text in ("'s", "’s"))  # the tagger may call "’s" a proper noun
                    and i + 1 < span.end
                    and not self.possessive_in_name(i, span.end)
                )
                or (i + 1 < span.end and tails.plural_possessive(self.doc, i))
            ):
                if i > s:
                    out.append((s, i))
                s = i + 1
        if span.end > s:
            out.append((s, span.end))
        given = self.rules.given_names  # "Corvane CMO Tessa Lund": the company and the person
        titled = [piece for s, e in out for piece in titlesplit.split_at_title(self.doc, s, e, given)]
        return [part for s, e in titled for part in self.split_coordination(s, e)]

    def split_coordination(self, start: int, end: int) -> list[tuple[int, int]]:
        """'Hexa and Morimo', 'Acme Capital & Birch Partners': two names the model glued into one span.

        Cut at the first 'and'/'&' when each side is a name of its own: it carries an organization
        suffix, is a known name, is a given name and surname, or stands alone elsewhere in the text.
        Names with a coordination inside ("Food and Drug Administration", "Johnson & Johnson", "Bill
        and Melinda Gates Foundation") fail that test on one side and stay whole.
        """
        doc = self.doc
        for k in range(start + 1, end - 1):
            if doc[k].lower_ not in ("and", "&"):
                continue
            left, right = (start, k), (k + 1, end)
            if doc[start:k].text.casefold() == doc[k + 1 : end].text.casefold():
                return [(start, end)]
            if all(self.own_name(s, e) for s, e in (left, right)):
                return [left, right]
            listed = lists.closes_name_list(doc, start, k, end)  # '..., Marrow Labs and Tide Ventures'
            if listed and any(self.own_name(s, e) for s, e in (left, right)):
                return [left, right]
            if terms.swapped_pair(doc, start, k, end):
                return [left, right]  # "Stacker and Softr" ... "Softr and Stacker": two names
            return [(start, end)]
        return [(start, end)]

    def own_name(self, start: int, end: int) -> bool:
        """Tokens start..end of a coordinated span name something on their own."""
        doc, rules = self.doc, self.rules
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        words = [t.text for t in doc[start:end]]
        if not words or not all(is_capitalised(w) or w.casefold() in CONNECTORS for w in words):
            return False
        if not is_capitalised(words[0]) or not is_capitalised(words[-1]):
            return False
        if any(w.casefold() in CONNECTORS for w in words) or all_generic(words, rules):
            return False  # "Office of Science": half of a longer name
        if self.gaz_names.get(" ".join(words).casefold()) is not None:
            return True
        suffix = ev.suffix_vote(words, rules, self.lower_words)
        if suffix is not None and suffix.kind == ORG:
            return True
        if words[0] in rules.given_names and looks_like_person_name(words):
            return True
        return self.stands_alone(start, end)

    def stands_alone(self, start: int, end: int) -> bool:
        """The words start..end occur elsewhere in the document outside a coordination."""
        doc, n = self.doc, end - start
        texts = [t.text for t in doc[start:end]]
        for i in self.cap_index.get(texts[0], ()):
            if start <= i < end or [t.text for t in doc[i : i + n]] != texts:
                continue
            before = doc[i - 1].lower_ if i > 0 else ""
            after = doc[i + n].lower_ if i + n < len(doc) else ""
            if before not in ("and", "&") and after not in ("and", "&"):
                return True
        return False

    def possessive_in_name(self, i: int, end: int) -> bool:
        """'the Information Commissioner's Office': a possessive before the last word of the span,
        an office-like organization head, belongs to the name."""
        doc = self.doc
        return i + 2 == end and self.rules.org_suffixes.get(doc[i + 1].lower_) == "GovernmentBody"

    def edges(self, start: int, end: int) -> tuple[int, int]:
        """Widen a name the model cut short: a surname apostrophe before it ("O'Reilly AlphaTech
        Ventures") and a capitalised word hyphenated onto its end ("Hitachi High-Tech")."""
        doc = self.doc
        if start > 0 and _SURNAME_APOSTROPHE.match(doc[start - 1].text) and doc[start - 1].whitespace_:
            start -= 1
        while (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and (doc[end + 1].is_alpha or terms.final_stop_word(doc, end + 1))  # "DALL-E." ends a sentence
            and doc[end + 1].text[:1].isupper()
            and not doc[end + 1].ent_id_
        ):
            end += 2
        return start, end

    def strip_title_of(self, start: int, end: int) -> int:
        """'Co-Founder of BUDDI AI', 'CEO and founder of Acme Labs': job titles and 'of' before an
        organization's name are context, not the name."""
        doc, titles = self.doc, self.rules.person_titles
        for k in range(start, min(end - 1, start + 6)):
            if doc[k].lower_ in ("of", "at"):
                words = [t for t in doc[start:k] if t.text not in ("-", "and", "&", ",")]
                joined = doc[start:k].text.casefold().replace(" ", "")
                if words and (
                    all(t.lower_ in titles or t.lower_ == "co" for t in words)
                    or joined in {t.replace(" ", "") for t in titles}
                ):
                    return k + 1
                return start
        return start

    def trim(self, start: int, end: int, keep: bool) -> tuple[int, int, list[ev.Vote]]:
        """Drop determiners, possessives, punctuation and lower-case words at the edges of a name.

        A lower-case product head cut off the end ("Zephyr app") is kept as evidence.
        """
        doc, votes = self.doc, []
        if not keep:
            start = self.strip_title_of(start, end)
        while start < end and not keep:
            tok = doc[start]
            if (
                tok.is_punct
                or tok.is_space
                or tok.lower_ in ("the", "a", "an")
                or (tok.is_lower and not is_capitalised(tok.text))
            ):
                start += 1
            elif (
                tok.lower_ in self.rules.person_titles
                and end - start >= 3
                and doc[end - 1].text.casefold() not in self.rules.org_suffixes
            ):
                # "CTO Liav Caspi": the title is context, not part of the name
                votes.append(ev.Vote(PERSON, "Person", ev.W_TITLE, "title-before"))
                start += 1
            else:
                break
        end = tails.tail_cut(doc, start, spans.score_cut(doc, start, end))
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
        models = self.model_numbers()
        for m in models:
            for i in range(m.start, m.end):
                covered[i] = True
        absorbed_to = 0  # tokens before this index were taken by a longer name ("Intel Capital")
        for ent in doc.ents:
            if ent.label_ not in CANDIDATE_LABELS or ent.start < absorbed_to:
                continue
            if any(covered[ent.start : ent.end]):
                continue  # part of a model number ("GeForce RTX 3050")
            gaz = self.res.gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
            if ent.start > 0 and doc[ent.start - 1].text in ("#", "@") and not doc[ent.start - 1].whitespace_:
                continue  # hashtags and @handles
            if gaz is not None and (gaz.ambiguous or aliasruns.bare_alias(ent, gaz)):  # "Ansible Lightspeed"
                longer = aliasruns.longer_name(self, ent, gaz, cands)
                if longer is None and gaz.ambiguous and not (cands and cands[-1].end > ent.start):
                    longer = knownruns.name_after_known(self, ent.start, ent.end, gaz)  # "Galaxy S22"
                if longer is not None:
                    if cands and cands[-1].end > longer.start:
                        cands.pop()
                    cands.append(longer)
                    absorbed_to = longer.end
                    for i in range(longer.start, longer.end):
                        covered[i] = True
                    continue
            if gaz is not None:
                glued = None if cands and cands[-1].end >= ent.start else knownruns.code_before_known(
                    self, ent.start, ent.end, gaz
                )  # "Pure1 Meta"
                glued = glued or capscodes.caps_code_name(self, ent.start, ent.end, gaz)  # "Copilot X"
                glued = glued or self.glued_known_name(ent.start, ent.end, gaz)
                if glued is not None:
                    cands.append(glued)
                    absorbed_to = glued.end
                    for i in range(glued.start, glued.end):
                        covered[i] = True
                    continue
            for s, e in self.pieces(ent) if gaz is None else [(ent.start, ent.end)]:
                s, e, votes = self.trim(s, e, keep=gaz is not None)
                if gaz is None and e > s:
                    s, e = self.edges(s, e)
                    s = newnames.new_run_start(doc, s, e)  # "the new Relay Vault" labelled "Vault"
                    e = terms.longer_named(doc, s, e, self.ent_texts)  # "Astra" + "DB" as named elsewhere
                    e, acronym_votes = acronymtails.category_run(self, s, e)  # "Falcon Insight XDR"
                    votes = votes + acronym_votes
                if e <= s:
                    continue
                label = ent.label_
                if e - s == 1 and e < ent.end and doc[e].tag_ == "POS":
                    label = ""  # "France's National Centre": the model's label was for the whole span
                if s < absorbed_to:
                    continue  # taken by the previous name ("Zeta-2 Grande" after a version)
                cand = self.make(s, e, label, gaz, votes)
                if cand is not None:
                    cands.append(cand)
                    absorbed_to = max(absorbed_to, cand.end)
                    for i in range(cand.start, cand.end):
                        covered[i] = True
                    if gaz is not None:
                        self.gaz_tokens.update(range(cand.start, cand.end))
        cands.extend(models)
        cands.extend(self.context_names(covered))
        cands.extend(self.given_name_people(covered))
        titled = {c.surface for c in cands if c.zone == TITLE and any(v.weight >= ev.W_HEAD for v in c.votes)}
        cands.extend(c for c in self.unvouched if c.surface in titled)  # "Acme launches the Zed Pad"
        cands = acronymnames.with_declared(self, cands)  # "its Clinical Device Management (CDM) solution"
        cands = apinames.with_api_names(self, cands)  # "the TF Quantization API"
        cands.sort(key=lambda c: (c.start, -c.end))
        kept: list[Cand] = []
        for c in cands:
            if kept and c.start < kept[-1].end:
                continue  # inside a longer name ("Jumbo" of "Jurassic-1 Jumbo")
            kept.append(c)
        return kept

    def model_numbers(self) -> list[Cand]:
        """'GeForce RTX 3080 Ti', 'Nvidia DGX A100', 'RTX 3070 Ti': a product line (a short all-capital
        word) and a model number, with an optional tier after and up to two brand words before.

        A model number is a number of 3 to 5 digits that is no year ("CES 2023") or one or two
        capitals and digits ("A100", "GH200"). Standards and bills ("ISO 27001", "HB 633") are kept
        out by needing a cue beside the line and number: a brand word before, a tier after, a
        lettered number, or a line the gazetteer knows as a product; a line the gazetteer knows as an
        organization ("NIST 800") never is one.
        """
        doc, out = self.doc, []
        i = 1
        while i < len(doc):
            num = doc[i]
            line = doc[i - 1]
            lettered = bool(_LETTERED_NUMBER.match(num.text))
            if not (
                (lettered or (num.text.isdigit() and 3 <= len(num.text) <= 5))
                and not _YEAR_LIKE.match(num.text)
                and line.text.isupper()
                and line.is_alpha
                and 3 <= len(line.text) <= 4
                and line.whitespace_
            ):
                i += 1
                continue
            line_gaz = self.res.gazetteer.get(line.ent_id_) if line.ent_id_ else None
            if line_gaz is not None and line_gaz.kind != PRODUCT:
                i += 1
                continue
            start, end = i - 1, i + 1
            if end < len(doc) and doc[end].text in _HARDWARE_TIERS | set(self.rules.version_tiers):
                end += 1
            while start > 0 and i - 1 - start < 2 and self.brand_word(doc[start - 1]):
                start -= 1
            if not (start < i - 1 or end > i + 1 or lettered or line_gaz is not None):
                i += 1
                continue
            family = line_gaz or next(
                (self.res.gazetteer.get(t.ent_id_) for t in doc[start : i - 1] if t.ent_id_), None
            )
            vote = ev.Vote(PRODUCT, "Hardware", ev.W_VERSION, "model-number")
            cand = self.make(start, end, "", None, [vote])
            if cand is not None:
                if family is not None and family.kind == PRODUCT:
                    cand.family_gaz = family  # the line's developer is the model's
                out.append(cand)
            i = end
        return out

    def brand_word(self, tok: Token) -> bool:
        """'GeForce', 'Nvidia' before a product line: a capitalised proper noun, no place or date."""
        return (
            tok.pos_ == "PROPN"
            and tok.is_alpha
            and is_capitalised(tok.text)
            and not tok.is_sent_start
            and tok.ent_type_ not in ("GPE", "LOC", "NORP", "DATE", "PERSON")
            and tok.lower_ not in self.lower_words
            and tok.lower_ not in self.rules.person_titles
            and not is_never_entity(tok.text, self.rules)
        )

    def glued_known_name(self, start: int, end: int, gaz: GazEntry) -> Cand | None:
        """'Intel Capital', 'Acme Studio': a known name followed by capitalised proper nouns is a
        longer name of its own (an investment arm, a sub-brand), not the known entity."""
        doc, rules = self.doc, self.rules
        if gaz.ambiguous or gaz.kind not in (ORG, PRODUCT) or self.zone(start) != BODY:
            return None
        j = end
        while j < len(doc) and j - end < 3:
            tok = doc[j]
            if not (
                knownruns.name_word(tok, rules)
                and (not tok.is_upper or shapes.inner_acronym(doc, j))  # "Cerebras AI Model Studio"
                and not tok.is_sent_start
                and not tok.ent_id_
                and tok.ent_type_ in knownruns.NAME_LABELS
                and tok.text not in rules.version_tiers
                and (
                    tok.lower_ not in self.lower_words
                    or tok.lower_ in rules.product_name_suffixes
                    or shapes.suffixed_run(doc, j, rules.product_name_suffixes)  # "... Model Studio"
                )
            ):
                break
            j += 1
        common = [
            k
            for k in range(end, j)
            if doc[k].lower_ in self.lower_words or is_never_entity(doc[k].text, rules)
        ]
        if common and not (
            doc[j - 1].lower_ in rules.product_name_suffixes and (j - start >= 3 or gaz.kind == PRODUCT)
        ):
            j = common[0]  # "Oracle Cloud" is Oracle; "Oracle Cloud Infrastructure", "DGX Cloud" products
        j = max(j, knownruns.repeated_run_end(self, start, end))  # "Nvidia Drive" written twice
        j = max(j, knownruns.caps_tier_end(self, start, end))  # "Metaphysic PRO": a tier in capitals
        j = max(j, knownruns.generic_head_run_end(self, start, end, gaz))  # "the X One suite"
        j = max(j, capslaunches.launched_caps_end(self, start, end))  # "announced Splunk AI, a suite"
        j = tails.tail_cut(doc, start, j)  # "Acme VPs", "Acme Credit: ...": no longer name
        if j == end or (j < len(doc) and doc[j].is_title and not doc[j].is_sent_start):
            return None  # a run of capitalised words is a headline ("Acme Unveils Zephyr For ...")
        if spans.event_name([t.text for t in doc[start:j]]):
            return None  # "OpenAI DevDay": the known name, then its conference
        hyphened = self.edges(start, j)[1]  # "Hitachi High-Tech": a company's name, no sub-brand cue
        votes: list[ev.Vote] = []
        if hyphened > j:
            j = hyphened
        elif ev.suffix_vote([t.text for t in doc[start:j]], rules, self.lower_words) is None:
            cls = gaz.cls if gaz.kind == PRODUCT else "Application"
            votes.append(ev.Vote(PRODUCT, cls, ev.W_POSSESSIVE, "known-prefix"))
        return self.make(start, j, "", None, votes)

    def name_before_common_word(self, start: int, end: int, cands: list[Cand]) -> Cand | None:
        """'Condor Galaxy', 'Pebble Notion': an unknown capitalised proper noun right before an
        ambiguous gazetteer name (a common word) makes one longer name, not a known entity."""
        doc, rules = self.doc, self.rules
        s = start
        while s > 0 and start - s < 2:
            tok = doc[s - 1]
            if not (
                tok.pos_ == "PROPN"
                and tok.is_alpha
                and tok.is_title
                and not tok.ent_id_
                and tok.ent_type_ in ("", "ORG", "PRODUCT", "WORK_OF_ART", "FAC")
                and tok.lower_ not in rules.person_titles
                and tok.text not in rules.given_names
                and tok.lower_ not in self.lower_words
                and not is_never_entity(tok.text, rules)
                and s - 1 not in self.gaz_tokens
            ):
                break
            s -= 1
            if tok.is_sent_start:
                break
        if s == start or self.zone(s) != BODY or (s > 0 and doc[s - 1].is_title and not doc[s].is_sent_start):
            return None  # nothing glued, or a headline run ("Acme Unveils New Galaxy")
        if doc[s].is_sent_start and start - s < 2:
            return None  # "Meanwhile Notion ...": a sentence-opening word
        if cands and cands[-1].end > s and (cands[-1].start < s or cands[-1].gaz is not None):
            return None
        return self.make(s, end, "", None, [])

    def make(
        self, start: int, end: int, label: str, gaz: GazEntry | None, votes: list[ev.Vote]
    ) -> Cand | None:
        doc, rules = self.doc, self.rules
        if gaz is None:
            start, end = shapes.code_bounds(doc, start, end)  # "X7" -> "Nimbus-X7"
            gaz = stops.known_before_stop(doc, start, end, self.gaz_names)  # "GPT-J." ends a sentence
        cand = Cand(start, end, "", self.zone(start), label, gaz, list(votes))
        # Versions: "Seedance 2.0", "Claude Haiku 4.5", "GPT-4o", "Gemini 2.5 Pro".
        if gaz is None or gaz.kind == PRODUCT:
            fam_end = ev.trailing_version(doc, start, end) if gaz is None else end
            new_end = ev.version_after(doc, end, rules)
            glued = ev.glued_version(doc[end - 1].text) if gaz is None and fam_end == end == new_end else None
            if gaz is None and glued is None and fam_end == end == new_end:
                glued = versiontiers.glued_with_tiers(doc, start, end, rules)  # "GPT-4 Turbo"
            if new_end > end and gaz is None and label not in ("PRODUCT", "") and doc[end].text.isdigit():
                new_end = end  # "McAfee 2": a bare number after a name the model did not call a product
            if fam_end < end or new_end > end or glued:
                family = doc[start:fam_end].text if not glued else glued[0]
                fam_gaz = gaz or self.res.gazetteer.family(family)
                if self.version_family_ok(family, fam_gaz):
                    end = self.version_name_after(max(end, new_end))
                    end = versiontiers.tiers_after(doc, end, rules) if glued else end  # "Zeta-4" + "Turbo"
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
        # "Zed for Teams", "Lyra for Enterprise": an edition of a product for an audience.
        if gaz is None and cand.version is None:
            edition = spans.audience_edition(doc, cand.end)
            if edition > cand.end or (
                cand.end - cand.start >= 3 and spans.audience_edition(doc, cand.end - 2) == cand.end
            ):
                cand.end = edition
                cand.votes.append(ev.Vote(PRODUCT, "Application", ev.W_HEAD, "product-for"))
        cand.surface = clean_name(doc[cand.start : cand.end].text, keep_the=gaz is not None)
        if not cand.surface or (gaz is None and speakerlabels.heading_label(self, cand.start, cand.end)):
            return None  # "Update:", "Analysis:" at a line start: a heading label, no speaker
        self.add_votes(cand)
        return cand

    def version_name_after(self, end: int) -> int:
        """'Jurassic-1 Jumbo': one capitalised proper noun right after a version is part of the name."""
        doc = self.doc
        if end >= len(doc):
            return end
        tok = doc[end]
        if (
            tok.pos_ == "PROPN"
            and tok.is_alpha
            and tok.is_title
            and not tok.is_sent_start
            and not tok.ent_id_
            and tok.ent_type_ in ("", "PRODUCT", "PERSON", "ORG", "WORK_OF_ART")
            and tok.lower_ not in self.lower_words
            and not is_never_entity(tok.text, self.rules)
            and not (end + 1 < len(doc) and doc[end + 1].is_title)
        ):
            return end + 1
        return end

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
            and getattr(ev.suffix_vote(words, self.rules, self.lower_words), "kind", PRODUCT) == PRODUCT
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
        if k == end + 1 and fortails.acronym_edition(doc, k, self.gaz_names):
            k += 1  # "Ivanti Neurons for UEM"
        return k if k > end + 1 else end

    def add_votes(self, c: Cand) -> None:
        doc, rules = self.doc, self.rules
        if c.gaz is not None:
            c.votes.append(ev.Vote(c.gaz.kind, c.gaz.cls, 100.0, "gazetteer"))
            return
        c.votes.extend(quotednames.feature_votes(self, c))  # its "Smart Reply" feature, read as a work
        words = c.surface.split()
        if len(words) == 1 and _WEB_NAME.match(words[0]):
            c.votes.append(ev.Vote(ORG, "Company", ev.W_SUFFIX, "suffix"))  # "Monday.com": a company
        if len(words) == 1 and _MODEL_NUMBER.match(words[0]):
            c.votes.append(ev.Vote(PRODUCT, "Product", ev.W_POSSESSIVE, "model-number"))  # "CS-2", "F-35"
        if shapes.product_code(words[0]) and c.label != "PERSON":
            c.votes.append(ev.Vote(PRODUCT, "Product", ev.W_POSSESSIVE, "product-code"))  # "Cortex-M85"
        known = self.gaz_names.get(words[0].casefold()) if len(words) == 2 else None
        product_stem = known is not None and known.kind == PRODUCT and not known.ambiguous
        suffix = ev.suffix_vote(words, rules, self.lower_words, product_stem)
        if suffix is not None and c.version is None:
            c.votes.append(suffix)
        if len(words) >= 2 and words[-1].casefold() in rules.place_suffixes:
            c.votes.append(ev.Vote(PLACE, "Place", ev.W_SUFFIX, "place-suffix"))
        # "AI Pin", "GPU Cloud": no person's name opens with a never-entity word
        personal = suffix is None and self.person_shaped_end(words) and not is_never_entity(words[0], rules)
        if words[0] in rules.given_names and looks_like_person_name(words) and personal:
            c.votes.append(ev.Vote(PERSON, "Person", ev.W_SPEAKER, "given-name"))
        if personal and self.surname_reused(words):
            c.votes.append(ev.Vote(PERSON, "Person", ev.W_SPEAKER, "surname-reuse"))
        heads = ev.head_votes(doc, c.start, c.end, rules, c.label)
        if c.label in ("GPE", "LOC", "FAC"):
            # "a U.S. federal agency", "the UK government": the noun is located in the place
            heads = [v for v in heads if v.kind != ORG]
        c.votes.extend(heads)
        c.votes.extend(ev.preceding_votes(doc, c.start, c.end, rules))
        c.votes.extend(ev.appos_votes(doc, c.start, c.end, rules))
        c.votes.extend(weakheads.made_product_votes(doc, c.start, c.end, rules))  # "the platform created by"
        c.votes.extend(ev.possessive_votes(doc, c.start, c.end, rules))
        c.votes.extend(ownersigns.owner_votes(doc, c.start, c.end, rules))  # "X's CEO Ann Lee", "X GPUs"
        c.votes.extend(other_kind_votes(doc, c.start, c.end, rules))  # "Vantel and other chat apps"
        c.votes.extend(colon_list_votes(doc, c.start, c.end, rules))  # "two new tools: QuillVox and ..."
        c.votes.extend(bracket_appos_votes(doc, c.start, c.end, rules))  # "X, a (CAT) tool"
        c.votes.extend(one_of_votes(doc, c.start, c.end, rules))  # "X is one of the note apps"
        c.votes.extend(head_first_votes(doc, c.start, c.end, rules))  # "its coding tool, X, is"
        c.votes.extend(fundleads.lead_votes(doc, c.start, c.end))  # "a round led by ZRV": an investor
        c.votes.extend(appostitles.title_votes(doc, c.start, c.end, rules, c.label, c.votes))  # ", a VP of X"
        c.votes.extend(ev.naming_votes(doc, c.start, c.end, rules))
        c.votes.extend(ev.launch_votes(doc, c.start, c.end, rules))
        c.votes.extend(launchsubjects.subject_votes(doc, c.start, c.end, rules, c.label))  # "X launched Y"
        c.votes.extend(dealparties.party_votes(doc, c.start, c.end, rules, c.label))  # "a deal with X"
        c.votes.extend(object_votes(doc, c.start, c.end, rules))  # "launched the X engine"
        c.votes.extend(launchnouns.launch_noun_votes(doc, c.start, c.end, rules))  # "the launch of X"
        c.votes.extend(ev.possessed_votes(doc, c.start, c.end, rules))
        c.votes.extend(newnames.new_name_votes(doc, c.start, c.end, rules, c.label))  # "a new Zed Vault"
        c.votes.extend(enablers.enabler_votes(doc, c.start, c.end, rules, c.label))  # "Zed Vault lets users"
        c.votes.extend(enablers.with_votes(doc, c.start, c.end, rules, c.label))  # "With Zed Vault, users"
        c.votes.extend(ev.exemplar_votes(doc, c.start, c.end, rules))
        if spans.possessed_product(doc, c.start, c.end, self.owned_heads):
            c.votes.append(ev.Vote(PRODUCT, "Product", ev.W_HEAD, "possessed-head"))
        if c.zone == BODY:
            # "sold to Fastlane", "head of growth at Velbrook": the clause types a name the model never
            # labelled, so such a name can become a candidate (context_names needs a cue of weight 5+).
            c.votes.extend(ev.role_votes(doc, c.start, c.end, rules, c.label))
        speaker = ev.speaker_vote(doc, c.start, c.end, rules)
        if speaker is not None:
            c.votes.append(speaker)
        c.votes = shapes.nearest_description_wins(c.votes)  # "... partner: the company Origo Data"
        kind = NER_KIND.get(c.label)
        if kind == PERSON and (not personal or productmods.not_person(self, c.start, c.end)):
            kind = None  # "Joseph Saveri Law Firm", "Memory X": the model's person reading is wrong
        if kind is not None:
            weight = 2.0
            brand = len(words) == 1 and (camel_humps(words[0]) > 0 or any(ch.isdigit() for ch in words[0]))
            if kind == PERSON and len(words) == 1:
                weight = 1.0
            if brand and kind in (PERSON, PLACE):
                kind, weight = ORG, 1.0  # "OpenAI" tagged PERSON or GPE: a run-together brand
            c.votes.append(ev.Vote(kind, NER_CLASS.get(c.label, DEFAULT_CLASS[kind]), weight, "ner"))

    def person_shaped_end(self, words: list[str]) -> bool:
        """A person's name does not end in an organization or product word nor a single letter."""
        last = words[-1].casefold()
        rules = self.rules
        return not (
            len(last.strip(".")) == 1
            or last in rules.not_person_last_words
            or last in rules.org_suffixes
            or last in rules.product_heads
        )

    def surname_reused(self, words: list[str]) -> bool:
        """The last word alone elsewhere ("Lior Gavish" ... "Gavish said"): people go by surnames."""
        last = words[-1]
        if not looks_like_person_name(words) or last not in self.title_words:
            return False
        if last.lower() in self.lower_words or last.casefold() in self.rules.generic_words:
            return False
        return any(  # "Argo Shield" is no reuse of the surname of "Velmor Shield"
            i > 0 and self.doc[i - 1].text != words[-2] and surnames.stands_alone(self.doc, i, self.rules)
            for i in self.title_words[last]
        )

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

    def soft(self, i: int) -> bool:
        """A proper noun the model gave a label that hides names: 'Glean' read as a nationality (NORP),
        'Monday AI' whose first word reads as a weekday (DATE)."""
        tok = self.doc[i]
        return tok.ent_type_ in _SOFT_LABELS and tok.pos_ == "PROPN" and tok.tag_ == "NNP"

    @staticmethod
    def proper(tok: Token) -> bool:
        """A proper noun, or a brand-shaped word the tagger calls something else ('RocksDB' as an
        adverb, 'DataStax' as a symbol), or a versioned name the tagger calls a common noun ('GPT-3.5'):
        capitals inside a word are no common word."""
        return (
            tok.pos_ == "PROPN"
            or (tok.is_alpha and bool(_INNER_CAPITAL.search(tok.text)))
            or (tok.text[:1].isupper() and split_glued_version(tok.text) is not None)
        )

    def context_names(self, covered: list[bool]) -> list[Cand]:
        """Proper nouns the NER missed but whose context types them ('its Zephyr video model')."""
        doc, out = self.doc, []
        i = 0
        while i < len(doc):
            tok = doc[i]
            if (
                covered[i]
                or not self.proper(tok)
                or not is_capitalised(tok.text)
                or (tok.ent_type_ and not self.soft(i))
            ):
                i += 1
                continue
            j = i
            while (
                j < len(doc)
                and not covered[j]
                and self.proper(doc[j])
                and is_capitalised(doc[j].text)
                and (not doc[j].ent_type_ or self.soft(j))
            ):
                j += 1
            words = [t.text for t in doc[i:j]]
            if j - i <= 4 and not is_never_entity(" ".join(words), self.rules):
                s, e = self.edges(i, j)  # "DALL-E." the model cut at its hyphen
                known = self.gaz_names.get(doc[s:e].text.rstrip(".").casefold()) if e > j else None
                if known is not None and not known.ambiguous:
                    cand = self.make(s, e, "", known, [])  # a known name the ruler missed: "DALL-E."
                    if cand is not None:
                        out.append(cand)
                    i = e
                    continue
                cand = self.make(s, e, "", None, [])
                # A sentence's first word is capitalised anyway: only an apposition, a version or an
                # organization suffix after a word the text never writes in lower case vouches.
                cues: tuple[str, ...] | None = None
                if tok.is_sent_start:
                    cues = ("appos-product", "appos-org", "appos-title", "version")
                    if tok.lower_ not in self.lower_words:
                        cues += ("suffix",) + _OPENING_ROLE_CUES
                soft = [k for k in range(i, j) if self.soft(k)]
                if soft and doc[soft[0]].ent_type_ == "NORP":
                    # A nationality is a modifier; a name standing as a noun with a cue is not one.
                    if j - i > 1 or tok.dep_ not in _NOMINAL_DEPS:
                        cand = None
                    cues = tuple(c for c in _SOFT_CUES if cues is None or c in cues)
                elif soft and j - i < 2:
                    cand = None  # "Monday" alone is a day
                if cand is not None and any(
                    v.weight >= ev.W_HEAD and (cues is None or v.cue in cues) for v in cand.votes
                ):
                    out.append(cand)
                elif cand is not None and cand.zone == BODY and j - i >= 2 and not tok.is_sent_start:
                    self.unvouched.append(cand)  # kept if the title types the same name
            i = j
        out.extend(self.quoted_names(covered))
        out.extend(quotednames.feature_names(self, covered))  # its "Ask the Archive" feature
        out.extend(self.lower_suffix_names(covered))
        out.extend(productmods.modifier_names(self, covered))  # "the Zephyra chatbot" read as an adjective
        out.extend(commonnames.common_word_names(self, covered))  # "the startup Spawning" read as a verb
        return out

    def lower_suffix_names(self, covered: list[bool]) -> list[Cand]:
        """'dbt Labs', '8-bit Capital', '21 Inc.': a lower-case word the tagger reads as a proper noun,
        or a digit-initial word, before a company or investor suffix the model did not see.

        A bare number needs a legal form ("21 Inc."); "$21 Capital" and a year are no names."""
        doc, rules, out = self.doc, self.rules, []
        for i in range(1, len(doc)):
            tok = doc[i]
            if covered[i] or covered[i - 1] or tok.text.casefold() not in _LOWER_NAME_SUFFIXES:
                continue
            cls = rules.org_suffixes.get(tok.text.casefold())
            if cls is None or not tok.text[:1].isupper():
                continue
            k = i - 1
            prev = doc[k]
            if prev.is_alpha and prev.is_lower and prev.tag_ in ("NNP", "NNPS"):
                start = k  # "dbt Labs"
            elif prev.is_alpha and prev.is_lower and k >= 2 and doc[k - 1].text == "-" and (
                doc[k - 2].text[:1].isdigit() and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_
            ):
                start = k - 2  # "8-bit Capital"
            elif prev.text.isdigit() and tok.text.casefold() in _LEGAL_FORMS and not _YEAR_LIKE.match(
                prev.text
            ):
                start = k  # "21 Inc."
            else:
                continue
            before = doc[start - 1] if start > 0 else None
            if before is not None and (before.text in ("$", "€", "£", "¥") or before.is_currency):
                continue
            if before is not None and before.is_alpha and before.is_title and not before.is_sent_start:
                continue  # part of a longer capitalised name
            cand = self.make(start, i + 1, "", None, [ev.Vote(ORG, cls, ev.W_SUFFIX, "suffix")])
            if cand is not None:
                cand.lower_name = True
                out.append(cand)
                for m in range(start, i + 1):
                    covered[m] = True
        return out

    def quoted_names(self, covered: list[bool]) -> list[Cand]:
        """'Lists' in quotes after a naming verb or before a product noun ("its new 'Lists' feature")."""
        doc, out = self.doc, []
        for q in doc:
            if q.text not in ("‘", "“", "'", '"') or q.i + 2 >= len(doc):
                continue
            k = q.i + 1
            while k < len(doc) and k - q.i <= 4 and is_capitalised(doc[k].text) and doc[k].is_alpha:
                k += 1
            if k == q.i + 1 or k >= len(doc) or doc[k].text not in ("’", "”", "'", '"'):
                continue
            if any(covered[q.i + 1 : k]) or is_never_entity(doc[q.i + 1 : k].text, self.rules):
                continue
            before = doc[q.i - 1].lower_ if q.i > 0 else ""
            run = ev.noun_run_after(doc, k + 1)
            head = " ".join(t.lower_ for t in run) if run else ""
            named = before in self.rules.naming_verbs
            if not named and not (run and ev._lookup(head.split(), self.rules.product_heads)):
                continue
            cand = self.make(q.i + 1, k, "", None, [])
            if cand is None:
                continue
            if not named:
                cls = self.rules.product_heads[ev._lookup(head.split(), self.rules.product_heads) or ""]
                cand.votes.append(ev.Vote(PRODUCT, cls, ev.W_HEAD, "quoted-product"))
            if any(v.weight >= ev.W_HEAD and v.kind == PRODUCT for v in cand.votes):
                out.append(cand)
                for m in range(q.i + 1, k):
                    covered[m] = True
        return out

    # --- filters ----------------------------------------------------------------------
    def bad_name(self, c: Cand) -> bool:
        rules, name = self.rules, c.surface
        words = name.split()
        if terms.title_abbreviation(self.doc, c.start, c.end, rules.person_titles):
            return True  # "cofounder and GM of Acme": a title, not the company known as GM
        if credits.credit_agency(self.doc, c.start):
            return True  # "Credit: Getty Images": a picture credit, page furniture (known names too)
        if c.gaz is not None or c.lower_name:
            return False
        if terms.not_a_name(self.doc, c.start, c.end, name):
            return True  # "CI tools", "GPT-3/4", "Vector databases" beside "vector databases"
        if credits.photo_credit(self.doc, c.start, c.end, c.label):
            return True  # "Dana Reyes/Getty Images": a picture credit's photographer
        if len(words) > 7 or not any(ch.isalpha() for ch in name) or not is_capitalised(words[0]):
            return True
        if len(name) < 2 or name.casefold() in rules.person_titles or shapes.title_only(words, rules):
            return True  # "Executive Vice President": a title set off after a name
        first = self.doc[c.start]
        if (
            self.opens_sentence(c.start)
            and first.tag_ not in ("NNP", "NNPS")
            and c.version is None
            and len(words) > 1
        ):
            return True  # "Addressing AI bias ...": a sentence-opening verb or adjective glued to a name
        if is_never_entity(name, rules) or is_handle(name, rules) or any(map(tails.web_path, words)):
            return True
        if len(words) == 1 and tails.fan_plural(name, self.gaz_names):
            return True  # "YouTubers", "Redditors": the users of a known brand
        if all_generic(words, rules) and not spans.institution_name(self.doc, c.start, c.end, c.label):
            return True
        if spans.event_name(words) and c.version is None:
            return True  # "Fields Medal", "OpenAI DevDay": an award or a conference
        if spans.acronym_expansion(self.doc, c.start):
            return True  # "an acronym for BigScience Large Open-science ..."
        if spans.term_acronym(self.doc, c.start, c.end) or spans.category_label(self.doc, c.start, c.end):
            return True
        if len(words) == 1 and name.casefold() in rules.org_suffixes and c.label != "PERSON":
            return True  # "Ventures", "Labs": a suffix without its name
        if c.version is None and not is_capitalised(words[-1]):
            return True
        if len(words) > 1 and words[-1].isdigit() and int(words[-1]) >= 100 and not self.model_number(c):
            return True  # "Fortune 500", "S&P 500": a ranking or an index, not a name
        after = self.doc[c.end] if c.end < len(self.doc) else None
        if (
            len(words) > 1
            and is_never_word(words[-1], rules)
            and words[-1].casefold() not in rules.org_suffixes
            and words[-1].casefold() not in rules.product_final_words
            and not knownruns.generic_head_name(self, c.start, c.end)  # "the Redis Enterprise platform"
            and after is not None
            and after.is_lower
            and after.pos_ == "NOUN"
        ):
            return True  # "Acme ML models", "Zephyr API": a name used as a modifier of a technical term
        if len(words) > 1 and c.version is None and (
            words[-1].casefold() in rules.document_words
            or " ".join(words[-2:]).casefold() in rules.document_words
        ):
            return True  # "AI Regulation Paper", "Human Insights Summit": a document or an event
        return any(
            w.casefold() not in CONNECTORS and not is_capitalised(w) and not w[0].isdigit() for w in words
        )

    @staticmethod
    def model_number(c: Cand) -> bool:
        return any(v.cue == "model-number" for v in c.votes)

    def lowercase_attested(self, c: Cand) -> bool:
        """Every word of the name also occurs lower-case in the document: a common phrase."""
        content = [w for w in c.surface.split() if w.casefold() not in CONNECTORS]
        return bool(content) and all(w.lower() in self.lower_words for w in content)


    def opens_sentence(self, i: int) -> bool:
        """Token i starts a sentence, perhaps after an opening quote or bracket."""
        doc = self.doc
        j = i
        while j > 0 and doc[j - 1].is_punct and doc[j - 1].text in "\"“‘'([" and not doc[j].is_sent_start:
            j -= 1
        return bool(doc[j].is_sent_start)

