"""The build pipeline on the embedded store: idempotent, replaces changed articles,
retracts removed ones, and never half-writes on bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from anhui_kg.errors import DocumentError
from anhui_kg.pipeline import ingest, remove, stored_articles
from anhui_kg.store import open_store
from anhui_kg.views import partners

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    for f in ["000_eed22a385a605605.txt", "004_80b14bbd49614d06.txt", "manifest.json"]:
        shutil.copy(ROOT / "seeds" / f, d / f)
    return d


def test_build_twice_is_idempotent(tmp_path, corpus):
    store = open_store(tmp_path / "s")
    first = ingest([corpus], store)
    assert len(first.added) == 2 and first.deals > 5
    quads = sorted(map(str, store.dataset().quads()))
    again = ingest([corpus], store)
    assert again.added == () and again.replaced == () and len(again.unchanged) == 2
    assert sorted(map(str, store.dataset().quads())) == quads


def test_store_persists_on_disk(tmp_path, corpus):
    path = tmp_path / "s"
    store = open_store(path)
    ingest([corpus], store)
    n = len(store)
    store.close()
    reopened = open_store(path)
    assert len(reopened) == n
    assert {a.id for a in stored_articles(reopened)} == {"000_eed22a385a605605.txt", "004_80b14bbd49614d06.txt"}


def test_changed_article_replaces_its_facts(tmp_path, corpus):
    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    assert any(d["kind"] == "strategic_cooperation" and {p["name"] for p in d["parties"]} >= {"Weichai Group"}
               for d in partners(store))
    art = corpus / "004_80b14bbd49614d06.txt"
    art.write_text("JAC Motors and Gamma Chips have signed a supply agreement in Hefei.\n", encoding="utf-8")
    report = ingest([corpus], store)
    assert report.replaced == ("004_80b14bbd49614d06.txt",)
    names = {p["name"] for d in partners(store) for p in d["parties"]}
    assert "Weichai Group" not in names and "Gamma Chips" in names


def test_remove_retracts_facts_only_that_article_supported(tmp_path, corpus):
    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    remove("004_80b14bbd49614d06.txt", store)
    names = {p["name"] for d in partners(store) for p in d["parties"]}
    assert "Weichai Group" not in names and "NIO" in names
    with pytest.raises(DocumentError, match="is not in the store"):
        remove("004_80b14bbd49614d06.txt", store)


def test_bad_input_leaves_store_untouched(tmp_path, corpus):
    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    before = sorted(map(str, store.dataset().quads()))
    (corpus / "broken.txt").write_bytes(b"\xff\xfe not utf-8 \x80")
    with pytest.raises(DocumentError):
        ingest([corpus], store)
    assert sorted(map(str, store.dataset().quads())) == before


def test_unchanged_articles_are_skipped_by_hash(tmp_path, corpus, monkeypatch):
    store = open_store(tmp_path / "s")
    first = ingest([corpus], store)
    import anhui_kg.pipeline as pipeline

    def no_extraction(*a, **k):
        raise AssertionError("unchanged articles must not be extracted again")

    monkeypatch.setattr(pipeline, "resolve_articles", no_extraction)
    again = ingest([corpus], store)
    assert again.unchanged == tuple(sorted(first.added))
    assert (again.entities, again.deals, again.relations) == (first.entities, first.deals, first.relations)


def test_skipping_shacl_writes_the_same_graph(tmp_path, corpus):
    """--no-validate only skips the check: the streamed graphs equal the validated ones."""
    checked, streamed = open_store(None), open_store(None)
    ingest([corpus], checked, validate_shapes=True)
    ingest([corpus], streamed, validate_shapes=False)
    assert sorted(map(str, checked.dataset().quads())) == sorted(map(str, streamed.dataset().quads()))


def test_article_graphs_state_their_digest(tmp_path, corpus):
    from anhui_kg.graph import graph_digest
    from anhui_kg.namespaces import AKG

    store = open_store(None)
    ingest([corpus], store)
    for name in store.graph_names():
        triples = store.triples(name)
        [digest] = [t for t in triples if t[1] == AKG.graphDigest]
        assert str(digest[0]) == name
        assert str(digest[2]) == graph_digest([t for t in triples if t != digest])


# -- resolution in two passes, in worker processes ---------------------------------------

def _dev_articles():
    from anhui_kg.documents import load_articles

    return load_articles(ROOT / "tests" / "data" / "dev") + load_articles(ROOT / "seeds")


def test_worker_processes_resolve_exactly_like_one_process(monkeypatch):
    from anhui_kg import pipeline
    from anhui_kg.pipeline import resolve_articles

    articles = _dev_articles()
    one = resolve_articles(articles, jobs=1)
    monkeypatch.setattr(pipeline, "_CHUNK", 2)  # so 18 articles are enough for the pool
    two = resolve_articles(articles, jobs=2)
    assert two == one
    assert len(one.deals) > 30 and len(one.articles) == len(articles)


def test_resolution_does_not_depend_on_article_order():
    from anhui_kg.extraction import extract, load_aliases
    from anhui_kg.resolution import resolve_entities

    aliases = load_aliases()
    xs = [extract(a, aliases) for a in _dev_articles()]
    assert resolve_entities(list(reversed(xs)), aliases) == resolve_entities(xs, aliases)


def test_resolver_refuses_claims_before_the_entities_are_settled():
    from anhui_kg.extraction import extract, load_aliases
    from anhui_kg.resolution import Resolver

    aliases = load_aliases()
    x = extract(_dev_articles()[0], aliases)
    resolver = Resolver(aliases)
    resolver.add_mentions(x.article.id, x.mentions)
    with pytest.raises(RuntimeError, match="settle_entities"):
        resolver.add_claims(x)


# -- bulk loading, and builds cut short ----------------------------------------------------

def _quads(store):
    return sorted(map(str, store.dataset().quads()))


def test_bulk_loaded_build_equals_transactional_build(tmp_path, corpus, monkeypatch):
    from anhui_kg import store as store_module

    plain = open_store(tmp_path / "plain")
    ingest([corpus], plain)
    monkeypatch.setattr(store_module, "_BULK_MIN", 10)  # every write through the bulk loader ...
    monkeypatch.setattr(store_module, "_PART_QUADS", 200)  # ... in many parts
    bulk = open_store(tmp_path / "bulk")
    ingest([corpus], bulk)
    assert _quads(bulk) == _quads(plain)
    assert len(bulk) == len(plain) > 500
    union = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert bulk.select(union) == plain.select(union)


def test_a_build_cut_short_is_completed_by_building_again(tmp_path, corpus, monkeypatch):
    from anhui_kg.errors import StoreError
    from anhui_kg.pipeline import stored_hashes
    from anhui_kg.store import Store

    clean = open_store(tmp_path / "clean")
    ingest([corpus], clean)

    store = open_store(tmp_path / "s")

    def crash(self, quads):
        raise StoreError("disk full")

    with monkeypatch.context() as m:
        m.setattr(Store, "_extend", crash)  # the last step: the graphs' digests
        with pytest.raises(StoreError):
            ingest([corpus], store)
    assert len(store.graph_names()) == 2  # the triples went in ...
    assert stored_hashes(store) == {}  # ... but no article counts as stored
    again = ingest([corpus], store)
    assert len(again.replaced) == 2
    assert _quads(store) == _quads(clean)


def test_article_by_article_graphs_equal_the_whole_corpus_graphs():
    from anhui_kg.graph import article_graphs
    from anhui_kg.pipeline import resolve_corpus

    resolver = resolve_corpus(_dev_articles())
    whole = list(article_graphs(resolver.result()))
    sliced = [graph for part in resolver.slices() for graph in article_graphs(part)]
    assert [name for name, _ in sliced] == [name for name, _ in whole]
    assert all(set(a) == set(b) for (_, a), (_, b) in zip(sliced, whole))
    entities, deals, relations = resolver.counts()
    assert deals > 30 and relations > 30 and entities > 50


# -- extraction cache ---------------------------------------------------------------------

def _counting_extractions(monkeypatch) -> list[str]:
    """Record the id of every article the pipeline extracts (one process, so it is seen)."""
    from anhui_kg import pipeline

    seen: list[str] = []
    real = pipeline._extract_one

    def counted(article):
        seen.append(article.id)
        return real(article)

    monkeypatch.setattr(pipeline, "_extract_one", counted)
    return seen


def test_a_build_extracts_only_articles_the_cache_does_not_hold(tmp_path, corpus, monkeypatch):
    seen = _counting_extractions(monkeypatch)
    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    assert sorted(seen) == ["000_eed22a385a605605.txt", "004_80b14bbd49614d06.txt"]

    seen.clear()
    shutil.copy(ROOT / "seeds" / "002_eebd724f59e31512.txt", corpus)
    report = ingest([corpus], store)
    assert report.added == ("002_eebd724f59e31512.txt",)
    assert seen == ["002_eebd724f59e31512.txt"]  # the two stored articles came from the cache

    seen.clear()
    changed = corpus / "004_80b14bbd49614d06.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nJAC said more later.\n", encoding="utf-8")
    ingest([corpus], store)
    assert seen == ["004_80b14bbd49614d06.txt"]  # a changed text misses

    fresh = open_store(tmp_path / "fresh")  # and the cache changes nothing in the result
    monkeypatch.undo()
    ingest([corpus], fresh)
    assert _quads(store) == _quads(fresh)


def test_a_changed_extractor_misses_the_cache(tmp_path, corpus, monkeypatch):
    from anhui_kg import cache

    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    seen = _counting_extractions(monkeypatch)
    monkeypatch.setattr(cache, "extractor_fingerprint", lambda: "an edited extractor")
    shutil.copy(ROOT / "seeds" / "002_eebd724f59e31512.txt", corpus)
    ingest([corpus], store)
    assert len(seen) == 3


def test_an_upgraded_extractor_reads_unchanged_articles_again(tmp_path, corpus, monkeypatch):
    """The same articles built again after an upgrade are not left with the old extractor's
    facts: the cache, keyed by the extractor, misses, and the build reads them again."""
    from anhui_kg import cache

    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    seen = _counting_extractions(monkeypatch)
    ingest([corpus], store)
    assert seen == []  # the same extractor: nothing to redo
    monkeypatch.setattr(cache, "extractor_fingerprint", lambda: "an upgraded extractor")
    ingest([corpus], store)
    assert sorted(seen) == ["000_eed22a385a605605.txt", "004_80b14bbd49614d06.txt"]


def test_removed_articles_leave_the_cache(tmp_path, corpus):
    from anhui_kg.cache import FILE_NAME, ExtractionCache

    store = open_store(tmp_path / "s")
    ingest([corpus], store)
    remove("000_eed22a385a605605.txt", store)
    with ExtractionCache(tmp_path / "s" / FILE_NAME) as held:
        assert len(held.keys()) == 1
    remove("004_80b14bbd49614d06.txt", store)
    with ExtractionCache(tmp_path / "s" / FILE_NAME) as held:
        assert held.keys() == set()


def test_an_unreadable_cache_is_set_aside_and_rebuilt(tmp_path, corpus):
    from anhui_kg.cache import FILE_NAME

    clean = open_store(tmp_path / "clean")
    ingest([corpus], clean)
    store = open_store(tmp_path / "s")
    (tmp_path / "s" / FILE_NAME).write_bytes(b"not a database, " * 100)
    with pytest.warns(UserWarning, match="could not be read"):
        ingest([corpus], store)
    assert (tmp_path / "s" / (FILE_NAME + ".broken")).exists()
    assert _quads(store) == _quads(clean)


def test_a_deal_told_with_fewer_parties_in_another_article_is_the_same_deal():
    from anhui_kg.extraction import extract, load_aliases
    from anhui_kg.models import Article
    from anhui_kg.documents import split_sentences
    from anhui_kg.extraction.dates import make_date
    from anhui_kg.resolution import resolve_entities

    def article(name, text):
        return Article(id=name, text=text, sha256="0" * 64, published=make_date("2025-04", origin="metadata"),
                       sentences=split_sentences(text))

    aliases = load_aliases()
    report = article("a.txt", "In August 2024 Kestrel Brake Co. completed the purchase of all of Lumen Hamulce sp. z o.o. "
                              "from the investment firm Arden Mezzanine Partners for 27 million euros.")
    factbox = article("b.txt", "* Kestrel Brake Co. bought Polish caliper foundry Lumen Hamulce in August 2024.")
    resolved = resolve_entities([extract(report, aliases), extract(factbox, aliases)], aliases)
    [deal] = [d for d in resolved.deals if d.kind == "investment"]
    assert {e.document for e in deal.evidence} == {"a.txt", "b.txt"}
    assert sorted(p.role for p in deal.parties) == ["investee", "investor", "seller"]
    # a venture with a third founder named in a list is not folded into: its roles say nothing
    jv_a = article("c.txt", "Kestrel Brake Co. and Lumen Motors signed a framework agreement in April 2025.")
    jv_b = article("d.txt", "Kestrel Brake Co., Lumen Motors and Arden Motor Parts Co. signed a framework agreement "
                            "in April 2025.")
    resolved = resolve_entities([extract(jv_a, aliases), extract(jv_b, aliases)], aliases)
    assert len([d for d in resolved.deals if d.kind == "framework_agreement"]) == 2
