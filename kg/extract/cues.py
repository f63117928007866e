"""Cue lexicons for commitments: the words of the genre, kept as data.

Leaders' statements announce acts in a small, stable vocabulary ("we have
supplied", "we plan to send a delegation", "agreements were signed").  The
patterns here are matched case-insensitively against a normalised copy of
the text (non-breaking spaces and curly apostrophes made plain, same length,
so offsets stay valid).  Rules in :mod:`kg.extract.commitment_rules` decide
what a match means; this module only says which words signal what.
"""

from __future__ import annotations

# --- commitment types -------------------------------------------------------

# A host's welcome to come: "we will be happy to see you at the summit" (an invitation).
FUTURE_WELCOME = (r"\b(?:will|would|'ll|shall) be (?:very |most |so )?(?:glad|happy|pleased|delighted) "
                  r"to (?:see|welcome|host) you\b")

TYPE_CUES: dict[str, tuple[str, ...]] = {
    "Supply": (
        r"\bsuppl(?:y|ies|ied|ying)\b", r"\bdeliver(?:y|ies|ed|ing|s)?\b",
        r"\bexport(?:s|ed|ing)?\b", r"\bshipments?\b", r"\btransits?\b",
        r"\bimport(?:s|ed|ing)?\b(?=[^.;]{0,80}\bfrom\b)",
        r"\b(?:received?|receiving|get|got|obtained)\b(?=[^.;]{0,80}\bfrom (?:the )?(?:[A-Z]|us\b|you\b))",
        r"\bsen(?:d|t|ding)\b(?=[^.;]{0,40}\b(?:vaccines?|doses|aid|relief|cargo|equipment|grain|weapons|arms)\b)",
        r"\bprovid(?:e|ed|es|ing)\b(?=[^.;]{0,50}\b(?:military|weapons|arms|vaccines?|doses|equipment|"
        r"humanitarian|grain|fuel|gas|oil|fertili[sz]ers?|aid|relief)\b)",
        r"\bhumanitarian (?:aid|assistance|supplies|cargo)\b",
    ),
    "JointProduction": (
        r"\bjoint(?:ly)? (?:[\w-]+ )?(?:production|manufactur\w*|ventures?|assembly)\b",
        r"\bproduc(?:e|ing)\b[\w\s-]{0,30}\bjointly\b",
        r"\blocali[sz](?:e|ed|ing|ation)\b[\w\s-]{0,30}\bproduction\b",
        r"\bproduction locali[sz]ation\b",
        r"\b(?:begin|start|launch|set up|establish|organi[sz]e|expand)\w*\s+(?:the\s+|a\s+)?(?:joint\s+)?"
        r"(?:production|manufacturing|assembly)\b",
        r"\bassembly (?:plant|line)s?\b",
        r"\bdevelop(?:s|ed|ing)?\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:mine|deposit|field)s?\b",
    ),
    "Investment": (
        r"\binvest(?:s|ed|ing|ment|ments|or|ors)?\b(?! (?:sphere|climate|field|area|cooperation|environment|attractiveness))", r"\bloans?\b", r"\bcredit(?:s| line)?\b",
        r"\bfinanc(?:e|ing|ed)\b(?! minist)", r"\bfund(?:s|ing|ed)\b", r"\ballocat(?:e|ed|es|ing)\b",
        r"\bgrants\b", r"\bgrant of\b",
    ),
    "Visit": (
        r"\bvisit(?:s|ed|ing)?\b", r"\bdelegations?\b", r"\bsummit\b", r"\bforum\b",
        r"\bcome (?:here\b|to (?:us|our|your|see|visit)\b|to (?-i:[A-Z]))", r"\bgo (?:there\b|to (?:us|our|your|see|visit)\b|to (?-i:[A-Z]))", r"\btravel(?:s|ling|ing)? to\b",
        r"\bwelcom(?:e|ing) (?:you|him|her|them|the [\w\s.-]{0,20}leaders?)\b(?=[^.;]{0,40}\b(?:to|in|at)\b)",
        r"\bhost(?:s|ing)?\b", r"\binvit(?:e|es|ed|ation)\b", r"\bsee you (?:at|in)\b",
        FUTURE_WELCOME,
        r"\bhold\b[^.;]{0,30}\bmeetings?\b", r"\btrip\b",
        r"\bmeetings?\b(?=[^.;]{0,60}\b(?:(?:will|to) be held|(?:is|are) scheduled)\b)",
    ),
    "Agreement": (
        r"\bagreements?\b", r"\bmemorand(?:um|a)\b", r"\bmou\b", r"\btreat(?:y|ies)\b",
        r"\bcontracts?\b", r"\bdeclarations?\b", r"\bjoint statements?\b", r"\broad ?maps?\b",
        r"\bprotocols?\b", r"\bdocuments?\b(?=[^.;]{0,80}\b(?:signed|adopted|sign|concern))",
        r"(?<=\bsigned )[^.;]{0,30}\bdocuments?\b", r"(?<!to )\bdeal\b(?! with)", r"\bconventions?\b",
        r"(?-i:\b[A-Z][\w-]* Framework\b)", r"\bresolutions?\b(?=[^.;]{0,40}\bsigned\b)",
    ),
    "Cooperation": (
        r"\bco-?operat(?:e|es|ed|ing|ion)\b|\bcollaborat(?:e|es|ed|ing|ion)\b", r"\bwork(?:ing)? (?:\w+ ){0,2}together\b",
        r"\bjoint (?:[\w-]+ (?:and [\w-]+ )?)?(?:projects?|efforts?|work|actions?|exercises?|research|initiatives?|activit(?:y|ies))\b",
        r"\binteraction (?:between|of) (?:the |our )?[\w\s-]{0,40}\b(?:ministries|agencies|services|departments)\b",
        r"\b(?:tourist|tourism|student|youth|cultural|academic|scientific|humanitarian) exchanges?\b",
        r"\b(?:participat\w*|involvement) in (?:the |various |joint |[\w-]+ ){0,3}(?:projects?|construction|"
        r"development|talks|concessions|programmes?|exploration|modernisation)\b",
        r"\b(?:inter-?governmental|inter-?regional) (?:commission|conference|forum)\b",
        r"\bbusiness council\b", r"\bworking group\b", r"\bcontacts in\b", r"\bties in\b",
        r"\bprojects in\b", r"\byear of (?:the )?[A-Z]?\w+\b", r"\bcross year\b",
        r"\bdays of \w+ culture\b", r"\bfestival\b", r"\bcultural (?:exchanges?|events?)\b",
        r"\bmilitary base\b", r"\bcoordinat(?:e|ion)\b", r"\bact together\b", r"\bside by side\b",
        r"\b(?:holding talks|negotiat\w+) with\b",
        r"\b(?:open|opened|opening|establish\w*|set up)\s+(?:a |the |new |several )*branch(?:es)?\b",
        r"\bexhibitions?\b", r"\bexpositions?\b", r"(?-i:\b[A-Z][\w-]+ (?:Days|Seasons|Week)\b)",
        r"\bwork(?:s|ing)? on\b[^.;]{0,40}\bprojects?\b", r"\bassistance (?:in|with)\b", r"\bassistance provided\b",
        r"\bhelp(?:s|ed|ing)?\b(?=[^.;]{0,60}\b(?:restor|rebuild|reconstruct|fight|combat|counter)\w*)",
        r"\breach\w* (?:an? )?agreements? (?:on|to|that)\b",
        r"\bconstruction of\b", r"\b(?:strengthen|develop|expand|deepen)\w* (?:our )?(?:\w+ )?(?:ties|contacts|partnership)\b",
        r"\bexchanges? (?:programmes?|of students)\b",
    ),
}

