"""Evaluation: scoring a Resolved against a gold file, with figures checked by hand."""

from __future__ import annotations

import calendar
import json
import re
import sys
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from anhui_kg.errors import KgError
from anhui_kg.evaluation import (
    EvalReport,
    Gold,
    GoldError,
    fallback_key,
    format_report,
    load_gold,
    normalize_name,
    restrict_to_documents,
    score,
)
from anhui_kg.extraction.dates import make_date
from anhui_kg.models import (
    Article,
    DateValue,
    Deal,
    Entity,
    Evidence,
    Money,
    Party,
    Relation,
    Resolved,
)

HERE = Path(__file__).parent
GOLD_FILE = HERE / "data" / "gold" / "seeds.json"
SEEDS = HERE.parent / "seeds"

DOC = "a.txt"
TEXT = ("NIO and JAC Motors signed a deal in Hefei on January 6. "
        "William Li is the CEO of NIO. JAC is based in Hefei.")


# ---------------------------------------------------------------------------- helpers


def bounds(value: str) -> tuple[date, date]:
    """First and last day of a gold-style date string (written independently of the code)."""
    y = int(value[:4])
    rest = value[5:]
    if not rest:
        return date(y, 1, 1), date(y, 12, 31)
    if re.fullmatch(r"\d\d-\d\d", rest):
        d = date.fromisoformat(value)
        return d, d
    if re.fullmatch(r"\d\d", rest):
        m = int(rest)
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[rest]
    return (date(y, months[0], 1),
            date(y, months[1], calendar.monthrange(y, months[1])[1]))


def dv(value: str, precision: str) -> DateValue:
    lo, hi = bounds(value)
    return DateValue(value=value, precision=precision, earliest=lo, latest=hi)


