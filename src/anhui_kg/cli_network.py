"""The ``analyze`` and ``export`` commands: store -> NetworkX analysis rows, or -> files.

Each command opens the store (refusing an empty one), calls one function of
``anhui_kg.analysis`` or ``anhui_kg.export`` and renders its rows with ``--format``
(analysis) or prints the paths it wrote (export). Names on the command line are ids,
labels or aliases in any case; dates are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and
``--as-of 2023`` means "as of the last day of 2023".
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .cli import FormatOption, StoreOption, app, user_errors
from .errors import DateError, StoreError
from .render import OutputFormat, render

analyze_app = typer.Typer(
    help="Network analysis of the deals: centrality, communities, brokers, paths, growth.",
    no_args_is_help=True,
)
app.add_typer(analyze_app, name="analyze")

DEFAULT_EXPORTS = Path("exports")

AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="Only deals active on this day: YYYY, YYYY-MM or YYYY-MM-DD "
                 "(a year or month means its last day)", show_default=False),
]
FoldOption = Annotated[
    bool,
    typer.Option("--fold-subsidiaries", help="Merge subsidiaries and brands into their parent"),
]


def parse_day(value: str) -> date:
    """The last day a command-line date can mean: ``2023`` -> 2023-12-31.

    Uses ``anhui_kg.extraction.dates.make_date`` when it is available, else reads
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Examples
    --------
    >>> parse_day("2023"), parse_day("2024-02"), parse_day("2021-03-27")
    (datetime.date(2023, 12, 31), datetime.date(2024, 2, 29), datetime.date(2021, 3, 27))
    >>> parse_day("March")
    Traceback (most recent call last):
    ...
    anhui_kg.errors.DateError: 'March' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. --as-of 2024-06.
    """
    try:
        from .extraction.dates import make_date
    except ImportError:  # the dates stage is not there yet: read plain ISO forms
        make_date = None
    message = f"{value!r} is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, e.g. --as-of 2024-06."
    if make_date is not None:
        try:
            return make_date(value.strip()).latest
        except DateError as exc:
            raise DateError(message) from exc
        except ValueError as exc:
            raise DateError(message) from exc
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    try:
        if not m:
            raise ValueError(value)
        year, month, day = int(m[1]), int(m[2] or 12), m[3]
        return date(year, month, int(day) if day else monthrange(year, month)[1])
    except ValueError:
        raise DateError(message) from None


def open_nonempty(path: Path):
    """Open the store at ``path``; a missing or empty store is a user error."""
    from .store import open_store

    from .remote import is_remote

    empty = StoreError(f"The store at {path} is empty. Run `anhui-kg build` first.")
    if not is_remote(path) and not Path(path).exists():
        raise empty
    store = open_store(path)
    if not store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"):
        raise empty
    return store


def _as_of(value: str | None) -> date | None:
    return parse_day(value) if value else None


# ---------------------------------------------------------------------------------------
# analyze
# ---------------------------------------------------------------------------------------

@analyze_app.command("centrality")
def analyze_centrality(
    store: StoreOption, as_of: AsOfOption = None, fold: FoldOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Who is central: partners, deals, degree, betweenness and eigenvector centrality.

    Example: anhui-kg analyze centrality --as-of 2024 --format csv
    """
    from .analysis import centrality, partnership_graph

    with user_errors():
        G = partnership_graph(open_nonempty(store), as_of=_as_of(as_of), fold_subsidiaries=fold)
        typer.echo(render(centrality(G), fmt))


