"""Resolution: Extractions -> canonical Entities, Deals and Relations (``Resolved``).

* Entities: mentions with the same alias-table key, the same legal core name ("Lontium
  Semiconductor Corp." = "Lontium Semiconductor (Hefei) Co., Ltd."), or — for a one-word
  name — the one multi-word organisation it starts ("Lontium" -> "Lontium Semiconductor")
  are one entity. Parent and subsidiary names that differ in more than legal form ("NIO
  Holding", "Nio Power") stay separate.
* Deals: claims with the same kind, the same parties, compatible dates and the same
  reality (signed/planned vs rumoured/denied/...) are one deal with all their evidence.
  Generic mentions ("their partnership") join a specific deal of the same parties.
* Relations: the same (subject, predicate, object) with compatible dates is one relation;
  investment, supply and contract-manufacturing deals also state investor_in, supplier_of
  and manufacturer_for.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .extraction.mentions import Aliases, core_name, normalize_name
from .models import (
    ORGANIZATION_TYPES,
    Article,
    DateValue,
    Deal,
    DealClaim,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Party,
    Relation,
    RelationClaim,
    Resolved,
)

_TYPE_STRENGTH = {"table.v1": 3}
_STATUS_RANK = {"planned": 0, "ongoing": 1, "announced": 2, "signed": 3, "completed": 4, "dissolved": 5}
_REALITY = {"rumoured": "r", "denied": "d", "hypothetical": "h", "cancelled": "c"}


def slugify(text: str) -> str:
    """A stable id from a name.

    Examples
    --------
    >>> slugify("Zuo Yan’an")
    'zuo-yanan'
    >>> slugify("Lontium Semiconductor (Hefei) Co., Ltd.")
    'lontium-semiconductor-hefei-co-ltd'
    """
    t = re.sub(r"[’'`]", "", text.casefold())
    t = re.sub(r"[^\w]+", "-", t, flags=re.UNICODE).strip("-")
    return t or "x"


def _family(t: str) -> str:
    return "org" if t in ORGANIZATION_TYPES else t


def _person_key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", normalize_name(name).replace("'", ""))


def resolve_entities(extractions: list[Extraction], aliases: Aliases) -> Resolved:
    """One canonical entity per real-world thing, and the deals and relations between them."""
    mentions = [m for x in extractions for m in x.mentions]
    cluster_of = _cluster(mentions, aliases)
    entities, mention_entity = _entities(mentions, cluster_of, aliases, extractions)
    deals, deal_of_claim = _deals([d for x in extractions for d in x.deals], mention_entity)
    relations = _relations([r for x in extractions for r in x.relations], mention_entity, deal_of_claim, deals)
    articles = tuple(sorted((x.article for x in extractions), key=lambda a: a.id))
    return Resolved(articles=articles, entities=entities, deals=deals, relations=relations)


def _cluster(mentions: list[Mention], aliases: Aliases) -> dict[str, str]:
    """Mention id -> cluster key."""
    table_core: dict[tuple[str, str], str] = {}
    for surface, kn in aliases.by_surface.items():
        table_core.setdefault((_family(kn.type), core_name(surface)), kn.key)
    # a surface form that one mention of an article resolved to a known entity names that
    # entity everywhere in the article ("Ebro EV Motors, S.L." once introduced as "Ebro")
    surface_key: dict[tuple[str, str], str] = {}
    for m in mentions:
        if m.key:
            surface_key.setdefault((m.article, m.text), m.key)
    key_of: dict[str, str] = {}
    for m in mentions:
        fam = _family(m.type)
        if not m.key and (m.article, m.text) in surface_key and fam == "org":
            key_of[m.id] = f"k:{surface_key[(m.article, m.text)]}"
        elif m.key:
            key_of[m.id] = f"k:{m.key}"
        elif m.type == "Person":
            key_of[m.id] = f"p:{_person_key(m.name)}"
        else:
            core = core_name(m.name)
            k = table_core.get((fam, core))
            key_of[m.id] = f"k:{k}" if k else f"{fam}:{core}"
    # one-word organisation names join the one multi-word organisation they start
    clusters = set(key_of.values())
    names_by_key: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        names_by_key[key_of[m.id]].add(core_name(m.name))
    by_first_word: dict[str, set[str]] = defaultdict(set)
    for k2, names in names_by_key.items():
        if k2.startswith("org:") or k2.startswith("k:"):
            for n in names:
                if " " in n:
                    by_first_word[n.split(" ", 1)[0]].add(k2)
    remap: dict[str, str] = {}
    for k in clusters:
        if not k.startswith("org:"):
            continue
        core = k[4:]
        if " " in core:
            continue
        hosts = by_first_word.get(core, set()) - {k}
        if len(hosts) == 1:
            remap[k] = next(iter(hosts))
    # surnames and short person names: "Zuo Yanan" = "Zuo Yan’an" already by key
    return {mid: remap.get(k, k) for mid, k in key_of.items()}


def _entities(mentions, cluster_of, aliases, extractions):
    by_cluster: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_cluster[cluster_of[m.id]].append(m)
    used_ids: set[str] = set()
    entities: list[Entity] = []
    mention_entity: dict[str, str] = {}
    texts = {x.article.id: x.article.text for x in extractions}
    for key in sorted(by_cluster, key=lambda k: (k.startswith("k:") is False, k)):
        ms = by_cluster[key]
        if key.startswith("k:"):
            kn = aliases.names[key[2:]]
            eid, name, etype = kn.key, kn.name, kn.type
            # a known name's type stands unless the text says it is something else entirely
        else:
            names = Counter(m.name for m in ms)
            name = max(names, key=lambda n: (names[n], len(n), n))
            types = Counter(m.type for m in ms)
            etype = max(types, key=lambda t: (types[t], t == "Company"))
            eid = slugify(core_name(name) if _family(etype) == "org" else name)
        if eid in used_ids:
            eid = f"{eid}-{etype.lower()}"
        n = 2
        base = eid
        while eid in used_ids:
            eid = f"{base}-{n}"
            n += 1
        used_ids.add(eid)
        surfaces = set()
        for m in ms:
            s = m.text.replace("\u00a0", " ")
            s = re.sub(r"(?:’s|'s|‘s)$", "", s)
            surfaces.add(s)
            surfaces.add(m.name)
        aliases_ = tuple(sorted(s for s in surfaces if s != name and s))
        docs = tuple(sorted({m.article for m in ms}))
        entities.append(Entity(id=eid, type=etype, name=name, aliases=aliases_, documents=docs))
        for m in ms:
            mention_entity[m.id] = eid
    return tuple(sorted(entities, key=lambda e: e.id)), mention_entity


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _better_date(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two compatible dates; a stated date beats an inferred one."""
    if a is None:
        return b
    if b is None:
        return a
    if (a.origin == "inferred") != (b.origin == "inferred"):
        return b if a.origin == "inferred" else a
    wa, wb = a.latest - a.earliest, b.latest - b.earliest
    return a if (wa, a.value) <= (wb, b.value) else b


