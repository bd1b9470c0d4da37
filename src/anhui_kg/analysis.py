"""Analysis: the RDF store -> NetworkX graphs -> rows (centrality, communities, brokers, paths, time).

Stage contract
--------------
Input is a store (anything with ``select(sparql) -> list[dict]``: the embedded
:class:`anhui_kg.store.Store` today, a remote SPARQL store later). Five projection queries
(``queries/projection_*.rq``) read deals, evidence, entities, ownership and people's roles;
everything else happens in Python on those rows, so ``evolution`` can replay the network
year by year from one read. Outputs are NetworkX graphs keyed by entity id (the IRI's last
segment, as in the JSON output) and lists of plain-dict rows for ``render``.

Choices made here, once, for every projection:

- A deal with status ``denied`` or ``hypothetical`` (``EXCLUDED_STATUSES``) did not happen
  and draws no edge.
- A deal is *active as of* a day when its earliest possible date is on or before that day
  and it has not ended before it (its end date's latest day is before the day). An undated
  deal is never active "as of" a day; it is kept when no day is given.
- ``fold_subsidiaries`` maps every organisation or brand to its top owner along
  ``akg:subsidiaryOf`` / ``akg:brandOf``; deals inside one group then vanish (no self-loops).
- Rows are sorted and floats rounded to 6 places, so results are stable and comparable.
"""

from __future__ import annotations

import difflib
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

import networkx as nx
import numpy as np

from .errors import UnknownQuery
from .namespaces import AKG, local_id

EXCLUDED_STATUSES: frozenset[str] = frozenset({"denied", "hypothetical"})
"""Deal statuses that mean the deal did not happen; such deals draw no edges."""

ORGANISATION_TYPES: tuple[str, ...] = ("Company", "Organization", "GovernmentBody", "Fund", "Media")
_TYPE_ORDER: tuple[str, ...] = ORGANISATION_TYPES + ("Brand", "Plant", "Product", "Place", "Person")

ROLE_PREDICATES: dict[str, str] = {
    "founderOf": "founder_of",
    "ceoOf": "ceo_of",
    "chairmanOf": "chairman_of",
    "presidentOf": "president_of",
    "executiveOf": "executive_of",
}
"""People's role predicates (ontology spelling -> the JSON spelling used in rows)."""

_ROUND = 6


class SparqlStore(Protocol):
    """What the analysis needs from a store: SPARQL SELECT over the union of its graphs."""

    def select(self, sparql: str) -> list[dict[str, Any]]: ...


# ---------------------------------------------------------------------------------------
# Reading the store
# ---------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def projection_query(name: str) -> str:
    """The text of ``queries/projection_{name}.rq`` shipped with the package.

    Examples
    --------
    >>> projection_query("deals").startswith("# Question:")
    True
    """
    path = resources.files("anhui_kg").joinpath("queries", f"projection_{name}.rq")
    if not path.is_file():
        raise UnknownQuery(f"There is no projection query named {name!r}.")
    return path.read_text(encoding="utf-8")


def _slug(term: Any) -> str:
    """The id of an IRI: an ontology term's name, else its last path segment (decoded)."""
    text = str(term)
    if text.startswith(str(AKG._NS)):
        return text[len(str(AKG._NS)):]
    return local_id(text)


def _str(term: Any) -> str | None:
    return None if term is None else str(term)


def _date(term: Any) -> date | None:
    return None if term is None else date.fromisoformat(str(term)[:10])


@dataclass(frozen=True)
class Deal:
    """One deal as the analysis sees it (ids are slugs; dates are bounds)."""

    id: str
    kind: str | None
    status: str | None
    title: str | None
    parties: tuple[tuple[str, str], ...]  # (entity id, role), sorted
    date: str | None = None
    precision: str | None = None
    earliest: date | None = None
    latest: date | None = None
    end_date: str | None = None
    end_latest: date | None = None
    evidence: int = 0
    sentence: str | None = None
    document: str | None = None

    @property
    def party_ids(self) -> list[str]:
        return sorted({p for p, _ in self.parties})

    def active(self, as_of: date | None) -> bool:
        """Whether the deal counts in the network as of a day (``None``: always)."""
        if as_of is None:
            return True
        if self.earliest is None or self.earliest > as_of:
            return False
        return self.end_latest is None or self.end_latest >= as_of

    def sort_key(self) -> tuple:
        return (self.earliest is None, self.earliest or date.max, self.id)


