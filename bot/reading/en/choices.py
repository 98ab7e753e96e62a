"""Reading an English reply to a choice question: transplant, diagnosis,
cancer, daily activity. Exclusion first, meaning over words.

Each clause of the reply is read on its own. A clause that denies what it
names ("I've never had a kidney transplant") names nothing; a clause about
someone else ("my mum has lupus") is left out. What the clauses name comes
back as a set: one option, several (the caller lets the one that excludes win,
or asks again), or none (ask again). Only what the protocol means is read as
its option: a look-alike disease is `other`, any transplant of a solid organ
is `organ`, a cancer is `excepted` only when its kind, site and stage are the
excepted ones, and an unspecified kind is `unsure`.
"""

from __future__ import annotations

import re

from bot.protocol.answers import Diagnosis, Ecog
from bot.reading.choices import CancerWords, ChoiceWords, DiagnosisWords, TransplantWords
from bot.reading.en.wording import NOT, WISH, WORDING
from bot.reading.en.yes_no import HEDGE

_NEGATED = re.compile(
    r"\b(no|not|never|none|nope|nah|neither|nor|without|don'?t|didn'?t|haven'?t|hasn'?t|"
    r"isn'?t|wasn'?t|aren'?t|dont|didnt|havent|hasnt|isnt|wasnt)\b|" + NOT
)
_SAYS_NONE = re.compile(
    r"^(no|nope|nah|never|none|nothing|negative|n/a|na|nil|no never|none at all|not at all|"
    r"never had (one|any|it|that|anything like that)|no,? never|nothing like that|"
    r"i haven'?t|i have not|i'?ve not|not me|none of (these|them|those|that)|no i haven'?t)$"
)
# Words patients misspell; a word close to one of these is read as it ("lupis").
_VOCABULARY = (
    "lupus sjogren sjogrens scleroderma sclerosis dermatomyositis vasculitis polyangiitis "
    "granulomatosis microscopic transplant cornea corneal marrow kidney cancer melanoma "
    "lymphoma leukemia leukaemia carcinoma basal squamous prostate"
).split()


# --- transplant ---------------------------------------------------------------

_STEM_CELL = (
    r"stem.?cells?|bone.?marrow|\bmarrow\b|cord blood|umbilical|peripheral blood|\bhsct\b|"
    r"\bpbsc\w*|\bsct\b|\ballo\b|\bauto\b|\basct\b|"
    r"\bbmt\b|\bsct\b|autologous|allogeneic|allogenic|haemato\w*|hemato\w*|auto.?transplant|"
    r"allo.?transplant|donor cells"
)
_ORGAN = (
    r"kidney|renal|liver|hepatic|heart|cardiac|lungs?|pancrea\w*|islets?|intestin\w*|bowel|"
    r"uterus|uterine|womb|face|hand|arm|limb|thymus|trachea|larynx|penis|\borgan\b"
)
_CORNEA_OR_HAIR = r"cornea\w*|\bhair\b|\beye\b"
_NO_TRANSPLANT_PROCEDURE = (
    r"biopsy|aspirat\w*|marrow test|\btests?\b|scan|\bdonat\w*|\bdonor\b|gave (my|some)"
)
"""A procedure on the marrow or an organ that is no transplant."""
_NOT_A_TRANSPLANT = (
    r"\b(donated|donor|gave (a|my)|was a donor)\b|skin graft|bone graft|graft|transfusion|"
    r"implant|replacement|pacemaker|stent|dental|tooth|teeth|biopsy|aspirat\w*|"
    r"\btests?\b|scan|does that count|\?|lens|cataract|waiting (list|for)|dialysis"
)


# --- diagnosis -----------------------------------------------------------------