class _DealAcc:
    def __init__(self, claim: DealClaim, parties: dict[str, str], place: str | None):
        self.kind = claim.kind
        self.parties = parties  # entity -> role
        self.date = claim.date
        self.end_date = claim.end_date
        self.status = claim.status
        self.title = claim.title
        self.value = claim.value
        self.stake = claim.stake
        self.place = place
        self.evidence: set[Evidence] = set(claim.evidence)
        self.claims = [claim.id]
        self.generic = claim.rule.endswith(".generic")

    def absorb(self, claim: DealClaim, parties: dict[str, str], place: str | None) -> None:
        self.evidence |= set(claim.evidence)
        self.claims.append(claim.id)
        self.date = _better_date(self.date, claim.date)
        self.end_date = _better_date(self.end_date, claim.end_date)
        if _STATUS_RANK.get(claim.status, -1) > _STATUS_RANK.get(self.status, -1):
            self.status = claim.status
        self.title = self.title or claim.title
        self.value = self.value or claim.value
        self.stake = self.stake if self.stake is not None else claim.stake
        self.place = self.place or place
        for e, r in parties.items():
            if self.parties.get(e, "party") == "party":
                self.parties[e] = r

    def key(self) -> tuple:
        return (self.kind, frozenset(self.parties), _REALITY.get(self.status, ""))


