"""Pipeline: articles -> extraction -> resolution -> RDF -> store, the whole flow.

    articles = load_articles(paths)                  # documents
    extractions = [extract(a) for a in articles]     # mentions, dates, deals, relations
    resolved = resolve_entities(extractions, aliases) # one entity per real-world thing
    dataset = build_graph(resolved)                  # one named graph per article
    store.sync(dataset)                              # only changed graphs are rewritten

A build always resolves the new articles *together with* those already in the store (their
text is kept in the store), so a deal reported by an old and a new article is one deal, and
re-running a build changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import rdflib

from .documents import load_articles, split_sentences
from .errors import DocumentError, ShapeViolation
from .extraction import extract, load_aliases
from .graph import article_graphs, build_graph
from .models import Article, DateValue, Resolved
from .resolution import resolve_entities
from .store import Store
from .validation import check_evidence, validate

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class IngestReport:
    """What a build or a removal did to the store."""

    articles: int
    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]
    entities: int
    deals: int
    relations: int


def resolve_articles(articles: Sequence[Article], progress: Progress | None = None) -> Resolved:
    """Extract every article and resolve them together (pure: no disk, no clock)."""
    aliases = load_aliases()
    extractions = []
    for i, a in enumerate(articles, 1):
        extractions.append(extract(a, aliases))
        if progress:
            progress("extracting", i, len(articles))
    return resolve_entities(extractions, aliases)


def resolve_paths(paths: Sequence[Path]) -> Resolved:
    """Load the articles under ``paths`` and resolve them (used by ``anhui-kg eval``)."""
    return resolve_articles(load_articles(list(paths)))


def build(articles: Sequence[Article], progress: Progress | None = None, *,
          validate_shapes: bool = True) -> tuple[Resolved, rdflib.Dataset]:
    """The RDF of a corpus as a Dataset, checked (see ``checked_graphs``)."""
    resolved, graphs = checked_graphs(articles, progress, validate_shapes=validate_shapes)
    dataset = rdflib.Dataset()
    for name, triples in graphs:
        g = dataset.graph(name)
        for t in triples:
            g.add(t)
    return resolved, dataset


def checked_graphs(articles: Sequence[Article], progress: Progress | None = None, *,
                   validate_shapes: bool = True) -> tuple[Resolved, Iterable[tuple[str, list]]]:
    """Resolve a corpus and give its article graphs, checked before anything is written:
    evidence offsets always, and the SHACL shapes unless turned off for bulk loads (pySHACL
    costs about 80 ms per article). Without validation the graphs stream one at a time."""
    resolved = resolve_articles(articles, progress)
    bad = check_evidence(resolved)
    if bad:
        raise ShapeViolation("Evidence does not match its article:\n" + "\n".join(bad[:20]))
    if not validate_shapes:
        return resolved, article_graphs(resolved)
    dataset = build_graph(resolved)
    report = validate(dataset)
    if not report.conforms:
        raise ShapeViolation(
            "The built graph does not pass the SHACL shapes; nothing was written.\n"
            + "\n".join(report.problems[:20])
        )
    graphs = [(g.identifier, list(g)) for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier)) if len(g)]
    return resolved, graphs


def _write(store: Store, graphs: Iterable[tuple[str, list]]):
    if hasattr(store, "sync_graphs"):
        return store.sync_graphs(graphs)
    dataset = rdflib.Dataset()  # a store that takes whole datasets (the remote one)
    for name, triples in graphs:
        g = dataset.graph(name)
        for t in triples:
            g.add(t)
    return store.sync(dataset)


def ingest(paths: Sequence[Path], store: Store, *, progress: Progress | None = None,
           validate_shapes: bool = True) -> IngestReport:
    """Add or replace the articles under ``paths`` in ``store``; unchanged ones stay as they are."""
    new = load_articles(list(paths))
    if not new:
        raise DocumentError(
            f"No .txt or .md articles found in {', '.join(str(p) for p in paths)}."
        )
    hashes = stored_hashes(store)
    if all(hashes.get(a.id) == a.sha256 for a in new):
        # every article is already in the store with the same bytes: nothing to redo
        unchanged = tuple(sorted(a.id for a in new))
        counts = store_counts(store)
        return IngestReport(len(new), (), (), unchanged, *counts)
    corpus = {a.id: a for a in stored_articles(store)} if hashes else {}
    corpus.update({a.id: a for a in new})
    resolved, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id), progress,
                                      validate_shapes=validate_shapes)
    sync = _write(store, graphs)
    return _report(len(new), sync, resolved)


def remove(article: str, store: Store) -> IngestReport:
    """Retract one article: its graph goes, and facts it alone supported go with it."""
    corpus = {a.id: a for a in stored_articles(store)}
    if article not in corpus:
        known = ", ".join(sorted(corpus)) or "none"
        raise DocumentError(f"{article} is not in the store. Articles in the store: {known}.")
    del corpus[article]
    from .namespaces import document_iri

    if corpus:
        resolved, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id))
    else:
        resolved, graphs = Resolved(articles=(), entities=(), deals=(), relations=()), []
    store.remove_graph(str(document_iri(article)))
    sync = _write(store, graphs)
    return _report(0, sync, resolved)


def _report(n: int, sync, resolved: Resolved) -> IngestReport:
    from .namespaces import local_id

    def names(graphs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(local_id(g) for g in graphs)

    return IngestReport(
        articles=n,
        added=names(sync.added),
        replaced=names(sync.replaced),
        unchanged=names(sync.unchanged),
        entities=len(resolved.entities),
        deals=len(resolved.deals),
        relations=len(resolved.relations),
    )


def stored_hashes(store: Store) -> dict[str, str]:
    """File name -> content hash of every article in the store (cheap: no texts)."""
    rows = store.select(
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        "SELECT ?file ?sha WHERE { ?doc a akg:Document ; akg:fileName ?file ; akg:sha256 ?sha }"
    )
    return {str(r["file"]): str(r["sha"]) for r in rows}


def store_counts(store: Store) -> tuple[int, int, int]:
    """How many entities, deals and relation statements the store holds."""
    rows = store.select(
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        "SELECT (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?d) AS ?deals) (COUNT(DISTINCT ?r) AS ?relations) WHERE {"
        " { ?e akg:mentionedIn ?doc } UNION { ?d a akg:Deal } UNION { ?r a akg:RelationStatement } }"
    )
    r = rows[0]
    return int(r["entities"]), int(r["deals"]), int(r["relations"])


_STORED = """
PREFIX akg: <https://w3id.org/anhui-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
SELECT ?doc ?file ?text ?sha ?title ?publisher ?url ?pv ?pp ?pe ?pl ?po WHERE {
  GRAPH ?doc {
    ?doc a akg:Document ; akg:fileName ?file ; akg:text ?text ; akg:sha256 ?sha .
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc dcterms:publisher ?publisher }
    OPTIONAL { ?doc schema:url ?url }
    OPTIONAL { ?doc akg:published ?p . ?p akg:value ?pv ; akg:precision ?pp ;
               akg:earliest ?pe ; akg:latest ?pl ; akg:dateOrigin ?po }
  }
}
"""


def stored_articles(store: Store) -> list[Article]:
    """The articles whose text the store keeps, rebuilt as ``Article`` values."""
    out = []
    for row in store.select(_STORED):
        text = str(row["text"])
        published = None
        if row.get("pv") is not None:
            published = DateValue(
                value=str(row["pv"]), precision=str(row["pp"]),
                earliest=date.fromisoformat(str(row["pe"])), latest=date.fromisoformat(str(row["pl"])),
                origin=str(row["po"]),
            )
        out.append(Article(
            id=str(row["file"]), text=text, sha256=str(row["sha"]),
            title=str(row["title"]) if row.get("title") is not None else None,
            publisher=str(row["publisher"]) if row.get("publisher") is not None else None,
            url=str(row["url"]) if row.get("url") is not None else None,
            published=published, sentences=split_sentences(text),
        ))
    return sorted(out, key=lambda a: a.id)
