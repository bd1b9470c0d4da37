"""Remote store: the same graph on any SPARQL 1.1 server, over HTTP.

Stage contract
--------------
``RemoteStore`` has the public API of ``store.Store`` (``select``, ``construct``,
``graph_names``, ``triples``, ``dataset``, ``sync``, ``remove_graph``, ``close``, context
manager, ``len``) and gives the same answers for the same data. It speaks only the
SPARQL 1.1 Protocol (queries: POST ``application/sparql-query``, results as
``application/sparql-results+json``; updates: POST ``application/sparql-update``) and,
for graphs too large for one update, the Graph Store Protocol (PUT
``application/n-triples`` on ``?graph=IRI``), through ``urllib.request`` alone.

Semantics kept from the embedded store:

- One named graph per article; queries see the *default graph*, which this module keeps as
  the de-duplicated (set) union of the named graphs by rewriting it after every write with
  one portable update (``DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p
  ?o } }``). Servers that already answer with a union default graph then see the same set.
- ``sync`` compares each graph with the server's copy by ``store.graph_digest`` and writes
  only changed graphs, all in ONE update request (atomic on servers that run an update
  request as one transaction), and returns a ``store.SyncReport``.
- Results come back as rdflib terms exactly like ``Store.select`` (``URIRef``, ``Literal``
  with datatype or lower-cased language tag, ``xsd:string`` as a plain literal, ``None``
  for unbound variables).

Configuration (one scheme): ``--store BASE`` (``http://`` or ``https://``) means the
Oxigraph server layout ``BASE/query``, ``BASE/update`` and ``BASE/store``; each URL can be
replaced by an environment variable (``ANHUI_KG_QUERY_URL``, ``ANHUI_KG_UPDATE_URL``,
``ANHUI_KG_GSP_URL``), and credentials come only from the environment: HTTP basic (or
digest, when the server asks for it) with ``ANHUI_KG_USER`` / ``ANHUI_KG_PASSWORD``, or a
bearer token with ``ANHUI_KG_TOKEN``. Credentials in the URL itself are refused, so they
never show up in messages or shell history.

Every failure (server down, HTTP 4xx/5xx, refused credentials, a query the server rejects)
is a ``StoreError`` naming the URL and the setting to check.
"""

from __future__ import annotations

import base64
import json
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

import rdflib
from rdflib.term import Node

from .errors import StoreError
from .store import SyncReport, _iri, _replace_graph_update, _to_ox, graph_digest

QUERY_URL_ENV = "ANHUI_KG_QUERY_URL"
UPDATE_URL_ENV = "ANHUI_KG_UPDATE_URL"
GSP_URL_ENV = "ANHUI_KG_GSP_URL"
USER_ENV = "ANHUI_KG_USER"
PASSWORD_ENV = "ANHUI_KG_PASSWORD"
TOKEN_ENV = "ANHUI_KG_TOKEN"

SERVER_DEFAULT_GRAPHS: tuple[str, ...] = (
    "http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph",
    "http://qlever.cs.uni-freiburg.de/builtin-functions/default-graph",
)
"""Names some servers give their default graph; never treated as an article graph."""

MAX_UPDATE_BYTES = 16 * 1024 * 1024
"""Above this size a sync writes graph by graph with the Graph Store Protocol."""

_BATCH = 64  # graphs per SELECT when reading graph contents back
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_REMOTE = re.compile(r"^https?:/", re.IGNORECASE)
_NOT_SERVER_DEFAULT = "FILTER (?g NOT IN ({}))".format(", ".join(f"<{g}>" for g in SERVER_DEFAULT_GRAPHS))
_REFRESH_UNION = (
    "DROP SILENT DEFAULT ;\n"
    f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_SERVER_DEFAULT} }}"
)
"""SPARQL UPDATE that makes the default graph the set union of the article graphs."""


def is_remote(location: object) -> bool:
    """Whether a ``--store`` value names a SPARQL server rather than a folder.

    A ``Path`` made from a URL has lost one slash (``http:/host``); it still counts.

    Examples
    --------
    >>> is_remote("http://127.0.0.1:7878"), is_remote(PurePath("https://kg.example.org/ds"))
    (True, True)
    >>> is_remote("anhui-kg.store"), is_remote(None)
    (False, False)
    """
    if not isinstance(location, (str, PurePath)):
        return False
    return bool(_REMOTE.match(str(location)))


def _base_url(location: str | PurePath) -> str:
    text = str(location)
    if isinstance(location, PurePath) or not re.match(r"^https?://", text, re.IGNORECASE):
        text = re.sub(r"^(https?):/+", r"\1://", text, flags=re.IGNORECASE)  # Path ate a slash
    return text.rstrip("/")


