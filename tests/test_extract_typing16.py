"""Round 16 typing: well-known apps and services carry the gazetteer's dual company/app class, so the
document's use decides (kg/extract/appreadings.py): "slides on Canva", "plays on Spotify", "platforms
like DeviantArt" are the app, "Spotify hired ..." the company; "integrations with HubSpot" and "a
plugin for Figma" (a part noun + with/for/in) are uses; a lawsuit "against" the name or a relative clause
saying what it made ("DeviantArt, which recently created ...") shows the company."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Members can build bots that lay out slides on Canva in a few clicks.", "Canva"),
        ("The demo track by Orla Venn passed two million plays on Spotify.", "Spotify"),
        ("Crawlers copied artwork from platforms like DeviantArt without asking.", "DeviantArt"),
        ("Sales teams at Brellix rely on its new integrations with HubSpot.", "HubSpot"),
        ("Quorvi shipped a plugin for Figma that turns sketches into layouts.", "Figma"),
        ("The form builder sits beside apps like Typeform in the new Zentrik store.", "Typeform"),
    ],
)
def test_extract_typing16_used_app_is_product(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert mentioned_kinds(extractor, text).get(name) == "Product"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Spotify hired a new finance chief and said quarterly revenue grew.", "Spotify"),
        ("Canva raised fresh funding from Quell Capital last spring.", "Canva"),
        ("Investors poured money into Zapier and Dropbox during the boom.", "Zapier"),
        ("Painters filed a lawsuit against Quellon and the portfolio platform DeviantArt, which recently"
         " created its own art generator.", "DeviantArt"),
        ("Users also love the art site DeviantArt, which recently launched its own image generator.",
         "DeviantArt"),
    ],
)
def test_extract_typing16_acting_company_stays_organization(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    assert mentioned_kinds(extractor, text).get(name) == "Organization"
