"""Deals: (Article, Mentions, dates) -> DealClaims, per article.

A deal is read clause by clause. A *trigger* names the kind ("joint venture",
"acquired", "framework agreement", generic "partnership"); the organisations in the
clause are the parties, with roles from the clause's syntax (the agent before an active
verb or after "by", the other side after "in/from/to/for"); anaphors ("the two sides",
"the company", "It") point back to the article's recent parties; the date nearest the
trigger in the clause is the deal's date; cue words set the status (signed, planned,
rumoured, denied, hypothetical, cancelled, ...). Generic re-mentions ("NIO's tie-up with
Lontium") become extra evidence of a specific deal with the same parties instead of a
new deal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..models import (
    Article,
    DateValue,
    DealClaim,
    DealKind,
    DealStatus,
    Evidence,
    Mention,
    Money,
    PartyClaim,
    PartyRole,
    Sentence,
)
from .caseless import Caseless, folds_alike
from .dates import DateMatch
from .literals import Words, alternatives, required_literals
from .mentions import APPROXIMATELY, LEGAL_END, PARTY_TERMS, SELLS_STAKE

PARTY_TYPES = frozenset({"Company", "Organization", "GovernmentBody", "Fund", "Brand"})

# what a parts maker makes (lower case): made "for" a carmaker, they are supplied, not contract-built
_PARTS_NOUNS = (r"(?:seats|headrests|parts|components|modules|battery\spacks|packs|cells|frames|panels|axles|sensors|"
                r"motors|engines|brakes|lamps|substrates|harnesses|castings|forgings|gearboxes|transmissions)")

# (pattern, kind, specificity); generic triggers have specificity 1.
_TRIGGERS: list[tuple[str, DealKind, int]] = [
    (r"dissolution (?:agreement|deal|contract)s?\b|agreements? to dissolve\b", "dissolution", 6),
    (r"framework (?:cooperation )?agreements?", "framework_agreement", 6),
    (r"battery[- ]swap(?:ping)?(?:[- ]\w+){0,2}? (?:partnership|alliance|cooperation|agreement|deal|network|pact)|swap alliance", "battery_swap_alliance", 6),
    (r"(?:charging|swap)[- ]network interoperability|interoperability", "other", 3),
    (r"(?:auto|vehicle|car|automotive)?-?chips?\b(?:[- ][\w-]+){0,3}? (?:project|partnership|collaboration|cooperation|agreement|alliance|deal|industriali[sz]ation)|chip (?:collaboration|cooperation|partnership)", "chip_collaboration", 6),
    (r"(?:jointly\s)?(?<!carmaker )(?<!automaker )(?<!company )(?<!maker )(?<!firm )(?<!group )(?<!business )(?<!start-up )(?<!startup )(?:formed|founded|set up|established|created)(?!\sby\b)(?=\s(?:a\s|the\s|new\s)?[A-Z])|joint[- ]ventures?|\bJVs?\b|(?:50-50|equal|new|an?)\s(?:[\w-]+\s)?venture\b(?!\s(?:capital|investors?|funds?|firms?|arms?|investments?))|(?:agreed to |will )?(?:jointly )?(?:set up|form|establish|create) (?:a|an) (?:new )?(?:[\w-]+ ){0,2}?(?:company|firm|entity) (?=[^.;]{0,120}?\b(?:will hold|would hold|holds|to hold|owns?|stake|\d+(?:\.\d+)? ?%))", "joint_venture", 5),
    (r"contract[- ]manufactur(?:er|ers|ing|ed)|contract[- ]assembl(?:y|er|ers|ing)|assembly (?:agreement|contract|deal)s?\b|(?:manufactur(?:e|es|ed|ing)|produc(?:e|es|ed|ing)|build(?:s|ing)?|assembl(?:e|es|ed|ing)) (?:[\w-]+ ){0,6}?for(?= [A-Z])|(?:are|were|is|was|have been|has been|being) (?:[\w-]+ )?(?:assembled|built|produced|manufactured|put together|made under contract) (?:[\w-]+ ){0,6}?by(?= )|(?<!carmakers )(?<!automakers )(?<!makers )(?<!manufacturers )(?<!companies )(?<!brands )(?<!customers )(?:puts together|putting together|assembl(?:e|es|ing)|(?<!are )(?<!were )(?<!is )(?<!was )(?<!been )(?:put together|assembled)) (?:[\w-]+ ){0,4}?(?:designs|models|vehicles|cars|trucks|kits|pick-?ups|buses|coaches|suvs|sedans|saloons|vans)\b|(?:has |have |had )(?:manufactured|produced|built|made) (?=[a-z0-9])(?:[\w-]+ ){1,2}(?:vehicles|cars|models)\b|(?:hired|signed up|appointed|chose|picked|selected|contracted|commissioned|engaged) (?:[\w.,&()-]+ ){0,8}?to (?:build|assemble|produce|manufacture|make) (?:its|their)|\bOEM for|as an? OEM|foundry (?:agreement|deal|contract)|(?:builds?|built|produc(?:e|es|ed)|makes?|made|assembl(?:e|es|ed)|manufactur(?:e|es|ed)) (?:[\w.,&-]+ ){0,4}?[\w.,&-]+(?:’s|'s) (?:[\w-]+ ){0,2}?(?:cars|sedans|saloons|models|vehicles|suvs|trucks|vans|buses|minibuses|shuttles|robotaxis|pick-?ups|coaches|tractors|motorcycles|scooters)\b", "contract_manufacturing", 5),
    (r"\bpa(?:id|ys|ying)\s(?:[\w$€¥.,()-]+\s){1,6}?for\s(?:a\s|an\s)?(?:[\d.]+\s?(?:%|percent|per cent)\s|(?:half|fifth|quarter|third|tenth|two-thirds)\s)(?:stake\s)?(?:of|in)\b|"  # "paid 90 million yuan for 15% (a fifth) of X"
     r"(?:acquir(?:e|ed|es|ing)|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|t(?:ake|akes|ook|aking)|hold(?:s|ing)?)\s(?:from\s(?:the\s)?(?:[\w.,-]+\s){1,6}?)?(?:a\s|an\s|the\s)?(?:" + APPROXIMATELY + r"\s)?(?:[\d.]+\s?(?:%|percent|per cent)\s)(?:stake|interest|of\b)|(?:a|an)\s(?:[\d.]+\s?(?:%|percent|per cent)\s)?(?:minority\s|majority\s|controlling\s)?stake\s(?:of\s[\d.]+\s?(?:%|percent|per cent)\s)?(?:in|was)\b"
     # "60% of X was acquired by Y": a stake, told in the passive
     r"|[\d.]+\s?(?:%|percent|per cent)\sof\s[^;]{2,60}?\s(?:was|were|has been|had been|is|will be)\s(?:acquired|bought|purchased|sold)\sby(?=\s)"
     # "Y, by which 70% of the start-up was bought in 2021"
     r"|\bby\swhich\s[\d.]+\s?(?:%|percent|per cent)\sof\s[^;,]{2,60}?\s(?:was|were|has been|had been)\s(?:acquired|bought|purchased)\b"
     # "agreed to buy a further 5% on the same terms": more of the company just told
     r"|\b(?:buy|buys|bought|acquire[sd]?|take|takes|took)\s(?:another|a\sfurther|an\sadditional)\s[\d.]+\s?(?:%|percent|per\scent)(?!\sof\b)", "investment", 4),
    (r"(?:acquir(?:e|ed|es|ing)|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|t(?:ake|akes|ook|aking))\s(?:half|a\s(?:third|quarter|majority|minority)|two-thirds|control)\sof\b"
     r"|(?:acquir(?:e|ed|es|ing)|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|t(?:ake|akes|ook|aking))\s(?:a|an)\s(?:minority|majority|controlling|significant|small|large|strategic)\s(?:stake|interest|holding)\b"
     # "intends to acquire a stake in X": a stake, whatever its size
     r"|(?:acquir(?:e|ed|es|ing)|buy(?:s|ing)?|bought|purchas(?:e|ed|es|ing)|t(?:ake|akes|ook|aking))\s(?:a|an)\sstake\sin\b"
     # "has established a wholly owned subsidiary, Lumen (Hefei) Co., Ltd.": the parent invests in it
     r"|(?:set(?:s|ting)?\sup|establish(?:es|ed|ing)?|form(?:s|ed|ing)?|creat(?:e|es|ed|ing)|found(?:s|ed|ing)?|incorporat(?:e|es|ed|ing))"
     r"\s(?:a|an|its)\s(?:new\s)?(?:wholly|fully|100%)[- ]owned\s(?:[\w-]+\s)?subsidiary\b"
     r"|(?:became|becomes|become|will become)\s(?:a|an|the)\s(?:[\w-]+\s)?(?:shareholder|investor)\s(?:in|of)\b"
     # "will pay 300 million yuan for a 40% controlling interest in X"
     r"|\bpa(?:y|ys|id|ying)\s(?:[\w$€¥.,-]+\s){1,6}?for\s(?:a|an)\s[\d.]+\s?(?:%|percent|per\scent)\s(?:[\w-]+\s)?(?:stake|interest|holding)\b", "investment", 4),
    (r"stakes?\s(?:of\s[\d.]+\s?(?:%|percent)\s)?in\s[^.;]{2,60}?\s(?:was|were|is|will be)\ssold\sto"
     r"|(?:sold|sells?|selling) (?:its|their|a|an|the) (?:[\d.]+ ?(?:%|percent|per cent) )?(?:remaining |entire |whole |minority |majority |controlling )?stake\b"
     # "an Equity Transfer Agreement", "a share purchase agreement": a stake changes hands
     r"|(?:equity|share|stock) (?:transfer|purchase|sale|subscription) agreement"
     # "will sell to the Buyer 51% of the equity of X", "transferred 30% of the shares of X"
     r"|(?:sold|sells?|selling|transfer(?:s|red|ring)?) (?:to (?:the )?(?:[\w.,-]+ ){1,6}?)?[\d.]+ ?(?:%|percent|per cent) of (?:the )?(?:equity|shares|share capital|registered capital)\b"
     # "sold 20% of the company to the X Fund": of a company, not of its output
     r"|(?:sold|sells?|selling) [\d.]+ ?(?:%|percent|per cent) of (?:the |its |his |her |their )(?:company|firm|business|group|venture|start-?up)\b"
     r"|(?:’s|'s|(?<=s)'|\bits|\btheir) (?:planned |proposed |completed )?(?:purchase|acquisition|takeover|buyout) of(?= )"
     r"|\b(?:completed|closed|finali[sz]ed) (?:the|its|their) (?:planned |proposed )?(?:purchase|acquisition|takeover|buyout) of(?= )", "investment", 4),
    (r"(?:bought|buys?|buying|purchas(?:ed|es|e|ing)|acquir(?:ed|es|e|ing))\s(?:[\w&.-]+\s){0,5}?(?:shares|stock)\b(?:\s(?:[\w-]+\s){0,3}?from(?=\s))?|(?:bought|buys?|buying|purchas(?:ed|es|e|ing)|acquir(?:ed|es|e|ing))\s(?:[\w&.-]+\s){0,5}?stake\s(?:[\w-]+\s){0,3}?from(?=\s)", "investment", 4),
    (r"asset (?:transfer|purchase|sale) agreements?|acquir(?:e|ed|es|ing)|acquisitions?|takeover|took over|take over|taken over|bought|buy(?:s|ing)? (?:a |an |the |its )?(?:[\w-]+ ){0,2}?(?:stake|assets|shares|business|unit|division)|purchas(?:e|ed|es|ing) (?:of )?(?:a |an |the |its )?(?:[\w-]+ ){0,2}?(?:stake|assets|shares|business|unit|division)|sold (?:its |the |their |a |an )(?:[\w-]+ ){0,4}?(?:business|unit|division|operations|subsidiary|plant|factory|assets|arm)\b", "acquisition", 4),
    (r"(?<!business\s)(?<!operating\s)licens(?:e|ed|es|ing)|(?<!business\s)(?<!operating\s)licenc(?:e|ed|es|ing)|technology output|technology transfer|authori[sz]ed (?:its|the) [\w\s-]{0,30}?(?:platform|technolog)|(?:built|builds|build|building|assembled|assembles|produced|produces|made|makes|sold|sells) (?:[\w.-]+ ){0,6}?under (?:its|their) own (?:brand|name|badge|marque|nameplate)", "licensing", 4),
    (r"(?:purchase|purchases|acquisition|subscription|bought|buys|buy|subscrib(?:e|ed|es|ing)\s(?:for|to))\s(?:of\s)?(?:[\w$.,-]+\s){0,4}?(?:new|existing|newly issued|additional)?\s?(?:[\w-]+\s)?shares|subscrib(?:e|ed|es|ing)\s(?:for|to)\s(?:new\s|additional\s|newly\sissued\s)?(?:registered\s)?capital\b|(?:rais|increas|lift|doubl)(?:e|es|ed|ing)\s(?:its|their|his|her)\s(?:holding|stake|shareholding|share)\sin|investment (?:agreement|deal|pact|contract)s?|invest(?:ed|s|ing|ment|ments)? (?:of |up to |about |approximately |nearly |around |more than |a total of |an additional |another |in |into |(?:us)?\$|€|¥|rmb|cny|usd|eur|\d)|strategic investments?|(?:cash|capital|equity) injection|injection of|injected|(?:rais|receiv|secur)(?:e|es|ed|ing) (?:[\w$.,()-]+ ){0,10}?from (?:[\w-]+ ){0,5}?(?:investors|backers|shareholders)|(?:funding |financing |investment |series [a-e] |seed |pre-ipo |b |a |c )?round (?:was |is |has been )?(?:co-)?led by|\b(?:co-)?led (?:an? |the |its )?(?:[\w$.,-]+ ){0,5}?(?:round|financing|investment) (?:in|for|into)(?= )|\b(?:received|receives|secured|got|raised|raises) (?:about |around |nearly |more than |some )?(?:[\w$.,()-]+ ){1,4}?(?:yuan|dollars|euros|million|billion)\b(?: [\w-]+){0,6}? from(?= )|(?:took|take|takes|taking|acquired?|buy|bought|hold|holds|holding) (?:a |an )?(?:[\d.]+ ?(?:%|percent|per cent) )?(?:minority |majority |controlling )?stakes?|\binvest(?:ed|s)\b|(?:investors|backers|shareholders) (?:include|includes|included)\b", "investment", 3),
    (r"\b(?:a|an|the)\s(?:[\w-]+\s){0,2}?order\s(?:worth|valued\sat)\s"  # "under a two-year order worth 40 million yuan"
     # "has made headrests for the carmaker since 2027": parts made for a carmaker are supplied
     r"|\b(?:has|have|had)\s(?:\w+\s)?made\s(?:the\s|its\s|their\s)?(?:[\w-]+\s){0,3}?" + _PARTS_NOUNS + r"\s(?:[\w-]+\s){0,3}?for(?=\s)"
     # "The motors come from X under a contract we signed": X supplies them
     r"|\b(?:comes?|came)\sfrom\s(?=(?:[A-Z][\w&.-]*\s){1,5}under\s(?:a|an|the|its|their)\s(?:[\w-]+\s){0,3}?(?:contract|agreement|deal)\b)"
     r"|\badd(?:ed|s|ing)?\s(?:[\w&.,-]+\s){1,6}?to\s(?:its|their)\s(?:[\w-]+\s)?suppl(?:ier|y)[- ](?:list|base|roster|panel|pool)\b"  # "added X to its supplier list"
     r"|(?:is|was|has been|have been|became|remains)\s(?:our|its|their)\s(?:main\s|key\s|sole\s|exclusive\s|largest\s)?(?:[\w-]+\s)?(?:supplier|source\sof)|suppl(?:y|ies|ied|ying) (?!(?:contracts?|agreements?|deals?|partnerships?)\b)(?:[\w/-]+ ){0,4}?(?:to|for)\b|suppl(?:ied|ies|ying)\b|supply (?:agreement|deal|contract|partnership)|\bsales (?:contract|agreement)s?\b|\b(?:signed|signs|inked|landed|secured) (?:an? |the |its |their )?(?:[\w-]+ ){0,2}?contracts? (?:(?:in|on|last|this|earlier) (?:[\w,-]+ ){1,6}?)?with(?= )|\b(?:power|energy|electricity) purchase agreements?|\bofftake (?:agreement|deal|contract)s?|(?:will|to) supply|(?:sells?|sold|selling) (?:(?:most|much|all|some|part|half|the bulk) of )?(?:the |its |their )?(?:[\w-]+ ){0,8}?(?:and (?:[\w-]+ ){1,2})?to(?= [A-Z])|\bordered (?:[\w,.-]+ ){0,6}?from(?= )|(?<=\bwill )take (?:(?:up to|about|some|another|a further) )?(?:\d[\d,]*|hundreds|thousands|dozens) (?:more )?of (?!(?:the |its |their )?(?:shares|stakes?|equity|capital)\b)|\bordered (?:(?:about|some|around|nearly|another|a further|more than) )?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|sixty|eighty|hundreds|dozens) (?!%|percent|per cent|million|billion|shares)|\b(?:sources?|sourced|sourcing|buys|buying|purchases|purchased|procures?|procured) (?:[\w,.-]+ ){0,6}?from(?= )|(?:(?<=\bto )|(?<=\bwill ))(?:buy|purchase|source|procure) (?!(?:the|a|an|its|their) (?:company|firm|business|stake|shares|unit|division|operator|start-?up|group)\b)(?:[\w$€¥.,()-]+ ){0,14}?from(?= [A-Z])|\bprovid(?:e|es|ed|ing) (?:[\w,.-]+ ){0,5}?(?:to|for)(?= [A-Z])|\bdeliver(?:s|ed|ing)? (?:[\w,.-]+ ){0,5}?to(?= [A-Z])|\bto (?:deliver|ship) (?:[\w,.-]+ ){6,10}?to(?= [A-Z])|\b(?:deliveries|shipments) of (?:[\w,.-]+ ){0,6}?(?:to|for)(?= )|(?:\bships|\bshipping|(?:\bhas|\bhave|\bhad|['’]ve) shipped) (?!(?:it|them|this|these)\b)(?:[\w,.-]+ ){0,5}?to(?= [A-Z])|\b(?:contract|order)s?(?: (?:for (?:[\w,-]+ ){1,6}?)?|, (?:[\w$€¥.-]+ ){0,5}?[\w$€¥.-]+, )(?:was|were|has been|had been|is) awarded to(?= )|\b(?:gave|gives|give|giving|handed|awarded|granted) (?:[\w.&-]+ ){1,4}?(?:an? |the |its |their )(?:[\w-]+ ){0,3}?(?:orders?|contracts?)\b|\b(?:is|was|became|has become|remains|as) (?:a|the|an|its) (?:[\w-]+ ){0,2}?supplier (?:to|of|for)(?= )|\bwon (?:an? |the )?(?:[\w-]+ ){0,3}?(?:order|contract) (?:in (?:[\w,-]+ ){1,2}?)?(?:worth (?:[\w$€¥.,()-]+ ){1,6}?)?(?:for (?:[\w,.-]+ ){1,8}?)?(?:from|with)(?= )|\b(?:chosen|chose|selected|picked|nominated|tapped|named|appointed|signed|signs) (?:[\w&.,-]+ ){0,6}?as (?:a |the |its |their )?(?:[\w-]+ ){0,3}?supplier|\b(?:is|was|became|remains) (?:the |a |an |its |one of the )(?:[\w-]+ ){0,2}?customers? (?:of|for)(?= )|\b(?:is|was|became|remains|has been|had been) (?:one of )?(?:its|their|our) (?:[\w-]+ ){0,2}?customers?\b|\bplaced (?:an? |the |its )?(?:[\w-]+ )?orders? (?:for (?:[\w,.-]+ ){0,6}?)?(?:with|from)(?= )|\b(?:has been|have been|was|were) awarded (?:an? |the )?(?:[\w-]+ ){0,3}?(?:contract|order)s? by(?= )|\bplaced (?:an? |the |its )?(?:[\w-]+ )?orders? for\b(?=[^.;]{1,80}?, (?:which|that) )|\b(?:chose|picked|selected) (?:our (?:[\w-]+ ){0,3}?[\w-]+s|us for)\b|\b(?:us(?:es|ed|e|ing)|chose|picked|selected) (?:our|(?:[\w-]+ ){0,3}?[\w-]+(?:’s|'s|(?<=s)['’])) (?:[\w-]+ ){0,3}?(?:chips|cells|batteries|processors|semiconductors|modules|sensors|radars?|lidars?|motors|engines|components|parts|software|systems|platforms?)\b", "supply", 3),
    (r"(?:distributed|imported and (?:sold|distributed)|sold and (?:distributed|serviced)|marketed and sold) (?:[\w-]+ ){0,4}?by(?= )|distribut(?:es|e|ed|ing) (?:the [Cc]ompany['’]s )?(?:[\w.,&-]+ ){0,5}?(?:vehicles|cars|models|trucks|products|buses)\b|sells? (?:[\w.,&-]+ ){0,4}?[\w.,&-]+(?:’s|'s) (?:[\w-]+ ){0,2}?(?:cars|vehicles|models|trucks|buses|suvs)\b|(?:distribution|dealer|dealership|import|sales agency|service|maintenance|repair|after-sales) (?:agreement|deal|contract|partnership|rights)|(?:handled|represented) by(?= )|(?:exclusive |sole |official )?(?:importer|distributor) (?:of|for)(?= [A-Z])|distribut(?:es|e|ed|ing) (?:the |its |their )(?:brand|marque|range)\b|(?:hired|commissioned|engaged|retained) (?:[\w.,&()-]+ ){0,14}?to (?:style|restyle|design|engineer)\b|(?:appointed|named|chose|picked|selected|signed|signs) (?:[\w.,&()-]+ ){0,10}?(?:to (?:import|distribute|sell|market)|as (?:its |their |the )?(?:exclusive |sole |official |new |authori[sz]ed )?(?:importer|distributor|dealer|(?:sales|service|after-sales|spare-parts|parts)(?: and (?:sales|service|after-sales|spare-parts|parts))? partner))\b|\bsell (?:its |their )(?:[\w-]+ ){1,3}?in (?:[\w-]+ ){0,2}?[\w-]+ through(?= (?:[A-Z]|its |a |an |the ))|\bmerg(?:er|ed|ing|e) with(?= [A-Z])", "other", 3),
    (r"strategic (?:cooperation|partnership|agreement|alliance|collaboration)(?: agreements?)?|cooperation agreements?|comprehensive strategic", "strategic_cooperation", 2),
    (r"memorand(?:um|a)(?: of understanding)?\b(?! of association)|\bMoUs?\b|letters? of intent", "framework_agreement", 2),
    (r"partner(?:ed|ing|s)? with|partnerships?|alliances?|collaborat(?:ion|ions|ed|ing|e) with|collaboration|work(?:s|ed|ing)? (?:closely |together )?with|cooperat(?:ion|ed|ing|e) with|tie[- ]ups?|teamed up|team up|joined forces|join forces|agreements?|\bdeals?\b|\bpacts?\b|struck a deal|agreed (?:(?:on|last|this) [\w-]+ |in (?!principle)[\w-]+ )?to (?:jointly |together )?(?:help|design|develop|build|produce|cooperate|work|form|set up|establish)|(?<!was )(?<!were )(?<!been )(?<!is )agreed with(?= [A-Z])|(?:jointly |together )(?:launched|unveiled|introduced)|(?:launched|unveiled|introduced) (?:[\w-]+ ){0,4}?(?:jointly|together)\b|(?:jointly|together) (?:develop|developed|build|built|produce|produced)|(?:developed|built|produced) together with"
     r"|joint (?:[\w-]+ ){0,2}?(?:labs?|laborator(?:y|ies)|institutes?|(?:research|r&d|innovation|engineering|development|test(?:ing)?) (?:centres?|centers?))\b", "strategic_cooperation", 1),
]
_TRIGGER_RE = Caseless("|".join(f"(?P<t{i}>{p})" for i, (p, _, _) in enumerate(_TRIGGERS)))


# The words each trigger pattern needs (lower case); a sentence lacking them all skips it.
_TRIGGER_NEEDS: list[tuple[str, ...]] = [
    ("dissol",),
    ("framework",), ("swap",), ("interoperab",), ("chip",), ("venture", "jv", "formed", "founded", "set up", "establish", "create", "form "),
    ("manufactur", "produc", "build", "built", "assembl", "oem", "foundry", " make", "put together"),
    ("stake", "%", "percent", "half of", "fifth of", "quarter of", "third of", "tenth of", "thirds of"), ("half of", "third", "quarter of", "majority of", "minority of", "control of",
                                 "stake", "interest", "holding", "shareholder", "investor", "subsidiary"), ("sold", "sell", "purchase", "acquisition", "takeover", "buyout"), ("shares", "stock", "stake"),
    ("acqui", "takeover", "took over", "take over", "taken over", "bought", "buy", "purchas", "asset", "sold"),
    ("licen", "technology output", "technology transfer", "authori", "own"),
    ("invest", "stake", "inject", "holding", "share", "backers", "led ", "round", "received", "secured", "got ", "raise", "subscri"), ("suppl", "sell", "sold", "use", "order", "contract", "sourc", "made", "buy", "purchas", "procur", "provid", "deliver", "won ", "customer", "ship", "awarded", "offtake", "gave", "give", "handed", "granted",
     "chose", "picked", "selected", "will take"),
    ("distribut", "import", "sell", "hired", "appointed", "commission", "engaged", "retained", "merg", "dealer", "sales agency", "handled by", "represented by",
     "service", "maintenance", "repair"),
    ("strategic", "cooperation agreement"),
    ("memorand", "mou", "letter"),
    ("partner", "allian", "collab", "work", "cooperat", "tie", "team", "join", "agreement", "deal",
     "letter", "pact", "struck", "agreed", "together", "jointly",
     "launched", "unveiled", "introduced"),
]
assert len(_TRIGGER_NEEDS) == len(_TRIGGERS)
_ALL_NEEDS = frozenset(w for needs in _TRIGGER_NEEDS for w in needs)
# words of which a sentence saying a deal was undone has one (see _UNDONE)
_UNDONE_NEEDS = ("never", "cancel", "scrapped", "abandoned", "called off", "shelved", "dropped", "terminated",
                 "fell through", "did not go ahead", "came to nothing", "collapsed", "ended", "broke down", "failed")


@dataclass(frozen=True)
class _Alternative:
    """One top-level alternative of a trigger pattern, over lower-cased text.

    Several patterns are long alternations whose alternatives start with groups or
    look-behinds, so sre, given no first letter to skip to, tried every alternative at
    every position. Alone, most alternatives start with a literal or a set of letters;
    and one that cannot match without a word the sentence lacks is not searched at all.
    """

    index: int  # of the pattern in _TRIGGERS
    regex: re.Pattern[str]
    literals: frozenset[str] | None  # one of which every match contains (None: unknown)


def _lower(pattern: str) -> str:
    """A trigger pattern for lower-cased text: '(?= [A-Z])' (a name follows) becomes a word."""
    return pattern.replace("(?= [A-Z])", "(?= [a-z])").lower()


# every pattern's alternatives, in order: pattern by pattern, and in each in its own order
# (the literals are stated with the needed words where they can be: fewer words to scan for)
_ALTERNATIVES = [
    _Alternative(i, re.compile(a), required_literals(a))
    for i, (p, _, _) in enumerate(_TRIGGERS) for a in alternatives(_lower(p))
]
_ALTERNATIVES_OF = [tuple(k for k, a in enumerate(_ALTERNATIVES) if a.index == i) for i in range(len(_TRIGGERS))]
# Word -> the patterns that need it, and the alternatives gated by it: from the few words
# a sentence has, the patterns and alternatives to search follow without testing each.
_PATTERNS_NEEDING: dict[str, tuple[int, ...]] = {
    w: tuple(i for i, needs in enumerate(_TRIGGER_NEEDS) if w in needs) for w in _ALL_NEEDS}
_ALTERNATIVES_WITH: dict[str, tuple[int, ...]] = {}
for _k, _alt in enumerate(_ALTERNATIVES):
    for _w in _alt.literals or ():
        _ALTERNATIVES_WITH[_w] = (*_ALTERNATIVES_WITH.get(_w, ()), _k)
_UNGATED = [k for k, a in enumerate(_ALTERNATIVES) if a.literals is None]  # searched whenever their pattern is
# the needed words, the alternatives' literals and the words that say a deal was undone,
# found in a sentence in one scan
_TRIGGER_WORDS = Words(_ALL_NEEDS.union(_UNDONE_NEEDS, *(a.literals for a in _ALTERNATIVES if a.literals)))


_NAME_FOLLOWS = re.compile(r"\s(?:a\s|the\s|new\s)?[A-Z]")
# "the venture the two carmakers set up in 2017": the venture is named before its founders
_VENTURE_THEY_SET_UP = re.compile(
    r"\b(?:venture|JV|company)\s(?:that\s|which\s)?(?:the\s(?:two|three)\s[\w-]+|both(?:\s[\w-]+)?|they|[A-Z][\w-]*(?:\sand\s[A-Z][\w-]*)?)\s(?:jointly\s)?$")


def _find_triggers(text: str, found: frozenset[str] | None = None) -> Iterator[tuple[int, int, int]]:
    """(start, end, index into _TRIGGERS) of each trigger in ``text``, left to right.

    Only the patterns whose needed words occur in the text are tried, and they are tried as
    one alternation of them would be: the leftmost match wins, the earlier pattern on a
    tie, and the scan goes on from its end. A pattern is itself an alternation, searched as
    its alternatives (those whose literals occur), by the same rule. Each alternative keeps
    its next match, so it is searched again only when a match before it has been passed
    over (no alternation is compiled per combination of patterns). ``found`` is
    ``_TRIGGER_WORDS.found`` of the lower-cased text, if the caller has it.
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: keep offsets exact
        for m in _TRIGGER_RE.finditer(text):
            yield m.start(), m.end(), int(m.lastgroup[1:])
        return
    if found is None:
        found = _TRIGGER_WORDS.found(low)
    wanted = {i for w in found for i in _PATTERNS_NEEDING.get(w, ())}
    if not wanted:
        return
    gated = {k for w in found for k in _ALTERNATIVES_WITH.get(w, ())}
    ahead: dict[int, re.Match[str] | None] = {
        k: _ALTERNATIVES[k].regex.search(low)
        for k in (*gated, *_UNGATED) if _ALTERNATIVES[k].index in wanted
    }
    while True:
        # alternatives are numbered pattern by pattern, so on a tie the lower k is the
        # earlier pattern, or the earlier alternative of the same one
        found_at = [(m.start(), k, m) for k, m in ahead.items() if m is not None]
        if not found_at:
            return
        start, k, m = min(found_at)  # no two alternatives share a k, so m is never compared
        i = _ALTERNATIVES[k].index
        if _FOUNDING.match(m.group()) and not _NAME_FOLLOWS.match(text, m.end()) \
                and not _VENTURE_THEY_SET_UP.search(text, max(0, start - 60), start):
            # lower-cased, "founded (?=[A-Z])" also took "founded in 1997": the name must
            # follow. The pattern is searched on from the next character: each of its
            # alternatives that matched here
            for j in _ALTERNATIVES_OF[i]:
                later = ahead.get(j)
                if later is not None and later.start() == start:
                    ahead[j] = _ALTERNATIVES[j].regex.search(low, start + 1)
            continue
        yield start, m.end(), i
        for j, later in ahead.items():
            if later is not None and later.start() < m.end():
                ahead[j] = _ALTERNATIVES[j].regex.search(low, m.end())

