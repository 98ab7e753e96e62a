"""Reading a reply to a choice question (transplant, diagnosis, cancer, daily
activity), the same way in every language.

A lexicon (`ChoiceWords`, with `TransplantWords`, `DiagnosisWords` and
`CancerWords`) gives its language's words: the names of each option, a
denial, an organ received from a donor, a test still to come. This module
gives every rule: a button, "not sure" and a hedge first; then each clause
read over the lexicon's words; then what the medical
data (bot/medicine/) decides over the words, so that a word known to the
data counts whatever the lexicon's patterns say:

- a specific malignancy stated in a clause ("乳头状癌", "melanoma", "cancer
  cells") wins over a benign word beside it ("a polyp ... turned out to have
  cancer cells");
- a growth the reply calls benign, named with no cancer word, is no cancer
  ("乳腺纤维腺瘤, 切了, 良性的"); a growth still to be tested is not known;
- an organ received from a donor is a transplant ("我妈给我捐了一个肾");
  dialysis, a waiting list, a fistula or a cell infusion that is not a
  transplant named without one is none.

Before the lexicon reads, a clause that wishes ("I'd love to say fully
active, ha") is dropped, and at the daily-activity question a clause about
a time that is over is dropped when another is about now. After it, a
diagnosis the reply narrows to its look-alike ("scleroderma, only the
localized kind") is that look-alike (`other`), or not sure when the reply
does not say "only".

What comes back is a set of options: one, several (the caller lets the one
that excludes win, or asks again) or none (ask again).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from bot.medicine.terms import LANGUAGES, Kind, kind_of
from bot.protocol.answers import Cancer, Diagnosis, Ecog, Transplant
from bot.reading.wording import NEVER, Wording, spelled_right

_BUTTON = re.compile(r'^/inform\{"(\w+)": ?"(\w+)"\}$')


@dataclass(frozen=True)
class TransplantWords:
    """A language's words for the transplant question."""

    stem_cell: str
    """A stem-cell or marrow transplant, by any of its names."""
    stem_cell_source: str
    """A stem-cell source by name ("自体" alone is also a fat graft's)."""
    organ: str
    cornea_or_hair: str
    no_procedure: str
    """A procedure on the marrow or an organ that is no transplant (a biopsy,
    a donation)."""
    not_a_transplant: str
    """Grafts and implants that are no transplant (skin, bone, a lens, a
    tooth), unless a stem-cell source is named."""
    transplant_word: str
    """The word "transplant" itself: a negation beside it denies transplants."""
    filler: re.Pattern[str]
    """Words that carry nothing beside a negation ("I haven't", "我没有")."""
    each_denied: re.Pattern[str] = NEVER
    """Two kinds and one negation that denies both ("都没做过")."""
    not_a_negation: re.Pattern[str] = NEVER
    """Switch (zh): words with a negation's character that deny nothing
    ("不好意思", excuse me); English has no such words."""


