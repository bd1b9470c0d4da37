"""Evaluation: (Resolved, Gold) -> EvalReport.

Scores an extraction (a :class:`~anhui_kg.models.Resolved`) against a gold file in the
``seeds.json`` format (see the gold ``NOTES.md``). Pure apart from :func:`load_gold`, which
reads the gold file.

Scoring definitions
-------------------
Debatable items
    With ``ignore_debatable=True`` (the default) the gold's ``debatable`` lists are honoured:
    a debatable gold entity, deal or relation is left out of recall, and a prediction that
    matches one is neither a true nor a false positive (it is dropped from precision).
    A relation is debatable when it is listed in ``debatable.relations`` (optional
    ``[subject, predicate, object]`` triples) or when its subject or object is a debatable
    entity or deal. ``type_only`` entities accept any type; ``kind_only`` deals accept any
    kind. With ``ignore_debatable=False`` every gold item counts and nothing is relaxed.

Entity alignment
    Names are compared after :func:`normalize_name` (NFKC, casefold, one kind of quote and
    apostrophe, no-break spaces as spaces, whitespace collapsed, surrounding punctuation
    stripped). A predicted entity *matches* a gold entity when its name or any alias equals
    the gold name or any gold alias; as a fallback, :func:`fallback_key` also drops
    parenthesised parts, apostrophes, other punctuation, a leading "the" and trailing legal
    suffixes (Co., Ltd., Inc., Corp., Corporation, Group, Limited, ...). Candidate pairs are
    ranked by type compatibility (same folded type, then Company ~ Organization), then by
    match strength (name = name, any name/alias, fallback), then by shared documents, and
    paired greedily one-to-one: this gives the gold -> predicted alignment. A predicted
    entity left over (a duplicate of an aligned one) still maps to its best gold entity, so
    its deals and relations can be scored; the gold entities so matched are listed as
    ``duplicates``.

    Types are folded: Organization, GovernmentBody, Media and Fund all count as
    ``Organization``; Company stays ``Company``. Recall of a type = gold entities of that
    type matched by some prediction / gold entities of that type. Precision of a type =
    predicted entities of that (folded) type that match some gold entity / predicted
    entities of that type. A match counts whatever the predicted type; ``types`` reports
    the fraction of aligned entities whose folded type is right.

Deals
    A predicted deal matches a gold deal *by parties* when its parties, mapped through the
    entity alignment, form exactly the gold party set (a one-party gold deal only needs that
    party among the predicted ones). Pairs are matched greedily one-to-one, preferring pairs
    whose kind, then date value, then year, then status agree. ``complete`` = matched by
    parties, same kind (any kind for ``kind_only`` deals) and same date (equal value
    strings and equal precision; both missing counts as equal), over the non-debatable
    gold deals. ``kinds``, ``roles`` (every gold party has its gold role) and ``status``
    are fractions over matched non-debatable deals.

Dates
    ``dates``: over matched non-debatable deals with a gold date, the fraction whose
    predicted date has the same value and precision. ``end_dates``: the same for gold deals
    with an ``end_date`` (the gold gives no end precision unless ``end_date_precision`` is
    set, so the value string decides).

Relations
    ``(subject, predicate, object)`` triples, with predicted ids mapped through the entity
    alignment (``attended`` objects are deal ids, mapped through the deal matching).
    ``partner_of`` is left out (deals model partnerships). P/R/F1 per predicate, overall
    (micro), and for the groups that acceptance targets use: ``roles`` (founder_of,
    ceo_of, chairman_of, president_of, executive_of), ``headquartered_in`` and
    ``brand_of``. Dates of relations are not scored.

Negatives
    A gold file may list ``negatives``: deals the text rumours, denies, cancels or only
    plans. A violation is a predicted deal with status signed, completed or ongoing that
    was read from the negative's own statement (one of its evidence sentences overlaps a
    quote of the negative), that shares a party with it and, if the negative gives a kind,
    has that kind. There must be none. (Matching by parties alone would count every real
    deal of a company that also has a denied one; it is the rule only for a negative
    whose quote cannot be found.) A predicted deal that records a gold negative with a
    status that says it did not happen (rumoured, denied, hypothetical, cancelled,
    planned) is left out of deal precision: it is right, but it is not a deal.

Evidence
    Every predicted evidence must satisfy ``article.text[start:end] == text`` for the
    article it names; the bad ones are counted and listed.

Undefined figures (a zero denominator) are ``None``; F1 is 0 when precision or recall is 0.
All figures are rounded to 3 decimals.

:func:`score` scores whatever it is given; :func:`restrict_to_documents` first trims a
corpus-wide extraction to the annotated articles (the ``eval`` command does this), so that
facts from unannotated articles are not counted as false positives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import KgError
from .models import (
    Deal,
    DealKind,
    DealStatus,
    EntityType,
    PartyRole,
    Precision,
    Resolved,
)

__all__ = [
    "EvalReport",
    "Gold",
    "GoldError",
    "fallback_key",
    "fold_type",
    "format_report",
    "load_gold",
    "normalize_name",
    "restrict_to_documents",
    "score",
]


class GoldError(KgError):
    """A gold annotation file could not be read or does not follow the format."""


# --------------------------------------------------------------------------------------
# The gold format


class _GoldModel(BaseModel):
    # Unknown keys (attributes, reasoning, notes...) are accepted and ignored.
    model_config = ConfigDict(frozen=True, extra="ignore")


class GoldDocument(_GoldModel):
    file: str
    published_estimate: str | None = None


class GoldEvidence(_GoldModel):
    file: str
    quote: str


class GoldEntity(_GoldModel):
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    mentioned_in: tuple[str, ...] = ()


class GoldParty(_GoldModel):
    entity: str
    role: PartyRole = "party"


class GoldMoney(_GoldModel):
    amount: float
    currency: str


class GoldDeal(_GoldModel):
    id: str
    kind: DealKind
    title: str | None = None
    parties: tuple[GoldParty, ...] = Field(min_length=1)
    date: str | None = None
    date_precision: Precision | None = Field(
        None, description="Inferred from the date's form when absent"
    )
    end_date: str | None = None
    end_date_precision: Precision | None = None
    place: str | None = None
    value: GoldMoney | None = None
    status: DealStatus = "signed"
    evidence: tuple[GoldEvidence, ...] = ()

    @model_validator(mode="after")
    def _fill_precision(self) -> GoldDeal:
        written = _precision_of(self.date)
        if self.date_precision is None:
            object.__setattr__(self, "date_precision", written)
        elif self.date is not None and self.date_precision != written:
            raise ValueError(f"date {self.date!r} is written at precision {written!r}, "
                             f"not {self.date_precision!r}")
        if self.date is None and self.date_precision != "unknown":
            raise ValueError(f"date is null but date_precision is {self.date_precision!r}; "
                             "an unknown date has precision 'unknown'")
        if self.date is not None and self.date_precision == "unknown":
            raise ValueError(f"date {self.date!r} has precision 'unknown'; give its precision")
        return self


class GoldRelation(_GoldModel):
    subject: str
    predicate: str
    object: str
    date: str | None = None
    end_date: str | None = None
    evidence: tuple[GoldEvidence, ...] = ()


class GoldNegative(_GoldModel):
    id: str
    kind: DealKind | None = None
    parties: tuple[str, ...] = Field(min_length=1)
    status: Literal["rumoured", "denied", "hypothetical", "cancelled", "planned"]
    evidence: tuple[GoldEvidence, ...] = ()
    note: str | None = None


class GoldDebatable(_GoldModel):
    entities: tuple[str, ...] = ()
    deals: tuple[str, ...] = ()
    type_only: tuple[str, ...] = ()
    kind_only: tuple[str, ...] = ()
    relations: tuple[tuple[str, str, str], ...] = ()


class Gold(_GoldModel):
    """A gold annotation: the ``seeds.json`` format."""

    documents: tuple[GoldDocument, ...] = Field(min_length=1)
    entities: tuple[GoldEntity, ...] = ()
    deals: tuple[GoldDeal, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    debatable: GoldDebatable = GoldDebatable()
    negatives: tuple[GoldNegative, ...] = ()

    @property
    def document_ids(self) -> tuple[str, ...]:
        """The annotated files, in order."""
        return tuple(d.file for d in self.documents)


def _cross_check(gold: Gold) -> list[str]:
    """Problems with ids in an otherwise well-formed gold file, as 'field: message'."""
    problems: list[str] = []
    entity_ids = [e.id for e in gold.entities]
    deal_ids = [d.id for d in gold.deals]
    known_e, known_d = set(entity_ids), set(deal_ids)
    for kind, ids in (("entities", entity_ids), ("deals", deal_ids)):
        seen: set[str] = set()
        for i, x in enumerate(ids):
            if x in seen:
                problems.append(f"{kind}[{i}].id: duplicate id {x!r}")
            seen.add(x)
    docs = set(gold.document_ids)

    def evid(where: str, ev: Iterable[GoldEvidence]) -> None:
        for j, e in enumerate(ev):
            if e.file not in docs:
                problems.append(f"{where}.evidence[{j}].file: {e.file!r} is not in documents")

    for i, d in enumerate(gold.deals):
        for j, p in enumerate(d.parties):
            if p.entity not in known_e:
                problems.append(f"deals[{i}] ({d.id}).parties[{j}].entity: "
                                f"unknown entity id {p.entity!r}")
        if d.place is not None and d.place not in known_e:
            problems.append(f"deals[{i}] ({d.id}).place: unknown entity id {d.place!r}")
        evid(f"deals[{i}] ({d.id})", d.evidence)
    for i, r in enumerate(gold.relations):
        if r.subject not in known_e:
            problems.append(f"relations[{i}].subject: unknown entity id {r.subject!r}")
        targets = known_d if r.predicate == "attended" else known_e
        if r.object not in targets:
            what = "deal" if r.predicate == "attended" else "entity"
            problems.append(f"relations[{i}].object: unknown {what} id {r.object!r}")
        evid(f"relations[{i}]", r.evidence)
    for i, n in enumerate(gold.negatives):
        for j, p in enumerate(n.parties):
            if p not in known_e:
                problems.append(f"negatives[{i}] ({n.id}).parties[{j}]: unknown entity id {p!r}")
    for field, ids, known in (("entities", gold.debatable.entities, known_e),
                              ("type_only", gold.debatable.type_only, known_e),
                              ("deals", gold.debatable.deals, known_d),
                              ("kind_only", gold.debatable.kind_only, known_d)):
        for j, x in enumerate(ids):
            if x not in known:
                problems.append(f"debatable.{field}[{j}]: unknown id {x!r}")
    return problems


def _loc(data: Any, loc: tuple[Any, ...]) -> str:
    """A pydantic error location as 'deals[3] (deal-id).kind', naming ids where it can."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                out += f" ({node['id']})"
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "(top level)"


