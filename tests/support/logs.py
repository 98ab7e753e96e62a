"""What a server's log may not hold after a clean run."""

from __future__ import annotations

import re
from pathlib import Path

FAULT = re.compile(r"\bERROR\b|Traceback|Exception\b|exception:")


def faults_in(*logs: Path, after: int = 0) -> list[str]:
    """The lines of `logs` that show a fault (an ERROR, a traceback, an
    exception), each prefixed with its file's name; `after` skips that many
    bytes of each file (what was there before the step under test)."""
    found = []
    for log in logs:
        with log.open(errors="replace") as lines:
            lines.seek(after)
            found += [f"{log.name}: {line.rstrip()}" for line in lines if FAULT.search(line)]
    return found
