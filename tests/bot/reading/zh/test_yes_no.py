# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""The deterministic Chinese yes / no reader: words decide, never a guess."""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.answers import Reply
from bot.reading.en.subjects import SUBJECTS as ENGLISH_SUBJECTS
from bot.reading.yes_no import YesNoQuestion
from bot.reading.yes_no import read_yes_no as read_with_words
from bot.reading.zh.subjects import SUBJECTS
from bot.reading.zh.wording import WORDING
from bot.reading.zh.yes_no import WORDS


def read_yes_no(text: str, question: YesNoQuestion, today: date | None = None) -> set[Reply]:
    return read_with_words(text, question, WORDS, today)


YES, NO, UNSURE = Reply.YES, Reply.NO, Reply.UNSURE
TODAY = date(2026, 11, 25)


def test_every_question_has_a_chinese_subject() -> None:
    assert set(SUBJECTS) == set(ENGLISH_SUBJECTS)
    for slot, subject in SUBJECTS.items():
        english = ENGLISH_SUBJECTS[slot]
        assert (subject.ever, subject.window) == (english.ever, english.window), slot


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        # short answers, colloquial and formal
        ("car_t", "是", {YES}),
        ("car_t", "是的", {YES}),
        ("car_t", "对", {YES}),
        ("car_t", "对的。", {YES}),
        ("car_t", "有", {YES}),
        ("car_t", "有过", {YES}),
        ("car_t", "做过", {YES}),
        ("car_t", "嗯", {YES}),
        ("car_t", "没错", {YES}),
        ("car_t", "不是", {NO}),
        ("car_t", "没有", {NO}),
        ("car_t", "没", {NO}),
        ("car_t", "没有！", {NO}),
        ("car_t", "从来没有", {NO}),
        ("car_t", "无", {NO}),
        ("car_t", "否", {NO}),
        ("car_t", "没有没有", {NO}),
        ("car_t", "沒有", {NO}),  # traditional characters
        ("car_t", "/affirm", {YES}),
        ("car_t", "/deny", {NO}),
        ("car_t", "/unsure", {UNSURE}),
        ("car_t", "不清楚", {UNSURE}),
        ("car_t", "不记得了", {UNSURE}),
        ("car_t", "不知道", {UNSURE}),
        # mixed Chinese and English
        ("car_t", "CAR-T 没做过", {NO}),
        ("car_t", "car-t细胞治疗做过", {YES}),
        ("car_t", "2021年因为淋巴瘤做过CAR-T", {YES}),
        ("hiv_or_syphilis", "HIV 阴性", {NO}),
        ("hiv_or_syphilis", "梅毒阳性", {YES}),
        ("hiv_or_syphilis", "艾滋、梅毒都没有", {NO}),
        # hedges are "not sure", whichever way they lean
        ("car_t", "好像做过", {UNSURE}),
        ("car_t", "应该没有", {UNSURE}),
        ("car_t", "可能吧", {UNSURE}),
        ("car_t", "大概没有", {UNSURE}),
        ("car_t", "说不准", {UNSURE}),
        ("hiv_or_syphilis", "没查过", {UNSURE}),
        ("contraception", "尽量吧", {UNSURE}),
        ("contraception", "到时候再说", {UNSURE}),
        # what the words do not say is not read
        ("car_t", "我有狼疮", set()),
        ("car_t", "我没有狼疮", set()),
        ("car_t", "你好", set()),
        ("car_t", "你好，没有", {NO}),  # a greeting first is no yes
        ("car_t", "嗯，没有", {NO}),  # nor an acknowledgment
        ("car_t", "好的，没有", {NO}),
        ("car_t", "对，没有", {NO, YES}),  # "right" to a question asked in the positive: ask
        ("car_t", "去年做的", {YES}),
        ("car_t", "没有滴", {NO}),
        ("car_t", "有没有", set()),  # asked back
        ("car_t", "什么是CAR-T？", set()),
        ("car_t", "不是没有", set()),  # a double negation is never guessed
        # someone else's illness is not the patient's
        ("hiv_or_syphilis", "我老公有HIV", set()),
        ("car_t", "我妈妈做过", set()),
        ("car_t", "没有，但是我妈妈有", {NO}),
        ("hiv_or_syphilis", "我和我老公都有梅毒", {YES}),
        # two facts in one answer: both come back, the caller settles them
        ("hiv_or_syphilis", "没有艾滋病，但是2015年得过梅毒", {NO, YES}),
        ("hiv_or_syphilis", "HIV阴性，梅毒阳性", {NO, YES}),
        ("hiv_or_syphilis", "艾滋没有梅毒有", {NO, YES}),  # no comma: each subject, its answer
        ("hiv_or_syphilis", "hiv没有梅毒也有", {NO, YES}),
        ("hiv_or_syphilis", "HIV阴性梅毒阳性", {NO, YES}),
        ("hiv_or_syphilis", "没有艾滋病也没有梅毒", {NO}),  # the answer first: one fact
        # in the past: "ever" is yes
        ("hepatitis_or_cmv", "以前有过，现在没有了", {YES}),
        ("car_t", "以前没有做过", {NO}),
        ("disease_active", "以前很严重", {NO}),
        # statements that answer the question
        ("pregnant", "我是男的", {NO}),
        ("can_become_pregnant", "我是男的", {NO}),
        ("can_become_pregnant", "男", {NO}),
        ("can_become_pregnant", "已经绝经了", {NO}),
        ("can_become_pregnant", "子宫切除了", {NO}),
        ("can_become_pregnant", "在备孕", {YES}),
        ("pregnant", "我怀孕三个月了", {YES}),
        ("pregnant", "怀孕12周", {YES}),
        ("pregnant", "没有怀孕", {NO}),
        ("pregnant", "刚生完孩子，在喂奶", {NO}),
        ("contraception", "愿意", {YES}),
        ("contraception", "可以", {YES}),
        ("contraception", "不愿意", {NO}),
        ("contraception", "我一直在吃避孕药", {YES}),
        ("infection", "只是用了点药膏", {NO}),
        ("infection", "我身体挺好", {NO}),
        ("live_vaccine", "只打了新冠疫苗", {NO}),
        ("disease_active", "病情稳定", {NO}),
        ("disease_active", "控制得不好", {YES}),
        ("disease_active", "一直反复发作", {YES}),
        ("ssc_lung", "医生说有肺间质病变", {YES}),
        ("ssc_lung", "肺没问题", {NO}),
        ("serious_illness", "就是狼疮", {NO}),
        ("serious_illness", "没什么大病", {NO}),
        ("hepatitis_or_cmv", "小三阳", {YES}),
        ("hepatitis_or_cmv", "只有脂肪肝", {NO}),
        ("hepatitis_or_cmv", "打过乙肝疫苗", {NO}),
        ("cancer_treated", "做了根治术，切干净了", {YES}),
        ("cancer_treated", "后来转移了", {NO}),
        # "normal", "not good": what a patient says of an organ or the illness
        ("hiv_or_syphilis", "查过都正常", {NO}),
        ("ssc_lung", "肺是好的", {NO}),
        ("ssc_lung", "肺功能不太好", {YES}),
        ("serious_illness", "心脏不太好", {YES}),
        ("serious_illness", "没有其他病", {NO}),
        ("disease_active", "病情一直不好", {YES}),
        ("disease_active", "最近又复发了", {YES}),
        ("car_t", "木有", {NO}),
        ("car_t", "没有呢", {NO}),
        ("can_become_pregnant", "我已经60了", {NO}),
        ("live_vaccine", "两周前打了流感疫苗", {NO}),  # not a live vaccine
        ("live_vaccine", "两周前打了鼻喷流感疫苗", {YES}),  # the nasal one is
        ("live_vaccine", "最近没打过疫苗", {NO}),
        ("live_vaccine", "上个月打了带状疱疹疫苗", set()),  # live or not: which one?
        # a second probe of patient answers
        ("car_t", "不太记得了", {UNSURE}),
        ("car_t", "不是很清楚", {UNSURE}),
        ("car_t", "CAR-T？没有", {NO}),  # asked back, then answered
        ("car_t", "不是我，是我哥哥", {NO}),
        ("hiv_or_syphilis", "梅毒治好了", {UNSURE}),  # treated, no test said: staff verify
        ("hiv_or_syphilis", "梅毒治好了，但rpr还是阳性", {YES}),  # a test decides
        ("hiv_or_syphilis", "艾滋阳性，梅毒治好了", {YES}),  # the HIV yes stays
        ("hiv_or_syphilis", "以前梅毒阳性，现在阴性了", {YES}),
        ("hiv_or_syphilis", "没有梅毒也没有艾滋", {NO}),  # each denied: no double negation
        ("hepatitis_or_cmv", "查过，都没有", {NO}),  # tested says nothing of the result
        ("hepatitis_or_cmv", "查过", set()),
        ("pregnant", "不可能", {NO}),
        ("can_become_pregnant", "不能怀孕", {NO}),
        ("can_become_pregnant", "我45岁，月经还有", {YES}),
        ("disease_active", "现在好多了", {UNSURE}),  # better is not inactive
        ("disease_active", "还行", {UNSURE}),
        ("other_trial", "现在在参加", {YES}),
        ("cancer_treated", "已经好了", {YES}),
        ("ssc_lung", "有一点点纤维化", {YES}),
        # a third probe: tested, told of, waiting for is not having had it
        ("car_t", "做过CAR-T的检查，但是没有回输", {NO}),
        ("car_t", "医生推荐过CAR-T，但是没做", {NO}),
        ("other_trial", "这个就是", set()),  # the "是" of "it is this one"
        ("ssc_lung", "医生没说", {UNSURE}),
        ("ssc_lung", "间质性肺炎", {YES}),
        ("hiv_or_syphilis", "梅毒抗体阳性，但是医生说是假阳性", {UNSURE}),
        ("pregnant", "没怀", {NO}),
        # a fourth probe: not yet, lab notation, the record's own words
        ("can_become_pregnant", "我今年50岁，还没绝经", {YES}),  # not yet is the opposite
        ("can_become_pregnant", "没有结扎", {YES}),
        ("can_become_pregnant", "做了子宫全切", {NO}),
        ("pregnant", "我怀孕过，现在没有", {NO}),
        ("pregnant", "我男的，怎么会怀孕", {NO}),
        ("contraception", "避孕一年没问题", {YES}),
        ("contraception", "不避孕也没问题", {NO}),
        ("car_t", "否认", {NO}),
        ("car_t", "无此经历", {NO}),
        ("hiv_or_syphilis", "均阴性", {NO}),
        ("hiv_or_syphilis", "HIV（-），梅毒（-）", {NO}),
        ("hiv_or_syphilis", "梅毒(+)", {YES}),
        ("hiv_or_syphilis", "TPPA阳性", {YES}),
    ],
)
def test_reads_what_the_words_say(slot: str, text: str, readings: set[Reply]) -> None:
    assert read_yes_no(text, SUBJECTS[slot], TODAY) == readings


