"""Mentions: Article -> Mentions of organisations, brands, people, plants, places, products.

Two sources, merged longest-span-first:

* the alias table (``ontology/aliases.json``): known names, matched case-sensitively;
* patterns that need no table: legal and organisation-shaped names, descriptors and
  appositives ("battery maker Gotion", "Gotion, a Hefei-based battery maker"), names next
  to deal verbs, abbreviations introduced in parentheses or with "or", Chinese names in
  parentheses, people next to titles ("Chairman An Jin", "Xiang Xingchu, general manager
  of JAC"), surnames that point back to a full name in the same article, plants, brands
  and model names.

Rules carry a version in ``Mention.via`` (e.g. ``org_suffix.v1``) so a changed rule shows
in the output.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import TypeAdapter

from ..models import Article, EntityType, Mention
from .literals import Openings, finditer_at, required_literals

# --- the alias table ---------------------------------------------------------------


@dataclass(frozen=True)
class KnownName:
    key: str
    type: EntityType
    name: str


@dataclass(frozen=True)
class Aliases:
    """Surface form -> known entity, plus one compiled regex over all surface forms."""

    by_surface: dict[str, KnownName]
    pattern: re.Pattern[str]
    names: dict[str, KnownName]  # key -> entry
    regions: frozenset[str] = frozenset()  # matched, so no rule takes them, but not entities


def build_aliases(entries: list[dict], regions: Iterable[str] = ()) -> Aliases:
    by_surface: dict[str, KnownName] = {}
    names: dict[str, KnownName] = {}
    for e in entries:
        kn = KnownName(e["id"], e["type"], e["name"])
        names[e["id"]] = kn
        for s in [e["name"], *e.get("aliases", [])]:
            by_surface.setdefault(s, kn)
    regions = frozenset(r for r in regions if r not in by_surface)
    # "(?<![\w&-])" is tested after a name's first character, so that the regex starts with
    # that character and sre can skip in C to the positions where a name can start
    pattern = re.compile(r"%s(?![\w&]|\$)" % _trie_alternation([*by_surface, *regions], after_first=r"(?<![\w&-].)"))
    return Aliases(by_surface, pattern, names, regions)


def _trie_alternation(names: Iterable[str], after_first: str = "") -> str:
    r"""A regex for any of ``names``, as a trie: the longest name first, as if sorted by length.

    At each character sre follows the one branch that can match instead of trying every
    name in turn. A name that continues into a longer one is tried after it (the empty
    branch comes last), so when a test after the name fails, backtracking gives the next
    shorter name at the same position -- what an alternation sorted longest first gives.
    ``after_first`` is put after every name's first character (e.g. a look-behind).

    >>> _trie_alternation(["NIO", "NIO Power", "JAC"])
    '(?:JAC|NIO(?:\\ Power|))'
    """
    tree: dict = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}  # a name ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    first = [re.escape(ch) + after_first + emit(sub) for ch, sub in sorted(tree.items())]
    return "(?:" + "|".join(first) + ")"


@lru_cache(maxsize=4)
def load_aliases(path: str | None = None) -> Aliases:
    """The alias table shipped in ``ontology/aliases.json`` (or one at ``path``)."""
    if path is None:
        text = (resources.files("anhui_kg") / "ontology" / "aliases.json").read_text("utf-8")
    else:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    data = json.loads(text)
    return build_aliases(data["entities"], data.get("regions", ()))


# --- vocabulary --------------------------------------------------------------------


def _alternatives(group: str) -> list[str]:
    r"""The top-level alternatives of a ``(?:a|b|...)`` group.

    >>> _alternatives(r"(?:co-?founder|chief (?:a|b) officer|[Tt]he)")
    ['co-?founder', 'chief (?:a|b) officer', '[Tt]he']
    """
    assert group.startswith("(?:") and group.endswith(")"), group
    body, out, depth, cur, i = group[3:-1], [], 0, "", 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            cur, i = cur + body[i : i + 2], i + 2
            continue
        if c == "[":
            j = body.index("]", i + 2)
            cur, i = cur + body[i : j + 1], j + 1
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    return [*out, cur]


def _at_word_start(alternatives: Iterable[str]) -> str:
    r"""``\b(?:a|b|...)`` for alternatives that each start with a plain letter, written so
    that sre can skip in C to the positions where one can start.

    A pattern that starts with ``\b`` is tried at every position of the text; one whose
    alternatives each start with a literal lets sre skip to those letters. So the
    alternatives are grouped by their first letter (in their order, so the same one wins),
    and the word boundary becomes a look-behind after that letter. Case-sensitive only.

    >>> _at_word_start(["the", "its", "that"])
    '(?:t(?<!\\w.)(?:he|hat)|i(?<!\\w.)(?:ts))'
    """
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        assert a[0].isalpha() and a[1:2] not in ("?", "*", "+", "{"), a
        groups.setdefault(a[0], []).append(a[1:])
    return "(?:" + "|".join(rf"{c}(?<!\w.)(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")"


# Legal forms of many countries, written with their full stops (the spelled-out and
# one-word forms are in ORG_SUFFIX): "S.A.", "S.p.A.", "Sdn. Bhd.", "Pty Ltd", "(Limited Partnership)"
LEGAL_FORMS = (
    r"(?:Co|Corp)\.,?[ \u00a0]?Ltd\.|Co\.|Ltd\.|Inc\.|Corp\.|S\.A\.(?:B\.)?[ \u00a0]de[ \u00a0]C\.V\.|S\.A\.S\.|S\.A\.U\.|S\.A\.E\.|S\.A\.C\.|"
    r"S\.A\.|S\.L\.|S\.p\.A\.|S\.r\.l\.|S\.à[ \u00a0]r\.l\.|N\.V\.|B\.V\.|K\.K\.|L\.P\.|Ltda\.|"
    r"Sdn\.?[ \u00a0]Bhd\.?|Bhd\.|(?:Pty|Pvt|Pte)\.?[ \u00a0]Ltd\.?|GmbH[ \u00a0][&+][ \u00a0]Co\.[ \u00a0]KG|GmbH|AG|LLC|LLP|PLC|"
    r"PJSC|JSC|Tbk\.?|SpA|SAS|SE|AB|ASA|Oyj|Oy|KG|plc|\(Limited[ \u00a0]Partnership\)|"
    r"[Ss]p\.[ \u00a0]z[ \u00a0]o\.o\.|Lda\.|OÜ|s\.r\.o\.|a\.s\.|d\.o\.o\.|Kft\.|Zrt\.|A\.Ş\.|S\.R\.L\.|"  # Polish, Czech, Slovene, Hungarian, Turkish
    r"A/S|ApS|AS|SARL|S\.A\.R\.L\.|"  # Danish, Norwegian; French
    r"EOOD|EAD|OOD|AD|UAB|SIA|d\.d\."  # Bulgarian, Lithuanian, Latvian, Croatian
)
# Words before a name that make it an organisation's: "Grupo CAOA", "PT Handal Motor"
ORG_PREFIX = frozenset("Grupo Groupe Gruppo Grupa Groep PT OOO OAO PJSC JSC Banco Companhia Compañía".split())

ORG_SUFFIX = (
    r"(?:Co|Corp)\.,?\s?Ltd\.?|Co\.|Ltd\.?|Corporation|Corp\.?|Inc\.?|Incorporated|Limited|LLC|PLC|plc|AG|GmbH|"
    r"S\.A\.|S\.L\.|S\.p\.A\.|N\.V\.|B\.V\.|sp\.\sz\so\.o\.|s\.r\.o\.|a\.s\.|d\.o\.o\.|Kft\.|Zrt\.|A\.Ş\.|Bhd\.?|Berhad|Ltda\.?|Lda\.|SpA|SAS|SARL|S\.A\.R\.L\.|SE|AB|ASA|AS|ApS|Oyj|Oy|SA|NV|BV|A/S|Kft|Zrt|Srl|SRL|KG|LLP|JSC|PJSC|Tbk\.?|EOOD|EAD|OOD|AD|UAB|SIA|d\.d\.|"
    r"\(Limited Partnership\)|Limited Partnership|Partnership|Group|Holdings?|Company|Motors?|Automobiles?|Automotive|Auto|Semiconductors?|"
    r"Technology|Technologies|Tech|High-Tech|Batter(?:y|ies)|Energy|Electronics|Robotics|Industr(?:y|ies)|"
    r"Manufacturing|Fund|Capital|Investments?|Partners|Bank|Securities|Ventures?|Systems|"
    r"Materials|Power|Microelectronics|Intelligence|Mobility|Engineering|Machinery|Chips?|"
    r"Vehicles?|Logistics|Software|New Energy|Electric|Steel|Cement|Chemicals?|"
    # what parts suppliers are called after: "Kestrel Polymer", "Lumen Photonics"
    r"Polymers?|Plastics|Rubber|Photonics|Optics|Optoelectronics|Sensors|Sensorics|Components|Parts|"
    r"Precision|Lighting|Composites|Metals?|Castings|Forgings|Sealing|Cables?|Wheels?|Tyres?|Tires?|Glass"
)
FUND_WORDS = re.compile(r"\b(?:Fund|Capital|Investments?|Partners|Ventures?|Securities|Bank)\b")
GOV_WORDS = re.compile(
    r"\b(?:Government|Bureau|Ministry|Commission|Committee|Administration|Council|Authority|"
    r"People's Congress|Municipality|Department)\b"
)
ORG_WORDS = re.compile(
    r"\b(?:Association|University|Institute|Academy|Market|Exchange|Alliance|Federation|"
    r"Chamber|Society|Center|Centre|Foundation|Agency|Program|Programme|Zone|Park)\b"
)
_MEDIA_NAMES = ("News", "Daily", "Times", "Post", "Journal", "Herald", "Weekly", "Reuters", "Xinhua", "Bloomberg", "Caixin")
MEDIA_WORDS = re.compile(r"\b(?:%s)$" % "|".join(_MEDIA_NAMES))

DESCRIPTORS = (
    r"(?:EV|electric[- ]vehicle|NEV|car|auto|battery|chip|semiconductor|software|tech|technology|"
    r"parts|components?|lidar|robotaxi|truck|bus|engine|steel|materials?|charging|swap|"
    r"state-owned|Chinese|German|Japanese|Korean|American|British|French|Spanish|Italian|"
    r"global|local|domestic|private|listed|[A-Z][a-z]+-based|"
    r"investment|venture|equity|industrial|government|guidance|rival|peer|partner|startup|"
    r"supplier|manufacturer|maker|giant|firm|company|group|fund|automaker|carmaker)"
)
DESCRIPTOR_NOUN = (
    r"(?:automaker|carmaker|car maker|EV maker|maker|manufacturer|supplier|startup|start-up|"
    r"firm|company|giant|developer|designer|producer|chipmaker|fund|investor|shareholder|"
    r"group|conglomerate|operator|provider|platform|partner|rival|brand|major|refiner|assembler|"
    r"distributor|consultancy|retailer|dealer|importer|insurer|lender|utility|foundry)"
)

TITLE = (
    r"(?:co-?founder|founder|vice[- ]chairman|vice[- ]chairwoman|chairman|chairwoman|chair|"
    r"chief executive officer|chief executive|CEO|vice[- ]president|president|general manager|"
    r"chief (?:financial|technology|operating|technical|marketing|strategy|product) officer|"
    r"chief (?:engineer|designer|scientist)|"
    r"CFO|CTO|COO|managing director|executive director|director|head|party secretary|"
    r"secretary|leader|executive|spokesperson|spokesman|spokeswoman|senior vice president|"
    r"governor|lieutenant governor|mayor|deputy mayor|premier|prime minister|minister|senator|ambassador|"
    r"commissioner|vice[- ]governor|vice[- ]mayor)"
)
TITLE_CAP = re.compile(r"(?i:%s)" % TITLE)
# "Li", "Yan’an", "Jean-Luc", "DeWine", "McAllister"
# (and "Aistė Vaitkevičiūtė", "Zoran Periša", "Ćosić": Latin letters with Central European marks)
_NAME_WORD = r"(?:Mc|Mac|De|Di|Du|La|Le)?[A-ZČĆŠŽŁŚŹŻĐ][a-zà-ÿ\u0100-\u017f]+(?:[’'-][A-Za-z][a-zà-ÿ\u0100-\u017f]+)?"
# particles inside names: "Carlos Alberto de Oliveira Andrade", "Ursula von der Leyen"
_NAME_PARTICLES = r"(?:(?:\s(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|la|le|bin|binti|al|el))+\s%s(?:\s%s)?)" % (
    _NAME_WORD, _NAME_WORD)
# "William Li", "John F. Kennedy", "J.B. Pritzker", "Carlos Alberto de Oliveira Andrade"
NAME = r"(?:(?:[A-Z]\.\s?){1,2}%s|%s(?:\s[A-Z]\.)?(?:(?:\s%s){1,2}%s?|%s))" % (
    _NAME_WORD, _NAME_WORD, _NAME_WORD, _NAME_PARTICLES, _NAME_PARTICLES)
SPEECH = (
    r"(?:’s|'s|‘s|\s(?:said|says|stated|noted|added|told|acknowledged|revealed|stressed|"
    r"emphasized|emphasised|explained|believes|offered|cast|rolled|urged|recalled|argued))"
)

STOP_CAPS = frozenset(
    """The A An In On At By For From With And Or But As Of To This That These Those It Its
    Their They He She His Her We Our You Your I After Before During While When Where Which
    Who What Why How Meanwhile However Moreover Separately Also Notably Overall Previously
    Recently Currently Now Then Both Each Every All Some Several Many Most Other Another
    Under Over Into Through Across Against Between Among Since Until Despite Amid Alongside
    According Back Early Late Mid Last Next First Second Third Fourth Fifth New Chinese
    China's Image Source Credit Image Read More Subscribe Join Stay Continue Reporting
    Editing Photo Data Market Industry Company Group Analysts Sources Officials
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Q1 Q2 Q3 Q4 H1 H2 EV EVs NEV NEVs SUV SUVs MPV R&D OEM OEMs IPO
    CEO CFO CTO COO AI Chairman President Founder Director Minister Mayor Governor Premier
    Agreement Framework Memorandum Strategic Cooperation Partnership Joint Venture Deal
    Plant Factory Province City County District Government Party Belt Road Mr Ms Mrs Dr Prof
    Nobody Everybody Everyone Somebody Someone Anybody Anyone None About""".split()
)

GENERIC_WORDS = frozenset(
    """Auto Automotive Automobile Automobiles Industry Industries Technology Technologies Tech
    Energy New Development Innovation Intelligent Smart Electric Vehicle Vehicles Battery
    Batteries Power Systems Materials Manufacturing Advanced Global International Digital
    Software Mobility Chips Chip Semiconductor Semiconductors Engineering Machinery Group
    Company Holdings Holding Investment Investments Capital Fund Partners Components
    Collaborative Platform Co-building Jointly Building Joint High-Tech Logistics""".split()
)

PERSON_STOP = STOP_CAPS - {"An", "A", "He", "Back", "Early", "Mid", "May", "Chairman"}

GENERIC_SINGLE = frozenset(
    """Chinese Western European Asian American German Japanese Korean British French Global
    Local National State Provincial Municipal Auto Automotive Technology Energy Battery
    Electric Smart Green Tier Level Phase Model Series Version Platform""".split()
)

# Nationality adjectives: "the German group", "the Spanish company" describe an
# organisation named elsewhere; they are never its name.
DEMONYM = re.compile(
    r"(?:(?:North|South|East|West|Southeast|Central|Latin)\s)?"
    r"(?:[A-Z][a-z]+(?:ese|ish|ian)|American|German|Korean|Mexican|Moroccan|African|European|"
    r"Asian|Dutch|French|Swiss|Thai|Greek|Czech|Israeli|Saudi|Emirati|Nordic|Western|Eastern|"
    r"Philippine|Filipino|Argentine|Chilean|Kazakh|Uzbek|Pakistani|Iraqi|Kuwaiti|Qatari|Omani|Bahraini|"
    r"Yemeni|Cypriot|Icelandic|Welsh|Slovak|Azerbaijani|Nepali|Bangladeshi|Lao|Libyan|Kenyan|Basque|Catalan)"
)

PRODUCT_NOUNS = r"(?:MPV|SUV|sedan|hatchback|truck|pickup|coupe|crossover|minivan|van|bus|chip|SoC|MCU|platform|engine|battery|model)"
# (the pattern starts with one character class and the look-behind comes after it, so that
# sre skips in C to the capitals and digits where a code can start; which of the two forms
# follows depends on that first character)
CODE = re.compile(
    r"([A-Z0-9](?<![\w$€¥.,-].)(?:(?<=[A-Z])[A-Z]{0,3}\d{1,5}[A-Z]{0,3}|(?<=\d)[A-Z]{2,4}))(?![\w%-]|\.\d)"
)
CODE_EXCLUDE = re.compile(r"^(?:Q[1-4]|H[12]|[1-9]G|[1-9]D|[1-9]Q\d*|COVID\d*|CO2|L[2-5]|A\d|B\d|F\d|G\d)$")

CJK = r"[\u3400-\u9fff]"

# (dotted initials count where a capitalised word follows: "W.F.C. Group")
# capitals of the Latin alphabets of Europe, so that "Örebro", "Østfold" or "Łódź" start names
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
_CAP_WORD = r"(?!(?:Co|Ltd|Inc|Corp|Sdn|Bhd|Pty|Pvt|Pte|Ltda|Lda)\.)(?:[%s][\w&’'-]*[\w&]|[%s](?![./])|[a-z]{1,2}[A-Z][\w-]*|(?!S\.A\.|N\.V\.|B\.V\.|K\.K\.|L\.P\.|S\.L\.)(?:[A-Z]\.){2,}(?=[ \u00a0][A-Z]))" % (UPPER, UPPER)
_SP = r"[ \u00a0]"
# lower-case words inside Romance and Germanic names: "Transportes Andinos del Sur S.A."
_NAME_LINK = r"(?:de|del|della|di|da|do|dos|das|du|des)"
_LEGAL_TAIL = r"(?:,?[ \u00a0](?:%s))" % LEGAL_FORMS
# (the words of a capitalised phrase after its first)
_CAP_PHRASE_REST = r"(?:(?:%s(?:of|of the|&|%s)%s|%s)(?:%s|\((?:%s)\)))*%s?" % (
    _SP, _NAME_LINK, _SP, _SP, _CAP_WORD, _CAP_WORD, _LEGAL_TAIL)
_CAP_PHRASE = re.compile(r"(?<![\w’'-])%s%s" % (_CAP_WORD, _CAP_PHRASE_REST))
_CAP_SEQ = r"(?:%s)(?:%s(?:%s%s)?(?:%s))*%s?" % (_CAP_WORD, _SP, _NAME_LINK, _SP, _CAP_WORD, _LEGAL_TAIL)
# Speed: the scan for _CAP_PHRASE. Its first word may start with one or two lower-case
# letters ("eVTOL", "iPhone"), so sre tries it at every letter of the text. This pattern
# starts with the class of capitals, so sre skips in C to them (less than half the time
# of the scan; the class must come first, outside any group or alternation, for that):
# * _CAP_PHRASE whose first word starts with a capital, written after that capital: the
#   look-behind and the look-aheads that came before it look one character back;
# * else ``lower_first``: a capital after such lower-case letters at a word's start (where
#   the first form cannot match), where _CAP_PHRASE can start a match this pattern cannot:
#   _CAP_PHRASE finds that one (see _cap_phrases).
_CAP_PHRASE_AT_CAPITAL = re.compile(
    rf"[{UPPER}]" r"(?:(?<![\w’'-].)(?!(?<=C)o\.|(?<=L)td\.|(?<=I)nc\.|(?<=C)orp\.|(?<=S)dn\.|(?<=B)hd\.|(?<=P)ty\.|(?<=P)vt\.|(?<=P)te\.|(?<=L)tda\.)"
    r"(?:[\w&’'-]*[\w&]|(?![./])|(?!(?<=S)\.A\.|(?<=N)\.V\.|(?<=B)\.V\.|(?<=K)\.K\.|(?<=L)\.P\.|(?<=S)\.L\.)\.(?:[A-Z]\.)+(?=[ \u00a0][A-Z]))"
    r"%s|(?P<lower_first>(?<=(?<![\w’'-])[a-z].)|(?<=(?<![\w’'-])[a-z][a-z].)))" % _CAP_PHRASE_REST
)
# (the first word above is _CAP_WORD's capital forms, rewritten: a change to _CAP_WORD
# must be made there too; tests/test_mentions.py compares the two scans on every article)
assert _CAP_WORD.startswith(r"(?!(?:Co|Ltd|Inc|Corp|Sdn|Bhd|Pty|Pvt|Pte|Ltda|Lda)\.)(?:[" + UPPER + r"][\w&’'-]*[\w&]|[" + UPPER + r"](?![./])|[a-z]{1,2}[A-Z][\w-]*|"
                         r"(?!S\.A\.|N\.V\.|B\.V\.|K\.K\.|L\.P\.|S\.L\.)(?:[A-Z]\.){2,}"), "_CAP_PHRASE_AT_CAPITAL follows _CAP_WORD"


def _cap_phrases(text: str) -> list[re.Match[str]]:
    """The matches of _CAP_PHRASE in ``text``, found by the faster _CAP_PHRASE_AT_CAPITAL.

    Both scans find the same matches up to a name that starts in lower case, where the
    faster one finds a ``lower_first`` capital, one or two letters after the name's start
    (no match before holds those letters: a match cannot end inside a word). There
    _CAP_PHRASE finds the name, and the faster scan goes on after it.
    """
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        for m in _CAP_PHRASE_AT_CAPITAL.finditer(text, pos):
            if m.lastgroup is None:  # (only lower_first is a named group)
                out.append(m)
                continue
            name = _CAP_PHRASE.search(text, max(out[-1].end() if out else pos, m.start() - 2))
            out.append(name)
            pos = name.end()
            break
        else:
            return out

DEAL_WORDS = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|agree(?:d|ment|ments)?|partner(?:ed|ing|ship|ships)?|"
    r"allian(?:ce|ces)|joint venture|JV|acquir(?:e|ed|es|ing)|acquisition|invest(?:ed|s|ing|ment|or|ors)?|"
    r"stake|supply|supplie[sd]|supplier|licen[cs](?:e|ed|ing)|tie-up|team(?:ed)? up|joined forces|"
    r"collaborat(?:e|ed|ion|ing)|cooperat(?:e|ed|ion|ing)|deal|merger|merge[ds]?|buy(?:s|ing)?|bought|"
    r"memorandum|MoU|MOU|contract|order(?:ed|s)?|manufactur(?:e|ed|ing) (?:for|vehicles for)|talks)\b",
    re.IGNORECASE,
)

# hedge words before a figure: "about 10%", "more than 2 billion"
APPROXIMATELY = r"(?:about|around|nearly|almost|roughly|some|over|more\sthan)"


# Small patterns used inside loops, compiled once (``re.match(string, ...)`` looks the
# pattern up in re's cache on every call)
_NAME_RE = re.compile(NAME)
_PLACE_WITH_UNIT = re.compile(r"[A-Z][a-z]+ (?:City|Province|County|District)")
_CJK_PAREN = re.compile(rf"\s?[（(]{CJK}+[)）]")
_LEAD_WORD = re.compile(r"(?:The|In|On|At|By|For|With|And|But|As|While|When)\s")
_COMPANY_NOUN = re.compile(
    r"maker|firm|company|supplier|startup|start-up|group|manufacturer|producer|assembler|importer|distributor|"
    r"conglomerate|foundry|consultancy|retailer|dealer|insurer|lender|refiner|developer|subsidiary|unit|affiliate")
_CAPITAL = re.compile(r"[A-Z]")
_CAPITALS = re.compile(r"[A-Z]{2,}s?")
_DIGIT = re.compile(r"\d")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_WORD_BEFORE_CODE = re.compile(r"([A-Z][a-z]+)\s$")
# (letters with marks are letters: "Waitematā Fleet Leasing Limited" is "Waitematā" too)
_NOT_LETTER_OR_HYPHEN = re.compile(r"[^A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f-]")
_WORD_OR_CAPITAL_NEXT = re.compile(r"[\w’'-]|\s[A-Z]")
_PARK_WORD = re.compile(r"(?:Industrial|Science|Technology|High-Tech)\s")
_PHRASE_END = re.compile(r"[,.;:)]|$")


# --- helpers -----------------------------------------------------------------------


def _sentence_index(article: Article, pos: int, starts: list[int] | None = None) -> int:
    """The index of the sentence that contains ``pos``, else of the next one (or the last).
    ``starts`` are the sentences' start offsets, in order (a caller that asks many times
    passes them; sentences are sorted and do not overlap)."""
    sentences = article.sentences
    if starts is None:
        starts = [s.start for s in sentences]
    i = bisect_right(starts, pos) - 1
    if i >= 0 and pos < sentences[i].end:
        return sentences[i].index
    return max(0, min(i + 1, len(sentences) - 1))


def strip_possessive(text: str, start: int, end: int) -> tuple[int, int]:
    s = text[start:end]
    for suf in ("’s", "'s", "‘s", "’", "'"):
        if s.endswith(suf) and len(s) > len(suf) + 1:
            return start, end - len(suf)
    return start, end


def normalize_name(name: str) -> str:
    """Casefolded name with quotes, apostrophes and spacing unified.

    Examples
    --------
    >>> normalize_name("Zuo Yan’an")
    "zuo yan'an"
    """
    name = re.sub(r"[’‘`´]", "'", name).replace("\u00a0", " ")
    name = re.sub(r"[“”\"]", "", name)
    return re.sub(r"\s+", " ", name).strip().casefold()


_LEGAL = re.compile(
    r"(?:[\s,]+(?:%s|Co\.?,?\s?Ltd\.?|Ltd\.?|Corporation|Corp\.?|Inc\.?|Incorporated|Limited|"
    r"plc|Company|Group|Berhad|Ltda|Limited Partnership|Partnership))+$" % LEGAL_FORMS
)



def core_name(name: str) -> str:
    """The name without legal form or a trailing 'Group', for matching across articles.

    Examples
    --------
    >>> core_name("Lontium Semiconductor (Hefei) Co., Ltd.")
    'lontium semiconductor'
    >>> core_name("NIO Holding")
    'nio holding'
    """
    n = re.sub(r"\s*\((?:[A-Z][a-z]+|%s+)\)" % CJK, "", name)
    prev = None
    while prev != n:
        prev = n
        n = _LEGAL.sub("", n).strip(" ,")
    return normalize_name(n)


_HEADING_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _is_heading(text: str, start: int, end: int) -> bool:
    """A title-case line without final punctuation: headings invite false organisations."""
    line = text[start:end].strip()
    if not line or line[-1] in ".!?:;,”\"’)" or len(line) > 80 or " -> " in line or " <-> " in line:
        return False  # (a tracker's "A -> B" line names two companies: no heading)
    words = _HEADING_WORD.findall(line)
    if not words:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return caps / len(words) >= 0.6


# --- the extractor -----------------------------------------------------------------


@dataclass
class _Cand:
    start: int
    end: int
    type: EntityType
    name: str
    key: str | None
    via: str
    rank: int  # higher wins on overlap when spans are equally long


def extract_mentions(article: Article, aliases: Aliases | None = None) -> tuple[Mention, ...]:
    """Every mention in the article, non-overlapping, in text order.

    Examples
    --------
    >>> from anhui_kg.documents import split_sentences
    >>> from anhui_kg.models import Article
    >>> t = "Lumen Drive signed a supply deal with battery maker Kestrel Cells. Chairman Ma Lin attended."
    >>> a = Article(id="x.txt", text=t, sha256="0", sentences=split_sentences(t))
    >>> [(m.text, m.type) for m in extract_mentions(a)]
    [('Lumen Drive', 'Company'), ('Kestrel Cells', 'Company'), ('Ma Lin', 'Person')]
    """
    aliases = aliases or load_aliases()
    text = article.text
    cands: list[_Cand] = []
    heading = [_is_heading(text, s.start, s.end) for s in article.sentences]
    starts = [s.start for s in article.sentences]
    any_heading = any(heading)

    def in_heading(pos: int) -> bool:
        return any_heading and heading[_sentence_index(article, pos, starts)]

    # 1. the alias table
    for m in aliases.pattern.finditer(text):
        kn = aliases.by_surface.get(m.group())
        if kn is None:  # a region ("Southeast Asia"): it blocks other rules, then is dropped
            cands.append(_Cand(m.start(), m.end(), "Place", m.group(), None, "region.v1", 3))
            continue
        cands.append(_Cand(m.start(), m.end(), kn.type, kn.name, kn.key, "table.v1", 3))

    # where the word-led patterns of the rules below can start: one scan for all of them
    low = text.lower()
    opened = _OPENINGS.starts(low) if len(low) == len(text) else None

    # 2. people next to titles
    cands += _people(text, low, opened)

    # 3. organisation-shaped names, descriptors, appositives, deal context -- but not
    #    words inside a quoted title ("Framework Agreement on ... the Automotive Industry")
    has_quotes = "“" in text or '"' in text
    titles = [(m.start(), m.end()) for m in _QUOTED_TITLE.finditer(text)] if has_quotes else []
    for c in _organisations(text, article, aliases, heading, low, opened):
        # (a post "at" a name says it is an organisation's, in a profile's title-cased line too)
        if (c.via == "post_at.v1" or not in_heading(c.start)) and not (titles and any(a <= c.start < b for a, b in titles)):
            cands.append(c)
    named, subsidiary_starts = _named_in_context(text, aliases, opened)
    cands += [c for c in named if not in_heading(c.start)]

    # 4. places, plants, brands, products
    cands += [c for c in _places(text, aliases, opened) if not in_heading(c.start)]
    cands += [c for c in _plants(text) if not in_heading(c.start)]
    cands += _brands(text, aliases)
    cands += [c for c in _products(text, aliases) if not in_heading(c.start)]

    chosen = _resolve_overlaps(_drop_posts_and_described_terms(text, cands))
    if subsidiary_starts:
        # "its U.S. subsidiary, Kestrel Inc.": an entity of its own, even where its name
        # without legal form is a known parent's
        chosen = [
            _Cand(c.start, c.end, c.type, c.name, None, "subsidiary.v1", c.rank)
            if c.start in subsidiary_starts and c.key is None and c.type in _ORG_TYPES else c
            for c in chosen
        ]
    chosen = _places_shown_by_text(text, chosen)
    chosen = _abbreviations(text, chosen, aliases)
    chosen = _institutions_for(text, chosen)
    chosen = _units_named_by_place(text, chosen)
    chosen = _people_in_deal_context(text, chosen)
    chosen = _places_named_elsewhere(text, chosen)
    chosen = _places_that_act(text, chosen, aliases)
    chosen = _surname_first_names(text, chosen)
    chosen = _surnames(text, chosen)
    chosen = _model_codes(chosen)
    chosen = [c for c in chosen if c.via != "region.v1" and not (text[c.start - 1 : c.start] == "(" and _dateline_credit(text, c))]
    # one validation call for the whole tuple (several times faster than one per Mention)
    return _MENTIONS.validate_python([
        dict(
            id=f"{article.id}#{c.start}-{c.end}",
            article=article.id,
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            type=c.type,
            sentence=_sentence_index(article, c.start, starts),
            key=c.key,
            name=c.name,
            via=c.via,
        )
        for c in chosen
    ])


_MENTIONS = TypeAdapter(tuple[Mention, ...])
_CREDIT_END = re.compile(r"\)\s*[-–—]{1,2}\s")
_DATELINE_OPENING = re.compile(r"[A-Z]{3,}[^\n]*\d")


def _dateline_credit(text: str, c: _Cand) -> bool:
    """"ARDEN, Italy, Thursday, April 13, 2028 (Lumen News Agency) —": the wire that sent
    the story, not an organisation of it."""
    line = text.rfind("\n", 0, c.start) + 1
    return (c.start - line <= 100 and _CREDIT_END.match(text, c.end) is not None
            and _DATELINE_OPENING.match(text, line, c.start) is not None)


_TIER = {
    "table.v1": 0, "region.v1": 0, "title_before.v1": 0, "title_after.v1": 0, "title_of_org.v1": 0,
    "honorific.v1": 0, "plant_name.v1": 0, "plant_code.v1": 0, "person_cue.v1": 0, "who_role.v1": 0,
    "government.v1": 0, "china_unit.v1": 0, "named_unit.v1": 0, "renamed.v1": 0, "brand_cue.v1": 0, "state_government.v1": 0,
    "deal_context.v1": 2, "speaker.v1": 2,
}


# a name that ends with its legal form ("Lumen Drive Co., Ltd.", "Orla GmbH", "Vadar Corporation")
LEGAL_END = re.compile(rf"(?:\s|^)(?:{LEGAL_FORMS}|Company Limited|Limited|Corporation|Incorporated)$")
# rules whose name, where it holds a known name and more, is as sure as the table
_EXTENDS_KNOWN = frozenset({"org_suffix.v1", "model_code.v1", "institution.v1", "name_number.v1",
                            "model_noun.v1", "model_appositive.v1", "place_of.v1", "place_comma.v1",
                            "place_site.v1", "place_unit.v1", "appositive.v1", "descriptor.v1"})


def _name_word_after_place(word: str) -> bool:
    """'Kestrel' in 'Anhui Kestrel': a word that can only be the rest of an organisation's name."""
    return (len(word) >= 3 and word[0].isupper() and word[1:].islower() and word not in STOP_CAPS
            and word not in GENERIC_WORDS and word not in GENERIC_SINGLE and not DEMONYM.fullmatch(word))


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates: surer rules first, then longer spans.

    A pattern name that extends a known name ("Nio Power" over "Nio", "Anhui Daily" over
    "Anhui") counts as sure as the table itself.
    """
    table_spans = sorted((c.start, c.end) for c in cands if c.via in ("table.v1", "region.v1"))
    known_place = {(c.start, c.end): c.type == "Place" for c in cands if c.via in ("table.v1", "region.v1")}
    table_set = set(table_spans)
    starts = [s for s, _ in table_spans]

    def known_inside(c: _Cand) -> list[tuple[int, int]]:
        """The table spans that start inside the candidate's span."""
        i = bisect_left(starts, c.start)
        j = bisect_left(starts, c.end, i)
        return table_spans[i:j]

    def extends_known(c: _Cand) -> bool:
        """The span starts with a known name ("Nio Power", "Anhui Daily"), or an organisation's
        name holds a known place inside it ("PT Kestrel Indonesia Motor")."""
        return any(
            e <= c.end and (s, e) != (c.start, c.end) and (
                s == c.start
                or e < c.end and c.type != "Place" and known_place.get((s, e), False)
                # "University of Science and Technology of China": an institution of a place
                or c.via == "institution.v1" and known_place.get((s, e), False)
                # "NV Gotion Company Limited": a legal name around a known company is another one
                or e < c.end and c.via == "org_suffix.v1" and c.type == "Company" and LEGAL_END.search(c.name) is not None
                or c.via.startswith("place_") and known_place.get((s, e), False)  # "New South Wales"
            )
            for s, e in known_inside(c)
        )

    def place_then_new_name(c: _Cand) -> bool:
        """The span is a known place and words no table knows: "Hefei Kestrel Compressor
        supplies ...", "Anhui Kestrel agreed to supply ..." (one word, if it is no common
        word of names or places)."""
        inside = known_inside(c)
        if len(inside) != 1 or inside[0][0] != c.start or not known_place.get(inside[0], False):
            return False
        rest = c.name[inside[0][1] - c.start :].split()
        return len(rest) >= 2 or len(rest) == 1 and _name_word_after_place(rest[0])

    def tier(c: _Cand) -> int:
        t = _TIER.get(c.via, 1)
        if t and c.via in _EXTENDS_KNOWN and (c.start, c.end) not in table_set and extends_known(c):
            return 0
        if c.via == "deal_context.v1" and place_then_new_name(c):
            return 0
        return t

    cands = sorted(cands, key=lambda c: (tier(c), -(c.end - c.start), -c.rank, c.start))
    # the kept spans never overlap, so sorted by start their ends are sorted too: a new
    # span overlaps one only if it overlaps its neighbour on the left or on the right
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    out: list[_Cand] = []
    for c in cands:
        i = bisect_left(taken_starts, c.start)
        if i < len(taken_starts) and taken_starts[i] < c.end or i > 0 and taken_ends[i - 1] > c.start:
            continue
        taken_starts.insert(i, c.start)
        taken_ends.insert(i, c.end)
        out.append(c)
    return sorted(out, key=lambda c: c.start)