# after "the deal": a verb that says what the deal does, so the names after it are not its parties
_TALKS_ABOUT = re.compile(
    r"\s(?:brings|gives|makes|means|allows|lets|puts|marks|helps|adds|comes|follows|extends|strengthens|"
    r"requires|required|covers|covered|includes|included|obliges|obliged|expires|expired|passes|passed|"
    r"will\s(?:bring|give|make|help|allow|let|put|add|extend|strengthen|pass|transfer|move))\b")
_VENTURE_AT_WORK = re.compile(r"\s(?:will|would|can|shall|also)\s(?!be\b)(?:also\s)?[a-z]+\b")
_MEMBERSHIP_KINDS = frozenset({"battery_swap_alliance", "strategic_cooperation", "other"})
_JOINS_BEFORE = re.compile(r"\b(?:signed\sup|signs\sup|joined|joins|to\sjoin|admitted|welcomed)\s[^;]*?\s(?:to|into|in)?\s?(?:its|their)\s(?:[\w-]+\s){0,2}$")
# a deal noun after these refers to a deal told: "Under the agreement, X will open ...", "Two
# days before the licence, ...", "Together with the licence, Y placed an order ..."
_UNDER_THE_DEAL = re.compile(r"\b(?:[Uu]nder|[Aa]s\spart\sof|[Tt]hrough|[Ii]n\sline\swith|[Bb]efore|[Aa]fter|[Ss]ince|[Uu]ntil"
                             r"|[Aa]head\sof|[Tt]ogether\swith|[Aa]longside)\s(?:the|this|that|its|their)\s(?:[\w-]+\s)?$")
# "The deal deepens...", "the joint venture" with no party named: a reference, not a new deal
_ANAPHORIC_DEAL = Caseless(r"\b(?:the|this|that|their|its|such|the same)\s(?:[\w-]+\s){0,2}$")
_UNDONE = Caseless(
    r"\b(?:the|this|that|their|its)\s(?:[\w-]+\s)?(?P<noun>venture|deal|agreement|plan|project|partnership|memorandum|alliance|cooperation|tie-up|talks)\s"
    r"(?:was|were|has been|had been|is)\s(?:never\s(?:established|set up|signed|completed|built|formed|implemented|realised|realized|finalised|finalized)"
    r"|(?:later\s|eventually\s|quietly\s)?(?:cancell?ed|scrapped|abandoned|called off|shelved|dropped|terminated))"
    r"|\b(?:the|this|that)\s(?:[\w-]+\s)?(?P<noun2>venture|deal|agreement|plan|project)\s(?:fell through|did not go ahead|came to nothing|collapsed)"
    # "The negotiations ended in 2025 without an agreement."
    r"|\b(?:the|these|those|their)\s(?P<noun3>talks|negotiations)\s(?:ended|broke down|collapsed|failed)\b",
)
_DONE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s(?:[\w-]+\s)?(?:deal|transaction|acquisition|purchase|investment|takeover|sale)"
    r"(?:,\s[^,;]{1,60},)?\s"  # ("The purchase, agreed in November for 310 million yuan, was completed")
    r"(?:was|has been|had been|is)\s(?:later\s|finally\s|formally\s)?(?:completed|closed|finali[sz]ed)\b")
# A header line that tells where the document itself was given, not a delivery of goods
_BYLINE = re.compile(r"(?:Delivered|Presented|Submitted|Addressed|Read)\s(?:to|at|before)\s[^.\n]*\Z")
_DISSOLVE = Caseless(r"\b(?:dissolv(?:e|ed|es|ing)|wound up|wind up|unwound|terminat(?:ed|es|e))\b")

_MOU = Caseless(r"\bmemorand(?:um|a)\b(?! of association)|\bMoUs?\b")
_STATUS_CUES: list[tuple[DealStatus, Caseless]] = [
    ("denied", Caseless(r"\bwere rejected\b|\brejected\b[^.]{0,40}\b(?:reports?|talk|claims?|speculation)\b|\bden(?:y|ies|ied|ial)\b|\bdismissed\b[^.]{0,40}\b(?:reports?|speculation|rumou?rs?)\b|\bnot true\b|\brefut(?:ed|es)\b|\bwas not\b[^.]{0,30}\b(?:deal|agreement|talks)|\binsist(?:ed|s)\b[^.]{0,80}\bnot\b|\bno such (?:plans?|deal|talks|agreement|project|acquisition|investment|transaction)\b|\b(?:has|have|had)\s[“\"]?no\s(?:plans?|intention)\b"
                        r"|\b(?:has|have|had)\s(?:[\w-]+\s)?no\s(?:[\w-]+\s){0,2}?(?:agreement|contract|deal|order|cooperation|partnership)s?\s(?:with|from)\b"
                        # "X has not acquired any shares in Y": a statement that it did not happen
                        r"|\b(?:(?:has|have|had)\snot\s(?:acquired|bought|taken)|(?:did\snot|didn['’]t|never)\s(?:acquire|buy|take))"
                        r"\s(?:any|a)\s(?:shares|stake|equity|interest|holding)\s(?:in|of)\b"
                        # a correction notice: "An earlier version of this story said X had chosen Y"
                        r"|\bearlier\sversion\sof\s(?:this|the)\s(?:story|article|report)\b")),
    ("cancelled", Caseless(r"\b(?:scrapp(?:ed|ing)|cancell?(?:ed|ing)|called off|abandon(?:ed|ing)|shelv(?:ed|ing)|pulled out|walked away|collapsed|fell through|broke off)\b"
                           r"|\b(?:was|were|has\sbeen|had\sbeen)\s(?:later\s|eventually\s|quietly\s)?(?:dropped|broken\soff)\b|\bwithout\s(?:reaching\s)?(?:an?\s|any\s)?(?:agreement|deal)\b|\b(?:did\snot|didn['’]t|never)\s(?:lead|led|come|came)\sto\s(?:an?\s|any\s)?(?:agreement|deal)\b|\btalks\s(?:ended|broke down|failed|collapsed|stalled)\b"
                           # "have discussed a venture, but no agreement on it has been reached"
                           r"|\bno\s(?:[\w-]+\s){0,3}?(?:agreement|deal|contract)\s(?:[\w-]+\s){0,4}?(?:has|have|had|was|were)\s(?:yet\s)?been\s(?:reached|signed|struck|concluded|entered\sinto)")),
    ("rumoured", Caseless(r"\breportedly\b|\bin talks\b|\bis said to\b|\bare said to\b|\brumou?r|\bsources (?:said|say|familiar|close)|\b(?:person|people|sources?)\s(?:familiar|close)\swith\b|\baccording to (?:people|sources|a person)|\bmedia (?:reported|reports)\b|\breported\s(?:by\s[^.;]{0,40}?\s|(?:last|this|earlier|on|yesterday)\b(?:\s[\w-]+){0,2}\s)?that\b|\breports?\s(?:in\s[^.;]{0,30}?\s)?that\b"
                          r"|\b(?:never|not|yet to be)\s(?:been\s)?confirmed\b|\bunconfirmed\b"
                          # "Traders in Hefei say X is close to buying ...": market talk
                          r"|\b(?:traders|dealers|bankers|brokers|insiders)\s(?:in\s(?:[A-Z][\w’'-]*\s){1,2})?(?:say|said|believe|expect)\b"
                          r"|\b(?:is|are)\sclose\sto\s(?:buying|acquiring|taking|signing|agreeing|selling)\b"
                          r"|\b(?:has|have|had)\s(?:also\s)?been\s(?:suggested|speculated)\b|\bin\sthe\s(?:local\s|financial\s|trade\s)?press\b(?!\s(?:release|conference|statement))")),
    ("rumoured", Caseless(r"\b(?:(?:is|are|was|were)\s(?:considering|exploring|mulling|weighing|negotiating)|in discussions?|(?:has|have|had)\s(?:also\s)?discussed)\b"
                          r"|\btalk\s(?:in\s(?:the\s)?[\w\s-]{0,30}?\s)?(?:of|that)\b|\bmarket talk\b|\bpress reports?\b|\bspeculation\s(?:[^.;]{0,30}?\s)?that\b|\bnewspapers? (?:wrote|reported)\b")),
    ("hypothetical", Caseless(r"\b(?:should|if|unless|were(?!\s(?:\w+ly\s)?(?:signed|approved|completed|finali[sz]ed|executed|concluded)\b))\b[^.;]{0,80}\b(?:be |is |are )?(?:finali[sz]ed|approved|signed|completed|go(?:es)? ahead|proceed)|\bcould be forced\b|\b(?:asked|wondered|unclear|unknown) (?:whether|if)\b|\bmight\b|\bcould\b[^.;]{0,30}\b(?:lead|result|see)\b|\bwould only\b|\bhypothetical"
                              r"|\bcould\s(?!not\b|never\b)(?:\w+\s)?(?:assemble|build|produce|make|invest|buy|acquire|supply|license|licence|form|set up|take|join)\b"
                              r"|\bcould\sbe\s(?:bought|acquired|sold|signed|formed|licensed|taken\sover)\b"
                              r"|\b(?:could|would|might)\b[^.;]{0,80}\bif\b"
                              # "The two companies may later form a joint venture"
                              r"|\bmay\s(?:later\s|also\s|eventually\s|one\sday\s)?(?:form|set up|establish|create|invest|buy|acquire|take|build|license|supply|join|merge)\b"
                              # "X may consider taking a minority stake in Y once ...", "may consider extending the licence"
                              r"|\b(?:may|might|could)\s(?:also\s|later\s)?consider\b")),
    ("planned", Caseless(r"\b(?:(?:is|are|was|were)\s(?:being\s)?(?:evaluated|studied|examined|assessed)|(?:is|are|was|were)\s(?:also\s)?(?:studying|evaluating|assessing)|plans? to|planned|planning to|(?:has|have)\syet\sto\ssign|will|(?:is|are|was|were) (?:expected|due|scheduled|slated) to|(?:was|were|has been|had been) (?:postponed|put off|delayed)|intends? to|aims? to|expects? to|is set to|are set to|to be (?:signed|established|set up|formed)|letters? of intent|proposed|proposals?\s(?:for|to)|(?:has|have)\snot\s(?:yet\s)?(?:been\s)?(?:approved|signed|finali[sz]ed)|would (?:set up|establish|form|build))\b")),
    # an MoU is a plan for whatever it foresees ("an MoU to form a venture"), but signing one is a signing
    ("planned", _MOU),
    ("dissolved", Caseless(r"\bdissolv(?:ed|ing)\b|\bwound up\b")),
    # "picked Y to supply", "chosen as supplier" -- not "acquired selected assets"
    ("signed", Caseless(r"\b(?:has|have)\sbeen\sawarded\b|\b(?:bears|bore|carries|carried)\sthe\ssignatures?\sof\b|\bput\s(?:their|its)\s(?:names|signatures?)\sto\b|\bput\s(?:it\s|them\s)?on\spaper\b|\bplaced\san?\s(?:[\w-]+\s)?order\b|\b(?:signed|signs|inked|sealed|clinched|penned|formali[sz]ed|finali[sz]ed|struck|reached|entered into|joined forces|forged|agreed|ordered)\b"
                        # "announced the conclusion of a supply agreement", "The Agreement was executed"
                        r"|\bconclu(?:ded|des|sion\sof)\s(?:an?\s|the\s|its\s)(?:[\w-]+\s){0,3}?(?:agreement|contract|deal)s?\b|\b(?:was|were|has\sbeen)\sexecuted\b"
                        # "A second agreement, concluded at the same ceremony, ...", "was concluded"
                        r"|\b(?:agreement|contract|deal)s?,?\s(?:(?:which|that)\s(?:was|were)\s)?concluded\b|\b(?:was|were|been)\sconcluded\b"
                        r"|\b(?:picked|chose|chosen|selected|appointed)\s(?:[\w.,&-]+\s){0,9}?(?:as|to)\s|\b(?:picked|chose|selected)\s(?:us|our)\s"
                        r"|\bwon\s(?:an?\s|the\s)?(?:[\w-]+\s){0,3}?(?:order|contract)")),
    ("announced", Caseless(r"\b(?:announc(?:ed|es)|unveil(?:ed|s))\b")),
    ("completed", Caseless(r"\b(?:acquired|completed|closed|invested|supplied|bought|took over|(?:has|have)\staken\sover|established|set up|founded|launched|formed|injected|served as|were contract manufactured|raised)\b"
                           r"|\bled\s(?:an?\s|the\s|its\s)?(?:[\w$.,-]+\s){0,5}?round\b")),
    ("ongoing", Caseless(r"\b(?:is|are) (?:partnering|working|cooperating|supplying|collaborating)\b|\bcontinues? to\b|\bachieving\b")),
]
# ", founded in Hefei in 2019,": what the party is, not what the deal did (status and date)
_FOUNDED_ASIDE = r",\s(?:which\swas\s|that\swas\s|which\s(?:[A-Z][\w-]*\s){1,3})?(?:founded|established|set\sup|incorporated|listed|created)\b[^,;.()]{0,%d}"
_FOUNDED_APPOSITIVE = re.compile(_FOUNDED_ASIDE % 40 + ",")
_FOUNDED_BEFORE = re.compile(_FOUNDED_ASIDE % 30 + "$")
_UNDER_WAY = Caseless(r"\b(?:has|have)\s(?:now\s|already\s)?(?:begun|started)\s(?:shipping|supplying|delivering|producing|building|assembling"
                      r"|(?:[\w-]+\s)?(?:deliveries|shipments|supplies))\b"
                      r"|\bcurrently\s(?:supplies|supply|ships|delivers|provides|builds|produces|assembles)\b"
                      # "the first deliveries were made early this year", "deliveries started in May"
                      r"|\b(?:first\s|initial\s)?(?:deliveries|shipments)\s(?:were\smade|were\sshipped|began|started|(?:have|had)\s(?:begun|started))\b")
_COORDINATED_PLAN = re.compile(r"\band\s(?:also\s)?(?:plans|intends|aims|expects|hopes|wants)\sto\b")
_REALITY = {"rumoured": "r", "denied": "d", "hypothetical": "h", "cancelled": "c"}
# "X will supply brake units to Y, the companies said": news of a contract, told by what it
# commits the supplier to -- unless a plan word, or a plant still to be built, says otherwise
_WILL_PERFORM = Caseless(r"\bwill\s(?:supply|provide|deliver|assemble|produce|manufacture|build\sand\srun)\b")
_ROUND_DONE = Caseless(r"\b(?:round|financing)\s(?:was|has\sbeen)\s(?:co-)?led\sby\b|\b(?:has\s|have\s)?raised\b")
_NOT_YET = Caseless(
    r"\b(?:plans?\sto|planned|planning|(?:is|are)\s(?:expected|due|scheduled|slated|set)\sto|intends?\sto|aims?\sto|"
    r"expects?\sto|proposed|letters?\sof\sintent|being\sbuilt|under\sconstruction|once\s|when\sthe\s|"
    r"under\sthe\s(?:[\w-]+\s){0,2}(?:agreement|memorandum|contract|deal))")  # (its terms: the deal is that one)
# The words each status cue needs (lower case): a text lacking them all skips the cue.
_CUE_NEEDS: list[tuple[str, ...]] = [
    ("den", "dismissed", "not true", "refut", "was not", "insist", "no such", "rejected", "no plan", "no intention",
     " no ", "earlier version", "not ", "never", "didn"),
    ("scrapp", "cancel", "called off", "abandon", "shelv", "pulled out", "walked away", "collapsed", "fell through",
     "broke off", "without", "talks", "been ", "dropped", "broken off"),
    ("reportedly", "in talks", "said to", "rumo", "sources", "according to", "media", "report", "confirmed",
     "suggested", "speculat", "press", "familiar", "close with", "traders", "dealers", "bankers", "brokers", "insiders",
     "close to"),
    ("considering", "exploring", "mulling", "weighing", "negotiating", "in discussion", "discussed", "talk", "press",
     "newspaper", "speculation"),
    ("should", "if", "unless", "were", "could", "whether", "might", "would only", "hypothetical", "may "),
    ("plan", "will", "yet to sign", "expect", "evaluated", "studied", "studying", "evaluating", "assessing", "examined", "assessed", "due", "scheduled", "slated", "intend", "aim", "set to", "to be", "letter",
     "proposed", "proposal", "not ", "would"),
    ("memorand", "mou", "letter"),
    ("dissolv", "wound up"),
    ("sign", "put their", "put its", "on paper", "placed a", "been awarded", "inked", "sealed", "clinch", "penned", "formali", "finali", "struck", "reached", "entered into", "joined forces", "forged", "agreed", "ordered", "won ",
     "conclu", "executed",
     "picked", "chose", "selected", "appointed"),
    ("announc", "unveil"),
    ("acquired", "completed", "closed", "invested", "supplied", "bought", "took over", "taken over", "established", "set up",
     "founded", "launched", "formed", "injected", "served as", "contract manufactured", "raised", "led "),
    ("partnering", "working", "cooperating", "supplying", "collaborating", "continue", "achieving"),
]
assert len(_CUE_NEEDS) == len(_STATUS_CUES)
_CUE_WORDS = Words(w for needs in _CUE_NEEDS for w in needs)
_CUE_NEED_SETS = [frozenset(needs) for needs in _CUE_NEEDS]

_PRESENT_STATE = Caseless(
    r"\b(?:is|are|has|have|operates?|supplies|builds|produces|assembles|provides|develops|sells|"
    r"distributes|owns|manufactures|remains|works|uses|buys|include|includes|sources|provides|delivers|purchases)\b")
_BEING_BOUGHT = Caseless(r"\b(?:is|are)\s(?:buying|acquiring|taking|purchasing|selling)\b")
_PAST_DONE = Caseless(
    r"\b(?:was|were|had|took|bought|sold|built|made|won|became|hired|merged|acquired|invested|distributed|"
    r"assembled|produced|formed|founded|established|purchased|raised|licensed|styled|designed|commissioned|paid|gave|shipped|delivered)\b")
# a character of the same sentence (lower-cased text): a legal form's full stops are no
# sentence's end ("with Orla Invest d.d. (the "Seller"), under which", "Lúrio Graphite, Lda.")
_IN_SENTENCE = r"(?:[^.;]|(?<=\b[a-z])\.|(?<=\bco)\.|(?<=\bltd)\.|(?<=\blda)\.|(?<=\binc)\.|(?<=\bcorp)\.)"
_SIGNED_THEN_WILL = Caseless(
    rf"\b(?:signed|inked|sealed|entered into)\b{_IN_SENTENCE}{{0,160}}?\b(?:under which|whereby|which will|that will)\b"
    # "placed an order for three sets of tools, which X will build": the order is the fact
    r"|\bplaced\san?\s(?:[\w-]+\s)?order\b[^.;]{0,120}?,\s(?:which|that)\s"
    # "will jointly develop a chip ..., under an agreement signed on Friday"
    # ("... under an eight-year offtake agreement the two sides put their signatures to on Friday")
    rf"|\bwill\b{_IN_SENTENCE}{{0,240}}?\bunder\s(?:an?|the)\s(?:[\w-]+\s){{0,2}}?(?:agreement|contract|deal|partnership|pact)\s"
    r"(?:(?:that|which)\s)?(?:(?:they|both(?:\s[\w-]+)?|the\s(?:two|three)(?:\s[\w-]+)?)\s)?(?:signed|inked|reached|struck|sealed|concluded"
    r"|put\s(?:their|its)\s(?:names|signatures?)\sto|put\son\spaper)\b"
    # "Under a separate investment agreement finalised the same day, X will subscribe for ..."
    rf"|\bunder\s(?:an?|the)\s(?:[\w-]+\s){{0,3}}?(?:agreement|contract|deal)\s(?:(?:that|which)\s(?:was|were)\s)?"
    rf"(?:signed|finali[sz]ed|concluded|executed|inked|sealed)\b[^.;]{{0,60}}?,\s(?:[\w-]+\s){{1,4}}?will\b")
_IRREGULAR_DONE = r"(?:\w+ed|bought|sold|built|made|held|won|run)"
_DURATIVE = Caseless(
    rf"\b(?:has|have)\s(?:\w+\s)?(?:been\s)?{_IRREGULAR_DONE}\b{_IN_SENTENCE}{{0,80}}?\b(?:for\s(?:several|many|some|a\sfew|\d+|two|three|four|five|ten)\s(?:years|decades)|for\s(?:years|decades)|since\s(?:\d{{4}}|its|their|our|the|then)|ever\ssince)\b"
    rf"|\bsince\s\d{{4}},?\s[^.;]{{0,60}}?\b(?:has|have)\s(?:\w+\s)?(?:been\s)?{_IRREGULAR_DONE}\b")
# the sentence-wide half of the hypothetical cue: a condition on the deal itself
_CONDITION = Caseless(
    r"\b(?:should|if|unless|were(?!\s(?:\w+ly\s)?(?:signed|approved|completed|finali[sz]ed|executed|concluded)\b))\b[^.;]{0,80}\b(?:be |is |are )?(?:finali[sz]ed|approved|signed|completed|go(?:es)? ahead|proceed)"
    r"|\bhypothetical")
_SIGNING_WITH = Caseless(r",[”\"’]?\s(?:already\s)?(?:signing|having signed)\s(?:[\w-]+\s){0,3}?with\b")
_ANNOUNCED_OTHER = Caseless(
    r"\bannounced\s(?:the\s)?(?:market\s|official\s|commercial\s)?(?:launch|debut|start|release|results|earnings|sales|deliveries|opening)\b")
_FINITE_SIGN = Caseless(r"\b(?:signed|inked|sealed|clinched|penned|struck|reached|entered into|formed|agreed)\b")
_REPORTED_ON = re.compile(r"\b(?:said|says|announced|told\s(?:[\w-]+\s){0,2}|reported|confirmed)\s"
                          r"(?:in\s(?:a|an|its|their)\s(?:[\w-]+\s)?(?:statement|filing|release|interview)\s)?(?:on\s)?$")
_SIGNED_JUST_BEFORE = re.compile(r"(?<!\bbe\s)(?<!\bhave\s)\b(?:signed|inked|entered\sinto)\s(?:[\w-]+\s){0,3}$")
_NAMED_LATER = re.compile(r"\b(?:later|since|subsequently|now)\s(?:re)?named\s$|\bto\sbe\s(?:called|named)\s$")
_SAME_OCCASION = re.compile(r"\b(?:at|during|on)\sthe\ssame\s(?:ceremony|event|signing|meeting|visit|conference|forum|occasion|day)\b"
                            # "Alongside the purchase, the two companies agreed a service contract"
                            r"|\b(?:alongside|together\swith)\s(?:the|this|that)\s(?:[\w-]+\s)?"
                            r"(?:purchase|order|contract|deal|agreement|acquisition|licen[cs]e)\b", re.I)
_SIGNED_ALONG = re.compile(r"\bsigned\s(?:together\swith|at\sthe\ssame\stime\sas|alongside)\sthe\s(?:[\w-]+\s){0,2}"
                           r"(?:contract|agreement|deal|licen[cs]e|order)\b")
# (", Aug 19 (Kestrel) -", "/Kestrel/ -", or the date in brackets: "Lima (5 March 2031) —")
# (or a time after the date: "LUSAKA | Tuesday 20 November 2029, 09:40 CAT (Kestrel) —")
_DATELINE_AFTER = re.compile(r"\)?(?:,?\s\d{1,2}[:.]\d\d(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,5})?)?"
                             # ("--Apr 23, 2030--Wuhu Kestrel ...": a business wire's dashes, no space)
                             r"\s*(?:\([^)\n]{1,40}\)\s*|/[^/\n]{1,40}/\s*)?(?:[-–—]{1,2}\s|--(?=[A-Z]))")
# how far into its sentence a dateline's date may be ("WUHU, China--(SYNTHETIC BUSINESS WIRE)--Apr 23")
_DATELINE_REACH = 60
_DEAL_WORD = r"(?i:contract|agreement|deal|order|memorandum|document)s?"
# "The Supply Agreement was signed", "The Supply Agreement and the share subscription
# agreement were signed", "Under the agreement, (which was) concluded on Monday, ...": the
# signing, told after the news
# the verbs a deal is said to be signed by ("was clinched", "the agreement was finalised")
_SIGNED_VERB = r"signed|countersigned|executed|inked|concluded|sealed|clinched|penned|formali[sz]ed|finali[sz]ed"
_THE_DEAL_SIGNED = re.compile(
    rf"(?:(?:The|That|This|Their|Its)\s(?:[\w-]+\s){{0,2}}{_DEAL_WORD}(?P<both>\sand\sthe\s(?:[\w-]+\s){{0,2}}{_DEAL_WORD}"
    rf"(?:\s(?:for|of)\s(?:the\s)?(?:[\w-]+\s){{0,2}}[\w-]+)?)?(?:,\s[^,;]{{1,60}},)?\s(?:was|were|had\sbeen)"
    rf"|It\s(?:was|had\sbeen)"  # "It was signed in Lima on 1 March by ...": the contract just told
    rf"|Under\sthe\s(?:[\w-]+\s){{0,2}}{_DEAL_WORD},(?:\swhich\s(?:was|had\sbeen))?)\s(?:formally\s)?(?:{_SIGNED_VERB})\b"
    # "Executives of both sides inked the venture contract in Arden the day before",
    # "Lin, its vice president, and Orla put their names to the agreement on Thursday"
    rf"|[A-Z][^.;]{{0,160}}?\s(?:signed|inked|executed|sealed|struck|clinched|penned|put\stheir\s(?:names|signatures)\sto)\s(?:the|their)\s"
    rf"(?:[\w-]+\s){{0,3}}?{_DEAL_WORD}\b"
    # "The licence agreement bears the signatures of A and B": signed
    rf"|(?:The|That|This|Their|Its)\s(?:[\w-]+\s){{0,2}}{_DEAL_WORD}\s(?:bears|bore|carries|carried)\sthe\ssignatures?\sof\b")
# any of the verbs a signing is told by
_SIGN_WORD = re.compile(rf"\b(?:{_SIGNED_VERB}|struck|put\stheir\s(?:names|signatures)\sto)\b")
_PERFECT = Caseless(r"\b(?:have|has)\s(?:\w+\s)?(?:signed|inked|sealed|struck|reached|entered|formed|agreed|completed|announced)\b|\btoday\b|\bthis week\b")
_NEWS_VERB = Caseless(
    r"\b(?:signed|inked|sealed|struck|agreed|announced|said (?:on|it|that)|will (?:also )?(?:acquire|buy|invest|take|set up|form|establish|supply|license|pay|raise|increase)|"
    r"(?:has|have) (?:agreed|signed|announced|invested|acquired)|today|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
)
_VENTURE_OF = re.compile(r"\s(?:of|between|among)\s(?!(?:the\s)?(?:two|three|four|\d))")
_ASSEMBLE_ACTIVE = re.compile(r"(?:put(?:s|ting)? together|assembl(?:e|es|ed|ing)) ", re.I)
_TOPIC = re.compile(
    r"\b(?:on|for)\s(?:[\w-]+\s){0,4}?(?:(chips?|semiconductors?|processors?|memory)|battery[- ]swap\w*)\b"
    r"|\bto\s(?:install|build|put|set\sup|deploy|run|operate)\s(?:[\w-]+\s){0,3}?(?:battery[- ])?swap(?:ping)?[- ]stations?\b", re.I)
# "agreed to develop a controller chip with X", "will jointly develop a chip that ...",
# "memory modules" (memory chips on a board)
_CHIP_MADE = re.compile(r"\s(?:(?:an?|the|its|their|new)\s)?(?:[\w-]+\s){0,2}?(?:chips?|semiconductors?|microcontrollers?|processors?"
                        r"|memory\smodules?)\b", re.I)
