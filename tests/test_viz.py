"""kg.viz without a browser: one self-contained, safe, deterministic page; and the explore commands."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
import typer
from typer.testing import CliRunner

from kg import network, viz
from kg.commands import explore
from tests.conftest import ROOT
from tests.fixtures.explore.synthetic import synthetic_network

FIXTURE = ROOT / "tests" / "fixtures" / "explore" / "graph.trig"
PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<iframe", "<svg onload")


class Page(HTMLParser):
    """The tags, attributes and inline script bodies of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    return network.to_networkx(ds)


@pytest.fixture(scope="module")
def page_text(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> str:
    return viz.render_html(G, tmp_path_factory.mktemp("viz") / "graph.html").read_text(encoding="utf-8")


def embedded(text: str) -> dict[str, Any]:
    (body,) = [b for a, b in Page(text).scripts if a.get("type") == "application/json"]
    data: dict[str, Any] = json.loads(body)
    return data


def test_viz_page_is_self_contained(page_text: str) -> None:
    page = Page(page_text)
    for tag, attrs in page.tags:
        assert "src" not in attrs, f"<{tag}> loads {attrs['src']}"
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "audio", "video", "source")
        assert tag != "a", "links are made at run time from checked URLs only"
    assert not re.search(r"@import|url\((?!\s*[\"']?data:)", page_text.split("<script")[0])
    inline = [b for a, b in page.scripts if "type" not in a]
    assert len(inline) == 2
    assert "@license" in inline[0] and "vis-network" in inline[0]  # vis-network's header is kept


def test_viz_csp_forbids_network_and_allows_only_our_scripts(page_text: str) -> None:
    page = Page(page_text)
    (policy,) = [a["content"] for t, a in page.tags
                 if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert policy is not None
    rules = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'none'"
    assert rules["img-src"] == "data:" and rules["style-src"] == "'unsafe-inline'"
    assert "'unsafe-inline'" not in rules["script-src"] and "'unsafe-eval'" not in rules["script-src"]
    for attrs, body in page.scripts:
        if "type" not in attrs:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in rules["script-src"]
    assert page_text.index("Content-Security-Policy") < page_text.index("<script")


def test_viz_article_text_never_appears_as_markup(page_text: str) -> None:
    for payload in PAYLOADS:
        assert payload not in page_text
    data = embedded(page_text)
    labels = {n["label"] for n in data["nodes"]}
    assert {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>"} <= labels  # kept, as data


def test_viz_only_http_urls_reach_the_page(page_text: str) -> None:
    data = embedded(page_text)
    urls = [r["url"] for n in data["nodes"] for r in n["ev"] + n["src"]]
    urls += [r["url"] for e in data["edges"] for r in e.get("ev", [])]
    assert None in urls  # the javascript: source is there, without its URL
    assert all(u is None or u.startswith("https://") for u in urls)


def test_viz_data_matches_the_graph(G: nx.MultiDiGraph, page_text: str) -> None:
    data = embedded(page_text)
    assert len(data["nodes"]) == G.number_of_nodes() == 21
    assert len(data["edges"]) == G.number_of_edges()
    assert data["meta"]["overview"] == 0 and data["meta"]["focus"] is None
    nimbus = next(n for n in data["nodes"] if n["label"] == "Nimbus Labs")
    assert nimbus["rank"] == 0 and nimbus["size"] == max(n["size"] for n in data["nodes"])
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
    acquisition = next(n for n in data["nodes"] if n["cls"] == "Acquisition")
    assert (acquisition["d0"], acquisition["d1"]) == ("2026-02-01", "2026-02-31")
    assert data["meta"]["date_min"] == "2025-11-01"
    assert set(data["meta"]["kinds"]) == {"Organization", "Person", "Product", "Place", "Event"}
    assert len({k["shape"] for k in data["meta"]["kinds"].values()}) == 5


def test_viz_output_is_byte_for_byte_deterministic(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    first = viz.render_html(G, tmp_path / "a.html").read_bytes()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    assert viz.render_html(ds, tmp_path / "b.html").read_bytes() == first
    assert not list(tmp_path.glob(".*"))


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!-- x -->", "a & b", "line\u2028sep\u2029end",
     "\"quoted\" 'single'"],
)
def test_viz_json_for_script_escapes_what_html_would_read(value: str) -> None:
    text = viz.json_for_script({"v": value, "list": [value]})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"v": value, "list": [value]}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?b=1#c", "https://example.com/a?b=1#c"),
        ("HTTP://EXAMPLE.COM/", "HTTP://EXAMPLE.COM/"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//example.com/x", None),
        ("/relative/path", None),
        ("https://exa mple.com", None),
        ("https://", None),
        (None, None),
    ],
)
def test_viz_safe_url_allows_only_http(url: str | None, expected: str | None) -> None:
    assert viz.safe_url(url) == expected