@dataclass(frozen=True)
class Endpoints:
    """Where the server answers queries, updates and Graph Store requests, and as whom."""

    query: str
    update: str
    gsp: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    @classmethod
    def from_location(cls, location: str | PurePath, environ: Mapping[str, str] | None = None) -> Endpoints:
        """Endpoints for ``--store BASE``: Oxigraph's layout, each URL overridable by the environment.

        Examples
        --------
        >>> e = Endpoints.from_location("http://127.0.0.1:7878/", environ={})
        >>> e.query, e.update, e.gsp
        ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store')
        >>> env = {"ANHUI_KG_QUERY_URL": "http://fuseki:3030/kg/sparql", "ANHUI_KG_USER": "admin"}
        >>> e = Endpoints.from_location("http://fuseki:3030/kg", environ=env)
        >>> e.query, e.update, e.user
        ('http://fuseki:3030/kg/sparql', 'http://fuseki:3030/kg/update', 'admin')
        """
        env = os.environ if environ is None else environ
        base = _base_url(location)
        endpoints = cls(
            query=env.get(QUERY_URL_ENV) or f"{base}/query",
            update=env.get(UPDATE_URL_ENV) or f"{base}/update",
            gsp=env.get(GSP_URL_ENV) or f"{base}/store",
            user=env.get(USER_ENV) or None,
            password=env.get(PASSWORD_ENV) or None,
            token=env.get(TOKEN_ENV) or None,
        )
        for url, setting in ((endpoints.query, QUERY_URL_ENV), (endpoints.update, UPDATE_URL_ENV),
                             (endpoints.gsp, GSP_URL_ENV)):
            parts = urllib.parse.urlsplit(url)
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                raise StoreError(f"{url!r} is not an http(s) URL. Check --store / {setting}.")
            if parts.username is not None or parts.password is not None:
                raise StoreError(
                    f"The URL for {setting} carries credentials. Remove them from the URL and "
                    f"set {USER_ENV} and {PASSWORD_ENV} (or {TOKEN_ENV}) instead."
                )
        return endpoints


def _term(value: Mapping[str, str] | None) -> Node | None:
    """A SPARQL JSON results term as the rdflib term ``Store.select`` would give."""
    if value is None:
        return None
    kind = value.get("type")
    if kind == "uri":
        return rdflib.URIRef(value["value"])
    if kind == "bnode":
        return rdflib.BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        lang = value.get("xml:lang")
        if lang:
            return rdflib.Literal(value["value"], lang=lang.lower())
        datatype = value.get("datatype")
        if datatype and datatype not in (_XSD_STRING, _RDF_LANGSTRING):
            return rdflib.Literal(value["value"], datatype=rdflib.URIRef(datatype))
        return rdflib.Literal(value["value"])
    raise StoreError(f"Unexpected term in the server's results: {value!r}")


def _plain(term: Node) -> Node:
    """An rdflib term as the embedded store returns it (plain xsd:string, lower-case tags)."""
    if isinstance(term, rdflib.Literal):
        if term.language:
            return rdflib.Literal(str(term), lang=term.language.lower())
        if term.datatype is not None and str(term.datatype) == _XSD_STRING:
            return rdflib.Literal(str(term))
    return term


def _ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    return "".join(f"{_to_ox(s)} {_to_ox(p)} {_to_ox(o)} .\n" for s, p, o in triples)