_DEAL_NOUN = re.compile(r"(?:alliance|venture|partnership|cooperation|collaboration|agreement|deal|tie-up|pact|JV)s?$", re.I)
_RENAMED = re.compile(r",?\s(?:(?:formerly|previously|originally|now|later|since)\s)?(?:known as|called|named|renamed)\b")
_BUY_VERB = re.compile(r"(?:bought|buy|buys|buying|purchas|acquir|took|take|takes|taking)", re.I)
_VIA_UNIT = re.compile(r"\b(?:through|via)\s(?:its|their|a|an|the)\s(?:[\w-]+\s){0,2}(?:subsidiary|unit|arm|affiliate|vehicle)\s$")
_PRONOUN_TURNED_TO = re.compile(r"\b(?:it|It)\s(?:[a-z]+\s){1,2}(?:to|with)\s$")
_BACKERS_NAMED = re.compile(
    r"(?:(?:The|These|Those|Its|Their)\s(?:[\w-]+\s){0,2}(?:investors|backers|new shareholders)|They)\s?([—–:]|,\s(?:namely|including)|\s(?:are|were|include|included))\s?")
_INVESTORS_BUY = re.compile(
    r"\binvestors\b(?:[^.;]|\.(?=\d)){0,60}?\b(?:buy|bought|subscribe|subscribed|take|took|acquire|acquired)\b(?:[^.;]|\.(?=\d)){0,60}?\bin\s")
_GENERIC_SUBJECT = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach)\s(?:[\w-]+\s){0,2}(?:can|could|may|might|would)\s$")
_STAKE_IN_BEFORE = re.compile(r"\bstake\sin\s(?:a|an|the|its|their)\s(?:[\w-]+\s){0,4}$")
_ALSO_JOINED = re.compile(r"\balso\s(?:took\spart|participated|joined\s(?:the\s|in\s)?(?:round|financing)|invested)\b"
                          r"|\b(?:was|were)\s(?:also\s)?among\sthe\s(?:[\w-]+\s)?(?:investors|backers)\b")
# after "a 15% stake": in whom ("in X", "of X"), or in the one the passage is about
_STAKE_IN_NAMED = re.compile(r"(?:\s(?:in|of)\b|\s(?:[\w-]+\s){0,3}(?:in|of)\s[A-Z])")
# (the cues below are each explained where they are used)
_NAMED_BEFORE = re.compile(r",\s(?:named|called|known\sas)\s$")
_PASSIVE_AFTER = re.compile(r"\s(?:had\s|has\s|have\s)?(?:been|was|is|were)\s(?:[a-z]+ly\s)?[a-z]+(?:ed|en)\b")
_PERSONS_COMPANY_BEFORE = re.compile(
    r"\bwith\s[A-Z][\w-]*\s[A-Z][\w-]*,\s(?:the\s|its\s)?(?:co-)?(?:founder|chairman|chairwoman|chief\sexecutive|CEO|president|owner|"
    r"general\smanager)\sof\s$")
# "bought 50% of X from Y", "... from our partner, Y": Y sells
# "from Vadar, which has been its largest shareholder since 2019": when the party became what it is
_STATE_SINCE_BEFORE = re.compile(r",\s(?:which|who)\s(?:has|have|had)\sbeen\s(?:[^,;]{0,80}?\s)?$")
# "from Li Wen and Vadar", "from its founder, Li Wen, and from Vadar": one more seller
_FROM_LIST_BEFORE = re.compile(r"\bfrom\s(?:(?:its|our|their|the)\s[\w-]+,\s)?[A-Z][\w.-]*(?:\s[A-Z][\w.,-]*){0,5},?\s(?:and|&)\s(?:from\s)?$")
_FROM_BEFORE = re.compile(r"\bfrom\s(?:the\s)?(?:[\w-]+\s){0,2}$|\bfrom\s(?:our|its|their|the)\s(?:[\w-]+\s){0,2}?[\w-]+,\s$")
_FROM_THE_COMPANY = re.compile(r"\bfrom\sthe\sCompany\b")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_COMMON_NAME_WORDS = frozenset({"Ltd", "Inc", "Corp", "Company", "Group", "Holdings", "Limited", "Corporation", "Industries", "Industry",
                                "International", "Technology", "Technologies", "Automotive", "Auto", "Motor", "Motors"})
_SAMPLES = re.compile(r"\b(?:samples?|prototypes?|trial\sbatch(?:es)?)\b")
_ESTABLISH_BEFORE = re.compile(r"\b(?:establish|set\sup|form|create|found|incorporate)\s(?:a\s(?:new\s)?company,?\s(?:called\s|named\s)?)?$")
_FROM_DATE_BEFORE = re.compile(r"\b(?:from|starting|starting\sin|beginning\sin)\s$")
_WITH_THE_BEFORE = re.compile(r"\bwith\s(?:the\s)?$")
_MORE_OF_IT = re.compile(r"\s(?:another|a\sfurther|an\sadditional)\s[\d.]+\s?(?:%|percent|per\scent)$")
# "(that) we (have) signed" after a deal word: the speaker's company is a party
_WE = r"(?:that\s)?we\s(?:have\s|had\s|jointly\s)?"
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|I|[Mm]y)\b")
_WE_SIGNED = re.compile(r"\s" + _WE + r"(?:signed|agreed|concluded)\b")
# "X supplies our pumps under a contract we signed": we are the other side
_OUR_CONTRACT = re.compile(r"\b(?:contract|agreement|deal|order)\s" + _WE + r"(?:signed|agreed|concluded|placed|awarded)\b")
_SUPPLIES_US = re.compile(r"\s(?:our|us)\b")
_BRAND_WORD_AFTER = re.compile(r"\s(?:brand|marque|label)\b")
_OUR_BEFORE = re.compile(r"\b(?:joined|join|joins|joining|entered|enters)\s[Oo]ur\s$")
_OWN_STAKE_SOLD = re.compile(r"\b(?:sold|sells?|selling)\s(?:a|an)\s(?:[\d.]+\s?(?:%|percent|per\scent)\s)?(?:minority\s|new\s)?stake\sto\s")
_OF_THE_COMPANY = re.compile(r"\sof\s(?:the|its|his|her|their)\s(?:company|firm|business|group|venture|start-?up)$")
_THE_COMPANY_AFTER = re.compile(r"\s(?:the|its)\s(?:company|firm|business|group|start-?up)\b")
_STAKE_IN_IT = re.compile(r"(?:\sin)?\s(?:the|its)\s(?:company|firm|group|start-?up|business|maker|foundry|supplier)\b")
_AS_DID = re.compile(r",\s(?:as\sdid|and\sso\sdid)\s")
_SOME_OF_THEM = re.compile(
    r"(?:Two|Three|Four|Five|Six|Some|Several|Many|All|Most)\sof\sthem\s(?:were|are|have\sbeen)\s"
    r"(?:named|identified|listed|disclosed)[^:;]{0,60}?(:)\s?")
_DESCRIBED_VENTURE = re.compile(r",\s(?:the\s(?:[\w-]+\s)?(?:venture|joint venture|JV))\s")
# A legal text names each party's role as a defined term: 'Y GmbH (the "Seller")'
_ROLE_TERMS: dict[str, dict[DealKind, PartyRole]] = {
    "Seller": {"investment": "seller", "acquisition": "seller"},
    "Vendor": {"investment": "seller", "acquisition": "seller"},
    "Transferor": {"investment": "seller", "acquisition": "seller"},
    "Purchaser": {"investment": "investor", "acquisition": "buyer", "supply": "customer"},
    "Buyer": {"investment": "investor", "acquisition": "buyer", "supply": "customer"},
    "Transferee": {"investment": "investor", "acquisition": "buyer"},
    "Investor": {"investment": "investor"},
    "Target": {"investment": "investee"},
    "Supplier": {"supply": "supplier"},
    "Customer": {"supply": "customer"},
    "Licensor": {"licensing": "licensor"},
    "Licensee": {"licensing": "licensee"},
    "Manufacturer": {"contract_manufacturing": "manufacturer"},
}
assert set(_ROLE_TERMS) <= set(PARTY_TERMS)  # (the mention rules learn each as its party's name)
_ROLE_TERM = re.compile(r"\s?\((?:the\s)?[“\"‘'](?P<term>" + "|".join(_ROLE_TERMS) + r")[”\"’']\)")
_HIRED = re.compile(r"(?:hired|signed up|appointed|chose|picked|selected|contracted|commissioned|engaged)\s", re.I)
_AGREED_BEFORE = re.compile(r"\b(?:first\s|originally\s)?(?:agreed|struck|reached|%s|put\s(?:their|its)\s(?:names|signatures?)\sto)\b[^.;,]{0,50}$"
                            % _SIGNED_VERB)
_IN_ORDER = r"(?:In\sorder|So\sas)"  # a purpose clause opens so: "In order to supply X, ..."
_LEAD_CLAUSE = re.compile(r"(?:Since|When|After|Before|Once|While|Although|Though|Because|As soon as"
                          # "In order to supply X from China, ...", "To meet X's requirements, ...": a purpose
                          rf"|{_IN_ORDER}\sto|To\s(?:meet|serve|supply|support|satisfy|fulfil|fulfill|cover))\s[^,;]{{5,120}}?,\s")
_PREDICATE_LIST = re.compile(
    r",\s(?=(?:and\s)?(?:signed|opened|began|formed|agreed|struck|inked|launched|acquired|bought|invested|joined|entered)\s)")
_PLANT_INVEST = re.compile(
    r"\binvest\w*\b[^.;]{0,80}?\b(?:to build|to set up|in|for)\s(?:an?\s|the\s|its\s)?(?:[\w-]+\s){0,3}(?:plant|factory|facility|gigafactory|site|base)\b", re.I)
_JOINTLY_WITH = re.compile(
    r"(?:The|This|That)\s(?:[\w-]+\s)?(?:investment|project|plant|factory|facility)\s(?:was|is|has been)\s(?:[\w-]+\s)?"
    r"(?:announced|unveiled|made|agreed)\s(?:jointly\s|together\s)?with\s(?:the\s)?")
_FOUNDING = Caseless(r"(?:jointly\s)?(?:formed|founded|set up|established|created)$")
# "kept buying them until ...", "continued to supply it until ...": how long a deal ran
_KEPT_UNTIL = re.compile(r"\b(?:kept|continued)\s(?:to\s)?(?:[\w-]+\s){1,4}?until\b")
_END_CUE = Caseless(r"(?:prior to|until|till|through|up to|ending in|ended in|before)\s$")

_CLAUSE_BOUNDARY = re.compile(
    r",\s(?=the\s(?:[\w-]+\s)?(?:venture|joint venture|JV)\s(?:that\s|which\s)?(?:the\s(?:two|three)\s|both\s|they\s|it\s))|;\s|,\s(?:and|while|but|whereas|plus)\s(?!(?:the\s)?[A-Z]|from\s)|,\s(?=(?!including\b|excluding\b)[a-z]+ing\b)|\s(?:when|whereas)\s|\s[—–]\s|(?<!ed)\sand\s(?=(?:also\s)?[a-z]+ed\b)|,\s(?:and\s)?also\s"
    r"|:\s(?=[A-Z][\w-]*(?:,?\s[A-Z][\w.-]*){0,4},?\s(?:agreed|signed|will|has|had|bought|acquired|invested|took|set)\b)"
    # "Kestrel knows X well: the Danish company has shipped ...": a clause with its own subject
    r"|:\s(?=the\s(?:[\w-]+\s){0,2}?(?:company|firm|group|maker|carmaker|automaker|supplier|start-?up)\s(?:has|have|had|will|is|was|signed|agreed)\b)"
)

_AND_NAME = re.compile(r",\s(?:and|but|while|whereas)\s(?=(?:the\s)?[A-Z])")
_FINITE_VERB = re.compile(r"\b(?:signed|agreed|bought|acquired|invested|formed|took|will|has|have|had|is|are|was|were)\s")
_NAME_THEN_VERB = re.compile(
    r"(?:the\s)?[A-Z](?:[^,;]|,(?=\s?Ltd\b)){0,80}?(?<!\salso)\s(?:signed|agreed|will|would|bought|acquired|invested|formed|set\sup|took|has|have|had|"
    r"started|began|opened|launched)\s")
_ANAPHOR_SUBJ = re.compile(
    r"\b(?:It|it|its|Its|[Ww]e|[Oo]ur|I(?=\s(?:signed|have|had|also|personally|am)\b)|"
    r"They(?=\s(?:paid|bought|invested|took|acquired|signed|agreed|put)\b|\s$)|[Tt]he (?:[Cc]ompany|automaker|carmaker|car maker|EV maker|firm|group|startup|"
    r"start-up|manufacturer|maker|battery maker|chipmaker|Chinese automaker|state-owned automaker|fund|investor|"
    r"(?:[\w-]+ ){1,2}(?:automaker|carmaker|maker|giant|firm|company|group|conglomerate|manufacturer)))\b"
)
_PLURAL_ANAPHOR = re.compile(
    r"\b(?:[Tt]he (two|three|four|five) (?:[\w-]+\s)?(?:companies|sides|parties|firms|automakers|carmakers|groups|partners)|"
    r"[Bb]oth (?:companies|sides|parties|firms|automakers|groups|partners)|[Tt]he (?:pair|duo|partners|parties))\b"
)
# the object of a deal verb told by what it is: "bought the German firm", "acquired the Turin company"
_DESCRIBED_OBJECT = re.compile(
    r"\s(?:the|this)\s(?:[A-Z][\w-]*(?:-based)?\s|[a-z][\w]*-based\s|(?:small|family-owned|listed|local|"
    r"state-owned|privately\sheld)\s){0,2}(?:firm|company|group|maker|carmaker|automaker|supplier|specialist|"
    r"start-?up|business|manufacturer)\b")
# a partner told by what it is: "an agreement with the Arden rubber and sealing group"
# (or whose goods a number of are taken: "will take 1,500 of the Hefei-based group's sedans";
# not "one of the carmaker's earliest backers")
_DESCRIBED_PARTNER = re.compile(
    r"\s(?:(?:with|to)\s(?:the|this)|(?<=\d\s)of\sthe(?=\s[^.;]{1,60}?['’]s\s))\s(?:[A-Z][\w-]*\s|[a-z][\w-]*\s(?:and\s)?){0,4}?"
    r"(?:firm|company|group|maker|carmaker|automaker|supplier|specialist|start-?up|manufacturer|producer)\b")
# the words in a government's name that say its level
_GOVERNMENT_LEVEL = {"municipal": ("Municipal", "City"), "city": ("Municipal", "City"),
                     "provincial": ("Province", "Provincial"), "county": ("County",), "district": ("District",)}
_THE_GOVERNMENT = re.compile(r"\bwith\sthe\s(municipal|city|provincial|county|district|local)\s(?:people's\s)?government\b", re.I)
_DESCRIBED_OBJECT_KINDS = ("acquisition", "investment", "supply", "contract_manufacturing", "licensing")
_HINT = re.compile(r"\s([A-Z][a-z]+)(?:-based)?\s|(?<=[Tt]he\s)(Company)\b")
_DEFINED_COMPANY = re.compile(r"\([^()]{0,40}?(?:the\s[“\"]Company[”\"]|[“\"]the\sCompany[”\"])")


def _hint(description: str) -> str | None:
    """'the Ningguo company' -> 'Ningguo': the word that tells which organisation is meant."""
    m = _HINT.search(description)
    return (m.group(1) or m.group(2)) if m else None


# a trigger that opens with a verb: what comes before it is its subject, never a deal named again
_PAST_VERB = re.compile(
    r"(?:acquired|bought|took over|invested|purchased|hired|commissioned|engaged|retained|signed|agreed|formed|"
    r"founded|established|set up|supplied|supplies|sold|sells|licensed|partnered|teamed|joined|struck|inked|"
    r"sealed|assembled|assembles|builds|built|produced|produces|distributes|distributed|imports|imported|won|"
    r"ordered|placed|sources|sourced|provides|provided|delivers|delivered|uses|used)\b")
_SIGNED_WITH_NO_AGENT = re.compile(
    r"\b(?:was|were|has\sbeen|had\sbeen)\s(?:[a-z]+ly\s)?(?:signed|reached|agreed|concluded|struck)\swith\s(?![^.;]*\bby\s)")
# 'X Company Limited (the "Joint Venture")': a defined term that names the venture and says what it is
_DEFINED_VENTURE = frozenset({"Joint Venture", "JV", "Venture"})
_ESTABLISH = re.compile(r"\b(?:establish|set\sup|form|create|found)(?:ed|s|es)?\s"
                        r"|\b(?:establishment|formation|incorporation|creation)\sof\s")
_SPEAKER_OF = re.compile(
    r"\b(?:official|officials|spokesman|spokeswoman|spokesperson|executive|executives|manager|director|analyst|"
    r"engineer|employee|representative)\s(?:at|of|from|for|with)\s(?:the\s)?$")
_WHICH_BEFORE = re.compile(r",\s(?:which|who|that)\s(?:also\s|now\s|still\s)?$")
_PREPOSITIONS = "of|to|for|with|from|by|in|on|at|than"
_GOVERNED = re.compile(rf"\b(?:{_PREPOSITIONS}|and)\s$")  # before an anaphor: not a subject
_NUM = {"two": 2, "three": 3, "four": 4, "five": 5}
_PREPOSITION_BEFORE = re.compile(rf"\b(?:{_PREPOSITIONS})\s$")
_NOT_PARTY_BEFORE = Caseless(
    r"(?:facilitated|backed|brokered|supported|advised|arranged|led|owned|controlled|reported|according to|citing|cited by|"
    r"shared shareholder|shareholder|such as|like|rivals?|competitors?|in which|of which|whose|linked to|affiliated with|"
    r"tied to|approved|cleared|approval from|approval of|clearance from|registration with|registered with)\s(?:by\s)?(?:[\w’'-]+\s){0,2}$",
)
_OWNED_KIND_BEFORE = re.compile(r"-owned\s[\w’'-]+\s[\w’'-]+\s$")  # "the state-owned logistics group X": X itself
_SPEAKER_FRAME = re.compile(
    r"\b(?:said|says|announced|announces|stated|reported|confirmed|disclosed)\b[^.;]{0,50}?\bthat\s")
# ", which is owned by Y," / ", in which Y holds 75%,": a closed relative clause before the trigger
_RELATIVE_ASIDE = re.compile(r",\s(?:the\s(?:[\w-]+\s){0,3})?(?:which|who|whose|in which|of which)\s[^,;]*,")
_POSSESSOR_OF_BACKERS = re.compile(r"(?:’s|'s|‘s|(?<=s)[’'])\s(?:[\w-]+\s)?$")
# between two listed investors: ", and the smartphone maker " (descriptors allowed)
_LIST_GAP = re.compile(r",?\s(?:and\s)?(?:the\s)?(?:[a-z][\w-]*\s){0,2}")
_INVESTOR_LIST = re.compile(
    r"\b(?:investors?|backers?|shareholders),?\s?(?:\s\(?(?:including|among them|such as|led by|namely|notably)\s|:\s|[—–]\s"
    r"|\s(?:include|includes|included)\s)(?:the\s)?(?:[a-z][\w-]*\s){0,2}$"
    r"|\bround\s(?:was\s|is\s|has\sbeen\s)?(?:co-)?led\sby\s$")
_DESCRIPTIVE_ASIDE = re.compile(
    r",\s(?:the|a|an)\s[^,;]{0,60}?\b(?:maker|producer|manufacturer|owner|developer|operator|builder|designer|"
    r"seller|distributor|supplier|parent|subsidiary|unit|division|arm|affiliate)\sof\s[^,;]{1,80},")
# "a fund set up by the city's investment platform X": X describes the fund, it is no party
# (not the second of a list: "a venture set up by A and B")
_MADE_BY_BEFORE = re.compile(r"\b(?:set up|founded|established|created|formed|owned|controlled|backed)\sby\s(?:(?!and\s)[\w’'-]+\s){1,4}$")
_DESCRIBED_OF = re.compile(r",\s(?:the|a|an)\s(?:[\w-]+\s){0,4}of\s(?:the\s)?(?:[\w-]+\s){0,2}$")
_BRAND_OF_AFTER = re.compile(r",\s(?:one\sof\s)?(?:the|a|an)\s(?:[\w-]+\s){0,2}(?:brand|marque|label)s?\sof\s(?:[\w’'-]+\s)?")
_VEHICLES_AFTER = re.compile(r"\s(?:[\w-]+\s)?(?:models?|cars|sedans?|SUVs?|vehicles|trucks|buses|vans|pickups?|hatchbacks?|line-?ups?)\b")
_UNIT_AFTER = re.compile(
    r"^(?:’s|'s|‘s)\s(?:[\w-]+\s){0,2}(?:unit|arm|division|subsidiary|business|affiliate|branch|spin-?off)\b"
)
_ROLE_NOUN_AFTER = re.compile(
    r"^(?:’s|'s|‘s)\s(?:[\w-]+\s){0,2}(contract manufacturer|manufacturer|supplier|investor|shareholder|licensee|licensor|customer|client|partner)s?\b",
)

_MONEY = Caseless(
    r"(?:(?P<sym>US\$|\$|€|¥|RMB\s?|CNY\s?|USD\s?|EUR\s?)(?P<n1>\d[\d,]*(?:\.\d+)?)\s?(?P<m1>billion|million|trillion|bn|mn|m|b)?\b)"
    r"|(?:(?P<n2>\d[\d,]*(?:\.\d+)?)\s?(?P<m2>billion|million|trillion|bn|mn)?\s(?P<cur>yuan|renminbi|RMB|dollars|US dollars|euros|EUR|USD|CNY|won|yen)\b)",
)
_ANY_DIGIT = re.compile(r"\d")
_MONEY_LEAD = 4  # the longest currency before an amount's first digit: "RMB ", "USD "
_SCALE = {"billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6, "trillion": 1e12}
_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "euros": "EUR",
             "¥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY",
             "dollars": "USD", "us dollars": "USD", "won": "KRW", "yen": "JPY"}
_STAKE = Caseless(
    r"(\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per cent)(?=\s(?:stake|interest|equity|of (?:the )?(?:shares|equity|company|joint venture|JV))|\s?(?:-owned|owned))"
    r"|(?:stake|interest) of (\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per cent)"
    r"|(?:hold|holds|own|owns|contribute|contributes|take|takes|acquire|acquired|took)\s(?:a\s)?(\d{1,2}(?:\.\d+)?)\s?(?:%|percent|per cent)",
)
_FRACTIONS = {"half": 50.0, "a fifth": 20.0, "a quarter": 25.0, "a third": 100 / 3, "a tenth": 10.0,
              "two-thirds": 200 / 3, "three-quarters": 75.0}
_STAKE_FRACTION = re.compile(
    r"\b(?:for|bought|buys|acquired|acquires|took|takes|holds|owns|sold)\s(%s)\sof\s" % "|".join(_FRACTIONS), re.I)
_TITLE = re.compile(
    r"[“\"]([^”\"]{8,200}?(?:Agreement|Memorandum|Contract|Framework|Alliance|Partnership)[^”\"]{0,150})[”\"]"
    r"|\b((?:Framework|Strategic Cooperation|Cooperation|Joint Venture|Supply|Licensing) Agreement on(?: [A-Z][\w-]*| (?:a|an|the|for|of|and|on|in)){2,25})"
)
_ITEM_KIND = [
    (re.compile(r"technology transfer|licens", re.I), "licensing", 4),
    (re.compile(r"(?:EV |vehicle |car )?(?:production|manufacturing)", re.I), "contract_manufacturing", 5),
    (re.compile(r"joint venture", re.I), "joint_venture", 5),
    (re.compile(r"batter(?:y|ies) supply|supply", re.I), "supply", 3),
    (re.compile(r"chips?", re.I), "chip_collaboration", 6),
    (re.compile(r"battery[- ]swap", re.I), "battery_swap_alliance", 6),
]
_HUB_KINDS = frozenset({"battery_swap_alliance", "other"})
_AGENT_ROLES: dict[str, tuple[PartyRole, PartyRole]] = {
    "investment": ("investor", "investee"),
    "acquisition": ("buyer", "seller"),
    "supply": ("supplier", "customer"),
    "licensing": ("licensor", "licensee"),
    "contract_manufacturing": ("manufacturer", "client"),
}


@dataclass
class _Trigger:
    start: int
    end: int
    kind: DealKind
    spec: int
    anaphoric: bool


@dataclass
class _Claim:
    kind: DealKind
    spec: int
    parties: dict[str, PartyRole]  # mention id of the first mention of each name -> role
    names: dict[str, str]  # name -> mention id
    date: DateValue | None
    end_date: DateValue | None
    status: DealStatus
    title: str | None
    value: Money | None
    stake: float | None
    place: str | None
    evidence: list[Evidence]
    sentence: int
    rule: str
    finite_sign: bool = False
    perfect: bool = False
    dated_by_text: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def party_names(self) -> frozenset[str]:
        return frozenset(self.names)


def money_in(text: str) -> Money | None:
    """The first amount of money in ``text``.

    Examples
    --------
    >>> money_in("for 3.16 billion yuan ($441 million)")
    Money(amount=3160000000.0, currency='CNY')
    >>> money_in("a EUR 1.5 billion stake")
    Money(amount=1500000000.0, currency='EUR')
    """
    # every amount has a digit, at most 4 characters after its start ("RMB 5"): the scan
    # starts there (sre still sees the text before it, for "\b")
    first = _ANY_DIGIT.search(text)
    if first is None:
        return None
    for m in _MONEY.finditer(text, max(0, first.start() - _MONEY_LEAD)):
        num = m.group("n1") or m.group("n2")
        scale = (m.group("m1") or m.group("m2") or "").lower()
        cur = (m.group("sym") or m.group("cur") or "").strip().lower()
        if m.group("sym") and not scale and "," not in num and float(num) < 1000:
            # "$5" alone is rarely a deal value; require a scale word for small numbers
            continue
        try:
            amount = float(num.replace(",", "")) * _SCALE.get(scale, 1.0)
        except ValueError:
            continue
        currency = _CURRENCY.get(cur)
        if currency:
            return Money(amount=round(amount, 2), currency=currency)
    return None


def _stake_in(text: str) -> float | None:
    if "%" not in text and "per" not in text:  # every stake figure has "%", "percent" or "per cent"
        # ... or is a fraction bought or held: "paid 65 million yuan for a fifth of X"
        m = _STAKE_FRACTION.search(text) if " of " in text else None
        return None if m is None else _FRACTIONS[m.group(1).lower()]
    m = _STAKE.search(text)
    if not m:
        return None
    return float(next(g for g in m.groups() if g))


def _title_in(text: str) -> str | None:
    m = _TITLE.search(text)
    if not m:
        return None
    t = (m.group(1) or m.group(2)).strip()
    t = re.sub(r"\s(?:with|and|between)$", "", t)
    return t


# Patterns tested in loops over triggers, mentions and clauses, compiled once (a call of
# ``re.search(pattern, ...)`` looks the pattern up in re's cache every time)
_VENTURE_CALLED_BEFORE = re.compile(r"\bventure,?\s(?:(?:called|named|known as)\s)?$")
_AS_A_VENTURE_AFTER = re.compile(r",?\s(?:as|,)\s(?:a|an|the)\s(?:[\w-]+\s){0,3}(?:joint\s)?venture\b")
_SITE_AFTER = re.compile(r"\s(?:factory|plant|site|facility|works|headquarters|base)\b")
_BESIDE_BEFORE = re.compile(r"\b(?:next\sto|close\sto|adjacent\sto|near|beside|opposite|alongside)\s(?:the\s)?$")
_BRAND_USERS_AFTER = re.compile(r"\s(?:owners|drivers|users|fans|buyers)\b")
_CARS_AFTER = re.compile(r"\s(?:cars|vehicles|models|EVs)\b")
_OUTLETS_AFTER = re.compile(r"\s(?:dealerships|dealers|showrooms|stores|outlets|service\s(?:centres|centers|stations))\b")
_AT_BEFORE = re.compile(r"\b(?:at|in|across|outside|near)\s(?:[\w-]+\s){0,2}$")
_SERVICE_VERB_BEFORE = re.compile(r"\b(?:maintain|repair|service|insure|charge|finance|rent|lease|tow|recycle)\s$")
_OR_KNOWN_AS_BEFORE = re.compile(r",\s(?:or|known as)\s[“\"]?$")
_POSSESSIVE_TAIL = re.compile(r"(?:’s|'s|‘s)\s(?:[\w-]+\s){0,2}$")
_POSSESSIVE_GAP = re.compile(r"(?:’s|'s|‘s)\s(?:[\w-]+\s){0,2}")
_PARTNER_AFTER = re.compile(r"\s(?:with|between|among|of|in|to|for)\b|\s(?:[\w-]+\s){0,3}(?:with|between)\b")
_DESCRIBED_BEFORE = re.compile(r",\s(?:the|an?)\s(?:[\w-]+\s){0,3}$")
_AND = re.compile(r"\sand\s")
_DEAL_NOUN_AFTER = re.compile(r"(?:a|an)\s[\w-]+\s(?:deal|contract|agreement|pact|memorandum)\b")
_GERUND_CLAUSE = re.compile(r",\s[a-z]+ing\b")
_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s$")
_AND_WITH = re.compile(r"\s(?:and|together with)\s(?!The\s)[A-Z]")
_ONE_VERB_AFTER = re.compile(r"(?:\s[A-Z][\w-]*)?\s(?:(?:will|would|shall|can|could|may|must|also|then)\s)*[a-z]+")  # "X will import"


