"""Pipeline: articles -> extraction -> resolution -> RDF -> store, the whole flow.

    articles = load_articles(paths)                   # documents
    resolver = resolve_corpus(articles, jobs=N)       # extract (N processes), resolve in two passes
    graphs = (article_graphs(part) for part in resolver.slices())  # one named graph per article
    store.sync_graphs(graphs)                         # only changed graphs are written

A build always resolves the new articles *together with* those already in the store (their
text is kept in the store), so a deal reported by an old and a new article is one deal, and
re-running a build changes nothing. An on-disk store keeps each article's extraction in an
``ExtractionCache``, so the articles already stored are read back rather than extracted again.
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

from .cache import ExtractionCache, article_key
from .documents import load_articles, split_sentences
from .errors import DocumentError, ShapeViolation
from .extraction import Aliases, extract, load_aliases
from .graph import article_graphs, build_graph
from .models import Article, DateValue, DealClaim, Extraction, Mention, RelationClaim, Resolved
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
                   jobs: int = 1, cache: ExtractionCache | None = None) -> Resolver:
    """Extract every article and resolve them together, as a ``Resolver`` whose result
    can be taken whole (``result``) or one article at a time (``slices``).

    A corpus of any size streams through in two passes, so memory holds the merged deals
    and relations (and the article texts) but never every article's extraction:

    1. each article is extracted (in ``jobs`` worker processes when ``jobs > 1``), or
       read from ``cache`` if it holds the article; its mentions feed the entity
       clusters, and its mentions and claims are spilled, as JSON, to a temporary file;
    2. the entities are settled, then the spilled mentions and claims are read back in
       the same order and the claims merged.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    resolver = Resolver(load_aliases())
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spill:
        # JSON escapes line breaks, so each article is two lines: mentions, claims
        # strict: the extractions end with the articles, and their generator runs to its
        # end, where the cache drops what the corpus no longer holds
        extracted = zip(ordered, _extract_all(ordered, jobs, cache), strict=True)
        for i, (article, (mentions_json, claims_json)) in enumerate(extracted, 1):
            resolver.add_mentions(article.id, _MENTIONS.validate_json(mentions_json))
            spill.write(f"{mentions_json}\n{claims_json}\n")
            if progress:
                progress("extracting", i, len(ordered))
        resolver.settle_entities()
        spill.seek(0)
        for i, article in enumerate(ordered, 1):
            mentions = _MENTIONS.validate_json(spill.readline())
            deals, relations = _CLAIMS.validate_json(spill.readline())
            resolver.add_claims(Extraction(article=article, mentions=mentions, dates=(),
                                           deals=deals, relations=relations))
            if progress:
                progress("resolving", i, len(ordered))
    return resolver


_MENTIONS = TypeAdapter(tuple[Mention, ...])
_CLAIMS = TypeAdapter(tuple[tuple[DealClaim, ...], tuple[RelationClaim, ...]])
_ALIASES: Aliases | None = None


def _extract_one(article: Article) -> tuple[str, str]:
    """One article's mentions and its (deal claims, relation claims), as JSON."""
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = load_aliases()
    if not article.sentences:
        article = article.model_copy(update={"sentences": split_sentences(article.text)})
    x = extract(article, _ALIASES)
    return _MENTIONS.dump_json(x.mentions).decode(), _CLAIMS.dump_json((x.deals, x.relations)).decode()


def _extract_all(articles: Sequence[Article], jobs: int,
                 cache: ExtractionCache | None = None) -> Iterator[tuple[str, str]]:
    """``_extract_one`` over the articles in their order, in ``jobs`` processes if more
    than one. With a ``cache``, the articles it holds are read from it, the others are
    added to it, and entries for articles not among ``articles`` (removed or changed
    since) are dropped."""
    if cache is None:
        yield from _extract_many(articles, jobs)
        return
    keys = [article_key(a) for a in articles]
    held = cache.keys()
    fresh = _extract_many([a for a, k in zip(articles, keys) if k not in held], jobs)
    for article, key in zip(articles, keys):
        if key in held:
            yield cache.get(key) or _extract_one(article)
        else:
            found = next(fresh)
            cache.put(key, *found)
            yield found
    cache.retain(keys)


def _extract_many(articles: Sequence[Article], jobs: int) -> Iterator[tuple[str, str]]:
    if jobs <= 1 or len(articles) < 2 * _CHUNK:
        yield from map(_extract_one, articles)
        return
    with multiprocessing.get_context(_START_METHOD).Pool(jobs) as pool:
        yield from pool.imap(_extract_one, articles, chunksize=_CHUNK)


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


def checked_graphs(articles: Sequence[Article], progress: Progress | None = None, *,
                   validate_shapes: bool = True, jobs: int = 1,
                   cache: ExtractionCache | None = None
                   ) -> tuple[tuple[int, int, int], Iterable[tuple[str, list]]]:
    """Resolve a corpus and give how many entities, deals and relations it holds and its
    article graphs, checked before anything is written: evidence offsets always, and the
    SHACL shapes unless turned off for bulk loads (pySHACL costs about 80 ms per article).

    Without validation the graphs stream one article at a time (``Resolver.slices``), so
    the corpus's deal and relation values are never all in memory at once."""
    resolver = resolve_corpus(articles, progress, jobs=jobs, cache=cache)
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
    cache = ExtractionCache.beside(store)
    if all(hashes.get(a.id) == a.sha256 for a in new) and (
            cache is None or {article_key(a) for a in new} <= cache.keys()):
        # every article is already in the store with the same bytes, read by this very
        # extractor (an upgraded one misses the cache and reads them all again): nothing to redo
        if cache is not None:
            cache.close()
        unchanged = tuple(sorted(a.id for a in new))
        counts = store_counts(store)
        return IngestReport(len(new), (), (), unchanged, *counts)
    corpus = {a.id: a for a in stored_articles(store)} if hashes else {}
    corpus.update({a.id: a for a in new})
    n, total = len(new), len(corpus)
    counts, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id), progress,
                                    validate_shapes=validate_shapes, jobs=jobs, cache=cache)
    if progress:
        graphs = _counted(graphs, progress, total)
    # From here only the graph stream holds the corpus, so it is freed once the graphs are
    # spooled, before the store loads them (the bulk loader needs memory of its own).
    del new, corpus
    try:
        return _report(n, _write(store, graphs), counts)
    finally:
        if cache is not None:
            cache.close()


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

    cache = ExtractionCache.beside(store)
    try:
        if corpus:
            counts, graphs = checked_graphs(sorted(corpus.values(), key=lambda a: a.id),
                                            jobs=jobs, cache=cache)
        else:
            counts, graphs = (0, 0, 0), []
            if cache is not None:
                cache.retain(())
        store.remove_graph(str(document_iri(article)))
        return _report(0, _write(store, graphs), counts)
    finally:
        if cache is not None:
            cache.close()


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
