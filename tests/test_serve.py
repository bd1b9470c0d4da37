"""The SPARQL endpoint (`anhui-kg serve`) over a store made from tests/data/tiny.trig.

Each test starts ``make_server`` on 127.0.0.1, port 0, in a thread, talks to it with
urllib (every request bounded by a timeout) and shuts it down at the end. Answers are
compared with what ``Store.select`` / ``Store.construct`` return for the same query.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from anhui_kg.cli import app
from anhui_kg.server import make_server
from anhui_kg.store import Store, open_store

DATA = Path(__file__).parent / "data"
DOC = "https://w3id.org/anhui-kg/document/"
WAIT = 10  # seconds any single request or shutdown may take before the test fails

LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?label WHERE { ?entity rdfs:label ?label } ORDER BY ?entity"""
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
DEAL_GRAPH = """PREFIX akg: <https://w3id.org/anhui-kg/ontology#>
CONSTRUCT { ?deal ?p ?o } WHERE { ?deal a akg:Deal ; ?p ?o }"""


def tiny_dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(DATA / "tiny.trig", format="trig")
    return ds


@pytest.fixture
def store() -> Store:
    st = open_store(None)
    st.sync(tiny_dataset())
    return st


@contextmanager
def serving(store: Store, **options) -> Iterator[str]:
    """The endpoint URL of a server over ``store`` running in a thread, stopped on exit."""
    options = {"timeout": WAIT, "limit": 10_000, "allow_update": False, **options}
    server = make_server(store, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join(WAIT)
        assert not thread.is_alive()


@pytest.fixture
def url(store) -> Iterator[str]:
    with serving(store) as endpoint:
        yield endpoint


def call(url: str, *, data: bytes | None = None, method: str | None = None,
         **headers: str) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one HTTP request; error statuses are returned, not raised."""
    headers = {k.replace("_", "-"): v for k, v in headers.items()}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def get(url: str, query: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    return call(f"{url}?{urllib.parse.urlencode({'query': query})}", **headers)


def post_form(url: str, **fields: str) -> tuple[int, dict[str, str], bytes]:
    body = urllib.parse.urlencode(fields).encode()
    return call(url, data=body, Content_Type="application/x-www-form-urlencoded",
                Accept="application/sparql-results+json,*/*;q=0.9")


def json_term(binding: dict) -> rdflib.term.Node:
    """A SPARQL JSON results term as the rdflib term ``Store.select`` gives."""
    if binding["type"] == "uri":
        return rdflib.URIRef(binding["value"])
    if binding["type"] == "bnode":
        return rdflib.BNode(binding["value"])
    return rdflib.Literal(binding["value"], lang=binding.get("xml:lang"),
                          datatype=binding.get("datatype"))


def json_rows(body: bytes) -> list[dict]:
    doc = json.loads(body)
    variables = doc["head"]["vars"]
    return [{v: json_term(b[v]) if v in b else None for v in variables}
            for b in doc["results"]["bindings"]]


# -- queries -------------------------------------------------------------------------------

def test_get_json_rows_equal_store_select(store, url):
    status, headers, body = get(url, LABELS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["X-Result-Truncated"] == "false"
    expected = store.select(LABELS)
    assert len(expected) == 5
    assert json_rows(body) == expected


def test_post_query_body_as_csv(store, url):
    status, headers, body = call(url, data=LABELS.encode(), Accept="text/csv",
                                 Content_Type="application/sparql-query")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    assert rows[0] == ["entity", "label"]
    assert rows[1:] == [[str(r["entity"]), str(r["label"])] for r in store.select(LABELS)]
    assert body.endswith(b"\r\n")


def test_post_form_like_yasgui(store, url):
    status, _, body = post_form(url, query=LABELS)
    assert status == 200
    assert json_rows(body) == store.select(LABELS)


def test_xml_and_tsv_results(store, url):
    status, headers, body = get(url, LABELS, Accept="application/sparql-results+xml")
    assert status == 200 and "sparql-results+xml" in headers["Content-Type"]
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    results = ET.fromstring(body).findall("r:results/r:result", ns)
    labels = [r.find("r:binding[@name='label']/r:literal", ns) for r in results]
    assert [(x.text, x.get("{http://www.w3.org/XML/1998/namespace}lang")) for x in labels] == [
        (str(r["label"]), "en") for r in store.select(LABELS)]

    status, _, body = get(url, LABELS, Accept="text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?entity\t?label"
    assert lines[1] == "<https://w3id.org/anhui-kg/entity/alpha-motors>\t\"Alpha Motors\"@en"


def test_graph_queries_see_each_article_graph(store, url):
    status, _, body = get(url, GRAPHS)
    assert status == 200
    assert [str(r["g"]) for r in json_rows(body)] == [DOC + "a.txt", DOC + "b.txt"]
    assert [str(r["g"]) for r in json_rows(body)] == store.graph_names()


def test_default_graph_is_the_deduplicated_union(store, url):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = set()
    for name in store.graph_names():
        union.update(store.triples(name))
    assert int(json_rows(get(url, count)[2])[0]["n"]) == len(union) < len(store)

    # The protocol's default-graph-uri narrows the default graph to one article.
    only_a = f"{url}?{urllib.parse.urlencode({'query': count, 'default-graph-uri': DOC + 'a.txt'})}"
    assert int(json_rows(call(only_a)[2])[0]["n"]) == len(store.triples(DOC + "a.txt"))


def test_construct_gives_turtle_rdflib_parses(store, url):
    status, headers, body = get(url, DEAL_GRAPH)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert len(graph) > 0 and isomorphic(graph, store.construct(DEAL_GRAPH))
    assert b"@prefix deal:" in body

    status, headers, body = get(url, DEAL_GRAPH, Accept="application/n-triples")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert isomorphic(rdflib.Graph().parse(data=body.decode(), format="nt"),
                      store.construct(DEAL_GRAPH))


def test_ask_answers_a_json_boolean(url):
    status, headers, body = get(url, "ASK { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body) == {"head": {}, "boolean": True}


# -- limits and errors ---------------------------------------------------------------------

def test_limit_truncates_and_says_so(store):
    with serving(store, limit=2) as endpoint:
        status, headers, body = get(endpoint, LABELS)
        assert status == 200
        assert (headers["X-Result-Limit"], headers["X-Result-Truncated"]) == ("2", "true")
        assert json_rows(body) == store.select(LABELS)[:2]

        status, headers, body = get(endpoint, DEAL_GRAPH, Accept="application/n-triples")
        assert headers["X-Result-Truncated"] == "true"
        assert len(body.decode().splitlines()) == 2

        status, headers, body = get(endpoint, GRAPHS)
        assert headers["X-Result-Truncated"] == "false" and len(json_rows(body)) == 2


class _BlockingOxigraph:
    """An Oxigraph store whose queries wait until ``release`` is set (a query that hangs)."""

    def __init__(self, inner: ox.Store, release: threading.Event):
        self._inner, self._release = inner, release

    def query(self, *args, **kwargs):
        self._release.wait(WAIT)
        return self._inner.query(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._inner, name)


class SlowStore(Store):
    """A Store whose SPARQL queries hang until the test releases them."""

    def __init__(self):
        self.release = threading.Event()
        super().__init__(None)

    @property
    def _ox(self):
        return _BlockingOxigraph(super()._ox, self.release)


def test_slow_query_gets_503_and_the_server_keeps_answering():
    slow = SlowStore()
    slow.sync(tiny_dataset())
    with serving(slow, timeout=0.05) as endpoint:
        try:
            status, _, body = get(endpoint, LABELS)
            assert status == 503
            assert b"did not finish within 0.05 seconds" in body
            slow.release.set()
            status, _, body = get(endpoint, LABELS)  # no longer hangs
            assert status == 200 and len(json_rows(body)) == 5
        finally:
            slow.release.set()


def test_malformed_query_is_400_with_the_parser_message(url):
    status, headers, body = get(url, "SELEKT ?s WHERE { ?s ?p ?o }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"The SPARQL query does not parse: error at 1:")

    status, _, body = get(url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert status == 400 and b"looks like a SPARQL update" in body


def test_protocol_errors(url):
    root = url.rsplit("/", 1)[0]
    assert call(url)[0] == 400  # no query
    assert get(url, LABELS, Accept="image/png")[0] == 406
    assert call(root + "/nowhere")[0] == 404
    assert call(url, data=b"x", Content_Type="application/json")[0] == 415
    assert post_form(url, query=LABELS, update="CLEAR ALL")[0] == 400


def test_cors_preflight_and_help_page(url):
    status, headers, _ = call(url, method="OPTIONS", Origin="https://yasgui.triply.cc",
                              Access_Control_Request_Method="POST",
                              Access_Control_Request_Headers="content-type")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Headers"] == "content-type"

    status, headers, body = call(url.rsplit("/", 1)[0] + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert url.encode() in body and b"read-only" in body


# -- updates -------------------------------------------------------------------------------

NEW_ARTICLE = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
INSERT DATA {{ GRAPH <{DOC}c.txt> {{
  <https://w3id.org/anhui-kg/entity/delta-motors> rdfs:label "Delta Motors"@en }} }} ;"""


def test_updates_are_refused_when_read_only(store, url):
    before = len(store)
    status, _, body = post_form(url, update=NEW_ARTICLE)
    assert status == 403 and b"read-only" in body and b"--allow-update" in body
    status, _, _ = call(url, data=NEW_ARTICLE.encode(), Content_Type="application/sparql-update")
    assert status == 403
    assert len(store) == before and len(store.graph_names()) == 2


def test_updates_run_with_allow_update_and_refresh_the_union(store):
    with serving(store, allow_update=True) as endpoint:
        status, _, body = post_form(endpoint, update=NEW_ARTICLE)
        assert status == 200, body
        assert store.graph_names() == [DOC + "a.txt", DOC + "b.txt", DOC + "c.txt"]
        rows = json_rows(get(endpoint, LABELS)[2])
        assert rdflib.Literal("Delta Motors", lang="en") in [r["label"] for r in rows]
        assert rows == store.select(LABELS)

        status, _, body = call(endpoint, data=f"DROP GRAPH <{DOC}c.txt>".encode(),
                               Content_Type="application/sparql-update")
        assert status == 200
        assert len(json_rows(get(endpoint, LABELS)[2])) == 5

        status, _, body = post_form(endpoint, update="DROPP GRAPH <urn:x>")
        assert status == 400 and b"Nothing was changed" in body


# -- the command ---------------------------------------------------------------------------

def test_serve_help():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--timeout", "--limit", "--allow-update", "--store"):
        assert option in result.stdout


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: There is no store at")
    assert not (tmp_path / "none").exists()


def test_serve_command_answers_and_stops_on_ctrl_c(tmp_path, store):
    path = tmp_path / "kg.store"
    with open_store(path) as on_disk:
        on_disk.sync(tiny_dataset())
    command = [sys.executable, "-c", "from anhui_kg.cli import main; main()",
               "serve", "--store", str(path), "--port", "0"]
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        first = proc.stderr.readline()
        match = re.match(r"Serving the SPARQL endpoint of (.+) at (http://127\.0\.0\.1:\d+/sparql)"
                         r" — Ctrl-C to stop$", first.rstrip("\n"))
        assert match, first
        assert match[1] == str(path)
        status, _, body = get(match[2], LABELS)
        assert status == 200 and json_rows(body) == store.select(LABELS)
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=WAIT)
        assert proc.returncode == 0, rest
        assert "Stopped." in rest and "Traceback" not in rest
        assert "GET /sparql?query=" in rest  # the access log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=WAIT)
