"""Shared fixtures: small hand-checkable graphs loaded into in-memory stores."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from anhui_kg.store import open_store

DATA = Path(__file__).parent / "data"


def load_trig(name: str):
    """A store holding tests/data/NAME (TriG, one named graph per article)."""
    ds = rdflib.Dataset()
    ds.parse(DATA / name, format="trig")
    store = open_store(None)
    store.sync(ds)
    return store


@pytest.fixture(scope="module")
def tiny():
    return load_trig("tiny.trig")


@pytest.fixture(scope="module")
def network():
    return load_trig("network.trig")
