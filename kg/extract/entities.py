"""Entity finding: spaCy Doc -> EntityTable (one EntityDraft per real entity, SpanRefs per mention).

Candidates come from the gazetteer (the EntityRuler's entities, with their gazetteer id), from the
statistical NER, and from names the context types on its own ("its Zephyr model"). Each mention
collects typing votes (gazetteer, versions, suffixes, head nouns, appositions, titles, NER label);
mentions are grouped into one entity per document (case, possessives, aliases, "X AI", partial
person names), each group's kind is the vote winner, and groups without enough evidence, or seen
only in headlines, page furniture or reader comments, are dropped (a name only the document's own
title gives is kept for the headline's facts: see headlinenames.py).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.aliases import merge_declared_aliases, merge_groups, merge_spelling_variants
from kg.extract.brands import join_brands
from kg.extract.candidates import (
    CONF_PATTERN,
    CONF_WEAK,
    DEFAULT_CLASS,
    KEY_PREFIX,
    Cand,
)
from kg.extract.context import DocContext
from kg.extract.grouping import Group, Grouping
from kg.extract.headlinenames import title_only_ok
from kg.extract.knowntails import join_product_tails
from kg.extract.layout import COMMENTS, TITLE
from kg.extract.lists import type_lists
from kg.extract.names import clean_name, name_key, slug
from kg.extract.readings import read_companies, read_products
from kg.extract.resources import Resources
from kg.extract.suffixlaunches import retype_launched_suffixes
from kg.extract.table import EntityDraft, EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT, Mention

_COUNTRY_PREFIXES = ("u s ", "us ", "uk ", "u k ")  # matching keys: "U.S. Air Force" -> "Air Force"

__all__ = ["CONF_WEAK", "DEFAULT_CLASS", "Cand", "EntityFinder", "Group", "find_entities", "name_key"]


class EntityFinder(Grouping):
    """Runs the entity step on one parsed document."""

    # --- the table --------------------------------------------------------------------
    def run(self) -> EntityTable:
        groups = self.groups(self.candidates())
        accepted = {k: g for k, g in groups.items() if self.decide(g) or title_only_ok(self, g)}
        retype_launched_suffixes(self, accepted)  # "launched Remote Test Lab, a tool for ..."
        read_products(self, accepted)  # "a message on Discord": the product, before lists spread kinds
        type_lists(self, groups, accepted)
        read_products(self, accepted)  # list members the lists step added ("sources such as MySQL")
        read_companies(self, accepted)  # "analytic database Kinetica announced ..."
        merge_declared_aliases(self, groups, accepted)
        merge_spelling_variants(accepted)
        join_product_tails(accepted)  # "GitHub Copilot" ... "Copilot"
        self.join_short_forms(accepted)
        self.join_document_short_forms(accepted)
        self.retype_sub_brands(accepted)
        self.partial_names(groups, accepted)
        join_brands(self, accepted)
        self.propagate(accepted)
        return self.build(accepted)

    def join_short_forms(self, accepted: dict[str, Group]) -> None:
        """'Character' beside the known 'Character AI' ("Character's CEO", a name split off "Inflection
        and Character"): a known company's name without its company suffix is that company."""
        short: dict[str, Group] = {}
        for g in accepted.values():
            if g.gaz is None or g.kind != ORG:
                continue
            for n in g.gaz.names:
                words = name_key(n).split()
                if len(words) >= 2 and self.rules.org_suffixes.get(words[-1]) == "Company":
                    short.setdefault(" ".join(words[:-1]), g)
        for key, g in list(accepted.items()):
            target = short.get(key)
            if target is not None and g.gaz is None and g.kind in (ORG, PLACE, PERSON) and target is not g:
                merge_groups(target, g, accepted, key)

    def join_document_short_forms(self, accepted: dict[str, Group]) -> None:
        """'Tern Ventures' ... 'Tern', 'U.S. Air Force' ... 'Air Force': an organization named in full and
        later by its name without the suffix (or without a country prefix) is one organization. The
        full name must come first, as news writes it; a short name used before ('Acme' ... 'Acme
        Capital', the firm and its arm) stays its own entity."""
        short: dict[str, tuple[Group, int]] = {}
        tiers = {t.casefold() for t in self.rules.version_tiers}
        for g in accepted.values():
            words = name_key(g.name).split()
            if g.kind != ORG or g.gaz is not None or len(words) < 2 or not g.body:
                continue
            first = min(c.start for c in g.body)
            if len(words) == 2 and words[1] not in tiers and words[1] not in self.rules.product_heads:
                short.setdefault(words[0], (g, first))  # "Tern Ventures", not "MacBook Pro"
            key = " ".join(words)
            for prefix in _COUNTRY_PREFIXES:
                if key.startswith(prefix) and len(key) > len(prefix) + 3:
                    short.setdefault(key[len(prefix) :], (g, first))
        for key, g in list(accepted.items()):
            found = short.get(name_key(g.name))
            if found is None or g.gaz is not None or g.kind != ORG or not g.body:
                continue
            if 2 * sum(c.label in ("GPE", "LOC") for c in g.cands) >= len(g.cands):
                continue  # "NYC" beside "NYC Care", "Palo Alto" beside "Palo Alto Networks": a place
            target, first = found
            if target is not g and min(c.start for c in g.body) > first:
                merge_groups(target, g, accepted, key)

    def build(self, accepted: dict[str, Group]) -> EntityTable:
        table = EntityTable()
        table.title_end = next((t.i for t in self.doc if t.idx >= self.ctx.body_offset), len(self.doc))
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
                if c.zone == COMMENTS:
                    continue  # comments are not the article
                table.add_span(SpanRef(key, c.start, c.end, g.kind, g.cls))
                if c.zone == TITLE:
                    continue  # headline facts may name it; mentions count in Document.text only
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

