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
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from .extraction.mentions import Aliases, normalize_name
from .extraction.mentions import core_name as _core_name
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


# the same few thousand names come back in every article of a large corpus
core_name = lru_cache(maxsize=1 << 16)(_core_name)


def _family(t: str) -> str:
    return "org" if t in ORGANIZATION_TYPES else t


def _person_key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", normalize_name(name).replace("'", ""))


_GOVERNMENT_LEVELS = frozenset({"municipal", "city", "county", "provincial", "district", "state"})


def _government_core(name: str) -> str:
    """A government's core name: "Hefei Municipal People's Government" is the Hefei
    municipal government."""
    core = core_name(name)
    if core.endswith("people's government"):
        core = core[: -len("people's government")] + "government"
    return core


def resolve_entities(extractions: Iterable[Extraction], aliases: Aliases) -> Resolved:
    """One canonical entity per real-world thing, and the deals and relations between them.

    The same as ``Resolver`` fed the extractions in article order; for a corpus that does
    not fit in memory, use ``Resolver`` directly (two passes over a stream).
    """
    xs = sorted(extractions, key=lambda x: x.article.id)
    resolver = Resolver(aliases)
    for x in xs:
        resolver.add_mentions(x.article.id, x.mentions)
    resolver.settle_entities()
    for x in xs:
        resolver.add_claims(x)
    return resolver.result()


