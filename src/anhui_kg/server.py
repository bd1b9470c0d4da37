"""Server: a Store -> a SPARQL 1.1 Protocol endpoint over HTTP (standard library only).

Contract: ``make_server(store, host, port, timeout=, limit=, allow_update=)`` returns a
bound, not yet serving ``ThreadingHTTPServer``; the caller runs ``serve_forever()`` and
later ``shutdown()`` + ``server_close()``. It answers

- ``GET /sparql?query=...`` and ``POST /sparql`` (``application/sparql-query`` body, or
  ``application/x-www-form-urlencoded`` with ``query=``), with the optional protocol
  parameters ``default-graph-uri`` and ``named-graph-uri``;
- ``POST /sparql`` with ``update=`` or an ``application/sparql-update`` body: 403 unless
  ``allow_update`` (then the update runs and the union default graph is recomputed);
- ``GET /``: a short page saying what this is and how to query it; ``OPTIONS``: CORS
  preflight. Every answer carries ``Access-Control-Allow-Origin: *`` (YASGUI in a browser).

Queries see what ``Store.select`` sees: the default graph is the store's de-duplicated
union of the article graphs, and ``GRAPH ?g`` ranges over the article graphs. Results are
negotiated on ``Accept``: SELECT/ASK as SPARQL JSON (default), XML, CSV or TSV;
CONSTRUCT/DESCRIBE as Turtle (default), N-Triples, RDF/XML or JSON-LD. At most ``limit``
rows (or triples) are returned; the ``X-Result-Limit`` and ``X-Result-Truncated`` headers
say so. A query runs in a worker thread; when it takes more than ``timeout`` seconds the
client gets 503 and the worker is abandoned: it keeps running in the background until
Oxigraph finishes it (Oxigraph cannot cancel a running query), its result is dropped.
Updates are not timed out (an abandoned update would still commit). Errors: malformed
query 400 with the parser's message, unknown path 404, wrong method 405, unacceptable
``Accept`` 406, unsupported body type 415.

The library never prints: each request is logged at INFO level on the
``anhui_kg.server`` logger (the ``serve`` command sends it to stderr).
"""

from __future__ import annotations

import csv
import html
import io
import ipaddress
import json
import logging
import re
import socket
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import KgError, StoreError
from .namespaces import PREFIXES
from .store import _REFRESH_UNION, Store

log = logging.getLogger("anhui_kg.server")

ENDPOINT_PATH = "/sparql"
MAX_BODY = 10 * 1024 * 1024
"""Largest request body accepted (bytes); larger ones get 413."""

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SOLUTION_TYPES = {  # media type -> writer name; the first is the default
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_GRAPH_TYPES = {  # media type -> Oxigraph format; the first is the default
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    **({"application/ld+json": ox.RdfFormat.JSON_LD} if hasattr(ox.RdfFormat, "JSON_LD") else {}),
}
_CONTENT_TYPES = {
    "json": "application/sparql-results+json; charset=utf-8",
    "xml": "application/sparql-results+xml; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
}
_BOOLEAN_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_TURTLE_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    **{name: str(ns) for name, ns in PREFIXES.items()},
}
_UPDATE_WORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*)\s*)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


@dataclass
class Response:
    """One HTTP answer: status, media type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def text(cls, status: int, message: str, **headers: str) -> "Response":
        """A ``text/plain`` answer (errors and notices), newline-terminated."""
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode(),
                   dict(headers))


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine.

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost")
    (True, True, True)
    >>> is_loopback("0.0.0.0"), is_loopback("192.168.1.20"), is_loopback("")
    (False, False, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The media type of ``offers`` that ``accept`` prefers; ``None`` when none is acceptable.

    Higher ``q`` wins, then the more specific range, then the order in ``accept``; a
    missing or empty header means the first offer.

    Examples
    --------
    >>> negotiate(None, ["application/json", "text/csv"])
    'application/json'
    >>> negotiate("text/csv, */*;q=0.5", ["application/json", "text/csv"])
    'text/csv'
    >>> negotiate("text/*;q=0.9, application/json;q=0.1", ["application/json", "text/csv"])
    'text/csv'
    >>> negotiate("image/png", ["application/json"]) is None
    True
    """
    if not accept or not accept.strip():
        return offers[0]
    ranges = []
    for position, item in enumerate(accept.split(",")):
        kind, *params = (part.strip() for part in item.split(";"))
        kind = kind.lower()
        if not kind:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        specificity = 0 if kind == "*/*" else 1 if kind.endswith("/*") else 2
        ranges.append((-q, -specificity, position, kind))
    for negative_q, _, _, kind in sorted(ranges):
        if negative_q >= 0:
            break
        if kind == "*/*":
            return offers[0]
        if kind.endswith("/*"):
            major = kind[:-1]
            match = next((o for o in offers if o.startswith(major)), None)
            if match:
                return match
        elif kind in offers:
            return kind
    return None


