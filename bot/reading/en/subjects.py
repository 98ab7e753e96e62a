"""What each yes / no question is about, in English words patients use.

A clause that names the subject without denying it is a yes ("syphilis in
2015"); one that denies it is a no ("no HIV"); a statement that answers the
question without yes or no ("I'm a man") is read here too.
"""

from __future__ import annotations

from dateutil.relativedelta import relativedelta

from bot.medicine.terms import Kind, alternation
from bot.protocol.answers import Reply
from bot.protocol.criteria import INFECTION_WINDOW, LIVE_VACCINE_WINDOW, OTHER_TRIAL_WINDOW
from bot.reading.en.wording import PARTNER
from bot.reading.knowledge import only_treatments_that_do_not_decide, subject
from bot.reading.yes_no import Cured, YesNoQuestion

NO, YES = Reply.NO, Reply.YES

_MAN = (
    r"\b(i'?m|i am|im) (a |an )?(man|male|guy|bloke|boy|gentleman|dude|father|dad)\b|^(man|male)$|"
    r"\b(as|being) (a |an )?(man|male|guy)\b|\b(i'?m|i am|im) not (a )?(woman|female|girl|lady)\b"
)
_PARTNER_STERILISED = (
    rf"\b({PARTNER})('s)?\b.{{0,30}}\b(vasectomy|snipped|sterili[sz]ed)\b",
    YES,
)
"""Her partner's vasectomy is contraception: she could still become pregnant."""
_NO_PREGNANCY = (
    rf"^(?!.*\b({PARTNER})\b.{{0,30}}(vasectomy|snipped|sterili[sz])).*"
    r"(menopaus|post.?menopaus|hysterectom|womb removed|uterus removed|ovaries removed|"
    r"tubes? (tied|removed|cut)|tubal ligation|sterili[sz]|infertil|can'?t have (kids|children)|"
    r"no periods? for|periods? stopped|too old to)"
)
_FEELING_FINE = (r"\b(i'?m|i am|im) (fine|ok|okay|healthy|well|clear|all good)\b", NO)
"""To a question about an illness of one's own: a no."""
_LIVE_VACCINES = subject(
    "live_vaccine",
    (
        r"mmr|measles|mumps|rubella|chicken ?pox|varicella|yellow fever|nasal|flumist|"
        r"oral typhoid|typhoid (capsule|pill|drop)|bcg|rotavirus|zostavax|oral polio|dengue|"
        r"cholera|smallpox|live vaccine|live jab"
    ),
    "en",
)
_NOT_LIVE_VACCINES = alternation((Kind.INACTIVATED_VACCINE,), "en") + (
    r"|flu (shot|jab|injection|vaccine)|covid|corona|pfizer|moderna|sinovac|shingrix|tetanus|"
    r"pneumo\w*|hep(atitis)? b (vaccine|shot|jab)|hpv|whooping|pertussis|rabies"
)

