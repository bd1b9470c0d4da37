"""Case-insensitive patterns that run as fast as case-sensitive ones.

Under IGNORECASE, sre compares every character case-insensitively and cannot skip ahead
to a pattern's first letter, which makes word alternations several times slower than
the same pattern in lower case over lower-cased text. ``Caseless`` compiles both and
uses the lower-case pair whenever it gives the same matches, which is for every text
except those with a character that IGNORECASE folds differently from ``str.lower``:

* one whose lower case is longer ("İ" -> "i̇"), which would shift offsets;
* "ı" and "ſ", which IGNORECASE matches to "i" and "s" but ``lower`` keeps as they are.

(The patterns' own letters must be ASCII; ``\\w``, ``\\s`` and ``\\d`` are unchanged by
``lower``.) Offsets are always those of the original text, but the groups of a match
found the fast way hold lower-cased text: use this only where a caller reads offsets,
or lower-cases what it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["Caseless", "folds_alike"]

_FOLDED_DIFFERENTLY = ("ı", "ſ")


def folds_alike(text: str) -> bool:
    """No character of ``text`` is one IGNORECASE folds differently from ``str.lower``.
    (Two substring tests: a generator over the two characters cost more than they do.)"""
    return "ı" not in text and "ſ" not in text


assert _FOLDED_DIFFERENTLY == ("ı", "ſ"), "folds_alike tests these"

# Callers test many patterns on one sentence in a row, so the last text and its lower
# case (or None where the lower case cannot be used) are kept. Holding the text keeps it
# alive, so ``is`` cannot mistake a new string for it.
_last: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """``text.lower()`` if matching it gives the same offsets as IGNORECASE, else None."""
    global _last
    last_text, last_low = _last  # one read, so another thread's update cannot split it
    if text is last_text:
        return last_low
    if text.isascii():  # (a flag of the string, no scan): lower-casing keeps every offset
        low = text.lower()
    else:
        low = text.lower()
        if len(low) != len(text) or not folds_alike(text):
            low = None
    _last = (text, low)
    return low


def _lower_pattern(pattern: str) -> str:
    r"""The pattern with its letters in lower case; escapes (``\S``, ``\B``) and group
    names are kept.

    >>> _lower_pattern(r"(?P<sym>US\$)\S+\bCEO")
    '(?P<sym>us\\$)\\S+\\bceo'
    """
    return re.sub(
        r"\\.|\(\?P[<=]\w+|[^\\(]+|\(",
        lambda m: m.group() if m.group().startswith(("\\", "(?P")) else m.group().lower(),
        pattern,
        flags=re.S,
    )


class Caseless:
    """A pattern compiled with IGNORECASE, matched over lower-cased text where that is the same.

    >>> p = Caseless(r"\\bsigned\\b")
    >>> p.search("JAC SIGNED it").span()
    (4, 10)
    """

    def __init__(self, pattern: str):
        cased = [c for c in pattern if c.lower() != c.upper()]
        if not all(c.isascii() for c in cased) or "(?-i" in pattern:
            raise ValueError(f"not a pattern Caseless can lower: {pattern!r}")
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        self.lower = re.compile(_lower_pattern(pattern))
        assert self.lower.groupindex == self.ignorecase.groupindex

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        subject = _lowered(text)
        return (self.ignorecase, text) if subject is None else (self.lower, subject)

    # (search and match, called most, look the lower case up themselves: one call less)
    def search(self, text: str) -> re.Match[str] | None:
        subject = _lowered(text)
        return self.ignorecase.search(text) if subject is None else self.lower.search(subject)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        subject = _lowered(text)
        return self.ignorecase.match(text, pos) if subject is None else self.lower.match(subject, pos)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        pattern, subject = self._pick(text)
        return pattern.finditer(subject, pos)