def _clauses(sent_text: str, party_starts: set[int]) -> list[tuple[int, int]]:
    """Clause spans (relative to the sentence) split at conjunctions, dashes, 'when'."""
    cuts = [0]
    for m in _CLAUSE_BOUNDARY.finditer(sent_text):
        # ", supplying E/E architecture ...": a gerund clause naming nobody continues the last one
        if _GERUND_CLAUSE.match(m.group() + sent_text[m.end() : m.end() + 20]) and m.group().startswith(","):
            nxt = _CLAUSE_BOUNDARY.search(sent_text, m.end())
            stop = nxt.start() if nxt else len(sent_text)
            if not any(m.end() <= p < stop for p in party_starts):
                continue
        # ", and Nio" continues a list of parties; it is not a clause boundary
        if not m.group().startswith((";", ":")) and any(m.end() <= p <= m.end() + 4 for p in party_starts):
            continue
        cuts.append(m.start())
    # "alignment with CATL and technology output to McLaren": a new deal phrase after "and"
    for m in _AND.finditer(sent_text):
        t = _TRIGGER_RE.match(sent_text, m.end()) or _TRIGGER_RE.match(sent_text, m.end() + len(sent_text[m.end():].split(" ")[0]) + 1)
        # "a Nordic import deal for A and a bus-battery contract for B": a deal noun two words on
        t = t or _DEAL_NOUN_AFTER.match(sent_text, m.end())
        if t and not any(m.end() <= p < t.start() for p in party_starts):
            cuts.append(m.start())
    # "A agreed with B to build a plant, and C and D signed a venture agreement": after a
    # clause with its own verb, ", and" + a name + a verb starts a clause with its own subject
    # (not ", and C also took part": one more party of the same deal)
    if ", " in sent_text:
        for m in _AND_NAME.finditer(sent_text):
            if _NAME_THEN_VERB.match(sent_text, m.end()) and _FINITE_VERB.search(sent_text, 0, m.start()):
                cuts.append(m.start())
    # "X went from A to B, opened ... with C, signed ... with D, and began ...": a list of
    # predicates of one subject, each a clause (two such commas at least make it a list)
    listed = [m.start() for m in _PREDICATE_LIST.finditer(sent_text)] if sent_text.count(", ") >= 2 else []
    if len(listed) >= 2:
        cuts += listed
    lead = _LEAD_CLAUSE.match(sent_text) if sent_text[:1] in "SWABOTAI" else None
    if lead:  # "Since NIO began deliveries in 2018, JAC has built ...": the adverbial clause is its own
        cuts.append(lead.end() - 2)
    cuts = sorted(set(cuts))
    cuts.append(len(sent_text))
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        if b > a:
            spans.append((a, b))
    return spans


# 'In this report "we", "our" and "Kestrel" refer to Kestrel Motors Co., Ltd.': who "we" is
_WE_REFERS_TO = re.compile(
    r"[“\"]we[”\"],?\s(?:(?:and\s|or\s)?(?:the\s)?[“\"][\w ]{1,30}[”\"],?\s){0,4}"
    r"(?:refer|refers|mean|means|are\sto)\s(?:to\s)?(?:the\s)?")


# the end of a quotation and its attribution: '," said Lin, chairman of ', '," Lin of '
_QUOTE_SAID = re.compile(r"[,.!?]?[”\"]\s(?:said|says|added|explained|told)\s")


class _Focus:
    """Who 'the company' / 'It' means: the most salient organisation of the recent text."""

    def __init__(self, mentions: list[Mention], sentences: list[str] | None = None,
                 starts: list[int] | None = None):
        self.orgs = [m for m in mentions if m.type in ("Company", "Fund")]
        self.starts = starts or []
        self.governments = [m for m in mentions if m.type == "GovernmentBody"]
        self.government_names = frozenset(m.name for m in self.governments)
        self.sentences = sentences or []
        # the first sentence that is not a headline (one that ends like a sentence is none)
        self.body_start = 0 if self.sentences and self.sentences[0].rstrip(" \"”’").endswith((".", "!", "?")) else 1
        self.defined: Mention | None = None  # the organisation a release calls "the Company"
        self.we: Mention | None = None  # the organisation a filing says "we" refers to
        # the organisation each sentence opens with, its subject ("Volkswagen opened a plant")
        self.opener: dict[int, str] = {}
        # each sentence's organisation mentions, in order
        self._in: dict[int, list[Mention]] = {}
        for m in self.orgs:
            if starts and m.sentence not in self.opener and m.start - starts[m.sentence] <= 25:
                self.opener[m.sentence] = m.name
            self._in.setdefault(m.sentence, []).append(m)

    def mentions_in(self, sentence: int) -> list[Mention]:
        """A sentence's organisation mentions, in order."""
        return self._in.get(sentence, [])

    def named_in(self, sentence: int) -> list[Mention]:
        """The organisations a sentence names, each once (its first mention there)."""
        first: dict[str, Mention] = {}
        for m in self._in.get(sentence, []):
            first.setdefault(m.name, m)
        return list(first.values())

    def heading(self, sentence: int) -> bool:
        """A short line that does not end like a sentence: "Orla Bus (+2.7%)"."""
        text = self.sentences[sentence].strip()
        # (a name's abbreviation may end it: "14:00  Lumen Voice Co., Ltd.")
        return len(text) <= 60 and (not text.endswith((".", "!", "?", '"', "”")) or _ABBREVIATION_END.search(text) is not None)

    def named_just_before(self, sentence: int, exclude: frozenset[str] = frozenset()) -> Mention | None:
        """The one organisation the nearest of the two sentences before names, if one does."""
        for back in (1, 2):
            named = [m for m in self.mentions_in(sentence - back) if m.name not in exclude]
            if named:
                return named[-1] if len({m.name for m in named}) == 1 else None
        return None

    def told_with(self, name: str, word: str, sentence: int) -> bool:
        """Whether a sentence before ``sentence`` names ``name`` together with ``word``."""
        return any(m.name == name and m.sentence < sentence and m.sentence < len(self.sentences)
                   and word in self.sentences[m.sentence] for m in self.orgs)

    def _salience(self, sentence: int) -> tuple[dict[str, int], dict[str, Mention]]:
        """How often each organisation was named up to ``sentence``, and its last mention."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        for m in self.orgs:
            if m.sentence > sentence:
                break
            counts[m.name] = counts.get(m.name, 0) + 1
            last[m.name] = m
        return counts, last

    def quoted_speaker(self, sentence: int) -> Mention | None:
        """'"X has been our main source of coil since 2025. From now on it is also our
        partner," said Lin, chairman of Y': in a quotation, the company of the one quoted,
        named after the quotation closes (in this sentence or one of the next two)."""
        if not self.starts or sentence >= len(self.sentences) \
                or not self.sentences[sentence].lstrip().startswith(("“", '"')):
            return None
        for k in range(sentence, min(sentence + 3, len(self.sentences))):
            said = _QUOTE_SAID.search(self.sentences[k], 1 if k == sentence else 0)
            if said is not None:
                at = self.starts[k] + said.end()
                return next((m for m in self._in.get(k, []) if m.start >= at), None)
        return None

    def speaker(self, sentence: int, exclude: frozenset[str] = frozenset()) -> Mention | None:
        """'we'/'our' in an interview or release: the company its opening introduces (the
        first one named after the headline), else the one the article names most -- in a
        quotation, the company of the one quoted."""
        if self.we is not None and self.we.name not in exclude:
            return self.we
        quoted = self.quoted_speaker(sentence)
        if quoted is not None and quoted.name not in exclude:
            return quoted
        counts, last = self._salience(sentence)
        first = self.body_start
        intro = next((m for m in self.orgs if first <= m.sentence <= min(first + 1, sentence) and m.name not in exclude),
                     None)
        if intro is not None:
            # "Gotion Inc., the U.S. subsidiary of Gotion High-tech": of a family of names, the
            # one the article names most
            head = intro.name.split()[0]
            family = [n for n in counts if n.split()[0] == head and n not in exclude]
            # (on a tie the one introduced: "We set up X (Wuhu) Co., Ltd. in 2021" names a unit later)
            return last[max(family, key=lambda n: (counts[n], n == intro.name, last[n].start))] if family else intro
        pool = [n for n in counts if n not in exclude]
        return last[max(pool, key=lambda n: (counts[n], last[n].start))] if pool else None

    def at(self, sentence: int, exclude: frozenset[str] = frozenset(), hint: str | None = None,
           topic_first: bool = False) -> Mention | None:
        """The organisation 'it' / 'the company' means. ``hint`` is a word of the description
        ("the Ningguo company", "the Wuhu-based carmaker"): of the candidates, those told
        together with it before are preferred; "Company", capitalised, is the defined term."""
        if hint == "Company" and self.defined is not None:
            return self.defined if self.defined.name not in exclude else None
        counts, last = self._salience(sentence)
        recent = {m.name for m in self.orgs if sentence - 3 <= m.sentence <= sentence}
        pool = [n for n in (recent or counts) if n not in exclude]
        if not pool:
            pool = [n for n in counts if n not in exclude]
        if not pool:
            return None
        if not hint and 0 < sentence <= len(self.sentences) and self.heading(sentence - 1):
            # "Orla Bus (+2.7%)\nThe bus maker, which ...": the company the heading above names
            named = self.named_in(sentence - 1)
            if len(named) == 1 and (only := named[0].name) in pool and only in last:
                return last[only]
        if hint:
            told = [n for n in counts if n not in exclude and self.told_with(n, hint, sentence)]
            if told:
                pool = [n for n in told if n in recent] or told  # of those, the ones named lately
            else:
                # "Volkswagen opened a plant there. In 2023 the German group sold ...": a
                # description the text has not tied to a name yet goes on from the subject of
                # the sentence before, or from the one organisation it names ("..., and it is
                # Kestrel's. The Vadar carmaker and X have signed ...")
                before = self.named_in(sentence - 1)
                subject = self.opener.get(sentence - 1) or (before[0].name if len(before) == 1 else None)
                if subject in pool and subject in last:
                    return last[subject]
        # (``topic_first``: the company the article is about, if named lately: "X still makes
        # those frames and Y is still its biggest buyer. ... took a 10% stake" is a stake in X)
        topic = self.topic if topic_first else None
        if topic in pool and topic in last:
            return last[topic]
        best = max(pool, key=lambda n: (counts.get(n, 0), last[n].start if n in last else -1))
        return last.get(best)

    @property
    def topic(self) -> str | None:
        """The organisation the article's body names first (a feature may open on a place)."""
        first = self.body_start
        return next((m.name for m in self.orgs if first <= m.sentence), None)

    def salient(self, sentence: int, n: int, before: int, exclude: frozenset[str] = frozenset(),
                described_as=None) -> list[Mention]:
        """The n most often named organisations among those of the last three sentences; those
        the text calls what the anaphor calls them ('the two carmakers') first."""
        counts: dict[str, int] = {}
        last: dict[str, Mention] = {}
        fits: set[str] = set()
        for m in self.orgs:
            if m.start >= before:
                break
            counts[m.name] = counts.get(m.name, 0) + 1
            last[m.name] = m
            if described_as is not None and described_as(m):
                fits.add(m.name)
        pool = [k for k, m in last.items() if sentence - m.sentence <= 3 and k not in exclude]
        return [last[k] for k in sorted(pool, key=lambda k: (k not in fits, -counts[k], -last[k].start))[:n]]

    def recent(self, sentence: int, n: int, before: int) -> list[Mention]:
        """The last n distinct organisations mentioned before offset ``before``."""
        out: dict[str, Mention] = {}
        for m in reversed(self.orgs):
            if m.start >= before:
                continue
            if m.name not in out:
                out[m.name] = m
            if len(out) == n:
                break
        return list(out.values())


def extract_deals(
    article: Article, mentions: tuple[Mention, ...], dates: list[DateMatch]
) -> tuple[DealClaim, ...]:
    """Deal claims of one article (see the module docstring for the rules)."""
    text = article.text
    focus = _Focus(list(mentions), [x.text for x in article.sentences], [x.start for x in article.sentences])
    # 'Lumo Power Co., Ltd. (the "Company")': a release's defined term names its issuer
    defined = _DEFINED_COMPANY.search(text) if "Company" in text else None
    if defined is not None:
        focus.defined = next((m for m in focus.orgs if 0 <= defined.start() - m.end <= 2), None)
    elif "the Company" in text and focus.orgs and focus.orgs[0].sentence <= 1 and focus.orgs[0].start < 200:
        # minutes or a filing headed by the issuer's name use "the Company" for it undefined
        focus.defined = focus.orgs[0]
    we = _WE_REFERS_TO.search(text) if "refer" in text or "mean" in text else None
    if we is not None:
        focus.we = next((m for m in focus.orgs if 0 <= m.start - we.end() <= 2), None)
    elif focus.orgs and focus.orgs[0].via == "post_at.v1" and focus.orgs[0].start < 150 \
            and not focus.sentences[focus.orgs[0].sentence].rstrip().endswith((".", "!", "?", '"', "”")):
        # a post headed "Founder & CEO at X": its author's "I" and "we" speak for X
        focus.we = focus.orgs[0]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    claims: list[_Claim] = []
    for sent in article.sentences:
        every = by_sentence.get(sent.index, [])
        # "Mr Ren sold 20% of the company": a person who sells a stake is its seller
        sm = [m for m in every if m.type in PARTY_TYPES
              or (m.type == "Person" and SELLS_STAKE.match(article.text, m.end))]
        low = sent.text.lower()
        found = _TRIGGER_WORDS.found(low)  # one scan for all the words, not one test each
        undone = _UNDONE.search(sent.text) if not found.isdisjoint(_UNDONE_NEEDS) else None
        if undone is not None and _mark_undone(undone, sent, claims, article):
            continue
        if claims and ("complet" in sent.text or "closed" in sent.text):
            done = _DONE.search(sent.text)
            target = done and next((c for c in reversed(claims) if sent.index - c.sentence <= 2
                                    and c.kind in ("investment", "acquisition") and not _REALITY.get(c.status)), None)
            if target:  # "The transaction was completed the following year"
                target.status = "completed"
                target.evidence.append(_evidence(article, sent))
                if target.date is None:
                    # "X took 20% of Y. The transaction was completed in August.": the deal
                    # told without a date is dated by its completion -- or by its agreement,
                    # where the sentence gives it: "The purchase, agreed in November, was completed"
                    d = next((x for x in dates if sent.start <= x.start < sent.start + done.end() and x.role == "event"
                              and _AGREED_BEFORE.search(article.text, max(sent.start, x.start - 60), x.start)), None)
                    d = d or _nearest_date([x for x in dates if sent.start + done.end() <= x.start < sent.end
                                            and x.role == "event"], sent.start, sent.start, sent.end,
                                           exclude_decade=True)
                    if d is not None:
                        target.date, target.dated_by_text = d.value, True
        if claims and not sm and ("ship" in low or "deliver" in low or "suppl" in low or "expired" in low
                                  or "lapsed" in low or "ran out" in low):
            _goes_on_or_ends(sent, claims, article, dates)
        if claims and claims[-1].extra.get("single") and sent.index - claims[-1].sentence <= 2 \
                and _name_host(claims[-1], sent, sm, article):
            continue
        if claims and claims[-1].kind == "investment" and sent.index - claims[-1].sentence <= 1 \
                and _name_investors(claims[-1], sent, sm, article):
            continue
        if claims and claims[-1].kind in ("investment", "acquisition") and sent.index - claims[-1].sentence <= 2 \
                and sm and ("sold" in sent.text or "from" in sent.text or "seller" in sent.text or "vendor" in sent.text):
            _name_seller(claims[-1], sent, sm, article)
        if claims and sm and " will " in sent.text:
            _maker_told(claims, sent, sm, text)
        after_deal = bool(claims) and claims[-1].sentence == sent.index - 1
        if sent.text.rstrip(" \"”’").endswith("?"):
            continue  # "Will Arden assemble Kestrel vehicles in Almaty?": a question tells no deal
        if _BYLINE.match(sent.text) and text.count("\n", 0, sent.start) < 4:
            continue  # "Presented to the Arden Assembly on 2 May 2031 by the Mayor": the document's own line
        has_words = not found.isdisjoint(_ALL_NEEDS)
        signs = _SIGN_WORD.search(sent.text) if claims else None  # (searched once, used three times)
        if not has_words and not after_deal and not signs:
            continue  # (a signing may be told a sentence or two after the news: see below)
        places = [m for m in every if m.type == "Place"]
        new: list[_Claim] = []
        if has_words:
            sd = [d for d in dates if sent.start <= d.start < sent.end]
            lead = None
            if sent.index > 0 and not after_deal:
                # "Three years later Chery changed course. X bought half of ...": the short sentence before dates it
                prev = article.sentences[sent.index - 1]
                if len(prev.text) <= 80:
                    lead = _sentence_initial_date([d for d in dates if prev.start <= d.start < prev.end], prev)
            new = _sentence_claims(article, sent, sm, sd, focus, claims, places, lead, found)
            if not new and sent.index > 0 and (label := _LABEL.match(sent.text)) is not None:
                new = _schedule_entry(article, sent, label, focus, sd, dates)
        if not new and sm == [] and claims and "signed" in sent.text and (along := _SIGNED_ALONG.search(sent.text)):
            new = _signed_alongside(article, sent, along, claims)
        # (a press release may tell the signing a sentence or two after its news of the day)
        last = claims[-1] if after_deal else None
        if not new and signs and (
                last is None or (last.date and last.dated_by_text and not last.extra.get("reported"))
                or _CONTINUES.match(last.evidence[0].text)):
            # (past a detail of the deal: "Under the Supply Agreement, X will sell ...")
            # (or past a box of bullets: "At a glance • Licence signed in Hefei on Friday • ...")
            # (or a deal told without a date: "has been awarded a contract by Y ... Highlights ...
            # The supply contract was countersigned by Y on Friday 19 October")
            # (of those, one whose parties are all that the sentence names)
            told = [c for c in reversed(claims) if sent.index - c.sentence <= 8 and all(_among(m.name, c.names) for m in sm)]
            last = next((c for c in told if c.extra.get("reported") and sent.index - c.sentence <= 6), None) \
                or next((c for c in told if c.date is None), last)
        if not new and last is not None and last.end_date is None \
                and (signs or _FINITE_SIGN.search(sent.text)) \
                and all(_among(m.name, last.names) for m in sm):
            if not has_words:
                sd = [d for d in dates if sent.start <= d.start < sent.end]
            if last.date is None or (last.date.origin == "inferred" and not last.dated_by_text):
                # (a date only inferred from the article's own day is no date the text gave)
                # "X's tie-up with Y is older. Last December the carmaker and the start-up agreed
                # to ...": the sentence that tells the deal, naming no one new, dates it
                d = _sentence_initial_date(sd, sent)
                if d is None and (signed := _THE_DEAL_SIGNED.match(sent.text)) is not None:
                    # "It is a venture of A and B. The joint venture contract was signed in May 2026."
                    d = next((x for x in sd if x.start >= sent.start + signed.end() and x.role == "event"
                              and x.value.precision not in ("decade", "unknown")), None)
                    if d is not None and last.status in ("announced", "planned"):
                        last.status = "signed"  # "X will sell power to Y. The contract was sealed on Monday."
                    occasion = None if d is not None or not _SAME_OCCASION.search(sent.text, signed.end()) else next(
                        (c for c in reversed(claims) if c is not last and c.date is not None and c.date.precision == "day"
                         and sent.index - c.sentence <= 10), None)
                    if occasion is not None:
                        # "X is also subscribing for 15% of Y. The subscription agreement was
                        # concluded at the same meeting": the day of the signing told before
                        last.date = occasion.date.model_copy(update={"origin": "inferred"})
                        last.place = last.place or occasion.place
                        last.status = "signed" if last.status in ("announced", "planned", "ongoing") else last.status
                        last.evidence.append(_evidence(article, sent))
            else:
                # "X will supply ..., the company said on Tuesday. The contract was signed in
                # Almaty on Monday": the signing, not the report, dates the deal
                signed = _THE_DEAL_SIGNED.match(sent.text) if last.extra.get("reported") else None
                d = signed and next((x for x in sd if x.start >= sent.start + signed.end()
                                     and x.value.precision == "day" and x.role == "event"), None)
                if d is not None:
                    last.place = last.place or _place(places, sent.start, sent.end, text)
                    if last.status in ("announced", "planned"):
                        last.status = "signed"  # "announced the signing of ... The JV Agreement was signed on 3 May"
                    if signed.group("both"):
                        # "The Supply Agreement and the share subscription agreement were signed
                        # on 3 May": both deals of the report
                        for c in claims:
                            if c is not last and c.sentence == last.sentence and c.extra.get("reported") and c.date == last.date:
                                c.date, c.dated_by_text = d.value, True
                                c.place = c.place or last.place
                                c.evidence.append(_evidence(article, sent))
            if d is not None:
                last.date, last.dated_by_text = d.value, True
                last.evidence.append(_evidence(article, sent))
        same = _SAME_OCCASION.search(sent.text) if new and claims and (
            "same" in sent.text or "longside" in sent.text or "ogether" in sent.text) else None
        at_signing = same is not None and same.group().lower().endswith(("signing", "ceremony"))
        if same is not None:
            # (the occasion is the last signing told to the day, perhaps before a detail of it)
            same = next((x for x in reversed(claims) if x.date is not None and x.date.precision == "day"
                         and sent.index - x.sentence <= 10), None)
        along = _SIGNED_ALONG.search(sent.text) if new and claims and "signed" in sent.text else None
        for c in new:
            if same is not None and (c.date is None or c.date.origin == "inferred"):
                # "At the same ceremony X and Y signed a memorandum": the day and place of the deal before
                c.date = same.date.model_copy(update={"origin": "inferred"})
                c.place = c.place or same.place
                if at_signing and c.status == "announced":
                    c.status = "signed"  # "At the same signing, A and B joined an alliance with C"
            elif along is not None and claims[-1].date is not None and claims[-1].dated_by_text \
                    and (c.date is None or c.date.origin == "inferred"):
                # "... under a licence agreement signed together with the joint venture contract": its date
                c.date, c.dated_by_text = claims[-1].date, True
            if c.date is None and "raised_in" in c.extra:
                # "X has raised ... this week. The round was led by A": the raising dates the round
                raised = article.sentences[c.extra["raised_in"]]
                d = _nearest_date([x for x in dates if raised.start <= x.start < raised.end
                                   and x.role not in ("target", "range_end")
                                   # ("X, which Lin Wei set up in 2026, closed a round in January")
                                   and not _FOUNDED_BEFORE.search(text, max(raised.start, x.start - 50), x.start)],
                                  raised.start, raised.start,
                                  raised.end, exclude_decade=True)
                if d is not None:
                    c.date, c.dated_by_text = d.value, True
        if new and ("part" in sent.text or "participated" in sent.text or "contributed" in sent.text) \
                and (also := _ALSO_TOOK_PART.search(sent.text)) is not None:
            joined = [x for x in sm if sent.start + also.start() <= x.start < sent.start + also.end()]
            for c in (x for x in new if x.kind == "investment" and "investor" in x.parties.values()):
                # "A led a round in X, in which B also took part": B invested too
                for m in joined:
                    if m.name not in c.names:
                        c.names[m.name] = m.id
                        c.parties[m.id] = "investor"
        if claims and (ended := _VENTURE_ENDED.match(sent.text)) is not None:
            # "The venture was wound up in 2021": the joint venture just told ended then
            target = next((c for c in reversed(claims) if c.kind == "joint_venture" and c.status != "dissolved"
                           and sent.index - c.sentence <= 2 and c.end_date is None), None)
            if target is not None:
                sd = [d for d in dates if sent.start <= d.start < sent.end]
                d = _nearest_date(sd, sent.start + ended.end(), sent.start, sent.end, exclude_decade=True)
                target.status, target.end_date = "dissolved", d.value if d is not None else None
                target.evidence.append(_evidence(article, sent))
        claims += new
    if " -> " in text or " <-> " in text:
        claims += _tracker_entries(article, focus, dates)
        claims.sort(key=lambda c: c.sentence)
    claims = _fold_headline(article, _merge_in_article(claims, article.published))
    _infer_dates(article, claims, _signing_event(article, dates))
    out = []
    for n, c in enumerate(claims):
        if len(c.names) < 1 or c.extra.get("single"):
            continue
        out.append(
            DealClaim(
                id=f"{article.id}#deal-{n}",
                article=article.id,
                kind=c.kind,
                parties=tuple(PartyClaim(mention=mid, role=role) for mid, role in sorted(c.parties.items())),
                date=c.date,
                end_date=c.end_date,
                status=c.status,
                title=c.title,
                value=c.value,
                stake=c.stake,
                place=c.place,
                evidence=tuple(sorted(set(c.evidence), key=lambda e: (e.document, e.start))),
                rule=c.rule + (".generic" if c.spec <= 1 else ""),
            )
        )
    return tuple(out)


def _among(name: str, names: dict[str, str]) -> bool:
    """'Arden Kestrel' is among the parties 'Arden Kestrel Mining LLC' and 'JAC': by its
    name or as the short form of one."""
    return name in names or any(n.startswith(name + " ") for n in names)


def _name_host(target: _Claim, sent, sm: list[Mention], article: Article) -> bool:
    """'The investment was announced jointly with the State of Illinois': the host of a
    plant investment that named only the investor."""
    m = _JOINTLY_WITH.match(sent.text)
    if m is None:
        return False
    host = next((x for x in sm if x.start >= sent.start + m.end() and x.name not in target.names), None)
    if host is None:
        return False
    target.names[host.name] = host.id
    target.parties[host.id] = "party"
    target.extra.pop("single", None)
    target.evidence.append(_evidence(article, sent))
    return True


_PLANT_WORD = re.compile(r"\b(?:plant|factory|base|facility|production\sline)s?\b")
_AND_OBJECT = re.compile(r"\s?and\s(?:a|an|the)\s")  # a clause that is one more object of the verb before
_CONTINUED_KINDS = frozenset({"supply", "licensing", "contract_manufacturing"})


def _partner_from(claims: list[_Claim], names: dict, sentence: int) -> tuple[str, str] | None:
    """(name, mention id) of the other party of the latest deal, at most two sentences back,
    that ``names``' one party took part in (and that had exactly one other party)."""
    (only,) = names
    for c in reversed(claims):
        if sentence - c.sentence > 2:
            break
        others = [(n, mid) for n, mid in c.names.items() if n != only]
        if only in c.names and len(others) == 1:
            return others[0]
    return None


_RAISED = re.compile(r"\b(?:raised|raises|raising|secured|closed|completed)\b")


def _raiser(article: Article, focus: _Focus, sentence: int, exclude: frozenset[str]) -> Mention | None:
    """Who raised the money of a funding round told in this sentence or the one before: the
    organisation named before 'raised' there."""
    for i in (sentence, sentence - 1):
        if i < 0:
            continue
        s = article.sentences[i]
        m = _RAISED.search(s.text)
        if m is None:
            continue
        pos = s.start + m.start()
        found = next((o for o in reversed(focus.orgs) if o.sentence == i and o.end <= pos and o.name not in exclude), None)
        if found is not None:
            return found
    return None


def _name_investors(target: _Claim, sent, sm: list[Mention], article: Article) -> bool:
    """'The investors — A, B and C — will together hold 24%': name the investors of the
    investment just reported. Whoever was its agent only signed it, and stays a party.
    'A and B also took part': two more investors in the round just reported."""
    m = _BACKERS_NAMED.match(sent.text) or _SOME_OF_THEM.match(sent.text)
    if m is None:
        joined = _ALSO_JOINED.search(sent.text) if "also" in sent.text or "among" in sent.text else None
        if joined is None:
            return False
        # "A and B also invested, as did C": C too
        upto = sent.start + (len(sent.text) if _AS_DID.match(sent.text, joined.end()) else joined.start())
        named = [x for x in sm if x.start < upto and x.type in ("Company", "Fund", "Organization", "GovernmentBody")
                 and x.name not in target.names]
        if not named or "investor" not in target.parties.values():
            return False
        for x in named:
            target.names[x.name] = x.id
            target.parties[x.id] = "investor"
        target.evidence.append(_evidence(article, sent))
        return True
    stop = sent.text.find(m.group(1), m.end()) if m.group(1) in "—–" else -1
    end = sent.start + (stop if stop > 0 else len(sent.text))
    named = [x for x in sm if sent.start + m.end() <= x.start < end and x.name not in target.names]
    if ";" in sent.text[m.end() :]:
        # "A, the city's fund; B, the venture fund linked to the carmaker C; and D": one per item
        starts = [sent.start + m.end()] + [sent.start + i + 1 for i, ch in enumerate(sent.text) if ch == ";" and i >= m.end()]
        named = [x for x in (next((y for y in named if y.start >= a), None) for a in starts) if x is not None]
        named = list({x.name: x for x in named}.values())
    if not named:
        return False
    for mid, role in list(target.parties.items()):
        if role == "investor":
            target.parties[mid] = "party"
    for x in named:
        target.names[x.name] = x.id
        target.parties[x.id] = "investor"
    target.extra.pop("single", None)
    target.evidence.append(_evidence(article, sent))
    return True


# "The stake is being sold by X", "Of that stake, 20% comes from X", "The seller is X":
# the seller of the stake just reported, named after it
_SELLER_NAMED = re.compile(
    r"(?:(?:The|That|This|Its|Their)\s(?:[\w-]+\s)?(?:stake|shares|holding|interest)\s(?:is|are|was|were|will\sbe|has\sbeen|had\sbeen)"
    r"\s(?:being\s)?(?:sold|offered|transferred)\sby"
    r"|Of\s(?:that|the|this)\s(?:[\w-]+\s)?(?:stake|holding|interest),\s[\d.]+\s?(?:%|percent|per\scent)\s(?:is|are|was|were|will)"
    r"\s(?:be\s)?(?:coming|come|bought|acquired|purchased)\sfrom"
    # "Thirty of the 49 percentage points come from Z": part of the stake is Z's
    r"|(?:[\w.-]+\s)of\sthe\s[\d.]+\s(?:percentage\spoints|points|per\scent|percent|%)\s(?:come|comes|came|are\scoming|will\scome)\sfrom"
    r"|The\s(?:sellers?|vendors?)\s(?:is|are|was|were)(?:\sthe\s[\w-]+)?)\s(?:the\s[\w-]+\s)?")


