"""Entity typing, round 12: a known company that is also its app (kg/extract/appreadings.py).

Sentences written for these tests. The names are gazetteer companies flagged with an app reading
(`"product": "Application"`: Discord, Slack, Reddit, Telegram, Instagram, YouTube); the people and
other companies are invented. The app is a product where the document talks about the app ("posts on
Reddit", "Telegram's API", "ditch Discord", "platforms like YouTube"); the company stays where the
document says what the company does or names its staff. The `extractor` fixture loads the model once.
"""

from __future__ import annotations

import pytest

from kg.model import ORG, PRODUCT
from tests.extract_helpers import table_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vexlo researchers counted angry comments in communities on Reddit during the strike.", "Reddit"),
        ("The study tracked Twitter and Instagram mentions of the Zarvo brand for a month.", "Instagram"),
        ("Telegram's API let the Korvane team locate accounts within a few blocks.", "Telegram"),
        ("Many teachers plan to ditch Discord for a calmer tool this autumn.", "Discord"),
        ("Small studios sell their songs on platforms like YouTube and Bandcamp.", "YouTube"),
        ("Many gamers switched to Telegram after the outage.", "Telegram"),
        ("The deal will bring more Brellix creators to Instagram next year.", "Instagram"),
        ("Workers vented in Discord groups that the Plinth agency set up.", "Discord"),
        (
            "Instagram is working on a new feed. The Instagram app now marks edited photos for viewers "
            "on Instagram.",
            "Instagram",
        ),
    ],
)
def test_typing12_app_used_as_product(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == PRODUCT


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Slack hired a new finance chief in March, and posts on Slack announced it.", "Slack"),
        ("Ann Keller, vice president of design at Discord, said posts on Discord doubled.", "Discord"),
        ("Discord said in a statement that posts on Discord doubled in May.", "Discord"),
        ("The Slack SVP said users on Slack liked the new layout.", "Slack"),
        ("Telegram's founder said communities on Telegram keep growing.", "Telegram"),
        ("YouTube added a sleep timer in May. Fans of the Kelvo band watch its clips on YouTube.", "YouTube"),
        ("Customers including Zoom and Brellix signed up for the Quorvo analytics suite.", "Zoom"),
    ],
)
def test_typing12_app_company_when_it_acts(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == ORG


def test_typing12_rival_list_with_products_keeps_products(extractor) -> None:
    text = (
        "Zelvio's competitors include Google Docs and Microsoft 365 for documents, "
        "as well as Slack and Discord for chat."
    )
    kinds = table_kinds(extractor, text)
    assert kinds.get("Slack") == PRODUCT
    assert kinds.get("Discord") == PRODUCT


def test_typing12_table_format_names_are_products(extractor) -> None:
    kinds = table_kinds(extractor, "Zentrik added support for the Kelvo and Marlo table formats this spring.")
    assert kinds.get("Kelvo") == PRODUCT
    assert kinds.get("Marlo") == PRODUCT
    assert kinds.get("Zentrik") == ORG


def test_typing12_setups_of_a_name_make_it_a_product(extractor) -> None:
    # "Outlook" is no gazetteer entry: only the model calls it an organization
    text = "In older setups of Outlook, the mail service runs on a server the customer owns."
    assert table_kinds(extractor, text).get("Outlook") == PRODUCT
