"""Store: the graph on disk (Oxigraph, embedded) or in memory, one named graph per article.

rdflib is the RDF toolkit of the rest of the package; Oxigraph is the engine that holds
and queries the quads. Queries see the union of the article graphs as the default graph:
the store keeps that default graph as the *set* union of the named graphs, refreshed in
the same atomic update as every write. (Oxigraph's ``use_default_graph_as_union`` returns
a triple once per graph holding it, so a pattern of k triples over a fact told by n
articles would make n**k intermediate rows.) The two meet here only: ``select`` answers SPARQL with rdflib
terms, ``dataset`` hands back an rdflib ``Dataset``, ``sync`` writes one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from .errors import StoreError

if TYPE_CHECKING:
    from .remote import RemoteStore

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
    """The Oxigraph term for an rdflib term (IRIs and short literals memoised: a large
    build repeats the same few hundred thousand of them; long texts are not kept)."""
    if isinstance(term, rdflib.Literal) and len(term) > _SHORT:
        return _ox_term(term)
    return _to_ox_memo(term)


def nt(term: Node) -> str:
    """``term`` in N-Triples syntax, escaped by Oxigraph (so valid in N-Quads and SPARQL)."""
    if isinstance(term, rdflib.Literal) and len(term) > _SHORT:
        return str(_ox_term(term))
    return _nt_memo(term)


_SHORT = 120


def _ox_term(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
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


_to_ox_memo = lru_cache(maxsize=1 << 17)(_ox_term)
_nt_memo = lru_cache(maxsize=1 << 17)(lambda term: str(_ox_term(term)))


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


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
    "unsignedByte"))


def literal_value(text: str, datatype: str | None):
    """A JSON-able value for a literal: numbers as int/float, booleans as bool, anything
    else (dates too) as its lexical form; an ill-typed literal keeps what was written.

    Examples
    --------
    >>> literal_value("2000000000", "http://www.w3.org/2001/XMLSchema#decimal")
    2000000000
    >>> literal_value("2023-09-01", "http://www.w3.org/2001/XMLSchema#date")
    '2023-09-01'
    """
    try:
        if datatype in _INTEGER_TYPES:
            return int(text)
        if datatype == _XSD + "decimal":
            number = Decimal(text)
            return int(number) if number == number.to_integral_value() else float(number)
        if datatype in (_XSD + "double", _XSD + "float"):
            return float(text)
        if datatype == _XSD + "boolean":
            return text.strip().lower() in ("true", "1")
    except (ValueError, ArithmeticError):
        return text
    return text


def _value(term):
    """The plain value of an Oxigraph term, as ``queries.to_python`` gives for rdflib's."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return literal_value(term.value, term.datatype.value)


def _key(term: Node) -> str:
    # Oxigraph stores language tags lower-cased (BCP 47 tags are case-insensitive).
    if isinstance(term, rdflib.Literal) and term.language:
        return rdflib.Literal(str(term), lang=term.language.lower()).n3()
    return term.n3()


from .graph import graph_digest  # noqa: E402  (re-exported: remote.py and tests use it)

_GRAPH_DIGEST = ox.NamedNode("https://w3id.org/anhui-kg/ontology#graphDigest")
_DEFAULT = ox.DefaultGraph()


def _stated_digest(name: str, triples: list) -> str | None:
    """The akg:graphDigest a graph states about itself (graph.py puts it last), or None."""
    for s_, p_, o_ in reversed(triples[-3:]) if triples else ():
        if str(p_) == _GRAPH_DIGEST.value and str(s_) == name:
            return str(o_)
    for s_, p_, o_ in triples:
        if str(p_) == _GRAPH_DIGEST.value and str(s_) == name:
            return str(o_)
    return None