# Words every match of a type's cues contains (case-folded): a clause without
# any of them cannot hold the type, and is passed over without running the
# patterns.  tests/test_commitments.py checks each pattern against this list.
TYPE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Supply": ("suppl", "deliver", "export", "shipment", "transit", "import", "receiv", "get", "got", "obtained",
               "send", "sent", "provid", "humanitarian"),
    "JointProduction": ("joint", "locali", "production", "manufactur", "assembly", "develop"),
    "Investment": ("invest", "loan", "credit", "financ", "fund", "allocat", "grant"),
    "Visit": ("visit", "delegation", "summit", "forum", "come", "go", "travel", "welcom", "host", "invit",
              "see you", "hold", "trip", "meeting"),
    "Agreement": ("agreement", "memorand", "mou", "treat", "contract", "declaration", "statement", "road",
                  "protocol", "document", "deal", "convention", "framework", "resolution"),
    "Cooperation": ("operat", "collaborat", "together", "joint", "interaction", "exchange", "participat", "involvement",
                    "commission", "conference", "forum", "council", "group", "contacts", "ties", "project",
                    "year", "days", "festival", "cultural", "base", "coordinat", "side by side", "negotiat",
                    "holding talks", "branch", "exhibition", "exposition", "seasons", "week", "assistance",
                    "help", "agreement", "construction", "partnership"),
}

