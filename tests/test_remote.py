"""The remote store against a real SPARQL 1.1 server (``oxigraph serve`` on loopback):
the same answers, exports and sync reports as the embedded store, and clear errors when
the server is not there."""

from __future__ import annotations

import json
from datetime import date
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from anhui_kg import views
from anhui_kg.analysis import partnership_graph
from anhui_kg.cli import app
from anhui_kg.errors import StoreError
from anhui_kg.export import write_csv, write_gexf, write_graphml, write_rdf
from anhui_kg.pipeline import ingest, remove, stored_articles
from anhui_kg.queries import run_query
from anhui_kg.remote import Endpoints, RemoteStore
from anhui_kg.render import to_json
from anhui_kg.store import open_store

ROOT = Path(__file__).resolve().parents[1]
OXIGRAPH = Path(sys.executable).parent / "oxigraph"
DROPPED = "004_80b14bbd49614d06.txt"

runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(location: Path) -> tuple[subprocess.Popen, str]:
    """Start ``oxigraph serve`` on a free loopback port; wait (bounded) until it answers."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    for _ in range(200):
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            request = urllib.request.Request(f"{url}/query", data=b"ASK {}", method="POST",
                                             headers={"Content-Type": "application/sparql-query"})
            with urllib.request.urlopen(request, timeout=1):
                return proc, url
        except OSError:
            time.sleep(0.05)
    _stop(proc)
    raise RuntimeError("oxigraph serve did not answer within 10 s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of a fresh Oxigraph server, stopped by its PID after the module."""
    proc, url = _serve(tmp_path_factory.mktemp("oxigraph"))
    yield url
    _stop(proc)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("seeds")
    for f in (ROOT / "seeds").iterdir():
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture(scope="module")
def built(server, seeds, tmp_path_factory):
    """The seeds built into the remote store and into an embedded one: (remote, embedded, first report)."""
    remote = open_store(server)
    assert isinstance(remote, RemoteStore)
    report = ingest([seeds], remote)
    local = open_store(tmp_path_factory.mktemp("local") / "kg.store")
    ingest([seeds], local)
    yield remote, local, report
    local.close()
    remote.close()


def _quads(store) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()}" for s, p, o, g in store.dataset().quads())


# -- same answers as the embedded store ----------------------------------------------------

def test_build_reports_every_seed_article_added(built):
    remote, _, report = built
    assert len(report.added) == 5 and report.replaced == () and report.unchanged == ()
    assert report.deals > 10


def test_remote_holds_the_same_quads(built):
    remote, local, _ = built
    assert remote.graph_names() == local.graph_names()
    assert len(remote) == len(local) > 0
    assert _quads(remote) == _quads(local)
    name = remote.graph_names()[0]
    assert sorted(remote.triples(name)) == sorted(local.triples(name))


def test_views_are_identical(built):
    remote, local, _ = built
    assert views.partners(remote) == views.partners(local)
    pair = {"name": "NIO", "with_": "JAC", "until": "2021"}
    assert views.partners(remote, **pair) == views.partners(local, **pair)
    assert views.entities(remote) == views.entities(local)
    assert views.relations(remote) == views.relations(local)
    assert views.show(remote, "Lontium") == views.show(local, "Lontium")