class Resolver:
    """Resolution in two passes over a corpus, with state the size of the *result*.

    1. ``add_mentions`` for every article: each mention gets a cluster key from its own
       article and the alias table; only per-cluster counts (names, types, surfaces,
       articles) are kept, not the mentions.
    2. ``settle_entities``: one-word organisation names join the one multi-word organisation
       they start, and each cluster becomes an ``Entity``.
    3. ``add_claims`` for every article, in the same order: its deal and relation claims,
       with their mentions mapped to entities, are merged into the corpus's deals.
    4. ``result``: the ``Resolved`` corpus.

    Articles must come in the same order in both passes (``resolve_entities`` sorts them
    by id), so the result does not depend on how a corpus was split into builds.
    """

    def __init__(self, aliases: Aliases):
        self._aliases = aliases
        self._table_core: dict[tuple[str, str], str] = {}
        for surface, kn in aliases.by_surface.items():
            self._table_core.setdefault((_family(kn.type), core_name(surface)), kn.key)
        self._table_names = frozenset(normalize_name(s) for s in aliases.by_surface)
        self._clusters: dict[str, _ClusterStats] = {}
        self._remap: dict[str, str] = {}
        self._entity_of_cluster: dict[str, str] = {}
        self._entities: tuple[Entity, ...] = ()
        self._articles: list[Article] = []
        self._same = _Interner()
        self._deals = _DealMerger(self._same)
        self._relation_claims: list[tuple] = []
        self._settled = False
        self._final: tuple[list[_DealAcc], list[_RelationAcc]] | None = None

    # -- pass 1 ------------------------------------------------------------------
    def add_mentions(self, article: str, mentions: Sequence[Mention]) -> None:
        for m, key in zip(mentions, self._keys(mentions)):
            stats = self._clusters.get(key)
            if stats is None:
                stats = self._clusters[key] = _ClusterStats()
            stats.add(m)

    def _keys(self, mentions: Sequence[Mention]) -> list[str]:
        """Each mention's cluster key, from its own article and the alias table only."""
        # a surface form that one mention of an article resolved to a known entity names that
        # entity everywhere in the article ("Ebro EV Motors, S.L." once introduced as "Ebro")
        surface_key: dict[str, str] = {}
        for m in mentions:
            if m.key:
                surface_key.setdefault(m.text, m.key)
        # "On behalf of the Municipal People's Government", in an article that named it the
        # Wuhu Municipal People's Government: the one government of that level it names
        placed_government: dict[str, set[str]] = {}
        for m in mentions:
            if m.type == "GovernmentBody" and not m.key:
                words = _government_core(m.name).split(" ", 1)
                if len(words) == 2 and words[0] not in _GOVERNMENT_LEVELS:
                    placed_government.setdefault(words[1], set()).add(m.name)
                # "the Administrative Committee", in an article that named the Administrative
                # Committee of the Lumen Industrial Park: that committee
                head, of, _ = m.name.partition(" of ")
                if of and " " in head:
                    placed_government.setdefault(_government_core(head), set()).add(m.name)
        keys = []
        for m in mentions:
            fam = _family(m.type)
            if not m.key and m.text in surface_key and fam == "org":
                keys.append(f"k:{surface_key[m.text]}")
            elif m.key:
                keys.append(f"k:{m.key}")
            elif m.type == "Person":
                keys.append(f"p:{_person_key(m.name)}")
            else:
                core = core_name(m.name)
                if m.type == "GovernmentBody":
                    core = _government_core(m.name)
                    if (core.split(" ", 1)[0] in _GOVERNMENT_LEVELS or " of " not in m.name) \
                            and len(placed_government.get(core, ())) == 1:
                        core = _government_core(next(iter(placed_government[core])))
                k = self._table_core.get((fam, core))
                if m.via == "subsidiary.v1" and (k and normalize_name(m.name) not in self._table_names
                                                 or not k and (" " not in core or "(" in m.name)):
                    # "its U.S. subsidiary, Kestrel Inc.", "X (Suzhou) Co., Ltd., the German firm's
                    # Chinese subsidiary": not the parent its core name would join
                    keys.append(f"sub:{normalize_name(m.name)}")
                else:
                    keys.append(f"k:{k}" if k else f"{fam}:{core}")
        return keys

    # -- between the passes --------------------------------------------------------
    def settle_entities(self) -> tuple[Entity, ...]:
        # one-word organisation names join the one organisation another article introduced
        # them for ("China Petroleum & Chemical Corp. (Sinopec)"), or else the one
        # multi-word organisation they start
        by_first_word: dict[str, set[str]] = defaultdict(set)
        by_short_form: dict[str, set[str]] = defaultdict(set)
        for key, stats in self._clusters.items():
            if key.startswith(("org:", "k:", "sub:")):
                for n in stats.cores:
                    if " " in n:
                        by_first_word[n.split(" ", 1)[0]].add(key)
                for surface in stats.surfaces:
                    if " " not in surface:
                        by_short_form[core_name(surface)].add(key)
        # a model code alone ("S800") is the one multi-word product it ends ("Maxel S800")
        by_last_word: dict[str, set[str]] = defaultdict(set)
        for key in self._clusters:
            if key.startswith("Product:") and " " in key:
                by_last_word[key.rsplit(" ", 1)[1]].add(key)
        remap: dict[str, str] = {}
        for key in self._clusters:
            if key.startswith("Product:") and " " not in key:
                hosts = by_last_word.get(key[len("Product:"):], set())
                if len(hosts) == 1:
                    remap[key] = next(iter(hosts))
            if not key.startswith("org:"):
                continue
            core = key[4:]
            if " " in core:
                continue
            hosts = by_short_form.get(core, set()) - {key}
            if len(hosts) != 1:
                hosts = by_first_word.get(core, set()) - {key}
            if len(hosts) == 1:
                remap[key] = next(iter(hosts))
        merged: dict[str, _ClusterStats] = {}
        for key, stats in self._clusters.items():
            target = remap.get(key, key)
            if target in merged:
                merged[target].merge(stats)
            else:
                merged[target] = stats
        self._remap = remap
        self._entities, self._entity_of_cluster = _entities(merged, self._aliases)
        self._clusters = {}
        self._settled = True
        return self._entities

    # -- pass 2 ------------------------------------------------------------------
    def add_claims(self, extraction: Extraction) -> None:
        if not self._settled:
            raise RuntimeError("Resolver.settle_entities() must run between the two passes")
        x = extraction
        article = x.article if not x.article.sentences else x.article.model_copy(update={"sentences": ()})
        self._articles.append(article)
        entity = self._entity_of_cluster
        mention_entity = {
            m.id: entity[self._remap.get(k, k)] for m, k in zip(x.mentions, self._keys(x.mentions))
        }
        self._deals.add(x.deals, mention_entity)
        for c in x.relations:
            s = mention_entity.get(c.subject)
            attended = c.predicate == "attended"
            o = c.object if attended else mention_entity.get(c.object)
            if s is not None and o is not None:
                same = self._same
                self._relation_claims.append((s, c.predicate, o, attended, same(c.date), same(c.end_date),
                                              tuple(same(e) for e in c.evidence)))

    def _finish(self) -> tuple[list[_DealAcc], list[_RelationAcc]]:
        """Merge the generic claims, give deals and relations their ids (once)."""
        if self._final is None:
            deals, deal_of_claim = self._deals.finish()
            claims = []
            for s, p, o, attended, when, end, evidence in self._relation_claims:
                if attended:
                    o = deal_of_claim.get(o)
                    if o is None:
                        continue
                if s != o:
                    claims.append((s, p, o, when, end, evidence))
            self._relation_claims = []
            self._final = (deals, _relations(claims, deals))
        return self._final

    def result(self) -> Resolved:
        """The whole resolved corpus."""
        deals, relations = self._finish()
        return Resolved(
            articles=tuple(sorted(self._articles, key=lambda a: a.id)),
            entities=self._entities,
            deals=tuple(d.model(self._same) for d in deals),
            relations=tuple(r.model() for r in relations),
        )

    def counts(self) -> tuple[int, int, int]:
        """How many entities, deals and relations the corpus resolves to."""
        deals, relations = self._finish()
        return len(self._entities), len(deals), len(relations)

    def texts(self) -> dict[str, str]:
        return {a.id: a.text for a in self._articles}

    def evidence(self) -> Iterator[tuple[str, str, Iterable[Evidence]]]:
        """("deal" or "relation", id, its evidence) for every fact."""
        deals, relations = self._finish()
        for d in deals:
            yield "deal", d.id, d.evidence
        for r in relations:
            yield "relation", r.id, r.evidence

    def slices(self) -> Iterator[Resolved]:
        """The corpus one article at a time, in id order: the article, the entities it
        mentions, and the deals and relations it gives evidence for (with all their
        evidence). ``graph.article_graphs`` of each slice is that article's graph in the
        whole corpus; deal and relation values are made for one article at a time, so a
        large corpus never holds them all at once."""
        deals, relations = self._finish()
        entities: dict[str, list[Entity]] = defaultdict(list)
        for e in self._entities:
            for doc in e.documents:
                entities[doc].append(e)
        deals_of: dict[str, list[_DealAcc]] = defaultdict(list)
        for d in deals:
            for doc in sorted({ev.document for ev in d.evidence}):
                deals_of[doc].append(d)
        relations_of: dict[str, list[_RelationAcc]] = defaultdict(list)
        for r in relations:
            for doc in sorted({ev.document for ev in r.evidence}):
                relations_of[doc].append(r)
        for a in sorted(self._articles, key=lambda a: a.id):
            yield Resolved(
                articles=(a,),
                entities=tuple(entities.pop(a.id, ())),
                deals=tuple(d.model(self._same) for d in deals_of.pop(a.id, ())),
                relations=tuple(r.model() for r in relations_of.pop(a.id, ())),
            )