@dataclass(frozen=True)
class Network:
    """Everything the projections need, read from a store in one go (see ``load_network``)."""

    deals: tuple[Deal, ...]
    entities: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> {label, type, iri}
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> labels and aliases
    owner: dict[str, str] = field(default_factory=dict)  # child id -> parent id
    roles: tuple[tuple[str, str, str], ...] = ()  # (person id, role, org id)

    def label(self, entity: str) -> str:
        return self.entities.get(entity, {}).get("label", entity)

    def type(self, entity: str) -> str:
        return self.entities.get(entity, {}).get("type", "")


def load_network(store: SparqlStore) -> Network:
    """Run the projection queries once and gather deals, entities, ownership and roles.

    Deals with a status in ``EXCLUDED_STATUSES`` are left out here, once for every projection.

    Examples
    --------
    >>> net = load_network(_example_store())
    >>> [d.id for d in net.deals]
    ['alpha-beta-jv-2021', 'gamma-alpha-supply-2022']
    >>> net.label("gamma"), net.type("gamma"), net.owner
    ('Gamma Chips', 'Company', {'alpha-ev': 'alpha'})
    """
    if isinstance(store, Network):
        return store
    entities: dict[str, dict[str, str]] = {}
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    iris: dict[str, str] = {}
    for row in store.select(projection_query("entities")):
        eid = _slug(row["entity"])
        iris[eid] = str(row["entity"])
        types[eid].add(_slug(row["type"]))
        if row.get("label") is not None:
            lang = getattr(row["label"], "language", None)
            labels[eid].append((lang not in (None, "en"), str(row["label"])))
    for eid, iri in iris.items():
        kinds = sorted(types[eid], key=lambda t: (_TYPE_ORDER.index(t) if t in _TYPE_ORDER else 99, t))
        label = min(labels[eid])[1] if labels[eid] else eid
        entities[eid] = {"label": label, "type": kinds[0] if kinds else "", "iri": iri}

    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(projection_query("names")):
        names[_slug(row["entity"])].add(str(row["name"]))

    evidence: dict[str, tuple[str, str]] = {}
    for row in store.select(projection_query("evidence")):
        evidence.setdefault(_slug(row["deal"]), (str(row["text"]), _slug(row["document"] or "")))

    grouped: dict[str, dict[str, Any]] = {}
    for row in store.select(projection_query("deals")):
        did = _slug(row["deal"])
        g = grouped.setdefault(did, {"parties": set(), "rows": []})
        g["parties"].add((_slug(row["party"]), _slug(row["role"]) if row.get("role") else "party"))
        g["rows"].append(row)
    deals = []
    for did, g in grouped.items():
        # A deal asserted identically by several articles gives one row per value; if the
        # articles disagree, the smallest value wins so the result does not depend on order.
        def pick(key, conv=_str, rows=g["rows"]):
            values = sorted({conv(r.get(key)) for r in rows if r.get(key) is not None})
            return values[0] if values else None

        status = pick("status", lambda t: _slug(t))
        if status in EXCLUDED_STATUSES:
            continue
        parties = g["parties"]
        # A party with a specific role is not also a plain "party".
        specific = {p for p, r in parties if r != "party"}
        parties = {(p, r) for p, r in parties if r != "party" or p not in specific}
        text, doc = evidence.get(did, (None, None))
        deals.append(Deal(
            id=did, kind=pick("kind", lambda t: _slug(t)), status=status,
            title=pick("title"), parties=tuple(sorted(parties)),
            date=pick("date"), precision=pick("precision"),
            earliest=pick("earliest", _date), latest=pick("latest", _date),
            end_date=pick("endDate"),
            end_latest=max((_date(r["endLatest"]) for r in g["rows"] if r.get("endLatest")), default=None),
            evidence=max(int(r["evidence"]) for r in g["rows"]),
            sentence=text, document=doc,
        ))
    deals.sort(key=Deal.sort_key)

    owner: dict[str, str] = {}
    for row in store.select(projection_query("ownership")):
        owner.setdefault(_slug(row["child"]), _slug(row["parent"]))
    roles = tuple(sorted(
        (_slug(r["person"]), ROLE_PREDICATES[_slug(r["predicate"])], _slug(r["org"]))
        for r in store.select(projection_query("people"))
    ))
    return Network(
        deals=tuple(deals), entities=entities,
        names={k: tuple(sorted(v)) for k, v in names.items()}, owner=owner, roles=roles,
    )