# -- result writers (they take Oxigraph terms) ------------------------------------------

def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise StoreError(f"Unexpected term from Oxigraph: {term!r}")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != _XSD_STRING:
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject>"
                f"<predicate>{_xml_term(term.predicate)}</predicate>"
                f"<object>{_xml_term(term.object)}</object></triple>")
    raise StoreError(f"Unexpected term from Oxigraph: {term!r}")


def _csv_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def write_solutions(variables: Sequence[str], rows: Iterable[Sequence], fmt: str) -> bytes:
    """SELECT results (rows of Oxigraph terms or ``None``) in a SPARQL results format.

    ``fmt`` is ``json``, ``xml``, ``csv`` or ``tsv`` (W3C SPARQL 1.1 Query Results formats).

    Examples
    --------
    >>> rows = [(ox.NamedNode("https://example.org/x"), ox.Literal("X", language="en")), (None, None)]
    >>> write_solutions(["s", "label"], rows, "json").decode()
    '{"head": {"vars": ["s", "label"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "https://example.org/x"}, "label": {"type": "literal", "value": "X", "xml:lang": "en"}}, {}]}}'
    >>> write_solutions(["s", "label"], rows, "csv")
    b's,label\\r\\nhttps://example.org/x,X\\r\\n,\\r\\n'
    """
    rows = list(rows)
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None}
                    for row in rows]
        doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_term(t) for t in row] for row in rows)
        return out.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "xml":
        parts = ['<?xml version="1.0" encoding="utf-8"?>\n',
                 '<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        parts += [f"<variable name={quoteattr(v)}/>" for v in variables]
        parts.append("</head><results>")
        for row in rows:
            parts.append("<result>")
            parts += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                      for v, t in zip(variables, row) if t is not None]
            parts.append("</result>")
        parts.append("</results></sparql>\n")
        return "".join(parts).encode("utf-8")
    raise ValueError(f"Unknown SPARQL results format {fmt!r}")


# -- the endpoint, independent of HTTP ---------------------------------------------------

