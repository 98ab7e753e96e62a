"""The action server: rasa-sdk's own, started after the outbox flusher.

`python -m actions.server --actions actions --port 5055` takes the same options
as `rasa run actions`. Starting the flusher here, at boot, means referrals kept
while the database was down are stored even if the server restarted since.
"""

from __future__ import annotations

from rasa_sdk.__main__ import main_from_args
from rasa_sdk.endpoint import create_argument_parser

from bot.services import services_from_env


def main(argv: list[str] | None = None) -> None:
    arguments = create_argument_parser().parse_args(argv)
    services_from_env().start_outbox_flusher()
    main_from_args(arguments)


if __name__ == "__main__":
    main()
