"""Names built on an organization's name: its brands, its products and its short forms.

After the vote, with every accepted entity of the document known:
- "Cisco ThousandEyes" beside "ThousandEyes": a known company's name before an organization the text
  names alone is that organization (the parent's brand of it), one entity; not a place the model
  reads as one ("Sequoia Capital India" is no "India");
- "ThousandEyes WAN Insights" (read as an organization by the model alone) beside "ThousandEyes": an
  organization's name followed by capitalised words that are no organization word ("Systems", "Labs",
  "Capital", "Research" ...) names a product of it; "WAN Insights" alone later is that product;
- "Striim Cloud" beside "Striim": a product-name word ("Cloud", "Studio") that made it a company by
  form alone, while a clause uses it as a product; "Cilium Service Mesh" beside the product "Cilium";
- "the Journal" after "The Wall Street Journal": the last word of a multi-word organization's name,
  after "the" and after the full name, is that organization.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.aliases import merge_groups
from kg.extract.layout import BODY
from kg.extract.names import name_key
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.grouping import Group, Grouping

CONF_BRAND = 0.75


def _first(g: Group) -> int:
    return min((c.start for c in g.cands if c.zone == BODY), default=10**9)


def _model_only(g: Group, kind: str) -> bool:
    """Typed `kind` by nothing but the model's label (no gazetteer entry, no structural cue)."""
    return g.gaz is None and all(v.cue == "ner" for c in g.cands for v in c.votes if v.kind == kind)


def _org_names(accepted: dict[str, Group]) -> dict[str, Group]:
    """Matching key -> accepted organization, for every name and gazetteer alias."""
    out: dict[str, Group] = {}
    for g in accepted.values():
        if g.kind != ORG:
            continue
        out.setdefault(name_key(g.name), g)
        if g.gaz is not None:
            for n in g.gaz.names:
                out.setdefault(name_key(n), g)
    return out


def _split(words: list[str], orgs: dict[str, Group], g: Group) -> tuple[Group, list[str]] | None:
    """'cisco thousandeyes' -> (Cisco, ['thousandeyes']): a leading organization name and the rest."""
    for k in (2, 1):
        if len(words) > k:
            owner = orgs.get(" ".join(words[:k]))
            if owner is not None and owner is not g:
                return owner, words[k:]
    return None


def _placed(g: Group | None) -> bool:
    """Mostly read as a place by the model and never described as an organization ("India")."""
    if g is None:
        return False
    places = sum(c.label in ("GPE", "LOC", "NORP") for c in g.cands)
    described = any(
        v.kind == ORG and v.weight >= ev.W_HEAD and v.cue != "ner" for c in g.cands for v in c.votes
    )
    return 2 * places >= len(g.cands) and not described


def _brand_read(g: Group) -> bool:
    """An organization, or a product only because a known name opens it ("Cisco Zentara")."""
    if g.kind == ORG:
        return True
    cues = {v.cue for c in g.cands for v in c.votes if v.kind == PRODUCT}
    return g.kind == PRODUCT and cues <= {"known-prefix", "ner"}


def _named_part(g: Group, rest: list[str], org_words: set[str]) -> bool:
    """The words after the owner's name are capitalised name words, no organization word nor a number
    ("WAN Insights", "Service Mesh"; not "Capital", "Labs", "2")."""
    last = g.name.split()[-1]
    tail = g.name.split()[-len(rest) :]
    named = all(w[:1].isupper() or w[:1].isdigit() for w in tail)
    return rest[-1] not in org_words and named and not last.isdigit()


def _suffixed_product(finder: Grouping, g: Group, owner: Group, rest: list[str]) -> bool:
    """'Striim Cloud' beside 'Striim': an organization's name and one product-name word ('Cloud',
    'Studio', 'Suite') that typed it a company by its form alone, while its clause uses it as a product
    ("debuted Striim Cloud", "Striim Cloud is a SaaS platform")."""
    if g.kind != ORG or g.gaz is not None or len(rest) != 1:
        return False
    if rest[0] not in finder.rules.product_name_suffixes:
        return False
    if not any(c.zone == BODY for c in owner.cands) or owner.cls == "Investor":
        return False
    org_cues = {v.cue for c in g.cands for v in c.votes if v.kind == ORG}
    product_cues = {v.cue for c in g.cands for v in c.votes if v.kind == PRODUCT}
    return org_cues <= {"suffix", "ner"} and bool(product_cues - {"ner"})


