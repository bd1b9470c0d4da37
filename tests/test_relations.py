"""Relations read from made-up text: subsidiaries, makers of products, plant owners.

Every company and product here is invented, so nothing can come from the alias table.
"""

from __future__ import annotations

import pytest

from anhui_kg.extraction import extract
from test_extraction import article_of


def relations_of(text: str) -> set[tuple[str, str, str]]:
    x = extract(article_of(text))
    names = {m.id: m.name for m in x.mentions}
    return {(names[r.subject], r.predicate, names.get(r.object, r.object)) for r in x.relations}


@pytest.mark.parametrize("text,expected", [
    # the child first, then whose unit it is
    ("Orbis Cells Co., Ltd., Kestrel Auto's battery subsidiary, will supply the cells.",
     ("Orbis Cells Co., Ltd.", "Kestrel Auto")),
    ("Brightline Mobility, owned by India's Tata Motors, said on Monday it would expand.",
     ("Brightline Mobility", "Tata Motors")),
    ("Kestrel Auto reported higher sales. Orbis Cells Co., Ltd., the group's battery unit, grew fastest.",
     ("Orbis Cells Co., Ltd.", "Kestrel Auto")),
    # the unit first, then the child
    ("Kestrel Auto said its subsidiary Orbis Cells Co., Ltd. will build a plant.",
     ("Orbis Cells Co., Ltd.", "Kestrel Auto")),
    ("Kestrel Motors makes vans. Kestrel Motors' German subsidiary, Orbis Cells GmbH, opened an office.",
     ("Orbis Cells GmbH", "Kestrel Motors")),
    # the parent named as such
    ("Vantor Motors Co., Ltd. makes vans. Its controlling shareholder is Kestrel Auto Group Co., Ltd.",
     ("Vantor Motors Co., Ltd.", "Kestrel Auto Group Co., Ltd.")),
])
def test_subsidiaries(text, expected):
    child, parent = expected
    assert (child, "subsidiary_of", parent) in relations_of(text)


@pytest.mark.parametrize("text,maker,product", [
    ("Vantor Motors launched the Zentra Z7 sedan in Hefei last year.", "Vantor Motors", "Zentra Z7"),
    ("The Zentra Z7 is built by Vantor Motors at its Lakeside plant.", "Vantor Motors", "Zentra Z7"),
    ("Vantor Motors said on Monday its Zentra Z7 had sold well.", "Vantor Motors", "Zentra Z7"),
])
def test_who_makes_a_product(text, maker, product):
    assert (maker, "produces", product) in relations_of(text)


def test_no_maker_without_a_making_verb_or_possessive():
    rels = relations_of("Vantor Motors compared the Zentra Z7 with rival cars.")
    assert not any(p == "produces" for _, p, _ in rels)


def test_plant_built_by_an_org():
    rels = relations_of("Output starts at the Riverside Super Factory, a dedicated plant built by Vantor Motors in Wuhu.")
    assert ("Riverside Super Factory", "plant_of", "Vantor Motors") in rels


@pytest.mark.parametrize("text,inner,outer", [
    ("The plant stands in Wuhu, a river port in Anhui province.", "Wuhu", "Anhui"),
    ("The office is in Hefei, Anhui.", "Hefei", "Anhui"),
    ("The venture builds cars near Beijing in China.", "Beijing", "China"),
])
def test_places_inside_places(text, inner, outer):
    assert (inner, "located_in", outer) in relations_of(text)


def test_a_list_of_places_is_not_a_hierarchy():
    rels = relations_of("The carmaker exports to Germany, France, and Spain.")
    assert not any(p == "located_in" for _, p, _ in rels)


def test_a_place_possessive_locates_the_company():
    rels = relations_of("Brightline Mobility, owned by India's Tata Motors, said on Monday it would expand.")
    assert ("Tata Motors", "located_in", "India") in rels


@pytest.mark.parametrize("text,owner,held", [
    ("Kestrel Auto holds a 25% stake in Orbis Cells Co., Ltd., the company said.", "Kestrel Auto", "Orbis Cells Co., Ltd."),
    ("Brightline Mobility, a company controlled by businessman Zhao Renwei, said on Monday.", "Zhao Renwei", "Brightline Mobility"),
    ("Orbis Cells Co., Ltd., in which Kestrel Auto holds 60%, said on Monday.", "Kestrel Auto", "Orbis Cells Co., Ltd."),
])
def test_holdings_outside_deals(text, owner, held):
    assert (owner, "investor_in", held) in relations_of(text)


def test_owned_by_a_person_is_an_investor_not_a_parent():
    rels = relations_of("Brightline Mobility, owned by businessman Zhao Renwei, said on Monday.")
    assert ("Zhao Renwei", "investor_in", "Brightline Mobility") in rels
    assert not any(p == "subsidiary_of" for _, p, _ in rels)


def test_is_someones_largest_shareholder():
    rels = relations_of("Vantor Motors makes vans. Kestrel Motors is Vantor Motors' largest shareholder.")
    assert ("Kestrel Motors", "investor_in", "Vantor Motors") in rels


def test_its_unit_belongs_to_the_sentence_subject_not_the_article_focus():
    text = ("Orbis Cells Co., Ltd. makes batteries. Orbis Cells Co., Ltd. opened a plant. Orbis Cells Co., Ltd. hired staff. "
            "Kestrel Motors sells its cars in Malaysia through Kestrel Motors Malaysia Sdn Bhd, its local unit.")
    rels = relations_of(text)
    assert ("Kestrel Motors Malaysia Sdn Bhd", "subsidiary_of", "Kestrel Motors") in rels
    assert not any(o == "Orbis Cells Co., Ltd." for _, p, o in rels if p == "subsidiary_of")


def test_appositive_based_in_is_a_headquarters():
    rels = relations_of("The venture of Vantor Motors and Kestrel Engines Inc., the engine maker based in Columbus, opened.")
    assert ("Kestrel Engines Inc.", "headquartered_in", "Columbus") in rels


def test_the_owner_before_a_list_of_brands_owns_each():
    found = relations_of("Buyers can pick cars of Kestrel Motors' Exovo and Jaeko brands.")
    assert ("Exovo", "brand_of", "Kestrel Motors") in found and ("Jaeko", "brand_of", "Kestrel Motors") in found