@dataclass(frozen=True)
class CancerWords:
    """A language's words for the cancer question (E8: any malignancy but
    the excepted kinds: treated cervical carcinoma in situ, basal or squamous
    cell skin cancer, local prostate cancer or DCIS after radical surgery)."""

    excepted: str
    """The excepted kinds but the two that need radical surgery."""
    radical_only: str
    """Prostate cancer and DCIS: excepted only after radical surgery."""
    other_cancers: str
    """Cancers of any other site or cell type."""
    cancers_by_name: str
    """Cancers a word alone names ("melanoma", "lymphoma")."""
    cancer_word: str
    """A cancer of some kind ("cancer", "癌", "chemo")."""
    named_with: str
    """Beside an other-site word, what makes it a cancer named ("cancer",
    "-oma"); a site word alone is none."""
    own_site: str
    """Words that are an excepted kind's own site ("skin", "乳腺" of 导管原位癌)."""
    kind_unsaid: str
    """A kind or site not said ("squamous", "in situ", "宫颈"): not sure."""
    benign: str
    malignant: str
    """Beside a benign word, a malignancy said ("malignant", "恶性")."""
    spread: str
    """Spread, stage, recurrence: another kind, whatever the site."""
    denies_a_cancer: re.Pattern[str]
    """A cancer named only to be denied ("never had lung cancer", "乳腺癌没有")."""
    said_none: str
    """With a negation and no kind named: the clause says none ("no cancer")."""
    surgery: str
    no_surgery: str
    """Surgery denied ("no operation", "没做手术")."""
    not_surgery: str
    """Another treatment, or none: not the radical surgery prostate cancer
    and DCIS need."""
    chemo: str
    no_chemo: str
    radiation: str
    no_radiation: str
    cervix: str
    benign_said: str
    """A growth said benign ("benign", "良性"): it is no longer watched."""
    in_situ: str
    in_situ_elsewhere: str
    """An organ other than the cervix and the breast ducts: carcinoma in situ
    there is no excepted kind ("carcinoma in situ, but of the bladder")."""
    still_a_cancer: str = NEVER.pattern
    """Switch (en): a negation about the cancer's course, not its existence
    ("it hasn't spread", "not anymore"); Chinese says so with `not_spread`."""
    not_spread: re.Pattern[str] = NEVER
    """Switch (zh): "没有转移" is a stage, not a denial; English words it
    with `still_a_cancer`."""
    not_malignant: str = NEVER.pattern
    """"不是恶性": a malignancy denied beside a benign word."""
    breast_in_situ: str = NEVER.pattern
    """Switch (zh): 乳腺原位癌, ductal (excepted after surgery) or lobular: not
    said; English names the duct ("ductal carcinoma in situ")."""
    site_alone: str = NEVER.pattern
    """An other-site word that is the whole rest of the clause ("乳腺")."""
    undiagnosed: str = NEVER.pattern
    """Switch (zh): a lump not yet diagnosed (结节, 肿块) while watched is not
    sure; English says "waiting for the biopsy" (`ChoiceWords.pending_test`)."""
    watched: str = NEVER.pattern


@dataclass(frozen=True)
class DiagnosisWords:
    """A language's words for the diagnosis question."""

    five: tuple[tuple[str, Enum], ...]
    """The words of each of the five qualifying diseases."""
    lookalikes: str
    """Diseases that look like one of the five and are not (discoid lupus,
    polymyositis, multiple sclerosis...): another condition."""
    none_of_these: str
    suspected: str
    """Suspected, not diagnosed ("suspected lupus", "疑似"): staff verify."""
    unclear: str
    """A family named without its kind ("vasculitis", "肌炎"): not sure."""
    secondary: str
    """Before one of the five, a disease that follows another ("secondary
    Sjögren's", "继发干燥"): the other is the diagnosis."""
    not_a_kind: str
    """Words that look like a name and say no kind ("ANCA negative")."""


@dataclass(frozen=True)
class ChoiceWords:
    """One language's lexicon for the choice questions."""

    language: str
    """The medical data's language code ("en", "zh")."""
    wording: Wording
    """How the language cuts a reply (bot/reading/wording.py); a leading yes
    or no is no clause of its own here."""
    hedge: re.Pattern[str]
    """A reply that is not sure ("I think", "好像")."""
    denial: re.Pattern[str]
    """A clause that negates what it names ("no", "没有")."""
    received_organ: re.Pattern[str]
    """An organ the patient received from a donor ("deceased-donor kidney",
    "我妈给我捐了一个肾"): a donor word alone is also a living donor's."""
    pending_test: re.Pattern[str]
    """A growth's test still to come ("biopsy next week", "下周穿刺")."""
    says_none: re.Pattern[str]
    """The whole clause says none ("no", "nothing like that", "没有过")."""
    transplant: TransplantWords
    cancer: CancerWords
    diagnosis: DiagnosisWords
    wish: re.Pattern[str]
    """A wish, a conditional or sarcasm: a clause that states no fact."""
    now: re.Pattern[str]
    """A clause about now ("now", "现在"): at the daily-activity question it
    decides over the clauses about `then`."""
    then: re.Pattern[str]
    """A clause about a time that is over ("last year", "以前")."""
    refinements: Mapping[Enum, tuple[str, str]]
    """By diagnosis: (its systemic form, its look-alike forms). A qualifying
    name the reply narrows to a look-alike ("scleroderma, the localized
    kind") is not that diagnosis, unless the systemic form is said."""
    not_systemic: str
    """The systemic form denied ("not systemic", "不是系统性"): not said."""
    restricted: re.Pattern[str]
    """Words that narrow ("only", "不过是"): the look-alike is all it is."""
    ecog: tuple[tuple[str, Ecog], ...]
    """The words of each daily-activity grade (the most limited said wins)."""
    denied_before: re.Pattern[str]
    """Before a grade's words, a denial of them ("not", "还没到")."""
    ecog_ordinal: re.Pattern[str]
    """A button named by its place (group `n`): the buttons are in the order
    of the grades. A digit alone is not read (the grade, or the button?)."""
    ordinals: Mapping[str, int]
    """Group `n` of `ecog_ordinal` -> the place (1 for the first button)."""
    vocabulary: tuple[str, ...] = ()
    """Switch (en): words patients misspell, read as the one a word is close
    to ("lupis" is lupus); Chinese characters are picked, not spelt."""
    """The reply with misspelt words put right, where the language has them."""


