from __future__ import annotations

from functools import partial

from bot.reading import summary as _core_summary
from bot.reading.en.summary import WORDS as _en_summary_words

summary = partial(_core_summary.summary, _en_summary_words)


def test_every_answer_is_written_plainly_in_the_order_asked() -> None:
    text = summary(
        {"car_t": "no", "birth": "1980-11-28/1981-11-27", "transplant": "none",
         "diagnosis": "sjogren", "hepatitis_or_cmv": "unsure", "ecog": "0",
         "infection": "yes", "infection_treatment_end": "ongoing", "cancer": "other",
         "contact_name": "not a question"}
    )  # fmt: skip
    assert text.splitlines() == [
        "- Date of birth: between 28 November 1980 and 27 November 1981",
        "- CAR-T cell therapy before: no",
        "- Transplant: none",
        "- Diagnosed with: Sjögren's syndrome",
        "- Usual day: fully active, as before the illness",
        "- Cancer: another kind",
        "- Treated for an infection now or in the last week: yes",
        "- That treatment ended: not yet",
        "- Ever told you have hepatitis B, C or CMV: not sure",
    ]


def test_a_wechat_id_given_is_shown_last_and_a_skipped_one_not_at_all() -> None:
    assert summary({"car_t": "no", "contact_wechat": "ZhangWei_1985"}).splitlines() == [
        "- CAR-T cell therapy before: no",
        "- WeChat: ZhangWei_1985",
    ]
    assert summary({"car_t": "no", "contact_wechat": ""}) == "- CAR-T cell therapy before: no"
