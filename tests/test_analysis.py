"""Analysis on graphs small enough to check by hand.

tiny.trig: Alpha Motors -- Beta Battery (JV 2021-03), Gamma Chips -> Alpha Motors (supply
2022), Beta Battery -> Gamma Chips (investment 2023-late): a triangle.

network.trig (see its header): the same triangle plus Alpha EV (a brand of Alpha Motors)
-- Beta Battery (2022-07 .. 2023-06), a bridge Gamma Chips -- Delta Auto (2024-05), and a
second cluster Delta Auto -- Epsilon Energy (supply 2019 .. 2020-12, JV 2024-06-15 told
by two articles, framework 2025-Q1 with Zeta Fund), Epsilon Power (subsidiary of Epsilon
Energy) -- Zeta Fund (undated licensing), and a denied Zeta Fund / Alpha Motors deal.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from anhui_kg import analysis as A
from anhui_kg.errors import UnknownQuery
from anhui_kg.store import open_store

DATA = Path(__file__).parent / "data"

AM, BB, GC, DA, EE, ZF, AEV, EP = (
    "alpha-motors", "beta-battery", "gamma-chips", "delta-auto",
    "epsilon-energy", "zeta-fund", "alpha-ev", "epsilon-power",
)
JV21 = "alpha-motors-beta-battery-joint-venture-2021-03"
SUP22 = "gamma-chips-alpha-motors-supply-2022"
INV23 = "beta-battery-gamma-chips-investment-2023-late"


def edges(G: nx.Graph) -> set[tuple[str, str, int]]:
    return {(*sorted((u, v)), w) for u, v, w in G.edges(data="weight")}


# -- every .rq file of this stage has its header -------------------------------------

def test_projection_queries_have_headers():
    names = ["deals", "evidence", "entities", "names", "ownership", "people"]
    for name in names:
        lines = A.projection_query(name).splitlines()
        assert lines[0].startswith("# Question: ")
        assert any(line.startswith("# Parameters: ") for line in lines[:6])
        assert any(line.startswith("# Returns: ") for line in lines[:8])


# -- tiny.trig -----------------------------------------------------------------------

def test_tiny_partnership_graph(tiny):
    G = A.partnership_graph(tiny)
    assert sorted(G.nodes) == [AM, BB, GC]
    assert edges(G) == {(AM, BB, 1), (AM, GC, 1), (BB, GC, 1)}
    assert G.nodes[AM] == {
        "label": "Alpha Motors", "type": "Company",
        "iri": "https://w3id.org/anhui-kg/entity/alpha-motors",
        "deals": 2, "first": "2021-03-01", "ended": None,
    }
    jv = G.edges[AM, BB]
    # The JV is asserted in both article graphs: one deal, two evidence sentences.
    assert jv["deals"] == [JV21]
    assert jv["evidence"] == 2
    assert jv["kinds"] == ["joint_venture"]
    assert (jv["first"], jv["last"], jv["ended"]) == ("2021-03-01", "2021-03-31", None)
    assert G.edges[BB, GC]["first"] == "2023-09-01"
    assert G.edges[AM, GC]["sentence"] == "Gamma Chips will supply chips to Alpha Motors from 2022."


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2021, 2, 28), set()),
        (date(2021, 3, 1), {(AM, BB, 1)}),  # the JV may have been signed on its earliest day
        (date(2022, 6, 30), {(AM, BB, 1), (AM, GC, 1)}),
        (date(2023, 8, 31), {(AM, BB, 1), (AM, GC, 1)}),
        (date(2023, 9, 1), {(AM, BB, 1), (AM, GC, 1), (BB, GC, 1)}),
    ],
)
def test_tiny_as_of(tiny, as_of, expected):
    assert edges(A.partnership_graph(tiny, as_of=as_of)) == expected


def test_tiny_measures(tiny):
    G = A.partnership_graph(tiny)
    rows = A.centrality(G)
    third = round(1 / math.sqrt(3), 6)
    assert [(r["label"], r["partners"], r["deals"], r["degree"], r["betweenness"], r["eigenvector"])
            for r in rows] == [
        ("Alpha Motors", 2, 2, 1.0, 0.0, third),
        ("Beta Battery", 2, 2, 1.0, 0.0, third),
        ("Gamma Chips", 2, 2, 1.0, 0.0, third),
    ]
    assert A.communities(G) == [{
        "community": 1, "size": 3, "ids": [AM, BB, GC],
        "members": ["Alpha Motors", "Beta Battery", "Gamma Chips"],
    }]
    assert A.brokers(G) == []


def test_tiny_path_is_one_hop_with_evidence(tiny):
    G = A.partnership_graph(tiny)
    assert A.path(G, "gamma chips", "alpha-motors") == [{
        "step": 1, "from": "Gamma Chips", "to": "Alpha Motors",
        "from_id": GC, "to_id": AM, "deals": [SUP22], "kinds": ["supply"],
        "first": "2022-01-01",
        "evidence": "Gamma Chips will supply chips to Alpha Motors from 2022.",
    }]


def test_tiny_evolution(tiny):
    rows = A.evolution(tiny)
    assert [(r["year"], r["nodes"], r["edges"], r["density"], r["largest_component"], r["new_partners"])
            for r in rows] == [
        (2021, 2, 1, 1.0, 2, ["Alpha Motors -- Beta Battery"]),
        (2022, 3, 2, 0.666667, 3, ["Alpha Motors -- Gamma Chips"]),
        (2023, 3, 3, 1.0, 3, ["Beta Battery -- Gamma Chips"]),
    ]


def test_tiny_people_and_bipartite(tiny):
    P = A.people_graph(tiny)
    assert sorted(P.edges(data="roles")) == [("zhang-wei", AM, ["chairman_of"])]
    assert P.nodes["zhang-wei"]["type"] == "Person"
    B = A.bipartite_graph(tiny)
    deals = sorted(n for n, b in B.nodes(data="bipartite") if b == 1)
    assert deals == sorted([JV21, SUP22, INV23])
    assert B.edges[GC, SUP22]["role"] == "supplier"
    assert B.edges[AM, SUP22]["role"] == "customer"
    assert B.edges[AM, JV21]["role"] == "party"
    assert B.nodes[INV23]["label"] == "investment 2023-late"
    assert nx.is_bipartite(B)


# -- network.trig --------------------------------------------------------------------

NETWORK_EDGES = {
    (AM, BB, 1), (AM, GC, 1), (BB, GC, 1), (AEV, BB, 1), (DA, GC, 1),
    (DA, EE, 3), (DA, ZF, 1), (EE, ZF, 1), (EP, ZF, 1),
}


def test_network_graph_drops_denied_and_keeps_undated(network):
    G = A.partnership_graph(network)
    # The denied Zeta Fund / Alpha Motors acquisition draws no edge.
    assert edges(G) == NETWORK_EDGES
    de = G.edges[DA, EE]
    assert de["kinds"] == ["framework_agreement", "joint_venture", "supply"]
    assert de["deals"][0] == "delta-auto-epsilon-energy-supply-2019"
    assert de["evidence"] == 4  # supply 1 + JV told by two articles 2 + framework 1
    assert (de["first"], de["last"], de["ended"]) == ("2019-01-01", "2025-03-31", None)
    # An edge (and node) whose every deal has ended carries the end day.
    assert G.edges[AEV, BB]["ended"] == "2023-06-30"
    assert G.nodes[AEV]["ended"] == "2023-06-30"
    # The undated licensing deal is an edge without dates.
    assert (G.edges[EP, ZF]["first"], G.edges[EP, ZF]["last"]) == (None, None)
    assert G.nodes[ZF]["type"] == "Fund"


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(2020, 6, 30), {(DA, EE, 1)}),
        (date(2020, 12, 31), {(DA, EE, 1)}),  # the supply ends during December 2020
        (date(2021, 1, 1), set()),
        (date(2021, 6, 30), {(AM, BB, 1)}),
        (date(2023, 6, 30), {(AM, BB, 1), (AM, GC, 1), (AEV, BB, 1)}),
        (date(2023, 7, 1), {(AM, BB, 1), (AM, GC, 1)}),
        (date(2023, 9, 1), {(AM, BB, 1), (AM, GC, 1), (BB, GC, 1)}),
        (date(2025, 12, 31), NETWORK_EDGES - {(EP, ZF, 1), (AEV, BB, 1), (DA, EE, 3)} | {(DA, EE, 2)}),
    ],
)
def test_network_as_of(network, as_of, expected):
    assert edges(A.partnership_graph(network, as_of=as_of)) == expected


def test_fold_subsidiaries_and_brands(network):
    F = A.partnership_graph(network, fold_subsidiaries=True)
    assert sorted(F.nodes) == [AM, BB, DA, EE, GC, ZF]
    assert edges(F) == {
        (AM, BB, 2), (AM, GC, 1), (BB, GC, 1), (DA, GC, 1), (DA, EE, 3), (DA, ZF, 1), (EE, ZF, 2),
    }
    assert F.nodes[AM]["members"] == [AEV]
    assert F.nodes[EE]["members"] == [EP]
    assert F.nodes[BB]["members"] == []
    assert F.edges[AM, BB]["kinds"] == ["joint_venture", "supply"]


def test_network_centrality_by_hand(network):
    rows = {r["id"]: r for r in A.centrality(A.partnership_graph(network))}
    # 8 nodes: betweenness is normalised by (n-1)(n-2)/2 = 21 pairs.
    # Gamma Chips and Delta Auto sit on every path between the clusters: 3 x 4 = 12 pairs.
    # Beta Battery carries Alpha EV's 6 paths, Zeta Fund carries Epsilon Power's 6.
    expected = {GC: 12 / 21, DA: 12 / 21, BB: 6 / 21, ZF: 6 / 21, AM: 0, EE: 0, AEV: 0, EP: 0}
    assert {k: r["betweenness"] for k, r in rows.items()} == {k: round(v, 6) for k, v in expected.items()}
    assert {k: r["partners"] for k, r in rows.items()} == {
        GC: 3, DA: 3, BB: 3, ZF: 3, AM: 2, EE: 2, AEV: 1, EP: 1}
    assert rows[DA]["deals"] == 5 and rows[EE]["deals"] == 4
    assert rows[DA]["degree"] == round(3 / 7, 6)
    # The graph is symmetric under swapping the clusters; one component -> unit length.
    for a, b in [(GC, DA), (BB, ZF), (AM, EE), (AEV, EP)]:
        assert rows[a]["eigenvector"] == rows[b]["eigenvector"]
    assert sum(r["eigenvector"] ** 2 for r in rows.values()) == pytest.approx(1, abs=1e-5)
    assert rows[GC]["eigenvector"] > rows[BB]["eigenvector"] > rows[AM]["eigenvector"] > rows[AEV]["eigenvector"]


def test_eigenvector_on_disconnected_graph():
    # Two separate pairs and an isolated node: each pair gets 1/sqrt(2) scaled by sqrt(2/5).
    G = nx.Graph([("a", "b"), ("c", "d")])
    G.add_node("e")
    rows = {r["id"]: r["eigenvector"] for r in A.centrality(G)}
    assert rows == {"a": 0.447214, "b": 0.447214, "c": 0.447214, "d": 0.447214, "e": 0.0}


def test_network_communities(network):
    assert [(r["community"], r["ids"]) for r in A.communities(A.partnership_graph(network))] == [
        (1, [AEV, AM, BB, GC]),
        (2, [DA, EE, EP, ZF]),
    ]
    folded = A.communities(A.partnership_graph(network, fold_subsidiaries=True))
    assert [r["members"] for r in folded] == [
        ["Alpha Motors", "Beta Battery", "Gamma Chips"],
        ["Delta Auto", "Epsilon Energy", "Zeta Fund"],
    ]


def test_network_brokers(network):
    rows = A.brokers(A.partnership_graph(network))
    assert [(r["kind"], r["ids"], r["pieces"]) for r in rows] == [
        ("articulation_point", [BB], 2),
        ("articulation_point", [DA], 2),
        ("articulation_point", [GC], 2),
        ("articulation_point", [ZF], 2),
        ("bridge", [AEV, BB], 2),
        ("bridge", [DA, GC], 2),
        ("bridge", [EP, ZF], 2),
    ]
    folded = A.brokers(A.partnership_graph(network, fold_subsidiaries=True))
    assert [(r["kind"], r["labels"]) for r in folded] == [
        ("articulation_point", ["Delta Auto"]),
        ("articulation_point", ["Gamma Chips"]),
        ("bridge", ["Delta Auto", "Gamma Chips"]),
    ]


def test_articulation_point_pieces_counts_all_parts():
    star = nx.star_graph(3)  # centre 0 with three leaves
    assert A.brokers(star)[0] == {"kind": "articulation_point", "ids": [0], "labels": ["0"], "pieces": 3}


def test_network_path(network):
    G = A.partnership_graph(network)
    rows = A.path(G, "alpha motors", "Zeta Fund")
    assert [(r["from_id"], r["to_id"], r["deals"]) for r in rows] == [
        (AM, GC, [SUP22]),
        (GC, DA, ["gamma-chips-delta-auto-chip-collaboration-2024-05"]),
        (DA, ZF, ["delta-auto-epsilon-energy-zeta-fund-framework-agreement-2025-q1"]),
    ]
    assert rows[1]["evidence"] == "Gamma Chips and Delta Auto agreed in May 2024 to design chips together."
    # Folded, the brand Alpha EV is found inside Alpha Motors.
    F = A.partnership_graph(network, fold_subsidiaries=True)
    assert [r["to"] for r in A.path(F, AEV, EP)] == ["Gamma Chips", "Delta Auto", "Epsilon Energy"]


def test_path_prefers_the_chain_with_more_deals():
    G = nx.Graph()
    G.add_edge("a", "b", weight=1)
    G.add_edge("b", "d", weight=1)
    G.add_edge("a", "c", weight=2)
    G.add_edge("c", "d", weight=1)
    assert [r["to"] for r in A.path(G, "a", "d")] == ["c", "d"]


def test_path_without_chain_is_empty_and_unknown_node_is_an_error():
    G = nx.Graph([("a", "b"), ("c", "d")])
    assert A.path(G, "a", "d") == []
    assert A.path(G, "a", "a") == []
    with pytest.raises(UnknownQuery, match="'x' has no deals in this network"):
        A.path(G, "x", "a")


def test_network_evolution(network):
    rows = A.evolution(network)
    assert [(r["year"], r["nodes"], r["edges"], r["density"], r["largest_component"], r["new"])
            for r in rows] == [
        (2019, 2, 1, 1.0, 2, 1),
        (2020, 2, 1, 1.0, 2, 0),
        (2021, 2, 1, 1.0, 2, 1),  # the 2019 supply has ended; the JV begins
        (2022, 4, 3, 0.5, 4, 2),
        (2023, 3, 3, 1.0, 3, 1),  # the Alpha EV supply ended in June
        (2024, 5, 5, 0.5, 5, 1),  # Delta--Epsilon are partners again, but not new
        (2025, 6, 7, 0.466667, 6, 2),
    ]
    assert rows[3]["new_partners"] == ["Alpha EV -- Beta Battery", "Alpha Motors -- Gamma Chips"]
    assert rows[5]["new_partners"] == ["Delta Auto -- Gamma Chips"]


def test_partners_over_time(network):
    rows = A.partners_over_time(network, "DA")  # an alias
    assert [(r["date"], r["partner_id"], r["new"], r["partners_so_far"]) for r in rows] == [
        ("2019", EE, True, 1),
        ("2024-05", GC, True, 2),
        ("2024-06-15", EE, False, 2),
        ("2025-Q1", EE, False, 2),
        ("2025-Q1", ZF, True, 3),
    ]
    # Zeta Fund's undated licensing deal comes last; the denied deal not at all.
    zeta = A.partners_over_time(network, "zeta-fund")
    assert [(r["date"], r["partner"]) for r in zeta] == [
        ("2025-Q1", "Delta Auto"), ("2025-Q1", "Epsilon Energy"), (None, "Epsilon Power"),
    ]
    folded = A.partners_over_time(network, "Epsilon Energy", fold_subsidiaries=True)
    assert [r["partner"] for r in folded][-1] == "Zeta Fund"
    assert folded[-1]["date"] is None


def test_people_graph(network):
    P = A.people_graph(network)
    assert sorted(P.edges(data="roles")) == [
        ("li-na", DA, ["ceo_of"]), ("li-na", EE, ["founder_of"]), ("zhang-wei", AM, ["chairman_of"]),
    ]
    assert P.nodes["li-na"]["label"] == "Li Na"


def test_find_entity(network):
    assert A.find_entity(network, "zeta-fund") == ZF
    assert A.find_entity(network, "ZETA FUND") == ZF
    assert A.find_entity(network, " gamma ") == GC
    with pytest.raises(UnknownQuery, match=r"No entity is called 'Zeta Fnd'\. Did you mean: Zeta Fund"):
        A.find_entity(network, "Zeta Fnd")


def test_find_entity_ambiguous_alias():
    trig = """
    @prefix akg: <https://w3id.org/anhui-kg/ontology#> .
    @prefix ent: <https://w3id.org/anhui-kg/entity/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    <https://w3id.org/anhui-kg/document/x.txt> {
      ent:jac-motors a akg:Company ; rdfs:label "JAC Motors"@en ; skos:altLabel "JAC"@en .
      ent:jac-group a akg:Company ; rdfs:label "JAC Group"@en ; skos:altLabel "JAC"@en .
      ent:anhui-jac a akg:Company ; rdfs:label "Anhui JAC"@en ; skos:altLabel "JAC Group"@en .
    }
    """
    ds = rdflib.Dataset()
    ds.parse(data=trig, format="trig")
    store = open_store(None)
    store.sync(ds)
    with pytest.raises(UnknownQuery, match=r"'jac' could mean JAC Group \(jac-group\), JAC Motors \(jac-motors\)"):
        A.find_entity(store, "jac")
    # a label beats an alias
    assert A.find_entity(store, "jac group") == "jac-group"


def test_load_network_reads_each_deal_once(network):
    net = A.load_network(network)
    ids = [d.id for d in net.deals]
    assert len(ids) == len(set(ids)) == 9  # 10 deals, the denied one left out
    jv = next(d for d in net.deals if d.id == "delta-auto-epsilon-energy-joint-venture-2024-06-15")
    assert (jv.evidence, jv.precision, jv.earliest, jv.latest) == (2, "day", date(2024, 6, 15), date(2024, 6, 15))
    supply = next(d for d in net.deals if d.id == "delta-auto-epsilon-energy-supply-2019")
    assert (supply.end_date, supply.end_latest) == ("2020-12", date(2020, 12, 31))
    assert supply.parties == ((DA, "customer"), (EE, "supplier"))
    assert net.owner == {AEV: AM, EP: EE}