_LOOKALIKES = (
    r"discoid( lupus)?|cutaneous lupus|skin lupus|drug.?induced( lupus)?|neonatal lupus|"
    r"lupus anticoagulant|lupus pernio|chilblain( lupus)?|lupus.?like|rheumatoid|\bra\b|"
    r"psoria\w*|ankylosing|gout|"
    r"fibromyalgia|mixed connective|\bmctd\b|undifferentiated|\buctd\b|overlap|polymyositis|"
    r"inclusion body( myositis)?|necroti[sz]ing( myopathy| myositis)?|morphea|morphoea|"
    r"locali[sz]ed scleroderma|linear scleroderma|multiple sclerosis|\bms\b|"
    r"(amyotrophic )?lateral sclerosis|\bals\b|tuberous sclerosis|iga vasculitis|henoch|"
    r"schonlein|schönlein|\bhsp\b|giant cell( arteritis)?|temporal arteritis|takayasu|"
    r"beh[cç]et'?s?|kawasaki|polyarteritis( nodosa)?|\bpan\b|urticarial vasculitis|"
    r"cryoglobulin\w*( vasculitis)?|crohn|colitis|myasthenia|antiphospholipid|"
    r"sarcoid\w*|vitiligo|hashimoto|graves|celiac|coeliac|type 1 diabetes|still'?s disease|"
    r"osteoarthritis|arthritis|polymyalgia|thyroid|asthma|eczema|alopecia|uveitis"
)
_NONE_OF_THESE = (
    r"^(none|neither|nothing)$|none of (these|them|those|the above|that)|"
    r"something else|not on (the|your|this) list|^other\b|^none\b|^no,? none|"
    r"not any of (these|them|those)"
)
_FIVE = (
    (r"\b(sle|lupus)\b|lupus nephritis|lupus erythematosus", Diagnosis.SLE),
    (r"sj[oö]e?gr[ae]n\w*|shogren\w*|sjogrens|sicca", Diagnosis.SJOGREN),
    (
        r"systemic sclerosis|scleroderma|\bssc\b|\bcrest\b|systemic scleros\w*",
        Diagnosis.SYSTEMIC_SCLEROSIS,
    ),
    (r"dermatomyositis|dermatomyosit\w*|dermato.?myositis|\bjdm\b", Diagnosis.DERMATOMYOSITIS),
    (
        r"\banca\b|granulomatosis with polyangiitis|\bgpa\b|wegener\w*|microscopic polyangiitis|"
        r"\bmpa\b|\begpa\b|churg.?strauss|eosinophilic granulomatosis|polyangiitis",
        Diagnosis.ANCA_VASCULITIS,
    ),
)


# --- cancer ----------------------------------------------------------------------

_SPREAD = (
    r"spread|metasta\w*|stage (2|3|4|ii|iii|iv|two|three|four)\b|invasive|lymph nodes?|"
    r"secondar\w*|advanced|terminal|bones?|recurr\w*|came back"
)
_OTHER_CANCERS = (
    r"melanoma|leuka?emia|lymphoma|hodgkin|myeloma|sarcoma|glioma|glioblastoma|mesothelioma|"
    r"neuroblastoma|(lung|colon|colorectal|bowel|rectal|stomach|gastric|liver|pancrea\w*|"
    r"thyroid|ovar\w*|uter\w*|endometrial|kidney|renal|bladder|brain|blood|bone|breast|"
    r"oesophag\w*|esophag\w*|throat|oral|mouth|tongue|laryn\w*|nasopharyn\w*|head and neck|"
    r"testic\w*|penile|vulva\w*|vagina\w*|anal|gall.?bladder|bile duct|adrenal|pituitary)\b"
)
_EXCEPTED = (
    r"basal.?cell|\bbcc\b|rodent ulcer|squamous.?cell (skin|carcinoma of the skin)|"
    r"(skin|cutaneous) (squamous|scc)|\bcscc\b|cervical (carcinoma|cancer) in situ|"
    r"carcinoma in situ of the cervix|\bcin ?(3|iii)\b|\bcis\b of the cervix"
)
_DCIS = r"\bdcis\b|ductal carcinoma in situ"
_CANCER_WORD = r"cancer|tumou?r|carcinoma|malignan\w*|neoplasm|\bca\b|oncolog\w*|chemo\w*"
_BENIGN = r"benign|not cancer\w*|non.?cancerous|cyst|polyps?|fibroids?|mole|lipoma"