def read_choices(choices: type[Enum], text: str, words: ChoiceWords) -> set[Enum]:
    """The options of `choices` the reply names (see the module's docstring)."""
    plain = spelled_right(words.wording.normalised(text), words.vocabulary, 5, 0.8)
    if button := _BUTTON.match(plain):
        return {member for member in choices if member.value == button.group(2)}
    if plain == "/unsure" or (words.hedge.search(plain) and choices is not Ecog):
        return {choices("unsure")} if "unsure" in {m.value for m in choices} else set()
    for member in choices:
        if plain == member.value and choices is not Ecog:
            return {member}
    plain = _without(plain, words.wish, words)  # "I'd love to say fully active, ha"
    if not plain:
        return set()
    if choices is Transplant:
        return _transplant(plain, words)
    if choices is Ecog:
        return _ecog(plain, words)
    if choices is Diagnosis:
        return _diagnosis(plain, _diagnoses_named(plain, words), words)
    return _cancer(plain, _cancers_named(plain, words), words)


def _ecog(plain: str, words: ChoiceWords) -> set[Enum]:
    """The most limited day the reply describes ("fully active, except I
    can't carry heavy things" is light work only), over the clauses about now
    when there are any; a day described only to deny it ("not fully active",
    "还没到大部分时间卧床的程度") names nothing; the button named by its place
    ("the second one", "第二个") is that grade."""
    if ordinal := words.ecog_ordinal.match(plain.strip(" .!~")):
        place = words.ordinals[ordinal.group("n")]
        return {grade for grade in Ecog if grade.value == str(place - 1)}
    if any(words.now.search(c) for c in words.wording.own_clauses(plain, leading_words=False)):
        plain = _without(plain, words.then, words, unless=words.now)  # "now" decides
    named = [
        grade
        for clause in words.wording.own_clauses(plain, leading_words=False)
        for pattern, grade in words.ecog
        for found in re.finditer(pattern, clause)
        if not words.denied_before.search(clause[: found.start()])
    ]
    return {max(named, key=lambda grade: grade.grade)} if named else set()


def _without(
    plain: str, pattern: re.Pattern[str], words: ChoiceWords, unless: re.Pattern[str] | None = None
) -> str:
    """The reply without its clauses that match `pattern` (and not `unless`);
    "" when none is left."""
    kept = plain
    parts = words.wording.clauses(plain, leading_words=False)
    dropped = [c for c in parts if pattern.search(c) and not (unless and unless.search(c))]
    if len(dropped) == len(parts):
        return ""
    for clause in dropped:
        kept = kept.replace(clause, " ", 1)
    return kept.strip()


def read_choice(choices: type[Enum], text: str, words: ChoiceWords) -> Enum | None:
    """The one option the reply names, or None (none, or several)."""
    named = read_choices(choices, text, words)
    return named.pop() if len(named) == 1 else None


def _kinds(clause: str) -> set[Kind]:
    """The medical kinds the clause names, in the words of any language: a
    Chinese reply's "thyroid cancer" is English words for a known fact."""
    return set().union(*(kind_of(clause, language) for language in LANGUAGES))


def _stated(plain: str, words: ChoiceWords) -> list[tuple[str, set[Kind]]]:
    """The patient's clauses that deny nothing, with the medical kinds each names."""
    return [
        (clause, _kinds(clause))
        for clause in words.wording.own_clauses(plain, leading_words=False)
        if not words.denial.search(clause)
    ]


