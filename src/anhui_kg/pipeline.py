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

import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import rdflib
from pydantic import TypeAdapter

from .documents import load_articles, split_sentences
from .errors import DocumentError, ShapeViolation
from .extraction import Aliases, extract, load_aliases
from .graph import article_graphs, build_graph
from .models import Article, DateValue, Extraction, Mention, Resolved
from .resolution import Resolver
from .store import Store
from .validation import evidence_problems, validate

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


def resolve_articles(articles: Sequence[Article], progress: Progress | None = None, *,
                     jobs: int = 1) -> Resolved:
    """Extract every article and resolve them together (no store, no clock)."""
    return resolve_corpus(articles, progress, jobs=jobs).result()


def resolve_corpus(articles: Sequence[Article], progress: Progress | None = None, *,
                   jobs: int = 1) -> Resolver:
    """Extract every article and resolve them together, as a ``Resolver`` whose result
    can be taken whole (``result``) or one article at a time (``slices``).

    A corpus of any size streams through in two passes, so memory holds the merged deals
    and relations (and the article texts) but never every article's extraction:

    1. each article is extracted (in ``jobs`` worker processes when ``jobs > 1``); its
       mentions feed the entity clusters and the whole extraction is spilled, as JSON, to
       a temporary file;
    2. the entities are settled, then the spilled extractions are read back in the same
       order and their deal and relation claims merged.
    """
    resolver = Resolver(load_aliases())
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spill:
        for i, (article_id, mentions_json, extraction_json) in enumerate(_extract_all(articles, jobs), 1):
            resolver.add_mentions(article_id, _MENTIONS.validate_json(mentions_json))
            spill.write(extraction_json)
            spill.write("\n")
            if progress:
                progress("extracting", i, len(articles))
        resolver.settle_entities()
        spill.seek(0)
        # the articles the caller holds, not the copies read back: one copy of the texts
        given = {a.id: a if not a.sentences else a.model_copy(update={"sentences": ()}) for a in articles}
        for i, line in enumerate(spill, 1):
            x = Extraction.model_validate_json(line)
            resolver.add_claims(x.model_copy(update={"article": given[x.article.id]}))
            if progress:
                progress("resolving", i, len(articles))
    return resolver


_MENTIONS = TypeAdapter(tuple[Mention, ...])
_ALIASES: Aliases | None = None


def _extract_one(article: Article) -> tuple[str, str, str]:
    """One article's extraction as JSON: (article id, its mentions, all of it). The article
    is kept without its sentences (nothing after extraction needs them)."""
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = load_aliases()
    if not article.sentences:
        article = article.model_copy(update={"sentences": split_sentences(article.text)})
    x = extract(article, _ALIASES)
    x = x.model_copy(update={"article": article.model_copy(update={"sentences": ()}), "dates": ()})
    return article.id, _MENTIONS.dump_json(x.mentions).decode(), x.model_dump_json()


def _extract_all(articles: Sequence[Article], jobs: int) -> Iterator[tuple[str, str, str]]:
    """``_extract_one`` over the articles sorted by id, in ``jobs`` processes if more than one."""
    ordered = sorted(articles, key=lambda a: a.id)
    if jobs <= 1 or len(ordered) < 2 * _CHUNK:
        yield from map(_extract_one, ordered)
        return
    with multiprocessing.get_context(_START_METHOD).Pool(jobs) as pool:
        yield from pool.imap(_extract_one, ordered, chunksize=_CHUNK)


