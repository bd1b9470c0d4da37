"""Documents: files on disk -> ``Article`` (text, metadata, sentences, publication date).

A corpus is any folder (or list of files) of ``.txt``/``.md`` articles. Metadata is
optional and lives in ``manifest.json`` beside the articles::

    {"000_x.txt": {"publisher": "Gasgoo", "url": null, "published": "2026-01", "title": null}}

When an article has no published date, it is taken from a dateline or estimated from the
text (``DateValue.origin`` says which). This module and ``store``/``export``/``cli`` are
the only ones that touch the disk.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from .errors import DateError, DocumentError
from .extraction.dates import estimate_published, make_date
from .models import Article, DateValue, Sentence

ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST = "manifest.json"
# Files in a seeds folder that describe the corpus rather than being articles.
NOT_ARTICLES = frozenset({"README.md", "SOURCES.md", "NOTES.md", "CHANGELOG.md"})

_ABBREVIATIONS = (
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Co Corp Inc Ltd Mr Mrs Ms Dr St "
    "No Nos vs Gen Gov Sen Rep Jr Sr Bros Dept Univ approx est Pvt Pty Pte Sdn"
).split()
_SENTENCE_END = re.compile(
    r"""(?<=[.!?])["”’')\]]*\s+(?=["“‘(\[]?(?:[A-Z0-9\u4e00-\u9fff]|[a-z][A-Z]))"""
)
# "... of Spain's SEAT S.A. The Tavascan ...": a company's legal form, then a sentence opener
_COMPANY_END = re.compile(r"(?:\b(?:Co|Corp|Inc|Ltd)|\b(?:[A-Z]\.){1,3}[A-Z])\.$")
_STARTER = re.compile(r"(?:The|It|Its|This|That|These|Those|In|On|At|But|He|She|They|We|Our|After|Before|When|While|Under|Since|Both)\s")
_ABBR_BEFORE = re.compile(r"(?:\b(?:%s)|\b[A-Z])\.$" % "|".join(_ABBREVIATIONS))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split text into sentences with exact offsets; newlines always end a sentence.

    Examples
    --------
    >>> [s.text for s in split_sentences("On Jan. 6, NIO signed. JAC Co., Ltd. agreed.\\nNew line")]
    ['On Jan. 6, NIO signed.', 'JAC Co., Ltd. agreed.', 'New line']
    """
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        body = line.group()
        cut = 0
        for m in _SENTENCE_END.finditer(body):
            if _ABBR_BEFORE.search(body[cut : m.start()]) and not (
                    _COMPANY_END.search(body[cut : m.start()]) and _STARTER.match(body, m.end())):
                continue
            _add_sentence(sentences, text, start + cut, start + m.start())
            cut = m.end()
        _add_sentence(sentences, text, start + cut, start + len(body))
    return tuple(sentences)


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end]))


