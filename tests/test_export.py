"""Exports read back by the tools that will use them, and the analyze/export commands.

GraphML is read by networkx and python-igraph, GEXF is validated against the official
GEXF 1.3 schema, CSV headers are Gephi's, RDF files re-parse to the same triples, and
pictures are real PNG/SVG files. Data: tests/data/tiny.trig and network.trig (see
test_analysis.py for what they hold).
"""

from __future__ import annotations

import csv
import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import igraph
import networkx as nx
import pytest
import rdflib
from lxml import etree

from anhui_kg import analysis as A
from anhui_kg import export as ex
from anhui_kg import plot
from anhui_kg.errors import UnknownQuery
from anhui_kg.store import open_store

DATA = Path(__file__).parent / "data"
GEXF_XSD = DATA / "schemas" / "gexf-1.3" / "gexf.xsd"
G13 = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _name(graph) -> str:
    """A quad's graph as a string (rdflib yields a Graph or its identifier)."""
    return str(getattr(graph, "identifier", graph))


def quads_of(ds: rdflib.Dataset) -> set:
    return {(s, p, o, _name(g)) for s, p, o, g in ds.quads((None, None, None, None))
            if _name(g) != "urn:x-rdflib:default"}


def quads(store) -> set:
    return quads_of(store.dataset())


# -- GraphML -------------------------------------------------------------------------

def test_graphml_reads_back_in_networkx(network, tmp_path):
    G = A.partnership_graph(network)
    path = ex.write_graphml(G, tmp_path / "g.graphml")
    back = nx.read_graphml(path)
    assert sorted(back.nodes) == sorted(G.nodes)
    assert {tuple(sorted(e)) for e in back.edges} == {tuple(sorted(e)) for e in G.edges}
    assert back.nodes["zeta-fund"]["label"] == "Zeta Fund"
    assert back.nodes["zeta-fund"]["type"] == "Fund"
    de = back.edges["delta-auto", "epsilon-energy"]
    assert de["weight"] == 3
    assert de["kinds"] == "framework_agreement; joint_venture; supply"
    assert de["first"] == "2019-01-01"
    assert back.edges["alpha-ev", "beta-battery"]["ended"] == "2023-06-30"
    # None is left out, never written as "None".
    assert "first" not in back.edges["epsilon-power", "zeta-fund"]
    for _, data in back.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) and v != "None" for v in data.values())
    for _, _, data in back.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) and v != "None" for v in data.values())


