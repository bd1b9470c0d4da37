"""Dates: English temporal expressions -> ``DateValue`` at the precision the text gave.

Stage contract
--------------
In: a text (a whole article, or a single expression) and the article's publication
date as the *anchor* (a ``DateValue`` of any precision, a ``datetime.date``, or
``None``).  Out: ``DateValue`` objects (value, precision, earliest/latest day, origin)
and, for a whole text, ``DateMatch`` objects with exact character offsets
(``text[m.start:m.end] == m.text``).  Pure: no clock, no I/O, no printing.

Rules
-----
- Precision is never invented: "in 2013" is the year 2013, "mid-2025" is ``2025-mid``
  (season), "the 1990s" and "the mid-1990s" are the decade ``199X``.
- ``origin`` is ``"stated"`` when the text gave the date whole and ``"resolved"`` when it
  was computed from a relative expression and the anchor (or the previous date).
- A relative expression is resolved only when the answer is the same for *every* day the
  anchor can mean.  With an anchor of ``2026-01``, "in March" is ``2025-03`` (the most
  recent March starting on or before the anchor); with an anchor of ``2026`` it could be
  ``2025-03`` or ``2026-03``, so it gives ``None``.  Weekdays therefore need a day anchor.
  (The resolvers are monotone in the day, so checking the anchor's first and last day is
  enough.)
- Relative *past* words ("last year", "a year ago", "last month", "last March", "end of
  last year", "two years ago") never land after the anchor: their latest day is before the
  anchor's earliest day.  "earlier this month" / "earlier this year" give the anchor's
  month / year (or the anchor itself when it is coarser than a month).
- "a year ago" is the anchor minus one year at the anchor's precision, never finer than the
  unit counted in ("two years ago" is a year, "three months ago" a month); "two years
  later" / "the following year" / "a decade later" use ``previous``, the
  last date mentioned before the expression.  Decades stay decades ("a decade later"
  after 1964 is ``197X``).
- A month and day without a year ("January 6") takes the year of the most recent such
  month starting on or before the anchor; a weekday ("on Saturday") is the most recent
  such day on or before the anchor.
- "the end of 2025" / "end-2025" / "year-end 2025" is the season ``2025-late``; so is
  "by the end of 2018" (role ``as_of`` when it is not after the anchor, ``target`` when it
  is).  "earlier this year" is a year, not a season.

Roles of ``DateMatch``: ``as_of`` ("as of", "as at"); ``target`` ("by 2027" when after the
anchor, or, without an anchor, unless the clause is in the past tense; any date wholly
after the anchor); ``range_start`` / ``range_end`` ("from X to Y", "between X and Y",
"2019-2021"; "until", "through", "prior to", "before" give a lone ``range_end``);
``event`` otherwise ("since 2018" is an event).  A match span includes the role words
("as of January 25", "by 2027") and phrase words ("the end of last year"), but not plain
prepositions ("in", "on", "at", "during"); in a range only the two dates are spans.
Expressions that cannot be resolved (relative ones without an anchor) are not returned.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from ..errors import DateError
from ..models import DateOrigin, DateValue
from .literals import Words, trie

__all__ = ["DateMatch", "estimate_published", "find_dates", "make_date", "normalize_date"]

Role = Literal["event", "target", "as_of", "range_start", "range_end"]


class DateMatch(BaseModel):
    """A temporal expression found in a text: ``text == article[start:end]``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    text: str
    value: DateValue
    role: Role = "event"


# ---------------------------------------------------------------------------------------
# Values and their bounds
# ---------------------------------------------------------------------------------------

_SEASONS = ("early", "mid", "late")
_PER_YEAR = {"month": 12, "quarter": 4, "half": 2, "season": 3, "year": 1}
_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "season": 4, "year": 12}
# Finest first; used to compare precisions.
_ORDER = ("day", "month", "quarter", "season", "half", "year", "decade", "unknown")
_FORMS = ("Write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-H1/H2, YYYY-early/mid/late "
          "or YYYX for a decade.")


@lru_cache(maxsize=1 << 14)  # the same dates recur; a DateValue is frozen, so one can be shared
def _dv(value: str, precision: str, earliest: date, latest: date, origin: str) -> DateValue:
    # Inputs are built here from checked integers, so validation would only cost time.
    return DateValue.model_construct(value=value, precision=precision, earliest=earliest,
                                     latest=latest, origin=origin)


def _period(unit: str, year: int, index: int, origin: str) -> DateValue:
    """The ``index``-th (0-based) month/quarter/half/season of ``year``, or the year."""
    if unit == "year":
        return _dv(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), origin)
    span = _MONTHS_IN[unit]
    first = index * span + 1
    last = first + span - 1
    earliest = date(year, first, 1)
    latest = date(year, last, calendar.monthrange(year, last)[1])
    if unit == "month":
        value = f"{year:04d}-{first:02d}"
    elif unit == "quarter":
        value = f"{year:04d}-Q{index + 1}"
    elif unit == "half":
        value = f"{year:04d}-H{index + 1}"
    else:
        value = f"{year:04d}-{_SEASONS[index]}"
    return _dv(value, unit, earliest, latest, origin)


def _day(year: int, month: int, day: int, origin: str) -> DateValue:
    d = date(year, month, day)
    return _dv(d.isoformat(), "day", d, d, origin)


def _decade(year: int, origin: str) -> DateValue:
    start = year - year % 10
    return _dv(f"{start // 10:03d}X", "decade", date(start, 1, 1), date(start + 9, 12, 31),
               origin)


def _index(unit: str, d: date) -> int:
    return 0 if unit == "year" else (d.month - 1) // _MONTHS_IN[unit]


def _coarsen(v: DateValue, unit: str, origin: str) -> DateValue | None:
    """The ``unit`` period that contains all of ``v``, or None if ``v`` spans two."""
    e, lt = v.earliest, v.latest
    if unit == "day":
        return _day(e.year, e.month, e.day, origin) if e == lt else None
    if unit == "decade":
        return _decade(e.year, origin) if e.year // 10 == lt.year // 10 else None
    if e.year != lt.year or _index(unit, e) != _index(unit, lt):
        return None
    return _period(unit, e.year, _index(unit, e), origin)


def _shift(v: DateValue, unit: str, n: int, origin: str) -> DateValue | None:
    """Move a value that is exactly one ``unit`` period by ``n`` such periods."""
    try:
        if unit == "decade":
            return _decade(v.earliest.year + 10 * n, origin)
        if unit == "day":
            d = v.earliest + timedelta(days=n)
            return _day(d.year, d.month, d.day, origin)
        per = _PER_YEAR[unit]
        year, index = divmod(v.earliest.year * per + _index(unit, v.earliest) + n, per)
        return _period(unit, year, index, origin)
    except (ValueError, OverflowError):
        return None


def _shift_months(v: DateValue, months: int, origin: str) -> DateValue | None:
    """``v`` moved by ``months`` at its own precision, never finer than a month."""
    precision = "month" if v.precision == "day" else v.precision
    if precision == "decade":
        if months % 120:
            return None
        return _shift(v, "decade", months // 120, origin)
    if precision not in _MONTHS_IN or months % _MONTHS_IN[precision]:
        return None
    base = _coarsen(v, precision, origin)
    return None if base is None else _shift(base, precision, months // _MONTHS_IN[precision],
                                            origin)


_VALUE_RX = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?|[Qq](?P<q>\d)|[Hh](?P<h>\d)"
    r"|(?P<s>early|mid|late|EARLY|MID|LATE|Early|Mid|Late)))?|(?P<dec>\d{3})[Xx]"
)


