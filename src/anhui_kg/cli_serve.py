"""The ``serve`` command: store -> a SPARQL 1.1 Protocol endpoint on http://127.0.0.1:7878/sparql.

Contract: opens the store (refusing a missing one unless ``--allow-update``), calls
``anhui_kg.server.make_server`` and serves until Ctrl-C, then closes the server and the
store and exits 0. Everything it says goes to stderr: one line saying where it serves, a
warning when the address is not loopback or the store is empty, and one access-log line
per request (the ``anhui_kg.server`` logger).
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from .cli import StoreOption, app, fail, user_errors
from .server import is_loopback, make_server
from .store import open_store


@app.command()
def serve(
    store: StoreOption,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback only by default)")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0 = any free port)", min=0,
                                      max=65535)] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run before 503",
                                           min=0.001)] = 10.0,
    limit: Annotated[int, typer.Option(help="Most rows or triples in one answer", min=1)]
    = 10_000,
    allow_update: Annotated[bool, typer.Option("--allow-update",
                                               help="Accept SPARQL updates (read-only otherwise)")]
    = False,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (for YASGUI, SPARQLWrapper, curl, ...).

    Example: anhui-kg serve --port 7878, then
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql
    """
    with user_errors():
        if not store.exists() and not allow_update:
            fail(f"There is no store at {store}. Run `anhui-kg build` first, or pass --store.")
        if not is_loopback(host):
            typer.echo(f"Warning: listening on {host} makes the endpoint reachable from other "
                       "machines, and it has no authentication.", err=True)
        with open_store(store) as st:
            if len(st) == 0:
                typer.echo(f"Warning: the store at {store} is empty. Run `anhui-kg build` "
                           "to fill it.", err=True)
            try:
                server = make_server(st, host, port, timeout=timeout, limit=limit,
                                     allow_update=allow_update)
            except OSError as exc:
                fail(f"Cannot listen on {host}:{port}: {exc.strerror or exc}. "
                     "Pass another --port (or --port 0 for any free one).")
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
            logger = logging.getLogger("anhui_kg.server")
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            mode = "" if not allow_update else " (updates allowed)"
            typer.echo(f"Serving the SPARQL endpoint of {store} at {server.url}{mode} "
                       "— Ctrl-C to stop", err=True)
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                typer.echo("Stopped.", err=True)
            finally:
                server.server_close()
                logger.removeHandler(handler)