class Store:
    """Quads in Oxigraph: on disk when ``path`` is given, in memory otherwise."""

    def __init__(self, path: Path | None = None):
        self.path = path
        try:
            self._oxstore: ox.Store | None = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:  # locked by another process, unreadable folder, ...
            raise StoreError(
                f"Cannot open the store at {path}: {exc}.\n"
                "  Is another anhui-kg process using it? Or pass --store with another folder."
            ) from exc
        self._ensure_union()

    def _ensure_union(self) -> None:
        # A store written before the union default graph existed: build it once.
        store = self._ox
        has_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        if has_default is None and next(iter(store.named_graphs()), None) is not None:
            self._update(_REFRESH_UNION)

    @property
    def _ox(self) -> ox.Store:
        if self._oxstore is None:
            where = "" if self.path is None else f" at {self.path}"
            raise StoreError(f"The store{where} is closed; open it again with open_store.")
        return self._oxstore

    # -- reading -----------------------------------------------------------------
    def select(self, sparql: str) -> list[dict[str, Node | None]]:
        """Run a SPARQL SELECT over the union of all graphs; rows map variable -> rdflib term."""
        result = self._select(sparql)
        if isinstance(result, ox.QueryBoolean):
            return [{"ask": rdflib.Literal(bool(result))}]
        names = [v.value for v in result.variables]
        return [{n: _to_rdflib(sol[n]) for n in names} for sol in result]

    def select_values(self, sparql: str) -> list[dict]:
        """``select`` with each term as its plain value (``literal_value``: IRIs as strings,
        numbers as numbers), read straight from Oxigraph's terms: the views ask for
        hundreds of rows at a time, and rdflib terms in between cost as much as the query."""
        result = self._select(sparql)
        if isinstance(result, ox.QueryBoolean):
            return [{"ask": bool(result)}]
        names = [v.value for v in result.variables]
        return [{n: _value(sol[n]) for n in names} for sol in result]

    def _select(self, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean:
        try:
            result = self._ox.query(sparql)
        except SyntaxError as exc:
            raise StoreError(f"The SPARQL query does not parse: {exc}") from exc
        if not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            raise StoreError("Expected a SELECT or ASK query; use `construct` for graphs.")
        return result

    def construct(self, sparql: str) -> rdflib.Graph:
        """Run a SPARQL CONSTRUCT/DESCRIBE over the union of all graphs."""
        try:
            result = self._ox.query(sparql)
        except SyntaxError as exc:
            raise StoreError(f"The SPARQL query does not parse: {exc}") from exc
        if not isinstance(result, ox.QueryTriples):
            raise StoreError("Expected a CONSTRUCT or DESCRIBE query; use `select` for SELECT/ASK.")
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
        """The number of quads in the article graphs (the union default graph not counted)."""
        rows = self._ox.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    # -- writing -----------------------------------------------------------------
    def sync(self, dataset: rdflib.Dataset) -> SyncReport:
        """Make each named graph of ``dataset`` the store's graph of that name.

        Graphs whose content is unchanged are left alone; graphs not in ``dataset`` are
        kept (use ``remove_graph`` to retract an article). See ``sync_graphs``.

        Examples
        --------
        >>> ds = rdflib.Dataset()
        >>> g = ds.graph(rdflib.URIRef("https://example.org/doc/a"))
        >>> _ = g.add((rdflib.URIRef("https://example.org/x"), rdflib.RDFS.label, rdflib.Literal("X")))
        >>> store = open_store(None)
        >>> store.sync(ds).added
        ('https://example.org/doc/a',)
        >>> store.sync(ds).unchanged
        ('https://example.org/doc/a',)
        """
        graphs = (
            (str(g.identifier), list(g))
            for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier))
            if str(g.identifier) != "urn:x-rdflib:default" and len(g) > 0
        )
        return self.sync_graphs(graphs)

    def sync_graphs(self, graphs: Iterable[tuple[str, list[tuple[Node, Node, Node]]]]) -> SyncReport:
        """Write a stream of (graph name, triples): new graphs are added, changed ones
        replaced, unchanged ones (same digest) left alone.

        The default graph stays the set union of the article graphs without being
        recomputed: a new graph's triples are added to it, and a replaced graph first
        takes away the triples no other graph holds. Nothing is written before the stream
        has been checked by the caller, so bad input never leaves half an article behind.

        * A replacement is one SPARQL UPDATE: atomic.
        * New graphs are spooled as N-Quads to a temporary file, then loaded in one go: in
          one transaction when they are few or the store is in memory, through Oxigraph's
          bulk loader (several times faster, not transactional) when an on-disk store
          takes many. One bulk load, not many: each one costs more as the store grows.
          Either way each graph's ``akg:graphDigest`` is written *last*, in one
          transaction once every batch is in: a graph without its digest is known to be
          incomplete (an interrupted build), is not counted as stored, and is replaced
          when the article is built again.
        """
        known = self._digests()
        present = set(self.graph_names())
        added, replaced, unchanged = [], [], []
        digests: list[ox.Quad] = []
        with _Spool() as spool:
            for name, triples in graphs:
                name = str(name)
                # graph.py states each article graph's digest in the graph (akg:graphDigest); a
                # graph without one (hand-made data) is compared with the stored copy instead
                digest = _stated_digest(name, triples)
                if name in present:
                    same = (known.get(name) == digest) if digest is not None else (
                        graph_digest(self.triples(name)) == graph_digest(triples))
                    if same:
                        unchanged.append(name)
                        continue
                    replaced.append(name)
                    self._update(_replace_update(name, triples))
                    continue
                added.append(name)
                if digest is not None:
                    g = ox.NamedNode(name)
                    stated = (g, _GRAPH_DIGEST, ox.Literal(digest))
                    digests += [ox.Quad(*stated, g), ox.Quad(*stated, _DEFAULT)]
                    triples = [t for t in triples if not (str(t[1]) == _GRAPH_DIGEST.value and str(t[0]) == name)]
                spool.add(name, triples)
            bulk = self.path is not None and spool.quads >= _BULK_MIN
            for part in spool.parts():
                self._load(part, bulk=bulk)
        if digests:
            self._extend(digests)
        if bulk:
            # The bulk loader leaves many small files that RocksDB compacts in the background
            # for minutes; compacting now keeps that work off the first queries (at 100k
            # articles, partners for the busiest company took 52 ms p50 instead of 36).
            self._ox.optimize()
        return SyncReport(tuple(sorted(added)), tuple(sorted(replaced)), tuple(sorted(unchanged)))

    def _load(self, nquads, *, bulk: bool) -> None:
        try:
            if bulk:
                self._ox.bulk_load(nquads, ox.RdfFormat.N_QUADS)
            else:
                self._ox.load(nquads, ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"Writing to the store{'' if self.path is None else f' at {self.path}'} "
                             f"failed: {exc}.") from exc
        if self.path is not None:
            self._ox.flush()

    def _digests(self) -> dict[str, str]:
        """Graph name -> the digest its document states (only graphs built by graph.py)."""
        return {q.graph_name.value: q.object.value
                for q in self._ox.quads_for_pattern(None, _GRAPH_DIGEST, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.subject == q.graph_name}

    def _extend(self, quads: list[ox.Quad]) -> None:
        try:
            self._ox.extend(quads)  # one transaction
        except OSError as exc:
            raise StoreError(f"Writing to the store{'' if self.path is None else f' at {self.path}'} "
                             f"failed: {exc}.") from exc
        if self.path is not None:
            self._ox.flush()

    def remove_graph(self, name: str) -> bool:
        """Drop one named graph (and the union triples only it held); returns whether it existed."""
        if name not in set(self.graph_names()):
            return False
        self._update(_retract_update(name))
        return True

    def _update(self, sparql_update: str) -> None:
        # One `update` call is one Oxigraph transaction: all of it or nothing.
        try:
            self._ox.update(sparql_update)
        except (SyntaxError, OSError) as exc:
            raise StoreError(
                f"Writing to the store{'' if self.path is None else f' at {self.path}'} failed: {exc}. "
                "Nothing was changed."
            ) from exc
        if self.path is not None:
            self._ox.flush()

    # -- lifetime ----------------------------------------------------------------
    def close(self) -> None:
        """Release the store (and its folder lock) now rather than at garbage collection.

        Any later call on this ``Store`` raises ``StoreError``. ``Store`` is also a
        context manager: ``with open_store(path) as store: ...`` closes it on exit.
        """
        self._oxstore = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


_REFRESH_UNION = "CLEAR SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
"""SPARQL UPDATE that makes the default graph the set union of the article graphs."""


_BULK_MIN = 50_000
"""Writes of at least this many quads (on disk) go through the bulk loader."""
_PART_QUADS = 500_000
"""At most this many quads per load (see ``_Spool``)."""


class _Spool:
    """New article graphs as N-Quads in temporary files of at most ``part_quads`` quads:
    each triple in its named graph and in the union default graph (Oxigraph keeps quads
    as a set, so a triple many articles state is one quad of the default graph).

    The parts bound the memory of a load: Oxigraph's bulk loader takes memory in
    proportion to its input, up to about 2 GB per thread, and pyoxigraph cannot set that
    limit. At 10k articles (2.4M quads), one load peaked at 2.4 GB RSS; parts of 500k
    quads peaked at 0.9 GB, and were no slower."""

    def __init__(self, part_quads: int | None = None) -> None:
        self.part_quads = part_quads or _PART_QUADS
        self.quads = 0
        self._files: list = []
        self._in_part = 0
        self._lines: list[str] = []

    def add(self, name: str, triples: list[tuple[Node, Node, Node]]) -> None:
        g = f" {_iri(name)} .\n"
        for s_, p_, o_ in triples:
            spo = f"{nt(s_)} {nt(p_)} {nt(o_)}"
            self._lines.append(spo + g)
            self._lines.append(spo + " .\n")
        n = 2 * len(triples)
        self.quads += n
        self._in_part += n
        if self._in_part >= self.part_quads or len(self._lines) >= 100_000:
            self._flush(new_part=self._in_part >= self.part_quads)

    def _flush(self, *, new_part: bool = False) -> None:
        if self._lines:
            if not self._files:
                self._files.append(tempfile.TemporaryFile())
            self._files[-1].write("".join(self._lines).encode("utf-8"))
            self._lines = []
        if new_part:
            self._files.append(tempfile.TemporaryFile())
            self._in_part = 0

    def parts(self):
        """Each part's file, rewound, in the order written."""
        self._flush()
        for f in self._files:
            if f.tell():
                f.seek(0)
                yield f

    def __enter__(self) -> "_Spool":
        return self

    def __exit__(self, *exc_info) -> None:
        for f in self._files:
            f.close()


def _iri(value: str) -> str:
    """``value`` as a SPARQL IRI reference, refusing anything that is not an absolute IRI."""
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise StoreError(f"{value!r} is not an absolute IRI: {exc}") from exc


def _retract_update(name: str) -> str:
    """Drop graph ``name``, its digest, and the union triples no other article graph holds."""
    g = _iri(name)
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g}"
    )


