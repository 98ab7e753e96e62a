"""What an adversarial answer battery must show, whichever runner typed it
(through the servers, `python -m scripts.answer_battery`, or in this process,
tests/e2e/test_answer_battery_in_process.py)."""

from __future__ import annotations

from harness.answer_battery import ASKED_AGAIN_CEILING, Result, asked_again_rate, table


def check_battery(results: list[Result], language: str) -> None:
    """No answer stored firmly wrong, and fewer than ASKED_AGAIN_CEILING of
    the clear answers written in `language` asked again; prints the table."""
    rate = asked_again_rate(results, language)
    print(f"\n{table(results)}\nClear answers in {language} asked again: {rate:.1%}")
    wrong = [
        f"{r.case.id}: {r.case.text!r} expected {r.case.expect!r}, stored {r.stored!r}"
        for r in results
        if r.verdict == "firm_wrong"
    ]
    assert wrong == [], "firmly wrong:\n" + "\n".join(wrong)
    assert rate < ASKED_AGAIN_CEILING, f"{rate:.1%} asked again"