def precision_of(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    return "season"


def ev(quote: str, doc: str = DOC, text: str = TEXT) -> Evidence:
    start = text.index(quote)
    return Evidence(document=doc, start=start, end=start + len(quote), text=quote)


def article(doc: str = DOC, text: str = TEXT) -> Article:
    return Article(id=doc, text=text, sha256="0" * 64)


def gold_of(**parts: Any) -> Gold:
    data: dict[str, Any] = {"documents": [{"file": DOC}], "entities": GOLD_ENTITIES}
    data.update(parts)
    return Gold.model_validate(data)


GOLD_ENTITIES = [
    {"id": "nio", "type": "Company", "name": "NIO", "aliases": ["Nio"]},
    {"id": "jac", "type": "Company", "name": "JAC Motors", "aliases": ["JAC", "JAC Group"]},
    {"id": "geely", "type": "Company", "name": "Geely"},
    {"id": "hefei", "type": "Place", "name": "Hefei"},
    {"id": "william-li", "type": "Person", "name": "William Li", "aliases": ["Li"]},
]
GOLD_DEAL = {"id": "deal-nio-jac", "kind": "joint_venture", "date": "2026-01-06",
             "date_precision": "day", "status": "signed", "place": "hefei",
             "parties": [{"entity": "nio", "role": "party"}, {"entity": "jac", "role": "party"}]}
GOLD_RELATIONS = [
    {"subject": "william-li", "predicate": "ceo_of", "object": "nio"},
    {"subject": "jac", "predicate": "headquartered_in", "object": "hefei"},
    {"subject": "nio", "predicate": "partner_of", "object": "jac"},
]

PRED_ENTITIES = (
    Entity(id="e-nio", type="Company", name="Nio", documents=(DOC,)),
    Entity(id="e-jac", type="Company", name="JAC", aliases=("JAC Motors Co., Ltd.",)),
    Entity(id="e-geely", type="Company", name="Geely Holding Group"),
    Entity(id="e-hefei", type="Place", name="Hefei"),
    Entity(id="e-li", type="Person", name="William Li"),
)
SIGNED = "NIO and JAC Motors signed a deal in Hefei on January 6."


def pred_deal(**changes: Any) -> Deal:
    fields: dict[str, Any] = dict(
        id="d1", kind="joint_venture", date=dv("2026-01-06", "day"), status="signed",
        parties=(Party(entity="e-nio"), Party(entity="e-jac")), place="e-hefei",
        evidence=(ev(SIGNED),))
    fields.update(changes)
    return Deal(**fields)


def resolved(deals: tuple[Deal, ...] = (), relations: tuple[Relation, ...] = (),
             entities: tuple[Entity, ...] = PRED_ENTITIES) -> Resolved:
    return Resolved(articles=(article(),), entities=entities, deals=deals,
                    relations=relations)


PRED_RELATIONS = (
    Relation(id="r1", subject="e-li", predicate="ceo_of", object="e-nio",
             evidence=(ev("William Li is the CEO of NIO."),)),
    Relation(id="r2", subject="e-jac", predicate="headquartered_in", object="e-hefei",
             evidence=(ev("JAC is based in Hefei."),)),
)


def figures(report: EvalReport) -> list[tuple[str, Any]]:
    """Every (path, value) of precision/recall/f1/value in a report."""
    out: list[tuple[str, Any]] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k in {"precision", "recall", "f1", "value"} and not isinstance(v, dict):
                    out.append((f"{path}.{k}", v))
                else:
                    walk(v, f"{path}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}[{i}]")

    walk(report.model_dump(mode="json"), "")
    return out


# ---------------------------------------------------------------------------- tiny cases


def test_perfect_prediction_scores_one_everywhere():
    gold = gold_of(deals=[GOLD_DEAL], relations=GOLD_RELATIONS)
    report = score(resolved((pred_deal(),), PRED_RELATIONS), gold)
    assert report.entities.overall.precision == 1.0
    assert report.entities.overall.recall == 1.0
    assert report.entities.alignment == {"geely": "e-geely", "hefei": "e-hefei",
                                         "jac": "e-jac", "nio": "e-nio", "william-li": "e-li"}
    assert report.deals.by_parties.f1 == 1.0
    assert report.deals.complete.correct == 1 and report.deals.complete.total == 1
    assert report.deals.matches == {"deal-nio-jac": "d1"}
    # partner_of is left out: two triples count, not three
    assert report.relations.overall.gold == 2
    assert report.relations.overall.f1 == 1.0
    assert report.relations.groups["roles"].recall == 1.0
    assert report.relations.groups["headquartered_in"].recall == 1.0
    assert report.relations.groups["brand_of"].gold == 0
    assert report.relations.groups["brand_of"].f1 is None
    assert report.evidence.checked == 3 and report.evidence.bad == 0
    defined = [(p, v) for p, v in figures(report) if v is not None]
    assert defined and all(v == 1.0 for _, v in defined), defined


def test_missing_party_is_no_match():
    gold = gold_of(deals=[GOLD_DEAL])
    deal = pred_deal(parties=(Party(entity="e-nio"),))
    report = score(resolved((deal,)), gold)
    s = report.deals.by_parties
    assert (s.correct, s.predicted, s.found, s.gold) == (0, 1, 0, 1)
    assert (s.precision, s.recall, s.f1) == (0.0, 0.0, 0.0)
    assert [d.id for d in report.deals.missed] == ["deal-nio-jac"]
    assert [(d.id, d.parties) for d in report.deals.unmatched] == [("d1", ["nio"])]
    assert report.deals.complete.value == 0.0


def test_extra_party_is_no_match_but_one_party_gold_deal_needs_only_its_party():
    three = pred_deal(parties=(Party(entity="e-nio"), Party(entity="e-jac"),
                               Party(entity="e-geely")))
    assert score(resolved((three,)), gold_of(deals=[GOLD_DEAL])).deals.by_parties.found == 0
    solo = dict(GOLD_DEAL, parties=[{"entity": "nio", "role": "party"}])
    assert score(resolved((three,)), gold_of(deals=[solo])).deals.by_parties.found == 1


def test_wrong_kind_matches_by_parties_but_is_not_complete():
    gold = gold_of(deals=[GOLD_DEAL])
    report = score(resolved((pred_deal(kind="acquisition"),)), gold)
    assert report.deals.by_parties.f1 == 1.0
    assert (report.deals.complete.correct, report.deals.complete.total) == (0, 1)
    assert report.deals.kinds.value == 0.0
    assert report.deals.incomplete[0].problems == ["kind acquisition (gold joint_venture)"]


def test_kind_only_debatable_deal_accepts_any_kind():
    gold = gold_of(deals=[GOLD_DEAL], debatable={"kind_only": ["deal-nio-jac"]})
    report = score(resolved((pred_deal(kind="acquisition"),)), gold)
    assert report.deals.complete.value == 1.0
    strict = score(resolved((pred_deal(kind="acquisition"),)), gold, ignore_debatable=False)
    assert strict.deals.complete.value == 0.0


def test_date_at_a_finer_precision_than_gold_is_not_complete():
    gold = gold_of(deals=[dict(GOLD_DEAL, date="2023-late", date_precision="season")])
    report = score(resolved((pred_deal(date=dv("2023-10-15", "day")),)), gold)
    assert report.deals.by_parties.f1 == 1.0
    assert report.deals.complete.value == 0.0
    assert (report.deals.dates.correct, report.deals.dates.total) == (0, 1)
    right = score(resolved((pred_deal(date=dv("2023-late", "season")),)), gold)
    assert right.deals.complete.value == 1.0 and right.deals.dates.value == 1.0


def test_undated_gold_deal_wants_no_date_and_is_left_out_of_date_accuracy():
    gold = gold_of(deals=[dict(GOLD_DEAL, date=None, date_precision="unknown")])
    assert score(resolved((pred_deal(date=None),)), gold).deals.complete.value == 1.0
    invented = score(resolved((pred_deal(),)), gold)
    assert invented.deals.complete.value == 0.0
    assert invented.deals.dates.total == 0 and invented.deals.dates.value is None


def test_end_dates_roles_and_status():
    gold = gold_of(deals=[dict(GOLD_DEAL, end_date="2025-mid", status="dissolved",
                               parties=[{"entity": "nio", "role": "buyer"},
                                        {"entity": "jac", "role": "seller"}])])
    wrong = pred_deal(end_date=dv("2025-07", "month"), status="signed",
                      parties=(Party(entity="e-nio", role="buyer"),
                               Party(entity="e-jac", role="party")))
    report = score(resolved((wrong,)), gold)
    d = report.deals
    assert (d.end_dates.correct, d.end_dates.total) == (0, 1)
    assert (d.roles.value, d.status.value, d.complete.value) == (0.0, 0.0, 1.0)
    right = pred_deal(end_date=dv("2025-mid", "season"), status="dissolved",
                      parties=(Party(entity="e-nio", role="buyer"),
                               Party(entity="e-jac", role="seller")))
    d = score(resolved((right,)), gold).deals
    assert (d.end_dates.value, d.roles.value, d.status.value) == (1.0, 1.0, 1.0)


def test_matching_prefers_the_deal_of_the_same_kind_and_date():
    jv = dict(GOLD_DEAL, id="g-jv", date="2021-03", date_precision="month")
    acq = dict(GOLD_DEAL, id="g-acq", kind="acquisition", date="2023-late",
               date_precision="season")
    deals = (pred_deal(id="p-acq", kind="acquisition", date=dv("2023-late", "season")),
             pred_deal(id="p-jv", date=dv("2021-03", "month")))
    report = score(resolved(deals), gold_of(deals=[jv, acq]))
    assert report.deals.matches == {"g-acq": "p-acq", "g-jv": "p-jv"}
    assert report.deals.complete.value == 1.0


def test_debatable_deal_is_out_of_recall_and_precision():
    other = dict(GOLD_DEAL, id="deal-nio-geely", kind="battery_swap_alliance",
                 parties=[{"entity": "nio"}, {"entity": "geely"}])
    gold = gold_of(deals=[GOLD_DEAL, other], debatable={"deals": ["deal-nio-geely"]})
    swap = pred_deal(id="d2", kind="battery_swap_alliance",
                     parties=(Party(entity="e-nio"), Party(entity="e-geely")))
    s = score(resolved((swap,)), gold).deals.by_parties
    assert (s.correct, s.predicted, s.found, s.gold) == (0, 0, 0, 1)
    assert (s.precision, s.recall, s.f1) == (None, 0.0, 0.0)
    s = score(resolved((swap,)), gold, ignore_debatable=False).deals.by_parties
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 1, 2)
    assert (s.precision, s.recall, s.f1) == (1.0, 0.5, 0.667)