def _name_seller(target: _Claim, sent, sm: list[Mention], article: Article) -> None:
    """'X will buy 60% of Y. The stake is being sold by Z': Z sells it."""
    m = _SELLER_NAMED.match(sent.text)
    at = m and sent.start + m.end()
    seller = m and next((x for x in sm if x.start == at), None)
    if seller is None or seller.name in target.names or _REALITY.get(target.status) \
            or "seller" in target.parties.values():
        return
    target.names[seller.name] = seller.id
    target.parties[seller.id] = "seller"
    target.evidence.append(_evidence(article, sent))


def _mark_undone(undone: re.Match[str], sent, previous: list[_Claim], article: Article) -> bool:
    """'The venture was never established.' / 'The plan was dropped the following year.':
    the deal just reported did not happen (or ended). Returns whether a deal was marked."""
    noun = (undone.group("noun") or undone.group("noun2") or undone.group("noun3")).lower()
    target = next((c for c in reversed(previous) if sent.index - c.sentence <= 1
                   and (noun != "venture" or c.kind == "joint_venture")), None)
    if target is None:
        return False
    target.status = "dissolved" if re.search(r"terminat|dissolv|wound", undone.group(), re.I) else "cancelled"
    target.evidence.append(_evidence(article, sent))
    return True


# "Deliveries began in May.": the supply just told is under way
_GOODS_FLOWING = re.compile(r"(?:The\s)?(?:[Ff]irst\s)?(?:[Ss]hipments|[Dd]eliveries|[Ss]upplies|[Ss]upply)\s"
                            r"(?:started|began|(?:have|has)\s(?:started|begun))\b")
# "The licence lapsed in 2024", "when it expired last spring, ...": the deal just told has ended
_EXPIRED = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Ii]ts)\s(?:[\w-]+\s)?(?:licen[cs]e|contract|agreement|deal)\s(?:expired|lapsed|ran\sout)\b"
                      r"|\bwhen\s(?:it|the\s(?:[\w-]+\s)?(?:licen[cs]e|contract|agreement|deal))\s(?:expired|lapsed|ran\sout)\b")
_TERM_KINDS = frozenset({"licensing", "supply", "contract_manufacturing", "other"})


def _goes_on_or_ends(sent, previous: list[_Claim], article: Article, dates: list[DateMatch]) -> None:
    """A sentence right after a deal that tells the goods flowing or the term ended, and
    names no one new: that deal is under way, or completed (the date of its end)."""
    target = previous[-1]
    if sent.index - target.sentence > 1 or target.kind not in _TERM_KINDS or _REALITY.get(target.status):
        return
    if target.kind == "supply" and target.status in ("signed", "announced") and _GOODS_FLOWING.match(sent.text):
        target.status = "ongoing"
        target.evidence.append(_evidence(article, sent))
        return
    ended = _EXPIRED.search(sent.text)
    if ended is not None and target.end_date is None:
        at = sent.start + ended.end()
        end = next((x for x in dates if at <= x.start < min(sent.end, at + 30) and x.role == "event"
                    and x.value.precision not in ("decade", "unknown")), None)
        target.status = "completed"
        if end is not None:
            target.end_date = end.value
        target.evidence.append(_evidence(article, sent))


_BUYING_WORDS = "bought|buys|buying|purchased|purchases"
_BUYING = f"(?:{_BUYING_WORDS})"
# "bought 40 of them", "buys Kestrel calipers": goods bought, by number or by their maker's name
_BOUGHT_GOODS = re.compile(
    _BUYING + r"\s(?:"
    r"(?:(?:about|around|some|nearly|more\sthan)\s)?(?:\d[\d,.]*|dozens|hundreds|thousands|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|twenty|fifty)\s(?!%|percent|per\scent|million|billion|shares|stakes?\b)"
    r"|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?\s(?!(?:stakes?|shares|assets|units?|plants?|operations|business(?:es)?|"
    r"interests?|holdings?|divisions?|subsidiaries)\b)[a-z][\w-]*s\b"
    # "has bought axle frames from Y", "buys its pumps from Y": goods named in lower case, from a maker
    r"|(?:(?:its|their|our)\s)?(?!(?:the|a|an|stakes?|shares|assets|units?|plants?|factory|factories|operations|business(?:es)?|"
    r"interests?|holdings?|divisions?|subsidiar(?:y|ies)|company|companies|firms?|brands?|rights|land|sites?|equity|"
    r"control|half|rest|remainder|out|back|into)\b)[a-z][\w-]*(?:\s[a-z][\w-]*){0,2}\sfrom\s)")


# "The joint venture that Kestrel and Orla Pumps (of Arden) set up in 2014 was dissolved"
_VENTURE_THAT = re.compile(r"\s(?:that|which)\s([^;]{3,120}?)\s(?:had\s)?(?:set\sup|formed|established|founded|created)\b"
                           r"(?:\s(?:in|on)\s[^,;]{3,30}?)?(?=\s(?:was|were|has\sbeen|had\sbeen)\s)")


# "Rioni, a Kutaisi company ..., will assemble", "Under that agreement Baiying will cast,
# machine and assemble": the subject, up to its verb of making
_WILL_MAKE = re.compile(r"(?:’s|'s)?(?:,\s[^;]{0,120}?,)?\s(?:will|would|shall|is\sto)\s(?:also\s)?(?:[a-z]+,?\s(?:and\s)?){0,3}?"
                        r"(?:assemble|build|make|produce|manufacture|cast)\b")


# what is taken over is a thing the sentence does not name: "took over a former tractor works in 2021,"
_UNNAMED_THING = re.compile(r"\s(?:a|an)\s(?:[a-z][\w-]*\s){0,3}?[a-z][\w-]*(?=[,.;]|\s(?:in|on)\s\d)")


_PURPOSE_BEFORE = re.compile(rf"{_IN_ORDER}\s(?:to\s)?")
_FOR_SUPPLY_OF = re.compile(r"(?:\s(?:agreement|contract))?\s(?:for|covering)\s(?:the\s)?(?:supply|delivery|deliveries|purchase)\sof\b")


def _maker_told(claims: list[_Claim], sent, sm: list[Mention], text: str) -> None:
    """'A and B signed a contract-assembly deal. B ... will assemble A's pickups': the one
    the next sentence says will make the goods is the manufacturer of the deal just told."""
    c = next((c for c in reversed(claims) if sent.index - c.sentence <= 2), None)
    if c is None or c.kind != "contract_manufacturing" or len(c.names) != 2 or c.sentence == sent.index:
        return
    subject = next((m for m in sm if m.name in c.names), None)
    if subject is None or not _WILL_MAKE.match(text, subject.end):
        return
    for name, mid in c.names.items():
        c.parties[mid] = "manufacturer" if name == subject.name else "client"


def _signed_alongside(article: Article, sent, along: re.Match[str], claims: list[_Claim]) -> list[_Claim]:
    """'A supply contract for the control units was signed alongside the licence': a deal of
    another kind between the parties of the one referred to, signed with it. Whoever acts in
    that deal (the licensor, the supplier) acts in this one too."""
    kinds = [(_TRIGGERS[i][1], _TRIGGERS[i][2]) for start, _end, i in _find_triggers(sent.text) if start < along.start()]
    kind, spec = next(((k, sp) for k, sp in kinds if k in _AGENT_ROLES), (None, 0))
    ref = next((c for c in reversed(claims) if c.kind in _AGENT_ROLES and len(c.names) == 2
                and sent.index - c.sentence <= 4), None)
    if kind is None or ref is None or ref.kind == kind:
        return []
    agent_role, patient_role = _AGENT_ROLES[kind]
    ref_agent = _AGENT_ROLES[ref.kind][0]
    parties = {mid: agent_role if r == ref_agent else patient_role for mid, r in ref.parties.items()}
    if sorted(parties.values()) != sorted((agent_role, patient_role)):
        return []
    return [_Claim(kind=kind, spec=spec, parties=parties, names=dict(ref.names), date=ref.date, end_date=None,
                   status="signed", title=None, value=None, stake=None, place=ref.place,
                   evidence=[_evidence(article, sent)], sentence=sent.index, rule=f"deal.{kind}.signed_alongside.v1",
                   finite_sign=True, dated_by_text=ref.dated_by_text)]


def _venture_told_in(article: Article, sent, trigger: "_Trigger", sm: list[Mention],
                     sd: list[DateMatch]) -> _Claim | None:
    """A joint venture first told where it ends: its founders are named in the relative
    clause after "the joint venture", which also dates its founding."""
    m = _VENTURE_THAT.match(article.text, trigger.end, sent.end)
    if m is None:
        return None
    founders = [x for x in sm if m.start(1) <= x.start < m.end(1) and x.type in ("Company", "Organization", "Fund")]
    names = {x.name: x.id for x in reversed(founders)}
    if len(names) < 2:
        return None
    founded = next((x for x in sd if m.start(1) <= x.start < m.end() and x.role == "event"), None)
    return _venture_founded(article, sent, names, founded)


def _venture_founded(article: Article, sent, names: dict[str, str], founded: DateMatch | None) -> _Claim:
    """The joint venture of ``names`` that a sentence about its end tells was founded (then)."""
    return _Claim(kind="joint_venture", spec=3, parties={mid: "party" for mid in names.values()},
                  names=names, date=founded.value if founded else None, end_date=None, status="signed",
                  title=None, value=None, stake=None, place=None, evidence=[_evidence(article, sent)],
                  sentence=sent.index, rule="deal.joint_venture.v1", dated_by_text=founded is not None)


_POST_BEFORE = re.compile(r"\b(?:president|director|head|chief|officer|manager|VP)\s(?:of|for)\s(?:[\w-]+\s){0,3}$", re.I)


_PARTS_BUILT = re.compile(
    r"(?:build|builds|building|make|makes|making|manufactur\w+|produc\w+)\s(?:the\s|its\s|their\s)?(?:[\w-]+\s){0,3}?"
    + _PARTS_NOUNS + r"\s(?:[\w-]+\s){0,3}?for\b", re.I)
_UNDER_LICENCE = re.compile(r"\bunder\s(?:the|its|a|this)\s(?:[\w-]+\s){0,2}licen[cs]e\b(?:\sagreement)?,?\s(?:which|that)\s(?:was|were)\ssigned\b")
_TO_JOINT_BODY = re.compile(r"\b(?:provided|supplied|contributed|given|lent)\sto\sthe\s(?:joint\s|new\s)?(?:laboratory|lab|institute|centre|center)\b")
_COOPERATION_TO = re.compile(r"\b(?:cooperation|collaboration|research|partnership|development)\s(?:agreement|deal|pact)\sto\s$")
_IN_WHICH = re.compile(r"\b(?:in|of)\swhich\b")


# "A and B have wound up the joint venture they formed in Ningguo in 2016"
# (the relative clause may name the place first: "they set up in Groningen, the Netherlands, in 2025")
_THEY_FORMED = re.compile(r"\s(?:that\s|which\s)?(?:they|the\stwo(?:\s[\w-]+)?)\s(?:had\s)?(?:set\sup|formed|established|founded|created)\b"
                          r"(?P<when>[^;.]{0,60})")


def _venture_they_formed(article: Article, sent, trigger: "_Trigger", sm: list[Mention],
                         sd: list[DateMatch]) -> _Claim | None:
    """A joint venture first told where its founders, the sentence's subjects, end it: "A
    and B have wound up the joint venture they formed in 2016"; the relative clause dates it."""
    m = _THEY_FORMED.match(article.text, trigger.end, sent.end)
    if m is None or not _DISSOLVE.search(article.text[sent.start : trigger.start]):
        return None
    founders = [x for x in sm if sent.start <= x.start < trigger.start and x.type in ("Company", "Organization", "Fund")]
    names = {x.name: x.id for x in reversed(founders)}
    if len(names) < 2:
        return None
    founded = next((x for x in sd if m.start("when") <= x.start < m.end("when") and x.role == "event"), None)
    return _venture_founded(article, sent, names, founded)


def _sentence_claims(article, sent, sm, sd, focus: _Focus, previous: list[_Claim], places: list[Mention],
                     lead: DateMatch | None = None, found: frozenset[str] | None = None) -> list[_Claim]:
    text = article.text
    base = sent.start
    triggers: list[_Trigger] = []
    named_venture: list[_Trigger] = []  # "the Joint Venture" as the defined name of a company
    for start, end, index in _find_triggers(sent.text, found):
        _, kind, spec = _TRIGGERS[index]
        if kind == "joint_venture" and sent.text[max(0, start - 9) : start].endswith(("to the ", "for the ", "from the ")) \
                and any(x.start <= base + start < x.end and x.name != text[x.start : x.end]
                        and LEGAL_END.search(x.name) for x in sm):
            # ("to the Joint Venture": the venture company as the other side of another deal)
            named_venture.append(_Trigger(base + start, base + end, kind, spec, False))
        before = sent.text[max(0, start - 40) : start]
        after = sent.text[end : end + 40]
        if any(x.start <= base + start < x.end and text[x.start : x.end] not in _DEFINED_VENTURE for x in sm):
            continue  # "... Mobility Alliance", "... Joint Venture Co.": part of a name
        if _GENERIC_SUBJECT.search(before):
            continue  # "a carmaker can source chips from A, displays from B": nobody in particular
        if start <= 16 and _PURPOSE_BEFORE.fullmatch(sent.text, 0, start):
            continue  # "In order to supply X from China, ...": the purpose of the deal told next
        if spec <= 1 and _POST_BEFORE.search(before):
            continue  # "Lin, its vice president for technology partnerships": a post, not a deal
        if kind == "licensing" and sent.text.startswith(("licensed ", "licenced "), start) \
                and before.endswith((" on ", " of ", "the ", " a ", " its ", " their ")):
            continue  # "we rely on licensed software", "kits for the licensed truck": what is used, not a licence granted
        if kind == "contract_manufacturing" and _COOPERATION_TO.search(before):
            continue  # "a research cooperation agreement to build speech datasets": what the cooperation is for
        if kind == "contract_manufacturing" and _LICENCE_TO.search(before):
            continue  # "grants Y a licence to manufacture its stack": the licence is the deal
        if kind == "supply" and sent.text.startswith(("sold ", "sell"), start) and sent.text.endswith(" to", start, end) \
                and sent.text[end + 1 : end + 2].islower() and not sent.text.startswith(("the ", "its ", "their "), end + 1):
            # (the trigger patterns ignore case, so the capital of a name is checked here)
            continue  # "has sold most of its output to makers of circuit boards": to nobody named
        if kind == "supply" and _TO_JOINT_BODY.search(sent.text):
            continue  # "Equipment is being provided to the laboratory by X": what a partner brings to a joint lab
        if kind == "contract_manufacturing" and _PARTS_BUILT.match(sent.text, start) is not None:
            # "will build the complete front seats for two Y models": parts for a carmaker are supplied
            triggers.append(_Trigger(base + start, base + end, "supply", 3, False))
            continue
        if kind == "joint_venture" and _STAKE_IN_BEFORE.search(before):
            continue  # "sold its 40% stake in a Hefei chassis joint venture to X": what is sold
        if kind in ("contract_manufacturing", "supply") and _WHICH_BEFORE.search(before) \
                and not any(x.start >= base + end for x in sm) and not sent.text.startswith("ordered", start):
            # (but "Y, which ordered 120 trucks in May": an order is an event, not what Y does)
            continue  # "acquired X, which builds robotic cells for foundries": what X does, for nobody named
        if kind == "acquisition" and (goods := _BOUGHT_GOODS.match(sent.text, start)) is not None:
            # "has bought Kestrel calipers for years", "bought 40 of them": goods, not a company
            triggers.append(_Trigger(base + start, base + goods.end(), "supply", 3, False))
            continue
        if kind == "acquisition" and _UNNAMED_THING.match(after):
            continue  # "a Kutaisi company that took over a former tractor works in 2021": no party bought
        # (searched once, used twice; "has signed up X to its battery-swap alliance": X joins
        # the alliance, a deal of its own)
        referring = _ANAPHORIC_DEAL.search(before) is not None and not (
            kind in _MEMBERSHIP_KINDS and _JOINS_BEFORE.search(sent.text, max(0, start - 100), start))
        if referring and _RENAMED.match(after):
            triggers.append(_Trigger(base + start, base + end, kind, spec, True))
            continue  # "The joint venture formerly known as X was renamed Y"
        # "The Ningguo company bought ...": before a verb, "the ..." is its subject, not a deal
        anaphoric = referring and not _PAST_VERB.match(sent.text, start, end) and not _PARTNER_AFTER.match(after) and (
               # (its signatories are not its parties: "The licence agreement was signed in Hefei
               # on Friday by Jean-Luc Wagener ... and Nie Defu")
               not any(base + end <= x.start < base + end + 60 and x.type != "Person" for x in sm)
               or (_DESCRIBED_BEFORE.search(before) is not None  # ", the X-led alliance whose ..."
                   and _DEAL_NOUN.search(sent.text, start, end) is not None)
               or _TALKS_ABOUT.match(after) is not None  # "The deal brings X into Y's backyard"
               or _UNDER_THE_DEAL.search(before) is not None  # "Under the agreement, X will open ..."
               # "The Joint Venture will install X's machines ...": the venture at work, told before
               or (kind == "joint_venture" and start <= 4 and _VENTURE_AT_WORK.match(after) is not None))
        triggers.append(_Trigger(base + start, base + end, kind, spec, anaphoric))
    if named_venture and any(t.kind != "joint_venture" for t in triggers):
        # "the Company will license its design to the Joint Venture": a licence to the venture
        # company, which the sentence names by its defined term
        triggers = [t for t in triggers if (t.start, t.end) not in {(v.start, v.end) for v in named_venture}]
    if not triggers:
        return []

    # A dissolution of "the joint venture": end the article's latest matching deal.
    if _DISSOLVE.search(sent.text):
        for t in triggers:
            if t.kind != "joint_venture":
                continue
            target = _venture_told_in(article, sent, t, sm, sd) or _venture_they_formed(article, sent, t, sm, sd)
            ends = sd
            if target is not None:
                # (the end told after the venture, else before it: "signed an agreement on 22
                # October to dissolve the joint venture they set up in 2025")
                ends = [x for x in sd if x.start > t.end and x.value != target.date] \
                    or [x for x in sd if x.start < t.start and x.value != target.date]
                # (a deal told before with the same founders is the same venture)
                target = next((c for c in reversed(previous) if c.kind == "joint_venture"
                               and c.party_names == target.party_names), None) or target
                if target not in previous:
                    previous.append(target)
            elif t.anaphoric:
                target = next((c for c in reversed(previous) if c.kind == "joint_venture"), None)
            if target is not None:
                d = _nearest_date(ends, t.start, base, sent.end, exclude_decade=True)
                if d is not None:
                    target.end_date = d.value
                target.status = "dissolved"
                if target.evidence[-1] != _evidence(article, sent):
                    target.evidence.append(_evidence(article, sent))
        return []

    party_starts = {m.start - base for m in sm}
    clauses = _clauses(sent.text, party_starts)
    live = [t for t in triggers if not t.anaphoric]
    if not live:
        return []

    def clause_of(pos: int) -> int:
        for i, (a, b) in enumerate(clauses):
            if base + a <= pos < base + b:
                return i
        return len(clauses) - 1

    # "Kestrel, founded in Hefei in 2019, supplies ...": a date that describes a party dates no deal
    # ("will supply controllers from the fourth quarter": when deliveries start, not the deal)
    deal_dates = [x for x in sd if not _FOUNDED_BEFORE.search(text, max(base, x.start - 40), x.start)
                  and not _FROM_DATE_BEFORE.search(text, max(base, x.start - 12), x.start)
                  and not (" been " in sent.text and _STATE_SINCE_BEFORE.search(text, max(base, x.start - 100), x.start))]
    by_clause: dict[int, list[_Trigger]] = {}
    for t in live:
        by_clause.setdefault(clause_of(t.start), []).append(t)

    out: list[_Claim] = []
    for ci, ts in sorted(by_clause.items()):
        a, b = clauses[ci]
        cstart, cend = base + a, base + b
        if len(ts) > 1 and ", wh" in text[cstart:cend]:
            # "Lumen, which holds 9.8% of the Company's shares, buys forgings from it": the
            # aside describes a party; the clause's own verb tells the deal
            asides = [(cstart + r.start(), cstart + r.end()) for r in _RELATIVE_ASIDE.finditer(text[cstart:cend])]
            outside = [t for t in ts if not any(x <= t.start < y for x, y in asides)]
            ts = outside or ts
        best = max(ts, key=lambda t: (t.spec, -t.start))
        if best.kind == "framework_agreement" and text[max(cstart, best.start - 7) : best.start].lower() == "supply ":
            # "a Copper Rod Supply Framework Agreement, under which X will supply rod to Y": a supply
            best = next((t for t in ts if t.kind == "supply" and t.start > best.end), best)
        # "X and Y signed a memorandum on a possible joint venture": the memorandum was
        # signed (a deal of its own); what it foresees was not
        mou = None if best.kind == "framework_agreement" else next(
            (t for t in ts if t.kind == "framework_agreement" and t.start < best.start
             and _SIGNED_JUST_BEFORE.search(text, cstart, t.start)), None)
        rest = text[best.end : cend]
        if best.spec <= 1 and ("on " in rest or "for " in rest or "to " in rest):
            topic = _TOPIC.search(text, best.end, cend)
            if topic is not None:  # "works with X on driver-assistance chips"
                kind = "chip_collaboration" if topic.group(1) else "battery_swap_alliance"
                best = _Trigger(best.start, best.end, kind, 6, False)
        if best.spec <= 1 and text.startswith("develop", best.end - 7) and _CHIP_MADE.match(text, best.end, cend):
            best = _Trigger(best.start, best.end, "chip_collaboration", 6, False)  # "agreed to develop a chip with X"
        if best.kind == "framework_agreement" and _FOR_SUPPLY_OF.match(text, best.end):
            # "signed a framework agreement for the supply of door handles": a supply, framed
            best = _Trigger(best.start, best.end, "supply", 3, best.anaphoric)
        owners = next((t for t in ts if t.kind == "joint_venture" and _VENTURE_OF.match(text, t.end)), None)
        if owners is not None and best.kind == "joint_venture":
            best = owners  # "X was set up in 2015 as a joint venture of A and B"
        # distribution: "partnered with Hyundai for technology transfer, Nio for EV production, ..."
        dist = _distribution(article, sent, sm, cstart, cend, focus)
        if dist:
            out += dist
            continue
        if best.kind == "supply" and _SAMPLES.search(text, best.start, best.end):
            continue  # "had delivered sample knuckles to X": a trial, no order
        parties = _parties(article, sent, sm, cstart, cend, best, focus, previous + out, clauses, by_clause, ci)
        if parties is None:
            continue
        names, roles = parties
        if len(names) > 2:
            # "would move its business into a new company, later named X": X is what the
            # deal makes, not one who signs it; so is "the Joint Venture" a venture's owners hold
            made = {m.name for m in sm if cstart <= m.start < cend and m.name in names
                    and (_NAMED_LATER.search(text, max(cstart, m.start - 30), m.start)
                         or (best.kind == "joint_venture" and text[m.start : m.end] in _DEFINED_VENTURE))}
            if made and len(names) - len(made) >= 2:
                names = {n: v for n, v in names.items() if n not in made}
                roles = {n: r for n, r in roles.items() if n not in made}
        if best.kind == "joint_venture" and _FOUNDING.match(text[best.start : best.end]):
            # "A and B formed X": a venture only when two founders come before the verb;
            # what they formed is the venture itself, not a party
            # (but not its owners: "set up X, a joint venture in which A holds 55%")
            owned = _IN_WHICH.search(text, best.end, cend)
            formed = {m.name for m in sm if best.end <= m.start < (owned.start() if owned else cend)} - {
                m.name for m in sm if cstart <= m.start < best.start}
            founders = {n: v for n, v in names.items() if n not in formed}
            if len(founders) < 2:
                continue
            names = founders
        if best.kind == "joint_venture" and len(names) >= 3:
            # "our joint venture with Kestrel Lumen Polymer, Huainan Orla Lumen Foam Co., Ltd.":
            # a name made of words of two other parties' names is the venture they formed
            words = {n: set(_NAME_WORD.findall(n)) - _COMMON_NAME_WORDS for n in names}
            made = {n for n in names if sum(1 for o in names if o != n and words[n] & words[o]) >= 2}
            if made and len(names) - len(made) >= 2:
                names = {n: v for n, v in names.items() if n not in made}
                roles = {n: r for n, r in roles.items() if n not in made}
        if best.kind == "joint_venture" and len(names) >= 2:
            # "A and B will establish X (the "Joint Venture")": X, just after the verb, is the
            # venture; "the Company and B will establish X": the Company is the other founder
            for v in _ESTABLISH.finditer(text, cstart, cend):
                made = next((m for m in sm if v.end() <= m.start <= v.end() + 1 and m.name in names), None)
                if made is None:
                    continue
                rest = {n: x for n, x in names.items() if n != made.name}
                if len(rest) < 2:
                    an = next((a for a in _ANAPHOR_SUBJ.finditer(text, cstart, v.start())
                               if not _GOVERNED.search(text, cstart, a.start())), None)
                    f = focus.at(sent.index, exclude=frozenset(names), hint=_hint(an.group())) if an else None
                    if f is not None:
                        rest = {f.name: (f.id, "party"), **rest}
                if len(rest) >= 2:
                    names, roles = rest, {n: r for n, r in roles.items() if n in rest}
                break
        if best is owners:
            # the owners are named after "of"; X, before the trigger, is the venture itself
            at = {m.name: m.start for m in sm if cstart <= m.start < cend}
            named = {n: v for n, v in names.items() if at.get(n, -1) > best.end}
            if len(named) >= 2:
                names, roles = named, {n: r for n, r in roles.items() if n in named}
        clause_text = text[cstart:cend]
        governments = focus.government_names
        if best.spec <= 1 and len(names) == 2 and len(governments.intersection(names)) == 1 \
                and _PLANT_WORD.search(clause_text):
            # "a vehicle plant under an agreement with the city government": a company's plant
            # agreed with its host is an investment
            best = _Trigger(best.start, best.end, "investment", 2, best.anaphoric)
            roles = {n: "party" if n in governments else "investor" for n in names}
        # "X will invest $2 billion to build a plant in ...": a deal once its host is named
        single = len(names) == 1 and best.kind == "investment" and _PLANT_INVEST.search(clause_text) is not None
        # "A group of investors agreed to buy shares in X. They included A, B and C.": X awaits its investors
        raised_in = (len(names) == 1 and best.kind == "investment" and not single
                     and (_INVESTORS_BUY.search(clause_text) is not None
                          or re.match(r"(?:rais|receiv|secur)", text[best.start : best.end], re.I) is not None))
        single = single or raised_in
        named_here = {m.name for m in sm if cstart <= m.start < cend}.intersection(names)
        if len(named_here) == 1 and not single and out and out[-1].sentence == sent.index \
                and _AND_OBJECT.match(text, cstart):
            # "it has signed a supply agreement with Y and an investment agreement with Z": the
            # second object shares the subject of the first (whoever else was guessed for it)
            last = out[-1]
            agent_of = _AGENT_ROLES.get(last.kind, ("",))[0]
            subject = next((n for n, mid in last.names.items() if last.parties.get(mid) == agent_of), next(iter(last.names)))
            if subject not in names:
                (only,) = named_here
                names = {subject: (last.names[subject], "party"), only: names[only]}
                if best.kind in _AGENT_ROLES:
                    agent_role, patient_role = _AGENT_ROLES[best.kind]
                    roles = {subject: agent_role, only: "party" if only in governments else patient_role}
                else:
                    roles = {}
        if len(names) == 1 and not single and best.kind in _CONTINUED_KINDS:
            # "X signed an agreement with Y to assemble cars ... X will supply the kits": the
            # other side of the deal just told about X, in this sentence or the two before
            partner = _partner_from(previous + out, names, sent.index)
            if partner is not None:
                (only,) = names
                at = next((m.start for m in sm if m.name == only and cstart <= m.start < cend), cstart)
                agent_role, patient_role = _AGENT_ROLES[best.kind]
                first = at < best.start  # "X will supply": X acts; "supplied to X": X is served
                roles = {only: agent_role if first else patient_role, partner[0]: patient_role if first else agent_role}
                names = {**names, partner[0]: (partner[1], "party")}
        # "X raised ... The round was led by A.": A alone is the investor of X's round
        round_lead = (len(names) == 1 and not single and best.kind == "investment" and "round" in clause_text
                      and _raiser(article, focus, sent.index, exclude=frozenset(names)) is not None)
        if len(names) < 2 and not single and not round_lead:
            continue
        csd = sd if best.kind == "joint_venture" else deal_dates
        d = _nearest_date(csd, best.start, base, sent.end, clause=(cstart, cend), exclude_decade=True)
        if d is not None and "since" in text[max(cstart, d.start - 40) : d.start].lower():
            # "Since deliveries began in 2018, X has built Y's cars under an arrangement first
            # agreed in 2016": the date of the agreement, not of the 'since' clause, starts the deal
            agreed = next((x for x in csd if cstart <= x.start < cend and x is not d
                           and x.value.precision not in ("decade", "unknown")
                           and _AGREED_BEFORE.search(text, max(cstart, x.start - 60), x.start)), None)
            d = agreed or d
        if d is not None and d.start - base < _DATELINE_REACH and _DATELINE_AFTER.match(text, d.end) is not None:
            # "HEFEI, Aug 19 (Kestrel) - X will supply ... under a contract signed on Monday":
            # the dateline is the report's day; the day the clause says it was signed wins
            signed_on = next((x for x in csd if cstart <= x.start < cend and x is not d and x.role == "event"
                              and x.value.precision not in ("decade", "unknown")
                              and _AGREED_BEFORE.search(text, max(cstart, x.start - 60), x.start)), None)
            d = signed_on or d
        if d is None and (signed := _THE_DEAL_SIGNED.match(sent.text)) is not None:
            # "The licence agreement bears the signatures of A, ..., and B, ..., and was
            # finalised in Lajeado on April 19": the date after the signing, past the clauses
            d = next((x for x in csd if x.start >= sent.start + signed.end() and x.role == "event"
                      and x.value.precision not in ("decade", "unknown")), None)
        later = re.search(r"\b(?:later|subsequently|afterwards|eventually|since then)\b", text[cstart:cend])
        if d is None and ci > 0 and not later and not _PREDICATE_LIST.match(text, cstart):
            # "came in 2007, when it and X founded ...": the date of the clause before
            pa, pb = clauses[ci - 1]
            d = _nearest_date(csd, best.start, base, sent.end, clause=(base + pa, base + pb), exclude_decade=True)
        if d is None and not later:
            d = _sentence_initial_date(csd, sent) or (lead if ci == 0 else None)
        # "X will supply ... to Y, the company said on Tuesday": the day of the report
        # "HEFEI, Aug 19 (Kestrel) - X will supply ...": the dateline's day, also a report's
        reported = d is not None and (_REPORTED_ON.search(text, max(cstart, d.start - 30), d.start) is not None
                                      or (d.start - base < _DATELINE_REACH and _DATELINE_AFTER.match(text, d.end) is not None))
        end_d = None
        start_d = d.value if d is not None else None
        if d is not None and (d.role == "range_end" or _END_CUE.search(text[max(0, d.start - 14) : d.start])):
            end_d, start_d = d.value, None
        if d is not None and d.role == "range_start":
            other = next((x for x in csd if x.role == "range_end" and x.start > d.start), None)
            if other is not None:
                end_d = other.value
        if d is not None and d.role in ("target", "as_of"):
            start_d = None
        status = _status(sent.text, clause_text, best,
                         best.kind == "framework_agreement" and _SIGNED_JUST_BEFORE.search(text, cstart, best.start) is not None)
        if d is not None and end_d is None and best.kind in _TERM_KINDS \
                and (kept := _KEPT_UNTIL.search(text, cstart, cend)) is not None:
            # "ordered liners from X in 2016 and kept buying them until the model went out of
            # production in 2023": the deal ran until then
            until = next((x for x in csd if kept.end() <= x.start < cend and x.role == "event"
                          and x.value.earliest > d.value.latest), None)
            if until is not None:
                end_d = until.value
                if status not in _REALITY and status != "dissolved":
                    status = "completed"
        if status == "completed" and best.kind == "licensing" and end_d is None:
            status = "ongoing"  # "licensed a process from X": a licence taken runs on until the text ends it
        pub = article.published
        # "signed in the mid-2000s": the text dates it, only too coarsely to keep; not the article date
        decade_said = any(cstart <= x.start < cend and x.value.precision == "decade" for x in csd)
        if start_d is None and end_d is None and pub is not None and status not in _REALITY and not decade_said and (
            (_PERFECT.search(clause_text) and _FINITE_SIGN.search(clause_text))
            or (pub.precision == "day" and _NEWS_VERB.search(sent.text))
        ):
            start_d = pub.model_copy(update={"origin": "inferred"})
        claim = _Claim(
            kind=best.kind,
            spec=best.spec,
            parties={},
            names={},
            date=start_d,
            end_date=end_d,
            status=status,
            title=_title_in(sent.text) if best.kind in ("framework_agreement", "strategic_cooperation", "joint_venture", "supply", "licensing") else None,
            value=money_in(text[best.start : cend]) or money_in(clause_text),
            stake=_stake_in(clause_text),
            place=_place(places, cstart, cend, text),
            evidence=[_evidence(article, sent)],
            sentence=sent.index,
            rule=f"deal.{best.kind}.v1",
            finite_sign=bool(_FINITE_SIGN.search(clause_text)) and not re.search(r"\bsigning\b", clause_text[: best.start - cstart]),
            perfect=bool(_PERFECT.search(sent.text)),
            dated_by_text=d is not None,
        )
        if reported:
            claim.extra["reported"] = True
        for name, (mid, role) in names.items():
            claim.names[name] = mid
            claim.parties[mid] = (("investee" if raised_in else "investor") if single else
                                  "investor" if round_lead else roles.get(name, role))
        if best.kind == "acquisition" and not single:
            _company_taken_over(claim, text, best, focus.orgs, cend)
        if single:
            claim.extra["single"] = True
        if best.kind == "investment" and "round" in clause_text:
            # "X raised $64 million in a Series B round. The round was led by A and B": X is the
            # investee (found here, or already as "the company" A will hold 10% of)
            investees = {n for n, mid in claim.names.items() if claim.parties[mid] == "investee"}
            raiser = _raiser(article, focus, sent.index, exclude=frozenset(claim.names) - investees)
            if raiser is not None and (raiser.name in investees or all(r == "investor" for r in claim.parties.values())):
                claim.names.setdefault(raiser.name, raiser.id)
                claim.parties[claim.names[raiser.name]] = "investee"
                if raiser.sentence != sent.index:
                    # the sentence that says the money was raised tells of the same round
                    claim.evidence.append(_evidence(article, article.sentences[raiser.sentence]))
                    claim.extra["raised_in"] = raiser.sentence
        plural = bool(re.search(r"(?:ventures|agreements|partnerships|deals|alliances|contracts)$", text[best.start : best.end], re.I))
        agents = [n for n, r in claim.parties.items() if r == _AGENT_ROLES.get(best.kind, ("",))[0]]
        one_to_many = best.kind in ("supply", "licensing", "contract_manufacturing") and len(agents) == 1
        listed = best.spec <= 2 and re.search(r"\b(?:including|such as|among them)\b", text[best.end : cend]) is not None
        if mou is not None and claim.status in ("planned", "hypothetical"):
            out.append(replace(claim, kind="framework_agreement", spec=mou.spec, status="signed",
                               parties={mid: "party" for mid in claim.parties}, names=dict(claim.names),
                               evidence=list(claim.evidence), extra={"memorandum": True},
                               rule="deal.framework_agreement.v1", stake=None))
        other = _paired_agreement(text, ts, best)
        if other is not None and len(claim.names) == 2:
            # "a Patent Licence Agreement and a Parts Supply Agreement were signed between A
            # and B": two deals of the same parties, day and standing; each role keeps its side
            sides = dict(zip(_AGENT_ROLES.get(best.kind, ("party", "party")), _AGENT_ROLES.get(other.kind, ("party", "party"))))
            out.append(replace(claim, kind=other.kind, spec=other.spec, rule=f"deal.{other.kind}.v1",
                               parties={mid: sides.get(r, "party") for mid, r in claim.parties.items()},
                               names=dict(claim.names), evidence=list(claim.evidence), extra=dict(claim.extra),
                               title=None, stake=None, value=None))
        # "A and B joined a battery-swap alliance with C": one alliance of the three
        before = [m for m in sm if cstart <= m.start < best.start and m.name in claim.names]
        joint_subject = (best.kind in _HUB_KINDS and not plural and len(before) == 2
                         and text[before[0].end : before[1].start] == " and ")
        if len(claim.names) > 2 and not joint_subject and (best.kind in _HUB_KINDS or plural or one_to_many or listed):
            # "works with several carmakers, including A and B": one partnership each
            # "joint ventures with FAW and SAIC", "supplies Chery and JAC": one deal per counterpart
            out += _split_hub(claim, sm, best.start, agent=agents[0] if one_to_many else None)
        else:
            out.append(claim)
    # one deal per party set in a sentence when one of the mentions is only generic
    # ("joined forces ..., signing an agreement that would see JAC manufacture ..."); two
    # specific deals of the same parties ("a stake ... and a joint venture") stay two
    merged: list[_Claim] = []
    for c in out:
        twin = None if "memorandum" in c.extra else next(
            (x for x in merged if x.party_names == c.party_names and x.kind not in _HUB_KINDS
             and "memorandum" not in x.extra and (min(x.spec, c.spec) <= 2 or x.kind == c.kind)), None)
        if twin is None:
            merged.append(c)
            continue
        if c.spec > twin.spec:
            _fill(c, twin, ("date", "end_date", "value", "title", "place", "dated_by_text", "finite_sign"))
            merged[merged.index(twin)] = c
        else:
            _fill(twin, c, ("date", "end_date", "value", "dated_by_text"))
    return merged