def test_graphml_reads_back_in_igraph(network, tmp_path):
    G = A.partnership_graph(network, fold_subsidiaries=True)
    path = ex.write_graphml(G, tmp_path / "g.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == 6 and g.ecount() == 7
    labels = dict(zip(g.vs["id"], g.vs["label"]))
    assert labels["alpha-motors"] == "Alpha Motors"
    assert labels["epsilon-energy"] == "Epsilon Energy"
    weights = {frozenset((g.vs[e.source]["id"], g.vs[e.target]["id"])): e["weight"] for e in g.es}
    assert weights[frozenset(("alpha-motors", "beta-battery"))] == 2
    assert weights[frozenset(("epsilon-energy", "zeta-fund"))] == 2
    assert sum(weights.values()) == 11
    # the folded members travel as a joined string
    assert dict(zip(g.vs["id"], g.vs["members"]))["alpha-motors"] == "alpha-ev"


def test_graphml_keys_are_declared_and_typed(network, tmp_path):
    path = ex.write_graphml(A.partnership_graph(network), tmp_path / "g.graphml")
    root = etree.parse(str(path)).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert keys
    names = {}
    for key in keys:
        assert key.get("for") in ("node", "edge")
        assert key.get("attr.type") in ("string", "int", "long", "double", "float", "boolean")
        names[(key.get("for"), key.get("attr.name"))] = key.get("attr.type")
    # one declaration per attribute name, with the right type
    assert len(names) == len(keys)
    assert names[("edge", "weight")] in ("int", "long")
    assert names[("edge", "kinds")] == "string"
    assert names[("node", "label")] == "string"
    label_key = next(k.get("id") for k in keys if k.get("attr.name") == "label")
    for node in root.iter(f"{GRAPHML}node"):
        assert node.find(f"{GRAPHML}data[@key='{label_key}']") is not None


def test_gephi_safe_unifies_types_and_fills_defaults():
    G = nx.Graph()
    G.add_node("a", score=1, note=None, tags={"y", "x"})
    G.add_node("b", score=2.5, tags=["z"])
    G.add_node("c", score="high")
    G.add_edge("a", "b", share=1)
    G.add_edge("b", "c", share=0.5)
    H = ex.gephi_safe(G)
    assert [H.nodes[n]["score"] for n in "abc"] == ["1", "2.5", "high"]  # mixed -> str
    assert H.nodes["a"]["tags"] == "x; y"
    assert "note" not in H.nodes["a"]
    assert H.nodes["c"]["label"] == "c"
    assert [H.edges[e]["share"] for e in [("a", "b"), ("b", "c")]] == [1.0, 0.5]  # int+float -> float
    assert all(d["weight"] == 1 for _, _, d in H.edges(data=True))


# -- GEXF ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gexf_schema():
    return etree.XMLSchema(etree.parse(str(GEXF_XSD)))


@pytest.mark.parametrize("fold", [False, True])
def test_gexf_validates_against_the_1_3_schema(network, tmp_path, gexf_schema, fold):
    path = ex.write_gexf(network, tmp_path / "g.gexf", fold_subsidiaries=fold)
    doc = etree.parse(str(path))
    assert gexf_schema.validate(doc), gexf_schema.error_log
    root = doc.getroot()
    assert root.tag == f"{G13}gexf" and root.get("version") == "1.3"
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").startswith("http://gexf.net/1.3 ")
    graph = root.find(f"{G13}graph")
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert "name" not in graph.attrib


def test_gexf_start_and_end(network, tmp_path):
    doc = etree.parse(str(ex.write_gexf(network, tmp_path / "g.gexf")))
    nodes = {n.get("id"): n for n in doc.iter(f"{G13}node")}
    assert len(nodes) == 8
    assert (nodes["delta-auto"].get("start"), nodes["delta-auto"].get("end")) == ("2019-01-01", None)
    assert (nodes["alpha-ev"].get("start"), nodes["alpha-ev"].get("end")) == ("2022-07-01", "2023-06-30")
    assert nodes["epsilon-power"].get("start") is None  # only an undated deal: always there
    assert nodes["zeta-fund"].get("label") == "Zeta Fund"
    edges = {frozenset((e.get("source"), e.get("target"))): e for e in doc.iter(f"{G13}edge")}
    assert len(edges) == 9
    de = edges[frozenset(("delta-auto", "epsilon-energy"))]
    # one of its deals ended in 2020, two are open: the edge stays open
    assert (de.get("start"), de.get("end"), de.get("weight")) == ("2019-01-01", None, "3.0")
    aev = edges[frozenset(("alpha-ev", "beta-battery"))]
    assert (aev.get("start"), aev.get("end")) == ("2022-07-01", "2023-06-30")
    # attributes: type on nodes, kinds on edges
    titles = {(a.getparent().get("class"), a.get("title")): a.get("id") for a in doc.iter(f"{G13}attribute")}
    type_id = titles[("node", "type")]
    kinds_id = titles[("edge", "kinds")]
    zeta_type = nodes["zeta-fund"].find(f"{G13}attvalues/{G13}attvalue[@for='{type_id}']")
    assert zeta_type.get("value") == "Fund"
    de_kinds = de.find(f"{G13}attvalues/{G13}attvalue[@for='{kinds_id}']")
    assert de_kinds.get("value") == "framework_agreement; joint_venture; supply"


def test_gexf_of_tiny_validates(tiny, tmp_path, gexf_schema):
    doc = etree.parse(str(ex.write_gexf(tiny, tmp_path / "t.gexf")))
    assert gexf_schema.validate(doc), gexf_schema.error_log
    starts = sorted(e.get("start") for e in doc.iter(f"{G13}edge"))
    assert starts == ["2021-03-01", "2022-01-01", "2023-09-01"]


# -- CSV -----------------------------------------------------------------------------

def test_csv_for_gephi(network, tmp_path):
    G = A.partnership_graph(network)
    nodes_path, edges_path = ex.write_csv(G, tmp_path / "nodes.csv", tmp_path / "edges.csv")
    with nodes_path.open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with edges_path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames
        edges = list(reader)
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert header[:5] == ["Source", "Target", "Type", "Weight", "Label"]
    assert len(nodes) == 8 and len(edges) == 9
    zeta = next(n for n in nodes if n["Id"] == "zeta-fund")
    assert (zeta["Label"], zeta["type"], zeta["deals"]) == ("Zeta Fund", "Fund", "2")
    de = next(e for e in edges if {e["Source"], e["Target"]} == {"delta-auto", "epsilon-energy"})
    assert (de["Type"], de["Weight"], de["first"]) == ("Undirected", "3", "2019-01-01")
    undated = next(e for e in edges if {e["Source"], e["Target"]} == {"epsilon-power", "zeta-fund"})
    assert undated["first"] == "" and undated["Label"] == "licensing"


# -- RDF -----------------------------------------------------------------------------

def test_turtle_is_the_union_graph(network, tmp_path):
    path = ex.write_rdf(network, tmp_path / "g.ttl", "ttl")
    g = rdflib.Graph().parse(path, format="turtle")
    union = {(s, p, o) for s, p, o, _ in quads(network)}
    assert len(g) == len(union)
    assert set(g) == union
    assert "@prefix akg: <https://w3id.org/anhui-kg/ontology#>" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("jsonld", "json-ld")])