# Titles are found once, over lower-cased text (fast); names are then matched around them.
_TITLE_LOW = re.compile(
    rf"{_at_word_start(_alternatives(TITLE.lower()))}(?:(?:,\s|\sand\s|\s&\s){TITLE.lower()})*\b"
)
# "Chairman An Jin", and "a company spokesperson, Zhang Wei, said"
_NAME_AFTER_TITLE = re.compile(rf"\s+({NAME})\b|,\s({NAME}),")
_OF_ORG_THEN_NAME = re.compile(rf"\sof\s[^,.;]{{2,80}}?,\s({NAME})(?=[,.;\s])")
_NAME_BEFORE_TITLE = re.compile(
    # ("Orla Weiyu is Lumen's senior vice-president")
    rf"(?<![\w’'])({NAME})(?:,\s(?:(?:he|she|He|She)\s(?:was|is|has been)\s)?|\s(?:is|was)\s)(?:the\s|a\s|its\s)?"
    rf"(?:[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){{0,2}}(?:’s|'s|(?<=s)[’'])\s)?"  # "William Li, NIO's founder"
    rf"(?:(?<=the\s)(?:[a-z][\w-]*\s)?[a-z][\w-]*(?:’s|'s|(?<=s)[’'])\s)?"  # "Orla Vadar, the van maker's chief executive"
    rf"(?:(?:former|then|current|new|incoming|outgoing|deputy|acting|assistant|senior|interim)\s){{0,2}}"
    rf"(?:(?:[Cc]ounty|[Cc]ity|[Dd]istrict|[Mm]unicipal|[Pp]rovincial|[Tt]ownship)\s)?$"  # "Ren Kai, County Mayor,"
)
# the longest text after the name's comma: ", She has been its outgoing ", and an owner's name
_NAME_BEFORE_TITLE_TAIL = len(", She has been its outgoing interim ") + 40
_PERSON_CUE = re.compile(rf"{_at_word_start(_alternatives(r'(?:businessman|businesswoman|billionaire|entrepreneur|tycoon|minister|mayor|governor|official|analyst|economist)'))}(?:,)?\s({NAME})\b")
_WHO_ROLE = re.compile(r",\swho\s(?:still\s|now\s|also\s)?(?:chairs|heads|leads|runs|founded|co-founded|chaired|headed|led|ran)\b")
_NAME_BEFORE_WHO = re.compile(rf"(?<![\w’'])({NAME})$")
_SPEAKER = re.compile(rf"{_at_word_start(['said', 'says', 'according to'])}\s({NAME})\b")
_HONORIFIC = re.compile(rf"{_at_word_start(['Mr', 'Ms', 'Mrs', 'Dr'])}\.?\s({NAME}|[A-Z][a-z]+)\b")
# "the display maker founded by Wang Dongsheng": two or three name-like words after the verb
# (a company's name there is found by the organisation rules, which outrank this one)
_FOUNDED_BY_PERSON = re.compile(rf"\b(?:co-)?founded\s(?:in\s\d{{4}}\s)?by\s({NAME})(?=[,.;]|\s(?:in|and|who|as)\b)")
_PERSON_PATTERNS = ((_PERSON_CUE, "person_cue.v1", 1), (_WHO_ROLE, "who_role.v1", 1),
                    (_SPEAKER, "speaker.v1", 0), (_HONORIFIC, "honorific.v1", 1),
                    (_FOUNDED_BY_PERSON, "founded_by.v1", 0))


