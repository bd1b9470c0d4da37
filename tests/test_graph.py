"""build_graph reproduces the contract (tests/data/tiny.trig); validation catches bad graphs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from anhui_kg.graph import graph_digest, build_graph
from anhui_kg.models import (
    Article,
    DateValue,
    Deal,
    Entity,
    Evidence,
    Money,
    Party,
    Relation,
    Resolved,
)
from anhui_kg.namespaces import AKG, DOC, OA, deal_iri, document_iri, entity_iri
from anhui_kg.validation import check_evidence, validate

DATA = Path(__file__).parent / "data"

JV = "alpha-motors-beta-battery-joint-venture-2021-03"


@pytest.fixture(scope="module")
def tiny() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(DATA / "tiny.trig", format="trig")
    return ds


def _doc_value(ds: rdflib.Dataset, name: str, prop: URIRef) -> str:
    value = ds.graph(DOC[name]).value(DOC[name], prop)
    assert value is not None, f"tiny.trig lacks {prop} for {name}"
    return str(value)


def _ev(ds: rdflib.Dataset, name: str, start: int, end: int) -> Evidence:
    text = _doc_value(ds, name, AKG.text)
    return Evidence(document=name, start=start, end=end, text=text[start:end])


@pytest.fixture(scope="module")
def resolved(tiny: rdflib.Dataset) -> Resolved:
    """The Resolved corpus that tiny.trig encodes, written by hand."""
    a = Article(
        id="a.txt",
        text=_doc_value(tiny, "a.txt", AKG.text),
        sha256=_doc_value(tiny, "a.txt", AKG.sha256),
        publisher="Example Wire",
        published=DateValue(value="2021-03-27", precision="day",
                            earliest=date(2021, 3, 27), latest=date(2021, 3, 27)),
    )
    b = Article(
        id="b.txt",
        text=_doc_value(tiny, "b.txt", AKG.text),
        sha256=_doc_value(tiny, "b.txt", AKG.sha256),
        published=DateValue(value="2024-early", precision="season",
                            earliest=date(2024, 1, 1), latest=date(2024, 4, 30),
                            origin="estimated"),
    )
    entities = (
        Entity(id="alpha-motors", type="Company", name="Alpha Motors",
               documents=("a.txt", "b.txt")),
        Entity(id="beta-battery", type="Company", name="Beta Battery",
               documents=("a.txt", "b.txt")),
        # "Gamma" occurs in b.txt; "GC" occurs nowhere, so it is no altLabel.
        Entity(id="gamma-chips", type="Company", name="Gamma Chips",
               aliases=("Gamma", "GC"), documents=("b.txt",)),
        Entity(id="hefei", type="Place", name="Hefei", documents=("a.txt",)),
        Entity(id="zhang-wei", type="Person", name="Zhang Wei", documents=("a.txt",)),
    )
    deals = (
        Deal(
            id=JV, kind="joint_venture", status="signed",
            parties=(Party(entity="alpha-motors"), Party(entity="beta-battery")),
            date=DateValue(value="2021-03", precision="month",
                           earliest=date(2021, 3, 1), latest=date(2021, 3, 31)),
            place="hefei",
            evidence=(_ev(tiny, "a.txt", 0, 96), _ev(tiny, "b.txt", 57, 124)),
        ),
        Deal(
            id="gamma-chips-alpha-motors-supply-2022", kind="supply", status="planned",
            parties=(Party(entity="gamma-chips", role="supplier"),
                     Party(entity="alpha-motors", role="customer")),
            date=DateValue(value="2022", precision="year",
                           earliest=date(2022, 1, 1), latest=date(2022, 12, 31)),
            evidence=(_ev(tiny, "b.txt", 0, 56),),
        ),
        Deal(
            id="beta-battery-gamma-chips-investment-2023-late", kind="investment",
            status="completed",
            parties=(Party(entity="beta-battery", role="investor"),
                     Party(entity="gamma-chips", role="investee")),
            date=DateValue(value="2023-late", precision="season",
                           earliest=date(2023, 9, 1), latest=date(2023, 12, 31)),
            value=Money(amount=2_000_000_000, currency="CNY"),
            evidence=(_ev(tiny, "b.txt", 125, 190),),
        ),
    )
    relations = (
        Relation(id="zhang-wei-chairman-of-alpha-motors", subject="zhang-wei",
                 predicate="chairman_of", object="alpha-motors",
                 evidence=(_ev(tiny, "a.txt", 97, 138),)),
        Relation(id=f"zhang-wei-attended-{JV}", subject="zhang-wei",
                 predicate="attended", object=JV,
                 evidence=(_ev(tiny, "a.txt", 97, 138),)),
        Relation(id="alpha-motors-headquartered-in-hefei", subject="alpha-motors",
                 predicate="headquartered_in", object="hefei",
                 evidence=(_ev(tiny, "a.txt", 139, 178),)),
    )
    return Resolved(articles=(b, a), entities=entities, deals=deals, relations=relations)


def _named(ds: rdflib.Dataset) -> dict[str, rdflib.Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _diff(expected: rdflib.Graph, built: rdflib.Graph) -> str:
    _both, only_expected, only_built = graph_diff(to_isomorphic(expected), to_isomorphic(built))
    lines = [f"- {t}" for t in sorted(" ".join(x.n3() for x in t) for t in only_expected)]
    lines += [f"+ {t}" for t in sorted(" ".join(x.n3() for x in t) for t in only_built)]
    return "\n".join(lines)


def test_tiny_quotes_match_its_offsets(tiny: rdflib.Dataset, resolved: Resolved) -> None:
    # The contract's oa:exact values are text[start:end] of its own akg:text.
    checked = 0
    for g in _named(tiny).values():
        for ev in g.subjects(RDF.type, AKG.Evidence):
            doc = g.value(ev, OA.hasSource)
            text = str(g.value(doc, AKG.text))
            start, end = g.value(ev, OA.start).toPython(), g.value(ev, OA.end).toPython()
            assert text[start:end] == str(g.value(ev, OA.exact)), ev
            checked += 1
    assert checked == 6
    assert check_evidence(resolved) == []


def test_build_graph_reproduces_tiny_trig(tiny: rdflib.Dataset, resolved: Resolved) -> None:
    built = _named(build_graph(resolved))
    expected = _named(tiny)
    assert sorted(built) == sorted(expected) == [str(DOC["a.txt"]), str(DOC["b.txt"])]
    for name, graph in expected.items():
        # The contract leaves out akg:graphDigest, which states a digest of the rest
        digests = list(built[name].triples((None, AKG.graphDigest, None)))
        assert len(digests) == 1 and str(digests[0][0]) == name
        built[name].remove(digests[0])
        assert str(digests[0][2]) == graph_digest(list(built[name]))
        assert isomorphic(graph, built[name]), f"{name} differs:\n" + _diff(graph, built[name])


def test_build_graph_has_no_blank_nodes_and_empty_default_graph(resolved: Resolved) -> None:
    ds = build_graph(resolved)
    assert len(ds.default_graph) == 0
    terms = {term for _s, _p, _o, _g in ds.quads() for term in (_s, _p, _o)}
    assert not any(isinstance(t, rdflib.BNode) for t in terms)


def test_build_graph_is_deterministic(resolved: Resolved) -> None:
    first = {n: set(g) for n, g in _named(build_graph(resolved)).items()}
    reordered = resolved.model_copy(update={
        "articles": tuple(reversed(resolved.articles)),
        "entities": tuple(reversed(resolved.entities)),
        "deals": tuple(reversed(resolved.deals)),
        "relations": tuple(reversed(resolved.relations)),
    })
    second = {n: set(g) for n, g in _named(build_graph(resolved)).items()}
    third = {n: set(g) for n, g in _named(build_graph(reordered)).items()}
    assert first == second == third


def test_literals_have_contract_datatypes(resolved: Resolved) -> None:
    g = build_graph(resolved).graph(document_iri("b.txt"))
    value = URIRef(f"{deal_iri('beta-battery-gamma-chips-investment-2023-late')}/value")
    assert g.value(value, URIRef("https://schema.org/value")) == Literal(
        "2000000000", datatype=rdflib.XSD.decimal)
    start = g.value(URIRef(f"{DOC['b.txt']}#char=0,56"), OA.start)
    assert start.datatype == rdflib.XSD.integer and start.toPython() == 0
    assert g.value(entity_iri("gamma-chips"), rdflib.RDFS.label).language == "en"


def test_optional_deal_and_document_fields(resolved: Resolved) -> None:
    article = resolved.articles[1].model_copy(
        update={"title": "A headline", "url": "https://example.com/a?x=1"})
    deal = resolved.deals[0].model_copy(update={
        "title": "Joint venture agreement", "stake": 51.0,
        "end_date": DateValue(value="2025-mid", precision="season",
                              earliest=date(2025, 5, 1), latest=date(2025, 8, 31))})
    changed = resolved.model_copy(update={
        "articles": (resolved.articles[0], article),
        "deals": (deal, *resolved.deals[1:])})
    ds = build_graph(changed)
    g = ds.graph(document_iri("a.txt"))
    node = deal_iri(JV)
    assert g.value(node, rdflib.DCTERMS.title) == Literal("Joint venture agreement")
    assert g.value(node, AKG.stake) == Literal("51", datatype=rdflib.XSD.decimal)
    end = g.value(node, AKG.endDate)
    assert end == URIRef(f"{node}/end")
    assert g.value(end, AKG.value) == Literal("2025-mid")
    assert g.value(DOC["a.txt"], URIRef("https://schema.org/url")) == URIRef(
        "https://example.com/a?x=1")
    assert validate(ds).conforms


def test_shapes_pass_on_built_graph_and_on_tiny(tiny: rdflib.Dataset, resolved: Resolved) -> None:
    built = validate(build_graph(resolved))
    assert built.conforms, built.problems
    assert built.problems == ()
    contract = validate(tiny)
    assert contract.conforms, contract.problems


def _broken(tiny: rdflib.Dataset, change) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    for g in _named(tiny).values():
        copy = ds.graph(g.identifier)
        for triple in g:
            copy.add(triple)
    change(ds.graph(DOC["a.txt"]))
    return ds


def test_evidence_without_start_fails(tiny: rdflib.Dataset) -> None:
    ev = URIRef(f"{DOC['a.txt']}#char=0,96")
    ds = _broken(tiny, lambda g: g.remove((ev, OA.start, None)))
    report = validate(ds)
    assert not report.conforms
    assert report.problems == (
        f"<{ev}>: oa:start: evidence needs exactly one oa:start, a non-negative "
        "xsd:integer [graph doc:a.txt]",
    )


def test_deal_without_kind_fails(tiny: rdflib.Dataset) -> None:
    ds = _broken(tiny, lambda g: g.remove((deal_iri(JV), AKG.kind, None)))
    report = validate(ds)
    assert not report.conforms
    assert report.problems == (
        f"deal:{JV}: akg:kind: a deal needs exactly one akg:kind from akg:DealKindScheme "
        "[graph doc:a.txt]",
    )


def test_deal_with_unknown_kind_names_the_value(tiny: rdflib.Dataset) -> None:
    def change(g: rdflib.Graph) -> None:
        g.set((deal_iri(JV), AKG.kind, URIRef("https://w3id.org/anhui-kg/kind/merger")))

    (problem,) = validate(_broken(tiny, change)).problems
    assert problem.startswith(f"deal:{JV}: akg:kind: ")
    assert "(value kind:merger)" in problem


def test_date_with_earliest_after_latest_fails(tiny: rdflib.Dataset) -> None:
    node = URIRef(f"{deal_iri(JV)}/date")
    ds = _broken(tiny, lambda g: g.set(
        (node, AKG.earliest, Literal("2021-04-01", datatype=rdflib.XSD.date))))
    report = validate(ds)
    assert not report.conforms
    assert report.problems == (
        f"<{node}>: akg:earliest: akg:earliest must not be after akg:latest "
        "(value '2021-04-01') [graph doc:a.txt]",
    )


def test_participation_agent_not_a_party_fails(tiny: rdflib.Dataset) -> None:
    ds = _broken(tiny, lambda g: g.remove((deal_iri(JV), AKG.party, entity_iri("beta-battery"))))
    problems = validate(ds).problems
    assert problems and all(p.startswith(f"deal:{JV}: akg:participation/akg:agent: ")
                            for p in problems)


def test_relation_without_direct_triple_fails(tiny: rdflib.Dataset) -> None:
    ds = _broken(tiny, lambda g: g.remove(
        (entity_iri("zhang-wei"), AKG.chairmanOf, entity_iri("alpha-motors"))))
    (problem,) = validate(ds).problems
    assert problem.startswith("rel:zhang-wei-chairman-of-alpha-motors: ")
    assert "direct triple" in problem


def test_attended_must_point_at_a_deal(tiny: rdflib.Dataset) -> None:
    def change(g: rdflib.Graph) -> None:
        for triple in list(g.triples((deal_iri(JV), None, None))):
            g.remove(triple)

    problems = validate(_broken(tiny, change)).problems
    assert any(p.startswith(f"rel:zhang-wei-attended-{JV}: rdf:object: ") for p in problems)


def test_entity_with_two_labels_fails(tiny: rdflib.Dataset) -> None:
    ds = _broken(tiny, lambda g: g.add(
        (entity_iri("hefei"), rdflib.RDFS.label, Literal("Luzhou", lang="en"))))
    (problem,) = validate(ds).problems
    assert problem.startswith("ent:hefei: rdfs:label: ")


def test_check_evidence_reports_wrong_quotes_and_unknown_documents(resolved: Resolved) -> None:
    deal = resolved.deals[1]
    bad = deal.model_copy(update={"evidence": (
        Evidence(document="b.txt", start=0, end=11, text="Gamma Chipz"),
        Evidence(document="c.txt", start=0, end=3, text="abc"),
        Evidence(document="b.txt", start=180, end=999, text="x"),
    )})
    changed = resolved.model_copy(update={"deals": (bad,)})
    assert check_evidence(changed) == [
        f"deal {deal.id}: b.txt#char=0,11: quotes 'Gamma Chipz' but the text there is "
        "'Gamma Chips'",
        f"deal {deal.id}: c.txt#char=0,3: no article 'c.txt' in the corpus",
        f"deal {deal.id}: b.txt#char=180,999: offsets outside the article's text (0..190)",
    ]


def test_types_of_every_article_graph_node(resolved: Resolved) -> None:
    # Only article a.txt mentions Hefei: b.txt's graph names it as place but does not type it.
    g = build_graph(resolved).graph(document_iri("b.txt"))
    assert (deal_iri(JV), AKG.place, entity_iri("hefei")) in g
    assert (entity_iri("hefei"), RDF.type, None) not in g