# --- diagnosis ---------------------------------------------------------------------


def _diagnoses_named(plain: str, words: ChoiceWords) -> set[Enum]:
    """The diagnoses the patient's clauses name: one of the five wins over
    another condition beside it; a denied one names nothing; a look-alike is
    another condition; a family without its kind, or a suspicion, is not sure."""
    diagnosis = words.diagnosis
    found: set[Enum] = set()
    unclear = False
    for clause in words.wording.own_clauses(plain, leading_words=False):
        if re.search(diagnosis.suspected, clause):
            unclear = True  # suspected, not diagnosed: staff verify
            continue
        if re.search(diagnosis.none_of_these, clause):
            found.add(Diagnosis.OTHER)
            continue
        lookalike = re.search(diagnosis.lookalikes, clause)
        cleared = re.sub(f"{diagnosis.lookalikes}|{diagnosis.not_a_kind}", " ", clause)
        named = {member for pattern, member in diagnosis.five if re.search(pattern, cleared)}
        if words.denial.search(clause):
            continue  # "I don't have lupus" names nothing the patient has
        if named:
            found |= named
        elif lookalike:
            found.add(Diagnosis.OTHER)
        elif re.search(diagnosis.unclear, clause):
            unclear = True  # which kind is not said
    qualifying = found - {Diagnosis.OTHER}
    secondary = {
        member
        for pattern, member in diagnosis.five
        if re.search(f"(?:{diagnosis.secondary})(?:{pattern})", plain)
    }
    if qualifying - secondary:
        qualifying -= secondary  # "lupus with secondary Sjögren's": the lupus
    if qualifying:
        return qualifying  # another condition beside one of the five does not matter
    return {Diagnosis.UNSURE} if unclear else found


def _diagnosis(plain: str, named: set[Enum], words: ChoiceWords) -> set[Enum]:
    """The reading, less a diagnosis the reply narrows to its look-alike."""
    said_systemic = re.sub(words.not_systemic, " ", plain)
    refined = {
        member
        for member, (systemic, lookalike) in words.refinements.items()
        if member in named
        and re.search(lookalike, plain)
        and not re.search(systemic, said_systemic)
    }
    if not refined:
        return named
    if named - refined:
        return named - refined  # another of the five stays the diagnosis
    # "硬皮病, 不过是局限性的": the look-alike; "狼疮, 但是医生说是盘状的": which?
    return {Diagnosis.OTHER} if words.restricted.search(plain) else {Diagnosis.UNSURE}


# --- cancer ------------------------------------------------------------------------

_CANCER_KINDS = {Kind.MALIGNANT, Kind.EXCEPTED_CANCER, Kind.UNCERTAIN_MALIGNANCY}
_GROWTH_KINDS = {Kind.BENIGN, Kind.TUMOUR_UNSPECIFIED}


def _cancer(plain: str, named: set[Enum], words: ChoiceWords) -> set[Enum]:
    stated = _stated(plain, words)
    said = set().union(*(kinds for _, kinds in stated)) if stated else set()
    if Kind.MALIGNANT in said and not named & {Cancer.OTHER, Cancer.EXCEPTED}:
        return {Cancer.OTHER}  # a malignancy by name wins over a benign word or "not sure"
    if said & _CANCER_KINDS:
        return named
    if named == {Cancer.OTHER} and Kind.BENIGN in said and _only_growths(stated, words):
        return {Cancer.NONE}  # "卵巢畸胎瘤, 切了, 良性": a site and a growth, said benign
    if named <= {Cancer.NONE} and said & _GROWTH_KINDS and words.pending_test.search(plain):
        return {Cancer.UNSURE}  # "肺上有个结节, 下周穿刺": not known yet
    return named


def _only_growths(stated: list[tuple[str, set[Kind]]], words: ChoiceWords) -> bool:
    """Every clause read as a cancer names a growth and nothing else the data knows."""
    return all(
        kinds and kinds <= _GROWTH_KINDS
        for clause, kinds in stated
        if Cancer.OTHER in _cancers_named(clause, words)
    )


