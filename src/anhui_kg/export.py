"""Export: store and NetworkX graphs -> files for Gephi, spreadsheets and RDF tools.

Stage contract
--------------
Input is a store (only ``select`` and ``dataset`` are used) or a graph from
``anhui_kg.analysis``; output is files, and each writer returns the path it wrote.

- ``write_graphml``: Gephi-safe GraphML. Every node has a ``label``, every edge a
  ``weight``; every value is ``str``, ``int``, ``float`` or ``bool`` (lists joined with
  "; ", dates as ISO strings, ``None`` left out), and each key has one declared type.
- ``write_gexf``: GEXF 1.3, dynamic (``timeformat="date"``): nodes and edges carry
  ``start`` (earliest day of their first deal) and ``end`` (the day their last deal ended,
  only when every one of their deals has ended), so Gephi's Timeline shows the alliance
  forming. Written with lxml, because networkx's writer targets GEXF 1.2 (wrong namespace,
  empty ``name=""``); the result validates against the official 1.3 schema.
- ``write_csv``: Gephi spreadsheet import (``Id, Label, ...`` and ``Source, Target, Type,
  Weight, ...``).
- ``write_rdf``: Turtle (the union of all article graphs), TriG (one named graph per
  article) or JSON-LD (named graphs kept).
- ``export_all``: every format into one folder (this is what ``exports/`` holds).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from lxml import etree

from .analysis import SparqlStore, partnership_graph
from .errors import UnknownQuery
from .namespaces import PREFIXES

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

RDF_FORMATS: dict[str, tuple[str, str]] = {
    "ttl": ("turtle", ".ttl"),
    "turtle": ("turtle", ".ttl"),
    "trig": ("trig", ".trig"),
    "jsonld": ("json-ld", ".jsonld"),
    "json-ld": ("json-ld", ".jsonld"),
}
"""RDF export formats: name on the command line -> (rdflib format, file suffix)."""

EXPORT_FILES: tuple[str, ...] = (
    "partnerships.graphml", "partnerships.gexf", "nodes.csv", "edges.csv",
    "graph.ttl", "graph.trig", "graph.jsonld",
    "partnerships.png", "partnerships.svg", "timeline.png",
)
"""The files ``export_all`` writes, in order."""


# ---------------------------------------------------------------------------------------
# Values Gephi and every GraphML reader accept
# ---------------------------------------------------------------------------------------

def _plain(value: Any) -> str | int | float | bool | None:
    """One attribute value as str/int/float/bool; ``None`` stays None (the caller drops it).

    Examples
    --------
    >>> _plain(["supply", "joint_venture"]), _plain(date(2021, 3, 1)), _plain(3), _plain(None)
    ('supply; joint_venture', '2021-03-01', 3, None)
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "; ".join(str(_plain(v)) for v in items if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _unify(rows: list[dict[str, Any]]) -> None:
    """Give every attribute one type across all rows (GraphML declares one type per key).

    All ints stay ints; ints mixed with floats become floats; all bools stay bools;
    anything else mixed becomes strings.
    """
    keys = {k for r in rows for k in r}
    for key in keys:
        kinds = {type(r[key]) for r in rows if key in r}
        if kinds <= {bool} or kinds <= {int} or kinds <= {float} or kinds <= {str}:
            continue
        conv = float if kinds <= {int, float} else str
        for r in rows:
            if key in r:
                r[key] = conv(r[key])


def gephi_safe(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` that Gephi, networkx and igraph read back exactly.

    Node ids become strings; nodes get a ``label`` (their id if missing), edges a
    ``weight`` (1 if missing); values become str/int/float/bool with one type per key;
    ``None`` values and graph-level attributes are dropped.

    Examples
    --------
    >>> G = nx.Graph(); G.add_edge(1, 2, kinds=["a", "b"], first=None)
    >>> H = gephi_safe(G)
    >>> dict(H.nodes["1"]), dict(H.edges["1", "2"])
    ({'label': '1'}, {'kinds': 'a; b', 'weight': 1})
    """
    H = nx.MultiGraph() if G.is_multigraph() else nx.Graph()
    nodes = []
    for n, data in G.nodes(data=True):
        attrs = {k: _plain(v) for k, v in data.items() if _plain(v) is not None}
        attrs["label"] = str(attrs.get("label") or n)
        nodes.append((str(n), attrs))
    edges = []
    for u, v, data in G.edges(data=True):
        attrs = {k: _plain(v) for k, v in data.items() if _plain(v) is not None}
        attrs.setdefault("weight", 1)
        edges.append((str(u), str(v), attrs))
    _unify([a for _, a in nodes])
    _unify([a for _, _, a in edges])
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def write_graphml(G: nx.Graph, path: Path | str) -> Path:
    """Write ``G`` as GraphML that Gephi opens with labels, weights and typed attributes.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> G = partnership_graph(_example_store())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     back = nx.read_graphml(write_graphml(G, Path(tmp) / "g.graphml"))
    >>> back.nodes["alpha"]["label"], back.edges["alpha", "beta"]["weight"]
    ('Alpha Motors', 1)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(gephi_safe(G), path, encoding="utf-8", prettyprint=True)
    return path


# ---------------------------------------------------------------------------------------
# GEXF 1.3, dynamic
# ---------------------------------------------------------------------------------------

_GEXF_TYPES = {bool: "boolean", int: "integer", float: "double", str: "string"}
_NODE_TIME = ("first", "ended")  # become start/end, not attributes


def _gexf_attributes(parent: etree._Element, klass: str, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Declare the attributes of nodes or edges; returns attribute name -> GEXF id."""
    keys = sorted({k for r in rows for k in r})
    ids = {}
    if not keys:
        return ids
    block = etree.SubElement(parent, f"{{{GEXF_NS}}}attributes", {"class": klass, "mode": "static"})
    for i, key in enumerate(keys):
        kind = next(type(r[key]) for r in rows if key in r)
        ids[key] = f"{klass[0]}{i}"
        etree.SubElement(block, f"{{{GEXF_NS}}}attribute",
                         {"id": ids[key], "title": key, "type": _GEXF_TYPES[kind]})
    return ids


def _attvalues(element: etree._Element, ids: dict[str, str], attrs: dict[str, Any]) -> None:
    if not attrs:
        return
    values = etree.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for key in sorted(attrs):
        value = attrs[key]
        text = str(value).lower() if isinstance(value, bool) else str(value)
        etree.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": ids[key], "value": text})


def gexf_tree(G: nx.Graph, *, description: str = "") -> etree._ElementTree:
    """A GEXF 1.3 document in dynamic mode for a partnership graph.

    Node and edge ``first`` become ``start`` and ``ended`` becomes ``end`` (left open when
    None); edge ``weight`` is GEXF's own weight; the other attributes are declared static
    attributes (lists joined with "; ").

    Examples
    --------
    >>> from anhui_kg.analysis import _example_store
    >>> tree = gexf_tree(partnership_graph(_example_store()))
    >>> graph = tree.getroot()[1]
    >>> graph.get("mode"), graph.get("timeformat")
    ('dynamic', 'date')
    >>> [(n.get("id"), n.get("start"), n.get("end")) for n in graph.iter("{http://gexf.net/1.3}node")]
    [('alpha', '2021-03-01', None), ('alpha-ev', '2022-01-01', None), ('beta', '2021-03-01', None), ('gamma', '2022-01-01', None)]
    """
    H = gephi_safe(G)
    nsmap = {None: GEXF_NS, "xsi": XSI_NS}
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap=nsmap, version="1.3")
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{GEXF_NS} {GEXF_NS}/gexf.xsd")
    meta = etree.SubElement(root, f"{{{GEXF_NS}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NS}}}creator").text = "anhui-kg"
    etree.SubElement(meta, f"{{{GEXF_NS}}}description").text = (
        description or "Deals among Anhui auto-industry organisations; "
        "start/end come from the deals' date bounds."
    )
    graph = etree.SubElement(root, f"{{{GEXF_NS}}}graph", {
        "mode": "dynamic", "timeformat": "date", "defaultedgetype": "undirected",
    })
    node_rows = {n: {k: v for k, v in d.items() if k not in ("label", *_NODE_TIME)}
                 for n, d in H.nodes(data=True)}
    edge_rows = {(u, v): {k: x for k, x in d.items() if k not in ("weight", *_NODE_TIME)}
                 for u, v, d in H.edges(data=True)}
    node_ids = _gexf_attributes(graph, "node", list(node_rows.values()))
    edge_ids = _gexf_attributes(graph, "edge", list(edge_rows.values()))

    nodes = etree.SubElement(graph, f"{{{GEXF_NS}}}nodes", count=str(H.number_of_nodes()))
    for n, data in sorted(H.nodes(data=True)):
        el = etree.SubElement(nodes, f"{{{GEXF_NS}}}node", id=n, label=data["label"])
        for key, attr in (("first", "start"), ("ended", "end")):
            if data.get(key):
                el.set(attr, str(data[key]))
        _attvalues(el, node_ids, node_rows[n])
    edges = etree.SubElement(graph, f"{{{GEXF_NS}}}edges", count=str(H.number_of_edges()))
    for i, (u, v, data) in enumerate(sorted(H.edges(data=True), key=lambda e: (e[0], e[1]))):
        el = etree.SubElement(edges, f"{{{GEXF_NS}}}edge", id=str(i), source=u, target=v,
                              weight=str(float(data["weight"])))
        if isinstance(data.get("kinds"), str):
            el.set("label", data["kinds"])
        for key, attr in (("first", "start"), ("ended", "end")):
            if data.get(key):
                el.set(attr, str(data[key]))
        _attvalues(el, edge_ids, edge_rows[(u, v)])
    return etree.ElementTree(root)


def write_gexf(
    store: SparqlStore, path: Path | str, *, fold_subsidiaries: bool = False
) -> Path:
    """Write the partnership network over time as GEXF 1.3 for Gephi's Timeline.

    Every deal counts (no ``as_of``): time lives in the nodes' and edges' start/end.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = write_gexf(_example_store(), Path(tmp) / "g.gexf").read_text()
    >>> 'xmlns="http://gexf.net/1.3"' in text and 'mode="dynamic"' in text
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    G = partnership_graph(store, fold_subsidiaries=fold_subsidiaries)
    gexf_tree(G).write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return path


# ---------------------------------------------------------------------------------------
# CSV for Gephi's spreadsheet import
# ---------------------------------------------------------------------------------------

def _write_table(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])


def write_csv(G: nx.Graph, nodes_path: Path | str, edges_path: Path | str) -> tuple[Path, Path]:
    """Write a node table and an edge table that Gephi's spreadsheet import understands.

    Nodes: ``Id, Label`` then the other node attributes (sorted). Edges: ``Source, Target,
    Type`` (``Undirected``), ``Weight`` then the other edge attributes (sorted).

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> G = partnership_graph(_example_store())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     n, e = write_csv(G, Path(tmp) / "nodes.csv", Path(tmp) / "edges.csv")
    ...     print(n.read_text().splitlines()[1]); print(e.read_text().splitlines()[0])
    alpha,Alpha Motors,1,2021-03-01,https://w3id.org/anhui-kg/entity/alpha,Company
    Source,Target,Type,Weight,Label,deals,evidence,first,kinds,last,sentence
    """
    H = gephi_safe(G)
    nodes_path, edges_path = Path(nodes_path), Path(edges_path)
    node_keys = sorted({k for _, d in H.nodes(data=True) for k in d} - {"label"})
    _write_table(nodes_path, ["Id", "Label", *node_keys],
                 ([n, d["label"], *(d.get(k) for k in node_keys)] for n, d in H.nodes(data=True)))
    edge_keys = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"weight", "label"})
    _write_table(
        edges_path, ["Source", "Target", "Type", "Weight", "Label", *edge_keys],
        ([u, v, "Undirected", d["weight"], d.get("label", d.get("kinds")), *(d.get(k) for k in edge_keys)]
         for u, v, d in H.edges(data=True)),
    )
    return nodes_path, edges_path


# ---------------------------------------------------------------------------------------
# RDF
# ---------------------------------------------------------------------------------------

def _bind(graph: rdflib.Graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


class _OrderedDataset(rdflib.Dataset):
    """A dataset that lists its graphs in IRI order.

    rdflib's memory store keeps the named graphs in a set, so TriG and JSON-LD came out
    in a different graph order on every run; sorted, the same store gives the same file
    and exports can be diffed and committed.
    """

    def contexts(self, triple=None):
        yield from sorted(self.graphs(triple), key=lambda g: str(g.identifier))


def write_rdf(store: SparqlStore, path: Path | str, format: str = "ttl") -> Path:
    """Write the whole store as Turtle (union graph), TriG (named graphs) or JSON-LD.

    Parameters
    ----------
    store : Store
        Anything with ``dataset() -> rdflib.Dataset``.
    path : Path
        The file to write.
    format : str
        ``ttl``/``turtle``, ``trig`` or ``jsonld``/``json-ld``.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     g = rdflib.Graph().parse(write_rdf(_example_store(), Path(tmp) / "g.ttl", "ttl"))
    >>> len(g)
    44
    """
    if format not in RDF_FORMATS:
        raise UnknownQuery(
            f"Unknown RDF format {format!r}. Use one of: {', '.join(sorted(RDF_FORMATS))}."
        )
    rdf_format, _ = RDF_FORMATS[format]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    ds = store.dataset()
    if rdf_format == "turtle":
        union = rdflib.Graph()
        _bind(union)
        for s, p, o, _ in ds.quads((None, None, None, None)):
            union.add((s, p, o))
        union.serialize(path, format="turtle", encoding="utf-8")
    else:
        out = _OrderedDataset()
        _bind(out)
        for s, p, o, g in ds.quads((None, None, None, None)):
            out.graph(g).add((s, p, o))
        if rdf_format == "json-ld":  # sorted in memory, written once
            doc = _sorted_arrays(json.loads(out.serialize(format="json-ld")))
            path.write_text(json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        else:
            out.serialize(path, format=rdf_format, encoding="utf-8")
    return path


def _sorted_arrays(node: Any) -> Any:
    """JSON-LD with every array in a fixed order (rdflib writes nodes and values in hash
    order). Arrays here are unordered sets of nodes or values; an ``@list`` keeps its order."""
    if isinstance(node, dict):
        return {k: v if k == "@list" else _sorted_arrays(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_sorted_arrays(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node


# ---------------------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------------------

def export_all(
    store: SparqlStore, folder: Path | str, *, as_of: date | None = None,
    fold_subsidiaries: bool = False,
) -> list[Path]:
    """Write every export into ``folder`` (see ``EXPORT_FILES``); returns the paths written.

    ``as_of`` limits the static network (GraphML, CSV, pictures); the GEXF timeline,
    the RDF files and the deals-per-year chart always cover everything.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     written = export_all(_example_store(), tmp)
    ...     names = [p.name for p in written]
    >>> names == list(EXPORT_FILES)
    True
    """
    from .plot import draw_network, draw_timeline  # matplotlib is slow to import

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    G = partnership_graph(store, as_of=as_of, fold_subsidiaries=fold_subsidiaries)
    date_label = f"as of {as_of.isoformat()}" if as_of else "all deals"
    written = [
        write_graphml(G, folder / "partnerships.graphml"),
        write_gexf(store, folder / "partnerships.gexf", fold_subsidiaries=fold_subsidiaries),
        *write_csv(G, folder / "nodes.csv", folder / "edges.csv"),
        write_rdf(store, folder / "graph.ttl", "ttl"),
        write_rdf(store, folder / "graph.trig", "trig"),
        write_rdf(store, folder / "graph.jsonld", "jsonld"),
    ]
    for suffix in ("png", "svg"):
        written.append(draw_network(G, folder / f"partnerships.{suffix}",
                                    title="Anhui auto-industry partnerships", date_label=date_label))
    written.append(draw_timeline(store, folder / "timeline.png"))
    return written