def test_named_graph_formats_keep_every_quad(network, tmp_path, fmt, rdflib_format):
    path = ex.write_rdf(network, tmp_path / f"g.{fmt}", fmt)
    ds = rdflib.Dataset()
    ds.parse(path, format=rdflib_format)
    back = quads_of(ds)
    assert back == quads(network)
    assert len(back) == 419


_WRITE_IN_FRESH_PROCESS = """
import sys, rdflib
from anhui_kg import export as ex
from anhui_kg.store import open_store
ds = rdflib.Dataset()
ds.parse(sys.argv[1], format="trig")
store = open_store(None)
store.sync(ds)
ex.write_rdf(store, sys.argv[2], sys.argv[3])
"""


@pytest.mark.parametrize("fmt", ["trig", "jsonld"])
def test_named_graph_formats_are_the_same_file_on_every_run(tmp_path, fmt):
    # graphs and nodes live in hash-ordered sets; a fresh process with another hash seed
    # is what a rebuild is, and it must write the same bytes (exports are committed, diffed)
    written = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"{seed}.{fmt}"
        subprocess.run([sys.executable, "-c", _WRITE_IN_FRESH_PROCESS, str(DATA / "network.trig"), str(out), fmt],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        written.append(out.read_bytes())
    assert written[0] == written[1] == written[2]


def test_jsonld_is_json(tiny, tmp_path):
    data = json.loads(ex.write_rdf(tiny, tmp_path / "t.jsonld", "json-ld").read_text(encoding="utf-8"))
    graphs = {g["@id"] for g in data} if isinstance(data, list) else set()
    assert "https://w3id.org/anhui-kg/document/a.txt" in graphs


def test_unknown_rdf_format(tiny, tmp_path):
    with pytest.raises(UnknownQuery, match="Unknown RDF format 'xml'"):
        ex.write_rdf(tiny, tmp_path / "g.xml", "xml")


# -- pictures ------------------------------------------------------------------------

@pytest.mark.parametrize("color_by", ["community", "type"])
def test_draw_network_png(network, tmp_path, color_by):
    G = A.partnership_graph(network)
    path = plot.draw_network(G, tmp_path / "g.png", title="Test", date_label="all deals", color_by=color_by)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 20_000


def test_draw_network_svg_has_labels_and_is_repeatable(network, tmp_path):
    G = A.partnership_graph(network, fold_subsidiaries=True)
    first = plot.draw_network(G, tmp_path / "a.svg", title="Alliance", date_label="as of 2025-12-31")
    second = plot.draw_network(G, tmp_path / "b.svg", title="Alliance", date_label="as of 2025-12-31")
    text = first.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    for label in ["Delta Auto", "Zeta Fund", "Community 2", "Alliance — as of 2025-12-31"]:
        assert label in text
    assert first.read_bytes() == second.read_bytes()


def test_draw_empty_network_and_bad_suffix(tmp_path):
    path = plot.draw_network(nx.Graph(), tmp_path / "empty.svg", title="Nothing")
    assert "No deals to draw" in path.read_text(encoding="utf-8")
    with pytest.raises(UnknownQuery, match="use a .png or .svg"):
        plot.draw_network(nx.path_graph(2), tmp_path / "g.jpg")


def test_draw_timeline(network, tmp_path):
    png = plot.draw_timeline(network, tmp_path / "t.png")
    assert png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 10_000
    svg = plot.draw_timeline(network, tmp_path / "t.svg").read_text(encoding="utf-8")
    for text in ["2019", "2025", "chip collaboration", "8 dated deals; 1 undated deal(s) not shown"]:
        assert text in svg


# -- everything ----------------------------------------------------------------------

def test_export_all(tiny, tmp_path, gexf_schema):
    written = ex.export_all(tiny, tmp_path / "exports")
    assert [p.name for p in written] == list(ex.EXPORT_FILES)
    assert all(p.parent == tmp_path / "exports" and p.stat().st_size > 200 for p in written)
    assert gexf_schema.validate(etree.parse(str(tmp_path / "exports" / "partnerships.gexf")))
    assert nx.read_graphml(tmp_path / "exports" / "partnerships.graphml").number_of_edges() == 3


# -- the command line ----------------------------------------------------------------

@pytest.fixture
def cli(tmp_path):
    """Run `anhui-kg ...` against a store built from tiny.trig; returns (invoke, store path)."""
    from typer.testing import CliRunner

    from anhui_kg.cli import app

    path = tmp_path / "s"
    store = open_store(path)
    ds = rdflib.Dataset()
    ds.parse(DATA / "tiny.trig", format="trig")
    store.sync(ds)
    del store
    gc.collect()  # release Oxigraph's lock before the command opens the store
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, [*args, "--store", str(path)])
        gc.collect()
        return result

    return invoke


