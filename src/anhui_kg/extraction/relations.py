"""Binary relations: (Article, Mentions, dates, deals) -> RelationClaims.

People's roles from titles next to names ("Chery Chairman Yin Tongyue", "Chairman of JAC
Motors, An Jin", "Xiang Xingchu, general manager of JAC"), headquarters ("Hefei-
headquartered X", "X has located its headquarters in Hefei", "all Anhui-based"),
locations ("Hefei, Anhui"), plants ("NIO Advanced Manufacturing ... Plant in Hefei"),
brands ("Chery's sub-brand Exeed", "its five brands", "a three-brand matrix with A, B
and C"), subsidiaries ("X's energy unit — known as Y", "Y, the division of X") and who
attended a signing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Article, DateValue, DealClaim, Evidence, Mention, Predicate, RelationClaim
from .caseless import Caseless
from .dates import DateMatch
from .mentions import BRAND_NAME

ORGS = frozenset({"Company", "Organization", "GovernmentBody", "Media", "Fund"})

_TITLE_PRED: list[tuple[re.Pattern[str], Predicate]] = [
    (re.compile(r"\bco-?founder\b|\bfounder\b", re.I), "founder_of"),
    (re.compile(r"\bvice[- ]chair(?:man|woman)?\b", re.I), "executive_of"),
    (re.compile(r"\bchair(?:man|woman)?\b", re.I), "chairman_of"),
    (re.compile(r"\bCEO\b|\bchief executive\b", re.I), "ceo_of"),
    (re.compile(r"\bvice[- ]president\b|\bsenior vice president\b", re.I), "executive_of"),
    (re.compile(r"\bpresident\b", re.I), "president_of"),
    (re.compile(r"\bgeneral manager\b|\bCFO\b|\bCTO\b|\bCOO\b|\bchief \w+ officer\b|\bchief (?:engineer|designer|scientist)\b|\bmanaging director\b|\bexecutive director\b|\bdirector\b|\bparty secretary\b|\bhead\b", re.I), "executive_of"),
]
_TITLE_WORDS = r"(?:co-?founder|founder|vice[- ]chair(?:man|woman)?|chair(?:man|woman)?|CEO|chief executive(?: officer)?|vice[- ]president|senior vice president|president|general manager|CFO|CTO|COO|chief \w+ officer|chief (?:engineer|designer|scientist)|managing director|executive director|director|party secretary|head)"
_TITLES = rf"{_TITLE_WORDS}(?:(?:,\s|\sand\s|\s&\s|,\sand\s){_TITLE_WORDS})*"
# Titles around a person's name (compiled once: the views of a sentence are tried per person)
# (Caseless: matched over lower-cased text where that is the same, which is about twice as
# fast; only offsets are read, and the title group goes to _preds, which ignores case)
_TITLE_BEFORE = Caseless(rf"({_TITLES})\s$")  # "Chery Chairman Yin Tongyue"
_TITLE_OF_ORG_BEFORE = Caseless(rf"({_TITLES})\sof\s([^;]{{2,90}}?),\s$")  # "Chairman of JAC, An Jin"
_ORG_TITLE_AFTER = re.compile(  # "Li Zhen, Gotion's founder and chairman"
    rf"(?:\s?[（(][^)）]{{1,12}}[)）])?,\s(?:the\s)?(?P<org>[^,;]{{1,60}}?)(?:’s|'s|‘s)?\s(?P<t>(?i:{_TITLES})|board member|executive)\b"
)
_TITLE_OF_ORG_AFTER = re.compile(  # "Xiang Xingchu, general manager of JAC"
    rf"(?:\s?[（(][^)）]{{1,12}}[)）])?,\s(?:(?:he|she|He|She)\s(?:was|is|has been|had been)\s)?(?:the\s|a\s|its\s)?"
    rf"(?:(?:former|then|current|new)\s)?((?i:{_TITLES}))\s(?:of|at)\s(?:[A-Z][\w-]*-based\s)?"
)


# Sentence cues. Each is searched only in sentences that contain its key word (a substring
# every match contains): most sentences have none, and a substring test is far cheaper.
_FOUNDED_BY = re.compile(r"\b(?:co-)?founded\b[^.;]{0,40}?\bby\s")  # "founded"
_ATTENDED_SIGNING = re.compile(r"\battend(?:ed|ing)\b[^.]{0,40}\b(?:signing|ceremony)")  # "attend"
_HEADQUARTERED_IN = re.compile(  # "headquarter" or "based in"
    r"\bheadquartered in\s|\b(?:has|have) (?:located|moved|set up) (?:its|their) (?:[\w-]+ )?headquarters in\s"
    r"|\bis based in\s|\bare based in\s"
)
_WHERE = re.compile(r"\bwhere\s")  # "where"
_ALL_BASED = re.compile(r"\b(?:are|is) (?:all |both )?([A-Z][\w]+)-based\b")  # "-based"
_MAKER_OF = re.compile(r"\b(?:the\s)?maker\sof\s(?:the\s)?")  # "maker"
_PORTFOLIO = re.compile(
    r"\b(?:[\w-]+-brand|brand)\s(?:matrix|portfolio|lineup|line-up|family|strategy)\b|\bintroduc\w+\sthe\s[“\"]?\w+[”\"]?\sbrand\b"
    r"|\bits\s(?:established\s|own\s|new\s)?[“\"]?\w+[”\"]?\s(?:lineup|brand)\b|\bunder one roof\b"
)
_APPOSITIVE_BASED = re.compile(r",\s(?:the|a|an)\s(?:[\w-]+\s){0,3}(?:based|headquartered)\sin\s")  # ", the engine maker based in"
_ITS_BRANDS = re.compile(r"\b[Ii]ts\s(?:\w+\s)?(?:brands|marques)\b")  # "brands" or "marques"
_UNIT_WORDS = ("unit", "arm", "division", "subsidiary", "affiliate")
_POSSESSIVE_UNIT = re.compile(  # one of _UNIT_WORDS
    r"(?:’s|'s|‘s)\s(?:[\w-]+\s){0,2}(?:unit|arm|division|subsidiary|affiliate)\b[^.;]{0,30}?(?:known as|called|named|,)\s"
)
_UNIT_OF = re.compile(r",\s(?:a|an|the)\s(?:[\w.-]+\s){0,4}(?:subsidiary|unit|division|arm|affiliate)\s(?:of\s)")  # likewise ("the U.S. subsidiary of")
_POSS = r"(?:[’'‘]s\b|(?<=s)[’'])"  # "X's", "Motors'"
# More ways a unit is named (cheap word checks first, like the cues above):
#   "NIO Power, NIO's energy-services subsidiary" / "X, the group's EV unit" / "X, its main operating company"
_UNIT_NOUN = r"(?:subsidiary|unit|division|arm|affiliate|holding\scompany|operating\scompany)"
_CHILD_IS_UNIT = re.compile(rf",\s(?:its|the\s[a-z][\w-]*{_POSS})\s(?:[\w.-]+\s){{0,3}}{_UNIT_NOUN}\b")
_COMMA_THE = re.compile(r",\s(?:the\s)?")
_NAMED_UNIT = re.compile(rf"{_POSS}\s(?:[\w.-]+\s){{0,3}}{_UNIT_NOUN}\b")
#   "Gotion's German subsidiary, Gotion Germany GmbH" / "its subsidiary Jianglai"
_UNIT_THEN_CHILD = re.compile(
    rf"(?:(?P<its>\b[Ii]ts)|{_POSS})\s(?:[\w.-]+\s){{0,3}}{_UNIT_NOUN},?\s(?:the\s)?$"
)
#   "Jaguar Land Rover, owned by India's Tata Motors" / "X, which is wholly owned by Y"
_OWNED_BY = re.compile(
    r",\s(?:(?:which|that)\s(?:is|was|will\sbe)\s)?(?:(?:wholly|fully|majority)[- ])?owned\sby\s"
    rf"(?:[A-Z][\w-]*{_POSS}\s)?(?:(?:the\s)?[a-z][\w-]*\s){{0,2}}"
)
#   "Its controlling shareholder is X" / "JAC's parent, X" / "its parent company X"
_PARENT_IS = re.compile(
    rf"(?:(?P<its>\b[Ii]ts)|{_POSS})\s(?:parent(?:\scompany|\sgroup)?|controlling\sshareholder),?\s(?:is\s)?(?:the\s)?$"
)

# Holdings: who owns part of whom, said outside any deal.
_PCT = r"(?:(?:about|around|roughly|some|nearly|almost|over|more\sthan)\s)?\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)"
_HOLDS_STAKE = re.compile(  # "holds a 25% stake in", "owns 60% of", "kept a minority holding in"
    rf"\s(?:(?:now|still|also|already|currently|indirectly)\s)?(?:holds?|owns?|held|owned|controls?|controlled|has|had|kept|keeps|retains?|retained)\s"
    rf"(?:(?:a|an|the|its|their)\s)?(?:{_PCT}\s(?:of\s|(?:(?:direct|indirect|equity)\s)?(?:stake|holding|interest|shareholding)\s(?:in|of)\s)"
    rf"|(?:(?:majority|minority|controlling|direct|indirect|equity)\s)(?:stake|holding|interest|shareholding)\s(?:in|of)\s)"
)
_IS_SHAREHOLDER = re.compile(  # "is the largest shareholder of" / "is also an investor in"
    r"\s(?:is|was|became|remains|will\sbecome)\s(?:(?:also|now|still)\s)?(?:the|a|an|its)\s"
    r"(?:(?:largest|biggest|second-largest|single\slargest|controlling|major|early|strategic)\s)?(?:shareholder|investor|backer|owner)\s(?:of|in)\s"
)
_IS_POSS_SHAREHOLDER = re.compile(  # "is Gotion's largest shareholder"
    r"\s(?:is|was|became|remains|will\sbecome)\s(?:(?:also|now|still)\s)?"
)
_POSS_SHAREHOLDER = re.compile(
    rf"{_POSS}\s(?:(?:largest|biggest|second-largest|single\slargest|controlling|major|early|earliest|strategic)\s)?(?:shareholder|investor|backer|owner)s?\b"
)
_CONTROLLED_BY = re.compile(  # ", a company controlled by businessman X"
    r",\s(?:(?:a|an|the)\s(?:[\w-]+\s){0,3})?(?:(?:majority|wholly|jointly)[- ])?(?:controlled|backed)\sby\s(?:[a-z][\w-]*\s){0,2}"
)
_IN_WHICH = re.compile(r",?\s(?:in\swhich|of\swhich)\s")  # "..., in which CARIAD holds 60%"
_HOLDS_PCT = re.compile(rf"\s(?:holds?|owns?|held|owned|has|had|will\shold|will\sown)\s(?:a\s)?{_PCT}")
_HOLDING_WORDS = ("stake", "holding", "interest", "%", "cent", "shareholder", "investor", "backer",
                  "controlled by", "backed by", "owner")

# Places: the gap between a place and the larger place it lies in.
_PLACE_IN_PLACE = re.compile(
    r",\s|\sin\s|\sof\s"
    r"|,\s(?:in\s)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central)\s)"
    r"|,\s(?:(?:in|of)\s)?the\s(?:state|province|county|region|prefecture)\sof\s"
    r"|,\s(?:a|an|the)\s(?:[\w-]+\s){0,5}(?:in|of|near|outside)\s(?:(?:neighbouring|neighboring|northern|southern|eastern|western|central)\s)?"
)
_IN_LIST = re.compile(r",?\s(?:and|or)\s|,\s[A-Z][\w-]*(?:\s[A-Z][\w-]*)?,")
_PLACE_POSSESSIVE = re.compile(rf"{_POSS}\s(?:(?:state-owned|state-backed|largest|biggest|leading)\s)?")

# Products: who makes what. "X launched the Y", "Y is built by X", "Y is produced at
# PLANT", "X's Y", "its Y", "a Chery Tiggo". A product's head noun may follow its name.
_MAKE_VERBS = (
    "launch", "unveil", "introduc", "develop", "design", "produc", "build", "built", "make",
    "made", "manufactur", "assembl", "roll", "sell", "sold", "production",
)
_MAKES = re.compile(
    r"\s(?:(?:has|have|had|will|would|also|now|first|already|then|later)\s){0,2}"
    r"(?:launch(?:ed|es)?|unveil(?:ed|s)?|introduc(?:ed|es)|develop(?:ed|s|ing)?|design(?:ed|s)?|produc(?:ed|es)|"
    r"builds?|built|makes?|made|manufactur(?:ed|es)|assembl(?:ed|es)|roll(?:ed|s)?\sout|sells?|sold|"
    r"beg[au]n\s(?:production|making|building|assembling)\sof|start(?:ed|s)?\s(?:series\s|mass\s)?production\sof)"
    r"\s(?:(?:the|its|a|an|their)\s)?(?:[\w-]+\s){0,2}"
)
_HEAD_NOUN = re.compile(
    r"(?:\s(?:sedan|SUV|crossover|model|truck|hatchback|coupe|coupé|MPV|pickup|van|bus|chip|chips|"
    r"processors?|platform|batter(?:y|ies)|engines?|cars?|EVs?|vehicles?|system|cockpit|package|"
    r"flagship|series|lineup))+\b"
)
_MADE_BY = re.compile(
    r",?\s(?:(?:is|are|was|were|will\sbe|has\sbeen|have\sbeen|being)\s)?(?:(?:also|now|still|first|mainly|jointly)\s)?"
    r"(?:produced|built|made|manufactured|assembled|developed|designed|engineered)\s"
    r"(?:(?:from\skits|locally|under\slicen[cs]e)\s)?(?P<prep>by|at|in)\s(?:the\s)?"
)
_POSSESSIVE_OF = re.compile(
    rf"(?:(?P<its>\b[Ii]ts)|{_POSS})\s(?:[a-z][\w-]*\s){{0,3}}$"
)

# Plants: "the Maextro Super Factory, a dedicated plant built by JAC" / "PLANT, operated by X"
_PLANT_BY = re.compile(
    r",?\s(?:(?:a|an|the)\s(?:[\w-]+\s){0,2}(?:plant|factory|base|facility)\s)?"
    r"(?:(?:which|that)\s(?:is|was)\s)?(?:built|operated|owned|run|set\sup)\sby\s"
)

# Small patterns used inside the per-sentence loop, compiled once
_WHO_CHAIRS = re.compile(r",\s(?:who|and)\s(?:has\s|still\s|now\s)*(?:served\sas\s|is\s)?(?:its\s)?(chairman|chairwoman|chief executive|CEO|president)\b|,\swho\s(?:still\s)?(chairs)\b")
_BASED_SUFFIX = re.compile(r"-(?:headquartered|based)\s")
_DESCRIPTION_BEFORE = re.compile(r"(?:,\s|\sis\s|\swas\s)(?:a|an|the)\s(?:[\w-]+\s)?$")
_THE = re.compile(r"\bthe\s")
_ARE = re.compile(r"are\b")
_FOUNDED_CLAUSE = re.compile(r",\s(?:founded|established)")
_HQ_LOCATED = re.compile(r"\s(?:[Hh]eadquarters|HQ)\s(?:is|are)\s(?:located|based)")
_COMMA_SPACE = re.compile(r",\s")
_IN_OR_AT = re.compile(r"\s(?:in|at)\s")
_OWNER_THEN_BRANDS = re.compile(
    rf"{_POSS}\s(?:own\s|new\s|premium\s|luxury\s|export\s|electric\s)?"
    rf"(?P<names>{BRAND_NAME}(?:(?:,\s|,?\s(?:and|or)\s){BRAND_NAME})*)\s(?:brands?|sub-brands?|marques?)\b")
_POSSESSIVE_BRAND_BEFORE = re.compile(r"(?:’s|'s|‘s)\s(?:[\w-]+\s)?(?:sub-brand|brand|marque)\s$")


def _preds(title_text: str) -> list[Predicate]:
    out: list[Predicate] = []
    rest = title_text
    for pat, pred in _TITLE_PRED:
        if pat.search(rest):
            out.append(pred)
            rest = pat.sub(" ", rest)
    return out


def _ev(article: Article, start: int, end: int) -> Evidence:
    return Evidence(document=article.id, start=start, end=end, text=article.text[start:end])


def _sentence_span(article: Article, index: int) -> tuple[int, int]:
    s = article.sentences[index]
    return s.start, s.end


def extract_relations(
    article: Article,
    mentions: tuple[Mention, ...],
    dates: list[DateMatch],
    deals: tuple[DealClaim, ...],
) -> tuple[RelationClaim, ...]:
    """Relation claims of one article, each with the sentence it was read from."""
    text = article.text
    out: list[RelationClaim] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    def focus(before: int) -> Mention | None:
        """The company most named before offset ``before`` (the one 'its' refers to)."""
        best = None
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in mentions:
            if m.start >= before:
                break
            if m.type == "Company":
                counts[m.name] = counts.get(m.name, 0) + 1
                last[m.name] = m
        if counts:
            best = last[max(counts, key=lambda n: (counts[n], last[n].start))]
        return best

    def add(subj: Mention, pred: Predicate, obj: Mention | str, ev: Evidence, rule: str,
            date: DateValue | None = None, end: DateValue | None = None) -> None:
        oid = obj if isinstance(obj, str) else obj.id
        if not isinstance(obj, str) and subj.name == obj.name:
            return
        out.append(RelationClaim(article=article.id, subject=subj.id, predicate=pred, object=oid,
                                 date=date, end_date=end, evidence=(ev,), rule=rule))

    # dates by sentence, in one pass (sentences do not overlap)
    sent_starts = [s.start for s in article.sentences]
    dates_in: dict[int, list[DateMatch]] = {}
    for d in dates:
        i = bisect_right(sent_starts, d.start) - 1
        if i >= 0 and d.start < article.sentences[i].end:
            dates_in.setdefault(i, []).append(d)
    # cue words that occur nowhere in the article occur in none of its sentences
    holding_words = [w for w in _HOLDING_WORDS if w in text]
    unit_words = [w for w in _UNIT_WORDS if w in text]

    for i_sent, sent in enumerate(article.sentences):
        sm = by_sent.get(sent.index, [])
        if not sm:
            continue
        people = [m for m in sm if m.type == "Person" and m.via != "surname.v1"]
        orgs = [m for m in sm if m.type in ORGS]
        places = [m for m in sm if m.type == "Place"]
        sd = dates_in.get(i_sent, [])

        # --- people's roles ----------------------------------------------------
        for p in people:
            before = text[max(sent.start, p.start - 90) : p.start]
            after = text[p.end : min(sent.end, p.end + 140)]
            # "Chery Chairman Yin Tongyue", "Nio founder and CEO William Li"
            m = _TITLE_BEFORE.search(before)
            if m:
                tstart = p.start - len(before) + m.start()
                org = next((o for o in reversed(orgs) if o.end <= tstart and tstart - o.end <= 3), None)
                if org is None:
                    # no company before the title: the company this passage is about, if it
                    # was named in this sentence or the one before
                    org = focus(p.start)
                    near = {o.name for o in mentions if o.type == "Company" and sent.index - 2 <= o.sentence <= sent.index}
                    if org is not None and org.name not in near:
                        org = None
                    rule = "role.title_focus.v1"
                else:
                    rule = "role.org_title_name.v1"
                if org is not None:
                    for pred in _preds(m.group(1)):
                        add(p, pred, org, _ev(article, min(org.start, tstart), p.end), rule)
                continue
            # "Chairman of JAC Motors, An Jin," / "chairman of X and Y, Tan Xuguang"
            m = _TITLE_OF_ORG_BEFORE.search(before)
            if m:
                seg_start = p.start - len(before) + m.start()
                seg_end = p.start - len(before) + m.end(2)
                for o in orgs:
                    if seg_start <= o.start < seg_end:
                        for pred in _preds(m.group(1)):
                            add(p, pred, o, _ev(article, seg_start, p.end), "role.title_of_org_name.v1")
                continue
            # "Li Zhen, Gotion's founder and chairman," / "Ralf Brandstaetter, the Volkswagen Group board member"
            m = _ORG_TITLE_AFTER.match(after)
            if m:
                o = next((o for o in orgs if p.end + m.start("org") <= o.start and o.end <= p.end + m.end("org") + 3), None)
                if o is not None:
                    preds = _preds(m.group("t")) or ["executive_of"]
                    for pred in preds:
                        add(p, pred, o, _ev(article, p.start, p.end + m.end()), "role.name_org_title.v1")
                    continue
            # "Xiang Xingchu, general manager of JAC" / "Zuo Yanan, He was the chairman of JAC from 1997 to 2021"
            # / "Richard Yu (余承东), Executive Director of Huawei" / "chairman of Guangzhou-based XPeng"
            m = _TITLE_OF_ORG_AFTER.match(after)
            if m:
                o = next((o for o in orgs if p.end + m.end() - 1 <= o.start <= p.end + m.end() + 2), None)
                if o is not None:
                    d1 = d2 = None
                    rng = [d for d in sd if d.start >= o.end and d.start - o.end < 30]
                    for d in rng:
                        if d.role == "range_start":
                            d1 = d.value
                        elif d.role == "range_end":
                            d2 = d.value
                    ev_end = max([o.end] + [d.end for d in rng if d.role.startswith("range")])
                    for pred in _preds(m.group(1)):
                        add(p, pred, o, _ev(article, p.start, ev_end), "role.name_title_of_org.v1", d1, d2)

        # "X was founded in 2006 by Li Zhen", "Horizon Robotics, ... founded in 2015 by Yu Kai"
        for m in _FOUNDED_BY.finditer(sent.text) if "founded" in sent.text else ():
            pos = sent.start + m.end()
            p = next((x for x in people if pos <= x.start <= pos + 2), None)
            o = next((x for x in reversed(orgs) if x.end <= sent.start + m.start() and x.type == "Company"), None)
            if p is not None and o is not None:
                add(p, "founder_of", o, _ev(article, o.start, p.end), "role.founded_by.v1")
                # "..., who has served as its chairman since"
                w = _WHO_CHAIRS.match(text[p.end : p.end + 60])
                if w:
                    add(p, "chairman_of" if (w.group(1) or w.group(2)).lower() in ("chairman", "chairwoman", "chairs") else _preds(w.group(1))[0],
                        o, _ev(article, o.start, p.end + w.end()), "role.founded_by_who.v1")

        # --- attended a signing ---------------------------------------------------
        if "attend" in sent.text and _ATTENDED_SIGNING.search(sent.text):
            target = next((d for d in reversed(deals) if any(e.start <= sent.start for e in d.evidence)), None)
            if target is not None:
                for p in people:
                    add(p, "attended", target.id, _ev(article, sent.start, sent.end), "attended.signing.v1")

        # --- headquarters ------------------------------------------------------------
        for pl in places:
            after = text[pl.end : pl.end + 40]
            if _BASED_SUFFIX.match(after):
                o = next((o for o in orgs if 0 <= o.start - pl.end <= 40), None)
                # "Gotion (国轩高科), a Hefei-based battery maker" / "Ebro is a Barcelona-based company"
                back = text[max(sent.start, pl.start - 40) : pl.start]
                ap = _DESCRIPTION_BEFORE.search(back)
                if ap is not None:
                    owner = next((x for x in reversed(orgs) if x.end <= pl.start - len(back) + ap.start() + 1
                                  and (pl.start - len(back) + ap.start()) - x.end <= 14), None)
                    if owner is not None:
                        add(owner, "headquartered_in", pl, _ev(article, owner.start, pl.end + len("-based")), "hq.appositive_based.v1")
                        continue
                if o is not None:
                    add(o, "headquartered_in", pl, _ev(article, pl.start, o.end), "hq.place_headquartered_org.v1")
        has_hq_words = "headquarter" in sent.text or "based in" in sent.text
        for o in orgs if has_hq_words else ():
            m = _APPOSITIVE_BASED.match(text, o.end, sent.end)
            pl = _at(places, m, 2)
            if pl is not None:
                add(o, "headquartered_in", pl, _ev(article, o.start, pl.end), "hq.appositive_based_in.v1")
        for m in _HEADQUARTERED_IN.finditer(sent.text) if has_hq_words else ():
            pos = sent.start + m.end()
            pl = next((x for x in places if pos <= x.start <= pos + 2), None)
            if pl is None:
                continue
            subj = [o for o in orgs if o.end <= sent.start + m.start()]
            # "the two automotive giants headquartered in Anhui": a description, not a name
            if not subj or _THE.search(text[subj[-1].end : sent.start + m.start()]):
                continue
            # "X and Y are based in" -> all; otherwise the nearest subject before
            if _ARE.match(m.group()):
                for o in subj:
                    add(o, "headquartered_in", pl, _ev(article, sent.start, sent.end), "hq.are_based.v1")
            else:
                o = subj[0] if len(subj) == 1 or _FOUNDED_CLAUSE.search(sent.text) else subj[-1]
                add(o, "headquartered_in", pl, _ev(article, o.start, pl.end), "hq.headquartered_in.v1")
        for m in _WHERE.finditer(sent.text) if "where" in sent.text else ():
            pos = sent.start + m.end()
            o = next((x for x in orgs if pos <= x.start <= pos + 2), None)
            hq = _HQ_LOCATED.match(text[o.end : o.end + 40]) if o else None
            if o is None or hq is None:
                continue
            # "in Hefei, Anhui, where JAC Headquarters is located": the first place of the chain
            chain = [x for x in places if x.end <= sent.start + m.start()]
            if not chain:
                continue
            first = chain[-1]
            for x in reversed(chain[:-1]):
                if _COMMA_SPACE.fullmatch(text[x.end : first.start]):
                    first = x
            add(o, "headquartered_in", first, _ev(article, first.start, o.end + hq.end()), "hq.where_headquarters.v1")
        m = _ALL_BASED.search(sent.text) if "-based" in sent.text else None
        if m:
            pos = sent.start + m.start()
            pl = next((x for x in places if x.start == sent.start + m.start(1)), None)
            if pl is not None:
                for o in orgs:
                    if o.end <= pos and o.type == "Company":
                        add(o, "headquartered_in", pl, _ev(article, sent.start, sent.end), "hq.all_based.v1")

        # --- places inside places: "Hefei, Anhui", "Hefei, a city of Anhui Province" ------
        # "Wuhu, a river port in Anhui", "Changshu, in neighbouring Jiangsu", "Manteno in
        # Kankakee County", "the Zona Franca of Barcelona", "Jacareí, in the state of São Paulo"
        for a, b in zip(places, places[1:]):
            between = text[a.end : b.start]
            if between == ", " and _IN_LIST.match(text, b.end):
                continue  # "Asia, Africa, and Europe": a list, not a place inside another
            if a.name != b.name and len(between) <= 60 and _PLACE_IN_PLACE.fullmatch(between):
                add(a, "located_in", b, _ev(article, a.start, b.end), "place.in_place.v1")
        # "India's Tata Motors", "Abu Dhabi's CYVN": an org of a place
        for pl in places:
            m = _PLACE_POSSESSIVE.match(text, pl.end, sent.end)
            o = _at(orgs, m)
            if o is not None and o.type == "Company":
                add(o, "located_in", pl, _ev(article, pl.start, o.end), "place.possessive_org.v1")

        # --- plants ---------------------------------------------------------------
        for pm in (m for m in sm if m.type == "Plant"):
            owner = next((o for o in orgs if o.end <= pm.start and pm.start - o.end <= 3), None)
            for o in _org_prefix(pm, mentions):
                owner = owner or o
            if owner is not None and owner is not pm:
                add(pm, "plant_of", owner, _ev(article, pm.start, pm.end), "plant.owner_prefix.v1")
            pl = next((x for x in places if 0 <= x.start - pm.end <= 5 and _IN_OR_AT.match(text[pm.end : x.start])), None)
            if pl is not None:
                add(pm, "located_in", pl, _ev(article, pm.start, pl.end), "plant.in_place.v1")

        # --- brands ---------------------------------------------------------------
        brands = [m for m in sm if m.type == "Brand"]
        for b in brands:
            before = text[max(sent.start, b.start - 40) : b.start]
            m = _POSSESSIVE_BRAND_BEFORE.search(before)
            if m:
                o = next((o for o in reversed(orgs) if o.end <= b.start and b.start - o.end <= 40), None)
                if o is not None:
                    add(b, "brand_of", o, _ev(article, o.start, b.end), "brand.possessive.v1")
                    continue
        # "Chery's Omoda and Jaecoo brands", "Chery's iCar brand": the owner before the names
        for m in _OWNER_THEN_BRANDS.finditer(sent.text) if brands and ("brand" in sent.text or "marque" in sent.text) else ():
            o = next((x for x in orgs if x.end == sent.start + m.start()), None)
            if o is None:
                continue
            for b in brands:
                if sent.start + m.start("names") <= b.start < sent.start + m.end("names") and b.name != o.name:
                    add(b, "brand_of", o, _ev(article, o.start, sent.start + m.end()), "brand.owner_then_brands.v1")
        portfolio = _PORTFOLIO.search(sent.text) if brands else None
        if portfolio:
            # whose brands: the sentence's company ("Chery and its Omoda brand"), else the
            # company the passage is about
            pos = sent.start + portfolio.start()
            brand_names = {b.name for b in brands}
            o = next((x for x in orgs if x.type == "Company" and x.start < pos and x.name not in brand_names),
                     None) or focus(sent.start)
            for b in brands:
                if o is not None and b.name != o.name:
                    add(b, "brand_of", o, _ev(article, sent.start, sent.end), "brand.portfolio.v1")
        # "ORG, the maker of Luxeed models"
        for m in _MAKER_OF.finditer(sent.text) if "maker" in sent.text else ():
            pos = sent.start + m.end()
            b = next((x for x in brands if pos <= x.start <= pos + 2), None)
            o = next((x for x in reversed(orgs) if x.end <= sent.start + m.start() and sent.start + m.start() - x.end <= 14), None)
            if b is not None and o is not None:
                add(b, "brand_of", o, _ev(article, o.start, b.end), "brand.maker_of.v1")
        # "Chery Automobile, together with its five brands" / "Its brands include A, B and C"
        m = _ITS_BRANDS.search(sent.text) if "brands" in sent.text or "marques" in sent.text else None
        if m:
            o = next((x for x in reversed(orgs) if x.start < sent.start + m.start()), None) or focus(sent.start)
            if o is not None and o.type in ORGS:
                for later in range(sent.index, min(sent.index + 4, len(article.sentences))):
                    for b in (x for x in by_sent.get(later, []) if x.type == "Brand"):
                        s2, e2 = _sentence_span(article, later)
                        add(b, "brand_of", o, _ev(article, s2, e2), "brand.its_brands.v1")

        # --- subsidiaries -------------------------------------------------------------
        has_unit_words = any(w in sent.text for w in unit_words)
        for m in _POSSESSIVE_UNIT.finditer(sent.text) if has_unit_words else ():
            pos = sent.start + m.start()
            parent = next((o for o in reversed(orgs) if o.end == pos), None)
            child = next((o for o in orgs if sent.start + m.end() - 1 <= o.start <= sent.start + m.end() + 2), None)
            if parent is not None and child is not None:
                add(child, "subsidiary_of", parent, _ev(article, parent.start, child.end), "subsidiary.unit_known_as.v1")
        for m in _UNIT_OF.finditer(sent.text) if has_unit_words else ():
            pos = sent.start + m.start()
            child = next((o for o in reversed(orgs) if o.end == pos), None)
            parent = next((o for o in orgs if o.start >= sent.start + m.end() and o.start - (sent.start + m.end()) <= 45), None)
            if child is not None and parent is not None:
                add(child, "subsidiary_of", parent, _ev(article, child.start, parent.end), "subsidiary.appositive.v1")

        # "NIO Power, NIO's energy-services subsidiary" / "X, the group's EV unit" /
        # "X, owned by India's Tata Motors" / "Gotion's German subsidiary, Gotion GmbH" /
        # "Its controlling shareholder is X"
        if has_unit_words or "owned by" in sent.text or "parent" in sent.text or "shareholder" in sent.text:
            for child in orgs:
                m = _CHILD_IS_UNIT.match(text, child.end, sent.end)
                if m:
                    # "Chery sells through Chery Malaysia, its local unit": the sentence's subject
                    parent = _subject_before(orgs, child.start, focus, child)
                    if parent is not None:
                        add(child, "subsidiary_of", parent, _ev(article, child.start, m.end()), "subsidiary.child_its_unit.v1")
                    continue
                m = _COMMA_THE.match(text, child.end, sent.end)
                parent = _at(orgs, m)
                unit = _NAMED_UNIT.match(text, parent.end, sent.end) if parent is not None else None
                if unit is not None:
                    end = unit.end()
                    add(child, "subsidiary_of", parent, _ev(article, child.start, end), "subsidiary.child_named_unit.v1")
                    continue
                m = _OWNED_BY.match(text, child.end, sent.end)
                parent = _at(orgs + people, m)
                if parent is not None:
                    if parent.type == "Company":
                        add(child, "subsidiary_of", parent, _ev(article, child.start, parent.end), "subsidiary.owned_by.v1")
                    else:  # a government, fund or person owns it: an investor, not a parent company
                        add(parent, "investor_in", child, _ev(article, child.start, parent.end), "holding.owned_by.v1")
                    continue
                before = text[max(sent.start, child.start - 60) : child.start]
                m = _UNIT_THEN_CHILD.search(before)
                if m:
                    pos = child.start - len(before) + m.start()
                    parent = (_subject_before(orgs, pos, focus, child) if m.group("its")
                              else next((o for o in orgs if o.end == pos), None))
                    if parent is not None:
                        add(child, "subsidiary_of", parent, _ev(article, min(pos, parent.start) if parent.start < child.start else pos, child.end), "subsidiary.unit_then_child.v1")
                    continue
                m = _PARENT_IS.search(before)
                if m:
                    pos = child.start - len(before) + m.start()
                    sub = (_subject_before(orgs, pos, focus, child) if m.group("its")
                           else next((o for o in orgs if o.end == pos), None))
                    if sub is not None:
                        add(sub, "subsidiary_of", child, _ev(article, min(pos, sub.start) if sub.start < child.start else pos, child.end), "subsidiary.parent_is.v1")

        # --- holdings -----------------------------------------------------------------
        if any(w in sent.text for w in holding_words):
            for owner in orgs + people:
                m = _HOLDS_STAKE.match(text, owner.end, sent.end) or _IS_SHAREHOLDER.match(text, owner.end, sent.end)
                held = _at(orgs, m, 4)
                if held is not None:
                    add(owner, "investor_in", held, _ev(article, owner.start, held.end), "holding.owner_holds.v1")
                    continue
                m = _IS_POSS_SHAREHOLDER.match(text, owner.end, sent.end)
                held = _at(orgs, m)
                tail = _POSS_SHAREHOLDER.match(text, held.end, sent.end) if held is not None else None
                if tail is not None:
                    add(owner, "investor_in", held, _ev(article, owner.start, tail.end()), "holding.is_poss_shareholder.v1")
            for held in orgs:
                m = _CONTROLLED_BY.match(text, held.end, sent.end)
                owner = _at(orgs + people, m, 2)
                if owner is not None:
                    add(owner, "investor_in", held, _ev(article, held.start, owner.end), "holding.controlled_by.v1")
                    continue
                m = _IN_WHICH.match(text, held.end, sent.end)
                owner = _at(orgs, m)
                pct = _HOLDS_PCT.match(text, owner.end, sent.end) if owner is not None else None
                if pct is not None:
                    add(owner, "investor_in", held, _ev(article, held.start, pct.end()), "holding.in_which.v1")

        # --- products ---------------------------------------------------------------
        products = [m for m in sm if m.type == "Product"]
        if products:
            plants = [m for m in sm if m.type == "Plant"]
            for pr in products:
                claim = _maker_of(pr, text, sent, orgs, plants, focus)
                if claim is not None:
                    maker, start, end, rule = claim
                    add(maker, "produces", pr, _ev(article, start, end), rule)

        # --- plants built or run by an org -------------------------------------------
        for pm in (m for m in sm if m.type == "Plant"):
            m = _PLANT_BY.match(text, pm.end, sent.end)
            owner = _at(orgs, m)
            if owner is not None:
                add(pm, "plant_of", owner, _ev(article, pm.start, owner.end), "plant.built_by.v1")
    return tuple(_dedupe(out))


def _at(pool: list[Mention], m: re.Match | None, slack: int = 0) -> Mention | None:
    """The first mention of ``pool`` that starts where ``m`` ends (or up to ``slack``
    characters later); None when there is no match."""
    if m is None:
        return None
    end = m.end()
    return next((x for x in pool if end <= x.start <= end + slack), None)


def _focus_other(focus, child: Mention) -> Mention | None:
    """The company the passage is about ('the group', 'its'), if it is not ``child`` itself."""
    parent = focus(child.start)
    return parent if parent is not None and parent.name != child.name else None


def _subject_before(orgs: list[Mention], pos: int, focus, other: Mention) -> Mention | None:
    """Whom 'its' at ``pos`` refers to: the sentence's first org before it, else the
    passage's focus; never ``other`` (the thing 'its' qualifies)."""
    first = next((o for o in orgs if o.end <= pos and o.name != other.name), None)
    return first if first is not None else _focus_other(focus, other)