def _deals(claims: list[DealClaim], mention_entity: dict[str, str]):
    specific: list[_DealAcc] = []
    buckets: dict[tuple, list[_DealAcc]] = defaultdict(list)  # (kind, parties, reality) -> deals
    by_parties: dict[frozenset, list[_DealAcc]] = defaultdict(list)
    generic: list[tuple[DealClaim, dict[str, str], str | None]] = []
    for c in sorted(claims, key=lambda c: (c.rule.endswith(".generic"), c.article, c.id)):
        parties: dict[str, str] = {}
        for p in c.parties:
            e = mention_entity.get(p.mention)
            if e is None:
                continue
            if parties.get(e, "party") == "party":
                parties[e] = p.role
        if len(parties) < 2:
            continue
        place = mention_entity.get(c.place) if c.place else None
        if c.rule.endswith(".generic"):
            generic.append((c, parties, place))
            continue
        reality = _REALITY.get(c.status, "")
        key = (c.kind, frozenset(parties), reality)
        twin = next(
            (d for d in buckets[key]
             if _REALITY.get(d.status, "") == reality
             and _compatible(d.date, c.date) and _compatible(d.end_date, c.end_date)),
            None,
        )
        if twin is None:
            acc = _DealAcc(c, parties, place)
            specific.append(acc)
            buckets[key].append(acc)
            by_parties[frozenset(parties)].append(acc)
        else:
            twin.absorb(c, parties, place)
    for c, parties, place in generic:
        reality = _REALITY.get(c.status, "")
        pset = frozenset(parties)
        same = [d for d in by_parties[pset] if _REALITY.get(d.status, "") == reality]
        if len(same) == 1:
            same[0].evidence |= set(c.evidence)
            same[0].claims.append(c.id)
        elif not same:
            twin = next((d for d in by_parties[pset] if d.generic and _compatible(d.date, c.date)), None)
            if twin is None:
                acc = _DealAcc(c, parties, place)
                specific.append(acc)
                by_parties[pset].append(acc)
            else:
                twin.absorb(c, parties, place)
    deals: list[Deal] = []
    deal_of_claim: dict[str, str] = {}
    used: set[str] = set()
    for d in specific:
        base = "-".join(sorted(d.parties)) + "-" + d.kind.replace("_", "-") + "-" + (d.date.value if d.date else "undated")
        did = slugify(base)
        n = 2
        while did in used:
            did = f"{slugify(base)}-{n}"
            n += 1
        used.add(did)
        deals.append(Deal(
            id=did, kind=d.kind,
            parties=tuple(Party(entity=e, role=r) for e, r in sorted(d.parties.items())),
            date=d.date, end_date=d.end_date, status=d.status, title=d.title, value=d.value,
            stake=d.stake, place=d.place,
            evidence=tuple(sorted(d.evidence, key=lambda e: (e.document, e.start, e.end))),
        ))
        for cid in d.claims:
            deal_of_claim[cid] = did
    return tuple(sorted(deals, key=lambda d: d.id)), deal_of_claim


_MIRRORS = {
    "investment": ("investor", "investee", "investor_in"),
    "supply": ("supplier", "customer", "supplier_of"),
    "contract_manufacturing": ("manufacturer", "client", "manufacturer_for"),
}


def _relations(claims: list[RelationClaim], mention_entity, deal_of_claim, deals) -> tuple[Relation, ...]:
    acc: dict[tuple, dict] = {}
    by_triple: dict[tuple, list[dict]] = defaultdict(list)

    def add(s, p, o, date, end, evidence):
        for r in by_triple[(s, p, o)]:
            if _compatible(r["date"], date) and _compatible(r["end"], end):
                r["evidence"] |= set(evidence)
                r["date"] = _better_date(r["date"], date)
                r["end"] = _better_date(r["end"], end)
                return
        r = {"date": date, "end": end, "evidence": set(evidence)}
        acc[(s, p, o, len(acc))] = r
        by_triple[(s, p, o)].append(r)

    for c in claims:
        s = mention_entity.get(c.subject)
        o = deal_of_claim.get(c.object) if c.predicate == "attended" else mention_entity.get(c.object)
        if s is None or o is None or s == o:
            continue
        add(s, c.predicate, o, c.date, c.end_date, c.evidence)
    for d in deals:
        if d.status in _REALITY or d.kind not in _MIRRORS:
            continue
        a_role, b_role, pred = _MIRRORS[d.kind]
        subj = [p.entity for p in d.parties if p.role == a_role]
        obj = [p.entity for p in d.parties if p.role == b_role]
        for s in subj:
            for o in obj:
                add(s, pred, o, d.date, d.end_date, d.evidence)
    out = []
    used: set[str] = set()
    for (s, p, o, _), r in sorted(acc.items(), key=lambda kv: kv[0]):
        base = slugify(f"{s}-{p.replace('_', '-')}-{o}" + (f"-{r['date'].value}" if r["date"] else ""))
        rid, n = base, 2
        while rid in used:
            rid = f"{base}-{n}"
            n += 1
        used.add(rid)
        out.append(Relation(id=rid, subject=s, predicate=p, object=o, date=r["date"], end_date=r["end"],
                            evidence=tuple(sorted(r["evidence"], key=lambda e: (e.document, e.start, e.end)))))
    return tuple(sorted(out, key=lambda r: r.id))


def articles_of(resolved: Resolved) -> dict[str, Article]:
    return {a.id: a for a in resolved.articles}