def join_brands(finder: Grouping, accepted: dict[str, Group]) -> None:
    """Parent-prefixed brands, company-prefixed products, and 'the <last word>' short forms."""
    rules = finder.rules
    orgs = _org_names(accepted)
    org_words = set(rules.org_suffixes) | set(rules.org_heads) | rules.not_person_last_words
    products: dict[str, Group] = {}
    lines = {  # products a longer name may extend ("Cilium" ... "Cilium Service Mesh")
        name_key(g.name): g
        for g in accepted.values()
        if g.kind == PRODUCT
        and (g.gaz is None or not g.gaz.ambiguous)
        and any(c.zone == BODY for c in g.cands)
    }
    for key, g in list(accepted.items()):
        if key not in accepted or g.gaz is not None or g.kind not in (ORG, PRODUCT):
            continue
        words = name_key(g.name).split()
        found = _split(words, orgs, g)
        if found is None:
            line = _split(words, lines, g)
            member = line is not None and g.kind == ORG and _model_only(g, ORG)
            if line is not None and member and _named_part(g, line[1], org_words):
                g.kind, g.cls, g.confidence = PRODUCT, line[0].cls, CONF_BRAND  # "Cilium Service Mesh"
            continue
        owner, rest = found
        owner_suffix = rules.org_suffixes.get(owner.name.split()[-1].casefold())
        investor = owner.cls == "Investor" or owner_suffix == "Investor"  # "Sequoia Capital India": an arm
        tail = orgs.get(" ".join(rest))
        if tail is not None and tail is not owner and owner.gaz is not None and not investor:
            if _brand_read(g) and not _placed(tail):
                merge_groups(tail, g, accepted, key)  # "Cisco ThousandEyes" is ThousandEyes
            continue
        if (
            g.kind == ORG
            and not investor
            and tail is None
            and _model_only(g, ORG)
            and any(c.zone == BODY for c in owner.cands)
            and _named_part(g, rest, org_words)
        ):
            g.kind, g.cls, g.confidence = PRODUCT, "Product", CONF_BRAND  # "ThousandEyes WAN Insights"
            orgs.pop(name_key(g.name), None)
        elif _suffixed_product(finder, g, owner, rest):
            g.kind, g.confidence = PRODUCT, CONF_BRAND  # "Striim debuted Striim Cloud"
            g.cls = rules.product_name_suffixes[rest[-1]]
            orgs.pop(name_key(g.name), None)
        if g.kind == PRODUCT and len(rest) >= 2:
            products.setdefault(" ".join(rest), g)
    _join_tails(accepted, products)
    _join_last_words(finder, accepted)


def _join_tails(accepted: dict[str, Group], products: dict[str, Group]) -> None:
    """'WAN Insights' after 'ThousandEyes WAN Insights': the product's name without its maker's."""
    for key, g in list(accepted.items()):
        hit = products.get(name_key(g.name))
        if hit is None or g.gaz is not None or g is hit or not _model_only(g, g.kind):
            continue
        merge_groups(hit, g, accepted, key)


def _join_last_words(finder: Grouping, accepted: dict[str, Group]) -> None:
    """'the Journal' after 'The Wall Street Journal': one organization."""
    doc = finder.doc
    lasts: dict[str, list[Group]] = {}
    for g in accepted.values():
        words = g.name.split()
        if g.kind == ORG and len(words) >= 2 and words[-1][:1].isupper():
            lasts.setdefault(words[-1].casefold(), []).append(g)
    for key, g in list(accepted.items()):
        words = g.name.split()
        if g.gaz is not None or len(words) != 1 or g.kind != ORG or not _model_only(g, ORG):
            continue
        owners = lasts.get(words[0].casefold(), [])
        if len(owners) != 1:
            continue  # none, or two organizations ending in the word: no guess
        body = [c for c in g.cands if c.zone == BODY]
        if (
            body
            and all(c.start > 0 and doc[c.start - 1].lower_ == "the" for c in body)
            and min(c.start for c in body) > _first(owners[0])
        ):
            merge_groups(owners[0], g, accepted, key)
