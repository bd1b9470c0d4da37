"""The main CLI commands on a store made from tests/data/tiny.trig: exit codes, messages,
and output that parses (JSON) or has a header row (CSV)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from anhui_kg.cli import app
from anhui_kg.store import open_store

DATA = Path(__file__).parent / "data"
JV = "alpha-motors-beta-battery-joint-venture-2021-03"
SUPPLY = "gamma-chips-alpha-motors-supply-2022"
INVEST = "beta-battery-gamma-chips-investment-2023-late"

runner = CliRunner()


@pytest.fixture
def store_path(tmp_path) -> Path:
    ds = rdflib.Dataset()
    ds.parse(DATA / "tiny.trig", format="trig")
    path = tmp_path / "kg.store"
    with open_store(path) as store:
        store.sync(ds)
    return path


def run(store_path: Path, *args: str):
    return runner.invoke(app, [*args, "--store", str(store_path)])


def ok(result) -> str:
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def failed(result) -> str:
    """stderr of a command that failed the way users should see: exit 1, no traceback."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("Error: ")
    return result.stderr


# -- partners ------------------------------------------------------------------------------

def test_partners_table_one_row_per_deal_oldest_first(store_path):
    lines = ok(run(store_path, "partners")).splitlines()
    assert lines[0].split() == ["date", "kind", "parties", "status", "value", "place", "evidence"]
    assert lines[2].split()[:2] == ["2021-03", "joint_venture"]
    assert "Alpha Motors + Beta Battery" in lines[2] and "Hefei" in lines[2] and "a.txt" in lines[2]
    assert "Alpha Motors (customer) + Gamma Chips (supplier)" in lines[3]
    assert "2,000,000,000 CNY" in lines[4] and lines[4].startswith("2023-late")
    assert len(lines) == 5


def test_partners_json_is_the_design_shape(store_path):
    deals = json.loads(ok(run(store_path, "partners", "--format", "json")))
    assert [d["id"] for d in deals] == [JV, SUPPLY, INVEST]
    assert set(deals[0]) == {"id", "kind", "title", "parties", "date", "date_precision",
                             "earliest", "latest", "end_date", "status", "value", "place",
                             "evidence"}
    assert deals[2]["value"] == {"amount": 2000000000, "currency": "CNY"}
    assert [e["document"] for e in deals[0]["evidence"]] == ["a.txt", "b.txt"]


def test_partners_filters_on_the_command_line(store_path):
    def deal_ids(*args):
        return [d["id"] for d in json.loads(ok(run(store_path, "partners", *args, "-f", "json")))]

    assert deal_ids("Gamma") == [SUPPLY, INVEST]
    assert deal_ids("Alpha Motors", "--with", "beta battery") == [JV]
    assert deal_ids("--since", "2022-06", "--until", "2023") == [SUPPLY, INVEST]
    assert deal_ids("--kind", "investment") == [INVEST]


def test_partners_csv_has_a_header_row(store_path):
    rows = list(csv.reader(io.StringIO(ok(run(store_path, "partners", "--format", "csv")))))
    assert rows[0] == ["date", "kind", "parties", "status", "value", "place", "evidence"]
    assert [r[0] for r in rows[1:]] == ["2021-03", "2022", "2023-late"]


def test_partners_unknown_entity_suggests_and_exits_1(store_path):
    err = failed(run(store_path, "partners", "Alfa Motors"))
    assert "No entity is called 'Alfa Motors'" in err
    assert "Alpha Motors" in err
    assert "Run `anhui-kg entities` to list them." in err


def test_partners_unknown_kind_lists_the_valid_kinds(store_path):
    err = failed(run(store_path, "partners", "--kind", "merger"))
    assert "Unknown deal kind 'merger'" in err and "joint_venture" in err and "supply" in err


def test_partners_bad_date_says_which_option(store_path):
    assert "--since" in failed(run(store_path, "partners", "--since", "someday"))


# -- empty or missing store ------------------------------------------------------------------

@pytest.mark.parametrize("command", [["partners"], ["entities"], ["relations"],
                                     ["show", "Alpha Motors"], ["query", "documents"]])
def test_listing_commands_on_a_missing_store_say_build_first(tmp_path, command):
    missing = tmp_path / "nothing.store"
    err = failed(run(missing, *command))
    assert err.strip() == f"Error: The store at {missing} is empty. Run `anhui-kg build` first."
    assert not missing.exists()  # reading never creates a store