class _Interner(dict):
    """One shared object per distinct value (dates, evidence, parties): across a large
    corpus the same values recur hundreds of thousands of times, each parsed anew."""

    def __call__(self, value):
        return self.setdefault(value, value)


class _ClusterStats:
    """What resolution needs to know about the mentions of one cluster."""

    __slots__ = ("names", "types", "surfaces", "cores", "documents")

    def __init__(self) -> None:
        self.names: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.surfaces: set[str] = set()
        self.cores: set[str] = set()
        self.documents: set[str] = set()

    def add(self, m: Mention) -> None:
        self.names[m.name] += 1
        self.types[m.type] += 1
        s = m.text.replace("\u00a0", " ")
        self.surfaces.add(re.sub(r"(?:’s|'s|‘s)$", "", s))
        self.surfaces.add(m.name)
        self.cores.add(core_name(m.name))
        self.documents.add(m.article)

    def merge(self, other: "_ClusterStats") -> None:
        self.names.update(other.names)
        self.types.update(other.types)
        self.surfaces |= other.surfaces
        self.cores |= other.cores
        self.documents |= other.documents


def _entities(clusters: dict[str, _ClusterStats], aliases: Aliases) -> tuple[tuple[Entity, ...], dict[str, str]]:
    used_ids: set[str] = set()
    entities: list[Entity] = []
    entity_of: dict[str, str] = {}
    for key in sorted(clusters, key=lambda k: (k.startswith("k:") is False, k)):
        stats = clusters[key]
        if key.startswith("k:"):
            # a known name's type stands unless the text says it is something else entirely
            kn = aliases.names[key[2:]]
            eid, name, etype = kn.key, kn.name, kn.type
        else:
            names, types = stats.names, stats.types
            name = max(names, key=lambda n: (names[n], len(n), n))
            etype = max(types, key=lambda t: (types[t], t == "Company"))
            eid = slugify(core_name(name) if _family(etype) == "org" and not key.startswith("sub:") else name)
        if eid in used_ids:
            eid = f"{eid}-{etype.lower()}"
        n = 2
        base = eid
        while eid in used_ids:
            eid = f"{base}-{n}"
            n += 1
        used_ids.add(eid)
        aliases_ = tuple(sorted(s for s in stats.surfaces if s != name and s))
        entities.append(Entity(id=eid, type=etype, name=name, aliases=aliases_,
                               documents=tuple(sorted(stats.documents))))
        entity_of[key] = eid
    return tuple(sorted(entities, key=lambda e: e.id)), entity_of


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _continues(a: DateValue | None, a_status: str, b: DateValue | None, b_status: str) -> bool:
    """Whether one of two dated claims is an ongoing arrangement dated after the other's start."""
    if a is None or b is None:
        return False
    return (a_status == "ongoing" and b.earliest <= a.earliest) or (b_status == "ongoing" and a.earliest <= b.earliest)


