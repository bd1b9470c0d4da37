"""The ontology, the shapes, namespaces.py and models.py agree with one another."""

from __future__ import annotations

from importlib.resources import files
from typing import get_args

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, URIRef

from anhui_kg import models
from anhui_kg.namespaces import (
    AKG,
    KIND,
    PREDICATE_TERMS,
    ROLE,
    STATUS,
    TERM_PREDICATES,
    class_for,
    local_id,
    predicate_for,
    predicate_term,
    type_for,
)

AKG_NS = str(AKG._NS)
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
SHAPES_NS = "https://w3id.org/anhui-kg/shapes#"
# Vocabularies whose terms need no declaration in our ontology.
CORE = (str(RDF), str(RDFS), str(OWL), str(rdflib.XSD), str(SH))


def _load(name: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=(files("anhui_kg") / "ontology" / name).read_text("utf-8"), format="turtle")
    return g


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return _load("anhui-kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return _load("shapes.ttl")


def _declared(g: rdflib.Graph) -> set[URIRef]:
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}


def _akg_terms() -> set[URIRef]:
    return {AKG[name] for name in AKG.__annotations__}


def test_every_akg_term_is_declared_and_nothing_else(ontology: rdflib.Graph) -> None:
    declared = {t for t in _declared(ontology) if str(t).startswith(AKG_NS)}
    assert len(_akg_terms()) > 50
    assert _akg_terms() - declared == set(), "in namespaces.py but not in the ontology"
    assert declared - _akg_terms() == set(), "in the ontology but not in namespaces.py"


def test_no_akg_term_is_used_undeclared(ontology: rdflib.Graph) -> None:
    used = {t for triple in ontology for t in triple
            if isinstance(t, URIRef) and str(t).startswith(AKG_NS)}
    assert used <= _akg_terms()


def test_akg_fails_on_typos() -> None:
    with pytest.raises(AttributeError):
        AKG.partneredWith  # noqa: B018


def test_every_property_and_class_is_documented(ontology: rdflib.Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    terms = {s for k in kinds for s in ontology.subjects(RDF.type, k)
             if str(s).startswith(AKG_NS)}
    assert len(terms) > 40
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
    props = {s for k in kinds[1:] for s in ontology.subjects(RDF.type, k)
             if str(s).startswith(AKG_NS)}
    for prop in props - {AKG.mentionedIn}:
        # mentionedIn comes from any entity class: there is no common superclass.
        assert (prop, RDFS.domain, None) in ontology, prop
    for prop in props - {AKG.party, AKG.agent, AKG.value}:
        # party/agent point at any entity; akg:value is a string or an amount (see file).
        assert (prop, RDFS.range, None) in ontology, prop


def test_entity_classes_match_models(ontology: rdflib.Graph) -> None:
    for name in get_args(models.EntityType):
        cls = class_for(name)
        assert (cls, RDF.type, OWL.Class) in ontology
        assert type_for(cls) == name
    for name in models.ORGANIZATION_TYPES - {"Organization"}:
        assert (AKG[name], RDFS.subClassOf, AKG.Organization) in ontology
    with pytest.raises(ValueError, match="Company"):
        class_for("Car")
    with pytest.raises(ValueError):
        type_for(AKG.Deal)


def test_predicates_map_both_ways(ontology: rdflib.Graph) -> None:
    names = get_args(models.Predicate)
    assert set(PREDICATE_TERMS) == set(names)
    assert len(set(TERM_PREDICATES)) == len(names)
    for name in names:
        term = predicate_term(name)
        assert predicate_for(term) == name
        assert (term, RDF.type, OWL.ObjectProperty) in ontology
    assert predicate_term("manufacturer_for") == AKG.manufacturerFor
    with pytest.raises(ValueError, match="partner_of"):
        predicate_term("partner_of")


@pytest.mark.parametrize(
    ("literal", "namespace", "scheme"),
    [
        (models.DealKind, KIND, AKG.DealKindScheme),
        (models.PartyRole, ROLE, AKG.PartyRoleScheme),
        (models.DealStatus, STATUS, AKG.DealStatusScheme),
    ],
)
def test_skos_concepts_equal_model_literals(
    ontology: rdflib.Graph, literal, namespace, scheme
) -> None:
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert all(str(c).startswith(str(namespace)) for c in concepts)
    assert {local_id(c) for c in concepts} == set(get_args(literal))
    for concept in concepts:
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert ontology.value(concept, SKOS.prefLabel) is not None
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology


def _sh_in_lists(shapes: rdflib.Graph, path: URIRef) -> list[list]:
    lists = []
    for prop in shapes.subjects(SH.path, path):
        for head in shapes.objects(prop, SH["in"]):
            lists.append(list(rdflib.collection.Collection(shapes, head)))
    return lists


def test_shape_value_lists_equal_the_models(shapes: rdflib.Graph) -> None:
    expected = {
        AKG.kind: {KIND[v] for v in get_args(models.DealKind)},
        AKG.status: {STATUS[v] for v in get_args(models.DealStatus)},
        AKG.role: {ROLE[v] for v in get_args(models.PartyRole)},
        AKG.precision: {rdflib.Literal(v) for v in get_args(models.Precision)},
        AKG.dateOrigin: {rdflib.Literal(v) for v in get_args(models.DateOrigin)},
        RDF.predicate: set(PREDICATE_TERMS.values()),
    }
    for path, values in expected.items():
        (found,) = _sh_in_lists(shapes, path)
        assert set(found) == values, path
        assert len(found) == len(values)


def test_shapes_use_only_declared_terms(ontology: rdflib.Graph, shapes: rdflib.Graph) -> None:
    declared = _declared(ontology)
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef)}
    foreign = {t for t in used
               if not str(t).startswith(CORE) and not str(t).startswith(SHAPES_NS)}
    assert AKG.Deal in foreign and URIRef("http://www.w3.org/ns/oa#start") in foreign
    assert foreign - declared == set()


def test_shapes_target_every_class_of_the_data(shapes: rdflib.Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    data_classes = {AKG.Deal, AKG.Participation, AKG.DateValue, AKG.Evidence,
                    AKG.RelationStatement, AKG.Document,
                    URIRef("https://schema.org/MonetaryAmount")}
    data_classes |= {class_for(t) for t in get_args(models.EntityType)}
    assert targets == data_classes


def test_reused_vocabularies_are_linked(ontology: rdflib.Graph) -> None:
    schema = rdflib.Namespace("https://schema.org/")
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    foaf = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (AKG.Organization, RDFS.subClassOf, schema.Organization) in ontology
    assert (AKG.Organization, RDFS.subClassOf, org.Organization) in ontology
    assert (AKG.Person, RDFS.subClassOf, foaf.Person) in ontology
    assert (AKG.Document, RDFS.subClassOf, foaf.Document) in ontology
    assert (AKG.evidence, RDFS.subPropertyOf, prov.wasDerivedFrom) in ontology