# Cues for events whose names are capitalised by nature ("the Year of Russia",
# "Moscow Days"): a capital letter does not make them part of an organisation's name.
CAPITALISED_BY_NATURE = frozenset({
    r"\byear of (?:the )?[A-Z]?\w+\b", r"(?-i:\b[A-Z][\w-]+ (?:Days|Seasons|Week)\b)",
})

# Capitalised words after a cue that make it part of a name, not an act:
# "Shanghai Cooperation Organisation", "Direct Investment Fund".
NAME_TAILS = r"(?:Organi[sz]ation|Council|Fund|Bank|Forum|Centre|Center|Agency|Corporation|Committee)"

# Clauses that talk about a topic instead of committing to it.
EXCLUDE_ALL: tuple[str, ...] = (
    r"\bthank(?:s| you)?\b", r"\bcongratulat\w*", r"\bsanctions?\b",
)
# A topic the passive "were discussed" follows: "the prospects for cooperation ... were discussed".
DISCUSSED_AFTER = (r"\b(?:was|were|is|are|been|being) (?:also |briefly |thoroughly |extensively )?"
                   r"(?:discussed|considered|reviewed|examined|analy[sz]ed|addressed|touched upon|mentioned)\b")
EXCLUDE_BY_TYPE: dict[str, tuple[str, ...]] = {
    "Cooperation": (
        r"\b(?:discuss\w*|address\w*)\b[^.;]{0,100}\bco-?operation\b", r"\bissues? of (?:our )?co-?operation\b",
        r"\b(?:discuss\w*|address\w*|exchanged views on)\s+(?:the\s+)?(?:\w+\s+)?(?:prospects?|possibilit\w+|opportunit\w+)\b",
        DISCUSSED_AFTER,
        r"\bin co-?operation with\b",  # a manner of acting, not an act between the two
        r"\b(?:hurdles|problems|obstacles) in (?:our )?co-?operation\b",
        r"\bco-?operation (?:issues|agenda)\b",
        # a topic heading: "Regarding cultural cooperation, I would like to mention ..."
        r"\b(?:regarding|as for|as regards|speaking of|turning to|with regard to|when it comes to) "
        r"(?:\w+ ){0,3}co-?operation\b",
        r"\binvit\w* (?:third|other) (?:countries|states|parties)\b",
        # talk about cooperation as a topic: "exchanged views on aspects of cooperation"
        r"\bdiscuss\w*\b[^.;]{0,100}\b(?:co-?operating|interaction)\b",
        r"\b(?:exchang\w* (?:of )?(?:views|opinions)|exchange views|covered|touched (?:up)?on|spoke about|talked about|"
        r"speaking about|under discussion|attention (?:was|has been|is) (?:given|paid|devoted) to)\b"
        r"[^.;]{0,80}\b(?:co-?operat\w*|interaction|collaborat\w*)",
        # praise and evaluation of cooperation, not an act: "appreciates your contribution to cooperation",
        # "satisfaction with the level of cooperation", "the outcome of our joint work"
        r"\bappreciat\w*\b", r"\bsatisf\w* with (?:the )?(?:level|state|pace|progress|development|dynamics|results?)\b",
        r"\b(?:results?|outcomes?|fruits?) of (?:our |the |this )?(?:[\w-]+ )?(?:joint work|co-?operation|"
        r"work(?:ing)? together|joint efforts)\b",
        r"\bprogress (?:was|has been|is|had been) (?:\w+ )?(?:seen|made|achieved|noted)\b",
    ),
    "Visit": (
        r"\b(?:during|on|for) (?:your|my|this|the current|our) (?:\w+ )?visit\b",
        r"\bfirst time\b", r"\bis (?:in [\w ]+ )?on an? [\w-]+ visit\b",
        r"\baccept\w* (?:our|my|the|your|an) invitation\b", r"\bat (?:your|our|my|the) invitation\b",
        r"\bgratitude\b|\bgrateful\b", r"\b(?:this|the present|the current) visit\b",
        r"\b(?:allow me to|let me|i(?: would like| want|'d like| wish)? to|i) (?:\w+ )?welcome you\b",
        # an invitation to third parties, not to the leader addressed
        r"\binvit\w* (?:third|other|all|foreign) (?:countries|states|parties|partners)\b",
        # the visit under way: "pleased to be in Moscow, in accordance with the invitation",
        # "we are very happy to see you in Russia"
        r"\b(?:in accordance with|in response to|following|upon|on) (?:the |your |our |his |her |my |a |an )?"
        r"(?:kind |official |personal )?invitation\b",
        r"\b(?:am|are|is|'m|'re) (?:very |most |so |truly )?(?:glad|happy|pleased|delighted) to "
        r"(?:be (?:here|in|back)|see you (?:here|in|at)|welcome you)\b",
        # an event whose outcome is spoken of is over
        r"\b(?:outcomes?|results?|decisions|understandings) (?:of|reached at) (?:the |last |recent )?"
        r"[\w\s-]{0,40}\b(?:summit|visit|meeting|talks)\b",
        # a past event: "the agreements reached during the summit held on March 5"
        r"\b(?:summit|visit|meeting|talks|negotiations) held\b",
        # a meal or reception on the visit under way is no visit of its own
        r"\binvit\w* (?:you |him |her |them |the \w+ )?to (?:a |an |the )?(?:[\w-]+ )?(?:lunch|dinner|breakfast|"
        r"supper|reception|banquet|concert|tea)\b",
        # the effect of the visit under way: "your visit will give a good boost to our relations"
        r"\b(?:your|this) (?:current |present )?visit(?:, [^,.;]{1,40},)? (?:will|would|is going to) (?:\w+ )?(?:give|provide|"
        r"contribute|help|serve|become|boost|promote|strengthen|open|mark|be (?:a|an|the|very|of))\b",
        # the programme of the visit under way: "will meet today after visiting the exhibition"
        r"\b(?:after|since|while|when) (?:visiting|(?:the|his|her|my|your|our) visit)\b",
        # the event under way: "the agenda you have set for this summit"
        r"\b(?:this|the present|the current|today's) (?:summit|forum)\b",
        # visits exchanged as a habit of relations: "we exchange visits, we maintain contacts"
        r"\b(?:we|they|you) (?:regularly |often |constantly )?exchange (?:\w+ )?visits\b",
    ),
    "Supply": (r"\b(?:this|that|these|those) (?:[\w-]+ )?(?:deliveries|supplies|shipments)\b",),
    "Investment": (
        r"\b(?:discuss\w*|analy[sz]\w*|examin\w*|review\w*|address\w*)\b[^.;]{0,100}\binvest", DISCUSSED_AFTER,
        # praise, not money: "Russia and you personally deserve credit for this"
        r"\b(?:deserv\w*|give|gives|gave|take|takes|took|due) (?:\w+ ){0,2}credit\b|\bcredit (?:for|goes to)\b",
    ),
    "Agreement": (
        r"\b(?:this|that|these|those) (?:agreements?|documents?|deal)\b",
        r"\bin agreement with\b", r"\bby (?:mutual )?agreement\b",
        r"\breach\w* (?:an? )?agreements?\b",  # a verbal agreement to act, no document
        # understandings reached earlier, named as context: "in view of the agreements reached during the talks"
        r"\bagreements? reached (?:earlier|previously|before|(?:during|at|in) [^.;]{0,60}?"
        r"\b(?:(?:19|20)\d\d|last|previous|earlier|former)\b)",
        r"\bagreements? (?:has|have|had|was|were) been reached\b",
        # old documents as context: "implement the agreements on ...", "the anniversary of the treaty"
        r"(?<!signed on )\bimplement\w*\s+(?:of\s+)?(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}(?:agreements?|accords?|treat(?:y|ies))\b",
        r"\banniversary of\b[^.;]{0,40}\b(?:agreements?|treat(?:y|ies))\b",
        # a document of a past year named as history: "the 1955 treaty", "the Treaty of 1997", "signed in 2001"
        r"(?<![-\u2013\u2014/])\b(?:19|20)\d\d (?:[\w-]+ ){0,2}(?:agreements?|treat(?:y|ies)|accords?|conventions?|"
        r"declarations?|memorand(?:um|a))\b",
        r"\b(?:agreements?|treat(?:y|ies)|accords?|conventions?|declarations?) (?:of|from) (?:\w+ )?(?:19|20)\d\d\b",
        r"\bagree(?:ment)? with (?:your|his|her|the|what|this|that) (?:\w+ )?"
        r"(?:assessments?|views?|opinions?|positions?|words|remarks|points?|approach)\b",
        # a document quoted as the source of a statement: "the joint statement said"
        r"\b(?:statement|declaration|communiqu\w+)\b(?: of [^,.;]{0,60})?\s+(?:said|says|noted|notes|stated|states|"
        r"expressed|stress\w*|emphasi[sz]\w*|reaffirm\w*|underline\w*|pointed out|call\w*)\b",
    ),
}