def make_date(value: str, origin: DateOrigin = "stated") -> DateValue:
    """Parse a written date value into a ``DateValue`` with its bounds.

    Parameters
    ----------
    value : str
        ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY-Qn``, ``YYYY-H1``/``H2``,
        ``YYYY-early``/``mid``/``late``, ``YYYY`` or a decade ``YYYX`` (e.g. ``199X``).
    origin : DateOrigin
        Recorded on the result; ``"stated"`` by default.

    Returns
    -------
    DateValue
        In canonical form (``2025-q4`` becomes ``2025-Q4``, ``2021-3`` becomes ``2021-03``).

    Raises
    ------
    DateError
        If ``value`` is not one of those forms or names a day that does not exist.

    Examples
    --------
    >>> v = make_date("2023-late")
    >>> v.precision, v.earliest.isoformat(), v.latest.isoformat()
    ('season', '2023-09-01', '2023-12-31')
    >>> make_date("2025-Q4").latest.isoformat()
    '2025-12-31'
    >>> make_date("2024-13")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    anhui_kg.errors.DateError: '2024-13' is not a date: months run 01-12. Write YYYY, ...
    """
    text = value.strip() if isinstance(value, str) else ""
    m = _VALUE_RX.fullmatch(text)
    if m is None:
        raise DateError(f"{value!r} is not a date. {_FORMS}")

    def fail(reason: str) -> DateError:
        return DateError(f"{value!r} is not a date: {reason}. {_FORMS}")

    if m["dec"] is not None:
        start = int(m["dec"]) * 10
        if start == 0:
            raise fail("decades start at 001X (the years 10-19)")
        return _decade(start, origin)
    year = int(m["y"])
    if year == 0:
        raise fail("years run 0001-9999")
    if m["m"] is not None:
        month = int(m["m"])
        if not 1 <= month <= 12:
            raise fail("months run 01-12")
        if m["d"] is None:
            return _period("month", year, month - 1, origin)
        day = int(m["d"])
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise fail(f"{calendar.month_name[month]} {year} has {days} days")
        return _day(year, month, day, origin)
    if m["q"] is not None:
        if not 1 <= int(m["q"]) <= 4:
            raise fail("quarters run Q1-Q4")
        return _period("quarter", year, int(m["q"]) - 1, origin)
    if m["h"] is not None:
        if m["h"] not in ("1", "2"):
            raise fail("halves are H1 and H2")
        return _period("half", year, int(m["h"]) - 1, origin)
    if m["s"] is not None:
        return _period("season", year, _SEASONS.index(m["s"].lower()), origin)
    return _period("year", year, 0, origin)


# ---------------------------------------------------------------------------------------
# The grammar: one pattern per kind of expression, joined into one compiled regex
# ---------------------------------------------------------------------------------------

_MONTH_WORDS = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTH_NUM = {w[:3].lower(): i + 1 for i, w in enumerate(_MONTH_WORDS)}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Month and weekday names are matched case-sensitively (capitalised or upper case), so
# the verbs "may" and "march" are not months.
MONTH = ("(?:(?:" + "|".join([*_MONTH_WORDS, *(w.upper() for w in _MONTH_WORDS)])
         + r")(?![A-Za-z])|(?:" + "|".join(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                             "Sept", "Sep", "Oct", "Nov", "Dec"])
         + r")(?![A-Za-z])\.?)")
WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + r")(?![A-Za-z])"
YR = r"(?:19|20)\d\d(?!\d|[.,]\d|s\b)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
POS = (r"(?i:early|earlier|mid|middle|late|later|end|beginning|start|close|year[ -]end"
       r"|(?:first|opening|last|final|closing)\s+(?:weeks|months|days))")
REL_YEAR = (r"(?i:last|this|next|the\s+following|the\s+previous|the\s+same|that\s+same"
            r"|that|the)\s+year")
ORD4 = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
ORD2 = r"(?i:first|second|1st|2nd)"
_UNITS = (r"units?|vehicles?|cars?|trucks?|buses|chips?|people|persons|employees|workers|"
          r"staff|stores|outlets|stations|yuan|dollars|euros|RMB|CNY|USD|km|kilomet(?:er|re)s?|"
          r"miles?|kWh|MWh|GWh|kW|MW|GW|tons?|tonnes?|patents?|models|shares|points|"
          r"horsepower|hp|Nm|mm|cm|kg|lit(?:er|re)s?|met(?:er|re)s?|square|sq|pieces|sets|"
          r"orders|users|customers|suppliers|companies|firms|engineers|times")

ROLE = (r"(?:[Aa]s\s+of|[Aa]s\s+at|AS\s+OF|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough"
        r"|[Pp]rior\s+to|[Bb]efore|[Aa]fter)")

