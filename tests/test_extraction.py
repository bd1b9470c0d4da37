"""Extraction behaviours on made-up text: names in no table, voice, anaphora, status.

Every company here is invented, so nothing can come from the alias table.
"""

from __future__ import annotations

import pytest

from anhui_kg.documents import split_sentences
from anhui_kg.extraction import extract
from anhui_kg.extraction.dates import make_date
from anhui_kg.models import Article


def article_of(text: str, published: str = "2024-06-15") -> Article:
    return Article(id="t.txt", text=text, sha256="0" * 64, published=make_date(published, origin="metadata"),
                   sentences=split_sentences(text))


def deals_of(text: str, published: str = "2024-06-15"):
    x = extract(article_of(text, published))
    names = {m.id: m.name for m in x.mentions}
    return [
        {"kind": d.kind, "status": d.status, "date": d.date.value if d.date else None,
         "parties": {names[p.mention]: p.role for p in d.parties},
         "value": (d.value.amount, d.value.currency) if d.value else None}
        for d in x.deals
    ]


def test_unknown_companies_found_by_legal_names_and_deal_verbs():
    [d] = deals_of("Lumen Drive Co., Ltd. signed a supply agreement with Kestrel Cells in March 2023.")
    assert set(d["parties"]) == {"Lumen Drive Co., Ltd.", "Kestrel Cells"}
    assert d["kind"] == "supply" and d["date"] == "2023-03"


def test_passive_voice_names_the_agent_after_by():
    [d] = deals_of("A 30% stake in Orbis Battery was acquired by Vantor Motors in 2021.")
    assert d["kind"] == "investment" and d["date"] == "2021"
    assert d["parties"] == {"Vantor Motors": "investor", "Orbis Battery": "investee"}


def test_two_sides_points_back_to_the_parties():
    deals = deals_of("Vantor Motors and Orbis Battery have a long history. "
                     "As early as 2015, the two sides signed a strategic cooperation agreement.")
    [d] = [x for x in deals if x["date"] == "2015"]
    assert set(d["parties"]) == {"Vantor Motors", "Orbis Battery"}


def test_amounts_and_currencies():
    [d] = deals_of("Vantor Motors will invest 2.5 billion yuan in Orbis Battery, the companies said on Monday.")
    assert d["value"] == (2.5e9, "CNY") and d["kind"] == "investment"
    assert d["parties"]["Vantor Motors"] == "investor"


@pytest.mark.parametrize("sentence,status", [
    ("Vantor Motors is reportedly in talks to buy a stake in Orbis Battery.", "rumoured"),
    ("Vantor Motors denied reports that it would acquire Orbis Battery.", "denied"),
    ("Should the licence be finalised, Orbis Battery would license its platform to Vantor Motors.", "hypothetical"),
    ("Vantor Motors and Orbis Battery considered forming a joint venture, but no agreement has been reached.",
     "cancelled"),
])
def test_what_did_not_happen_is_never_signed(sentence, status):
    deals = deals_of(sentence)
    assert deals and all(d["status"] == status for d in deals), deals


@pytest.mark.parametrize("memorandum", ["memorandum of understanding", "memorandum", "MoU"])
def test_a_memorandum_on_a_venture_is_signed_and_the_venture_only_planned(memorandum):
    deals = deals_of(f"Vantor Motors and Orbis Battery signed a {memorandum} to form a joint venture.")
    assert sorted((d["kind"], d["status"]) for d in deals) == [
        ("framework_agreement", "signed"), ("joint_venture", "planned")]
    assert all(set(d["parties"]) == {"Vantor Motors", "Orbis Battery"} for d in deals)


def test_a_venture_that_was_never_established_is_cancelled():
    deals = deals_of("In 2019 Vantor Motors and Orbis Battery agreed to set up a joint venture in Wuhu. "
                     "The venture was never established.")
    assert [d["status"] for d in deals] == ["cancelled"]


def test_dates_keep_their_precision():
    [d] = deals_of("In late 2023, Vantor Motors acquired the assets of Orbis Battery for $40 million.")
    assert d["date"] == "2023-late" and d["kind"] == "acquisition"
    assert d["parties"] == {"Vantor Motors": "buyer", "Orbis Battery": "seller"}


def test_a_nationality_describes_an_organisation_but_is_never_its_name():
    text = ("Zorvex Motors and Calder Auto Co., Ltd. signed a licensing agreement in May 2024. "
            "The Spanish company will build the cars, the German group said. "
            "Zorvex Motors signed a supply agreement with Halvar Cells to build a North American supply chain.")
    names = {m.name for m in extract(article_of(text)).mentions}
    assert {"Zorvex Motors", "Calder Auto Co., Ltd.", "Halvar Cells"} <= names
    assert not names & {"Spanish", "German", "North American"}


def test_signing_a_memorandum_is_a_signed_framework_agreement():
    [d] = deals_of("Helvor Motors and Kestrel Cells have signed a memorandum of understanding to develop "
                   "a driving computer, the companies said on Thursday.")
    assert d["kind"] == "framework_agreement" and d["status"] == "signed"


def test_the_speaker_who_reports_a_deal_is_not_a_party():
    [d] = deals_of("Helvor Motors said on Monday that its unit Kestrel Cells had signed an agreement with Vantor Motors.")
    assert set(d["parties"]) == {"Kestrel Cells", "Vantor Motors"}


def test_an_owner_named_with_a_possessive_country_is_not_a_founder():
    [d] = deals_of("In 2012 Orbis Battery and Vantor Motors, owned by India's Pandar Group, formed Calder Auto Co., Ltd.")
    assert set(d["parties"]) == {"Orbis Battery", "Vantor Motors"} and d["kind"] == "joint_venture"


@pytest.mark.parametrize("sentence,status", [
    ("Orbis Battery supplies battery cells to Vantor Motors.", "ongoing"),
    ("Vantor Motors also operates a joint venture with Orbis Battery in Wuhu.", "ongoing"),
    ("In 2018 a 51% stake in Orbis Battery was sold to Vantor Motors, a Shenzhen conglomerate.", "completed"),
])
def test_without_a_status_word_the_tense_gives_the_status(sentence, status):
    [d] = deals_of(sentence)
    assert d["status"] == status, d


def test_a_question_about_a_deal_is_no_deal():
    deals = deals_of("Asked whether Vantor Motors might raise its stake in Orbis Battery beyond 5%, "
                     "its chief said the group had no such plans.")
    assert all(d["status"] not in ("signed", "completed", "ongoing") for d in deals), deals


def test_a_venture_set_up_as_a_joint_venture_of_two_owners():
    [d] = deals_of("Calder Semiconductor Corporation was set up in Wuhu in 2015 as a joint venture of the city's "
                   "investment platform Orbis Construction Investment Holding and Vantor Semiconductor Corp. of Taiwan.")
    assert d["kind"] == "joint_venture" and d["date"] == "2015"
    assert set(d["parties"]) == {"Orbis Construction Investment Holding", "Vantor Semiconductor Corp."}


@pytest.mark.parametrize("sentence", [
    "In Iran, Orbis Battery models have been put together by Vantor Motors, which also assembles for other brands.",
    "In Iran, Vantor Motors put together Orbis Battery designs from knock-down kits.",
    "Orbis Battery has assembled vehicles in Mexico since 2017 with Vantor Motors, a company controlled by a tycoon.",
])
def test_assembly_partners_abroad_are_contract_manufacturers(sentence):
    [d] = deals_of(sentence)
    assert d["kind"] == "contract_manufacturing"
    assert d["parties"] == {"Vantor Motors": "manufacturer", "Orbis Battery": "client"}


def test_kits_assembled_by_unnamed_partners_are_no_deal():
    deals = deals_of("Orbis Battery trucks are sold in 100 countries, and in several of them they are assembled "
                     "locally from kits, although the partners are rarely named.")
    assert deals == []


def test_owners_named_in_a_relative_clause_describe_the_subject():
    [d] = deals_of("Calder Auto Co., Ltd., which is 75%-owned by Vantor Motors and 25% by its partner Orbis Battery, "
                   "already builds cars for Kestrel Cars Corp. in Wuhu.")
    assert set(d["parties"]) == {"Calder Auto Co., Ltd.", "Kestrel Cars Corp."}


@pytest.mark.parametrize("sentence", [
    "Orbis Battery cars were brought to Brazil in 2011, where they were imported and sold by Vantor Group, "
    "a distributor controlled by a businessman.",
    "Vantor Group distributes Orbis Battery vehicles in Brazil.",
])
def test_distribution_abroad_is_a_deal(sentence):
    [d] = deals_of(sentence)
    assert d["kind"] == "other" and set(d["parties"]) == {"Orbis Battery", "Vantor Group"}


def test_every_investor_of_a_round_invests():
    [d] = deals_of("Orbis Mobility Co., Ltd. will receive 7 billion yuan from strategic investors including "
                   "Vantor Capital Co., Ltd., Kestrel Fund Co., Ltd. and Calder Investment Co., Ltd.")
    assert d["kind"] == "investment" and d["value"] == (7e9, "CNY")
    assert d["parties"] == {"Orbis Mobility Co., Ltd.": "investee", "Vantor Capital Co., Ltd.": "investor",
                            "Kestrel Fund Co., Ltd.": "investor", "Calder Investment Co., Ltd.": "investor"}


def test_a_cash_injection_from_named_investors():
    [d] = deals_of("Orbis Mobility Co., Ltd. signed agreements with a group of strategic investors, among them "
                   "Vantor Automobile Investment Fund, for a fresh cash injection of 3.3 billion yuan.")
    assert d["kind"] == "investment"
    assert d["parties"] == {"Orbis Mobility Co., Ltd.": "investee", "Vantor Automobile Investment Fund": "investor"}


def test_working_with_a_partner_on_chips_is_a_chip_collaboration():
    [d] = deals_of("Orbis Battery also works with Vantor Motors on driver-assistance chips.")
    assert d["kind"] == "chip_collaboration" and d["status"] == "ongoing"


def test_a_shelved_project_two_sentences_on_does_not_undo_an_earlier_deal():
    deals = deals_of("Orbis Battery cars were imported and sold by Vantor Group from 2011. "
                     "In the same year an Orbis Battery factory was announced. "
                     "The plant was never built: the project was shelved.")
    assert [d["status"] for d in deals] == ["completed"]


def test_a_trigger_word_inside_a_name_and_a_descriptive_apposition_are_no_deal():
    deals = deals_of("The Z9 is sold through the stores of the Kestrel Smart Mobility Alliance (KSMA), "
                     "the Vantor-led alliance whose other brands include Orbis and Calder.")
    assert deals == []


def test_a_later_mention_dates_an_undated_cooperation():
    deals = deals_of("Orbis Battery today presented the Z9, which it developed together with Vantor Motors. "
                     "The cooperation between the two companies dates back to 2023, when Orbis Battery and "
                     "Vantor Motors agreed to jointly develop electric vehicles.")
    assert [d["date"] for d in deals] == ["2023"]


def test_shares_bought_from_a_third_party():
    deals = deals_of("Calder Holdings bought new Orbis Battery shares in July. In a separate transaction at the time, "
                     "the fund also bought existing Orbis Battery shares from an affiliate of Vantor Holdings.")
    assert [d["parties"] for d in deals] == [
        {"Calder Holdings": "investor", "Orbis Battery": "investee"},
        {"Calder Holdings": "investor", "Orbis Battery": "investee", "Vantor Holdings": "seller"},
    ]
    assert all(d["kind"] == "investment" for d in deals)


def test_a_renamed_venture_is_a_reference_not_a_deal():
    deals = deals_of("The joint venture formerly known as Orbis Vantor was renamed Vantor (Wuhu) Automotive Co., Ltd. "
                     "after Vantor Motors raised its stake to 75%.")
    assert deals == []


def test_signing_an_agreement_under_which_something_will_happen_is_signed():
    [d] = deals_of("Orbis Battery and Vantor Motors signed a framework agreement, under which Vantor Motors "
                   "will contribute its platform.")
    assert d["status"] == "signed"


def test_the_subsidiary_through_which_a_company_buys_is_the_buyer():
    deals = deals_of("Orbis Battery later bought the plant assets from Vantor Motors through its subsidiary "
                     "Calder Manufacturing Co., Ltd. for 3.16 billion yuan.")
    assert [d["parties"] for d in deals] == [{"Calder Manufacturing Co., Ltd.": "buyer", "Vantor Motors": "seller"}]


def test_a_stake_bought_from_its_owner_names_the_seller():
    [d] = deals_of("Vantor Motors bought 50% of Orbis Holdings Co., Ltd. from the Calder Asset Management Co. in 2020.")
    assert d["parties"] == {"Vantor Motors": "investor", "Orbis Holdings Co., Ltd.": "investee",
                            "Calder Asset Management Co.": "seller"}


def test_it_turned_to_a_partner_names_both_sides():
    deals = deals_of("Orbis Battery had no engines of its own. In 2002 it turned to Vantor Engineering GmbH, "
                     "the Austrian consultancy, which agreed to help it design a family of petrol engines.")
    assert [(set(d["parties"]), d["date"]) for d in deals] == [({"Orbis Battery", "Vantor Engineering GmbH"}, "2002")]


def test_investors_named_in_the_next_sentence_join_the_investment():
    [d] = deals_of("Orbis Battery said on Wednesday it had signed agreements under which a group of strategic "
                   "investors will invest 7 billion yuan in Orbis Mobility Co., Ltd., its main unit. The investors — "
                   "Vantor Capital Co., Ltd., Kestrel Fund Co., Ltd. and Calder Investment Co., Ltd. — will together "
                   "hold 24.1% of Orbis Mobility Co., Ltd., while the company keeps the rest.")
    assert d["status"] == "signed"
    assert d["parties"] == {"Orbis Battery": "party", "Orbis Mobility Co., Ltd.": "investee",
                            "Vantor Capital Co., Ltd.": "investor", "Kestrel Fund Co., Ltd.": "investor",
                            "Calder Investment Co., Ltd.": "investor"}


def test_the_venture_the_two_carmakers_set_up_is_dated_and_its_owners_found():
    deals = deals_of("Vantor Motors will pay 1 billion euros for half of Orbis Holdings, the parent of carmaker "
                     "Orbis Motors. Vantor Motors will also raise its holding in Orbis Vantor Automotive Co., Ltd., "
                     "the venture the two carmakers set up in 2017, to 75% from 50%. Orbis Holdings owns many firms.")
    stake = next(d for d in deals if d["kind"] == "investment" and "Orbis Vantor Automotive Co., Ltd." in d["parties"])
    assert stake["date"] == "2024-06-15"  # the news date, not the venture's 2017
    [jv] = [d for d in deals if d["kind"] == "joint_venture"]
    assert set(jv["parties"]) == {"Vantor Motors", "Orbis Motors"} and jv["date"] == "2017"


def test_owners_in_a_described_relative_clause_are_not_clients():
    [d] = deals_of("Calder Auto Co., Ltd., the Wuhu-based carmaker in which Vantor Motors holds 75% and its partner "
                   "Orbis Battery the remaining 25%, has started building a coupé for Kestrel Cars Corp. this year.")
    assert d["parties"] == {"Calder Auto Co., Ltd.": "manufacturer", "Kestrel Cars Corp.": "client"}


def test_an_agreement_with_us_is_with_the_speakers_company():
    deals = deals_of("Q: Who uses Orbis Power stations? A: Orbis Power works with many carmakers. "
                     "Vantor Motors has also signed a battery-swap agreement with us.")
    assert any(set(d["parties"]) == {"Vantor Motors", "Orbis Power"} and d["kind"] == "battery_swap_alliance"
               for d in deals), deals


def test_a_headline_deal_is_the_body_deal_it_abbreviates():
    deals = deals_of("Orbis Battery Announces Acquisition of Plant Assets from Vantor Motors\n\n"
                     "Orbis Battery today announced that Calder Manufacturing Co., Ltd., a wholly owned subsidiary, "
                     "has entered into an asset transfer agreement with Vantor Motors.")
    assert [d["parties"] for d in deals] == [{"Calder Manufacturing Co., Ltd.": "buyer", "Vantor Motors": "seller"}]


def test_a_transaction_completed_later_is_completed():
    deals = deals_of("In May 2020 Vantor Motors agreed to buy 26% of Orbis Battery for 1.1 billion euros. "
                     "The transaction was completed the following year, after it had been cleared by the regulators.")
    assert [(d["kind"], d["status"], d["date"]) for d in deals] == [("investment", "completed", "2020-05")]


def test_a_government_hosting_an_investment_is_a_party_not_an_investee():
    [d] = deals_of("In 2021 Vantor Motors signed an investment agreement with the Wuhu municipal government.")
    assert d["kind"] == "investment"
    assert d["parties"] == {"Vantor Motors": "investor", "Wuhu municipal government": "party"}


def test_a_sentence_may_start_with_a_lower_case_brand_name():
    from anhui_kg.documents import split_sentences
    assert [s.text for s in split_sentences("It is based in Wuhu. iVantor, a voice firm, supplies it.")] == [
        "It is based in Wuhu.", "iVantor, a voice firm, supplies it."]


def test_supplied_for_several_years_is_ongoing():
    deals = deals_of("Orbis Voice, best known for its speech software, has supplied voice assistants to "
                     "Vantor Motors for several years.")
    assert [d["status"] for d in deals] == ["ongoing"]


def test_signing_up_an_assembler_makes_it_the_manufacturer():
    deals = deals_of("Orbis Motors Co., Ltd. left Indonesia in 2015. When Orbis Motors Co., Ltd. came back in the "
                     "second half of 2022, it signed up the local assembler Vantor Assembly Co., Ltd. to build its models.")
    assert [(d["kind"], d["parties"], d["date"]) for d in deals] == [
        ("contract_manufacturing", {"Vantor Assembly Co., Ltd.": "manufacturer", "Orbis Motors Co., Ltd.": "client"},
         "2022-H2")]


def test_half_of_a_business_bought_from_its_owner():
    [d] = deals_of("In 2017 Vantor Group Co., Ltd., the Brazilian car distributor, bought half of Orbis Motors Co., "
                   "Ltd.'s Brazilian business, which was renamed Vantor Orbis Co., Ltd.")
    assert d["kind"] == "investment" and d["date"] == "2017"
    assert d["parties"] == {"Vantor Group Co., Ltd.": "investor", "Orbis Motors Co., Ltd.": "seller",
                            "Vantor Orbis Co., Ltd.": "investee"}


def test_manufacturing_since_a_year_is_the_deal_agreed_earlier():
    [d] = deals_of("Since Orbis Battery began vehicle deliveries in 2018, Vantor Motors has manufactured Orbis Battery "
                   "vehicles at two plants under a manufacturing arrangement first agreed between the two companies in 2016.")
    assert d["kind"] == "contract_manufacturing" and d["date"] == "2016"
    assert d["parties"] == {"Vantor Motors": "manufacturer", "Orbis Battery": "client"}


def test_an_ongoing_deal_since_a_later_year_merges_with_the_one_that_began_it():
    from anhui_kg.pipeline import resolve_articles

    first = article_of("Vantor Motors has been building cars for Orbis Battery at a plant in Wuhu since 2018.")
    second = article_of("Vantor Motors has manufactured Orbis Battery vehicles under an arrangement first agreed "
                        "between the two companies in 2016.").model_copy(update={"id": "u.txt"})
    for articles in ([first, second], [second, first]):
        deals = [d for d in resolve_articles(articles).deals if d.kind == "contract_manufacturing"]
        assert [d.date.value for d in deals] == ["2016"], deals


def test_a_list_of_predicates_shares_its_subject_but_not_its_dates():
    deals = deals_of("Orbis Motors Co., Ltd. makes cars. Orbis Motors Co., Ltd. sells them. In less than a decade the Wuhu-based automaker went from "
                     "Vantor Chips Co., Ltd.'s processor to its own design, opened swap stations on the forecourts of "
                     "state refiner Kestrel Oil Co., Ltd. that same year under a strategic cooperation agreement, "
                     "signed a separate cooperation agreement with the oil major Calder Energy Co., Ltd. covering "
                     "charging, and began designing its own chip in 2021.", published="2025-03")
    got = {frozenset(d["parties"]): d["date"] for d in deals}
    assert got == {frozenset({"Orbis Motors Co., Ltd.", "Kestrel Oil Co., Ltd."}): None,
                   frozenset({"Orbis Motors Co., Ltd.", "Calder Energy Co., Ltd."}): None}


def test_founded_by_describes_a_company_and_does_not_hide_its_deal():
    [d] = deals_of("Vantor Group Co., Ltd., the distributor founded by a businessman, bought half of "
                   "Orbis Motors Co., Ltd.'s Brazilian business.")
    assert d["kind"] == "investment" and d["parties"]["Vantor Group Co., Ltd."] == "investor"


def test_a_fund_set_up_by_a_platform_does_not_make_the_platform_a_party():
    deals = deals_of("In April 2020, three strategic investors led by Vantor New Energy Fund Co., Ltd., a fund set up "
                     "by the city's investment platform Calder Investment Holding Co., Ltd., agreed to put 7 billion "
                     "yuan into Orbis Mobility Co., Ltd.")
    assert all("Calder Investment Holding Co., Ltd." not in d["parties"] for d in deals), deals


def test_a_short_dated_sentence_dates_the_deal_that_follows():
    deals = deals_of("Orbis Motors Co., Ltd. struggled in Brazil. Three years later, in 2017, it changed course. "
                     "Vantor Group Co., Ltd. bought half of Orbis Motors Co., Ltd.'s Brazilian business.")
    assert [d["date"] for d in deals] == ["2017"]


def test_a_company_in_a_long_description_of_the_target_is_no_party():
    [d] = deals_of("Vantor Motors will acquire a 50% stake in Orbis Holdings Co., Ltd. (OH), the largest shareholder "
                   "of the Shanghai-listed Orbis Automobile Co., Ltd., or Orbis.")
    assert d["parties"] == {"Vantor Motors": "investor", "Orbis Holdings Co., Ltd.": "investee"}


def test_an_aim_reported_with_its_signings_is_signed():
    deals = deals_of('Orbis Battery also aims to build a broad "battery-swap alliance," signing with Vantor Motors '
                     "and Calder Auto Co., Ltd.")
    assert deals and all(d["status"] == "signed" for d in deals), deals


def test_announcing_a_launch_is_not_announcing_the_partnership_behind_it():
    [d] = deals_of("Orbis Motors Co., Ltd. today announced the market launch of the Z9, the first model of the brand "
                   "the company has developed together with Vantor Tech Co., Ltd.")
    assert d["status"] == "ongoing"


def test_a_deal_expected_to_close_is_planned():
    [d] = deals_of("Vantor Motors' purchase of a 20% stake in Orbis Battery is expected to close next year.")
    assert d["status"] == "planned", d


def test_a_plant_investment_takes_the_host_named_in_the_next_sentence():
    [d] = deals_of('Orbis Battery Co., Ltd. ("Orbis") today announced that its U.S. subsidiary, Orbis Inc. '
                   '("Orbis US"), will invest approximately $2 billion to build a battery facility in Manteno. '
                   "The investment was announced jointly with the Vantor Municipal Government, which has agreed "
                   "to support the project with an incentive package.")
    assert d["kind"] == "investment" and d["value"] == (2e9, "USD")
    assert d["parties"] == {"Orbis Inc.": "investor", "Vantor Municipal Government": "party"}


def test_a_plant_investment_with_no_host_is_no_deal():
    assert deals_of("Orbis Inc. will invest $2 billion to build a battery facility in Manteno.") == []


def test_status_cue_word_lists_never_hide_a_cue():
    """Every sentence of the seeds, dev and held-out articles that a status cue matches has
    one of the words the cue's pre-check looks for."""
    from pathlib import Path

    from anhui_kg.documents import load_articles
    from anhui_kg.extraction.deals import _CUE_NEEDS, _STATUS_CUES

    root = Path(__file__).resolve().parent
    for folder in (root.parent / "seeds", root / "data" / "dev", root / "data" / "heldout"):
        for a in load_articles(folder):
            for s in a.sentences:
                low = s.text.lower()
                for (status, cue), needs in zip(_STATUS_CUES, _CUE_NEEDS):
                    if cue.search(s.text):
                        assert any(w in low for w in needs), (status, s.text)