# "Cooperation" as a bare noun is a topic word ("this cooperation was always
# sustained", "Russia-Austria cooperation"); it is an act when it has an area
# ("cooperation in energy", "humanitarian cooperation") or is a verb.
GENERIC_BEFORE_COOPERATION = (
    r"(?:our|this|that|such|the|of|for|and|bilateral|regular|traditional|ongoing|current|existing|mutual|mutually beneficial|further|close|closer|"
    r"comprehensive|all-round|fruitful|practical|good|friendly|successful|productive|constructive|"
    r"multifaceted|diverse|strategic|extensive|active|long-term|subsequent|future|international|"
    r"(?:[A-Z][\w]*-)+[A-Z][\w]*|[A-Z][\w]*'s?|[A-Z][\w]*)\s+$"
)
COOPERATION_AREA_AFTER = r"\s+(?:in|into|on|between|regarding|with regard to|through|to|within|under)\b"
# "In all areas", "in the spirit of strategic partnership": words in the place of an area that name none.
GENERIC_AREA_AFTER = (r"\s+(?:in|across|on) (?:all|every|many|various|different|numerous|a (?:wide |broad )?"
                      r"(?:range|number|variety) of) (?:[\w-]+ )?(?:areas?|spheres?|fields?|directions?|sectors?|"
                      r"domains?|issues|matters)\b(?!,? (?:primarily|mainly|chiefly|including|especially|such as|"
                      r"in particular|notably|above all|first and foremost|in\b))|\s+in the spirit of\b")