SUBJECTS: dict[str, YesNoQuestion] = {
    "car_t": YesNoQuestion(
        subject(
            "car_t",
            r"car.?t\b|cart\b|car t-cell|car-t cell|cell therapy|cell infusion",
            "en",
        ),
        ever=True,
    ),
    "dm_antibody": YesNoQuestion(
        subject(
            "dm_antibody",
            r"jo.?1|mi.?2|mda.?5|tif.?1\w*|nxp.?2|srp|hmgcr|antibod\w*|myositis.specific|"
            r"blood test",
            "en",
        ),
        ever=True,
        any_of=True,
    ),
    "ssc_lung": YesNoQuestion(
        subject("ssc_lung", r"\bild\b|lungs?|interstitial|fibrosis|pulmonary|lung disease", "en"),
        ever=True,
    ),
    "hiv_or_syphilis": YesNoQuestion(
        subject(
            "hiv_or_syphilis",
            r"\bhiv\b|syphilis|\baids\b|\bstd\b|\bsti\b",
            "en",
        ),
        ever=True,
        statements=(_FEELING_FINE,),
        cured=Cured(
            subject=r"syphilis|\bstd\b|\bsti\b",
            treated=r"\b(treated|cured|penicillin|benzathine|bicillin|shots? of|injections?)\b",
            positive=r"\b(still|now) (positive|reactive)|\b(rpr|vdrl|tppa|titre|titer)\b",
            others=r"\bhiv\b|\baids\b",
        ),
    ),
    "can_become_pregnant": YesNoQuestion(
        statements=(
            _PARTNER_STERILISED,
            (_MAN, NO),
            (_NO_PREGNANCY, NO),
            (r"\b(i'?m|i am|im|aged?) (5[5-9]|[6-9]\d)\b", NO),  # past the menopause
            (r"on the pill|use condoms|we use|contracepti", YES),
            (
                r"\b(i'?m|i am|im) pregnant|expecting a baby|"
                r"trying (for a baby|to conceive|to get pregnant)",
                YES,
            ),
        ),
    ),
    "pregnant": YesNoQuestion(
        r"pregnant|expecting",
        now=True,
        window=relativedelta(months=10),  # "was pregnant in 2020": not now
        statements=(
            (_MAN, NO),
            (_NO_PREGNANCY, NO),
            (r"just had (my|a|the) baby|gave birth|breast.?feeding|post.?partum|my newborn", NO),
            (
                r"\b\d+ (weeks?|months?) (pregnant|along)|\bdue (in|date)|expecting (a baby|twins)",
                YES,
            ),
        ),
    ),
    "contraception": YesNoQuestion(
        r"contracepti\w*|birth control|the pill|condoms?|\biud\b|coil|implant|depo|"
        r"protection|willing",
        statements=(
            (
                r"\b(i'?m|i am|im) on the pill|already (use|using|on)|"
                r"have (an? )?(iud|coil|implant)",
                YES,
            ),
            (r"against my (religion|beliefs)|refuse|not willing|unwilling|won'?t use", NO),
        ),
    ),
    "cancer_treated": YesNoQuestion(
        r"removed|surgery|operat\w*|cut out|excised|taken out|treated|cured|all clear|gone",
        statements=(
            (
                r"came back|spread|still (having|on|getting) (treatment|chemo)|watch and wait|"
                r"no treatment yet|not (yet )?treated",
                NO,
            ),
            (r"cut (it )?(all )?out|clear margins|all clear|fully removed", YES),
        ),
    ),
    "infection": YesNoQuestion(
        window=INFECTION_WINDOW,
        topic=subject(
            "infection",
            r"infection|antibiotics?|antivirals?|antifungals?|amoxicillin|penicillin|azithromycin|"
            r"doxycycline|ciprofloxacin|tamiflu|oseltamivir|acyclovir|fluconazole|\buti\b|"
            r"pneumonia|drip|iv antibiotics",
            "en",
        ),
        statements=(
            (r"\b(prophyla\w*|to prevent|preventive|preventative)\b", Reply.UNSURE),
            (r"\b(cream|ointment|eye drops|ear drops|topical|on (a|my) (cut|skin|wound))\b", NO),
            (only_treatments_that_do_not_decide("infection", "en"), NO),
            _FEELING_FINE,
        ),
    ),
    "live_vaccine": YesNoQuestion(
        _LIVE_VACCINES,
        window=LIVE_VACCINE_WINDOW,
        statements=((rf"^(only |just )?(a |the |my )?({_NOT_LIVE_VACCINES})", NO),),
    ),
    "other_trial": YesNoQuestion(r"trial|study|research", window=OTHER_TRIAL_WINDOW),
    "disease_active": YesNoQuestion(
        r"active|flares?|flaring|flare.?ups?|symptoms?|worse|worsening|bad|uncontrolled|"
        r"not (under )?control(led)?|still (ill|sick)|pain|rash|tired|fatigue|inflamed|"
        r"inflammation|"
        r"my (lupus|sle|sjogren'?s|scleroderma|disease|condition|illness|dermatomyositis|"
        r"vasculitis)|disease|condition|illness|lupus|sle",
        statements=(
            (r"not (under |well )?control(led)?|uncontrolled|out of control|still active", YES),
            (
                r"^(?!.*\b(not|never|un)\b)(?!.*n't\b).*"
                r"(\b(in )?remission\b|under control|controlled|stable|quiet)",
                NO,
            ),
        ),
    ),
    "hepatitis_or_cmv": YesNoQuestion(
        subject(
            "hepatitis_or_cmv",
            r"hep\w*|hepatitis|\bhbv\b|\bhcv\b|\bcmv\b|cytomegalo\w*|hep b|hep c",
            "en",
        ),
        ever=True,
        statements=(
            (
                r"^(only |just )?(hep(atitis)? a|autoimmune hepatitis|fatty liver|"
                r"alcoholic hepatitis)\b",
                NO,
            ),
            (r"vaccinated|vaccine|immuni[sz]ed|\bi'?m clear\b|tested negative", NO),
        ),
    ),
    "serious_illness": YesNoQuestion(
        subject(
            "serious_illness",
            r"heart|cardiac|liver|lung|kidney|renal|blood|anaemia|anemia|thyroid|diabetes|"
            r"endocrine|hormone|cirrhosis|copd|failure|disease|stents?|pacemaker|bypass",
            "en",
        ),
        statements=(
            (
                r"^(just|only) (my|the) (lupus|sle|condition|autoimmune|disease|sjogren'?s?|"
                r"scleroderma|vasculitis|dermatomyositis)",
                NO,
            ),
            _FEELING_FINE,
        ),
    ),
}
"""By slot; every yes / no question of the pre-screen has one."""
