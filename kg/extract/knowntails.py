"""Short names of products the same text named in full.

- "GitHub Copilot" ... "Copilot": a product named in full and later by its last word(s) alone is one
  product, also where the short name is an ambiguous gazetteer entry of its own (the gazetteer's
  "Copilot" is Microsoft's; in an article about GitHub Copilot the bare word is GitHub's). The full
  name must be the only longer product of the document ending so, and every mention of the short
  entity must be the bare short name ("Microsoft Copilot" in the same text keeps it). A short name the
  gazetteer does not know may come first ("Apache Iceberg and Hudi" ... "Apache Hudi"); a known
  ambiguous one only after the full name.
(An acronym of a name's last words, "Defender Advanced Threat Protection (ATP)", is `aliases.spells_tail`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.aliases import merge_groups
from kg.extract.names import name_key
from kg.model import PRODUCT

if TYPE_CHECKING:
    from kg.extract.grouping import Group


def join_product_tails(accepted: dict[str, Group]) -> None:
    """Merge a product named by the last words of a longer product into that product."""
    products = [(k, g) for k, g in accepted.items() if g.kind == PRODUCT and g.body]
    for key, short in products:
        if key not in accepted or short.gaz is not None and not short.gaz.ambiguous:
            continue
        short_key = name_key(short.name)
        if not short_key or any(name_key(c.surface) != short_key for c in short.cands if c.surface):
            continue
        first = min(c.start for c in short.body)
        longer = [
            (k, g)
            for k, g in products
            if k in accepted
            and g is not short
            and name_key(g.name).endswith(" " + short_key)
            and (short.gaz is None or min(c.start for c in g.body) < first)
        ]
        if len(longer) == 1:
            merge_groups(longer[0][1], short, accepted, key)