# Named channels make joint work concrete: "our foreign ministries work together".
JOINT_WORK_CHANNEL = r"\b(?:ministr(?:y|ies)|agenc(?:y|ies)|departments?|services|security councils?|parliaments?)\b"
# "Contacts in all spheres": the place of an area taken by a quantifier over areas.
QUANTIFIED_AREA = r"\s*(?:all|every|many|various|different|numerous)\b"
# Bare "joint efforts", "joint work", "working together" are an act only with what they aim at
# ("joint efforts against terrorism", "work together to fight ..."); alone they are talk of relations.
BARE_JOINT_WORK = r"joint (?:efforts?|work)|work(?:ing|s|ed)? (?:\w+ ){0,2}together"
JOINT_WORK_AIM_AFTER = r"\s+(?:in|on|to|towards?|against|within|for|aimed|with|under|at)\b"
# Ties, contacts or a partnership named only by generic words ("strengthen our strategic partnership").
GENERIC_TIES = (r"(?:strengthen|develop|expand|deepen)\w* (?:(?:our|the|a|this|bilateral|strategic|friendly|good|close|"
                r"closer|comprehensive|all-round|privileged|special|traditional|mutually beneficial) )*"
                r"(?:ties|contacts|partnership)")
# Verbs of growth right before "cooperation" ("to strengthen cooperation in all spheres").
GROWTH_VERB_BEFORE = (r"\b(?:strengthen|develop|expand|deepen|promot|boost|enhanc|broaden|intensif|continu|increas|"
                      r"build(?:ing)? up|step(?:ping)? up)\w*\s+(?:(?:our|the|this|bilateral|mutual)\s+)*$")