def _replace_update(name: str, triples: list[tuple[Node, Node, Node]]) -> str:
    """One atomic UPDATE: retract graph ``name``, write its new triples and digest."""
    g = _iri(name)
    body = " .\n".join(f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples)
    return (
        f"{_retract_update(name)} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{body} .\n}} }} ;\n"
        f"INSERT DATA {{\n{body} .\n}}"
    )


def _replace_graph_update(name: str, triples: list[tuple[Node, Node, Node]]) -> str:
    """SPARQL UPDATE text that makes graph ``name`` hold exactly ``triples``.

    Terms are written in N-Triples syntax by Oxigraph itself, so any literal is
    escaped correctly (N-Triples terms are valid SPARQL terms).
    """
    g = _iri(name)
    body = " .\n".join(f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in triples)
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body} .\n}} }}"


def open_store(path: Path | str | None) -> Store | RemoteStore:
    """Open the store ``path`` names: a SPARQL server, a folder, or memory.

    ``http://...`` or ``https://...`` (also as a ``Path``, which keeps one slash) is a
    SPARQL 1.1 server (``remote.RemoteStore``, checked to answer; URLs and credentials as
    described in ``anhui_kg.remote``); any other path is the embedded store in that
    folder, created if needed; ``None`` is an embedded store in memory.
    """
    from .remote import is_remote, open_remote  # remote imports this module

    if is_remote(path):
        return open_remote(path)
    if path is None:
        return Store(None)
    p = Path(path)
    if p.exists() and not p.is_dir():
        raise StoreError(f"{p} exists and is not a store folder. Pass --store with a folder path.")
    p.mkdir(parents=True, exist_ok=True)
    return Store(p)
