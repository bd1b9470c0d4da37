"""Graph: ``Resolved`` -> RDF ``Dataset``, one named graph per article.

Contract (``tests/data/tiny.trig`` is the worked example): the graph of article ``a.txt``
is named by its document IRI and holds the Document, every entity whose ``documents``
include the article, and every deal and relation with evidence from it. A deal or
relation supported by several articles is asserted identically in each of their graphs,
each with that article's evidence only, so dropping a graph drops exactly that article's
support. Evidence naming an article that is not in ``resolved.articles`` has no graph and
is left out (``validation.check_evidence`` reports it).

This is the only module that mints IRIs. There are no blank nodes: date, value,
participation and evidence nodes get IRIs derived from their owner, so building the same
input twice gives the same triples.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

import rdflib.namespace as ns
from rdflib import Dataset, Graph, Literal, URIRef

from .models import Article, DateValue, Deal, Entity, Evidence, Money, Relation, Resolved
from .namespaces import (
    AKG,
    KIND,
    OA,
    PREFIXES,
    ROLE,
    SCHEMA,
    STATUS,
    class_for,
    deal_iri,
    document_iri,
    entity_iri,
    predicate_term,
    relation_iri,
)


def build_graph(resolved: Resolved) -> Dataset:
    """Turn the resolved corpus into RDF: one named graph per article.

    Parameters
    ----------
    resolved
        Articles, canonical entities, deals and relations.

    Returns
    -------
    rdflib.Dataset
        One graph per article, named by ``document_iri(article.id)``; the default graph
        is empty.

    Examples
    --------
    >>> from anhui_kg.models import Article, Entity, Resolved
    >>> text = "Alpha Motors (Alpha) is based in Hefei."
    >>> resolved = Resolved(
    ...     articles=(Article(id="a.txt", text=text, sha256="0" * 64),),
    ...     entities=(Entity(id="alpha-motors", type="Company", name="Alpha Motors",
    ...                      aliases=("Alpha", "AM"), documents=("a.txt",)),),
    ...     deals=(), relations=())
    >>> ds = build_graph(resolved)
    >>> [str(g.identifier) for g in ds.graphs() if len(g)]
    ['https://w3id.org/anhui-kg/document/a.txt']
    >>> g = ds.graph(document_iri("a.txt"))
    >>> sorted(str(o) for o in g.objects(entity_iri("alpha-motors"), ns.SKOS.altLabel))
    ['Alpha']
    """
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    ds.bind("prov", ns.PROV)
    ds.bind("dcterms", ns.DCTERMS)
    ds.bind("skos", ns.SKOS)
    for name, triples in article_graphs(resolved):
        graph = ds.graph(name)
        for triple in triples:
            graph.add(triple)
    return ds


class _Triples(list):
    """A plain list of triples with the ``add`` of an rdflib Graph (no indexing cost)."""

    def add(self, triple: tuple) -> None:
        self.append(triple)


def article_graphs(resolved: Resolved) -> Iterator[tuple[URIRef, list[tuple]]]:
    """Each article's graph as (graph IRI, triples without duplicates), one at a time.

    The same triples ``build_graph`` puts in a Dataset, without building one: a large
    corpus streams into the store article by article. Entities, deals and relations are
    indexed by the articles that support them first, so the work is linear in the corpus.
    """
    ids = sorted(a.id for a in resolved.articles)
    entities: dict[str, list[Entity]] = {}
    for entity in resolved.entities:
        for doc in _common(entity.documents, ids):
            entities.setdefault(doc, []).append(entity)
    deals: dict[str, list[Deal]] = {}
    for deal in resolved.deals:
        for doc in {e.document for e in deal.evidence}:
            deals.setdefault(doc, []).append(deal)
    relations: dict[str, list[Relation]] = {}
    for relation in resolved.relations:
        for doc in {e.document for e in relation.evidence}:
            relations.setdefault(doc, []).append(relation)
    for article in sorted(resolved.articles, key=lambda a: a.id):
        triples = _Triples()
        doc = document_iri(article.id)
        _add_document(triples, article)
        for entity in entities.get(article.id, ()):
            _add_entity(triples, entity, article)
        for deal in deals.get(article.id, ()):
            _add_deal(triples, deal, [e for e in deal.evidence if e.document == article.id], doc)
        for relation in relations.get(article.id, ()):
            _add_relation(triples, relation, [e for e in relation.evidence if e.document == article.id], doc)
        unique = list(dict.fromkeys(triples))
        unique.append((doc, AKG.graphDigest, Literal(graph_digest(unique))))
        yield doc, unique


def _common(documents: tuple[str, ...], ids: list[str]) -> list[str]:
    """The ids among an entity's documents (sorted, as resolution gives them): looked up
    one by one when the entity is in many more articles than asked for (one article's
    slice of a large corpus), instead of walking all of them for every article."""
    if len(documents) <= 4 * len(ids):
        wanted = set(ids)
        return [d for d in documents if d in wanted]
    found = []
    for doc in ids:
        i = bisect_left(documents, doc)
        if i < len(documents) and documents[i] == doc:
            found.append(doc)
    return found


def _term_key(term) -> str:
    if isinstance(term, Literal):
        return f"L{term}\x1f{term.datatype or ''}\x1f{(term.language or '').lower()}"
    return f"I{term}"


def graph_digest(triples) -> str:
    """Content hash of a graph's triples (order-free; our graphs have no blank nodes).

    Literals count with their datatype and lower-cased language tag (as Oxigraph keeps
    them), so any change of a value, type or tag changes the digest.

    Examples
    --------
    >>> a = (URIRef("https://e.org/x"), ns.RDFS.label, Literal("X", lang="EN"))
    >>> b = (URIRef("https://e.org/x"), ns.RDFS.label, Literal("X", lang="en"))
    >>> graph_digest([a]) == graph_digest([b]) != graph_digest([(a[0], a[1], Literal("X"))])
    True
    """
    lines = sorted("\x1e".join(map(_term_key, t)) for t in triples)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _add_document(graph: Graph, article: Article) -> None:
    doc = document_iri(article.id)
    graph.add((doc, ns.RDF.type, AKG.Document))
    graph.add((doc, AKG.fileName, Literal(article.id)))
    graph.add((doc, AKG.sha256, Literal(article.sha256)))
    graph.add((doc, AKG.text, Literal(article.text)))
    if article.title is not None:
        graph.add((doc, ns.DCTERMS.title, Literal(article.title)))
    if article.publisher is not None:
        graph.add((doc, ns.DCTERMS.publisher, Literal(article.publisher)))
    url = url_iri(article.url) if article.url is not None else None
    if url is not None:
        graph.add((doc, SCHEMA.url, url))
    if article.published is not None:
        _add_date(graph, doc, AKG.published, URIRef(f"{doc}/published"), article.published)


def url_iri(url: str) -> URIRef | None:
    """An article's URL as an IRI the store accepts, or None if it is not absolute.

    Characters not allowed in an IRI (spaces, ``|``, ``"`` ...) and stray ``%`` are
    percent-encoded; a URL without a scheme (``example.com/a``) cannot be an IRI and
    gives None (the document then has no ``schema:url``).

    Examples
    --------
    >>> url_iri("https://example.com/news/a b?id=1|2")
    rdflib.term.URIRef('https://example.com/news/a%20b?id=1%7C2')
    >>> url_iri("example.com/a") is None
    True
    """
    url = url.strip()
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", url):
        return None
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", url)
    return URIRef(quote(url, safe=":/?#[]@!$&'()*+,;=%~"))


def alias_occurs(alias: str, text: str) -> bool:
    """Whether ``alias`` occurs in ``text`` as a whole word (case-sensitive).

    An alias becomes an article graph's ``skos:altLabel`` only where the article uses it.

    Examples
    --------
    >>> alias_occurs("Gamma", "Gamma Chips will supply chips")
    True
    >>> alias_occurs("JAC", "JACK and Jill")
    False
    """
    pattern = r"(?<![^\W_])" + re.escape(alias) + r"(?![^\W_])"
    return re.search(pattern, text) is not None


def _add_entity(graph: Graph, entity: Entity, article: Article) -> None:
    node = entity_iri(entity.id)
    graph.add((node, ns.RDF.type, class_for(entity.type)))
    graph.add((node, ns.RDFS.label, Literal(entity.name, lang="en")))
    graph.add((node, AKG.mentionedIn, document_iri(article.id)))
    for alias in entity.aliases:
        if alias != entity.name and alias_occurs(alias, article.text):
            graph.add((node, ns.SKOS.altLabel, Literal(alias, lang="en")))


def _add_deal(graph: Graph, deal: Deal, evidence: list[Evidence], doc: URIRef) -> None:
    node = deal_iri(deal.id)
    graph.add((node, ns.RDF.type, AKG.Deal))
    graph.add((node, AKG.kind, KIND[deal.kind]))
    graph.add((node, AKG.status, STATUS[deal.status]))
    for party in deal.parties:
        agent = entity_iri(party.entity)
        participation = URIRef(f"{node}/party/{agent.rsplit('/', 1)[-1]}")
        graph.add((node, AKG.party, agent))
        graph.add((node, AKG.participation, participation))
        graph.add((participation, ns.RDF.type, AKG.Participation))
        graph.add((participation, AKG.agent, agent))
        graph.add((participation, AKG.role, ROLE[party.role]))
    if deal.date is not None:
        _add_date(graph, node, AKG.date, URIRef(f"{node}/date"), deal.date)
    if deal.end_date is not None:
        _add_date(graph, node, AKG.endDate, URIRef(f"{node}/end"), deal.end_date)
    if deal.place is not None:
        graph.add((node, AKG.place, entity_iri(deal.place)))
    if deal.value is not None:
        _add_money(graph, node, URIRef(f"{node}/value"), deal.value)
    if deal.stake is not None:
        graph.add((node, AKG.stake, decimal_literal(deal.stake)))
    if deal.title is not None:
        graph.add((node, ns.DCTERMS.title, Literal(deal.title)))
    _add_evidence(graph, node, evidence, doc)


def _add_relation(
    graph: Graph, relation: Relation, evidence: list[Evidence], doc: URIRef
) -> None:
    node = relation_iri(relation.id)
    subject = entity_iri(relation.subject)
    predicate = predicate_term(relation.predicate)
    # ``attended`` points at a deal (signing ceremonies are deals, not entities).
    obj = deal_iri(relation.object) if relation.predicate == "attended" else entity_iri(
        relation.object
    )
    graph.add((subject, predicate, obj))
    graph.add((node, ns.RDF.type, AKG.RelationStatement))
    graph.add((node, ns.RDF.subject, subject))
    graph.add((node, ns.RDF.predicate, predicate))
    graph.add((node, ns.RDF.object, obj))
    if relation.date is not None:
        _add_date(graph, node, AKG.date, URIRef(f"{node}/date"), relation.date)
    if relation.end_date is not None:
        _add_date(graph, node, AKG.endDate, URIRef(f"{node}/end"), relation.end_date)
    _add_evidence(graph, node, evidence, doc)


def _add_evidence(graph: Graph, owner: URIRef, evidence: list[Evidence], doc: URIRef) -> None:
    graph.add((owner, ns.PROV.wasDerivedFrom, doc))
    for item in evidence:
        node = evidence_iri(item)
        graph.add((owner, AKG.evidence, node))
        graph.add((node, ns.RDF.type, AKG.Evidence))
        graph.add((node, OA.hasSource, doc))
        graph.add((node, OA.start, _integer(item.start)))
        graph.add((node, OA.end, _integer(item.end)))
        graph.add((node, OA.exact, Literal(item.text)))


def evidence_iri(evidence: Evidence) -> URIRef:
    """The IRI of a piece of evidence: ``{document IRI}#char={start},{end}`` (RFC 5147).

    Examples
    --------
    >>> from anhui_kg.models import Evidence
    >>> evidence_iri(Evidence(document="a.txt", start=0, end=5, text="HEFEI"))
    rdflib.term.URIRef('https://w3id.org/anhui-kg/document/a.txt#char=0,5')
    """
    return URIRef(f"{document_iri(evidence.document)}#char={evidence.start},{evidence.end}")


def _add_date(
    graph: Graph, owner: URIRef, prop: URIRef, node: URIRef, value: DateValue
) -> None:
    graph.add((owner, prop, node))
    graph.add((node, ns.RDF.type, AKG.DateValue))
    graph.add((node, AKG.value, Literal(value.value)))
    graph.add((node, AKG.precision, Literal(value.precision)))
    graph.add((node, AKG.earliest, _xsd_date(value.earliest)))
    graph.add((node, AKG.latest, _xsd_date(value.latest)))
    graph.add((node, AKG.dateOrigin, Literal(value.origin)))


# rdflib parses a typed literal's value when it is made; the same few thousand dates and
# offsets come back across a corpus
@lru_cache(maxsize=1 << 14)
def _xsd_date(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=ns.XSD.date)


@lru_cache(maxsize=1 << 16)
def _integer(n: int) -> Literal:
    return Literal(n)


def _add_money(graph: Graph, owner: URIRef, node: URIRef, money: Money) -> None:
    graph.add((owner, AKG.value, node))
    graph.add((node, ns.RDF.type, SCHEMA.MonetaryAmount))
    graph.add((node, SCHEMA.value, decimal_literal(money.amount)))
    graph.add((node, SCHEMA.currency, Literal(money.currency)))


def decimal_literal(number: float) -> Literal:
    """An ``xsd:decimal`` literal in plain notation, without exponent or trailing zeros.

    The float's shortest repr is kept, so 0.1 stays ``0.1`` and is not widened to the
    binary value; the lexical form is the same for equal inputs (graphs compare by it).

    Examples
    --------
    >>> literal = decimal_literal(2e9)
    >>> str(literal), literal.datatype == ns.XSD.decimal
    ('2000000000', True)
    >>> str(decimal_literal(51.0)), str(decimal_literal(2.50)), str(decimal_literal(0.1))
    ('51', '2.5', '0.1')
    """
    value = Decimal(repr(float(number))).normalize()
    text = format(value, "f")
    if text in ("-0", ""):
        text = "0"
    return Literal(text, datatype=ns.XSD.decimal)
