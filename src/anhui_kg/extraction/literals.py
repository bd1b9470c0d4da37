"""Literal words that a regex needs, so that a text lacking them is not searched at all.

sre finds a pattern fast only when the pattern starts with a literal or a set of letters:
then it skips in C to where a match can start. A long alternation whose alternatives
start with groups, optional words or look-behinds gets no such prefix, and sre tries
every alternative at every position of the text. Split into its top-level alternatives
(``alternatives``), each alternative can be searched only where a word it cannot match
without (``required_literals``) occurs in the text; ``Words`` finds, in one scan, which
of many such words a text holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre_c  # the parser's op codes; stable since Python 3.11
from re import _parser as sre_parse

__all__ = ["alternatives", "required_literals", "Words"]


def alternatives(pattern: str) -> list[str]:
    r"""The top-level alternatives of ``pattern``: "|".join of them gives it back.

    >>> alternatives(r"a(?:b|c)|[|(]d|\|e")
    ['a(?:b|c)', '[|(]d', '\\|e']
    """
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += pattern.startswith("^", i + 1)  # "[^" opens the class too
            i += pattern.startswith("]", i + 1)  # a "]" first in a class is a literal
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None when no
    such set is found (a pattern that can match without any fixed text).

    >>> sorted(required_literals(r"(?:jointly )?(?:formed|set up)(?= [a-z])"))
    ['formed', 'set up']
    >>> sorted(required_literals(r"\\bsuppl(?:y|ies) (?:[\\w-]+ ){0,4}?to\\b"))
    ['suppl']
    >>> required_literals(r"(?:a|b)?\\d+") is None
    True
    """
    try:
        parsed = sre_parse.parse(pattern)
        # under IGNORECASE a literal stands for more than itself
        found = None if parsed.state.flags & re.IGNORECASE else _required(parsed)
    except Exception:  # a parser of another Python version: search always, which is safe
        return None
    return frozenset(found) if found else None


def _required(seq) -> set[str] | None:
    """The rarest-looking requirement among the parts of a sequence, all of which must match:
    a run of literal characters, or the union of those of a group's alternatives."""
    options: list[set[str]] = []
    run = ""
    for op, av in seq:
        if op is sre_c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        need = None
        if op is sre_c.SUBPATTERN and not av[1] & re.IGNORECASE:  # (group, add flags, del flags, p)
            need = _required(av[-1])
        elif op is sre_c.BRANCH:
            each = [_required(branch) for branch in av[1]]
            need = None if any(n is None for n in each) else set().union(*each)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _required(av[2])
        # anything else (classes, look-arounds, optional parts) asks for no fixed text
        if need:
            options.append(need)
    if run:
        options.append({run})
    # the longer the shortest word, the rarer it is; then the fewer words, the better
    return max(options, key=lambda s: (min(map(len, s)), -len(s)), default=None)


class Words:
    """Which of many words occur in a text, found in one regex scan instead of one
    substring test per word.

    At each position a look-ahead takes the longest word that starts there (a trie, so sre
    follows one branch per character); the words found are those and the shorter words
    that are their prefixes, which are all the words starting there. Overlapping words
    ("invest" in "investor", "stake" after "mi") are all found.

    >>> sorted(Words(["stake", "take", "takeover", "over"]).found("the takeover"))
    ['over', 'take', 'takeover']
    """

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._scan = re.compile(f"(?=({_trie(self.words)}))", re.S)
        self._prefixes = {
            w: frozenset(p for p in self.words if w.startswith(p)) for w in self.words
        }

    def found(self, text: str) -> frozenset[str]:
        return frozenset().union(*map(self._prefixes.__getitem__, self._scan.findall(text)))


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` that, at a position, matches the longest one there."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # last: a longer word is tried first
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)
