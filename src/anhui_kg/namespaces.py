"""Namespaces: the vocabulary of anhui-kg's RDF, and the IRIs minted from stable ids.

Contract: ``AKG`` lists every ontology term (``ontology/anhui-kg.ttl`` declares exactly
these, a test keeps the two in step); ``ENT``, ``DEAL``, ``REL``, ``DOC``, ``KIND``,
``ROLE`` and ``STATUS`` are the instance namespaces of ``tests/data/tiny.trig``. An IRI's
last path segment is the JSON id (``local_id``). Only ``graph.py`` mints IRIs for data;
the helpers here are pure string functions.
"""

from __future__ import annotations

from functools import lru_cache

from collections.abc import Mapping
from types import MappingProxyType
from typing import get_args
from urllib.parse import quote, unquote, urlsplit

import rdflib.namespace as _rdflib_ns
from rdflib import Namespace, URIRef

from .models import EntityType, Predicate

BASE = "https://w3id.org/anhui-kg/"
"""The root of every anhui-kg IRI."""

ONTOLOGY_IRI = URIRef(BASE + "ontology")
"""The IRI of the ontology itself (``owl:Ontology``)."""


# DefinedNamespace is reached through its module so that doctest collection does not
# probe the (non-failing) base class for attributes and warn.
class AKG(_rdflib_ns.DefinedNamespace):
    """The anhui-kg ontology terms (``ontology/anhui-kg.ttl``); a typo raises ``AttributeError``.

    Examples
    --------
    >>> AKG.Deal
    rdflib.term.URIRef('https://w3id.org/anhui-kg/ontology#Deal')
    >>> AKG.chairmanOf.n3()
    '<https://w3id.org/anhui-kg/ontology#chairmanOf>'
    """

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # -- classes: entities
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Media: URIRef
    Fund: URIRef
    Brand: URIRef
    Person: URIRef
    Plant: URIRef
    Place: URIRef
    Product: URIRef
    # -- classes: sources, facts and their parts
    Document: URIRef
    Deal: URIRef
    Participation: URIRef
    DateValue: URIRef
    Evidence: URIRef
    RelationStatement: URIRef
    # -- SKOS concept schemes of the controlled values
    DealKindScheme: URIRef
    PartyRoleScheme: URIRef
    DealStatusScheme: URIRef

    # -- deals
    kind: URIRef
    status: URIRef
    party: URIRef
    participation: URIRef
    agent: URIRef
    role: URIRef
    date: URIRef
    endDate: URIRef
    place: URIRef
    value: URIRef
    stake: URIRef
    evidence: URIRef
    # -- dates
    precision: URIRef
    earliest: URIRef
    latest: URIRef
    dateOrigin: URIRef
    # -- documents and entities
    fileName: URIRef
    sha256: URIRef
    graphDigest: URIRef
    published: URIRef
    text: URIRef
    mentionedIn: URIRef

    # -- binary relations (models.Predicate)
    founderOf: URIRef
    ceoOf: URIRef
    chairmanOf: URIRef
    presidentOf: URIRef
    executiveOf: URIRef
    headquarteredIn: URIRef
    locatedIn: URIRef
    plantOf: URIRef
    brandOf: URIRef
    subsidiaryOf: URIRef
    investorIn: URIRef
    supplierOf: URIRef
    manufacturerFor: URIRef
    produces: URIRef
    attended: URIRef


# Set every term as a plain class attribute: DefinedNamespace otherwise looks each one up
# (and checks it) on every access, which a large build does millions of times. A typo
# still raises AttributeError.
for _term in AKG.__annotations__:
    setattr(AKG, _term, AKG._NS[_term])
del _term


ENT = Namespace(BASE + "entity/")
DEAL = Namespace(BASE + "deal/")
REL = Namespace(BASE + "relation/")
DOC = Namespace(BASE + "document/")
KIND = Namespace(BASE + "kind/")
ROLE = Namespace(BASE + "role/")
STATUS = Namespace(BASE + "status/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: Mapping[str, Namespace] = MappingProxyType(
    {
        "akg": Namespace(str(AKG._NS)),
        "ent": ENT,
        "deal": DEAL,
        "rel": REL,
        "doc": DOC,
        "kind": KIND,
        "role": ROLE,
        "status": STATUS,
        "oa": OA,
        "schema": SCHEMA,
    }
)
"""The project prefixes, as in ``tests/data/tiny.trig`` (bind them for readable output)."""


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


PREDICATE_TERMS: Mapping[str, URIRef] = MappingProxyType(
    {name: AKG[_camel(name)] for name in get_args(Predicate)}
)
"""``models.Predicate`` name -> AKG property (``"chairman_of"`` -> ``akg:chairmanOf``)."""

