"""The medical words the readers need, as data with sources (docs/medicine.md).

Each YAML file beside this module holds one topic; each entry is one `Term`:
a stable id, its `Kind` (what it means to the screening), the words patients
write for it in English and Chinese, and a citable source. Adding a product is
adding one entry; nothing here needs to change.

Words are matched in text normalised by `normalise` (NFKC, casefolded). A word
whose edge is a Latin letter or digit matches only at that edge's word boundary
(so "mmr" is not found in "hammr", nor "car-t" refused in "做过car-t治疗"); a
"-" or " " between a word's parts also matches "-", " " or nothing; an
apostrophe may be typed straight, curly or not at all; a word ending in a Latin
letter also matches with a plural "s". Chinese words match anywhere. Where
words overlap the longest is taken ("基底细胞癌" is one excepted cancer, not
"癌").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import yaml

LANGUAGES = ("en", "zh")

_FIELDS = {"id", "kind", "en", "zh", "source", "note", "verify"}
_REQUIRED = {"id", "kind", "en", "zh", "source"}
_ID = re.compile(r"[a-z0-9_]+")

_LATIN = "0-9a-z\u00c0-\u024f\u0370-\u03ff"
"""Letters and digits a Latin word's boundary may not touch (Greek for TIF1-gamma)."""
_EDGE = re.compile(f"[{_LATIN}]")
_SEPARATOR = re.compile(r"[\s\-\u2010-\u2015]+")
_SEPARATOR_IN_TEXT = r"[\s\-\u2010-\u2015]?"
_APOSTROPHE_IN_TEXT = "['\u2019]?"


