"""Issue 2 acceptance on the seeds, scored against tests/data/gold/seeds.json.

These figures come from the general extractor; nothing about these articles is in code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anhui_kg.documents import load_articles
from anhui_kg.evaluation import load_gold, score
from anhui_kg.pipeline import resolve_articles

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds():
    return load_articles(ROOT / "seeds")


@pytest.fixture(scope="module")
def resolved(seeds):
    return resolve_articles(seeds)


@pytest.fixture(scope="module")
def report(resolved):
    return score(resolved, load_gold(ROOT / "tests" / "data" / "gold" / "seeds.json"))


@pytest.mark.parametrize("etype", ["Company", "Person", "Place", "Brand"])
def test_entity_recall_at_least_095(report, etype):
    assert report.entities.by_type[etype].recall >= 0.95


@pytest.mark.parametrize("etype", ["Plant", "Product"])
def test_every_plant_and_product_found(report, etype):
    s = report.entities.by_type[etype]
    assert s.gold > 0 and s.found == s.gold


def test_deal_recall_and_precision_by_parties(report):
    assert report.deals.by_parties.recall >= 0.95
    assert report.deals.by_parties.precision >= 0.9


def test_at_least_17_of_19_deals_complete(report):
    assert report.deals.complete.total == 19
    assert report.deals.complete.correct >= 17


@pytest.mark.parametrize("group", ["roles", "headquartered_in", "brand_of"])
def test_relation_recall(report, group):
    assert report.relations.groups[group].recall >= 0.9


def test_no_bad_evidence_in_report(report):
    assert report.evidence.checked > 50 and report.evidence.bad == 0


def test_every_evidence_quotes_its_article(seeds, resolved):
    texts = {a.id: a.text for a in seeds}
    pieces = [e for d in resolved.deals for e in d.evidence] + [e for r in resolved.relations for e in r.evidence]
    assert pieces
    for e in pieces:
        assert texts[e.document][e.start : e.end] == e.text
