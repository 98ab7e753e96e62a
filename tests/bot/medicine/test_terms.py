"""The medical words as data (bot/medicine/, docs/medicine.md): every entry loads
and is complete, no word means two things, the patterns keep to their word
boundaries, and patients' sentences in both languages are read as their kinds."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from bot.medicine import terms as medicine
from bot.medicine.terms import LANGUAGES, Kind, Term, kind_of, normalise, pattern, terms, words

ROOT = Path(__file__).parents[3]
DOCS = ROOT / "docs" / "medicine.md"
FOLDER = ROOT / "bot" / "medicine"
FILES = {
    "car_t.yml",
    "vaccines.yml",
    "anti_infectives.yml",
    "malignancy.yml",
    "transplant.yml",
    "verify.yml",
    "antibodies.yml",
    "background_treatments.yml",
    "lung.yml",
}

K = Kind


def sources(term: Term) -> list[str]:
    return term.source.split("; ")


# --- the data loads and is complete ---


def test_the_data_files_are_the_topics() -> None:
    assert {path.name for path in FOLDER.glob("*.yml")} == FILES


def test_every_entry_loads_with_an_id_a_kind_words_in_both_languages_and_a_source() -> None:
    loaded = terms()
    assert len(loaded) > 150
    for term in loaded:
        assert re.fullmatch(r"[a-z0-9_]+", term.id)
        assert isinstance(term.kind, Kind)
        for language in LANGUAGES:
            assert term.words[language], (term.id, language)
            assert all(word.strip() == word and word for word in term.words[language])
        assert term.source.strip()
        assert re.search(r"(?<!\d)(19|20)\d\d(?!\d)", term.source), (
            f"{term.id}: a source with its date"
        )
        assert term.note is None or term.note.strip()
        assert term.verify is None or term.verify.strip()


def test_ids_are_unique() -> None:
    ids = [term.id for term in terms()]
    assert len(ids) == len(set(ids))


def test_every_kind_has_entries() -> None:
    assert [kind for kind in Kind if not terms(kind)] == []


def test_terms_of_a_kind_are_those_of_that_kind() -> None:
    assert terms(K.CAR_T)
    assert all(term.kind is K.CAR_T for term in terms(K.CAR_T))
    assert sum(len(terms(kind)) for kind in Kind) == len(terms())


def test_words_are_normalised_casefolded_and_longest_first() -> None:
    for kind in Kind:
        for language in LANGUAGES:
            found = words(kind, language)
            assert found
            assert all(word == normalise(word) for word in found)
            lengths = [len(re.sub(r"[\s\-\u2010-\u2015]+", "", word)) for word in found]
            assert lengths == sorted(lengths, reverse=True)
    assert "kymriah" in words(K.CAR_T, "en")
    assert "倍诺达" in words(K.CAR_T, "zh")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        words(K.CAR_T, "fr")
    with pytest.raises(ValueError, match="unknown language"):
        kind_of("CAR-T", "fr")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "x", "kind": "car_t", "en": ["a"], "zh": ["b"]}, "missing"),
        ({"id": "x", "kind": "car_t", "en": ["a"], "zh": ["b"], "source": "s", "x": 1}, "unknown"),
        ({"id": "X y", "kind": "car_t", "en": ["a"], "zh": ["b"], "source": "s"}, "snake_case"),
        ({"id": "x", "kind": "cart", "en": ["a"], "zh": ["b"], "source": "s"}, "unknown kind"),
        ({"id": "x", "kind": "car_t", "en": [], "zh": ["b"], "source": "s"}, "non-empty list"),
        ({"id": "x", "kind": "car_t", "en": ["a"], "zh": [" "], "source": "s"}, "non-empty string"),
        ({"id": "x", "kind": "car_t", "en": ["a"], "zh": ["b"], "source": ""}, "non-empty string"),
    ],
)
def test_a_malformed_entry_is_refused(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        medicine._term(entry, "test.yml")


# --- no word means two things ---


def _key(word: str) -> str:
    """A word as its pattern sees it: separators optional, a plural "s" optional."""
    key = re.sub(r"[\s\-\u2010-\u2015'\u2019]+", "", normalise(word))
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def test_no_word_belongs_to_two_entries() -> None:
    for language in LANGUAGES:
        owner: dict[str, str] = {}
        for term in terms():
            for word in {_key(word) for word in term.words[language]}:
                assert word not in owner, f"{language} {word!r}: {owner[word]} and {term.id}"
                owner[word] = term.id


CONTAINS: dict[tuple[Kind, Kind], str] = {
    # (the kind of a word, the kind of a shorter word inside it): why the longer wins.
    (K.CAR_T, K.CELL_THERAPY_UNKNOWN): "'CAR-T细胞治疗' says which cell therapy",
    (K.OTHER_CELL_THERAPY, K.CELL_THERAPY_UNKNOWN): "'NK细胞回输' says which cell therapy",
    (K.OTHER_CELL_THERAPY, K.STEM_CELL_TRANSPLANT): "'间充质干细胞移植' is mesenchymal cells",
    (K.OTHER_CELL_THERAPY, K.DRIP): "'stem cell infusion' says what was infused",
    (K.OTHER_CELL_THERAPY, K.TUMOUR_UNSPECIFIED): "'tumour-infiltrating lymphocytes' are a therapy",
    (K.CELL_THERAPY_UNKNOWN, K.DRIP): "'cell infusion' says it was cells",
    (K.SYSTEMIC_ANTI_INFECTIVE, K.DRIP): "'antibiotic drip' says what was in it",
    (K.BACKGROUND_TREATMENT, K.DRIP): "'intravenous immunoglobulin' says what was in it",
    (K.NOT_ANTI_INFECTIVE, K.SYSTEMIC_ANTI_INFECTIVE): "'levofloxacin eye drops' are topical",
    (K.NOT_ANTI_INFECTIVE, K.DRIP): "a 'post-nasal drip' is a symptom",
    (K.LIVE_VACCINE, K.NOT_ANTI_INFECTIVE): "'nasal spray flu' is a vaccine, not a spray",
    (K.VACCINE_UNKNOWN_FORM, K.NOT_ANTI_INFECTIVE): "'nasal spray covid vaccine' is a vaccine",
    (K.LIVE_VACCINE, K.VACCINE_UNKNOWN_FORM): "'oral polio vaccine' says its form",
    (K.INACTIVATED_VACCINE, K.VACCINE_UNKNOWN_FORM): "'inactivated polio vaccine' says its form",
    (K.VACCINE_UNKNOWN_FORM, K.INACTIVATED_VACCINE): "'鼻喷新冠疫苗' may be live",
    (K.INACTIVATED_VACCINE, K.LIVE_VACCINE): "'灭活疫苗' contains '活疫苗' and is not live",
    (K.LIVE_VACCINE, K.INACTIVATED_VACCINE): "'二价脊灰' (oral polio) is not the HPV '二价'",
    (K.INACTIVATED_VACCINE, K.VERIFY_HEPATITIS_B): "'乙肝疫苗' is a vaccine, not hepatitis B",
    (K.INACTIVATED_VACCINE, K.UNCERTAIN_MALIGNANCY): "'宫颈癌疫苗' is the HPV vaccine",
    (K.HEPATITIS_B_IMMUNE, K.VERIFY_HEPATITIS_B): "'乙肝表面抗体' alone is immunity",
    (K.EXCEPTED_CANCER, K.MALIGNANT): "'基底细胞癌' is excepted, not '癌'",
    (K.EXCEPTED_CANCER, K.UNCERTAIN_MALIGNANCY): "'皮肤鳞癌' says the skin",
    (K.EXCEPTED_CANCER, K.TUMOUR_UNSPECIFIED): "'宫颈上皮内瘤变3级' says what it is",
    (K.UNCERTAIN_MALIGNANCY, K.MALIGNANT): "'癌前病变' is not yet a cancer",
    (K.UNCERTAIN_MALIGNANCY, K.BENIGN): "'不典型增生' is more than a '增生'",
    (K.UNCERTAIN_MALIGNANCY, K.TUMOUR_UNSPECIFIED): "'上皮内瘤变' says what it is",
    (K.UNCERTAIN_MALIGNANCY, K.BACKGROUND_TREATMENT): "'单克隆丙种球蛋白病' is MGUS, not IVIG",
    (K.MALIGNANT, K.UNCERTAIN_MALIGNANCY): "'肺鳞癌' says the organ; 'melanoma in situ'",
    (K.MALIGNANT, K.TUMOUR_UNSPECIFIED): "'淋巴瘤' says what the '瘤' is",
    (K.MALIGNANT, K.BENIGN): "'骨髓增生异常综合征' (MDS) is more than a '增生'",
    (K.BENIGN, K.MALIGNANT): "'恶性高血压' is no cancer; 'non-cancerous'",
    (K.BENIGN, K.UNCERTAIN_MALIGNANCY): "'hip dysplasia' is no precancer",
    (K.BENIGN, K.TUMOUR_UNSPECIFIED): "'脂肪瘤' says what the '瘤' is",
    (K.ORGAN_TRANSPLANT, K.OTHER_GRAFT): "'kidney graft' says what was grafted",
    (K.CORNEA_OR_HAIR, K.OTHER_GRAFT): "'corneal graft' says what was grafted",
    (K.STEM_CELL_TRANSPLANT, K.OTHER_GRAFT): "'graft-versus-host' is GVHD",
    (K.ORGAN_DONOR, K.ORGAN_TRANSPLANT): "'供肾者' is the donor of the '供肾'",
    (K.ORGAN_DONOR, K.STEM_CELL_TRANSPLANT): "'捐献造血干细胞' is a donation",
}


def _stripped(word: str) -> str:
    return re.sub(r"[\s\-\u2010-\u2015'\u2019]+", "", normalise(word))


@cache
def _containments() -> tuple[tuple[Kind, Kind, str, str], ...]:
    """Every (kind, other kind, language, word) where a word of the other kind
    matches inside the word. A match needs the shorter word's letters inside the
    longer's (separators aside), which picks the few pairs worth a search."""
    found: list[tuple[Kind, Kind, str, str]] = []
    for language in LANGUAGES:
        every = [(term.kind, _stripped(w)) for term in terms() for w in term.words[language]]
        for term in terms():
            for word in term.words[language]:
                inside = _stripped(word)
                others = {
                    kind for kind, other in every if kind is not term.kind and other in inside
                }
                for other in sorted(others, key=lambda kind: kind.value):
                    if pattern([other], language).search(normalise(word)):
                        found.append((term.kind, other, language, word))
    return tuple(found)