@pytest.mark.parametrize("sentence,child,parent", [
    ("In 2022, Calder Software Co., Ltd., Vantor Motors' software unit, agreed to invest in a venture.",
     "Calder Software Co., Ltd.", "Vantor Motors"),
    ("Kestrel Cells Co., Ltd., the U.S. subsidiary of Wuhu-based battery maker Orbis Battery, will build a plant.",
     "Kestrel Cells Co., Ltd.", "Orbis Battery"),
])
def test_a_unit_named_in_apposition_is_a_subsidiary(sentence, child, parent):
    x = extract(article_of(sentence))
    names = {m.id: m.name for m in x.mentions}
    assert (child, "subsidiary_of", parent) in {(names[r.subject], r.predicate, names.get(r.object)) for r in x.relations}


def test_a_generic_first_mention_takes_the_kind_of_the_agreement_named_next():
    from anhui_kg.pipeline import resolve_articles

    text = ("Orbis Battery and Vantor Motors have opened their first jointly built swap station in Wuhu. "
            "The station is the first result of a strategic cooperation agreement that the two companies "
            "signed earlier this year.")
    [d] = deals_of(text)
    assert d["kind"] == "strategic_cooperation" and d["status"] == "signed"
    [deal] = resolve_articles([article_of(text)]).deals
    assert deal.status == "signed"


@pytest.mark.parametrize("text,sentences", [
    ("It is owned by Spain's Calder S.A. The coupé sits on a shared platform.",
     ["It is owned by Spain's Calder S.A.", "The coupé sits on a shared platform."]),
    ("Vantor signed with Orbis Co., Ltd. The deal closed in May.", ["Vantor signed with Orbis Co., Ltd.", "The deal closed in May."]),
    ("Orbis Co., Ltd. agreed.", ["Orbis Co., Ltd. agreed."]),
    ("Gov. J. B. Pritzker spoke.", ["Gov. J. B. Pritzker spoke."]),
])
def test_a_legal_form_can_end_a_sentence(text, sentences):
    from anhui_kg.documents import split_sentences
    assert [s.text for s in split_sentences(text)] == sentences


@pytest.mark.parametrize("owner,parties", [
    ("Spain's Orbis Motors Co., Ltd.", {"Calder Auto Co., Ltd.": "manufacturer", "Orbis Motors Co., Ltd.": "client"}),
    ("a Spanish group", None),
])
def test_a_brand_described_as_the_brand_of_an_owner_stands_for_its_owner(owner, parties):
    deals = deals_of(f"Calder Auto Co., Ltd. builds the Z5 for Kestrel Sport Co., Ltd., the sporty brand of {owner}.")
    assert [d["parties"] for d in deals] == ([parties] if parties else [])


# -- constructions from a second development set (invented names) -------------------------

