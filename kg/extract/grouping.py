"""One entity per real entity: grouping candidates, deciding kinds, joining partial names.

Candidates group by gazetteer id, else by a key that ignores case, quotes, "The", possessives and
number plurals; "Foo Inc." / "Foo AI" join "Foo" when the text names Foo alone (not an arm such as
"Foo Capital", nor a product named after it). `decide` sums the votes per kind and drops names with
too little evidence; `partial_names` joins "Altman" to "Sam Altman"; `propagate` adds further exact
occurrences of accepted names the model missed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.extract import evidence as ev
from kg.extract.campus import drop_campus_votes
from kg.extract.candidates import (
    _PLURAL_NUMBER,
    CONF_GAZ_AMBIGUOUS,
    CONF_GAZETTEER,
    CONF_NER,
    CONF_PATTERN,
    CONF_WEAK,
    DEFAULT_CLASS,
    KIND_ORDER,
    MENTION_CAP,
    Cand,
    Candidates,
)
from kg.extract.investorpeople import drop_investor_nouns_on_people
from kg.extract.layout import BODY, COMMENTS, HEADLINE, LABEL, TITLE
from kg.extract.listpeople import drop_list_votes_on_people
from kg.extract.names import (
    CONNECTORS,
    camel_humps,
    clean_name,
    is_spelling_variant,
    looks_like_person_name,
    name_key,
)
from kg.extract.objecttypes import retype_launched_objects
from kg.extract.readings import acting_cues, reading_words
from kg.extract.resources import GazEntry
from kg.extract.titlenames import soften_titled_suffixes
from kg.extract.versionvotes import soften_versions
from kg.model import ORG, PERSON, PLACE, PRODUCT

# What the model's place and person labels add to a group's kind at most (three mentions' worth): the
# small model reads unfamiliar company names as places or people on every mention.
NER_GROUP_CAP = 6.0
# Facility labels add less: the model reads "the <Name> Pin" or "the <Name> Hub" as a building whatever
# it is, so a clause cue of weight 5 (a naming or launch verb) outweighs them however often they repeat.
FAC_GROUP_CAP = 4.0
# Cues that do not outweigh the model's organization label: startups are "launched" too.
# "The Zorvex integration" describes what a company sells as well.
_LAUNCHED = frozenset({"ner", "launch-object", "product-head"})


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


class Grouping(Candidates):
    """Groups candidates into entities and decides what each is."""

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
        key = _PLURAL_NUMBER.sub(r"\1", name_key(c.surface))  # "CS-2s" is the plural of "CS-2"
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
        soften_versions(cands)  # "a company, Quarto 77": the clause, not the number
        soften_titled_suffixes(self.doc, cands)  # "Zentrik Data Cloud CEO Ann Lee": the company
        drop_list_votes_on_people(self.doc, cands)  # "investors include Ann Lee of Brellix"
        drop_investor_nouns_on_people(cands)  # "angel investor Carl Bass": people invest too
        drop_campus_votes(self.doc, cands)  # "the University of Nevada at Elko"
        retype_launched_objects(self.doc, cands, self.rules)  # "debuted the Isaac Vela Orin"
        for c in cands:
            if self.bad_name(c):
                continue
            c.key = self.group_key(c)  # clause roles (ev.role_votes) are voted in Candidates.add_votes
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
            if (
                len(words) >= 2
                and self.rules.org_suffixes.get(words[-1]) == "Company"
                and not any(c.structural(PRODUCT) for c in g.cands)
            ):
                # A company's legal or trade suffix ("Foo Inc.", "Foo AI"), not an arm of it ("Foo
                # Capital", "Foo Research") nor a product named after it ("calling it Foo AI").
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
        if all(self.generic_body(c) for c in body):
            return False  # "a US District Court", "their Negotiating Committee", "their Foocases site"
        totals: dict[str, float] = defaultdict(float)
        ner: dict[str, float] = defaultdict(float)  # the model's labels, capped per group below
        best_cls: dict[str, tuple[float, str]] = {}
        fac = 0.0  # the model's facility labels: "the Lumo Pin" reads as a building on every mention
        for c in g.cands:
            # Each distinct cue counts once per mention; a mention adds at most MENTION_CAP per kind.
            per_cue: dict[tuple[str, str], ev.Vote] = {}
            for v in c.votes:
                if (v.kind, v.cue) not in per_cue or v.weight > per_cue[(v.kind, v.cue)].weight:
                    per_cue[(v.kind, v.cue)] = v
            mention_total: dict[str, float] = defaultdict(float)
            for (kind, cue), v in per_cue.items():
                if cue == "ner":
                    if c.label == "FAC":
                        fac += v.weight
                    else:
                        ner[kind] += v.weight
                    continue
                if cue == "possessive" and c.label in ("GPE", "LOC"):
                    continue  # "Britain's prime minister", "China's new chatbot": a place's people and things
                mention_total[kind] += v.weight
                if v.weight > best_cls.get(kind, (0.0, ""))[0] or (
                    v.weight == best_cls.get(kind, (0.0, ""))[0] and v.cls != DEFAULT_CLASS[kind]
                ):
                    best_cls[kind] = (v.weight, v.cls)
            for kind, total in mention_total.items():
                totals[kind] += min(total, MENTION_CAP)
        # A label the model repeats on every mention does not outvote what the clauses say
        # ("Zorvex CEO Ann Lee", "Zorvex raised $40M" against ten GPE labels).
        if fac:
            ner[PLACE] += min(fac, FAC_GROUP_CAP)
        if ner.get(ORG) and self.used_as_product(g):
            ner[ORG] = min(ner[ORG], ev.W_POSSESSIVE)  # "The new tool is called Zentra" + ten ORG labels
        for kind, total in ner.items():
            totals[kind] += min(total, NER_GROUP_CAP) if kind in (PLACE, PERSON) else total
        names = [c.surface for c in g.cands]
        longest = max(names, key=lambda n: (len(n.split()), len(n)))
        person_words = longest.split()
        not_a_name = not looks_like_person_name(person_words) or person_words[-1] in self.rules.version_tiers
        person_cue = any(
            v.cue in ("speaker-label", "title-before", "appos-title") for c in g.cands for v in c.votes
        )
        if totals.get(PERSON) and not_a_name and not person_cue:
            totals.pop(PERSON)
        if (
            g.key.endswith(" ai")
            and max(c.structural(PRODUCT) for c in g.cands) >= ev.W_HEAD
            and {v.cue for c in g.cands for v in c.votes if v.kind == ORG} <= {"suffix", "ner"}
        ):
            totals.pop(ORG, None)  # "its new tool, Foo AI": a product named after the company
        if totals.get(PERSON) and not self.person_words_ok(person_words):
            totals.pop(PERSON)  # not a person's name: the next reading wins, if any
        if not totals:
            return False
        kind = max(totals, key=lambda k: (totals[k], -KIND_ORDER[k]))
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


    def used_as_product(self, g: Group) -> bool:
        """A clause makes the name a product (a naming verb, an apposition, "its new X": a cue
        of weight 5+) and nothing but the model's label makes it an organization: the label, however
        often the model repeats it, does not outvote the clause."""
        product = max(
            (v.weight for c in g.cands for v in c.votes if v.kind == PRODUCT and v.cue not in _LAUNCHED),
            default=0.0,
        )
        org = max((c.structural(ORG) for c in g.cands), default=0.0)
        if product < ev.W_HEAD or org > 0.0 or any(self.common_noun(c) for c in g.cands):
            return False
        words = reading_words()
        for c in g.body:  # "Zorvex has integrated ...": the company acts ("Pi's replies" is no act)
            if set(acting_cues(self.doc, c.start, c.end, words, self.rules)) - {"possessor"}:
                return False
        return True

    def common_noun(self, c: Cand) -> bool:
        """'an open-world MMO': a name under "a"/"an" is a kind of thing, not the name of one."""
        root = self.doc[c.start : c.end].root
        return any(t.dep_ == "det" and t.lower_ in ("a", "an") for t in root.children)

    def generic_body(self, c: Cand) -> bool:
        """A body or page the text does not name: "a US District Court", "their Negotiating Committee"
        (a `generic_body_heads` word after an article or possessive pronoun), "their Foocases site"."""
        doc, words = self.doc, ev.role_words()
        j = c.start - 1
        if j >= 0 and doc[j].ent_type_ in ("GPE", "NORP") and doc[j].is_upper:
            j -= 1  # "a US District Court"
        if j < 0 or doc[j].lower_ not in ("a", "an", "their", "its", "our", "his", "her", "your"):
            return False
        if c.surface.split()[-1].casefold() in words.generic_body_heads and len(c.surface.split()) >= 2:
            return True
        return (
            doc[j].lower_ not in ("a", "an")
            and c.end < len(doc)
            and doc[c.end].lower_ in words.site_words
        )

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
            and not self.acting_subject(c0.start)
        ):
            return True  # a capitalised word that only opens a sentence
        if kind == PRODUCT and once:
            return True
        if kind == PERSON and len(words) < 2:
            return not any(v.cue in ("speaker-label",) for c in g.cands for v in c.votes)
        return False

    def acting_subject(self, i: int) -> bool:
        """'Nintendo is partnering with ...': the opening word is the subject of a verb with an
        object or a prepositional phrase, as a company acts; not a heading fragment or an adverb."""
        tok = self.doc[i]
        verb = tok.head
        return (
            tok.dep_ == "nsubj"
            and verb.pos_ in ("VERB", "AUX")
            and verb.i > i
            and any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp") for c in verb.children)
        )

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
        # "Zentro Python" beside the product "Zentro": a product line's member, not a person; a
        # given name opening it still counts as a person's unless the product is a plain known one.
        products = {name_key(g.name) for g in accepted.values() if g.kind == PRODUCT}
        plain = {
            name_key(g.name)
            for g in accepted.values()
            if g.kind == PRODUCT and g.gaz is not None and not g.gaz.ambiguous
        }
        titled = {"title-before", "appos-title", "speaker-label"}
        for g in accepted.values():
            cues = {v.cue for c in g.cands for v in c.votes}
            if g.kind != PERSON or g.gaz is not None or cues & titled:
                continue
            words = g.name.split()
            first = name_key(words[0])
            if len(words) < 2 or first not in orgs | products:
                continue
            if "given-name" in cues and first not in plain:
                continue
            g.kind, g.cls, g.confidence = PRODUCT, "Application", CONF_WEAK
        self.retype_short_forms(accepted, orgs)

    def retype_short_forms(self, accepted: dict[str, Group], orgs: set[str]) -> None:
        """Names that are an organization's name in another shape, read as people by the model:
        'Zorvex' beside 'Zorvex Partners' (the firm's short name) and 'Joining Zorvex' (a word glued
        to the organization, when the first word is no given name) are no people."""
        typed_orgs = {name_key(g.name) for g in accepted.values() if g.kind == ORG and _structural(g)}
        long_forms: dict[str, Group] = {}
        for g in accepted.values():
            words = name_key(g.name).split()
            if g.kind == ORG and g.gaz is None and len(words) == 2 and self.suffix_of(g) == words[-1]:
                long_forms.setdefault(words[0], g)
        titled = {"title-before", "appos-title", "speaker-label"}
        for key, g in list(accepted.items()):
            if g.kind not in (PERSON, PLACE) or g.gaz is not None:
                continue
            cues = {v.cue for c in g.body for v in c.votes}
            if cues & titled:
                continue
            words = name_key(g.name).split()
            target = long_forms.get(words[0]) if len(words) == 1 and "given-name" not in cues else None
            if target is not None and target is not g:
                target.cands.extend(g.cands)  # "Zorvex estimates ..." after "Zorvex Partners"
                del accepted[key]
            elif (
                g.kind == PERSON
                and len(words) == 2
                and words[1] in typed_orgs
                and g.name.split()[0] not in self.rules.given_names
            ):
                del accepted[key]  # "Joining Zorvex will help us": not a person

    @staticmethod
    def suffix_of(g: Group) -> str | None:
        """The organization suffix that typed a group ('partners' of 'Zorvex Partners'), if any."""
        for c in g.cands:
            for v in c.votes:
                if v.cue == "suffix" and v.kind == ORG:
                    return name_key(c.surface).split()[-1]
        return None

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
            if g.gaz is None and key not in unique and len(words) == 1 and g.kind in (PERSON, ""):
                # "Castellnao" beside "Maria Castellano": a surname written with one slip
                key = next((w for w in unique if len(w) >= 6 and is_spelling_variant(key, w)), key)
            if g.gaz is not None or key not in unique or key in targets:
                continue
            if any(c.version or any(v.cue in ("suffix", "prefix") for v in c.votes) for c in g.cands):
                continue
            target = accepted[unique[key]]
            target.cands.extend(g.cands)
            accepted.pop(g.key, None)
            for c in g.cands:
                taken.update(range(c.start, c.end))
        for tok in self.doc:
            if not tok.is_title:
                continue
            w = name_key(tok.text)
            if w not in unique and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and len(w) >= 6:
                w = next((u for u in unique if len(u) >= 6 and is_spelling_variant(w, u)), w)
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



def _structural(g: Group) -> bool:
    """The group's kind rests on a structural cue (weight >= 5) or the gazetteer, not the model alone."""
    return g.gaz is not None or max(c.structural(g.kind) for c in g.cands) >= ev.W_HEAD