class Kind(str, Enum):
    """What a word means to the screening (docs/medicine.md, the criteria map's ids)."""

    CAR_T = "car_t"
    """A CAR-T product or CAR-T therapy by any name, for any disease: E1 excludes."""
    OTHER_CELL_THERAPY = "other_cell_therapy"
    """A cell therapy that is not CAR-T (CAR-NK, TCR-T, TIL, CIK, MSC): E1 does not
    exclude it; staff verify (E9 if in a trial, E4 if it was in fact an HSCT)."""
    CELL_THERAPY_UNKNOWN = "cell_therapy_unknown"
    """A cell therapy named without its kind ("cell therapy", "细胞回输"): the reader
    asks whether it was CAR-T."""

    ORGAN_TRANSPLANT = "organ_transplant"
    """A solid-organ transplant received: E4 excludes."""
    STEM_CELL_TRANSPLANT = "stem_cell_transplant"
    """A haematopoietic stem-cell (bone-marrow) transplant, or its GVHD: E4 excludes."""
    CORNEA_OR_HAIR = "cornea_or_hair"
    """A cornea or hair transplant: excepted by E4 (Transplant.CORNEA_OR_HAIR, met)."""
    OTHER_GRAFT = "other_graft"
    """A graft that is neither a solid organ, nor stem cells, nor cornea or hair
    (skin, bone, tendon, islets, faecal microbiota): E4 names none; staff verify."""
    ORGAN_DONOR = "organ_donor"
    """An organ donation: a living donor has received no transplant, a recipient
    has; the reader must tell which (never a transplant by the word alone)."""
    NOT_TRANSPLANT = "not_transplant"
    """Named at E4's question but no transplant: a transfusion, an embryo transfer
    (IVF), an implant or a replaced joint or valve."""
    DIALYSIS = "dialysis"
    """Dialysis: not a transplant by itself (E4); staff verify (kidney function, E2,
    I5). Dialysis then a transplant is a transplant."""

    LIVE_VACCINE = "live_vaccine"
    """A live (attenuated, or live non-replicating) vaccine: E6's 4-week window."""
    INACTIVATED_VACCINE = "inactivated_vaccine"
    """A vaccine or immunisation that is not live (inactivated, subunit, toxoid,
    recombinant, mRNA, non-replicating vector): E6 does not apply."""
    VACCINE_UNKNOWN_FORM = "vaccine_unknown_form"
    """A vaccine made both live and not live (hepatitis A in China, JE, polio,
    typhoid, flu, zoster, cholera): the reader asks which form."""

    SYSTEMIC_ANTI_INFECTIVE = "systemic_anti_infective"
    """A systemic antibiotic, antiviral, antifungal or antiparasitic: E3's 1-week
    window when taken for an infection."""
    DRIP = "drip"
    """An intravenous drip (输液, 挂水): for a fever in China usually an antibiotic,
    but these patients also get steroid, cyclophosphamide or biologic drips: the
    reader asks what was in it."""
    NOT_ANTI_INFECTIVE = "not_anti_infective"
    """Named at E3's question but not a systemic anti-infective: topical creams and
    drops, cold remedies, painkillers, vitamins, stomach protection."""

    MALIGNANT = "malignant"
    """A malignancy not excepted by E8: excluded. Wins over every other cancer kind."""
    EXCEPTED_CANCER = "excepted_cancer"
    """One of E8's excepted kinds (cervical CIS, basal or squamous cell skin cancer,
    local prostate cancer after radical surgery, DCIS after radical surgery):
    Cancer.EXCEPTED, then whether it was treated."""
    UNCERTAIN_MALIGNANCY = "uncertain_malignancy"
    """Precancerous, borderline or in situ of no stated organ, or a cancer that may
    be an excepted kind (bare "skin cancer"): staff verify (Cancer.UNSURE)."""
    BENIGN = "benign"
    """Not a malignancy: a benign growth, or a non-cancer condition whose name
    sounds like one ("恶性高血压"). Loses to MALIGNANT, EXCEPTED and UNCERTAIN."""
    TUMOUR_UNSPECIFIED = "tumour_unspecified"
    """A growth named without saying benign or malignant ("tumour", "肿瘤"): the
    reader asks; any other cancer kind named with it wins."""

    VERIFY_HEPATITIS_B = "verify_hepatitis_b"
    """Hepatitis B, its markers or its long-term antivirals: E5, staff verify HBsAg /
    HBcAb with the HBV DNA (a past, cleared or carried hepatitis B is a yes)."""
    HEPATITIS_B_IMMUNE = "hepatitis_b_immune"
    """Anti-HBs (surface antibody) alone: immunity, usually from the vaccine; not
    hepatitis B by itself (E5 names HBsAg and HBcAb)."""
    VERIFY_HEPATITIS_C = "verify_hepatitis_c"
    """Hepatitis C, its antibody or RNA, its antivirals: E5, staff verify HCV RNA."""
    VERIFY_SYPHILIS = "verify_syphilis"
    """Syphilis or a syphilis test: E5, a positive test (RPR, TPPA, serofast)
    excludes; treated in the past with no test stated, staff verify."""
    VERIFY_HIV = "verify_hiv"
    """HIV: E5, HIV antibody positive excludes."""
    VERIFY_CMV = "verify_cmv"
    """Cytomegalovirus: E5, staff verify the CMV DNA (IgG alone is a past infection)."""

    MYOSITIS_ANTIBODY = "myositis_antibody"
    """One of I2-DM's myositis-specific antibodies (or the class by name)."""
    OTHER_ANTIBODY = "other_antibody"
    """An autoantibody that is not myositis-specific (ANA, dsDNA, Ro52, ANCA...):
    it does not meet I2-DM."""

    INTERSTITIAL_LUNG_DISEASE = "interstitial_lung_disease"
    """Interstitial lung disease by name or by its CT pattern (NSIP, 蜂窝肺):
    the lung involvement of I3-SSC."""

    BACKGROUND_TREATMENT = "background_treatment"
    """A treatment these patients take that excludes nobody by itself (steroids,
    hydroxychloroquine, immunosuppressants, biologics); some carry a `verify`."""


@dataclass(frozen=True)
class Term:
    id: str
    """Stable, e.g. "tisagenlecleucel"."""
    kind: Kind
    words: Mapping[str, tuple[str, ...]]
    """By language code ("en", "zh"): the names patients write."""
    source: str
    """Citable, with its date; several sources separated by "; "."""
    note: str | None = None
    """Why the term is of its kind, where that needs saying."""
    verify: str | None = None
    """What staff must still check, where a criterion may apply all the same."""


def normalise(text: str) -> str:
    """NFKC-normalised and casefolded: the form words are matched in."""
    return unicodedata.normalize("NFKC", text).casefold()


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: one of {LANGUAGES}")
    return language


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: a non-empty list of words")
    if not all(isinstance(word, str) and word.strip() for word in value):
        raise ValueError(f"{where}: every word a non-empty string")
    return tuple(word.strip() for word in value)


def _term(entry: Any, where: str) -> Term:
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: an entry is a mapping")
    keys = set(entry)
    if not _REQUIRED <= keys <= _FIELDS:
        raise ValueError(
            f"{where}: fields {sorted(keys)}, missing {sorted(_REQUIRED - keys)}, "
            f"unknown {sorted(keys - _FIELDS)}"
        )
    term_id = entry["id"]
    if not isinstance(term_id, str) or not _ID.fullmatch(term_id):
        raise ValueError(f"{where}: id {term_id!r} is not snake_case")
    where = f"{where} {term_id}"
    try:
        kind = Kind(entry["kind"])
    except ValueError:
        raise ValueError(f"{where}: unknown kind {entry['kind']!r}") from None
    optional: dict[str, str | None] = {}
    for field in ("source", "note", "verify"):
        value = entry.get(field)
        if value is not None and not (isinstance(value, str) and value.strip()):
            raise ValueError(f"{where}: {field} must be a non-empty string")
        optional[field] = value.strip() if isinstance(value, str) else None
    source = optional["source"]
    assert source is not None  # required above
    return Term(
        id=term_id,
        kind=kind,
        words={
            language: _strings(entry[language], f"{where} {language}") for language in LANGUAGES
        },
        source=source,
        note=optional["note"],
        verify=optional["verify"],
    )


