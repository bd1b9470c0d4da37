"""Extraction cache: what an article said, kept beside the store so it is not re-read.

A build resolves new articles together with every article already in the store, so adding
one article to a store of 100,000 used to extract all 100,001 again. The cache keeps each
article's extraction (its mentions and claims, as the pipeline spills them) under a key
made of the article itself (file name, text, metadata) and a fingerprint of the extractor
(its code and alias table): a changed article or a changed extractor misses, so a cached
extraction is always the one ``extract`` would give now.

The cache is an SQLite file inside an on-disk store's folder. It only ever saves work:
if it cannot be read it is set aside and rebuilt, and a memory or remote store has none.
"""

from __future__ import annotations

import hashlib
import sqlite3
import warnings
import zlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from .models import Article

FILE_NAME = "anhui-kg-extractions.sqlite"
_SCHEMA = 1  # bump when the cached payload changes shape


@cache
def extractor_fingerprint() -> str:
    """A hash of everything extraction depends on: its code, the models, sentence
    splitting and the alias table. Any edit to them makes every cached entry miss."""
    root = resources.files("anhui_kg")
    h = hashlib.sha256(f"schema {_SCHEMA}\n".encode())
    parts = sorted(p.name for p in (root / "extraction").iterdir() if p.name.endswith(".py"))
    for rel in [f"extraction/{p}" for p in parts] + ["models.py", "documents.py", "ontology/aliases.json"]:
        node = root.joinpath(*rel.split("/"))
        h.update(rel.encode() + b"\0" + node.read_bytes() + b"\0")
    return h.hexdigest()


def article_key(article: Article) -> str:
    """The cache key of an article: its file name, text and metadata under the current
    extractor (sentences are left out: they follow from the text)."""
    h = hashlib.sha256(extractor_fingerprint().encode())
    h.update(article.model_dump_json(exclude={"sentences"}).encode())
    return h.hexdigest()


class ExtractionCache:
    """Cached (mentions JSON, claims JSON) per article key, in one SQLite file."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            # Not a database any more (a torn copy, a stray file): it only saved work, so
            # set it aside and start again rather than fail the build.
            broken = path.with_name(path.name + ".broken")
            path.replace(broken)
            warnings.warn(f"The extraction cache {path} could not be read ({exc}); moved it "
                          f"to {broken.name} and started a new one.", stacklevel=2)
            self._db = self._open()
        self._pending: list[tuple[str, bytes]] = []

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        db.commit()
        return db

    @classmethod
    def beside(cls, store: object) -> ExtractionCache | None:
        """The cache of an on-disk store (``store.path``), or None for one in memory or remote."""
        folder = getattr(store, "path", None)
        if folder is None or not Path(folder).is_dir():
            return None
        return cls(Path(folder) / FILE_NAME)

    def keys(self) -> set[str]:
        """Every key the cache holds."""
        return {k for (k,) in self._db.execute("SELECT key FROM extraction")}

    def get(self, key: str) -> tuple[str, str] | None:
        """The (mentions JSON, claims JSON) stored under ``key``, or None."""
        row = self._db.execute("SELECT data FROM extraction WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        mentions, _, claims = zlib.decompress(row[0]).decode("utf-8").partition("\n")
        return mentions, claims

    def put(self, key: str, mentions_json: str, claims_json: str) -> None:
        """Keep an extraction; written by ``commit`` (JSON escapes line breaks, so one
        newline separates the two)."""
        self._pending.append((key, zlib.compress(f"{mentions_json}\n{claims_json}".encode(), 1)))
        if len(self._pending) >= 1000:
            self.commit()

    def commit(self) -> None:
        """Write what ``put`` gave since the last commit."""
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", self._pending)
            self._pending.clear()

    def retain(self, keys: Iterable[str]) -> int:
        """Drop every entry but ``keys`` (the articles now in the store); how many went."""
        self.commit()
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((k,) for k in keys))
            gone = self._db.execute(
                "DELETE FROM extraction WHERE key NOT IN (SELECT key FROM keep)").rowcount
        return gone

    def close(self) -> None:
        self.commit()
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