def _place(places: list[Mention], cstart: int, cend: int, text: str) -> str | None:
    """The place of signing: a place after 'in'/'at' in the deal's clause."""
    for m in places:
        if m.type == "Place" and cstart <= m.start < cend and _IN_AT_BEFORE.search(text[max(0, m.start - 4) : m.start]):
            return m.id
    return None


def _evidence(article: Article, sent) -> Evidence:
    return Evidence(document=article.id, start=sent.start, end=sent.end, text=sent.text)


def _nearest_date(sd, pos, base, sent_end, clause=None, exclude_decade=False):
    best = None
    for d in sd:
        if exclude_decade and d.value.precision in ("decade", "unknown"):
            continue
        if clause is not None and not (clause[0] <= d.start < clause[1]):
            continue
        dist = abs(d.start - pos)
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _sentence_initial_date(sd, sent):
    for d in sd:
        if d.start - sent.start <= 25 and d.value.precision not in ("decade", "unknown") and d.role == "event":
            return d
    return None


class _Lowered:
    """A text and its lower case, so that many ``Caseless`` cues lower it once, not each;
    and which of the cues' needed words it holds, found in one scan, not one test each."""

    __slots__ = ("text", "low", "folded", "cue_words")

    def __init__(self, text: str):
        self.text = text
        self.folded = low = text.lower()
        self.low = low if len(low) == len(text) and folds_alike(text) else None
        self.cue_words: frozenset[str] | None = None

    def has_cue_words(self, i: int) -> bool:
        """Whether the text holds one of the words status cue ``i`` needs."""
        if self.cue_words is None:
            self.cue_words = _CUE_WORDS.found(self.folded)
        return not self.cue_words.isdisjoint(_CUE_NEED_SETS[i])

    def search(self, cue: Caseless) -> bool:
        return (cue.lower.search(self.low) if self.low is not None else cue.search(self.text)) is not None


_TERM_GOES_ON = re.compile(r"\s(?:that|which)\swill\s(?:continue|run|remain|last|stay)\b[^,;.]*")


def _status(sent_text: str, clause_text: str, trigger: _Trigger, signed_it: bool = False) -> DealStatus:
    """The deal's status from the cues of its sentence and clause; ``signed_it``: the clause
    says the framework agreement itself was signed ("X and Y signed an MoU to ...")."""
    if trigger.kind != "joint_venture" and _FOUNDED_APPOSITIVE.search(sent_text):
        # "Kestrel, founded in 2019, supplies ...": says nothing of the deal
        sent_text = _FOUNDED_APPOSITIVE.sub(",", sent_text)
        clause_text = _FOUNDED_APPOSITIVE.sub(",", clause_text)
    if " will " in clause_text and _TERM_GOES_ON.search(clause_text):
        # "under a contract that will continue": the contract's term, not a plan
        sent_text = _TERM_GOES_ON.sub("", sent_text)
        clause_text = _TERM_GOES_ON.sub("", clause_text)
    sent, clause = _Lowered(sent_text), _Lowered(clause_text)
    for i, (status, cue) in enumerate(_STATUS_CUES):
        # hearsay and denials colour a whole sentence; "is considering" only its own clause
        # (and "the two have yet to sign even a letter of intent" says a plan is all there is)
        sentence_wide = status in ("denied", "cancelled", "hypothetical") or (status == "rumoured" and i == 2) \
            or (status == "planned" and "yet to sign" in sent_text)
        scope = sent if sentence_wide else clause
        if scope.has_cue_words(i) and scope.search(cue):
            if status == "completed" and clause.search(_DURATIVE):
                return "ongoing"  # "has supplied X for several years": still going on
            if status in ("signed", "completed", "announced") and (
                    clause.search(_UNDER_WAY) or (trigger.kind == "supply" and sent.search(_UNDER_WAY))):
                return "ongoing"  # "has begun shipping modules to X under a contract signed in 2023"
            if cue is _MOU and trigger.kind == "framework_agreement" and trigger.spec <= 2:
                continue  # the MoU itself
            if status == "hypothetical" and not sent.search(_CONDITION) and not clause.search(cue):
                continue  # "When X agreed to ..., critics said it might ...": a comment in another clause
            if status == "announced" and scope.search(_ANNOUNCED_OTHER):
                continue  # "today announced the market launch of the S800, ... developed with Y": not the deal
            if status == "planned" and signed_it and cue is not _MOU:
                return "signed"  # "signed an MoU to set up a lab where engineers will ...": what it foresees
            if status == "planned" and clause.search(_SIGNING_WITH):
                return "signed"  # "aims to build an alliance, signing with A, B and C": the signings happened
            if status == "planned" and clause.search(_SIGNED_THEN_WILL) and not clause.search(_MOU):
                return "signed"  # "signed agreements under which X will invest": the signing is the fact
            if status == "planned" and trigger.kind == "investment" and clause.search(_ROUND_DONE):
                return "completed"  # "The round was led by A, which will hold 10%": the round is done
            if status == "planned" and clause.search(_WILL_PERFORM) and not sent.search(_NOT_YET) and not sent.search(_MOU):
                return "signed"  # "X will supply Y with ...": the contract is the news
            if status == "planned" and (co := _COORDINATED_PLAN.search(clause_text)) is not None \
                    and not _Lowered(clause_text[: co.start()]).search(cue):
                continue  # "supplies plates to X and plans to double its output": another predicate's plan
            if status == "planned" and re.search(r"\bwould see\b", clause_text) and not re.search(r"\b(?:will|plans? to|aims? to|intends? to)\b", clause_text):
                continue
            return status
    if trigger.kind == "framework_agreement":
        return "signed"
    # no cue: the tense says it. "X supplies cells to Y", "has been our supplier" -> ongoing;
    # "a stake was sold to Y in 2018" -> completed; else a specific deal is only announced
    if trigger.kind in ("investment", "acquisition") and clause.search(_BEING_BOUGHT):
        return "announced"  # "X is buying 49% of Y": news of a purchase agreed, not a holding
    if clause.search(_PRESENT_STATE) or (trigger.kind == "supply" and sent.search(_UNDER_WAY)):
        return "ongoing"
    if clause.search(_PAST_DONE):
        return "completed"
    return "announced" if trigger.spec > 1 else "ongoing"


def _parties(article, sent, sm, cstart, cend, trig, focus, previous, clauses, by_clause, ci):
    """Names -> (mention id, default role), and the role of each name."""
    text = article.text
    base = sent.start
    chosen: dict[str, tuple[str, PartyRole]] = {}
    order: list[Mention] = []
    in_clause = [m for m in sm if cstart <= m.start < cend]
    # borrow from trigger-less neighbouring clauses of the same sentence
    nb = ci + 1
    if nb < len(clauses) and nb not in by_clause and re.match(r"\s[—–]\s", text[base + clauses[nb][0] : base + clauses[nb][0] + 3]):
        a, b = clauses[nb]
        in_clause += [m for m in sm if base + a <= m.start < base + b]
    in_clause.sort(key=lambda m: m.start)
    skip_possessor: set[str] = set()
    counter_role: dict[str, PartyRole] = {}
    listed_end = 0
    via: Mention | None = None
    head_text = text[cstart : trig.start]
    asides = [(cstart + r.start(), cstart + r.end()) for r in _RELATIVE_ASIDE.finditer(head_text)] if "which" in head_text or "who" in head_text else []
    clause_text = text[cstart:cend]
    if " of " in clause_text:  # ", the Illinois-based maker of X trucks and Y engines,": X and Y describe
        asides += [(cstart + r.start(), cstart + r.end()) for r in _DESCRIPTIVE_ASIDE.finditer(clause_text)]
    for m in in_clause:
        before = text[max(base, m.start - 40) : m.start]
        after = text[m.end : m.end + 60]
        if trig.kind == "investment" and not _UNIT_AFTER.match(after) and (
                _INVESTOR_LIST.search(before)
                or (listed_end and _LIST_GAP.fullmatch(text, listed_end, m.start))):
            # "strategic investors including A, B and C": each of them invests
            counter_role[m.name] = "investor"
            listed_end = m.end
            if m.name not in chosen:
                chosen[m.name] = (m.id, "party")
                order.append(m)
            continue
        if trig.kind == "investment" and m.end + 2 == trig.start and text.startswith(", by which", m.end):
            # "controlled by Y, by which 70% of it was bought": Y bought, whatever came before
            counter_role[m.name] = "investor"
            if m.name not in chosen:
                chosen[m.name] = (m.id, "party")
                order.append(m)
            continue
        wide = text[max(base, m.start - 70) : m.start]
        right_after_trigger = 0 <= m.start - trig.end <= 2  # "became a shareholder in X": the trigger's object
        if (_NOT_PARTY_BEFORE.search(before) and not right_after_trigger and not _OWNED_KIND_BEFORE.search(before)) or (" by " in wide and _MADE_BY_BEFORE.search(wide)):
            continue
        if m.start > trig.end and _SPEAKER_OF.search(before):
            continue  # '"We invest in ...," an official at X said': X is where the speaker works
        if any(a <= m.start < b for a, b in asides):
            continue  # "X, which is 75%-owned by Y and 25% by Z, assembles ...": Y and Z describe X
        brand_of = _BRAND_OF_AFTER.match(after)
        if brand_of:  # "builds for Cupra, the sporty brand of Spain's SEAT": SEAT is the party
            owner = next((o for o in in_clause if m.end + brand_of.end() <= o.start <= m.end + brand_of.end() + 12), None)
            if owner is not None and owner.name not in chosen:
                chosen[owner.name] = (owner.id, "party")
                order.append(owner)
            continue
        term = _ROLE_TERM.match(after) if "(" in after[:3] else None
        if term is not None and trig.kind in _ROLE_TERMS[term["term"]]:
            counter_role[m.name] = _ROLE_TERMS[term["term"]][trig.kind]  # 'Y GmbH (the "Seller")'
        if m.type == "Brand" and (
            not re.search(r"interoperab|swap|partner|alliance|deal|agreement|licens|with", sent.text, re.I)
            or re.search(r"\b(?:its|their|his|her|the|of)\s(?:[\w-]+\s)?$", before)
            or re.match(r"(?:\sand\s[A-Z][\w-]*)?\s(?:models?|cars|vehicles|SUVs?|brands?|marques?|line-?ups?)\b", after)
        ):
            continue  # "the platforms of its Omoda and Jaecoo models": a brand named, not a party
        if _UNIT_AFTER.match(after):
            if trig.kind in ("investment", "acquisition") and m.start >= trig.end and _BUY_VERB.search(text, trig.start, trig.end):
                counter_role[m.name] = "seller"  # "bought half of X's Brazilian business": X sells
                if m.name not in chosen:
                    chosen[m.name] = (m.id, "party")
                continue
            skip_possessor.add(m.name)
            continue
        if _VENTURE_CALLED_BEFORE.search(before) or (trig.kind == "joint_venture" and m.start > trig.end
                                                      and _NAMED_BEFORE.search(before)):
            continue  # "a joint venture, Gotion InoBat Batteries, was set up by ...", "a venture with X, named Z"
        if _AS_A_VENTURE_AFTER.match(after) and \
                re.search(r"\b(?:founded|set up|established|formed|created|launched)\s$", before):
            continue  # "founded Qoros Automotive as a 50-50 venture": the venture itself
        if _SITE_AFTER.match(after) and re.search(r"\b(?:former|old|ex-|the)\s$", before) \
                and not (trig.kind == "supply" and re.search(r"\b(?:to|for)\sthe\s$", before)):
            # "the former Nissan factory": a place described, not a party -- but "supply
            # forklifts to the X plant": X, whose plant it is, is the customer
            continue
        if _BESIDE_BEFORE.search(before):
            continue  # "a plant next to BYD's vehicle base": where it is, not who signs
        if _BRAND_USERS_AFTER.match(after) or (_CARS_AFTER.match(after) and _SERVICE_VERB_BEFORE.search(before)):
            continue  # "so that NIO owners can charge", "will maintain and repair NIO cars": the make, not a party
        if _OUTLETS_AFTER.match(after) and _AT_BEFORE.search(before):
            continue  # "to install chargers at Volkswagen dealerships": where, not who signs
        if _OR_KNOWN_AS_BEFORE.search(before):
            continue  # "..., or JAC": the short name of the company just named
        if " of " in wide and _DESCRIBED_OF.search(wide) and not _PERSONS_COMPANY_BEFORE.search(wide):
            # "JAG, the largest shareholder of the Shanghai-listed JAC": a description (but
            # "with Jiang Haoran, the founder of X": the company he signs for)
            continue
        if m.end != trig.start and _POSSESSIVE_TAIL.match(text[m.end : m.end + 25]) is None and any(
                o is not m and o.start - m.end <= 20 and o.start > m.end
                and not m.end <= trig.start < o.start  # "X's agreement with Y": the deal between them
                and _POSSESSIVE_GAP.fullmatch(text[m.end : o.start])
                # "for Chery's Exeed sedans": a brand's cars are the owner's business
                # (and "for Vadar's Orla brand": the brand's owner)
                and not (o.type == "Brand" and (_VEHICLES_AFTER.match(text, o.end) or _BRAND_WORD_AFTER.match(text, o.end)))
                for o in in_clause):
            continue  # "Volkswagen's Audi signed ...": the owner names whose Audi it is
        if trig.kind in ("investment", "acquisition") and m.start >= trig.end and _BUY_VERB.search(text, trig.start, trig.end) \
                and (_FROM_BEFORE.search(before) or _FROM_LIST_BEFORE.search(before)) and text[trig.end - 4 : trig.end] != "from":
            counter_role[m.name] = "seller"  # "bought 50% of X from Y"
        if _VIA_UNIT.search(before) and trig.kind in _AGENT_ROLES and m.start > trig.end:
            via = m  # "NIO bought the assets from JAC through its subsidiary Jianglai": Jianglai acts
        if trig.kind == "investment" and "seller" in counter_role.values() and m.start > trig.end \
                and re.search(r"\b(?:which|that)\s(?:was|were|has been|is)\s(?:later\s|then\s)?(?:renamed|rebranded|named|called)\s$", before):
            counter_role[m.name] = "investee"  # "... X's business, which was renamed Z": Z is what was bought into
        if trig.kind == "investment" and trig.start < m.start < trig.end and text[trig.end - 4 : trig.end] == "from":
            counter_role[m.name] = "investee"  # "bought existing X shares from Y": X's shares
        elif trig.kind == "investment" and trig.end <= m.start and text[trig.end - 4 : trig.end] == "from" \
                and not re.match(r"(?:received|receives|secured|got|rais)", text[trig.start : trig.end]) \
                and re.fullmatch(r"\s(?:(?:an?|the)\s(?:[\w-]+\s)?(?:affiliate|unit|subsidiary|fund)\sof\s)?", text[trig.end : m.start]):
            counter_role[m.name] = "seller"  # "... from (an affiliate of) Y": the seller
        rn = _ROLE_NOUN_AFTER.match(after)
        if rn and trig.kind in _AGENT_ROLES:
            # "X's contract manufacturer": X is the client; "X's customers": X is the supplier
            served = rn.group(1) in ("customer", "client", "licensee")
            counter_role[m.name] = _AGENT_ROLES[trig.kind][0 if served else 1]
        if m.name not in chosen:
            chosen[m.name] = (m.id, "party")
            order.append(m)
    clause_text = text[cstart:cend]
    head = text[cstart : trig.start]
    # plural anaphors: "the two sides signed ..."
    pm = _PLURAL_ANAPHOR.search(text[cstart:cend])
    # ("the two companies set up X, a joint venture in which A holds 55%": X is what they set
    # up and A one of them, so the two are still to be found)
    if pm and len(chosen) >= 2 and trig.kind == "joint_venture":
        ventures = {m.name for m in in_clause if m.start > trig.start and _AS_A_VENTURE_AFTER.match(text, m.end)}
        founders = [n for n in chosen if n not in ventures]
    else:
        founders = list(chosen)
    if pm and len(founders) < 2:
        n = _NUM.get((pm.group(1) or "two").lower(), 2)
        # ", the venture the two carmakers set up": the venture named just before is not one of them
        described = _DESCRIBED_VENTURE.match(text, cstart)
        recent_claim = None if described else next(
            (c for c in reversed(previous) if len(c.names) == n and sent.index - c.sentence <= 3), None)
        if recent_claim is not None and recent_claim.sentence < sent.index - 1:
            # "... later it met Y. The pair will develop ...": the two the
            # sentence before names, not the deal told before it
            just_named = {m.name for m in focus.orgs if m.sentence == sent.index - 1}
            if len(just_named) == n and not just_named <= set(recent_claim.names):
                recent_claim = None
            # "X ordered liners from Z in 2016. ... The bigger step came through Y, a door-panel
            # maker. In 2020 the two companies set up ...": one named since the deal is one of them
            # (the subject of its sentence, not "chairman of Y" in a line about a ceremony)
            elif any(m.name not in recent_claim.names and focus.opener.get(m.sentence) == m.name for m in focus.orgs
                     if recent_claim.sentence < m.sentence < sent.index):
                recent_claim = None
        if recent_claim is not None:
            for name, mid in recent_claim.names.items():
                chosen.setdefault(name, (mid, "party"))
        elif n == 2:
            if described:  # the two most talked-about of the recent organisations, not the venture
                venture = focus.recent(sent.index, 1, cstart)
                noun = re.search(r"(automaker|carmaker|car maker|battery maker|chipmaker|bank|fund)s?\b", pm.group())
                words = ("automaker", "carmaker", "car maker") if noun and noun.group(1) in (
                    "automaker", "carmaker", "car maker") else (noun.group(1),) if noun else ()
                fits = None if noun is None else (
                    lambda m: any(w in text[max(0, m.start - 30) : m.start] or w in text[m.end : m.end + 40] for w in words))
                pair = focus.salient(sent.index, n, cstart, exclude=frozenset(v.name for v in venture), described_as=fits)
            else:
                pair = focus.recent(sent.index, n, cstart)
            for m in pair:
                chosen.setdefault(m.name, (m.id, "party"))
    # singular anaphors / subject ellipsis: "It has partnered with", "and also inked ... with X"
    has_subject = any(
        m.start < trig.start and not re.match(r"(?:’s|'s|‘s)\s", text[m.end : m.end + 3])
        # ("the agreement we signed with the X Committee, we are investing": 'with' governs it)
        and not (" we " in head and _WITH_THE_BEFORE.search(text, max(cstart, m.start - 10), m.start))
        for m in in_clause if m.name in chosen
    ) and not (ci > 0 and _PREDICATE_LIST.match(text, cstart))  # ", opened stations of X under ...": no subject

    if not has_subject:
        sent_head = text[sent.start : cstart]
        # ", and our engineers work with X": 'our' is the subject; ", and some X models are
        # ...": a noun phrase, not a verb sharing the subject before
        elliptic = ci > 0 and re.match(r"\s*(?:,\s*)?(?:and\s)?(?:also\s)?(?!(?:and|plus|we|our|it|its|they|their|some|many|most|"
                                       r"all|several|few|each|every|both|other|these|those|this|that|the|a|an|no|one|"
                                       r"two|three)\b)[a-z]+(?:ed|s)?\b", clause_text)
        # ("It had been licensed to X ... by Y": 'it' is the thing licensed, Y the agent)
        subject_anaphor = next((a for a in _ANAPHOR_SUBJ.finditer(head)
                                if not re.search(r"\b(?:of|to|for|with|from|by|in)\s$", head[: a.start()])
                                and not (a.group() in ("It", "it") and " by " in clause_text
                                         and _PASSIVE_AFTER.match(text, cstart + a.end()))
                                # ("It follows the framework agreement X signed with Y last year":
                                # 'it' is the deal just told)
                                and not (a.group() in ("It", "it") and _TALKS_ABOUT.match(head, a.end()))), None)
        if subject_anaphor or elliptic:
            subj = None
            # "under which X will import and sell ...": the subject of the verb just before
            verb_subject = next((m for m in reversed(sm) if m.end <= cstart and _ONE_VERB_AFTER.fullmatch(text, m.end, cstart)),
                                None) if elliptic else None
            if verb_subject is not None:
                subj = verb_subject
            elif elliptic:
                subj = next((m for m in sm if m.start < cstart and m.name not in skip_possessor), None)
                lead = text[sent.start : subj.start] if subj is not None else ""
                anaph = _ANAPHOR_SUBJ.search(lead)
                if anaph and not re.search(r"\b(?:of|to|for|with|from|by|in|on|at)\s$", lead[: anaph.start()]):
                    subj = None  # "... the Hefei-based automaker went from X's chip to ..., signed ...": its subject
                # "The following year the Wuhu company went back to Italy and acquired X": the
                # subject of the first clause, wherever it starts, if no preposition governs it
                head_anaphor = next((a for a in _ANAPHOR_SUBJ.finditer(sent_head)
                                     if not _GOVERNED.search(sent_head, 0, a.start())), None)
                if subj is None and (anaph or head_anaphor):
                    subj = focus.at(sent.index, exclude=frozenset(chosen), hint=_hint((anaph or head_anaphor).group()))
            if subj is None and subject_anaphor:
                first_person = subject_anaphor.group().lower() in ("we", "our", "i")
                # whoever the sentence names after the verb is its object, not what the anaphor means
                # (in a later clause, only a name a preposition governs: "..., and Y's lines have
                # been shipping them" may be the anaphor's own company)
                objects = frozenset(m.name for m in sm if m.start >= trig.start and (
                    m.start < cend or _PREPOSITION_BEFORE.search(text, max(0, m.start - 6), m.start)))
                label = next((m for m in sm if m.start - sent.start <= 3 and text.startswith(":", m.end)
                              and m.name not in chosen and m.name not in objects), None)
                if label is not None and not first_person:
                    subj = label  # "- Volkswagen Anhui: ...; its Hefei plant uses ...": the bullet's head
                elif (chosen and subject_anaphor.group() in ("it", "its") and (opener := focus.opener.get(sent.index)) is not None
                      and opener not in chosen and opener not in objects
                      and (om := next((m for m in sm if m.name == opener), None)) is not None
                      and om.end <= cstart + subject_anaphor.start()):
                    # "X announces that it concluded ... and that its board resolved to form a
                    # venture with Y": X, the sentence's subject
                    subj = om
                else:
                    subj = (focus.speaker(sent.index, exclude=frozenset(chosen) | objects) if first_person else
                            # "... the X Fund came in. - Right. They paid 75 million yuan for 12%": the
                            # one organisation named just before
                            focus.named_just_before(sent.index, exclude=frozenset(chosen) | objects)
                            if subject_anaphor.group() == "They" else
                            focus.at(sent.index, exclude=frozenset(chosen) | objects, hint=_hint(subject_anaphor.group())))
            if subj is not None and subj.name not in chosen:
                chosen = {subj.name: (subj.id, "party"), **chosen}
    it_and = re.search(r"\b(?:it|It|we|We|(?P<defined>[Tt]he\sCompany))\s(?:and|together with)\s", head)
    # "The Wuhu carmaker and X have signed": the description means a company named before
    described_and = None if it_and else next((a for a in _ANAPHOR_SUBJ.finditer(head) if a.group()[:1] in "Tt"
                                              and _AND_WITH.match(head, a.end())), None)
    if it_and or described_and:  # "it and X signed", "The Company and X entered into": the defined term is the issuer
        f = focus.at(sent.index, exclude=frozenset(chosen),
                     hint=_hint(described_and.group()) if described_and else "Company" if it_and["defined"] else None)
        if f is not None and f.name not in chosen:
            chosen = {f.name: (f.id, "party"), **chosen}
    # "X, which has been our battery supplier": we (or it) are X's customer
    _possessor_takes(_OUR_SUPPLIER.search(text[trig.start : trig.end]), "customer", chosen, counter_role, focus, sent.index)
    if len(chosen) == 1 and trig.kind == "investment" and _MORE_OF_IT.search(text, trig.start, trig.end):
        # "A agreed to buy 10% of X from Y. A week later B agreed to buy a further 5%": of
        # X, from Y, as the stake just told
        last = next((c for c in reversed(previous) if c.kind == "investment" and sent.index - c.sentence <= 2), None)
        for name, mid in (last.names.items() if last is not None else ()):
            if last.parties.get(mid) in ("investee", "seller") and name not in chosen:
                chosen[name] = (mid, "party")
                counter_role[name] = last.parties[mid]
    if len(chosen) == 1 and trig.kind == "supply" and text.startswith("ordered", trig.start) \
            and text.find(" from ", trig.start, cend) == -1:
        # "..., when Y ordered 40 of the robots": ordered from the company the passage is about
        f = focus.at(sent.index, exclude=frozenset(chosen))
        if f is not None:
            chosen[f.name] = (f.id, "party")
            counter_role[f.name] = "supplier"
    if len(chosen) == 1 and _SIGNED_WITH_NO_AGENT.search(text, cstart, cend):
        # "A supply agreement was signed with X in 2005": with the company the passage is about
        f = focus.at(sent.index, exclude=frozenset(chosen))
        if f is not None:
            chosen = {f.name: (f.id, "party"), **chosen}
    if trig.kind == "supply":  # "X is one of its customers": it supplies X
        _possessor_takes(_OUR_CUSTOMERS.search(text[trig.start : trig.end]), "supplier", chosen, counter_role, focus,
                         sent.index)
    owner = _POSSESSOR_OF_BACKERS.search(text, cstart, trig.start) if trig.kind == "investment" else None
    if owner is not None and re.match(r"(?:investors|backers|shareholders)\s", text[trig.start : trig.end], re.I):
        # "X's backers include A, B and C": X is the one they invested in
        x = next((m for m in in_clause if m.end == owner.start()), None)
        if x is not None:
            chosen[x.name] = (x.id, "party")
            counter_role[x.name] = "investee"
    uses = _USES.match(text, trig.start, trig.end) if trig.kind == "supply" else None
    if uses is not None and text.startswith(("our ", "us "), uses.end()):
        f = focus.speaker(sent.index, exclude=frozenset(chosen))  # "X uses our chips", "X chose our radar": we supply X
        if f is not None and f.name not in chosen:
            chosen[f.name] = (f.id, "party")
            counter_role[f.name] = "supplier"
    if len(chosen) == 1 and focus.defined is not None and focus.defined.name not in chosen \
            and text.find("the Company", cstart, cend) != -1 and not text.startswith("hold", trig.start):
        # (not "Y holds 75% of the Company": a holding told, no deal)
        # "Lumen buys crankshafts from the Company": the issuer the filing calls so
        chosen[focus.defined.name] = (focus.defined.id, "party")
        if _FROM_THE_COMPANY.search(text, cstart, cend) is not None and trig.kind in _AGENT_ROLES:
            agent_role, patient_role = _AGENT_ROLES[trig.kind]  # it sells; the other buys
            for name in chosen:
                counter_role[name] = agent_role if name == focus.defined.name else patient_role
    if len(chosen) == 1 and _OUR_BEFORE.search(text, cstart, trig.start):
        f = focus.speaker(sent.index, exclude=frozenset(chosen))  # "X joined our battery-swap alliance"
        if f is not None:
            chosen[f.name] = (f.id, "party")
    if len(chosen) == 1 and trig.kind in _AGENT_ROLES and (
            _OUR_CONTRACT.search(text, trig.end, cend) or (trig.kind == "supply" and _SUPPLIES_US.match(text, trig.end))):
        f = focus.speaker(sent.index)  # "X supplies our pumps under a contract we signed"
        if f is not None and f.name not in chosen:
            chosen[f.name] = (f.id, "party")
            if trig.kind == "supply" and not text.startswith(("come", "came"), trig.start):
                counter_role[f.name] = "customer"
    if len(chosen) == 1 and _WE_SIGNED.match(text, trig.end, cend):
        f = focus.speaker(sent.index, exclude=frozenset(chosen))  # "the investment agreement we signed with X"
        if f is not None:
            chosen = {f.name: (f.id, "party"), **chosen}
    if len(chosen) == 1 and re.search(r"\b(?:with|to|for|from)\s(?:us|me)\b", text[trig.end : cend]):
        f = focus.speaker(sent.index, exclude=frozenset(chosen))  # "X has signed an agreement with us"
        if f is not None:
            chosen[f.name] = (f.id, "party")
    if len(chosen) == 1 and focus.we is not None and focus.we.name not in chosen \
            and _FIRST_PERSON.search(text, cstart, cend):
        # a filing that says whom "we" refers to: "X supplied 18% of the lithium we used"
        chosen[focus.we.name] = (focus.we.id, "party")
    if len(chosen) == 1 and trig.spec >= 3:
        only = next((m for m in in_clause if m.name in chosen), None)
        between = text[trig.end : only.start] if only is not None and only.start >= trig.end else None
        if between is not None and re.fullmatch(r"\s(?:to|with)\s(?:[\w-]+\s){0,4}", between):
            # "Mr Ren set up a joint venture with X, ..., named Z": the passage's company, not
            # one the clause names and the rules above left out
            f = focus.at(sent.index, exclude=frozenset(chosen).union(m.name for m in in_clause))
            if f is not None:
                chosen = {f.name: (f.id, "party"), **chosen}
    if len(chosen) == 1:
        only = next((m for m in in_clause if m.name in chosen), None)
        if only is not None and only.start < trig.start and _PRONOUN_TURNED_TO.search(text, max(cstart, only.start - 40), only.start):
            # "it turned to X, which agreed to help it design ...": 'it' is the other side
            f = focus.at(sent.index, exclude=frozenset(chosen))
            if f is not None:
                chosen = {f.name: (f.id, "party"), **chosen}
    if len(chosen) == 1 and trig.kind == "investment" and "stake" in text[trig.start : trig.end] and (
            _STAKE_IN_IT.match(text, trig.end) or not _STAKE_IN_NAMED.match(text, trig.end)):
        # "took a 15% stake for 90 million yuan", "a 12% stake in the company was acquired by
        # X": the stake is in the company the passage is about
        f = focus.at(sent.index, exclude=frozenset(chosen), topic_first=True)
        if f is not None:
            chosen[f.name] = (f.id, "party")
            counter_role[f.name] = "investee"
    if trig.kind == "investment" and (_OF_THE_COMPANY.search(text, trig.start, trig.end) or (
            text.endswith(" of", trig.start, trig.end) and _THE_COMPANY_AFTER.match(text, trig.end))) \
            and len({m.name for m in in_clause if m.start < trig.start and m.name in chosen and m.type != "Person"}) < 2:
        # ("paid 40 million yuan for 15% of the company")
        # "sold 20% of the company to X": of the company the passage is about (not where the
        # sentence names it with its buyer: "X has grown since Y bought 40% of the business")
        f = focus.at(sent.index, exclude=frozenset(chosen), topic_first=True)
        if f is not None:
            chosen[f.name] = (f.id, "party")
            counter_role[f.name] = "investee"
    if len(chosen) == 1 and trig.kind in _DESCRIBED_OBJECT_KINDS:
        described = _DESCRIBED_OBJECT.match(text, trig.end)
        if described is not None and described.end() <= cend:
            # "The Ningguo company bought the German firm outright": the organisation named
            # last before this sentence, other than the one already chosen
            other = next((m for m in focus.recent(sent.index, 3, sent.start) if m.name not in chosen
                          and sent.index - m.sentence <= 2), None)
            if other is not None:
                chosen[other.name] = (other.id, "party")
                if trig.kind in _AGENT_ROLES:
                    counter_role[other.name] = _AGENT_ROLES[trig.kind][1]
    if len(chosen) == 1 and text.find("government", cstart, cend) != -1 \
            and (gov := _THE_GOVERNMENT.search(text, cstart, cend)) is not None:
        # "signed an agreement with the municipal government": the government the article named
        # before (of that level where the name tells it)
        level = _GOVERNMENT_LEVEL.get(gov.group(1).lower(), ())
        named = [m for m in focus.governments if m.start < gov.start() and m.name not in chosen]
        body = next((m for m in reversed(named) if any(w in m.name for w in level)), None) or (named[-1] if named else None)
        if body is not None:
            chosen[body.name] = (body.id, "party")
            counter_role[body.name] = "party"  # the host of an investment
    if len(chosen) == 1 and (partner := _DESCRIBED_PARTNER.search(text, trig.start, cend)) is not None:
        # "we signed a joint venture agreement with the Arden rubber and sealing group": the
        # organisation the description points back to
        # of the organisations named lately before it: one whose name shares a word with the
        # description, or one told with its place word before ("the Arden ... group"), else the last
        recent = [m for m in focus.recent(sent.index, 3, partner.start())
                  if m.name not in chosen and sent.index - m.sentence <= 3]
        words = set(partner.group().lower().split()[2:-1]) - {"and"}
        hint = _hint(partner.group())
        other = next((m for m in recent if words & set(m.name.lower().split())), None) \
            or next((m for m in recent if hint and focus.told_with(m.name, hint, sent.index)), None) \
            or next(iter(recent), None)
        if other is not None:
            chosen[other.name] = (other.id, "party")
    for name in skip_possessor:
        chosen.pop(name, None) if len(chosen) > 2 else None
    if via is not None and via.name in chosen:
        owner = next((m for m in in_clause if m.start < trig.start and m.name in chosen and m.name != via.name), None)
        if owner is not None:
            chosen.pop(owner.name)
            counter_role[via.name] = _AGENT_ROLES[trig.kind][0]
    # "X said on Monday that Y had signed an agreement with Z": the speaker reports the deal
    frame = None
    for frame in _SPEAKER_FRAME.finditer(text, cstart, trig.start):
        pass
    if frame is not None and len(chosen) >= 2:
        pos: dict[str, int] = {}
        for m in in_clause:
            pos.setdefault(m.name, m.start)
        after = [n for n in chosen if pos.get(n, -1) >= frame.end()]
        own_unit = re.match(r"(?:its|their)\s(?:[\w.-]+\s){0,2}(?:subsidiary|unit|arm|affiliate),?\s", text[frame.end() : frame.end() + 40])
        if len(after) >= 2 or (after and own_unit):  # "X announced that its subsidiary Y will invest"
            chosen = {n: v for n, v in chosen.items() if n in after or pos.get(n, frame.end()) >= frame.start()}
    if trig.kind == "contract_manufacturing" and any(
            m.start < trig.start and _ESTABLISH_BEFORE.search(text, max(cstart, m.start - 30), m.start) for m in in_clause):
        # "the parties will establish Z (the "JV Company") to assemble buses": what the new
        # company will do, not a contract
        return {}, {}
    if trig.kind == "investment" and text.startswith("subscri", trig.start):
        # "A and the B Fund subscribed for new registered capital of X": all who subscribe invest
        for m in in_clause:
            if m.start < trig.start and m.name in chosen and m.name not in counter_role:
                counter_role[m.name] = "investor"
    roles = _roles(text, trig, chosen, in_clause, counter_role, cstart, cend)
    return chosen, roles