def test_negative_is_violated_only_by_a_binding_deal_of_its_kind():
    negative = {"id": "neg-nio-geely", "kind": "acquisition", "parties": ["nio", "geely"],
                "status": "rumoured", "evidence": [], "note": "only rumoured"}
    gold = gold_of(negatives=[negative])
    geely = (Party(entity="e-nio"), Party(entity="e-geely"))
    bad = pred_deal(id="x", kind="acquisition", parties=geely, status="completed")
    report = score(resolved((bad,)), gold)
    assert report.negatives.checked == 1
    assert [(v.negative, v.deal, v.status) for v in report.negatives.violations] == [
        ("neg-nio-geely", "x", "completed")]
    assert "1 violation(s)" in format_report(report)
    rumour = pred_deal(id="x", kind="acquisition", parties=geely, status="rumoured")
    assert score(resolved((rumour,)), gold).negatives.violations == []
    supply = pred_deal(id="x", kind="supply", parties=geely, status="signed")
    assert score(resolved((supply,)), gold).negatives.violations == []
    any_kind = gold_of(negatives=[dict(negative, kind=None)])
    assert len(score(resolved((supply,)), any_kind).negatives.violations) == 1


def test_quotes_and_apostrophes_are_unified():
    assert normalize_name("Zuo Yan\u2019an") == normalize_name("Zuo Yan'an") == "zuo yan'an"
    assert normalize_name("Nio\u00a0Power.") == "nio power"
    assert fallback_key("Zuo Yan'an") == fallback_key("Zuo Yanan")
    gold = Gold.model_validate({"documents": [{"file": DOC}], "entities": [
        {"id": "zuo-yanan", "type": "Person", "name": "Zuo Yan\u2019an"}]})
    pred = resolved(entities=(Entity(id="p", type="Person", name="Zuo Yan'an"),))
    report = score(pred, gold)
    assert report.entities.alignment == {"zuo-yanan": "p"}
    assert report.entities.overall.f1 == 1.0