# Each kind once, with its own group names; the master regex renames them per kind.
_KINDS: list[tuple[str, str]] = [
    ("iso_day", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
    ("iso_month", r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])"),
    ("slash_day", rf"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<y>{YR})"),
    ("yq", rf"(?P<y>{YR})\s?-?\s?Q(?P<q>[1-4])(?!\w)"),
    ("yh", rf"(?P<y>{YR})\s?-?\s?H(?P<h>[12])(?!\w)"),
    ("range_dash", rf"(?P<a>{YR})\s*[-–—/]\s*(?P<b>(?:19|20)\d\d|\d\d)(?![\d-])"),
    ("mdy", rf"(?:{WEEKDAY},?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YR}))?"),
    ("dmy", rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MONTH})"
            rf"(?:,?\s+(?P<y>{YR}))?"),
    ("my", rf"(?:(?i:early|mid|late)[\s-]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YR})"),
    ("decade", r"(?:[Tt]he\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<d>(?:1[89]|20)\d)0'?s(?![a-z])"),
    ("season", rf"(?:(?i:the)\s+)?(?P<pos>{POS})(?:\s*-\s*|\s+)(?:(?i:of|in)\s+)?"
               rf"(?:(?P<y>{YR})|(?P<rel>{REL_YEAR}))"),
    ("pos_month", r"(?:(?i:the)\s+)?(?i:start|beginning|end|middle|close)\s+(?i:of\s+the\s+month)(?![\w-])"),
    ("named_season", rf"(?:(?P<rel>(?i:last|this|next|the\s+following|the\s+previous|that|the\s+same))\s+)?"
                     rf"(?:(?i:the)\s+)?(?P<sn>(?i:spring|summer|autumn|fall|winter))(?![\w-])"
                     rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?P<y>{YR})|(?P<ry>(?i:last|this|next))\s+(?i:year)))?"),
    ("quarter", rf"(?:(?i:the)\s+)?(?P<ord>{ORD4})(?:\s+|-)(?i:quarter)(?![a-z])"
                rf"(?:(?:\s+of|,)?\s+(?:(?P<y>{YR})|(?P<rel>(?i:last|this|next))\s+year))?"),
    ("qy", rf"Q(?P<q>[1-4])(?:(?:\s*of)?\s*(?P<y>{YR})|\s?[’'](?P<yy>\d\d))?(?!\w)"),
    ("nq", rf"(?P<q>[1-4])Q\s?(?:(?P<y>{YR})|(?P<yy>\d\d))(?!\w)"),
    ("half", rf"(?:(?i:the)\s+)?(?P<ord>{ORD2})(?:\s+|-)(?i:half)(?![a-z])"
             rf"(?:(?:\s+of|,)?\s+(?:(?P<y>{YR})|(?P<rel>(?i:last|this|next))\s+year))?"),
    ("hy", rf"H(?P<h>[12])(?:\s*(?P<y>{YR})|\s?[’'](?P<yy>\d\d))(?!\w)"),
    ("nh", rf"(?P<h>[12])H\s?(?:(?P<y>{YR})|(?P<yy>\d\d))(?!\w)"),
    ("ago", r"(?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r"|\d{1,2})\s+(?P<unit>(?i:years?|months?|decades?|quarters?|weeks?|days?|hours?|minutes?))"
            r"\s+(?P<dir>(?i:ago|earlier|later))(?![a-z])"),
    # "Days later", "a few hours later", "the next day", "the same day": after the date before
    ("soon_after", r"(?:(?:(?i:a\s+few|several)\s+)?(?P<unit>(?i:days|hours))\s+(?i:later)"
                   r"|(?i:the)\s+(?P<rel>(?i:next|following|same))\s+(?i:day))(?![\w-])"),
    ("this_week", r"(?:(?i:earlier|later)\s+)?(?P<rel>(?i:this|last|next))\s+(?i:week)(?![\w-])"),
    ("rel_unit", r"(?:(?P<mod>(?i:earlier|later|early|late))\s+)?(?P<the>(?i:the)\s+)?"
                 r"(?P<rel>(?i:last|this|next|following|previous|same|that\s+same|that))\s+"
                 r"(?P<unit>(?i:year|month|quarter|decade))(?![\w-])"),
    ("month_rel", rf"(?:(?P<rel>(?i:last|this|next|early|mid|late))[\s-]+)?(?P<mon>{MONTH})"
                  r"(?!\s*\d)"),
    ("weekday", rf"(?:(?P<rel>(?i:last|this|next))\s+)?(?P<wd>{WEEKDAY})"),
    ("yest", r"(?P<w>[Yy]esterday|[Tt]omorrow)(?!['’]s)"),
    ("year", rf"(?:(?:FY|[Ff]iscal\s+(?:year\s+)?)\s?)?(?P<y>{YR})(?!\s*(?:{_UNITS})\b)"),
]

_SINGLE_KINDS = [k for k, _ in _KINDS]
# Bare month, month-day and the absolute forms may stand on either side of a range.
_SIDE_KINDS = ("iso_day", "iso_month", "yq", "yh", "mdy", "dmy", "my", "decade", "season",
               "quarter", "qy", "nq", "half", "hy", "nh", "month_rel", "year")
_GROUP = re.compile(r"\(\?P<(\w+)>")


def _strip_groups(pattern: str) -> str:
    return _GROUP.sub("(?:", pattern)


_SIDE = "(?:" + "|".join(_strip_groups(p) for k, p in _KINDS if k in _SIDE_KINDS) + ")"
_RANGE_FROM = (rf"(?P<pre>[Ff]rom|[Bb]etween|FROM|BETWEEN)\s+(?P<a>{_SIDE})\s*"
               rf"(?P<sep>to|until|till|through|and|[-–—])\s*(?P<b>{_SIDE})")


def _prefixed(kind: str, pattern: str) -> str:
    return f"(?P<{kind}>" + _GROUP.sub(lambda m: f"(?P<{kind}__{m[1]}>", pattern) + ")"


_MASTER = re.compile(
    _prefixed("range_from", _RANGE_FROM)
    + rf"|(?:(?P<role>{ROLE})\s+)?(?:"
    + "|".join(_prefixed(k, p) for k, p in _KINDS)
    + ")"
)
# One compiled pattern per kind, to re-read a range's sides.
_SINGLE = re.compile("|".join(_prefixed(k, p) for k, p in _KINDS))
_GROUPS = {
    kind: [(name, name.split("__", 1)[1]) for name in _MASTER.groupindex
           if name.startswith(kind + "__")]
    for kind in ["range_from", *_SINGLE_KINDS]
}

# Words before a bare month that make it a date ("in March", "since May", "mid-June").
_MONTH_CUE = re.compile(
    r"(?:\b(?i:in|during|from|to|of|until|till|since|by|around|through|before|after"
    r"|between|early|late|mid)\s+|\b(?i:mid)-"
    rf"|{MONTH},?\s+(?:and|or)\s+)$"  # "in March and April"
)
_THE_BEFORE = re.compile(r"\b(?i:the|over|for|past|within)\s+$")
_AMOUNT_BEFORE = re.compile(r"(?:[$€£¥#+]|\d[.,]|[A-Za-z]-)$")
_SENT_END = re.compile(r"[.!?;](?=\s+[A-Z“\"‘(]|\s*$)|\n")
_FUTURE = re.compile(
    r"\b(?i:will|shall|aims?|aiming|aimed\s+to|targets?|targeting|targeted|plans?\s+to"
    r"|planning|expects?|expected|expecting|intends?|intended|goals?|set\s+to|due\s+to"
    r"\s+(?:open|launch|start|be|begin|complete)|forecasts?|projected|seeks?\s+to"
    r"|hopes?\s+to|going\s+to|upcoming|to\s+be\s+(?:launched|completed|built|opened|delivered|supplied"
    r"|produced|made|installed|signed|finali[sz]ed|held|released|introduced|started|rolled\s+out))\b"
)
_PAST = re.compile(
    r"\b(?i:had|has|have|was|were|did|became|brought|grew|rose|fell|sold|made|took|saw"
    r"|\w{3,}ed)\b"
)


@dataclass(frozen=True)
class _Ctx:
    text: str
    anchor: DateValue | None
    previous: DateValue | None
    standalone: bool  # the caller said the whole text is one date expression
    start: int = 0  # where the date part of the match starts in ``text``
    previous_day: DateValue | None = None  # the last date before of day precision


def _to_anchor(anchor: DateValue | date | None) -> DateValue | None:
    if anchor is None:
        return None
    if isinstance(anchor, date):
        return _day(anchor.year, anchor.month, anchor.day, "metadata")
    if anchor.precision == "unknown":
        return None
    return anchor


def _by_anchor(anchor: DateValue | None,
               resolve: Callable[[date], DateValue | None]) -> DateValue | None:
    """``resolve`` at the anchor's first and last day, if both agree (see module notes)."""
    if anchor is None:
        return None
    try:
        first, last = resolve(anchor.earliest), resolve(anchor.latest)
    except (ValueError, OverflowError):
        return None
    if first is None or last is None or first.value != last.value:
        return None
    return first


def _year_of(y: str | None, yy: str | None) -> int | None:
    if y:
        return int(y)
    if yy:
        return 2000 + int(yy)
    return None


def _month_of(token: str) -> int:
    return _MONTH_NUM[token.rstrip(".")[:3].lower()]


def _recent_month(month: int) -> Callable[[date], int]:
    """Year of the most recent ``month`` starting on or before a day."""
    return lambda d: d.year if d.month >= month else d.year - 1