def test_queries_are_identical(built):
    remote, local, _ = built
    rows = run_query(remote, "people_roles")
    assert rows and rows == run_query(local, "people_roles")
    ask = "ASK { ?s ?p ?o }"
    assert remote.select(ask) == local.select(ask) == [{"ask": rdflib.Literal(True)}]
    q = ("CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
         "WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert set(remote.construct(q)) == set(local.construct(q)) != set()


def test_union_default_graph_is_a_set(built):
    # A fact told by several articles is one triple in the default graph, as in the embedded store.
    remote, local, _ = built
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert remote.select(q) == local.select(q)


def test_exports_are_identical(built, tmp_path):
    remote, local, _ = built
    for name, store in (("remote", remote), ("local", local)):
        out = tmp_path / name
        out.mkdir()
        G = partnership_graph(store)
        write_graphml(G, out / "partnerships.graphml")
        write_csv(G, out / "nodes.csv", out / "edges.csv")
        write_gexf(store, out / "partnerships.gexf")
        write_rdf(store, out / "graph.trig", "trig")
    for f in ("partnerships.graphml", "nodes.csv", "edges.csv", "partnerships.gexf", "graph.trig"):
        assert (tmp_path / "remote" / f).read_bytes() == (tmp_path / "local" / f).read_bytes(), f


def test_rebuild_changes_nothing(built, seeds):
    remote, _, _ = built
    before = _quads(remote)
    again = ingest([seeds], remote)
    assert again.added == () and again.replaced == () and len(again.unchanged) == 5
    assert _quads(remote) == before


# -- writing ---------------------------------------------------------------------------------

def test_remove_then_add_back(tmp_path):
    # A second server, so that removing does not disturb `built`; two articles keep it quick.
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for f in ("000_eed22a385a605605.txt", DROPPED, "manifest.json"):
        shutil.copy(ROOT / "seeds" / f, corpus / f)
    proc, url = _serve(tmp_path / "ox")
    try:
        remote = open_store(url)
        local = open_store(None)
        for store in (remote, local):
            ingest([corpus], store)
            remove(DROPPED, store)
        assert DROPPED not in {a.id for a in stored_articles(remote)}
        assert views.partners(remote) == views.partners(local)
        assert _quads(remote) == _quads(local)
        assert not any("Weichai" in p["name"] for d in views.partners(remote) for p in d["parties"])
        assert remote.remove_graph("https://example.org/no-such-graph") is False
        back = ingest([corpus], remote)
        assert back.added == (DROPPED,)
        assert any("Weichai" in p["name"] for d in views.partners(remote) for p in d["parties"])
    finally:
        _stop(proc)


def test_large_sync_goes_graph_by_graph(tmp_path):
    # Above max_update_bytes each graph is PUT with the Graph Store Protocol; same result.
    proc, url = _serve(tmp_path / "ox")
    try:
        store = RemoteStore(Endpoints.from_location(url, environ={}), max_update_bytes=0)
        ds = rdflib.Dataset()
        ex = rdflib.Namespace("https://example.org/")
        for doc, label in (("a", "Chery"), ("b", "奇瑞汽车")):
            g = ds.graph(ex[f"doc/{doc}"])
            g.add((ex.chery, rdflib.RDFS.label, rdflib.Literal(label, lang="zh" if doc == "b" else None)))
            g.add((ex.chery, rdflib.RDF.type, ex.Company))
        assert store.sync(ds).added == (str(ex["doc/a"]), str(ex["doc/b"]))
        assert store.sync(ds).unchanged == (str(ex["doc/a"]), str(ex["doc/b"]))
        assert len(store) == 4
        # rdf:type told by both graphs is one triple of the default graph.
        assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"] == rdflib.Literal(3)
        rows = store.select("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
        assert [r["l"] for r in rows] == [rdflib.Literal("Chery"), rdflib.Literal("奇瑞汽车", lang="zh")]
    finally:
        _stop(proc)


# -- errors ----------------------------------------------------------------------------------

def test_dead_server_is_a_store_error():
    with pytest.raises(StoreError, match="Is the server running"):
        open_store(f"http://127.0.0.1:{_free_port()}")


def test_bad_query_and_closed_store(server):
    store = open_store(server)
    with pytest.raises(StoreError, match="rejected the request"):
        store.select("SELECT WHERE nonsense")
    with pytest.raises(StoreError, match="Expected a SELECT or ASK"):
        store.select("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    with pytest.raises(StoreError, match="Expected a CONSTRUCT"):
        store.construct("SELECT * WHERE { ?s ?p ?o }")
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.graph_names()


def test_wrong_endpoint_names_the_setting(server):
    env = {"ANHUI_KG_QUERY_URL": f"{server}/no-such-endpoint"}
    with pytest.raises(StoreError, match="ANHUI_KG_QUERY_URL"):
        RemoteStore(Endpoints.from_location(server, environ=env)).ping()


def test_credentials_in_the_url_are_refused():
    with pytest.raises(StoreError, match="ANHUI_KG_USER"):
        Endpoints.from_location("http://admin:secret@127.0.0.1:7878", environ={})


# -- the command line ------------------------------------------------------------------------

def test_cli_partners_json_on_the_server(built, server):
    remote, local, _ = built
    result = runner.invoke(app, ["partners", "--store", server, "--format", "json"])
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    assert result.stdout == to_json(views.partners(local)) + "\n"
    assert len(json.loads(result.stdout)) > 10


def test_cli_dead_server_exits_1_with_a_hint():
    url = f"http://127.0.0.1:{_free_port()}"
    for command in (["build", str(ROOT / "seeds")], ["partners"]):
        result = runner.invoke(app, [*command, "--store", url])
        assert result.exit_code == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert result.stderr.startswith("Error: ")
        assert "Is the server running?" in result.stderr, (command, result.stderr)


def test_analysis_is_identical(built):
    """Every analysis gives the same rows on the server as on the embedded store."""
    from anhui_kg import analysis

    remote, local, _ = built
    g_remote, g_local = analysis.partnership_graph(remote), analysis.partnership_graph(local)
    assert analysis.centrality(g_remote) == analysis.centrality(g_local) != []
    assert analysis.communities(g_remote) == analysis.communities(g_local)
    assert analysis.brokers(g_remote) == analysis.brokers(g_local)
    assert analysis.path(g_remote, "lontium", "catl") == analysis.path(g_local, "lontium", "catl")
    assert analysis.evolution(remote) == analysis.evolution(local)
    assert analysis.partners_over_time(remote, "NIO") == analysis.partners_over_time(local, "NIO")
    as_of = date(2022, 1, 1)
    assert sorted(analysis.partnership_graph(remote, as_of=as_of).edges) == \
        sorted(analysis.partnership_graph(local, as_of=as_of).edges)


def test_cli_analyze_and_export_on_the_server(built, server, tmp_path):
    remote, local, _ = built
    out = runner.invoke(app, ["analyze", "centrality", "--store", server, "--format", "json"])
    assert out.exit_code == 0, out.stderr
    from anhui_kg import analysis

    assert json.loads(out.stdout) == json.loads(to_json(analysis.centrality(analysis.partnership_graph(local))))
    exp = runner.invoke(app, ["export", "graphml", str(tmp_path / "r.graphml"), "--store", server])
    assert exp.exit_code == 0, exp.stderr
    assert (tmp_path / "r.graphml").stat().st_size > 1000