@pytest.mark.parametrize(
    ("slot", "text", "readings"),
    [
        ("live_vaccine", "上周打了水痘疫苗", {YES}),
        ("live_vaccine", "三个月前打过麻疹疫苗", {NO}),  # before the 4 weeks
        ("live_vaccine", "打过麻疹疫苗", {YES}),  # when not said: a yes
        ("live_vaccine", "10月打过水痘疫苗", {UNSURE}),  # which year not said
        ("other_trial", "去年参加过", {NO}),
        ("other_trial", "上个月参加过一个临床试验", {YES}),
        ("other_trial", "以前参加过", set()),  # when is not said: asked again
        ("infection", "昨天还在输液", {YES}),
        ("infection", "半年前得过肺炎", {NO}),
        ("pregnant", "2020年怀过孕", {NO}),
        ("live_vaccine", "打过卡介苗，小时候", {NO}),  # long before the 4 weeks
        ("live_vaccine", "三周前打了水痘疫苗", {YES}),
        ("live_vaccine", "五周前打了水痘疫苗", {NO}),
        ("live_vaccine", "上个月打了麻腮风", {UNSURE}),  # straddles the start of the 4 weeks
        ("live_vaccine", "两三周前打了水痘疫苗", {YES}),
        ("live_vaccine", "五六周前打了水痘疫苗", {NO}),
        ("live_vaccine", "最近打了水痘疫苗", {UNSURE}),  # recently: which side of 4 weeks?
        ("infection", "前几天吃了头孢", {UNSURE}),
        ("infection", "三天前停了抗生素", {YES}),
        ("infection", "上个月用过抗生素", {NO}),
    ],
)
def test_a_yes_that_says_when_is_judged_against_the_window(
    slot: str, text: str, readings: set[Reply]
) -> None:
    assert read_yes_no(text, SUBJECTS[slot], TODAY) == readings


