"""Literal words that a regex needs, so that a text lacking them is not searched at all.

sre finds a pattern fast only when the pattern starts with a literal or a set of letters:
then it skips in C to where a match can start. A long alternation whose alternatives
start with groups, optional words or look-behinds gets no such prefix, and sre tries
every alternative at every position of the text. Split into its top-level alternatives
(``alternatives``), each alternative can be searched only where a word it cannot match
without (``required_literals``) occurs in the text; ``Words`` finds, in one scan, which
of many such words a text holds (an Aho-Corasick automaton, in C: several times faster
than any regex sre can run for it, which must try every position).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from operator import itemgetter
from re import _constants as sre_c  # the parser's op codes; stable since Python 3.11
from re import _parser as sre_parse

import ahocorasick

_WORD = itemgetter(1)  # of an automaton hit: (end index, word)

__all__ = ["alternatives", "required_literals", "trie", "Words"]


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
    ['supplies ', 'supply ']
    >>> required_literals(r"(?:a|b)?\\d+") is None
    True
    """
    try:
        parsed = sre_parse.parse(pattern)
        # under IGNORECASE a literal stands for more than itself
        options = [] if parsed.state.flags & re.IGNORECASE else _requirements(parsed)
    except Exception:  # a parser of another Python version: search always, which is safe
        return None
    return frozenset(_best(options)) if options else None


_MAX_EXACT = 64  # strings in one product of alternatives, at most


def _exact(seq) -> set[str] | None:
    """The strings ``seq`` matches, if it matches only fixed strings (few enough), else None."""
    out = {""}
    for op, av in seq:
        if op is sre_c.LITERAL:
            each = {chr(av)}
        elif op is sre_c.SUBPATTERN and not av[1] & re.IGNORECASE:  # (group, add flags, del flags, p)
            each = _exact(av[-1])
        elif op is sre_c.BRANCH:
            branches = [_exact(b) for b in av[1]]
            each = None if any(b is None for b in branches) else set().union(*branches)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and (av[0], av[1]) == (0, 1):
            inner = _exact(av[2])
            each = None if inner is None else inner | {""}
        else:
            each = None
        if each is None or len(out) * len(each) > _MAX_EXACT:
            return None
        out = {a + b for a in out for b in each}
    return out


def _requirements(seq) -> list[set[str]]:
    """Sets of strings, of each of which every match of ``seq`` contains one: runs of parts
    that match fixed strings (the strings they match), and what the other parts that must
    match require."""
    options: list[set[str]] = []
    run: set[str] = {""}

    def close_run():
        nonlocal run
        if "" not in run:
            options.append(_shortest(run))
        run = {""}

    for op, av in seq:
        fixed = _exact([(op, av)])
        if fixed is not None and len(run) * len(fixed) <= _MAX_EXACT:
            run = {a + b for a in run for b in fixed}
            continue
        close_run()
        if fixed is not None:
            run = fixed
            continue
        if op is sre_c.SUBPATTERN and not av[1] & re.IGNORECASE:
            options += _requirements(av[-1])
        elif op is sre_c.BRANCH:
            each = [_requirements(branch) for branch in av[1]]
            if all(each):  # one requirement of each branch: the union holds for all
                options.append(_shortest(set().union(*(_best(e) for e in each))))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT) and av[0] >= 1:
            options += _requirements(av[2])
        # anything else (classes, look-arounds, optional parts) asks for no fixed text
    close_run()
    return options


def _shortest(strings: set[str]) -> set[str]:
    """Those of ``strings`` that hold none of the others: "formed" for "jointly formed"."""
    return {s for s in strings if not any(o != s and o in s for o in strings)}


def _best(options: list[set[str]]) -> set[str]:
    """The rarest-looking requirement: the longer its shortest string, the rarer; then the
    fewer strings."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


class Words:
    """Which of many words occur in a text, found in one scan instead of one substring test
    per word: every word that occurs anywhere, overlapping ones too ("invest" in
    "investor", "stake" after "mi").

    >>> sorted(Words(["stake", "take", "takeover", "over"]).found("the takeover"))
    ['over', 'take', 'takeover']
    """

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self._automaton = ahocorasick.Automaton()
        for w in self.words:
            self._automaton.add_word(w, w)
        if self.words:
            self._automaton.make_automaton()

    def found(self, text: str) -> frozenset[str]:
        if not self.words:
            return frozenset()
        return frozenset(map(_WORD, self._automaton.iter(text)))  # (the loop in C)


def trie(words: Iterable[str], end: Callable[[int], str] = lambda length: "") -> str:
    """An alternation of ``words`` as a trie: sre follows one branch per character, and a
    branch starts with a literal. Where a word ends, ``end(its length)`` (a test of what
    comes after it, or nothing) is tried after the longer words that go on from there, so
    at a position the longest word there matches."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict, depth: int) -> str:
        alts = [re.escape(ch) + emit(sub, depth + 1) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append(end(depth))  # last: a longer word is tried first
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree, 0)
