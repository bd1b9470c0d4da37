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
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from re import _constants as sre_c  # the parser's op codes; stable since Python 3.11
from re import _parser as sre_parse

import ahocorasick

_WORD = itemgetter(1)  # of an automaton hit: (end index, word)

__all__ = ["alternatives", "required_literals", "openings", "trie", "Words", "Openings", "finditer_at"]


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

    def scan(self, text: str) -> tuple[list[int], list[int]]:
        """The starts and the ends of the words a scan from left to right finds: the word
        that starts at a position, then on from its end. Where no word is a prefix of
        another (at most one starts at a position), these are the matches of
        ``re.finditer`` of an alternation of the words, found in C.

        >>> Words(["day", "Monday", "1"]).scan("Monday 11 days")
        ([0, 7, 8, 10], [6, 8, 9, 13])
        """
        if not self.words:
            return [], []
        hits = sorted((end + 1 - len(w), end + 1) for end, w in self._automaton.iter(text))
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for start, end in hits:
            if start >= last:
                starts.append(start)
                ends.append(end)
                last = end
        return starts, ends


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


_MAX_OPENINGS = 256  # strings a pattern may start with, at most


def openings(pattern: str) -> tuple[int, frozenset[str]] | None:
    r"""(n, strings): every match of ``pattern`` starts with n characters that a class
    matches (``\s``, ``[A-Z]``), then one of the strings; None when no such strings are
    found (a pattern whose start is optional, repeated or of more than fixed classes).

    Zero-width tests (look-arounds, ``\b``) are passed over: they match no text.

    >>> n, found = openings(r"(?:t(?<!\w.)(?:he|hat)|i(?<!\w.)ts)\s[A-Z]")
    >>> n, sorted(found)
    (0, ['its', 'that', 'the'])
    >>> n, found = openings(r"\s(?:County|District)\b|\sof\s")
    >>> n, sorted(found)
    (1, ['County', 'District', 'of'])
    >>> n, found = openings(r"co-?founder|ceo")
    >>> n, sorted(found)
    (0, ['ceo', 'co-founder', 'cofounder'])
    >>> openings(r"(?:the\s)?[A-Z]") is None
    True
    """
    try:
        parsed = sre_parse.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        lead, found = _lead(parsed)
    except Exception:  # a parser of another Python version: no openings, search as before
        return None
    if found is None or "" in found:
        return None
    return lead, frozenset(found)


_ONE_CHARACTER = (sre_c.IN, sre_c.ANY, sre_c.NOT_LITERAL, sre_c.CATEGORY)


def _lead(seq) -> tuple[int, set[str] | None]:
    """(the classes ``seq`` starts with, the strings that follow them); a top-level
    alternation whose branches all start with as many classes counts too."""
    items = [(op, av) for op, av in seq if op not in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT)]
    lead = 0
    while lead < len(items) and items[lead][0] in _ONE_CHARACTER:
        lead += 1
    if lead == 0 and len(items) == 1 and items[0][0] is sre_c.BRANCH:
        branches = [_lead(b) for b in items[0][1][1]]
        if len({n for n, _ in branches}) == 1 and all(found for _, found in branches):
            return branches[0][0], set().union(*(found for _, found in branches))
    found, _ = _openings(items[lead:])
    return lead, found


def _openings(seq) -> tuple[set[str] | None, bool]:
    """(the strings every match of ``seq`` starts with, whether they are all of it)."""
    out = {""}
    for op, av in seq:
        optional = False
        if op is sre_c.LITERAL:
            each, whole = {chr(av)}, True
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
            continue  # matches no text
        elif op is sre_c.SUBPATTERN and not av[1] & re.IGNORECASE:
            each, whole = _openings(av[-1])
        elif op is sre_c.BRANCH:
            parts = [_openings(b) for b in av[1]]
            if any(p is None or "" in p for p, _ in parts):
                return out, False
            each, whole = set().union(*(p for p, _ in parts)), all(w for _, w in parts)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and (av[0], av[1]) == (0, 1):
            # "co-?founder": "co-founder" or "cofounder" (not "co", which "company" holds)
            each, whole = _openings(av[2])
            if each is None or "" in each or not whole:
                return out, False
            each, optional = each | {""}, True
        else:
            return out, False
        if each is None or "" in each and not optional or len(out) * len(each) > _MAX_OPENINGS:
            return out, False
        out = {a + b for a in out for b in each}
        if not whole:
            return out, False
    return out, True


class Openings:
    r"""Where in a text each of several patterns can start a match: at an occurrence of one
    of its ``openings``, found for all the patterns in one Aho-Corasick scan of the
    lower-cased text (in C, instead of one sre scan per pattern, which tries the pattern
    at every position whose character can start it). The positions serve ``finditer_at``.

    The text scanned must be the lower case of the text matched, with the same offsets
    (or that text itself, if it is lower case): a match's opening, lower-cased, is where
    the match starts in it.

    >>> said, title = re.compile(r"s(?<!\w.)aid\b"), re.compile(r"(?:Mr|Dr)\.?\s[A-Z]")
    >>> found = Openings([said, title]).starts("mr li said. dr wu, who said")
    >>> found[said.pattern], found[title.pattern]
    ([6, 23], [0, 12])
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]):
        self.sources = [p.pattern for p in patterns]
        owners: dict[str, list[tuple[int, int]]] = {}
        for i, source in enumerate(self.sources):
            opening = openings(source)
            if opening is None:
                raise ValueError(f"no openings: {source[:80]!r}")
            lead, found = opening
            low = {w.lower() for w in found}
            # where "chief executive officer" starts, "chief executive" does: one is enough
            for w in low:
                if not any(o != w and w.startswith(o) for o in low):
                    owners.setdefault(w, []).append((i, lead))
        self._automaton = ahocorasick.Automaton()
        for w, who in owners.items():
            self._automaton.add_word(w, (len(w) - 1, tuple(who)))
        self._automaton.make_automaton()

    def starts(self, low: str) -> dict[str, list[int]]:
        """Pattern source -> the positions of ``low`` where the pattern can start (where one
        of its openings starts, less the characters of classes before it), ascending and
        without repeats."""
        out: list[list[int]] = [[] for _ in self.sources]
        for end, (back, who) in self._automaton.iter(low):
            for i, lead in who:
                if end - back >= lead:  # (else the classes before the opening have no room)
                    out[i].append(end - back - lead)
        # (hits come by their end: a longer opening that ends later may start earlier)
        return {source: sorted(set(s)) if len(s) > 1 else s for source, s in zip(self.sources, out)}


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, where ``starts`` (ascending) holds every position at which
    a match can start: the match at each start not inside the last match found. (sre's
    look-behinds see the text before a start, as in a scan.) The pattern must not match
    the empty string."""
    end = 0
    match = pattern.match
    for s in starts:
        if s < end:
            continue
        m = match(text, s)
        if m is not None:
            end = m.end()
            assert end > s, "an empty match"
            yield m
