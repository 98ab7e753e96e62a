"""The inbox's commands: `python -m inbox <command>` (see `--help`).

Every command reads its settings from the environment (bot/settings.py), as
the servers do; each prints counts or addresses, never patient data.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from bot.services import Services
from bot.settings import Settings, inbox_address
from inbox.accounts import AccountError, AccountStore, Role
from inbox.audit import AuditLog


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="serve the inbox (waitress)")
    serve.add_argument(
        "--scheduler", action="store_true",
        help="also send notifications and reminders from this process (embedded run)",
    )  # fmt: skip
    admin = commands.add_parser("create-admin", help="create the first admin account")
    admin.add_argument("username")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    commands.add_parser("verify-audit", help="check the audit log's HMAC chain")
    args = parser.parse_args(argv)
    services = Services(Settings.from_env())
    handlers: dict[str, Callable[[Services, argparse.Namespace], int]] = {
        "serve": _serve,
        "create-admin": _create_admin,
        "verify-audit": _verify_audit,
    }
    return handlers[args.command](services, args)


def _serve(services: Services, args: argparse.Namespace) -> int:
    import waitress  # type: ignore[import]  # no stubs; only the server needs it

    from inbox.app import create_app

    app = create_app(services)
    settings = services.settings
    print(f"inbox: {inbox_address(settings)}", flush=True)
    waitress.serve(app, host=settings.inbox_host, port=settings.inbox_port, threads=4, ident="")
    return 0


def _create_admin(services: Services, args: argparse.Namespace) -> int:
    services.referrals  # noqa: B018 - migrates the schema
    accounts = AccountStore(services.engine)
    if accounts.admins_exist():
        print("an admin exists already: create further accounts in the inbox", file=sys.stderr)
        return 1
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("password (12 characters or more): ")
    try:
        accounts.create(args.username, password, Role.ADMIN)
    except AccountError as error:
        print(f"not created: {error}", file=sys.stderr)
        return 1
    print(f"admin {args.username.strip().lower()} created")
    return 0


def _verify_audit(services: Services, args: argparse.Namespace) -> int:
    """0 when the chain is intact; 1, naming the first broken entries, if not."""
    services.referrals  # noqa: B018 - migrates the schema
    log = AuditLog(services.engine, services.audit_key)
    broken = log.verify()
    if broken:
        print(f"audit log BROKEN at entries {broken[:20]}", file=sys.stderr)
        return 1
    print(f"audit log intact ({log.count()} entries)")
    return 0