def test_listing_command_on_an_empty_store(tmp_path):
    empty = tmp_path / "empty.store"
    open_store(empty).close()
    assert "is empty. Run `anhui-kg build` first." in failed(run(empty, "entities"))


# -- entities, relations -------------------------------------------------------------------

def test_entities_json_and_type_filter(store_path):
    rows = json.loads(ok(run(store_path, "entities", "--format", "json")))
    assert [e["id"] for e in rows] == ["alpha-motors", "beta-battery", "gamma-chips", "hefei",
                                       "zhang-wei"]
    assert rows[2] == {"id": "gamma-chips", "type": "Company", "name": "Gamma Chips",
                       "aliases": ["Gamma"], "documents": ["b.txt"]}
    people = json.loads(ok(run(store_path, "entities", "--type", "Person", "-f", "json")))
    assert [e["name"] for e in people] == ["Zhang Wei"]


def test_entities_csv_and_unknown_type(store_path):
    rows = list(csv.reader(io.StringIO(ok(run(store_path, "entities", "-f", "csv")))))
    assert rows[0] == ["id", "type", "name", "aliases", "documents"]
    assert rows[1] == ["alpha-motors", "Company", "Alpha Motors", "", "a.txt; b.txt"]
    assert "Valid types:" in failed(run(store_path, "entities", "--type", "Robot"))


def test_relations_json_and_predicate_filter(store_path):
    rels = json.loads(ok(run(store_path, "relations", "--format", "json")))
    assert [(r["subject"]["id"], r["predicate"], r["object"]["id"]) for r in rels] == [
        ("alpha-motors", "headquartered_in", "hefei"),
        ("zhang-wei", "attended", JV),
        ("zhang-wei", "chairman_of", "alpha-motors")]
    assert set(rels[0]) == {"subject", "predicate", "object", "date", "end_date", "evidence"}
    table = ok(run(store_path, "relations", "--predicate", "chairman_of"))
    assert "Zhang Wei" in table and "headquartered_in" not in table
    assert "Valid predicates:" in failed(run(store_path, "relations", "--predicate", "boss_of"))


# -- show -----------------------------------------------------------------------------------

def test_show_text_cites_each_fact(store_path):
    text = ok(run(store_path, "show", "alpha motors"))
    assert text.startswith("Alpha Motors  (Company, id alpha-motors)")
    assert "joint_venture with Beta Battery" in text
    assert "supply as customer with Gamma Chips (supplier)" in text
    assert ('"HEFEI, March 27, 2021 — Alpha Motors and Beta Battery signed a joint venture '
            'agreement in Hefei." — a.txt [0:96]') in text
    assert '"Alpha Motors is headquartered in Hefei." — a.txt [139:178]' in text
    assert "Zhang Wei chairman_of Alpha Motors" in text


def test_show_json(store_path):
    info = json.loads(ok(run(store_path, "show", "gamma", "--format", "json")))
    assert info["id"] == "gamma-chips" and info["aliases"] == ["Gamma"]
    assert [(d["id"], d["role"]) for d in info["deals"]] == [(SUPPLY, "supplier"),
                                                             (INVEST, "investee")]


def test_show_csv_has_a_header_row(store_path):
    rows = list(csv.reader(io.StringIO(ok(run(store_path, "show", "Zhang Wei", "-f", "csv")))))
    assert rows[0][:3] == ["fact", "id", "predicate"]
    assert {r[2] for r in rows[1:]} == {"attended", "chairman_of"}


def test_show_unknown_entity(store_path):
    err = failed(run(store_path, "show", "Zang Wei"))
    assert "Zhang Wei" in err and "anhui-kg entities" in err


# -- query ----------------------------------------------------------------------------------

def test_query_list_names_every_query_with_its_question():
    out = ok(runner.invoke(app, ["query", "--list", "--format", "json"]))
    queries = {q["name"]: q for q in json.loads(out)}
    assert queries["partners_of"]["question"] == (
        "Who partnered with a given company, in which deals, and when?")
    assert queries["partners_of"]["parameters"] == "?company (entity)"
    assert "deals_in_period" in ok(runner.invoke(app, ["query", "--list"]))