def load_gold(path: Path | str) -> Gold:
    """Read and check a gold annotation file in the ``seeds.json`` format.

    Parameters
    ----------
    path
        The JSON file.

    Returns
    -------
    Gold
        The parsed annotation; ids are checked to resolve.

    Raises
    ------
    GoldError
        The file is missing, not JSON, or breaks the format; one ``file: field: message``
        line per problem.

    Examples
    --------
    >>> import json, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "gold.json"
    >>> _ = p.write_text(json.dumps({"documents": [{"file": "a.txt"}],
    ...     "entities": [{"id": "nio", "type": "Company", "name": "NIO"}]}))
    >>> load_gold(p).entities[0].name
    'NIO'
    >>> _ = p.write_text(json.dumps({"documents": [{"file": "a.txt"}],
    ...     "deals": [{"id": "d", "kind": "merger", "parties": [{"entity": "nio"}]}]}))
    >>> load_gold(p)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    anhui_kg.evaluation.GoldError: .../gold.json: deals[0] (d).kind: Input should be ...
    """
    path = Path(path)
    hint = "Fix the gold file (its format is described in the gold NOTES.md) and run again."
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: no such gold file. Give the path to a seeds.json-style "
                        "annotation file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc}).") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: line {exc.lineno} column {exc.colno}: not valid JSON "
                        f"({exc.msg}).\n  {hint}") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: (top level): expected a JSON object with 'documents', "
                        f"'entities', 'deals' and 'relations'.\n  {hint}")
    try:
        gold = Gold.model_validate(data)
    except ValidationError as exc:
        lines = [f"{path}: {_loc(data, tuple(e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise GoldError("\n".join(lines) + f"\n  {hint}") from None
    problems = _cross_check(gold)
    if problems:
        raise GoldError("\n".join(f"{path}: {p}" for p in problems) + f"\n  {hint}")
    return gold


# --------------------------------------------------------------------------------------
# Names, types, dates

_QUOTES = str.maketrans({
    "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})
_EDGE_PUNCT = " .,;:!?\"'"
_LEGAL_SUFFIXES = frozenset({
    "co", "ltd", "inc", "corp", "corporation", "group", "limited", "company", "llc", "plc",
    "gmbh", "ag", "sa", "holdings", "holding", "incorporated",
})


def normalize_name(name: str) -> str:
    """The form in which names are compared: casefolded, one kind of quote, tidy spaces.

    Examples
    --------
    >>> normalize_name("Zuo Yan\u2019an") == normalize_name("Zuo Yan'an")
    True
    >>> normalize_name("  Lontium\u00a0Semiconductor Corp. ")
    'lontium semiconductor corp'
    """
    s = unicodedata.normalize("NFKC", name).translate(_QUOTES).casefold()
    s = " ".join(s.split())
    return s.strip(_EDGE_PUNCT)


def fallback_key(name: str) -> str:
    """A looser form of a name: no parentheses, punctuation, leading 'the' or legal suffix.

    Examples
    --------
    >>> fallback_key("Lontium Semiconductor (Hefei) Co., Ltd.")
    'lontium semiconductor'
    >>> fallback_key("Zuo Yan\u2019an") == fallback_key("Zuo Yanan")
    True
    >>> fallback_key("The Volkswagen Group")
    'volkswagen'
    """
    s = normalize_name(name)
    s = re.sub(r"\([^)]*\)", " ", s)
    s = s.replace("'", "")
    words = re.sub(r"[^\w\s]", " ", s).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def fold_type(entity_type: str) -> str:
    """The type an entity is scored under: the Organization family is folded.

    Examples
    --------
    >>> fold_type("GovernmentBody"), fold_type("Company"), fold_type("Brand")
    ('Organization', 'Company', 'Brand')
    """
    return "Organization" if entity_type in {"Organization", "GovernmentBody", "Media",
                                             "Fund"} else entity_type


def _precision_of(value: str | None) -> Precision:
    """The precision a gold date string is written at."""
    if value is None:
        return "unknown"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q[1-4]", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-H[12]", value):
        return "half"
    if re.fullmatch(r"\d{4}-(early|mid|late)", value):
        return "season"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}X", value):
        return "decade"
    raise ValueError(f"date {value!r} is not YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, "
                     "YYYY-early|mid|late or YYYX")


# --------------------------------------------------------------------------------------
# The report


class PRF(BaseModel):
    """Precision, recall and F1 with the counts behind them."""

    correct: int = Field(0, description="Predictions that match (precision numerator)")
    predicted: int = Field(0, description="Predictions counted (precision denominator)")
    found: int = Field(0, description="Gold items matched (recall numerator)")
    gold: int = Field(0, description="Gold items counted (recall denominator)")
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None


class Fraction(BaseModel):
    correct: int = 0
    total: int = 0
    value: float | None = None


class EntityItem(BaseModel):
    id: str
    name: str
    type: str


class DealItem(BaseModel):
    id: str
    kind: str
    parties: list[str]
    date: str | None = None
    problems: list[str] = Field(default_factory=list)


class Violation(BaseModel):
    negative: str
    deal: str
    status: str
    parties: list[str]


class BadEvidence(BaseModel):
    item: str
    document: str
    start: int
    end: int
    problem: str


class EntityScores(BaseModel):
    overall: PRF
    by_type: dict[str, PRF]
    types: Fraction = Field(description="Aligned entities whose folded type is right")
    alignment: dict[str, str] = Field(description="Gold id -> predicted id")
    missed: list[EntityItem]
    unmatched: list[EntityItem]
    duplicates: list[str] = Field(description="Gold ids matched by several predicted entities")


class DealScores(BaseModel):
    by_parties: PRF
    complete: Fraction
    kinds: Fraction
    roles: Fraction
    status: Fraction
    dates: Fraction
    end_dates: Fraction
    matches: dict[str, str] = Field(description="Gold id -> predicted id")
    missed: list[DealItem]
    unmatched: list[DealItem]
    incomplete: list[DealItem]


class RelationScores(BaseModel):
    overall: PRF
    by_predicate: dict[str, PRF]
    groups: dict[str, PRF]
    missed: list[tuple[str, str, str]]
    unmatched: list[tuple[str, str, str]]


class NegativeScores(BaseModel):
    checked: int
    violations: list[Violation]


class EvidenceScores(BaseModel):
    checked: int
    bad: int
    problems: list[BadEvidence]


class EvalReport(BaseModel):
    """Every figure of an evaluation, JSON-serialisable (``report.model_dump_json()``)."""

    documents: list[str]
    ignore_debatable: bool
    entities: EntityScores
    deals: DealScores
    relations: RelationScores
    negatives: NegativeScores
    evidence: EvidenceScores


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _prf(correct: int, predicted: int, found: int, gold: int) -> PRF:
    p = correct / predicted if predicted else None
    r = found / gold if gold else None
    if p is not None and r is not None:
        f = 2 * p * r / (p + r) if p + r else 0.0
    elif p == 0 or r == 0:
        f = 0.0
    else:
        f = None
    return PRF(correct=correct, predicted=predicted, found=found, gold=gold,
               precision=_r(p), recall=_r(r), f1=_r(f))


def _frac(correct: int, total: int) -> Fraction:
    return Fraction(correct=correct, total=total, value=_r(correct / total) if total else None)


# --------------------------------------------------------------------------------------
# Scoring


def _type_compat(pred_type: str, gold_type: str) -> int:
    a, b = fold_type(pred_type), fold_type(gold_type)
    if a == b:
        return 2
    return 1 if {a, b} <= {"Company", "Organization"} else 0


def _align_entities(resolved: Resolved, gold: Gold) -> tuple[dict[str, str], dict[str, str]]:
    """(gold id -> predicted id one-to-one, predicted id -> gold id many-to-one)."""
    by_exact: dict[str, set[int]] = defaultdict(set)
    by_loose: dict[str, set[int]] = defaultdict(set)
    for gi, g in enumerate(gold.entities):
        for n in (g.name, *g.aliases):
            by_exact[normalize_name(n)].add(gi)
            by_loose[fallback_key(n)].add(gi)
    candidates: list[tuple[tuple[int, int, int], int, int]] = []
    for pi, p in enumerate(resolved.entities):
        names = (p.name, *p.aliases)
        strength: dict[int, int] = {}
        for n in names:
            for gi in by_loose.get(fallback_key(n), ()):
                strength[gi] = max(strength.get(gi, 0), 1)
            for gi in by_exact.get(normalize_name(n), ()):
                strength[gi] = max(strength[gi] if gi in strength else 0, 2)
        for gi in by_exact.get(normalize_name(p.name), ()):
            if normalize_name(gold.entities[gi].name) == normalize_name(p.name):
                strength[gi] = 3
        for gi, s in strength.items():
            g = gold.entities[gi]
            shared = len(set(p.documents) & set(g.mentioned_in))
            candidates.append(((_type_compat(p.type, g.type), s, shared), gi, pi))
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], -c[0][2], c[1], c[2]))
    g2p: dict[str, str] = {}
    p2g: dict[str, str] = {}
    for _, gi, pi in candidates:
        gid, pid = gold.entities[gi].id, resolved.entities[pi].id
        if gid not in g2p and pid not in p2g:
            g2p[gid], p2g[pid] = pid, gid
    for _, gi, pi in candidates:  # leftovers: duplicates of an aligned prediction
        pid = resolved.entities[pi].id
        if pid not in p2g:
            p2g[pid] = gold.entities[gi].id
    return g2p, p2g