def test_legal_suffixes_are_only_a_fallback():
    assert fallback_key("Lontium Semiconductor (Hefei) Co., Ltd.") == "lontium semiconductor"
    assert normalize_name("Lontium Semiconductor Co., Ltd.") != "lontium semiconductor"
    gold = Gold.model_validate({"documents": [{"file": DOC}], "entities": [
        {"id": "lontium", "type": "Company", "name": "Lontium Semiconductor"}]})
    pred = resolved(entities=(Entity(id="p", type="Company", name="Lontium Semiconductor Corp."),
                              Entity(id="q", type="Company", name="Lontium Holdings Group")))
    report = score(pred, gold)
    assert report.entities.alignment == {"lontium": "p"}
    assert [e.id for e in report.entities.unmatched] == ["q"]
    assert report.entities.overall.precision == 0.5


def test_type_breaks_ties_between_a_company_and_its_brand():
    gold = Gold.model_validate({"documents": [{"file": DOC}], "entities": [
        {"id": "chery", "type": "Company", "name": "Chery Automobile", "aliases": ["Chery"]},
        {"id": "chery-brand", "type": "Brand", "name": "Chery"}]})
    pred = resolved(entities=(Entity(id="c", type="Company", name="Chery"),
                              Entity(id="b", type="Brand", name="Chery")))
    report = score(pred, gold)
    assert report.entities.alignment == {"chery": "c", "chery-brand": "b"}
    assert report.entities.types.value == 1.0


def test_organization_family_is_folded():
    gold = Gold.model_validate({"documents": [{"file": DOC}], "entities": [
        {"id": "anhui-daily", "type": "Organization", "name": "Anhui Daily"},
        {"id": "gov", "type": "Organization", "name": "Anhui provincial government"},
        {"id": "nio", "type": "Company", "name": "NIO"}]})
    pred = resolved(entities=(
        Entity(id="m", type="Media", name="Anhui Daily"),
        Entity(id="g", type="GovernmentBody", name="Anhui Provincial Government"),
        Entity(id="n", type="Fund", name="NIO")))
    report = score(pred, gold)
    assert set(report.entities.by_type) == {"Company", "Organization"}
    org = report.entities.by_type["Organization"]
    assert (org.correct, org.predicted, org.found, org.gold) == (3, 3, 2, 2)
    company = report.entities.by_type["Company"]
    assert (company.correct, company.predicted, company.found, company.gold) == (0, 0, 1, 1)
    assert company.recall == 1.0 and company.precision is None
    # NIO typed as a Fund is found, but its type is wrong
    assert (report.entities.types.correct, report.entities.types.total) == (2, 3)