def test_without_a_screening_date_a_yes_with_a_time_is_not_sure() -> None:
    assert read_yes_no("上周打了水痘疫苗", SUBJECTS["live_vaccine"]) == {UNSURE}


def test_normalised_folds_full_width_and_traditional() -> None:
    assert WORDING.normalised("ＨＩＶ　陰性！") == "hiv 阴性!"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("没有艾滋病，但是2015年得过梅毒", ["没有艾滋病", "2015年得过梅毒"]),
        ("艾滋、梅毒都没有", ["艾滋、梅毒都没有"]),  # an enumeration is one fact
        ("没有。不过我妈妈有", ["没有", "我妈妈有"]),
    ],
)
def test_clauses(text: str, parts: list[str]) -> None:
    assert WORDING.clauses(text) == parts


@pytest.mark.parametrize(
    ("clause", "elsewhere"),
    [
        ("我妈妈有狼疮", True),
        ("她得过", True),
        ("我和我妈妈都有", False),
        ("其他都没有", False),  # "其他" is no "他"
        ("在吃阿托伐他汀", False),  # nor is a statin
        ("刚生完孩子", False),  # a relative who is not the subject
        ("我女儿15岁", True),
        ("我有", False),
    ],
)
def test_about_someone_else(clause: str, elsewhere: bool) -> None:
    assert WORDING.about_someone_else(clause) is elsewhere


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("为什么问这个", True),
        ("有没有", True),
        ("HIV吗", True),
        ("没有没有", False),
        ("没什么", False),
    ],
)
def test_is_question(text: str, asked: bool) -> None:
    assert WORDING.is_question(text) is asked
