"""Extraction: Article -> Extraction (mentions, dates, deal and relation claims).

``extract`` runs the stages in order; each is a pure function of the article and of what
the stages before it found.
"""

from __future__ import annotations

from bisect import bisect_right

from pydantic import TypeAdapter

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
    starts = [s.start for s in article.sentences]
    return Extraction(
        article=article,
        mentions=mentions,
        # one validation call for the whole tuple (several times faster than one per DateMention)
        dates=_DATE_MENTIONS.validate_python([
            dict(
                article=article.id, start=d.start, end=d.end, text=d.text,
                sentence=_sentence_of(article, starts, d.start), value=d.value, role=d.role,
            )
            for d in dates
        ]),
        deals=deals,
        relations=relations,
    )


_DATE_MENTIONS = TypeAdapter(tuple[DateMention, ...])


def _sentence_of(article: Article, starts: list[int], pos: int) -> int:
    """The index of the sentence that contains ``pos`` (0 if none does); ``starts`` are the
    sentences' start offsets, in order, as ``split_sentences`` gives them."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < article.sentences[i].end:
        return article.sentences[i].index
    return 0
