"""The data dictionary: pydantic models at every stage boundary.

documents -> ``Article`` · mentions -> ``Mention`` · dates -> ``DateValue`` ·
relations -> ``DealClaim`` / ``RelationClaim`` (per article, pointing at mentions) ·
resolution -> ``Entity`` / ``Deal`` / ``Relation`` (canonical, across articles).

All models are frozen: a stage never edits what it was given, it returns new values.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "month", "quarter", "half", "season", "year", "decade", "unknown"]
"""How much of a date the text gave. ``season`` is early/mid/late of a year;
``decade`` is written EDTF-style (``199X``)."""

DateOrigin = Literal["stated", "resolved", "inferred", "estimated", "metadata"]
"""Where a date came from: written out in full (``stated``), computed from a relative
expression and the article date (``resolved``), taken from the article date because the
text gave none (``inferred``), guessed from the text's content (``estimated``), or given
by the article's metadata (``metadata``)."""

EntityType = Literal[
    "Company", "Organization", "GovernmentBody", "Media", "Fund",
    "Brand", "Person", "Plant", "Place", "Product",
]
"""Entity classes. GovernmentBody, Media and Fund are kinds of Organization."""

ORGANIZATION_TYPES: frozenset[str] = frozenset(
    {"Company", "Organization", "GovernmentBody", "Media", "Fund"}
)

DealKind = Literal[
    "framework_agreement", "strategic_cooperation", "joint_venture", "acquisition",
    "investment", "supply", "licensing", "contract_manufacturing",
    "battery_swap_alliance", "chip_collaboration", "dissolution", "other",
]

DealStatus = Literal[
    "rumoured", "planned", "announced", "signed", "ongoing", "completed",
    "dissolved", "denied", "cancelled", "hypothetical",
]

PartyRole = Literal[
    "party", "investor", "investee", "buyer", "seller", "licensor", "licensee",
    "supplier", "customer", "manufacturer", "client",
]

Predicate = Literal[
    "founder_of", "ceo_of", "chairman_of", "president_of", "executive_of",
    "headquartered_in", "located_in", "plant_of", "brand_of", "subsidiary_of",
    "investor_in", "supplier_of", "manufacturer_for", "produces", "attended",
]
"""Binary relations. ``attended`` points at a deal id, every other one at an entity id."""


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DateValue(Frozen):
    """A date at the precision the text gave, with the days that bound it.

    ``value`` is ISO 8601 / EDTF-like: ``2026-01-06``, ``2021-03``, ``2025-Q4``,
    ``2024-H2``, ``2023-late``, ``2025-mid``, ``2024-early``, ``2025``.
    """

    value: str = Field(description="The date at its own precision, e.g. '2023-late'")
    precision: Precision
    earliest: date = Field(description="First day the date can mean")
    latest: date = Field(description="Last day the date can mean")
    origin: DateOrigin = Field("stated", description="How the value was obtained")


class Span(Frozen):
    """Character offsets into an article's text: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Sentence(Frozen):
    index: int
    start: int
    end: int
    text: str


class Article(Frozen):
    """One source document, as loaded from disk."""

    id: str = Field(description="File name, e.g. '000_eed22a385a605605.txt'; unique in a corpus")
    text: str = Field(description="The file's text, decoded, byte-for-byte otherwise")
    sha256: str = Field(description="Hash of the file's bytes; a changed article has a new hash")
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: DateValue | None = Field(
        None, description="Publication date; origin says whether it came from metadata, "
        "a dateline, or was estimated from the text"
    )
    sentences: tuple[Sentence, ...] = ()


class Evidence(Frozen):
    """Where a fact was read: ``article.text[start:end] == text``."""

    document: str
    start: int
    end: int
    text: str


class Mention(Frozen):
    """A name in a sentence that refers to an entity."""

    id: str = Field(description="'{article_id}#{start}-{end}'")
    article: str
    start: int
    end: int
    text: str
    type: EntityType
    sentence: int
    key: str | None = Field(
        None, description="Id in the alias table when the name is a known one"
    )
    name: str = Field(description="Normalised name: the full name this mention stands for "
                      "(e.g. 'William Li' for 'Li', or the legal name an abbreviation "
                      "was introduced for)")
    via: str = Field("table", description="Which rule found it: table, legal_name, title, ...")


class DateMention(Frozen):
    """A temporal expression found in the text, normalised against the article date."""

    article: str
    start: int
    end: int
    text: str
    sentence: int
    value: DateValue
    role: Literal["event", "target", "as_of", "range_start", "range_end"] = "event"


class Money(Frozen):
    amount: float
    currency: str = Field(description="ISO 4217 code, e.g. CNY, USD, EUR")


class PartyClaim(Frozen):
    mention: str = Field(description="Mention id")
    role: PartyRole = "party"


class DealClaim(Frozen):
    """A deal as one article states it; parties are mentions, not yet entities."""

    id: str = Field(description="'{article_id}#deal-{n}'")
    article: str
    kind: DealKind
    parties: tuple[PartyClaim, ...]
    date: DateValue | None = None
    end_date: DateValue | None = None
    status: DealStatus = "signed"
    title: str | None = None
    value: Money | None = None
    stake: float | None = Field(None, description="Percent held or contributed, 0-100")
    place: str | None = Field(None, description="Mention id of the place of signing")
    evidence: tuple[Evidence, ...]
    rule: str = Field(description="Versioned rule that produced it, e.g. 'deal.signed.v1'")


class RelationClaim(Frozen):
    """A binary relation as one article states it."""

    article: str
    subject: str = Field(description="Mention id")
    predicate: Predicate
    object: str = Field(description="Mention id, or deal claim id for 'attended'")
    date: DateValue | None = None
    end_date: DateValue | None = None
    evidence: tuple[Evidence, ...]
    rule: str


class Extraction(Frozen):
    """Everything read from one article."""

    article: Article
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    deals: tuple[DealClaim, ...]
    relations: tuple[RelationClaim, ...]


class Entity(Frozen):
    id: str = Field(description="Stable slug, e.g. 'jac'; never a display name")
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


class Party(Frozen):
    entity: str
    role: PartyRole = "party"


class Deal(Frozen):
    """A deal: an n-ary fact with parties in roles, merged across articles."""

    id: str
    kind: DealKind
    parties: tuple[Party, ...]
    date: DateValue | None = None
    end_date: DateValue | None = None
    status: DealStatus = "signed"
    title: str | None = None
    value: Money | None = None
    stake: float | None = None
    place: str | None = Field(None, description="Entity id of a Place")
    evidence: tuple[Evidence, ...]


class Relation(Frozen):
    id: str
    subject: str
    predicate: Predicate
    object: str
    date: DateValue | None = None
    end_date: DateValue | None = None
    evidence: tuple[Evidence, ...]


class Resolved(Frozen):
    """The canonical picture of a corpus: what ``build_graph`` turns into RDF."""

    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    deals: tuple[Deal, ...]
    relations: tuple[Relation, ...]