class SparqlEndpoint:
    """Answers SPARQL protocol operations on a ``Store`` with ``Response`` objects.

    Parameters
    ----------
    store : Store
        The store to query (and to update when ``allow_update``).
    timeout : float
        Seconds a query may run before the client gets 503.
    limit : int
        Most rows (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer.
    allow_update : bool
        Whether SPARQL updates are run (otherwise they get 403).

    Examples
    --------
    >>> from anhui_kg.store import open_store
    >>> endpoint = SparqlEndpoint(open_store(None), timeout=5, limit=10, allow_update=False)
    >>> answer = endpoint.query("ASK { ?s ?p ?o }")
    >>> answer.status, answer.content_type, answer.body
    (200, 'application/sparql-results+json; charset=utf-8', b'{"head":{},"boolean":false}')
    >>> endpoint.update("CLEAR ALL").status
    403
    """

    def __init__(self, store: Store, *, timeout: float, limit: int, allow_update: bool):
        if timeout <= 0:
            raise ValueError(f"timeout must be positive, not {timeout}")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        self.store = store
        self.timeout = timeout
        self.limit = limit
        self.allow_update = allow_update

    # -- queries ---------------------------------------------------------------------
    def query(self, text: str, accept: str | None = None, *,
              default_graph_uris: Sequence[str] = (),
              named_graph_uris: Sequence[str] = ()) -> Response:
        """Run one query in a worker thread, answering 503 if it outlasts ``timeout``."""
        box: dict[str, Response] = {}

        def work() -> None:
            try:
                box["answer"] = self._evaluate(text, accept, default_graph_uris, named_graph_uris)
            except Exception as exc:  # a bug or an I/O failure: the client gets 500
                log.exception("Query failed")
                box["answer"] = Response.text(500, f"The query failed: {exc}")

        worker = threading.Thread(target=work, name="sparql-query", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            return Response.text(
                503,
                f"The query did not finish within {self.timeout:g} seconds and was abandoned "
                "(the server may keep computing it in the background).\n"
                "  Make it more selective, add a LIMIT, or restart `anhui-kg serve` with a "
                "larger --timeout.",
            )
        return box["answer"]

    def _evaluate(self, text: str, accept: str | None,
                  default_graph_uris: Sequence[str], named_graph_uris: Sequence[str]) -> Response:
        options = {}
        try:
            if default_graph_uris:
                options["default_graph"] = [ox.NamedNode(u) for u in default_graph_uris]
            if named_graph_uris:
                options["named_graphs"] = [ox.NamedNode(u) for u in named_graph_uris]
        except ValueError as exc:
            return Response.text(
                400, f"A default-graph-uri or named-graph-uri is not an IRI: {exc}")
        try:
            # Store.select converts to rdflib terms; the endpoint writes Oxigraph terms
            # directly, from the same Oxigraph store and the same union default graph.
            result = self.store._ox.query(text, **options)
        except SyntaxError as exc:
            hint = ""
            if _UPDATE_WORDS.match(text):
                hint = ("\n  This looks like a SPARQL update: send it as `update=` (or with "
                        "Content-Type application/sparql-update) in a POST request.")
            return Response.text(400, f"The SPARQL query does not parse: {exc}{hint}")
        except KgError as exc:
            return Response.text(500, str(exc))
        limit_headers = {"X-Result-Limit": str(self.limit)}

        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(accept, list(_SOLUTION_TYPES))
            if fmt is None:
                return _not_acceptable(accept, _SOLUTION_TYPES)
            name = _SOLUTION_TYPES[fmt]
            return Response(200, _CONTENT_TYPES[name],
                            result.serialize(format=_BOOLEAN_FORMATS[name]), limit_headers)

        if isinstance(result, ox.QuerySolutions):
            fmt = negotiate(accept, list(_SOLUTION_TYPES))
            if fmt is None:
                return _not_acceptable(accept, _SOLUTION_TYPES)
            variables = [v.value for v in result.variables]
            rows = [tuple(sol[v] for v in variables) for sol in islice(result, self.limit + 1)]
            truncated = len(rows) > self.limit
            body = write_solutions(variables, rows[: self.limit], _SOLUTION_TYPES[fmt])
            return Response(200, _CONTENT_TYPES[_SOLUTION_TYPES[fmt]], body,
                            {**limit_headers, "X-Result-Truncated": str(truncated).lower()})

        fmt = negotiate(accept, list(_GRAPH_TYPES))
        if fmt is None:
            return _not_acceptable(accept, _GRAPH_TYPES)
        triples = list(islice(result, self.limit + 1))
        truncated = len(triples) > self.limit
        rdf_format = _GRAPH_TYPES[fmt]
        extra = {"prefixes": _TURTLE_PREFIXES} if rdf_format == ox.RdfFormat.TURTLE else {}
        body = ox.serialize(triples[: self.limit], format=rdf_format, **extra)
        charset = "; charset=utf-8" if fmt.startswith("text/") else ""
        return Response(200, rdf_format.media_type + charset, body,
                        {**limit_headers, "X-Result-Truncated": str(truncated).lower()})

    # -- updates ---------------------------------------------------------------------
    def update(self, text: str) -> Response:
        """Run a SPARQL update (403 when read-only), then recompute the union default graph.

        The update and the recomputation are one Oxigraph transaction. Write to named
        graphs (``GRAPH <...> { }``): the default graph is rebuilt as the union of the
        named graphs, so triples written to it alone do not survive.
        """
        if not self.allow_update:
            return Response.text(
                403,
                "This SPARQL endpoint is read-only: updates are refused.\n"
                "  Restart it with `anhui-kg serve --allow-update` to accept them, or change "
                "the store with `anhui-kg build` / `anhui-kg remove`.",
            )
        body = text.rstrip()
        if body.endswith(";"):
            body = body[:-1]
        try:
            # The newline ends a trailing comment; the refresh keeps the default graph the
            # de-duplicated union the rest of anhui-kg expects (see store.py).
            self.store._update(f"{body}\n;\n{_REFRESH_UNION}")
        except StoreError as exc:
            status = 400 if isinstance(exc.__cause__, SyntaxError) else 500
            return Response.text(status, str(exc))
        return Response.text(
            200,
            "Update applied. The default graph was recomputed as the union of the named graphs.",
        )


def _not_acceptable(accept: str | None, offers: Mapping[str, object]) -> Response:
    return Response.text(
        406,
        f"None of the requested media types ({accept}) is available for this query.\n"
        f"  Ask for one of: {', '.join(offers)}.",
    )


# -- HTTP ----------------------------------------------------------------------------------

_CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "X-Result-Limit, X-Result-Truncated",
}


