"""Validation: RDF ``Dataset`` -> ``ValidationReport`` (SHACL), ``Resolved`` -> evidence problems.

Contract: ``validate`` runs pySHACL with the shipped ``ontology/shapes.ttl`` on each named
graph of the dataset on its own (an article graph must be complete by itself) and reports
each problem as one readable line ``focus node: path: message (graph …)``. ``check_evidence``
checks, before any RDF exists, that every evidence quote is exactly
``article.text[start:end]``. Neither function raises on bad data or prints; callers decide
(the CLI turns problems into ``ShapeViolation``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files

import rdflib
import rdflib.namespace as ns
from pydantic import BaseModel, ConfigDict
from pyshacl import validate as shacl_validate

from .models import Evidence, Resolved
from .namespaces import PREFIXES

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_DEFAULT_GRAPH = "urn:x-rdflib:default"

# Prefixes used to shorten IRIs in problem lines (longest namespace wins).
_SHORT = sorted(
    [(prefix, str(namespace)) for prefix, namespace in PREFIXES.items()]
    + [
        ("rdf", str(ns.RDF)),
        ("rdfs", str(ns.RDFS)),
        ("skos", str(ns.SKOS)),
        ("dcterms", str(ns.DCTERMS)),
        ("prov", str(ns.PROV)),
        ("xsd", str(ns.XSD)),
    ],
    key=lambda pair: -len(pair[1]),
)


class ValidationReport(BaseModel):
    """Whether the data passed, and one readable line per problem (sorted)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    conforms: bool
    problems: tuple[str, ...] = ()