TERM_PREDICATES: Mapping[URIRef, str] = MappingProxyType(
    {term: name for name, term in PREDICATE_TERMS.items()}
)
"""AKG property -> ``models.Predicate`` name (the inverse of ``PREDICATE_TERMS``)."""

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)


def predicate_term(predicate: str) -> URIRef:
    """The AKG property for a ``models.Predicate`` name.

    Examples
    --------
    >>> predicate_term("manufacturer_for")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/ontology#manufacturerFor')
    """
    try:
        return PREDICATE_TERMS[predicate]
    except KeyError:
        raise ValueError(
            f"Unknown predicate {predicate!r}; use one of: {', '.join(PREDICATE_TERMS)}"
        ) from None


def predicate_for(term: str) -> str:
    """The ``models.Predicate`` name of an AKG relation property (IRI or its string).

    Examples
    --------
    >>> predicate_for(AKG.headquarteredIn)
    'headquartered_in'
    """
    try:
        return TERM_PREDICATES[URIRef(str(term))]
    except KeyError:
        raise ValueError(
            f"{term} is not an anhui-kg relation property; use one of: "
            + ", ".join(str(t) for t in TERM_PREDICATES)
        ) from None


def _segment(text: str) -> str:
    # Unreserved characters (RFC 3986) stay; everything else, '/' included, is %-encoded.
    return quote(text, safe="")


@lru_cache(maxsize=1 << 16)
def entity_iri(entity_id: str) -> URIRef:
    """The IRI of an entity from its slug.

    Examples
    --------
    >>> entity_iri("alpha-motors")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/entity/alpha-motors')
    >>> entity_iri("a b/c")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/entity/a%20b%2Fc')
    """
    return ENT[_segment(entity_id)]


@lru_cache(maxsize=1 << 16)
def deal_iri(deal_id: str) -> URIRef:
    """The IRI of a deal from its slug.

    Examples
    --------
    >>> deal_iri("gamma-chips-alpha-motors-supply-2022")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/deal/gamma-chips-alpha-motors-supply-2022')
    """
    return DEAL[_segment(deal_id)]


@lru_cache(maxsize=1 << 16)
def relation_iri(relation_id: str) -> URIRef:
    """The IRI of a relation statement from its slug.

    Examples
    --------
    >>> relation_iri("alpha-motors-headquartered-in-hefei")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/relation/alpha-motors-headquartered-in-hefei')
    """
    return REL[_segment(relation_id)]


@lru_cache(maxsize=1 << 16)
def document_iri(file_name: str) -> URIRef:
    """The IRI of an article (and of its named graph) from its file name.

    Examples
    --------
    >>> document_iri("000_eed22a385a605605.txt")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/document/000_eed22a385a605605.txt')
    >>> document_iri("news #1.txt")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/document/news%20%231.txt')
    """
    return DOC[_segment(file_name)]


@lru_cache(maxsize=1 << 16)  # the views turn the same kinds, roles and parties over and over
def local_id(iri: str) -> str:
    """The id an IRI was minted from: its last path segment, percent-decoded.

    A fragment (``#char=0,96``) or query is ignored.

    Examples
    --------
    >>> local_id(entity_iri("alpha-motors"))
    'alpha-motors'
    >>> local_id("https://w3id.org/anhui-kg/document/news%20%231.txt#char=0,9")
    'news #1.txt'
    >>> local_id(KIND["joint_venture"])
    'joint_venture'
    """
    path = urlsplit(str(iri)).path
    return unquote(path.rstrip("/").rsplit("/", 1)[-1])


def class_for(entity_type: str) -> URIRef:
    """The AKG class of a ``models.EntityType``.

    Examples
    --------
    >>> class_for("GovernmentBody")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/ontology#GovernmentBody')
    """
    if entity_type not in ENTITY_TYPES:
        raise ValueError(
            f"Unknown entity type {entity_type!r}; use one of: {', '.join(ENTITY_TYPES)}"
        )
    return AKG[entity_type]


def type_for(class_iri: str) -> str:
    """The ``models.EntityType`` of an AKG entity class (IRI or its string).

    Examples
    --------
    >>> type_for(AKG.Person)
    'Person'
    """
    iri = str(class_iri)
    prefix = str(AKG._NS)
    name = iri[len(prefix):] if iri.startswith(prefix) else None
    if name not in ENTITY_TYPES:
        raise ValueError(
            f"{iri} is not an anhui-kg entity class; use one of: "
            + ", ".join(prefix + t for t in ENTITY_TYPES)
        )
    return name