_NOT_SURGERY = (
    r"radiother\w*|radiation|radiotherapy|hormone (therapy|treatment|injections?)|"
    r"no (operation|surgery)|not (operated|removed)|watchful|surveillance|brachy\w*|"
    r"chemo\w*|still (there|have it)"
)


_SURGERY = r"lumpectomy|mastectomy|prostatectomy|surgery|operat\w*|removed|excis\w*|cut out"
_IN_SITU_ELSEWHERE = (
    r"\b(lung|colon|bowel|rectum|rectal|stomach|gastric|liver|pancreas|thyroid|ovary|ovaries|"
    r"uterus|womb|endometrium|kidney|renal|bladder|oesophagus|esophagus|throat|mouth|tongue|"
    r"larynx|testicle|penis|vulva|vagina|anus|anal|gall.?bladder|bile duct)\b"
)
"""An organ other than the cervix and the breast ducts: carcinoma in situ there
is no excepted kind ("carcinoma in situ, but of the bladder")."""


_DENIES_A_CANCER = re.compile(
    r"\b(no|never|not|don'?t|dont|didn'?t|didnt|haven'?t|havent|hasn'?t|hasnt|without)\b"
    r"(\s+\w+){0,4}?\s+(\w+\s+)?(cancer|carcinoma|tumou?r|melanoma|leuka?emia|lymphoma|"
    r"myeloma|sarcoma)"
)
"""A cancer named only to be denied: "I don't have breast cancer", "never had lung cancer"."""
_STILL_A_CANCER = (
    r"spread|metasta\w*|removed|treated|cured|remission|operat\w*|surgery|gone|came back|"
    r"any ?more|no longer|\bnow\b|these days|recur\w*|in situ|invasive"
)
"""A negation about the cancer's course, not its existence: "it hasn't spread", "not anymore"."""


# --- daily activity (ECOG) ----------------------------------------------------------

_ECOG: tuple[tuple[str, Ecog], ...] = (
    (
        r"bed.?ridden|bed.?bound|in bed all day|(bed|chair) all (day|the time)|"
        r"all day in (bed|a chair)|"
        r"can'?t (get|leave|get out of) (out of )?bed|can'?t look after myself|"
        r"need help with (everything|washing|dressing|eating)|totally (dependent|disabled)|"
        r"completely disabled|can'?t (wash|dress|feed) myself|confined to (bed|a chair)",
        Ecog.BEDBOUND,
    ),
    (
        r"(most|more than half|over half|majority|much) (of )?(the|my) day (in (bed|a chair)|"
        r"resting|lying|sitting|asleep|sleeping)|rest(ing)? (for )?most|"
        r"mostly (in bed|resting|lying|sitting)|lie down most|lying down most|"
        r"(sofa|couch|bed|chair) (for )?(most|more than half|two thirds) of the day|"
        r"(two thirds|three quarters) of the day|"
        r"in (bed|a chair|bed or (a )?chair) (for )?(most|more than half|over half)|"
        r"in (bed|a chair) (for )?(most|more than half)|only (limited|some|a little) self.?care|"
        r"half the day in bed|spend (most|much) of",
        Ecog.MOSTLY_RESTING,
    ),
    (
        r"(can'?t|cannot|unable to|not able to|no longer) (do )?(any )?(work|job)|"
        r"(haven'?t|have not|hasn'?t|not) been able to work|not working (any ?more|now)|"
        r"(can'?t|cannot|unable to|not able to) (even )?(do )?(light|any) (work|housework)|"
        r"up and about|look after myself but|self.?care but|off work|on disability|"
        r"stopped working|had to (stop|quit) (work|my job)|can'?t do housework|"
        r"on sick leave|signed off",
        Ecog.NO_WORK,
    ),
    (
        r"light (work|housework|duties|jobs|activity|activities|exercise|chores|cleaning|"
        r"tasks)|"
        r"(can'?t|cannot|unable to|not able to|avoid|no) (do )?(any )?(heavy|strenuous|hard|"
        r"physical|manual) (work|labou?r|activity|activities|lifting|exercise|jobs)|"
        r"(can'?t|cannot|unable to|not able to|no longer|gave up) (carry|lift|do|play)\w* "
        r"(any )?(heavy|sports?|football|running|the gym)|"
        r"(tire|tired|get tired) (easily|quickly)|office work|desk job|part.?time|"
        r"(slower|slow) but|restricted in (physically )?strenuous",
        Ecog.LIGHT_WORK,
    ),
    (
        r"fully active|no (problems|restrictions?|limitations?|limits)|completely normal|"
        r"totally normal|(as|like) before (my|the|i got)|everything i (used to|could)|"
        r"work full.?time|full.?time|nothing stops me|like anyone else|perfectly (fine|well)|"
        r"everything i (did|do|used to do)|(as|like) (i did )?before|same as before|"
        r"nothing'?s changed|nothing has changed|\d days a week|work (normally|as usual)|"
        r"(play|do) sports|go to the gym|no difference",
        Ecog.FULLY_ACTIVE,
    ),
)


