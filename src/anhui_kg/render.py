"""Rendering of listing rows for the terminal: table, JSON or CSV. Touches stdout only via the CLI."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from typing import Any


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def _flat(value: Any) -> str:
    """One cell of a table or CSV: lists joined with '; ', dicts as compact JSON, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        if set(value) >= {"name"}:
            return str(value["name"])
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def to_json(rows: Any) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    columns = columns or (list(rows[0]) if rows else [])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_flat(r.get(c)) for c in columns])
    return buf.getvalue()


def to_table(rows: list[dict[str, Any]], columns: list[str] | None = None, *, width: int = 60) -> str:
    """A plain-text table; cells longer than ``width`` are cut with an ellipsis.

    Examples
    --------
    >>> print(to_table([{"a": 1, "b": "x"}, {"a": 22, "b": None}]))
    a   b
    --  -
    1   x
    22
    """
    columns = columns or (list(rows[0]) if rows else [])
    cells = [[_flat(r.get(c)) for c in columns] for r in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(col)] + [len(row[i]) for row in cells]) for i, col in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def render(rows: list[dict[str, Any]], fmt: OutputFormat, columns: list[str] | None = None) -> str:
    """Rows as text in the chosen format. JSON keeps the full nested rows; table/CSV flatten."""
    if fmt is OutputFormat.json:
        return to_json(rows)
    if fmt is OutputFormat.csv:
        return to_csv(rows, columns)
    if not rows:
        return "(no rows)"
    return to_table(rows, columns)
