"""Reading a reply to a choice question (transplant, diagnosis, cancer, daily
activity), the same way in every language.

A lexicon (`ChoiceWords`) gives its language's clause readers and the few
patterns only a language can say (a denial, an organ received from a donor,
a test still to come). This module gives the control flow: a button, "not
sure" and a hedge first; then the lexicon's reading; then what the medical
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

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

from bot.medicine.terms import LANGUAGES, Kind, kind_of
from bot.protocol.answers import Cancer, Diagnosis, Ecog, Transplant
from bot.reading.wording import Wording

_BUTTON = re.compile(r'^/inform\{"(\w+)": ?"(\w+)"\}$')

ClauseReader = Callable[[str], set[Enum]]


_NEVER = re.compile(r"(?!)")


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
    each_denied: re.Pattern[str] = _NEVER
    """Two kinds and one negation that denies both ("都没做过")."""
    not_a_negation: re.Pattern[str] = _NEVER
    """Switch (zh): words with a negation's character that deny nothing
    ("不好意思", excuse me); English has no such words."""


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
    diagnosis: DiagnosisWords
    readers: Mapping[type[Enum], ClauseReader]
    """By question: the options a reply names, read by the language's patterns;
    the transplant reader is given one clause at a time (this module cuts the
    reply and lets a transplant win over "none")."""
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
    plain = _spelled_right(words.wording.normalised(text), words.vocabulary)
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
    named = words.readers[choices](plain)
    return _cancer(plain, named, words) if choices is Cancer else named


def _spelled_right(plain: str, vocabulary: tuple[str, ...]) -> str:
    """Each word of five letters or more close to one of the vocabulary's
    (80% alike) written as that one."""
    if not vocabulary:
        return plain

    def fix(match: re.Match[str]) -> str:
        close = difflib.get_close_matches(match.group(0), vocabulary, n=1, cutoff=0.8)
        return close[0] if close else match.group(0)

    return re.sub(r"[a-zö]{5,}", fix, plain)


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
    reader = words.readers[Cancer]
    return all(
        kinds and kinds <= _GROWTH_KINDS
        for clause, kinds in stated
        if Cancer.OTHER in reader(clause)
    )


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