def _ontology_file(name: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    resource = files("anhui_kg") / "ontology" / name
    graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def shapes_graph() -> rdflib.Graph:
    """The SHACL shapes shipped in ``ontology/shapes.ttl`` (parsed once; do not modify).

    Examples
    --------
    >>> from rdflib import URIRef
    >>> URIRef("https://w3id.org/anhui-kg/ontology#Deal") in set(
    ...     shapes_graph().objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    True
    """
    return _ontology_file("shapes.ttl")


@cache
def ontology_graph() -> rdflib.Graph:
    """The OWL ontology shipped in ``ontology/anhui-kg.ttl`` (parsed once; do not modify).

    Examples
    --------
    >>> from rdflib import URIRef
    >>> (URIRef("https://w3id.org/anhui-kg/ontology"), None, None) in ontology_graph()
    True
    """
    return _ontology_file("anhui-kg.ttl")


def short(term: rdflib.term.Node | None) -> str:
    """A node as it reads best in a message: ``deal:x``, ``<iri>``, or a quoted literal.

    Examples
    --------
    >>> from rdflib import URIRef, Literal
    >>> short(URIRef("https://w3id.org/anhui-kg/deal/alpha-jv-2021"))
    'deal:alpha-jv-2021'
    >>> short(URIRef("https://w3id.org/anhui-kg/document/a.txt#char=0,96"))
    '<https://w3id.org/anhui-kg/document/a.txt#char=0,96>'
    >>> short(Literal(5))
    '5'
    """
    if term is None:
        return "-"
    if isinstance(term, rdflib.URIRef):
        iri = str(term)
        for prefix, namespace in _SHORT:
            rest = iri[len(namespace):]
            if iri.startswith(namespace) and rest and all(
                c.isalnum() or c in "-_.%" for c in rest
            ):
                return f"{prefix}:{rest}"
        return f"<{iri}>"
    if isinstance(term, rdflib.Literal):
        return str(term) if term.datatype in (ns.XSD.integer, ns.XSD.decimal) else repr(
            str(term)
        )
    return str(term)


def _path_text(results: rdflib.Graph, path: rdflib.term.Node | None) -> str:
    if path is None:
        return "-"
    if isinstance(path, rdflib.BNode):  # a sequence path such as (akg:participation akg:agent)
        items = list(rdflib.collection.Collection(results, path))
        if items:
            return "/".join(short(item) for item in items)
    return short(path)


def _problems(results: rdflib.Graph, graph_name: str) -> list[str]:
    lines = []
    for result in results.subjects(ns.RDF.type, _SH.ValidationResult):
        focus = results.value(result, _SH.focusNode)
        path = results.value(result, _SH.resultPath)
        value = results.value(result, _SH.value)
        messages = sorted(str(m) for m in results.objects(result, _SH.resultMessage))
        if messages:
            message = messages[0]
        else:
            message = short(results.value(result, _SH.sourceConstraintComponent))
        line = f"{short(focus)}: {_path_text(results, path)}: {message}"
        if value is not None and value != focus:
            line += f" (value {short(value)})"
        lines.append(f"{line} [graph {short(rdflib.URIRef(graph_name))}]")
    return lines


def validate(dataset: rdflib.Dataset) -> ValidationReport:
    """Check every named graph of ``dataset`` against the shipped SHACL shapes.

    Parameters
    ----------
    dataset
        As built by ``graph.build_graph``: one named graph per article. Triples in the
        default graph are validated as a graph of their own.

    Returns
    -------
    ValidationReport
        ``conforms`` and the problems, one line each:
        ``focus node: path: message [graph doc:…]``.

    Examples
    --------
    >>> from rdflib import Dataset, Literal, URIRef, RDF
    >>> ds = Dataset()
    >>> g = ds.graph(URIRef("https://w3id.org/anhui-kg/document/a.txt"))
    >>> akg = "https://w3id.org/anhui-kg/ontology#"
    >>> deal = URIRef("https://w3id.org/anhui-kg/deal/x")
    >>> _ = g.add((deal, RDF.type, URIRef(akg + "Deal")))
    >>> report = validate(ds)
    >>> report.conforms
    False
    >>> print("\\n".join(p for p in report.problems if "akg:kind" in p))
    deal:x: akg:kind: a deal needs exactly one akg:kind from akg:DealKindScheme [graph doc:a.txt]
    """
    problems: list[str] = []
    conforms = True
    for graph in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        data = rdflib.Graph()
        for triple in graph:
            data.add(triple)
        ok, results, _text = shacl_validate(
            data,
            shacl_graph=shapes_graph(),
            inference="none",
            abort_on_first=False,
            allow_warnings=False,
            advanced=True,
        )
        if not ok:
            conforms = False
            problems.extend(_problems(results, str(graph.identifier)))
    return ValidationReport(conforms=conforms, problems=tuple(sorted(set(problems))))


def check_evidence(resolved: Resolved) -> list[str]:
    """Problems with evidence: quotes that are not ``article.text[start:end]``.

    Every deal's and relation's evidence must name a known article, have
    ``0 <= start < end <= len(text)``, and quote exactly the text at those offsets.

    Returns
    -------
    list[str]
        One line per problem, ``deal <id>: <file>#char=<start>,<end>: <what is wrong>``;
        empty when all evidence is exact.

    Examples
    --------
    >>> from anhui_kg.models import Article, Evidence, Relation, Resolved
    >>> article = Article(id="a.txt", text="Alpha Motors is in Hefei.", sha256="0" * 64)
    >>> good = Evidence(document="a.txt", start=0, end=12, text="Alpha Motors")
    >>> bad = Evidence(document="a.txt", start=0, end=5, text="Beta")
    >>> rel = Relation(id="r", subject="alpha", predicate="located_in", object="hefei",
    ...                evidence=(good, bad))
    >>> check_evidence(Resolved(articles=(article,), entities=(), deals=(), relations=(rel,)))
    ["relation r: a.txt#char=0,5: quotes 'Beta' but the text there is 'Alpha'"]
    """
    texts = {article.id: article.text for article in resolved.articles}
    owners = [("deal", d.id, d.evidence) for d in resolved.deals] + [
        ("relation", r.id, r.evidence) for r in resolved.relations
    ]
    return evidence_problems(texts, owners)


def evidence_problems(texts: Mapping[str, str],
                      owners: Iterable[tuple[str, str, Iterable[Evidence]]]) -> list[str]:
    """``check_evidence`` over (kind, id, evidence) of each fact and the article texts."""
    problems = []
    for what, owner_id, evidence in owners:
        for item in evidence:
            where = f"{what} {owner_id}: {item.document}#char={item.start},{item.end}"
            text = texts.get(item.document)
            if text is None:
                problems.append(f"{where}: no article {item.document!r} in the corpus")
            elif not 0 <= item.start < item.end <= len(text):
                problems.append(
                    f"{where}: offsets outside the article's text (0..{len(text)})"
                )
            elif text[item.start:item.end] != item.text:
                problems.append(
                    f"{where}: quotes {item.text!r} but the text there is "
                    f"{text[item.start:item.end]!r}"
                )
    return problems