def _top_owner(owner: dict[str, str], entity: str) -> str:
    seen = [entity]
    while owner.get(seen[-1]) is not None and owner[seen[-1]] not in seen:
        seen.append(owner[seen[-1]])
    return seen[-1]


def find_entity(store: SparqlStore, name: str) -> str:
    """The id of the entity a user means by ``name``: an id, a label or an alias (any case).

    Raises ``UnknownQuery`` naming the closest names when nothing matches, and listing
    the candidates when a name is shared by several entities.

    Examples
    --------
    >>> store = _example_store()
    >>> find_entity(store, "gamma chips"), find_entity(store, "Gamma"), find_entity(store, "alpha")
    ('gamma', 'gamma', 'alpha')
    >>> find_entity(store, "Gama Chips")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: No entity is called 'Gama Chips'. Did you mean: Gamma Chips?
      Run `anhui-kg entities` to list the names.
    """
    net = load_network(store)
    if name in net.entities:
        return name
    wanted = name.strip().casefold()
    # An id beats a label, a label beats an alias ("JAC" the label over "JAC" an alias).
    tiers = [
        [eid for eid in net.entities if eid.casefold() == wanted],
        [eid for eid in net.entities if net.label(eid).casefold() == wanted],
        [eid for eid, ns in net.names.items() if any(n.casefold() == wanted for n in ns)],
    ]
    for hits in tiers:
        hits = sorted(set(hits))
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(f"{net.label(h)} ({h})" for h in hits)
            raise UnknownQuery(f"{name!r} could mean {listed}.\n  Pass one of these ids instead.")
    every = sorted({n for ns in net.names.values() for n in ns} | set(net.entities))
    close = difflib.get_close_matches(name, every, n=5, cutoff=0.6)
    close = close or [n for n in every if wanted in n.casefold()][:5]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownQuery(
        f"No entity is called {name!r}.{hint}\n  Run `anhui-kg entities` to list the names."
    )


# ---------------------------------------------------------------------------------------
# Projections
# ---------------------------------------------------------------------------------------

def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _ended(deals: list[Deal]) -> date | None:
    """The day the last of ``deals`` ended, or None while any of them is open."""
    if not deals or any(d.end_latest is None for d in deals):
        return None
    return max(d.end_latest for d in deals)


def _span(deals: list[Deal]) -> tuple[str | None, str | None]:
    firsts = [d.earliest for d in deals if d.earliest]
    lasts = [d.latest for d in deals if d.latest]
    return _iso(min(firsts, default=None)), _iso(max(lasts, default=None))