def _date_equal(gold_value: str | None, gold_precision: str | None, pred: Any) -> bool:
    if gold_value is None:
        return pred is None
    if pred is None or pred.value != gold_value:
        return False
    return gold_precision is None or pred.precision == gold_precision


def _mapped_parties(deal: Deal, p2g: dict[str, str]) -> frozenset[str]:
    return frozenset(p2g.get(p.entity, "?" + p.entity) for p in deal.parties)


def _deal_item(gid: str, kind: str, parties: Iterable[str], date: str | None,
               problems: Iterable[str] = ()) -> DealItem:
    return DealItem(id=gid, kind=kind, parties=sorted(parties), date=date,
                    problems=list(problems))


def restrict_to_documents(resolved: Resolved, documents: Iterable[str]) -> Resolved:
    """Keep only what the given articles support, so unannotated articles cost nothing.

    Articles outside ``documents`` are dropped; deals and relations keep only their
    evidence from those articles (and go when none is left); entities stay when they are
    mentioned in those articles or used by a remaining deal or relation.

    Examples
    --------
    >>> from anhui_kg.models import Entity
    >>> r = Resolved(articles=(), deals=(), relations=(), entities=(
    ...     Entity(id="a", type="Company", name="A", documents=("1.txt",)),
    ...     Entity(id="b", type="Company", name="B", documents=("2.txt",))))
    >>> [e.id for e in restrict_to_documents(r, ["1.txt"]).entities]
    ['a']
    """
    docs = set(documents)
    deals = []
    for d in resolved.deals:
        ev = tuple(e for e in d.evidence if e.document in docs)
        if ev:
            deals.append(d.model_copy(update={"evidence": ev}))
    relations = []
    for r in resolved.relations:
        ev = tuple(e for e in r.evidence if e.document in docs)
        if ev:
            relations.append(r.model_copy(update={"evidence": ev}))
    used = {p.entity for d in deals for p in d.parties}
    used |= {d.place for d in deals if d.place}
    used |= {r.subject for r in relations} | {r.object for r in relations}
    entities = tuple(
        e.model_copy(update={"documents": tuple(x for x in e.documents if x in docs)})
        for e in resolved.entities if docs & set(e.documents) or e.id in used
    )
    return Resolved(articles=tuple(a for a in resolved.articles if a.id in docs),
                    entities=entities, deals=tuple(deals), relations=tuple(relations))


