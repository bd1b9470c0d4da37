"""Entity discovery on made-up text: names in no alias table, found from their shape and
the words around them. Every company and person here is invented."""

from __future__ import annotations

import pytest

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


def test_balkan_and_baltic_legal_forms_make_a_company():
    found = names_of("Arden Embedded Systems AD, Kestrel Metals EOOD, Lumen Mobility UAB and "
                     "Orla Invest d.d. signed in 2028.")
    for name in ("Arden Embedded Systems AD", "Kestrel Metals EOOD", "Lumen Mobility UAB", "Orla Invest d.d."):
        assert found.get(name) == "Company", (name, found)


def test_a_short_name_in_brackets_after_the_legal_form_is_not_part_of_the_name():
    found = names_of("Arden Iron & Steel Company Limited (Arden) is buying a stake in Kestrel.")
    assert found.get("Arden Iron & Steel Company Limited") == "Company", found
    assert not any("(" in n for n in found)


def test_a_person_titled_by_a_described_company_and_central_european_letters():
    found = names_of("The deal bears the signatures of Lin Hao, Kestrel's vice president, and "
                     "Aistė Vadaraitė, the van maker's chief executive. Žarko Periša, the company's founder, agreed.")
    assert found.get("Aistė Vadaraitė") == "Person", found
    assert found.get("Žarko Periša") == "Person", found


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


def test_organisations_named_by_the_words_around_them():
    text = ("Vantor Motors and Orbis Battery set up a joint venture, Lanmere Drive, in Wuhu. "
            "Its software unit, Vantor Digital, writes the code. "
            "The firm was later renamed Halden Orbis. "
            "In Peru the cars are assembled from kits by Kestrava at its plant. "
            "The first model used Tellix's QX40 chip and the oil major Brannoc supplies fuel. "
            "The shares came from the State-owned Assets Supervision and Administration Commission "
            "of the Lanmere Municipal Government.")
    found = names_of(text)
    for name in ("Lanmere Drive", "Vantor Digital", "Halden Orbis", "Kestrava", "Tellix", "Brannoc"):
        assert found.get(name) == "Company", (name, found)
    assert found.get("State-owned Assets Supervision and Administration Commission of the Lanmere "
                     "Municipal Government") == "GovernmentBody"


def test_a_person_is_not_taken_for_the_company_that_built_something():
    found = names_of("The first car was designed by Wang Kelin in 2004.")
    assert found.get("Wang Kelin") != "Company"


def _entities(texts: list[str], table: list[dict] | None = None):
    from anhui_kg.extraction import extract
    from anhui_kg.extraction.mentions import build_aliases, load_aliases
    from anhui_kg.resolution import resolve_entities

    aliases = build_aliases(table) if table is not None else load_aliases()
    xs = [extract(Article(id=f"{i}.txt", text=t, sha256="0" * 64, sentences=split_sentences(t)), aliases)
          for i, t in enumerate(texts)]
    return {e.name: e for e in resolve_entities(xs, aliases).entities}


def test_a_subsidiary_named_like_its_known_parent_stays_its_own_entity():
    table = [{"id": "vantor", "type": "Company", "name": "Vantor", "aliases": ["Vantor Motors"]}]
    ents = _entities([
        'Vantor Motors said its U.S. subsidiary, Vantor Inc. ("Vantor US"), will build a plant. '
        "Vantor US expects 900 jobs.",
        "Vantor Inc., the U.S. subsidiary of Vantor Motors, hired 200 people.",
    ], table)
    assert "Vantor Inc." in ents and "Vantor" in ents
    assert "Vantor US" in ents["Vantor Inc."].aliases
    assert ents["Vantor Inc."].documents == ("0.txt", "1.txt")


def test_a_short_form_introduced_in_one_article_names_the_same_entity_in_another():
    ents = _entities(["Orbis Petroleum & Chemical Corp. (Orbisco) opened a station in Wuhu.",
                      "The refiner Orbisco signed a deal with Vantor Motors."], [])
    [e] = [e for e in ents.values() if "Orbisco" in (e.name, *e.aliases)]
    assert e.name == "Orbis Petroleum & Chemical Corp." and e.documents == ("0.txt", "1.txt")


