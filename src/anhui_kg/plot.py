"""Pictures: a partnership graph or a store -> PNG/SVG files (matplotlib, no display).

Stage contract
--------------
``draw_network(G, path, ...)`` draws a graph from ``anhui_kg.analysis`` with labelled
nodes coloured by community or type, sized by number of deals, and a legend;
``draw_timeline(store, path)`` draws deals per year stacked by kind. Both write the file
named by ``path`` (PNG or SVG by its suffix) and return it.

Figures are drawn on matplotlib's ``Figure`` directly (no pyplot, no global state, no
GUI backend). The layout is a seeded spring layout and SVG files carry no date or random
ids, so the same graph gives the same file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Literal

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .analysis import SparqlStore, community_of, load_network
from .errors import UnknownQuery

SEED = 42
PICTURE_SUFFIXES = (".png", ".svg")
_PALETTE = matplotlib.colormaps["tab20"].colors


def _save(fig: Figure, path: Path) -> Path:
    suffix = path.suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise UnknownQuery(f"Cannot draw {path.name}: use a .png or .svg file name.")
    path.parent.mkdir(parents=True, exist_ok=True)
    FigureCanvasAgg(fig)
    with matplotlib.rc_context({"svg.hashsalt": "anhui-kg", "svg.fonttype": "none"}):
        if suffix == ".svg":
            fig.savefig(path, format="svg", metadata={"Date": None})
        else:
            fig.savefig(path, format="png", dpi=150)
    return path


def draw_network(
    G: nx.Graph,
    path: Path | str,
    *,
    title: str = "Partnerships",
    date_label: str | None = None,
    color_by: Literal["community", "type"] = "community",
) -> Path:
    """Draw a partnership graph to a PNG or SVG file (chosen by the suffix of ``path``).

    Parameters
    ----------
    G : networkx.Graph
        Nodes with ``label`` (and ``type``), edges with ``weight``.
    path : Path
        ``*.png`` or ``*.svg``.
    title, date_label : str
        The title reads "title — date_label".
    color_by : "community" or "type"
        Colour nodes by Louvain community (seeded) or by entity type.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store, partnership_graph
    >>> G = partnership_graph(_example_store())
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     png = draw_network(G, Path(tmp) / "g.png", date_label="2022")
    ...     png.read_bytes()[:4] == b"\\x89PNG"
    True
    """
    path = Path(path)
    if color_by not in ("community", "type"):
        raise UnknownQuery(f"Unknown colouring {color_by!r}: use 'community' or 'type'.")
    fig = Figure(figsize=(11, 8), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(f"{title} — {date_label}" if date_label else title, fontsize=14)
    if G.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "No deals to draw", ha="center", va="center", fontsize=14,
                transform=ax.transAxes)
        return _save(fig, path)

    nodes = sorted(G.nodes, key=str)
    if color_by == "community":
        group = community_of(G, seed=SEED)
        names = {g: f"Community {g}" for g in sorted(set(group.values()))}
    else:
        kinds = sorted({G.nodes[n].get("type") or "unknown" for n in nodes})
        group = {n: kinds.index(G.nodes[n].get("type") or "unknown") for n in nodes}
        names = dict(enumerate(kinds))
    colour = {g: _PALETTE[(2 * i) % len(_PALETTE)] for i, g in enumerate(sorted(names))}

    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from(sorted((tuple(sorted((u, v), key=str)) + (d,) for u, v, d in G.edges(data=True)),
                            key=lambda e: (str(e[0]), str(e[1]))))
    pos = nx.spring_layout(H, seed=SEED, weight="weight", k=1.5 / max(len(H), 1) ** 0.5)

    widths = [1.0 + 1.5 * (d.get("weight", 1) - 1) ** 0.5 for _, _, d in H.edges(data=True)]
    nx.draw_networkx_edges(H, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.8)
    sizes = [250 + 120 * G.degree(n, weight="weight") for n in nodes]
    nx.draw_networkx_nodes(H, pos, nodelist=nodes, ax=ax, node_size=sizes,
                           node_color=[colour[group[n]] for n in nodes],
                           edgecolors="#333333", linewidths=0.6)
    labels = {n: str(G.nodes[n].get("label", n)) for n in nodes}
    nx.draw_networkx_labels(H, pos, labels=labels, ax=ax, font_size=8)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, color=colour[g],
                      markeredgecolor="#333333", label=names[g]) for g in sorted(names)]
    ax.legend(handles=handles, loc="lower left", fontsize=8, frameon=False,
              title="community" if color_by == "community" else "type")
    ax.margins(0.12)
    return _save(fig, path)


def draw_timeline(store: SparqlStore, path: Path | str, *, title: str = "Deals per year") -> Path:
    """Draw deals per year, stacked by kind, to a PNG or SVG file.

    A deal counts in the year of its earliest possible day; undated deals are counted
    in the subtitle only.

    Examples
    --------
    >>> import tempfile
    >>> from anhui_kg.analysis import _example_store
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     svg = draw_timeline(_example_store(), Path(tmp) / "t.svg").read_text()
    >>> "<svg" in svg and "joint venture" in svg
    True
    """
    path = Path(path)
    net = load_network(store)
    counts: dict[str, Counter] = defaultdict(Counter)
    undated = 0
    for deal in net.deals:
        if deal.earliest is None:
            undated += 1
        else:
            counts[deal.kind or "other"][deal.earliest.year] += 1
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=14)
    years = sorted({y for c in counts.values() for y in c})
    if not years:
        ax.text(0.5, 0.5, "No dated deals", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return _save(fig, path)
    span = list(range(years[0], years[-1] + 1))
    bottom = [0] * len(span)
    for i, kind in enumerate(sorted(counts)):
        heights = [counts[kind][y] for y in span]
        ax.bar(span, heights, bottom=bottom, label=kind.replace("_", " "),
               color=_PALETTE[(2 * i) % len(_PALETTE)], edgecolor="white")
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_xticks(span, [str(y) for y in span], rotation=45 if len(span) > 12 else 0)
    ax.set_ylabel("deals")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    note = f"{sum(bottom)} dated deals" + (f"; {undated} undated deal(s) not shown" if undated else "")
    ax.set_xlabel(f"year of the earliest possible date ({note})")
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1), title="kind")
    return _save(fig, path)
