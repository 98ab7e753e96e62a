# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""Reading Chinese replies to the choice questions (bot/reading/zh/choices.py):
exclusion first, meaning over words, the same options English reads."""

from __future__ import annotations

from enum import Enum
from functools import partial

import pytest

from bot.protocol.answers import Cancer, Diagnosis, Ecog, Transplant
from bot.reading import choices as _core_choices
from bot.reading.en.choices import WORDS as _en_choices_words
from bot.reading.zh.choices import WORDS as _zh_choices_words

read_english = partial(_core_choices.read_choices, words=_en_choices_words)
read_choice = partial(_core_choices.read_choice, words=_zh_choices_words)
read_choices = partial(_core_choices.read_choices, words=_zh_choices_words)


ENUMS: tuple[type[Enum], ...] = (Diagnosis, Transplant, Cancer, Ecog)
BUTTONS = [
    pytest.param(enum, member, id=f"{enum.__name__}.{member.name}")
    for enum in ENUMS
    for member in enum
]


@pytest.mark.parametrize(("choices", "member"), BUTTONS)
def test_button_value_reads_as_its_member(choices: type[Enum], member: Enum) -> None:
    slot = choices.__name__.lower()
    assert read_choice(choices, f'/inform{{"{slot}": "{member.value}"}}') is member
    if choices is Ecog:  # a typed "3" could be the third sentence or grade 3
        assert read_choice(choices, str(member.value)) is None


D, T, C, E = Diagnosis, Transplant, Cancer, Ecog


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("系统性红斑狼疮", {D.SLE}),
        ("红斑狼疮", {D.SLE}),
        ("狼疮", {D.SLE}),
        ("SLE", {D.SLE}),
        ("我有狼疮性肾炎", {D.SLE}),
        ("干燥综合征", {D.SJOGREN}),
        ("干燥症", {D.SJOGREN}),
        ("系统性硬化症", {D.SYSTEMIC_SCLEROSIS}),
        ("硬皮病", {D.SYSTEMIC_SCLEROSIS}),
        ("皮肌炎", {D.DERMATOMYOSITIS}),
        ("ANCA相关性血管炎", {D.ANCA_VASCULITIS}),
        ("肉芽肿性多血管炎", {D.ANCA_VASCULITIS}),
        ("显微镜下多血管炎", {D.ANCA_VASCULITIS}),
        ("嗜酸性肉芽肿性多血管炎", {D.ANCA_VASCULITIS}),
        ("GPA", {D.ANCA_VASCULITIS}),
        ("肉芽肿性血管炎", {D.ANCA_VASCULITIS}),
        ("嗜酸性肉芽肿性血管炎", {D.ANCA_VASCULITIS}),
        ("原发性干燥综合症", {D.SJOGREN}),
        ("係統性紅斑狼瘡", {D.SLE}),  # traditional characters
        # look-alikes are none of the five
        ("类风湿关节炎", {D.OTHER}),
        ("多发性肌炎", {D.OTHER}),
        ("过敏性紫癜", {D.OTHER}),
        ("IgA血管炎", {D.OTHER}),
        ("盘状红斑狼疮", {D.OTHER}),
        ("混合性结缔组织病", {D.OTHER}),
        ("局限性硬皮病", {D.OTHER}),
        ("多发性硬化", {D.OTHER}),
        ("白塞病", {D.OTHER}),
        ("都不是", {D.OTHER}),
        # negation and someone else
        ("不是狼疮，是类风湿", {D.OTHER}),
        ("我没有狼疮，我有类风湿", {D.OTHER}),
        ("我妈妈有狼疮", set()),
        ("没有", set()),
        # a kind not said, suspected, or a hedge: not sure
        ("血管炎", {D.UNSURE}),
        ("结缔组织病", {D.UNSURE}),
        ("怀疑是狼疮", {D.UNSURE}),
        ("医生说可能是干燥综合征", {D.UNSURE}),
        ("不清楚", {D.UNSURE}),
        # another condition beside one of the five does not matter
        ("狼疮，还有类风湿", {D.SLE}),
        # the reply narrows its own word to a look-alike, or leaves the kind open
        ("狼疮，但是医生说不是系统性的，是盘状的", {D.UNSURE}),
        ("系统性红斑狼疮，脸上有盘状皮损", {D.SLE}),
        ("ANCA阴性的血管炎", {D.UNSURE}),
        ("无肌病性皮肌炎", {D.DERMATOMYOSITIS}),  # "无" here is part of the name
        ("医生说是未分化结缔组织病", {D.OTHER}),  # so is "未"
        ("以前说是类风湿，后来确诊是狼疮", {D.SLE}),
        ("我老婆是狼疮，我是干燥综合征", {D.SJOGREN}),
    ],
)
def test_diagnosis(text: str, named: set[Enum]) -> None:
    assert read_choices(Diagnosis, text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("没有", {T.NONE}),
        ("从来没有", {T.NONE}),
        ("骨髓移植", {T.STEM_CELL}),
        ("造血干细胞移植", {T.STEM_CELL}),
        ("外周血干细胞移植", {T.STEM_CELL}),
        ("脐带血移植", {T.STEM_CELL}),
        ("自体移植", {T.STEM_CELL}),
        ("异体移植", {T.STEM_CELL}),
        ("肾移植", {T.ORGAN}),
        ("换过肝", {T.ORGAN}),
        ("心脏移植", {T.ORGAN}),
        ("子宫移植", {T.ORGAN}),
        ("角膜移植", {T.CORNEA_OR_HAIR}),
        ("植发", {T.CORNEA_OR_HAIR}),
        ("头发移植", {T.CORNEA_OR_HAIR}),
        ("从来没做过肾移植", {T.NONE}),
        ("除了子宫移植，其他都没有", {T.ORGAN}),
        ("做过骨穿", {T.NONE}),  # a marrow test, no transplant
        ("否认移植史", {T.NONE}),
        ("输过血", {T.NONE}),
        ("植皮", {T.NONE}),
        ("自体脂肪移植", {T.NONE}),  # "自体" alone is no stem-cell source
        ("干细胞移植，自体的", {T.STEM_CELL}),
        ("植过发", {T.CORNEA_OR_HAIR}),
        ("我给我弟弟捐了骨髓", {T.NONE}),  # a donor
        ("没有做过器官移植，也没有做过骨髓移植", {T.NONE}),
        ("做过移植", set()),  # which kind not said: asked again
        ("我爸爸做过肾移植", set()),
        ("角膜移植，还有肾移植", {T.CORNEA_OR_HAIR, T.ORGAN}),
        ("骨髓没移植过，肾移植过", {T.ORGAN}),
        ("骨髓没移植过肾移植过", set()),  # no comma: which is denied is not clear
        ("器官移植和骨髓移植都没做过", {T.NONE}),
        ("不好意思", set()),  # "excuse me" denies nothing
        ("不好意思，刚才说错了，CAR-T做过", set()),  # about CAR-T, not transplants
        ("不好意思我做过骨髓移植", {T.STEM_CELL}),
        ("CAR-T没做过", set()),  # a denial of something else
        ("没移植过", {T.NONE}),
        ("我没有", {T.NONE}),
        ("我自己没有", {T.NONE}),
        ("我妈妈换过肾，我自己没有", {T.NONE}),  # her transplant is not the patient's
    ],
)
def test_transplant(text: str, named: set[Enum]) -> None:
    assert read_choices(Transplant, text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("没有", {C.NONE}),
        ("没有癌症", {C.NONE}),
        ("子宫肌瘤", {C.NONE}),  # benign
        ("甲状腺结节", {C.NONE}),
        ("宫颈原位癌", {C.EXCEPTED}),
        ("皮肤基底细胞癌", {C.EXCEPTED}),
        ("皮肤鳞状细胞癌", {C.EXCEPTED}),
        ("前列腺癌根治术后", {C.EXCEPTED}),
        ("乳腺导管原位癌，做了根治手术", {C.EXCEPTED}),
        ("没有，只有一个皮肤基底细胞癌", {C.EXCEPTED}),
        # any other site, spread or stage is not excepted
        ("食管鳞癌", {C.OTHER}),
        ("肺鳞癌", {C.OTHER}),
        ("喉癌", {C.OTHER}),
        ("前列腺癌转移到骨头", {C.OTHER}),
        ("宫颈癌三期", {C.OTHER}),
        ("甲状腺癌", {C.OTHER}),
        ("乳腺癌", {C.OTHER}),
        ("淋巴瘤", {C.OTHER}),
        ("白血病", {C.OTHER}),
        ("皮肤基底细胞癌，还有乳腺癌", {C.EXCEPTED, C.OTHER}),
        # kind or site not said
        ("鳞癌", {C.UNSURE}),
        ("皮肤癌", {C.UNSURE}),
        ("宫颈癌", {C.UNSURE}),
        ("长过肿瘤", {C.UNSURE}),
        ("不确定", {C.UNSURE}),
        ("乳腺原位癌", {C.UNSURE}),  # ductal (excepted after surgery) or lobular?
        ("子宫内膜癌一期", {C.OTHER}),
        ("鼻咽癌放疗后", {C.OTHER}),
        ("我妈妈得过乳腺癌", set()),
        # a named cancer denied is no cancer; a cancer that did not spread is still one
        ("没有乳腺癌", {C.NONE}),
        ("乳腺癌没有，宫颈原位癌有", {C.EXCEPTED}),
        ("前列腺癌根治术后没有转移", {C.EXCEPTED}),
        ("没有做手术的前列腺癌", {C.OTHER}),  # the "没有" is of the surgery
        ("肺癌未转移", {C.OTHER}),
    ],
)
def test_cancer(text: str, named: set[Enum]) -> None:
    assert read_choices(Cancer, text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("能正常活动", {E.FULLY_ACTIVE}),
        ("和以前一样", {E.FULLY_ACTIVE}),
        ("正常上班，没有任何限制", {E.FULLY_ACTIVE}),
        ("只能做轻活", {E.LIGHT_WORK}),
        ("重活干不了", {E.LIGHT_WORK}),
        ("跟以前一样，就是干不了重活", {E.LIGHT_WORK}),  # the most limited wins
        ("能自理，但是不能工作", {E.NO_WORK}),
        ("连轻活都干不了", {E.NO_WORK}),
        ("大部分时间卧床", {E.MOSTLY_RESTING}),
        ("一大半时间躺着", {E.MOSTLY_RESTING}),
        ("卧床不起", {E.BEDBOUND}),
        ("生活不能自理", {E.BEDBOUND}),
        ("不能正常活动", set()),  # how limited is not said
        ("跟正常人差不多", set()),  # almost: which of the first two?
        ("活动不受限", {E.FULLY_ACTIVE}),
        ("不是大部分时间卧床", set()),  # a day denied is not that day
        ("还没到大部分时间卧床的程度，但是不能上班", {E.NO_WORK}),
        ("需要人照顾", {E.BEDBOUND}),
        ("3", set()),
    ],
)
def test_ecog_from_the_patients_own_words(text: str, named: set[Enum]) -> None:
    assert read_choices(Ecog, text) == named


@pytest.mark.parametrize(
    ("choices", "chinese", "english"),
    [
        (Diagnosis, "干燥综合征", "Sjogren's syndrome"),
        (Diagnosis, "类风湿关节炎", "rheumatoid arthritis"),
        (Transplant, "脐带血移植", "cord blood transplant"),
        (Transplant, "角膜移植", "cornea transplant"),
        (Cancer, "宫颈原位癌", "cervical carcinoma in situ"),
        (Cancer, "前列腺癌转移到骨头", "prostate cancer that spread to the bones"),
        (Ecog, "大部分时间卧床", "in bed most of the day"),
    ],
)
def test_the_same_option_as_english(choices: type[Enum], chinese: str, english: str) -> None:
    assert read_choices(choices, chinese) == read_english(choices, english)