def test_a_group_and_the_venture_it_named_after_itself_stay_apart():
    ents = _entities(["Grupo Tarvo bought half of the business, which was renamed Tarvo Kestrel. "
                      "Tarvo also owns a plant in Lima."], [])
    assert {"Grupo Tarvo", "Tarvo Kestrel"} <= set(ents)
    assert "Tarvo" in ents["Grupo Tarvo"].aliases


def test_model_names_from_a_number_a_product_noun_or_an_appositive():
    table = [{"id": "kestrel", "type": "Brand", "name": "Kestrel", "aliases": []}]
    from anhui_kg.extraction.mentions import build_aliases

    text = ("The plant builds the Kestrel 5, the Vantor s700 and the Orlan 3 crossover. "
            "Each car runs on two Lumo Drive Tiva processors. "
            "It also makes the Halden Ranva, an electric coupe-SUV, for export. "
            "Kestrel sold 300 million cars and Vantor 12 percent more.")
    a = Article(id="t.txt", text=text, sha256="0" * 64, sentences=split_sentences(text))
    found = {m.text: m.type for m in extract_mentions(a, build_aliases(table))}
    for model in ("Kestrel 5", "Orlan 3", "Lumo Drive Tiva", "Halden Ranva"):
        assert found.get(model) == "Product", (model, found)
    assert "Vantor 12" not in found and "Kestrel sold" not in found


def test_a_model_code_alone_names_the_full_model_of_the_article():
    found = names_of("Vantor launched the Lanmere S900 sedan in May. The S900 costs 90,000 euros.")
    assert set(found) >= {"Lanmere S900"} and "S900" not in found


def test_two_plants_named_at_once_and_a_brand_named_by_its_name():
    found = names_of("Vantor Motors builds cars at the K1 and K2 plants. "
                     "Orbis Battery will license its Tarvik name to the venture.")
    assert found.get("K1 plant") == "Plant" and found.get("K2 plant") == "Plant"
    assert found.get("Tarvik") == "Brand"


def test_a_peoples_government_is_the_municipal_government_and_a_zone_keeps_its_and():
    table = [{"id": "lanmere-government", "type": "GovernmentBody", "name": "Lanmere municipal government",
              "aliases": []}]
    ents = _entities(["Vantor Motors signed with the Lanmere Municipal People's Government. "
                      "The plant is in the Lanmere Economic and Technological Development Area."], table)
    assert "Lanmere municipal government" in ents
    assert not any("People" in n for n in ents)
    assert ents["Lanmere Economic and Technological Development Area"].type == "Place"


def test_a_government_named_without_its_place_is_the_one_the_article_placed():
    ents = _entities(["Report of the Mayor\n\nDelivered on 8 May 2031 on behalf of the Vadar Municipal People's "
                      "Government\n\n"
                      "On behalf of the Municipal People's Government, I present the report. "
                      "Lumen Ceramics Co., Ltd. signed an agreement with the Municipal People's Government."])
    [government] = [e for e in ents.values() if e.type == "GovernmentBody"]
    assert {"Vadar Municipal People's Government", "Municipal People's Government"} <= \
        {government.name, *government.aliases}
    # two placed governments of that level: the bare one could be either, and stays apart
    ents = _entities(["The Vadar Municipal People's Government and the Arden Municipal People's Government "
                      "met. The Municipal People's Government of neither town said more."])
    assert len([e for e in ents.values() if e.type == "GovernmentBody"]) == 3


def test_a_committee_named_by_its_head_is_the_one_committee_of_that_name_the_article_names():
    ents = _entities(["Published by the Administrative Committee of the Vadar Mobility Industrial Park.\n\n"
                      "In July 2027 the Administrative Committee signed an investment agreement with Lumen "
                      "Lamination Co., Ltd."])
    [committee] = [e for e in ents.values() if e.type == "GovernmentBody"]
    assert {"Administrative Committee of the Vadar Mobility Industrial Park", "Administrative Committee"} <= \
        {committee.name, *committee.aliases}
    # two such committees: the bare one could be either, and stays apart
    ents = _entities(["The Administrative Committee of the Vadar Park met the Administrative Committee of the "
                      "Arden Zone. The Administrative Committee signed nothing."])
    assert len([e for e in ents.values() if e.type == "GovernmentBody"]) == 3


