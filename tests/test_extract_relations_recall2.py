"""Relation phrasings added for recall on unseen articles, second round (whole extractor, real model):
rival lists after "competes against companies including", "competition in the form of", the
"City, State-based" company (both places), "X, a London-based startup", plural titles with a list of
names ("the company's cofounders A and B"), a fronted "TITLE of ORG, NAME", a long title with commas
closed by "at ORG"; and the precision guards: a relative clause on a list of names, a well-known
product whose gazetteer developer is another organization; the product anaphor helper."""

from __future__ import annotations

import pytest

from kg.model import Document
from tests.test_extract_relations_text import extract, triples


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Quillbase Labs sells inference chips to carmakers. Quillbase Labs competes against companies "
            "including Aster Labs, Brightwave Inc., Corvid AI and Dunmore Systems, the last of which raised "
            "$30 million.",
            [
                ("Quillbase Labs", "competesWith", "Aster Labs"),
                ("Quillbase Labs", "competesWith", "Brightwave Inc."),
                ("Quillbase Labs", "competesWith", "Corvid AI"),
                ("Quillbase Labs", "competesWith", "Dunmore Systems"),
            ],
            "kg.rel.competesWith.verb.v1",
        ),
        (
            "Velora Labs raised $20 million this week, and the Sunnyvale, California-based company already "
            "has stiff competition in the form of Brixo Inc., another venture-backed company.",
            [("Velora Labs", "competesWith", "Brixo Inc.")],
            "kg.rel.competesWith.competition-from.v1",
        ),
        (
            "Velora Labs raised $20 million this week, and the Sunnyvale, California-based company plans "
            "to hire.",
            [("Velora Labs", "locatedIn", "Sunnyvale"), ("Velora Labs", "locatedIn", "California")],
            "kg.rel.locatedIn.based.v1",
        ),
        (
            "Informatica announced a plan to acquire Privex, a London-based startup helping companies "
            "protect data.",
            [("Privex", "locatedIn", "London")],
            "kg.rel.locatedIn.based-appositive.v1",
        ),
        (
            "Orbix Robotics, a Redwood City, Calif.-based startup, sells robots to warehouses.",
            [("Orbix Robotics", "locatedIn", "Redwood City")],
            "kg.rel.locatedIn.based-appositive.v1",
        ),
        (
            "Quillbase Inc. makes compilers. The company's cofounders Marta Lindqvist and Tomas Reyes are no "
            "strangers to the field.",
            [
                ("Marta Lindqvist", "worksFor", "Quillbase Inc."),
                ("Tomas Reyes", "worksFor", "Quillbase Inc."),
            ],
            "kg.rel.worksFor.title.v1",
        ),
        (
            'Brixo Labs hired Marta Lindqvist in 2020. "We are ready," said CEO and cofounder of Brixo Labs, '
            "Marta Lindqvist.",
            [("Marta Lindqvist", "worksFor", "Brixo Labs")],
            "kg.rel.worksFor.title-fronted.v1",
        ),
        (
            "Tomas Reyes, senior vice president, product, at Orbix Robotics, said the tool ships today.",
            [("Tomas Reyes", "worksFor", "Orbix Robotics")],
            "kg.rel.worksFor.long-title.v1",
        ),
    ],
)
def test_extract_relations_recall2_found(extractor, text, expected, rule):
    found = triples(extract(extractor, text))
    for triple in expected:
        assert triple in found, (triple, sorted(found))
        assert found[triple].rule == rule