@pytest.mark.parametrize("text,kind,parties", [
    ("Vantor Auto raised money from a long list of backers, among them Brightwater Capital, Ostrander Ventures and Kestrel Holdings.",
     "investment", {"Vantor Auto": "investee", "Brightwater Capital": "investor", "Ostrander Ventures": "investor",
                    "Kestrel Holdings": "investor"}),
    ("Vantor Auto raised 64 million dollars in a Series B round. The round was led by Brightwater Capital and "
     "Ostrander Ventures, and Kestrel Holdings also took part.",
     "investment", {"Vantor Auto": "investee", "Brightwater Capital": "investor", "Ostrander Ventures": "investor",
                    "Kestrel Holdings": "investor"}),
    ("In May 2023 Kestrel Motors sold its Russian business to Ostrander Holdings LLC for 125 million euros.",
     "acquisition", {"Kestrel Motors": "seller", "Ostrander Holdings LLC": "buyer"}),
    ("Vantor Auto sells the battery packs to Orbis Leasing Co., Ltd., which leases them to drivers.",
     "supply", {"Vantor Auto": "supplier", "Orbis Leasing Co., Ltd.": "customer"}),
    ("In 2012 Tagor Motors built Vantor Auto models under its own brand, Vortana.",
     "licensing", {"Tagor Motors": "licensee", "Vantor Auto": "licensor"}),
    ("In the middle of the decade Vantor Auto hired Pinaro Design S.p.A., the Turin coachbuilder, to style a new family of saloons.",
     "other", {"Vantor Auto": "party", "Pinaro Design S.p.A.": "party"}),
])
def test_more_ways_a_deal_is_said(text, kind, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [(kind, parties)]


def test_brands_and_descriptions_are_not_parties():
    [d] = deals_of("Vantor Group signed an agreement with Kestrel Automobile on Thursday to assemble cars of "
                   "Kestrel's Omoda and Jaecoo brands at a new factory.")
    assert set(d["parties"]) == {"Vantor Group", "Kestrel Automobile"}
    [d] = deals_of("Last year Vantor Auto and Navis International, the Illinois-based maker of Kestrel trucks and "
                   "MaxxPower engines, signed an agreement to form a 50-50 joint venture.")
    assert set(d["parties"]) == {"Vantor Auto", "Navis International"} and d["kind"] == "joint_venture"


def test_past_tense_without_a_status_word_is_completed():
    [d] = deals_of("Vantor Auto merged with Kestrel Motors in 2019.")
    assert d["status"] == "completed" and d["kind"] == "other"


@pytest.mark.parametrize("text,kind,parties", [
    ("A group of cornerstone investors had agreed to buy shares worth about 4.6 billion dollars in Vantor Auto. "
     "They included Brightwater Advisors Ltd, Ostrander Capital and Kestrel Investment Management Limited.",
     "investment", {"Vantor Auto": "investee", "Brightwater Advisors Ltd": "investor", "Ostrander Capital": "investor",
                    "Kestrel Investment Management Limited": "investor"}),
    ("Kestrel Cells Co., Ltd.'s backers include Orbis Investment Co., Ltd., the carmaker Tagor Motors and the "
     "smartphone maker Vantor Mobile.",
     "investment", {"Kestrel Cells Co., Ltd.": "investee", "Orbis Investment Co., Ltd.": "investor",
                    "Tagor Motors": "investor", "Vantor Mobile": "investor"}),
    ("Kestrel Cells Co., Ltd. uses Vantor Semiconductor's battery-management chips in many of its packs.",
     "supply", {"Kestrel Cells Co., Ltd.": "customer", "Vantor Semiconductor": "supplier"}),
    ("In December, Vantor Auto and Kestrel Battery Technology agreed to set up a company in Hefei to assemble "
     "battery packs, in which Vantor Auto will hold 51% and Kestrel 49%.",
     "joint_venture", {"Vantor Auto": "party", "Kestrel Battery Technology": "party"}),
    ("In 2023 the two companies signed an agreement under which Emir Motors would assemble Vantor Auto pick-ups "
     "and light trucks there.",
     "contract_manufacturing", {"Emir Motors": "manufacturer", "Vantor Auto": "client"}),
    ("Omoda, one of the export brands of China's Vantor Automobile, has signed a dealer agreement with Kestrel "
     "Motors plc to sell its cars in England.",
     "other", {"Vantor Automobile": "party", "Kestrel Motors plc": "party"}),
    ("The previous autumn, Vantor Semiconductor had agreed with Kestrel Industry Investment Holding Co., Ltd. to "
     "develop memory chips in Hefei.",
     "strategic_cooperation", {"Vantor Semiconductor": "party", "Kestrel Industry Investment Holding Co., Ltd.": "party"}),
])
def test_more_ways_a_deal_is_said_from_a_third_set(text, kind, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [(kind, parties)]


def test_a_comment_in_another_clause_does_not_make_the_deal_hypothetical():
    [d] = deals_of("When Orbis Energy agreed in February 2023 to license its battery technology to Tagor Motor "
                   "Company, critics said the deal might face scrutiny.")
    assert d["status"] == "signed" and d["kind"] == "licensing"
    [d] = deals_of("Should the licence be finalised, Orbis Energy would license its platform to Tagor Motor Company.")
    assert d["status"] == "hypothetical"


def test_a_passive_agreed_with_is_no_new_deal():
    assert deals_of("The plant in Changfeng was agreed with the Hefei government in 2021.") == []


def test_we_in_an_interview_is_the_company_its_opening_introduces():
    text = ("Interview: Vantor's chips in Kestrel cars\n\n"
            "Vantor Semiconductor AG, the German chipmaker, sells chips to carmakers. We asked its China head about customers.\n\n"
            "Q: Who do you work with?\nA: Kestrel Motors, mostly. Kestrel Motors buys a lot. Kestrel Motors is growing. "
            "Three years ago we signed a strategic cooperation agreement with Orbis Automobile covering power modules.")
    deals = deals_of(text)
    assert any(set(d["parties"]) == {"Vantor Semiconductor AG", "Orbis Automobile"} for d in deals)
    assert not any("Kestrel Motors" in d["parties"] and "Orbis Automobile" in d["parties"] for d in deals)


def test_press_talk_is_a_rumour_and_descriptions_of_a_party_are_not_parties():
    [d] = deals_of("Talk in the Chinese press of Vantor Motors taking a direct stake in Kestrel Bus Co., Ltd. never led to an agreement.")
    assert d["status"] == "rumoured"
    [d] = deals_of("In the late 1990s Kestrel Bus Co., Ltd. agreed with Orbis Coaches GmbH, the bus subsidiary of Vantor "
                   "Group that owns the Setra brand, to build luxury coaches in Hefei.")
    assert set(d["parties"]) == {"Kestrel Bus Co., Ltd.", "Orbis Coaches GmbH"}


def test_a_question_about_another_company_leaves_the_deal_signed():
    [d] = deals_of("When Orbis Energy agreed in February 2023 to license its battery technology to Tagor Motor Company, "
                   "some analysts asked whether Kestrel Cells might do the same.")
    assert d["status"] == "signed"


@pytest.mark.parametrize("sentence,status", [
    ("It was reported by Italian newspapers last year that a stake in Orbis Motors was being sought by Vantor Automobile, "
     "but the report was never confirmed by either company.", "rumoured"),
    ("Reports in the Chinese press that Vantor Automobile would buy a stake in Orbis Motors were rejected by both companies.",
     "denied"),
    ("Vantor Automobile has said it could assemble cars in Manila with Orbis Motors if sales reach a level that justifies a plant.",
     "hypothetical"),
])
def test_reported_rejected_and_conditional_deals_are_not_signed(sentence, status):
    [d] = deals_of(sentence)
    assert d["status"] == status


def test_what_a_deal_does_is_no_new_deal():
    deals = deals_of("Vantor Auto signed an investment agreement with the Wuhu city government on Thursday. "
                     "The deal brings Vantor Auto into the backyard of Orbis Motors, the carmaker founded in 1997.")
    assert [set(d["parties"]) for d in deals] == [{"Vantor Auto", "Wuhu city government"}]


def test_founded_needs_a_name_after_it_to_be_a_venture():
    deals = deals_of("Vantor Auto, founded in 2001 in Wuhu, signed a supply agreement with Kestrel Cells Co., Ltd. in 2023.")
    assert [d["kind"] for d in deals] == ["supply"]
    [d] = deals_of("In 2015 Vantor Auto and Kestrel Cells Co., Ltd. founded Orbis Power Co., Ltd. in Hefei.")
    assert d["kind"] == "joint_venture"


@pytest.mark.parametrize("text,parties", [
    ("A year after that came the biggest step: Vantor Robotics Co., Ltd.'s purchase of Orbis Group S.p.A., a "
     "Turin-based builder of welding lines.",
     {"Vantor Robotics Co., Ltd.": "investor", "Orbis Group S.p.A.": "investee"}),
    ("In 2017 Kestrel Maps Co., Ltd. completed its purchase of Vantor Chips Co., Ltd. from Orbis Semiconductor Inc. "
     "for about 3.9 billion yuan.",
     {"Kestrel Maps Co., Ltd.": "investor", "Vantor Chips Co., Ltd.": "investee", "Orbis Semiconductor Inc.": "seller"}),
    ("In September Vantor Bus Co., Ltd. sold its 40% stake in a Hefei chassis joint venture to Kestrel Motors for "
     "about 60 million yuan.",
     {"Vantor Bus Co., Ltd.": "seller", "Kestrel Motors": "investor"}),
    ("Last year Vantor Chips Co., Ltd. raised about 1 billion yuan in a funding round from outside investors. Three of "
     "them were named in the filings: Orbis Industry Investment Co., Ltd., the city's main state investment vehicle; "
     "Tagor Capital, the venture fund linked to the carmaker Vantor Motors; and Brightwater Fund Co., Ltd.",
     {"Vantor Chips Co., Ltd.": "investee", "Orbis Industry Investment Co., Ltd.": "investor", "Tagor Capital": "investor",
      "Brightwater Fund Co., Ltd.": "investor"}),
])
def test_purchases_sales_of_stakes_and_investors_listed_later(text, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [("investment", parties)]


@pytest.mark.parametrize("text,parties", [
    ("Orbis Public Transport Co., Ltd. ordered 300 electric city buses from Vantor Bus Co., Ltd. in March.",
     {"Vantor Bus Co., Ltd.": "supplier", "Orbis Public Transport Co., Ltd.": "customer"}),
    ("Vantor Auto placed an order for 500 trucks with Kestrel Motors Co., Ltd.",
     {"Kestrel Motors Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("Vantor Auto is one of Kestrel Power Co., Ltd.'s customers for these controllers, under a supply contract signed in 2022.",
     {"Kestrel Power Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("The body shop of the Hefei plant of Vantor Auto uses welding lines supplied by Kestrel Systems S.p.A. under a "
     "contract signed in 2022.",
     {"Kestrel Systems S.p.A.": "supplier", "Vantor Auto": "customer"}),
])
def test_orders_customers_and_reduced_passives_give_the_supplier(text, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [("supply", parties)]


def test_the_group_that_sold_is_the_one_named_before_not_the_buyer():
    [d] = deals_of("Kestrel Motors AG built cars in Kaluga for years. In May 2023 the German group sold its Russian "
                   "business, including the Kaluga plant, to Ostrander Finance LLC, a Russian investment company, for "
                   "about 125 million euros.")
    assert d["kind"] == "acquisition"
    assert d["parties"] == {"Kestrel Motors AG": "seller", "Ostrander Finance LLC": "buyer"}


def test_working_with_several_partners_including_a_and_b_is_one_partnership_each():
    deals = deals_of("Through its alliance Vantor Tech works with several carmakers, including Kestrel Motors Co., Ltd. "
                     "and Orbis Automobile Co., Ltd.")
    assert sorted(sorted(d["parties"]) for d in deals) == [
        ["Kestrel Motors Co., Ltd.", "Vantor Tech"], ["Orbis Automobile Co., Ltd.", "Vantor Tech"]]


def test_a_colon_before_a_named_subject_starts_a_new_clause():
    [d] = deals_of("In August, Tagor Motors' role was handed to its electric-car affiliate: Vantor Technology Co., Ltd. "
                   "agreed to buy 10% of Kestrel Intelligent Co., Ltd. from Orbis Systems Co., Ltd. for 11.5 billion yuan.")
    assert d["parties"] == {"Vantor Technology Co., Ltd.": "investor", "Kestrel Intelligent Co., Ltd.": "investee",
                            "Orbis Systems Co., Ltd.": "seller"}


def test_launching_a_brand_and_acting_under_an_agreement_are_no_new_deals():
    assert deals_of("Orbis: Vantor Motors' brand for family cars, launched in May 2024 with the L60.") == []
    deals = deals_of("Vantor Motors signed a dealer agreement with Kestrel Retail plc on Thursday. Under the agreement, "
                     "Kestrel Retail plc will open Orbis showrooms at several of its sites.")
    assert len(deals) == 1


@pytest.mark.parametrize("text,parties", [
    ("Vantor Auto sources its battery cells from Kestrel Cells Co., Ltd.",
     {"Vantor Auto": "customer", "Kestrel Cells Co., Ltd.": "supplier"}),
    ("Kestrel Cells Co., Ltd. provides battery packs to Vantor Auto under a five-year contract.",
     {"Kestrel Cells Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("Kestrel Cells Co., Ltd. delivered 10,000 packs to Vantor Auto last year.",
     {"Kestrel Cells Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("Kestrel Cells Co., Ltd. became a supplier to Vantor Auto in 2021.",
     {"Kestrel Cells Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("Kestrel Cells Co., Ltd. won an order from Vantor Auto for 5,000 packs.",
     {"Kestrel Cells Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
    ("Kestrel Cells Co., Ltd. was chosen by Vantor Auto as its battery supplier.",
     {"Kestrel Cells Co., Ltd.": "supplier", "Vantor Auto": "customer"}),
])
def test_more_ways_to_say_who_supplies_whom(text, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [("supply", parties)]


def test_a_generic_buyer_makes_no_deal():
    assert deals_of("A carmaker can source memory chips from Kestrel Memory Co., Ltd. and displays from Orbis Display Co., Ltd.") == []


@pytest.mark.parametrize("text,kind,parties", [
    ("Kestrel Motors Co., Ltd. builds Orbis Auto Co., Ltd.'s sedans at its Wuhu plant.", "contract_manufacturing",
     {"Kestrel Motors Co., Ltd.": "manufacturer", "Orbis Auto Co., Ltd.": "client"}),
    ("Kestrel Motors Co., Ltd. will produce cars under licence from Orbis Auto Co., Ltd.", "licensing",
     {"Kestrel Motors Co., Ltd.": "licensee", "Orbis Auto Co., Ltd.": "licensor"}),
    ("Orbis Capital Co., Ltd. led a 500 million yuan round in Kestrel Cells Co., Ltd. last year.", "investment",
     {"Orbis Capital Co., Ltd.": "investor", "Kestrel Cells Co., Ltd.": "investee"}),
    ("Kestrel Cells Co., Ltd. received 300 million yuan from Orbis Capital Co., Ltd. in 2022.", "investment",
     {"Kestrel Cells Co., Ltd.": "investee", "Orbis Capital Co., Ltd.": "investor"}),
    ("Orbis Auto Co., Ltd. is the largest customer of Kestrel Cells Co., Ltd.", "supply",
     {"Orbis Auto Co., Ltd.": "customer", "Kestrel Cells Co., Ltd.": "supplier"}),
])
def test_common_constructions_of_each_kind(text, kind, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [(kind, parties)]


@pytest.mark.parametrize("text,kind,parties", [
    ("Orbis Capital Co., Ltd. became a shareholder in Kestrel Cells Co., Ltd. in 2020.", "investment",
     {"Orbis Capital Co., Ltd.": "investor", "Kestrel Cells Co., Ltd.": "investee"}),
    ("Kestrel Motors Co., Ltd. has acquired a majority stake in Orbis Auto Co., Ltd.", "investment",
     {"Kestrel Motors Co., Ltd.": "investor", "Orbis Auto Co., Ltd.": "investee"}),
    ("Kestrel Trading Co., Ltd. sells Orbis Auto Co., Ltd.'s cars in Chile.", "other",
     {"Kestrel Trading Co., Ltd.": "party", "Orbis Auto Co., Ltd.": "party"}),
    ("Kestrel Trading Co., Ltd. will distribute Orbis Auto Co., Ltd. vehicles in Chile from next year.", "other",
     {"Kestrel Trading Co., Ltd.": "party", "Orbis Auto Co., Ltd.": "party"}),
])
def test_stakes_shareholders_and_distributors(text, kind, parties):
    assert [(d["kind"], d["parties"]) for d in deals_of(text)] == [(kind, parties)]


def test_a_one_sided_supply_sentence_continues_the_deal_just_told():
    deals = deals_of("Vantor Group signed an agreement with Kestrel Automobile on Thursday to assemble cars at a new "
                     "factory. Kestrel Automobile will supply the kits and the main components.")
    assert ("supply", {"Kestrel Automobile": "supplier", "Vantor Group": "customer"}) in [
        (d["kind"], d["parties"]) for d in deals]
    # with no deal just told about the company, one name is no deal
    assert deals_of("Kestrel Automobile will supply the kits and the main components.") == []


@pytest.mark.parametrize("text,parties", [
    # a name next to a verb of taking over or of building for others, with no deal word
    ("Lumo Motors makes cars in Wuhu. In 2016 the company went back to Italy and acquired Tarvex.",
     {"Lumo Motors": "investor", "Tarvex": "investee"}),
    ("In the mid-2000s Brenvik began assembling Kestrel Motors models from kits shipped from China.",
     {"Brenvik": "manufacturer", "Kestrel Motors": "client"}),
])
def test_names_beside_take_over_and_assembly_verbs(text, parties):
    [d] = deals_of(text)
    assert d["parties"] == parties


def test_a_company_bought_outright_is_invested_in_and_assets_are_bought_from_a_seller():
    [whole] = deals_of("Lumo Motors completed the takeover of Kestrel Robotics in 2016.")
    assert whole["kind"] == "investment"
    assert whole["parties"] == {"Lumo Motors": "investor", "Kestrel Robotics": "investee"}
    [part] = deals_of("Lumo Motors bought the engine plant from Kestrel Motors in 2016.")
    assert part["kind"] == "acquisition"
    assert part["parties"] == {"Lumo Motors": "buyer", "Kestrel Motors": "seller"}


def test_a_description_names_the_buyer_and_the_company_bought():
    # "the Ningguo company": the one told with Ningguo before; "the German firm": the one named last
    [d] = deals_of("Tarvex Sealing Co., Ltd. is based in Ningguo. The first target was Brenvik Seals, a maker "
                   "of seals for engines. The Ningguo company bought the German firm outright in 2014.")
    assert d["kind"] == "investment" and d["date"] == "2014"
    assert d["parties"] == {"Tarvex Sealing Co., Ltd.": "investor", "Brenvik Seals": "investee"}


def test_what_an_acquired_company_does_is_no_deal_of_its_own():
    deals = deals_of("Lumo Motors makes robots. In 2016 Lumo Motors acquired Tarvex, which builds "
                     "robotic cells for foundries.")
    assert [(d["kind"], d["parties"]) for d in deals] == [
        ("investment", {"Lumo Motors": "investor", "Tarvex": "investee"})]


def test_a_clause_opening_with_a_noun_phrase_does_not_borrow_the_subject_before():
    # ", and some EVA models are ... supplied by X": EVA is a brand named, not the customer
    deals = deals_of("Brenvik Automobiles makes cars in Molise. A second brand, EVA, was added by the group, "
                     "and some EVA models are reported to be based on vehicles supplied by Tarvex Motors.")
    assert all("EVA" not in d["parties"] for d in deals)


def test_a_name_found_once_is_found_wherever_the_article_repeats_it():
    # "Brenvik" is known only from "Lumo Motors and Brenvik agreed"; later it opens a sentence alone
    deals = deals_of("In 2008 Lumo Motors and Brenvik agreed to set up a joint venture in Wuhu. "
                     "Brenvik looked elsewhere and, in 2009, signed a joint-venture agreement with Tarvex Group instead.")
    assert {"Brenvik", "Tarvex Group"} in [set(d["parties"]) for d in deals]


def test_a_description_not_yet_tied_to_a_name_goes_on_from_the_last_subject():
    deals = deals_of("In Ukraine, Lumo's partner was Brenvik, a carmaker best known for old cars. Brenvik built "
                     "a saloon under its own name. Kestrel Motors opened a plant in Kaluga in 2007. "
                     "In May 2023 the German group sold its Russian business to Tarvex Finance LLC.")
    [sale] = [d for d in deals if "Tarvex Finance LLC" in d["parties"]]
    assert sale["parties"] == {"Kestrel Motors": "seller", "Tarvex Finance LLC": "buyer"}


@pytest.mark.parametrize("text,parties", [
    # "one of its customers": it supplies them
    ("Tarvex Power makes inverters. Kestrel Motors is one of its customers for these controllers, "
     "under a supply contract signed in 2022.", {"Tarvex Power": "supplier", "Kestrel Motors": "customer"}),
    # "to the carmaker's plants": the organisation named last
    ("Kestrel Motors runs plants in Wuhu. Tarvex Robotics supplies painting robots to the carmaker's plants "
     "in Wuhu.", {"Tarvex Robotics": "supplier", "Kestrel Motors": "customer"}),
])
def test_customers_and_plants_told_by_pronoun_or_description(text, parties):
    [d] = deals_of(text)
    assert d["parties"] == parties


def test_an_agreement_signed_with_someone_is_signed_by_the_company_told_about():
    [d] = deals_of("Lumo Motors makes cars in Italy. A supply agreement was signed with Kestrel Automobile "
                   "in the mid-2000s, under which bodies were shipped to Italy.")
    assert set(d["parties"]) == {"Lumo Motors", "Kestrel Automobile"}
    # the text dates it to a decade, too coarse to keep: not the article's date either
    assert d["date"] is None


@pytest.mark.parametrize("text", [
    'Lumo Motors was mentioned as well; a Lumo spokesman said the company "has no plan" to invest in Kestrel Robotics.',
    "Lumo Motors said it has no plans to invest in Kestrel Robotics.",
])
def test_no_plan_to_invest_is_a_denial(text):
    [d] = deals_of(text)
    assert d["status"] == "denied"


def test_a_chinese_legal_name_is_short_for_the_word_after_its_city():
    [d] = deals_of("Lumo Group moved its car business into a new company, later named Shenzhen Yinlan Intelligent "
                   "Technology Co. In August, Tarvex Technology agreed to buy 10% of Yinlan from Lumo Group.")
    assert d["parties"] == {"Tarvex Technology": "investor", "Shenzhen Yinlan Intelligent Technology Co.": "investee",
                            "Lumo Group": "seller"}


@pytest.mark.parametrize("text,parties", [
    # the possessor of the deal noun is a party, not the owner of the one after "with"
    ("Lumo Motors's agreement with Kestrel Mining, the state-owned mining company of Jujuy province, "
     "signed two years ago, covers a plant.", {"Lumo Motors", "Kestrel Mining"}),
    ("Lumo's tie-up with Kestrel Mining covers a plant.", {"Lumo", "Kestrel Mining"}),
])
def test_a_possessive_deal_noun_names_both_sides(text, parties):
    [d] = deals_of(text)
    assert set(d["parties"]) == parties


def test_a_described_subject_before_a_verb_trigger_is_its_subject_not_a_deal_named_again():
    # "the Hefei carmaker hired X ... to style": a long appositive between the name and "to style"
    [d] = deals_of("Lumo Motors is based in Hefei. In 2015 the Hefei carmaker hired Kestrel Design S.p.A., the Turin "
                   "coachbuilder known for its work with other carmakers, to style a new family of saloons.")
    assert d["kind"] == "other" and d["date"] == "2015"
    assert set(d["parties"]) == {"Lumo Motors", "Kestrel Design S.p.A."}


def test_a_release_defines_the_company_and_the_joint_venture():
    deals = deals_of("Lumo Power Co., Ltd. (the “Company”) makes cells. Under the agreement, the Company and Kestrel "
                     "Plus will establish NV Lumo Company Limited (the “Joint Venture”) to assemble battery modules. "
                     "The Company will supply battery cells to the Joint Venture from its plants in China.")
    found = {(d["kind"], tuple(sorted(d["parties"].items()))) for d in deals}
    assert ("joint_venture", (("Kestrel Plus", "party"), ("Lumo Power Co., Ltd.", "party"))) in found
    assert ("supply", (("Lumo Power Co., Ltd.", "supplier"), ("NV Lumo Company Limited", "customer"))) in found


def test_the_venture_named_after_establish_is_not_a_founder():
    [d] = deals_of("Lumo Power and Kestrel Plus will establish NV Lumo Company Limited, a joint venture, "
                   "to assemble battery packs in Thailand.")
    assert set(d["parties"]) == {"Lumo Power", "Kestrel Plus"}


def test_the_employer_of_a_quoted_speaker_is_no_party():
    assert deals_of('"We invest in a supply chain," an official at Lumo Investment Holding said.') == []


def test_a_place_found_once_is_not_made_a_company_elsewhere():
    deals = deals_of("Massimo Rossi is a car dealer from the southern Italian region of Molise. Under a supply "
                     "agreement, Kestrel Motors shipped bodies from Wuhu to Molise.")
    assert all("Molise" not in d["parties"] for d in deals)


def test_a_place_that_agrees_or_invests_is_its_government():
    [d] = deals_of("Two years later Hefei and Lumo Display agreed on a second line in the city, with an "
                   "investment of 28 billion yuan.")
    assert d["kind"] == "investment"
    assert set(d["parties"]) == {"Hefei municipal government", "Lumo Display"}


def test_a_government_of_a_place_is_a_party_and_a_neighbour_is_not():
    [d] = deals_of("Kestrel Motors signed an investment agreement with the government of Lindau County to build a "
                   "plant next to Lumen Cells' base, investing about CNY 5.8 billion.")
    assert d["parties"] == {"Kestrel Motors": "investor", "government of Lindau County": "party"}


@pytest.mark.parametrize("text,kind,parties", [
    ("In October, Lumen Robotics won an order worth CNY 85 million from Kestrel Motors for painting robots.",
     "supply", {"Lumen Robotics": "supplier", "Kestrel Motors": "customer"}),
    ("Last March Kestrel ordered 150 electric tractor units from Lumen Trucks, the largest order in its history.",
     "supply", {"Kestrel": "customer", "Lumen Trucks": "supplier"}),
    ("Kestrel Holding bought about 10% of Lumen Cells in August 2023.",
     "investment", {"Kestrel Holding": "investor", "Lumen Cells": "investee"}),
    ("Lumen Robotics will sell its minority stake in Robix Controls to Kestrel Motors.",
     "investment", {"Lumen Robotics": "seller", "Robix Controls": "investee", "Kestrel Motors": "investor"}),
    # the buyer is "Robix's management", not Robix
    ("Lumen Robotics agreed in February to sell its minority stake in Robix Controls, the Novara motion-control "
     "company, back to Robix's management for EUR 4 million.",
     "investment", {"Lumen Robotics": "seller", "Robix Controls": "investee"}),
    ("Kestrel Motors and Lumen Microelectronics, a local chip designer, opened a joint laboratory for "
     "motor-control chips in May 2023.",
     "chip_collaboration", {"Kestrel Motors": "party", "Lumen Microelectronics": "party"}),
])
def test_orders_stake_sales_hedged_shares_and_joint_laboratories(text, kind, parties):
    [d] = deals_of(text)
    assert (d["kind"], d["parties"]) == (kind, parties)


def test_orders_are_signed_and_talks_that_ended_without_agreement_are_no_signed_deal():
    [d] = deals_of("Last March Kestrel ordered 150 electric tractor units from Lumen Trucks.")
    assert d["status"] == "signed"
    assert [d for d in deals_of("Kestrel Motors had discussed buying a stake in Lumen Cells, but those talks "
                                "ended without an agreement.") if d["status"] not in ("cancelled", "hypothetical")] == []


def test_a_name_an_appositive_calls_a_company_may_begin_with_a_known_place():
    x = extract(article_of("Hefei Kestrel Copper Foil, a small maker of copper foil, has won a contract."))
    assert [(m.name, m.type) for m in x.mentions] == [("Hefei Kestrel Copper Foil", "Company")]


def test_money_raised_from_a_list_of_investors_and_a_round_led_by_one_with_others():
    [d] = deals_of("Lumen Semiconductor, a maker of power modules, raised CNY 800 million in March 2024 from "
                   "Kestrel Investment, Arden Capital and Chery.")
    assert d["parties"] == {"Lumen Semiconductor": "investee", "Kestrel Investment": "investor",
                            "Arden Capital": "investor", "Chery Automobile": "investor"}
    assert d["date"] == "2024-03"
    # the fund's description names a carmaker that is no party; the raising dates the round
    [d] = deals_of("Lumen Semiconductor raised 800 million yuan in a Series B round in March, the company said. "
                   "The round was led by Kestrel Investment, the city's state investor, with Arden Capital, the "
                   "venture fund linked to carmaker NIO, and Huaihe River Capital also taking part.")
    assert d["parties"] == {"Lumen Semiconductor": "investee", "Kestrel Investment": "investor",
                            "Arden Capital": "investor", "Huaihe River Capital": "investor"}
    assert d["date"] == "2024-03"


def test_made_under_contract_by_names_the_manufacturer():
    [d] = deals_of("Lumen Semiconductor designs power modules. Its wafers are made under contract by "
                   "Kestrel Foundry, a silicon-carbide foundry in Wuhu.")
    assert (d["kind"], d["parties"]) == ("contract_manufacturing",
                                         {"Lumen Semiconductor": "client", "Kestrel Foundry": "manufacturer"})


def test_a_deal_subject_may_begin_with_a_known_place():
    x = extract(article_of("Hefei Kestrel Compressor supplies electric compressors to Lumen Motors."))
    assert ("Hefei Kestrel Compressor", "Company") in [(m.name, m.type) for m in x.mentions]


def test_a_deputy_title_after_a_name_makes_a_person_not_a_company():
    x = extract(article_of("The agreement was signed by Lin Tao, president of Kestrel Power, and Zhou Ming, a deputy "
                           "general manager of the transport group."))
    assert ("Zhou Ming", "Person") in [(m.name, m.type) for m in x.mentions]


def test_a_service_agreement_whose_makes_are_serviced_and_an_agreement_to_install_swap_stations():
    [d] = deals_of("On Wednesday, Kestrel Norway AS signed a service agreement with Lumen Bilservice AS, a chain of "
                   "independent workshops, under which the chain will maintain and repair Kestrel cars at 14 sites.")
    assert (d["kind"], d["status"], d["parties"]) == (
        "other", "signed", {"Kestrel Norway AS": "party", "Lumen Bilservice AS": "party"})
    [d] = deals_of("Kestrel Power has agreed with Lumen Transportation Holding Group to install swap stations at "
                   "40 motorway service areas across the province.")
    assert d["kind"] == "battery_swap_alliance"


def test_a_description_by_place_resolves_and_since_a_year_makes_a_supply_ongoing():
    x = extract(article_of("Kestrel Software is a 60-person company based in Oulu. Since 2020, the Oulu company has "
                           "supplied its road data to Lumen Freight, a Finnish haulier."))
    assert "Oulu" not in [m.name for m in x.mentions if m.type == "Company"]
    [d] = deals_of("Kestrel Software is a 60-person company based in Oulu. Since 2020, the Oulu company has "
                   "supplied its road data to Lumen Freight, a Finnish haulier.")
    assert (d["status"], d["date"]) == ("ongoing", "2020")
    assert d["parties"] == {"Kestrel Software": "supplier", "Lumen Freight": "customer"}


def test_will_supply_is_a_contract_unless_a_plan_or_another_agreement_frames_it():
    [d] = deals_of("Brake maker Kestrel Safety Systems will supply brake units to Lumen Automobile, "
                   "the two companies said on Monday.")
    assert (d["kind"], d["status"]) == ("supply", "signed")
    assert d["parties"] == {"Kestrel Safety Systems": "supplier", "Lumen Automobile": "customer"}
    [d] = deals_of("The plant is being built by Kestrel Cells Co., Ltd., which will supply its cells to Lumen Motors.")
    assert d["status"] == "planned"
    deals = deals_of("On the same day, Kestrel Power Co., Ltd. and Lumen Motors Co., Ltd. entered into a framework "
                     "agreement. Under the Framework Agreement, Kestrel Power Co., Ltd. will provide prototype "
                     "engines to Lumen Motors Co., Ltd. for road tests.")
    assert all(d["status"] != "signed" for d in deals if d["kind"] == "supply")


def test_a_chosen_supplier_supplies_whoever_chose_it():
    cases = [
        "Lumen Drive Co., Ltd. picked Kestrel Castings Co., Ltd. to supply rear underbody castings.",
        "Kestrel Castings Co., Ltd. was picked by Lumen Drive Co., Ltd. in March 2024 to supply castings.",
        "Lumen Drive Co., Ltd. chose Kestrel Castings Co., Ltd. as its battery supplier in 2023.",
        "Kestrel Castings Co., Ltd. was chosen by Lumen Drive Co., Ltd. as its supplier in 2023.",
    ]
    for text in cases:
        [d] = deals_of(text)
        assert (d["kind"], d["status"]) == ("supply", "signed"), text
        assert d["parties"] == {"Kestrel Castings Co., Ltd.": "supplier", "Lumen Drive Co., Ltd.": "customer"}, text
    [d] = deals_of("In late 2023, Lumen Drive acquired selected assets from Kestrel Castings for 1.2 billion yuan.")
    assert (d["kind"], d["status"]) == ("acquisition", "completed")  # "selected" describes the assets


def test_which_after_an_appositive_refers_to_the_name_before_it():
    [d] = deals_of("Lumen Motors signed a contract in May 2024 with Kestrel Avto Sanoat, an Uzbek vehicle assembler, "
                   "which will assemble Lumen light trucks from kits.")
    assert (d["kind"], d["status"]) == ("contract_manufacturing", "signed")
    assert d["parties"] == {"Lumen Motors": "client", "Kestrel Avto Sanoat": "manufacturer"}


def test_a_round_led_by_one_investor_with_others_joining_in_the_next_sentence():
    [d] = deals_of("Kestrel New Energy, a developer of battery cells, has raised 600 million yuan in a Series A round, "
                   "the company said this week. The round was led by Arden Capital, a Hangzhou-based venture investor, "
                   "which will hold about 10% of the company. Lumen Investment Holding and Chery also took part.")
    assert (d["kind"], d["status"], d["date"]) == ("investment", "completed", "2024-06")  # published 2024-06-15
    assert d["parties"] == {"Kestrel New Energy": "investee", "Arden Capital": "investor",
                            "Lumen Investment Holding": "investor", "Chery Automobile": "investor"}
    [d] = deals_of("Kestrel Cycle Technology has raised CNY 1.2 billion. It said the round was led by Arden Capital. "
                   "Gotion and Chery also invested, as did Lumen Investment Group.")
    assert set(d["parties"].values()) == {"investee", "investor"}
    assert {n for n, r in d["parties"].items() if r == "investor"} == {
        "Arden Capital", "Gotion High-Tech", "Chery Automobile", "Lumen Investment Group"}
    [d] = deals_of("Arden Capital led a 300 million yuan funding round for Kestrel Robotics, which makes "
                   "forklifts, in April 2024.")
    assert (d["status"], d["date"]) == ("completed", "2024-04")
    assert d["parties"] == {"Arden Capital": "investor", "Kestrel Robotics": "investee"}


def test_a_venture_investor_is_no_joint_venture():
    deals = deals_of("Kestrel Energy has raised 50 million yuan. The round was led by Arden Capital, "
                     "a Hangzhou-based venture investor.")
    assert [d["kind"] for d in deals] == ["investment"]


def test_a_stake_told_without_its_company_is_in_the_one_the_passage_is_about():
    [d] = deals_of("Kestrel Light Alloy Co., Ltd. makes castings in Lu'an. The money to grow came in 2022, when Arden Capital, "
                   "the city's investment company, took a 15% stake for 90 million yuan.")
    assert d["parties"] == {"Arden Capital": "investor", "Kestrel Light Alloy Co., Ltd.": "investee"}
    [d] = deals_of("Kestrel Material Technology makes seat fabric. In 2022, a 12% stake in the company was acquired "
                   "by Arden Capital, a private-equity firm, for about 260 million yuan.")
    assert d["parties"] == {"Arden Capital": "investor", "Kestrel Material Technology": "investee"}
    assert d["date"] == "2022"
    # named as often as a customer told after it, the company the article opens with
    [_, d] = deals_of("Kestrel Light Alloy Co., Ltd. makes castings in Lu'an. Chery agreed to buy its shock towers. "
                      "Kestrel still supplies those parts, and Chery remains its largest customer. The money to grow "
                      "came in 2022, when Arden Capital, the city's investment company, took a 15% stake.")
    assert d["parties"] == {"Arden Capital": "investor", "Kestrel Light Alloy Co., Ltd.": "investee"}


def test_names_with_romance_particles_institutions_of_a_place_and_units_named_by_a_city():
    x = extract(article_of("Lumen Bus signed an agreement with Transportes Kestrel del Sur S.A. (“TKS”). "
                           "Sun Hao was a researcher at the University of Science and Technology of China (USTC). "
                           "Kestrel Kältetechnik GmbH makes cooling units. The units will be made by Kestrel Hefei, "
                           "which has supplied Lumen Bus since 2021."))
    found = {(m.name, m.type) for m in x.mentions}
    assert ("Transportes Kestrel del Sur S.A.", "Company") in found
    assert ("University of Science and Technology of China", "Organization") in found
    assert ("Kestrel Hefei", "Company") in found


def test_the_make_whose_dealerships_host_a_project_is_no_party():
    [d] = deals_of("Volkswagen Anhui and Kestrel Charging, a local operator, signed a memorandum of understanding "
                   "in April to install chargers at Volkswagen dealerships in the province.")
    assert set(d["parties"]) == {"Volkswagen Anhui", "Kestrel Charging"}


def test_a_stake_told_in_the_passive():
    for text in ["In 2020, 60% of Lunfeng Wheel Co. was acquired by Arden Precision Group, a Ningbo-based maker "
                 "of die-cast parts, from the founding family for about 330 million yuan.",
                 "In 2020, 60 percent of Lunfeng Wheel Co. was bought by Arden Precision Group."]:
        [d] = deals_of(text)
        assert (d["kind"], d["status"], d["date"]) == ("investment", "completed", "2020"), text
        assert d["parties"] == {"Lunfeng Wheel Co.": "investee", "Arden Precision Group": "investor"}, text


def test_goods_for_cars_made_by_a_company_go_to_that_company():
    [d] = deals_of("Kestrel Robotics will supply its driver-assistance chips for electric cars made by "
                   "Lumen Automobile, the two companies said on Tuesday.")
    assert d["parties"] == {"Kestrel Robotics": "supplier", "Lumen Automobile": "customer"}
    [d] = deals_of("Lumen Motors uses welding lines supplied by Kestrel Robotics.")
    assert d["parties"] == {"Lumen Motors": "customer", "Kestrel Robotics": "supplier"}


def test_it_sold_its_stake_the_company_of_the_passage_sells():
    [d] = deals_of("Kestrel Holdings reported higher profit. In the second half it sold its 30% stake in "
                   "Lumen Damping, a maker of engine mounts, to Arden Auto Parts for 96 million yuan.")
    assert d["kind"] == "investment"
    assert d["parties"] == {"Kestrel Holdings": "seller", "Lumen Damping": "investee", "Arden Auto Parts": "investor"}


def test_defined_terms_name_the_roles_in_a_legal_text():
    [d] = deals_of("Kestrel Emobility Co., Ltd. (“Kestrel”) signed an Equity Purchase Agreement (the “Agreement”) "
                   "with Arden Beteiligungs GmbH (the “Seller”), under which Kestrel will acquire 55% of the "
                   "equity interest in Lumen Ladetechnik GmbH (the “Target”) for EUR 36 million.")
    assert d["kind"] == "investment"
    assert d["parties"] == {"Kestrel Emobility Co., Ltd.": "investor", "Arden Beteiligungs GmbH": "seller",
                            "Lumen Ladetechnik GmbH": "investee"}


def test_a_contract_awarded_to_x_by_y_makes_x_the_supplier():
    [d] = deals_of("The supply contract was awarded to Kestrel by Lumen Motors in 2022.")
    assert d["parties"] == {"Kestrel": "supplier", "Lumen Motors": "customer"}


def test_a_passive_licence_with_a_relative_clause_and_coordinated_participles():
    [d] = deals_of("A licence for a flow-forming process, in which the rim is thinned and stretched over a spinning "
                   "mandrel, was granted to Lumen Wheel Co. in 2023 by Kestrel Cerchi S.p.A., an Italian wheel maker "
                   "from Sondria.")
    assert (d["kind"], d["date"]) == ("licensing", "2023")
    assert d["parties"] == {"Lumen Wheel Co.": "licensee", "Kestrel Cerchi S.p.A.": "licensor"}


def test_an_order_won_in_a_month_is_dated_by_the_month_not_by_the_delivery_years():
    [d] = deals_of("Kestrel Sealing won an order in March worth 60 million euros ($65 million) from Lumen Motors "
                   "for battery-housing seals, to be delivered from 2026 to 2030.")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2024-03")  # published 2024-06-15
    assert d["parties"] == {"Kestrel Sealing": "supplier", "Lumen Motors": "customer"}


def test_a_customer_that_chose_our_goods_is_supplied_by_the_speaker():
    [d] = deals_of('Kestrel Sensorics makes cabin radar in Eindhoven. "Lumen Motors chose our 60-gigahertz cabin '
                   'radar for its SUV last year," the chief executive said.')
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Kestrel Sensorics": "supplier", "Lumen Motors": "customer"}
    [d] = deals_of("Lumen Motors picked Kestrel Sensorics' radar for its new SUV in 2023.")
    assert d["parties"] == {"Kestrel Sensorics": "supplier", "Lumen Motors": "customer"}


def test_the_company_and_x_entered_into_a_venture_the_defined_company_is_a_party():
    deals = deals_of('Kestrel Robot Technology Co., Ltd. (“Kestrel” or the “Company”) today announced a supply '
                     'agreement with Vouga Metals, S.A. (“Vouga”). The Company and Vouga have also entered into a '
                     'joint venture agreement (the “JV Agreement”) to establish a service company (the “Service Company”).')
    [jv] = [d for d in deals if d["kind"] == "joint_venture"]
    assert jv["parties"] == {"Kestrel Robot Technology Co., Ltd.": "party", "Vouga Metals, S.A.": "party"}


def test_a_venture_discussed_without_an_agreement_is_not_signed():
    deals = deals_of('Kestrel Auto Co., Ltd. (the “Company”) signed an agreement with Lumen Search. The Company and '
                     'Lumen Search have also discussed setting up a joint venture to operate robotaxi services in '
                     'Wuhu, but no agreement on such a venture has been reached.')
    [jv] = [d for d in deals if d["kind"] == "joint_venture"]
    assert jv["status"] == "cancelled"


def test_a_name_given_a_person_by_a_title_stays_a_person_in_a_deal_sentence():
    text = ("Ren Kai, County Mayor, opened the meeting. The investment agreement was signed by Ren Kai on behalf "
            "of the Lanxi County People's Government and by Kestrel Cells Co., Ltd., with Bo Yuming looking on. "
            "Bo Yuming, Party Secretary of Lanxi County, spoke.")
    x = extract(article_of(text, "2024-06-15"))
    assert {m.text: m.type for m in x.mentions if m.text in ("Ren Kai", "Bo Yuming")} == {
        "Ren Kai": "Person", "Bo Yuming": "Person"}
    [d] = deals_of(text)
    # the county is the host of the investment, the company invests
    assert d["parties"] == {"Lanxi County People's Government": "party", "Kestrel Cells Co., Ltd.": "investor"}


def test_deals_signed_at_an_event_the_article_dates_take_its_day():
    text = ("On June 19, the Lanxi New Energy Investment Conference was held in Lanxi. Nine projects were signed "
            "at the conference. The largest was an investment agreement signed by the Lanxi County People's "
            "Government and Kestrel Cells Co., Ltd.")
    [d] = deals_of(text, "2024-06-20")
    assert d["date"] == "2024-06-19"


def test_a_founding_date_in_an_appositive_neither_dates_nor_completes_a_supply():
    [d] = deals_of("Kestrel Thermal Co., Ltd., founded in Lanxi in 2019, currently supplies cooling plates to "
                   "Lumen Motors and plans to double its output.")
    assert (d["status"], d["date"]) == ("ongoing", None)
    assert d["parties"] == {"Kestrel Thermal Co., Ltd.": "supplier", "Lumen Motors": "customer"}


def test_an_order_won_from_a_customer_and_a_supplier_named_in_an_under_which_clause():
    [d] = deals_of("Kestrel Brake Co. reported results. In November the company won an order worth about "
                   "520 million yuan from Lumen Motors for parking-brake units.")
    assert d["parties"] == {"Kestrel Brake Co.": "supplier", "Lumen Motors": "customer"}
    [d] = deals_of("In June, Lumen Motors signed a contract under which Kestrel Steering Co. will supply its "
                   "steering system for a new model.")
    assert d["parties"] == {"Lumen Motors": "customer", "Kestrel Steering Co.": "supplier"}


def test_the_sentence_after_a_nominal_deal_that_tells_it_dates_it():
    [d] = deals_of("Kestrel Steering Co.'s tie-up with Lumen Motors is older. Last December the carmaker and "
                   "the start-up agreed to cooperate on steer-by-wire testing.")
    assert (d["kind"], d["date"]) == ("strategic_cooperation", "2023-12")


def test_shipping_awarded_and_given_orders_and_a_price_paid_for_a_stake():
    [d] = deals_of("Kestrel Semiconductor has begun shipping power modules to Lumen Motors under a contract "
                   "signed in 2023.")
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Kestrel Semiconductor": "supplier", "Lumen Motors": "customer"}
    [d] = deals_of("In 2023 a contract for stator cores was awarded to Kestrel Lamination Co. by Lumen Motors.")
    assert d["parties"] == {"Kestrel Lamination Co.": "supplier", "Lumen Motors": "customer"}
    deals = deals_of("In 2017 Lumen Motors gave Kestrel Safety Systems a serial order for driver airbags. "
                     "Kestrel Safety Systems has supplied them ever since.")
    [d] = deals
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2017")
    assert d["parties"] == {"Lumen Motors": "customer", "Kestrel Safety Systems": "supplier"}
    [d] = deals_of("In 2023 Kestrel Fiber Co., a maker of coated fabric, paid 90 million yuan for 15% of "
                   "Lumen Safety Systems.")
    assert (d["kind"], d["status"], d["date"]) == ("investment", "completed", "2023")
    assert d["parties"] == {"Kestrel Fiber Co.": "investor", "Lumen Safety Systems": "investee"}
    # an object shipped is no supply ("shipped it, piece by piece, to Anhui")
    assert all(d["kind"] != "supply" for d in deals_of(
        "Lumen Motors bought an engine line from Kestrel Works and had shipped it, piece by piece, to Lanxi."))


def test_a_power_purchase_agreement_the_buyer_is_the_customer_and_the_parties_sign_another():
    deals = deals_of("Lumen Motors Co., Ltd. (“Lumen” or the “Company”) today announced that it has entered into a "
                     "ten-year power purchase agreement (the “PPA”) with Kestrel Green Power Co., Ltd. (“Kestrel Green "
                     "Power”). On the same day, the parties also entered into a rooftop solar framework agreement.",
                     "2025-03-18")
    by_kind = {d["kind"]: d for d in deals}
    assert set(by_kind) == {"supply", "framework_agreement"}
    assert by_kind["supply"]["parties"] == {"Lumen Motors Co., Ltd.": "customer", "Kestrel Green Power Co., Ltd.": "supplier"}
    assert set(by_kind["framework_agreement"]["parties"]) == {"Lumen Motors Co., Ltd.", "Kestrel Green Power Co., Ltd."}


def test_goods_bought_by_number_or_by_their_makers_name_are_a_supply_not_a_takeover():
    [d] = deals_of("Lumen Motors, which has bought Kestrel Brake calipers for years, remained its largest customer.")
    assert d["kind"] == "supply"
    assert d["parties"] == {"Lumen Motors": "customer", "Kestrel Brake": "supplier"}
    [d] = deals_of("Lumen Coach Co. is not new to Kestrel Cells Co.'s packs: in 2023 it bought 40 of them for a trial fleet.")
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Lumen Coach Co.": "customer", "Kestrel Cells Co.": "supplier"}
    [d] = deals_of("Lumen Motors bought Kestrel Coach Co. in 2019.")  # a company bought outright
    assert (d["kind"], d["parties"]) == ("investment", {"Lumen Motors": "investor", "Kestrel Coach Co.": "investee"})


def test_a_completed_purchase_a_stake_sold_in_the_passive_and_polish_legal_names():
    [d] = deals_of("In August Kestrel Brake Co. completed the purchase of all of Lumen Hamulce sp. z o.o., a caliper "
                   "foundry in Opole, Poland, from the investment firm Arden Mezzanine Partners for 27 million euros.")
    assert (d["kind"], d["status"], d["date"]) == ("investment", "completed", "2023-08")
    assert d["parties"] == {"Kestrel Brake Co.": "investor", "Lumen Hamulce sp. z o.o.": "investee",
                            "Arden Mezzanine Partners": "seller"}
    [d] = deals_of("In 2021, 51% of Lumen Lamination Co. was sold by Kestrel Steel Group to Arden Motor Parts Co., "
                   "a maker of motor housings, for about 410 million yuan.")
    assert (d["kind"], d["date"]) == ("investment", "2021")
    assert d["parties"] == {"Lumen Lamination Co.": "investee", "Kestrel Steel Group": "seller",
                            "Arden Motor Parts Co.": "investor"}


def test_a_purchase_suggested_in_the_press_is_a_rumour_and_goods_supplied_from_a_mill():
    [d] = deals_of("It has also been suggested in the local press that the remaining 49% of Lumen Lamination Co. "
                   "could be bought from Kestrel Steel Group by Arden Motor Parts Co.")
    assert d["status"] == "rumoured"
    [d] = deals_of("Most of Lumen Lamination Co.'s steel is still supplied from Kestrel Steel Group's mills.")
    assert d["parties"] == {"Lumen Lamination Co.": "customer", "Kestrel Steel Group": "supplier"}
    # speculation about something else in the sentence does not make the deal a rumour
    [d] = deals_of("Lumen Motors builds the Orla sedans under its contract-manufacturing deal with Kestrel Tech, "
                   "and this has fuelled speculation that it could offer the same service to others.")
    assert d["status"] != "rumoured"


def test_a_maker_named_by_its_province_and_one_word_supplies_the_plant_of_its_customer():
    [d] = deals_of("Anhui Kestrel agreed in August 2023 to supply 240 forklifts to the Lumen Motors plant in Hefei, "
                   "an order valued at about 36 million yuan.")
    assert (d["kind"], d["date"]) == ("supply", "2023-08")
    assert d["parties"] == {"Anhui Kestrel": "supplier", "Lumen Motors": "customer"}
    # a place and a common word is no company: the province acts through its government
    [d] = deals_of("Anhui Province agreed in August 2023 to supply land to the Lumen Motors plant.")
    assert "Anhui Province" not in d["parties"]


def test_a_supply_under_way_is_ongoing_though_its_contract_was_signed():
    [d] = deals_of("Kestrel Semiconductor has begun shipping power modules to Lumen Motors under a contract "
                   "signed in 2023.")
    assert d["status"] == "ongoing"


def test_no_agreement_with_x_and_a_correction_notice_are_denials():
    [d] = deals_of("Kestrel Display Co. said it had no supply agreement with Lumen Motors and had only provided samples.")
    assert d["status"] == "denied"
    deals = deals_of("Correction: An earlier version of this story said that Lumen Motors had chosen Kestrel Display Co. "
                     "as a supplier.")
    assert deals and all(d["status"] == "denied" for d in deals)


def test_deliveries_for_a_brands_cars_are_a_supply_to_the_brands_owner():
    # (the brand is a known one of the alias table; the supplier is invented)
    [d] = deals_of("Kestrel Display Co. has started series deliveries of head-up displays for Chery's Exeed sedans "
                   "under a contract it won in 2023.")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2023")
    assert d["parties"] == {"Kestrel Display Co.": "supplier", "Chery Automobile": "customer"}


def test_the_signing_not_the_report_dates_a_deal():
    text = ("ARDEN, Aug 19 (Newswire) - Kestrel Motors will supply 400 mining trucks to Lumen Mining LLC, "
            "the company said on Tuesday. The contract was signed in Almaty on Monday by the two chief executives. "
            "At the same ceremony Kestrel Motors, Lumen Mining LLC and Arden Volt LLC signed a memorandum of "
            "understanding on battery swapping.")
    deals = deals_of(text, "2025-08-19")
    supply = next(d for d in deals if d["kind"] == "supply")
    mou = next(d for d in deals if d["kind"] != "supply")
    assert supply["date"] == "2025-08-18"  # Monday, not the Tuesday of the report or the dateline
    assert mou["date"] == "2025-08-18" and len(mou["parties"]) == 3
    # a report date stays when no later sentence tells the signing
    [d] = deals_of("Kestrel Motors will supply 400 mining trucks to Lumen Mining LLC, the company said on Tuesday.",
                   "2025-08-19")
    assert d["date"] == "2025-08-19"


def test_a_dateline_gives_way_to_the_day_the_clause_says_it_was_signed():
    [d] = deals_of("ARDEN, Aug 19 (Newswire) - Kestrel Motors will supply 400 mining trucks to Lumen Mining LLC "
                   "under a contract signed in Almaty on Monday.", "2025-08-19")
    assert d["date"] == "2025-08-18"
    # a day the clause does not tie to the signing leaves the dateline's day
    [d] = deals_of("ARDEN, Aug 19 (Newswire) - Kestrel Motors will supply 400 mining trucks to Lumen Mining LLC "
                   "for delivery in October.", "2025-08-19")
    assert d["date"] == "2025-08-19"


def test_a_release_dated_by_its_dateline_is_dated_by_the_signing_the_next_sentence_tells():
    text = ("ARDEN, Kazakhstan, August 20, 2025 /Newswire/ -- Kestrel Motors Co., Ltd. (the \"Company\") today "
            "announced that it has entered into a supply agreement (the \"Agreement\") with Lumen Mining LLC "
            "(\"Lumen\") for 400 mining trucks.\n\nThe Agreement was signed on August 15 in Almaty by the two "
            "chief executives.")
    [d] = deals_of(text, "2025-08-20")
    assert d["date"] == "2025-08-15"


def test_a_memorandum_signed_is_signed_whatever_it_foresees():
    [d] = deals_of("Kestrel Tech and Lumen Motors signed a memorandum of understanding to set up a joint laboratory "
                   "in Arden, where engineers of both companies will record regional accents.")
    assert (d["kind"], d["status"]) == ("framework_agreement", "signed")
    [d] = deals_of("Kestrel Tech and Lumen Motors plan to sign a memorandum of understanding next month.")
    assert d["status"] == "planned"


def test_goods_bought_from_a_maker_are_supplied_by_the_maker():
    [d] = deals_of("Lumen Mining LLC bought 30 trucks from Kestrel Motors in 2023.")
    assert d["parties"] == {"Lumen Mining LLC": "customer", "Kestrel Motors": "supplier"}


def test_a_fraction_bought_is_a_stake():
    text = "Four years ago Lumen Capital paid 65 million yuan for a fifth of Kestrel Hose Co."
    [d] = deals_of(text, "2025-10")
    assert (d["kind"], d["date"], d["value"]) == ("investment", "2021", (65e6, "CNY"))
    assert d["parties"] == {"Lumen Capital": "investor", "Kestrel Hose Co.": "investee"}
    [x] = extract(article_of(text, "2025-10")).deals
    assert x.stake == 20.0
    # a fraction of something else is no stake
    assert deals_of("Lumen Motors takes a fifth of what the Kestrel Hose Co. plant makes.") == []


def test_a_contract_signed_with_a_company_is_a_supply():
    [d] = deals_of("Earlier this month Kestrel Hose Co. signed its first contract with Lumen Motors, for coolant "
                   "hoses on cars made at its plant in Arden.", "2025-10")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2025-10")
    assert set(d["parties"]) == {"Kestrel Hose Co.", "Lumen Motors"}


def test_goods_ordered_from_x_by_y_are_supplied_by_x_and_still_delivered_is_ongoing():
    deals = deals_of("The first electric-car business was won in 2022, when hub units were ordered from Kestrel "
                     "Bearing Co. by Lumen Motors. Those parts are still delivered to Lumen Motors' plants in Arden.")
    [d] = deals
    assert d["parties"] == {"Kestrel Bearing Co.": "supplier", "Lumen Motors": "customer"}
    assert (d["date"], d["status"]) == ("2022", "ongoing")


def test_a_contract_awarded_with_its_value_in_an_aside_and_first_deliveries_made():
    [d] = deals_of("In March 2024 a further contract, worth about 210 million yuan, was awarded to Kestrel Bearing Co. "
                   "by Lumen Motors for wheel-end modules; the first deliveries were made early this year.", "2025-06")
    assert d["parties"] == {"Kestrel Bearing Co.": "supplier", "Lumen Motors": "customer"}
    assert (d["date"], d["status"], d["value"]) == ("2024-03", "ongoing", (210e6, "CNY"))


def test_in_an_interview_we_is_the_company_introduced_not_the_unit_it_set_up():
    text = ("Interview: paint shops\n\n"
            "Kestrel Coating Systems a.s., a company from Arden, builds paint shops for carmakers. Its managing "
            "director spoke to us in Wuhu.\n\nHow did you come to Anhui?\n\n"
            "We set up Kestrel Coating Systems (Wuhu) Co., Ltd. in 2021 as a wholly owned unit. The big step came "
            "two years ago, when Lumen Motors chose us for the top-coat lines of its new paint shop.")
    [d] = deals_of(text, "2025-11")
    assert d["parties"] == {"Kestrel Coating Systems a.s.": "supplier", "Lumen Motors": "customer"}
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2023")


def test_and_a_new_subject_with_its_own_verb_starts_a_clause():
    [jv] = deals_of("At a conference in Arden on Sept. 26, Kestrel Die-Casting Co. agreed with the city to build a "
                    "plant for 3.2 billion yuan, and Lumen Power Co. and Orla Motorenbau GmbH signed a joint venture "
                    "agreement for methanol engines.", "2025-09-26")
    assert jv["kind"] == "joint_venture"
    assert set(jv["parties"]) == {"Lumen Power Co.", "Orla Motorenbau GmbH"}
    # a list of parties with a serial comma is no new clause
    [d] = deals_of("Kestrel Motors, Lumen Power Co., and Orla Motorenbau GmbH signed a joint venture agreement in 2024.")
    assert len(d["parties"]) == 3


def test_a_two_word_description_points_back_and_a_later_possessive_does_not_block_it():
    [d] = deals_of("Kestrel Display Group is a Beijing company. Three years ago the Beijing display maker agreed to "
                   "supply Lumen Motors with touchscreens, and Kestrel's lines in Hefei have been shipping them "
                   "ever since.")
    assert d["parties"] == {"Kestrel Display Group": "supplier", "Lumen Motors": "customer"}


def test_building_for_an_amount_is_not_building_for_a_client():
    deals = deals_of("Kestrel Die-Casting Co. and Lumen Motors will build a plant for 3.2 billion yuan.")
    assert all(d["kind"] != "contract_manufacturing" for d in deals)


def test_names_may_start_with_any_capital_of_europes_latin_alphabets():
    [d] = deals_of("Kestrel Brakes Co. and Slovakia's Ödön Diskos a.s. signed a memorandum in September on "
                   "testing brake discs.", "2025-11")
    assert (d["kind"], d["status"], d["date"]) == ("framework_agreement", "signed", "2025-09")
    assert set(d["parties"]) == {"Kestrel Brakes Co.", "Ödön Diskos a.s."}


def test_the_company_a_deal_makes_later_named_is_not_a_party():
    [d] = deals_of("In November 2023 Kestrel Tech signed a memorandum with Lumen Automobile under which it would move "
                   "its car business into a new company, later named Arden Intelligent Technology Co., Ltd., and "
                   "Lumen would invest in it.")
    assert (d["kind"], d["date"]) == ("framework_agreement", "2023-11")
    assert set(d["parties"]) == {"Kestrel Tech", "Lumen Automobile"}


def test_a_company_appointed_to_import_and_sell_is_a_distributor():
    [d] = deals_of("Lumen Motors appointed Porto-based Kestrel Mobilidade, S.A. in June to import and sell its cars "
                   "in Portugal.", "2025-11")
    assert (d["kind"], d["status"], d["date"]) == ("other", "signed", "2025-06")
    assert set(d["parties"]) == {"Lumen Motors", "Kestrel Mobilidade, S.A."}


def test_one_among_the_investors_invested_in_the_round():
    [d] = deals_of("Lumen Mobility raised 520 million yuan in November in a Series B round led by Kestrel Venture "
                   "Partners. Arden Capital was among the investors.", "2025-11")
    assert d["parties"] == {"Lumen Mobility": "investee", "Kestrel Venture Partners": "investor",
                            "Arden Capital": "investor"}


def test_an_unknown_one_word_name_joined_to_a_company_before_a_deal_verb_is_a_company():
    [d] = deals_of("Brakes. Orlov and Ödön Diskos a.s., a Slovak maker of brake discs, signed a "
                   "memorandum of understanding in September on machining discs together.", "2025-11")
    assert (d["kind"], d["date"]) == ("framework_agreement", "2025-09")
    assert set(d["parties"]) == {"Orlov", "Ödön Diskos a.s."}


def test_a_stake_sold_to_a_described_buyer_after_a_relative_aside():
    [d] = deals_of("In the first half Kestrel Steel also sold its 35% stake in Wuhu Lumen Steel Processing, which it "
                   "had held since 2012, to the state-owned logistics group Arden Port Holdings for 130 million yuan.",
                   "2025-08")
    assert d["parties"] == {"Kestrel Steel": "seller", "Wuhu Lumen Steel Processing": "investee",
                            "Arden Port Holdings": "investor"}
    assert (d["date"], d["value"]) == ("2025-H1", (130e6, "CNY"))


def test_a_described_maker_builds_a_start_ups_shuttles():
    [d] = deals_of("Lumen Motors is a Wuhu company. Since last year the Wuhu carmaker has built Kestrel Mobility's "
                   "shuttles on its own lines under a contract-manufacturing agreement.")
    assert d["kind"] == "contract_manufacturing"
    assert d["parties"] == {"Lumen Motors": "manufacturer", "Kestrel Mobility": "client"}


def test_a_stake_acquired_from_a_seller_named_first():
    [d] = deals_of("In May Kestrel Steel will acquire from Arden Capital 65% of the equity of Lumen Lift Co., Ltd.")
    assert d["kind"] == "investment"
    assert d["parties"] == {"Kestrel Steel": "investor", "Arden Capital": "seller", "Lumen Lift Co., Ltd.": "investee"}


def test_we_in_an_interview_without_headline_is_the_company_its_first_sentence_introduces():
    text = ("Orla Pumpen d.o.o., a maker of coolant pumps from Ravnik, Slovenia, now sells more in Anhui. "
            "How did it start?\n\nThrough Lumen Motors. Four years ago Lumen Motors chose our pumps for its cars.\n\n"
            "Made by whom?\n\nBy our joint venture with Kestrel Sealing. Last October we signed a joint venture "
            "agreement with the Ningguo rubber and sealing group, and Orla Kestrel Fluid Systems (Ningguo) Co., Ltd. "
            "started production this spring.")
    ds = deals_of(text, "2025-09")
    ventures = [d for d in ds if d["kind"] == "joint_venture"]
    assert ventures and all(set(d["parties"]) == {"Orla Pumpen d.o.o.", "Kestrel Sealing"} for d in ventures)
    assert any(d["date"] == "2024-10" for d in ventures)


def test_the_one_signed_up_or_picked_to_supply_is_the_supplier():
    for text in ("In May 2012 Lumen Motors signs Kestrel Seating Co. as a supplier of seat frames for its Orla SUVs.",
                 "Lumen Motors signed Kestrel Seating Co. to supply side windows for its cars.",
                 "Lumen Motors picks Kestrel Seating Co. to supply rear-seat frames."):
        [d] = deals_of(text)
        assert d["parties"] == {"Lumen Motors": "customer", "Kestrel Seating Co.": "supplier"}, text
    # a contract signed with someone "to supply" leaves the subject the supplier
    [d] = deals_of("Lumen Motors signed a contract with Kestrel Seating Co. to supply seat frames.")
    assert d["parties"] == {"Lumen Motors": "supplier", "Kestrel Seating Co.": "customer"}


def test_goods_ordered_from_a_described_maker_by_a_named_buyer():
    [d] = deals_of("Lumen Motors is a Hefei bus maker. Its first large order was placed in 2023, when 120 coaches "
                   "were ordered from the Hefei bus maker by Kestrel Transport LLC, a coach operator.")
    assert d["parties"] == {"Lumen Motors": "supplier", "Kestrel Transport LLC": "customer"}


def test_a_venture_set_up_by_two_named_partners_in_the_passive():
    [d] = deals_of("In 2024 a joint venture, Orla Bus Assembly LLC, was set up by Lumen Motors and Kestrel "
                   "Transport LLC in Vadar, Oman's main industrial port.")
    assert (d["kind"], d["date"]) == ("joint_venture", "2024")
    assert set(d["parties"]) == {"Lumen Motors", "Kestrel Transport LLC"}


def test_a_filings_defined_buyer_and_target_are_the_companies_they_define():
    text = ('On December 18, 2025, Kestrel Sealing Co., Ltd. (the "Company") signed an Equity Transfer Agreement '
            '(the "Agreement") with Orla Materials Pte. Ltd. (the "Buyer"). Under the Agreement, the Company will '
            'sell to the Buyer 51% of the equity of Lumen Rubber Recycling Co., Ltd. (the "Target") for a '
            'consideration of RMB 168 million. The Transaction was approved by the Board of Directors of '
            'Kestrel Sealing Co., Ltd. on December 17, 2025.')
    ds = deals_of(text, "2025-12-19")
    stake = [d for d in ds if d["kind"] == "investment" and "Lumen Rubber Recycling Co., Ltd." in d["parties"]]
    assert len(stake) == 1
    assert stake[0]["parties"] == {"Kestrel Sealing Co., Ltd.": "seller", "Orla Materials Pte. Ltd.": "investor",
                                   "Lumen Rubber Recycling Co., Ltd.": "investee"}
    assert stake[0]["date"] == "2025-12-18"
    x = extract(article_of(text, "2025-12-19"))
    assert not any("Board" in m.name for m in x.mentions)


def test_a_second_agreement_object_shares_the_subject_and_a_committee_of_an_area_is_a_body():
    text = ("ORLA, July 15, 2025 – Kestrel Precision Co., Ltd. today announced that it has signed a supply "
            "agreement with Lumen Motors Co., Ltd. and an investment agreement with the Administrative Committee "
            "of the Arden Economic and Technological Development Area.")
    ds = deals_of(text, "2025-07-15")
    invest = [d for d in ds if d["kind"] == "investment"]
    assert len(invest) == 1
    assert invest[0]["parties"] == {
        "Kestrel Precision Co., Ltd.": "investor",
        "Administrative Committee of the Arden Economic and Technological Development Area": "party"}
    assert invest[0]["date"] == "2025-07-15"


def test_the_municipal_government_is_the_government_the_article_named():
    text = ("Lumen Axle Co., Ltd. signed an investment agreement with the Vadar Municipal People's Government "
            "for a 2.8 billion yuan axle base. Vadar Kestrel Cab Systems Co., a local maker of truck cabs, signed "
            "an agreement with the municipal government to expand its plant with an investment of 450 million yuan.")
    ds = deals_of(text, "2025-11-06")
    cab = [d for d in ds if "Vadar Kestrel Cab Systems Co." in d["parties"]]
    assert len(cab) == 1 and cab[0]["kind"] == "investment"
    assert cab[0]["parties"] == {"Vadar Kestrel Cab Systems Co.": "investor",
                                 "Vadar Municipal People's Government": "party"}


def test_a_plant_under_a_generic_agreement_with_a_government_is_an_investment():
    [d] = deals_of("Plants in Vadar:\n- Lumen Motors: vehicle plant in the Vadar Economic and Technological "
                   "Development Zone under an agreement with the Vadar city government signed in December 2021.")
    assert (d["kind"], d["date"]) == ("investment", "2021-12")
    assert d["parties"] == {"Lumen Motors": "investor", "Vadar city government": "party"}
    # a plain agreement with a company stays a cooperation
    [d] = deals_of("Plants in Vadar:\n- Lumen Motors: vehicle plant in the Vadar Economic and Technological "
                   "Development Zone under an agreement with Kestrel Power Co. signed in December 2021.")
    assert d["kind"] != "investment"


def test_an_order_worth_an_amount_is_a_supply_dated_by_its_signing():
    [d] = deals_of("Hefei Kestrel Thermal Film Co. has started delivering insulation sheets for the battery packs "
                   "that Lumen Motors assembles at its Hefei plant, under a two-year order worth about 95 million "
                   "yuan that the two companies signed in September 2025.", "2025-11-20")
    assert d["kind"] == "supply" and d["date"] == "2025-09" and d["value"] == (95e6, "CNY")
    assert d["parties"] == {"Hefei Kestrel Thermal Film Co.": "supplier", "Lumen Motors": "customer"}


def test_a_tally_of_one_party_deals_pairs_nobody_and_a_described_signer_is_the_one_just_named():
    tally = ("So far today: an import deal for Kestrel Motor Co. and a bus-battery contract for Lumen Power Ltd., "
             "plus news of a leasing memorandum that Orla Cars Inc. signed last week.")
    assert deals_of(tally, "2025-09-09") == []
    # the company named most so far (Orla) is not what "the Vadar carmaker" or "sell"'s subject means
    text = ("10:20 - Orla Power Inc. has signed a contract to supply battery packs to Lumen Bus GmbH. The contract "
            "was signed at Orla's stand by Orla's vice-president.\n\n09:50 - First signing of the day, and it is "
            "Kestrel Motor Co.'s. The Vadar carmaker and Arden Bil AB, a dealer group with 41 showrooms, have "
            "signed an agreement under which Arden Bil will import and sell Kestrel's SUVs in Finland.")
    supply, imports = deals_of(text, "2025-09-09")
    assert supply["parties"] == {"Orla Power Inc.": "supplier", "Lumen Bus GmbH": "customer"}
    assert set(imports["parties"]) == {"Kestrel Motor Co.", "Arden Bil AB"} and imports["kind"] == "other"


def test_an_obituary_tells_its_companys_deals_through_its_founder():
    text = ("Ren Haolin, who turned a repair shop into a maker of piston rings, died last week. In 1988 he founded "
            "Vadar Kestrel Ring Co. in a former grain store. The breakthrough came in 1994, when Lumen Kolben GmbH "
            "of Arden, Germany, licensed its coating process to the small company for ten years. Car work followed "
            "for Vadar Kestrel Ring Co. in the 1990s. In 2006 Mr Ren set up a "
            "joint venture with Orla Ring Industries Co., Ltd., a ring maker from Japan, named Vadar Kestrel Orla "
            "Ring Co., with each side holding half. In 2012 Mr Ren sold 20% of the company to the Vadar Arden "
            "Industrial Fund for 64 million yuan. He handed the chairmanship to his daughter, Ren Meixi, in 2017.")
    people = [(m.text, m.name) for m in extract(article_of(text)).mentions if m.type == "Person"]
    assert ("Ren", "Ren Haolin") in people and ("Ren Meixi", "Ren Meixi") in people
    assert {name for _, name in people} == {"Ren Haolin", "Ren Meixi"}  # "Mr Ren": the one introduced so far
    licence, venture, stake = deals_of(text, "2025-11-20")
    assert licence["parties"] == {"Lumen Kolben GmbH": "licensor", "Vadar Kestrel Ring Co.": "licensee"}
    assert set(venture["parties"]) == {"Vadar Kestrel Ring Co.", "Orla Ring Industries Co., Ltd."}
    assert stake["parties"] == {"Ren Haolin": "seller", "Vadar Kestrel Ring Co.": "investee",
                                "Vadar Arden Industrial Fund": "investor"}
    assert (stake["date"], stake["value"]) == ("2012", (64e6, "CNY"))


def test_a_company_signed_or_added_as_supplier_or_importer_is_found_and_takes_that_role():
    [d] = deals_of("At its Partner Day in Vadar, Kestrel Motors signed Arden Orla Light Alloy as a supplier of battery "
                   "trays from 2027.", "2025-12-20")
    assert d["parties"] == {"Kestrel Motors": "customer", "Arden Orla Light Alloy": "supplier"}
    [d] = deals_of("Lumen Auto signed Vadar Bil as importer of its SUVs in Sweden and Norway.", "2025-12-20")
    assert d["kind"] == "other" and set(d["parties"]) == {"Lumen Auto", "Vadar Bil"}
    [d] = deals_of("Vadar Akumulátory a.s. showed a forklift battery. Less noisily, Kestrel Motors added Orla Busbar "
                   "Co. to its supplier list at some point in the first half.", "2025-12-20")
    assert d["kind"] == "supply" and d["date"] == "2025-H1"
    assert d["parties"] == {"Kestrel Motors": "customer", "Orla Busbar Co.": "supplier"}
    [d] = deals_of("In the last weeks of the year the Vadar Municipal People's Government signed an investment "
                   "agreement with Lumen Recycle Co. for a 1.2 billion yuan plant.", "2025-12-20")
    assert (d["date"], d["kind"]) == ("2025-late", "investment")


def test_a_contract_to_buy_from_a_stake_sold_in_itself_and_a_norwegian_licensor():
    [d] = deals_of("VADAR, Oct 14 (Synthetic) - Kestrel Motors signed a contract on Monday to buy LED headlamps and "
                   "rear lamps worth 310 million yuan ($43.5 million) from Vadar Lumen Lighting Co. for its light "
                   "trucks over four years, the lamp maker said on Tuesday.", "2025-10-14")
    assert d["parties"] == {"Kestrel Motors": "customer", "Vadar Lumen Lighting Co.": "supplier"}
    assert (d["kind"], d["date"], d["value"]) == ("supply", "2025-10-13", (310e6, "CNY"))
    # selling "a stake" is selling new shares of one's own; "its stake in X" is selling X's
    [d] = deals_of("Lumen Lighting Co., founded in 2016, sold a 12% stake to the Vadar Industrial Investment Fund "
                   "last month for 90 million yuan.", "2025-10-14")
    assert d["parties"] == {"Lumen Lighting Co.": "investee", "Vadar Industrial Investment Fund": "investor"}
    [d] = deals_of("Lumen Holdings sold its 12% stake in Orla Cells to the Vadar Industrial Investment Fund.")
    assert d["parties"] == {"Lumen Holdings": "seller", "Orla Cells": "investee",
                            "Vadar Industrial Investment Fund": "investor"}
    [d] = deals_of("Arden Light Alloy Co. was set up in 2014. The turn to cars came in 2017, when Kestrel Aluminium "
                   "Profiler AS of Ålesund, Norway, licensed its die designs to the company.")
    assert d["parties"] == {"Kestrel Aluminium Profiler AS": "licensor", "Arden Light Alloy Co.": "licensee"}


def test_it_in_a_passive_with_an_agent_is_the_thing_not_the_company():
    text = ("A supply contract was ended by Hefei Orla Motors Co., and compensation must be paid to the supplier, "
            "Lumen Sensorik GmbH. The software is not affected. It had been licensed to Orla separately in 2022 by "
            "Lumen Sensorik (Suzhou) Co., Ltd., the German firm's Chinese subsidiary.")
    [d] = deals_of(text, "2026-01-15")
    assert d["parties"] == {"Hefei Orla Motors Co.": "licensee", "Lumen Sensorik (Suzhou) Co., Ltd.": "licensor"}


def test_a_speech_tells_its_deals_in_the_first_person():
    text = ('"Build it with us": remarks by Orla Weiyu at Lumen Partner Day\nVadar, 18 December 2025\n\n'
            "Orla Weiyu is Lumen Motors' senior vice-president for the supply chain.\n\n"
            "Let me start with a signature. An hour ago, in the room next door, I signed a five-year supply "
            "agreement with Jiang Haoran, the founder of Vadar Kestrel Light Alloy. Last month Arden Motors Sdn Bhd "
            "of Kuala Lumpur joined our battery-swap alliance.")
    x = extract(article_of(text, "2025-12-18"))
    assert ("Orla Weiyu", "Person") in {(m.name, m.type) for m in x.mentions}
    trays, swap = deals_of(text, "2025-12-18")
    assert set(trays["parties"]) == {"Lumen Motors", "Vadar Kestrel Light Alloy"} and trays["date"] == "2025-12-18"
    assert swap["kind"] == "battery_swap_alliance" and swap["date"] == "2025-11"
    assert set(swap["parties"]) == {"Arden Motors Sdn Bhd", "Lumen Motors"}


def test_a_brands_owner_and_a_partner_selling_the_rest_of_a_unit():
    from anhui_kg.extraction.mentions import build_aliases

    table = [{"id": "vadar", "type": "Company", "name": "Vadar", "aliases": []},
             {"id": "orla", "type": "Brand", "name": "Orla", "aliases": []}]
    x = extract(article_of("Kestrel Drive Co., Ltd.\nLetter from the Chairwoman\n\nIn March we signed a contract "
                           "to supply rear drive units for Vadar's Orla brand.", "2025-06-01"), build_aliases(table))
    names = {m.id: m.name for m in x.mentions}
    [d] = x.deals
    assert {names[p.mention]: p.role for p in d.parties} == {"Kestrel Drive Co., Ltd.": "supplier", "Vadar": "customer"}
    [d] = deals_of("Kestrel Drive Co., Ltd. grew. In the second half we bought the 40% of Kestrel Drive (Thailand) "
                   "Co., Ltd. that we did not already own from our partner, Vadar Motor Parts Public Co., Ltd., "
                   "for USD 9 million.", "2026-03-26")
    assert d["kind"] == "investment" and d["date"] == "2025-H2"
    assert d["parties"] == {"Kestrel Drive Co., Ltd.": "investor", "Kestrel Drive (Thailand) Co., Ltd.": "investee",
                            "Vadar Motor Parts Public Co., Ltd.": "seller"}
    # a denied purchase of "the 20% of X held by Y" finds X, a name in no table, but no deal
    [d] = deals_of("Lumen Sealing Parts has denied a trade-paper report that it is about to buy the 20% of "
                   "Vadar Arden Hose held by Orla Gomu Kogyo.")
    assert d["status"] == "denied" and "Vadar Arden Hose" in d["parties"]
    assert deals_of("Lumen Lighting Co. signed a contract to buy LED lamps from Kestrel Optics Co.")[0]["parties"] \
        == {"Lumen Lighting Co.": "customer", "Kestrel Optics Co.": "supplier"}  # "LED" is no company


def test_a_movers_column_heading_names_the_company_its_item_describes():
    text = ("VADAR, Feb 5 (Synthetic) - Shares of Anhui companies moved on Thursday. Among the movers:\n\n"
            "Lumen Cement (-1.2%)\nLumen said in a filing that it had \"no plan\" to invest in Kestrel Charging "
            "Co., rejecting a newspaper report.\n\nOrla Bus Co. (+2.7%)\nThe bus maker, which in December signed the "
            "contract with Arden City Bus Co. for 100 electric buses, said deliveries would start in March.\n\n"
            "Vadar Steel (+3.0%)\nTraders pointed to talk that Vadar Steel would supply galvanised sheet to Arden "
            "City Bus Co. for its next model.")
    denied, buses, rumour = deals_of(text, "2026-02-05")
    assert denied["status"] == "denied" and set(denied["parties"]) == {"Lumen Cement", "Kestrel Charging Co."}
    assert buses["parties"] == {"Orla Bus Co.": "supplier", "Arden City Bus Co.": "customer"}
    assert buses["date"] == "2025-12" and buses["status"] == "signed"
    assert rumour["status"] == "rumoured"  # "talk that ...": not a signed supply


def test_an_announcement_with_straight_quotes_names_the_venture_it_will_establish():
    text = ('1. On December 3, 2025, Kestrel Bus Co., Ltd. (the "Company") signed a joint venture agreement (the '
            '"JV Agreement") in Dakar, Senegal, with Vadar Mobilite SA (the "Partner"), an urban bus operator.\n'
            '2. Under the JV Agreement, the parties will establish Kestrel Teranga Bus Assembly SARL (the "JV '
            'Company") to assemble city buses from kits supplied by the Company.')
    x = extract(article_of(text, "2025-12-05"))
    named = {(m.text, m.name) for m in x.mentions}
    assert ("JV Company", "Kestrel Teranga Bus Assembly SARL") in named  # the quoted term, not a quoted title
    [d] = deals_of(text, "2025-12-05")  # what the venture will do is no contract of its own
    assert d["kind"] == "joint_venture" and d["date"] == "2025-12-03"
    assert set(d["parties"]) == {"Kestrel Bus Co., Ltd.", "Vadar Mobilite SA"}


def test_a_stake_bought_told_in_a_relative_passive():
    [d] = deals_of("Orla Motors Co. builds vans. Orla is controlled by Vadar Tiandu Industrial Holdings, by which 70% "
                   "of the start-up was bought in 2021.")
    assert d["kind"] == "investment" and d["date"] == "2021"
    assert d["parties"] == {"Orla Motors Co.": "investee", "Vadar Tiandu Industrial Holdings": "investor"}


def test_minutes_and_a_podcast_tell_deals_with_the_company_and_they():
    # minutes headed by the issuer: "the Company" is it, undefined; an aside's holding is no deal
    minutes = ("Vadar Kestrel Precision Forging Co., Ltd.\nMinutes of the Annual General Meeting\n\n"
               "Lumen Motors, which holds 9.8% of the Company's shares, buys forged crankshafts and steering "
               "knuckles from the Company.\nAnother shareholder asked about Orla Auto. The Chairman said the Company "
               "had delivered sample knuckles to Orla Auto; if Orla Auto awarded the programme to the Company, a "
               "second line would be needed, but no award had been made.")
    [d] = deals_of(minutes, "2025-05-20")  # samples delivered are no supply
    assert d["kind"] == "supply"
    assert d["parties"] == {"Vadar Kestrel Precision Forging Co., Ltd.": "supplier", "Lumen Motors": "customer"}
    podcast = ("[00:00:19] BAI: Ren Haolin founded Hefei Arden Thermal Co., Ltd. in 2017. Arden makes cold plates.\n"
               "[00:00:54] REN: Until now our anchor customer was Lumen Power. We've shipped cold plates to Lumen "
               "Power's pack lines since 2022, and we still do.\n"
               "[00:01:06] BAI: Let's talk about money. Last summer the Vadar Kestrel Guidance Fund came in.\n"
               "[00:01:12] REN: Right. They paid 75 million yuan for 12% of Arden.")
    plates, stake = deals_of(podcast, "2026-03-13")
    assert plates["parties"] == {"Hefei Arden Thermal Co., Ltd.": "supplier", "Lumen Power": "customer"}
    assert plates["date"] == "2022"
    assert stake["parties"] == {"Vadar Kestrel Guidance Fund": "investor", "Hefei Arden Thermal Co., Ltd.": "investee"}


def test_a_venture_named_after_both_founders_and_a_founder_selling_by_surname():
    text = ("Huainan Orla Seating Co., Ltd. makes seat frames. Our joint venture with Kestrel Lumen Polymer Co., Ltd. "
            "of Gimhae, South Korea, Huainan Orla Lumen Foam Co., Ltd., was set up in 2024.")
    [d] = deals_of(text, "2026-03-01")
    assert d["kind"] == "joint_venture" and d["date"] == "2024"
    assert set(d["parties"]) == {"Huainan Orla Seating Co., Ltd.", "Kestrel Lumen Polymer Co., Ltd."}
    text = ("Vadar Magnetics Co., Ltd. was founded in 2008 by Ruan Meixi, a former engineer. In the second half "
            "of 2024 Ruan sold 18% of the company to Arden Development Investment Group for 210 million yuan.")
    [d] = deals_of(text, "2026-03-01")
    assert d["parties"] == {"Ruan Meixi": "seller", "Vadar Magnetics Co., Ltd.": "investee",
                            "Arden Development Investment Group": "investor"}
    assert d["date"] == "2024-H2"


def test_a_signing_schedule_pairs_each_line_with_the_issuer():
    text = ("PRESS KIT\nKestrel Motors at the Vadar Motor Show\n\nCompany: Kestrel Motors Co., Ltd.\n\n"
            "2. AGREEMENTS SIGNED AT THE BOOTH ON PRESS DAY (24 APRIL 2026)\n"
            "10:30  Arden Trucks LLP (Astana, Kazakhstan)\n"
            "       Five-year distribution agreement: Arden will import and sell the trucks in Kazakhstan.\n"
            "11:15  Orla Fleets S.L. (Malaga, Spain)\n"
            "       Supply contract: 600 electric vans for delivery fleets, value EUR 21 million.\n"
            "14:00  Lumen Voice Co., Ltd.\n"
            "       Strategic cooperation agreement: joint development of a voice assistant.\n\n"
            "Will Arden assemble Kestrel vehicles in Kazakhstan?\nNot at present.")
    ds = deals_of(text, "2026-04-24")
    assert [(d["kind"], d["date"]) for d in ds] == [("other", "2026-04-24"), ("supply", "2026-04-24"),
                                                    ("strategic_cooperation", "2026-04-24")]
    assert ds[1]["parties"] == {"Kestrel Motors Co., Ltd.": "supplier", "Orla Fleets S.L.": "customer"}
    assert ds[1]["value"] == (21e6, "EUR")
    assert set(ds[2]["parties"]) == {"Kestrel Motors Co., Ltd.", "Lumen Voice Co., Ltd."}


def test_a_prospectus_tells_subscriptions_and_talks_that_ended():
    text = ('Hefei Vadar Microelectronics Co., Ltd. (the "Issuer") was established in Hefei in 2018.\n'
            '(2) In July 2023, Lumen Capital and the Wuhu Kestrel Growth Fund subscribed for new registered capital '
            "of the Issuer for a total of CNY 180 million.\n"
            "In 2024 the Issuer negotiated with Orla Semiconductor Ltd. for an exclusive licence to a second core. "
            "The negotiations ended in 2025 without an agreement.")
    stake, licence = deals_of(text, "2026-01-15")
    assert stake["kind"] == "investment" and stake["date"] == "2023-07" and stake["value"] == (180e6, "CNY")
    assert stake["parties"] == {"Lumen Capital": "investor", "Wuhu Kestrel Growth Fund": "investor",
                                "Hefei Vadar Microelectronics Co., Ltd.": "investee"}
    assert licence["status"] == "cancelled"  # the talks ended: never a signed licence


def test_we_who_signed_with_a_named_body_is_the_speaker():
    head = ("Who we are\nHuainan Orla Seating Co., Ltd. (\"Orla\") was founded in 2011. We make seat frames.\n\n"
            "Why we are hiring now\n")
    [d] = deals_of(head + "- Under the investment agreement we signed in October 2025 with the Administrative "
                   "Committee of the Huainan Economic and Technological Development Zone, we are investing CNY 320 "
                   "million in a second plant.", "2026-06-02")
    assert d["kind"] == "investment" and d["date"] == "2025-10" and d["value"] == (320e6, "CNY")
    assert set(d["parties"]) == {"Huainan Orla Seating Co., Ltd.", "Administrative Committee of the Huainan "
                                 "Economic and Technological Development Zone"}
    [d] = deals_of(head + "- The supply agreement we signed in 2024 with Kestrel Foam Co. runs to 2027.", "2026-06-02")
    assert set(d["parties"]) == {"Huainan Orla Seating Co., Ltd.", "Kestrel Foam Co."}


def test_a_licence_and_what_it_lets_the_licensee_do_are_one_deal():
    text = ("Wuhu Orla Electronics Co., Ltd. (\"Orla\") makes lighting controllers.\nYesterday (5 May), Orla signed a "
            "technology licence agreement with Lumen Electronica S.A. de C.V. of Guadalajara, Mexico. Lumen will "
            "assemble controllers of Orla design for carmakers in Mexico.")
    [licence] = deals_of(text, "2026-05-06")
    assert licence["kind"] == "licensing" and licence["date"] == "2026-05-05"
    assert licence["parties"] == {"Wuhu Orla Electronics Co., Ltd.": "licensor",
                                  "Lumen Electronica S.A. de C.V.": "licensee"}


def test_when_deliveries_start_does_not_date_the_deal():
    [d] = deals_of("Orla Electronics Co. will supply lighting controllers to Kestrel Automobile Co. from the fourth "
                   "quarter.", "2026-05-06")
    assert d["date"] != "2025-Q4"  # "from the fourth quarter": deliveries ahead, not a signing behind


def test_an_investor_qa_page_and_talks_not_yet_signed_record_no_signed_deal():
    page = ("Investor interaction platform of the Vadar Stock Exchange\n"
            "Questions and answers: Anhui Kestrel Bus Co., Ltd. (000999)\n\n"
            "Kestrel Bus replied, 2026-08-18 15:40:\nThank you for your attention. On 12 August 2026 the Company "
            "signed a sales contract in Tashkent with Arden Transit LLC for 180 city buses.\n\n"
            "Kestrel Bus replied, 2026-08-20 10:21:\nThe Company currently has no cooperation with Lumen Motors on "
            "battery swapping.")
    sale, swap = deals_of(page, "2026-08-21")
    assert sale["kind"] == "supply" and sale["date"] == "2026-08-12"
    assert sale["parties"] == {"Anhui Kestrel Bus Co., Ltd.": "supplier", "Arden Transit LLC": "customer"}
    assert swap["status"] == "denied" and set(swap["parties"]) == {"Anhui Kestrel Bus Co., Ltd.", "Lumen Motors"}
    [d] = deals_of("Orla Motors Co. builds vans. Orla has also spent a year talking about a joint venture in "
                   "Malaysia with Vadar Autogroup Sdn Bhd; the two have yet to sign even a letter of intent.")
    assert d["status"] == "planned"


def test_a_deal_tracker_lists_deals_as_heads_and_fields():
    text = ("ANHUI AUTO DEAL TRACKER\nWeek 41: 5-11 October 2026\n\nNEW THIS WEEK\n\n"
            "> Chaohu Orla Precision Castings Co., Ltd. -> Kestrel Motors Co.\n"
            "- Type: supply of aluminium rear subframes for two electric models\n- Value: CNY 260 m over five years\n"
            "- Signed: Thu 8 Oct, Hefei\n- Status: SIGNED\n\n"
            "> Lumen Power Co. -> Vadar Cellteknikk AS (60%)\n"
            "- Type: stake purchase; seller Arden Holding AS, which keeps the other 40%\n- Value: EUR 38 m\n"
            "- Signed: Tue 6 Oct\n- Status: SIGNED\n\nSTATUS CHANGES\n\n"
            "> Orla <-> Kestrel (subframes)\n- Series deliveries started Mon 5 Oct\n")
    supply, stake = deals_of(text, "2026-10-11")
    assert supply["parties"] == {"Chaohu Orla Precision Castings Co., Ltd.": "supplier", "Kestrel Motors Co.": "customer"}
    assert (supply["kind"], supply["date"], supply["value"]) == ("supply", "2026-10-08", (260e6, "CNY"))
    assert stake["parties"] == {"Lumen Power Co.": "investor", "Vadar Cellteknikk AS": "investee",
                                "Arden Holding AS": "seller"}
    assert (stake["kind"], stake["date"], stake["value"]) == ("investment", "2026-10-06", (38e6, "EUR"))


def test_goods_bought_from_a_maker_are_a_supply_named_in_lower_case_too():
    [d] = deals_of("Kestrel Bus has bought bus chassis from Arden Motor Co., Ltd. since 2023 under a five-year "
                   "supply contract.")
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Kestrel Bus": "customer", "Arden Motor Co., Ltd.": "supplier"}
    # a company found by the present tense of its routine
    [d] = deals_of("Kestrel Bus buys its seats from Arden Seating Co., Ltd.")
    assert d["parties"] == {"Kestrel Bus": "customer", "Arden Seating Co., Ltd.": "supplier"}
    # the business bought stays an acquisition
    [d] = deals_of("Kestrel Bus bought the business from Arden Motor Co., Ltd. in 2023.")
    assert d["kind"] == "acquisition"


def test_in_an_interview_what_comes_from_a_supplier_under_our_contract_is_supplied_to_us():
    intro = "Valtera Thermal Systems makes heat pumps in Hefei. Q: Where do the parts come from? "
    [d] = deals_of(intro + "A: Arden Compressor supplies our electric compressors under a five-year contract "
                   "we signed in 2023.")
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Valtera Thermal Systems": "customer", "Arden Compressor": "supplier"}
    [d] = deals_of(intro + "A: The cells come from Arden Cells under a contract we signed in 2022.")
    assert d["parties"] == {"Valtera Thermal Systems": "customer", "Arden Cells": "supplier"}
    # no contract, no deal: where an idea came from
    assert deals_of(intro + "A: The idea came from Arden Cells in 2022.") == []


def test_a_pronoun_that_starts_a_sentence_is_no_company():
    x = extract(article_of("Nobody signed a contract with Kestrel Steering on trust, said its founder."))
    assert "Nobody" not in {m.name for m in x.mentions}


def test_a_contract_to_deliver_goods_described_at_length_to_a_company_of_a_city():
    [d] = deals_of("Kestrel Motors signed a contract in January 2025 to deliver 3,000 Orla 7 cars, converted for "
                   "taxi service, to Lumen Cab Company of Arden, Azerbaijan.", "2025-06-01")
    assert (d["kind"], d["date"]) == ("supply", "2025-01")
    assert d["parties"] == {"Kestrel Motors": "supplier", "Lumen Cab Company": "customer"}


def test_goods_ordered_with_no_maker_named_are_ordered_from_the_company_the_passage_is_about():
    [d] = deals_of("Kestrel Robotics Co., Ltd. makes driverless shuttles in Arden. The start-up's first paying customer "
                   "followed in July, when Lumen City Bus Group Co., Ltd. ordered 60 of the 12-seat shuttles.",
                   "2024-11-01")
    assert (d["kind"], d["date"]) == ("supply", "2024-07")
    assert d["parties"] == {"Kestrel Robotics Co., Ltd.": "supplier", "Lumen City Bus Group Co., Ltd.": "customer"}
    # a maker named keeps the order its own
    [d] = deals_of("Kestrel Robotics Co., Ltd. makes shuttles. Lumen City Bus Group Co., Ltd. ordered 60 buses "
                   "from Arden Motors.")
    assert d["parties"] == {"Lumen City Bus Group Co., Ltd.": "customer", "Arden Motors": "supplier"}


def test_an_order_told_in_a_relative_clause_is_the_antecedents():
    [d] = deals_of("Kestrel Bus Co., Ltd. makes buses. The biggest contract of the year came from Lumen Transport "
                   "Group Co., Ltd., which ordered 300 electric city buses in March for about 420 million yuan.",
                   "2024-11-01")
    assert (d["kind"], d["date"]) == ("supply", "2024-03")
    assert d["parties"] == {"Kestrel Bus Co., Ltd.": "supplier", "Lumen Transport Group Co., Ltd.": "customer"}
    # what a company does, told the same way, is no deal
    kinds = [d["kind"] for d in deals_of("Kestrel Bus acquired Lumen Robotics, which builds robotic cells for foundries.")]
    assert kinds == ["investment"]  # (the gold format records a company bought as an investment)


def test_another_stake_told_days_later_is_in_the_company_of_the_stake_before():
    deals = deals_of("In August, Arden Motors agreed to buy 10% of Kestrel Intelligent Technology from Lumen Tech "
                     "for 11.5 billion yuan. Days later Vadar Group, a carmaker from Chongqing, signed an agreement "
                     "to buy another 10% for the same price.", "2024-10-01")
    second = next(d for d in deals if "Vadar Group" in d["parties"])
    assert second["kind"] == "investment" and second["date"] == "2024-08"
    assert second["parties"] == {"Vadar Group": "investor", "Kestrel Intelligent Technology": "investee",
                                 "Lumen Tech": "seller"}


def test_a_possessive_in_what_is_distributed_keeps_the_distribution():
    [d] = deals_of("Kestrel Motor Co., Ltd. (the \"Company\") makes cars. Lumen Motor Holdings (Pty) Ltd operates "
                   "64 dealerships and has distributed the Company's vehicles in South Africa since 2019.")
    assert (d["kind"], d["date"]) == ("other", "2019")
    assert set(d["parties"]) == {"Lumen Motor Holdings (Pty) Ltd", "Kestrel Motor Co., Ltd."}


def test_a_deal_told_without_a_date_is_dated_by_its_completion():
    [d] = deals_of("Kestrel Motors Co., Ltd. took a 20% stake in Orla Robotics Co., Ltd., a maker of welding "
                   "robots. The transaction was completed in August.", "2025-01-08")
    assert (d["kind"], d["status"], d["date"]) == ("investment", "completed", "2024-08")


def test_two_investors_buying_into_one_company_for_a_combined_sum_are_one_round():
    [d] = deals_of("Kestrel Motors Co., Ltd. took a 20% stake in Orla Robotics Co., Ltd., and the Vadar "
                   "Mobility Fund took a further 10%, for a combined 450 million yuan.")
    assert d["parties"] == {"Kestrel Motors Co., Ltd.": "investor", "Vadar Mobility Fund": "investor",
                            "Orla Robotics Co., Ltd.": "investee"}
    # without a combined sum they stay two purchases
    deals = deals_of("Kestrel Motors Co., Ltd. took a 20% stake in Orla Robotics Co., Ltd. in May, and the "
                     "Vadar Mobility Fund took a further 10% in June.")
    assert len(deals) == 2


def test_a_joint_venture_first_told_where_it_is_dissolved_keeps_its_founders_and_both_dates():
    [d] = deals_of("The seat joint venture that Kestrel Motors and Orla Seating Co., Ltd. of Arden, Japan, "
                   "set up in 2014 was dissolved by agreement of its two shareholders in June.", "2025-01-08")
    assert (d["kind"], d["status"], d["date"]) == ("joint_venture", "dissolved", "2014")
    assert set(d["parties"]) == {"Kestrel Motors", "Orla Seating Co., Ltd."}
    x = extract(article_of("The joint venture that Kestrel Motors and Orla Seating Co., Ltd. set up in 2014 "
                           "was wound up in June.", "2025-01-08"))
    assert [(c.date.value, c.end_date.value) for c in x.deals] == [("2014", "2024-06")]


def test_talks_that_did_not_lead_to_an_agreement_are_cancelled():
    [d] = deals_of("Talks between Kestrel Motors and Orla Seating on a joint venture for seats did not lead "
                   "to an agreement.")
    assert d["status"] == "cancelled"


def test_the_line_that_tells_where_a_report_was_delivered_is_no_delivery():
    text = ("Report on the Work of the Government\n\nDelivered to the Vadar People's Congress on 8 January "
            "2031 by the Mayor, on behalf of the Vadar Municipal People's Government\n\nFellow Deputies,")
    assert deals_of(text) == []


def test_we_in_a_filing_is_the_company_its_definition_names():
    text = ('LUMEN THERMAL CO., LTD.\n\nIn this section, "we", "us", "our" and the "Issuer" refer to Lumen '
            "Thermal Co., Ltd. Our customers include Vadar Motors.\n\n"
            "Under a five-year offtake agreement signed in 2025, Orla Litio S.A. supplied about 18% of the "
            "lithium we used in 2026. The control software of our pumps is licensed from Arden Varme A/S "
            "under a licence agreement signed in March 2021. We rely on licensed software.")
    deals = deals_of(text, "2027-06-01")
    assert sorted((d["kind"], d["date"], tuple(sorted(d["parties"].items()))) for d in deals) == [
        ("licensing", "2021-03", (("Arden Varme A/S", "licensor"), ("Lumen Thermal Co., Ltd.", "licensee"))),
        ("supply", "2025", (("Lumen Thermal Co., Ltd.", "customer"), ("Orla Litio S.A.", "supplier"))),
    ]
    # without the definition, "we" is no one in particular
    assert deals_of(text.replace('"we", "us", "our" and the "Issuer" refer to', "this is"), "2027-06-01") == []


def test_a_memorandum_due_to_be_signed_at_a_postponed_ceremony_is_planned():
    [d] = deals_of("An empty table: Kestrel Chips Co., Ltd. was due to sign a memorandum on wafer supply with "
                   "Orla Motors at 3 p.m., but the ceremony was postponed.")
    assert (d["kind"], d["status"]) == ("framework_agreement", "planned")


def test_deals_signed_on_the_first_day_of_a_fair_take_that_day():
    text = ("IN PICTURES: Signing day at the Arden Parts Fair\n\nFriday 26 March | 8 photos\n\n1/8\n"
            "Visitors queue outside Hall 3 on Thursday morning, the opening day of the fair. The organisers said "
            "64 contracts were signed on the first day.\n\n2/8\nKong Lin (left), of Kestrel Lift Co., Ltd., "
            "and Bao Yi, of Orla Power Co., Ltd., after the two companies signed a strategic framework "
            "agreement on forklift powertrains.")
    [d] = deals_of(text, "2027-03-26")
    assert (d["kind"], d["date"]) == ("framework_agreement", "2027-03-25")


def test_an_investor_that_also_took_part_in_a_round_is_an_investor():
    [d] = deals_of("In January, Kestrel Industry Investment Co., Ltd. led a CNY 260 million financing round in "
                   "Orla Microelectronics, in which Vadar Semiconductor Corporation also took part.")
    assert d["parties"] == {"Kestrel Industry Investment Co., Ltd.": "investor", "Orla Microelectronics": "investee",
                            "Vadar Semiconductor Corporation": "investor"}


def test_the_venture_wound_up_later_ends_the_joint_venture_just_told():
    x = extract(article_of("Kestrel Lift Co., Ltd. and Lumen Lift Ltda. of Porto Alegre, Brazil, signed a joint "
                           "venture agreement in 2016 for assembling forklifts. The venture was wound up in 2021, "
                           "when Kestrel switched to distributors."))
    [d] = x.deals
    assert (d.kind, d.status, d.date.value, d.end_date.value) == ("joint_venture", "dissolved", "2016", "2021")


def test_a_company_that_has_been_its_customer_is_supplied_by_it():
    [d] = deals_of("Orla Axle Co., Ltd. makes axles. Kestrel Motors has been its main customer since 2019 under a "
                   "long-term supply agreement.")
    assert (d["kind"], d["date"]) == ("supply", "2019")
    assert d["parties"] == {"Orla Axle Co., Ltd.": "supplier", "Kestrel Motors": "customer"}


def test_a_dateline_place_in_capitals_is_no_party():
    text = ("ARDEN, Italy and WUHU, China, February 4, 2027 /Newswire/ -- Orla Freni S.p.A. and Kestrel Brakes "
            "Co., Ltd. today announced that they have signed an agreement to establish a joint venture.")
    [d] = deals_of(text, "2027-02-04")
    assert set(d["parties"]) == {"Orla Freni S.p.A.", "Kestrel Brakes Co., Ltd."}


def test_a_licence_to_the_venture_company_named_by_its_defined_term_is_a_licence():
    text = ('Orla Freni S.p.A. ("Orla") and Kestrel Brakes Co., Ltd. ("Kestrel") signed a joint venture '
            'agreement. The joint venture, to be named Arden Braking Components Co., Ltd. (the "Joint Venture"), '
            "will make calipers. Under a licence agreement signed on the same day, Orla will license its caliper "
            "design to the Joint Venture for ten years.")
    kinds = sorted(d["kind"] for d in deals_of(text))
    assert "licensing" in kinds and kinds.count("joint_venture") <= 2


def test_a_customer_that_ordered_a_makers_vehicles_is_supplied_by_the_maker():
    [d] = deals_of("Kestrel Bus Co., Ltd. makes coaches. Orla Transportes S.A. ordered 150 Kestrel coaches in 2011.")
    assert (d["kind"], d["date"]) == ("supply", "2011")
    assert d["parties"] == {"Orla Transportes S.A.": "customer", "Kestrel Bus Co., Ltd.": "supplier"}


def test_its_customer_is_the_customer_of_the_company_the_sentence_before_is_about():
    text = ("The park opened in 2019. Kestrel Motors has a plant next door. Orla Seat Structures Co., Ltd., our "
            "first tenant, has made seat frames in the park since 2021. Vadar Auto has been its largest customer "
            "since 2023, when Orla began supplying the frames for two of its SUVs.")
    [d] = deals_of(text)
    assert (d["kind"], d["date"]) == ("supply", "2023")
    assert d["parties"] == {"Orla Seat Structures Co., Ltd.": "supplier", "Vadar Auto": "customer"}


def test_a_legal_name_of_several_words_is_found_and_its_defined_company_is_the_party():
    text = ('LUMEN, Mexico, October 5, 2027 /Newswire/ -- Orla Ensambladora del Sur, S.A. de C.V. ("Orla" or the '
            '"Company") today announced that it has signed a contract assembly agreement with Kestrel Motor Co., '
            "Ltd., under which the Company will assemble Kestrel cars. The Assembly Agreement was signed on "
            "October 1, 2027 in Arden. Production will start in the second half of 2028. On the same day, the "
            "Company signed a dealer agreement with Vadar Parts Co., Ltd.")
    deals = deals_of(text, "2027-10-05")
    assembly = [d for d in deals if d["kind"] == "contract_manufacturing"]
    # one deal, dated by the signing the release tells after its own day
    assert [(d["date"], set(d["parties"])) for d in assembly] == [
        ("2027-10-01", {"Orla Ensambladora del Sur, S.A. de C.V.", "Kestrel Motor Co., Ltd."})]
    [dealer] = [d for d in deals if "Vadar Parts Co., Ltd." in d["parties"]]
    # "On the same day": the last day named, not the half-year between
    assert dealer["date"] == "2027-10-01" and "Orla Ensambladora del Sur, S.A. de C.V." in dealer["parties"]


def test_a_legal_name_followed_by_its_country_orders_from_the_maker():
    [d] = deals_of("Orla Commercial Vehicles S.A.E. of Egypt ordered 1,500 Kestrel light trucks in March. "
                   "Kestrel Motors is based in Arden.")
    assert d["parties"] == {"Orla Commercial Vehicles S.A.E.": "customer", "Kestrel Motors": "supplier"}
    assert d["date"] == "2024-03"


def test_bank_of_a_place_is_no_legal_name_before_its_place():
    deals = deals_of("Bank of Orla signed a cooperation agreement with Kestrel Motors.")
    assert deals and all("Bank" not in d["parties"] for d in deals)


def test_a_clause_after_a_colon_with_its_own_subject_tells_a_running_supply():
    text = ("Orla Materials Oy, based in Porto, makes cathode powder. It is not new to Kestrel Motors: the "
            "Finnish company has shipped powder to Kestrel Motors' cell plant in Arden since 2025 under a "
            "supply contract that will continue unchanged.")
    [d] = deals_of(text, "2027-09-14")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2025")
    assert d["parties"] == {"Orla Materials Oy": "supplier", "Kestrel Motors": "customer"}


def test_a_post_headed_by_its_authors_post_at_a_company_speaks_for_that_company():
    text = ("Ana Lumen\nFounder & CEO at Orlavista Analytics | Battery health, predicted\n2d\n\n"
            "On Thursday in Arden I put my name to a licence agreement with Kestrel Motors. It took 14 months.")
    [d] = deals_of(text, "2027-11-13")
    assert (d["kind"], d["date"]) == ("licensing", "2027-11-11")
    assert set(d["parties"]) == {"Orlavista Analytics", "Kestrel Motors"}
    # without the header line, "I" is no one in particular
    assert deals_of(text.replace("Founder & CEO at Orlavista Analytics", "Battery health"), "2027-11-13") == []


def test_a_venture_contract_signed_in_the_next_sentence_dates_the_venture_and_the_licence_signed_with_it():
    text = ("Orla Cylinders Co., Ltd. was registered on 9 August 2027. It is a joint venture of Vadar Composites "
            "SAS, which holds 55%, and Kestrel Motors Co., Ltd., which holds 45%. The joint venture contract was "
            "signed in July 2027. The winding technology is licensed to Orla Cylinders Co., Ltd. by Vadar "
            "Composites SAS under a technology licence agreement signed together with the joint venture contract.")
    deals = {d["kind"]: d for d in deals_of(text, "2027-08-25")}
    assert deals["joint_venture"]["date"] == "2027-07"
    assert deals["licensing"]["date"] == "2027-07"
    assert deals["licensing"]["parties"] == {"Vadar Composites SAS": "licensor", "Orla Cylinders Co., Ltd.": "licensee"}


def test_a_contract_signed_at_a_time_told_before_its_counterparty_is_a_supply():
    [d] = deals_of("Kestrel Bus signed the contract in the first half of the year with Orla Avtobus JSC for 300 "
                   "battery-electric buses.", "2027-10-18")
    assert (d["kind"], d["date"]) == ("supply", "2027-H1")
    assert d["parties"] == {"Kestrel Bus": "supplier", "Orla Avtobus JSC": "customer"}


def test_every_seller_of_a_purchase_is_a_seller_and_a_shareholders_since_is_no_deal_date():
    lead = "Kestrel Inc. signed an agreement to acquire 100% of Orla Motor Controls Co., Ltd. "
    [d] = deals_of(lead + "from its founders and from Vadar Venture Partners.", "2027-12-03")
    assert d["parties"] == {"Kestrel Inc.": "investor", "Orla Motor Controls Co., Ltd.": "investee",
                            "Vadar Venture Partners": "seller"}
    [d] = deals_of(lead + "from Lumen Capital and Vadar Venture Partners.", "2027-12-03")
    assert d["parties"] == {"Kestrel Inc.": "investor", "Orla Motor Controls Co., Ltd.": "investee",
                            "Lumen Capital": "seller", "Vadar Venture Partners": "seller"}
    [d] = deals_of(lead + "from Vadar Venture Partners, which has been its largest shareholder since 2022.",
                   "2027-12-03")
    assert d["date"] == "2027-12-03" and d["parties"]["Vadar Venture Partners"] == "seller"


def test_a_purchase_told_without_and_then_with_its_seller_is_one_deal():
    text = ("Orla Motor Controls Co., Ltd.\n\nKestrel's acquisition of Orla: questions and answers\n\n"
            "What has been agreed?\n\n"
            "On 1 December 2027, Kestrel Inc. signed an agreement to acquire 100% of Orla Motor Controls Co., Ltd. "
            "from Vadar Venture Partners.")
    [d] = deals_of(text, "2027-12-03")
    assert d["date"] == "2027-12-01" and d["parties"]["Vadar Venture Partners"] == "seller"


def test_the_company_a_venture_agreement_establishes_is_no_party_of_it():
    text = ('ARDEN, Italy, June 13, 2028 /Newswire/ -- Kestrel Robotics Co., Ltd. ("Kestrel") and Automatización '
            'Lumen, S.A. de C.V. ("LUMEN") today jointly announced the signing of a joint venture agreement for the '
            'establishment of Kestrel LUMEN Robótica, S.A. de C.V. (the "Joint Venture").')
    [d] = deals_of(text, "2028-06-13")
    assert d["kind"] == "joint_venture"
    assert set(d["parties"]) == {"Kestrel Robotics Co., Ltd.", "Automatización Lumen, S.A. de C.V."}


@pytest.mark.parametrize("text", [
    "A person familiar with the matter said Kestrel Motors had also discussed taking a minority stake in Orla "
    "Microelectronics.",
    "A proposal for the establishment of a joint venture to assemble coaches in Arden was submitted to Kestrel Bus "
    "by PT Lumen Jaya in February 2027. The proposal has not been approved by the Board.",
    "The Board wishes to clarify that no agreement has been entered into by Kestrel Steel Co., Ltd. for the acquisition of any "
    "equity interest in Orla Estampaciones, S.A., and that no such acquisition is being contemplated.",
])
def test_hearsay_proposals_and_denials_in_filings_are_not_signed(text):
    assert all(d["status"] not in ("signed", "completed", "ongoing") for d in deals_of(text, "2028-06-20"))


@pytest.mark.parametrize("text, licensor, licensee", [
    # the one who grants the licence, in the detail that follows the agreement
    ("On April 28, 2028, Kestrel Lift Co., Ltd. entered into a licence agreement with Orla Hydrogen Ltd. "
     "Under the Licence Agreement, Orla Hydrogen grants Kestrel Lift a ten-year licence to manufacture its "
     "fuel-cell stack in China.", "Orla Hydrogen Ltd.", "Kestrel Lift Co., Ltd."),
    # a licensor only described: the subject is the licensee
    ("Kestrel Rubber Co., Ltd. is based in Arden. Vadar Gumi Zrt. has made rubber bushings to Kestrel designs "
     "since 2025 under a licence from the Chinese company.", "Kestrel Rubber Co., Ltd.", "Vadar Gumi Zrt"),
    # "from X" further from the verb
    ("Last year Kestrel Electric licensed a laser-welding process for aluminium busbars from Orla Fügetechnik "
     "GmbH.", "Orla Fügetechnik GmbH", "Kestrel Electric"),
    # whose design it is
    ("Vadar Tractors Ltd. had licensed Kestrel Power's four-cylinder engine design in 2019 for ten years.",
     "Kestrel Power", "Vadar Tractors Ltd."),
])
def test_the_licensor_is_who_grants_the_licence_however_it_is_said(text, licensor, licensee):
    [d] = [d for d in deals_of(text, "2028-05-09") if d["kind"] == "licensing"]
    assert d["parties"] == {licensor: "licensor", licensee: "licensee"}
    assert d["status"] != "completed"  # a licence taken runs on until the text ends it


def test_a_licences_terms_told_after_it_are_no_new_deal():
    text = ("Kestrel Drive Co., Ltd. licenses its inverter software from Orla Electric Co., Ltd. under an agreement "
            "signed in 2021. The licence required Orla's consent to the change of control, and Orla gave that "
            "consent on 28 November.")
    [d] = deals_of(text, "2027-12-03")
    assert (d["kind"], d["date"]) == ("licensing", "2021")


def test_a_press_release_dates_its_deals_by_the_signing_it_tells_after_its_news():
    head = ("ARDEN, Italy, May 9, 2028 /Newswire/ -- Kestrel Lift Co., Ltd. today announced that it has entered "
            "into a supply agreement with Orla Terminal SIA for 60 container handlers. ")
    # two sentences after the news
    [d] = deals_of(head + "The contract is valued at EUR 32 million. The Supply Agreement was signed in Riga on "
                   "May 8, 2028 by the two chief executives.", "2028-05-09")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2028-05-08")
    # both agreements of the news, signed together
    text = ('LUMEN, ON, January 18, 2028 /Newswire/ - Orla Lithium Corp. ("Orla" or the "Company") is pleased to '
            'announce that it has entered into an offtake agreement with Kestrel Cells Co., Ltd. ("Kestrel"), a '
            'battery maker based in Arden, and that Kestrel has agreed to subscribe for 18,500,000 common shares of '
            'the Company, for gross proceeds of approximately US$25 million (the "Private Placement"). Under the '
            'Offtake Agreement, Orla will sell to Kestrel 60% of its lithium hydroxide. The Offtake Agreement and '
            'the subscription agreement for the Private Placement were signed in Toronto on January 17, 2028.')
    assert {d["kind"]: d["date"] for d in deals_of(text, "2028-01-18")} == {"supply": "2028-01-17",
                                                                            "investment": "2028-01-17"}
    # "Under the agreement, which was signed ... on Tuesday": the Tuesday, not the day it was said
    [d] = deals_of("Kestrel Motors has agreed to develop a controller with Orla Systems Co., Ltd., the carmaker said "
                   "on Wednesday. Under the agreement, which was signed in Arden on Tuesday, engineers of both "
                   "companies will design the chip.", "2028-03-08")
    assert d["date"] == "2028-03-07"


def test_a_venture_announced_then_signed_is_signed_and_a_deal_at_the_same_ceremony_takes_its_day():
    text = ('ARDEN, Italy, June 13, 2028 /Newswire/ -- Kestrel Robotics Co., Ltd. ("Kestrel") and Lumen '
            'Automatización, S.A. de C.V. ("LUMEN") today jointly announced the signing of a joint venture '
            'agreement for the establishment of Kestrel LUMEN Robótica, S.A. de C.V. (the "Joint Venture"). The JV '
            'Agreement was signed in Monterrey on June 12, 2028. Kestrel will hold 51% of the Joint Venture and '
            'LUMEN will hold 49%. The Joint Venture will integrate Kestrel\'s robots into production lines. '
            'Registration is expected in the third quarter. Customers want robots. They want service. '
            'At the same ceremony, Kestrel signed a supply agreement with Carrocerías Orla, S.A. de C.V. for 85 '
            'welding robots.')
    deals = {d["kind"]: d for d in deals_of(text, "2028-06-13")}
    assert set(deals) == {"joint_venture", "supply"}  # the venture at work is no deal of its own
    jv = deals["joint_venture"]
    assert (jv["status"], jv["date"]) == ("signed", "2028-06-12")
    assert set(jv["parties"]) == {"Kestrel Robotics Co., Ltd.", "Lumen Automatización, S.A. de C.V."}
    assert deals["supply"]["date"] == "2028-06-12"


def test_a_business_bought_with_words_before_it_and_a_wires_credit_is_no_party():
    text = ("ARDEN, Italy, Thursday, April 13, 2028 (Lumen News Agency) — Kestrel Sealing Co., Ltd. has agreed to "
            "buy the air-spring business of Vadar Gumi Zrt., a Hungarian rubber group, for 48 million euros, the two "
            "companies said on Thursday. The purchase agreement was signed in Arden on Wednesday. That supply "
            "contract will pass to Kestrel with the business, the seller said.")
    [d] = deals_of(text, "2028-04-13")
    assert (d["kind"], d["date"]) == ("acquisition", "2028-04-12")
    assert d["parties"] == {"Kestrel Sealing Co., Ltd.": "buyer", "Vadar Gumi Zrt": "seller"}
    assert "Lumen News Agency" not in {m.name for m in extract(article_of(text, "2028-04-13")).mentions}


def test_has_bought_since_a_year_goes_on():
    [d] = deals_of("Orla Gumi Kft. makes air springs in Ajka. The plant's largest customer is Kestrel Bus Co., Ltd., "
                   "which has bought air springs from Orla for its coaches since 2026.", "2028-04-13")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2026")


@pytest.mark.parametrize("text", [
    "Kestrel Motors has agreed to develop a zone-controller chip with Orla Microelectronics Co., Ltd., the carmaker said.",
    "Kestrel Cells Co., Ltd. and Orla Semiconductor Co., Ltd. will jointly develop a chip that measures the voltage "
    "of battery cells, under an agreement signed on Friday.",
])
def test_developing_a_chip_together_is_a_chip_collaboration_and_an_agreement_signed_makes_it_signed(text):
    [d] = deals_of(text, "2028-03-27")
    assert (d["kind"], d["status"]) == ("chip_collaboration", "signed")


def test_a_letter_of_intent_signed_is_a_framework_agreement():
    [d] = deals_of("Kestrel Trucks Co., Ltd. and Orla Logistics LLC, a Tbilisi haulier, signed a letter of intent on "
                   "Thursday for up to 100 hydrogen tractor units, to be delivered over three years if a binding "
                   "contract follows.", "2028-03-27")
    assert (d["kind"], d["status"], d["date"]) == ("framework_agreement", "signed", "2028-03-23")


def test_a_companys_first_two_words_name_it_and_last_week_dates_the_contract_to_its_month():
    text = ("Kestrel Emobility Technology Co., Ltd., the charging unit of Kestrel Power Supply Co., Ltd., will supply "
            "400 fast chargers to Orla Charge S.A. for about EUR 21 million. The contract was signed in Athens last "
            "week. Kestrel Emobility's tie-up with Orla is its largest order in southern Europe so far.")
    [d] = deals_of(text, "2028-03-27")
    assert (d["kind"], d["date"]) == ("supply", "2028-03")
    assert d["parties"] == {"Kestrel Emobility Technology Co., Ltd.": "supplier", "Orla Charge S.A.": "customer"}


def test_the_pair_is_the_two_the_sentence_before_names():
    text = ("Kestrel Motors Co., Ltd. signed a framework agreement with Vadar Transportes Ltda. for 1,000 trucks. "
            "Individual orders will follow. Minutes later Kestrel's engineers were back on stage, this time with "
            "Orla Microsystems Co., Ltd., a young chip designer. The pair will jointly develop a domain-controller "
            "chip for Kestrel's next cars.")
    chips = [d for d in deals_of(text, "2026-09-20") if d["kind"] == "chip_collaboration"]
    assert [set(d["parties"]) for d in chips] == [{"Kestrel Motors Co., Ltd.", "Orla Microsystems Co., Ltd."}]


def test_a_venture_registered_months_after_its_signing_is_the_same_venture_completed():
    from anhui_kg.pipeline import resolve_articles

    signed = article_of("On 16 January 2026, Kestrel Lift Co., Ltd. and Orla Nostin Oy signed a joint venture agreement "
                        "to establish a tow-tractor maker in Arden.", "2026-01-20")
    registered = article_of("- Kestrel's venture is registered. Arden Kestrel Nostin Vehicle Co., Ltd., the 60/40 joint "
                            "venture of Kestrel Lift Co., Ltd. and Orla Nostin Oy, was registered in Arden on 12 May 2026.",
                            "2026-05-20").model_copy(update={"id": "u.txt"})
    for articles in ([signed, registered], [registered, signed]):
        deals = [d for d in resolve_articles(articles).deals if d.kind == "joint_venture"]
        assert [(d.date.value, d.status) for d in deals] == [("2026-01-16", "completed")], deals


def test_an_indian_legal_form_does_not_end_the_sentence_and_a_named_cooperation_keeps_its_kind():
    text = ("Kestrel Automotive Safety Systems Co., Ltd. and Orla Brake Systems Pvt. Ltd. of Arden signed a strategic "
            "cooperation agreement last month on electronic braking. Under the agreement, Kestrel will supply the "
            "control technology and Orla will sell the systems. The two companies may later form a joint venture, a "
            "Kestrel spokeswoman said, but they have not started talks on one.")
    deals = {d["kind"]: d for d in deals_of(text, "2028-05-26")}
    assert (deals["strategic_cooperation"]["status"], deals["strategic_cooperation"]["date"]) == ("signed", "2028-04")
    assert set(deals["strategic_cooperation"]["parties"]) == {"Kestrel Automotive Safety Systems Co., Ltd.",
                                                              "Orla Brake Systems Pvt. Ltd."}
    assert deals["joint_venture"]["status"] == "hypothetical"


def test_a_round_closed_by_a_company_someone_set_up_is_dated_by_its_closing():
    text = ("Orla Microelectronics, which Sheng set up in 2026 with four former colleagues, closed a 300 million yuan "
            "financing round in January. The round was led by Kestrel Industry Investment Co., Ltd.")
    [d] = deals_of(text, "2028-03-08")
    assert (d["kind"], d["date"]) == ("investment", "2028-01")


def test_a_signing_told_after_the_news_by_its_signatories_dates_the_deal_and_makes_it_signed():
    text = ("CAIRO, 6 July (Kestrel Wire) — Orla Battery Co., Ltd. and Vadar Industrial Holding S.A.E. plan to build "
            "battery packs through a $120 million joint venture, Vadar said on Thursday. Executives of the two "
            "companies inked the joint venture contract in Cairo a day earlier.")
    [d] = deals_of(text, "2028-07-06")
    assert (d["kind"], d["status"], d["date"]) == ("joint_venture", "signed", "2028-07-05")


def test_an_agreement_concluded_or_executed_is_signed_on_its_day():
    release = ("Kestrel to Supply Engines to Arden\n\nHefei, Anhui Province, China — October 10, 2027 — Kestrel Power "
               "Co., Ltd. (\"Kestrel\") today announced the conclusion of a three-year engine supply agreement with "
               "Arden Maquinarias S.A. (\"Arden\"). Under the Agreement, Kestrel will deliver 9,000 engines. The "
               "Agreement was executed in Rosario on October 6, 2027 by Mr. Orla of Kestrel.")
    [d] = deals_of(release, "2027-10-10")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2027-10-06")
    notice = ("Vadar Gear Co., Ltd. hereby announces that it concluded a supply agreement for gear sets with Lumen "
              "Motors Inc. on October 30, 2027.")
    [d] = deals_of(notice, "2027-11-01")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2027-10-30")


def test_a_stake_paid_for_and_its_seller_named_after_it():
    text = ("Kestrel Metals Group Co., Ltd. will pay 620 million yuan for a 51% controlling interest in Orla Recycling "
            "Co., Ltd., both companies confirmed on Wednesday. Of that stake, 30% is coming from Vadar Power Co., "
            "Ltd., which is selling its entire holding. The transaction documents were executed on Tuesday.")
    [d] = deals_of(text, "2028-09-20")
    assert d["parties"] == {"Kestrel Metals Group Co., Ltd.": "investor", "Orla Recycling Co., Ltd.": "investee",
                            "Vadar Power Co., Ltd.": "seller"}
    assert (d["status"], d["date"]) == ("signed", "2028-09-19")
    passive = ("Kestrel Automobile Co., Ltd. has agreed to acquire 60% of Orla Fahrzeugtechnik GmbH, the Austrian company "
               "announced on Friday. The stake is being sold by Vadar Beteiligungen AG, a holding company.")
    [d] = [d for d in deals_of(passive, "2028-08-11") if d["status"] == "signed"]
    assert d["parties"]["Vadar Beteiligungen AG"] == "seller"


def test_a_surname_alone_of_a_person_named_before_is_that_person_not_a_party():
    text = ("Kestrel Automobile Co., Ltd. has agreed to acquire 60% of Orla Fahrzeugtechnik GmbH, Orla announced on "
            "Friday. Orla's founder, Florian Brandauer, keeps the remaining 40%. Lin Wei, Kestrel's vice president, "
            "and Brandauer put their names to the share purchase agreement on Thursday evening.")
    [d] = deals_of(text, "2028-08-11")
    assert set(d["parties"]) == {"Kestrel Automobile Co., Ltd.", "Orla Fahrzeugtechnik GmbH"}
    assert d["date"] == "2028-08-10"


def test_a_regulator_that_must_approve_is_no_party_and_keeps_its_whole_name():
    text = ("Kestrel Metals Co., Ltd. will buy 51% of Orla Recycling Co., Ltd., the companies said. The deal must "
            "still be approved by the State Administration for Market Regulation, and Kestrel expects it to close "
            "next year.")
    names = {m.name for m in extract(article_of(text, "2028-09-20")).mentions}
    assert "State Administration for Market Regulation" in names and "State Administration" not in names
    assert [set(d["parties"]) for d in deals_of(text, "2028-09-20")] == [{"Kestrel Metals Co., Ltd.",
                                                                          "Orla Recycling Co., Ltd."}]


def test_a_stake_in_the_company_of_a_feature_is_in_the_company_it_is_about():
    text = ("Tang Yun set up Kestrel Light Alloy Co., Ltd. in 2009. In 2018 Kestrel licensed a moulding technique "
            "from Orla Magnesium Co., Ltd. of Changwon. Capital arrived late in 2021, when Vadar Venture Capital Co., "
            "Ltd., a city fund, paid 55 million yuan for 18% of the company.")
    [d] = [d for d in deals_of(text, "2028-08-01") if d["kind"] == "investment"]
    assert d["parties"] == {"Vadar Venture Capital Co., Ltd.": "investor", "Kestrel Light Alloy Co., Ltd.": "investee"}


def test_a_licence_to_someones_design_is_theirs_and_could_not_is_no_hypothesis():
    held = ("Lumen Trucks Co., Ltd., which has held a licence to Kestrel Engineering GmbH's rear-axle design since "
            "2026, said on Monday it would expand.")
    [d] = deals_of(held, "2028-08-11")
    assert d["parties"] == {"Lumen Trucks Co., Ltd.": "licensee", "Kestrel Engineering GmbH": "licensor"}
    could_not = ("Fast chargers need cooled cables, which Kestrel Cable Co., Ltd. could not make, so in the summer of "
                 "2023 it licensed a design from Orla Kabel AG.")
    [d] = deals_of(could_not, "2028-09-16")
    assert (d["status"], d["date"]) == ("ongoing", "2023-mid")


def test_a_supply_since_a_year_goes_on_and_shipments_started_make_it_ongoing():
    since = "Kestrel Electronics Co., Ltd. has supplied brake units to Lumen Automobile Co., Ltd. since 2024."
    assert [(d["status"], d["date"]) for d in deals_of(since, "2028-11-01")] == [("ongoing", "2024")]
    started = ("Last December Lumen Power picked Kestrel Cable Co., Ltd. to supply cables for its chargers. "
               "Shipments started in March.")
    assert [(d["status"], d["date"]) for d in deals_of(started, "2028-09-16")] == [("ongoing", "2027-12")]


def test_a_licence_that_expired_is_completed_and_ends_then():
    text = ("In 2018 Kestrel Alloy Co., Ltd. licensed a moulding technique from Orla Magnesium Co., Ltd. of Changwon. "
            "The licence ran for nine years; when it expired last year, Tang did not renew it.")
    [d] = extract(article_of(text, "2028-08-01")).deals
    assert (d.status, d.date.value, d.end_date.value) == ("completed", "2018", "2027")


def test_signing_someone_up_to_its_alliance_is_a_deal_dated_by_the_agreement_concluded_after():
    text = ("Kestrel has signed up Chongqing Orla Automobile Co., Ltd. to its battery-swap alliance. Under the "
            "agreement, concluded on Monday, two Orla models will take Kestrel's packs.")
    [d] = deals_of(text, "2028-10-17")
    assert (d["kind"], d["status"], d["date"]) == ("battery_swap_alliance", "signed", "2028-10-16")
    assert set(d["parties"]) == {"Kestrel", "Chongqing Orla Automobile Co., Ltd."}


def test_an_agreement_sealed_after_the_news_makes_it_signed_on_that_day():
    text = ("Lumen Cement Co., Ltd. will cover the roofs of Kestrel Automobile's plants with solar panels and sell the "
            "electricity to the carmaker for 25 years. The power purchase agreement was sealed on Friday.")
    [d] = deals_of(text, "2028-10-17")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2028-10-13")


def test_two_agreements_signed_together_are_two_deals_and_were_signed_is_no_condition():
    text = ("On 27 November 2027, a Technology Licence Agreement (the \"Licence Agreement\") and a Kit Supply "
            "Agreement (the \"Supply Agreement\") were signed in Hefei between Kestrel Automobile Co., Ltd. and Orla "
            "Motorworks Co., Ltd.")
    deals = sorted((d["kind"], d["status"], d["date"], tuple(sorted(d["parties"].values()))) for d in deals_of(text, "2027-11-29"))
    assert deals == [("licensing", "signed", "2027-11-27", ("licensee", "licensor")),
                     ("supply", "signed", "2027-11-27", ("customer", "supplier"))]
    kits = "Kits for the licensed truck will be supplied by Kestrel Co., Ltd. to Orla Motorworks Co., Ltd."
    assert [(d["kind"], d["parties"]) for d in deals_of(kits, "2027-11-29")] == [
        ("supply", {"Kestrel Co., Ltd.": "supplier", "Orla Motorworks Co., Ltd.": "customer"})]


def test_a_supply_under_evaluation_stays_apart_from_the_one_signed():
    from anhui_kg.pipeline import resolve_articles

    text = ("On 27 November 2027, a Kit Supply Agreement was signed between Kestrel Automobile Co., Ltd. and Orla "
            "Motorworks Co., Ltd. The supply of electric light trucks to Orla Motorworks Co., Ltd. from 2030 is being "
            "evaluated by Kestrel Automobile Co., Ltd.")
    deals = resolve_articles([article_of(text, "2027-11-29")]).deals
    assert sorted((d.kind, d.status) for d in deals) == [("supply", "planned"), ("supply", "signed")]


def test_a_contract_signed_days_before_the_article_is_signed_not_ongoing():
    text = ("On 27 November 2027, a Technology Licence Agreement (the \"Licence Agreement\") was signed in Hefei between "
            "Kestrel Automobile Co., Ltd. (the \"Company\") and Orla Motorworks Co., Ltd. (\"Orla\").\n1. Licence "
            "Agreement: The right to manufacture the Company's light truck is granted to Orla for a term of ten years.")
    assert [d["status"] for d in deals_of(text, "2027-11-29")] == ["signed"]
    # (a licence signed years before the article and granted still goes on)
    assert [d["status"] for d in deals_of(text, "2029-11-29")] == ["ongoing"]


def test_buying_the_company_from_its_owner_is_no_supply():
    text = ("Lumen Emobility Co., Ltd. now owns all of Orla Carga SpA, an operator of charging stations. The unit of "
            "Lumen Power Supply Co., Ltd. agreed in August to buy the company from Inversiones Vadar S.A.")
    assert [d for d in deals_of(text, "2028-10-17") if d["kind"] == "supply"] == []


def test_its_board_in_a_later_clause_is_the_sentences_subject():
    text = ('Kestrel Precision Co., Ltd. (the "Company") hereby announces that it concluded a supply agreement for gear '
            'sets with Lumen Inc. ("Lumen") on October 30, 2027, and that its Board of Directors, at a meeting held on '
            'October 31, 2027, resolved to establish a joint venture with Hefei Orla Transmission Parts Co., Ltd.')
    [venture] = [d for d in deals_of(text, "2027-11-01") if d["kind"] == "joint_venture"]
    assert set(venture["parties"]) == {"Kestrel Precision Co., Ltd.", "Hefei Orla Transmission Parts Co., Ltd."}


def test_it_follows_the_agreement_is_the_deal_not_a_party():
    text = ('Kestrel Power Co., Ltd. will supply engines to Lumen S.A. ("Lumen"). It follows the strategic cooperation '
            'agreement on hydrogen engines that Kestrel entered into with the University of Arden in March of this year.')
    [coop] = [d for d in deals_of(text, "2027-10-10") if d["kind"] == "strategic_cooperation"]
    assert (set(coop["parties"]), coop["date"]) == ({"Kestrel Power Co., Ltd.", "University of Arden"}, "2027-03")


def test_selling_two_goods_to_a_company_is_a_supply():
    text = ("Orla Recycling Co., Ltd. has been selling recovered copper and aluminium foil to Kestrel Nonferrous Co., Ltd. "
            "since 2025.")
    assert [(d["kind"], d["status"], d["date"]) for d in deals_of(text, "2028-09-20")] == [("supply", "ongoing", "2025")]


def test_a_press_release_dated_in_brackets_is_signed_on_the_day_it_says_later():
    text = ('Lima, Peru (5 March 2031) — Arden Motor Co., Ltd. (hereinafter "Arden") today announced the signing '
            'of a bus supply contract (the "Contract") with Kestrel Transit S.A. ("Kestrel"), a bus operator.\n\n'
            "Under the Contract, Arden will supply 86 buses between October 2031 and June 2032. The Contract is "
            "valued at US$29.6 million. It was signed in Lima on 1 March 2031 by Mr. Orla Ming of Arden.")
    [d] = deals_of(text, "2031-03-05")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2031-03-01")
    assert d["parties"] == {"Arden Motor Co., Ltd.": "supplier", "Kestrel Transit S.A.": "customer"}


def test_a_wholly_owned_subsidiary_set_up_is_an_investment_and_a_business_licence_is_no_licence():
    [d] = deals_of("Lumen Systems AD has established a wholly owned subsidiary, Lumen Systems (Hefei) Co., Ltd., "
                   "which received its business licence in March.", "2031-04-09")
    assert (d["kind"], d["status"]) == ("investment", "completed")
    assert d["parties"] == {"Lumen Systems AD": "investor", "Lumen Systems (Hefei) Co., Ltd.": "investee"}
    assert deals_of("Lumen Systems (Hefei) Co., Ltd. received its business licence from Kestrel Motors in March.") == []


def test_speculation_about_a_stake_is_a_rumour_of_whom_it_names_and_a_stated_non_purchase_a_denial():
    [d] = deals_of("Lumen Systems notes recent press speculation that Kestrel Motors intends to acquire a stake "
                   "in Lumen Systems.")
    assert (d["kind"], d["status"]) == ("investment", "rumoured")
    assert d["parties"] == {"Kestrel Motors": "investor", "Lumen Systems": "investee"}
    [d] = deals_of("Lumen Systems dismissed speculation that Kestrel Motors would buy a stake in it.")
    assert d["status"] == "denied"
    [d] = deals_of("Kestrel Motors has not acquired any shares in Lumen Systems, and no discussions have taken place.")
    assert (d["kind"], d["status"]) == ("investment", "denied")
    [d] = deals_of("Kestrel Motors has not yet signed the supply contract with Lumen Systems.")
    assert d["status"] == "planned"
    # a purchase of something else, told as a contrast, is no denial of the deal
    [d] = deals_of('"We did not buy a factory, we bought thirty years of know-how," Kestrel Motors said of its '
                   "2017 purchase of Lumen Systems.")
    assert d["status"] != "denied"


def test_a_post_named_after_partnerships_is_no_deal_and_clinching_is_signing():
    assert deals_of("Lin Hao, Kestrel Motors' vice president for technology partnerships, met Lumen Mobility UAB.") == []
    [d] = deals_of("Kestrel Motors and Lumen Mobility UAB clinched a licence agreement on Monday in Riga.", "2031-01-16")
    assert (d["kind"], d["status"], d["date"]) == ("licensing", "signed", "2031-01-13")


def test_a_stake_being_bought_is_dated_by_the_agreement_struck_before_the_report():
    text = ("RIGA, 12.02.2031 (Synthetic Wire) — Arden Iron & Steel Company Limited (Arden) is buying 49% of "
            "Kestrel Steel Service S.A., the Latvian company said in a statement on Monday morning.\n\n"
            "The steelmaker will pay 41 million euros. Arden and Kestrel struck the agreement in Riga last Friday.")
    [d] = deals_of(text, "2031-02-12")
    assert (d["kind"], d["status"], d["date"]) == ("investment", "signed", "2031-02-07")
    assert d["parties"] == {"Arden Iron & Steel Company Limited": "investor", "Kestrel Steel Service S.A.": "investee"}


def test_part_of_a_stake_coming_from_a_holder_names_the_seller():
    text = ("Arden Steel Co., Ltd. is buying 49% of Kestrel Steel Service S.A., the Latvian company said. "
            "Thirty of the 49 percentage points come from Lumen Holdings S.A., an investment company.")
    [d] = deals_of(text)
    assert d["parties"] == {"Arden Steel Co., Ltd.": "investor", "Kestrel Steel Service S.A.": "investee",
                            "Lumen Holdings S.A.": "seller"}


def test_partners_studying_a_project_plan_it_and_a_quoted_customer_names_its_source():
    [d] = deals_of("Arden Steel Co., Ltd. and Kestrel Service S.A. were studying a second service centre in "
                   "Riga to supply plants along the coast.")
    assert d["status"] == "planned"
    [d] = deals_of('Lumen Co., Ltd. opened a plant. "Arden Steel Co., Ltd. has been our main source of coated coil '
                   'since 2025. From now on it is also our partner," said Orla Ming, chairman of Kestrel Steel '
                   "Service S.A., which is based in Riga.", "2029-06-15")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2025")
    assert d["parties"] == {"Arden Steel Co., Ltd.": "supplier", "Kestrel Steel Service S.A.": "customer"}


def test_an_order_won_for_goods_from_a_customer_is_dated_by_the_signing_told_next_and_alongside():
    text = ("7 May 2031 — RIGA (Synthetic Press) — Kestrel Truck Co., Ltd. has won an order for 260 tractor units "
            "from Arden Overland Transport Company, a haulier.\n\n"
            "The contract, worth about 34 million dollars, was penned in Riga on Sunday by the two chief executives.\n\n"
            "Alongside the purchase, the two companies agreed a five-year parts-and-service contract.")
    supply, service = deals_of(text, "2031-05-07")
    assert (supply["kind"], supply["status"], supply["date"]) == ("supply", "signed", "2031-05-04")
    assert supply["parties"] == {"Kestrel Truck Co., Ltd.": "supplier", "Arden Overland Transport Company": "customer"}
    assert (service["kind"], service["date"]) == ("other", "2031-05-04")


def test_a_motor_works_putting_together_a_brands_trucks_is_its_contract_manufacturer():
    [d] = deals_of("Zarqa Motor Works, an assembler in Riga, has been putting together Kestrel Motors dump trucks "
                   "from imported kits for local builders since 2026.", "2029-06-15")
    assert (d["kind"], d["status"], d["date"]) == ("contract_manufacturing", "ongoing", "2026")
    assert d["parties"] == {"Zarqa Motor Works": "manufacturer", "Kestrel Motors": "client"}
    # the passive still needs its "by"
    [d] = deals_of("The Kestrel Motors trucks were assembled by Lumen Co. in 2026.")
    assert d["parties"] == {"Lumen Co.": "manufacturer", "Kestrel Motors": "client"}


def test_a_step_one_may_consider_is_a_hypothesis():
    [d] = deals_of("Kestrel Motors may consider taking a minority stake in Lumen Assemblers Ltd. once output exceeds "
                   "10,000 vehicles a year.")
    assert (d["kind"], d["status"]) == ("investment", "hypothetical")


def test_an_order_kept_up_until_a_later_year_ran_until_then():
    [d] = deals_of("Kestrel Motor Co., Ltd. ordered trunk liners from Lumen Trim Co., Ltd. in 2016 and kept buying "
                   "them until the model they were made for went out of production in 2023.", "2029-05-01")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "completed", "2016")
    x = extract(article_of("Kestrel Motor Co., Ltd. ordered trunk liners from Lumen Trim Co., Ltd. in 2016 and kept "
                           "buying them until the model they were made for went out of production in 2023.", "2029-05-01"))
    assert x.deals[0].end_date.value == "2023"


def test_the_two_companies_that_set_up_a_venture_include_the_one_named_since_the_last_deal():
    text = ("Arden Motor Co., Ltd. ordered trunk liners from Lumen Trim Co., Ltd. in 2016. The bigger step came "
            "through a Swede. Dalarna Interiör AB, a door-panel maker from Borlänge, Sweden, had been testing natural "
            "fibres for years. In 2020 the two companies set up Orla Dalarna Trim Co., Ltd., a joint venture in which "
            "Lumen holds 55% and the Swedes 45%.")
    supply, venture = deals_of(text, "2029-05-01")
    assert (venture["kind"], venture["date"]) == ("joint_venture", "2020")
    assert set(venture["parties"]) == {"Lumen Trim Co., Ltd.", "Dalarna Interiör AB"}


def test_parts_built_or_made_for_a_carmaker_are_supplied():
    [d] = deals_of("Kestrel Seating Co., Ltd. will build the complete front seats for two Arden Motor Co., Ltd. "
                   "models. The contract was signed on Tuesday.", "2031-03-07")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2031-03-04")
    assert d["parties"] == {"Kestrel Seating Co., Ltd.": "supplier", "Arden Motor Co., Ltd.": "customer"}
    [d] = deals_of("Kestrel Seating Co., Ltd. has made headrests for Arden Motor Co., Ltd. since 2027.", "2031-03-07")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "ongoing", "2027")


def test_a_purchase_taken_over_and_completed_later_is_dated_by_its_agreement():
    [d] = deals_of("Kestrel Energy Co., Ltd. has taken over the plant of Lumen Chemical Co., Ltd. in Jiangsu. The "
                   "purchase, agreed in November for 310 million yuan, was completed on Thursday.", "2031-03-07")
    assert (d["kind"], d["status"], d["date"]) == ("acquisition", "completed", "2030-11")


def test_a_joint_institute_is_cooperation_dated_by_the_agreement_finalised_after():
    [d] = deals_of("Kestrel Automobile Co., Ltd. and Arden University have set up a joint institute for vehicle "
                   "software. Their cooperation agreement was finalised on Wednesday.", "2031-03-07")
    assert (d["kind"], d["date"]) == ("strategic_cooperation", "2031-03-05")
    assert set(d["parties"]) == {"Kestrel Automobile Co., Ltd.", "Arden University"}


def test_partners_winding_up_the_venture_they_formed_and_their_dissolution_agreement():
    text = ("Kestrel Sealing Co., Ltd. and Lumen Gomu Co., Ltd. of Kurume, Japan, have wound up the joint venture "
            "they formed in Ningguo in 2016 to make engine mounts. The partners put their names to a dissolution "
            "agreement last November.")
    venture, dissolution = deals_of(text, "2031-03-23")
    assert (venture["kind"], venture["status"], venture["date"]) == ("joint_venture", "dissolved", "2016")
    assert (dissolution["kind"], dissolution["status"], dissolution["date"]) == ("dissolution", "signed", "2030-11")
    assert set(venture["parties"]) == set(dissolution["parties"]) == {"Kestrel Sealing Co., Ltd.", "Lumen Gomu Co., Ltd."}


def test_a_licence_is_dated_by_the_signing_told_with_what_the_licensee_will_build_under_it():
    [d] = deals_of("Kestrel Co., Ltd. has licensed the design of its electric forklift to Lumen Lift Solutions "
                   "(Private) Limited, a company based in Colombo. The Sri Lankan company will assemble the trucks "
                   "under the seven-year licence, which was signed on Wednesday.", "2031-03-21")
    assert (d["kind"], d["status"], d["date"]) == ("licensing", "signed", "2031-03-19")


def test_agreed_on_a_day_to_develop_together_is_a_cooperation_but_agreed_in_principle_is_not():
    [d] = deals_of("Kestrel Semiconductor Corporation and Hefei Lumen Devices Co., Ltd. agreed on Monday to develop a "
                   "high-voltage process together.", "2031-03-21")
    assert (d["status"], d["date"]) == ("signed", "2031-03-17")
    assert deals_of("Kestrel Semiconductor Corporation and Hefei Lumen Devices Co., Ltd. agreed in principle to "
                    "build a line together.", "2031-03-21") == []


def test_an_announcement_of_a_share_purchase_and_a_supply_framework_agreement():
    text = ('On 8 June 2031, Kestrel Wire Co., Ltd. (the "Subsidiary") entered into a Share Purchase Agreement '
            '(the "SPA") in Zagreb with Orla Invest d.d. (the "Seller"), under which the Subsidiary will acquire 75% '
            'of the equity of Lumen Wire d.o.o. (the "Target"). On the same day, the Subsidiary and the Target '
            "signed a Copper Rod Supply Framework Agreement, under which the Subsidiary will supply copper rod to "
            "the Target for five years.")
    stake, supply = deals_of(text, "2031-06-11")
    assert (stake["kind"], stake["status"], stake["date"]) == ("investment", "signed", "2031-06-08")
    assert stake["parties"] == {"Kestrel Wire Co., Ltd.": "investor", "Orla Invest d.d.": "seller",
                                "Lumen Wire d.o.o.": "investee"}
    assert (supply["kind"], supply["date"]) == ("supply", "2031-06-08")
    assert supply["parties"] == {"Kestrel Wire Co., Ltd.": "supplier", "Lumen Wire d.o.o.": "customer"}


def test_what_partners_bring_to_a_joint_laboratory_is_no_supply():
    [d] = deals_of("A joint laboratory was set up by Kestrel Robotics Co., Ltd. and Arden University in July 2030. "
                   "Equipment worth CNY 20 million is being provided to the laboratory by Kestrel Robotics Co., Ltd., "
                   "and the research staff are supplied by the university.", "2031-03-21")
    assert (d["kind"], d["date"]) == ("strategic_cooperation", "2030-07")


def test_a_venture_dissolved_by_an_agreement_dated_before_it_and_founded_in_a_clause_naming_its_place():
    x = extract(article_of("Kestrel Power Co., Ltd. and Lumen Laadtechniek B.V. signed an agreement on 22 October to "
                           "dissolve the charger joint venture they set up in Groningen, the Netherlands, in 2025.",
                           "2031-11-01"))
    venture = next(d for d in x.deals if d.kind == "joint_venture")
    assert (venture.status, venture.date.value, venture.end_date.value) == ("dissolved", "2025", "2031-10-22")


def test_developing_memory_modules_together_is_a_chip_collaboration():
    [d] = deals_of("Kestrel and Lumen team up on car memory\nKestrel Memory Co., Ltd. and Lumen Microelectronics "
                   "Co., Ltd. agreed in mid-October to jointly develop memory modules for cars.", "2031-11-01")
    assert (d["kind"], d["status"], d["date"]) == ("chip_collaboration", "signed", "2031-10")


def test_a_fleet_order_told_by_what_the_customer_will_take_and_a_second_agreement_at_the_same_ceremony():
    text = ("Kestrel Motors Inc. has landed its first fleet customer abroad. Tūranga Fleet Leasing Limited, which rents "
            "cars to companies, will take 1,500 of the Lumen-based group's electric sedans over three years.\n\n"
            "The purchase agreement was inked at a ceremony yesterday by Orla Vadar, Kestrel's vice president, and "
            "Arden Ruan, the lessor's chief executive.\n\n"
            "A second agreement, concluded at the same ceremony, makes Kestrel responsible for building and running "
            "six battery-swap stations at Tūranga's depots in Rotorua and Taupō.")
    supply, swap = deals_of(text, "2031-09-04")
    assert (supply["kind"], supply["status"], supply["date"]) == ("supply", "signed", "2031-09-03")
    assert supply["parties"] == {"Kestrel Motors Inc.": "supplier", "Tūranga Fleet Leasing Limited": "customer"}
    assert (swap["kind"], swap["status"], swap["date"]) == ("battery_swap_alliance", "signed", "2031-09-03")
    assert set(swap["parties"]) == {"Kestrel Motors Inc.", "Tūranga Fleet Leasing Limited"}  # (not the town)


def test_the_subject_of_a_clause_opened_by_since_buys_the_stake_in_the_company_named_first():
    [d] = deals_of("Tūranga Leasing Limited, which operates 9,000 cars, has grown quickly since Kestrel Point Capital, "
                   "an Auckland private-equity firm, bought 40% of the business in 2026.", "2031-09-04")
    assert d["parties"] == {"Kestrel Point Capital": "investor", "Tūranga Leasing Limited": "investee"}
    assert d["date"] == "2026"


def test_an_offtake_signed_by_the_two_sides_and_a_subscription_concluded_at_the_same_meeting():
    text = ('Kestrel signs graphite offtake\n\nMAPUTO, 15/10/2031 (Synthetic Wire) – Kestrel Cells Co., Ltd. will buy up '
            'to 40,000 tonnes a year of graphite concentrate from Lumen Grafite, Lda. ("Lumen"), a Maputo company that '
            'runs a mine in the north, under an eight-year offtake agreement the two sides put their signatures to in '
            'Maputo on Friday.\n\nThe Hefei battery maker is also subscribing for new shares equal to 15% of Lumen for '
            '45 million U.S. dollars. The subscription agreement was concluded at the same meeting and still requires '
            'the approval of the central bank.\n\nSince 2027 Lumen has sold most of its output to Arden Carbon Co., Ltd., '
            'a Japanese maker of electrodes.')
    offtake, stake, older = deals_of(text, "2031-10-15")
    assert (offtake["kind"], offtake["status"], offtake["date"]) == ("supply", "signed", "2031-10-10")
    assert offtake["parties"] == {"Kestrel Cells Co., Ltd.": "customer", "Lumen Grafite, Lda.": "supplier"}
    assert (stake["kind"], stake["status"], stake["date"]) == ("investment", "signed", "2031-10-10")
    assert stake["parties"] == {"Kestrel Cells Co., Ltd.": "investor", "Lumen Grafite, Lda.": "investee"}
    assert (older["kind"], older["date"]) == ("supply", "2027")
    assert older["parties"] == {"Lumen Grafite, Lda.": "supplier", "Arden Carbon Co., Ltd.": "customer"}


def test_under_it_tells_a_detail_of_the_agreement_just_told_and_output_sold_to_nobody_named_is_no_deal():
    [d] = deals_of("On 4 December 2031, Kestrel Co., Ltd. signed a framework agreement with Lumen Motors Co., Ltd. "
                   "Under it, Kestrel will purchase bus chassis from Lumen in 2032.", "2031-12-05")
    assert (d["kind"], d["date"]) == ("framework_agreement", "2031-12-04")
    assert deals_of("Kestrel Foil Co., Ltd., which was set up in 2016 by former engineers, has until now sold most of "
                    "its output to makers of circuit boards.", "2031-12-05") == []


def test_a_sale_told_with_a_timed_dateline_sealed_last_week_and_a_partnership_put_on_paper_the_same_day():
    text = ("KITWE | Tuesday 18 November 2031, 09:40 CAT (Synthetic Newsdesk) — Kestrel Motor Group Corp., Ltd. "
            "(Kestrel) has agreed to sell 400 light trucks with exchangeable battery packs to Lumen Logistics Limited, "
            "the biggest carrier in the country, the two companies said on Monday.\n\n"
            "The contract, worth 22 million dollars, was sealed in Kitwe last Wednesday. The trucks will be charged at "
            "stations built by Kestrel together with Orla Power Company, a private electricity producer, under a "
            "battery-swap partnership that the two put on paper the same day.\n\n"
            "Lumen Logistics has expanded fast since it bought the smaller Vadar Couriers in March 2030.")
    sale, swap, bought = deals_of(text, "2031-11-18")
    assert (sale["kind"], sale["status"], sale["date"]) == ("supply", "signed", "2031-11-12")
    assert (swap["kind"], swap["status"], swap["date"]) == ("battery_swap_alliance", "signed", "2031-11-12")
    assert set(swap["parties"]) == {"Kestrel Motor Group Corp., Ltd.", "Orla Power Company"}
    assert bought["date"] == "2030-03" and "Vadar Couriers" in bought["parties"]


def test_a_research_cooperation_dated_before_a_licence_and_money_raised_in_us_dollars():
    text = ('Kestrel licenses its voice assistant\n\nLicence with Lumen Electric Mobility covers city cars\n\n'
            'HEFEI, China, Sept. 18, 2031 /Synthetic PR Newswire/ -- Kestrel Co., Ltd. ("Kestrel") today announced that '
            'it has licensed its voice assistant to Lumen Electric Mobility PLC ("Lumen").\n\n'
            "Two days before the licence, on September 12, Kestrel and Arden University entered into a three-year "
            "research cooperation agreement to build open speech datasets for local languages.\n\n"
            "Lumen, founded in 2024, raised 18 million U.S. dollars in 2030 from Orla Ventures, a Nairobi-based fund.")
    licence, research, funding = deals_of(text, "2031-09-18")
    assert licence["parties"] == {"Kestrel Co., Ltd.": "licensor", "Lumen Electric Mobility PLC": "licensee"}
    assert (research["kind"], research["date"]) == ("strategic_cooperation", "2031-09-12")
    assert set(research["parties"]) == {"Kestrel Co., Ltd.", "Arden University"}
    assert funding["parties"] == {"Orla Ventures": "investor", "Lumen Electric Mobility PLC": "investee"}


def test_a_release_with_a_box_of_bullets_signatories_with_titles_and_an_order_placed_together_with_the_licence():
    text = ("MEDIA RELEASE\n\nKestrel Composites licenses its enclosure process to Lumen\n\n"
            "Bertrange (Luxembourg), October 2nd, 2031 – Kestrel Composites S.A. (“Kestrel Composites”), a developer "
            "of plastic parts, has signed a licence agreement with Lumen Bus Co., Ltd. (“Lumen”) that allows the "
            "Chinese company to mould battery enclosures.\n\nAt a glance\n"
            "• Licence for the enclosure process, signed in Hefei on Friday\n• Three sets of tools ordered by Lumen\n"
            "• Enclosures up to 38% lighter\n\n"
            "The licence agreement was signed in Hefei on Friday by Orla Vadar, Chief Executive Officer of Kestrel "
            "Composites, and Ruan Defu, Chief Engineer of Lumen.\n\n"
            "Together with the licence, Lumen placed an order for three sets of tools, which Kestrel Composites will "
            "build in its toolroom and deliver by the end of March 2032.")
    licence, tools = deals_of(text, "2031-10-02")
    assert (licence["kind"], licence["status"], licence["date"]) == ("licensing", "signed", "2031-09-26")
    assert licence["parties"] == {"Kestrel Composites S.A.": "licensor", "Lumen Bus Co., Ltd.": "licensee"}
    assert (tools["kind"], tools["status"], tools["date"]) == ("supply", "signed", "2031-09-26")
    assert tools["parties"] == {"Kestrel Composites S.A.": "supplier", "Lumen Bus Co., Ltd.": "customer"}


def test_a_contract_awarded_by_a_carmaker_and_countersigned_after_a_list_of_highlights():
    text = ("22 October 2031\n\nKestrel Drive Systems plc\n\nKestrel Drive Systems plc, the AIM-quoted designer of "
            "power electronics, is pleased to announce that it has been awarded a series-production contract by "
            'Lumen (Anhui) Automotive Company Limited ("Lumen Anhui") for its DC-DC converters.\n\nHighlights\n'
            "- Converters for two electric models\n- Expected lifetime revenue of approximately EUR 48 million\n"
            "- Local manufacture in Hefei\n- A subscription for new shares\n\nContract award\n"
            "The supply contract was countersigned by Lumen Anhui on Friday 17 October 2031, at the end of a "
            "nomination process that began in the spring.")
    [d] = deals_of(text, "2031-10-22")
    assert (d["kind"], d["status"], d["date"]) == ("supply", "signed", "2031-10-17")
    assert d["parties"] == {"Kestrel Drive Systems plc": "supplier",
                            "Lumen (Anhui) Automotive Company Limited": "customer"}


def test_a_distributor_named_by_sell_through_dated_by_the_signing_told_after_it():
    text = ("ARDEN, 2031-03-13 (Wire) — Kestrel Motor Co., Ltd. will sell its pickups in Lumenia through Orla "
            "Trading LLC, the two companies said on Wednesday. The import agreement was signed in Arden on "
            "Monday by Vadar Lin, who heads Kestrel's exports, and Tomas Berg, Orla's chief executive. It makes "
            "the Arden company the sole importer of Kestrel pickups in the country.")
    [d] = deals_of(text, "2031-03-13")
    assert (d["kind"], d["status"], d["date"]) == ("other", "signed", "2031-03-10")
    assert set(d["parties"]) == {"Kestrel Motor Co., Ltd.", "Orla Trading LLC"}


def test_signatories_with_long_titles_date_the_signing_and_an_alliance_joined_at_the_same_signing():
    text = ("Kestrel Power Co., Ltd. has won a contract to supply battery packs to PT Orla Motor "
            '("Orla"), the two companies said on Tuesday. Vadar Lin, who runs Kestrel\'s light-mobility '
            "battery division, and Tomas Berg, the founder and chief executive of Orla, signed the supply "
            "agreement late on Sunday evening at the Orla factory. At the same signing, Kestrel and Orla "
            "joined a battery-swap alliance with PT Lumen Digital, a ride-hailing app. Orla raised 32 million "
            "U.S. dollars in the first half of 2028 from Arden Growth Partners, a venture fund.")
    deals = deals_of(text, "2031-04-09")
    by_kind = {d["kind"]: d for d in deals}
    assert len(deals) == 3
    assert (by_kind["supply"]["status"], by_kind["supply"]["date"]) == ("signed", "2031-04-06")
    swap = by_kind["battery_swap_alliance"]
    assert (swap["status"], swap["date"]) == ("signed", "2031-04-06")
    assert set(swap["parties"]) == {"Kestrel Power Co., Ltd.", "PT Orla Motor", "PT Lumen Digital"}
    money = by_kind["investment"]
    assert money["date"] == "2028-H1" and money["parties"] == {"PT Orla Motor": "investee",
                                                               "Arden Growth Partners": "investor"}


def test_a_business_wire_release_with_a_licence_signed_earlier_and_deals_signed_alongside_it():
    text = ('ARDEN, China--(SYNTHETIC BUSINESS WIRE)--Apr 23, 2031--Arden Kestrel Brake Systems Co., Ltd. '
            '("Kestrel") today announced that Orla Freios Ltda. ("Orla"), a brake maker based in Lumen, Brazil, '
            "will produce Kestrel's parking brake calipers under licence.\n\n"
            "The licence agreement bears the signatures of Vadar Lin, Kestrel's Vice President for the Americas, "
            "and Ana Berg, Chief Executive Officer of Orla, and was finalised in Lumen on April 19.\n\n"
            "A supply contract for the control units that actuate the calipers was signed alongside the licence.\n\n"
            "Under a separate investment agreement finalised the same day, Kestrel will subscribe for new quotas "
            "representing 20% of the capital of Orla for USD 11 million.")
    deals = {d["kind"]: d for d in deals_of(text, "2031-04-23")}
    assert set(deals) == {"licensing", "supply", "investment"}
    kestrel, orla = "Kestrel Brake Systems Co., Ltd.", "Orla Freios Ltda."  # (the dateline's town is no part of it)
    assert deals["licensing"]["parties"] == {kestrel: "licensor", orla: "licensee"}
    assert deals["supply"]["parties"] == {kestrel: "supplier", orla: "customer"}
    assert deals["investment"]["parties"] == {kestrel: "investor", orla: "investee"}
    assert {(d["status"], d["date"]) for d in deals.values()} == {("signed", "2031-04-19")}


def test_market_talk_a_website_report_and_a_venture_dropped_are_no_deals_done():
    text = ("Kestrel Wheel Co., Ltd. makes wheels. A business website reported last week that Kestrel was "
            "preparing to take a minority stake in Orla Assembly LLC. A joint venture with Lumen Leather JSC, a "
            "leather supplier, that was meant to wrap wheels near Hanoi was dropped in 2028. Traders in Arden say "
            "Vadar Motors Co., Ltd. is close to buying the 49% of Orla Assembly LLC that it does not already own.")
    assert {d["status"] for d in deals_of(text, "2031-03-13")} <= {"rumoured", "cancelled"}
    assert len(deals_of(text, "2031-03-13")) == 3


def test_an_order_from_a_company_that_works_for_carmakers_assembling_vehicles_is_a_supply():
    [d] = deals_of("Kestrel Robotics Co., Ltd. has won a 38 million euro order for two body-shop lines from Orla Body "
                   "Systems S.A., which welds door frames for carmakers assembling vehicles in Spain.", "2031-06-04")
    assert d["kind"] == "supply"
    assert d["parties"] == {"Kestrel Robotics Co., Ltd.": "supplier", "Orla Body Systems S.A.": "customer"}


def test_the_next_sentence_says_who_assembles_and_a_works_taken_over_is_no_party():
    text = ("Kestrel Motor Co., Ltd. and Orla Vehicle Assembly LLC signed a contract-assembly deal in Arden on "
            "Tuesday. Orla, a company that took over a former tractor works, will assemble Kestrel's "
            "pickups from kits.")
    [d] = deals_of(text, "2031-03-13")
    assert d["kind"] == "contract_manufacturing"
    assert d["parties"] == {"Kestrel Motor Co., Ltd.": "client", "Orla Vehicle Assembly LLC": "manufacturer"}


def test_a_framework_agreement_for_the_supply_of_goods_and_a_purpose_clause_that_names_the_customer():
    text = ('The Management Board of Orla Mechatronika S.A. (the "Issuer") announces that on 25 February 2031 the '
            "Issuer and Kestrel Motor Co., Ltd. signed a framework agreement for the supply of door handles for "
            "cars built by Kestrel. In order to supply Kestrel from China, on 22 February 2031 the Issuer signed a "
            "contract manufacturing agreement with Lumen Precision Co., Ltd. Under that agreement Lumen will cast, "
            "machine and assemble the handles to the Issuer's design.")
    deals = deals_of(text, "2031-02-26")
    assert [(d["kind"], d["date"], d["parties"]) for d in deals] == [
        ("supply", "2031-02-25", {"Orla Mechatronika S.A.": "supplier", "Kestrel Motor Co., Ltd.": "customer"}),
        ("contract_manufacturing", "2031-02-22", {"Orla Mechatronika S.A.": "client",
                                                  "Lumen Precision Co., Ltd.": "manufacturer"}),
    ]