def _maker_of(pr: Mention, text: str, sent, orgs: list[Mention], plants: list[Mention], focus):
    """(maker, evidence start, evidence end, rule) of a product mention, or None."""
    # "Vantor launched the Zentra Z7" (the nearest org before, nothing named in between)
    maker = next((o for o in reversed(orgs) if o.end <= pr.start), None)
    if maker is not None and pr.start - maker.end <= 70:
        gap = text[maker.end : pr.start]
        if any(v in gap for v in _MAKE_VERBS):
            m = _MAKES.match(text, maker.end, pr.start)
            if m and m.end() == pr.start:
                return maker, maker.start, pr.end, "produces.org_verb_product.v1"
    # "the Zentra Z7 (sedan) is built by Vantor" / "is produced at the X Plant"
    head = _HEAD_NOUN.match(text, pr.end, sent.end)
    after = head.end() if head else pr.end
    m = _MADE_BY.match(text, after, sent.end)
    if m:
        pool = orgs if m.group("prep") == "by" else plants
        by = next((o for o in pool if m.end() <= o.start <= m.end() + 2), None)
        if by is not None:
            return by, pr.start, by.end, "produces.product_made_by.v1"
    # "Mobileye's EyeQ4 chip" / "its Journey processors" / "a Chery Tiggo"
    before = text[max(sent.start, pr.start - 40) : pr.start]
    m = _POSSESSIVE_OF.search(before)
    if m:
        pos = pr.start - len(before) + m.start()
        owner = (_subject_before(orgs, pos, focus, pr) if m.group("its")
                 else next((o for o in orgs if o.end == pos), None))
        if owner is not None and owner.type == "Company":
            return owner, min(owner.start, pos) if owner.start >= sent.start else pos, pr.end, "produces.possessive.v1"
    prefix = next((o for o in orgs if o.end == pr.start - 1 and o.type == "Company"), None)
    if prefix is not None and text[prefix.end] == " ":
        return prefix, prefix.start, pr.end, "produces.maker_name_product.v1"
    return None


def _org_prefix(plant: Mention, mentions: tuple[Mention, ...]) -> list[Mention]:
    """'NIO Advanced Manufacturing Xinqiao Second Plant' belongs to the org its name starts
    with; the org mention is found elsewhere in the article by name."""
    first = plant.text.split()[0]
    return [m for m in mentions if m.type == "Company" and (m.text == first or m.name == first)][:1]


def _dedupe(claims: list[RelationClaim]) -> list[RelationClaim]:
    seen: dict[tuple, RelationClaim] = {}
    for c in claims:
        key = (c.subject, c.predicate, c.object, c.evidence)
        seen.setdefault(key, c)
    return list(seen.values())
