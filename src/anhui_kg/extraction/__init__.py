"""Extraction: Article -> Extraction (mentions, dates, deal and relation claims)."""