def test_type_only_debatable_entity_accepts_any_type():
    gold = Gold.model_validate({"documents": [{"file": DOC}],
                                "entities": [{"id": "zeekr", "type": "Brand", "name": "ZEEKR"}],
                                "debatable": {"type_only": ["zeekr"]}})
    pred = resolved(entities=(Entity(id="z", type="Company", name="Zeekr"),))
    assert score(pred, gold).entities.types.value == 1.0
    assert score(pred, gold, ignore_debatable=False).entities.types.value == 0.0


def test_debatable_entity_is_out_of_recall_and_precision():
    gold = gold_of(debatable={"entities": ["geely"]})
    pred = resolved(entities=PRED_ENTITIES[:2])
    s = score(pred, gold).entities.overall
    assert (s.correct, s.predicted, s.found, s.gold) == (2, 2, 2, 4)
    pred = resolved(entities=PRED_ENTITIES[:3])
    s = score(pred, gold).entities.overall
    assert (s.correct, s.predicted, s.found, s.gold) == (2, 2, 2, 4)


def test_duplicate_prediction_still_maps_its_deals():
    dup = Entity(id="e-jac-2", type="Company", name="JAC Group")
    deal = pred_deal(parties=(Party(entity="e-nio"), Party(entity="e-jac-2")))
    report = score(resolved((deal,), entities=(*PRED_ENTITIES, dup)), gold_of(deals=[GOLD_DEAL]))
    assert report.entities.duplicates == ["jac"]
    assert report.entities.alignment["jac"] == "e-jac"
    assert report.entities.overall.precision == 1.0
    assert report.deals.by_parties.f1 == 1.0


def test_relations_map_through_entities_and_attended_through_deals():
    gold = gold_of(deals=[GOLD_DEAL], relations=[
        *GOLD_RELATIONS,
        {"subject": "william-li", "predicate": "attended", "object": "deal-nio-jac"},
        {"subject": "william-li", "predicate": "chairman_of", "object": "jac"}])
    rels = (*PRED_RELATIONS,
            Relation(id="r3", subject="e-li", predicate="attended", object="d1",
                     evidence=(ev(SIGNED),)),
            Relation(id="r4", subject="e-li", predicate="founder_of", object="e-nio",
                     evidence=(ev(SIGNED),)))
    report = score(resolved((pred_deal(),), rels), gold)
    rel = report.relations
    assert rel.by_predicate["attended"].f1 == 1.0
    roles = rel.groups["roles"]
    assert (roles.correct, roles.predicted, roles.found, roles.gold) == (1, 2, 1, 2)
    assert rel.missed == [("william-li", "chairman_of", "jac")]
    assert rel.unmatched == [("william-li", "founder_of", "nio")]
    assert (rel.overall.precision, rel.overall.recall) == (0.75, 0.75)


def test_debatable_relations_are_excluded():
    gold = gold_of(relations=GOLD_RELATIONS,
                   debatable={"relations": [["jac", "headquartered_in", "hefei"]]})
    s = score(resolved(relations=PRED_RELATIONS), gold).relations.overall
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 1, 1)
    # a relation on a debatable entity is debatable too
    gold = gold_of(relations=GOLD_RELATIONS, debatable={"entities": ["william-li"]})
    s = score(resolved(relations=PRED_RELATIONS), gold).relations.overall
    assert (s.correct, s.predicted, s.found, s.gold) == (1, 1, 1, 1)


def test_bad_evidence_offsets_are_detected():
    good = ev(SIGNED)
    shifted = good.model_copy(update={"start": good.start + 1, "end": good.end + 1})
    elsewhere = good.model_copy(update={"document": "missing.txt"})
    deal = pred_deal(evidence=(good, shifted, elsewhere))
    report = score(resolved((deal,)), gold_of())
    assert (report.evidence.checked, report.evidence.bad) == (3, 2)
    first, second = report.evidence.problems
    assert (first.start, first.problem) == (shifted.start, "article has 'IO and JAC Motors "
                                            "signed a deal in Hefei on January 6. ' there")
    assert (second.document, second.problem) == ("missing.txt",
                                                 "article not among the resolved articles")