def _people(text: str, low: str, opened: dict[str, list[int]] | None) -> list[_Cand]:
    """People named next to titles and cues; ``low`` is ``text.lower()``, ``opened`` what
    ``_OPENINGS`` found in it (None where lower-casing moved offsets)."""
    out: list[_Cand | None] = []
    for t in (_scan(_TITLE_LOW, low, opened) if opened is not None else ()):
        # "Chairman Yin Tongyue", "founder, chairman and CEO William Li"
        m = _NAME_AFTER_TITLE.match(text, t.end())
        if m:
            g = 1 if m.group(1) else 2
            out.append(_person(text, m.start(g), m.end(g), "title_before.v1"))
        # "Chairman of JAC Motors, An Jin," / "chairman of X and Y, Tan Xuguang"
        m = _OF_ORG_THEN_NAME.match(text, t.end())
        if m:
            out.append(_person(text, m.start(1), m.end(1), "title_of_org.v1"))
        # "Xiang Xingchu, general manager of JAC" / "Zuo Yanan, He was the chairman of JAC"
        # (every match has its comma in the last _NAME_BEFORE_TITLE_TAIL characters: where
        # there is none, the search, which tries every position of the window, is skipped)
        lo, hi = max(0, t.start() - 90), t.start()
        near = text[max(lo, hi - _NAME_BEFORE_TITLE_TAIL) : hi]
        m = _NAME_BEFORE_TITLE.search(text, lo, hi) if "," in near or " is " in near or " was " in near else None
        if m:
            out.append(_person(text, m.start(1), m.end(1), "title_after.v1"))
    for pattern, via, rank in _PERSON_PATTERNS:
        if not (opened[pattern.pattern] if opened is not None and pattern.pattern in opened
                else _has_key_word(text, pattern)):
            continue
        for m in _scan(pattern, text, opened):
            if pattern is _WHO_ROLE:  # found from ", who chairs" back to the name
                m = _NAME_BEFORE_WHO.search(text, max(0, m.start() - 80), m.start())
                if m is None:
                    continue
            out.append(_person(text, m.start(1), m.end(1), via, rank=rank))
    return [c for c in out if c is not None]


_HONORIFIC_WORDS = frozenset("Professor Prof Dr Mr Ms Mrs Sir Dame Academician".split())


def _person(text: str, start: int, end: int, via: str, rank: int = 1) -> _Cand | None:
    name = text[start:end]
    words = name.split()
    if len(words) >= 3 and words[0].rstrip(".") in _HONORIFIC_WORDS:
        # "Professor Hu Yongsheng": the title is not part of the name
        start += len(words[0]) + 1
        name = text[start:end]
        words = words[1:]
    if any(w in PERSON_STOP or w in GENERIC_SINGLE for w in words):
        # "Chairman Of", "CEO William" at a line end etc.; keep names only
        words2 = []
        for w in words:
            if w in PERSON_STOP or w in GENERIC_SINGLE:
                break
            words2.append(w)
        if len(words2) < 2:
            return None
        end = start + len(" ".join(words2))
        name = text[start:end]
    return _Cand(start, end, "Person", name, None, via, rank)


_LEGAL_ABBREVIATION_END = re.compile(r"(?:\b(?:Co|Ltd|Inc|Corp|Bhd|Ltda|Lda|Tbk)\.|(?:[A-Za-z][a-zà]?\.){2,})$")
_ZONE = re.compile(r"(?:Development|Industrial|Economic|High-Tech|Free Trade|Technological)\s(?:Area|Zone|Park)$|\bZona Franca\b")
_INNER_POSSESSIVE = re.compile(r"(?<!People)(?:’s|'s|‘s)[ \u00a0]")
_GOV_OF = re.compile(r"(?:Government|Ministry|Bureau|Department|Commission|Council)\sof\s")
_GOV_HEAD = re.compile(r"(?:[A-Z][\w’'-]*\s){0,2}?(?:Committee|Commission|Government|Bureau|Council|Authority)\sof\s")
_FIRST_WORD = re.compile(r"([A-Za-z][\w’'.-]*)[ \u00a0]")
_MODIFIER_WORD = re.compile(r"(?:’s|'s|‘s|-based|-headquartered|-owned|-backed|-listed)$")


@lru_cache(maxsize=1 << 16)  # the same names come back in article after article
def _classify_org(name: str) -> EntityType | None:
    if name.split(" ", 1)[0] in ORG_PREFIX and " " in name:
        return "Company"  # "Grupo CAOA", "PT Handal Motor"
    if _GOV_HEAD.match(name):
        return "GovernmentBody"  # "Administrative Committee of the X Development Area": the body, not the area
    if _ZONE.search(name):
        return "Place"  # "Hefei Economic and Technological Development Area"
    if MEDIA_WORDS.search(name):
        return "Media"
    if GOV_WORDS.search(name):
        return "GovernmentBody"
    if _ORG_SUFFIX_END.search(name):
        return "Fund" if FUND_WORDS.search(name.split()[-1]) else "Company"
    if LEGAL_END.search(name):
        return "Company"  # the legal forms of more than one word: "S.A. de C.V.", "Sdn. Bhd."
    if ORG_WORDS.search(name):
        return "Organization"
    return None


_POST = re.compile(rf"(?:(?:Deputy|Vice|Executive|Senior)\s)?(?:{TITLE})(?:\sof\b.*)?", re.I)
# 'a service company (the “Service Company”)': a defined term that only repeats the words
# before it defines a description, not a name
# before it defines a description, not a name (found from the parenthesis back)
_DEFINED_TERM = re.compile(r"\((?:the\s)?[“\"]([A-Z][^”\")]{2,60})[”\"]\)")
_LOWER_WORDS_BEFORE = re.compile(r"(?<![\w-])([a-z][\w-]*(?:\s[a-z][\w-]*){0,3})\s$")