def test_extract_relations_recall2_plural_title_takes_the_list_a_singular_one_does_not(extractor):
    found = triples(
        extract(
            extractor,
            "On Monday, Orbix Robotics cofounders Tomas Reyes and Ana Ruiz met investors in Berlin.",
        )
    )
    assert ("Tomas Reyes", "worksFor", "Orbix Robotics") in found, sorted(found)
    assert ("Ana Ruiz", "worksFor", "Orbix Robotics") in found, sorted(found)
    found = triples(
        extract(
            extractor,
            "On Monday, Brixo Labs chief executive Marta Lindqvist and Orbix Robotics founder Tomas Reyes "
            "met in Berlin to discuss chips.",
        )
    )
    assert ("Marta Lindqvist", "worksFor", "Brixo Labs") in found, sorted(found)
    assert ("Tomas Reyes", "worksFor", "Brixo Labs") not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        (
            # a relative clause on a list of names is about the nearest one
            "Executives met the startups Anthropic and OpenAI, which created ChatGPT.",
            ("ChatGPT", "developedBy", "Anthropic"),
            ("ChatGPT", "developedBy", "OpenAI"),
        ),
        (
            # "its own ChatGPT" is a figure of speech: the gazetteer knows ChatGPT's maker
            "Brixo Labs already has its own ChatGPT, and Orbix Robotics wants one too.",
            ("ChatGPT", "developedBy", "Brixo Labs"),
            None,
        ),
        (
            # a long title stops at a verb: no employer is read across a clause
            "Tomas Reyes, senior vice president, who joined last year, spoke at Orbix Robotics on Monday.",
            ("Tomas Reyes", "worksFor", "Orbix Robotics"),
            None,
        ),
    ],
)
def test_extract_relations_recall2_precision(extractor, text, absent, present):
    found = triples(extract(extractor, text))
    assert absent not in found, sorted(found)
    if present is not None:
        assert present in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "noun", "product"),
    [
        (
            "Brixo Labs launched Zephyra, a chatbot for lawyers, in 2021. Last week the company shuttered "
            "the project after heavy losses.",
            "project",
            "Zephyra",
        ),
        (
            "Orbix Robotics released Quillcode, its coding assistant, in March. This tool is free for "
            "students.",
            "tool",
            "Quillcode",
        ),
        ("Orbix Robotics sells robots. The platform is free for students.", "platform", None),
        (
            "Brixo Labs launched Zephyra, a chatbot for lawyers. The app store rejected a rival tool.",
            "app",
            None,
        ),
    ],
)
def test_extract_relations_recall2_product_anaphor(extractor, text, noun, product):
    from kg.extract.anaphora import product_antecedent

    sdoc, _ctx, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    tok = next(t for t in sdoc if t.lower_ == noun)
    ref = product_antecedent(table, tok)
    if product is None:
        assert ref is None
    else:
        assert ref is not None and table.entities[ref.key].name == product
        assert ref.anaphor and ref.end == tok.i + 1


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Marta Lindqvist, formerly an engineer at Brixo Labs, now runs a bakery.",
            ("Marta Lindqvist", "worksFor", "Brixo Labs"),
        ),
        (
            "Tomas Reyes, formerly vice president, sales, at Orbix Robotics, said the tool ships today.",
            ("Tomas Reyes", "worksFor", "Orbix Robotics"),
        ),
    ],
)
def test_extract_relations_recall2_formerly_marks_former(extractor, text, triple):
    found = triples(extract(extractor, text))
    assert triple in found, sorted(found)
    assert found[triple].former