def test_restrict_to_documents_drops_facts_from_other_articles():
    other = Evidence(document="b.txt", start=0, end=3, text="NIO")
    only_b = pred_deal(id="d-b", evidence=(other,))
    both = pred_deal(id="d-ab", evidence=(ev(SIGNED), other))
    r = Resolved(articles=(article(), article("b.txt", "NIO")), deals=(only_b, both),
                 relations=(), entities=PRED_ENTITIES)
    kept = restrict_to_documents(r, [DOC])
    assert [a.id for a in kept.articles] == [DOC]
    assert [(d.id, len(d.evidence)) for d in kept.deals] == [("d-ab", 1)]
    # e-geely is neither mentioned in a.txt nor used by a kept deal
    assert {e.id for e in kept.entities} == {"e-nio", "e-jac", "e-hefei"}


def test_report_is_json_and_text():
    gold = gold_of(deals=[GOLD_DEAL], relations=GOLD_RELATIONS)
    report = score(resolved((pred_deal(kind="supply"),)), gold)
    again = EvalReport.model_validate_json(report.model_dump_json())
    assert again == report
    data = json.loads(report.model_dump_json())
    assert data["deals"]["complete"] == {"correct": 0, "total": 1, "value": 0.0}
    text = format_report(report, show_misses=True)
    assert "by parties" in text
    assert "deal-nio-jac: kind supply (gold joint_venture)" in text
    assert "william-li ceo_of nio" in text  # a missed relation
    assert "william-li ceo_of nio" not in format_report(report)


# ---------------------------------------------------------------------------- gold files


def test_load_gold_reads_the_seed_annotation():
    gold = load_gold(GOLD_FILE)
    assert (len(gold.entities), len(gold.deals), len(gold.relations)) == (80, 24, 86)
    assert len(gold.documents) == 5
    assert "deal-nio-jac-jv-dissolution-2025" in gold.debatable.deals
    assert gold.negatives == ()


def test_load_gold_reports_every_problem_with_file_and_field(tmp_path):
    data = json.loads(GOLD_FILE.read_text(encoding="utf-8"))
    data["deals"][0]["kind"] = "merger"
    data["deals"][1]["parties"][0]["entity"] = "no-such-company"
    data["entities"][0]["extra"] = "unknown keys are fine"
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    lines = str(exc.value).splitlines()
    assert lines[0].startswith(f"{path}: deals[0] (deal-nio-chery-jac-framework-2026).kind: ")
    assert isinstance(exc.value, KgError)
    data["deals"][0]["kind"] = "joint_venture"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    assert str(exc.value).splitlines()[0] == (
        f"{path}: deals[1] (deal-nio-chery-jac-platform-company).parties[0].entity: "
        "unknown entity id 'no-such-company'")