_WHICH_AFTER = re.compile(r",?\s(?:(?:an?|the)\s[^,;.]{0,60},\s)?(?:which|who|that)\s")
_PICKED = re.compile(r"\b(?:pick(?:s|ed)|cho(?:oses|se|sen)|select(?:s|ed)|tap(?:s|ped)|name[sd]|appoint(?:s|ed)|nominate[sd]|hire[sd]"
                     # "X signs Y as a supplier", "X signed Y to supply": the one signed up, named at once
                     r"|sign(?:s|ed)(?:\sup)?(?=\s(?:the\s)?[A-Z]))\s")
# what the chosen one was picked for: to supply, or as a supplier
_PICKED_FOR = re.compile(r"[^;]{0,80}?(?:\sto\s(?:supply|provide|deliver)\b|\sas\s(?:its|their|a|the)\s(?:[\w-]+\s){0,3}supplier)")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s$")
_OUR_SUPPLIER = re.compile(r"\b(?:our|its|their)\s(?:[\w-]+\s){0,2}(?:supplier(?![- ](?:list|base|roster|panel|pool))|source\sof\b)")
_OUR_CUSTOMERS = re.compile(r"\b(?:our|its|their)\s(?:[\w-]+\s){0,2}customers?\b")


def _possessor_takes(m: re.Match[str] | None, role: PartyRole, chosen: dict, counter_role: dict,
                     focus: _Focus, sentence: int) -> None:
    """'our/its/their ... supplier|customers' in a trigger: the speaker ("our") or the company
    the passage is about ("its") is a party in ``role`` (``chosen`` is added to in place)."""
    if m is None:
        return
    f = None
    if m.group().startswith("its") and (opener := focus.opener.get(sentence - 1)) is not None:
        # "X Co., Ltd. has made frames here since 2021. NIO has been its largest customer":
        # "its" is the company the sentence before is about, its subject
        if opener in chosen:
            counter_role.setdefault(opener, role)
            return
        f = next((x for x in focus.named_in(sentence - 1) if x.name == opener), None)
    if f is None:
        f = (focus.speaker if m.group().startswith("our") else focus.at)(sentence, exclude=frozenset(chosen))
    if f is not None and f.name not in chosen:
        chosen[f.name] = (f.id, "party")
        counter_role[f.name] = role


_USES = re.compile(r"(?:us(?:es|ed|e|ing)|chose|picked|selected|%s)\s" % _BUYING_WORDS)  # "X uses / chose / buys Y's chips"
_SUPPLIED_FROM = re.compile(r"\b(?:supplied|sourced|delivered|shipped|bought|purchased)\s(?:[\w-]+\s){0,2}?from\s(?:the\s)?")
_BUY_FROM = re.compile(_BUY_VERB.pattern + r"\w*\sfrom\s(?:the\s)?")
_SOLD_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s(?:[\w-]+\s)?sold\b(?P<by>\sby\s)?")
_PURCHASE_AGREEMENT = re.compile(r"purchase\sagreement", re.I)
# the subject buys, goods not named by their maker: "X bought 40 buses", "will take 1,500 of
# the group's cars", "placed an order for tools, which Y will build"
_SUBJECT_BUYS = re.compile(r"(?:%s|take|placed)\s(?![A-Z])" % _BUYING_WORDS)
_GAVE = re.compile(r"(?:gave|gives|give|giving|handed|awarded|granted)\s")  # "X gave Y a serial order"
_BEEN_AWARDED = re.compile(r"(?:has\sbeen|have\sbeen|was|were)\sawarded\s")
_AWARDED_TO = re.compile(r"\b(?:awarded|given|granted|handed)\sto\s")
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|been|being|be|is|are)\s(?:[\w-]+\s){0,2}?(?:\w+(?:ed|en)|put together|sold|bought|brought|made)\b"
    r"(?:[^.;]|\.(?=,|\s[a-z0-9])){0,60}?\bby\s")  # (a full stop inside "Co., Ltd." or "Co. in" is no end)
_BY = re.compile(r"\bby\s")
_REDUCED_PASSIVE = re.compile(r"\b(?:supplied|provided|delivered|made|built|produced|manufactured|developed)\sby\s")
_FOR_GOODS = re.compile(r"\bfor\s(?:[\w’'-]+\s){1,6}$")


_JUST_BEFORE_VERB = re.compile(r"\s(?:would|will|shall|is\sto|are\sto|agrees\sto|agreed\sto|must|can)\s(?:also\s|then\s|jointly\s)?")
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:since|after|when|once|because|until)\s$", re.I)
_UP_TO_VERB = re.compile(r"(?:,\s(?:an?|the)\s[^,;.]{0,60},)?\s(?:(?:has|had|have|also|then|later|first|finally)\s)*")
_SUBJECT_FRAME = re.compile(
    r"\b(?:said|says|announced|stated|reported|confirmed|disclosed)\b[^.;]{0,50}?\bthat\s"
    # "Lumen notes press speculation that Kestrel intends to buy ...": the one the talk is about
    r"|\b(?:speculation|reports?|rumou?rs?|claims?|suggestions?)\s(?:in\s[^.;]{0,40}?\s)?that\s"
    r"|\b(?:under|by|through)\swhich\s|\bwhereby\s")


def _named_at(in_clause: list[Mention], chosen, pos: int, skip: str | None = None) -> Mention | None:
    """The chosen party named right at ``pos`` (the end of "sold to ", "from ", "by ")."""
    return next((m for m in in_clause if pos - 1 <= m.start <= pos + 4 and m.name in chosen and m.name != skip), None)


def _roles(text, trig, chosen, in_clause, counter_role, cstart, cend) -> dict[str, PartyRole]:
    if trig.kind not in _AGENT_ROLES or len(chosen) < 2:
        return {}
    agent_role, patient_role = _AGENT_ROLES[trig.kind]
    roles: dict[str, PartyRole] = {}
    window = text[trig.start : cend]
    # the agents are already known ("investors including A and B"): the rest are patients
    agent = "" if agent_role in counter_role.values() else None
    # "X was sold to Y", "X sold its Russian business to Y": Y buys
    buying = trig.kind in ("acquisition", "investment")
    sold_from = cstart if buying else trig.start  # "X sold its 40% stake in Y to Z": the verb may come first
    # (the buyer may be described first: "to the state-owned logistics group Y")
    sold = re.search(r"\b(?:sold|sells?|selling)\s(?:[^.;]{0,120}?\s)?to\s(?:the\s(?:[\w-]+\s){0,3}?(?=[A-Z]))?" if buying
                     else r"\bsold\sto\s", text[sold_from:cend])
    if sold:
        to_pos = sold_from + sold.end()
        buyer = _named_at(in_clause, chosen, to_pos)
        agent = None if buyer is None else buyer.name
        if buyer is not None and text.startswith(("’s ", "'s "), buyer.end):
            agent = ""  # "sold its stake in X back to X's management": the buyer is not named
        passive_sale = _SOLD_PASSIVE.search(text, sold_from, cend) if buying and agent is not None else None
        if buying and agent is not None and passive_sale is None:
            seller = next((m.name for m in in_clause if m.start < sold_from + sold.start() and m.name in chosen
                           and m.name != agent and m.name not in counter_role), None)
            if seller is None:  # "it sold its stake in X to Y": 'it', the passage's company, sells
                named = {m.name for m in in_clause}
                seller = next((n for n in chosen if n not in named and n != agent and n not in counter_role), None)
            if seller is not None:
                # "Lumen sold a 12% stake to Y": new shares of its own, not a stake it held in
                # another company ("sold its stake in X to Y")
                own = _OWN_STAKE_SOLD.search(text, sold_from, to_pos) and not any(
                    m.name in chosen and m.name not in (seller, agent) for m in in_clause)
                counter_role[seller] = "investee" if own else "seller"
        elif passive_sale is not None and passive_sale.group("by"):
            # "51% of X was sold by Y to Z": Y sells
            seller_m = _named_at(in_clause, chosen, passive_sale.end(), skip=agent)
            if seller_m is not None:
                counter_role[seller_m.name] = "seller"
    if buying and (frm := _BUY_FROM.match(text, trig.start, trig.end)) is not None:
        # "will acquire from Y 65% of X": Y sells
        seller_m = _named_at(in_clause, chosen, frm.end())
        if seller_m is not None:
            counter_role[seller_m.name] = "seller"
    w0 = max(cstart, trig.start - 40)  # a passive's verb may come just before the trigger
    window_before = text[w0:cend]
    passive = None if agent else (
        _PASSIVE_BY.search(window_before)
        # "uses welding lines supplied by X": a reduced passive -- but not "supply chips for
        # cars made by X", where it says whose cars the goods are for
        or next((p for p in _REDUCED_PASSIVE.finditer(window_before)
                 if not (trig.kind == "supply" and _FOR_GOODS.search(text, max(w0, w0 + p.start() - 60), w0 + p.start()))),
                None))
    ordered = None if agent or trig.kind != "supply" else re.match(
        # (or "added X to its supplier list": X supplies)
        r"(?:ordered|placed|sourc\w*|%s|buy|purchas\w*|procur\w*|comes?|came)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,100}?\b(?:from|with)\s|add(?:ed|s|ing)?\s" % _BUYING_WORDS,
        text[trig.start : cend])
    if ordered is None and agent is None and trig.kind == "investment":  # "X received 300 million yuan from Y": Y invests
        # ("raised 18 million U.S. dollars in 2028 from Y": an abbreviation's full stops)
        ordered = re.match(r"(?:received|receives|secured|got|raised|raises)\b(?:[^.;]|(?<=[A-Z])\.){0,80}?\bfrom\s", text[trig.start : cend])
    if ordered:  # "X ordered 300 buses from Y", "X sources cells from Y": Y supplies
        at = trig.start + ordered.end()
        agent = getattr(_named_at(in_clause, chosen, at), "name", None)
        if agent is None and trig.kind == "supply" and (by := _BY.search(text, at, cend)) is not None \
                and (buyer := _named_at(in_clause, chosen, by.end())) is not None:
            # "were ordered from the Vadar bus maker by Y": Y orders from the one described
            agent = next((n for n in chosen if n != buyer.name and n not in counter_role), None)
        if agent is not None and trig.kind == "investment":
            # "raised CNY 800 million from A, B and C": each one listed invests
            listed = [m for m in in_clause if m.start >= at - 1 and m.name in chosen]
            for prev, m in zip(listed, listed[1:]):
                if not _LIST_GAP.fullmatch(text, prev.end, m.start):
                    break
                counter_role.setdefault(m.name, agent_role)
    if passive and not ordered:  # "were ordered from X by Y": Y orders, X (found above) supplies
        by_pos = w0 + passive.end()
        agent = next((m.name for m in in_clause if m.start >= by_pos - 1 and m.name in chosen), None)
        awarded = _AWARDED_TO.search(text, w0, by_pos) if trig.kind == "supply" else None
        if awarded is not None:  # "the contract was awarded to X by Y": Y awards it, X supplies
            agent = getattr(_named_at(in_clause, chosen, awarded.end()), "name", agent)
        elif trig.kind == "supply" and _BEEN_AWARDED.match(text, trig.start, trig.end):
            # "X has been awarded a series-production contract by Y": X, the subject, supplies
            agent = next((m.name for m in in_clause if m.start < trig.start and m.name in chosen), agent)
        if trig.kind == "investment" and "led by" in text[trig.start : trig.end]:
            # "The round was led by A, with B and C also taking part": all of them invest
            for m in in_clause:
                if m.start >= by_pos - 1 and m.name in chosen:
                    counter_role.setdefault(m.name, agent_role)
    if agent is None and trig.kind == "supply" and (frm := _SUPPLIED_FROM.search(window_before)) is not None:
        # "most of X's steel is supplied from Y's mills": Y supplies
        agent = getattr(_named_at(in_clause, chosen, w0 + frm.end()), "name", None)
    if agent is None and trig.kind == "supply" and text.startswith("won ", trig.start):
        # "the company won an order worth 520 million yuan from Y": Y orders, the winner supplies
        frm = re.search(r"\bfrom\s", window)
        customer = frm and next((m.name for m in in_clause if m.start >= trig.start + frm.end() - 1
                                 and m.name in chosen and m.name not in counter_role), None)
        if customer:
            counter_role[customer] = patient_role
    if agent is None and trig.kind == "supply" and text.startswith("ordered ", trig.start) \
            and text.find(" from ", trig.start, cend) == -1:
        # "Y ordered 150 Kestrel coaches": the maker named after the verb supplies them to Y
        agent = next((m.name for m in in_clause if m.start >= trig.start and m.name in chosen
                      and m.name not in counter_role), None)
    if agent is None:
        before = [m for m in in_clause if m.start < trig.start and m.name in chosen and m.name not in counter_role]
        # "NIO said on Monday that CYVN had agreed to invest ...": the speaker is not the agent
        frame = None
        # "Lumen signed a contract under which Kestrel will supply ...": the subject of the relative clause
        for frame in _SUBJECT_FRAME.finditer(text[cstart : trig.start]):
            pass
        # "X has grown since Y, a private-equity firm, bought 40% of the business": the subject
        # of the clause the subordinator opens, named just before the verb
        opened = next((m for m in reversed(before) if _SUBORDINATOR_BEFORE.search(text, max(cstart, m.start - 8), m.start)
                       and _UP_TO_VERB.fullmatch(text, m.end, trig.start)), None)
        if opened is not None:
            before = [opened]
        elif frame is not None:
            after_frame = [m for m in before if m.start >= cstart + frame.end()]
            if after_frame and frame.group().endswith(("which ", "whereby ")):
                # "under which it would move ... into Y, and Z would invest": the one the verb follows
                verb_of = [m for m in after_frame if _JUST_BEFORE_VERB.fullmatch(text, m.end, trig.start)]
                after_frame = verb_of or after_frame
            if after_frame:
                before = after_frame
        if before and _WHICH_AFTER.match(text[before[-1].end : trig.start]):
            agent = before[-1].name  # "Stellantis, which invested in the company", "X, an assembler, which will build"
        else:
            # the clause's subject, not an object of "with/from/to" ("signed with X, VW will acquire")
            subjects = [m for m in before if not re.search(
                r"\b(?:with|from|to|for|of|in)\s(?:the\s)?(?:[\w-]+\s){0,2}$", text[max(cstart, m.start - 30) : m.start])]
            if subjects or before:
                agent = (subjects or before)[0].name
    if agent is None:
        # "licensing to McLaren", "investment from X in Y": nominal triggers
        frm = re.search(r"\bfrom\s", window)
        if frm:
            agent = next((m.name for m in in_clause if m.start >= trig.start + frm.end() - 1 and m.name in chosen
                          and m.name not in counter_role), None)
    if agent is None:
        agent = next((n for n in chosen if n not in counter_role), None)
    customer_of = re.search(r"\bcustomers?\s(?:of|for)\b", text[trig.start : trig.end]) if trig.kind == "supply" else None
    if customer_of:  # "X is the largest customer of Y": Y supplies
        at = trig.start + customer_of.end() + 1
        agent = getattr(_named_at(in_clause, chosen, at), "name", None)
    # "X was chosen by Y as its supplier": X, the subject, supplies
    if trig.kind == "supply" and re.search(r"\bas\b[^.;]*supplier", text[trig.start : trig.end]):
        subject = next((m for m in in_clause if m.start < trig.start and m.name in chosen), None)
        if subject is not None:
            agent = subject.name
    # "X picked Y to supply castings", "Y was chosen by X as its supplier": Y supplies
    picked = None
    if trig.kind == "supply":
        for picked in _PICKED.finditer(text, cstart, trig.end):
            pass
    if picked is not None and _PICKED_FOR.match(text, picked.end(), trig.end):
        if _PASSIVE_BEFORE.search(text, max(cstart, picked.start() - 12), picked.start()):
            chosen_one = next((m for m in in_clause if m.start < picked.start() and m.name in chosen), None)
        else:
            chosen_one = next((m for m in in_clause if picked.end() <= m.start < trig.end and m.name in chosen), None)
        if chosen_one is not None:
            agent = chosen_one.name
    # "X signed a power purchase agreement with Y", "X bought 40 buses": X buys, Y supplies;
    # "new to Y's packs: it bought 40 of them": Y, whose goods they are
    if trig.kind == "supply" and agent is not None and len(chosen) == 2 and agent not in counter_role \
            and not ordered and not passive and (_PURCHASE_AGREEMENT.search(text, trig.start, trig.end)
                                                 or _SUBJECT_BUYS.match(text, trig.start, trig.end)):
        maker = next((m.name for m in in_clause if m.name in chosen and m.start < trig.start
                      and text.startswith(("’s ", "'s "), m.end)), None)
        agent = maker or next((n for n in chosen if n != agent and n not in counter_role), agent)
    # "X uses Y's chips": Y, named inside the trigger, supplies X; "X gave Y an order": Y too
    if trig.kind == "supply" and (_USES.match(text, trig.start, trig.end) or _GAVE.match(text, trig.start, trig.end)):
        maker = next((m for m in in_clause if trig.start < m.start < trig.end and m.name in chosen), None)
        if maker is not None:
            agent = maker.name
    # "Y built X models under its own brand": X, named inside the trigger, licenses them
    if trig.kind == "licensing" and " own " in text[trig.start : trig.end]:
        owner = next((m for m in in_clause if trig.start < m.start < trig.end and m.name in chosen), None)
        if owner is not None:
            agent = owner.name
    if trig.kind == "licensing":
        agent = _licensor(text, trig, chosen, in_clause, cstart, cend) or agent
    if trig.kind == "contract_manufacturing" and _HIRED.match(text, trig.start):
        # "X signed up the local assembler Y to build its models": Y builds, X is the client
        hired = next((m.name for m in in_clause if trig.start < m.start < trig.end and m.name in chosen), None)
        if hired is not None:
            agent = hired
    if trig.kind == "contract_manufacturing" and _ASSEMBLE_ACTIVE.match(text, trig.start):
        # "X has assembled vehicles in Mexico since 2017 with Y": Y does the assembling
        partner = next((m.name for m in in_clause if m.start > trig.end and m.name in chosen
                        and re.search(r"\bwith\s(?:[\w-]+\s){0,2}$", text[max(cstart, m.start - 30) : m.start])), None)
        if partner is not None:
            agent = partner
    hosts = {m.name for m in in_clause if m.type == "GovernmentBody"} if trig.kind == "investment" else set()
    if agent in hosts:  # "signed by A on behalf of the county government and by B": B invests
        agent = next((n for n in chosen if n not in hosts and n not in counter_role), agent)
    for name in chosen:
        if name in counter_role:
            roles[name] = counter_role[name]
        elif name == agent:
            roles[name] = agent_role
        elif name in hosts:
            roles[name] = "party"  # "an investment agreement with the provincial government": the host
        else:
            roles[name] = patient_role
    return roles