_RECEIVED_ORGAN = re.compile(
    r"\b(deceased|cadaver\w*|dead)[ -]?donor|donor (kidney|liver|heart|lungs?|pancreas|organ)|"
    r"\b(kidney|liver|heart|lungs?|pancreas|organ) from (a|an|my|the|her|his) (\w+ )?"
    r"(donor|mum|mom|mother|dad|father|sister|brother|husband|wife|son|daughter|cousin|aunt|"
    r"uncle|relative|friend)|\b(gave|donated|given) me (a|an|her|his|one of|their)\b|"
    r"\b(got|received) (a|one|my|the) (\w+ )?(kidney|liver|heart|lungs?|pancreas|organ) from"
)
_PENDING_TEST = re.compile(
    r"\b(biopsy|scan|test|results?|pathology)\b.{0,20}\b(next|soon|booked|scheduled|pending|"
    r"tomorrow|coming)\b|\b(waiting|wait) (for|on) (the )?(biopsy|results?|pathology|scan)|"
    r"(don'?t|do not) know (yet|if it'?s)|not (yet )?(diagnosed|known)"
)

WORDS = ChoiceWords(
    language="en",
    wording=WORDING,
    hedge=HEDGE,
    denial=_NEGATED,
    received_organ=_RECEIVED_ORGAN,
    pending_test=_PENDING_TEST,
    wish=WISH,
    now=re.compile(
        r"\b(now|nowadays|these days|currently|at the moment|at present|lately|this (week|month))\b"
    ),
    then=re.compile(
        r"\b(used to|last (year|month|winter|summer|spring|autumn|fall)|back then|in the flare|"
        r"when i was (first )?(diagnosed|ill|sick|in hospital)|years? ago|months? ago|"
        r"at (the|my) worst|in (19|20)\d\d)\b"
    ),
    refinements={
        Diagnosis.SLE: (
            r"\bsystemic\b|\bsle\b",
            r"discoid|cutaneous|skin only|only (on|in) (my|the) skin|drug.?induced",
        ),
        Diagnosis.SYSTEMIC_SCLEROSIS: (
            r"\bsystemic\b|\bssc\b|limited cutaneous|diffuse|\bcrest\b",
            r"locali[sz]ed|morphoea|morphea|linear",
        ),
    },
    not_systemic=r"\bnot (the )?systemic\b|\bisn'?t systemic\b|\bnon.?systemic\b",
    restricted=re.compile(r"\b(only|just|merely)\b|\bthe (\w+ )?kind\b"),
    says_none=_SAYS_NONE,
    transplant=TransplantWords(
        stem_cell=_STEM_CELL,
        stem_cell_source=_STEM_CELL,
        organ=_ORGAN,
        cornea_or_hair=_CORNEA_OR_HAIR,
        no_procedure=_NO_TRANSPLANT_PROCEDURE,
        not_a_transplant=_NOT_A_TRANSPLANT,
        transplant_word=r"transplant",
        filler=re.compile(
            r"\b(i|i'?ve|i'?m|me|my|myself|have|has|had|having|got|get|gotten|ever|been|done|do|"
            r"did|one|ones|any|anything|it|that|this|those|these|a|an|the|of|such|like|thing|"
            r"things|before|yet|at all|really|honestly|sorry|thanks|thank you|kind|sort|either|"
            r"whatsoever|so far)\b|[\W_]"
        ),
        each_denied=re.compile(r"\bneither\b|\bnor\b|\bnone of\b|\b(no|never|not)\b.{1,40}\bor\b"),
    ),
    cancer=CancerWords(
        excepted=_EXCEPTED,
        radical_only=rf"prostate|{_DCIS}",
        other_cancers=_OTHER_CANCERS,
        cancers_by_name=r"melanoma|leuka?emia|lymphoma|myeloma|sarcoma|glioma",
        cancer_word=_CANCER_WORD,
        named_with=rf"{_CANCER_WORD}|oma\b",
        own_site=r"skin",
        kind_unsaid=r"squamous|skin cancer|cervical|cervix|in situ",
        benign=_BENIGN,
        malignant=r"malignan",
        spread=_SPREAD,
        denies_a_cancer=_DENIES_A_CANCER,
        said_none=rf"{_CANCER_WORD}|^\W*\w+\W*$|never|none|\bno\b",
        surgery=_SURGERY,
        no_surgery=r"\bno (operation|surgery)\b|\bnot (operated|removed)\b|\bwithout surgery\b",
        not_surgery=_NOT_SURGERY,
        chemo=r"\bchemo\w*",
        no_chemo=r"\b(no|without|never needed|didn'?t (need|have)) chemo\w*",
        radiation=r"radiother\w*|radiation|radiotherapy",
        no_radiation=r"\b(no|without) radi\w*",
        cervix=r"cervi\w*",
        benign_said=r"\bbenign\b",
        in_situ=r"in situ",
        in_situ_elsewhere=_IN_SITU_ELSEWHERE,
        still_a_cancer=_STILL_A_CANCER,
    ),
    diagnosis=DiagnosisWords(
        five=_FIVE,
        lookalikes=_LOOKALIKES,
        none_of_these=_NONE_OF_THESE,
        suspected=r"\b(suspected|suspicion of|possible|possibly|probable|query|queried|"
        r"not (yet )?(confirmed|diagnosed)|undiagnosed|being (investigated|tested)|"
        r"rule out|ruled out)\b|\?\s*(sle|lupus)\b",
        unclear=r"sclerosis|myositis|vasculitis|connective tissue|autoimmune",
        secondary=r"\bsecondary\s+",
        not_a_kind=r"\banca.?(negative|neg)\b|\bnegative (for )?anca\b",
    ),
    ecog=_ECOG,
    denied_before=re.compile(
        r"(\b(not|never|no longer|nowhere near|hardly)|n'?t)(\s+[\w']+){0,2}\s*$"
    ),
    ecog_ordinal=re.compile(
        r"^(i'?ll take |i choose |i pick )?(the )?(?P<n>first|second|third|fourth|fifth|1st|2nd|"
        r"3rd|4th|5th)( one| option| answer| button)?$"
    ),
    ordinals={
        **dict.fromkeys(("first", "1st"), 1),
        **dict.fromkeys(("second", "2nd"), 2),
        **dict.fromkeys(("third", "3rd"), 3),
        **dict.fromkeys(("fourth", "4th"), 4),
        **dict.fromkeys(("fifth", "5th"), 5),
    },
    vocabulary=tuple(_VOCABULARY),
)
"""The English lexicon of bot/reading/choices.py."""