def _completes(a: DateValue | None, a_status: str, b: DateValue | None, b_status: str) -> bool:
    """Whether one of two dated claims completes (registers, closes) what the other signed, within
    two years after it."""
    if a is None or b is None or {a_status, b_status} != {"signed", "completed"}:
        return False
    signed, done = (a, b) if a_status == "signed" else (b, a)
    return 0 <= (done.earliest - signed.earliest).days <= 730


def _kept_apart(d: "_DealAcc", c: DealClaim) -> bool:
    """A plan and a deal done that the extractor told apart in one article ("a kit supply
    agreement was signed ... Deliveries of electric vans from 2031 are being evaluated"):
    two deals, not one."""
    if (d.status == "planned") == (c.status == "planned"):
        return False
    own = {e.document for e in c.evidence}
    return any(e.document in own for e in d.evidence)


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
    """One deal while claims merge into it; ``model`` makes its ``Deal``."""

    __slots__ = ("id", "kind", "parties", "date", "end_date", "status", "title", "value", "stake",
                 "place", "evidence", "claims", "generic")

    def __init__(self, claim: DealClaim, parties: dict[str, str], place: str | None, same: "_Interner"):
        self.id = ""
        self.kind = claim.kind
        self.parties = parties  # entity -> role
        self.date = same(claim.date)
        self.end_date = same(claim.end_date)
        self.status = claim.status
        self.title = claim.title
        self.value = claim.value
        self.stake = claim.stake
        self.place = place
        self.evidence: set[Evidence] = {same(e) for e in claim.evidence}
        self.claims = [claim.id]
        self.generic = claim.rule.endswith(".generic")

    def absorb(self, claim: DealClaim, parties: dict[str, str], place: str | None, same: "_Interner") -> None:
        self.evidence |= {same(e) for e in claim.evidence}
        self.claims.append(claim.id)
        self.date = _better_date(self.date, same(claim.date))
        self.end_date = _better_date(self.end_date, same(claim.end_date))
        if _STATUS_RANK.get(claim.status, -1) > _STATUS_RANK.get(self.status, -1):
            self.status = claim.status
        self.title = self.title or claim.title
        self.value = self.value or claim.value
        self.stake = self.stake if self.stake is not None else claim.stake
        self.place = self.place or place
        for e, r in parties.items():
            if self.parties.get(e, "party") == "party":
                self.parties[e] = r

    def fold(self, other: "_DealAcc") -> None:
        """Take in a deal told with fewer parties ("X bought Y" beside "X bought Y from Z")."""
        self.evidence |= other.evidence
        self.claims += other.claims
        self.date = _better_date(self.date, other.date)
        self.end_date = _better_date(self.end_date, other.end_date)
        if _STATUS_RANK.get(other.status, -1) > _STATUS_RANK.get(self.status, -1):
            self.status = other.status
        self.title = self.title or other.title
        self.value = self.value or other.value
        self.stake = self.stake if self.stake is not None else other.stake
        self.place = self.place or other.place
        self.generic = self.generic and other.generic

    def model(self, same: "_Interner") -> Deal:
        return Deal(
            id=self.id, kind=self.kind,
            parties=tuple(same(Party(entity=e, role=r)) for e, r in sorted(self.parties.items())),
            date=self.date, end_date=self.end_date, status=self.status, title=self.title,
            value=self.value, stake=self.stake, place=self.place,
            evidence=_ordered(self.evidence),
        )