_CHUNK = 32
_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def default_jobs() -> int:
    """Worker processes for extraction: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def resolve_paths(paths: Sequence[Path]) -> Resolved:
    """Load the articles under ``paths`` and resolve them (used by ``anhui-kg eval``)."""
    return resolve_articles(load_articles(list(paths)))


def build(articles: Sequence[Article], progress: Progress | None = None, *,
          validate_shapes: bool = True, jobs: int = 1) -> tuple[tuple[int, int, int], rdflib.Dataset]:
    """The RDF of a corpus as a Dataset, checked (see ``checked_graphs``), and how many
    entities, deals and relations it holds."""
    counts, graphs = checked_graphs(articles, progress, validate_shapes=validate_shapes, jobs=jobs)
    dataset = rdflib.Dataset()
    for name, triples in graphs:
        g = dataset.graph(name)
        for t in triples:
            g.add(t)
    return counts, dataset


def checked_graphs(articles: Sequence[Article], progress: Progress | None = None, *,
                   validate_shapes: bool = True, jobs: int = 1
                   ) -> tuple[tuple[int, int, int], Iterable[tuple[str, list]]]:
    """Resolve a corpus and give how many entities, deals and relations it holds and its
    article graphs, checked before anything is written: evidence offsets always, and the
    SHACL shapes unless turned off for bulk loads (pySHACL costs about 80 ms per article).

    Without validation the graphs stream one article at a time (``Resolver.slices``), so
    the corpus's deal and relation values are never all in memory at once."""
    resolver = resolve_corpus(articles, progress, jobs=jobs)
    bad = evidence_problems(resolver.texts(), resolver.evidence())
    if bad:
        raise ShapeViolation("Evidence does not match its article:\n" + "\n".join(bad[:20]))
    counts = resolver.counts()
    if not validate_shapes:
        return counts, (graph for part in resolver.slices() for graph in article_graphs(part))
    dataset = build_graph(resolver.result())
    report = validate(dataset)
    if not report.conforms:
        raise ShapeViolation(
            "The built graph does not pass the SHACL shapes; nothing was written.\n"
            + "\n".join(report.problems[:20])
        )
    graphs = [(g.identifier, list(g)) for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier)) if len(g)]
    return counts, graphs


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
           validate_shapes: bool = True, jobs: int = 1) -> IngestReport:
    """Add or replace the articles under ``paths`` in ``store``; unchanged ones stay as they are.

    ``jobs`` worker processes extract the articles (see ``default_jobs``)."""
    new = load_articles(list(paths), sentences=False)
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
    n, total = len(new), len(corpus)
    counts, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id), progress,
                                    validate_shapes=validate_shapes, jobs=jobs)
    if progress:
        graphs = _counted(graphs, progress, total)
    # From here only the graph stream holds the corpus, so it is freed once the graphs are
    # spooled, before the store loads them (the bulk loader needs memory of its own).
    del new, corpus
    return _report(n, _write(store, graphs), counts)


def _counted(graphs: Iterable[tuple[str, list]], progress: Progress, total: int):
    for i, graph in enumerate(graphs, 1):
        yield graph
        progress("writing", i, total)


def remove(article: str, store: Store, *, jobs: int = 1) -> IngestReport:
    """Retract one article: its graph goes, and facts it alone supported go with it."""
    corpus = {a.id: a for a in stored_articles(store)}
    if article not in corpus:
        known = ", ".join(sorted(corpus)) or "none"
        raise DocumentError(f"{article} is not in the store. Articles in the store: {known}.")
    del corpus[article]
    from .namespaces import document_iri

    if corpus:
        counts, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id), jobs=jobs)
    else:
        counts, graphs = (0, 0, 0), []
    store.remove_graph(str(document_iri(article)))
    return _report(0, _write(store, graphs), counts)


def _report(n: int, sync, counts: tuple[int, int, int]) -> IngestReport:
    from .namespaces import local_id

    def names(graphs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(local_id(g) for g in graphs)

    return IngestReport(
        articles=n,
        added=names(sync.added),
        replaced=names(sync.replaced),
        unchanged=names(sync.unchanged),
        entities=counts[0],
        deals=counts[1],
        relations=counts[2],
    )


def stored_hashes(store: Store) -> dict[str, str]:
    """File name -> content hash of every article stored completely (cheap: no texts).

    An article graph states its digest last (see ``Store.sync_graphs``); one without it
    was cut short by an interrupted build and counts as not stored, so it is rebuilt."""
    rows = store.select(
        "PREFIX akg: <https://w3id.org/anhui-kg/ontology#>\n"
        "SELECT ?file ?sha WHERE { GRAPH ?doc { ?doc a akg:Document ; akg:fileName ?file ; "
        "akg:sha256 ?sha ; akg:graphDigest ?digest } }"
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
            published=published,
        ))
    return sorted(out, key=lambda a: a.id)
