# The summary is written with Chinese punctuation: the expected lines keep it.
# ruff: noqa: RUF001
"""The summary a Chinese patient checks before a referral (bot/reading/zh/summary.py)."""

from __future__ import annotations

from datetime import date
from functools import partial

from bot.reading import summary as _core_summary
from bot.reading.en.summary import LABELS as ENGLISH_LABELS
from bot.reading.en.summary import VALUES as ENGLISH_VALUES
from bot.reading.zh.dates import WRITTEN as _ZH_DATES
from bot.reading.zh.summary import LABELS, VALUES
from bot.reading.zh.summary import WORDS as _zh_summary_words

written_date = _ZH_DATES.written
summary = partial(_core_summary.summary, _zh_summary_words)


def test_every_answer_is_written_plainly_in_the_order_asked() -> None:
    text = summary(
        {"car_t": "no", "birth": "1980-11-28/1981-11-27", "transplant": "none",
         "diagnosis": "sjogren", "hepatitis_or_cmv": "unsure", "ecog": "0",
         "infection": "yes", "infection_treatment_end": "ongoing", "cancer": "other",
         "live_vaccine_date": "2026-11-11", "contact_name": "not a question"}
    )  # fmt: skip
    assert text.splitlines() == [
        "- 出生日期：1980年11月28日至1981年11月27日之间",
        "- 以前接受过CAR-T细胞治疗：否",
        "- 移植：没有",
        "- 确诊的疾病：干燥综合征",
        "- 平时的活动情况：完全能正常活动，和生病前一样",
        "- 癌症：其他类型",
        "- 现在或最近一周在治疗感染：是",
        "- 这个治疗结束的时间：还没有结束",
        "- 接种日期：2026年11月11日",
        "- 曾被告知有乙肝、丙肝或巨细胞病毒（CMV）感染：不确定",
    ]


def test_the_same_questions_and_values_as_english() -> None:
    assert set(LABELS) == set(ENGLISH_LABELS)
    assert set(VALUES) == set(ENGLISH_VALUES)


def test_written_date() -> None:
    assert written_date(date(2026, 12, 16)) == "2026年12月16日"


def test_a_wechat_id_given_is_shown_last_and_a_skipped_one_not_at_all() -> None:
    assert summary({"car_t": "no", "contact_wechat": "13800138000"}).splitlines() == [
        "- 以前接受过CAR-T细胞治疗：否",
        "- 微信：13800138000",
    ]
    assert summary({"car_t": "no", "contact_wechat": ""}) == "- 以前接受过CAR-T细胞治疗：否"