# What makes ties or contacts concrete: an area or the people they join ("contacts between our peoples").
TIES_AREA_AFTER = (r"\s+(?:in|on|within)\b|\s+between (?:our |the |two )*(?:peoples|citizens|regions|business\w*|"
                   r"entrepreneurs|companies|universities|ministries|agencies|young people|youth|people)\b")
# Aims that are the relations themselves: "joint efforts to strengthen relations between our countries".
GENERIC_AIM = (r"\s+(?:to|towards|for)\s+(?:further\s+)?(?:develop|strengthen|expand|deepen|promote|improv|build)\w*"
               r"\s+(?:\w+\s+){0,3}(?:relations|ties|friendship|partnership|dialogue|contacts)\b")
# A summit or forum is a Visit only where it is held, hosted or the addressee is invited to it;
# a multilateral event named as a venue or a wish is none.
EVENT_NOUN = r"\b(?:summit|forum)\b"
EVENT_ACT = (r"\b(?:hold|held|holding|host\w*|organi[sz]\w*|convene\w*|invit\w*|see you|take place|"
             r"will be|welcome)\b",)

# An invitation is a proposed Visit whatever its tense.
INVITATION: tuple[str, ...] = (r"\binvit(?:e|es|ed|ing|ation)\b", FUTURE_WELCOME)
# Agreements under way are negotiated or drafted; a document merely described is a signed one.
# A document counts only when the text speaks of an act on it; "the Minsk Agreements",
# "banned by the Geneva Convention" name old documents as context.
AGREEMENT_ACT = (r"\b(?:sign\w*|adopt\w*|conclu\w+|reached|negotiat\w*|draft\w*|prepar\w*|ratif\w*|initial+ed|"
                 r"approv\w*|propos\w*|complet\w*|work(?:ing)? on|finali[sz]\w*|renew\w*|agreed)\b")
# A sentence that opens by continuing the list of the sentence before: "Those included ...".
LIST_CONTINUATION = r"\W*(?:those|these|they|the documents|the agreements|in addition|additionally|also)\b"
AGREEMENT_UNDER_WAY = r"\b(?:negotiat\w*|draft\w*|working on|preparing|under discussion|being \w+ed)\b"

# --- status -----------------------------------------------------------------

# Where a subordinate clause begins after the cue: its verbs do not govern the cue
# ("negotiations were completed, something which will strengthen trade").
SUBORDINATE_AFTER = r",?\s+(?:something |that )?(?:which|who|whose|where)\b|\bin order to\b|,\s+so that\b"
# A trend of investment with no amount is a general flow (a figure's topic), not an act:
# "the inflow of direct investments from Germany has increased".
INVESTMENT_TREND = (r"\b(?:inflow|outflow|flows?|volume|growth|level|dynamics) of (?:[\w-]+ ){0,2}invest\w*",)
# Receiving an invitation: the inviter is the other side ("we welcomed the invitation to hold ...").
INVITATION_RECEIVED = (r"\b(?:welcom\w*|receiv\w*|got) (?:the|an|your|his|her) (?:\w+ )?invitation\b",)
# An amount of investment that "amounts to" or "exceeds" a sum is a stock: done.
INVESTMENT_STOCK = r"\b(?:amount\w* to|comes? to|exceed\w*|total\w*|stand\w* at|accumulated)\b"

