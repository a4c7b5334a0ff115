"""Round 10 name spans: a known name + words the text also writes in lower case, repeated as one run."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Brelvik said its plug-in builds on Microsoft Word. "
            "Writers keep a word count in Microsoft Word too.",
            "Microsoft Word",
        ),
        (
            "Cars from Quorvane run on Nvidia Drive, and drive themselves. Nvidia Drive ships this year.",
            "Nvidia Drive",
        ),
    ],
)
def test_extract_names10_repeated_known_prefix_run_is_a_name(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    "text",
    [
        "Oracle Cloud is growing fast, Oracle said on Monday, and the cloud unit hired more staff.",
        "Artists sketched it in Microsoft Paint, and a paint palette showed the colours.",
    ],
)
def test_extract_names10_single_known_prefix_run_stays_the_known_name(extractor, text: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert not any(" " in n and n.split()[0] in ("Oracle", "Microsoft") for n in found), found