def test_a_founder_named_in_a_deal_sentence_is_a_person_when_called_mr_later():
    found = names_of("The firm, founded by Jean-Luc Marvaux and Ortis Cells, sold its stake to "
                     "Hartwell Holdings plc. Mr. Marvaux said the sale was finished. "
                     "Ohio Governor Tom McAllen welcomed it.")
    assert found.get("Jean-Luc Marvaux") == "Person" and "Marvaux" not in found
    assert found.get("Hartwell Holdings plc") == "Company"
    assert found.get("Tom McAllen") == "Person"


def test_what_is_not_a_model_or_a_place():
    table = [{"id": "kestrel", "type": "Company", "name": "Kestrel", "aliases": []},
             {"id": "lanmere", "type": "Place", "name": "Lanmere", "aliases": []}]
    from anhui_kg.extraction.mentions import build_aliases

    text = ("Investors see the Tarvo River Delta, a manufacturing platform, as a hub. "
            "Kestrel 10 new models will come. Kestrel built a factory in Lanmere City. "
            "The cars were assembled by Chinese workers.")
    a = Article(id="t.txt", text=text, sha256="0" * 64, sentences=split_sentences(text))
    found = {m.text: m.type for m in extract_mentions(a, build_aliases(table))}
    assert not {"Tarvo River Delta", "Kestrel 10", "Lanmere City", "Chinese"} & set(found), found


def test_a_kind_of_thing_in_a_deal_sentence_is_not_a_company():
    found = names_of("From Humble Vans to Luxury EVs: Vantor Motors signed a deal with Orbis Battery.")
    assert "Luxury EVs" not in found and found.get("Orbis Battery") == "Company"


def test_model_lines_trims_first_models_and_the_region_after_a_town():
    found = mentions_of("Vantor builds the Tarvo PLUS at a plant in Ciudad Lomar, Paramba. "
                        "Two years later the plant built its first Kessel Ranger Evo.")
    assert found.get("Tarvo PLUS") == "Product" and found.get("Kessel Ranger Evo") == "Product"
    assert found.get("Ciudad Lomar") == "Place" and found.get("Paramba") == "Place"


def test_better_known_as_and_a_coded_chip_after_a_possessive():
    found = names_of("In Peru, Tarvo Vehicle Manufacturing, better known as TVM, assembles the cars. "
                     "The car moved from Kestrava's KX4 chip to a newer one, and TVM signed a deal with Orbis Battery.")
    assert found.get("Tarvo Vehicle Manufacturing") == "Company" and "TVM" not in found
    text = "Tarvo Vehicle Manufacturing, better known as TVM, grew. TVM hired staff."
    a = Article(id="t.txt", text=text, sha256="0" * 64, sentences=split_sentences(text))
    assert {m.name for m in extract_mentions(a) if m.text == "TVM"} == {"Tarvo Vehicle Manufacturing"}
    assert found.get("KX4") == "Product" and found.get("Kestrava") == "Company"


def test_a_name_set_off_after_a_title_and_a_new_place_holding_a_known_one():
    found = mentions_of("A company spokesperson, Lin Haoran, said the cars sell in the state of New South Wales.")
    assert found.get("Lin Haoran") == "Person"
    assert found.get("New South Wales") == "Place" and "Wales" not in found


def test_a_known_unit_named_as_a_unit_stays_the_known_entity():
    # the table spells it "VANTOR Power", so the text's "Vantor Power" is found by its shape
    table = [{"id": "vantor", "type": "Company", "name": "Vantor", "aliases": []},
             {"id": "vantor-power", "type": "Company", "name": "VANTOR Power", "aliases": []}]
    ents = _entities(["Vantor said its unit, Vantor Power, runs the stations.",
                      "VANTOR Power opened a station."], table)
    assert [e.id for e in ents.values() if "power" in e.name.lower()] == ["vantor-power"]


