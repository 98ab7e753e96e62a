"""`python -m inbox <command>`: see inbox/cli.py."""

from inbox.cli import main

raise SystemExit(main())