@analyze_app.command("communities")
def analyze_communities(
    store: StoreOption, as_of: AsOfOption = None, fold: FoldOption = False,
    seed: Annotated[int, typer.Option(help="Random seed of the Louvain method")] = 42,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Groups of organisations that deal mostly with each other (Louvain).

    Example: anhui-kg analyze communities --fold-subsidiaries
    """
    from .analysis import communities, partnership_graph

    with user_errors():
        G = partnership_graph(open_nonempty(store), as_of=_as_of(as_of), fold_subsidiaries=fold)
        typer.echo(render(communities(G, seed=seed), fmt))


@analyze_app.command("brokers")
def analyze_brokers(
    store: StoreOption, as_of: AsOfOption = None, fold: FoldOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Organisations (articulation points) and partnerships (bridges) that hold the network together.

    Example: anhui-kg analyze brokers --as-of 2025-06
    """
    from .analysis import brokers, partnership_graph

    with user_errors():
        G = partnership_graph(open_nonempty(store), as_of=_as_of(as_of), fold_subsidiaries=fold)
        typer.echo(render(brokers(G), fmt))


@analyze_app.command("evolution")
def analyze_evolution(
    store: StoreOption, fold: FoldOption = False, fmt: FormatOption = OutputFormat.table,
) -> None:
    """How the network grew, year by year (as of each 31 December).

    Example: anhui-kg analyze evolution --format json
    """
    from .analysis import evolution

    with user_errors():
        typer.echo(render(evolution(open_nonempty(store), fold_subsidiaries=fold), fmt))


@analyze_app.command("path")
def analyze_path(
    a: Annotated[str, typer.Argument(help="Organisation: name, alias or id, e.g. 'Alpha Motors'")],
    b: Annotated[str, typer.Argument(help="Organisation: name, alias or id")],
    store: StoreOption, as_of: AsOfOption = None, fold: FoldOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The shortest chain of deals linking A to B, with one evidence sentence per hop.

    Example: anhui-kg analyze path NIO JAC
    """
    from .analysis import find_entity, partnership_graph, path

    with user_errors():
        kg = open_nonempty(store)
        day = _as_of(as_of)
        source, target = find_entity(kg, a), find_entity(kg, b)
        G = partnership_graph(kg, as_of=day, fold_subsidiaries=fold)
        rows = path(G, source, target)
        if not rows:
            when = f" as of {day.isoformat()}" if day else ""
            raise StoreError(
                f"No chain of deals links {a} and {b}{when}.\n"
                "  Try without --as-of, with --fold-subsidiaries, or see "
                "`anhui-kg analyze communities`."
            )
        typer.echo(render(rows, fmt))


@analyze_app.command("partners-over-time")
def analyze_partners_over_time(
    name: Annotated[str, typer.Argument(help="Organisation: name, alias or id")],
    store: StoreOption, fold: FoldOption = False, fmt: FormatOption = OutputFormat.table,
) -> None:
    """NAME's partners deal by deal, oldest first, with a running count of partners.

    Example: anhui-kg analyze partners-over-time Chery
    """
    from .analysis import partners_over_time

    with user_errors():
        rows = partners_over_time(open_nonempty(store), name, fold_subsidiaries=fold)
        typer.echo(render(rows, fmt))


# ---------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------

class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    ttl = "ttl"
    trig = "trig"
    jsonld = "jsonld"
    png = "png"
    svg = "svg"
    timeline = "timeline"
    all = "all"


DEFAULT_NAMES: dict[ExportFormat, str] = {
    ExportFormat.graphml: "partnerships.graphml",
    ExportFormat.gexf: "partnerships.gexf",
    ExportFormat.ttl: "graph.ttl",
    ExportFormat.trig: "graph.trig",
    ExportFormat.jsonld: "graph.jsonld",
    ExportFormat.png: "partnerships.png",
    ExportFormat.svg: "partnerships.svg",
    ExportFormat.timeline: "timeline.png",
}
"""Where each format goes when no PATH is given (under ./exports); csv and all write a folder."""


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Argument(
        metavar="FORMAT", help="graphml, gexf, csv, ttl, trig, jsonld, png, svg, timeline or all")],
    store: StoreOption,
    path: Annotated[Path | None, typer.Argument(
        help="File to write (a folder for csv and all); default under ./exports",
        show_default=False)] = None,
    as_of: AsOfOption = None,
    fold: FoldOption = False,
) -> None:
    """Write the graph for Gephi (graphml, gexf), spreadsheets (csv), RDF tools or as a picture.

    Example: anhui-kg export gexf exports/alliance.gexf
    """
    from . import export as ex
    from .analysis import partnership_graph
    from .plot import draw_network, draw_timeline

    with user_errors():
        kg = open_nonempty(store)
        day = _as_of(as_of)
        label = f"as of {day.isoformat()}" if day else "all deals"
        if fmt in (ExportFormat.csv, ExportFormat.all):
            folder = path or DEFAULT_EXPORTS
            if fmt is ExportFormat.all:
                written = ex.export_all(kg, folder, as_of=day, fold_subsidiaries=fold)
            else:
                G = partnership_graph(kg, as_of=day, fold_subsidiaries=fold)
                written = list(ex.write_csv(G, Path(folder) / "nodes.csv", Path(folder) / "edges.csv"))
        else:
            target = path or DEFAULT_EXPORTS / DEFAULT_NAMES[fmt]
            if fmt is ExportFormat.gexf:
                written = [ex.write_gexf(kg, target, fold_subsidiaries=fold)]
            elif fmt in (ExportFormat.ttl, ExportFormat.trig, ExportFormat.jsonld):
                written = [ex.write_rdf(kg, target, fmt.value)]
            elif fmt is ExportFormat.timeline:
                written = [draw_timeline(kg, target)]
            else:
                G = partnership_graph(kg, as_of=day, fold_subsidiaries=fold)
                if fmt is ExportFormat.graphml:
                    written = [ex.write_graphml(G, target)]
                else:
                    title = "Anhui auto-industry partnerships"
                    written = [draw_network(G, target, title=title, date_label=label)]
        for p in written:
            typer.echo(f"Wrote {p}")
