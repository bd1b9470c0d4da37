"""Views: named-query rows -> the stable JSON shapes of DESIGN.md (partners, entities, relations, show).

Contract: each view runs named queries (``queries/*.rq``) over a ``Store`` and returns
plain ``dict``/``list`` values that ``json.dumps`` accepts, in a stable order. Ids are
the last path segment of the IRIs; kinds, roles, statuses and predicates are their JSON
names (``joint_venture``, ``investor``, ``signed``, ``chairman_of``). Names typed by a
user are resolved by ``resolve_name``; a name, kind, type or predicate that does not
exist raises ``UnknownQuery`` listing what does. Views never print.
"""

from __future__ import annotations

import difflib
import json
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any, get_args

import rdflib

from .errors import DateError, UnknownQuery
from .models import ORGANIZATION_TYPES, DealKind
from .namespaces import (
    ENTITY_TYPES,
    PREDICATE_TERMS,
    entity_iri,
    local_id,
    predicate_for,
    type_for,
)
from .queries import load_query, run_query
from .store import Store, open_store

DEAL_KINDS: tuple[str, ...] = get_args(DealKind)

_EXAMPLE_TTL = """
@prefix akg: <https://w3id.org/anhui-kg/ontology#> .
@prefix ent: <https://w3id.org/anhui-kg/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix doc: <https://w3id.org/anhui-kg/document/> .
@prefix deal: <https://w3id.org/anhui-kg/deal/> .
@prefix kind: <https://w3id.org/anhui-kg/kind/> .
@prefix role: <https://w3id.org/anhui-kg/role/> .
@prefix status: <https://w3id.org/anhui-kg/status/> .
doc:x.txt a akg:Document ; akg:fileName "x.txt" ; akg:text "Acme and Bolt signed a deal in 2020." .
ent:acme a akg:Company ; rdfs:label "Acme"@en ; skos:altLabel "Acme Corp"@en ; akg:mentionedIn doc:x.txt .
ent:bolt a akg:Company ; rdfs:label "Bolt"@en ; akg:mentionedIn doc:x.txt .
deal:acme-bolt-2020 a akg:Deal ; akg:kind kind:strategic_cooperation ; akg:status status:signed ;
  akg:party ent:acme, ent:bolt ;
  akg:participation <https://w3id.org/anhui-kg/deal/acme-bolt-2020/party/acme>,
    <https://w3id.org/anhui-kg/deal/acme-bolt-2020/party/bolt> ;
  akg:date <https://w3id.org/anhui-kg/deal/acme-bolt-2020/date> ;
  akg:evidence <https://w3id.org/anhui-kg/document/x.txt#char=0,36> .
<https://w3id.org/anhui-kg/deal/acme-bolt-2020/party/acme> akg:agent ent:acme ; akg:role role:party .
<https://w3id.org/anhui-kg/deal/acme-bolt-2020/party/bolt> akg:agent ent:bolt ; akg:role role:party .
<https://w3id.org/anhui-kg/deal/acme-bolt-2020/date> akg:value "2020" ; akg:precision "year" ;
  akg:earliest "2020-01-01"^^xsd:date ; akg:latest "2020-12-31"^^xsd:date .
<https://w3id.org/anhui-kg/document/x.txt#char=0,36> oa:hasSource doc:x.txt ;
  oa:start 0 ; oa:end 36 ; oa:exact "Acme and Bolt signed a deal in 2020." .
"""


def _example_store() -> Store:
    """A one-article, one-deal in-memory store for the examples in this module's docstrings."""
    ds = rdflib.Dataset()
    ds.graph(rdflib.URIRef("https://w3id.org/anhui-kg/document/x.txt")).parse(
        data=_EXAMPLE_TTL, format="turtle")
    store = open_store(None)
    store.sync(ds)
    return store


def _id(iri: str | None) -> str | None:
    return None if iri is None else local_id(iri)


def _first(values: set) -> Any:
    """A deterministic pick among values the articles should agree on."""
    present = [v for v in values if v is not None]
    return min(present, key=lambda v: (str(type(v)), v)) if present else None


def _evidence(row: dict) -> dict:
    return {"document": row["fileName"], "text": row["text"], "start": row["start"],
            "end": row["end"]}