def partnership_graph(
    store: SparqlStore, *, as_of: date | None = None, fold_subsidiaries: bool = False
) -> nx.Graph:
    """Organisations linked by their deals: one edge per pair of parties.

    Parameters
    ----------
    store : Store or Network
        Where to read the deals (a ``Network`` from ``load_network`` is used as is).
    as_of : date, optional
        Keep the deals active on that day (begun by then, not ended before it); undated
        deals are dropped. ``None`` keeps every deal.
    fold_subsidiaries : bool
        Merge subsidiaries and brands into their top owner.

    Returns
    -------
    networkx.Graph
        Nodes: entity ids with ``label``, ``type``, ``iri``, ``deals`` (count), ``first``
        (ISO day the first deal may have begun), ``ended`` (ISO day the last deal ended,
        None while one is open), ``members`` (ids folded into it). Edges: ``weight``
        (number of deals), ``kinds`` (sorted), ``first``/``last`` (ISO bounds of the
        deals' dates), ``ended``, ``deals`` (ids, oldest first), ``evidence`` (number of
        evidence sentences) and ``sentence`` (the first deal's first evidence sentence).

    Examples
    --------
    >>> G = partnership_graph(_example_store())
    >>> sorted(G.edges(data="weight"))
    [('alpha', 'beta', 1), ('alpha-ev', 'gamma', 1)]
    >>> G.edges["alpha-ev", "gamma"]["kinds"], G.edges["alpha-ev", "gamma"]["first"]
    (['supply'], '2022-01-01')
    >>> sorted(partnership_graph(_example_store(), as_of=date(2021, 6, 1)))
    ['alpha', 'beta']
    >>> F = partnership_graph(_example_store(), fold_subsidiaries=True)
    >>> sorted(F.edges), F.nodes["alpha"]["members"]
    ([('alpha', 'beta'), ('alpha', 'gamma')], ['alpha-ev'])
    """
    net = load_network(store)
    node_of = (lambda e: _top_owner(net.owner, e)) if fold_subsidiaries else (lambda e: e)
    G = nx.Graph()
    by_node: dict[str, list[Deal]] = defaultdict(list)
    by_edge: dict[tuple[str, str], list[Deal]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for deal in net.deals:
        if not deal.active(as_of):
            continue
        nodes = set()
        for party in deal.party_ids:
            node = node_of(party)
            nodes.add(node)
            if node != party:
                members[node].add(party)
        for node in sorted(nodes):
            by_node[node].append(deal)
        for u, v in itertools.combinations(sorted(nodes), 2):
            by_edge[(u, v)].append(deal)
    for node in sorted(by_node):
        deals = by_node[node]
        attrs = {"label": net.label(node), "type": net.type(node),
                 "iri": net.entities.get(node, {}).get("iri", ""),
                 "deals": len(deals), "first": _span(deals)[0], "ended": _iso(_ended(deals))}
        if fold_subsidiaries:
            attrs["members"] = sorted(members[node])
        G.add_node(node, **attrs)
    for (u, v), deals in sorted(by_edge.items()):
        first, last = _span(deals)
        G.add_edge(
            u, v, weight=len(deals), kinds=sorted({d.kind or "other" for d in deals}),
            first=first, last=last, ended=_iso(_ended(deals)), deals=[d.id for d in deals],
            evidence=sum(d.evidence for d in deals),
            sentence=next((d.sentence for d in deals if d.sentence), None),
        )
    G.graph.update(name="partnerships", as_of=_iso(as_of), fold_subsidiaries=fold_subsidiaries)
    return G


def bipartite_graph(store: SparqlStore, *, as_of: date | None = None) -> nx.Graph:
    """Organisations and deals as two kinds of nodes; an edge is a party's role in a deal.

    Organisation nodes have ``bipartite=0`` and their ``label``/``type``; deal nodes have
    ``bipartite=1``, ``type="Deal"``, ``kind``, ``status``, ``date`` and a ``label`` (the
    title, or kind and date). Edges carry the party's ``role``.

    Examples
    --------
    >>> B = bipartite_graph(_example_store())
    >>> sorted(n for n, b in B.nodes(data="bipartite") if b == 1)
    ['alpha-beta-jv-2021', 'gamma-alpha-supply-2022']
    >>> B.edges["gamma", "gamma-alpha-supply-2022"]["role"]
    'supplier'
    >>> B.nodes["alpha-beta-jv-2021"]["label"]
    'joint venture 2021-03'
    """
    net = load_network(store)
    B = nx.Graph()
    for deal in net.deals:
        if not deal.active(as_of):
            continue
        label = deal.title or " ".join(x for x in ((deal.kind or "deal").replace("_", " "), deal.date) if x)
        B.add_node(deal.id, bipartite=1, type="Deal", label=label, kind=deal.kind,
                   status=deal.status, date=deal.date, first=_iso(deal.earliest))
        roles: dict[str, list[str]] = defaultdict(list)
        for party, role in deal.parties:
            roles[party].append(role)
        for party in sorted(roles):
            if party not in B:
                B.add_node(party, bipartite=0, type=net.type(party), label=net.label(party))
            B.add_edge(party, deal.id, role="; ".join(sorted(roles[party])))
    return B


def people_graph(store: SparqlStore) -> nx.Graph:
    """People linked to the organisations they found, lead or chair.

    Nodes: people (``type="Person"``) and organisations, with ``label`` and ``type``.
    Edges: ``roles`` (sorted, e.g. ``['ceo_of', 'founder_of']``) and ``weight`` (how many).

    Examples
    --------
    >>> P = people_graph(_example_store())
    >>> sorted(P.edges(data="roles"))
    [('zhang', 'alpha', ['chairman_of'])]
    """
    net = load_network(store)
    P = nx.Graph()
    for person, role, org in net.roles:
        for node in (person, org):
            if node not in P:
                P.add_node(node, label=net.label(node), type=net.type(node))
        if P.has_edge(person, org):
            P.edges[person, org]["roles"] = sorted({*P.edges[person, org]["roles"], role})
        else:
            P.add_edge(person, org, roles=[role])
        P.edges[person, org]["weight"] = len(P.edges[person, org]["roles"])
    return P


# ---------------------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------------------

def _eigenvector(G: nx.Graph) -> dict[Any, float]:
    """Eigenvector centrality per connected component (it is undefined across components).

    Each component's Perron vector (unweighted adjacency, numpy ``eigh``) has unit length
    and is scaled by ``sqrt(component size / n)``: values stay comparable across
    components and a connected graph gets the textbook values. Isolated nodes get 0.
    """
    n = G.number_of_nodes()
    result = {node: 0.0 for node in G}
    for comp in nx.connected_components(G):
        if len(comp) < 2:
            continue
        nodes = sorted(comp, key=str)
        A = nx.to_numpy_array(G, nodelist=nodes, weight=None)
        values, vectors = np.linalg.eigh(A)
        vec = np.abs(vectors[:, int(np.argmax(values))])
        vec = vec / np.linalg.norm(vec) * np.sqrt(len(comp) / n)
        result.update(zip(nodes, (float(x) for x in vec)))
    return result


def centrality(G: nx.Graph) -> list[dict[str, Any]]:
    """Who is central: degree, betweenness and eigenvector centrality per node.

    Returns one row per node, most connected first: ``id``, ``label``, ``type``,
    ``partners`` (degree), ``deals`` (sum of edge weights), ``degree`` (degree centrality),
    ``betweenness`` (normalised, unweighted) and ``eigenvector`` (see ``_eigenvector``:
    computed per component, so disconnected graphs work).

    Examples
    --------
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> [(r["id"], r["partners"], r["degree"], r["betweenness"], r["eigenvector"]) for r in centrality(G)]
    [('b', 2, 1.0, 1.0, 0.707107), ('a', 1, 0.5, 0.0, 0.5), ('c', 1, 0.5, 0.0, 0.5)]
    """
    if G.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(G)
    between = nx.betweenness_centrality(G, normalized=True)
    eigen = _eigenvector(G)
    rows = [
        {"id": n, "label": G.nodes[n].get("label", str(n)), "type": G.nodes[n].get("type", ""),
         "partners": G.degree(n), "deals": int(G.degree(n, weight="weight")),
         "degree": round(degree[n], _ROUND), "betweenness": round(between[n], _ROUND),
         "eigenvector": round(eigen[n], _ROUND)}
        for n in G
    ]
    return sorted(rows, key=lambda r: (-r["partners"], -r["betweenness"], -r["eigenvector"], r["label"]))


def communities(G: nx.Graph, seed: int = 42) -> list[dict[str, Any]]:
    """Groups of organisations that deal mostly with each other (Louvain, weighted).

    The seed makes the result repeatable. Rows: ``community`` (1 = largest), ``size``,
    ``members`` (labels, sorted) and ``ids``.

    Examples
    --------
    >>> G = nx.barbell_graph(3, 0)
    >>> [(r["community"], r["ids"]) for r in communities(G)]
    [(1, [0, 1, 2]), (2, [3, 4, 5])]
    """
    found = nx.community.louvain_communities(G, weight="weight", seed=seed)
    groups = sorted(
        (sorted(c, key=str) for c in found),
        key=lambda ids: (-len(ids), sorted(str(G.nodes[i].get("label", i)) for i in ids)),
    )
    return [
        {"community": k, "size": len(ids),
         "members": sorted(str(G.nodes[i].get("label", i)) for i in ids), "ids": ids}
        for k, ids in enumerate(groups, start=1)
    ]


def community_of(G: nx.Graph, seed: int = 42) -> dict[Any, int]:
    """Node -> community number (as in ``communities``).

    Examples
    --------
    >>> community_of(nx.barbell_graph(3, 0))[4]
    2
    """
    return {i: row["community"] for row in communities(G, seed=seed) for i in row["ids"]}


def brokers(G: nx.Graph) -> list[dict[str, Any]]:
    """Organisations and partnerships whose loss would split the network.

    Rows: ``kind`` (``articulation_point`` or ``bridge``), ``ids``, ``labels`` and
    ``pieces``: how many parts its connected component falls into without it.
    Articulation points come first (most pieces first), then bridges.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> [(r["kind"], r["ids"], r["pieces"]) for r in brokers(G)]
    [('articulation_point', ['c'], 2), ('bridge', ['c', 'd'], 2)]
    """
    label = lambda n: str(G.nodes[n].get("label", n))  # noqa: E731
    rows = []
    for node in nx.articulation_points(G):
        H = G.subgraph(nx.node_connected_component(G, node) - {node})
        rows.append({"kind": "articulation_point", "ids": [node], "labels": [label(node)],
                     "pieces": nx.number_connected_components(H)})
    bridges = []
    for u, v in nx.bridges(G):
        u, v = sorted((u, v), key=str)
        bridges.append({"kind": "bridge", "ids": [u, v], "labels": [label(u), label(v)], "pieces": 2})
    rows.sort(key=lambda r: (-r["pieces"], r["labels"]))
    return rows + sorted(bridges, key=lambda r: r["labels"])


def find_node(G: nx.Graph, name: str) -> Any:
    """The node of ``G`` a name means: an id, a label (any case) or a folded member's id.

    Examples
    --------
    >>> G = nx.Graph(); G.add_node("nio", label="NIO", members=["nio-power"])
    >>> find_node(G, "nio"), find_node(G, "Nio"), find_node(G, "nio-power")
    ('nio', 'nio', 'nio')
    """
    if name in G:
        return name
    wanted = name.strip().casefold()
    for node, data in G.nodes(data=True):
        if str(data.get("label", "")).casefold() == wanted or name in data.get("members", ()):
            return node
    labels = sorted(str(d.get("label", n)) for n, d in G.nodes(data=True))
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.6)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise UnknownQuery(
        f"{name!r} has no deals in this network.{hint}\n"
        "  Run `anhui-kg analyze centrality` to list the organisations in it."
    )