def test_a_word_inside_another_kinds_word_is_a_named_pair() -> None:
    unnamed = [item for item in _containments() if (item[0], item[1]) not in CONTAINS]
    assert unnamed == []


def test_every_named_pair_occurs_and_the_longer_word_wins() -> None:
    containments = _containments()
    assert {(outer, inner) for outer, inner, _, _ in containments} == set(CONTAINS)
    for outer, _, language, word in containments:
        assert kind_of(word, language) == {outer}, (language, word)


def test_every_word_alone_is_read_as_its_own_kind() -> None:
    for term in terms():
        for language in LANGUAGES:
            for word in term.words[language]:
                assert kind_of(word, language) == {term.kind}, (term.id, language, word)


# --- patterns ---


@pytest.mark.parametrize(
    ("kinds", "language", "text", "matched"),
    [
        ([K.LIVE_VACCINE], "en", "I had the MMR", "mmr"),
        ([K.LIVE_VACCINE], "en", "hammr", None),
        ([K.LIVE_VACCINE], "en", "mmra", None),
        ([K.LIVE_VACCINE], "en", "MMR-vaccine last week", "mmr-vaccine"),
        ([K.LIVE_VACCINE], "en", "two MMRs as a child", "mmrs"),
        ([K.CAR_T], "en", "axi-cel in 2021", "axi-cel"),
        ([K.CAR_T], "en", "axi cel in 2021", "axi cel"),
        ([K.CAR_T], "en", "axicel in 2021", "axicel"),
        ([K.CAR_T], "en", "axi\u2010cel in 2021", "axi\u2010cel"),
        ([K.CAR_T], "en", "taxicel", None),
        ([K.CAR_T], "en", "CAR T cells", "car t cells"),
        ([K.CAR_T], "en", "cart", "cart"),
        ([K.CAR_T], "en", "cartoon", None),
        ([K.CAR_T], "en", "a scar to show", None),
        ([K.CAR_T], "zh", "做过car-t治疗", "car-t治疗"),
        ([K.CAR_T], "zh", "打了倍诺达", "倍诺达"),
        ([K.BENIGN], "en", "two polyps removed", "polyps"),
        ([K.BENIGN], "en", "cystitis", None),
        ([K.EXCEPTED_CANCER], "en", "Bowen's disease", "bowen's disease"),
        ([K.EXCEPTED_CANCER], "en", "Bowen\u2019s disease", "bowen\u2019s disease"),
        ([K.EXCEPTED_CANCER], "en", "bowens disease", "bowens disease"),
        ([K.MYOSITIS_ANTIBODY], "en", "TIF1\u03b3 positive", "tif1\u03b3"),
        ([K.MYOSITIS_ANTIBODY], "en", "Jo 1 positive", "jo 1"),
        ([K.MYOSITIS_ANTIBODY], "en", "jo1 positive", "jo1"),
        ([K.MYOSITIS_ANTIBODY], "en", "jo-12", None),
        ([K.MYOSITIS_ANTIBODY], "zh", "抗ＭＤＡ５抗体阳性", "抗mda5抗体"),
        ([K.EXCEPTED_CANCER], "en", "CIN 3", "cin 3"),
        ([K.EXCEPTED_CANCER], "en", "CIN-3", "cin-3"),
        ([K.EXCEPTED_CANCER], "en", "CIN 33", None),
        ([K.VERIFY_HEPATITIS_B], "en", "HBsAg positive", "hbsag"),
        ([K.HEPATITIS_B_IMMUNE], "en", "anti-HBsAg", None),
        ([K.DRIP], "en", "stage IV", None),
        ([K.VERIFY_HIV], "en", "hearing aids", None),
        ([K.MYOSITIS_ANTIBODY], "en", "5 yrs ago", None),
        ([K.MYOSITIS_ANTIBODY], "en", "an SAE in the last trial", None),
        ([K.CAR_T, K.LIVE_VACCINE], "en", "no car-t and no mmr", "car-t"),
        ([], "en", "anything", None),
    ],
)
def test_pattern_keeps_to_word_boundaries_and_separator_variants(
    kinds: list[Kind], language: str, text: str, matched: str | None
) -> None:
    match = pattern(kinds, language).search(normalise(text))
    assert (match.group(0) if match else None) == matched


