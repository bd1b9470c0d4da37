"""CLI commands over the store: build, partners, entities, relations, show, query, remove.

Contract: each command parses its options, calls one library function (``pipeline``,
``views`` or ``queries``) inside ``user_errors()``, and renders the result: JSON keeps
the DESIGN.md shapes, table and CSV flatten them. Listing commands refuse an empty or
missing store with a message saying to run ``anhui-kg build``. Progress goes to stderr,
and only when stderr is a terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from .cli import FormatOption, StoreOption, app, fail, user_errors
from .namespaces import PREFIXES
from .queries import list_queries, run_query
from .render import OutputFormat, render, to_json
from .store import Store, open_store
from . import views

DEFAULT_SEEDS = Path("seeds")


# -- helpers ----------------------------------------------------------------------------

@contextmanager
def _filled_store(path: Path) -> Iterator[Store]:
    """The store at ``path`` for reading; exit 1 when it is missing or empty."""
    from .remote import is_remote

    empty = f"The store at {path} is empty. Run `anhui-kg build` first."
    if not is_remote(path) and not path.exists():
        fail(empty)
    with open_store(path) as store:
        if len(store) == 0:
            fail(f"The store at {store.path} is empty. Run `anhui-kg build` first.")
        yield store


def _echo(text: str) -> None:
    """Print rendered output once-terminated (CSV text already ends with a newline)."""
    typer.echo(text[:-1] if text.endswith("\n") else text)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress callback drawing a bar on stderr, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading articles", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        yield update


def _summary(report: Any, store_path: Path) -> str:
    return (
        f"{_plural(report.articles, 'article')}: {len(report.added)} added, "
        f"{len(report.replaced)} replaced, {len(report.unchanged)} unchanged. "
        f"{_plural(report.entities, 'entity', 'entities')}, "
        f"{_plural(report.deals, 'deal')}, {_plural(report.relations, 'relation')} "
        f"in {store_path}"
    )


def _money(value: dict | None) -> str:
    if not value:
        return ""
    amount = value["amount"]
    text = f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"
    return f"{text} {value['currency'] or ''}".strip()


def _party(p: dict) -> str:
    return p["name"] if p["role"] == "party" else f"{p['name']} ({p['role']})"


def partner_row(deal: dict) -> dict[str, str]:
    """One line of the ``partners`` table for a deal object.

    Examples
    --------
    >>> partner_row({"date": "2022", "kind": "supply", "status": "planned", "value": None,
    ...     "place": None, "evidence": [{"document": "b.txt"}],
    ...     "parties": [{"name": "Alpha Motors", "role": "customer"},
    ...                 {"name": "Gamma Chips", "role": "supplier"}]})["parties"]
    'Alpha Motors (customer) + Gamma Chips (supplier)'
    """
    return {
        "date": deal["date"] or "",
        "kind": deal["kind"],
        "parties": " + ".join(_party(p) for p in deal["parties"]),
        "status": deal["status"] or "",
        "value": _money(deal["value"]),
        "place": deal["place"]["name"] if deal["place"] else "",
        "evidence": deal["evidence"][0]["document"] if deal["evidence"] else "",
    }


def compact_iri(value: Any) -> Any:
    """An IRI string in prefixed form when a project prefix covers it; anything else as is.

    Examples
    --------
    >>> compact_iri("https://w3id.org/anhui-kg/entity/alpha-motors")
    'ent:alpha-motors'
    >>> compact_iri("2021-03")
    '2021-03'
    """
    if not isinstance(value, str):
        return value
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        rest = value[len(str(ns)):]
        if value.startswith(str(ns)) and rest and not any(c in rest for c in "/#?"):
            return f"{prefix}:{rest}"
    return value


PARTNER_COLUMNS = ["date", "kind", "parties", "status", "value", "place", "evidence"]
ENTITY_COLUMNS = ["id", "type", "name", "aliases", "documents"]
RELATION_COLUMNS = ["subject", "predicate", "object", "date", "end_date", "evidence"]


def _relation_row(rel: dict) -> dict[str, str]:
    return {
        "subject": rel["subject"]["name"],
        "predicate": rel["predicate"],
        "object": rel["object"]["name"],
        "date": rel["date"] or "",
        "end_date": rel["end_date"] or "",
        "evidence": rel["evidence"][0]["document"] if rel["evidence"] else "",
    }


def _cite(ev: dict) -> str:
    return f'      "{ev["text"]}" — {ev["document"]} [{ev["start"]}:{ev["end"]}]'


def show_text(info: dict) -> str:
    """``show`` as a readable block: each fact followed by its evidence sentences."""
    lines = [f"{info['name']}  ({info['type']}, id {info['id']})"]
    if info["aliases"]:
        lines.append(f"  Also called: {', '.join(info['aliases'])}")
    if info["documents"]:
        lines.append(f"  Mentioned in: {', '.join(info['documents'])}")
    lines += ["", f"Deals ({len(info['deals'])})"]
    for d in info["deals"]:
        who = " + ".join(_party(p) for p in d["counterparts"]) or "no other party"
        role = "" if d["role"] in (None, "party") else f" as {d['role']}"
        extra = [x for x in (d["status"], _money(d["value"]),
                             f"in {d['place']['name']}" if d["place"] else "") if x]
        lines.append(f"  {d['date'] or 'undated'}  {d['kind']}{role} with {who}"
                     + (f" — {', '.join(extra)}" if extra else ""))
        lines += [_cite(ev) for ev in d["evidence"]]
    lines += ["", f"Relations ({len(info['relations'])})"]
    for r in info["relations"]:
        when = f" ({r['date']}{'–' + r['end_date'] if r['end_date'] else ''})" if r["date"] else ""
        lines.append(f"  {r['subject']['name']} {r['predicate']} {r['object']['name']}{when}")
        lines += [_cite(ev) for ev in r["evidence"]]
    return "\n".join(lines)


def _show_rows(info: dict) -> list[dict]:
    """``show`` for CSV: one row per fact and evidence sentence."""
    rows = []
    for d in info["deals"]:
        base = {"fact": "deal", "id": d["id"], "predicate": d["kind"], "role": d["role"],
                "other": " + ".join(_party(p) for p in d["counterparts"]), "date": d["date"]}
        rows += [{**base, **ev} for ev in d["evidence"]] or [base]
    for r in info["relations"]:
        other = r["object"] if r["direction"] == "out" else r["subject"]
        base = {"fact": f"relation ({r['direction']})", "id": "", "predicate": r["predicate"],
                "role": "", "other": other["name"], "date": r["date"]}
        rows += [{**base, **ev} for ev in r["evidence"]] or [base]
    return rows


JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, show_default=False,
                 help="Processes that extract articles in parallel (default: one per CPU)"),
]


# -- commands ---------------------------------------------------------------------------

@app.command()
def build(
    store: StoreOption,
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (default: seeds/)", show_default=False),
    ] = None,
    validate: Annotated[
        bool, typer.Option("--validate/--no-validate",
                           help="Check the built graph against the SHACL shapes (about 80 ms per article)")
    ] = True,
    jobs: JobsOption = None,
) -> None:
    """Ingest articles into the store; re-running is idempotent, a changed article replaces its facts.

    Example: anhui-kg build seeds/
    """
    with user_errors():
        paths = list(paths or [DEFAULT_SEEDS])
        for p in paths:
            if not p.exists():
                if p == DEFAULT_SEEDS:
                    fail(f"There is no {DEFAULT_SEEDS}/ folder here. "
                         "Pass the article files or folders to read: anhui-kg build PATH...")
                fail(f"{p} does not exist. Pass article files (.txt) or folders of them.")
        from .pipeline import default_jobs, ingest

        with open_store(store) as st, _progress() as progress:
            report = ingest(paths, st, progress=progress, validate_shapes=validate,
                            jobs=jobs or default_jobs())
            where = st.path
        typer.echo(_summary(report, where))


@app.command()
def partners(
    store: StoreOption,
    name: Annotated[str | None, typer.Argument(help="Name, alias or id, e.g. Chery")] = None,
    with_: Annotated[str | None, typer.Option("--with", help="Only deals with this partner")] = None,
    since: Annotated[str | None, typer.Option(help="From this date on: 2022, 2023-09, 2023-Q4, 2023-late")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (same forms as --since)")] = None,
    kind: Annotated[str | None, typer.Option(help="Deal kind, e.g. joint_venture, supply")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Who partnered with whom, when: one row per deal, oldest first.

    Example: anhui-kg partners Chery --since 2022 --kind joint_venture
    """
    with user_errors(), _filled_store(store) as st:
        deals = views.partners(st, name, with_=with_, since=since, until=until, kind=kind)
        if fmt is OutputFormat.json:
            _echo(render(deals, fmt))
        else:
            _echo(render([partner_row(d) for d in deals], fmt, PARTNER_COLUMNS))