def _latest_period(unit: str, index: int, origin: str = "resolved") -> Callable[[date], DateValue]:
    """The most recent ``index``-th quarter/half of a year that starts on or before a day."""
    return lambda d: _period(unit, d.year if _index(unit, d) >= index else d.year - 1,
                             index, origin)


def _relative_year(rel: str, ctx: _Ctx) -> DateValue | None:
    """The year named by 'last/this/next year' (anchor) or 'the following/same year'
    (previous)."""
    rel = " ".join(rel.lower().split()[:-1])  # drop "year"
    if rel in ("last", "this", "next", "the"):
        base, step = ctx.anchor, {"last": -1, "next": 1}.get(rel, 0)
    else:
        base = ctx.previous
        step = {"the following": 1, "the previous": -1}.get(rel, 0)
    if base is None:
        return None
    year = _coarsen(base, "year", "resolved")
    return None if year is None else _shift(year, "year", step, "resolved")


# --- handlers: one per kind; each returns a DateValue or None --------------------------

def _h_iso_day(g: dict, ctx: _Ctx) -> DateValue | None:
    try:
        return _day(int(g["y"]), int(g["m"]), int(g["d"]), "stated")
    except ValueError:
        return None


def _h_slash_day(g: dict, ctx: _Ctx) -> DateValue | None:
    """"15/10/2029": day first, as most of the world writes it, unless the first number
    cannot be a day's and the second can ("10/15/2029"); where both orders are possible
    and give two days ("4/10/2029"), only the year is certain."""
    a, b, year = int(g["a"]), int(g["b"]), int(g["y"])
    if a == b or a > 12 or b > 12:
        day, month = (b, a) if b > 12 else (a, b)
        try:
            return _day(year, month, day, "stated")
        except ValueError:
            return None
    return _period("year", year, 0, "stated")


def _h_iso_month(g: dict, ctx: _Ctx) -> DateValue | None:
    return _period("month", int(g["y"]), int(g["m"]) - 1, "stated")