def _sorted_evidence(items) -> list[dict]:
    unique = {(e["document"], e["start"], e["end"], e["text"]): e for e in items}
    return [unique[k] for k in sorted(unique)]


# -- names ----------------------------------------------------------------------------

def _entity_index(store: Store, entity: str | None = None,
                  types: list[str] | None = None) -> dict[str, dict]:
    """Entities as ``{id: {"id", "type", "name", "aliases", "documents"}}``."""
    rows = run_query(store, "entities", entity=entity, type=types)
    acc: dict[str, dict[str, set]] = {}
    for r in rows:
        e = acc.setdefault(_id(r["entity"]), {"types": set(), "names": set(), "aliases": set(),
                                                "documents": set()})
        e["types"].add(type_for(r["type"]))
        if r["name"] is not None:
            e["names"].add(r["name"])
        if r["alias"] is not None:
            e["aliases"].add(r["alias"])
        if r["fileName"] is not None:
            e["documents"].add(r["fileName"])
    out = {}
    for eid, e in acc.items():
        # The most specific class: Company over Organization when both are asserted.
        etype = sorted(e["types"], key=lambda t: (t == "Organization", t))[0]
        name = min(e["names"]) if e["names"] else eid
        out[eid] = {
            "id": eid,
            "type": etype,
            "name": name,
            "aliases": sorted(e["aliases"] - {name}),
            "documents": sorted(e["documents"]),
        }
    return out


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _exact_name(store: Store, name: str) -> str | None:
    """The one entity whose id, label or alias is exactly ``name`` (in a usual casing),
    found through the store's indexes instead of a scan of every name; None when there is
    no such single entity (the caller then searches all names, case-insensitively)."""
    text = " ".join(name.split())
    variants = sorted({text, text.lower(), text.upper(), text.title()})
    literals = " ".join(f'"{json.dumps(v)[1:-1]}"@en' for v in variants)
    iri = entity_iri(_norm(text).replace(" ", "-"))
    rows = store.select(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        f"SELECT DISTINCT ?e ?tier WHERE {{"
        f" {{ BIND(<{iri}> AS ?e) ?e akg:mentionedIn ?d . BIND(0 AS ?tier) }}"
        f" UNION {{ VALUES ?l {{ {literals} }} ?e rdfs:label ?l . BIND(1 AS ?tier) }}"
        f" UNION {{ VALUES ?l {{ {literals} }} ?e skos:altLabel ?l . BIND(2 AS ?tier) }} }}"
    )
    for tier in range(3):
        found = {str(r["e"]) for r in rows if int(r["tier"]) == tier}
        if len(found) == 1:
            return _id(found.pop())
        if found:
            return None  # several: let the full search explain the ambiguity
    return None


def resolve_name(store: Store, name: str) -> str:
    """The entity id for a name a user typed: an id, a label or an alias, any case.

    Raises ``UnknownQuery`` when no entity or several entities have that name; the
    message lists close matches.

    Examples
    --------
    >>> store = _example_store()
    >>> resolve_name(store, "acme corp")
    'acme'
    >>> resolve_name(store, "Acmee")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: No entity is called 'Acmee'. Did you mean: Acme, Acme Corp?
      Run `anhui-kg entities` to list them.
    """
    key = _norm(name)
    if not key:
        raise UnknownQuery("An empty name matches no entity. Run `anhui-kg entities` to list them.")
    quick = _exact_name(store, name)
    if quick is not None:
        return quick
    index = _entity_index(store)
    tiers = [
        [e for e in index.values() if _norm(e["id"]) == key],
        [e for e in index.values() if _norm(e["name"]) == key],
        [e for e in index.values() if key in {_norm(a) for a in e["aliases"]}],
    ]
    for matches in tiers:
        if len(matches) == 1:
            return matches[0]["id"]
        if len(matches) > 1:
            choices = ", ".join(f"{e['name']} (id {e['id']}, {e['type']})"
                                for e in sorted(matches, key=lambda e: e["id"]))
            raise UnknownQuery(
                f"{name!r} could mean several entities: {choices}.\n"
                "  Pass the id instead. Run `anhui-kg entities` to list them."
            )
    names: dict[str, str] = {}
    for e in index.values():
        for n in [e["name"], *e["aliases"]]:
            names.setdefault(_norm(n), n)
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)
    for k in sorted(names):  # a word of the name close to a word typed ("alfa" -> Alpha Motors)
        if len(close) < 5 and k not in close and (key in k or any(
                difflib.SequenceMatcher(None, w, v).ratio() >= 0.6
                for w in key.split() for v in k.split())):
            close.append(k)
    hint = f" Did you mean: {', '.join(names[c] for c in close)}?" if close else ""
    if not index:
        hint = " The store holds no entities yet; run `anhui-kg build` first."
    raise UnknownQuery(f"No entity is called {name!r}.{hint}\n  Run `anhui-kg entities` to list them.")


