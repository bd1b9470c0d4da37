"""Named queries and views on tests/data/tiny.trig: every .rq runs with the expected rows,
views return the DESIGN.md JSON shapes, and evidence text is the article's text[start:end].

Expected values are read by hand off tiny.trig (and off the small extra article EXTRA_TTL).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from anhui_kg import views
from anhui_kg.errors import DateError, StoreError, UnknownQuery
from anhui_kg.queries import (
    QUERY_DIR,
    bind,
    list_queries,
    load_query,
    parse_header,
    run_query,
    to_python,
)
from anhui_kg.store import open_store

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.trig"

ENT = "https://w3id.org/anhui-kg/entity/"
DEAL = "https://w3id.org/anhui-kg/deal/"
REL = "https://w3id.org/anhui-kg/relation/"
DOC = "https://w3id.org/anhui-kg/document/"
AKG = "https://w3id.org/anhui-kg/ontology#"
KIND = "https://w3id.org/anhui-kg/kind/"
ROLE = "https://w3id.org/anhui-kg/role/"
STATUS = "https://w3id.org/anhui-kg/status/"

JV = "alpha-motors-beta-battery-joint-venture-2021-03"
SUPPLY = "gamma-chips-alpha-motors-supply-2022"
INVEST = "beta-battery-gamma-chips-investment-2023-late"
COOP = "delta-auto-alpha-motors-strategic-cooperation"

A_JV = "HEFEI, March 27, 2021 — Alpha Motors and Beta Battery signed a joint venture agreement in Hefei."
B_JV = "Beta Battery and Alpha Motors formed a joint venture in March 2021."
B_SUPPLY = "Gamma Chips will supply chips to Alpha Motors from 2022."
B_INVEST = "Beta Battery invested 2 billion yuan in Gamma Chips in late 2023."
A_CHAIR = "Alpha Motors chairman Zhang Wei attended."
A_HQ = "Alpha Motors is headquartered in Hefei."

# A third article: an undated deal with a title, a plant, and an alias shared by two
# entities ("Delta"), to test what tiny.trig does not show.
C_TEXT = ("Delta Auto and Alpha Motors announced a strategic cooperation. "
          "Delta Auto has a plant in Hefei.")
EXTRA_TTL = f"""
@prefix akg: <{AKG}> .
@prefix ent: <{ENT}> .
@prefix deal: <{DEAL}> .
@prefix rel: <{REL}> .
@prefix doc: <{DOC}> .
@prefix kind: <{KIND}> .
@prefix role: <{ROLE}> .
@prefix status: <{STATUS}> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
doc:c.txt a akg:Document ; akg:fileName "c.txt" ; akg:text "{C_TEXT}" .
ent:alpha-motors a akg:Company ; rdfs:label "Alpha Motors"@en ; akg:mentionedIn doc:c.txt .
ent:hefei a akg:Place ; rdfs:label "Hefei"@en ; akg:mentionedIn doc:c.txt .
ent:delta-auto a akg:Company ; rdfs:label "Delta Auto"@en ; skos:altLabel "Delta"@en ;
    akg:mentionedIn doc:c.txt .
ent:delta-hefei-plant a akg:Plant ; rdfs:label "Delta Hefei Plant"@en ; skos:altLabel "Delta"@en ;
    akg:mentionedIn doc:c.txt .
deal:{COOP} a akg:Deal ;
    akg:kind kind:strategic_cooperation ; akg:status status:announced ;
    dcterms:title "Delta-Alpha cooperation" ;
    akg:party ent:delta-auto, ent:alpha-motors ;
    akg:participation <{DEAL}{COOP}/party/delta-auto>, <{DEAL}{COOP}/party/alpha-motors> ;
    akg:evidence <{DOC}c.txt#char=0,62> .
<{DEAL}{COOP}/party/delta-auto> a akg:Participation ; akg:agent ent:delta-auto ; akg:role role:party .
<{DEAL}{COOP}/party/alpha-motors> a akg:Participation ; akg:agent ent:alpha-motors ; akg:role role:party .
<{DOC}c.txt#char=0,62> a akg:Evidence ; oa:hasSource doc:c.txt ; oa:start 0 ; oa:end 62 ;
    oa:exact "Delta Auto and Alpha Motors announced a strategic cooperation." .
