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


def test_legal_forms_of_many_countries_make_a_company():
    found = names_of("Kestrel Motori S.p.A. and Varga Autó Kft signed with Orlen Mobil Sdn Bhd, "
                     "Banfi Cells S.A. and Tellum Power Pty Ltd in 2023.")
    for name in ("Kestrel Motori S.p.A.", "Orlen Mobil Sdn Bhd", "Banfi Cells S.A.", "Tellum Power Pty Ltd"):
        assert found.get(name) == "Company", (name, found)


def test_a_legal_form_before_the_name_makes_a_company():
    found = names_of("Grupo Vantora distributes the cars, and PT Kestrel Uruguay Motor assembles them.")
    assert found.get("Grupo Vantora") == "Company"
    # a known place inside the name does not cut it in two
    assert found.get("PT Kestrel Uruguay Motor") == "Company" and "Uruguay" not in found


def test_a_limited_partnership_keeps_its_parenthesised_form():
    found = names_of("The investors include Tarn Valley Industry Fund Partnership (Limited Partnership).")
    assert "Tarn Valley Industry Fund Partnership (Limited Partnership)" in found


def test_people_with_initials_particles_and_public_titles():
    found = names_of("Ohio Governor T.R. Vallins welcomed the plant, which was founded by businessman "
                     "Paulo Renato de Souza Brandt.")
    assert found.get("T.R. Vallins") == "Person"
    assert found.get("Paulo Renato de Souza Brandt") == "Person"


def test_places_in_no_table_are_found_from_the_words_around_them():
    text = ("Vantor Motors will build a plant near Orlen Falls, Ohio, and a gigafactory in Velden. "
            "Its cars are assembled in Tarvo, in the state of Paramba, and in the city of Kessin. "
            "The site lies in Brackley County. The State of Ohio will support the project.")
    found = mentions_of(text)
    for place in ("Orlen Falls", "Velden", "Tarvo", "Paramba", "Kessin", "Brackley County"):
        assert found.get(place) == "Place", (place, found)
    assert found.get("State of Ohio") == "GovernmentBody"