def _month_day(month: int, day: int, year: int | None, ctx: _Ctx) -> DateValue | None:
    if day > (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        return None
    if year is not None:
        try:
            return _day(year, month, day, "stated")
        except ValueError:
            return None
    return _by_anchor(ctx.anchor, lambda d: _day(_recent_month(month)(d), month, day,
                                                 "resolved"))


def _h_mdy(g: dict, ctx: _Ctx) -> DateValue | None:
    day = int(g["d"].rstrip("stndrh"))
    return _month_day(_month_of(g["mon"]), day, _year_of(g["y"], None), ctx)


_h_dmy = _h_mdy


def _h_my(g: dict, ctx: _Ctx) -> DateValue | None:
    return _period("month", int(g["y"]), _month_of(g["mon"]) - 1, "stated")


def _h_decade(g: dict, ctx: _Ctx) -> DateValue | None:
    return _decade(int(g["d"]) * 10, "stated")


def _h_season(g: dict, ctx: _Ctx) -> DateValue | None:
    pos = g["pos"].lower()
    if g["y"]:
        year: DateValue | None = _period("year", int(g["y"]), 0, "stated")
    else:
        year = _relative_year(g["rel"], ctx)
    if year is None:
        return None
    if pos in ("earlier", "later"):
        return year
    # "the first weeks of", "the closing months of": early / late
    index = 0 if pos.startswith(("early", "beginning", "start", "first", "opening")) else 1 if pos in ("mid", "middle") else 2
    return _period("season", year.earliest.year, index, year.origin)


# The northern seasons by their months. A value must hold the whole season, so summer is
# the middle third of the year (May-Aug), autumn the last (Sep-Dec), and spring, which
# spans the first two thirds, the first half (Jan-Jun). Winter spans two years: no value.
# (first and last month of each value, which is what "last summer" must end before)
_SEASON_MONTHS = {"spring": (1, 6), "summer": (5, 8), "autumn": (9, 12), "fall": (9, 12)}


def _named_season(name: str, year: int, origin: str) -> DateValue:
    if name == "spring":
        return _period("half", year, 0, origin)
    return _period("season", year, 1 if name == "summer" else 2, origin)


def _h_named_season(g: dict, ctx: _Ctx) -> DateValue | None:
    name = g["sn"].lower()
    rel = " ".join(g["rel"].lower().split()) if g["rel"] else None
    if name == "winter" or (name == "fall" and not (g["y"] or rel)):
        return None  # "winter" spans two years; "fall" alone is mostly the verb
    if g["y"]:
        return _named_season(name, int(g["y"]), "stated")
    if g["ry"] and rel is None:  # "the spring of last year"
        year = _relative_year(g["ry"] + " year", ctx)
        return None if year is None else _named_season(name, year.earliest.year, "resolved")
    if rel is None:
        return None  # "the summer": which one, the text does not say
    first, last = _SEASON_MONTHS[name]

    def season_year(d: date, after: bool) -> int:
        """The year of the season whose value ends before ``d`` (or starts after it)."""
        if after:
            return d.year if d.month < first else d.year + 1
        return d.year if d.month > last else d.year - 1

    if rel in ("last", "this", "next"):
        pick = {"last": lambda d: season_year(d, False), "this": lambda d: d.year,
                "next": lambda d: season_year(d, True)}[rel]
        return _by_anchor(ctx.anchor, lambda d: _named_season(name, pick(d), "resolved"))
    base = ctx.previous
    if base is None or base.precision == "decade":
        return None
    one_year = base.earliest.year == base.latest.year
    if rel in ("that", "the same"):
        return _named_season(name, base.earliest.year, "resolved") if one_year else None
    after = rel == "the following"
    if one_year and base.precision == "year":
        # "In 2018 ... The previous autumn": of the year before
        return _named_season(name, base.earliest.year + (1 if after else -1), "resolved")
    # the answer from the previous date's first and last day, if both agree
    y1, y2 = (season_year(d, after) for d in (base.earliest, base.latest))
    return _named_season(name, y1, "resolved") if y1 == y2 else None


def _part_of_year(unit: str, index: int, g: dict, ctx: _Ctx) -> DateValue | None:
    year = _year_of(g.get("y"), g.get("yy"))
    if year is not None:
        return _period(unit, year, index, "stated")
    if g.get("rel"):
        base = _relative_year(g["rel"] + " year", ctx)
        return None if base is None else _period(unit, base.earliest.year, index, "resolved")
    return _by_anchor(ctx.anchor, _latest_period(unit, index))


def _h_quarter(g: dict, ctx: _Ctx) -> DateValue | None:
    return _part_of_year("quarter", _ORDINALS[g["ord"].lower()] - 1, g, ctx)


def _h_q(g: dict, ctx: _Ctx) -> DateValue | None:
    return _part_of_year("quarter", int(g["q"]) - 1, g, ctx)


def _h_half(g: dict, ctx: _Ctx) -> DateValue | None:
    return _part_of_year("half", _ORDINALS[g["ord"].lower()] - 1, g, ctx)


def _h_h(g: dict, ctx: _Ctx) -> DateValue | None:
    return _part_of_year("half", int(g["h"]) - 1, g, ctx)


def _h_ago(g: dict, ctx: _Ctx) -> DateValue | None:
    word = g["n"].lower()
    n = _NUMBERS[word] if word in _NUMBERS else int(word)
    unit = g["unit"].lower().rstrip("s")
    direction = g["dir"].lower()
    base = ctx.anchor if direction == "ago" else ctx.previous
    if base is None or n == 0:
        return None
    if direction != "later":
        n = -n
    if unit == "decade":
        if base.precision != "decade" and base.earliest.year != base.latest.year:
            return None
        return _decade(base.earliest.year + 10 * n, "resolved")
    if unit in ("hour", "minute"):
        # "an hour ago" in a dated speech: that day (a few hours never reach the day before
        # in a text that counts them; twelve or more might)
        if base.precision != "day" or direction != "ago" or (unit == "hour" and -n >= 12):
            return None
        return _shift(base, "day", 0, "resolved")
    if unit in ("day", "week"):
        if base.precision != "day":
            return None
        return _shift(base, "day", n * (7 if unit == "week" else 1), "resolved")
    months = n * {"year": 12, "quarter": 3, "month": 1}[unit]
    shifted = _shift_months(base, months, "resolved")
    if shifted is None or unit == "month" or _ORDER.index(shifted.precision) >= _ORDER.index(unit):
        return shifted
    # "two years ago" says the year, not the month: no finer than the unit counted in
    return _coarsen(shifted, unit, "resolved")


def _h_pos_month(g: dict, ctx: _Ctx) -> DateValue | None:
    """"at the start of the month": the month in focus, as a month (there is no finer
    precision).  That is the month of the last month or day named when it is the anchor's
    month or the one before (a page reviewing October, issued on 1 November, that names
    "mid-October" and then "the start of the month"), else the anchor's month."""
    anchor = _coarsen(ctx.anchor, "month", "resolved") if ctx.anchor is not None else None
    if anchor is None:
        return None
    before = ctx.previous if ctx.previous is not None and ctx.previous.precision == "month" else ctx.previous_day
    month = _coarsen(before, "month", "resolved") if before is not None else None
    last = _shift(anchor, "month", -1, "resolved")
    if month is not None and last is not None and month.earliest in (anchor.earliest, last.earliest):
        return month
    return anchor


def _h_soon_after(g: dict, ctx: _Ctx) -> DateValue | None:
    """A few days after the date before: "the next day" is its next day; "days later" of a
    day or a month is that month, if a few days cannot leave it (a month's, then, is as
    precise as the text says: the month, not a day in it)."""
    base = ctx.previous
    if g["rel"] is not None and ctx.previous_day is not None and (base is None or base.precision != "day"):
        # "signed on 2 May ... output in the first half of 2030. On the same
        # day, ...": the same day as the last day named, not as a period in between
        base = ctx.previous_day
    if base is None or base.precision not in ("day", "month"):
        return None
    if g["rel"] is not None and base.precision == "day":
        return _shift(base, "day", 0 if g["rel"].lower() == "same" else 1, "resolved")
    if g["unit"] is not None and g["unit"].lower() == "hours" and base.precision == "day":
        return _shift(base, "day", 0, "resolved")
    if base.precision == "day" and base.earliest.day > 20:
        return None  # "days later" than 28 March may be April
    month = _coarsen(base, "month", "resolved") if base.precision == "day" else base
    return month.model_copy(update={"origin": "resolved"}) if month is not None else None


def _the_before(text: str, start: int) -> bool:
    """``_THE_BEFORE`` ends at ``start``: searched from just before the spaces that end there
    (its word is at most 6 letters), not from the start of the text."""
    i = start
    while i > 0 and text[i - 1].isspace():  # str.isspace is what sre's \s tests
        i -= 1
    return _THE_BEFORE.search(text, max(0, i - 6), start) is not None


def _h_rel_unit(g: dict, ctx: _Ctx) -> DateValue | None:
    rel = " ".join(g["rel"].lower().split())
    unit = g["unit"].lower()
    if rel in ("last", "next") and (g["the"] or _the_before(ctx.text, ctx.start)):
        return None  # "the last year", "over the next month": a duration, not a date
    if rel in ("last", "this", "next"):
        base = ctx.anchor
        step = {"last": -1, "next": 1}.get(rel, 0)
    else:
        base = ctx.previous
        step = {"following": 1, "previous": -1}.get(rel, 0)
    if base is None:
        return None
    period = _coarsen(base, unit, "resolved")
    if period is None:
        # "this month" when the anchor is only a quarter, season, half or year: the anchor.
        if rel == "this" and _ORDER.index(base.precision) > _ORDER.index(unit) \
                and base.precision != "decade":
            return _dv(base.value, base.precision, base.earliest, base.latest, "resolved")
        return None
    return _shift(period, unit, step, "resolved")


def _h_this_week(g: dict, ctx: _Ctx) -> DateValue | None:
    """"this week", "last week": there is no week precision, so the smallest month, quarter,
    half or year that holds the week of every day the anchor can mean (a week may straddle
    two months)."""
    a = ctx.anchor
    if a is None or a.precision in ("decade", "unknown"):
        return None
    rel = g["rel"].lower()
    step = timedelta(days={"last": -7, "this": 0, "next": 7}[rel])
    first = a.earliest - timedelta(days=a.earliest.weekday()) + step
    last = a.latest + timedelta(days=6 - a.latest.weekday()) + step
    weeks = _dv(first.isoformat(), "day", first, last, "resolved")
    for unit in ("month", "quarter", "half", "year"):
        period = _coarsen(weeks, unit, "resolved")
        if period is not None:
            return period
    return None


def _h_month_rel(g: dict, ctx: _Ctx) -> DateValue | None:
    month = _month_of(g["mon"])
    rel = (g["rel"] or "").lower()
    if rel == "last":
        year = lambda d: d.year if d.month > month else d.year - 1  # noqa: E731
    elif rel == "next":
        year = lambda d: d.year if d.month < month else d.year + 1  # noqa: E731
    elif rel == "this":
        year = lambda d: d.year  # noqa: E731
    else:
        year = _recent_month(month)
    return _by_anchor(ctx.anchor, lambda d: _period("month", year(d), month - 1, "resolved"))


def _h_weekday(g: dict, ctx: _Ctx) -> DateValue | None:
    wd = _WEEKDAYS.index(g["wd"])
    rel = (g["rel"] or "").lower()

    def resolve(d: date) -> DateValue:
        if rel == "next":
            d = d + timedelta(days=(wd - d.weekday()) % 7 or 7)
        elif rel == "last":
            d = d - timedelta(days=(d.weekday() - wd) % 7 or 7)
        elif rel == "this":
            d = d + timedelta(days=wd - d.weekday())
        else:
            d = d - timedelta(days=(d.weekday() - wd) % 7)
        return _day(d.year, d.month, d.day, "resolved")

    return _by_anchor(ctx.anchor, resolve)


def _h_yest(g: dict, ctx: _Ctx) -> DateValue | None:
    step = -1 if g["w"].lower() == "yesterday" else 1
    return _by_anchor(ctx.anchor, lambda d: _day(*(d + timedelta(days=step)).timetuple()[:3],
                                                 "resolved"))


def _h_year(g: dict, ctx: _Ctx) -> DateValue | None:
    return _period("year", int(g["y"]), 0, "stated")


_HANDLERS: dict[str, Callable[[dict, _Ctx], DateValue | None]] = {
    "iso_day": _h_iso_day, "iso_month": _h_iso_month, "slash_day": _h_slash_day, "yq": _h_q, "yh": _h_h,
    "mdy": _h_mdy, "dmy": _h_dmy, "my": _h_my, "decade": _h_decade, "season": _h_season, "pos_month": _h_pos_month, "named_season": _h_named_season,
    "quarter": _h_quarter, "qy": _h_q, "nq": _h_q, "half": _h_half, "hy": _h_h, "nh": _h_h,
    "ago": _h_ago, "soon_after": _h_soon_after, "rel_unit": _h_rel_unit, "this_week": _h_this_week, "month_rel": _h_month_rel,
    "weekday": _h_weekday, "yest": _h_yest, "year": _h_year,
}


def _groups(m: re.Match, kind: str) -> dict:
    return {short: m[name] for name, short in _GROUPS[kind]}


def _clause(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (at most 200 characters either side)."""
    left = max(0, start - 200)
    last = None
    for last in _SENT_END.finditer(text, left, start):
        pass
    if last is not None:
        left = last.end()
    right = _SENT_END.search(text, end, min(len(text), end + 200))
    return text[left:right.start() if right else min(len(text), end + 200)]


def _role_for(role: str | None, value: DateValue, ctx: _Ctx, start: int, end: int) -> Role:
    word = " ".join(role.lower().split()) if role else ""
    after_anchor = ctx.anchor is not None and value.earliest > ctx.anchor.latest
    if word in ("as of", "as at"):
        return "as_of"
    if word == "by":
        if ctx.anchor is not None:
            return "target" if value.latest > ctx.anchor.latest else "as_of"
        clause = _clause(ctx.text, start, end)
        if not _FUTURE.search(clause) and _PAST.search(clause):
            return "as_of"
        return "target"
    if word in ("until", "till", "through", "prior to", "before"):
        return "range_end"
    return "target" if after_anchor else "event"


def _single(m: re.Match, kind: str, ctx: _Ctx, role: str | None) -> DateValue | None:
    """Read a single-date match of ``kind``; its date part starts at ``ctx.start``."""
    g = _groups(m, kind)
    start = ctx.start
    if kind == "month_rel" and not g["rel"] and not ctx.standalone and not role and \
            not _MONTH_CUE.search(ctx.text, max(0, start - 20), start):
        return None  # a bare month name is a date only after a cue ("in March")
    if kind == "year" and not ctx.standalone and \
            _AMOUNT_BEFORE.search(ctx.text, max(0, start - 2), start):
        return None  # "$2019", "3.2019", "HF-2019"
    return _HANDLERS[kind](g, ctx)


def _read(text: str, s: int, e: int, anchor: DateValue | None,
          previous: DateValue | None) -> tuple[str, DateValue | None]:
    """Parse ``text[s:e]`` as one single date (a side of a range)."""
    m = _SINGLE.fullmatch(text, s, e)
    if m is None:
        return "", None
    kind = m.lastgroup or ""
    return kind, _single(m, kind, _Ctx(text, anchor, previous, True, s), None)


def _range(m: re.Match, text: str, anchor: DateValue | None,
           previous: DateValue | None) -> list[DateMatch]:
    if m["range_from"] is not None:
        a, b = "range_from__a", "range_from__b"
        pre, sep = m["range_from__pre"].lower(), m["range_from__sep"].lower()
        if (pre == "between") != (sep == "and"):
            return []
    else:
        a, b = "range_dash__a", "range_dash__b"
    kind_b, value_b = _read(text, m.start(b), m.end(b), anchor, previous)
    if kind_b == "" or (m["range_dash"] is not None):
        value_b = None
    if m["range_dash"] is not None:
        first = int(m[a])
        second = m[b]
        last = int(second) if len(second) == 4 else first - first % 100 + int(second)
        if last <= first:
            return []
        value_b = _period("year", last, 0, "stated")
    kind_a, value_a = _read(text, m.start(a), m.end(a), anchor, previous)
    if value_b is not None and kind_a in ("month_rel", "mdy", "dmy") and \
            not (value_a is not None and value_a.origin == "stated"):
        # "from January to March 2025": the first side takes its year from the second.
        kind_a, value_a = _read(text, m.start(a), m.end(a), value_b, previous)
    out = []
    for group, value, role in ((a, value_a, "range_start"), (b, value_b, "range_end")):
        if value is not None:
            out.append(DateMatch(start=m.start(group), end=m.end(group), text=m[group],
                                 value=value, role=role))
    return out


def _casings(*words: str) -> list[str]:
    return [v for w in words for v in dict.fromkeys((w, w.capitalize(), w.upper()))]


def _word_alternation(words: list[str]) -> str:
    """A regex for whole words, as a trie whose branches each start with a literal.

    sre skips in C through positions whose character starts no branch, and at the end of a
    word checks that it is whole: no letter after it, no word character before it (the
    fixed-width look-behind ``(?<!\\w{n+1})`` after ``n`` characters).
    """
    return trie(words, lambda n: rf"(?![A-Za-z])(?<!\w{{{n + 1}}})")


# Speed: trying the whole grammar at every position costs microseconds per character.
# Instead, every expression starts with one of these words (or a digit) and contains a
# core token (a digit, a month or weekday name, or a unit word) within its first _BACK
# characters.  Both scans are alternations that start with literals, which sre skips
# through in C, and the grammar is only tried where both agree.
_START_WORDS = sorted(set(
    _casings("the", "as", "by", "since", "until", "till", "through", "prior", "before",
             "after", "from", "between", "early", "earlier", "mid", "middle", "late",
             "later", "end", "beginning", "start", "close", "year", "first", "second",
             "third", "fourth", "last", "this", "next", "following", "previous", "same",
             "that", "a", "an", "one", "two", "three", "four", "five", "six", "seven",
             "eight", "nine", "ten", "eleven", "twelve", "fiscal", "yesterday",
             "tomorrow", "spring", "summer", "autumn", "fall", "winter", "days", "hours")
    + [*_MONTH_WORDS, *(w.upper() for w in _MONTH_WORDS), *_WEEKDAYS, "FY", "Q", "H"]
    + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
       "Dec"]
))
_START = re.compile(
    _word_alternation(_START_WORDS)
    + "|" + "|".join(rf"{d}(?<!\w\w)" for d in "0123456789")
)
_CORE_WORDS = [*"0123456789", *_MONTH_WORDS, *(w.upper() for w in _MONTH_WORDS),
               "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
               *_WEEKDAYS, *_casings("year", "month", "quarter", "half", "decade", "week",
                                     "day", "yesterday", "tomorrow", "spring", "summer", "autumn",
                                     "fall", "winter", "hour", "minute")]
_CORE = re.compile("|".join(_CORE_WORDS))
# Speed: instead of one _CORE search per candidate start, the core tokens of a text are
# found in one scan, the shortest at each position ("Mar" in "March"), and a start passes
# when the first token at or after it ends within _BACK -- the same answer, because no
# core word holds another strictly inside it ("day" ends "Monday"); checked here.
# (The words that have no shorter core word as their prefix: at a position at most one of
# them starts, and it is the shortest core word there. They are found by Aho-Corasick, in
# C, and taken from left to right: what re.finditer of their alternation finds, without
# sre's scan, which tries the alternation at every digit and at most letters.)
_CORE_SHORTEST_WORDS = sorted(w for w in set(_CORE_WORDS) if not any(o != w and w.startswith(o) for o in _CORE_WORDS))
_CORE_TOKENS = Words(_CORE_SHORTEST_WORDS)
assert not any(w[i:j] in _CORE_WORDS for w in _CORE_WORDS
               for i in range(1, len(w)) for j in range(i + 1, len(w))), "a core word inside another"
# Every start is a whole word or digit (a word character never comes before it), so the
# scan begins at the non-word character before it: sre skips in C to those, which are far
# fewer than the letters a start word can begin with. Position 0 is tried on its own.
_START_AFTER = re.compile(r"[^\w](?:" + _START.pattern + ")")
_BACK = 60
_START_REACH = max(map(len, _START_WORDS)) + 1  # a start word and the character after it


def _matches(text: str, anchor: DateValue | None, previous: DateValue | None,
             standalone: bool) -> list[DateMatch]:
    out: list[DateMatch] = []
    pos, n = 0, len(text)
    previous_day = previous if previous is not None and previous.precision == "day" else None
    match, core = _MASTER.match, _CORE.search
    core_starts, core_ends = _CORE_TOKENS.scan(text)
    # Speed: only a start within _BACK characters before a core token's end can pass the
    # test below, so starts are scanned for in those windows (about a quarter of a text).
    # A start is a non-word character and a word after it, so matches found in a window
    # are those of a scan of the whole text; the scan runs on past the window by the
    # longest start word, for the test of the character after it.
    starts = [0] if _START.match(text) else []
    lo = hi = -1
    for e in [*core_ends, None]:
        if e is not None and e - _BACK <= hi:
            hi = e  # windows that meet are one
            continue
        if hi > 0:
            starts += [c.start() + 1 for c in _START_AFTER.finditer(text, max(0, lo - 1), min(n, hi + _START_REACH))
                       if c.start() + 1 < hi]
        if e is not None:
            lo, hi = max(0, e - _BACK), e
    for s in starts:
        if s < pos:
            continue
        # is there a core token within _BACK characters (core(text, s, s + _BACK))?
        i = bisect_left(core_starts, s)
        if i and core_ends[i - 1] > s:  # s is inside a token: ask the regex
            if core(text, s, s + _BACK) is None:
                continue
        elif i == len(core_starts) or core_ends[i] > s + _BACK:
            continue
        m = match(text, s)
        if m is None or (s > 0 and text[s - 1].isalnum()):
            continue
        e = m.end()
        if e < n and text[e - 1].isalnum() and text[e].isalnum():
            continue
        kind = m.lastgroup
        if kind in ("range_from", "range_dash"):
            found = _range(m, text, anchor, previous)
        else:
            ctx = _Ctx(text, anchor, previous, standalone, m.start(kind), previous_day)
            value = _single(m, kind, ctx, m["role"])
            found = []
            if value is not None:
                role = _role_for(m["role"], value, ctx, s, e)
                found = [DateMatch(start=s, end=e, text=m[0], value=value, role=role)]
        if found:
            out.extend(found)
            previous = found[-1].value
            if previous.precision == "day":
                previous_day = previous
            pos = e
    return out


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------

_LEADING = re.compile(r"(?i:in|on|at|during|around|circa|about|c\.)\s+")
_TRAILING = ",;:!?)"


def normalize_date(text: str, anchor: DateValue | date | None, *,
                   previous: DateValue | None = None) -> DateValue | None:
    """Normalise one English date expression against the article date.

    Parameters
    ----------
    text : str
        One expression: "late 2023", "Jan. 6", "at the end of last year", "Q4",
        "two years later", or a written value such as "2025-Q4".
    anchor : DateValue, datetime.date or None
        The article's publication date, at any precision.  Without it, relative
        expressions give None; absolute ones still work.
    previous : DateValue, optional
        The last date mentioned before the expression, for "the following year",
        "two years later", "a decade later".

    Returns
    -------
    DateValue or None
        None when ``text`` is not one date (a range is two: use ``find_dates``), or
        when it cannot be resolved without inventing precision.

    Examples
    --------
    >>> v = normalize_date("late 2023", anchor=date(2026, 1, 27))
    >>> v.value, v.precision, v.earliest, v.latest, v.origin
    ('2023-late', 'season', datetime.date(2023, 9, 1), datetime.date(2023, 12, 31), 'stated')
    >>> anchor = make_date("2026-01", origin="metadata")
    >>> normalize_date("at the end of last year", anchor).value
    '2025-late'
    >>> normalize_date("in March", anchor).value
    '2025-03'
    >>> normalize_date("in March", make_date("2026")) is None  # 2025-03 or 2026-03?
    True
    >>> normalize_date("the following year", None, previous=make_date("2016")).value
    '2017'
    """
    anchor_value = _to_anchor(anchor)
    s = text.strip().rstrip(_TRAILING).strip()
    if s.endswith(".") and not re.search(r"\b(?:[A-Z][a-z]{2}|Sept)\.$", s):
        s = s[:-1].rstrip()
    lead = _LEADING.match(s)
    if lead:
        s = s[lead.end():]
    if _VALUE_RX.fullmatch(s):
        try:
            return make_date(s)
        except DateError:
            return None
    found = _matches(s, anchor_value, previous, True)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(s):
        return found[0].value
    return None


def find_dates(text: str, anchor: DateValue | date | None) -> list[DateMatch]:
    """Find and normalise every temporal expression in an article.

    Parameters
    ----------
    text : str
        The article text.
    anchor : DateValue, datetime.date or None
        The publication date used to resolve relative expressions.

    Returns
    -------
    list of DateMatch
        Sorted by ``start``; ``text[m.start:m.end] == m.text``.  Each match knows the
        previous one, so "the following year" follows the last date before it.
        Expressions that cannot be resolved are left out.

    Examples
    --------
    >>> text = "A joint venture established in March 2021 was dissolved in mid-2025."
    >>> [(m.text, m.value.value, m.role) for m in find_dates(text, None)]
    [('March 2021', '2021-03', 'event'), ('mid-2025', '2025-mid', 'event')]
    >>> text = "He chaired JAC from 1997 to 2021. By 2027, sales are expected to double."
    >>> [(m.text, m.value.value, m.role) for m in find_dates(text, make_date("2024"))]
    [('1997', '1997', 'range_start'), ('2021', '2021', 'range_end'), ('By 2027', '2027', 'target')]
    """
    return _join_month_year(text, _matches(text, _to_anchor(anchor), None, False))


_MONTH_THEN_YEAR = re.compile(r"\s(?:of\s)?$")


def _join_month_year(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """'November last year', 'May of that year': a month whose year is named next to it.

    The month alone was resolved against the article date; the year phrase says which
    year it is, so the two become one month-precision date (resolved).

    >>> [(m.text, m.value.value) for m in find_dates("In November last year we signed.", make_date("2024-03"))]
    [('November last year', '2023-11')]
    >>> [(m.text, m.value.value) for m in find_dates("It opened in May 2020. In May of that year it grew.", make_date("2024-03"))]
    [('May 2020', '2020-05'), ('May of that year', '2020-05')]
    """
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        m = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and m.value.precision == "month"
            and nxt.value.precision == "year"
            and _MONTH_THEN_YEAR.fullmatch(text[m.end : nxt.start] + "")
            and re.fullmatch(r"[A-Z][a-z]{2,8}\.?", m.text.split()[-1])
        ):
            year = nxt.value.earliest.year
            # "May of that year": that year is the one named before the month, not the
            # year the month alone was resolved to
            rel = re.search(r"(that|same|following|previous)", nxt.text.lower())
            if rel and out:
                step = {"following": 1, "previous": -1}.get(rel.group(1), 0)
                year = out[-1].value.earliest.year + step
            month = m.value.earliest.month
            try:
                value = make_date(f"{year}-{month:02d}", origin="resolved")
            except DateError:
                value = None
            if value is not None:
                out.append(DateMatch(start=m.start, end=nxt.end, text=text[m.start : nxt.end],
                                     value=value, role=nxt.role if nxt.role != "event" else m.role))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


# a whole day written out: "March 27, 2021", "27 March 2021"
_MDY_FULL = rf"{MONTH}\s+{DAY},?\s+{YR}"
_DMY_FULL = rf"{DAY}\s+{MONTH},?\s+{YR}"
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?:Published|Posted|Updated|Date)(?:\s+on)?:?\s*"
    r"|(?:[A-Z][A-Za-z.'’ -]{1,40}?,\s*){1,2}|[A-Z][A-Z.'’ -]{1,40}?\s+"
    r"(?:\([^)\n]{1,40}\)\s*)?[-–—,]\s*)?"
    rf"(?P<date>(?:{WEEKDAY},?\s+)?(?:{_MDY_FULL}|{_DMY_FULL})"  # ("Friday 3 May 2030" too)
    r"|\d{4}-\d\d-\d\d|[0-3]?\d/[01]?\d/\d{4})"  # ("MAPUTO, 15/10/2029 (Wire) –")
    r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:--|[-–—:|/(]|$)"
)


# A document that states its own date: "The date of this Prospectus is 2 May 2031.",
# a header line "Issued by the Board on 2 May 2031" or "May 2031 | Issue of Thursday,
# 5 June 2031", or a signature block whose last lines are "Lumen Works" and "2 May 2031".
_FULL_DAY = rf"(?:{_DMY_FULL}|{_MDY_FULL})"
_DATE_OF_THIS = re.compile(rf"\b[Tt]he\s+date\s+of\s+this\s+[A-Za-z ]{{1,40}}?\s+is\s+(?P<date>{_FULL_DAY})")
_DATED_HEADER = re.compile(
    rf"(?m)^[ \t]*(?:(?:Delivered|Issued|Dated|Presented|Adopted|Released)\b[^\n]{{0,120}}?\bon\s+"
    rf"|[^\n]{{0,60}}?\b(?:Issue|Edition)\s+(?:of|dated)\s+(?:{WEEKDAY},?\s+)?)(?P<date>{_FULL_DAY})")
_SIGNED_OFF = re.compile(rf"(?m)^[ \t]*(?:[A-Z][A-Za-z'’ -]{{1,30}},\s*)?(?P<date>{_FULL_DAY})[ \t]*$")


def _self_dated(text: str) -> DateValue | None:
    """The day a document gives as its own: a "date of this" statement, a header line
    within the first three lines, or a date alone on one of the last four lines."""
    head_end = -1
    for _ in range(3):
        head_end = text.find("\n", head_end + 1)
        if head_end == -1:
            head_end = len(text)
            break
    stated = [*(_DATE_OF_THIS.finditer(text) if "date" in text else ()),
              *_DATED_HEADER.finditer(text, 0, head_end)]
    tail = text.rstrip()
    for _ in range(4):
        tail = tail[: tail.rfind("\n")].rstrip() if "\n" in tail else ""
    # (of a statement and a header, the one the text gives first; a signature only without them)
    for m in [*sorted(stated, key=lambda m: m.start()), *_SIGNED_OFF.finditer(text, len(tail))]:
        value = normalize_date(m["date"], None)
        if value is not None and value.precision == "day":
            return value
    return None


# A page that covers a period says so in its header: "Week 9: Monday 26 February to Friday
# 2 March 2031" -- it appeared at the period's end, a day the text only implies
_PERIOD_HEADER = re.compile(
    rf"(?m)^[ \t]*[^\n]{{0,40}}?(?:{WEEKDAY},?\s+)?(?:{DAY}\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YR})?"
    rf"\s+(?:to|until|through|[-–—])\s+(?:{WEEKDAY},?\s+)?(?P<date>{_FULL_DAY})[ \t]*$")


def _period_end(text: str) -> DateValue | None:
    """The last day of the period a header in the first three lines says the page covers."""
    head = "\n".join(text.split("\n", 3)[:3])
    m = _PERIOD_HEADER.search(head)  # (three lines: no word gate needed)
    value = normalize_date(m["date"], None) if m is not None else None
    return value.model_copy(update={"origin": "estimated"}) if value is not None and value.precision == "day" else None


def _after(v: DateValue) -> DateValue:
    """Where an article probably appeared, given that ``v`` is its newest past fact."""
    e = v.earliest
    if v.precision in ("day", "month"):
        return _period("month", e.year, e.month - 1, "estimated")
    if v.precision == "year":
        return _period("season", e.year + 1, 0, "estimated")
    nxt = _shift(v, v.precision, 1, "estimated")
    return nxt if nxt is not None else _period("season", e.year + 1, 0, "estimated")


def estimate_published(text: str) -> DateValue | None:
    """Estimate an article's publication date from its text alone.

    A dateline in the first lines ("HEFEI, March 27, 2021 —", "March 27, 2021 —",
    "Published: 2021-03-27") gives the day with origin ``"stated"``.  Otherwise the
    estimate (origin ``"estimated"``) comes from the newest past date stated in the
    text: targets ("by 2027", "expected in 2026", "aims to ... by 2025") are ignored; a
    day or month gives that month ("As of March 31, 2024" -> ``2024-03``); a whole year
    reported as past ("In 2018, JAC sold...", "by the end of 2018") gives the early part
    of the next year; a quarter, half or season gives the next one.  Of several
    candidates the latest (then the most precise) wins.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    DateValue or None
        None when the text has no usable date.

    Examples
    --------
    >>> estimate_published("HEFEI, March 27, 2021 — JAC and NIO said...").value
    '2021-03-27'
    >>> v = estimate_published("In 2018, JAC sold more than 260,000 vehicles.")
    >>> v.value, v.origin
    ('2019-early', 'estimated')
    """
    head = text[:600]
    m = _DATELINE.search(head)
    if m is not None and head.count("\n", 0, m.start()) < 3:
        value = normalize_date(m["date"], None)
        if value is not None and value.precision == "day":
            return value
    stated = _self_dated(text)
    if stated is not None:
        return stated
    period = _period_end(text)
    if period is not None:
        return period
    best: DateValue | None = None
    for found in find_dates(text, None):
        v = found.value
        if found.role == "target" or v.origin != "stated" or v.precision == "decade":
            continue
        if _FUTURE.search(_clause(text, found.start, found.end)):
            continue
        guess = _after(v)
        if best is None or (guess.earliest, -guess.latest.toordinal()) > \
                (best.earliest, -best.latest.toordinal()):
            best = guess
    return best
