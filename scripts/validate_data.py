"""`rasa data validate`, failing on every warning but one.

Rasa 3.6 warns "The utterance 'X' is not used in any story or rule" for responses
that forms (utter_ask_<slot>) and custom actions send; with --fail-on-warnings it
would fail on all of them. So this script runs the validator, fails on its errors
and on any other warning, and lets that one warning pass. That every such
response is really sent is proved by tests/test_domain.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

UNUSED_RESPONSE = re.compile(
    r"UserWarning: The utterance '(utter_\w+)' is not used in any story or rule\."
)


def main() -> int:
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    run = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "rasa"), "data", "validate"],
        capture_output=True,
        text=True,
        env=env,
    )
    output = run.stdout + run.stderr
    problems = [
        line.strip()
        for line in output.splitlines()
        # Rasa's own findings are UserWarnings (libraries' deprecations are not).
        if ("UserWarning:" in line or " ERROR " in line) and not UNUSED_RESPONSE.search(line)
    ]
    allowed = sorted(set(UNUSED_RESPONSE.findall(output)))
    print(
        f"rasa data validate: exit {run.returncode}, {len(problems)} problem(s), "
        f"{len(allowed)} form/action responses (checked by tests/test_domain.py)"
    )
    for line in problems:
        print("  " + line)
    if run.returncode != 0 and not problems:
        print(output[-3000:])
    return 1 if run.returncode != 0 or problems else 0


if __name__ == "__main__":
    sys.exit(main())