ROLE_PREDICATES = ("founder_of", "ceo_of", "chairman_of", "president_of", "executive_of")
_EXCLUDED_PREDICATES = frozenset({"partner_of"})
_BINDING_STATUSES = frozenset({"signed", "completed", "ongoing"})
_UNREAL_STATUSES = frozenset({"rumoured", "denied", "hypothetical", "cancelled", "planned"})


def _find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote sits in its article, comparing with whitespace normalised."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    norm = re.sub(r"\s+", " ", quote.replace("\u00a0", " ")).strip()
    flat = text.replace("\u00a0", " ")
    at = flat.find(norm)
    return (at, at + len(norm)) if at >= 0 else None


def score(resolved: Resolved, gold: Gold, *, ignore_debatable: bool = True) -> EvalReport:
    """Score an extraction against a gold annotation.

    Parameters
    ----------
    resolved
        The system's output (its ``articles`` are needed for the evidence check).
    gold
        The annotation, from :func:`load_gold`.
    ignore_debatable
        Leave the gold's debatable items out of recall and precision, and accept any kind
        for ``kind_only`` deals and any type for ``type_only`` entities.

    Returns
    -------
    EvalReport
        See the module docstring for what each figure means.

    Examples
    --------
    >>> from anhui_kg.models import Entity
    >>> gold = Gold.model_validate({"documents": [{"file": "a.txt"}], "entities": [
    ...     {"id": "jac", "type": "Company", "name": "JAC Motors", "aliases": ["JAC"]},
    ...     {"id": "nio", "type": "Company", "name": "NIO"}]})
    >>> pred = Resolved(articles=(), deals=(), relations=(), entities=(
    ...     Entity(id="e1", type="Company", name="JAC Motors Co., Ltd."),
    ...     Entity(id="e2", type="Brand", name="Onvo")))
    >>> report = score(pred, gold)
    >>> report.entities.overall.precision, report.entities.overall.recall
    (0.5, 0.5)
    >>> report.entities.alignment
    {'jac': 'e1'}
    """
    deb = gold.debatable
    deb_entities = set(deb.entities) if ignore_debatable else set()
    deb_deals = set(deb.deals) if ignore_debatable else set()
    type_only = set(deb.type_only) if ignore_debatable else set()
    kind_only = set(deb.kind_only) if ignore_debatable else set()
    deb_triples = {tuple(t) for t in deb.relations} if ignore_debatable else set()

    g2p, p2g = _align_entities(resolved, gold)
    entities = _score_entities(resolved, gold, g2p, p2g, deb_entities, type_only)
    deals, p2g_deal = _score_deals(resolved, gold, p2g, deb_deals, kind_only)
    relations = _score_relations(resolved, gold, p2g, p2g_deal, deb_entities | deb_deals,
                                 deb_triples)

    violations = []
    article_text = {a.id: a.text for a in resolved.articles}
    for neg in gold.negatives:
        need = set(neg.parties)
        spans = []
        for ev in neg.evidence:
            text = article_text.get(ev.file, "")
            at = _find_quote(text, ev.quote)
            if at is not None:
                spans.append((ev.file, at[0], at[1]))
        for d in resolved.deals:
            mapped = _mapped_parties(d, p2g)
            if spans:
                linked = any(e.document == f and e.start < b and a < e.end
                             for e in d.evidence for f, a, b in spans) and bool(need & mapped)
            else:  # a negative without a locatable quote: judge by its parties alone
                linked = need <= mapped
            if (d.status in _BINDING_STATUSES and linked
                    and (neg.kind is None or neg.kind == d.kind)):
                violations.append(Violation(negative=neg.id, deal=d.id, status=d.status,
                                            parties=sorted(mapped)))

    texts = {a.id: a.text for a in resolved.articles}
    checked, problems = 0, []
    for item in (*resolved.deals, *resolved.relations):
        for ev in item.evidence:
            checked += 1
            text = texts.get(ev.document)
            if text is None:
                problem = "article not among the resolved articles"
            elif not 0 <= ev.start <= ev.end <= len(text):
                problem = f"offsets outside the article (length {len(text)})"
            elif text[ev.start:ev.end] != ev.text:
                problem = f"article has {text[ev.start:ev.end][:60]!r} there"
            else:
                continue
            problems.append(BadEvidence(item=item.id, document=ev.document, start=ev.start,
                                        end=ev.end, problem=problem))

    return EvalReport(
        documents=list(gold.document_ids),
        ignore_debatable=ignore_debatable,
        entities=entities,
        deals=deals,
        relations=relations,
        negatives=NegativeScores(checked=len(gold.negatives), violations=violations),
        evidence=EvidenceScores(checked=checked, bad=len(problems), problems=problems),
    )