def test_load_gold_rejects_bad_json_bad_dates_and_missing_files(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"documents": [', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.json: line 1 column 16: not valid JSON"):
        load_gold(path)
    deal = dict(GOLD_DEAL, date="Jan 2026", date_precision=None)
    path.write_text(json.dumps({"documents": [{"file": DOC}], "entities": GOLD_ENTITIES,
                                "deals": [deal]}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"deals\[0\] \(deal-nio-jac\): .*'Jan 2026'"):
        load_gold(path)
    with pytest.raises(GoldError, match="no such gold file"):
        load_gold(tmp_path / "absent.json")


def test_gold_date_precision_is_inferred_when_absent():
    deal = {k: v for k, v in GOLD_DEAL.items() if k != "date_precision"}
    gold = gold_of(deals=[dict(deal, date="2023-late")])
    assert gold.deals[0].date_precision == "season"


def gold_as_resolved(gold: Gold, folder: Path = SEEDS) -> Resolved:
    """The gold itself as a system output, with evidence offsets found in the articles."""
    texts = {d.file: (folder / d.file).read_text(encoding="utf-8") for d in gold.documents}
    articles = tuple(Article(id=f, text=t, sha256="0" * 64) for f, t in texts.items())

    def evidence(items: Any) -> tuple[Evidence, ...]:
        out = []
        for e in items:
            start = texts[e.file].find(e.quote)
            assert start >= 0, (e.file, e.quote)
            out.append(Evidence(document=e.file, start=start, end=start + len(e.quote),
                                text=e.quote))
        return tuple(out)

    def when(value: str | None, precision: str | None = None) -> DateValue | None:
        if value is None:
            return None
        made = make_date(value)  # any written form, halves and quarters included
        return made.model_copy(update={"precision": precision or precision_of(value)})

    entities = tuple(Entity(id=e.id, type=e.type, name=e.name, aliases=e.aliases,
                            documents=e.mentioned_in) for e in gold.entities)
    deals = tuple(Deal(
        id=d.id, kind=d.kind, parties=tuple(Party(entity=p.entity, role=p.role)
                                            for p in d.parties),
        date=when(d.date, d.date_precision),
        end_date=when(d.end_date), status=d.status, title=d.title, place=d.place,
        value=None if d.value is None else Money(amount=d.value.amount,
                                                 currency=d.value.currency),
        evidence=evidence(d.evidence)) for d in gold.deals)
    relations = tuple(Relation(
        id=f"rel-{i}", subject=r.subject, predicate=r.predicate, object=r.object,
        date=when(r.date), end_date=when(r.end_date), evidence=evidence(r.evidence))
        for i, r in enumerate(gold.relations) if r.predicate != "partner_of")
    return Resolved(articles=articles, entities=entities, deals=deals, relations=relations)


@pytest.mark.parametrize("ignore_debatable", [True, False])
def test_gold_scored_against_itself_is_perfect(ignore_debatable):
    gold = load_gold(GOLD_FILE)
    report = score(gold_as_resolved(gold), gold, ignore_debatable=ignore_debatable)
    defined = [(p, v) for p, v in figures(report) if v is not None]
    assert len(defined) > 50
    assert [(p, v) for p, v in defined if v != 1.0] == []
    assert report.entities.alignment == {e.id: e.id for e in gold.entities}
    assert report.deals.matches == {d.id: d.id for d in gold.deals}
    assert report.entities.missed == report.entities.unmatched == []
    assert report.deals.missed == report.deals.unmatched == report.deals.incomplete == []
    assert report.relations.missed == report.relations.unmatched == []
    assert report.evidence.bad == 0 and report.evidence.checked > 100
    n_deals = 24 if not ignore_debatable else 19
    assert report.deals.complete.total == n_deals
    assert report.relations.overall.gold == (66 if not ignore_debatable else 61)


# ---------------------------------------------------------------------------- the command


@pytest.fixture
def fake_pipeline(monkeypatch):
    """Stand in for ``anhui_kg.pipeline``: record the paths, return a given Resolved."""
    calls: list[list[Path]] = []
    state: dict[str, Resolved] = {}

    def resolve_paths(paths: list[Path]) -> Resolved:
        calls.append(list(paths))
        return state["resolved"]

    module = types.ModuleType("anhui_kg.pipeline")
    module.resolve_paths = resolve_paths  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "anhui_kg.pipeline", module)
    return calls, state


def run_cli(*args: str) -> Any:
    from typer.testing import CliRunner

    from anhui_kg.cli import app

    return CliRunner().invoke(app, list(args))


@pytest.fixture
def gold_folder(tmp_path):
    """A folder holding the seed gold file and the articles it annotates."""
    gold = load_gold(GOLD_FILE)
    (tmp_path / "seeds.json").write_text(GOLD_FILE.read_text(encoding="utf-8"),
                                         encoding="utf-8")
    for d in gold.documents:
        (tmp_path / d.file).write_text((SEEDS / d.file).read_text(encoding="utf-8"),
                                       encoding="utf-8")
    return tmp_path


def test_eval_command_reads_the_articles_beside_the_gold(gold_folder, fake_pipeline):
    calls, state = fake_pipeline
    state["resolved"] = gold_as_resolved(load_gold(GOLD_FILE))
    result = run_cli("eval", str(gold_folder / "seeds.json"), "--format", "json",
                     "--min-deal-f1", "0.9", "--min-complete", "0.9")
    assert result.exit_code == 0, result.stderr
    assert calls == [[gold_folder / d for d in load_gold(GOLD_FILE).document_ids]]
    data = json.loads(result.stdout)
    assert data["deals"]["by_parties"]["f1"] == 1.0
    assert data["deals"]["complete"] == {"correct": 19, "total": 19, "value": 1.0}


def test_eval_command_fails_below_the_thresholds(gold_folder, fake_pipeline):
    _, state = fake_pipeline
    state["resolved"] = gold_as_resolved(load_gold(GOLD_FILE)).model_copy(
        update={"deals": ()})
    gold = str(gold_folder / "seeds.json")
    result = run_cli("eval", gold, str(gold_folder), "--show-misses")
    assert result.exit_code == 0
    assert "Missed gold deals:\n  deal-nio-chery-jac-framework-2026" in result.stdout
    result = run_cli("eval", gold, str(gold_folder), "--min-deal-f1", "0.5")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: deal F1 0.000 is below --min-deal-f1 0.5")
    result = run_cli("eval", gold, str(gold_folder), "--min-complete", "0.1")
    assert result.exit_code == 1
    assert "complete deals 0.000 is below --min-complete 0.1" in result.stderr


def test_eval_command_names_annotated_articles_it_cannot_find(gold_folder, fake_pipeline):
    calls, state = fake_pipeline
    whole = gold_as_resolved(load_gold(GOLD_FILE))
    state["resolved"] = whole.model_copy(update={"articles": whole.articles[:3]})
    result = run_cli("eval", str(gold_folder / "seeds.json"), str(gold_folder))
    assert result.exit_code == 1
    assert calls == [[gold_folder]]
    assert "003_9a4c25b05e0d6509.txt, 004_80b14bbd49614d06.txt" in result.stderr


def test_eval_command_reports_a_broken_gold_file(tmp_path, fake_pipeline):
    calls, _ = fake_pipeline
    bad = tmp_path / "gold.json"
    bad.write_text('{"documents": []}', encoding="utf-8")
    result = run_cli("eval", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {bad}: documents: ")
    assert calls == []


def test_negative_is_judged_by_its_own_statement():
    """A real deal of the same company elsewhere is no violation; one read from the
    rumour's own sentence is."""
    from anhui_kg.models import Article, Evidence

    text = "Alpha signed a supply deal with Beta. Alpha is reportedly in talks to buy Beta."
    rumour = "Alpha is reportedly in talks to buy Beta."
    at = text.index(rumour)
    negative = {"id": "neg", "kind": None, "parties": ["nio"], "status": "rumoured",
                "evidence": [{"file": "x.txt", "quote": rumour}]}
    gold = gold_of(negatives=[negative])
    art = Article(id="x.txt", text=text, sha256="0")
    real = pred_deal(id="real", kind="supply", status="signed",
                     evidence=(Evidence(document="x.txt", start=0, end=36, text=text[:36]),))
    from_rumour = pred_deal(id="bad", kind="acquisition", status="signed",
                            evidence=(Evidence(document="x.txt", start=at, end=len(text), text=rumour),))
    ok = score(resolved((real,)).model_copy(update={"articles": (art,)}), gold)
    assert ok.negatives.violations == []
    bad = score(resolved((real, from_rumour)).model_copy(update={"articles": (art,)}), gold)
    assert [v.deal for v in bad.negatives.violations] == ["bad"]


def test_recorded_negative_is_not_a_false_positive():
    negative = {"id": "neg", "kind": "investment", "parties": ["nio", "geely"], "status": "denied",
                "evidence": [], "note": "denied"}
    gold = gold_of(deals=[GOLD_DEAL], negatives=[negative])
    both = (Party(entity="e-nio"), Party(entity="e-geely"))
    denied = pred_deal(id="denied", kind="investment", parties=both, status="denied")
    signed = pred_deal(id="signed", kind="investment", parties=both, status="signed")
    assert score(resolved((denied,)), gold).deals.by_parties.predicted == 0
    report = score(resolved((signed,)), gold)
    assert report.deals.by_parties.predicted == 1
    assert [v.deal for v in report.negatives.violations] == ["signed"]


GOLD_SETS = {
    "seeds": (GOLD_FILE, SEEDS),
    **{name: (HERE / "data" / name / "gold.json", HERE / "data" / name)
       for name in ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22")},
}


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_every_gold_set_is_consistent_with_its_articles(name):
    """Each annotated set loads, quotes its articles exactly, and scores 1.0 against itself,
    so a figure measured on it is about the extractor, not about the annotation."""
    gold_file, folder = GOLD_SETS[name]
    gold = load_gold(gold_file)
    assert {d.file for d in gold.documents} == {p.name for p in folder.glob("*.txt")}
    report = score(gold_as_resolved(gold, folder), gold, ignore_debatable=True)
    defined = [(p, v) for p, v in figures(report) if v is not None]
    assert [(p, v) for p, v in defined if v != 1.0] == []