ent:delta-hefei-plant akg:plantOf ent:delta-auto ; akg:locatedIn ent:hefei .
rel:delta-hefei-plant-plant-of-delta-auto a akg:RelationStatement ;
    rdf:subject ent:delta-hefei-plant ; rdf:predicate akg:plantOf ; rdf:object ent:delta-auto ;
    akg:date <{REL}delta-hefei-plant-plant-of-delta-auto/date> ;
    akg:evidence <{DOC}c.txt#char=63,95> .
<{REL}delta-hefei-plant-plant-of-delta-auto/date> a akg:DateValue ; akg:value "2020" ;
    akg:precision "year" ; akg:earliest "2020-01-01"^^xsd:date ; akg:latest "2020-12-31"^^xsd:date .
<{DOC}c.txt#char=63,95> a akg:Evidence ; oa:hasSource doc:c.txt ; oa:start 63 ; oa:end 95 ;
    oa:exact "Delta Auto has a plant in Hefei." .
"""


def tiny_dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(TINY, format="trig")
    return ds


@pytest.fixture
def store():
    s = open_store(None)
    s.sync(tiny_dataset())
    return s


@pytest.fixture
def bigger_store():
    """tiny.trig plus article c.txt (undated titled deal, a plant, an ambiguous alias)."""
    ds = tiny_dataset()
    ds.graph(rdflib.URIRef(DOC + "c.txt")).parse(data=EXTRA_TTL, format="turtle")
    s = open_store(None)
    s.sync(ds)
    return s


def article_texts(s) -> dict[str, str]:
    rows = run_query(s, "SELECT ?f ?t WHERE { ?d akg:fileName ?f ; akg:text ?t }".replace(
        "SELECT", f"PREFIX akg: <{AKG}> SELECT"))
    return {r["f"]: r["t"] for r in rows}


def short(rows: list[dict]) -> list[dict]:
    """Rows with the project namespaces cut off, for hand-written expectations."""
    def cut(v):
        if isinstance(v, str):
            for ns in (ENT, DEAL, REL, DOC, KIND, ROLE, STATUS, AKG):
                if v.startswith(ns):
                    return v[len(ns):]
        return v
    return [{k: cut(v) for k, v in r.items()} for r in rows]


# -- the .rq files -----------------------------------------------------------------------

OWN_QUERIES = {
    "partners", "deal_evidence", "entities", "relations", "entity_facts", "partners_of",
    "partnerships_between", "deals_in_period", "people_roles", "plants_of", "headquarters",
    "documents",
}


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.rq")), ids=lambda p: p.name)
def test_every_query_file_opens_with_question_parameters_returns(path):
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert lines[0].startswith("# Question:")
    header = parse_header(path.read_text(encoding="utf-8"))
    assert list(header) == ["Question", "Parameters", "Returns"]
    assert all(header.values())


def test_list_queries_covers_every_file_with_its_question_and_parameters():
    infos = {q.name: q for q in list_queries()}
    assert OWN_QUERIES <= set(infos)
    assert set(infos) == {p.stem for p in QUERY_DIR.glob("*.rq")}
    assert infos["partners_of"].question == "Who partnered with a given company, in which deals, and when?"
    assert [(p.name, p.type, p.optional) for p in infos["partnerships_between"].parameters] == [
        ("a", "entity", False), ("b", "entity", False)]
    assert [p.name for p in infos["partners"].parameters] == [
        "deal", "party", "counterpart", "kind", "since", "until"]
    assert all(p.optional for p in infos["partners"].parameters)
    assert infos["documents"].parameters[0].type == "document"


def test_projection_queries_run_on_the_tiny_store(store):
    # Owned by the analysis module; here only: they parse, run, and give JSON-able rows.
    for q in list_queries():
        if q.name.startswith("projection_"):
            json.dumps(run_query(store, q.name))


def test_partners_rq_one_row_per_deal_and_party(store):
    rows = short(run_query(store, "partners"))
    assert [(r["deal"], r["agent"], r["role"]) for r in rows] == [
        (JV, "alpha-motors", "party"), (JV, "beta-battery", "party"),
        (SUPPLY, "alpha-motors", "customer"), (SUPPLY, "gamma-chips", "supplier"),
        (INVEST, "beta-battery", "investor"), (INVEST, "gamma-chips", "investee"),
    ]
    invest = rows[-1]
    assert invest == {
        "deal": INVEST, "kind": "investment", "status": "completed", "title": None,
        "agent": "gamma-chips", "agentName": "Gamma Chips", "role": "investee",
        "date": "2023-late", "precision": "season", "earliest": "2023-09-01",
        "latest": "2023-12-31", "endDate": None, "amount": 2000000000, "currency": "CNY",
        "place": None, "placeName": None,
    }
    assert rows[0]["place"] == "hefei" and rows[0]["placeName"] == "Hefei"


def test_the_partners_view_reorders_the_named_query_without_changing_its_rows(bigger_store):
    from anhui_kg.queries import load_query

    named = load_query("partners")
    tuned = views._unordered(views._deal_values_first(named))
    assert tuned != named and "ORDER BY" not in tuned  # the rewrite found what it moves

    def key(rows):
        return sorted(json.dumps(r, sort_keys=True) for r in rows)

    assert key(run_query(bigger_store, tuned)) == key(run_query(bigger_store, named))
    assert key(run_query(bigger_store, tuned, party="gamma-chips")) == key(
        run_query(bigger_store, named, party="gamma-chips"))


@pytest.mark.parametrize("bindings, deals", [
    ({"party": "gamma-chips"}, {SUPPLY, INVEST}),
    ({"party": "gamma-chips", "counterpart": "alpha-motors"}, {SUPPLY}),
    ({"kind": "joint_venture"}, {JV}),
    ({"since": "2022-06-01"}, {SUPPLY, INVEST}),
    ({"until": "2022-01-01"}, {JV, SUPPLY}),
    ({"deal": [JV, INVEST]}, {JV, INVEST}),
])
def test_partners_rq_parameters_filter(store, bindings, deals):
    assert {r["deal"] for r in short(run_query(store, "partners", **bindings))} == deals


def test_deal_evidence_rq_text_is_the_article_slice(store):
    rows = short(run_query(store, "deal_evidence"))
    assert [(r["deal"], r["fileName"], r["start"], r["end"]) for r in rows] == [
        (JV, "a.txt", 0, 96), (JV, "b.txt", 57, 124),
        (INVEST, "b.txt", 125, 190), (SUPPLY, "b.txt", 0, 56),
    ]
    texts = article_texts(store)
    assert all(texts[r["fileName"]][r["start"]:r["end"]] == r["text"] for r in rows)
    assert [r["text"] for r in short(run_query(store, "deal_evidence", deal=SUPPLY))] == [B_SUPPLY]


def test_entities_rq(store):
    rows = {tuple(r.values()) for r in short(run_query(store, "entities"))}
    assert rows == {
        ("alpha-motors", "Company", "Alpha Motors", None, "a.txt"),
        ("alpha-motors", "Company", "Alpha Motors", None, "b.txt"),
        ("beta-battery", "Company", "Beta Battery", None, "a.txt"),
        ("beta-battery", "Company", "Beta Battery", None, "b.txt"),
        ("gamma-chips", "Company", "Gamma Chips", "Gamma", None),
        ("gamma-chips", "Company", "Gamma Chips", None, "b.txt"),
        ("hefei", "Place", "Hefei", None, "a.txt"),
        ("zhang-wei", "Person", "Zhang Wei", None, "a.txt"),
    }
    assert short(run_query(store, "entities", type="Person")) == [
        {"entity": "zhang-wei", "type": "Person", "name": "Zhang Wei", "alias": None,
         "fileName": "a.txt"}]


def test_relations_rq(store):
    rows = short(run_query(store, "relations"))
    assert [(r["subject"], r["predicate"], r["object"], r["objectName"], r["text"]) for r in rows] == [
        ("alpha-motors", "headquarteredIn", "hefei", "Hefei", A_HQ),
        ("zhang-wei", "attended", JV, None, A_CHAIR),
        ("zhang-wei", "chairmanOf", "alpha-motors", "Alpha Motors", A_CHAIR),
    ]
    only = short(run_query(store, "relations", predicate="chairman_of"))
    assert [(r["statement"], r["fileName"], r["start"], r["end"]) for r in only] == [
        ("zhang-wei-chairman-of-alpha-motors", "a.txt", 97, 138)]


def test_entity_facts_rq_both_directions_and_deals(store):
    rows = short(run_query(store, "entity_facts", entity="alpha-motors"))
    assert [(r["direction"], r["fact"], r["predicate"], r["role"], r["other"], r["otherRole"],
             r["fileName"], r["start"]) for r in rows] == [
        ("deal", JV, "joint_venture", "party", "beta-battery", "party", "a.txt", 0),
        ("deal", JV, "joint_venture", "party", "beta-battery", "party", "b.txt", 57),
        ("deal", SUPPLY, "supply", "customer", "gamma-chips", "supplier", "b.txt", 0),
        ("in", "zhang-wei-chairman-of-alpha-motors", "chairmanOf", None, "zhang-wei", None,
         "a.txt", 97),
        ("out", "alpha-motors-headquartered-in-hefei", "headquarteredIn", None, "hefei", None,
         "a.txt", 139),
    ]


def test_partners_of_rq(store):
    rows = short(run_query(store, "partners_of", company="alpha-motors"))
    assert [(r["partner"], r["partnerName"], r["partnerRole"], r["role"], r["deal"], r["date"])
            for r in rows] == [
        ("beta-battery", "Beta Battery", "party", "party", JV, "2021-03"),
        ("gamma-chips", "Gamma Chips", "supplier", "customer", SUPPLY, "2022"),
    ]
    # A full IRI works as well as an id.
    assert run_query(store, "partners_of", company=ENT + "alpha-motors") == run_query(
        store, "partners_of", company="alpha-motors")


def test_partnerships_between_rq(store):
    rows = short(run_query(store, "partnerships_between", a="beta-battery", b="alpha-motors"))
    assert rows == [{"deal": JV, "kind": "joint_venture", "status": "signed", "roleA": "party",
                     "roleB": "party", "date": "2021-03", "earliest": "2021-03-01",
                     "latest": "2021-03-31", "title": None}]
    assert run_query(store, "partnerships_between", a="alpha-motors", b="hefei") == []


@pytest.mark.parametrize("bindings, deals", [
    ({}, [JV, SUPPLY, INVEST]),
    ({"from": "2022-01-01", "to": "2023-08-31"}, [SUPPLY]),
    ({"from": "2023-12-01"}, [INVEST]),
    ({"to": "2021-03-01"}, [JV]),
])
def test_deals_in_period_rq(store, bindings, deals):
    assert [r["deal"] for r in short(run_query(store, "deals_in_period", **bindings))] == deals


def test_people_roles_rq(store):
    assert short(run_query(store, "people_roles")) == [
        {"person": "zhang-wei", "personName": "Zhang Wei", "role": "chairmanOf",
         "organization": "alpha-motors", "organizationName": "Alpha Motors",
         "date": None, "endDate": None}]
    assert run_query(store, "people_roles", organization="beta-battery") == []


def test_headquarters_rq(store):
    assert short(run_query(store, "headquarters")) == [
        {"entity": "alpha-motors", "name": "Alpha Motors", "place": "hefei", "placeName": "Hefei"}]


def test_plants_of_rq(store, bigger_store):
    assert run_query(store, "plants_of") == []
    expected = [{"company": "delta-auto", "companyName": "Delta Auto",
                 "plant": "delta-hefei-plant", "plantName": "Delta Hefei Plant",
                 "place": "hefei", "placeName": "Hefei"}]
    assert short(run_query(bigger_store, "plants_of")) == expected
    assert short(run_query(bigger_store, "plants_of", company="delta-auto")) == expected
    assert run_query(bigger_store, "plants_of", company="alpha-motors") == []


def test_documents_rq(store):
    assert short(run_query(store, "documents")) == [
        {"document": "a.txt", "fileName": "a.txt", "publisher": "Example Wire",
         "published": "2021-03-27", "entities": 4, "deals": 1, "relations": 3},
        {"document": "b.txt", "fileName": "b.txt", "publisher": None,
         "published": "2024-early", "entities": 3, "deals": 3, "relations": 0},
    ]
    assert [r["fileName"] for r in run_query(store, "documents", document="b.txt")] == ["b.txt"]


# -- run_query mechanics -----------------------------------------------------------------

def test_run_query_accepts_a_rq_file_and_inline_sparql(store, tmp_path):
    path = tmp_path / "deals.rq"
    path.write_text(f"PREFIX akg: <{AKG}>\nSELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?d a akg:Deal }}")
    assert run_query(store, path) == [{"n": 3}]
    assert run_query(store, str(path)) == [{"n": 3}]
    assert run_query(store, f"ASK {{ ?d a <{AKG}Deal> }}") == [{"ask": True}]
    rows = run_query(store, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o . FILTER(?p = <{AKG}chairmanOf>) }}")
    assert rows == [{"subject": ENT + "zhang-wei", "predicate": AKG + "chairmanOf",
                     "object": ENT + "alpha-motors"}]


def test_bindings_are_escaped_not_pasted(store):
    query = ('SELECT DISTINCT ?e WHERE { # a { in a comment\n'
             '  ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label '
             'FILTER(STR(?label) = ?name && "}" != "{") }')
    assert run_query(store, query, name="Alpha Motors") == [{"e": ENT + "alpha-motors"}]
    hostile = 'x" ) } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER("'
    assert run_query(store, query, name=hostile) == []
    assert len(store) == 190  # nothing dropped
    assert bind("SELECT * WHERE { ?s ?p ?o }", {}) == "SELECT * WHERE { ?s ?p ?o }"


def test_unknown_query_lists_the_valid_names(store):
    with pytest.raises(UnknownQuery) as err:
        run_query(store, "partner_of")
    assert "partners_of" in str(err.value) and "deal_evidence" in str(err.value)
    with pytest.raises(UnknownQuery):
        load_query("no_such_query")
    with pytest.raises(UnknownQuery, match="missing.rq"):
        run_query(store, "missing.rq")


def test_parameter_errors(store):
    with pytest.raises(UnknownQuery, match=r"\?company"):
        run_query(store, "partners_of")
    with pytest.raises(UnknownQuery, match=r"no parameter \?bogus"):
        run_query(store, "partners", bogus="x")
    with pytest.raises(UnknownQuery, match="boss_of"):
        run_query(store, "relations", predicate="boss_of")
    with pytest.raises(DateError):
        run_query(store, "deals_in_period", **{"from": "last spring"})
    with pytest.raises(StoreError, match="does not parse"):
        run_query(store, "SELECT * WHERE { ?s ?p }")


def test_to_python_converts_typed_literals():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert to_python(rdflib.Literal("2000000000", datatype=rdflib.URIRef(xsd + "decimal"))) == 2000000000
    assert to_python(rdflib.Literal("2.5", datatype=rdflib.URIRef(xsd + "decimal"))) == 2.5
    assert to_python(rdflib.Literal("7", datatype=rdflib.URIRef(xsd + "integer"))) == 7
    assert to_python(rdflib.Literal("true", datatype=rdflib.URIRef(xsd + "boolean"))) is True
    assert to_python(rdflib.Literal("2021-03", datatype=rdflib.URIRef(xsd + "gYearMonth"))) == "2021-03"
    assert to_python(rdflib.Literal("奇瑞", lang="zh")) == "奇瑞"
    assert to_python(None) is None


# -- views: partners ---------------------------------------------------------------------

EXPECTED_PARTNERS = [
    {"id": JV, "kind": "joint_venture", "title": None,
     "parties": [{"id": "alpha-motors", "name": "Alpha Motors", "role": "party"},
                 {"id": "beta-battery", "name": "Beta Battery", "role": "party"}],
     "date": "2021-03", "date_precision": "month",
     "earliest": "2021-03-01", "latest": "2021-03-31", "end_date": None, "status": "signed",
     "value": None, "place": {"id": "hefei", "name": "Hefei"},
     "evidence": [{"document": "a.txt", "text": A_JV, "start": 0, "end": 96},
                  {"document": "b.txt", "text": B_JV, "start": 57, "end": 124}]},
    {"id": SUPPLY, "kind": "supply", "title": None,
     "parties": [{"id": "alpha-motors", "name": "Alpha Motors", "role": "customer"},
                 {"id": "gamma-chips", "name": "Gamma Chips", "role": "supplier"}],
     "date": "2022", "date_precision": "year",
     "earliest": "2022-01-01", "latest": "2022-12-31", "end_date": None, "status": "planned",
     "value": None, "place": None,
     "evidence": [{"document": "b.txt", "text": B_SUPPLY, "start": 0, "end": 56}]},
    {"id": INVEST, "kind": "investment", "title": None,
     "parties": [{"id": "beta-battery", "name": "Beta Battery", "role": "investor"},
                 {"id": "gamma-chips", "name": "Gamma Chips", "role": "investee"}],
     "date": "2023-late", "date_precision": "season",
     "earliest": "2023-09-01", "latest": "2023-12-31", "end_date": None, "status": "completed",
     "value": {"amount": 2000000000, "currency": "CNY"}, "place": None,
     "evidence": [{"document": "b.txt", "text": B_INVEST, "start": 125, "end": 190}]},
]


def test_partners_lists_every_deal_oldest_first_in_the_design_shape(store):
    assert views.partners(store) == EXPECTED_PARTNERS


def test_partners_evidence_is_the_article_slice(bigger_store):
    texts = article_texts(bigger_store)
    evidence = [e for d in views.partners(bigger_store) for e in d["evidence"]]
    assert len(evidence) == 5
    assert all(texts[e["document"]][e["start"]:e["end"]] == e["text"] for e in evidence)


def ids(deals):
    return [d["id"] for d in deals]


@pytest.mark.parametrize("kwargs, expected", [
    ({"name": "Gamma"}, [SUPPLY, INVEST]),                    # an alias
    ({"name": "beta battery"}, [JV, INVEST]),                 # a label, any case
    ({"name": "alpha-motors", "with_": "Gamma Chips"}, [SUPPLY]),
    ({"with_": "Beta Battery"}, [JV, INVEST]),
    ({"since": "2022-06"}, [SUPPLY, INVEST]),                 # supply's latest is 2022-12-31
    ({"since": "2023-Q4"}, [INVEST]),                         # 2023-late ends 2023-12-31
    ({"until": "2021"}, [JV]),
    ({"until": "2023-late"}, [JV, SUPPLY, INVEST]),           # investment starts 2023-09-01
    ({"since": "2022", "until": "2022"}, [SUPPLY]),
    ({"since": "2024"}, []),
    ({"kind": "supply"}, [SUPPLY]),
    ({"kind": "Joint-Venture"}, [JV]),
    ({"name": "Alpha Motors", "kind": "investment"}, []),
])
def test_partners_filters(store, kwargs, expected):
    assert ids(views.partners(store, **kwargs)) == expected


def test_undated_deals_come_last_and_drop_out_under_a_date_filter(bigger_store):
    deals = views.partners(bigger_store)
    assert ids(deals) == [JV, SUPPLY, INVEST, COOP]
    coop = deals[-1]
    assert coop["title"] == "Delta-Alpha cooperation"
    assert (coop["date"], coop["date_precision"], coop["earliest"], coop["latest"]) == (None,) * 4
    assert ids(views.partners(bigger_store, name="Delta Auto")) == [COOP]
    assert ids(views.partners(bigger_store, since="2000")) == [JV, SUPPLY, INVEST]
    assert ids(views.partners(bigger_store, until="2100")) == [JV, SUPPLY, INVEST]


def test_partners_rejects_unknown_kind_entity_and_date(store):
    with pytest.raises(UnknownQuery) as err:
        views.partners(store, kind="merger")
    assert "joint_venture" in str(err.value) and "battery_swap_alliance" in str(err.value)
    with pytest.raises(UnknownQuery, match="Alpha Motors"):
        views.partners(store, name="Alfa Motors")
    with pytest.raises(DateError, match="--since"):
        views.partners(store, since="the other day")


# -- views: names ------------------------------------------------------------------------

def test_resolve_name_by_id_label_or_alias(store):
    assert views.resolve_name(store, "gamma-chips") == "gamma-chips"
    assert views.resolve_name(store, "GAMMA CHIPS") == "gamma-chips"
    assert views.resolve_name(store, " gamma ") == "gamma-chips"


def test_resolve_name_unknown_suggests_close_names(store):
    with pytest.raises(UnknownQuery) as err:
        views.resolve_name(store, "Zang Wei")
    message = str(err.value)
    assert "No entity is called 'Zang Wei'" in message
    assert "Zhang Wei" in message
    assert "Run `anhui-kg entities` to list them." in message


def test_resolve_name_ambiguous_alias_lists_the_candidates(bigger_store):
    with pytest.raises(UnknownQuery) as err:
        views.resolve_name(bigger_store, "delta")
    assert "delta-auto" in str(err.value) and "delta-hefei-plant" in str(err.value)
    assert views.resolve_name(bigger_store, "Delta Auto") == "delta-auto"


# -- views: entities, relations, show ----------------------------------------------------

def test_entities_shape_and_values(store):
    assert views.entities(store) == [
        {"id": "alpha-motors", "type": "Company", "name": "Alpha Motors", "aliases": [],
         "documents": ["a.txt", "b.txt"]},
        {"id": "beta-battery", "type": "Company", "name": "Beta Battery", "aliases": [],
         "documents": ["a.txt", "b.txt"]},
        {"id": "gamma-chips", "type": "Company", "name": "Gamma Chips", "aliases": ["Gamma"],
         "documents": ["b.txt"]},
        {"id": "hefei", "type": "Place", "name": "Hefei", "aliases": [], "documents": ["a.txt"]},
        {"id": "zhang-wei", "type": "Person", "name": "Zhang Wei", "aliases": [],
         "documents": ["a.txt"]},
    ]


def test_entities_type_filter(store):
    assert [e["id"] for e in views.entities(store, type="person")] == ["zhang-wei"]
    assert [e["id"] for e in views.entities(store, type="Organization")] == [
        "alpha-motors", "beta-battery", "gamma-chips"]
    assert views.entities(store, type="Fund") == []
    with pytest.raises(UnknownQuery, match="GovernmentBody"):
        views.entities(store, type="Robot")


EXPECTED_RELATIONS = [
    {"subject": {"id": "alpha-motors", "name": "Alpha Motors"}, "predicate": "headquartered_in",
     "object": {"id": "hefei", "name": "Hefei"}, "date": None, "end_date": None,
     "evidence": [{"document": "a.txt", "text": A_HQ, "start": 139, "end": 178}]},
    {"subject": {"id": "zhang-wei", "name": "Zhang Wei"}, "predicate": "attended",
     "object": {"id": JV, "name": "joint venture: Alpha Motors + Beta Battery (2021-03)"},
     "date": None, "end_date": None,
     "evidence": [{"document": "a.txt", "text": A_CHAIR, "start": 97, "end": 138}]},
    {"subject": {"id": "zhang-wei", "name": "Zhang Wei"}, "predicate": "chairman_of",
     "object": {"id": "alpha-motors", "name": "Alpha Motors"}, "date": None, "end_date": None,
     "evidence": [{"document": "a.txt", "text": A_CHAIR, "start": 97, "end": 138}]},
]


def test_relations_shape_and_values(store):
    assert views.relations(store) == EXPECTED_RELATIONS


def test_relations_predicate_filter(store, bigger_store):
    assert views.relations(store, predicate="chairman_of") == [EXPECTED_RELATIONS[2]]
    assert views.relations(store, predicate="chairmanOf") == [EXPECTED_RELATIONS[2]]
    assert views.relations(store, predicate="plant_of") == []
    [plant] = views.relations(bigger_store, predicate="plant_of")
    assert plant["date"] == "2020"
    assert plant["evidence"] == [{"document": "c.txt", "text": "Delta Auto has a plant in Hefei.",
                                  "start": 63, "end": 95}]
    with pytest.raises(UnknownQuery, match="chairman_of"):
        views.relations(store, predicate="boss_of")


def test_show_gathers_deals_and_relations_in_both_directions(store):
    info = views.show(store, "Alpha Motors")
    assert {k: info[k] for k in ("id", "type", "name", "aliases", "documents")} == {
        "id": "alpha-motors", "type": "Company", "name": "Alpha Motors", "aliases": [],
        "documents": ["a.txt", "b.txt"]}
    assert [(d["id"], d["role"], d["counterparts"]) for d in info["deals"]] == [
        (JV, "party", [{"id": "beta-battery", "name": "Beta Battery", "role": "party"}]),
        (SUPPLY, "customer", [{"id": "gamma-chips", "name": "Gamma Chips", "role": "supplier"}]),
    ]
    assert info["deals"][0]["evidence"] == EXPECTED_PARTNERS[0]["evidence"]
    assert info["relations"] == [
        {**EXPECTED_RELATIONS[0], "direction": "out"},
        {**EXPECTED_RELATIONS[2], "direction": "in"},
    ]


def test_show_of_a_person_includes_the_deal_they_attended(store):
    info = views.show(store, "zhang wei")
    assert info["deals"] == []
    assert [(r["predicate"], r["object"]["id"], r["direction"]) for r in info["relations"]] == [
        ("attended", JV, "out"), ("chairman_of", "alpha-motors", "out")]


def test_show_unknown_entity(store):
    with pytest.raises(UnknownQuery, match="Run `anhui-kg entities`"):
        views.show(store, "Nobody Motors")


# -- the store's sync is one atomic update -------------------------------------------------

def test_sync_replaces_a_changed_article_and_remove_graph_retracts_it(store):
    ds = tiny_dataset()
    b = ds.graph(rdflib.URIRef(DOC + "b.txt"))
    b.remove((rdflib.URIRef(DEAL + INVEST), None, None))
    report = store.sync(ds)
    assert report.replaced == (DOC + "b.txt",) and report.unchanged == (DOC + "a.txt",)
    assert ids(views.partners(store)) == [JV, SUPPLY]
    assert store.remove_graph(DOC + "b.txt") is True
    assert store.remove_graph(DOC + "b.txt") is False
    assert ids(views.partners(store)) == [JV]
    assert views.partners(store)[0]["evidence"] == EXPECTED_PARTNERS[0]["evidence"][:1]


def test_a_closed_store_says_so(tmp_path):
    s = open_store(tmp_path / "kg.store")
    s.sync(tiny_dataset())
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.select("ASK {}")
    with open_store(tmp_path / "kg.store") as again:  # the folder lock was released
        assert len(again) == 190


def test_a_fact_told_by_many_articles_is_read_once(store):
    # Each copy of b.txt's graph asserts the same deals again. Queries read the set union of
    # the graphs, so the result is the same as with one copy (a bag union would multiply
    # every pattern's rows by the number of copies: 8**20 rows for partners.rq).
    ds = tiny_dataset()
    b = ds.graph(rdflib.URIRef(DOC + "b.txt"))
    for i in range(8):
        copy = ds.graph(rdflib.URIRef(f"{DOC}copy-{i}.txt"))
        for t in b:
            copy.add(t)
    store.sync(ds)
    assert views.partners(store) == EXPECTED_PARTNERS
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": 165}]
    assert store.remove_graph(DOC + "a.txt")
    assert [d["evidence"] for d in views.partners(store)][0] == EXPECTED_PARTNERS[0]["evidence"][1:]


def test_plain_values_straight_from_oxigraph_equal_rdflib_terms_converted(network):
    """run_query reads the embedded store's rows without rdflib terms in between; every
    shipped query without required parameters gives what converting rdflib terms gives."""
    from anhui_kg.queries import list_queries, load_query, to_python

    checked = 0
    for info in list_queries():
        if any(not p.optional for p in info.parameters):
            continue
        sparql = load_query(info.name)
        if not sparql.lstrip().upper().startswith(("SELECT", "PREFIX", "#")):
            continue
        try:
            slow = [{k: to_python(v) for k, v in row.items()} for row in network.select(sparql)]
        except Exception:  # CONSTRUCT queries: not a select
            continue
        assert network.select_values(sparql) == slow, info.name
        checked += 1
    assert checked >= 8
    typed = 'SELECT * WHERE { VALUES (?i ?d ?f ?b ?s ?x) { (1 2.50 1.5e0 true "a"@en <https://e.org/x>) } }'
    assert network.select_values(typed) == [{k: to_python(v) for k, v in row.items()}
                                            for row in network.select(typed)]