def path(G: nx.Graph, a: str, b: str) -> list[dict[str, Any]]:
    """The shortest chain of deals from organisation ``a`` to ``b``, one row per hop.

    ``a`` and ``b`` are ids or labels (see ``find_node``). Among equally short chains the
    one with most deals wins, then the alphabetically first. Each row: ``step``, ``from``,
    ``to`` (labels), ``from_id``, ``to_id``, ``deals``, ``kinds``, ``first`` and
    ``evidence`` (one sentence that supports the hop). No chain (or ``a == b``): ``[]``.

    Examples
    --------
    >>> G = partnership_graph(_example_store(), fold_subsidiaries=True)
    >>> [(r["step"], r["from"], r["to"], r["deals"]) for r in path(G, "Beta Battery", "gamma")]
    [(1, 'Beta Battery', 'Alpha Motors', ['alpha-beta-jv-2021']), (2, 'Alpha Motors', 'Gamma Chips', ['gamma-alpha-supply-2022'])]
    >>> path(G, "Gamma Chips", "Gamma Chips")
    []
    """
    source, target = find_node(G, a), find_node(G, b)
    if source == target or not nx.has_path(G, source, target):
        return []
    candidates = itertools.islice(nx.all_shortest_paths(G, source, target), 1000)

    def score(p: list) -> tuple:
        return (-sum(G.edges[u, v].get("weight", 1) for u, v in zip(p, p[1:])), [str(x) for x in p])

    best = min(candidates, key=score)
    rows = []
    for step, (u, v) in enumerate(zip(best, best[1:]), start=1):
        e = G.edges[u, v]
        rows.append({
            "step": step, "from": G.nodes[u].get("label", u), "to": G.nodes[v].get("label", v),
            "from_id": u, "to_id": v, "deals": list(e.get("deals", [])),
            "kinds": list(e.get("kinds", [])), "first": e.get("first"),
            "evidence": e.get("sentence"),
        })
    return rows