# "X grants Y a ten-year licence", "X gave Y the licence": X licenses
_LICENCE_GRANT = re.compile(r"\b(?:grants?|granted|gives|gave|awards?|awarded)\s(?!to\b)(?=[^.;]{0,80}?\blicen[cs]e)")
# "licensed a coating process for its housings from X", "under a licence from the German company"
_LICENCE_TO = re.compile(r"\blicen[cs]es?\s(?:[\w-]+\s)?to\s$")
_LICENCE_FROM = re.compile(r"licen[sc]\w*\s(?:[\w-]+\s){0,8}?from\s", re.I)


_LICENCE_OWNER = re.compile(r"licen[cs](?:ed\s|es?\s(?:to\s(?:use\s)?|for\s|on\s|covering\s))")


# between two agreements of one signing: "... Patent Licence Agreement (the "Licence") and a Parts"
_AGREEMENTS_AND = re.compile(r"(?:\s(?:[Aa]greement|[Cc]ontract))?(?:\s\([^()]{1,60}\))?\sand\s(?:an?|the)\s(?:[\w-]+\s){0,3}$")
_AGREEMENT_AFTER = re.compile(r"(?:\s[\w-]+){0,2}?\s(?:[Aa]greement|[Cc]ontract)\b")
_AGREEMENT_END = re.compile(r"(?:agreement|contract)s?$", re.I)


def _paired_agreement(text: str, ts: list[_Trigger], best: _Trigger) -> _Trigger | None:
    """The other of two agreements of different kinds named together ("a supply agreement
    and a licence agreement"), where ``best`` is one of them."""
    for t in ts:
        if t is best or t.kind == best.kind or t.spec < 3 or t.kind not in _AGENT_ROLES:
            continue
        first, second = (t, best) if t.start < best.start else (best, t)
        if second.start - first.end > 80 or not _AGREEMENTS_AND.fullmatch(text, first.end, second.start):
            continue
        if not (_AGREEMENT_END.search(text, second.start, second.end) or _AGREEMENT_AFTER.match(text, second.end)):
            continue
        return t
    return None


def _licensor(text, trig, chosen, in_clause, cstart, cend) -> str | None:
    """Who grants the licence, where the clause says so; None leaves the subject as licensor."""
    named = [m for m in in_clause if m.name in chosen]
    grant = _LICENCE_GRANT.search(text, max(cstart, trig.start - 120), trig.start)
    if grant is not None:
        # "Under the agreement, Orla grants the Company a licence": the one before the verb
        giver = next((m for m in reversed(named) if m.end <= grant.start()), None)
        if giver is not None and any(m.start >= grant.end() and m.name != giver.name for m in named):
            return giver.name
    frm = _LICENCE_FROM.match(text, trig.start, cend)
    if frm is not None:
        at = frm.end()
        after = next((m for m in named if m.start >= at - 1), None)
        if after is not None:
            return after.name
        # "Y has made seals to X designs under a licence from the German company": the
        # licensor is only described, so the subject is the licensee
        subject = next((m for m in named if m.start < trig.start), None)
        if subject is not None:
            return next((n for n in chosen if n != subject.name), None)
    # "Y will produce X's calipers under licence": X, whose calipers they are, licenses them
    if text.endswith("under ", cstart, trig.start):
        owner = next((m for m in reversed(named) if m.end <= trig.start and text.startswith(("’s ", "'s "), m.end)), None)
        if owner is not None:
            return owner.name
    # "Y had licensed X's design", "Y holds a licence to X's axle design": X, whose design
    # it is, licenses it
    own = _LICENCE_OWNER.match(text, trig.start)
    if own is not None:
        owner = next((m for m in named if m.start == own.end()
                      and text.startswith(("’s ", "'s "), m.end)), None)
        if owner is not None:
            return owner.name
    return None


# "acquired Evolut", "the takeover of X", "X was bought by Y": a whole company changes hands
_TAKEOVER_WORD = re.compile(r"acquir|takeover|take over|took over|taken over|bought$", re.I)
# what is bought is a part of the company named after it ("the assets of X"): X sells
_PART_BOUGHT = re.compile(
    r"\b(?:assets?|business(?:es)?|units?|divisions?|plants?|factory|factories|operations|stakes?|shares|"
    r"interest|holding|brand|lines?|arm|subsidiary|site)\b|\bfrom\s", re.I)


def _company_taken_over(claim: _Claim, text: str, trig: _Trigger, orgs: list[Mention], cend: int) -> None:
    """A company bought outright is invested in, not a seller: the claim becomes an
    investment of the buyer (investor) in the company (investee), as the gold format has
    it; buying assets, a unit or a stake from a seller stays an acquisition."""
    if not _TAKEOVER_WORD.search(text, trig.start, trig.end) or _PART_BOUGHT.search(text, trig.start, cend):
        return
    sellers = [mid for mid, role in claim.parties.items() if role == "seller"]
    buyers = [mid for mid, role in claim.parties.items() if role == "buyer"]
    if len(sellers) != 1 or not buyers:
        return
    target = next((m for m in orgs if m.id == sellers[0]), None)
    if target is None or target.type != "Company":
        return
    claim.kind = "investment"
    claim.rule = "deal.company_taken_over.v1"
    claim.parties = {mid: "investee" if role == "seller" else "investor" if role == "buyer" else role
                     for mid, role in claim.parties.items()}


def _split_hub(claim: _Claim, sm, trig_start, agent: str | None = None) -> list[_Claim]:
    names = list(claim.names)
    hub = next((n for n, mid in claim.names.items() if mid == agent), names[0])
    out = []
    for other in names:
        if other == hub:
            continue
        c = _Claim(**{**claim.__dict__})
        c.names = {hub: claim.names[hub], other: claim.names[other]}
        c.parties = {claim.names[hub]: claim.parties.get(claim.names[hub], "party"),
                     claim.names[other]: claim.parties.get(claim.names[other], "party")}
        c.evidence = list(claim.evidence)
        out.append(c)
    return out


def _distribution(article, sent, sm, cstart, cend, focus) -> list[_Claim]:
    """'partnered with A for X, B for Y, and C for Z' -> one deal per item."""
    text = article.text
    seg = text[cstart:cend]
    m = re.search(r"\bwith\s", seg)
    if not m:
        return []
    tail_start = cstart + m.end()
    items = []
    for org in [x for x in sm if x.start >= tail_start and x.start < cend]:
        after = text[org.end : org.end + 60].replace("\u00a0", " ")
        im = re.match(r"\s(?:for|on|in)\s(?:a\s|an\s|the\s)?([\w\s/-]{2,40}?)(?=,|\.|;|\sand\s|$)", after)
        if not im:
            return []
        items.append((org, im.group(1)))
    if len(items) < 2:
        return []
    subj = next((x for x in sm if x.start < tail_start), None) or focus.at(sent.index)
    if subj is None:
        return []
    out = []
    for org, phrase in items:
        kind, spec = "strategic_cooperation", 1
        for pat, k, s in _ITEM_KIND:
            if pat.search(phrase):
                kind, spec = k, s
                break
        names = {subj.name: subj.id, org.name: org.id}
        roles: dict[str, PartyRole] = {subj.id: "party", org.id: "party"}
        if kind in _AGENT_ROLES:
            # "partnered with Nio for EV production": the subject does the work
            roles = {subj.id: _AGENT_ROLES[kind][0], org.id: _AGENT_ROLES[kind][1]}
        out.append(_Claim(kind=kind, spec=spec, parties=roles, names=names, date=None, end_date=None,
                          status="ongoing", title=None, value=None, stake=None, place=None,
                          evidence=[_evidence(article, sent)], sentence=sent.index,
                          rule=f"deal.distributed.{kind}.v1"))
    return out


_ABBREVIATION_END = re.compile(r"\b(?:Ltd|Co|Inc|Corp|[A-Z])\.$")
_LABEL = re.compile(r"[A-Z][\w-]*(?:\s[\w-]+){0,5}:\s")  # "Five-year distribution agreement: ..."


def _schedule_entry(article: Article, sent, label: re.Match[str], focus: _Focus, sd: list[DateMatch],
                    dates: list[DateMatch]) -> list[_Claim]:
    """A signing schedule: '11:15  Orla Fleets S.L. (Malaga, Spain)' on one line, then
    'Supply contract: 600 vans ...' (``label`` its "Supply contract: ") -- a deal between the
    company the line above names and the one the document is about."""
    if not focus.heading(sent.index - 1):
        return []
    triggers = [(s, e, i) for s, e, i in _find_triggers(label.group()) if _TRIGGERS[i][1] != "strategic_cooperation"
                or _TRIGGERS[i][2] > 1]
    if not triggers:
        return []
    _, _, i = max(triggers, key=lambda t: _TRIGGERS[t[2]][2])
    _, kind, spec = _TRIGGERS[i]
    named = focus.named_in(sent.index - 1)
    if len(named) != 1:
        return []
    org = named[0]
    issuer = focus.speaker(sent.index, exclude=frozenset({org.name}))  # whose schedule it is
    if issuer is None:
        return []
    roles: dict[str, PartyRole] = {issuer.id: "party", org.id: "party"}
    if kind in _AGENT_ROLES:  # the issuer of a signing schedule supplies, licenses, makes
        roles = {issuer.id: _AGENT_ROLES[kind][0], org.id: _AGENT_ROLES[kind][1]}
    d = _sentence_initial_date(sd, sent)
    if d is None:  # "AGREEMENTS SIGNED AT THE BOOTH ON PRESS DAY (24 APRIL 2026)": the schedule's day
        heads = [x for x in article.sentences[max(0, sent.index - 12) : sent.index] if "sign" in x.text.lower()]
        d = next((m for x in reversed(heads) for m in dates
                  if x.start <= m.start < x.end and m.value.precision == "day"), None)
    return [_Claim(kind=kind, spec=spec, parties=roles, names={issuer.name: issuer.id, org.name: org.id},
                   date=d.value if d is not None else None, end_date=None,
                   status=_status(sent.text, sent.text, _Trigger(sent.start, sent.start + label.end(), kind, spec, False)),
                   title=None, value=money_in(sent.text), stake=None, place=None,
                   evidence=[_evidence(article, sent)], sentence=sent.index, rule=f"deal.schedule.{kind}.v1")]


# a deal tracker: "> A -> B" on one line, then "- Type: supply of ...", "- Signed: Thu 8 Oct", ...
_TRACKER_HEAD = re.compile(r"[>*•]?\s*[^\s].*?\s(?:->|<->|→|↔)\s.+")
_TRACKER_FIELD = re.compile(r"[-*•]?\s*(Type|Value|Signed|Closed|Status):\s")
_TRACKER_KIND = [(re.compile(r"stake|equity|investment|shares|capital", re.I), "investment", 4), *_ITEM_KIND,
                 (re.compile(r"distribut|import|dealer", re.I), "other", 3)]
_TRACKER_STATUS = {"signed": "signed", "closed": "completed", "delivering": "ongoing", "dropped": "cancelled",
                   "rumour": "rumoured", "rumor": "rumoured"}
_SELLER_IN = re.compile(r"\bseller\s")


def _tracker_entries(article: Article, focus: _Focus, dates: list[DateMatch]) -> list[_Claim]:
    """Deals a tracker lists as a head line naming two companies ("A -> B": A supplies, invests,
    licenses) and field lines under it; an entry without a "Type:" line only updates a deal
    told elsewhere and adds none."""
    out: list[_Claim] = []
    sents = article.sentences
    for sent in sents:
        if "->" not in sent.text and "→" not in sent.text and "↔" not in sent.text:
            continue
        if not _TRACKER_HEAD.fullmatch(sent.text.strip()):
            continue
        named = focus.named_in(sent.index)
        if len(named) != 2:
            continue
        fields: dict[str, Sentence] = {}
        for nxt in sents[sent.index + 1 : sent.index + 8]:
            f = _TRACKER_FIELD.match(nxt.text)
            if f is None:
                if _TRACKER_HEAD.fullmatch(nxt.text.strip()):
                    break
                continue
            fields.setdefault(f.group(1), nxt)
        kind_line = fields.get("Type")
        if kind_line is None:
            continue
        kind, spec = next(((k, sp) for pat, k, sp in _TRACKER_KIND if pat.search(kind_line.text)),
                          ("strategic_cooperation", 2))
        a, b = named
        roles: dict[str, PartyRole] = {a.id: "party", b.id: "party"}
        if kind in _AGENT_ROLES and "<->" not in sent.text:
            roles = {a.id: _AGENT_ROLES[kind][0], b.id: _AGENT_ROLES[kind][1]}
        names = {a.name: a.id, b.name: b.id}
        if kind == "investment" and (seller := _SELLER_IN.search(kind_line.text)) is not None:
            who = next((m for m in focus.mentions_in(kind_line.index) if m.start >= kind_line.start + seller.end()), None)
            if who is not None and who.name not in names:
                names[who.name] = who.id
                roles[who.id] = "seller"
        when = fields.get("Signed") or fields.get("Closed")
        day = next((d for d in dates if when is not None and when.start <= d.start < when.end), None)
        state = fields.get("Status")
        word = state.text.split(":", 1)[1].strip().split()[0].lower() if state is not None else ""
        evidence = [_evidence(article, x) for x in (sent, kind_line)]
        out.append(_Claim(kind=kind, spec=spec, parties=roles, names=names, date=day.value if day else None,
                          end_date=None, status=_TRACKER_STATUS.get(word, "signed"), title=None,
                          value=money_in(fields["Value"].text) if "Value" in fields else None,
                          stake=_stake_in(sent.text), place=None, evidence=evidence, sentence=sent.index,
                          rule=f"deal.tracker.{kind}.v1", dated_by_text=day is not None))
    return out


def _fill(into: _Claim, source: _Claim, fields: tuple[str, ...]) -> None:
    """Give ``into`` whatever of ``fields`` it lacks and ``source`` has."""
    for f in fields:
        if not getattr(into, f):
            setattr(into, f, getattr(source, f))


def _compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _more_precise(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two compatible dates, but a date the text states beats one
    inferred from the article's date."""
    if a is None:
        return b
    if b is None:
        return a
    if (a.origin == "inferred") != (b.origin == "inferred"):
        return b if a.origin == "inferred" else a
    return a if (a.latest - a.earliest) <= (b.latest - b.earliest) else b


# ("Under it, the Company will purchase chassis from X": "it" is the agreement just told)
_CONTINUES = re.compile(r"^(?:Under|According to|As part of|Pursuant to|Through)\s(?:(?:the|this|that)\s(?:[\w-]+\s)?"
                        r"(?:agreement|deal|partnership|contract|terms|arrangement|cooperation)\b|(?:it|them),)", re.I)


_ALSO_TOOK_PART = re.compile(r",\s(?:in|to)\swhich\s(.{3,80}?)\s(?:also\s)?(?:took\spart|participated|contributed)\b")
_VENTURE_ENDED = re.compile(r"(?:The|This|That|Their|Its)\s(?:[\w-]+\s)?(?:joint\s)?venture\s(?:was|were|has\sbeen|had\sbeen)\s"
                            r"(?:later\s|eventually\s|finally\s)?(?:dissolved|wound\sup|liquidated|deregistered)\b")
_COMBINED = re.compile(r"\b(?:a\s|for\sa\s)combined\b|\btogether\s(?:they|paid|invested|hold|own)\b")


def _signed_before_report(signed: DateValue | None, reported: DateValue | None) -> bool:
    """``signed`` is a day in the fortnight up to the day ``reported``."""
    return (signed is not None and reported is not None and signed.precision == reported.precision == "day"
            and 0 <= (reported.earliest - signed.earliest).days <= 14)


def _reported_day(x: _Claim, c: _Claim) -> bool:
    """``x`` has the report's day, which gives way to the signing day ``c`` tells: "X (dateline
    October 5) today announced it has signed ... The agreement was signed on October 4"."""
    return x.extra.get("reported", False) and _signed_before_report(c.date, x.date) and (
        x.party_names == c.party_names or _sellers_apart(x, c))


def _told_again(x: _Claim, c: _Claim) -> bool:
    """Beyond same parties and compatible dates, ``c`` tells the deal ``x`` of the same kind
    and reality: with the signing day after the report's, or "Kestrel's acquisition of X" and
    "Kestrel signed to acquire X from Y", one purchase told once with its seller."""
    return _reported_day(x, c) or (
        c.kind in ("investment", "acquisition") and _investee(x) is not None and _investee(x) == _investee(c)
        and _compatible(x.date, c.date) and _only_sellers_apart(x, c))


def _only_sellers_apart(a: _Claim, b: _Claim) -> bool:
    """The parties of one claim are those of the other and sellers more, and the one with fewer
    has no date of its own."""
    small = a if len(a.names) <= len(b.names) else b
    # ("bought shares in July, and in a separate transaction bought more from Y" are two)
    return (small.date is None or small.date.origin == "inferred") and _sellers_apart(a, b)


def _sellers_apart(a: _Claim, b: _Claim) -> bool:
    """The parties of one claim are those of the other and sellers more."""
    small, big = (a, b) if len(a.names) <= len(b.names) else (b, a)
    extra = big.party_names - small.party_names
    return small.party_names < big.party_names and all(big.parties.get(big.names[n]) == "seller" for n in extra)


def _investee(c: _Claim) -> str | None:
    return next((name for name, mid in c.names.items() if c.parties.get(mid) == "investee"), None)


# "Deliveries of electric vans to Y from 2031 are being evaluated by the Company": a new
# deal under study, not the one of the same parties signed already
_UNDER_STUDY = re.compile(r"\b(?:is|are|was|were)\s(?:being\s)?(?:evaluated|studied|examined|assessed)\b")


def _under_study(x: _Claim, c: _Claim) -> bool:
    """One of the two is a deal under study and the other is not."""
    return (x.status == "planned") != (c.status == "planned") and any(
        y.status == "planned" and _UNDER_STUDY.search(y.evidence[0].text) for y in (x, c))


def _fresh(signed: DateValue | None, published: DateValue | None) -> bool:
    """``signed`` is a day in the month before the article's day."""
    return (signed is not None and published is not None and signed.precision == published.precision == "day"
            and 0 <= (published.earliest - signed.earliest).days <= 31)


def _merge_in_article(claims: list[_Claim], published: DateValue | None = None) -> list[_Claim]:
    """Same kind + same parties + compatible dates = one deal; generic re-mentions attach;
    "Under the agreement, X grants Y a licence" spells out the deal just reported."""
    out: list[_Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        under = _UNDER_LICENCE.search(c.evidence[0].text) if prev is not None and prev.kind == "licensing" else None
        if (prev is not None and prev.kind == "licensing" and c.kind in ("contract_manufacturing", "supply")
                and c.sentence == prev.sentence + 1 and c.party_names == prev.party_names and (not c.finite_sign or under)):
            # "X signed a licence agreement with Y. Y will assemble controllers of X's design":
            # what the licence lets Y do, not a deal of its own
            prev.evidence += c.evidence
            if under and c.finite_sign and c.dated_by_text and not prev.dated_by_text:
                # "... under the seven-year licence, which was signed on Wednesday": the licence's signing
                prev.date, prev.dated_by_text = c.date, True
                if prev.status in ("announced", "ongoing", "completed"):
                    prev.status = "signed"
            continue
        if (prev is not None and prev.kind == c.kind == "investment" and c.sentence == prev.sentence
                and _investee(prev) is not None and _investee(prev) == _investee(c)
                and _COMBINED.search(c.evidence[0].text)):
            # "Kestrel took 20% of Orla and a city fund a further 10%, for a combined 90 million
            # yuan": one round with two investors
            for name, mid in c.names.items():
                if name not in prev.names:
                    prev.names[name] = mid
                    prev.parties[mid] = c.parties[mid]
            prev.evidence += [e for e in c.evidence if e not in prev.evidence]
            if prev.date is None:
                prev.date, prev.dated_by_text = c.date, c.dated_by_text
            continue
        # (the detail may name one more party: "Under the Agreement, X will sell to Y 51% of Z")
        if (prev is not None and prev.party_names <= c.party_names and c.sentence - prev.sentence <= 2
                and any(_CONTINUES.match(e.text) for e in c.evidence) and not _REALITY.get(prev.status)):
            if (c.spec > prev.spec and prev.spec <= 1) or (c.kind == prev.kind == "licensing" and _LICENCE_GRANT.search(c.evidence[0].text)):
                # the detail names the kind ("grants Ebro a licence"), or who grants the licence
                prev.kind, prev.spec, prev.rule = c.kind, c.spec, c.rule
                # (a name already a party keeps its first mention and takes the detail's role)
                first = {c.names[n]: prev.names.get(n, c.names[n]) for n in c.names}
                prev.parties = {**prev.parties, **{first.get(mid, mid): r for mid, r in c.parties.items()}}
                prev.names = {**c.names, **prev.names}
            prev.evidence += c.evidence
            prev.value = prev.value or c.value
            prev.stake = prev.stake if prev.stake is not None else c.stake
            continue
        reality = _REALITY.get(c.status, "")
        if c.spec <= 1:
            same = [x for x in out if x.party_names == c.party_names and _REALITY.get(x.status, "") == reality]
            if same:
                x = same[-1]
                x.evidence += c.evidence
                if c.dated_by_text and not x.dated_by_text and x.end_date is None:
                    # "announced ... developed with Y. The cooperation dates back to 2023": the date
                    x.date, x.dated_by_text = c.date, True
                elif c.dated_by_text and x.end_date is None and _reported_day(x, c):
                    # "X is buying 49% of Y, Y said on Monday. ... X and Y struck the agreement
                    # last Friday": the signing, not the report, dates the deal
                    x.date = c.date
                    if c.status == "signed" and x.status in ("announced", "planned"):
                        x.status = "signed"
                continue
            overlap = [x for x in out if len(x.party_names & c.party_names) >= 2 and x.spec > 1]
            if overlap and not c.dated_by_text:
                continue
        twin = next(
            (x for x in reversed(out)
             if x.kind == c.kind and x.party_names == c.party_names
             and _REALITY.get(x.status, "") == reality and not _under_study(x, c)
             and _compatible(x.date, c.date) and _compatible(x.end_date, c.end_date)),
            None,
        )
        if twin is None:
            twin = next((x for x in reversed(out) if _REALITY.get(x.status, "") == reality
                         and x.kind == c.kind and _told_again(x, c)), None)
            if twin is not None and _reported_day(twin, c):
                twin.date = c.date
            if twin is not None and len(c.parties) > len(twin.parties):
                twin.names, twin.parties = {**twin.names, **c.names}, {**twin.parties, **c.parties}
        if twin is None:
            out.append(c)
            continue
        twin.evidence += c.evidence
        twin.date = _more_precise(twin.date, c.date)
        if c.extra.get("reported") and twin.date is c.date:
            twin.extra["reported"] = True  # the day it has is a report's
        twin.end_date = _more_precise(twin.end_date, c.end_date)
        _fill(twin, c, ("value", "title", "place", "stake", "dated_by_text", "finite_sign", "perfect"))
        # "gave X an order in 2017 ... X has supplied them ever since": a supply goes on
        # "were ordered by Y in 2022. Those parts are still delivered to Y": so does an order
        goes_on = c.kind in _CONTINUED_KINDS and (
            ("ongoing" in (twin.status, c.status) and "completed" in (twin.status, c.status))
            or (twin.status == "signed" and c.status == "ongoing" and c.sentence > twin.sentence
                # (not a contract signed days before the article: "The licence is granted to Y")
                and not _fresh(twin.date, published)))
        if goes_on:
            twin.status = "ongoing"
        elif twin.status in ("announced", "ongoing", "planned") and c.status in ("signed", "completed"):
            twin.status = c.status
        if c.spec > twin.spec:  # "jointly built ... . The station is the result of a strategic cooperation agreement"
            twin.spec, twin.rule = c.spec, c.rule
    return out


def _fold_headline(article: Article, claims: list[_Claim]) -> list[_Claim]:
    """A headline abbreviates ('X Announces Acquisition of Assets from Y' when X's
    subsidiary buys them): its deal is the body's deal of the same kind and a shared party."""
    if not claims or not article.sentences:
        return claims
    head = article.sentences[0]
    if head.text.rstrip()[-1:] in ".!?\"”" or not article.text[head.end : head.end + 2].startswith("\n"):
        return claims
    out = []
    for c in claims:
        if all(e.start == head.start for e in c.evidence):
            body = next((x for x in claims if x is not c and x.kind == c.kind and x.party_names & c.party_names
                         and any(e.start != head.start for e in x.evidence)), None)
            if body is not None:
                body.evidence += c.evidence
                continue
        out.append(c)
    return out


# "Nine projects were signed at the conference", "signed at the same ceremony"
_SIGNED_AT_EVENT = re.compile(
    r"\bsigned\s(?:[\w-]+\s){0,3}?at\s(?:the\s)?(?:same\s|opening\s|signing\s)?"
    r"(?P<noun>conference|ceremony|forum|summit|expo|fair|event|meeting|exhibition|convention)\b"
    # "64 contracts were signed on the first day" of a fair the sentence before dates
    r"|\bsigned\s(?:[\w-]+\s){0,3}?on\sthe\s(?:first|opening|second|last|final|closing)\s(?P<day>day)\b")


def _signing_event(article: Article, dates: list[DateMatch]) -> DateMatch | None:
    """The day of the event at which the article says deals were signed ("On June 19 the
    investment conference was held ... Nine projects were signed at the conference"): the
    day-precise date of that sentence, or of the nearest sentence before it that names the
    event."""
    m = _SIGNED_AT_EVENT.search(article.text) if "signed" in article.text else None
    if m is None:
        return None
    noun = m.group("noun") or m.group("day")
    sent = next((x for x in article.sentences if x.start <= m.start() < x.end), None)
    if sent is None:
        return None
    for prev in reversed(article.sentences[max(0, sent.index - 3) : sent.index + 1]):
        if prev is not sent and noun not in prev.text.lower():
            continue
        day = next((d for d in dates if prev.start <= d.start < prev.end and d.role == "event"
                    and d.value.precision == "day"), None)
        if day is not None:
            return day
    return None


def _infer_dates(article: Article, claims: list[_Claim], signing_event: DateMatch | None = None) -> None:
    """Undated signings take the article's news date: the day most of its deals name, or
    the publication date for a present-perfect report ('have signed'); where the article
    says its deals were signed at an event it dates, that event's day. Marked inferred."""
    days: dict[str, int] = {}
    values: dict[str, DateValue] = {}
    event_parties: dict[str, set[str]] = {}
    for c in claims:
        if c.date is not None and c.date.precision == "day" and c.dated_by_text:
            days[c.date.value] = days.get(c.date.value, 0) + 1
            values[c.date.value] = c.date
            event_parties.setdefault(c.date.value, set()).update(c.names)
    event = max(days, key=lambda k: (days[k], k)) if days else None
    for c in claims:
        if signing_event is not None and c.status == "signed" and c.finite_sign and c.end_date is None and (
                c.date is None or c.date.origin == "inferred"):
            # the event the article dates is a surer guess than the publication date
            c.date = signing_event.value.model_copy(update={"origin": "inferred"})
            continue
        if c.date is not None or c.end_date is not None or not c.finite_sign:
            continue
        if _REALITY.get(c.status) or event is None:
            continue
        if set(c.names) & event_parties[event]:
            c.date = values[event].model_copy(update={"origin": "inferred"})