@dataclass(frozen=True)
class _Treatment:
    """What the whole reply says was done, whichever clause says it."""

    not_removed: bool  # another treatment, or no surgery
    removed: bool  # surgery
    watched: bool  # a lump still watched, not said to be benign
    chemo: bool  # no excepted cancer gets chemotherapy
    irradiated: bool  # a cervical cancer irradiated is no carcinoma in situ


def _treatment(own: list[str], plain: str, words: ChoiceWords) -> _Treatment:
    cancer = words.cancer

    def said(pattern: str) -> bool:
        return any(re.search(pattern, clause) for clause in own)

    return _Treatment(
        not_removed=said(cancer.not_surgery),
        removed=any(re.search(cancer.surgery, re.sub(cancer.no_surgery, " ", c)) for c in own),
        watched=said(cancer.watched) and not re.search(cancer.benign_said, plain),
        chemo=said(cancer.chemo) and not said(cancer.no_chemo),  # "no chemo needed"
        irradiated=said(cancer.radiation) and not said(cancer.no_radiation),
    )


def _cancers_named(plain: str, words: ChoiceWords) -> set[Enum]:
    """The cancers the patient's clauses name by the language's words."""
    cancer = words.cancer
    own = words.wording.own_clauses(plain, leading_words=False)
    treatment = _treatment(own, plain, words)
    found: set[Enum] = set()
    for clause in own:
        found |= _cancer_clause(clause, treatment, words)
    elsewhere = re.search(cancer.in_situ, plain) and re.search(cancer.in_situ_elsewhere, plain)
    if found == {Cancer.UNSURE} and elsewhere:
        return {Cancer.OTHER}
    if len(found) > 1:
        found.discard(Cancer.NONE)  # "no, only a basal cell skin cancer"
    return found


def _cancer_clause(clause: str, treatment: _Treatment, words: ChoiceWords) -> set[Enum]:
    cancer = words.cancer
    denial = words.denial
    lump = re.search(cancer.undiagnosed, clause) and not re.search(
        f"{cancer.benign_said}|{cancer.cancer_word}", clause
    )
    if lump and treatment.watched and not denial.search(clause):
        return {Cancer.UNSURE}  # "肺上有结节, 还在观察": not known to be benign
    malignant = re.search(cancer.malignant, re.sub(cancer.not_malignant, "", clause))
    if re.search(cancer.benign, clause) and not malignant:
        return {Cancer.NONE}
    if words.says_none.match(clause):
        return {Cancer.NONE}
    clause = cancer.not_spread.sub(" ", clause)  # "没有转移" is a stage, not a denial
    kinds = f"{cancer.excepted}|{cancer.radical_only}|{cancer.other_cancers}"
    named_kind = re.search(kinds, clause)
    denied = cancer.denies_a_cancer.search(re.sub(cancer.not_surgery, " ", clause)) and not (
        re.search(cancer.still_a_cancer, clause)
    )
    if denied and named_kind:
        return {Cancer.NONE}  # "never had lung cancer", "乳腺癌没有"
    if denied or (denial.search(clause) and not named_kind):
        return {Cancer.NONE} if re.search(cancer.said_none, clause) else set()
    if re.search(cancer.spread, clause):
        return {Cancer.OTHER}
    found = _excepted(clause, treatment, cancer)
    if not found and re.search(cancer.breast_in_situ, clause):
        return {Cancer.UNSURE}  # ductal (excepted after surgery) or lobular: not said
    other_site = re.sub(f"{cancer.excepted}|{cancer.radical_only}|{cancer.own_site}", " ", clause)
    if (
        re.search(cancer.other_cancers, other_site)
        and re.search(cancer.named_with, clause)
        and not re.fullmatch(cancer.site_alone, other_site)
    ) or re.search(cancer.cancers_by_name, clause):
        found.add(Cancer.OTHER)  # any other site, whatever the cell type
    if found:
        return found
    if treatment.chemo or (treatment.irradiated and re.search(cancer.cervix, clause)):
        return {Cancer.OTHER}  # no excepted cancer is treated so (a skin cancer may be irradiated)
    if re.search(f"{cancer.kind_unsaid}|{cancer.cancer_word}", clause):
        return {Cancer.UNSURE}  # a kind or site not said
    return set()


