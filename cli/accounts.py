"""User accounts: `accounts add`, `list`, `set-role`, `disable`, `reset-password`, `unlock`.

This is how a district gets its first administrator: a fresh database has no account, so
nobody could sign in to make one. Every change goes through the account services in one
action (a change-log row), done by `cli:<login name>`, a system user with the administrator's
permission; the change log names it and the host it ran on. Passwords are read hidden (twice)
or as the first line of stdin, and never printed.
"""

from __future__ import annotations

import argparse
import getpass
import json
import socket
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from cli.common import CommandError, Context
from ops.access.roles import Role, User

if TYPE_CHECKING:
    from ops.access.signin import Account
    from ops.clock import Clock
    from ops.stores import Changes, Store

ROLES = [role.value for role in Role]


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "accounts", help="user accounts: add (the first administrator too), list, set-role, "
        "disable, reset-password, unlock",
    )  # fmt: skip
    group.set_defaults(run=give_an_action)  # argparse asks for the action before this runs
    actions = group.add_subparsers(title="actions", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="create an account")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--name", default="", help="the name shown (default: the user name)")
    _password_option(add)
    add.set_defaults(run=add_account)

    listed = actions.add_parser("list", help="every account: role, active, locked now")
    listed.add_argument("--json", action="store_true", help="a JSON list instead of a table")
    listed.set_defaults(run=list_accounts)

    role = actions.add_parser("set-role", help="give an account another role")
    role.add_argument("username", metavar="USERNAME")
    role.add_argument("role", metavar="ROLE", choices=ROLES, help=", ".join(ROLES))
    role.set_defaults(run=set_role)

    disable = actions.add_parser("disable", help="the account can no longer sign in")
    disable.add_argument("username", metavar="USERNAME")
    disable.set_defaults(run=disable_account)

    reset = actions.add_parser("reset-password", help="give an account a new password")
    reset.add_argument("username", metavar="USERNAME")
    _password_option(reset)
    reset.set_defaults(run=reset_password)

    unlock = actions.add_parser("unlock", help="lift a lock-out after failed sign-ins")
    unlock.add_argument("username", metavar="USERNAME")
    unlock.set_defaults(run=unlock_account)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-stdin", action="store_true",
        help="read the password as the first line of stdin (default: asked twice, hidden)",
    )  # fmt: skip


def give_an_action(ctx: Context) -> int:
    raise CommandError("accounts: give an action (add, list, set-role, disable, "
                       "reset-password, unlock)")  # fmt: skip


def add_account(ctx: Context) -> int:
    from ops.access.accounts import create_account

    args = ctx.args
    username = args.username.strip()
    password = _new_password(args.password_stdin)

    def add(store: Store, user: User, clock: Clock) -> Changes:
        return create_account(
            store, user, clock, username=username, display_name=args.name,
            role=Role(args.role), password=password,
        )  # fmt: skip

    _run(ctx, add)
    print(f"Account {username} created ({args.role}).")
    return 0


def list_accounts(ctx: Context) -> int:
    from datetime import UTC, datetime

    from db.repositories.accounts import read_accounts
    from ops.access.accounts import FIRST_ADMINISTRATOR
    from ops.access.signin import is_locked
    from ops.clock import format_local

    db = ctx.open_database()
    try:
        accounts = read_accounts(db)
    finally:
        db.dispose()
    now = datetime.now(UTC)
    rows = [
        {"username": a.username, "name": a.display_name, "role": a.role.value,
         "active": a.active, "locked": is_locked(a.state, now)}
        for a in accounts
    ]  # fmt: skip
    if ctx.args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"No account yet. Create the first administrator: {FIRST_ADMINISTRATOR}")
        return 0
    table = [("USERNAME", "NAME", "ROLE", "ACTIVE", "LOCKED")]
    for a, row in zip(accounts, rows, strict=True):
        locked = "no"
        if row["locked"] and a.locked_until is not None:
            locked = f"until {format_local(a.locked_until, '%Y-%m-%d %H:%M')}"
        table.append((a.username, a.display_name, a.role.value,
                      "yes" if a.active else "no", locked))  # fmt: skip
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        print("  ".join(cells).rstrip())
    return 0


def set_role(ctx: Context) -> int:
    from ops.access import accounts

    role = Role(ctx.args.role)
    before = _change(ctx, accounts.set_role, role=role)
    print(f"{before.username}: role {role.value} (was {before.role.value}).")
    return 0


def disable_account(ctx: Context) -> int:
    from ops.access import accounts

    before = _change(ctx, accounts.disable)
    if before.active:
        print(f"{before.username} disabled: the account can no longer sign in.")
    else:
        print(f"{before.username} was disabled already.")
    return 0


def reset_password(ctx: Context) -> int:
    from ops.access import accounts

    password = _new_password(ctx.args.password_stdin)
    before = _change(ctx, accounts.change_password, new_password=password)
    print(f"Password of {before.username} changed.")
    return 0


def unlock_account(ctx: Context) -> int:
    from ops.access import accounts

    before = _change(ctx, accounts.unlock)
    print(f"{before.username} unlocked: failed sign-ins forgotten.")
    return 0


def _change(ctx: Context, service: Callable[..., Changes], **options: object) -> Account:
    """`service(store, user, clock, username=…, version=…, **options)` on the named account in
    one action; the account as it was before."""
    username = ctx.args.username.strip()
    seen: list[Account] = []

    def on_account(store: Store, user: User, clock: Clock) -> Changes:
        account = store.accounts.get(username)
        if account is None:
            raise CommandError(f"no account {username}")
        seen.append(account)
        return service(
            store, user, clock, username=account.username, version=account.version, **options
        )

    _run(ctx, on_account)
    return seen[-1]


def _run(ctx: Context, action: Callable[[Store, User, Clock], Changes]) -> None:
    """One action on the database as the command line's administrator."""
    from db import DatabaseError
    from db.actions import run_action
    from ops.clock import SystemClock

    user, workstation = acting_user()
    clock = SystemClock()
    db = ctx.open_database()
    try:
        run_action(
            db, lambda store: action(store, user, clock), workstation=workstation,
            user=user.username, clock=clock,
        )  # fmt: skip
    except DatabaseError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        db.dispose()


def acting_user() -> tuple[User, str]:
    """Who acts (`cli:<login name>`, with the administrator's permission) and from where
    (`cli:<login name>@<host>`, the change log's workstation)."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers and services
        login = "unknown"
    user = User(f"cli:{login}", f"command line ({login})", Role.ADMINISTRATOR)
    return user, f"{user.username}@{socket.gethostname() or 'host'}"


def _new_password(from_stdin: bool) -> str:
    """The new password: stdin's first line (its line ending dropped), or asked twice, hidden."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CommandError("--password-stdin: standard input gave no password")
        return password
    try:
        first = getpass.getpass("New password: ")
        second = getpass.getpass("The same password again: ")
    except (EOFError, KeyboardInterrupt):
        raise CommandError("no password given; nothing was changed") from None
    if first != second:
        raise CommandError("the two passwords differ; nothing was changed")
    return first