# ---------------------------------------------------------------------------------------
# Time
# ---------------------------------------------------------------------------------------

def evolution(store: SparqlStore, *, fold_subsidiaries: bool = False) -> list[dict[str, Any]]:
    """How the network grew: one row per year, measured as of 31 December.

    Rows: ``year``, ``nodes``, ``edges``, ``density``, ``largest_component`` (nodes),
    ``deals`` (active deals), ``new_partners`` (pairs that became partners for the first
    time that year, as "A -- B" labels) and ``new`` (how many). Years run from the first
    dated deal to the last; undated deals never count (see ``Deal.active``).

    Examples
    --------
    >>> for r in evolution(_example_store(), fold_subsidiaries=True):
    ...     print(r["year"], r["nodes"], r["edges"], r["density"], r["new_partners"])
    2021 2 1 1.0 ['Alpha Motors -- Beta Battery']
    2022 3 2 0.666667 ['Alpha Motors -- Gamma Chips']
    """
    net = load_network(store)
    years = [d.earliest.year for d in net.deals if d.earliest]
    if not years:
        return []
    rows, seen = [], set()
    for year in range(min(years), max(years) + 1):
        as_of = date(year, 12, 31)
        G = partnership_graph(net, as_of=as_of, fold_subsidiaries=fold_subsidiaries)
        new = sorted(
            " -- ".join(sorted((G.nodes[u]["label"], G.nodes[v]["label"])))
            for u, v in G.edges if frozenset((u, v)) not in seen
        )
        seen.update(frozenset(e) for e in G.edges)
        rows.append({
            "year": year, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "density": round(nx.density(G), _ROUND) if len(G) > 1 else 0.0,
            "largest_component": max((len(c) for c in nx.connected_components(G)), default=0),
            "deals": sum(d.active(as_of) for d in net.deals),
            "new_partners": new, "new": len(new),
        })
    return rows


