# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""How patients write, read as a careful nurse would: the rules added when
the blind Chinese sets were wired (each with examples of our own, none from
those sets). Where the words do not settle it, the patient is asked again or
the answer is "not sure"; nothing is guessed."""

from __future__ import annotations

from datetime import date
from enum import Enum
from functools import partial

import pytest

from bot.protocol.answers import Cancer, DateSpan, Diagnosis, Ecog, Reply, Transplant
from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading import choices as _core_choices
from bot.reading.languages import reader_for
from bot.reading.result import Value
from bot.reading.yes_no import YesNoQuestion
from bot.reading.yes_no import read_yes_no as read_with_words
from bot.reading.zh.choices import WORDS as _zh_choices_words
from bot.reading.zh.dates import PARSER
from bot.reading.zh.subjects import SUBJECTS
from bot.reading.zh.wording import WORDING
from bot.reading.zh.yes_no import WORDS
from tests.bot.reading.readings import values_or_reason

read_choices = partial(_core_choices.read_choices, words=_zh_choices_words)


def read_yes_no(text: str, question: YesNoQuestion, today: date | None = None) -> set[Reply]:
    return read_with_words(text, question, WORDS, today)


YES, NO, UNSURE = Reply.YES, Reply.NO, Reply.UNSURE
TODAY = date(2026, 11, 25)  # a Wednesday
READER = reader_for("zh")


def read(slot: str, text: str) -> tuple[str, ...] | str:
    return values_or_reason(READER, QUESTIONS_BY_SLOT[slot], text, TODAY)


# --- whose facts: someone else's, or the patient's through someone answering


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        ("hiv_or_syphilis", "我前妻得过梅毒，我没有", {NO}),
        ("hiv_or_syphilis", "老伴有乙肝，我查过没事", {NO}),
        ("infection", "我儿子在输液，我自己没事", {NO}),
        ("infection", "女儿正在吃阿莫西林，我没吃", {NO}),
        ("infection", "冇", {NO}),  # Cantonese
    ],
)
def test_someone_elses_facts_are_left_out(slot: str, text: str, readings: set[Reply]) -> None:
    assert read_yes_no(text, SUBJECTS[slot], TODAY) == readings


def test_someone_answering_for_the_patient_gives_the_patients_facts() -> None:
    assert WORDING.own_clauses("我是替我爸问的，他做过肾移植") == ["做过肾移植"]
    assert read("transplant", "我是替我爸问的，他做过肾移植") == ("organ",)
    assert read("birth", "帮我奶奶填的，她1944年6月2日出生") == ("1944-06-02",)
    assert read("ecog", "替我爸填的，他现在翻身都要人帮") == ("4",)
    # without saying so, a relative's facts stay theirs: asked again
    assert read("birth", "我儿子12岁") == "utter_invalid_date_unreadable"


# --- dates and ages as written


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("生日：1979年4月2日", DateSpan.exact(date(1979, 4, 2))),
        ("52岁🙂", DateSpan(date(1973, 11, 26), date(1974, 11, 25))),
        ("1977，8，9", DateSpan.exact(date(1977, 8, 9))),
        ("1983—11—02", DateSpan.exact(date(1983, 11, 2))),
        ("六零后", DateSpan(date(1960, 1, 1), date(1969, 12, 31))),
        ("快40了吧", DateSpan(date(1986, 11, 26), date(1987, 11, 25))),
    ],
)
def test_birth_as_written(text: str, span: DateSpan) -> None:
    assert PARSER.birth(text, TODAY) == span


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # clauses that agree: the most precise one
        ("1975年5月，今年51了", "1975-05-01/1975-05-31"),
        ("快40了，39", "1986-11-26/1987-11-25"),
        ("我是八零后，1984年2月的", "1984-02-01/1984-02-29"),
        # clauses that disagree, or a time not read: asked again
        ("1975年，今年30", "utter_invalid_date_unreadable"),
        ("身份证写的1980年，其实是1979年", "utter_invalid_date_unreadable"),
    ],
)
def test_a_birth_told_twice(text: str, value: str) -> None:
    got = read("birth", text)
    assert got == (value if value.startswith("utter_") else (value,))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("上周五", DateSpan.exact(date(2026, 11, 20))),
        ("上上周一", DateSpan.exact(date(2026, 11, 9))),
        ("上星期日", DateSpan.exact(date(2026, 11, 22))),
        ("这周二", DateSpan.exact(date(2026, 11, 24))),
        ("9.15，今年", DateSpan.exact(date(2026, 9, 15))),
        ("今年的8月3号", DateSpan.exact(date(2026, 8, 3))),
        ("10月8日，去年", DateSpan.exact(date(2025, 10, 8))),
        ("大约2019年吧", DateSpan(date(2019, 1, 1), date(2019, 12, 31))),
    ],
)
def test_past_dates_as_written(text: str, span: DateSpan) -> None:
    assert PARSER.past(text, TODAY) == span


def test_a_day_later_this_week_is_in_the_future() -> None:
    assert read("infection_treatment_end", "这周五") == "utter_invalid_date_future"


@pytest.mark.parametrize("text", ["好像是上个月中旬", "可能是2024年3月", "估计上周吧"])
def test_a_date_the_patient_doubts_is_not_sure(text: str) -> None:
    assert read("other_trial_end", text) == ("unsure",)


# --- yes / no: what each question's words mean


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        # her partner's sterilisation is contraception: she can become pregnant
        ("can_become_pregnant", "我爱人做了结扎", {YES}),
        ("can_become_pregnant", "我做了结扎", {NO}),
        ("can_become_pregnant", "戴着环", {YES}),
        ("contraception", "在吃妈富隆", {YES}),
        ("contraception", "得跟家里人商量商量", {UNSURE}),
        # "nobody told me": a no to "has a doctor told you", a hedge elsewhere
        ("ssc_lung", "医生从来没说过", {NO}),
        ("serious_illness", "没告诉过我", {NO}),
        ("can_become_pregnant", "没说过", {UNSURE}),
        ("ssc_lung", "只有肺高压", {UNSURE}),  # the lungs' vessels, not ILD
        # stem-cell therapy is no CAR-T; only drugs is no CAR-T either
        ("car_t", "做过间充质干细胞治疗，没做过CAR-T", {NO}),
        ("car_t", "就吃羟氯喹", {NO}),
        # myositis antibodies only
        ("dm_antibody", "只查出抗SSA阳性", {UNSURE}),
        ("dm_antibody", "肌炎抗体都阴", {NO}),
        ("dm_antibody", "Jo-1 +", {YES}),
        # treated cancer
        ("cancer_treated", "复查一直没复发", {YES}),
        ("cancer_treated", "只做了个穿刺", {NO}),
        ("cancer_treated", "锥切做完了", {YES}),
        # what is no anti-infective treatment
        ("infection", "擦了点红霉素软膏", {NO}),
        ("infection", "喝了几包板蓝根", {NO}),
        ("infection", "吃了感冒药，还有阿莫西林", {NO, YES}),  # two facts: asked again
        ("infection", "没吃过药", {NO}),
        ("infection", "查过血常规", set()),  # tested, the result not said
        # the vaccine named after its kind
        ("live_vaccine", "喷鼻子的流感疫苗", {YES}),
        ("live_vaccine", "水痘的疫苗", {YES}),
        # a trial ended is a trial taken part in, judged against the window
        ("other_trial", "上上个月刚退出一个研究", {YES}),
        ("other_trial", "三年前完成了一个试验", {NO}),
        # the disease active, in patients' words
        ("disease_active", "激素一直停不下来", {YES}),
        ("disease_active", "蛋白尿还是降不下来", {YES}),
        ("disease_active", "激素一减就犯", {YES}),
        ("disease_active", "老犯病", {YES}),
        # a serious illness by its name
        ("serious_illness", "有冠心病", {YES}),
        ("serious_illness", "心衰好多年了", {YES}),
        ("serious_illness", "没有心衰", {NO}),
        ("serious_illness", "肝肾功能都查过", set()),
        ("serious_illness", "可能是糖尿病", {UNSURE}),
    ],
)
def test_what_the_words_say(slot: str, text: str, readings: set[Reply]) -> None:
    assert read_yes_no(text, SUBJECTS[slot], TODAY) == readings


@pytest.mark.parametrize(
    ("reply", "consent"),
    [("您问吧", True), ("希望研究团队联系我", True), ("不希望被联系", False)],
)
def test_consent_in_more_words(reply: str, consent: bool) -> None:
    assert READER.consent(reply) == Value(("yes" if consent else "no",), reply)


# --- choices


@pytest.mark.parametrize(
    ("choices", "text", "named"),
    [
        (Transplant, "做过两次试管", {Transplant.NONE}),
        (Transplant, "生孩子的时候输过两回血", {Transplant.NONE}),
        (Diagnosis, "红斑狼疮，继发的干燥综合征", {Diagnosis.SLE}),
        (Diagnosis, "红斑狼疮和干燥综合征", {Diagnosis.SLE, Diagnosis.SJOGREN}),
        # prostate cancer is excepted only after radical surgery
        (Cancer, "有过前列腺癌", {Cancer.UNSURE}),
        (Cancer, "前列腺癌，根治术后", {Cancer.EXCEPTED}),
        (Cancer, "前列腺癌，在打内分泌针", {Cancer.OTHER}),
        # a lump still watched is not known to be benign
        (Cancer, "乳腺有个结节，在随访", {Cancer.UNSURE}),
        (Cancer, "甲状腺结节，良性的", {Cancer.NONE}),
        # chemotherapy treats no excepted cancer
        (Cancer, "宫颈癌，放疗做过", {Cancer.OTHER, Cancer.UNSURE}),  # the chat keeps OTHER
        (Cancer, "做过化疗", {Cancer.OTHER}),
    ],
)
def test_choices_as_written(choices: type[Enum], text: str, named: set[Enum]) -> None:
    assert read_choices(choices, text) == named


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("和得病以前一样，什么活都能干", Ecog.FULLY_ACTIVE),
        ("家务活能做，扛重东西不行", Ecog.LIGHT_WORK),
        ("生活能自理，就是班也上不了", Ecog.NO_WORK),
        ("一天大半天都躺在床上", Ecog.MOSTLY_RESTING),
        ("基本上在轮椅上，穿衣都要人帮", Ecog.MOSTLY_RESTING),
        ("完全卧床了", Ecog.BEDBOUND),
        ("吃喝拉撒都要人管", Ecog.BEDBOUND),
        ("第三个", Ecog.NO_WORK),  # the buttons, in the order of the grades
        ("选第1个", Ecog.FULLY_ACTIVE),
    ],
)
def test_ecog_in_own_words(text: str, grade: Ecog) -> None:
    assert read_choices(Ecog, text) == {grade}


def test_a_digit_alone_is_no_ecog_button() -> None:
    assert read_choices(Ecog, "2") == set()  # grade 2, or the second button?
