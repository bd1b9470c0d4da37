"""Entity discovery on made-up text: names in no alias table, found from their shape and
the words around them. Every company and person here is invented."""

from __future__ import annotations

from anhui_kg.documents import split_sentences
from anhui_kg.extraction.mentions import extract_mentions
from anhui_kg.models import Article


def mentions_of(text: str) -> dict[str, str]:
    """surface text -> type of every mention"""
    a = Article(id="t.txt", text=text, sha256="0" * 64, sentences=split_sentences(text))
    return {m.text: m.type for m in extract_mentions(a)}


def names_of(text: str) -> dict[str, str]:
    """canonical name -> type of every mention"""
    a = Article(id="t.txt", text=text, sha256="0" * 64, sentences=split_sentences(text))
    return {m.name: m.type for m in extract_mentions(a)}


def test_countries_and_states_are_places_but_continents_are_not_entities():
    found = mentions_of("Vantor Motors exports cars from Uruguay to Ohio and to Southeast Asia and Europe.")
    assert found["Uruguay"] == "Place" and found["Ohio"] == "Place"
    assert "Southeast Asia" not in found and "Europe" not in found and "Asia" not in found
