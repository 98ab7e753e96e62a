# Patients type full-width punctuation: the cases keep it as typed.
# ruff: noqa: RUF001
"""The Chinese reader behind the one interface (bot/reading/languages.py over the Chinese lexicon):
every question, the adversarial replies, consent, side requests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from bot.protocol.answers import ONGOING
from bot.protocol.criteria import QUESTIONS, QUESTIONS_BY_SLOT, Question, QuestionKind
from bot.reading import replies as _core_replies
from bot.reading import side_requests as _core_side_requests
from bot.reading.languages import reader_for
from bot.reading.reader import Reader
from bot.reading.result import AskAgain, Value
from bot.reading.zh.replies import WORDS as _zh_replies_words
from bot.reading.zh.side_requests import CUES
from bot.reading.zh.side_requests import WORDS as _zh_side_requests_words
from tests.bot.reading.readings import answered, reason_of, values_or_reason

is_ongoing = partial(_core_replies.is_ongoing, _zh_replies_words)
says_unsure = partial(_core_replies.says_unsure, _zh_replies_words)
carries_side_request = partial(_core_side_requests.carries_side_request, _zh_side_requests_words)

TODAY = date(2026, 11, 25)
READER: Reader = reader_for("zh")
ENGLISH: Reader = reader_for("en")


def hint_of(slot: str, reply: str, intent: str | None = None) -> str:
    return reason_of(READER, QUESTIONS_BY_SLOT[slot], reply, TODAY, intent)


def test_registered_for_zh() -> None:
    assert reader_for("zh").language == "zh"


NO_WORDS = ["", "   ", "？", "。。。", "！！", "\U0001f602", "\U0001f914", "……", "——"]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slot)
@pytest.mark.parametrize("reply", NO_WORDS)
def test_a_reply_without_words_is_never_an_answer(question: Question, reply: str) -> None:
    expected = {
        QuestionKind.REPLY: "utter_invalid_yes_no",
        QuestionKind.CHOICE: "utter_invalid_choice",
    }.get(question.kind, "utter_invalid_date_unreadable")
    assert hint_of(question.slot, reply) == expected


OTHER_LANGUAGES = [
    ("нет", "utter_language_not_understood"),
    ("да, было", "utter_language_not_understood"),
    ("아니요", "utter_language_not_understood"),
    ("いいえ", "utter_language_not_understood"),
]


@pytest.mark.parametrize("slot", ["car_t", "diagnosis", "birth", "live_vaccine_date"])
@pytest.mark.parametrize(("reply", "hint"), OTHER_LANGUAGES)
def test_another_language_is_never_read_as_chinese(slot: str, reply: str, hint: str) -> None:
    assert hint_of(slot, reply) == hint


def read_or_hint(reader: Reader, slot: str, reply: str) -> tuple[str, ...] | str:
    return values_or_reason(reader, QUESTIONS_BY_SLOT[slot], reply, TODAY)


@pytest.mark.parametrize("slot", ["car_t", "diagnosis", "transplant", "birth", "live_vaccine_date"])
@pytest.mark.parametrize(
    "reply",
    ["nope", "no", "yes I have", "I don't have lupus", "born 15 March 1985", "heart transplant"],
)
def test_english_words_are_read_by_the_english_reader(slot: str, reply: str) -> None:
    """A reply in Latin words keeps a Chinese conversation Chinese when it is
    too short to show its language; it is read as English, never as Chinese."""
    assert read_or_hint(READER, slot, reply) == read_or_hint(ENGLISH, slot, reply)


@pytest.mark.parametrize(
    ("slot", "reply", "values"),
    [
        ("car_t", "没有", ("no",)),
        ("car_t", "ＣＡＲ－Ｔ没做过", ("no",)),  # full-width letters
        ("car_t", "\U0001f44d", ("yes",)),  # the emoji that say yes on their own
        ("car_t", "ok", ("yes",)),
        ("car_t", "/affirm", ("yes",)),
        ("hiv_or_syphilis", "没有艾滋病，但是2015年得过梅毒", ("no", "yes")),
        ("pregnant", "我是男的", ("no",)),
        ("diagnosis", "SLE", ("sle",)),
        ("dm_antibody", "MDA5", ("yes",)),  # an antibody's name alone, in Latin letters
        ("hiv_or_syphilis", "HIV(-)", ("no",)),  # as on a lab report
        ("diagnosis", "干燥综合征", ("sjogren",)),
        ("transplant", "脐带血移植", ("stem_cell",)),
        ("cancer", "皮肤基底细胞癌，还有乳腺癌", ("excepted", "other")),
        ("ecog", "只能做轻活", ("1",)),
        ("birth", "1985年3月15日", ("1985-03-15",)),
        ("birth", "农历1985年三月十五", ("1985-05-04",)),  # converted
        ("birth", "45", ("1980-11-26/1981-11-25",)),
        ("birth", "我女儿15岁，我45岁", ("1980-11-26/1981-11-25",)),
        ("dm_diagnosed", "去年十月", ("2025-10-01/2025-10-31",)),
        ("dm_diagnosed", "记不清了", ("unsure",)),
        ("live_vaccine_date", "两周前", ("2026-11-11",)),
        ("infection_treatment_end", "还在吃", (ONGOING,)),
        ("other_trial_end", "还没结束", (ONGOING,)),
        ("other_trial_end", "还在", (ONGOING,)),
        ("infection_treatment_end", "明天停", (ONGOING,)),
        ("other_trial_end", "上个月结束的", ("2026-10-01/2026-10-31",)),
        ("birth", "1985-03-15", ("1985-03-15",)),  # typed as stored: checked all the same
    ],
)
def test_reads_every_kind_of_question(slot: str, reply: str, values: tuple[str, ...]) -> None:
    assert answered(READER, QUESTIONS_BY_SLOT[slot], reply, TODAY) == values


@pytest.mark.parametrize(
    ("slot", "chinese", "english"),
    [
        ("car_t", "没做过", "no"),
        ("hiv_or_syphilis", "不清楚", "not sure"),
        ("birth", "四十五周岁", "45"),
        ("diagnosis", "硬皮病", "scleroderma"),
        ("live_vaccine_date", "上周", "last week"),
        ("infection_treatment_end", "还在输液", "still taking it"),
    ],
)
def test_the_same_canonical_values_as_english(slot: str, chinese: str, english: str) -> None:
    question = QUESTIONS_BY_SLOT[slot]
    assert answered(READER, question, chinese, TODAY) == answered(ENGLISH, question, english, TODAY)


@pytest.mark.parametrize(
    ("slot", "reply", "hint"),
    [
        ("car_t", "我有狼疮", "utter_invalid_yes_no"),
        ("car_t", "没有", "utter_invalid_yes_no"),  # with intent affirm, below
        ("diagnosis", "没有", "utter_invalid_choice"),
        ("transplant", "做过移植", "utter_invalid_choice"),
        ("ecog", "A", "utter_invalid_choice"),  # too short to tell the language
        ("birth", "18岁", "utter_ask_birth_date_exact"),
        ("birth", "虚岁十九", "utter_ask_birth_date_exact"),
        ("birth", "农历三月十五", "utter_ask_birth_gregorian"),  # which year?
        ("birth", "不知道", "utter_invalid_birth_unsure"),
        ("birth", "2031年1月1日", "utter_invalid_date_future"),
        ("birth", "2031-01-01", "utter_invalid_date_future"),
        ("birth", "1800-01-01", "utter_invalid_date_too_old"),
        ("birth", "1985年2月30日", "utter_invalid_date_impossible"),
        ("birth", "上周", "utter_invalid_date_unreadable"),
        ("dm_diagnosed", "3月", "utter_invalid_date_no_year"),
        ("live_vaccine_date", "明年", "utter_invalid_date_unreadable"),
        ("birth", "身份证上是1985年，实际是1984年", "utter_invalid_date_unreadable"),
    ],
)
def test_asks_again_with_a_hint(slot: str, reply: str, hint: str) -> None:
    intent = "affirm" if reply == "没有" and slot == "car_t" else None
    assert hint_of(slot, reply, intent) == hint


def test_the_classifier_disagreeing_with_the_words_asks_again() -> None:
    car_t = QUESTIONS_BY_SLOT["car_t"]
    assert answered(READER, car_t, "没有", TODAY, "deny") == ("no",)
    assert hint_of("car_t", "做过", "deny") == "utter_invalid_yes_no"


@pytest.mark.parametrize(
    ("reply", "consent"),
    [
        ("是", True),
        ("好的", True),
        ("可以", True),
        ("同意", True),
        ("好", True),
        ("没问题", True),
        ("ok", True),
        ("开始吧", True),
        ("请联系我", True),
        ("可以打电话给我", True),
        ("不想", False),
        ("别联系我", False),
        ("不", False),
        ("不要", False),
        ("不同意", False),
        ("算了", False),
        ("/deny", False),
        ("yes", True),  # English words: the English reader
        ("no thanks", False),
    ],
)
def test_consent(reply: str, consent: bool) -> None:
    assert READER.consent(reply) == Value(("yes" if consent else "no",), reply)


@pytest.mark.parametrize(
    "reply", ["", "？", "\U0001f600", "可能吧", "考虑一下", "maybe", "да", "是，不是", "什么意思"]
)
def test_no_consent_from_anything_else(reply: str) -> None:
    assert isinstance(READER.consent(reply), AskAgain)


@pytest.mark.parametrize(
    ("intent", "reply", "carries"),
    [
        ("ask_why", "为什么问这个", True),
        ("ask_what_is_cart", "什么是CAR-T", True),
        ("ask_location", "医院在哪里", True),
        ("ask_cost", "费用多少", True),
        ("request_human", "找人工", True),
        ("request_human", "打电话给我", True),
        ("stop", "停止", True),
        ("start_over", "重新开始", True),
        ("greet", "你好", True),
        ("thank", "谢谢", True),
        # no cue of the request: an answer the classifier mistook
        ("greet", "我现在在参加一个贝利尤单抗的研究", False),
        ("ask_risks", "在吃阿莫西林", False),
        ("request_human", "没有", False),
        ("ask_why", "问这个干嘛", True),
        ("ask_risks", "用安全套", False),  # a contraception answer, no risk asked
        ("stop", "上周结束了", False),  # an end date, no stop
        ("stop", "结束对话", True),
        ("out_of_scope", "没有", False),
    ],
)
def test_side_request_cues(intent: str, reply: str, carries: bool) -> None:
    assert carries_side_request(intent, reply) is carries
    assert (READER.side_request(intent, reply) is not None) is carries


def test_every_side_request_with_english_cues_has_chinese_ones() -> None:
    from bot.reading.en.side_requests import CUES as ENGLISH_CUES

    assert set(ENGLISH_CUES) <= set(CUES)


@pytest.mark.parametrize(
    ("text", "unsure"),
    [("不清楚", True), ("记不清了", True), ("忘了", True), ("不是很清楚", True), ("2020年", False)],
)
def test_says_unsure(text: str, unsure: bool) -> None:
    assert says_unsure(text) is unsure


@pytest.mark.parametrize(
    ("text", "ongoing"),
    [
        ("还在吃", True),
        ("正在治疗", True),
        ("还没结束", True),
        ("目前还在参加", True),
        ("已经停了", False),
        ("不在吃了", False),
        ("上周结束了", False),
    ],
)
def test_is_ongoing(text: str, ongoing: bool) -> None:
    assert is_ongoing(text) is ongoing