def _score_entities(resolved: Resolved, gold: Gold, g2p: dict[str, str], p2g: dict[str, str],
                    deb_entities: set[str], type_only: set[str]) -> EntityScores:
    gold_by_id = {g.id: g for g in gold.entities}
    pred_by_id = {p.id: p for p in resolved.entities}
    types = sorted({fold_type(g.type) for g in gold.entities}
                   | {fold_type(p.type) for p in resolved.entities})
    counts = {t: [0, 0, 0, 0] for t in ["*", *types]}  # correct, predicted, found, gold
    matched_gold = set(p2g.values())
    missed = []
    for g in gold.entities:
        if g.id in deb_entities:
            continue
        hit = g.id in matched_gold
        for t in ("*", fold_type(g.type)):
            counts[t][2] += hit
            counts[t][3] += 1
        if not hit:
            missed.append(EntityItem(id=g.id, name=g.name, type=g.type))
    unmatched = []
    for p in resolved.entities:
        gid = p2g.get(p.id)
        if gid in deb_entities:
            continue
        for t in ("*", fold_type(p.type)):
            counts[t][0] += gid is not None
            counts[t][1] += 1
        if gid is None:
            unmatched.append(EntityItem(id=p.id, name=p.name, type=p.type))
    right = total = 0
    for gid, pid in g2p.items():
        if gid in deb_entities:
            continue
        total += 1
        right += (gid in type_only
                  or fold_type(gold_by_id[gid].type) == fold_type(pred_by_id[pid].type))
    per_gold: dict[str, int] = defaultdict(int)
    for gid in p2g.values():
        per_gold[gid] += 1
    return EntityScores(
        overall=_prf(*counts["*"]),
        by_type={t: _prf(*counts[t]) for t in types if any(counts[t])},
        types=_frac(right, total),
        alignment=dict(sorted(g2p.items())),
        missed=missed,
        unmatched=unmatched,
        duplicates=sorted(g for g, n in per_gold.items() if n > 1),
    )