def _drop_posts_and_described_terms(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Organisation candidates that are a post ("General Manager of the Company", "Chief
    Executive Officer") or a defined term for a description ("the Service Company")."""
    described = set()
    for m in _DEFINED_TERM.finditer(text) if "(" in text else ():
        words = _LOWER_WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if words is not None and words.group(1).lower().endswith(m.group(1).lower()):
            described.add(m.group(1))
    return [c for c in cands if not (c.type in _ORG_TYPES and c.key is None
                                     and (c.name in described or _POST.fullmatch(c.name)))]


# "Mar de Lumen Ventures": a capitalised word linked to the next name word is the name's own
_LINK_NEXT = re.compile(r"%s[ \u00a0]" % _NAME_LINK)


def _trim_phrase(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading stop words ("The", "In") and a trailing possessive from a phrase."""
    seg = text[start:end]
    if "’" in seg or "'" in seg or "‘" in seg:
        start, end = strip_possessive(text, start, end)
        inner = list(_INNER_POSSESSIVE.finditer(text, start, end))
        if inner:  # "South Korea’s Hyundai Motor Company" -> "Hyundai Motor Company"
            start = inner[-1].end()
    if _GOV_OF.match(text, start, end):
        return start, end
    if text[end - 1 : end] == ")" and (p := text.rfind(" (", start, end)) > start and LEGAL_END.search(text, start, p):
        end = p  # "Arden Iron & Steel Company Limited (Arden)": the short name after the legal form is not part of it
    while True:
        m = _FIRST_WORD.match(text, start, end)
        if m and m.end() < end and (
            m.group(1) in STOP_CAPS and not _LINK_NEXT.match(text, m.end(), end)
            or m.group(1) in ("of", "and", "the", "de")
            or _MODIFIER_WORD.search(m.group(1))
        ):
            start = m.end()
            continue
        break
    while end > start and text[end - 1] in ",.":
        if _LEGAL_ABBREVIATION_END.search(text, start, end):
            break  # "Co., Ltd.", "S.L.", "S.p.A." keep their final full stop
        end -= 1
    return start, end


# a legal form followed by "of": the name ends with the form ("Aalto Kraft A/S of Espoo")
# ("Lumen Cab Company of Arden": "Company" too; "Kestrel Motor Company of Orla" keeps its parent's name)
_FORM_THEN_OF = re.compile(r"[ \u00a0](?:%s|Ltd|Company)(?=[ \u00a0]of[ \u00a0])" % LEGAL_FORMS)
# "Equity of X Co., Ltd.": a word before "of" and a legal name; not "Bank of X Co., Ltd."
_WORD_OF = re.compile(r"([A-Z][a-z]+)\sof\s(?:the\s)?(?=[A-Z])")
_TITLE_OF = re.compile(rf"((?i:{TITLE}))\sof\s(?:the\s)?(?=[A-Z])")
_ORG_HEADS = frozenset(
    """Bank Bureau Ministry Department Office Commission Administration Institute University Academy
    Association Federation Council Chamber Society Union Committee Agency Authority College School
    Museum Hall Port Government State Republic City Province County Municipality Court Exchange Fund
    Trust Alliance Center Centre Foundation Club League Church Hospital Library Corporation Company
    Industrial Commercial Insurance Assurance Kingdom Commonwealth Region District Town Village""".split()
)
_BOARD_OF = re.compile(r"(?:(?:Management|Supervisory|Executive)\s)?Boards?\s(?:of\s(?:Directors|Supervisors)\s)?of\s(?:the\s)?")
# (a straight quote that closes a term, '"Partner"),', opens no title; a title keeps to its line)
_QUOTED_TITLE = re.compile(r"[“\"](?![)\s,.;])[^”\"\n]{20,300}?(?:Agreement|Memorandum|Plan|Initiative|Platform|Industry|Development)[^”\"\n]{0,200}[”\"]")


def _organisations(text: str, article: Article, aliases: Aliases, heading: list[bool], low: str,
                   opened: dict[str, list[int]] | None) -> list[_Cand]:
    """Pattern-found organisations; ``heading[i]`` says whether sentence i is a heading;
    ``low`` and ``opened`` are as for ``_people``."""
    out: list[_Cand] = []
    for m in _cap_phrases(text):
        ms, me = m.span()
        g = m.group()
        if " " not in g and "\u00a0" not in g:
            # one word (most matches): only a Chinese name in parentheses after it, or a
            # media word, can make it an organisation (the media regex, which ends with
            # "$", can match only a word that ends with a media name: a cheap test first)
            after = text[me : me + 3]
            if "(" not in after and "（" not in after and not (g.endswith(_MEDIA_NAMES) and MEDIA_WORDS.search(g)):
                continue
        start, end = _trim_phrase(text, ms, me)
        if " of " in text[start:end]:
            if (form := _FORM_THEN_OF.search(text, start, end)) is not None:
                end = form.end()  # "Sitzwerk GmbH of Steyr": a legal form ends the name
            if (board := _BOARD_OF.match(text, start, end)) is not None:
                start = board.end()  # "the Board of Directors of X Co., Ltd.": X's body, X is named
            else:
                # "Executives of X Co., Ltd.", "Gift of X GmbH": X is named
                # ("Chief Executive Officer of X S.A.": a title's words before "of")
                while ((part := _WORD_OF.match(text, start, end) or _TITLE_OF.match(text, start, end)) is not None
                       and part.group(1) not in _ORG_HEADS
                       and LEGAL_END.search(text, part.end(), end) is not None and " " in text[part.end() : end]):
                    start = part.end()
        phrase = text[start:end]
        if not phrase or phrase in STOP_CAPS:
            continue
        words = phrase.split()
        if len(words) == 1 and not MEDIA_WORDS.search(phrase):
            t = None  # one plain word: only a Chinese name in parentheses can make it an org
        else:
            t = _classify_org(phrase)
        if t is not None and all(w in GENERIC_WORDS for w in words if w[0].isupper()):
            continue  # "Automotive Industry", "New Energy Technology": descriptions, not names
        if t is not None and (len(words) >= 2 or t == "Media"):
            # a name that is only a known place + suffix word ("Hefei City") is not an org
            if _PLACE_WITH_UNIT.fullmatch(phrase):
                continue
            out.append(_Cand(start, end, t, phrase, None, "org_suffix.v1", 2))
            continue
        # Chinese name in parentheses right after: "Seres Group (赛力斯)"
        after = text[end : end + 12]
        if _CJK_PAREN.match(after) and words[0] not in STOP_CAPS:
            out.append(_Cand(start, end, "Company", phrase, None, "cjk_paren.v1", 2))
    # "the Allur group", "the SHC company": a name with a lower-case organisation word
    for m in _NAME_ORG_WORD.finditer(text) if _has_key_word(text, _NAME_ORG_WORD) else ():
        s, e = m.start(1), m.end(1) - 1
        if (text[s:e] not in aliases.by_surface and text[s:e].split()[0] not in STOP_CAPS
                and not DEMONYM.fullmatch(text[s:e]) and not text.endswith("-based", s, e)):
            # ("the Rosenheim-based company" says where a company is, not what it is called)
            out.append(_Cand(s, e, "Company", text[s:e], None, "name_org_word.v1", 1))
    # governments: "the Hefei city government", "Changfeng County government", "Italian government"
    for m in _GOVERNMENT.finditer(text) if _has_key_word(text, _GOVERNMENT) else ():
        s, e = m.start(1), m.end(1)
        lead = _LEAD_WORD.match(text[s:e])
        if lead:
            s += lead.end()  # keep "Chinese government", drop a sentence's first word
        if _CAPITAL.search(text[s:e]):
            out.append(_Cand(s, e, "GovernmentBody", text[s:e], None, "government.v1", 2))
    if "government of" in text:
        for m in _GOVERNMENT_OF.finditer(text):
            out.append(_Cand(m.start(1), m.end(1), "GovernmentBody", m.group(1), None, "government.v1", 2))
    # "NIO China", "Volkswagen Group China": a known company's China unit is its own entity
    for m in _CHINA_UNIT.finditer(text) if "China" in text else ():
        head = m.group(1)[: -len(" China")]
        kn = aliases.by_surface.get(head)
        if kn is not None and kn.type == "Company" and m.group(1) not in aliases.by_surface:
            out.append(_Cand(m.start(1), m.end(1), "Company", m.group(1), None, "china_unit.v1", 2))
    # descriptors before a name: "battery maker Gotion", "chipmaker Lumen", "partner Gotion"
    # and "another screen maker, Visionox, whose ...": one scan finds both forms
    plain: list[tuple[int, int]] = []
    comma: list[tuple[int, int]] = []
    for m in _scan(_DESCRIPTOR_NAME, text, opened):
        if m.group("plain"):
            plain.append(m.span("plain"))
        elif _DETERMINER_WORDS_BEFORE.search(text, max(0, m.start() - 50), m.start()):
            comma.append(m.span("comma"))
    for start, end in plain + comma:
        s, e = _trim_phrase(text, start, end)
        if s < e and text[s:e].split()[0] not in STOP_CAPS and not _known_place(text[s:e], aliases):
            out.append(_Cand(s, e, "Company", text[s:e], None, "descriptor.v1", 1))
    # appositives: "Gotion, a Hefei-based battery maker," / "Kestrel, the chip designer,"
    # (found from the descriptor back to the name, so the scan starts at commas only)
    for a in _APPOSITIVE_TAIL.finditer(text):
        name = _NAME_ENDING_HERE.search(text, max(0, a.start() - 120), a.start())
        if name is None:
            continue
        s, e = _trim_phrase(text, name.start(1), name.end(1))
        if s < e and text[s:e].split()[0] not in STOP_CAPS and not _known_place(text[s:e], aliases):
            if not _NAME_RE.fullmatch(text[s:e]) or _COMPANY_NOUN.search(a.group()):
                out.append(_Cand(s, e, "Company", text[s:e], None, "appositive.v1", 1))
    # "chief executive at Lumen Analytics", "Founder & CEO at X": where a post is held
    # (tried only where a title word opens within the 50 characters before "at": the title
    # scan's openings say where)
    title_at = opened.get(_TITLE_LOW.pattern) if opened is not None else None
    for a in _AT_NAME.finditer(text) if " at " in text else ():
        if title_at is not None:
            i = bisect_left(title_at, a.start() - 51)
            if i == len(title_at) or title_at[i] >= a.start():
                continue
        if _TITLE_BEFORE_AT.search(text, max(0, a.start() - 50), a.start()) is None:
            continue
        s, e = _trim_phrase(text, a.start(1), a.end(1))
        phrase = text[s:e]
        if (s < e and phrase.split()[0] not in STOP_CAPS and phrase not in aliases.by_surface
                and not _known_place(phrase, aliases) and not DEMONYM.fullmatch(phrase)
                and not all(w in GENERIC_WORDS for w in phrase.split())):
            out.append(_Cand(s, e, _classify_org(phrase) or "Company", phrase, None, "post_at.v1", 1))
    # names in deal sentences: "X signed ... with Y", "with X and Y", "by X"
    if opened is not None:
        # the sentences with a deal word: after a hit the next one tried is in the next
        # sentence (no deal word spans a sentence boundary)
        sent_starts = [sent.start for sent in article.sentences]
        deal_sentences = set()
        next_sentence = 0
        for at in opened[_DEAL_HINT.pattern]:
            if at < next_sentence or _DEAL_HINT.match(low, at) is None:
                continue
            i = bisect_right(sent_starts, at) - 1
            deal_sentences.add(i)
            if i + 1 >= len(sent_starts):
                break
            next_sentence = sent_starts[i + 1]
    else:
        sent_starts = [sent.start for sent in article.sentences]
        deal_sentences = {i for i, sent in enumerate(article.sentences) if _DEAL_HINT.search(sent.text.lower())}
    deal_spans: dict[int, list[tuple[int, int]]] = {}
    for i, (sent, is_heading) in enumerate(zip(article.sentences, heading)):
        if i not in deal_sentences or is_heading:
            continue
        spans = [(m.start(1), m.end(1)) for m in _DEAL_CONTEXT_PREP.finditer(sent.text)
                 if not _ORIGIN_FROM.search(sent.text, max(0, m.start() - 30), m.start(1))
                 and not (sent.text.startswith("and", m.start())
                          and _PLACES_BEFORE_AND.search(sent.text, max(0, m.start() - 60), m.start()))]
        for v in _DEAL_VERB.finditer(sent.text):
            # "Orla Trucks S.A.E. of Egypt ordered": a legal name, then its place
            name = _LEGAL_NAME_OF_PLACE.search(sent.text, max(0, v.start() - 120), v.start()) \
                if " of " in sent.text[max(0, v.start() - 40) : v.start()] else None
            if name is None or not LEGAL_END.search(name.group(1)):
                name = _NAME_BEFORE_VERB.search(sent.text, max(0, v.start() - 120), v.start())
            if name is not None:
                spans.append((name.start(1), name.end(1)))
                # "Kestrel and Lumen Motory a.s. signed": the first of the two as well
                first = _NAME_AND_BEFORE.search(sent.text, max(0, name.start(1) - 60), name.start(1))
                if first is not None:
                    spans.append((first.start(1), first.end(1)))
        if "’s " in sent.text or "'s " in sent.text:  # "Lumo's tie-up with X", "Efort's purchase of X"
            for m in _POSSESSIVE_DEAL_NOUN.finditer(sent.text):
                name = _NAME_ENDING_HERE.search(sent.text, max(0, m.start() - 100), m.start())
                if name is not None:
                    spans.append((name.start(1), name.end(1)))
        deal_spans[i] = spans
    # names next to the verbs of taking over and of building or selling for others, which
    # carry no deal word: "went back to Italy and acquired Evolut", "Derways began assembling"
    if any(w in low for w in _WORK_VERB_WORDS):
        # (a name after the verb is at most ~100 characters; an auxiliary before it ~30)
        for v in _finditer_near(_WORK_VERB, text, _near(text, _WORK_VERB_WORDS, 40, 130)):
            i = bisect_right(sent_starts, v.start()) - 1
            sent = article.sentences[i]
            if heading[i]:
                continue
            obj = "obj" if v.group("obj") else "chosen" if v.group("chosen") else None
            if obj:
                span = (v.start(obj) - sent.start, v.end(obj) - sent.start)
            else:
                name = _NAME_BEFORE_VERB.search(text, max(sent.start, v.start() - 120), v.start())
                if name is None:
                    continue
                span = (name.start(1) - sent.start, name.end(1) - sent.start)
            deal_spans.setdefault(i, []).append(span)
    for i, spans in sorted(deal_spans.items()):
        sent = article.sentences[i]
        for a, b in spans:
            s, e = _trim_phrase(text, sent.start + a, sent.start + b)
            phrase = text[s:e]
            if (
                s >= e
                or phrase.split()[0] in STOP_CAPS
                or phrase.split()[-1] in STOP_CAPS  # "to Luxury EVs": a kind of thing, not a name
                or phrase in GENERIC_SINGLE
                or DEMONYM.fullmatch(phrase)
                or _known_place(phrase, aliases)
                # "BRESCIA, Italy and WUHU, China": a dateline's place in capitals
                or phrase.isupper() and _known_place(phrase.title(), aliases)
                or len(phrase) <= 2 and _CAPITALS.fullmatch(phrase)
                or _DIGIT.search(phrase) and not _THREE_LETTERS.search(phrase)
            ):
                continue
            out.append(_Cand(s, e, "Company", phrase, None, "deal_context.v1", 0))
    return out


# (the adjectives before the noun do not change what is captured, so they are not matched)
# "another screen maker, Visionox, whose ...": the name set off by commas after the noun
_DESCRIPTOR_NAME = re.compile(
    rf"{_at_word_start(_alternatives(DESCRIPTOR_NOUN))}"
    rf"(?:\s(?P<plain>{_CAP_SEQ})|,\s(?P<comma>{_CAP_SEQ})(?=,\s(?:whose|which|that|a|an|the)\b))")
_DETERMINER_WORDS_BEFORE = re.compile(r"\b(?:a|an|another|the)\s(?:[\w-]+\s){0,3}$")
# ... or an owner's unit: "Kesta, Lumen's German sealing subsidiary,"
_APPOSITIVE_TAIL = re.compile(
    rf",\s(?:a|an|the|its|[A-Z][\w-]*(?:’s|'s))\s(?:[\w-]+\s){{0,5}}?(?:{DESCRIPTOR_NOUN}|subsidiary|unit|affiliate)\b")
# a name that ends where the search ends: before an appositive's comma, before "'s"
_NAME_ENDING_HERE = re.compile(rf"(?<![\w’'-])({_CAP_SEQ})$")
# DEAL_WORDS over lower-cased text (IGNORECASE makes the alternation several times slower)
_DEAL_HINT = re.compile(_at_word_start(_alternatives(DEAL_WORDS.pattern.lower()[2:-2])) + r"\b")
# "an Italian wheel maker from Arzana", "a family firm from Eltmund": where it comes from
_ORIGIN_FROM = re.compile(r"\b(?:makers?|firms?|company|companies|suppliers?|group|start-?up|manufacturers?|producers?|"
                          r"business|family|specialists?|operators?|developers?|designers?)\sfrom\s$")
# "at its depots in Auckland and Wellington": the second of two places, not a partner
_PLACES_BEFORE_AND = re.compile(
    r"\b(?:depots?|plants?|factories|sites?|offices?|stores?|showrooms?|stations|cities|towns|ports?|warehouses?"
    r"|facilities|branches|hubs|campuses|dealerships?|workshops?)\s(?:in|at)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s$")
_ORIGIN_NAME = re.compile(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?![\w’'-]|\s[A-Z&(])")
_DEAL_CONTEXT_PREP = re.compile(
    _at_word_start(_alternatives(
        "(?:with|and|by|from|to|between|including|partner|partners|stake in|stakes in|shares in|founder of|owner of)"
    )) + rf"\s({_CAP_SEQ})"
)
_DEAL_VERB = re.compile(
    r"\s(?:has\s|have\s|had\s|will\s|would\s|also\s)?(?:signed|inked|agreed|acquired|acquire|invested|invest|"
    r"bought|buy|struck|formed|teamed|partnered|joined|entered|sealed|completed|took|take|supplied|supplies|supply|licensed|ordered|"
    # the present tense of a routine: "Kestrel Bus buys its seats from ..."
    # ("orders", "licenses", "purchases" are nouns as often: "Individual orders will follow")
    r"signs|acquires|invests|buys|sources|sourced|purchased|procures|procured)\b"
)
# "acquired Evolut", "hired Pininfarina" (the name after the verb); "Derways began assembling",
# "Kestrel distributes" (the name before it, found as for _DEAL_VERB)
# the part of a company bought: "about 10% of", "the 20% of", "a 5% stake in"
_PART_BOUGHT = r"(?:the\s)?(?:%s\s)?[\d.]+\s?(?:%%|percent|per\scent)\s(?:of|stake\sin)\s" % APPROXIMATELY
_WORK_VERB = re.compile(
    # "bought about 10% of Kestrel", "to buy the 20% of Kestrel Hose held by ...": the part
    # bought, then the company ("buy" only with the part: "to buy LED lamps" names none)
    # ("bought the smaller Luangwa Couriers": a company told by its size or standing)
    r"\b(?:(?:acquired|bought|purchased|hired|commissioned|took\sover)\s(?:%s|the\s(?:smaller|larger|bigger|rival|ailing|struggling|"
    r"loss-making|family-owned|privately\sheld)\s|(?!the\s|a\s|an\s))|buy\s%s)(?P<obj>%s)"
    # "signed Arden Bil as importer", "chose Kestrel Lighting to supply lamps"
    r"|\b(?:signed|signs|chose|picked|selected|appointed|tapped)\s(?P<chosen>%s)"
    r"(?=\sas\s|\sto\s(?:supply|provide|deliver|import|distribute|sell|build|assemble|make)\b)"
    r"|\s(?:(?:began|begun|started|has\sbeen|have\sbeen|had\sbeen|will\sbe)\s)?"
    r"(?:assembl(?:es|ed|ing)|distribut(?:es|ed|ing)|import(?:s|ed|ing))\b"
    # "Kestrel was founded by ...", "Kestrel was acquired by ...": the subject of a passive
    r"|\s(?:was|were|has\sbeen|had\sbeen)\s(?:later\s|first\s|eventually\s)?"
    r"(?:acquired|bought|founded|co-founded|set\sup|established|taken\sover|sold)\s(?:in\s\d{4}\s)?(?:by|to)\b"
    % (_PART_BOUGHT, _PART_BOUGHT, _CAP_SEQ, _CAP_SEQ)
)
_WORK_VERB_WORDS = ("acquired", "bought", "buy", "purchased", "hired", "commissioned", "took over", "assembl", "distribut",
                    "import", "founded", "set up", "established", "taken over", "sold", "signed", "signs", "chose",
                    "picked", "selected", "appointed", "tapped")
_POSSESSIVE_DEAL_NOUN = re.compile(
    r"[’'](?<=\w[’'])s\s(?:[\w-]+\s)?(?:agreement|deal|tie-up|partnership|alliance|venture|"
    r"investment|acquisition|purchase|takeover|stake|contract)\s(?:with|of|in|for)\b")
_NAME_AND_BEFORE = re.compile(rf"(?<![\w’'-])({_CAP_SEQ})\s(?:and|&)\s$")
_AT_NAME = re.compile(rf"\sat\s(?:the\s)?({_CAP_SEQ})")
_TITLE_BEFORE_AT = re.compile(rf"(?<![\w-])(?i:{TITLE})(?:\s(?:of|for)\s[\w&\s-]{{1,30}})?$")
_LEGAL_NAME_OF_PLACE = re.compile(rf"(?<![\w’'-])({_CAP_SEQ})\sof\s[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?$")
_NAME_BEFORE_VERB = re.compile(rf"(?<![\w’'-])({_CAP_SEQ})(?:,\s[^,]{{3,60}},)?$")
# (both forms start with a capital: it comes first, so that sre skips to capitals, and
# the word boundary and the second form's "G" are look-behinds after it)
_GOVERNMENT = re.compile(
    r"([A-Z](?<!\w.)(?:[\w’'-]+\s(?:[A-Z][\w’'-]+\s){0,2}"
    r"(?:(?:city|county|municipal|provincial|central|state|local|federal|regional)\s)?"
    r"(?:government|People’s Government|People's Government)"
    r"|(?<=G)overnment of (?:the\s)?(?:[A-Z][\w-]+\s?(?:of\s)?){1,4}))"
)
# "the government of Changfeng County", "the city government of Wuhu": lower case, after "the"
_GOVERNMENT_OF = re.compile(
    r"\bthe\s((?:(?:city|county|municipal|provincial|local|state)\s)?government\sof\s(?:the\s)?"
    r"[A-Z][\w’'-]+(?:\s(?:of\s)?[A-Z][\w’'-]+){0,3})")
_ORG_SUFFIX_END = re.compile(rf"(?:\s|^)(?:{ORG_SUFFIX})$")


_NAME_ORG_WORD = re.compile(r"t(?<!\w.)he\s((?:[A-Z][\w&-]+\s){1,3})(?:group|company|firm|conglomerate|consortium)\b")
_CHINA_UNIT = re.compile(r"([A-Z](?<!\w.)[\w&-]*\s(?:[A-Z][\w&-]*\s){0,2}China)\b(?!’s|'s|\s(?:and|in|to|market))")

# Words of which every match of a pattern contains one. A text without any of them cannot
# match, so the (much slower) scan of the whole text with the pattern is skipped.
# (Keyed by the pattern's source: hashing a compiled pattern hashes its whole code, ~2 us.)
_KEY_WORDS: dict[str, tuple[str, ...]] = {
    _PERSON_CUE.pattern: ("businessman", "businesswoman", "billionaire", "entrepreneur", "tycoon", "minister",
                  "mayor", "governor", "official", "analyst", "economist"),
    _WHO_ROLE.pattern: ("who",),
    _SPEAKER.pattern: ("said", "says", "according to"),
    _HONORIFIC.pattern: ("Mr", "Ms", "Dr"),  # "Mrs" contains "Mr"
    _FOUNDED_BY_PERSON.pattern: ("founded",),
    _NAME_ORG_WORD.pattern: ("group", "company", "firm", "conglomerate", "consortium"),
    _GOVERNMENT.pattern: ("government", "Government"),
}


def _has_key_word(text: str, pattern: re.Pattern[str]) -> bool:
    return any(w in text for w in _KEY_WORDS[pattern.pattern])


def _scan(pattern: re.Pattern[str], text: str, opened: dict[str, list[int]] | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, tried only where ``_OPENINGS`` found that the pattern can
    start (``opened``), if it was scanned for there."""
    if opened is None or pattern.pattern not in opened:
        return pattern.finditer(text)
    return finditer_at(pattern, text, opened[pattern.pattern])


def _near(text: str, words: Iterable[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows of the text around each occurrence of ``words``: a pattern whose every
    match holds one of them, at most ``before``/``after`` characters from its ends, needs
    only these scanned (str.find is far cheaper than a regex scan of the whole text)."""
    spans = []
    for w in words:
        i = text.find(w)
        while i != -1:
            spans.append((max(0, i - before), min(len(text), i + len(w) + after)))
            i = text.find(w, i + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _finditer_near(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


def _known_place(phrase: str, aliases: Aliases) -> bool:
    kn = aliases.by_surface.get(phrase)
    return kn is not None and kn.type == "Place" or phrase in aliases.regions


_PLACE_SEQ = r"[A-Z][\w’'-]*(?:\s(?:de\s|do\s|da\s|del\s)?[A-Z][\w’'-]*){0,2}"
# Each scan starts at a short literal (" of ", " in ", " County"); the words that make the
# name a place are then tested on a few characters before or after it.
# "in the state of Kedah", "the city of Kostanay", "the Village of Brenton"
_OF_PLACE = re.compile(rf"\sof\s({_PLACE_SEQ})")
_PLACE_OF_UNIT = re.compile(
    r"(?<![\w-])(?:state|province|region|prefecture|county|city|town|village|municipality|district|emirate|"
    r"City|Town|Village|Province|Prefecture|County|Municipality|Emirate)$"
)
# "Kankakee County", "Baohe District"
_UNIT_WORD = re.compile(r"\s(?:County|Prefecture|Oblast|District|Governorate|Borough|Parish)\b")
_WORDS_BEFORE_UNIT = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s){1,3})$")
# "near Big Rapids, Michigan", "in Jacarei, in the state of Sao Paulo", "a gigafactory in Velden"
_PREP_PLACE = re.compile(rf"\s(?P<prep>in|near|at|outside|from)\s(?P<place>{_PLACE_SEQ})")
_AFTER_PLACE_COMMA = re.compile(
    rf",\s(?:in\s(?:the\s)?(?:state|province|region|county|prefecture)\sof\s|in\s(?:neighbouring|neighboring|nearby)\s"
    rf"|(?:a|the)\s(?:[\w-]+\s)?(?:city|town|village|district|county|port|municipality)\b|(?P<next>{_PLACE_SEQ}))"
)
_SITE_BEFORE = re.compile(
    r"(?<![\w-])(?:plant|factory|gigafactory|facility|site|base|campus|headquarters|hub|works|office|centre|center|"
    r"headquartered|based|located)s?$"
)
_REGION_AFTER_TOWN = re.compile(rf",\s({_PLACE_SEQ})(?=[.;]|$)")
# "the State of Illinois": the state as a government, not the place
_STATE_GOVERNMENT = re.compile(rf"\b[Tt]he\s((?:State|Commonwealth)\sof\s{_PLACE_SEQ})")


_PLACE_NAME = re.compile(rf"[{UPPER}][\w’'-]*(?:\s[{UPPER}][\w’'-]*)?(?=,\s)")  # "Ålesund, Norway"
_COMMA_NAME = re.compile(r",\s([A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?)(?=[,.;)]|$)")


def _known_place_closes(text: str, end: int, aliases: Aliases) -> bool:
    """Whether ", Y" follows ``end``, Y a known place that ends the phrase ("Ravna, Slovenia,")."""
    m = _COMMA_NAME.match(text, end)
    return m is not None and _known_place(m.group(1), aliases)


def _places(text: str, aliases: Aliases, opened: dict[str, list[int]] | None = None) -> list[_Cand]:
    """Places in no table, from the words around them (``opened`` as for ``_people``)."""
    out: list[_Cand] = []

    def place(start: int, end: int, via: str) -> None:
        phrase = text[start:end]
        words = phrase.split()
        if (words[0] in STOP_CAPS and not (words[0] == "New" and len(words) > 1)
                or phrase in aliases.by_surface or phrase in aliases.regions
                or DEMONYM.fullmatch(phrase) or _ORG_SUFFIX_END.search(phrase) or ORG_WORDS.search(phrase)
                or GOV_WORDS.search(phrase)
                or words[-1] in ("City", "Province", "Prefecture") and " ".join(words[:-1]) in aliases.by_surface):
            return  # ("Wuhu City" is the known Wuhu)
        out.append(_Cand(start, end, "Place", phrase, None, via, 1))

    for m in _scan(_OF_PLACE, text, opened):
        if _PLACE_OF_UNIT.search(text, max(0, m.start() - 14), m.start()):
            place(m.start(1), m.end(1), "place_of.v1")
    if "State of" in text or "Commonwealth of" in text:
        for m in _STATE_GOVERNMENT.finditer(text):
            out.append(_Cand(m.start(1), m.end(1), "GovernmentBody", m.group(1), None, "state_government.v1", 2))
    for u in _scan(_UNIT_WORD, text, opened):
        m = _WORDS_BEFORE_UNIT.search(text, max(0, u.start() - 60), u.start() + 1)
        if m:
            s, e = _trim_phrase(text, m.start(1), u.end())
            if s < e and " " in text[s:e]:
                out.append(_Cand(s, e, "Place", text[s:e], None, "place_unit.v1", 1))
    # "an Italian wheel maker from Arzana": where a company comes from (found from " from ")
    f = text.find(" from ")
    while f != -1:
        name = _ORIGIN_NAME.match(text, f + 6)
        if name is not None and _ORIGIN_FROM.search(text, max(0, f - 30), f + 6):
            place(name.start(1), name.end(1), "place_origin.v1")
        f = text.find(" from ", f + 1)
    # "Aalto Kraft A/S of Espoo, Finland": where a company with a legal form is
    f = text.find(" of ")
    while f != -1:
        form = _FORM_THEN_OF.search(text, max(0, f - 14), f + 4)
        if form is not None and form.end() == f:
            name = _PLACE_NAME.match(text, f + 4)
            if name is not None and _known_place_closes(text, name.end(), aliases):
                place(name.start(), name.end(), "place_comma.v1")
        f = text.find(" of ", f + 1)
    for m in _PREP_PLACE.finditer(text):
        s, e = m.start("place"), m.end("place")
        # "at X, Y" and "from X, Y" as often name a company and its country: only "in", "near";
        # "from" too where the known place closes the phrase ("a pump maker from Ravna, Slovenia,")
        prep = m.group("prep")
        after = _AFTER_PLACE_COMMA.match(text, e) if prep in ("in", "near", "outside") else None
        if after is not None:
            nxt = after.group("next")
            # the name after the comma must be a known place: "Brenton, Ohio"
            # ("in Sohar, Oman's main port": the country's possessive)
            words = re.sub(r"[’']s$", "", nxt).split() if nxt is not None else ()
            if nxt is None or any(_known_place(" ".join(words[:k]), aliases) for k in range(len(words), 0, -1)):
                place(s, e, "place_comma.v1")
                continue
        elif prep == "from" and _known_place_closes(text, e, aliases):
            place(s, e, "place_comma.v1")
            continue
        if _SITE_BEFORE.search(text, max(0, m.start() - 16), m.start()) and not _WORD_OR_CAPITAL_NEXT.match(text[e : e + 2]):
            place(s, e, "place_site.v1")
            # "a plant in Ciudad Tarvo, Lanmere.": the region that closes the sentence
            r = _REGION_AFTER_TOWN.match(text, e)
            if r:
                place(r.start(1), r.end(1), "place_region.v1")
    return out


_ORG_TYPES = frozenset({"Company", "Organization", "GovernmentBody", "Fund", "Media"})
_UNIT_NOUN = r"(?:subsidiary|unit|arm|affiliate|division|offshoot)"
_CAP_NAME = _CAP_PHRASE.pattern
# "its U.S. subsidiary, Kestrel Inc." / "its automotive business unit, Kestrel Auto, develops"
# / "The venture, Kestrel, develops" / "a joint venture, Kestrel Motors, in Wuhu"
_NAME_NOUNS = ("subsidiary", "unit", "arm", "affiliate", "division", "offshoot", "venture", "JV", "company",
               "firm", "startup")
_NAME_AFTER_NOUN = re.compile(rf"(?P<comma>,)?\s(?P<name>{_CAP_NAME})(?P<close>,)?")
_DETERMINER_BEFORE_NOUN = re.compile(r"(?<![\w-])(?:[Ii]ts|[Tt]heir|[Tt]he|[Aa])\s(?:[\w.-]+\s){0,3}$")
# "Kestrel Inc., the U.S. subsidiary of ...": found from the noun back to the name
_UNIT_OF = re.compile(rf",\s(?:(?:the|a|its)\s(?:[\w.-]+\s){{0,3}}?{_UNIT_NOUN}\s(?:of|under)\b"
                      # "X (Suzhou) Co., Ltd., the German firm's Chinese subsidiary"
                      rf"|(?:the\s)?(?:[\w.-]+\s){{0,2}}?[\w-]+(?:’s|'s)\s(?:[\w.-]+\s){{0,2}}?{_UNIT_NOUN}\b)")
_NAME_BEFORE_UNIT_OF = re.compile(rf"({_CAP_NAME})$")
# "which was renamed Kestrel Chery", "rebranded as Kestrel"
_RENAMED = re.compile(rf"\b(?:renamed|rebranded)\s(?:as\s)?(?P<name>{_CAP_NAME})")
# "assembled from kits by Kestrel at its plant", "distributed by Kestrel Group"
_MADE_BEFORE_BY = re.compile(
    r"\b(?:assembled|built|made|produced|manufactured|distributed|imported|sold|developed|designed|operated|"
    r"supplied|marketed)\s(?:[a-z-]+\s){0,4}$"
)
_NAME_AFTER_BY = re.compile(rf"(?:the\s)?(?P<name>{_CAP_SEQ})")
# "Kestrel's EyeX4 chip": the maker of a model-coded product
_CODE_AFTER_POSSESSIVE = re.compile(
    r"(?:’s|'s)\s(?:[A-Z][\w-]*\d[\w-]*)\s"
    r"(?:chips?|processors?|SoCs?|platforms?|engines?|batter(?:y|ies)|sedans?|SUVs?|models?|systems?)\b"
)
_MAKER_BEFORE = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][\w&-]+)$")
# "State-owned Assets Supervision and Administration Commission of the X Government",
# "Ministry of Industry and Information Technology": institution names with "and"
_AND_INSTITUTION = re.compile(
    rf"\sand\s((?:[A-Z][\w’'-]*\s){{0,3}}(?:Commission|Committee|Administration|Bureau|Ministry|Department|"
    rf"Council|Institute|University|Academy|Association|Agency|Office|Authority|Development|Technology|Reform|"
    rf"Area|Zone)\b"
    rf"(?:\sof\s(?:the\s)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*)?)"
)
_INSTITUTION_HEAD = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*\s)(?:(?:[A-Z][\w’'-]*|of|of\sthe)\s){0,5})$")


def _named_in_context(text: str, aliases: Aliases, opened: dict[str, list[int]] | None = None) -> tuple[list[_Cand], set[int]]:
    """Organisations named by the words around them, and where subsidiaries' names start."""
    out: list[_Cand] = []
    subsidiary: set[int] = set()

    def ok(s: int, e: int) -> bool:
        phrase = text[s:e]
        return (s < e and phrase.split()[0] not in STOP_CAPS and phrase not in GENERIC_SINGLE
                and not _known_place(phrase, aliases) and not DEMONYM.fullmatch(phrase))

    # the nouns are looked up with str.find, then the name after them and the determiner
    # before them are matched in place
    found: list[tuple[int, str, re.Match[str]]] = []
    for noun in _NAME_NOUNS:
        n = text.find(noun)
        while n != -1:
            m = _NAME_AFTER_NOUN.match(text, n + len(noun))
            if m and not (n and text[n - 1].isalnum()) and _DETERMINER_BEFORE_NOUN.search(text, max(0, n - 50), n):
                found.append((n, noun, m))
            n = text.find(noun, n + 1)
    for _, noun, m in sorted(found, key=lambda f: f[0]):
        s, e = _trim_phrase(text, m.start("name"), m.end("name"))
        if not ok(s, e):
            continue
        unit = noun not in ("venture", "JV", "company", "firm", "startup")
        if unit:
            subsidiary.add(s)
        if m.group("comma") and m.group("close"):  # a name set off by commas is surely a name
            out.append(_Cand(s, e, "Company", text[s:e], None, "named_unit.v1", 2))
        elif unit:
            out.append(_Cand(s, e, "Company", text[s:e], None, "unit.v1", 1))
    for u in _UNIT_OF.finditer(text):
        m = _NAME_BEFORE_UNIT_OF.search(text, max(0, u.start() - 120), u.start())
        if m:
            s, e = _trim_phrase(text, m.start(1), m.end(1))
            if ok(s, e):
                subsidiary.add(s)
    if "renamed" in text or "rebranded" in text:
        for m in _RENAMED.finditer(text):
            s, e = _trim_phrase(text, m.start("name"), m.end("name"))
            if ok(s, e):
                out.append(_Cand(s, e, "Company", text[s:e], None, "renamed.v1", 2))
    # " by " is looked up with str.find; the verb before it and the name after it in place
    b = text.find(" by ")
    while b != -1:
        m = _NAME_AFTER_BY.match(text, b + 4)
        if m is not None and _MADE_BEFORE_BY.search(text, max(0, b - 60), b + 1):
            s, e = _trim_phrase(text, m.start("name"), m.end("name"))
            # two or three plain capitalised words are as likely a person ("built by Li Wei")
            if ok(s, e) and not (_NAME_RE.fullmatch(text[s:e]) and not _ORG_SUFFIX_END.search(text[s:e])):
                out.append(_Cand(s, e, "Company", text[s:e], None, "made_by.v1", 1))
        b = text.find(" by ", b + 1)
    if "’s " in text or "'s " in text:
        for p in _CODE_AFTER_POSSESSIVE.finditer(text):
            m = _MAKER_BEFORE.search(text, max(0, p.start() - 40), p.start())
            if m is None:
                continue
            s, e = m.start("name"), m.end("name")
            if ok(s, e):
                out.append(_Cand(s, e, "Company", text[s:e], None, "maker_of_code.v1", 1))
    for m in _scan(_AND_INSTITUTION, text, opened):
        head = _INSTITUTION_HEAD.search(text, max(0, m.start() - 80), m.start() + 1)
        if head is None:
            continue
        s, e = head.start(1), m.end(1)
        while True:  # a sentence's first word, not a modifier ("State-owned" is part of the name)
            w = _FIRST_WORD.match(text, s, e)
            if not (w and w.group(1) in STOP_CAPS):
                break
            s = w.end()
        before_and = text[s : m.start()]
        if " " not in before_and and any(q in text for q in (f'("{before_and}")', f"(“{before_and}”)", f"({before_and})")):
            s = m.start(1)  # "Kestrel and Arden University", where "Kestrel" is a company's short name
        phrase = text[s:e]
        t = _classify_org(phrase)
        # "Hefei Economic and Technological Development Area" is a zone, so a place
        if (t in ("GovernmentBody", "Organization") or t == "Place" and _ZONE.search(phrase)) and ok(s, e):
            out.append(_Cand(s, e, t, phrase, None, "institution.v1", 2))
    return out, subsidiary




_WORKS_COMPANY = re.compile(r"\s(?:Motors?|Engineering|Iron|Machine|Machinery|Chemical|Steel|Metal|Tool|Glass)\sWorks$")
_PLANT_KEYS = ("Plant", "Factory", "Gigafactory", "Base", "Works", "Park")
_PLANT_NAME_WORD = re.compile(r"(?:Plant|Factory|Gigafactory|Base|Works|Park)\b(?!\s(?:Co|Ltd|Group))")
_WORDS_BEFORE_PLANT = re.compile(rf"((?:{_CAP_WORD}\s){{1,6}}(?:No\.\s?\d+\s)?)$")
_PLANT_CODE = re.compile(
    _at_word_start(["The", "the", "its", "and"]) + r"\s([A-Z][\w-]*\d[\w-]*)(?:\s(?:and|&)\s([A-Z][\w-]*\d[\w-]*))?(\splants?)\b"
)


def _plants(text: str) -> list[_Cand]:
    out = []
    # found from the plant word back to the name (the capital-led scan is fast)
    for w in _PLANT_NAME_WORD.finditer(text) if any(k in text for k in _PLANT_KEYS) else ():
        m = _WORDS_BEFORE_PLANT.search(text, max(0, w.start() - 120), w.start())
        if m is None:
            continue
        s, e = _trim_phrase(text, m.start(1), w.end())
        phrase = text[s:e]
        if len(phrase.split()) >= 2 and not _PARK_WORD.match(phrase):
            if phrase.endswith("Park"):
                continue
            if _WORKS_COMPANY.search(phrase):
                # "Zarqa Motor Works", "Arden Engineering Works": a company's name, not a plant's
                out.append(_Cand(s, e, "Company", phrase, None, "org_suffix.v1", 2))
                continue
            out.append(_Cand(s, e, "Plant", phrase, None, "plant_name.v1", 2))
    # "the F2 plant at NeoPark", "the F1 and F2 plants"; "its Wuhu plant" stays unnamed
    for m in _PLANT_CODE.finditer(text) if " plant" in text else ():
        if m.group(2):  # two plants named at once: each code is a plant
            out.append(_Cand(m.start(1), m.end(1), "Plant", f"{m.group(1)} plant", None, "plant_code.v1", 2))
            out.append(_Cand(m.start(2), m.end(3), "Plant", f"{m.group(2)} plant", None, "plant_code.v1", 2))
        else:
            out.append(_Cand(m.start(1), m.end(3), "Plant", f"{m.group(1)} plant", None, "plant_code.v1", 2))
    return out


_Q = r"[“\"‘']"
_QE = r"[”\"’']"
_BRAND_CUES = [
    re.compile(rf"t(?<!\w.)he\s{_Q}([A-Z][\w&-]*(?:\s[A-Z][\w&-]*)?){_QE}\s(?:brand|marque|sub-brand|lineup|label)\b"),
    re.compile(rf"{_at_word_start(['brand', 'marque', 'sub-brand'])}\s{_Q}?([A-Z][\w&-]*(?:\s[A-Z][\w&-]*)?){_QE}?"),
    re.compile(rf"{_at_word_start(['its', 'the'])}\s(?:established\s|new\s|premium\s|luxury\s)?{_Q}?([A-Z][\w&-]*){_QE}?\s(?:brand|marque|sub-brand|lineup)\b"),
    re.compile(rf"T(?<!\w.)he\s([A-Z][\w&-]*)\sbrand\b"),
]
# "license its Freelander name", "revived under the Soviet-era Kestrel name": found from " name"
_BRAND_BEFORE_NAME = re.compile(
    rf"\b(?:its|the|their)\s(?:[\w-]+-era\s|own\s|famous\s|historic\s)?{_Q}?([A-Z][\w&-]*){_QE}?$"
)
_BRAND_WORDS = ("brand", "marque", "lineup", "label")  # every brand cue has one
# a brand's name: "Exeed", "iCar", "MG" (relations reads brand lists with it too)
BRAND_NAME = r"(?:[A-Z][\w&-]*|[a-z][A-Z][\w-]*)"
# "the Exeed, Jetour and iCar brands", "Chery's Omoda and Jaecoo brands": each name of the list
_BRAND_LIST = re.compile(
    rf"(?:\bthe|\bits|\btheir|’s|'s|(?<=s)[’'])\s(?:own\s|new\s|premium\s|luxury\s|export\s|electric\s)?"
    rf"({BRAND_NAME}(?:,\s{BRAND_NAME})*,?\s(?:and|or)\s{BRAND_NAME})\s(?:brands|marques|sub-brands)\b")
_BRAND_LIST_ITEM = re.compile(BRAND_NAME)
# "Chery's iCar brand", "its iCar sub-brand" (the capitalised ones are _BRAND_CUES' own)
_POSSESSIVE_BRAND = re.compile(rf"(?:’s|'s|(?<=s)[’']|\bits|\btheir)\s(?:own\s|new\s|premium\s|luxury\s)?([a-z][A-Z][\w-]*)\s(?:brand|sub-brand|marque)\b")
# "a second brand, EVO, was added", "under its own brand, Vortex."
_BRAND_COMMA_NAME = re.compile(rf"\b(?:brand|marque|sub-brand),\s({BRAND_NAME})(?=[,.;]|\s[—–(])")
# "Firefly, its small-car brand", "Omoda, one of the export brands of ..."
_NAME_COMMA_BRAND = re.compile(
    rf"(?<![\w’'-])({BRAND_NAME}),\s(?:its|their|the|a|an|one\sof\s(?:the|its|their))\s(?:[\w-]+\s){{0,2}}?"
    rf"(?:brand|sub-brand|marque|brands|marques)\b")


def _brands(text: str, aliases: Aliases) -> list[_Cand]:
    out: list[_Cand] = []
    found = [m for pat in _BRAND_CUES for m in pat.finditer(text)] if any(w in text for w in _BRAND_WORDS) else []
    listed: list[tuple[int, int]] = []
    if "brand" in text or "marque" in text:
        near = _near(text, ("brand", "marque"), 200, 40)  # a list of names may run before the word
        found += _finditer_near(_POSSESSIVE_BRAND, text, near)
        found += _finditer_near(_BRAND_COMMA_NAME, text, near)
        found += _finditer_near(_NAME_COMMA_BRAND, text, near)
        for lst in _finditer_near(_BRAND_LIST, text, near):
            listed += ((m.start(), m.end()) for m in _BRAND_LIST_ITEM.finditer(text, lst.start(1), lst.end(1)))
    i = text.find(" name")
    while i != -1:
        if not text[i + 5 : i + 6].isalpha():
            m = _BRAND_BEFORE_NAME.search(text, max(0, i - 45), i)
            if m:
                found.append(m)
        i = text.find(" name", i + 5)
    spans = [(m.start(1), m.end(1)) for m in found] + listed
    for start, end in spans:
        name = text[start:end]
        if name in STOP_CAPS or name in GENERIC_SINGLE:
            continue
        kn = aliases.by_surface.get(name)
        # "the Ebro brand": the text says brand, even where a company has the same name
        key = kn.key if kn is not None and kn.type == "Brand" else None
        out.append(_Cand(start, end, "Brand", name, key, "brand_cue.v1", 2))
    return out


# vehicles, chips and platforms, singular or plural, for the model names before them
_PRODUCT_NOUN_ANY = (
    r"(?:MPVs?|SUVs?|sedans?|hatchbacks?|trucks?|pickups?|coup[eé]s?|crossovers?|minivans?|vans?|buses|bus|"
    r"chips?|SoCs?|MCUs?|processors?|platforms?|engines?)"
)
# Each scan starts at the number or the noun, which are rare, and looks back a few words.
# "the Kestrel 5 crossover", "Kestrel s700", "Kestrel 208"
_MODEL_NUMBER = re.compile(r"\d(?<=[ a-z]\d)\d{0,3}(?![\w%-]|[.,]\d)")  # the rest is tested in Python
_NAME_BEFORE_NUMBER = re.compile(r"(?<![\w’'-])([A-Z][A-Za-z-]+)\s$")
_NOUN_AFTER_MODEL = re.compile(rf"\s{_PRODUCT_NOUN_ANY}\b")
_NOT_A_MODEL_AFTER = re.compile(
    r"\s(?:million|billion|thousand|per\s?cent|percent|units|vehicles|cars|years?|months?|weeks?|days?|times|"
    r"GWh|MWh|kWh|GW|MW|km|yuan|euros?|dollars?|plants?|factories|countries|cities|companies|percentage)\b"
)
# "the Lumo Drive Tiva processors", "its Kestrel Ranva SUV"
_PRODUCT_NOUN_AT = re.compile(  # from the last capitalised word of the name: [A-Z] is rare
    rf"[A-Z](?<![\w-][A-Z])[\w-]*\s(?P<noun>{_PRODUCT_NOUN_ANY})\b(?!\s(?:maker|makers|manufacturer|supplier|company|firm|brand|unit|business|plant|factory))"
)
_MODEL_BEFORE_NOUN = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|four|two|three|five|several|many|new|first|latest)\s|\d\s|’s\s|'s\s)"
    r"([A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2})\s$"
)
# "the Kestrel Tiva, an electric coupe-SUV": a model named by what follows it
_A_PRODUCT_AFTER_COMMA = re.compile(
    rf",\s(?:a|an)\s(?:[\w-]+\s){{0,3}}?[\w-]*{_PRODUCT_NOUN_ANY}(?=[,.;]|\s(?:that|which|built|made|used|for|with|from))"
)
_THE_MODEL_BEFORE_COMMA = re.compile(r"\bthe\s([A-Z][\w-]*(?:\s[A-Z][\w-]*){1,2})$")


_QUOTED_PRODUCT = re.compile(rf"[“\"]([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)[”\"]\s{PRODUCT_NOUNS}\b")
_NAMED_PRODUCT = re.compile(
    rf"t(?<!\w.)he\s(?:all-new\s|new\s)?([A-Z][a-z]*[A-Z][\w-]*|[A-Z]{{2,}}[\w-]*)(?:\s\([A-Z][\w-]*\))?\s{PRODUCT_NOUNS}\b"
)


# "the Kestrel PLUS", "the Tarvo Pro": a model line's trim
_MODEL_TRIM = re.compile(r"(?:PLUS|Plus|PRO|Pro|MAX|Max|Ultra|DM-i|DM-p)\b")  # capitals: a fast scan
_MODEL_BEFORE_TRIM = re.compile(r"\bthe\s([A-Z][a-z]+)\s$")
# "built its first Kestrel Tarvo", "launched the new Lanmere"
_ORDINALS = ("first ", "new ", "latest ", "second ")  # ("all-new " ends in "new ")
_VERB_BEFORE_ORDINAL = re.compile(
    r"\b(?:built|produced|launched|unveiled|delivered|assembled|rolled out|introduced|debuted)\s"
    r"(?:its|their|the)\s(?:all-)?$"
)
_MODEL_AFTER_ORDINAL = re.compile(r"[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,2}")
_LETTERS_AND_DIGITS = re.compile(r"[A-Z][A-Za-z]*\d[\w-]*")
_GEO_WORD = re.compile(r"\b(?:River|Delta|Lake|Bay|Valley|Mountains?|Region|Area|Island|Sea|Strait|Basin|Coast|Plain)\b")


def _products(text: str, aliases: Aliases) -> list[_Cand]:
    out = []
    for m in _MODEL_NUMBER.finditer(text):
        n, digits = m.start(), m.group()
        if n < 2 or len(digits) == 4 and digits[0] in "12":
            continue  # a year is never a model number
        if text[n - 1] != " ":  # "s700": one lower-case letter before three or four digits
            if not (len(digits) >= 3 and text[n - 1].islower() and text[n - 2] == " "):
                continue
            n -= 1
        name_m = _NAME_BEFORE_NUMBER.search(text, max(0, n - 30), n)
        if name_m is None:
            continue
        name = name_m.group(1)
        if name in STOP_CAPS or name in GENERIC_SINGLE or DEMONYM.fullmatch(name) or _known_place(name, aliases):
            continue
        kn = aliases.by_surface.get(name)
        # a known brand or company with a number, or any name with a product noun after it
        # (after a company's name the number must end the phrase: "Kestrel 10 new models" is no model)
        if not _NOUN_AFTER_MODEL.match(text, m.end()) and (
            kn is None or kn.type not in ("Brand", "Company") or _NOT_A_MODEL_AFTER.match(text, m.end())
            or kn.type == "Company" and not _PHRASE_END.match(text[m.end() : m.end() + 1])
        ):
            continue
        s, e = name_m.start(1), m.end()
        out.append(_Cand(s, e, "Product", text[s:e], None, "name_number.v1", 1))
    for noun in _PRODUCT_NOUN_AT.finditer(text):
        m = _MODEL_BEFORE_NOUN.search(text, max(0, noun.start() - 60), noun.start("noun"))
        if m is None:
            continue
        s, e = m.start(1), m.end(1)
        phrase = text[s:e]
        words = phrase.split()
        # one word before the noun is as often a maker ("the Kestrel chip"), unless it is a
        # code of letters and digits ("its EyeX4 chip")
        if (len(words) < 2 and not _LETTERS_AND_DIGITS.fullmatch(phrase) or words[0] in STOP_CAPS
                or phrase in aliases.by_surface
                or any(w in GENERIC_SINGLE or DEMONYM.fullmatch(w) or w in GENERIC_WORDS for w in words)
                or _ORG_SUFFIX_END.search(phrase)):
            continue
        out.append(_Cand(s, e, "Product", phrase, None, "model_noun.v1", 1))
    spans = []
    for t in _MODEL_TRIM.finditer(text):
        m = _MODEL_BEFORE_TRIM.search(text, max(0, t.start() - 30), t.start())
        if m:
            spans.append((m.start(1), t.end(), "model_trim.v1"))
    for word in _ORDINALS:
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            if text[j : j + 1].isupper() and _VERB_BEFORE_ORDINAL.search(text, max(0, i - 40), i):
                m = _MODEL_AFTER_ORDINAL.match(text, j)
                spans.append((m.start(), m.end(), "first_model.v1"))
            i = text.find(word, j)
    for s0, e0, via in spans:
        s, e = _trim_phrase(text, s0, e0)
        phrase = text[s:e]
        words = phrase.split()
        if (s < e and words[0] not in STOP_CAPS and not DEMONYM.fullmatch(words[0])
                and not all(w in aliases.by_surface or w in STOP_CAPS for w in words)
                and not _ORG_SUFFIX_END.search(phrase) and not ORG_WORDS.search(phrase)):
            out.append(_Cand(s, e, "Product", phrase, None, via, 1))
    for a in _A_PRODUCT_AFTER_COMMA.finditer(text):
        m = _THE_MODEL_BEFORE_COMMA.search(text, max(0, a.start() - 50), a.start())
        if m is None:
            continue
        s, e = m.start(1), m.end(1)
        phrase = text[s:e]
        if (phrase.split()[0] in STOP_CAPS or phrase in aliases.by_surface or _ORG_SUFFIX_END.search(phrase)
                or _GEO_WORD.search(phrase) or _known_place(phrase.split()[0], aliases)):
            continue  # "the Yangtze River Delta, a manufacturing platform" is a region
        out.append(_Cand(s, e, "Product", phrase, None, "model_appositive.v1", 1))
    for m in CODE.finditer(text):
        code = m.group(1)
        if CODE_EXCLUDE.match(code):
            continue
        start, end = m.start(1), m.end(1)
        # a capitalised word right before makes the full name: "Shenji NX9031"
        pre = _WORD_BEFORE_CODE.search(text[max(0, start - 20) : start])
        if pre and pre.group(1) not in STOP_CAPS and pre.group(1) not in GENERIC_SINGLE:
            start -= len(pre.group(0))
        out.append(_Cand(start, end, "Product", text[start:end], None, "model_code.v1", 1))
    # quoted or named vehicles: "“Yuejin” truck", "the RuiFeng (Refine) MPV"
    for m in _QUOTED_PRODUCT.finditer(text) if "“" in text or '"' in text else ():
        out.append(_Cand(m.start(1), m.end(1), "Product", m.group(1), None, "quoted_product.v1", 1))
    for m in _NAMED_PRODUCT.finditer(text):
        name = m.group(1)
        if name in STOP_CAPS or name.isupper() and len(name) <= 3 and not _DIGIT.search(name):
            if "platform" not in m.group():
                continue
        out.append(_Cand(m.start(1), m.end(1), "Product", name, None, "named_product.v1", 1))
    return out


# "Long Name (ABBR)", 'Long Name ("ABBR")', "Long Name, or ABBR,", "Long Name, known as ABBR,"
_SHORT_FORM_AFTER = re.compile(
    # ("Kestrel Green Power"): three words when quoted, two when not
    r"\s?(?:\((?:the\s(?=[“\"]))?(?:[“\"]?)((?<=[“\"])[A-Z][\w&-]{1,15}(?:\s[A-Z][\w&-]{1,12}){0,2}(?=[”\"])|[A-Z][\w&-]{1,15}(?:\s[A-Z][\w&-]{1,8})?)(?:[”\"]?)(?:\s(?:or|and)\s[^)]*)?\)|,\s(?:or|(?:better\s|also\s|now\s|widely\s)?known\sas)\s[“\"]?([A-Z][\w&-]{1,15})[”\"]?(?=[,.;)\s]))"
)


# the words a contract or filing calls a party by ('(the "Issuer")', '(the "Seller")'); the
# deal rules read a role from some of them
PARTY_TERMS = ("Issuer", "Company", "Borrower", "Guarantor", "Seller", "Vendor", "Transferor", "Purchaser", "Buyer",
               "Transferee", "Investor", "Subscriber", "Licensor", "Licensee", "Supplier", "Customer", "Contractor",
               "Manufacturer", "Lender", "Offeror", "Target", "Client")
# 'X S.A. with its registered office in Rzeszów, Poland (the "Issuer")': a party's defined
# term a few words after its name (a term of the deal, "the Agreement", is no party's)
_DEFINED_PARTY = re.compile(
    r"[^()\n;]{0,100}?\s\((?:hereinafter\s(?:referred\sto\sas\s)?)?(?:the\s)?[“\"]"
    rf"(?P<term>{'|'.join(PARTY_TERMS)})[”\"]\)")


def _abbreviations(text: str, chosen: list[_Cand], aliases: Aliases) -> list[_Cand]:
    """'Long Name (ABBR)' / 'Long Name, or ABBR,' / 'Long (简称)' teach the article a short form."""
    by_start = {c.start: c for c in chosen}
    learned: dict[str, _Cand] = {}
    for c in chosen:
        if c.type not in ("Company", "Organization", "GovernmentBody", "Media", "Fund"):
            continue
        rest = text[c.end : c.end + 60]
        m = _SHORT_FORM_AFTER.match(rest)
        if m is None and "(" in text[c.end : c.end + 130]:
            term = _DEFINED_PARTY.match(text, c.end)
            if term is not None and not any(c.end <= o.start < term.start("term") and o.type in _ORG_TYPES for o in chosen):
                learned.setdefault(term.group("term"), c)
                continue
        if m:
            short = m.group(1) or m.group(2)
            if short not in STOP_CAPS and short != c.name and normalize_name(short) != normalize_name(c.name):
                kn = aliases.by_surface.get(short)
                if (c.key is None and kn is not None and c.via != "subsidiary.v1"
                        and kn.type in ("Company", "Organization", "Fund", "GovernmentBody", "Media")):
                    # 'Ebro EV Motors, S.L. ("Ebro")': the long form is the known company
                    i = chosen.index(c)
                    c = _Cand(c.start, c.end, kn.type, kn.name, kn.key, "abbreviation.v1", c.rank)
                    chosen[i] = c
                    continue
                learned.setdefault(short, c)
    # "Qoros Automotive ... a stake in Qoros": a found name's first word names it too (not
    # where the article writes that word as a place: "Vadar Bus Assembly LLC ... in Vadar, Oman")
    placed = {text[c.start : c.end] for c in chosen if c.type == "Place"}
    prefixes: set[str] = set()
    for c in chosen:
        if c.key is None and c.type in ("Company", "Fund") and c.via != "deal_context.v1":
            words = c.name.split()
            # "Grupo Kestrel", "PT Kestrel Motor": the word after a legal form; "Shenzhen Yinwang
            # Intelligent Technology Co.": the word after the city a Chinese legal name opens with
            first = words[1] if (words[0] in ORG_PREFIX and len(words) >= 2
                                 or len(words) >= 3 and _known_place(words[0], aliases)) else words[0]
            if (len(words) >= 2 and len(first) >= 4 and first[0].isupper()
                    and first not in STOP_CAPS and first not in GENERIC_SINGLE
                    and first not in GENERIC_WORDS and first not in aliases.by_surface and first not in placed
                    and not _NOT_LETTER_OR_HYPHEN.search(first)):
                learned.setdefault(first, c)
            if (len(words) >= 3 and first == words[0] and words[1][:1].isupper() and words[1] not in GENERIC_WORDS
                    and not _NOT_LETTER_OR_HYPHEN.search(words[1])):
                # "Kestrel Emobility Technology Co., Ltd. ... Kestrel Emobility's tie-up": its first
                # two words name it too (where "Kestrel" alone may be its parent) -- but not a name
                # of its own shape ("Kestrel Motors" beside "Kestrel Motors Malaysia Sdn Bhd")
                prefixes.add(f"{first} {words[1]}")
                learned.setdefault(f"{first} {words[1]}", c)
    # "Entoto Electric Mobility PLC ... Entoto Electric Mobility": a name without its legal form
    bare_of: set[tuple[str, str]] = set()  # (name without its legal form, name)
    for c in chosen:
        if c.key is None and c.type in ("Company", "Fund"):
            bare = _LEGAL.sub("", c.name).rstrip(" ,")
            if bare != c.name and " " in bare:
                learned.setdefault(bare, c)
                bare_of.add((bare, c.name))
    # "Chery and Fiat agreed ... Fiat looked elsewhere": a name found from its context in one
    # place names the same organisation wherever else the article writes it
    other_kinds = {text[c.start : c.end] for c in chosen if c.type not in ("Company", "Fund")}
    for c in chosen:
        if c.key is None and c.type in ("Company", "Fund") and c.name == text[c.start : c.end] \
                and c.name not in STOP_CAPS and c.name not in GENERIC_SINGLE and len(c.name) >= 3 \
                and c.name not in other_kinds:  # "the region of Molise" elsewhere: not a company
            learned.setdefault(c.name, c)
    if not learned:
        return chosen
    out = list(chosen)
    taken = [(c.start, c.end) for c in chosen]
    # each learned short form is looked up with str.find (no regex is compiled per
    # article); a use is a whole token ("Kestrel", not "Kestrel-based" or "Kestrels")
    uses: list[tuple[int, int, str]] = []
    for short in learned:
        pos = text.find(short)
        while pos != -1:
            end = pos + len(short)
            before, after = text[pos - 1 : pos] if pos else "", text[end : end + 1]
            if not (before.isalnum() or before in ("_", "-")) and not (
                after.isalnum() or after in ("_", "&") or (after == "-" and " " not in short)
            ):
                uses.append((pos, -end, short))  # at one position the longer form first
            pos = text.find(short, pos + 1)
    for pos, neg_end, short in sorted(uses):
        long, span = learned[short], (pos, -neg_end)
        existing = by_start.get(span[0])
        if existing is not None and existing.end == span[1]:
            if existing.name == long.name or (short in prefixes and existing.via != "deal_context.v1"
                                              and (short, long.name) not in bare_of):
                continue  # the name itself (but "Moselle Composites" is "Moselle Composites S.A.")
            if existing.key is None and existing in out:  # pattern-found short form: point it at the long name
                out[out.index(existing)] = _Cand(existing.start, existing.end, long.type, long.name, long.key, "abbreviation.v1", existing.rank)
            continue
        inside = [c for c in out if span[0] < c.end and c.start < span[1]]
        if inside:
            # a two-word short form ("Kestrel US") replaces the shorter names inside it
            if " " not in short or any(c.start < span[0] or c.end > span[1] for c in inside):
                continue
            out = [c for c in out if c not in inside]
            taken = [t for t in taken if not (span[0] <= t[0] and t[1] <= span[1])]
        elif any(span[0] < e and s < span[1] for s, e in taken):
            continue
        via = "subsidiary.v1" if long.via == "subsidiary.v1" else "abbreviation.v1"
        out.append(_Cand(span[0], span[1], long.type, long.name, long.key, via, 1))
        taken.append(span)
    return sorted(out, key=lambda c: c.start)


_NAME_WORD_SHAPE = re.compile(r"[A-Z][a-z]+(?:[’'-][a-z]+)?")
_SPEECH_AT = re.compile(SPEECH)
_HONORIFIC_BEFORE = re.compile(r"(?<![\w])(?:Mr|Ms|Mrs|Dr)\.?\s$")


# "Hefei offered to raise ...", "Hefei and BOE agreed on ...": a place that acts is its government
_PLACE_ACTS = re.compile(
    r"(?:\sand\s[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})?\s(?:has\s|had\s|have\s|will\s|would\s|also\s|then\s)?"
    r"(?:offered|agreed|invested|signed|pledged|promised|committed)\b")
_PLACE_ACTS_WORDS = required_literals(_PLACE_ACTS.pattern) or ("",)  # (none found: always look)
_AND_BEFORE = re.compile(r"[A-Z][\w&.-]*\sand\s$")


def _places_that_act(text: str, chosen: list[_Cand], aliases: Aliases) -> list[_Cand]:
    """A known place as the subject of an agreeing or investing verb stands for its government
    ("in Hefei agreed" is not one, "X and Hefei agreed" is)."""
    if not any(w in text for w in _PLACE_ACTS_WORDS):
        return chosen
    out = []
    for c in chosen:
        if c.type == "Place" and c.key is not None and _PLACE_ACTS.match(text, c.end) and (
                not text[max(0, c.start - 3) : c.start].strip(" ").endswith(("in", "of", "to"))
                or _AND_BEFORE.search(text, max(0, c.start - 40), c.start)):
            gov = aliases.by_surface.get(f"{c.name} government")
            if gov is not None and gov.type in ("GovernmentBody", "Organization"):
                c = _Cand(c.start, c.end, gov.type, gov.name, gov.key, "place_acts.v1", c.rank)
            else:
                c = _Cand(c.start, c.end, "GovernmentBody", f"{c.name} government", None, "place_acts.v1", c.rank)
        out.append(c)
    return out


_AFTER_UNIT_PLACE = re.compile(r"[\w-]|[ \u00a0](?:[A-Z]|(?:plant|factory|base|site|facility|works|operations|office|"
                               r"headquarters|government|city|province|county)\b)")


def _units_named_by_place(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """'made by Frigotec Hefei': a company's name and, straight after it, a city's is the name
    of its unit there -- an organisation of its own (unless a plant or a longer name follows)."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (c.type == "Place" and prev is not None and prev.type == "Company" and prev.end + 1 == c.start
                and text[prev.end] in " \u00a0" and not _AFTER_UNIT_PLACE.match(text, c.end)
                and not _LEGAL_ABBREVIATION_END.search(prev.name)  # "Kestrel S.A. Spain": the form ends it
                and not text.startswith(("’s", "'s"), prev.end)):
            name = text[prev.start : c.end]
            out[-1] = _Cand(prev.start, c.end, "Company", name, None, "unit_in_place.v1", prev.rank)
            continue
        out.append(c)
    return out


# rules that guess an organisation from the words around a name (not from its shape)
_GUESSED = frozenset({"name_org_word.v1", "appositive.v1", "deal_context.v1"})
# "TBILISI, 2030-03-13 (Wire) —", "SURABAYA (Wire, 9 April 2030) —": a dateline's place
_DATELINE_PLACE = re.compile(r"(?m)^([A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+){0,2})(?:,\s|\s\()(?=[^\n]*[\d(])")
# "Kutaisi, in western Georgia,": a place placed in a larger one
_PLACE_IN_REGION = re.compile(
    rf"({_PLACE_SEQ}),\s(?:in|near)\s(?:(?:the\s)?(?:north|south|east|west|central|northern|southern|eastern|western"
    rf"|north-?eastern|north-?western|south-?eastern|south-?western)\s)[A-Z]")
# "signed in Tbilisi on Monday", "kits in Kutaisi.": a name after a locative "in" (but "a
# stake in Kestrel.", "invested in Kestrel,", "Kestrel's" name a company)
_IN_NAME = re.compile(rf"\sin\s({_PLACE_SEQ})(?=[.,;:)]|\s(?:on|last|this|earlier|from|in|at|by)\b)")
_HOLDING_BEFORE = re.compile(r"(?:stakes?|interests?|holdings?|shares|equity|invest\w*|positions?|confidence|trust|round"
                             r"|financing|funding|money)\s$")


def _places_shown_by_text(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """'the Tbilisi company', 'a Kutaisi company, the maker': a name that only the words
    around it made an organisation is a place where the article shows it to be one -- its
    dateline, "X, in western Georgia", "signed in X on Monday"."""
    guessed: set[str] = set()
    described: set[str] = set()  # (a name found beside a deal word may be a company "in" a round)
    for c in chosen:
        if c.via in _GUESSED and c.key is None:
            guessed.add(text[c.start : c.end])
            if c.via != "deal_context.v1":
                described.add(text[c.start : c.end])
    if not guessed:
        return chosen
    shown = {m.group(1) for m in _PLACE_IN_REGION.finditer(text)}
    if (dateline := _DATELINE_PLACE.search(text, 0, 600)) is not None:
        shown.add(dateline.group(1).title())
    for m in _IN_NAME.finditer(text):
        if m.group(1) in described and not _HOLDING_BEFORE.search(text, max(0, m.start() - 16), m.start() + 1):
            shown.add(m.group(1))
    shown &= guessed
    if not shown:
        return chosen
    return [_Cand(c.start, c.end, "Place", c.name, None, "place_in_text.v1", c.rank)
            if c.via in _GUESSED and c.key is None and text[c.start : c.end] in shown else c for c in chosen]


def _places_named_elsewhere(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """'the region of Molise ... shipped to Molise': a name the article shows to be a place is
    a place where only a deal word next to it made it a company. In 'the Oulu company' it
    only tells which company is meant: no mention of its own."""
    places = {text[c.start : c.end]: c for c in chosen if c.type == "Place"}
    out = []
    for c in chosen:
        if c.via == "name_org_word.v1" and text[c.start : c.end] in places:
            continue
        place = places.get(text[c.start : c.end]) if c.via == "deal_context.v1" else None
        out.append(c if place is None else _Cand(c.start, c.end, "Place", place.name, place.key,
                                                 "place_named_elsewhere.v1", c.rank))
    return out


# "National Office for Vehicle Safety", "Agency for Trade Promotion": an
# institution's name goes on past "for" (a company's does not: "Kestrel for Lumen")
_INSTITUTION_END = re.compile(r"(?:Administration|Commission|Committee|Agency|Authority|Office|Bureau|Council|Ministry"
                              r"|Department|Centre|Center|Institute|Association)$")
_FOR_NAME = re.compile(rf"{_SP}for{_SP}(?:the{_SP})?{_CAP_WORD}(?:{_SP}(?:and{_SP})?{_CAP_WORD}){{0,4}}")


def _institutions_for(text: str, chosen: list[_Cand]) -> list[_Cand]:
    if " for " not in text:
        return chosen
    out: list[_Cand] = []
    skip_to = -1
    for c in chosen:
        if c.start < skip_to:
            continue
        if c.key is None and c.type in ("GovernmentBody", "Organization", "Fund") and _INSTITUTION_END.search(c.name):
            more = _FOR_NAME.match(text, c.end)
            if more is not None:
                c = _Cand(c.start, more.end(), c.type, text[c.start : more.end()], None, c.via, c.rank)
                skip_to = c.end
        out.append(c)
    return out


def _people_in_deal_context(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A name in a deal sentence that the article gives a person elsewhere ("Ren Kai,
    County Mayor, ... signed by Ren Kai"), or whose surname it uses with Mr/Ms/Dr
    ("founded by Jean-Luc Moreau ... Mr. Moreau said"), is a person, not a company."""
    people = {c.name for c in chosen if c.type == "Person"}
    honorific = any(h in text for h in ("Mr", "Ms", "Dr"))
    if not people and not honorific:
        return chosen
    # "Ada Brenner ... Lin and Brenner put their names to ...": one word of a person's
    # full name, told before, is that person (of two full names with the word, neither)
    word_of: dict[str, tuple[str, int] | None] = {}
    for c in chosen:
        if c.type == "Person" and " " in c.name:
            for w in c.name.split():
                known = word_of.get(w, (c.name, c.start))
                word_of[w] = (c.name, min(c.start, known[1])) if known is not None and known[0] == c.name else None
    out = []
    for c in chosen:
        if c.via in ("deal_context.v1", "abbreviation.v1") and c.key is None and c.name in people:
            c = _Cand(c.start, c.end, "Person", c.name, None, "person_named_elsewhere.v1", c.rank)
        elif c.via in ("deal_context.v1", "abbreviation.v1") and c.key is None and " " not in c.name \
                and (full := word_of.get(c.name)) is not None and full[1] < c.start:
            c = _Cand(c.start, c.end, "Person", full[0], None, "person_named_elsewhere.v1", c.rank)
        elif honorific and c.via == "deal_context.v1" and c.key is None and _NAME_RE.fullmatch(c.name):
            last = c.name.split()[-1]
            if _HONORIFIC_SURNAME.search(text, 0) and re.search(rf"\b(?:Mr|Ms|Mrs|Dr)\.?\s{re.escape(last)}\b", text):
                c = _Cand(c.start, c.end, "Person", c.name, None, "honorific_surname.v1", c.rank)
        out.append(c)
    return out


_HONORIFIC_SURNAME = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s[A-Z]")


def _model_codes(chosen: list[_Cand]) -> list[_Cand]:
    """'S800' after 'Maxel S800': a model code alone names the one product of the article it ends."""
    full: dict[str, set[str]] = defaultdict(set)
    for c in chosen:
        if c.type == "Product" and " " in c.name:
            full[c.name.rsplit(" ", 1)[1]].add(c.name)
    if not full:
        return chosen
    out = []
    for c in chosen:
        names = full.get(c.name) if c.type == "Product" and " " not in c.name else None
        if names and len(names) == 1:
            c = _Cand(c.start, c.end, c.type, next(iter(names)), c.key, c.via, c.rank)
        out.append(c)
    return out


# "Mr Ren sold 20% of the company", "Ren sold 18% of ...": a person selling a stake (deals too)
SELLS_STAKE = re.compile(r"\s(?:has\s|had\s)?(?:sold|sells)\s[\d.]+\s?(?:%|percent|per\scent)\s")
_GIVEN_NAME = re.compile(r"\s([A-Z][a-z]+(?:-[a-z]+)?)\b(?![\w’'-])")


def _surname_first_names(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """'Ren Haolin' where the text also says 'Mr Ren': a Chinese name, surname first, that
    no other rule found (a one-word surname with Mr/Ms/Dr and a capitalised word after it)."""
    surnames = {c.name for c in chosen if c.via == "honorific.v1" and " " not in c.name}
    if not surnames:
        return chosen
    taken = [(c.start, c.end) for c in chosen]
    found = []
    for surname in surnames:
        pos = text.find(surname)
        while pos != -1:
            given = _GIVEN_NAME.match(text, pos + len(surname))
            if given and (pos == 0 or not text[pos - 1].isalnum()) \
                    and not _HONORIFIC_BEFORE.search(text, max(0, pos - 5), pos) \
                    and given.group(1) not in PERSON_STOP and given.group(1) not in GENERIC_SINGLE \
                    and not ORG_WORDS.match(given.group(1)) and not GOV_WORDS.match(given.group(1)) \
                    and not any(pos < te and ts < given.end() for ts, te in taken):
                found.append(_Cand(pos, given.end(), "Person", text[pos : given.end()], None, "surname_first.v1", 1))
            pos = text.find(surname, pos + 1)
    return sorted(chosen + found, key=lambda c: c.start) if found else chosen


def _surnames(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """'Li said' after 'William Li': one word of a person's name, used as a name."""
    people = {}
    for c in chosen:
        if c.type == "Person":
            for w in c.name.split():
                people.setdefault(w.replace("’", "'"), set()).add(c.name)
    if not people:
        return chosen
    first: dict[str, int] = {}
    for c in chosen:
        if c.type == "Person":
            first.setdefault(c.name, c.start)

    def full_name(word: str, pos: int) -> str | None:
        # the one full name with this word; of several ("Ren Haolin", later his daughter "Ren
        # Meixi"), the one the text has introduced so far
        full = [n for n in people.get(word.replace("’", "'"), ()) if " " in n]
        if len(full) > 1:
            full = [n for n in full if first[n] < pos]
        return full[0] if len(full) == 1 else None

    # a one-word name found by its own rule ("Mr. Moreau") is the one full name it is part of
    chosen = [
        _Cand(c.start, c.end, c.type, full, c.key, c.via, c.rank)
        if c.type == "Person" and " " not in c.name and (full := full_name(c.name, c.start)) else c
        for c in chosen
    ]
    taken = [(c.start, c.end) for c in chosen]
    out = list(chosen)
    # Each word of this article's people is looked up with str.find (no regex is compiled
    # per article), and kept where it is used like a name: "Li said", "Mr. Li"
    uses: list[tuple[int, int, str]] = []
    for word in people:
        if not _NAME_WORD_SHAPE.fullmatch(word):
            continue
        for form in {word, word.replace("'", "’")}:
            pos = text.find(form)
            while pos != -1:
                end = pos + len(form)
                if ((pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_’'-")) and not text[end : end + 1].islower()
                        and (_SPEECH_AT.match(text, end) or SELLS_STAKE.match(text, end)
                             or _HONORIFIC_BEFORE.search(text, max(0, pos - 5), pos)
                             and not (text[end : end + 1].isalnum() or text[end : end + 1] == "_"))):
                    uses.append((pos, end, word))
                pos = text.find(form, pos + 1)
    for s, e, word in sorted(uses):
        if any(s < te and ts < e for ts, te in taken):
            continue
        full = people.get(word)
        if not full:
            continue
        name = next(iter(full)) if len(full) == 1 else full_name(word, s)
        # Only names that come after the full name's first mention
        if name is None or s < first[name]:
            continue
        out.append(_Cand(s, e, "Person", name, None, "surname.v1", 1))
        taken.append((s, e))
    return sorted(out, key=lambda c: c.start)


# Speed: patterns scanned for over the whole text that start with words (after a space,
# for some). sre tries each at every position whose character can start it (a third of
# the text and more); one Aho-Corasick scan of the lower-cased text finds, for all of
# them at once, the few positions where one of their words starts, and each is matched
# only there (see ``_scan``).
_OPENINGS = Openings([_TITLE_LOW, _DESCRIPTOR_NAME, _DEAL_HINT, _PERSON_CUE, _SPEAKER, _HONORIFIC,
                      _OF_PLACE, _UNIT_WORD, _AND_INSTITUTION])