def partners_over_time(
    store: SparqlStore, name: str, *, fold_subsidiaries: bool = False
) -> list[dict[str, Any]]:
    """An organisation's partners deal by deal, oldest first (undated deals last).

    ``name`` is an id, label or alias (see ``find_entity``). One row per (deal, partner):
    ``date``, ``earliest``, ``kind``, ``status``, ``partner``, ``partner_id``, ``deal``,
    ``new`` (first deal with that partner) and ``partners_so_far``. With
    ``fold_subsidiaries`` the deals of its subsidiaries and brands count as its own.

    Examples
    --------
    >>> rows = partners_over_time(_example_store(), "Alpha Motors", fold_subsidiaries=True)
    >>> [(r["date"], r["partner"], r["new"], r["partners_so_far"]) for r in rows]
    [('2021-03', 'Beta Battery', True, 1), ('2022', 'Gamma Chips', True, 2)]
    >>> [r["partner"] for r in partners_over_time(_example_store(), "Alpha Motors")]
    ['Beta Battery']
    """
    net = load_network(store)
    entity = find_entity(net, name)
    node_of = (lambda e: _top_owner(net.owner, e)) if fold_subsidiaries else (lambda e: e)
    me = node_of(entity)
    rows, seen = [], set()
    for deal in net.deals:
        nodes = {node_of(p) for p in deal.party_ids}
        if me not in nodes:
            continue
        for partner in sorted(nodes - {me}, key=net.label):
            new = partner not in seen
            seen.add(partner)
            rows.append({
                "date": deal.date, "earliest": _iso(deal.earliest), "kind": deal.kind,
                "status": deal.status, "partner": net.label(partner), "partner_id": partner,
                "deal": deal.id, "new": new, "partners_so_far": len(seen),
            })
    return rows


