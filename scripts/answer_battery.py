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
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from harness.answer_battery import (
    ASKED_AGAIN_CEILING,
    BATTERIES,
    asked_again_rate,
    load,
    own_servers,
    run,
    table,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("batteries", nargs="*", type=Path, default=BATTERIES)
    parser.add_argument("--rasa", help="a running Rasa server's URL")
    parser.add_argument("--tracker-db", type=Path, help="its SQLite tracker store")
    parser.add_argument("--show", default="firm_wrong", help="verdicts to list, comma-separated")
    arguments = parser.parse_args(argv)
    cases = load(arguments.batteries)
    if arguments.rasa:
        results = run(arguments.rasa, arguments.tracker_db, cases)
    else:
        with own_servers() as (url, tracker_db):
            results = run(url, tracker_db, cases)
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


if __name__ == "__main__":
    sys.exit(main())
