"""What a newcomer sees on the terminal: each step named with its time, and
the processes' output without the known noise of our dependencies.

    some-command 2>&1 | .venv/bin/python -m scripts.terminal [--log FILE]

copies every line to FILE (when given) and prints the others than noise. Noise
is a Python warning of a deprecation (DeprecationWarning, its relatives, and
SQLAlchemy's MovedIn20Warning) raised in an installed package, with the lines
Python prints under it; Rasa's "utterance not used in any story" (which
tests/test_domain.py checks instead) and its note on slot auto-fill, printed
for every domain it loads; and Rasa's progress bars. Anything else,
errors and tracebacks above all, is printed as it comes: a warning raised in
our own code is never noise.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TextIO

COLOUR = re.compile(r"\x1b\[[0-9;]*m")
WARNING = re.compile(r"^(?P<where>\S.*?):\d+: (?P<category>\w+): ")
NOISY_CATEGORIES = re.compile(r"DeprecationWarning$|^MovedIn20Warning$")
NOISY_MESSAGES = re.compile(
    r"is not used in any story or rule\.$|UserWarning: Slot auto-fill has been removed in 3\.0"
)
PROGRESS = re.compile(r"^(Processed (story blocks|rules|trackers|actions)|Epochs):? ")
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
SOMETHING_ELSE = re.compile(r"^(Traceback |\S+Error\b|\S*Exception\b)|\bERROR\b|\bCRITICAL\b")
CONTINUATION_LINES = 3
"""The most lines a warning's message runs over before its source line."""


def installed(where: str) -> bool:
    """A warning raised in a dependency (or in Python's import machinery)."""
    return "site-packages/" in where or where.startswith("<frozen ")


def is_noise_header(line: str) -> bool:
    match = WARNING.match(line)
    if not match or not installed(match["where"]):
        return False
    return bool(NOISY_CATEGORIES.search(match["category"]) or NOISY_MESSAGES.search(line))


def starts_something(line: str) -> bool:
    """A line that is never part of a warning: a log record, another warning,
    a traceback, an error."""
    return bool(LOG_RECORD.match(line) or WARNING.match(line) or SOMETHING_ELSE.search(line))


def shown(lines: Iterable[str]) -> Iterator[str]:
    """The lines that are not noise, in order. A noisy warning's own lines (its
    message may run over several lines, then Python prints the source line,
    indented) are dropped up to that indented line, or up to the next line that
    starts something else (a log record, another warning)."""
    continuation = 0  # lines of a noisy warning that may still follow
    for raw in lines:
        line = COLOUR.sub("", raw).rstrip("\n").lstrip("\r")
        if continuation:
            continuation -= 1
            if line.startswith("  ") and not line.startswith("   "):
                continuation = 0  # the source line ends the warning
                continue
            if line.strip() and not starts_something(line):
                continue
            continuation = 0
        if is_noise_header(line):
            # Python prints no source line for frozen modules.
            continuation = 0 if line.startswith("<frozen ") else CONTINUATION_LINES
            continue
        if PROGRESS.match(line) or not line.strip():
            continue
        yield raw.rstrip("\n")


def copy(
    source: IO[str],
    screen: TextIO,
    log: Path | None,
    prefix: str = "",
    keep: Callable[[str], bool] = lambda line: True,
) -> None:
    """Print `source`'s lines that are not noise, and that `keep` keeps, to
    `screen`, each after `prefix`; every line to `log` (appended), as it comes."""
    kept = log.open("a", encoding="utf-8") if log else None

    def lines() -> Iterator[str]:
        for line in source:
            if kept:
                kept.write(line)
                kept.flush()
            yield line

    try:
        for line in shown(lines()):
            if keep(line):
                print(f"{prefix}{line}", file=screen, flush=True)
    finally:
        if kept:
            kept.close()


class Steps:
    """Names each step as it starts and tells its time as it ends, counting
    from `started` (a `time.time()`: the shell's start, so set-up counts)."""

    def __init__(self, started: float | None = None, screen: TextIO = sys.stdout) -> None:
        self.started = started if started is not None else time.time()
        self.screen = screen

    def elapsed(self) -> float:
        return time.time() - self.started

    def say(self, text: str) -> None:
        print(f"[{self.elapsed():5.0f} s] {text}", file=self.screen, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", type=Path, help="a file that keeps every line")
    arguments = parser.parse_args(argv)
    copy(sys.stdin, sys.stdout, arguments.log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