# -- validation of option values ----------------------------------------------------------

def _deal_kind(kind: str) -> str:
    norm = re.sub(r"[\s-]+", "_", kind.strip().lower())
    if norm not in DEAL_KINDS:
        close = difflib.get_close_matches(norm, DEAL_KINDS, n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise UnknownQuery(
            f"Unknown deal kind {kind!r}.{hint}\n  Valid kinds: {', '.join(DEAL_KINDS)}."
        )
    return norm


def _entity_types(type_: str) -> list[str]:
    by_lower = {t.lower(): t for t in ENTITY_TYPES}
    found = by_lower.get(re.sub(r"[\s_-]+", "", type_.strip().lower()))
    if found is None:
        raise UnknownQuery(
            f"Unknown entity type {type_!r}.\n  Valid types: {', '.join(ENTITY_TYPES)}."
        )
    # Organization also covers its kinds: Company, GovernmentBody, Media, Fund.
    return sorted(ORGANIZATION_TYPES) if found == "Organization" else [found]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _predicate_name(iri: str) -> str:
    try:
        return predicate_for(iri)
    except ValueError:  # a property outside models.Predicate: its local name, snake_case
        return _snake(re.split(r"[#/]", iri)[-1])


def _predicate(predicate: str) -> str:
    norm = _snake(predicate.strip()).replace("-", "_").replace(" ", "_")
    if norm not in PREDICATE_TERMS:
        close = difflib.get_close_matches(norm, list(PREDICATE_TERMS), n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise UnknownQuery(
            f"Unknown predicate {predicate!r}.{hint}\n  Valid predicates: {', '.join(PREDICATE_TERMS)}."
        )
    return norm


def _bounds(value: str | date, option: str) -> tuple[date, date]:
    """(earliest, latest) day of a date a user typed, at any precision."""
    if isinstance(value, date):
        return value, value
    from .extraction.dates import make_date  # the date grammar lives with extraction

    try:
        dv = make_date(value.strip())
    except DateError as exc:
        raise DateError(f"{option}: {exc}") from None
    except ValueError as exc:
        raise DateError(
            f"{option} {value!r} is not a date I understand ({exc}).\n"
            "  Use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or YYYY-early/mid/late."
        ) from None
    return dv.earliest, dv.latest


# -- partners ---------------------------------------------------------------------------

def _deals(store: Store, **bindings: Any) -> list[dict]:
    """Deal objects (DESIGN.md shape) for the rows of ``partners.rq``, oldest first."""
    sparql = _unordered(_deal_values_first(load_query("partners")))
    if "since" in bindings or "until" in bindings:
        # A period is a join on the date bounds, done first: only deals in the period go
        # on to the OPTIONAL parts (undated deals cannot match a period anyway).
        sparql = sparql.replace("  FILTER(!BOUND(?since) || (BOUND(?latest) && ?latest >= ?since))\n", "")
        sparql = sparql.replace("  FILTER(!BOUND(?until) || (BOUND(?earliest) && ?earliest <= ?until))\n", "")
        window = "  ?deal akg:date ?when . ?when akg:earliest ?earliest ; akg:latest ?latest .\n"
        if "since" in bindings:
            window += "  FILTER(?latest >= ?since)\n"
        if "until" in bindings:
            window += "  FILTER(?earliest <= ?until)\n"
        sparql = sparql.replace("WHERE {\n", "WHERE {\n" + window, 1)
    for var in ("party", "counterpart"):
        if var in bindings:
            sparql = _party_first(sparql, var)
    evidence_rows = None
    if "party" in bindings and "deal" not in bindings:
        # The evidence of one company's deals is fetched while the deals are: the store
        # answers both at once (pyoxigraph releases the GIL; a server takes two requests).
        with ThreadPoolExecutor(max_workers=1) as pool:
            evidence_rows = pool.submit(run_query, store, _unordered(_party_first(load_query("deal_evidence"), "party")),
                                        party=bindings["party"])
            rows = run_query(store, sparql, **bindings)
            evidence_rows = evidence_rows.result()
    else:
        rows = run_query(store, sparql, **bindings)
    acc: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = acc.setdefault(r["deal"], {"parties": {}, **{k: set() for k in (
            "kind", "title", "status", "when", "end", "value", "place")}})
        d["kind"].add(_id(r["kind"]))
        d["title"].add(r["title"])
        d["status"].add(_id(r["status"]))
        if r["date"] is not None:
            d["when"].add((r["earliest"], r["latest"], r["date"], r["precision"]))
        d["end"].add(r["endDate"])
        if r["amount"] is not None:
            d["value"].add((r["amount"], r["currency"]))
        if r["place"] is not None:
            d["place"].add((_id(r["place"]), r["placeName"] or _id(r["place"])))
        agent, role = _id(r["agent"]), _id(r["role"])
        names = d["parties"].setdefault((agent, role), set())
        if r["agentName"] is not None:
            names.add(r["agentName"])
    deals = []
    for iri, d in acc.items():
        when = _first(d["when"])
        value = _first(d["value"])
        place = _first(d["place"])
        parties = [{"id": a, "name": min(n) if n else a, "role": role}
                   for (a, role), n in d["parties"].items()]
        parties.sort(key=lambda p: (p["name"].casefold(), p["id"], p["role"]))
        deals.append({
            "id": _id(iri),
            "kind": _first(d["kind"]),
            "title": _first(d["title"]),
            "parties": parties,
            "date": when[2] if when else None,
            "date_precision": when[3] if when else None,
            "earliest": when[0] if when else None,
            "latest": when[1] if when else None,
            "end_date": _first(d["end"]),
            "status": _first(d["status"]),
            "value": {"amount": value[0], "currency": value[1]} if value else None,
            "place": {"id": place[0], "name": place[1]} if place else None,
            "evidence": [],
            "_iri": iri,
        })
    if deals:
        if evidence_rows is None:
            evidence_rows = run_query(store, _unordered(load_query("deal_evidence")), deal=[d["_iri"] for d in deals])
        evidence: dict[str, list[dict]] = {}
        for r in evidence_rows:
            evidence.setdefault(r["deal"], []).append(_evidence(r))
        for d in deals:
            d["evidence"] = _sorted_evidence(evidence.get(d.pop("_iri"), []))
    deals.sort(key=lambda d: (d["earliest"] is None, d["earliest"] or "", d["latest"] or "",
                              d["id"]))
    return deals


_PARTICIPATION = (
    "        akg:participation ?participation .\n"
    "  ?participation akg:agent ?agent ;\n"
    "                 akg:role ?role .\n"
    "  OPTIONAL { ?agent rdfs:label ?agentName }\n"
)


def _deal_values_first(sparql: str) -> str:
    """``partners.rq`` with the join on the parties moved after the deal's own values.

    Oxigraph then follows each deal's property paths once per deal instead of once per
    party row (30 instead of 41 ms for 133 deals at 100k articles). The named query keeps
    the portable order: an engine that evaluates each group on its own (rdflib) would join
    the two parts row by row."""
    if _PARTICIPATION not in sparql:
        return sparql
    sparql = sparql.replace(_PARTICIPATION, "")
    sparql = sparql.replace("  ?deal a akg:Deal ;\n        akg:kind ?kind ;\n", "  ?deal a akg:Deal ;\n        akg:kind ?kind .\n", 1)
    block = ("  ?deal akg:participation ?participation .\n  ?participation akg:agent ?agent ;\n"
             "                 akg:role ?role .\n  OPTIONAL { ?agent rdfs:label ?agentName }\n")
    return sparql.replace("  FILTER(!BOUND(?party)", block + "  FILTER(!BOUND(?party)", 1)


def _unordered(sparql: str) -> str:
    """``sparql`` without its ORDER BY: the view sorts the deals and their evidence itself,
    and an engine that orders by IRIs reads every IRI's text to compare them (Oxigraph: a
    third of the partners query's time)."""
    return re.sub(r"(?m)^ORDER BY .*$", "", sparql)


def _party_first(sparql: str, var: str) -> str:
    """``sparql`` with its ``?deal akg:party ?{var}`` filter made the first join.

    A bound company is then where the engine starts, from that company's deals, instead
    of a test applied to every deal in the store."""
    sparql = sparql.replace(f"  FILTER(!BOUND(?{var}) || EXISTS {{ ?deal akg:party ?{var} }})\n", "")
    return sparql.replace("WHERE {\n", f"WHERE {{\n  ?deal akg:party ?{var} .\n", 1)


def partners(store: Store, name: str | None = None, with_: str | None = None,
             since: str | date | None = None, until: str | date | None = None,
             kind: str | None = None) -> list[dict]:
    """Who partnered with whom, when: one object per deal, oldest first (undated last).

    ``name`` keeps deals that entity is a party to, ``with_`` deals its counterpart is
    also a party to (names, aliases or ids). ``since``/``until`` are dates at any
    precision (``2022``, ``2023-09``, ``2023-Q4``, ``2023-late``): a deal matches
    ``since X`` if its latest possible day is on or after X's first day, and ``until Y``
    if its earliest possible day is on or before Y's last day; undated deals are left
    out when a date is given. ``kind`` is a deal kind (``joint_venture``, ...).

    Examples
    --------
    >>> store = _example_store()
    >>> [deal] = partners(store, "Acme", with_="bolt", kind="strategic_cooperation")
    >>> deal["id"], deal["date"], [p["name"] for p in deal["parties"]]
    ('acme-bolt-2020', '2020', ['Acme', 'Bolt'])
    >>> deal["evidence"]
    [{'document': 'x.txt', 'text': 'Acme and Bolt signed a deal in 2020.', 'start': 0, 'end': 36}]
    >>> partners(store, kind="merger")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: Unknown deal kind 'merger'...
    """
    bindings: dict[str, Any] = {}
    if kind is not None:
        bindings["kind"] = _deal_kind(kind)
    if since is not None:
        bindings["since"] = _bounds(since, "--since")[0]
    if until is not None:
        bindings["until"] = _bounds(until, "--until")[1]
    if name is not None:
        bindings["party"] = resolve_name(store, name)
    if with_ is not None:
        bindings["counterpart"] = resolve_name(store, with_)
    return _deals(store, **bindings)


def _deal_names(store: Store, deal_iris: list[str]) -> dict[str, str]:
    """A readable name per deal: its title, or 'kind: A + B (date)'."""
    if not deal_iris:
        return {}
    names = {}
    for d in _deals(store, deal=deal_iris):
        if d["title"]:
            names[d["id"]] = d["title"]
        else:
            text = f"{d['kind'].replace('_', ' ')}: {' + '.join(p['name'] for p in d['parties'])}"
            names[d["id"]] = f"{text} ({d['date']})" if d["date"] else text
    return names


# -- entities ---------------------------------------------------------------------------

def entities(store: Store, type: str | None = None) -> list[dict]:  # noqa: A002 (CLI name)
    """The entities with their type, aliases and the documents that mention them.

    ``type`` is an entity class (``Company``, ``Person``, ... any case);
    ``Organization`` includes its kinds (Company, GovernmentBody, Media, Fund).
    Sorted by name, then id.

    Examples
    --------
    >>> entities(_example_store(), type="company")[0]
    {'id': 'acme', 'type': 'Company', 'name': 'Acme', 'aliases': ['Acme Corp'], 'documents': ['x.txt']}
    """
    types = _entity_types(type) if type is not None else None
    rows = list(_entity_index(store, types=types).values())
    return sorted(rows, key=lambda e: (e["name"].casefold(), e["id"]))


# -- relations --------------------------------------------------------------------------

def _relations(store: Store, rows: list[dict], names: dict[str, str]) -> dict[str, dict]:
    """Relation objects keyed by statement IRI, from rows of relations.rq / entity_facts.rq."""
    out: dict[str, dict] = {}
    for r in rows:
        rel = out.setdefault(r["statement"], {
            "subject": {"id": _id(r["subject"]), "name": set()},
            "predicate": _predicate_name(r["predicate"]),
            "object": {"id": _id(r["object"]), "name": set()},
            "date": set(), "end_date": set(), "evidence": [],
        })
        for end in ("subject", "object"):
            if r.get(f"{end}Name") is not None:
                rel[end]["name"].add(r[f"{end}Name"])
        rel["date"].add(r["date"])
        rel["end_date"].add(r["endDate"])
        if r["fileName"] is not None:
            rel["evidence"].append(_evidence(r))
    for rel in out.values():
        for end in ("subject", "object"):
            found = rel[end]["name"]
            rel[end]["name"] = min(found) if found else names.get(rel[end]["id"], rel[end]["id"])
        rel["date"] = _first(rel["date"])
        rel["end_date"] = _first(rel["end_date"])
        rel["evidence"] = _sorted_evidence(rel["evidence"])
    return out


def _relation_key(rel: dict) -> tuple:
    return (rel["subject"]["name"].casefold(), rel["predicate"], rel["object"]["name"].casefold(),
            rel["subject"]["id"], rel["object"]["id"], rel["date"] or "")


def _deal_objects(store: Store, rows: list[dict], object_key: str) -> dict[str, str]:
    """Names for deal objects (of ``attended``) that have no title."""
    deal_iris = sorted({r[object_key] for r in rows
                        if r[object_key] and "/deal/" in r[object_key]
                        and r.get(f"{object_key}Name") is None})
    return _deal_names(store, deal_iris)


def relations(store: Store, predicate: str | None = None) -> list[dict]:
    """The binary relations (people's roles, HQ, plants, brands, ownership, ...).

    ``predicate`` is a relation name such as ``chairman_of`` (camelCase accepted).
    Sorted by subject name, predicate, object name.

    Examples
    --------
    >>> relations(_example_store())
    []
    >>> relations(_example_store(), predicate="boss_of")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: Unknown predicate 'boss_of'...
    """
    pred = _predicate(predicate) if predicate is not None else None
    rows = run_query(store, "relations", predicate=pred)
    rels = _relations(store, rows, _deal_objects(store, rows, "object"))
    return sorted(rels.values(), key=_relation_key)


# -- show -------------------------------------------------------------------------------

def show(store: Store, name: str) -> dict:
    """Everything known about one entity, each fact with its evidence.

    Returns the entity (``id``, ``type``, ``name``, ``aliases``, ``documents``) with
    ``deals``: the ``partners`` objects it is a party to, plus its own ``role`` and its
    ``counterparts``; and ``relations``: relation objects in both directions, each with
    ``direction`` ``"out"`` (the entity is the subject) or ``"in"``.

    Examples
    --------
    >>> info = show(_example_store(), "ACME")
    >>> info["name"], info["aliases"], [d["counterparts"] for d in info["deals"]]
    ('Acme', ['Acme Corp'], [[{'id': 'bolt', 'name': 'Bolt', 'role': 'party'}]])
    """
    eid = resolve_name(store, name)
    entity = _entity_index(store, entity=eid)[eid]
    deals = []
    for d in partners(store, eid):
        mine = [p["role"] for p in d["parties"] if p["id"] == eid]
        deals.append({**d, "role": mine[0] if mine else None,
                      "counterparts": [p for p in d["parties"] if p["id"] != eid]})
    rows = [r for r in run_query(store, "entity_facts", entity=eid) if r["direction"] != "deal"]
    for r in rows:  # entity_facts names the other end ?other; relations.rq has subject/object
        me, other = ("subject", "object") if r["direction"] == "out" else ("object", "subject")
        r.update({"statement": r["fact"], me: str(entity_iri(eid)), f"{me}Name": entity["name"],
                  other: r["other"], f"{other}Name": r["otherName"]})
    rels = _relations(store, rows, _deal_objects(store, rows, "object"))
    direction = {r["fact"]: r["direction"] for r in rows}
    relations_ = [{**rel, "direction": direction[iri]} for iri, rel in rels.items()]
    relations_.sort(key=lambda r: (r["direction"] != "out", *_relation_key(r)))
    return {**entity, "deals": deals, "relations": relations_}