class _Handler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    server_version = "anhui-kg-sparql"

    # -- plumbing ------------------------------------------------------------------------
    def _send(self, answer: Response) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in {**_CORS, **answer.headers}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        log.info("%s %s", self.address_string(), format % args)

    def _route(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    # -- methods -------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(204)
        for name, value in _CORS.items():
            self.send_header(name, value)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        requested = self.headers.get("Access-Control-Request-Headers")
        self.send_header("Access-Control-Allow-Headers", requested or "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        path, params = self._route()
        if path in ("/", "/index.html"):
            self._send(Response(200, "text/html; charset=utf-8", self._help_page().encode()))
        elif path == ENDPOINT_PATH:
            if "update" in params:
                self._send(Response.text(405, "Send SPARQL updates with POST, not GET.",
                                         Allow="POST"))
            else:
                self._send(self._query(params))
        else:
            self._send(Response.text(404, f"Nothing at {path}. The SPARQL endpoint is "
                                          f"{ENDPOINT_PATH}; GET / says how to use it."))

    def do_POST(self) -> None:  # noqa: N802
        path, params = self._route()
        if path != ENDPOINT_PATH:
            self._send(Response.text(404, f"Nothing at {path}. POST queries to {ENDPOINT_PATH}."))
            return
        body = self._body()
        if isinstance(body, Response):
            self._send(body)
            return
        media_type, _, rest = (self.headers.get("Content-Type") or "").partition(";")
        media_type = media_type.strip().lower()
        charset = (re.search(r"charset=([\w-]+)", rest, re.IGNORECASE) or [None, "utf-8"])[1]
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            self._send(Response.text(400, f"The request body is not {charset} text: {exc}"))
            return
        if media_type == "application/x-www-form-urlencoded":
            for name, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
            if "update" in params:
                if "query" in params:
                    self._send(Response.text(400, "Send either query= or update=, not both."))
                elif len(params["update"]) > 1:
                    self._send(Response.text(400, "Send one update= parameter, not several."))
                else:
                    self._send(self.server.endpoint.update(params["update"][0]))
                return
            self._send(self._query(params))
        elif media_type == "application/sparql-query":
            self._send(self._query({**params, "query": [text]}))
        elif media_type == "application/sparql-update":
            self._send(self.server.endpoint.update(text))
        else:
            self._send(Response.text(
                415,
                f"Cannot read a request body of type {media_type or '(none)'}.\n"
                "  Use application/sparql-query, application/sparql-update or "
                "application/x-www-form-urlencoded.",
            ))

    def _body(self) -> bytes | Response:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return Response.text(411, "POST requests need a Content-Length header.")
        if int(length) > MAX_BODY:
            return Response.text(413, f"The request body is larger than {MAX_BODY} bytes.")
        return self.rfile.read(int(length))

    def _query(self, params: dict[str, list[str]]) -> Response:
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return Response.text(
                400,
                "Send exactly one SPARQL query: GET /sparql?query=... or POST it "
                "(application/sparql-query, or form field query=). GET / has examples.",
            )
        return self.server.endpoint.query(
            queries[0], self.headers.get("Accept"),
            default_graph_uris=params.get("default-graph-uri", []),
            named_graph_uris=params.get("named-graph-uri", []),
        )

    def _help_page(self) -> str:
        endpoint = self.server.endpoint
        host = self.headers.get("Host") or self.server.url_host
        url = html.escape(f"http://{host}{ENDPOINT_PATH}")
        store = html.escape(str(endpoint.store.path or "an in-memory store"))
        mode = "accepts SPARQL updates" if endpoint.allow_update else "is read-only"
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>anhui-kg SPARQL endpoint</title></head>
<body>
<h1>anhui-kg SPARQL endpoint</h1>
<p>The knowledge graph of the Anhui auto-industry alliance ({store}), served by
<code>anhui-kg serve</code> per the SPARQL 1.1 Protocol. The endpoint is <code>{url}</code>;
it {mode}.</p>
<ul>
<li>GET <code>{url}?query=SELECT...</code>, or POST the query as
<code>application/sparql-query</code> or as the form field <code>query</code>.</li>
<li>The default graph is the union of the article graphs; <code>GRAPH ?g</code> ranges
over the articles (one named graph each).</li>
<li>SELECT/ASK answer SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE answer
Turtle (default), N-Triples, RDF/XML or JSON-LD, chosen by the <code>Accept</code> header.</li>
<li>At most {endpoint.limit} rows per answer (header <code>X-Result-Truncated</code>);
queries running longer than {endpoint.timeout:g} s get 503.</li>
</ul>
<pre>curl -H 'Accept: text/csv' --data-urlencode \\
  'query=SELECT ?s ?label WHERE {{ ?s &lt;http://www.w3.org/2000/01/rdf-schema#label&gt; ?label }} LIMIT 10' \\
  {url}</pre>
<p>Or point YASGUI (<code>https://yasgui.triply.cc</code>) at <code>{url}</code>.</p>
</body></html>
"""


class SparqlServer(ThreadingHTTPServer):
    """A ``ThreadingHTTPServer`` carrying the ``SparqlEndpoint`` its handlers answer with."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: SparqlEndpoint):
        self.endpoint = endpoint
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)

    @property
    def url_host(self) -> str:
        """``host:port`` actually bound (IPv6 hosts in brackets)."""
        host, port = self.server_address[:2]
        return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"

    @property
    def url(self) -> str:
        """The endpoint URL, e.g. ``http://127.0.0.1:7878/sparql``."""
        return f"http://{self.url_host}{ENDPOINT_PATH}"


def make_server(store: Store, host: str = "127.0.0.1", port: int = 7878, *,
                timeout: float = 10.0, limit: int = 10_000,
                allow_update: bool = False) -> ThreadingHTTPServer:
    """Bind a SPARQL 1.1 Protocol endpoint over ``store`` to ``host:port`` (0 = any free port).

    The server is bound but not serving: run ``serve_forever()`` (in a thread in tests),
    then ``shutdown()`` and ``server_close()``.

    Parameters
    ----------
    store : Store
        The store to serve; it stays open (and locked) while the server runs.
    host, port : str, int
        Where to listen; keep the loopback default unless the machine's network is trusted
        (there is no authentication).
    timeout : float
        Seconds a query may run before the client gets 503.
    limit : int
        Most rows or triples in one answer.
    allow_update : bool
        Run SPARQL updates instead of refusing them with 403.

    Returns
    -------
    SparqlServer
        A ``ThreadingHTTPServer``; ``server.url`` is the endpoint URL.

    Examples
    --------
    >>> import threading, urllib.request
    >>> from anhui_kg.store import open_store
    >>> server = make_server(open_store(None), "127.0.0.1", 0, timeout=5, limit=100)
    >>> thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    >>> thread.start()
    >>> with urllib.request.urlopen(server.url + "?query=ASK%7B%7D", timeout=5) as answer:
    ...     answer.read()
    b'{"head":{},"boolean":true}'
    >>> server.shutdown(); server.server_close(); thread.join(5)
    """
    endpoint = SparqlEndpoint(store, timeout=timeout, limit=limit, allow_update=allow_update)
    return SparqlServer((host, port), endpoint)


