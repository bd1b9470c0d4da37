"""Store: the graph on disk (Oxigraph, embedded) or in memory, one named graph per article.

rdflib is the RDF toolkit of the rest of the package; Oxigraph is the engine that holds
and queries the quads. The two meet here only: ``select`` answers SPARQL with rdflib
terms, ``dataset`` hands back an rdflib ``Dataset``, ``sync`` writes one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from .errors import StoreError

DEFAULT_STORE = Path("anhui-kg.store")
STORE_ENV = "ANHUI_KG_STORE"


def default_store_path() -> Path:
    """The store used when ``--store`` is not given: ``$ANHUI_KG_STORE`` or ./anhui-kg.store."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


@dataclass(frozen=True)
class SyncReport:
    """What ``Store.sync`` did, graph by graph (graph IRIs, sorted)."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]


def _to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"Cannot store RDF term {term!r} of type {type(term).__name__}.")


def _to_rdflib(term) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(dt))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise StoreError(f"Unexpected term from Oxigraph: {term!r}")


def graph_digest(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """A content hash of a graph without blank nodes (our graphs have none)."""
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


class Store:
    """Quads in Oxigraph: on disk when ``path`` is given, in memory otherwise."""

    def __init__(self, path: Path | None = None):
        self.path = path
        try:
            self._ox = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:  # locked by another process, unreadable folder, ...
            raise StoreError(
                f"Cannot open the store at {path}: {exc}.\n"
                "  Is another anhui-kg process using it? Or pass --store with another folder."
            ) from exc

    # -- reading -----------------------------------------------------------------
    def select(self, sparql: str) -> list[dict[str, Node | None]]:
        """Run a SPARQL SELECT over the union of all graphs; rows map variable -> rdflib term."""
        try:
            result = self._ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise StoreError(f"The SPARQL query does not parse: {exc}") from exc
        if isinstance(result, bool):
            return [{"ask": rdflib.Literal(result)}]
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("Expected a SELECT or ASK query; use `construct` for graphs.")
        names = [v.value for v in result.variables]
        return [{n: _to_rdflib(sol[n]) for n in names} for sol in result]

    def construct(self, sparql: str) -> rdflib.Graph:
        """Run a SPARQL CONSTRUCT/DESCRIBE over the union of all graphs."""
        result = self._ox.query(sparql, use_default_graph_as_union=True)
        g = rdflib.Graph()
        for t in result:
            g.add((_to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)))
        return g

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def triples(self, graph: str) -> list[tuple[Node, Node, Node]]:
        q = self._ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return [(_to_rdflib(x.subject), _to_rdflib(x.predicate), _to_rdflib(x.object)) for x in q]

    def dataset(self) -> rdflib.Dataset:
        """Everything in the store as an rdflib Dataset (for exports and tests)."""
        ds = rdflib.Dataset()
        for name in self.graph_names():
            g = ds.graph(rdflib.URIRef(name))
            for t in self.triples(name):
                g.add(t)
        return ds

    def __len__(self) -> int:
        return len(self._ox)

    # -- writing -----------------------------------------------------------------
    def sync(self, dataset: rdflib.Dataset) -> SyncReport:
        """Make each named graph of ``dataset`` the store's graph of that name.

        Graphs whose content is unchanged are left alone; graphs not in ``dataset`` are
        kept (use ``remove_graph`` to retract an article). All changes happen in one
        transaction: a failure leaves the store as it was.
        """
        added, replaced, unchanged = [], [], []
        existing = set(self.graph_names())
        writes: list[tuple[str, list]] = []
        for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
            name = str(g.identifier)
            if name == "urn:x-rdflib:default" or len(g) == 0:
                continue
            if name in existing:
                if graph_digest(self.triples(name)) == graph_digest(g):
                    unchanged.append(name)
                    continue
                replaced.append(name)
            else:
                added.append(name)
            writes.append((name, list(g)))
        if writes:
            def apply(tx: ox.Store) -> None:
                for name, triples in writes:
                    gn = ox.NamedNode(name)
                    tx.update(f"DROP SILENT GRAPH <{name}>")
                    tx.extend(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), gn) for s, p, o in triples)
            self._transaction(apply)
        return SyncReport(tuple(added), tuple(replaced), tuple(unchanged))

    def remove_graph(self, name: str) -> bool:
        """Drop one named graph; returns whether it existed."""
        if name not in set(self.graph_names()):
            return False
        self._transaction(lambda tx: tx.update(f"DROP SILENT GRAPH <{name}>"))
        return True

    def _transaction(self, fn) -> None:
        # pyoxigraph applies `update` atomically; batch the whole change in memory first
        # so a failure while building quads never leaves half an article behind.
        fn(self._ox)
        self._ox.flush() if self.path is not None else None


def open_store(path: Path | str | None) -> Store:
    """Open (creating if needed) the embedded store at ``path``; ``None`` means in memory."""
    if path is None:
        return Store(None)
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise StoreError(f"{p} exists and is not a store folder. Pass --store with a folder path.")
    p.mkdir(parents=True, exist_ok=True)
    return Store(p)
