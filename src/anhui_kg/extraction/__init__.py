"""Extraction: Article -> Extraction (mentions, dates, deal and relation claims).

``extract`` runs the stages in order; each is a pure function of the article and of what
the stages before it found.
"""

from __future__ import annotations

from ..models import Article, DateMention, Extraction
from .dates import find_dates
from .deals import extract_deals
from .mentions import Aliases, extract_mentions, load_aliases
from .relations import extract_relations

__all__ = ["extract", "load_aliases", "Aliases"]


def extract(article: Article, aliases: Aliases | None = None) -> Extraction:
    """Everything one article says: mentions -> dates -> deals -> relations."""
    aliases = aliases or load_aliases()
    mentions = extract_mentions(article, aliases)
    dates = find_dates(article.text, article.published)
    deals = extract_deals(article, mentions, dates)
    relations = extract_relations(article, mentions, dates, deals)
    return Extraction(
        article=article,
        mentions=mentions,
        dates=tuple(
            DateMention(
                article=article.id, start=d.start, end=d.end, text=d.text,
                sentence=_sentence_of(article, d.start), value=d.value, role=d.role,
            )
            for d in dates
        ),
        deals=deals,
        relations=relations,
    )


def _sentence_of(article: Article, pos: int) -> int:
    for s in article.sentences:
        if s.start <= pos < s.end:
            return s.index
    return 0