def test_cli_centrality_json(cli):
    result = cli("analyze", "centrality", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["id"], r["partners"], r["betweenness"]) for r in rows] == [
        ("alpha-motors", 2, 0.0), ("beta-battery", 2, 0.0), ("gamma-chips", 2, 0.0),
    ]


def test_cli_centrality_as_of(cli):
    result = cli("analyze", "centrality", "--as-of", "2021", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "id,label,type,partners,deals,degree,betweenness,eigenvector"
    assert [line.split(",")[0] for line in lines[1:] if line] == ["alpha-motors", "beta-battery"]


def test_cli_communities_brokers_evolution(cli):
    result = cli("analyze", "communities", "-f", "json")
    assert json.loads(result.stdout)[0]["size"] == 3
    result = cli("analyze", "brokers", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    result = cli("analyze", "evolution", "-f", "json")
    assert [r["edges"] for r in json.loads(result.stdout)] == [1, 2, 3]


def test_cli_path_uses_names_and_aliases(cli):
    result = cli("analyze", "path", "beta battery", "Gamma", "--as-of", "2022-12", "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["from"], r["to"]) for r in rows] == [("Beta Battery", "Alpha Motors"), ("Alpha Motors", "Gamma Chips")]
    assert rows[0]["evidence"] in {
        "HEFEI, March 27, 2021 — Alpha Motors and Beta Battery signed a joint venture agreement in Hefei.",
        "Beta Battery and Alpha Motors formed a joint venture in March 2021.",
    }


def test_cli_path_without_chain(cli):
    result = cli("analyze", "path", "Alpha Motors", "Gamma Chips", "--as-of", "2021-06")
    assert result.exit_code == 1
    assert "'gamma-chips' has no deals in this network" in result.stderr


def test_cli_partners_over_time(cli):
    result = cli("analyze", "partners-over-time", "gamma", "-f", "json")
    rows = json.loads(result.stdout)
    assert [(r["date"], r["partner"], r["partners_so_far"]) for r in rows] == [
        ("2022", "Alpha Motors", 1), ("2023-late", "Beta Battery", 2),
    ]


def test_cli_unknown_name(cli):
    result = cli("analyze", "partners-over-time", "Alpha Motor")
    assert result.exit_code == 1
    assert "No entity is called 'Alpha Motor'. Did you mean: Alpha Motors" in result.stderr


def test_cli_bad_date(cli):
    result = cli("analyze", "brokers", "--as-of", "soon")
    assert result.exit_code == 1
    assert "'soon' is not a date" in result.stderr


def test_cli_empty_store(tmp_path):
    from typer.testing import CliRunner

    from anhui_kg.cli import app

    missing = tmp_path / "nothing"
    result = CliRunner().invoke(app, ["analyze", "centrality", "--store", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: The store at {missing} is empty. Run `anhui-kg build` first."
    assert not missing.exists()  # looking did not create a store


def test_cli_export_formats(cli, tmp_path, gexf_schema):
    out = tmp_path / "out"
    result = cli("export", "gexf", str(out / "a.gexf"))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Wrote {out / 'a.gexf'}"
    assert gexf_schema.validate(etree.parse(str(out / "a.gexf")))
    result = cli("export", "graphml", str(out / "a.graphml"), "--as-of", "2022-06")
    assert nx.read_graphml(out / "a.graphml").number_of_edges() == 2
    result = cli("export", "csv", str(out / "csv"))
    assert sorted(p.name for p in (out / "csv").iterdir()) == ["edges.csv", "nodes.csv"]
    result = cli("export", "ttl", str(out / "g.ttl"))
    assert len(rdflib.Graph().parse(out / "g.ttl")) > 100
    result = cli("export", "svg", str(out / "g.svg"))
    assert "Alpha Motors" in (out / "g.svg").read_text(encoding="utf-8")


def test_cli_export_all(cli, tmp_path):
    result = cli("export", "all", str(tmp_path / "everything"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "everything").iterdir()) == sorted(ex.EXPORT_FILES)
    assert len(result.stdout.splitlines()) == len(ex.EXPORT_FILES)