def _ordered(evidence) -> tuple[Evidence, ...]:
    return tuple(sorted(evidence, key=lambda e: (e.document, e.start, e.end)))


class _DealMerger:
    """Deal claims -> deals. Specific claims merge as they come (articles in order);
    generic ones ("their partnership") wait for ``finish``, when every specific deal of
    their parties is known."""

    def __init__(self, same: "_Interner") -> None:
        self.same = same
        self.specific: list[_DealAcc] = []
        self.buckets: dict[tuple, list[_DealAcc]] = defaultdict(list)  # (kind, parties, reality) -> deals
        self.by_parties: dict[frozenset, list[_DealAcc]] = defaultdict(list)
        self.generic: list[tuple[DealClaim, dict[str, str], str | None]] = []

    def add(self, claims: Sequence[DealClaim], mention_entity: dict[str, str]) -> None:
        for c in sorted(claims, key=lambda c: c.id):
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
                self.generic.append((c, parties, place))
                continue
            reality = _REALITY.get(c.status, "")
            key = (c.kind, frozenset(parties), reality)
            twin = next(
                (d for d in self.buckets[key]
                 if _REALITY.get(d.status, "") == reality
                 and _compatible(d.date, c.date) and _compatible(d.end_date, c.end_date)
                 and not _kept_apart(d, c)),
                None,
            )
            if twin is None:
                # "has been building cars for Y since 2018" goes on from a start it does not give:
                # it is the same deal as one of its kind and parties that began earlier; "the
                # venture of A and B was registered last week" completes the one they signed
                twin = next((d for d in self.buckets[key] if _REALITY.get(d.status, "") == reality
                             and (_continues(d.date, d.status, c.date, c.status)
                                  or (c.kind == "joint_venture" and _completes(d.date, d.status, c.date, c.status)))), None)
                if twin is not None:
                    twin.absorb(c, parties, place, self.same)
                    twin.date = min((x for x in (twin.date, c.date) if x is not None), key=lambda x: x.earliest)
                    continue
                acc = _DealAcc(c, parties, place, self.same)
                self.specific.append(acc)
                self.buckets[key].append(acc)
                self.by_parties[frozenset(parties)].append(acc)
            else:
                twin.absorb(c, parties, place, self.same)

    def finish(self) -> tuple[list[_DealAcc], dict[str, str]]:
        """The deals (ids given, sorted by id) and the deal of each claim."""
        specific, by_parties = self.specific, self.by_parties
        for c, parties, place in self.generic:
            reality = _REALITY.get(c.status, "")
            pset = frozenset(parties)
            same = [d for d in by_parties[pset] if _REALITY.get(d.status, "") == reality]
            if len(same) == 1:
                same[0].evidence |= {self.same(e) for e in c.evidence}
                same[0].claims.append(c.id)
            elif not same:
                twin = next((d for d in by_parties[pset] if d.generic and _compatible(d.date, c.date)), None)
                if twin is None:
                    acc = _DealAcc(c, parties, place, self.same)
                    specific.append(acc)
                    by_parties[pset].append(acc)
                else:
                    twin.absorb(c, parties, place, self.same)
        self.buckets.clear()
        self.by_parties = defaultdict(list)
        self.generic = []
        self.specific = []
        return _deal_ids(_fold_subsets(specific))