def test_query_named_with_params(store_path):
    rows = json.loads(ok(run(store_path, "query", "partners_of", "--param", "company=alpha-motors",
                             "-f", "json")))
    assert [r["partner"].rsplit("/", 1)[-1] for r in rows] == ["beta-battery", "gamma-chips"]
    table = ok(run(store_path, "query", "partners_of", "-p", "company=alpha-motors"))
    assert "ent:beta-battery" in table  # IRIs in prefixed form in a terminal


def test_query_inline_sparql_and_rq_file(store_path, tmp_path):
    sparql = ("PREFIX akg: <https://w3id.org/anhui-kg/ontology#> "
              "SELECT (COUNT(DISTINCT ?d) AS ?deals) WHERE { ?d a akg:Deal }")
    assert json.loads(ok(run(store_path, "query", sparql, "-f", "json"))) == [{"deals": 3}]
    rq = tmp_path / "count.rq"
    rq.write_text(sparql, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(ok(run(store_path, "query", str(rq), "-f", "csv")))))
    assert rows == [["deals"], ["3"]]


def test_query_errors(store_path):
    assert "partners_of" in failed(run(store_path, "query", "partner_of"))
    assert "?company" in failed(run(store_path, "query", "partners_of"))
    assert "NAME=VALUE" in failed(run(store_path, "query", "partners_of", "--param", "alpha"))
    assert "does not parse" in failed(run(store_path, "query", "SELECT * WHERE { ?s }"))
    assert "Give a query" in failed(run(store_path, "query"))


# -- build and remove (anhui_kg.pipeline) ----------------------------------------------------

ARTICLE = ("HEFEI, March 27, 2021 — Alpha Motors and Beta Battery signed a joint venture "
           "agreement in Hefei. Alpha Motors is headquartered in Hefei.\n")


def test_build_is_idempotent_and_remove_retracts(tmp_path):
    seeds = tmp_path / "articles"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "kg.store"
    first = ok(run(store, "build", str(seeds)))
    assert first.startswith("1 article: 1 added, 0 replaced, 0 unchanged.")
    assert first.rstrip().endswith(f"in {store}")
    again = ok(run(store, "build", str(seeds)))
    assert again.startswith("1 article: 0 added, 0 replaced, 1 unchanged.")
    (seeds / "a.txt").write_text(ARTICLE + "More text.\n", encoding="utf-8")
    assert "0 added, 1 replaced, 0 unchanged" in ok(run(store, "build", str(seeds)))
    (seeds / "b.txt").write_text("Gamma Chips will supply chips to Alpha Motors from 2022.\n",
                                 encoding="utf-8")
    assert ok(run(store, "build", str(seeds / "b.txt"))).startswith("1 article: 1 added,")
    removed = ok(run(store, "remove", "a.txt"))
    assert removed.startswith(f"Removed a.txt from {store}. Other articles: ")
    assert "remain" in removed
    docs = json.loads(ok(run(store, "query", "documents", "-f", "json")))
    assert [d["fileName"] for d in docs] == ["b.txt"]
    err = failed(run(store, "remove", "a.txt"))
    assert "a.txt is not in the store" in err and "b.txt" in err


def test_build_missing_path_names_it(tmp_path):
    missing = tmp_path / "no-such-folder"
    err = failed(run(tmp_path / "kg.store", "build", str(missing)))
    assert str(missing) in err and "does not exist" in err


def test_query_entity_parameters_take_names(store_path):
    """`--param` for an entity parameter accepts a label or alias, not only an id."""
    by_id = runner.invoke(app, ["query", "partnerships_between", "-p", "a=alpha-motors", "-p", "b=beta-battery",
                                "--store", str(store_path), "--format", "json"])
    by_name = runner.invoke(app, ["query", "partnerships_between", "-p", "a=Alpha Motors", "-p", "b=Beta Battery",
                                  "--store", str(store_path), "--format", "json"])
    assert by_id.exit_code == 0 and by_name.exit_code == 0
    assert json.loads(by_name.stdout) == json.loads(by_id.stdout) != []
    unknown = runner.invoke(app, ["query", "partnerships_between", "-p", "a=Nobody", "-p", "b=Beta Battery",
                                  "--store", str(store_path)])
    assert unknown.exit_code == 1 and "No entity is called 'Nobody'" in unknown.stderr
