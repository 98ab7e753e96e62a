"""Type each answer of a battery at its question, through the real REST
channel, and print what the assistant stored: the safety tables.

    .venv/bin/python -m scripts.answer_battery [tests/answers/battery.yml ...]

Without arguments it runs the English battery (tests/answers/battery.yml) and
the Chinese one (tests/answers/battery_zh.yml). Starts its own action server
and Rasa server (the trained model in models/), or uses running ones (`--rasa
URL --tracker-db rasa.db`, with their REFERRAL_KEYS). How a case is typed and
judged: harness/answer_battery.py. Exits non-zero on any firm wrong answer, or
when the clear answers written in a battery's own language are asked again 10%
of the time or more.

With `--safety` it scores by what each stored answer decides instead
(harness/safety.py: unsafe, wrong, asked again per class and per question), as
issue 27 scores the closed-world batteries (tests/answers/closed_world*.yml),
and exits non-zero on any unsafe answer.

With `--in-process` it starts no server: the trained model and the action
server's classes run in this process (harness/in_process.py), the same results
in a fraction of the time; it prints how long loading and the cases took.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.protocol.calendar import screening_date
from harness.answer_battery import (
    ASKED_AGAIN_CEILING,
    BATTERIES,
    Case,
    Result,
    asked_again_rate,
    load,
    own_servers,
    run,
    table,
)
from harness.safety import asked_again_by_question, safety_table, verdicts_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batteries", nargs="*", type=Path, default=BATTERIES)
    parser.add_argument("--rasa", help="a running Rasa server's URL")
    parser.add_argument("--tracker-db", type=Path, help="its SQLite tracker store")
    parser.add_argument("--show", default="firm_wrong", help="verdicts to list, comma-separated")
    parser.add_argument("--safety", action="store_true", help="score by what is decided")
    parser.add_argument("--in-process", action="store_true", help="without servers")
    arguments = parser.parse_args(argv)
    cases = load(arguments.batteries)
    if arguments.in_process:
        results = run_without_servers(cases)
    elif arguments.rasa:
        results = run(arguments.rasa, arguments.tracker_db, cases)
    else:
        with own_servers() as (url, tracker_db):
            results = run(url, tracker_db, cases)
    if arguments.safety:
        return print_safety(results, set(arguments.show.split(",")) | {"unsafe", "wrong"})
    rates = {}
    for language in sorted({result.case.conversation for result in results}):
        held = [result for result in results if result.case.conversation == language]
        rates[language] = asked_again_rate(held, language)
        print(f"\nConversations in {language}:\n{table(held)}")
        print(f"\nClear answers in {language} asked again: {rates[language]:.1%} "
              f"(ceiling {ASKED_AGAIN_CEILING:.0%})")  # fmt: skip
    shown = set(arguments.show.split(","))
    for result in results:
        if result.verdict in shown:
            print(f"{result.verdict}: {result.case.id} {result.case.text!r} "
                  f"expected {result.case.expect!r}, stored {result.stored!r}")  # fmt: skip
    firm_wrong = sum(r.verdict == "firm_wrong" for r in results)
    return 1 if firm_wrong or max(rates.values()) >= ASKED_AGAIN_CEILING else 0


def run_without_servers(cases: list[Case]) -> list[Result]:
    """The cases in this process, with how long loading and typing them took."""
    # Imported here: Rasa's agent and the actions are for this option only.
    from harness.in_process import timed_run

    results, loading, typing = timed_run(cases)
    print(f"In-process: model and actions loaded in {loading:.1f} s, "
          f"{len(cases)} cases in {typing:.1f} s")  # fmt: skip
    return results


def print_safety(results: list[Result], shown: set[str]) -> int:
    """The safety tables per conversation language; 1 if any answer is unsafe."""
    verdicts = verdicts_of(results, screening_date())
    for language in sorted({result.case.conversation for result in results}):
        held = [(r, v) for r, v in zip(results, verdicts, strict=True)
                if r.case.conversation == language]  # fmt: skip
        print(f"\nConversations in {language} ({len(held)} cases):")
        print(safety_table((r.case.cls, v) for r, v in held))
        rates = asked_again_by_question((r.case.question, v) for r, v in held)
        worst = max((q for q in rates if q != "all"), key=rates.__getitem__)
        print(f"asked again: {rates['all']:.1%} of all (cap 30%), at most "
              f"{rates[worst]:.0%} at one question ({worst}; cap 50%)")  # fmt: skip
    for result, verdict in zip(results, verdicts, strict=True):
        if verdict in shown:
            print(f"{verdict}: {result.case.id} {result.case.text!r} "
                  f"expected {result.case.expect!r}, stored {result.stored!r}")  # fmt: skip
    return 1 if "unsafe" in verdicts else 0


if __name__ == "__main__":
    sys.exit(main())