def test_found_gives_the_entries_in_order() -> None:
    named = medicine.found("Kymriah, then Yescarta and prednisone", "en")
    assert [term.id for term in named] == [
        "tisagenlecleucel",
        "axicabtagene_ciloleucel",
        "glucocorticoids",
    ]


# --- patients' sentences ---

EXAMPLES: dict[Kind, dict[str, list[str]]] = {
    K.CAR_T: {
        "en": [
            "I had CAR-T in 2022",
            "yes, CAR T cell therapy",
            "got Kymriah as a kid",
            "they gave me axi-cel",
            "Yescarta in 2020",
            "I was in a CD19 CAR trial",
            "cilta-cel in 2023",
            "Breyanzi last year",
            "chimeric antigen receptor T cells, once",
            "had cart before",
        ],
        "zh": [
            "做过CAR-T",
            "2021年打过奕凯达",
            "用过倍诺达",
            "做过CD19 CAR-T细胞治疗",
            "阿基仑赛注射液",
            "用过福可苏",
            "源瑞达",
            "赛恺泽",
            "嵌合抗原受体T细胞",
            "参加过CD19细胞治疗的试验",
        ],
    },
    K.OTHER_CELL_THERAPY: {
        "en": [
            "I had mesenchymal stem cells for my lupus",
            "MSCs in Nanjing",
            "CAR-NK in a trial",
            "TCR-T in a trial",
            "stem cell therapy in 2019",
            "CIK cells",
        ],
        "zh": [
            "输过间充质干细胞",
            "做过干细胞回输",
            "脐带干细胞治疗过",
            "CIK细胞回输",
            "NK细胞回输过两次",
            "做过CAR-NK",
        ],
    },
    K.CELL_THERAPY_UNKNOWN: {
        "en": [
            "I had some cell therapy",
            "a cell infusion in 2020",
            "cellular therapy at another hospital",
            "some kind of immune cell therapy",
            "T cell therapy, not sure which",
            "cell treatment in Beijing",
        ],
        "zh": [
            "做过细胞回输",
            "细胞治疗做过",
            "做过免疫细胞治疗",
            "细胞免疫治疗",
            "回输细胞",
            "不知道是什么细胞疗法",
        ],
    },
    K.ORGAN_TRANSPLANT: {
        "en": [
            "kidney transplant in 2010",
            "I had a renal transplant",
            "yes, a liver transplant",
            "I have a new kidney",
            "heart transplant",
            "double lung transplant",
            "my donor kidney is 8 years old",
        ],
        "zh": [
            "肾移植十年了",
            "换过肾",
            "做过肝移植",
            "心脏移植",
            "肺移植",
            "亲属供肾",
            "胰肾联合移植",
        ],
    },
    K.STEM_CELL_TRANSPLANT: {
        "en": [
            "bone marrow transplant",
            "I had a stem cell transplant for scleroderma",
            "autologous stem cell transplant in 2015",
            "allo-HSCT",
            "BMT in 2012",
            "I had GVHD after it",
        ],
        "zh": [
            "骨髓移植",
            "做过造血干细胞移植",
            "自体干细胞移植",
            "异基因造血干细胞移植",
            "脐血移植",
            "移植物抗宿主病",
        ],
    },
    K.CORNEA_OR_HAIR: {
        "en": [
            "a cornea transplant",
            "corneal graft in my left eye",
            "keratoplasty",
            "only a hair transplant",
            "hair transplantation in Turkey",
            "eyebrow transplant",
        ],
        "zh": [
            "角膜移植",
            "只做过角膜移植术",
            "植发",
            "做过毛发移植",
            "头发移植",
            "植眉",
        ],
    },
    K.OTHER_GRAFT: {
        "en": [
            "a skin graft after a burn",
            "bone graft in my jaw",
            "a fecal transplant for C diff",
            "FMT",
            "tendon graft",
            "a graft",
        ],
        "zh": [
            "植皮",
            "骨移植",
            "粪菌移植",
            "胰岛移植",
            "自体脂肪移植",
            "肌腱移植",
        ],
    },
    K.ORGAN_DONOR: {
        "en": [
            "I donated a kidney to my brother",
            "I was a living donor",
            "I'm a kidney donor",
            "I donated bone marrow",
            "liver donor in 2018",
            "registered organ donor",
        ],
        "zh": [
            "我给我弟弟捐过肾",
            "捐了一个肾给我妈",
            "我是活体供者",
            "捐献骨髓",
            "加入了中华骨髓库",
            "器官捐献",
        ],
    },
    K.NOT_TRANSPLANT: {
        "en": [
            "only a blood transfusion",
            "IVF with embryo transfer",
            "a dental implant",
            "hip replacement",
            "I have a pacemaker",
            "a platelet transfusion",
        ],
        "zh": [
            "输血",
            "做过胚胎移植",
            "试管婴儿",
            "种植牙",
            "膝关节置换",
            "放过支架",
        ],
    },
    K.DIALYSIS: {
        "en": [
            "I'm on dialysis",
            "haemodialysis three times a week",
            "hemodialysis",
            "peritoneal dialysis at home",
            "CRRT in the ICU",
            "kidney machine",
        ],
        "zh": [
            "在做透析",
            "血透三年了",
            "腹透",
            "血液透析",
            "腹膜透析",
            "做过血液净化",
        ],
    },
    K.LIVE_VACCINE: {
        "en": [
            "MMR last month",
            "the chickenpox vaccine",
            "yellow fever jab before Africa",
            "FluMist",
            "nasal flu vaccine for my asthma",
            "oral typhoid capsules",
            "Zostavax",
            "BCG as a child",
            "Qdenga",
            "live vaccine",
        ],
        "zh": [
            "打了麻腮风",
            "水痘疫苗",
            "卡介苗",
            "小时候吃过糖丸",
            "甲肝减毒活疫苗",
            "乙脑减毒活疫苗",
            "黄热病疫苗",
            "鼻喷流感疫苗",
            "带状疱疹减毒活疫苗",
            "轮状病毒疫苗",
            "打过减毒活疫苗",
        ],
    },
    K.INACTIVATED_VACCINE: {
        "en": [
            "flu shot in October",
            "covid booster",
            "Pfizer vaccine, three doses",
            "Moderna",
            "Shingrix",
            "hepatitis B vaccine",
            "HPV vaccine",
            "tetanus shot after a cut",
            "pneumonia vaccine",
            "rabies shots after a dog bite",
            "Havrix",
        ],
        "zh": [
            "打了流感针",
            "新冠疫苗",
            "打了三针科兴",
            "国药的",
            "欣安立适",
            "乙肝疫苗",
            "九价",
            "打了破伤风",
            "23价肺炎疫苗",
            "狂犬疫苗",
            "甲肝灭活疫苗",
            "打的灭活疫苗",
        ],
    },
    K.VACCINE_UNKNOWN_FORM: {
        "en": [
            "flu vaccine",
            "hep A vaccine",
            "polio vaccine",
            "shingles vaccine",
            "typhoid vaccine",
            "Japanese encephalitis vaccine",
            "cholera vaccine",
        ],
        "zh": [
            "甲肝疫苗",
            "流感疫苗",
            "乙脑疫苗",
            "带状疱疹疫苗",
            "脊灰疫苗",
            "伤寒疫苗",
            "鼻喷新冠疫苗",
        ],
    },
    K.SYSTEMIC_ANTI_INFECTIVE: {
        "en": [
            "antibiotics for a chest infection",
            "amoxicillin",
            "Augmentin for 7 days",
            "cephalexin",
            "Bactrim",
            "levofloxacin",
            "azithromycin",
            "Tamiflu",
            "Paxlovid for covid",
            "fluconazole",
            "IV antibiotics",
            "valacyclovir",
        ],
        "zh": [
            "吃了抗生素",
            "头孢",
            "阿莫西林",
            "左氧氟沙星",
            "阿奇霉素",
            "复方新诺明",
            "奥司他韦",
            "达菲",
            "奈玛特韦",
            "氟康唑",
            "吃了消炎药",
            "更昔洛韦",
            "甲硝唑",
        ],
    },
    K.DRIP: {
        "en": [
            "I was on a drip",
            "IV drip for 3 days",
            "they put me on IV fluids",
            "had an infusion",
            "intravenous, not sure what",
            "drip at the clinic",
        ],
        "zh": [
            "挂水三天",
            "输液",
            "打点滴",
            "吊瓶打了一周",
            "静脉滴注",
            "挂针",
        ],
    },
    K.NOT_ANTI_INFECTIVE: {
        "en": [
            "paracetamol",
            "ibuprofen for the fever",
            "cough syrup",
            "Tylenol",
            "a cream",
            "eye drops",
            "Lemsip",
            "vitamin C",
        ],
        "zh": [
            "连花清瘟",
            "板蓝根",
            "999感冒灵",
            "布洛芬",
            "对乙酰氨基酚",
            "止咳糖浆",
            "眼药水",
            "抗病毒口服液",
            "消炎痛",
            "红霉素软膏",
        ],
    },
    K.MALIGNANT: {
        "en": [
            "breast cancer in 2010",
            "lymphoma",
            "leukaemia",
            "leukemia as a child",
            "melanoma",
            "myeloma",
            "sarcoma",
            "papillary thyroid carcinoma",
            "a glioma",
            "mesothelioma",
            "it turned cancerous",
            "lung squamous cell carcinoma",
        ],
        "zh": [
            "乳腺癌",
            "甲状腺乳头状癌",
            "淋巴瘤",
            "白血病",
            "黑色素瘤",
            "多发性骨髓瘤",
            "骨肉瘤",
            "癌变了",
            "转移到骨头",
            "肺鳞癌",
            "恶变",
        ],
    },
    K.EXCEPTED_CANCER: {
        "en": [
            "basal cell carcinoma",
            "a BCC on my nose",
            "squamous cell skin cancer",
            "cervical carcinoma in situ",
            "CIN3",
            "DCIS",
            "ductal carcinoma in situ",
            "localised prostate cancer",
            "Bowen's disease",
        ],
        "zh": [
            "基底细胞癌",
            "皮肤基底细胞癌",
            "皮肤鳞癌",
            "宫颈原位癌",
            "CIN3",
            "乳腺导管原位癌",
            "局限性前列腺癌",
            "前列腺癌根治术",
        ],
    },
    K.UNCERTAIN_MALIGNANCY: {
        "en": [
            "malignant",
            "I had cancer",
            "precancerous cells",
            "CIN2",
            "dysplasia",
            "atypical cells",
            "a borderline tumour of the ovary",
            "skin cancer",
            "prostate cancer",
            "carcinoma in situ",
            "MGUS",
            "squamous cell carcinoma",
        ],
        "zh": [
            "恶性肿瘤",
            "得过癌症",
            "癌前病变",
            "宫颈癌前病变",
            "不典型增生",
            "交界性肿瘤",
            "CIN2",
            "皮肤癌",
            "前列腺癌",
            "原位癌",
            "鳞癌",
            "高级别上皮内瘤变",
            "胸腺瘤",
        ],
    },
    K.BENIGN: {
        "en": [
            "benign",
            "a polyp",
            "an ovarian cyst",
            "fibroids",
            "a mole removed",
            "thyroid nodule",
            "a lipoma",
            "adenoma",
            "malignant hypertension",
        ],
        "zh": [
            "良性的",
            "息肉",
            "囊肿",
            "子宫肌瘤",
            "甲状腺结节",
            "痣",
            "脂肪瘤",
            "腺瘤",
            "恶性高血压",
            "防癌体检",
        ],
    },
    K.TUMOUR_UNSPECIFIED: {
        "en": [
            "a tumour",
            "a tumor in my kidney",
            "a lump in my breast",
            "a neoplasm",
            "brain tumour",
            "tumours",
        ],
        "zh": [
            "肿瘤",
            "长了个瘤",
            "肿块",
            "包块",
            "肺部占位",
            "肿物",
        ],
    },
    K.VERIFY_HEPATITIS_B: {
        "en": [
            "hepatitis B",
            "I had hep B, it cleared",
            "HBV carrier",
            "HBsAg positive",
            "anti-HBc positive",
            "HBV DNA normal",
            "I take entecavir",
        ],
        "zh": [
            "乙肝",
            "大三阳",
            "小三阳",
            "乙肝携带者",
            "乙肝表面抗原阳性",
            "核心抗体阳性",
            "吃恩替卡韦",
        ],
    },
    K.HEPATITIS_B_IMMUNE: {
        "en": [
            "anti-HBs positive",
            "HBsAb positive",
            "hepatitis B surface antibody",
            "I'm immune to hepatitis B",
            "surface antibody only",
            "HBs antibody",
        ],
        "zh": [
            "乙肝表面抗体阳性",
            "表面抗体阳性",
            "抗-HBs阳性",
            "HBsAb阳性",
            "抗HBs",
            "只有表面抗体",
        ],
    },
    K.VERIFY_HEPATITIS_C: {
        "en": [
            "hepatitis C",
            "hep C, cured",
            "HCV antibody positive",
            "HCV RNA undetectable",
            "anti-HCV",
            "I took Epclusa",
        ],
        "zh": [
            "丙肝",
            "丙型肝炎",
            "丙肝抗体阳性",
            "HCV RNA阴性",
            "丙肝治好了",
            "吃过丙通沙",
        ],
    },
    K.VERIFY_SYPHILIS: {
        "en": [
            "syphilis, treated",
            "RPR positive",
            "TPPA positive",
            "VDRL",
            "serofast",
            "FTA-ABS",
        ],
        "zh": [
            "梅毒",
            "梅毒血清固定",
            "TPPA阳性",
            "TRUST阳性",
            "梅毒抗体阳性",
            "TP抗体阳性",
        ],
    },
    K.VERIFY_HIV: {
        "en": [
            "HIV",
            "HIV positive",
            "I'm on antiretrovirals",
            "HIV antibody negative",
            "human immunodeficiency virus",
            "Biktarvy",
        ],
        "zh": [
            "HIV",
            "艾滋病",
            "艾滋",
            "HIV抗体阳性",
            "AIDS",
            "人类免疫缺陷病毒",
        ],
    },
    K.VERIFY_CMV: {
        "en": [
            "CMV",
            "cytomegalovirus",
            "CMV DNA positive",
            "CMV IgG positive",
            "CMV IgM",
            "CMV PCR negative",
        ],
        "zh": [
            "巨细胞病毒",
            "CMV阳性",
            "CMV DNA",
            "巨细胞病毒DNA阳性",
            "巨细胞病毒抗体",
            "CMV IgG阳性",
        ],
    },
    K.INTERSTITIAL_LUNG_DISEASE: {
        "en": [
            "ILD",
            "interstitial lung disease since 2019",
            "the CT showed NSIP",
            "usual interstitial pneumonia",
            "pulmonary fibrosis",
            "some honeycombing",
        ],
        "zh": [
            "间质性肺病",
            "肺间质纤维化",
            "CT提示网格影",
            "蜂窝肺",
            "非特异性间质性肺炎",
            "肺纤维化",
        ],
    },
    K.MYOSITIS_ANTIBODY: {
        "en": [
            "Jo-1 positive",
            "anti-MDA5",
            "TIF1-gamma",
            "NXP2 positive",
            "Mi-2",
            "anti-SRP",
            "HMGCR",
            "PL-7",
            "anti-EJ",
            "anti-synthetase antibody",
        ],
        "zh": [
            "Jo-1阳性",
            "抗MDA5抗体阳性",
            "TIF1-γ阳性",
            "抗NXP2",
            "Mi-2抗体",
            "抗SRP",
            "HMGCR抗体",
            "PL-12",
            "EJ抗体阳性",
            "肌炎特异性抗体阳性",
        ],
    },
    K.OTHER_ANTIBODY: {
        "en": [
            "ANA positive",
            "anti-dsDNA",
            "anti-Sm",
            "SSA positive",
            "Ro52 positive",
            "Scl-70",
            "anti-centromere",
            "ANCA",
            "MPO-ANCA",
            "rheumatoid factor",
            "anticardiolipin",
        ],
        "zh": [
            "抗核抗体阳性",
            "双链DNA阳性",
            "抗Sm抗体",
            "SSA阳性",
            "Ro52阳性",
            "抗Scl-70",
            "着丝点抗体",
            "ANCA阳性",
            "类风湿因子",
            "抗心磷脂抗体",
        ],
    },
    K.BACKGROUND_TREATMENT: {
        "en": [
            "hydroxychloroquine",
            "Plaquenil",
            "prednisone",
            "methylprednisolone",
            "mycophenolate",
            "azathioprine",
            "tacrolimus",
            "cyclophosphamide",
            "methotrexate",
            "belimumab",
            "rituximab",
            "IVIG",
            "plasma exchange",
            "nintedanib",
            "tofacitinib",
            "calcium and vitamin D",
        ],
        "zh": [
            "羟氯喹",
            "纷乐",
            "激素",
            "泼尼松",
            "美卓乐",
            "吗替麦考酚酯",
            "硫唑嘌呤",
            "他克莫司",
            "环磷酰胺",
            "甲氨蝶呤",
            "来氟米特",
            "贝利尤单抗",
            "泰它西普",
            "美罗华",
            "丙种球蛋白",
            "血浆置换",
            "吡非尼酮",
            "托法替布",
            "艾拉莫德",
            "沙利度胺",
            "钙片",
            "阿司匹林",
        ],
    },
}