# ---------------------------------------------------------------------------------------
# A store small enough to read, for the examples in docstrings
# ---------------------------------------------------------------------------------------

_EXAMPLE_TRIG = """
@prefix akg: <https://w3id.org/anhui-kg/ontology#> .
@prefix ent: <https://w3id.org/anhui-kg/entity/> .
@prefix deal: <https://w3id.org/anhui-kg/deal/> .
@prefix kind: <https://w3id.org/anhui-kg/kind/> .
@prefix role: <https://w3id.org/anhui-kg/role/> .
@prefix status: <https://w3id.org/anhui-kg/status/> .
@prefix doc: <https://w3id.org/anhui-kg/document/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
doc:x.txt {
  ent:alpha a akg:Company ; rdfs:label "Alpha Motors"@en .
  ent:beta a akg:Company ; rdfs:label "Beta Battery"@en .
  ent:gamma a akg:Company ; rdfs:label "Gamma Chips"@en ; skos:altLabel "Gamma"@en .
  ent:alpha-ev a akg:Brand ; rdfs:label "Alpha EV"@en .
  ent:zhang a akg:Person ; rdfs:label "Zhang Wei"@en .
  ent:alpha-ev akg:brandOf ent:alpha .
  ent:zhang akg:chairmanOf ent:alpha .
  deal:alpha-beta-jv-2021 a akg:Deal ; akg:kind kind:joint_venture ; akg:status status:signed ;
    akg:party ent:alpha, ent:beta ; akg:date deal:alpha-beta-jv-2021\\/date ;
    akg:evidence <https://w3id.org/anhui-kg/document/x.txt#char=0,47> .
  deal:alpha-beta-jv-2021\\/date a akg:DateValue ; akg:value "2021-03" ; akg:precision "month" ;
    akg:earliest "2021-03-01"^^xsd:date ; akg:latest "2021-03-31"^^xsd:date .
  <https://w3id.org/anhui-kg/document/x.txt#char=0,47> a akg:Evidence ; oa:hasSource doc:x.txt ;
    oa:start 0 ; oa:end 47 ; oa:exact "Alpha Motors and Beta Battery formed a JV in 2021." .
  deal:gamma-alpha-supply-2022 a akg:Deal ; akg:kind kind:supply ; akg:status status:planned ;
    akg:party ent:gamma, ent:alpha-ev ;
    akg:participation deal:gamma-alpha-supply-2022\\/party\\/gamma ;
    akg:date deal:gamma-alpha-supply-2022\\/date .
  deal:gamma-alpha-supply-2022\\/party\\/gamma akg:agent ent:gamma ; akg:role role:supplier .
  deal:gamma-alpha-supply-2022\\/date a akg:DateValue ; akg:value "2022" ; akg:precision "year" ;
    akg:earliest "2022-01-01"^^xsd:date ; akg:latest "2022-12-31"^^xsd:date .
}
"""


def _example_store():
    """An in-memory store with two deals (Alpha Motors' JV and its brand's supply deal)."""
    import rdflib

    from .store import open_store

    ds = rdflib.Dataset()
    ds.parse(data=_EXAMPLE_TRIG, format="trig")
    store = open_store(None)
    store.sync(ds)
    return store