def _fold_subsets(deals: list[_DealAcc]) -> list[_DealAcc]:
    """A dated deal whose parties are some of one other deal's, of its kind, with a date
    that fits and no role that clashes, is that deal told with less -- a factbox's "X bought
    Y in August 2024" beside the report's "X completed the purchase of Y from Z" -- where
    each party it lacks has a role of its own (the seller), not only a place in a list."""
    # the deals each party of each (kind, reality) takes part in: a wider deal holds all of
    # d's parties, so only those of one of them need comparing
    holding: dict[tuple[str, str, str], list[_DealAcc]] = defaultdict(list)
    for d in deals:
        for p in d.parties:
            holding[(d.kind, _REALITY.get(d.status, ""), p)].append(d)
    gone: set[int] = set()
    for d in sorted(deals, key=lambda d: len(d.parties)):
        if d.date is None:
            continue
        group = holding[(d.kind, _REALITY.get(d.status, ""), next(iter(d.parties)))]
        wider = [e for e in group if e is not d and id(e) not in gone and d.parties.keys() < e.parties.keys()
                 and e.date is not None and _compatible(d.date, e.date)
                 # the others have a part of their own (the seller), not just a name in the list
                 and all(r != "party" for p, r in e.parties.items() if p not in d.parties)
                 and all(r == e.parties[p] or "party" in (r, e.parties[p]) for p, r in d.parties.items())]
        if len(wider) == 1:
            wider[0].fold(d)
            gone.add(id(d))
    return [d for d in deals if id(d) not in gone]


def _deal_ids(specific: list[_DealAcc]) -> tuple[list[_DealAcc], dict[str, str]]:
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
        d.id = did
        for cid in d.claims:
            deal_of_claim[cid] = did
        d.claims = []
    return sorted(specific, key=lambda d: d.id), deal_of_claim


_MIRRORS = {
    "investment": ("investor", "investee", "investor_in"),
    "supply": ("supplier", "customer", "supplier_of"),
    "contract_manufacturing": ("manufacturer", "client", "manufacturer_for"),
}


class _RelationAcc:
    """One relation, merged; ``model`` makes its ``Relation``."""

    __slots__ = ("id", "subject", "predicate", "object", "date", "end", "evidence")

    def __init__(self, rid: str, s: str, p: str, o: str, merged: dict):
        self.id, self.subject, self.predicate, self.object = rid, s, p, o
        self.date, self.end, self.evidence = merged["date"], merged["end"], merged["evidence"]

    def model(self) -> Relation:
        return Relation(id=self.id, subject=self.subject, predicate=self.predicate, object=self.object,
                        date=self.date, end_date=self.end, evidence=_ordered(self.evidence))


def _relations(claims: list[tuple], deals: list[_DealAcc]) -> list[_RelationAcc]:
    """Relation claims (subject and object already entities or deals) and the relations
    that investment, supply and manufacturing deals imply, merged by triple and date."""
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

    for s, p, o, when, end, evidence in claims:
        add(s, p, o, when, end, evidence)
    for d in deals:
        if d.status in _REALITY or d.kind not in _MIRRORS:
            continue
        a_role, b_role, pred = _MIRRORS[d.kind]
        parties = sorted(d.parties.items())
        subj = [e for e, role in parties if role == a_role]
        obj = [e for e, role in parties if role == b_role]
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
        out.append(_RelationAcc(rid, s, p, o, r))
    return sorted(out, key=lambda r: r.id)


def articles_of(resolved: Resolved) -> dict[str, Article]:
    return {a.id: a for a in resolved.articles}
