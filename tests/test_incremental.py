"""Incremental ingest: after any sequence of add / replace / remove, the store holds exactly
what a fresh build of the remaining articles gives (merged deals and resolved entities
included), and a fact shared by two articles survives the removal of one of them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anhui_kg.pipeline import ingest, remove, stored_hashes
from anhui_kg.store import open_store
from anhui_kg.views import partners

# Two versions of each of three short articles; a and b report the same joint venture.
VERSIONS = {
    "a.txt": [
        "HEFEI, March 27, 2021 — Alpha Motors and Beta Battery signed a joint venture agreement in Hefei.",
        "HEFEI, March 27, 2021 — Alpha Motors and Delta Cells signed a joint venture agreement in Hefei.",
    ],
    "b.txt": [
        "WUHU, June 2, 2021 — Beta Battery and Alpha Motors formed a joint venture in March 2021.",
        "WUHU, June 2, 2021 — Beta Battery invested 2 billion yuan in Gamma Chips in May 2021.",
    ],
    "c.txt": [
        "BEIJING, May 5, 2022 — Gamma Chips will supply chips to Alpha Motors, the two companies said on Thursday.",
        "BEIJING, May 5, 2022 — Omega Auto acquired Gamma Chips for 5 billion yuan.",
    ],
}

ops = st.lists(
    st.tuples(st.sampled_from(sorted(VERSIONS)), st.sampled_from([0, 1, None])),  # None = remove
    min_size=1,
    max_size=5,
)


def _write(folder: Path, name: str, version: int) -> Path:
    path = folder / name
    path.write_text(VERSIONS[name][version], encoding="utf-8")
    return path


def _quads(store) -> set[str]:
    return {" ".join(t.n3() for t in q) for q in store.dataset().quads() if q[3] is not None}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sequence=ops)
def test_any_sequence_equals_a_fresh_build(tmp_path_factory, sequence):
    work = tmp_path_factory.mktemp("inc")
    live = work / "live"
    live.mkdir()
    store = open_store(None)
    current: dict[str, int] = {}
    for name, version in sequence:
        if version is None:
            if name in current:
                remove(name, store)
                del current[name]
                (live / name).unlink()
            continue
        ingest([_write(live, name, version)], store)
        current[name] = version
    assert set(stored_hashes(store)) == set(current)
    fresh = open_store(None)
    if current:
        ingest([live], fresh)
    assert _quads(store) == _quads(fresh)


def test_shared_deal_survives_removal_of_one_source(tmp_path):
    folder = tmp_path / "arts"
    folder.mkdir()
    store = open_store(None)
    ingest([_write(folder, "a.txt", 0), _write(folder, "b.txt", 0)], store)
    [jv] = [d for d in partners(store) if d["kind"] == "joint_venture"]
    assert {e["document"] for e in jv["evidence"]} == {"a.txt", "b.txt"}
    remove("a.txt", store)
    [jv] = [d for d in partners(store) if d["kind"] == "joint_venture"]
    assert {e["document"] for e in jv["evidence"]} == {"b.txt"}
    remove("b.txt", store)
    assert partners(store) == []
