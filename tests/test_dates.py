"""Dates: the examples table, offsets on seed sentences, publication estimates, and
Hypothesis properties of ``anhui_kg.extraction.dates``."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anhui_kg.errors import DateError
from anhui_kg.extraction.dates import (
    DateMatch,
    estimate_published,
    find_dates,
    make_date,
    normalize_date,
)
from anhui_kg.models import DateValue

# Anchors: an article dated only to a month (like the seeds), to a day (a Tuesday), to a
# year, to a season and to a quarter.
MONTH = make_date("2026-01", origin="metadata")
DAY = date(2026, 1, 27)
YEAR = make_date("2024", origin="estimated")
SEASON = make_date("2019-early", origin="estimated")
QUARTER = make_date("2026-Q1", origin="metadata")
ANCHORS = {"none": None, "month": MONTH, "day": DAY, "year": YEAR, "season": SEASON,
           "quarter": QUARTER}

# (expression, anchor, expected value, expected precision); value None means no date.
TABLE = [
    # Days, stated whole
    ("January 6, 2026", "none", "2026-01-06", "day"),
    ("Jan. 6, 2026", "none", "2026-01-06", "day"),
    ("on Jan 6, 2026", "none", "2026-01-06", "day"),
    ("6 January 2026", "none", "2026-01-06", "day"),
    ("January 6th, 2026", "none", "2026-01-06", "day"),
    ("the 6th of January 2026", "none", "2026-01-06", "day"),
    ("2026-01-06", "none", "2026-01-06", "day"),
    ("Tuesday, January 27, 2026", "none", "2026-01-27", "day"),
    ("Sept. 30, 2024", "none", "2024-09-30", "day"),
    ("as of January 25, 2026", "none", "2026-01-25", "day"),
    ("AS OF JANUARY 25, 2026", "none", "2026-01-25", "day"),
    # Months, years
    ("March 2021", "none", "2021-03", "month"),
    ("in March 2021", "none", "2021-03", "month"),
    ("May 2025", "none", "2025-05", "month"),
    ("mid-March 2025", "none", "2025-03", "month"),
    ("2021-03", "none", "2021-03", "month"),
    ("in 2013", "none", "2013", "year"),
    ("1964", "none", "1964", "year"),
    ("by 2027", "none", "2027", "year"),
    ("since 2018", "none", "2018", "year"),
    ("FY2025", "none", "2025", "year"),
    ("fiscal 2024", "none", "2024", "year"),
    # Seasons
    ("late 2023", "none", "2023-late", "season"),
    ("In late 2023", "none", "2023-late", "season"),
    ("mid-2025", "none", "2025-mid", "season"),
    ("Mid-2025", "none", "2025-mid", "season"),
    ("early 2024", "none", "2024-early", "season"),
    ("early in 2025", "none", "2025-early", "season"),
    ("late in 2023", "none", "2023-late", "season"),
    ("the end of 2025", "none", "2025-late", "season"),
    ("end-2025", "none", "2025-late", "season"),
    ("year-end 2025", "none", "2025-late", "season"),
    ("the beginning of 2024", "none", "2024-early", "season"),
    ("the middle of 2025", "none", "2025-mid", "season"),
    ("by the end of 2018", "none", "2018-late", "season"),
    ("As of end-2025", "none", "2025-late", "season"),
    ("2023-late", "none", "2023-late", "season"),
    # Quarters and halves with a year
    ("the fourth quarter of 2025", "none", "2025-Q4", "quarter"),
    ("the third quarter of 2025", "none", "2025-Q3", "quarter"),
    ("Q4 2025", "none", "2025-Q4", "quarter"),
    ("2025 Q4", "none", "2025-Q4", "quarter"),
    ("4Q25", "none", "2025-Q4", "quarter"),
    ("Q3'24", "none", "2024-Q3", "quarter"),
    ("first-quarter 2024", "none", "2024-Q1", "quarter"),
    ("2025-Q4", "none", "2025-Q4", "quarter"),
    ("the first half of 2024", "none", "2024-H1", "half"),
    ("second half of 2024", "none", "2024-H2", "half"),
    ("H1 2025", "none", "2025-H1", "half"),
    ("2024 H2", "none", "2024-H2", "half"),
    ("1H25", "none", "2025-H1", "half"),
    ("2024-H2", "none", "2024-H2", "half"),
    # Decades
    ("the 1990s", "none", "199X", "decade"),
    ("mid-1990s", "none", "199X", "decade"),
    ("the early 2000s", "none", "200X", "decade"),
    ("1960s", "none", "196X", "decade"),
    ("the 2020s", "none", "202X", "decade"),
    ("199X", "none", "199X", "decade"),
    # Relative to an anchor of month precision (2026-01)
    ("January 6", "month", "2026-01-06", "day"),
    ("Jan. 6", "month", "2026-01-06", "day"),
    ("January 6th", "month", "2026-01-06", "day"),
    ("as of January 25", "month", "2026-01-25", "day"),
    ("in March", "month", "2025-03", "month"),
    ("in December", "month", "2025-12", "month"),
    ("in January", "month", "2026-01", "month"),
    ("last March", "month", "2025-03", "month"),
    ("next March", "month", "2026-03", "month"),
    ("end of last year", "month", "2025-late", "season"),
    ("at the end of last year", "month", "2025-late", "season"),
    ("late last year", "month", "2025-late", "season"),
    ("in the last weeks of last year", "month", "2025-late", "season"),
    ("the closing months of 2024", "month", "2024-late", "season"),
    ("the first weeks of this year", "month", "2026-early", "season"),
    ("early next year", "month", "2027-early", "season"),
    ("last year", "month", "2025", "year"),
    ("this year", "month", "2026", "year"),
    ("next year", "month", "2027", "year"),
    ("last month", "month", "2025-12", "month"),
    ("this month", "month", "2026-01", "month"),
    ("earlier this month", "month", "2026-01", "month"),
    ("earlier this year", "month", "2026", "year"),
    ("later this year", "month", "2026", "year"),
    ("a year ago", "month", "2025", "year"),  # the text counts years: no month is given
    ("A year ago", "month", "2025", "year"),
    ("two years ago", "month", "2024", "year"),
    ("three months ago", "month", "2025-10", "month"),
    ("A decade ago", "month", "201X", "decade"),
    ("fourth-quarter", "month", "2025-Q4", "quarter"),
    ("the third quarter", "month", "2025-Q3", "quarter"),
    ("the first quarter", "month", "2026-Q1", "quarter"),
    ("Q4", "month", "2025-Q4", "quarter"),
    ("the fourth quarter of last year", "month", "2025-Q4", "quarter"),
    ("last quarter", "month", "2025-Q4", "quarter"),
    ("this quarter", "month", "2026-Q1", "quarter"),
    ("the second half of last year", "month", "2025-H2", "half"),
    # Named seasons: the value holds the whole season (spring is Mar-May, so a first half)
    ("in the summer of 2023", "month", "2023-mid", "season"),
    ("summer 2023", "none", "2023-mid", "season"),
    ("the autumn of 2019", "none", "2019-late", "season"),
    ("the fall of 2021", "none", "2021-late", "season"),
    ("last summer", "month", "2025-mid", "season"),
    ("last autumn", "month", "2025-late", "season"),
    ("last spring", "month", "2025-H1", "half"),
    ("this spring", "month", "2026-H1", "half"),
    ("next summer", "month", "2026-mid", "season"),
    ("in the spring of last year", "month", "2025-H1", "half"),  # the season, not just the year
    ("the summer of next year", "month", "2027-mid", "season"),
    ("last summer", "season", "2018-mid", "season"),
    ("winter of 2022", "none", None, None),  # December to February: two years
    ("fall", "month", None, None),  # alone, mostly the verb
    ("the summer", "month", None, None),  # which one the text does not say
    # Relative to a day (Tuesday 2026-01-27)
    ("a year ago", "day", "2025", "year"),  # never finer than the unit counted in
    ("on Saturday", "day", "2026-01-24", "day"),
    ("An hour ago", "day", "2026-01-27", "day"),  # a few hours back: the same day
    ("30 minutes ago", "day", "2026-01-27", "day"),
    ("on Tuesday", "day", "2026-01-27", "day"),
    ("last Tuesday", "day", "2026-01-20", "day"),
    ("next Monday", "day", "2026-02-02", "day"),
    ("yesterday", "day", "2026-01-26", "day"),
    ("two weeks ago", "day", "2026-01-13", "day"),
    ("earlier this month", "day", "2026-01", "month"),
    ("in March", "day", "2025-03", "month"),
    # Coarse anchors
    ("earlier this month", "year", "2024", "year"),
    ("last year", "year", "2023", "year"),
    ("a year ago", "year", "2023", "year"),
    ("last year", "season", "2018", "year"),
    ("a year ago", "season", "2018", "year"),
    ("by the end of 2018", "season", "2018-late", "season"),
    ("a year ago", "quarter", "2025", "year"),
    ("two quarters ago", "month", "2025-Q3", "quarter"),
    ("this month", "quarter", "2026-Q1", "quarter"),
    # Not resolvable without inventing precision, or not dates at all
    ("last month", "quarter", None, None),  # 2025-12, 2026-01 or 2026-02
    ("in March", "year", None, None),  # 2023-03 or 2024-03
    ("on Saturday", "month", None, None),  # needs a day anchor
    ("last year", "none", None, None),
    ("a year ago", "none", None, None),
    ("the following year", "none", None, None),  # no previous date
    ("the last year", "month", None, None),  # a duration
    ("last week", "month", None, None),
    # "this week": no week precision; the smallest period holding the week of every anchor day
    ("this week", "day", "2026-Q1", "quarter"),  # Mon 26 January - Sun 1 February
    ("earlier this week", "day", "2026-Q1", "quarter"),
    ("this week", "month", None, None),  # the week of 1 January 2026 starts in 2025
    ("this week", "year", None, None),  # so does the last week of 2024 end in 2025
    ("last week", "day", "2026-01", "month"),  # Mon 19 - Sun 25 January
    ("next week", "day", "2026-02", "month"),  # Mon 2 - Sun 8 February
    ("in recent years", "month", None, None),
    ("early", "month", None, None),
    ("1,000", "none", None, None),
    ("$2,019", "none", None, None),
    ("12,333", "none", None, None),
    ("3.16", "none", None, None),
    ("HF130", "none", None, None),
    ("NX9031", "none", None, None),
    ("DF30", "none", None, None),
    ("2019 vehicles", "none", None, None),
    ("2024-13", "none", None, None),
    ("February 30, 2024", "none", None, None),
    ("Q5 2025", "none", None, None),
    ("may", "none", None, None),
    ("from May 2021 to May 2024", "none", None, None),  # two dates: use find_dates
]


@pytest.mark.parametrize(("text", "anchor", "value", "precision"), TABLE)
def test_normalize_date_table(text, anchor, value, precision):
    result = normalize_date(text, ANCHORS[anchor])
    if value is None:
        assert result is None
    else:
        assert result is not None
        assert (result.value, result.precision) == (value, precision)
        assert result == make_date(value, origin=result.origin)  # bounds match the value


def test_table_is_large_enough():
    assert len(TABLE) >= 90
    assert len({t for t, *_ in TABLE}) >= 90


@pytest.mark.parametrize(("text", "anchor", "origin"), [
    ("late 2023", MONTH, "stated"),
    ("January 6", MONTH, "resolved"),
    ("last year", MONTH, "resolved"),
    ("March 2021", None, "stated"),
    ("the following year", None, None),
])
def test_origin(text, anchor, origin):
    result = normalize_date(text, anchor)
    assert (result.origin if result else None) == origin


@pytest.mark.parametrize(("text", "previous", "value", "precision"), [
    ("the following year", "2016", "2017", "year"),
    ("two years later", "2021-03", "2023", "year"),
    ("a decade later", "1964", "197X", "decade"),
    ("the same year", "2013", "2013", "year"),
    ("that year", "2023-late", "2023", "year"),
    ("the following month", "2021-03", "2021-04", "month"),
    ("three years earlier", "2019", "2016", "year"),
    ("the previous autumn", "2018", "2017-late", "season"),
    ("the following spring", "2020-09", "2021-H1", "half"),
    ("that summer", "2020-03", "2020-mid", "season"),
    ("two years later", "199X", None, None),  # a decade cannot move by two years
    ("days later", "2024-08", "2024-08", "month"),  # a few days after a month: that month, no day
    ("a few days later", "2024-08-03", "2024-08", "month"),
    ("days later", "2024-08-28", None, None),  # may be September
    ("the next day", "2024-08-31", "2024-09-01", "day"),
    ("the same day", "2024-08-03", "2024-08-03", "day"),
    ("hours later", "2024-08-03", "2024-08-03", "day"),
    ("the next day", "2024", None, None),  # a year's next day is no date
])
def test_normalize_date_previous(text, previous, value, precision):
    result = normalize_date(text, MONTH, previous=make_date(previous))
    got = (result.value, result.precision) if result is not None else (None, None)
    assert got == (value, precision)
    if value is not None:
        assert result.origin == "resolved"


# ---------------------------------------------------------------------------------------
# make_date
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "precision", "earliest", "latest"), [
    ("2026-01-06", "day", date(2026, 1, 6), date(2026, 1, 6)),
    ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("2025-Q4", "quarter", date(2025, 10, 1), date(2025, 12, 31)),
    ("2024-H2", "half", date(2024, 7, 1), date(2024, 12, 31)),
    ("2023-early", "season", date(2023, 1, 1), date(2023, 4, 30)),
    ("2025-mid", "season", date(2025, 5, 1), date(2025, 8, 31)),
    ("2023-late", "season", date(2023, 9, 1), date(2023, 12, 31)),
    ("2025", "year", date(2025, 1, 1), date(2025, 12, 31)),
    ("199X", "decade", date(1990, 1, 1), date(1999, 12, 31)),
])
def test_make_date_bounds(value, precision, earliest, latest):
    assert make_date(value) == DateValue(value=value, precision=precision, earliest=earliest,
                                         latest=latest, origin="stated")


def test_make_date_canonicalises_and_keeps_origin():
    assert make_date(" 2025-q4 ").value == "2025-Q4"
    assert make_date("2021-3").value == "2021-03"
    assert make_date("2024-Late").value == "2024-late"
    assert make_date("2026-01", origin="metadata").origin == "metadata"


@pytest.mark.parametrize(("value", "fragment"), [
    ("2024-13", "months run 01-12"),
    ("2023-02-29", "February 2023 has 28 days"),
    ("2025-Q5", "quarters run Q1-Q4"),
    ("2025-H3", "halves are H1 and H2"),
    ("0000", "years run 0001-9999"),
    ("last year", "Write YYYY, YYYY-MM, YYYY-MM-DD"),
    ("", "is not a date"),
])
def test_make_date_errors(value, fragment):
    with pytest.raises(DateError, match=fragment) as info:
        make_date(value)
    assert repr(value) in str(info.value)


# ---------------------------------------------------------------------------------------
# find_dates on seed sentences (copied from seeds/000-004)
# ---------------------------------------------------------------------------------------

def at(text, part, value, precision, role="event"):
    """The expected match for the first occurrence of ``part`` in ``text``."""
    return (text.index(part), part, value, precision, role)


def spans(text, anchor):
    found = find_dates(text, anchor)
    for m in found:
        assert isinstance(m, DateMatch)
        assert text[m.start:m.end] == m.text
    assert [m.start for m in found] == sorted(m.start for m in found)
    return [(m.start, m.text, m.value.value, m.value.precision, m.role) for m in found]


def test_find_dates_seed_000_relative():
    text = ("The framework agreement signed by Nio and the two automotive giants headquartered "
            "in Anhui province earlier this month was a preliminary direction.\n"
            "The cooperation began at a special provincial government meeting at the end of "
            "last year attended by Chery Chairman Yin Tongyue.")
    assert spans(text, MONTH) == [
        at(text, "earlier this month", "2026-01", "month"),
        at(text, "the end of last year", "2025-late", "season"),
    ]
    assert find_dates(text, None) == []  # relative only: nothing without an anchor


def test_find_dates_seed_000_history():
    text = ("The EV maker produced vehicles under JAC’s name through a joint venture "
            "established in March 2021.\n"
            "In late 2023, Nio acquired selected fixed assets and equipment from the two JAC "
            "plants for 3.16 billion yuan ($441 million).\n"
            "In mid-2025, Nio dissolved the joint venture.")
    assert spans(text, MONTH) == [
        at(text, "March 2021", "2021-03", "month"),
        at(text, "late 2023", "2023-late", "season"),
        at(text, "mid-2025", "2025-mid", "season"),
    ]


def test_find_dates_seed_000_bare_month_and_quarter():
    text = ("The deal deepens a relationship that began when CATL supplied batteries for "
            "Nio‘s first vehicle in 2018 and expanded in March when CATL invested up to 2.5 "
            "billion yuan ($300 million). A year ago, several local media reported that "
            "Chery’s sub-brand Exeed was set to launch battery swap-enabled models in the "
            "third quarter of 2025.\nAs of January 25, no Exeed models had been released.")
    assert spans(text, MONTH) == [
        at(text, "2018", "2018", "year"),
        at(text, "March", "2025-03", "month"),
        at(text, "A year ago", "2025", "year"),
        at(text, "the third quarter of 2025", "2025-Q3", "quarter"),
        at(text, "As of January 25", "2026-01-25", "day", "as_of"),
    ]


def test_find_dates_range_and_target():
    text = ("Zuo Yanan, He was the chairman of JAC from 1997 to 2021.\n"
            "By 2027, Hefei's new-energy vehicles are expected to use about 4.83 billion "
            "chips, worth roughly 40.8 billion yuan.")
    assert spans(text, YEAR) == [
        (43, "1997", "1997", "year", "range_start"),
        (51, "2021", "2021", "year", "range_end"),
        (57, "By 2027", "2027", "year", "target"),
    ]


def test_find_dates_by_the_end_of():
    text = ("By the end of 2018, JAC had a total of 12,333 authorised patents, including "
            "1,750 invention patents.")
    assert spans(text, None) == [(0, "By the end of 2018", "2018-late", "season", "as_of")]
    assert spans(text, SEASON)[0][-1] == "as_of"
    future = "By the end of 2026, NIO will have 5,000 swap stations."
    assert spans(future, MONTH) == [(0, "By the end of 2026", "2026-late", "season",
                                     "target")]
    assert spans("The company aims to sell one million vehicles by 2025.", None)[0][-1] == \
        "target"


def test_find_dates_ignores_models_and_amounts():
    text = ("NIO is developing the Shenji NX9031 assisted-driving chip, packing more than 50 "
            "billion transistors. Dongfeng Motor has developed the DF30, a high-performance "
            "MCU. By volume, a car carries around 400 chips, a new-energy vehicle near 1,000, "
            "and highly intelligent models can exceed 1,500. JAC had a total of 12,333 "
            "authorised patents and income exceeded CNY230bn (US$33.40bn), or $2,019 each, "
            "with 2000 vehicles.\n"
            "Their dedication bore fruit in 1968 with the production of the HF130 truck.")
    assert spans(text, None) == [(443, "1968", "1968", "year", "event")]


def test_find_dates_quarters_from_seed_002():
    text = ("Integrated stores moving downmarket and a slate of cost-cutting measures aimed at "
            "fourth-quarter profit. In December, NIO delivered 48,135 vehicles. Li "
            "acknowledged a third-quarter loss of 2.7 billion yuan, but noted that \"we "
            "delivered more high-margin models in Q4.\" Since late 2024, it has adjusted the "
            "smartphone program.")
    assert [(t, v, r) for _, t, v, _, r in spans(text, MONTH)] == [
        ("fourth-quarter", "2025-Q4", "event"),
        ("December", "2025-12", "event"),
        ("third-quarter", "2025-Q3", "event"),
        ("Q4", "2025-Q4", "event"),
        ("Since late 2024", "2024-late", "event"),
    ]


def test_find_dates_previous_and_ranges():
    text = ("JAC and Nio joined forces in 2016. The following year, JAC built a plant; two "
            "years later it doubled output. Sales grew from May 2021 to May 2024, and "
            "between 2019 and 2021 exports tripled; the 2019-2021 plan worked.")
    assert [(t, v, r) for _, t, v, _, r in spans(text, None)] == [
        ("2016", "2016", "event"),
        ("The following year", "2017", "event"),
        ("two years later", "2019", "event"),
        ("May 2021", "2021-05", "range_start"),
        ("May 2024", "2024-05", "range_end"),
        ("2019", "2019", "range_start"),
        ("2021", "2021", "range_end"),
        ("2019", "2019", "range_start"),
        ("2021", "2021", "range_end"),
    ]


def test_find_dates_range_side_borrows_year():
    text = "Output rose from January to March 2025 and fell from November to February 2026."
    assert [(t, v, r) for _, t, v, _, r in spans(text, None)] == [
        ("January", "2025-01", "range_start"),
        ("March 2025", "2025-03", "range_end"),
        ("November", "2025-11", "range_start"),
        ("February 2026", "2026-02", "range_end"),
    ]


def test_find_dates_weekday_needs_a_day_anchor():
    text = "NIO said on Saturday that deliveries rose."
    assert spans(text, DAY) == [at(text, "Saturday", "2026-01-24", "day")]
    assert spans(text, MONTH) == []


def test_find_dates_bare_month_needs_a_cue():
    text = "May we say that March madness and April Fools are not dates, but in April they are."
    assert spans(text, MONTH) == [(text.rindex("April"), "April", "2025-04", "month", "event")]
    listed = "Sales fell in March and April."
    assert [t for _, t, *_ in spans(listed, MONTH)] == ["March", "April"]


def test_find_dates_prior_to_is_a_range_end():
    text = "Prior to December 2023, nearly all NIO vehicles were contract manufactured by JAC."
    assert spans(text, YEAR) == [(0, "Prior to December 2023", "2023-12", "month",
                                  "range_end")]


def test_this_week_is_its_month_when_the_week_lies_in_one():
    assert normalize_date("this week", date(2024, 8, 14)).value == "2024-08"
    # an article dated only to August 2024: its week may begin in July or end in September
    assert normalize_date("this week", make_date("2024-08")).value == "2024-Q3"
    [(t, v, r)] = [(t, v, r) for _, t, v, _, r in spans("The company said this week that it had raised money.",
                                                       date(2024, 8, 14))]
    assert (t, v, r) == ("this week", "2024-08", "event")


def test_find_dates_dates_after_anchor_are_targets():
    text = "Chery Group announced a 2026 sales target; the plant opens in 2027."
    assert [(t, r) for _, t, _, _, r in spans(text, make_date("2025-06"))] == [
        ("2026", "target"), ("2027", "target")]


# ---------------------------------------------------------------------------------------
# estimate_published
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("HEFEI, March 27, 2021 — JAC and NIO signed an agreement.", "2021-03-27"),
    ("March 27, 2021 — JAC and NIO signed an agreement.", "2021-03-27"),
    ("BEIJING, Jan. 6, 2026 (Reuters) - NIO rolled out its millionth car.", "2026-01-06"),
    ("NIO at a million\nHEFEI, China, 6 January 2026 /PRNewswire/ -- NIO said", "2026-01-06"),
    # a page's date line, weekday first and day first
    ("KESTREL INDUSTRY ROUND-UP\nTuesday 17 October 2028\n\nKestrel signed up Orla.", "2028-10-17"),
])
def test_estimate_published_dateline(text, value):
    result = estimate_published(text)
    assert (result.value, result.precision, result.origin) == (value, "day", "stated")


def test_estimate_published_as_of():
    text = ("As of March 31, 2024, the company operated 2,400 swap stations. It aims to have "
            "4,000 by 2025 and expects to break even in 2026.")
    result = estimate_published(text)
    assert (result.value, result.precision, result.origin) == ("2024-03", "month", "estimated")


def test_estimate_published_full_year_seed_004():
    text = ("As early as 2013, the two sides signed a strategic cooperation agreement. "
            "In 2018, JAC sold more than 260,000 vehicles. In 2018, the income exceeded "
            "CNY230bn (US$33.40bn). By the end of 2018, JAC had a total of 12,333 authorised "
            "patents, including 1,750 invention patents.")
    result = estimate_published(text)
    assert (result.value, result.precision, result.origin) == ("2019-early", "season",
                                                               "estimated")


def test_estimate_published_ignores_targets_seed_003():
    text = ("JAC’s story begins in 1964. Zuo Yanan, He was the chairman of JAC from 1997 to "
            "2021.\n\nPrior to December 2023, nearly all NIO vehicles were contract "
            "manufactured by JAC Motors.\n\nThe company has set ambitious goals, aiming to "
            "achieve one million vehicle sales and significant revenue growth by 2025.\n\n"
            "In a 2023 announcement, JAC Motors announced a collaboration with Huawei.")
    result = estimate_published(text)
    assert result.value == "2024-early"
    assert date(2023, 12, 1) <= result.earliest and result.latest <= date(2024, 12, 31)


def test_estimate_published_ignores_what_is_still_to_be_done():
    text = ("In July 2024 Kestrel bought 65% of Lumen Rubber for $42 million.\n"
            "- Arden won an order worth 60 million euros, to be delivered from 2026 to 2030.")
    assert estimate_published(text).value == "2024-07"


@pytest.mark.parametrize(("text", "value"), [
    ("LUMEN WORKS\n\nNotes due 2035\n\nThe date of this Offering Circular is 3 March 2031.\n"
     "In 2030 we sold 9,000 pumps.", "2031-03-03"),
    ("Annual address (excerpt)\n\nDelivered to the Arden Assembly on 9 January 2031 by the "
     "Mayor\n\nII. Tasks for 2031\nWe will build a new depot.", "2031-01-09"),
    ("Notice on the sale of Orla Pumps\n\nIn 2030 Kestrel bought 40% of Orla Pumps.\n\n"
     "The Board of Directors of Kestrel Motors Co., Ltd.\nDecember 12, 2030", "2030-12-12"),
    ("Reply to Proposal No. 12\n\nWe thank the Deputy.\n\nArden Bureau of Industry\n"
     "Arden, 28 May 2031\n\n(This reply is made public.)", "2031-05-28"),
])
def test_estimate_published_the_document_states_its_own_day(text, value):
    result = estimate_published(text)
    assert (result.value, result.precision, result.origin) == (value, "day", "stated")


def test_estimate_published_a_dated_line_inside_the_text_is_no_signature():
    text = ("In 2030 Kestrel bought 40% of Orla Pumps.\n\nTimeline:\n"
            "Arden, 28 May 2029\nThe first pumps were shipped.\n\nMore lines follow.\n"
            "And more.\nAnd the last one.")
    assert estimate_published(text).value == "2031-early"
    text = "Issued to all staff\n\nMemo\n\nPlease note\nIssued on 2 May 2030 by HR\n"
    assert estimate_published(text).value == "2030-05"


def test_estimate_published_nothing_usable():
    assert estimate_published("BEIJING (Reuters) - NIO said on Tuesday it would grow.") is None
    assert estimate_published("Sales will reach two million in 2027.") is None
    assert estimate_published("") is None


# ---------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------

def reference(precision: str, year: int, k: int) -> tuple[str, date, date]:
    """Value and bounds computed independently of the module, from calendar only."""
    if precision == "day":
        d = date(year, 1, 1).fromordinal(date(year, 1, 1).toordinal() + k % 365)
        return d.isoformat(), d, d
    if precision == "month":
        m = k % 12 + 1
        return f"{year}-{m:02d}", date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1])
    if precision == "quarter":
        q = k % 4 + 1
        last = 3 * q
        return (f"{year}-Q{q}", date(year, last - 2, 1),
                date(year, last, calendar.monthrange(year, last)[1]))
    if precision == "half":
        h = k % 2 + 1
        return (f"{year}-H{h}", date(year, 6 * h - 5, 1),
                date(year, 6 * h, 30 if h == 1 else 31))
    if precision == "season":
        name = ("early", "mid", "late")[k % 3]
        first = {"early": 1, "mid": 5, "late": 9}[name]
        last = first + 3
        return (f"{year}-{name}", date(year, first, 1),
                date(year, last, calendar.monthrange(year, last)[1]))
    if precision == "year":
        return str(year), date(year, 1, 1), date(year, 12, 31)
    decade = year - year % 10
    return f"{decade // 10}X", date(decade, 1, 1), date(decade + 9, 12, 31)


PRECISIONS = ("day", "month", "quarter", "half", "season", "year", "decade")
date_values = st.builds(
    lambda p, y, k: DateValue(value=reference(p, y, k)[0], precision=p,
                              earliest=reference(p, y, k)[1], latest=reference(p, y, k)[2]),
    st.sampled_from(PRECISIONS), st.integers(1900, 2099), st.integers(0, 400),
)
anchors = st.one_of(
    st.none(),
    st.dates(date(1950, 1, 1), date(2090, 12, 31)),
    date_values.filter(lambda v: v.precision != "decade"),
)


@given(date_values)
def test_make_date_round_trips(value):
    assert value.earliest <= value.latest
    assert make_date(value.value) == value


PAST = ["last year", "a year ago", "earlier this month", "last March", "end of last year",
        "two years ago", "last month", "at the end of last year", "late last year",
        "three months ago", "last quarter", "yesterday", "last Tuesday", "A decade ago",
        "in March", "earlier this year", "this month", "on Saturday", "last summer", "last autumn",
        "last spring"]
STRICTLY_PAST = {"last summer", "last autumn", "last spring",
                 "last year", "a year ago", "last March", "end of last year", "two years ago",
                 "last month", "at the end of last year", "late last year", "three months ago",
                 "last quarter", "yesterday", "last Tuesday", "A decade ago"}


@settings(max_examples=300)
@given(st.sampled_from(PAST), anchors)
def test_past_words_never_land_after_the_anchor(text, anchor):
    """Property: a past expression starts no later than the anchor's first day, and a
    strictly past one ("last ...", "... ago") ends before the anchor's first day.  (Its
    latest day can pass the anchor's latest only for "earlier this month" with a day
    anchor, which is why the property is stated on the first day.)"""
    result = normalize_date(text, anchor)
    if anchor is None:
        assert result is None
        return
    first = anchor if isinstance(anchor, date) else anchor.earliest
    if result is not None:
        assert result.earliest <= first
        if text in STRICTLY_PAST:
            assert result.latest < first
        assert result.origin == "resolved"


EXPRESSIONS = [t for t, *_ in TABLE] + PAST


@settings(max_examples=300)
@given(st.sampled_from(EXPRESSIONS), anchors)
def test_normalising_a_value_gives_the_same_value(text, anchor):
    """Property: normalising a result's written value gives the same date (the origin is
    then "stated")."""
    result = normalize_date(text, anchor)
    if result is not None:
        again = normalize_date(result.value, anchor)
        assert again is not None
        assert (again.value, again.precision, again.earliest, again.latest) == \
            (result.value, result.precision, result.earliest, result.latest)
        assert again.earliest <= again.latest


MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]
FORMS = [
    (lambda y, m, d: f"in {y}", "year"),
    (lambda y, m, d: f"In {y}, sales rose", "year"),
    (lambda y, m, d: f"by the end of {y}", "season"),
    (lambda y, m, d: f"{('early', 'mid-', 'late')[d % 3]} {y}".replace("- ", "-"), "season"),
    (lambda y, m, d: f"{MONTH_NAMES[m - 1]} {y}", "month"),
    (lambda y, m, d: f"the {('first', 'second', 'third', 'fourth')[m % 4]} quarter of {y}",
     "quarter"),
    (lambda y, m, d: f"the {('first', 'second')[m % 2]} half of {y}", "half"),
    (lambda y, m, d: f"{MONTH_NAMES[m - 1]} {d}, {y}", "day"),
    (lambda y, m, d: f"the {y - y % 10}s", "decade"),
]


@settings(max_examples=300)
@given(st.sampled_from(FORMS), st.integers(1900, 2099), st.integers(1, 12),
       st.integers(1, 28), anchors)
def test_precision_is_never_finer_than_the_text(form, year, month, day, anchor):
    """Property: "in YYYY" stays a year, "March 2021" a month, "late 2023" a season ...,
    whatever the anchor, in normalize_date and in find_dates on a sentence."""
    make, precision = form
    text = make(year, month, day)
    sentence = f"Reported: {text}, up 12% on 1,000 units."
    found = find_dates(sentence, anchor)
    assert len(found) == 1
    assert found[0].value.precision == precision
    assert found[0].value.origin == "stated"
    assert found[0].value.earliest.year >= year - year % 10
    if not text.endswith("sales rose"):
        assert normalize_date(text, anchor) == found[0].value


fragments = st.sampled_from(
    [t for t, *_ in TABLE] + ["the", "a", "sales", "rose", "1,000", "3.16", "HF130", "$2,019",
                              ",", ".", "\n", "by", "in", "from", "to", "and", "between"]
)


@settings(max_examples=200)
@given(st.lists(fragments, max_size=30), anchors)
def test_find_dates_offsets_are_exact(parts, anchor):
    text = " ".join(parts)
    found = find_dates(text, anchor)
    end = 0
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.start >= end  # sorted, not overlapping
        end = m.end
        assert m.value.earliest <= m.value.latest


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Monday", "day", "May", "Mayday", "2025", "1", " ", "March", "Mar", "h",
                                 "year", "Year", "YEAR", "s", "DEC", "December", "fall", "-", "the "]), max_size=20))
def test_core_tokens_are_those_a_scan_of_their_alternation_finds(parts):
    import re

    from anhui_kg.extraction.dates import _CORE_SHORTEST_WORDS, _CORE_TOKENS
    from anhui_kg.extraction.literals import trie

    text = "".join(parts)
    found = [(m.start(), m.end()) for m in re.finditer(trie(_CORE_SHORTEST_WORDS), text)]
    assert list(zip(*_CORE_TOKENS.scan(text))) == found


def test_a_page_covering_a_week_is_estimated_to_appear_on_its_last_day():
    v = estimate_published("THE WEEK IN KESTREL AUTOS\nWeek 9: Monday 24 February to Friday 28 February 2031\n\n"
                           "The contract was signed on Tuesday.")
    assert (v.value, v.precision, v.origin) == ("2031-02-28", "day", "estimated")


def test_a_page_header_naming_its_issue_day_dates_the_page():
    v = estimate_published("KESTREL AUTOS: THE MONTH IN REVIEW\nMay 2031 | Issue of Thursday, 5 June 2031\n\n"
                           "Lumen ordered samples for the end of 2032.")
    assert (v.value, v.precision) == ("2031-06-05", "day")


def test_the_start_of_the_month_is_the_month_in_focus():
    issued = make_date("2031-06-05")
    alone = find_dates("Lumen closed its round at the start of the month.", issued)
    assert [(m.text, m.value.value, m.value.precision) for m in alone] == [
        ("the start of the month", "2031-06", "month")]
    review = find_dates("Kestrel agreed in mid-May to buy it. Lumen closed its round at the end of the month.",
                        issued)
    assert [m.value.value for m in review] == ["2031-05", "2031-05"]
    earlier = find_dates("Kestrel signed on 3 February. Lumen closed its round at the end of the month.", issued)
    assert [m.value.value for m in earlier] == ["2031-02-03", "2031-06"]
    # (the last month or day named, not a target named in between)
    past_target = find_dates("Kestrel signed on 30 May. Samples are due by the end of 2032. "
                             "Lumen closed its round at the start of the month.", issued)
    assert [m.value.value for m in past_target][-1] == "2031-05"


@pytest.mark.parametrize("text, value", [
    ("15/10/2031", "2031-10-15"),  # day first, as most of the world writes it
    ("10/15/2031", "2031-10-15"),  # the first number cannot be a day's
    ("7/7/2031", "2031-07-07"),
    ("4/10/2031", "2031"),  # 4 October or 10 April: only the year is certain
])
def test_slash_separated_days(text, value):
    assert normalize_date(text, None).value == value


def test_a_dateline_with_a_slash_separated_day_dates_the_article():
    v = estimate_published("Kestrel signs graphite offtake\n\nMAPUTO, 15/10/2031 (Synthetic Wire) – Kestrel will buy ...")
    assert (v.value, v.origin) == ("2031-10-15", "stated")