MIXED: list[tuple[str, str, set[Kind]]] = [
    ("en", "a mole that turned out to be melanoma", {K.BENIGN, K.MALIGNANT}),
    ("en", "skin cancer, a melanoma", {K.UNCERTAIN_MALIGNANCY, K.MALIGNANT}),
    ("zh", "一个痣后来变成了黑色素瘤", {K.BENIGN, K.MALIGNANT}),
    ("zh", "肠息肉癌变了", {K.BENIGN, K.MALIGNANT}),
    ("en", "levofloxacin eye drops", {K.NOT_ANTI_INFECTIVE}),
    ("en", "levofloxacin and eye drops", {K.SYSTEMIC_ANTI_INFECTIVE, K.NOT_ANTI_INFECTIVE}),
    ("zh", "左氧氟沙星滴眼液", {K.NOT_ANTI_INFECTIVE}),
    ("zh", "输了三天头孢", {K.SYSTEMIC_ANTI_INFECTIVE}),
    ("zh", "挂水挂的头孢", {K.DRIP, K.SYSTEMIC_ANTI_INFECTIVE}),
    ("en", "rituximab infusion in May", {K.BACKGROUND_TREATMENT, K.DRIP}),
    ("zh", "甲强龙冲击，输液", {K.BACKGROUND_TREATMENT, K.DRIP}),  # noqa: RUF001 (as patients type)
    (
        "en",
        "hydroxychloroquine and an antibiotic",
        {K.BACKGROUND_TREATMENT, K.SYSTEMIC_ANTI_INFECTIVE},
    ),
    ("zh", "羟氯喹不是抗生素吧", {K.BACKGROUND_TREATMENT, K.SYSTEMIC_ANTI_INFECTIVE}),
    ("en", "dialysis, then a kidney transplant", {K.DIALYSIS, K.ORGAN_TRANSPLANT}),
    ("zh", "我爸给我捐的肾", {K.ORGAN_DONOR}),
    ("zh", "科兴的水痘疫苗", {K.INACTIVATED_VACCINE, K.LIVE_VACCINE}),
    ("zh", "二价脊灰", {K.LIVE_VACCINE}),
    ("zh", "二价HPV", {K.INACTIVATED_VACCINE}),
    ("en", "hep B vaccine, anti-HBs positive", {K.INACTIVATED_VACCINE, K.HEPATITIS_B_IMMUNE}),
    ("zh", "乙肝表面抗体阳性，核心抗体也阳性", {K.HEPATITIS_B_IMMUNE, K.VERIFY_HEPATITIS_B}),  # noqa: RUF001
    ("zh", "CAR-T 细胞治疗", {K.CAR_T, K.CELL_THERAPY_UNKNOWN}),
    ("zh", "间充质干细胞移植", {K.OTHER_CELL_THERAPY}),
    ("zh", "恶性贫血", {K.BENIGN}),
    ("zh", "巨细胞动脉炎", set()),
    ("zh", "转移因子胶囊", {K.BENIGN}),
    ("en", "Ro52 and Jo-1 positive", {K.OTHER_ANTIBODY, K.MYOSITIS_ANTIBODY}),
    ("en", "RPR positive but TPPA negative", {K.VERIFY_SYPHILIS}),
    ("en", "I wear hearing aids", set()),
    ("en", "no", set()),
    ("zh", "没有", set()),
]


