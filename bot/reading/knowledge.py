"""The medical knowledge the readers use, from the data in bot/medicine/:
which kinds of terms each yes / no question's subject takes, which are
facts known not to decide, and each kind's words as a piece of a regular
expression, so that a lexicon's patterns take their words from the data
instead of spelling them in code. What the kinds mean is the same in every
language; only the words differ."""

from __future__ import annotations

from collections.abc import Iterable

from bot.medicine.terms import Kind, alternation

SUBJECT_KINDS: dict[str, tuple[Kind, ...]] = {
    "car_t": (Kind.CAR_T,),
    "dm_antibody": (Kind.MYOSITIS_ANTIBODY,),
    "hiv_or_syphilis": (Kind.VERIFY_HIV, Kind.VERIFY_SYPHILIS),
    "infection": (Kind.SYSTEMIC_ANTI_INFECTIVE, Kind.DRIP),
    "live_vaccine": (Kind.LIVE_VACCINE,),
    "hepatitis_or_cmv": (Kind.VERIFY_HEPATITIS_B, Kind.VERIFY_HEPATITIS_C, Kind.VERIFY_CMV),
    "serious_illness": (Kind.DIALYSIS,),
    "ssc_lung": (Kind.INTERSTITIAL_LUNG_DISEASE,),
}
"""By yes / no question: the kinds whose words name its subject."""
KNOWN_FACT_KINDS = (
    Kind.BACKGROUND_TREATMENT,
    Kind.OTHER_CELL_THERAPY,
    Kind.NOT_ANTI_INFECTIVE,
    Kind.OTHER_ANTIBODY,
    Kind.HEPATITIS_B_IMMUNE,
    Kind.STEM_CELL_TRANSPLANT,
    Kind.ORGAN_TRANSPLANT,
    Kind.VERIFY_HEPATITIS_B,
    Kind.VERIFY_HEPATITIS_C,
)
"""Facts that do not decide a yes / no question beyond their own subject: the
treatments that do not exclude, other cell therapies, other antibodies, and
what another question of the screening asks (a transplant, hepatitis)."""


def with_words(base: str, kinds: Iterable[Kind], language: str) -> str:
    """`base` or any word of `kinds` in `language`: a lexicon pattern grown by
    the data (casefolded NFKC text)."""
    # The data's words first: at one place in the text the first alternative
    # that matches is taken, and the data's are the longer ("hep b", not "hep").
    return f"{alternation(kinds, language)}|{base}"


def subject(slot: str, base: str, language: str) -> str:
    """The subject of yes / no question `slot`: the lexicon's own words
    (`base`) and those of the question's kinds (SUBJECT_KINDS)."""
    return with_words(base, SUBJECT_KINDS[slot], language)


def only_treatments_that_do_not_decide(slot: str, language: str) -> str:
    """A clause at question `slot` that names a treatment that does not decide
    it (steroids, hydroxychloroquine, a cream: BACKGROUND_TREATMENT,
    NOT_ANTI_INFECTIVE) and no word of the question's kinds that decide
    ("plaquenil every day" at the infection question is a no; "plaquenil and
    amoxicillin" is not)."""
    deciding = [kind for kind in SUBJECT_KINDS[slot] if kind is not Kind.DRIP]
    harmless = (Kind.BACKGROUND_TREATMENT, Kind.NOT_ANTI_INFECTIVE)
    return (
        rf"^(?!.*(?:{alternation(deciding, language)}))"
        rf".*(?:{alternation(harmless, language)})"
    )


def known_facts(base: str, language: str) -> str:
    """The lexicon's own known facts (`base`) and the data's (KNOWN_FACT_KINDS)."""
    return with_words(base, KNOWN_FACT_KINDS, language)