def _score_deals(resolved: Resolved, gold: Gold, p2g: dict[str, str], deb_deals: set[str],
                 kind_only: set[str]) -> tuple[DealScores, dict[str, str]]:
    mapped = {d.id: _mapped_parties(d, p2g) for d in resolved.deals}
    candidates = []
    for gi, g in enumerate(gold.deals):
        gparties = frozenset(p.entity for p in g.parties)
        for pi, d in enumerate(resolved.deals):
            pparties = mapped[d.id]
            if not (pparties == gparties or (len(gparties) == 1 and gparties <= pparties)):
                continue
            pdate = d.date.value if d.date else None
            key = (g.kind == d.kind, g.id in kind_only,
                   _date_equal(g.date, g.date_precision, d.date),
                   (g.date or "")[:4] == (pdate or "")[:4], g.status == d.status)
            candidates.append((key, gi, pi))
    candidates.sort(key=lambda c: (tuple(not k for k in c[0]), c[1], c[2]))
    g2p: dict[str, str] = {}
    p2g_deal: dict[str, str] = {}
    for _, gi, pi in candidates:
        gid, pid = gold.deals[gi].id, resolved.deals[pi].id
        if gid not in g2p and pid not in p2g_deal:
            g2p[gid], p2g_deal[pid] = pid, gid
    pred_by_id = {d.id: d for d in resolved.deals}

    n_gold = found = complete = 0
    kinds, roles, status, dates, end_dates = ([0, 0] for _ in range(5))
    missed, incomplete = [], []
    for g in gold.deals:
        if g.id in deb_deals:
            continue
        n_gold += 1
        gparties = [p.entity for p in g.parties]
        if g.id not in g2p:
            missed.append(_deal_item(g.id, g.kind, gparties, g.date))
            continue
        found += 1
        d = pred_by_id[g2p[g.id]]
        problems = []
        kind_ok = g.kind == d.kind or g.id in kind_only
        date_ok = _date_equal(g.date, g.date_precision, d.date)
        if not kind_ok:
            problems.append(f"kind {d.kind} (gold {g.kind})")
        if not date_ok:
            got = f"{d.date.value} [{d.date.precision}]" if d.date else "none"
            problems.append(f"date {got} (gold {g.date} [{g.date_precision}])")
        complete += kind_ok and date_ok
        kinds[0] += kind_ok
        kinds[1] += 1
        pred_roles = {p2g.get(p.entity): p.role for p in d.parties}
        roles_ok = all(pred_roles.get(p.entity) == p.role for p in g.parties)
        roles[0] += roles_ok
        roles[1] += 1
        if not roles_ok:
            problems.append("roles " + ", ".join(
                f"{p.entity}={pred_roles.get(p.entity)} (gold {p.role})"
                for p in g.parties if pred_roles.get(p.entity) != p.role))
        status[0] += g.status == d.status
        status[1] += 1
        if g.status != d.status:
            problems.append(f"status {d.status} (gold {g.status})")
        if g.date is not None:
            dates[0] += date_ok
            dates[1] += 1
        if g.end_date is not None:
            end_ok = _date_equal(g.end_date, g.end_date_precision, d.end_date)
            end_dates[0] += end_ok
            end_dates[1] += 1
            if not end_ok:
                problems.append(f"end date {d.end_date.value if d.end_date else 'none'} "
                                f"(gold {g.end_date})")
        if problems:
            incomplete.append(_deal_item(g.id, d.kind, gparties,
                                         d.date.value if d.date else None, problems))
    correct = predicted = 0
    unmatched = []
    negative_parties = [frozenset(n.parties) for n in gold.negatives]
    for d in resolved.deals:
        gid = p2g_deal.get(d.id)
        if gid in deb_deals:
            continue
        if gid is None and d.status in _UNREAL_STATUSES and any(
                n <= mapped[d.id] for n in negative_parties):
            continue  # a gold negative recorded as not having happened: right, not a deal
        predicted += 1
        if gid is None:
            unmatched.append(_deal_item(d.id, d.kind, mapped[d.id],
                                        d.date.value if d.date else None))
        else:
            correct += 1
    scores = DealScores(
        by_parties=_prf(correct, predicted, found, n_gold),
        complete=_frac(complete, n_gold),
        kinds=_frac(*kinds), roles=_frac(*roles), status=_frac(*status),
        dates=_frac(*dates), end_dates=_frac(*end_dates),
        matches=dict(sorted(g2p.items())),
        missed=missed, unmatched=unmatched, incomplete=incomplete,
    )
    return scores, p2g_deal