@app.command()
def entities(
    store: StoreOption,
    type_: Annotated[str | None, typer.Option("--type", help="Company, Person, Place, ...")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The entities, with aliases and the documents that mention them.

    Example: anhui-kg entities --type Company
    """
    with user_errors(), _filled_store(store) as st:
        _echo(render(views.entities(st, type=type_), fmt, ENTITY_COLUMNS))


@app.command()
def relations(
    store: StoreOption,
    predicate: Annotated[str | None, typer.Option(help="e.g. chairman_of, headquartered_in")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The binary relations: people's roles, HQ, plants, brands, ownership.

    Example: anhui-kg relations --predicate chairman_of
    """
    with user_errors(), _filled_store(store) as st:
        rels = views.relations(st, predicate=predicate)
        if fmt is OutputFormat.json:
            _echo(render(rels, fmt))
        else:
            _echo(render([_relation_row(r) for r in rels], fmt, RELATION_COLUMNS))


@app.command()
def show(
    store: StoreOption,
    name: Annotated[str, typer.Argument(help="Name, alias or id, e.g. Chery")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Everything known about one entity, each fact with its evidence sentence.

    Example: anhui-kg show "Alpha Motors"
    """
    with user_errors(), _filled_store(store) as st:
        info = views.show(st, name)
        if fmt is OutputFormat.json:
            _echo(to_json(info))
        elif fmt is OutputFormat.csv:
            _echo(render(_show_rows(info), fmt, ["fact", "id", "predicate", "role", "other",
                                                      "date", "document", "start", "end", "text"]))
        else:
            _echo(show_text(info))


@app.command()
def query(
    store: StoreOption,
    sparql: Annotated[
        str | None,
        typer.Argument(help="A named query (see --list), a .rq file, or SPARQL text",
                       show_default=False),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Query parameter NAME=VALUE (repeatable)"),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run SPARQL over all articles' graphs; named queries ship in the package.

    Example: anhui-kg query partners_of --param company=chery
    """
    with user_errors():
        if list_:
            rows = [{"name": q.name, "question": q.question,
                     "parameters": ", ".join(str(p) for p in q.parameters)}
                    for q in list_queries()]
            if fmt is OutputFormat.table:
                _echo(render(rows, fmt, ["name", "question"]))
            else:
                _echo(render(rows, fmt, ["name", "question", "parameters"]))
            return
        if not sparql:
            fail("Give a query: a name (see `anhui-kg query --list`), a .rq file or SPARQL text.")
        bindings: dict[str, str] = {}
        for item in param or []:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                fail(f"--param expects NAME=VALUE, got {item!r}.")
            bindings[key.strip().lstrip("?$")] = value
        target: str | Path = Path(sparql) if Path(sparql).is_file() else sparql
        with _filled_store(store) as st:
            # entity parameters accept names and aliases as well as ids ("NIO", "JAC Group")
            info = next((q for q in list_queries() if q.name == sparql), None)
            for p in info.parameters if info else ():
                if p.type == "entity" and p.name in bindings and "://" not in bindings[p.name]:
                    bindings[p.name] = views.resolve_name(st, bindings[p.name])
            rows = run_query(st, target, **bindings)
        if fmt is OutputFormat.table:  # prefixed names read better in a terminal
            rows = [{k: compact_iri(v) for k, v in row.items()} for row in rows]
        _echo(render(rows, fmt))


@app.command()
def remove(
    store: StoreOption,
    article: Annotated[str, typer.Argument(help="The article's file name, e.g. 000_eed22a385a605605.txt")],
    jobs: JobsOption = None,
) -> None:
    """Retract one article: remove every fact only it supported.

    Example: anhui-kg remove 000_eed22a385a605605.txt
    """
    with user_errors(), _filled_store(store) as st:
        from .pipeline import default_jobs, remove as remove_article

        name = Path(article).name
        report = remove_article(name, st, jobs=jobs or default_jobs())
        typer.echo(
            f"Removed {name} from {st.path}. Other articles: {len(report.replaced)} updated, "
            f"{len(report.unchanged)} unchanged. "
            f"{_plural(report.entities, 'entity', 'entities')}, {_plural(report.deals, 'deal')}, "
            f"{_plural(report.relations, 'relation')} remain."
        )