def test_a_german_limited_partnership_keeps_its_whole_legal_form():
    assert mentions_of("The first target was Brenvik GmbH + Co. KG, a maker of seals.") == {
        "Brenvik GmbH + Co. KG": "Company"}


@pytest.mark.parametrize("text,expected", [
    # a title after a name, with its owner's possessive
    ("Tarvo Lindqvist, Kestrel's founder and chief executive, spoke.", {"Tarvo Lindqvist": "Person"}),
    # the founder after "founded by"; an honorific is not part of the name
    ("Lumo Display, the Beijing display maker founded by Wang Dongmei, was looking for a site.",
     {"Wang Dongmei": "Person"}),
    ("Professor Hu Yongbin, co-founder of Brenvik, spoke.", {"Hu Yongbin": "Person"}),
    # one-word legal forms of more countries
    ("Tarvex Automotive Oy, which builds cars for other brands, said so.", {"Tarvex Automotive Oy": "Company"}),
    # an appositive that says what kind of company it is, and a name set off after the noun
    ("Kestrel Steyr, the Graz contract manufacturer, said no.", {"Kestrel Steyr": "Company"}),
    ("The city has since backed another screen maker, Lumovox, whose line was agreed in 2018.", {"Lumovox": "Company"}),
    # the subject of a passive of founding or taking over
    ("Brenvik was acquired by Lumo Motors in 2016.", {"Brenvik": "Company", "Lumo Motors": "Company"}),
])
def test_people_and_companies_found_from_the_words_around_them(text, expected):
    found = mentions_of(text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("text,brands", [
    ("The group sells the Exovo, Jetar and iKar brands in China.", ["Exovo", "Jetar", "iKar"]),
    ("Buyers can pick cars of Lumo's Omodo and Jaeko brands.", ["Omodo", "Jaeko"]),
    ("Lumo's iKar brand makes boxy cars.", ["iKar"]),
    ("A second brand, EVA, was added by the group.", ["EVA"]),
    ("Firefla, its small-car brand, is new.", ["Firefla"]),
    ("Lumo sells its cars under its own brand, Vortax.", ["Vortax"]),
])
def test_brands_in_lists_appositives_and_with_a_small_first_letter(text, brands):
    found = mentions_of(text)
    assert [n for n, t in found.items() if t == "Brand"] == brands


def test_dotted_initials_before_a_capitalised_word_are_a_name_but_legal_forms_stay_forms():
    found = mentions_of("Lumo Robotics completed its purchase of W.F.C. Group, a Turin-based builder of welding lines.")
    assert found.get("W.F.C. Group") == "Company"
    # "S.A." before a capitalised word is still the legal form that ends the name
    assert mentions_of("Kestrel S.A. Spain signed with Lumo Robotics.")["Kestrel S.A."] == "Company"


def test_more_nationality_adjectives_are_not_names():
    found = mentions_of("Lumo Motors signed with a Philippine distributor and a Qatari fund.")
    assert "Philippine" not in found and "Qatari" not in found


@pytest.mark.parametrize("text", [
    "Gotion High-Tech Co., Ltd. and Kestrel Cells S.A. de C.V. signed a deal.",
    "The eVTOL maker and iPhone supplier Foxconn met W.F.C. Group in Hefei.",
    "Co. Ltd. Inc. S.A. N.V. sold it to A.B. Smith, Ltda. and J.P. Morgan & Co.",
    "AT&T’s unit, Yan’an Motor (赛力斯), and x-Ray Ltd; Ministry of Industry of the Province.",
    "A 75 kWh pack from Kestrel Cells, sold by eBay Inc. and mRNA Labs, then kW Power and eX.",
])
def test_the_capital_first_scan_finds_what_the_cap_phrase_pattern_finds(text):
    from anhui_kg.extraction.mentions import _CAP_PHRASE, _cap_phrases
    assert [m.span() for m in _cap_phrases(text)] == [m.span() for m in _CAP_PHRASE.finditer(text)]


def test_the_capital_first_scan_finds_what_the_cap_phrase_pattern_finds_in_every_article():
    # _CAP_PHRASE_AT_CAPITAL rewrites _CAP_WORD's first word by hand: this catches a drift
    from pathlib import Path

    from anhui_kg.documents import article_paths, load_article
    from anhui_kg.extraction.mentions import _CAP_PHRASE, _cap_phrases

    root = Path(__file__).parent
    paths = article_paths([root / "data" / d.name for d in sorted((root / "data").iterdir()) if d.is_dir()])
    texts = [load_article(p).text for p in paths]
    assert len(texts) > 50
    for text in texts:
        assert [m.span() for m in _cap_phrases(text)] == [m.span() for m in _CAP_PHRASE.finditer(text)]


@pytest.mark.parametrize("name", ["Kestrel Ruifoam Polymer", "Lumen Guangmu Photonics", "Arden Hydraulic Parts",
                                  "Kestrel Wheel Castings", "Lumen Auto Lighting"])
def test_a_parts_maker_is_named_after_what_it_makes(name):
    assert mentions_of(f"Tang Lin set up {name} eight years ago.").get(name) == "Company"


def test_an_appositive_may_name_the_owner_of_a_unit():
    assert mentions_of("KESTA, Lumen's German sealing subsidiary, won an order in October.").get("KESTA") == "Company"


def test_where_a_maker_comes_from_is_a_place_not_a_party():
    found = mentions_of("The licence was granted by Kestrel Cerchi S.p.A., an Italian wheel maker from Sondria. "
                        "The German supplier, a family firm from Lippstaal in western Germany, agreed.")
    assert found["Sondria"] == "Place" and found["Lippstaal"] == "Place"


def test_a_post_and_a_defined_term_for_a_description_are_not_organisations():
    found = mentions_of("Kestrel and Vouga will establish a service company (the “Service Company”). The agreements "
                        "were signed by Mr. Xu Lin, General Manager of the Company, and Mr. Rui Sousa, Chairman of Vouga.")
    assert "Service Company" not in found and "General Manager of the Company" not in found
    assert found["Xu Lin"] == "Person"
    assert mentions_of("Lumen Emobility Technology Co., Ltd. (the “Lumen Emobility”) agreed.").get("Lumen Emobility") == "Company"


def test_a_legal_form_ends_a_name_and_the_town_after_of_is_a_place():
    found = mentions_of("Arden Kraft A/S of Vejlholm, Denmark, ordered cells from Lumen Gießtechnik GmbH of "
                        "Oberwald, Austria, and from Orla Cells Pty Ltd of Tarrabool, Australia.")
    assert found["Arden Kraft A/S"] == "Company" and found["Lumen Gießtechnik GmbH"] == "Company"
    assert found["Orla Cells Pty Ltd"] == "Company"
    assert found["Vejlholm"] == found["Oberwald"] == found["Tarrabool"] == "Place"
    # a name that goes on after "of" without a legal form is left whole
    assert mentions_of("The Aluminium Corporation of Vantoria Limited signed a deal.").get(
        "Aluminium Corporation of Vantoria Limited") == "Company"


def test_from_a_town_and_its_country_is_where_a_maker_comes_from():
    found = mentions_of("Ödön Pumpa d.o.o., a maker of coolant pumps from Ravnik, Slovenia, now sells more in Anhui.")
    assert found["Ravnik"] == "Place" and found["Ödön Pumpa d.o.o."] == "Company"
    # a company after "from" followed by a place that does not close the phrase stays a company
    assert mentions_of("Tesla bought cells from Kestrel Power, Lumen Cells and Arden Energy.").get("Kestrel Power") == "Company"


def test_a_specialist_from_a_town_and_a_legal_name_without_full_stops():
    from anhui_kg.extraction.mentions import core_name
    found = mentions_of("Arden Glas GmbH, a family-owned coating specialist from Oberwald in Thuringia, licensed it.")
    assert found["Oberwald"] == "Place"
    assert core_name("Kestrel Co Ltd") == core_name("Kestrel Co., Ltd.") == "kestrel"


def test_a_subsidiary_with_its_city_in_parentheses_is_not_its_parent():
    ents = _entities([
        "A supply contract was ended by Hefei Orla Motors Co., and compensation must be paid to Lumen Sensorik "
        "GmbH. Radar sensors were to be delivered by the Rosenheim-based company. The software had been licensed "
        "to Orla in 2022 by Lumen Sensorik (Suzhou) Co., Ltd., the German firm's Chinese subsidiary."], [])
    assert {"Lumen Sensorik GmbH", "Lumen Sensorik (Suzhou) Co., Ltd."} <= set(ents)
    assert not any("-based" in name for name in ents)  # where a company is, not its name


def test_a_word_and_of_before_a_legal_name_is_not_part_of_it():
    found = names_of("Executives of Kestrel Thermal Systems Co., Ltd. signed. Gift of Orla Lift Co., Ltd.\n"
                     "About Vadar Freni S.p.A.\nThe Bank of Arden Co., Ltd. lent the money.")
    assert {"Kestrel Thermal Systems Co., Ltd.", "Orla Lift Co., Ltd.", "Vadar Freni S.p.A.",
            "Bank of Arden Co., Ltd."} <= set(found)
    assert not any(n.startswith(("Executives", "Gift", "About")) for n in found)


def test_a_month_abbreviation_linked_to_the_next_word_is_part_of_a_name():
    assert mentions_of("Mar de Lumen Ventures, a Porto fund, led the round in Kestrel Analytics.").get(
        "Mar de Lumen Ventures") == "Fund"


def test_an_organisation_is_found_where_a_post_is_held_at_it():
    found = mentions_of('"It works," said Jane Arden, chief executive at Orlavista Analytics. Li Wei, head of '
                        "connected vehicles at Kestrelwerk, agreed. They met at the Lumen Hotel.")
    assert found.get("Orlavista Analytics") == "Company" and found.get("Kestrelwerk") == "Company"
    assert "Lumen Hotel" not in found


def test_a_one_letter_capital_outside_a_to_z_is_a_word_of_the_name():
    # "Ó Briain": the Irish "Ó" joins the name as "O" would, in both scans of capitalised phrases
    assert "Aoife Ó Briain" in mentions_of("The alliance was chaired in 2027 by Aoife Ó Briain, chief executive of "
                                           "Kestrel Robotics Ltd.")


def test_corp_ltd_and_lda_are_legal_forms():
    found = mentions_of("Kestrel Motor Group Corp., Ltd. (Kestrel) will buy graphite from Lumen Grafite, Lda. "
                        '("Lumen"), a Maputo company.')
    assert found["Kestrel Motor Group Corp., Ltd."] == found["Lumen Grafite, Lda."] == "Company"


def test_a_name_only_the_words_around_it_made_a_company_is_a_place_the_article_shows():
    # the dateline, "X, in western Y" and "signed in X on Monday" show a town, whatever
    # "the Varnel company" or "in Ostrava, the carmaker said" seemed to say
    text = ("VARNEL, 2031-03-13 (Wire) — Kestrel Motors LLC will build vans from kits in Ostrava, the "
            "carmaker said. The deal was signed in Varnel on Monday. It makes the Varnel company the sole "
            "importer. Ostrava, in western Lumenia, has lost its old industry.")
    found = mentions_of(text)
    assert found.get("Varnel") == "Place" and found.get("Ostrava") == "Place"
    assert found["Kestrel Motors LLC"] == "Company"


def test_a_defined_term_after_the_registered_office_names_the_party_and_a_board_is_its_company():
    text = ('The Management Board of Orla Mechatronika S.A. with its registered office in Arden, Poland '
            '(the "Issuer"), announces that the Issuer signed an agreement with Kestrel Drive Co., Ltd. '
            '(the "Agreement"). The Issuer estimates its value at EUR 4 million.')
    a = Article(id="x.txt", text=text, sha256="0", sentences=split_sentences(text))
    named = {(m.text, m.name) for m in extract_mentions(a)}
    assert ("Issuer", "Orla Mechatronika S.A.") in named
    assert ("Orla Mechatronika S.A.", "Orla Mechatronika S.A.") in named
    assert not any(t in ("Agreement", "Management Board of Orla Mechatronika S.A.") for t, _ in named)