# --- round 2: classes from the audit of fresh articles ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Orvo Inc. makes tools. One of Orvo Inc.'s key competitors in the market is Quent Labs, "
            "which raised $20 million. Another competitor is cloud-based device management provider, Zetta "
            "Labs, which sells to schools.",
            [("Orvo Inc.", "competesWith", "Quent Labs")],
            "kg.rel.competesWith.copula.v1",
        ),
        (
            "Orvo Inc. makes tools. One of Orvo Inc.'s key competitors in the market is Quent Labs, "
            "which raised $20 million. Another competitor is cloud-based device management provider, Zetta "
            "Labs, which sells to schools.",
            [("Orvo Inc.", "competesWith", "Zetta Labs")],
            "kg.rel.competesWith.copula-another.v1",
        ),
        (
            "Zorblab Inc. makes tools. Its main competitor is Vexo Labs. Two of the company's main rivals in "
            "the space are Checko AI and Sterlo Inc.",
            [
                ("Zorblab Inc.", "competesWith", "Vexo Labs"),
                ("Zorblab Inc.", "competesWith", "Checko AI"),
                ("Zorblab Inc.", "competesWith", "Sterlo Inc."),
            ],
            "kg.rel.competesWith.copula.v1",
        ),
        (
            "Founded in 2006 by Maria Lopez, John Baker and Susan Kim, Zentrik Labs sells robots.",
            [
                ("Maria Lopez", "worksFor", "Zentrik Labs"),
                ("John Baker", "worksFor", "Zentrik Labs"),
                ("Susan Kim", "worksFor", "Zentrik Labs"),
            ],
            "kg.rel.worksFor.founded-list.v1",
        ),
        (
            "Founded in 2021 by Maria Lopez (former VP of data at Paymo) and John Baker (former head of ML "
            "at Wix), the team at Qwell Labs claims to have changed the field.",
            [("Maria Lopez", "worksFor", "Qwell Labs"), ("John Baker", "worksFor", "Qwell Labs")],
            "kg.rel.worksFor.founded-list.v1",
        ),
        (
            "Rules matter, says Tessa Ruiz, an engineer at startup Zentrik Labs.",
            [("Tessa Ruiz", "worksFor", "Zentrik Labs")],
            "kg.rel.worksFor.appositive.v1",
        ),
        (
            "Zentrik Labs sells tools to banks. Its Clipwise video editor is popular with creators.",
            [("Clipwise", "developedBy", "Zentrik Labs")],
            "kg.rel.developedBy.possessive.v1",
        ),
        (
            "Zentrik Labs, for instance, offers the Vertex Matching Engine, which helps power their Autoflow "
            "product.",
            [("Autoflow", "developedBy", "Zentrik Labs")],
            "kg.rel.developedBy.possessive.v1",
        ),
        (
            # "the giant" is the subject of the main clause, not the startup named in between
            "Zentor Inc. is to invest up to $4bn in the startup Quillo, which has built a rival to Chatbox "
            "called Clod, as the Seattle giant seeks to keep pace with rivals including Orca and Vantis.",
            [("Zentor Inc.", "competesWith", "Orca"), ("Zentor Inc.", "competesWith", "Vantis")],
            "kg.rel.competesWith.like.v1",
        ),
        (
            # "the lab" is the organization named so, never the media outlet the company spoke to
            "Acme Robotics opened its Vision Lab in Oslo last year, the company told VentureBeat. The lab is "
            "located in Bergen, he said.",
            [("Vision Lab", "locatedIn", "Bergen")],
            "kg.rel.locatedIn.participle.v1",
        ),
    ],
)
def test_extract_relations_recall2_round2_found(extractor, text, expected, rule):
    found = triples(extract(extractor, text))
    for triple in expected:
        assert triple in found, (triple, sorted(found))
        assert found[triple].rule == rule


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Zentor Inc. is to invest up to $4bn in the startup Quillo, which has built a rival to Chatbox "
            "called Clod, as the Seattle giant seeks to keep pace with rivals including Orca and Vantis.",
            ("Quillo", "competesWith", "Orca"),
        ),
        (
            "Acme Robotics opened its Vision Lab in Oslo last year, the company told VentureBeat. The lab is "
            "located in Bergen, he said.",
            ("VentureBeat", "locatedIn", "Bergen"),
        ),
        (
            # the examples after "and others like" are not the possessor's
            "Video tools such as Plexa Labs' Make-A-Clip and others like the Dallo app are spreading.",
            ("Dallo", "developedBy", "Plexa Labs"),
        ),
        (
            # a list read as an apposition: each possessor keeps its own product
            "Demand is fuelled by tools such as Zorblab's Quill Video app, Plexa's Tunesmith app and others.",
            ("Tunesmith", "developedBy", "Zorblab"),
        ),
        (
            "Orvo Inc. makes tools. Its main competitor is not Vexo Labs.",
            ("Orvo Inc.", "competesWith", "Vexo Labs"),
        ),
        (
            # "their" after a plural subject belongs to the users
            "Acme Corp lets customers connect their Quillo app.",
            ("Quillo", "developedBy", "Acme Corp"),
        ),
    ],
)
def test_extract_relations_recall2_round2_precision(extractor, text, absent):
    found = triples(extract(extractor, text))
    assert absent not in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "triple", "rule"),
    [
        (
            "Maria Lopez, Zentrik Labs' other co-founder, said the tool ships today.",
            ("Maria Lopez", "worksFor", "Zentrik Labs"),
            "kg.rel.worksFor.appositive.v1",
        ),
        (
            "John Baker, who sold his first company, now leads a startup called Qwellium.",
            ("John Baker", "worksFor", "Qwellium"),
            "kg.rel.worksFor.leads-named.v1",
        ),
        (
            "Maria Lopez's company, Zentrik Labs, sells robots.",
            ("Maria Lopez", "worksFor", "Zentrik Labs"),
            "kg.rel.worksFor.person-company.v1",
        ),
        (
            "The demo builds on Zentrik Labs' work on Quillform, its physics engine.",
            ("Quillform", "developedBy", "Zentrik Labs"),
            "kg.rel.developedBy.work-on.v1",
        ),
    ],
)
def test_extract_relations_recall2_round2_people_and_work(extractor, text, triple, rule):
    found = triples(extract(extractor, text))
    assert triple in found, sorted(found)
    assert found[triple].rule == rule


def test_extract_relations_recall2_round2_past_lead_is_former(extractor):
    found = triples(extract(extractor, "John Baker ran a company called Qwellium until 2019."))
    assert found[("John Baker", "worksFor", "Qwellium")].former


def test_extract_relations_recall2_round2_no_work_on_a_topic(extractor):
    found = triples(extract(extractor, "Zentrik Labs' work on safety impressed Orvo Labs."))
    assert not [t for t in found if t[1] == "developedBy"], sorted(found)


def test_extract_relations_recall2_round2_unit_at_organization(extractor):
    found = triples(
        extract(
            extractor, "It helps, said Claire Lee, head of the Media Trust Program at the Partnership on AI."
        )
    )
    assert ("Claire Lee", "worksFor", "Partnership on AI") in found, sorted(found)
    assert ("Claire Lee", "worksFor", "Media Trust Program") not in found, sorted(found)