def _score_relations(resolved: Resolved, gold: Gold, p2g: dict[str, str],
                     p2g_deal: dict[str, str], debatable_ids: set[str],
                     deb_triples: set[tuple[str, ...]]) -> RelationScores:
    def is_debatable(t: tuple[str, str, str]) -> bool:
        return t in deb_triples or t[0] in debatable_ids or t[2] in debatable_ids

    gold_triples = {(r.subject, r.predicate, r.object) for r in gold.relations
                    if r.predicate not in _EXCLUDED_PREDICATES}
    pred_triples = set()
    for r in resolved.relations:
        if r.predicate in _EXCLUDED_PREDICATES:
            continue
        obj_map = p2g_deal if r.predicate == "attended" else p2g
        pred_triples.add((p2g.get(r.subject, "?" + r.subject), r.predicate,
                          obj_map.get(r.object, "?" + r.object)))
    counted_gold = {t for t in gold_triples if not is_debatable(t)}
    counted_pred = {t for t in pred_triples if not is_debatable(t)}

    def prf(keep: Any) -> PRF:
        g = {t for t in counted_gold if keep(t[1])}
        p = {t for t in counted_pred if keep(t[1])}
        return _prf(len(p & g), len(p), len(g & p), len(g))

    predicates = sorted({t[1] for t in counted_gold | counted_pred})
    return RelationScores(
        overall=prf(lambda _: True),
        by_predicate={pr: prf(lambda x, pr=pr: x == pr) for pr in predicates},
        groups={"roles": prf(lambda x: x in ROLE_PREDICATES),
                "headquartered_in": prf(lambda x: x == "headquartered_in"),
                "brand_of": prf(lambda x: x == "brand_of")},
        missed=sorted(counted_gold - counted_pred),
        unmatched=sorted(counted_pred - counted_gold),
    )