def test_viz_focus_keeps_the_neighbourhood(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    data = viz.page_data(G, focus="pixelforge", hops=1)
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {"Pixelforge", "Forge Studio", "Berlin", "Corvid AI acquires Pixelforge"}
    centre = next(n for n in data["nodes"] if n["i"] == data["meta"]["focus"])
    assert centre["label"] == "Pixelforge"
    assert len(viz.page_data(G, focus="pixelforge", hops=2)["nodes"]) > len(labels)
    text = viz.render_html(G, tmp_path / "focus.html", focus="Pixelforge", hops=1).read_text(encoding="utf-8")
    assert "<title>kg · Pixelforge and 1 hop around it</title>" in text


def test_viz_focus_title_is_escaped(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    page = viz.render_html(G, tmp_path / "x.html", focus="<script>alert(1)</script>")
    text = page.read_text(encoding="utf-8")
    assert "<title>kg · &lt;script&gt;alert(1)&lt;/script&gt; and 2 hops around it</title>" in text


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"focus": "Nobody Here"}, network.EntityNotFound),
    ({"hops": -1, "focus": "Nimbus"}, viz.VizError),
    ({"max_nodes": 0}, viz.VizError),
])
def test_viz_bad_arguments_raise_typed_errors(G: nx.MultiDiGraph, kwargs: dict[str, Any],
                                              error: type) -> None:
    with pytest.raises(error):
        viz.page_data(G, **kwargs)


@pytest.fixture(scope="module")
def big() -> nx.MultiDiGraph:
    return synthetic_network(2000)


def test_viz_large_graph_opens_on_an_overview(big: nx.MultiDiGraph) -> None:
    data = viz.page_data(big, max_nodes=1500)
    assert len(data["nodes"]) == 2000
    assert data["meta"]["overview"] == viz.OVERVIEW_NODES
    in_overview = [n for n in data["nodes"] if "ox" in n]
    assert sorted(n["rank"] for n in in_overview) == list(range(viz.OVERVIEW_NODES))
    assert data["meta"]["communities"] and data["meta"]["communities"][0]["size"] >= 2
    assert viz.page_data(big, max_nodes=5000)["meta"]["overview"] == 0


def test_viz_embed_limit_keeps_the_most_central(big: nx.MultiDiGraph) -> None:
    data = viz.page_data(big, embed_limit=400)
    assert len(data["nodes"]) == 400 and data["meta"]["truncated"] is True
    assert data["meta"]["total_nodes"] == 2000
    ids = {n["i"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])


def test_viz_layout_separates_components() -> None:
    H = nx.Graph([(1, 2), (2, 3), (10, 11), (20, 21)])
    H.add_node(99)
    pos = viz.layout(H)
    assert set(pos) == set(H)
    assert len({(round(x), round(y)) for x, y in pos.values()}) == len(H)


# --- the commands ----------------------------------------------------------------------------

runner = CliRunner()


def kg(*args: str) -> tuple[int, str]:
    app = typer.Typer()
    explore.register(app)
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_viz_command_writes_the_page(tmp_path: Path) -> None:
    code, text = kg("viz", "--data", str(FIXTURE), "--out", str(tmp_path / "g.html"), "--focus", "Corvid AI")
    assert code == 0, text
    assert "wrote" in text
    data = embedded((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data["meta"]["focus"] is not None


def test_viz_command_reads_a_build_folder(tmp_path: Path) -> None:
    (tmp_path / "graph.trig").write_bytes(FIXTURE.read_bytes())
    code, text = kg("analyze", "--data", str(tmp_path), "--json", "--graphml", str(tmp_path / "g.graphml"))
    assert code == 0, text
    result = json.loads(text)
    assert result["nodes"] == 21 and result["communities"] == 6
    assert result["top"]["pagerank"][0]["label"] == "Nimbus Labs"
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == 21


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("analyze",), 0, "Nimbus Labs"),
        (("path", "Helix Ventures", "Lee Marsh"), 0, "Corvid AI <--works for-- Lee Marsh"),
        (("path", "Nimbus", "Example News"), 1, "not connected"),
        (("path", "Nimbus Lab", "Lee Marsh"), 2, "close matches: Nimbus Labs"),
        (("timeline", "corvid"), 0, "undated     Departure"),
        (("timeline", "Berlin"), 0, "no events involve Berlin"),
    ],
)
def test_viz_explore_commands(args: tuple[str, ...], code: int, needle: str) -> None:
    got, text = kg(*args, "--data", str(FIXTURE))
    assert got == code, text
    assert needle in text


def test_viz_timeline_json_is_in_date_order() -> None:
    code, text = kg("timeline", "Nimbus Labs", "--data", str(FIXTURE), "--json")
    assert code == 0, text
    assert [e["type"] for e in json.loads(text)] == ["Investment", "Launch", "Appointment"]


def test_viz_command_falls_back_to_the_embedded_store(tmp_path: Path) -> None:
    from kg.store import open_store, replace_graphs

    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    store = open_store(tmp_path / ".kg" / "store")
    replace_graphs(store, ds)
    del store  # release the store's lock before the command opens it
    code, text = kg("analyze", "--data", str(tmp_path), "--json")
    assert code == 0, text
    assert json.loads(text)["nodes"] == 21  # quarantine still left out


def test_viz_command_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    code, text = kg("viz", "--data", str(tmp_path / "nope"))
    assert code == 2
    assert "nope" in text
    code, text = kg("viz", "--data", str(tmp_path))
    assert code == 2 and "kg build" in text


def test_viz_empty_graph_still_makes_a_page(tmp_path: Path) -> None:
    text = viz.render_html(rdflib.Dataset(), tmp_path / "empty.html").read_text(encoding="utf-8")
    data = embedded(text)
    assert data["nodes"] == [] and data["edges"] == [] and data["meta"]["date_min"] is None