# Reporting frames say nothing about the act's status: "I would like to tell
# you that ...", "I think ...".  They are blanked before status is read.
REPORTING_FRAMES: tuple[str, ...] = (
    r"\bi would like to (?:tell|inform|note|say|stress|emphasi[sz]e|point out|remind)\b",
    r"\bi (?:think|believe|know|am sure|am confident|must say|want to say|should say|can say)\b",
    r"\bas a reminder\b",
    # what the other side said is quoted, not done: "the point that you have mentioned"
    r"\b(?:as )?you (?:have |just )?(?:mentioned|said|noted|pointed out|spoke about|raised)\b",
    # "carried out as planned": the plan is behind the act, not ahead of it
    r"\b(?:as|according to) (?:planned|scheduled|plan|schedule)\b",
)

STATUS_CUES: dict[str, tuple[str, ...]] = {
    "proposed": (
        r"\bpropos(?:e|ed|es|al|als|ing)\b", r"\boffer(?:s|ed|ing)?\b", r"\binvit(?:e|es|ed|ation)\b",
        r"\bready to\b", r"\bwilling to\b", r"\bprepared to\b", r"\bhop(?:e|es|ing|eful)\b",
        r"\binterest(?:ed)? in\b", r"\bprospects?\b", r"\bpotential\b", r"\bpromising\b",
        r"\bwould like to\b", r"\bwould be (?:glad|happy|pleased)\b", r"\bcould\b", r"\bmight\b",
        r"\bsuggest\w*\b", r"\bthe need to\b", r"\bcall(?:s|ed)? (?:on|for)\b", r"\bcan\b",
        FUTURE_WELCOME, r"\breadiness\b", r"\bopportunit(?:y|ies)\b", r"\bpossibilit(?:y|ies)\b",
        r"\b(?:count|rely|relying|counting) on\b", r"\baspir\w+\b", r"\bshould\b",
        r"\b(?:important|necessary|essential|advisable) to\b", r"\bof (?:mutual|common|great) interest\b",
        # what a leader calls needed or possible is not yet decided
        r"\bnecessity (?:for|of|to)\b|\bneed for\b", r"\b(?:importance|advisability|expediency) of (?!the\b)",
        r"(?<!as soon as )(?<!everything )(?<!if )\bpossib(?:le|ly)\b(?! (?:thanks|due) to)",
        r"\b(?:ask|asked|asking|request\w*) (?:\w+ ){0,3}to\b",
        # a wish is not yet a plan: "we want to build" (striving, "we seek to", is an effort under way)
        r"\b(?:want|wants|wish|wishes) to (?!(?:say|note|tell|stress|emphasi[sz]e|point out|"
        r"mention|thank|inform|remind|express|ask|begin|start|congratulate|welcome|draw|add|reiterate)\b)",
    ),
    "planned": (
        r"\bwill\b", r"'ll\b", r"\bshall\b", r"\bplan(?:s|ned|ning)?\b", r"\bagreed? (?:to|that|on)\b",
        r"\bgoing to\b", r"\bintend\w*\b", r"\b(?:am|is|are|'re|'m) (?:\w+ly )?set (?:to|on)\b", r"\breach\w* (?:an? )?agreements? (?:on|to|that)\b", r"\bintention\b", r"\bexpect\w*\b",
        r"\b(?:is|are) (?:due )?to (?:be|reach|begin|start|open|hold)\b", r"\bscheduled\b",
        r"\bdecided to\b", r"\blook(?:ing)? forward to\b", r"\bupcoming\b",
        r"\bnext (?:year|month|week)\b", r"\bsoon\b", r"\btomorrow\b", r"\bmust\b",
        r"\bdecision to\b", r"\bdecided\b", r"\bdetermin(?:ed|ation) to\b",
        r"\bin the (?:near )?future\b", r"\bcommit(?:ment|ted) to\b",
        r"\bagreements? (?:has|have|had|was|were) been reached\b",
    ),
    "completed": (
        r"\b(?:have|has|'ve|had)\s+(?:\w+ly\s+|also\s+|already\s+|just\s+)*"
        r"(?:\w+ed|built|sent|made|given|held|done|set up|begun|won)\b",
        r"\b(?:was|were)\s+(?:\w+ly\s+|also\s+|already\s+)*(?:\w+ed|built|sent|made|given|held|set up)\b",
        r"(?<!being )\b(?:signed|received|supplied|delivered|invested|allocated|launched|held|organi[sz]ed|"
        r"adopted|concluded|reached|built|opened|sent|provided|completed|created|established|"
        r"accumulated|commissioned|transferred|donated|granted|hosted|helped|brought)\b",
        r"\blast year\b", r"\balready\b", r"\bnewly\b", r"\bcompletion of\b",
    ),
    "ongoing": (
        r"\b(?:are|is|am|'re|'s)\s+(?:\w+ly\s+|also\s+|now\s+|already\s+)*(?!going to)\w+ing\b",
        r"\bcontinu(?:e|es|ing)\b", r"\bunder ?way\b", r"\b(?:is|are) being\b", r"\bworking on\b",
        r"\bcurrently\b",
    ),
}
STATUS_PRECEDENCE: tuple[str, ...] = ("proposed", "planned", "completed", "ongoing")
# A main verb in the passive progressive says the act is under way whatever
# the clause's other words: "earlier decisions to build X are being implemented".
UNDER_WAY_MAIN_VERB = (
    r"\b(?:is|are|am) (?:now |currently |already )?being (?:implemented|carried out|built|constructed|"
    r"established|set up|created|developed|drafted|coordinated|negotiated|finali[sz]ed|realised|realized)\b",
)
# Words right before a number that give that number its own status.
LOCAL_STATUS: dict[str, str] = {
    "planned": "planned", "projected": "planned", "promised": "planned", "envisaged": "planned",
    "target": "planned",
}