# --------------------------------------------------------------------------------------
# Text output


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _prf_line(label: str, s: PRF) -> str:
    return (f"  {label:<22} {_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>6}"
            f"   {s.correct:>5}/{s.predicted:<5} {s.found:>5}/{s.gold}")


def _frac_line(label: str, f: Fraction) -> str:
    return f"  {label:<22} {_fmt(f.value):>6}   {f.correct}/{f.total}"


def format_report(report: EvalReport, *, show_misses: bool = False) -> str:
    """The report as a plain-text table (and, on request, the misses for debugging).

    Examples
    --------
    >>> gold = Gold.model_validate({"documents": [{"file": "a.txt"}]})
    >>> empty = Resolved(articles=(), entities=(), deals=(), relations=())
    >>> print(format_report(score(empty, gold)).splitlines()[0])
    Evaluation of 1 document(s) (debatable gold items ignored)
    """
    head = f"  {'':<22} {'P':>6} {'R':>6} {'F1':>6}   correct/pred found/gold"
    lines = [f"Evaluation of {len(report.documents)} document(s) "
             f"({'debatable gold items ignored' if report.ignore_debatable else 'all gold items'})",
             "", "Entities", head, _prf_line("all", report.entities.overall)]
    lines += [_prf_line(t, s) for t, s in report.entities.by_type.items()]
    lines.append(_frac_line("types right", report.entities.types))
    d = report.deals
    lines += ["", "Deals", head, _prf_line("by parties", d.by_parties),
              _frac_line("complete", d.complete), _frac_line("kinds", d.kinds),
              _frac_line("roles", d.roles), _frac_line("status", d.status),
              _frac_line("dates", d.dates), _frac_line("end dates", d.end_dates)]
    rel = report.relations
    lines += ["", "Relations (partner_of excluded)", head, _prf_line("all", rel.overall)]
    lines.append(_prf_line("people's roles", rel.groups["roles"]))
    lines += [_prf_line(p, s) for p, s in rel.by_predicate.items()]
    lines += ["", f"Negatives: {len(report.negatives.violations)} violation(s) of "
                  f"{report.negatives.checked} negative(s)",
              f"Evidence: {report.evidence.bad} bad of {report.evidence.checked} checked"]
    if show_misses:
        e = report.entities
        lines += ["", "Missed gold entities:"]
        lines += [f"  {x.id} ({x.type}): {x.name}" for x in e.missed] or ["  (none)"]
        lines += ["Unmatched predicted entities:"]
        lines += [f"  {x.id} ({x.type}): {x.name}" for x in e.unmatched] or ["  (none)"]
        if e.duplicates:
            lines += ["Gold entities matched more than once: " + ", ".join(e.duplicates)]
        lines += ["Missed gold deals:"]
        lines += [f"  {x.id} {x.kind} {'+'.join(x.parties)} {x.date}" for x in d.missed] \
            or ["  (none)"]
        lines += ["Unmatched predicted deals (parties mapped to gold ids; ?id = no gold match):"]
        lines += [f"  {x.id} {x.kind} {'+'.join(x.parties)} {x.date}" for x in d.unmatched] \
            or ["  (none)"]
        lines += ["Matched deals with errors:"]
        lines += [f"  {x.id}: {'; '.join(x.problems)}" for x in d.incomplete] or ["  (none)"]
        lines += ["Missed gold relations:"]
        lines += [f"  {' '.join(t)}" for t in rel.missed] or ["  (none)"]
        lines += ["Unmatched predicted relations:"]
        lines += [f"  {' '.join(t)}" for t in rel.unmatched] or ["  (none)"]
        lines += ["Negative violations:"]
        lines += [f"  {v.negative}: deal {v.deal} ({v.status})"
                  for v in report.negatives.violations] or ["  (none)"]
        lines += ["Bad evidence:"]
        lines += [f"  {b.item} {b.document}[{b.start}:{b.end}]: {b.problem}"
                  for b in report.evidence.problems] or ["  (none)"]
    return "\n".join(lines)
