"""Queries: named SPARQL files (``queries/*.rq``) + parameters -> rows of plain values.

Contract: every ``.rq`` file in ``queries/`` opens with ``# Question:``, ``# Parameters:``
and ``# Returns:`` lines and is named after its question. ``run_query`` runs a named
query, a ``.rq`` file or inline SPARQL over the union of the store's article graphs and
returns one ``dict`` per solution, with IRIs as strings, numbers as ``int``/``float``,
booleans as ``bool``, and every other literal (dates included) as its lexical string.

Parameters are declared in the header as ``?name (type[, optional]) help``; a value
given for one is turned into an RDF term of that type and injected as a ``VALUES``
block at the start of the ``WHERE`` group, so a query reads its parameters as ordinary
variables (``FILTER(!BOUND(?since) || ?latest >= ?since)`` for an optional one). No
value is ever pasted into the query text unescaped.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib.term import Node

from .errors import DateError, UnknownQuery
from .namespaces import (
    KIND,
    ROLE,
    STATUS,
    class_for,
    deal_iri,
    document_iri,
    entity_iri,
    predicate_term,
)
from .store import Store, literal_value, open_store

# A plain Namespace, not rdflib's XSD DefinedNamespace (which doctest collection probes).
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")

QUERY_DIR = Path(__file__).parent / "queries"
"""Where the named queries live (shipped as package data)."""

_HEADER = re.compile(r"^#\s*(Question|Parameters|Returns)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Parameter:
    """One declared query parameter: ``?name (type, optional) help``."""

    name: str
    type: str = "any"
    optional: bool = False
    help: str = ""

    def __str__(self) -> str:
        flags = f"{self.type}, optional" if self.optional else self.type
        return f"?{self.name} ({flags})"


@dataclass(frozen=True)
class QueryInfo:
    """A named query as its header describes it."""

    name: str
    question: str
    parameters: tuple[Parameter, ...]
    returns: str
    path: Path


def parse_header(sparql: str) -> dict[str, str]:
    """The ``# Question:``, ``# Parameters:`` and ``# Returns:`` texts of a query.

    A header line may continue on the following comment lines (indented after ``#``).

    Examples
    --------
    >>> parse_header("# Question: Who?\\n# Parameters: none\\n# Returns: ?x\\n#   and ?y\\nSELECT")
    {'Question': 'Who?', 'Parameters': 'none', 'Returns': '?x and ?y'}
    """
    found: dict[str, str] = {}
    current: str | None = None
    for line in sparql.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        m = _HEADER.match(stripped)
        if m:
            current = m.group(1)
            found[current] = m.group(2).strip()
        elif current and re.match(r"^#\s{2,}\S", stripped):
            found[current] = f"{found[current]} {stripped.lstrip('#').strip()}".strip()
        else:
            current = None
    return found


def parse_parameters(text: str) -> tuple[Parameter, ...]:
    """Parameters from a ``# Parameters:`` text: ``?name (type[, optional]) help; ...``.

    Examples
    --------
    >>> parse_parameters("?company (entity) the company; ?since (date, optional)")
    (Parameter(name='company', type='entity', optional=False, help='the company'), \
Parameter(name='since', type='date', optional=True, help=''))
    >>> parse_parameters("none (the whole store; filters on ?earliest are in Python)")
    ()
    """
    if not text or text.lower().startswith("none"):
        return ()
    params = []
    for piece in text.split(";"):
        m = re.match(r"^\s*\?(\w+)\s*(?:\(([^)]*)\))?\s*(.*)$", piece)
        if not m:
            continue
        spec = [s.strip() for s in (m.group(2) or "any").split(",")]
        params.append(
            Parameter(m.group(1), spec[0] or "any", "optional" in spec[1:], m.group(3).strip())
        )
    return tuple(params)


def _info(path: Path) -> QueryInfo:
    header = parse_header(path.read_text(encoding="utf-8"))
    return QueryInfo(
        name=path.stem,
        question=header.get("Question", ""),
        parameters=parse_parameters(header.get("Parameters", "")),
        returns=header.get("Returns", ""),
        path=path,
    )


def list_queries() -> list[QueryInfo]:
    """The named queries shipped with the package, sorted by name.

    Examples
    --------
    >>> info = {q.name: q for q in list_queries()}["partners_of"]
    >>> info.question
    'Who partnered with a given company, in which deals, and when?'
    >>> [str(p) for p in info.parameters]
    ['?company (entity)']
    """
    return [_info(p) for p in sorted(QUERY_DIR.glob("*.rq"))]


def _unknown(name: str) -> UnknownQuery:
    names = [q.name for q in list_queries()]
    close = difflib.get_close_matches(name, names, n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    return UnknownQuery(
        f"There is no named query {name!r}.{hint}\n"
        f"  Named queries: {', '.join(names)}.\n"
        "  Run `anhui-kg query --list` to see their questions, or pass SPARQL text "
        "or a .rq file instead."
    )


def load_query(name: str) -> str:
    """The SPARQL text of a named query.

    Examples
    --------
    >>> load_query("partners_of").splitlines()[0]
    '# Question: Who partnered with a given company, in which deals, and when?'
    >>> load_query("partner_of")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: There is no named query 'partner_of'. Did you mean partners_of...
    """
    if not re.fullmatch(r"\w+", name or "") or not (QUERY_DIR / f"{name}.rq").is_file():
        raise _unknown(name)
    return (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")


# -- turning Python values into RDF terms -------------------------------------------

def _is_iri(value: str) -> bool:
    return bool(re.match(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:)\S+$", value))


def _iri_or(mint: Callable[[str], rdflib.URIRef]) -> Callable[[str], Node]:
    return lambda v: rdflib.URIRef(v) if _is_iri(v) else mint(v)


def _date_term(value: str) -> Node:
    try:
        return rdflib.Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
    except ValueError:
        raise DateError(
            f"{value!r} is not a day: this query parameter needs YYYY-MM-DD, e.g. 2023-09-01."
        ) from None


def _predicate(value: str) -> Node:
    try:
        return predicate_term(value)
    except ValueError as exc:
        raise UnknownQuery(str(exc)) from None


def _class(value: str) -> Node:
    try:
        return class_for(value)
    except ValueError as exc:
        raise UnknownQuery(str(exc)) from None


def _plain(value: str) -> Node:
    # Undeclared parameters: an absolute IRI, an ISO day, or else a plain string.
    if _is_iri(value):
        return rdflib.URIRef(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _date_term(value)
    return rdflib.Literal(value)


_CONVERTERS: Mapping[str, Callable[[str], Node]] = {
    "entity": _iri_or(entity_iri),
    "deal": _iri_or(deal_iri),
    "document": _iri_or(document_iri),
    "kind": _iri_or(lambda v: KIND[v]),
    "role": _iri_or(lambda v: ROLE[v]),
    "status": _iri_or(lambda v: STATUS[v]),
    "predicate": _iri_or(_predicate),
    "class": _iri_or(_class),
    "iri": rdflib.URIRef,
    "date": _date_term,
    "string": rdflib.Literal,
    "integer": lambda v: rdflib.Literal(int(v)),
    "any": _plain,
}


def to_term(value: Any, type_: str = "any") -> Node:
    """An RDF term for a parameter value of a declared type.

    Strings for IRI types may be a full IRI or an id (``alpha-motors``, ``supply``,
    ``chairman_of``, ``Company``, ``a.txt``); ``date`` takes ``YYYY-MM-DD``.

    Examples
    --------
    >>> to_term("alpha-motors", "entity")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/entity/alpha-motors')
    >>> to_term("chairman_of", "predicate")
    rdflib.term.URIRef('https://w3id.org/anhui-kg/ontology#chairmanOf')
    >>> to_term(date(2022, 6, 1)).n3()
    '"2022-06-01"^^<http://www.w3.org/2001/XMLSchema#date>'
    >>> to_term("2022-06-01", "date") == to_term(date(2022, 6, 1))
    True
    """
    if isinstance(value, Node):
        return value
    if isinstance(value, bool):
        return rdflib.Literal(value)
    if isinstance(value, datetime):
        return rdflib.Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, date):
        return rdflib.Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, (int, float, Decimal)):
        return rdflib.Literal(value)
    if isinstance(value, str):
        try:
            return _CONVERTERS.get(type_, _plain)(value)
        except (ValueError, TypeError) as exc:
            raise UnknownQuery(f"{value!r} is not a valid {type_}: {exc}") from None
    raise UnknownQuery(f"Cannot use {value!r} ({type(value).__name__}) as a query parameter.")


def _sparql_term(term: Node) -> str:
    """A term in SPARQL syntax, written (and so escaped and checked) by Oxigraph."""
    try:
        if isinstance(term, rdflib.URIRef):
            return str(ox.NamedNode(str(term)))
        if isinstance(term, rdflib.Literal):
            if term.language:
                return str(ox.Literal(str(term), language=term.language))
            if term.datatype:
                return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype))))
            return str(ox.Literal(str(term)))
    except ValueError as exc:
        raise UnknownQuery(f"{term!s} cannot be used as a query parameter: {exc}") from None
    raise UnknownQuery(f"Cannot use {term!r} as a query parameter (IRIs and literals only).")


# -- injecting bindings -------------------------------------------------------------

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def _scan(sparql: str) -> tuple[str | None, int | None]:
    """The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) and the index of the ``{`` that
    opens its WHERE group, reading past comments, strings and IRIs."""
    i, n = 0, len(sparql)
    braces = parens = 0
    form: str | None = None
    seen_where = False
    while i < n:
        c = sparql[i]
        if c == "#":
            nl = sparql.find("\n", i)
            i = n if nl < 0 else nl + 1
            continue
        if c in "\"'":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(sparql, i)
            i = m.end() if m else i + 1
            continue
        if c.isalpha() and (i == 0 or sparql[i - 1] not in "?$:_-"):
            m = re.match(r"[A-Za-z_][\w-]*", sparql[i:])
            word = m.group(0).upper()
            if braces == 0 and parens == 0:
                if form is None and word in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
                    form = word
                elif word == "WHERE":
                    seen_where = True
            i += len(m.group(0))
            continue
        if c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == "{":
            if braces == 0 and parens == 0 and (seen_where or form in {"SELECT", "ASK"}):
                return form, i
            braces += 1
        elif c == "}":
            braces -= 1
        i += 1
    return form, None


def bind(sparql: str, bindings: Mapping[str, Node | Iterable[Node]]) -> str:
    """``sparql`` with a ``VALUES`` block per binding at the start of its WHERE group.

    A binding may hold several terms (``VALUES ?x { a b }``: any of them).

    Examples
    --------
    >>> q = 'SELECT ?s WHERE { ?s ?p "{not a brace}" }'
    >>> print(bind(q, {"p": rdflib.URIRef("https://example.org/p")}))
    SELECT ?s WHERE { VALUES ?p { <https://example.org/p> }
     ?s ?p "{not a brace}" }
    """
    if not bindings:
        return sparql
    _, at = _scan(sparql)
    if at is None:
        raise UnknownQuery(
            "Cannot bind parameters: the query has no WHERE { ... } group to put them in."
        )
    blocks = []
    for name, terms in bindings.items():
        if not re.fullmatch(r"\w+", name):
            raise UnknownQuery(f"{name!r} is not a SPARQL variable name.")
        terms = [terms] if isinstance(terms, Node) else list(terms)
        blocks.append(f"VALUES ?{name} {{ {' '.join(_sparql_term(t) for t in terms)} }}")
    return sparql[: at + 1] + " " + "\n ".join(blocks) + "\n" + sparql[at + 1:]


# -- rows ---------------------------------------------------------------------------

def to_python(term: Node | None) -> Any:
    """A JSON-able value for an RDF term: IRIs as strings, numbers as int/float.

    Dates and other literals keep their lexical form, so ``"2021-03"`` stays a month.

    Examples
    --------
    >>> to_python(rdflib.Literal("2000000000", datatype=XSD.decimal))
    2000000000
    >>> to_python(rdflib.Literal("2023-09-01", datatype=XSD.date))
    '2023-09-01'
    >>> to_python(rdflib.URIRef("https://w3id.org/anhui-kg/entity/hefei"))
    'https://w3id.org/anhui-kg/entity/hefei'
    """
    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if not isinstance(term, rdflib.Literal):
        return str(term)
    return literal_value(str(term), str(term.datatype) if term.datatype else None)


def _resolve(name_or_sparql_or_path: str | Path) -> tuple[str, str]:
    """(label for messages, SPARQL text) of a query name, a .rq file or inline SPARQL."""
    text = str(name_or_sparql_or_path)
    if isinstance(name_or_sparql_or_path, Path) or text.endswith(".rq"):
        path = Path(text)
        if not path.is_file():
            raise UnknownQuery(
                f"There is no query file {path}. Check the path, or run "
                "`anhui-kg query --list` for the named queries."
            )
        return str(path), path.read_text(encoding="utf-8")
    if re.fullmatch(r"\w+", text):
        return text, load_query(text)
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", text, re.IGNORECASE):
        return "the query", text
    raise _unknown(text)


def run_query(store: Store, name_or_sparql_or_path: str | Path, **bindings: Any) -> list[dict]:
    """Run a named query, a ``.rq`` file or inline SPARQL; rows as plain values.

    ``bindings`` give values to the query's parameters (declared in its header); a
    value of ``None`` leaves an optional parameter unbound, and a list binds any of
    several values. CONSTRUCT/DESCRIBE results come back as subject/predicate/object
    rows, ASK as ``[{"ask": bool}]``.

    Raises ``UnknownQuery`` for an unknown query name or parameter, or a missing
    required parameter.

    Examples
    --------
    >>> store = open_store(None)
    >>> run_query(store, "SELECT (1 + 1 AS ?two) WHERE {}")
    [{'two': 2}]
    >>> run_query(store, "partners_of", company="alpha-motors")
    []
    >>> run_query(store, "partners_of")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.UnknownQuery: The query partners_of needs ?company (entity) the company, e.g. alpha-motors...
    """
    label, sparql = _resolve(name_or_sparql_or_path)
    declared = {p.name: p for p in parse_parameters(parse_header(sparql).get("Parameters", ""))}
    given = {k: v for k, v in bindings.items() if v is not None}
    if declared:
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise UnknownQuery(
                f"{label} has no parameter {', '.join('?' + u for u in unknown)}; "
                f"its parameters are: {', '.join(str(p) for p in declared.values())}."
            )
        missing = [p for p in declared.values() if not p.optional and p.name not in given]
        if missing:
            raise UnknownQuery(
                f"The query {label} needs "
                + ", ".join(f"{p} {p.help}".strip() for p in missing)
                + "; pass it as --param NAME=VALUE (or a keyword argument)."
            )
    terms: dict[str, list[Node]] = {}
    for name, value in given.items():
        type_ = declared[name].type if name in declared else "any"
        values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        terms[name] = [to_term(v, type_) for v in values]
    sparql = bind(sparql, terms)
    if _scan(sparql)[0] in ("CONSTRUCT", "DESCRIBE"):
        graph = store.construct(sparql)
        rows = [{"subject": s, "predicate": p, "object": o} for s, p, o in graph]
        rows.sort(key=lambda r: (str(r["subject"]), str(r["predicate"]), str(r["object"])))
        return [{k: to_python(v) for k, v in row.items()} for row in rows]
    if hasattr(store, "select_values"):  # the embedded store: no rdflib terms in between
        return store.select_values(sparql)
    return [{k: to_python(v) for k, v in row.items()} for row in store.select(sparql)]