@cache
def _all_terms() -> tuple[Term, ...]:
    loaded: list[Term] = []
    folder = resources.files(__package__)
    for resource in sorted(folder.iterdir(), key=lambda item: item.name):
        if not resource.name.endswith(".yml"):
            continue
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
        if not isinstance(data, list):
            raise ValueError(f"{resource.name}: a list of entries")
        loaded.extend(_term(entry, resource.name) for entry in data)
    seen: set[str] = set()
    for term in loaded:
        if term.id in seen:
            raise ValueError(f"duplicate id {term.id!r}")
        seen.add(term.id)
    return tuple(loaded)


def terms(kind: Kind | None = None) -> tuple[Term, ...]:
    """Every term, in file and entry order; or those of one kind."""
    return tuple(term for term in _all_terms() if kind is None or term.kind is kind)


def _longest_first(word: str) -> tuple[int, int, str]:
    return (-len(_SEPARATOR.sub("", word)), -len(word), word)


@cache
def _words(kind: Kind, language: str) -> tuple[str, ...]:
    found = {normalise(word) for term in terms(kind) for word in term.words[language]}
    return tuple(sorted(found, key=_longest_first))


def words(kind: Kind, language: str) -> tuple[str, ...]:
    """The words of a kind in a language: normalised, casefolded, longest first."""
    return _words(kind, _language(language))


def _fragment(word: str) -> str:
    """The regular expression for one normalised word (see the module's docstring)."""
    parts = [
        _APOSTROPHE_IN_TEXT.join(re.escape(piece) for piece in re.split("['\u2019]", part))
        for part in _SEPARATOR.split(word)
    ]
    body = _SEPARATOR_IN_TEXT.join(parts)
    if _EDGE.fullmatch(word[0]):
        body = f"(?<![{_LATIN}]){body}"
    if _EDGE.fullmatch(word[-1]):
        plural = "s?" if "a" <= word[-1] <= "z" and word[-1] != "s" else ""
        body = f"{body}{plural}(?![{_LATIN}])"
    return body


@cache
def _compiled(kinds: frozenset[Kind], language: str) -> tuple[re.Pattern[str], tuple[Term, ...]]:
    """One alternation, longest word first, a named group per word; and for each
    group (w0, w1, ...) the term whose word it is."""
    owner: dict[str, Term] = {}
    for term in _all_terms():
        if term.kind in kinds:
            for word in term.words[language]:
                owner.setdefault(normalise(word), term)
    ordered = sorted(owner, key=_longest_first)
    if not ordered:
        return re.compile(r"(?!)"), ()
    alternation = "|".join(f"(?P<w{i}>{_fragment(word)})" for i, word in enumerate(ordered))
    return re.compile(alternation), tuple(owner[word] for word in ordered)


def alternation(kinds: Iterable[Kind], language: str) -> str:
    """The regular expression `pattern` compiles, without groups of its own, to
    be part of a larger pattern; one that matches nothing when the data holds
    no word of those kinds."""
    owners = {
        normalise(word)
        for term in _all_terms()
        if term.kind in set(kinds)
        for word in term.words[_language(language)]
    }
    if not owners:
        return r"(?!)"
    return "|".join(f"(?:{_fragment(word)})" for word in sorted(owners, key=_longest_first))


def pattern(kinds: Iterable[Kind], language: str) -> re.Pattern[str]:
    """Matches any word of those kinds in `normalise`d text."""
    return _compiled(frozenset(kinds), _language(language))[0]


def found(text: str, language: str) -> tuple[Term, ...]:
    """The terms named in the text, in order (longest word where words overlap)."""
    regex, owners = _compiled(frozenset(Kind), _language(language))
    named: list[Term] = []
    for match in regex.finditer(normalise(text)):
        group = match.lastgroup
        assert group is not None
        named.append(owners[int(group[1:])])
    return tuple(named)


def kind_of(text: str, language: str) -> set[Kind]:
    """The kinds named in the text (a reader decides between them: docs/medicine.md)."""
    return {term.kind for term in found(text, language)}