class RemoteStore:
    """Quads on a SPARQL 1.1 server; the same public API and answers as ``store.Store``.

    ``path`` is the ``--store`` value (a URL) for messages. Nothing is sent until the
    first call; ``open_remote`` checks that the server answers.
    """

    def __init__(self, endpoints: Endpoints, *, location: str | None = None, timeout: float = 60.0,
                 max_update_bytes: int = MAX_UPDATE_BYTES):
        self.endpoints = endpoints
        self.path = location or endpoints.query
        self.timeout = timeout
        self.max_update_bytes = max_update_bytes
        self._closed = False
        handlers: list[urllib.request.BaseHandler] = []
        if endpoints.user is not None:
            # Basic goes with every request (below); digest only when the server asks (Virtuoso).
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in (endpoints.query, endpoints.update, endpoints.gsp):
                passwords.add_password(None, url, endpoints.user, endpoints.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        self._opener = urllib.request.build_opener(*handlers)

    def __repr__(self) -> str:
        return f"RemoteStore({self.path!r})"

    def __str__(self) -> str:
        return str(self.path)

    # -- HTTP --------------------------------------------------------------------
    def _request(self, method: str, url: str, setting: str, *, body: str | None = None,
                 content_type: str | None = None, accept: str | None = None,
                 not_acceptable: str | None = None) -> tuple[str, bytes]:
        """Send one request; (content type, body) of a 2xx answer, else ``StoreError``.

        ``not_acceptable`` is the message for HTTP 406: the query form does not match
        the results asked for (a CONSTRUCT sent to ``select``, say).
        """
        if self._closed:
            raise StoreError(f"The store at {self.path} is closed; open it again with open_store.")
        headers = {"User-Agent": "anhui-kg"}
        if content_type:
            headers["Content-Type"] = f"{content_type}; charset=utf-8"
        if accept:
            headers["Accept"] = accept
        data = body.encode("utf-8") if body is not None else None
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        # Unredirected, so a digest answer to the server's challenge can replace it.
        if self.endpoints.token:
            request.add_unredirected_header("Authorization", f"Bearer {self.endpoints.token}")
        elif self.endpoints.user is not None:
            pair = f"{self.endpoints.user}:{self.endpoints.password or ''}".encode()
            request.add_unredirected_header("Authorization", "Basic " + base64.b64encode(pair).decode("ascii"))
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 406 and not_acceptable:
                raise StoreError(not_acceptable) from None
            raise self._http_error(exc, url, setting) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                what = f"did not answer within {self.timeout:g} s"
            else:
                what = f"cannot be reached ({reason})"
            raise StoreError(
                f"The SPARQL server at {url} {what}.\n"
                f"  Is the server running? Check --store / {setting}."
            ) from None

    def _http_error(self, exc: urllib.error.HTTPError, url: str, setting: str) -> StoreError:
        try:
            detail = exc.read().decode("utf-8", "replace").strip()
        except OSError:
            detail = ""
        detail = f": {detail[:500]}" if detail else ""
        status = f"HTTP {exc.code} {exc.reason}".strip()
        if exc.code in (401, 403):
            return StoreError(
                f"The SPARQL server at {url} refused access ({status}).\n"
                f"  Set {USER_ENV} and {PASSWORD_ENV} (or {TOKEN_ENV}) to an account allowed to "
                "read and write, and check --store / " + setting + "."
            )
        if exc.code in (404, 405):
            return StoreError(
                f"There is no SPARQL endpoint for this request at {url} ({status}).\n"
                f"  Check --store / {setting}: see the server's documentation for its URLs."
            )
        if 400 <= exc.code < 500:
            return StoreError(f"The SPARQL server at {url} rejected the request ({status}){detail}")
        return StoreError(
            f"The SPARQL server at {url} failed ({status}){detail}\n"
            "  Nothing is known to have changed; look at the server's log and try again."
        )

    def _query(self, sparql: str, accept: str, wrong_form: str) -> tuple[str, bytes]:
        return self._request("POST", self.endpoints.query, QUERY_URL_ENV, body=sparql,
                             content_type="application/sparql-query", accept=accept,
                             not_acceptable=wrong_form)

    def _update(self, sparql_update: str) -> None:
        self._request("POST", self.endpoints.update, UPDATE_URL_ENV, body=sparql_update,
                      content_type="application/sparql-update")

    def _put_graph(self, name: str, triples: list[tuple[Node, Node, Node]]) -> None:
        sep = "&" if "?" in self.endpoints.gsp else "?"
        url = f"{self.endpoints.gsp}{sep}{urllib.parse.urlencode({'graph': name})}"
        self._request("PUT", url, GSP_URL_ENV, body=_ntriples(triples), content_type="application/n-triples")

    # -- reading -----------------------------------------------------------------
    def select(self, sparql: str) -> list[dict[str, Node | None]]:
        """Run a SPARQL SELECT over the union of all graphs; rows map variable -> rdflib term."""
        wrong_form = "Expected a SELECT or ASK query; use `construct` for graphs."
        kind, body = self._query(sparql, "application/sparql-results+json", wrong_form)
        if kind not in ("application/sparql-results+json", "application/json"):
            raise StoreError(wrong_form)
        try:
            results = json.loads(body)
        except ValueError as exc:
            raise StoreError(f"The SPARQL server at {self.endpoints.query} sent unreadable JSON: {exc}") from None
        if "boolean" in results:
            return [{"ask": rdflib.Literal(bool(results["boolean"]))}]
        names = results.get("head", {}).get("vars", [])
        return [{n: _term(row.get(n)) for n in names} for row in results["results"]["bindings"]]

    def construct(self, sparql: str) -> rdflib.Graph:
        """Run a SPARQL CONSTRUCT/DESCRIBE over the union of all graphs."""
        wrong_form = "Expected a CONSTRUCT or DESCRIBE query; use `select` for SELECT/ASK."
        kind, body = self._query(sparql, "application/n-triples, text/turtle;q=0.9", wrong_form)
        formats = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle"}
        if kind not in formats:
            raise StoreError(wrong_form)
        parsed = rdflib.Graph()
        parsed.parse(data=body.decode("utf-8"), format=formats[kind])
        g = rdflib.Graph()
        for s, p, o in parsed:
            g.add((s, p, _plain(o)))
        return g

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs on the server, sorted."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_SERVER_DEFAULT} }}")
        return sorted(str(r["g"]) for r in rows if isinstance(r["g"], rdflib.URIRef))

    def _contents(self, names: list[str]) -> dict[str, list[tuple[Node, Node, Node]]]:
        """The triples of each graph in ``names``, a few graphs per request."""
        out: dict[str, list[tuple[Node, Node, Node]]] = {n: [] for n in names}
        for i in range(0, len(names), _BATCH):
            values = " ".join(_iri(n) for n in names[i:i + _BATCH])
            rows = self.select(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
            for r in rows:
                out[str(r["g"])].append((r["s"], r["p"], r["o"]))
        return out

    def triples(self, graph: str) -> list[tuple[Node, Node, Node]]:
        """The triples of one named graph (empty when there is no such graph)."""
        return self._contents([graph])[graph]

    def dataset(self) -> rdflib.Dataset:
        """Everything in the store as an rdflib Dataset (for exports and tests)."""
        ds = rdflib.Dataset()
        for name, triples in self._contents(self.graph_names()).items():
            g = ds.graph(rdflib.URIRef(name))
            for t in triples:
                g.add(t)
        return ds

    def __len__(self) -> int:
        """The number of quads in the article graphs (the union default graph not counted)."""
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_NOT_SERVER_DEFAULT} }}")
        return int(rows[0]["n"]) if rows and rows[0]["n"] is not None else 0

    # -- writing -----------------------------------------------------------------
    def sync(self, dataset: rdflib.Dataset) -> SyncReport:
        """Make each named graph of ``dataset`` the server's graph of that name.

        Unchanged graphs (same ``graph_digest``) are left alone; graphs not in ``dataset``
        are kept (use ``remove_graph``). The changed graphs and the refreshed union default
        graph go to the server as ONE update request; only when that request would exceed
        ``max_update_bytes`` is each graph PUT with the Graph Store Protocol instead,
        followed by the union refresh.
        """
        graphs = sorted(
            (g for g in dataset.graphs() if str(g.identifier) != "urn:x-rdflib:default" and len(g)),
            key=lambda g: str(g.identifier),
        )
        existing = set(self.graph_names())
        stored = self._contents([str(g.identifier) for g in graphs if str(g.identifier) in existing])
        added, replaced, unchanged = [], [], []
        writes: list[tuple[str, list]] = []
        for g in graphs:
            name = str(g.identifier)
            if name in stored:
                if graph_digest(stored[name]) == graph_digest(g):
                    unchanged.append(name)
                    continue
                replaced.append(name)
            else:
                added.append(name)
            writes.append((name, list(g)))
        if writes:
            request = " ;\n".join([*(_replace_graph_update(n, t) for n, t in writes), _REFRESH_UNION])
            if len(request.encode("utf-8")) <= self.max_update_bytes:
                self._update(request)
            else:
                for name, triples in writes:
                    self._put_graph(name, triples)
                self._update(_REFRESH_UNION)
        return SyncReport(tuple(added), tuple(replaced), tuple(unchanged))

    def remove_graph(self, name: str) -> bool:
        """Drop one named graph (and its facts from the union); returns whether it existed."""
        if name not in set(self.graph_names()):
            return False
        self._update(f"DROP SILENT GRAPH {_iri(name)} ;\n{_REFRESH_UNION}")
        return True

    def ping(self) -> None:
        """Ask the server a trivial question; ``StoreError`` when it does not answer."""
        self.select("ASK { }")

    # -- lifetime ----------------------------------------------------------------
    def close(self) -> None:
        """Forget the connection settings; any later call raises ``StoreError``."""
        self._closed = True

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def open_remote(location: str | PurePath, environ: Mapping[str, str] | None = None) -> RemoteStore:
    """The store on the SPARQL server at ``location``, after checking that it answers.

    Examples
    --------
    >>> open_remote("http://127.0.0.1:1/", environ={})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    anhui_kg.errors.StoreError: The SPARQL server at http://127.0.0.1:1/query cannot be reached (...).
      Is the server running? Check --store / ANHUI_KG_QUERY_URL.
    """
    store = RemoteStore(Endpoints.from_location(location, environ), location=_base_url(location))
    store.ping()
    return store