NEGATION = r"\b(?:not|n't|never|no longer|neither|nor|without)\b|\bno (?:\w+ )?(?:plans?|agreement)"

# --- items ------------------------------------------------------------------

ITEM_CUES: tuple[tuple[str, str], ...] = (
    (r"\bvaccin\w*|\bdoses\b", "vaccine"),
    (r"\bcrude\b|\boil\b|\bpetroleum\b", "oil"),
    (r"\blng\b|\bgas\b", "gas"),
    (r"\bgrain\b|\bwheat\b|\bcereals?\b", "grain"),
    (r"\barms\b|\bweapon\w*|\bmissiles?\b|\bmilitary (?:equipment|hardware)\b|\bammunition\b", "arms"),
    (r"\bfertili[sz]ers?\b", "fertiliser"),
    (r"\bcoal\b", "coal"),
    (r"\belectricity\b", "electricity"),
    (r"\bnuclear fuel\b|\bfuel\b", "fuel"),
    (r"\baircraft\b|\bairplanes?\b|\bplanes\b|\bhelicopters?\b|\bairliners?\b", "aircraft"),
    (r"\bmedicines?\b|\bmedical supplies\b|\bdrugs\b|\bpharmaceuticals?\b", "medicine"),
    (r"\bproduce\b(?! \w+ jointly)|\bagricultural products\b|\bfarm products\b|\bfoodstuffs?\b|\bfood\b", "produce"),
    (r"\bgold\b", "gold"),
    (r"\bcars\b|\bvehicles?\b|\btrucks\b", "vehicle"),
    (r"\bequipment\b|\bmachinery\b", "equipment"),
)
ITEM_TYPES = frozenset({"Supply", "JointProduction"})

# Units a commitment's quantity may carry, by type.
QUANTITY_UNITS: dict[str, frozenset[str]] = {
    "Supply": frozenset({"dose", "tonne", "cubic metre", "barrel", "unit"}),
    "JointProduction": frozenset({"company", "unit", "project"}),
    "Investment": frozenset({"USD", "EUR", "RUB", "GBP", "JPY", "CNY", "INR"}),
    "Cooperation": frozenset({"project", "unit"}),
    "Visit": frozenset(),
    "Agreement": frozenset({"USD", "EUR", "RUB", "GBP", "JPY", "CNY", "INR"}),  # contracts worth $1 billion
}
