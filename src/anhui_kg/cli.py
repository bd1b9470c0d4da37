"""The ``anhui-kg`` command line: each command parses, calls one library function, renders.

Only ``KgError`` is caught (printed to stderr, exit status 1); anything else is a bug and
shows its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from .errors import KgError
from .render import OutputFormat
from .store import STORE_ENV, default_store_path

app = typer.Typer(
    help="Knowledge graph of the Anhui auto-industry alliance: who partnered with whom, when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table, json or csv")
]
StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        envvar=STORE_ENV,
        help="Store folder (embedded Oxigraph; default ./anhui-kg.store) or a SPARQL server URL",
        default_factory=default_store_path,
        show_default=False,
    ),
]


def fail(message: str) -> None:
    """Print an error for the user and exit 1."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(1)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a KgError raised inside a command into 'Error: ...' on stderr and exit 1.

    Every command body runs inside ``with user_errors():`` so CliRunner tests and the
    console script behave the same.
    """
    try:
        yield
    except KgError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None


def main() -> None:
    """Console-script entry point: run the app, turning KgError into a clean message."""
    try:
        app(standalone_mode=True)
    except KgError as exc:  # raised outside a command body (e.g. while opening the store)
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)


# Command modules register themselves on `app` when imported (one module per area).
from . import cli_commands  # noqa: E402,F401  (build, partners, entities, relations, show, query, remove)
from . import cli_network  # noqa: E402,F401   (analyze, export)
from . import cli_eval  # noqa: E402,F401      (eval)
from . import cli_serve  # noqa: E402,F401  (serve)