def article_paths(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their article files (sorted); check that each path exists."""
    found: list[Path] = []
    for p in paths:
        if not p.exists():
            raise DocumentError(
                f"{p} does not exist. Give a folder of .txt/.md articles or article files."
            )
        if p.is_dir():
            found += sorted(
                f for f in p.iterdir()
                if f.suffix.lower() in ARTICLE_SUFFIXES and f.is_file() and f.name not in NOT_ARTICLES
            )
        elif p.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(p)
        else:
            raise DocumentError(f"{p} is not a .txt or .md article. Rename it or leave it out.")
    seen: dict[str, Path] = {}
    for f in found:
        if f.name in seen and seen[f.name].resolve() != f.resolve():
            raise DocumentError(
                f"Two articles share the file name {f.name} ({seen[f.name]} and {f}); "
                "article ids are file names, so rename one of them."
            )
        seen[f.name] = f
    return [seen[name] for name in sorted(seen)]


def read_manifest(folder: Path) -> dict[str, dict]:
    """Metadata of the articles in ``folder`` from its manifest.json, or {} if it has none."""
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        where = f"{path}, line {line}" if line else str(path)
        raise DocumentError(f"{where}: not valid JSON ({exc}). Fix the file or remove it.") from exc
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DocumentError(
            f"{path}: expected an object mapping file names to metadata objects, "
            'e.g. {"a.txt": {"publisher": "Gasgoo", "published": "2026-01"}}.'
        )
    return data


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = ""
        for enc in ("gb18030", "big5", "cp1252"):
            try:
                raw.decode(enc)
                guess = f" (it looks like {enc.upper()})"
                break
            except UnicodeDecodeError:
                continue
        raise DocumentError(
            f"{path} is not UTF-8 text{guess}: byte {exc.start} cannot be decoded. "
            "Re-save it as UTF-8. Nothing was added to the store."
        ) from exc


def _best_published(meta: DateValue | None, estimate: DateValue | None) -> DateValue | None:
    """Metadata wins; a text estimate may only sharpen a coarse metadata date it falls inside.

    Examples
    --------
    >>> _best_published(make_date("2019", origin="metadata"), make_date("2019-early", origin="estimated")).value
    '2019-early'
    >>> _best_published(make_date("2024", origin="metadata"), make_date("2023-12", origin="estimated")).value
    '2024'
    >>> _best_published(make_date("2025-12", origin="metadata"), make_date("2025-12-18", origin="stated")).value
    '2025-12-18'
    """
    if meta is None:
        return estimate
    if (
        estimate is not None
        and meta.precision in ("year", "decade", "half", "season", "quarter", "month")
        and meta.earliest <= estimate.earliest
        and estimate.latest <= meta.latest
        and (estimate.latest - estimate.earliest) < (meta.latest - meta.earliest)
    ):
        return estimate
    return meta


_PUBLISHED: dict[DateValue, DateValue] = {}


def load_article(path: Path, meta: dict | None = None, *, sentences: bool = True) -> Article:
    """Read one article file with its metadata (a manifest entry, possibly empty).

    ``sentences=False`` leaves the sentences unsplit (extraction splits them when it needs
    them), which keeps a large corpus small in memory."""
    raw = path.read_bytes()
    text = _decode(path, raw)
    meta = meta or {}
    unknown = set(meta) - {"publisher", "url", "published", "title", "note"}
    if unknown:
        raise DocumentError(
            f"{path.parent / MANIFEST}: {path.name}: unknown field(s) {sorted(unknown)}; "
            "allowed: publisher, url, published, title, note."
        )
    published: DateValue | None = None
    if meta.get("published"):
        try:
            published = make_date(str(meta["published"]), origin="metadata")
        except DateError as exc:
            raise DocumentError(f"{path.parent / MANIFEST}: {path.name}: published: {exc}") from exc
    published = _best_published(published, estimate_published(text))
    if published is not None:  # one shared value per date across a corpus
        published = _PUBLISHED.setdefault(published, published)
    try:
        return Article(
            id=path.name,
            text=text,
            sha256=hashlib.sha256(raw).hexdigest(),
            title=meta.get("title"),
            publisher=meta.get("publisher"),
            url=meta.get("url"),
            published=published,
            sentences=split_sentences(text) if sentences else (),
        )
    except ValidationError as exc:
        lines = [f"{path}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise DocumentError("\n".join(lines)) from exc


def load_articles(paths: Sequence[Path] | Path, *, sentences: bool = True) -> list[Article]:
    """Load every article under ``paths`` (folders or files), sorted by file name."""
    if isinstance(paths, Path):
        paths = [paths]
    files = article_paths(list(paths))
    manifests: dict[Path, dict[str, dict]] = {}
    articles = []
    for f in files:
        folder = f.parent
        if folder not in manifests:
            manifests[folder] = read_manifest(folder)
        articles.append(load_article(f, manifests[folder].get(f.name), sentences=sentences))
    return articles