@pytest.mark.parametrize(
    ("kind", "language", "text"),
    [
        (kind, language, text)
        for kind, by_language in EXAMPLES.items()
        for language, texts in by_language.items()
        for text in texts
    ],
)
def test_a_patients_words_are_read_as_their_kind(kind: Kind, language: str, text: str) -> None:
    assert kind_of(text, language) == {kind}


@pytest.mark.parametrize(("language", "text", "kinds"), MIXED)
def test_an_answer_naming_several_things_gives_every_kind(
    language: str, text: str, kinds: set[Kind]
) -> None:
    assert kind_of(text, language) == kinds


def test_hydroxychloroquine_is_never_an_anti_infective() -> None:
    for language, names in (
        ("en", ["hydroxychloroquine", "Plaquenil", "HCQ"]),
        ("zh", ["羟氯喹", "纷乐"]),
    ):
        for name in names:
            assert kind_of(name, language) == {K.BACKGROUND_TREATMENT}


def test_every_kind_has_a_dozen_examples_in_both_languages() -> None:
    for kind in Kind:
        examples = EXAMPLES.get(kind, {})
        assert len(examples.get("en", [])) >= 6, kind
        assert len(examples.get("zh", [])) >= 6, kind
        assert len(examples["en"]) + len(examples["zh"]) >= 12, kind


# --- docs/medicine.md ---


def test_the_docs_list_every_source() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    missing = {part for term in terms() for part in sources(term) if f"- {part}\n" not in docs}
    assert missing == set()


def test_the_docs_list_only_sources_of_the_data() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    listed = docs.split("## Sources", 1)[1]
    cited = {part for term in terms() for part in sources(term)}
    items = [line[2:] for line in listed.splitlines() if line.startswith("- ")]
    assert len(items) == len(set(items))
    assert set(items) == cited


def test_the_docs_explain_every_kind_and_file() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert [kind.value for kind in Kind if f"| `{kind.value}` |" not in docs] == []
    assert [name for name in sorted(FILES) if f"`{name}`" not in docs] == []
