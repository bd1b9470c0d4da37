"""The ``anhui-kg eval`` command: gold file + articles -> evaluation report.

Reads a gold annotation (``seeds.json`` format), runs the pipeline on the annotated
articles, scores the result with :func:`anhui_kg.evaluation.score` and prints the report.
``--min-deal-f1`` and ``--min-complete`` turn it into a CI gate (exit status 1 when below).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli import FormatOption, app, user_errors
from .errors import DocumentError
from .evaluation import (
    PRF,
    EvalReport,
    Fraction,
    Gold,
    format_report,
    load_gold,
    restrict_to_documents,
    score,
)
from .render import OutputFormat, render, to_json

DEFAULT_SEEDS = Path("seeds")


def article_paths_for(gold_path: Path, gold: Gold, given: list[Path] | None) -> list[Path]:
    """The articles to run on: those given, else the gold's own folder, else ./seeds.

    The gold's folder is used when it holds every annotated document; then only those
    files are read.
    """
    if given:
        return list(given)
    beside = [gold_path.parent / doc for doc in gold.document_ids]
    if all(p.is_file() for p in beside):
        return beside
    if not DEFAULT_SEEDS.is_dir():
        raise DocumentError(
            f"The annotated articles are not beside {gold_path} and there is no ./seeds "
            "folder. Give the article files or folders after the gold file: "
            "anhui-kg eval GOLD.json ARTICLES..."
        )
    return [DEFAULT_SEEDS]


def check_documents(gold: Gold, article_ids: set[str], paths: list[Path]) -> None:
    """Raise when an annotated document is not among the loaded articles."""
    missing = [d for d in gold.document_ids if d not in article_ids]
    if missing:
        where = ", ".join(str(p) for p in paths)
        raise DocumentError(
            f"The gold file annotates {len(missing)} article(s) not found in {where}: "
            f"{', '.join(missing)}. Give the folder or files that contain them."
        )


def report_rows(report: EvalReport) -> list[dict[str, object]]:
    """The headline figures as flat rows (for CSV): one row per metric."""
    rows: list[dict[str, object]] = []

    def prf(metric: str, s: PRF) -> None:
        rows.append({"metric": metric, "precision": s.precision, "recall": s.recall,
                     "f1": s.f1, "correct": s.correct, "predicted": s.predicted,
                     "found": s.found, "gold": s.gold, "value": None, "total": None})

    def frac(metric: str, f: Fraction) -> None:
        rows.append({"metric": metric, "precision": None, "recall": None, "f1": None,
                     "correct": f.correct, "predicted": None, "found": None, "gold": None,
                     "value": f.value, "total": f.total})

    prf("entities", report.entities.overall)
    for t, s in report.entities.by_type.items():
        prf(f"entities.{t}", s)
    frac("entities.types", report.entities.types)
    d = report.deals
    prf("deals", d.by_parties)
    for name in ("complete", "kinds", "roles", "status", "dates", "end_dates"):
        frac(f"deals.{name}", getattr(d, name))
    prf("relations", report.relations.overall)
    for g, s in report.relations.groups.items():
        prf(f"relations.group.{g}", s)
    for p, s in report.relations.by_predicate.items():
        prf(f"relations.{p}", s)
    frac("negatives.violations", Fraction(correct=len(report.negatives.violations),
                                          total=report.negatives.checked))
    frac("evidence.bad", Fraction(correct=report.evidence.bad, total=report.evidence.checked))
    return rows


@app.command("eval")
def eval_command(
    gold_file: Annotated[Path, typer.Argument(help="Gold annotation in the seeds.json format",
                                              show_default=False)],
    articles: Annotated[list[Path] | None, typer.Argument(
        help="Article files or folders (default: beside the gold file, else ./seeds)",
        show_default=False)] = None,
    fmt: FormatOption = OutputFormat.table,
    show_misses: Annotated[bool, typer.Option(
        "--show-misses", help="Also list missed and unmatched items (table format)")] = False,
    keep_debatable: Annotated[bool, typer.Option(
        "--keep-debatable", help="Score the gold's debatable items like the others")] = False,
    min_deal_f1: Annotated[float | None, typer.Option(
        help="Exit 1 when deal F1 (by parties) is below this, e.g. 0.6")] = None,
    min_complete: Annotated[float | None, typer.Option(
        help="Exit 1 when the share of complete deals is below this, e.g. 0.5")] = None,
) -> None:
    """Score the extraction of annotated articles against a gold file.

    Example: anhui-kg eval tests/data/gold/seeds.json seeds --show-misses
    """
    with user_errors():
        from .pipeline import resolve_paths  # the pipeline is only needed by this command

        gold = load_gold(gold_file)
        paths = article_paths_for(gold_file, gold, articles)
        resolved = resolve_paths(paths)
        check_documents(gold, {a.id for a in resolved.articles}, paths)
        report = score(restrict_to_documents(resolved, gold.document_ids), gold,
                       ignore_debatable=not keep_debatable)
    if fmt is OutputFormat.json:
        typer.echo(to_json(report.model_dump(mode="json")))
    elif fmt is OutputFormat.csv:
        typer.echo(render(report_rows(report), fmt))
    else:
        typer.echo(format_report(report, show_misses=show_misses))
    failures = []
    deal_f1 = report.deals.by_parties.f1 or 0.0
    if min_deal_f1 is not None and deal_f1 < min_deal_f1:
        failures.append(f"deal F1 {deal_f1:.3f} is below --min-deal-f1 {min_deal_f1}")
    complete = report.deals.complete.value or 0.0
    if min_complete is not None and complete < min_complete:
        failures.append(f"complete deals {complete:.3f} is below --min-complete {min_complete}")
    if failures:
        typer.echo("Error: " + "; ".join(failures) + ". Run with --show-misses to see what "
                   "was missed.", err=True)
        raise typer.Exit(1)