def _excepted(clause: str, treatment: _Treatment, cancer: CancerWords) -> set[Enum]:
    """Prostate cancer and DCIS are excepted only after radical surgery: any
    other treatment alone is not; surgery and another treatment (a lumpectomy,
    then radiation), or no treatment said, is for staff to verify."""
    if re.search(cancer.radical_only, clause):
        if treatment.not_removed:
            return {Cancer.UNSURE if treatment.removed else Cancer.OTHER}
        return {Cancer.EXCEPTED if treatment.removed else Cancer.UNSURE}
    return {Cancer.EXCEPTED} if re.search(cancer.excepted, clause) else set()


# --- transplant --------------------------------------------------------------------

_TRANSPLANT_KINDS = {Kind.ORGAN_TRANSPLANT, Kind.STEM_CELL_TRANSPLANT, Kind.CORNEA_OR_HAIR}
_NO_TRANSPLANT_KINDS = {Kind.DIALYSIS, Kind.NOT_TRANSPLANT, Kind.OTHER_CELL_THERAPY}


def _transplant(plain: str, words: ChoiceWords) -> set[Enum]:
    own = words.wording.own_clauses(plain, leading_words=False)
    found: set[Enum] = set()
    for clause in own:
        found |= _transplant_clause(clause, words)
    for clause in words.wording.clauses(plain, leading_words=False):
        if clause not in own and _received(clause, words):
            found.add(Transplant.ORGAN)  # "my mum gave me her kidney" is the patient's
    if len(found) > 1:
        found.discard(Transplant.NONE)  # "no, only a uterus transplant"
    return found


def _received(clause: str, words: ChoiceWords) -> bool:
    return bool(words.received_organ.search(clause)) and not words.denial.search(clause)


def _transplant_clause(clause: str, words: ChoiceWords) -> set[Enum]:
    if _received(clause, words):
        return _transplants_named(clause, words) - {Transplant.NONE} or {Transplant.ORGAN}
    kinds = _kinds(clause)
    if (
        kinds & _NO_TRANSPLANT_KINDS
        and not kinds & _TRANSPLANT_KINDS
        and not words.denial.search(clause)
    ):
        return {Transplant.NONE}  # dialysis, a fistula, an MSC infusion
    return _transplants_named(clause, words)


def _transplants_named(clause: str, words: ChoiceWords) -> set[Enum]:
    """The transplants one clause names by the language's words: none for a
    procedure or graft that is no transplant and for a denial of transplants;
    nothing (asked again) for a transplant of a kind not said, or two kinds
    and a negation that may deny either."""
    transplant = words.transplant
    clause = transplant.not_a_negation.sub(" ", clause)
    if re.search(transplant.no_procedure, clause) or (
        re.search(transplant.not_a_transplant, clause)
        and not re.search(transplant.stem_cell_source, clause)
    ):
        return {Transplant.NONE}
    organ_words = re.sub(f"{transplant.cornea_or_hair}|{transplant.stem_cell}", " ", clause)
    kinds: set[Enum] = {
        kind
        for found, kind in (
            (re.search(transplant.stem_cell, clause), Transplant.STEM_CELL),
            (re.search(transplant.organ, organ_words), Transplant.ORGAN),
            (re.search(transplant.cornea_or_hair, clause), Transplant.CORNEA_OR_HAIR),
        )
        if found
    }
    denied = words.denial.search(clause)
    if len(kinds) > 1 and denied and not transplant.each_denied.search(clause):
        return set()  # "骨髓没移植过肾移植过": which is denied? asked again
    if words.says_none.match(clause) or (denied and _denies_transplants(clause, kinds, words)):
        return {Transplant.NONE}
    return kinds  # of a kind not said ("yes, I've had one"): none, asked again


def _denies_transplants(clause: str, kinds: set[Enum], words: ChoiceWords) -> bool:
    """A negation that denies transplants: of a kind named ("never had a
    kidney transplant"), of transplants ("没移植过") or of nothing else ("I
    haven't", "这个没有"); never of something else ("I didn't have CAR-T")."""
    if kinds or re.search(words.transplant.transplant_word, clause):
        return True
    rest = words.transplant.filler.sub("", words.denial.sub("", clause))
    return not rest.strip()
