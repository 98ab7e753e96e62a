"""Empty the tracker store's clear columns in rows written before they were
kept empty (intent and action names, event types but a session's start:
stores/private.py says what they told).

    .venv/bin/python -m scripts.scrub_tracker_store [--endpoints endpoints.production.yml]

`scripts/run` runs it at every start; it changes nothing once done.
"""

from __future__ import annotations

import argparse

from stores.private import from_endpoints


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoints", default="endpoints.yml")
    arguments = parser.parse_args(argv)
    rows = from_endpoints(arguments.endpoints).scrub_clear_columns()
    print(f"tracker store: {rows} row(s) scrubbed of their clear intent, action and type")


if __name__ == "__main__":
    main()
