"""One result type for a reading (bot/reading/result.py): what each reader
gives for each kind of reply, the same in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.languages import reader_for
from bot.reading.reader import Unreadable
from bot.reading.result import AskAgain, NotSure, SideRequest, Value, answer_of

TODAY = date(2026, 12, 7)


def test_a_value_states_at_least_one_value() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Value((), "yes")


def test_answer_of_turns_a_reading_into_its_result() -> None:
    assert answer_of(lambda: ("no",), "nope") == Value(("no",), "nope")
    assert answer_of(lambda: ("unsure",), "no idea") == NotSure("no idea")
    assert answer_of(lambda: ("no", "unsure"), "no, not sure") == Value(
        ("no", "unsure"), "no, not sure"
    )

    def unreadable() -> tuple[str, ...]:
        raise Unreadable("utter_invalid_yes_no")

    assert answer_of(unreadable, "?") == AskAgain("utter_invalid_yes_no")


@pytest.mark.parametrize(
    ("language", "yes", "unsure", "nonsense"),
    [("en", "yes", "no idea", "purple"), ("zh", "有", "不知道", "紫色")],
)
def test_each_reader_gives_a_value_not_sure_or_ask_again(
    language: str, yes: str, unsure: str, nonsense: str
) -> None:
    reader, car_t = reader_for(language), QUESTIONS_BY_SLOT["car_t"]
    assert reader.read(car_t, yes, TODAY) == Value(("yes",), yes)
    assert reader.read(car_t, unsure, TODAY) == NotSure(unsure)
    assert reader.read(car_t, nonsense, TODAY) == AskAgain("utter_invalid_yes_no")


@pytest.mark.parametrize(
    ("language", "greeting", "answer"), [("en", "hello", "no"), ("zh", "你好", "没有")]
)
def test_a_side_request_only_when_the_words_carry_it(
    language: str, greeting: str, answer: str
) -> None:
    reader = reader_for(language)
    assert reader.side_request("greet", greeting) == SideRequest("greet")
    assert reader.side_request("greet", answer) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "sorry, the HIV answer is wrong, I meant yes"), ("zh", "HIV那题说错了, 应该是有")],
)
def test_a_correction_names_its_answer_and_what_it_states(language: str, text: str) -> None:
    correction = reader_for(language).correction(text, ["birth", "hiv_or_syphilis", "ecog"])
    assert correction is not None
    assert correction.slot == "hiv_or_syphilis"
    assert correction.reply is not None and correction.reply.value == "yes"


def test_no_correction_without_an_answered_question() -> None:
    assert reader_for("en").correction("actually I meant no", []) is None


@pytest.mark.parametrize(("language", "yes", "no"), [("en", "yes", "no"), ("zh", "好的", "不要")])
def test_consent_is_a_plain_yes_or_no_or_asked_again(language: str, yes: str, no: str) -> None:
    reader = reader_for(language)
    assert reader.consent(yes) == Value(("yes",), yes)
    assert reader.consent(no) == Value(("no",), no)
    assert isinstance(reader.consent("maybe"), AskAgain)
