"""Account services: sign in (with lock-out), create and disable accounts, change roles and
passwords. The last active administrator keeps the rights: someone must be able to manage."""

from __future__ import annotations

from dataclasses import replace

from ops.access.roles import Permission, Role, User, require
from ops.access.signin import (
    Account,
    LockoutPolicy,
    SignInOutcome,
    SignInResult,
    check_sign_in,
    hash_password,
    needs_rehash,
    verify_password,
)
from ops.clock import Clock
from ops.errors import InvalidOperation, NotFound, PermissionDenied
from ops.stores import Changes, Store

FIRST_ADMINISTRATOR = "python main.py accounts add admin --role administrator"
"""How the first administrator is made: a database without accounts lets nobody sign in."""

MIN_PASSWORD_LENGTH = 8
"""The floor NIST SP 800-63B sets for chosen passwords; length beats composition rules."""


def password_problem(password: str, username: str) -> str | None:
    """What makes the password too weak (None when it is fine): too short, only digits (a
    date or a telephone number), or the user name itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too short"
    if password.isdigit():
        return "only digits"
    if password.strip().casefold() == username.strip().casefold():
        return "the user name"
    return None


def check_password(password: str, username: str) -> None:
    """Refuse a weak password, stating the whole rule (whichever part was broken)."""
    problem = password_problem(password, username)
    if problem is not None:
        raise InvalidOperation(
            "a password needs at least {min_length} characters, not only digits, "
            "and not the user name",
            min_length=MIN_PASSWORD_LENGTH,
            problem=problem,
        )


def sign_in(
    store: Store,
    clock: Clock,
    *,
    username: str,
    password: str,
    policy: LockoutPolicy = LockoutPolicy(),  # noqa: B008 (frozen, shared on purpose)
) -> SignInResult:
    """Check a sign-in attempt and store what it changed on the account."""
    now = clock.now()
    account = store.accounts.get(username)
    result = check_sign_in(account, password, now, policy)
    if account is None:
        return result
    updated = replace(
        account,
        failed_attempts=result.state.failed_attempts,
        locked_until=result.state.locked_until,
    )
    if result.outcome is SignInOutcome.SIGNED_IN and needs_rehash(account.password_hash):
        updated = replace(updated, password_hash=hash_password(password))
    if updated != account:
        store.accounts.update(updated, expected_version=account.version)
    return result


def create_account(
    store: Store,
    user: User,
    clock: Clock,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
) -> Changes:
    require(user, Permission.MANAGE_USERS)
    name = username.strip()
    if not name:
        raise InvalidOperation("an account needs a user name")
    check_password(password, name)
    store.accounts.add(Account(name, display_name.strip() or name, role, hash_password(password)))
    return Changes(accounts=frozenset({name}))


def set_role(
    store: Store, user: User, clock: Clock, *, username: str, version: int, role: Role
) -> Changes:
    require(user, Permission.MANAGE_USERS)
    account = _account(store, username)
    if username == user.username and role is not Role.ADMINISTRATOR:
        raise InvalidOperation("administrators cannot take their own rights away")
    if role is not Role.ADMINISTRATOR:
        _keep_an_administrator(store, account)
    store.accounts.update(replace(account, role=role), expected_version=version)
    return Changes(accounts=frozenset({username}))


def disable(store: Store, user: User, clock: Clock, *, username: str, version: int) -> Changes:
    """The account can no longer sign in (kept, with its history); nothing when it already was."""
    require(user, Permission.MANAGE_USERS)
    account = _account(store, username)
    if not account.active:
        return Changes()
    if username == user.username:
        raise InvalidOperation("administrators cannot disable their own account")
    _keep_an_administrator(store, account)
    store.accounts.update(replace(account, active=False), expected_version=version)
    return Changes(accounts=frozenset({username}))


def unlock(store: Store, user: User, clock: Clock, *, username: str, version: int) -> Changes:
    require(user, Permission.MANAGE_USERS)
    account = _account(store, username)
    store.accounts.update(
        replace(account, failed_attempts=0, locked_until=None), expected_version=version
    )
    return Changes(accounts=frozenset({username}))


def change_password(
    store: Store,
    user: User,
    clock: Clock,
    *,
    username: str,
    version: int,
    new_password: str,
    old_password: str | None = None,
) -> Changes:
    """Users change their own (giving the old one); an administrator resets anyone's."""
    account = _account(store, username)
    if username == user.username and old_password is not None:
        if not verify_password(old_password, account.password_hash):
            raise PermissionDenied("the present password is not right", username=username)
    else:
        require(user, Permission.MANAGE_USERS)
    check_password(new_password, account.username)
    store.accounts.update(
        replace(account, password_hash=hash_password(new_password)), expected_version=version
    )
    return Changes(accounts=frozenset({username}))


def _keep_an_administrator(store: Store, account: Account) -> None:
    """Refuse to take the rights of the last active administrator (nobody could manage then)."""
    if account.role is not Role.ADMINISTRATOR or not account.active:
        return
    others = [
        a for a in store.accounts.list_all()
        if a.role is Role.ADMINISTRATOR and a.active and a.username != account.username
    ]  # fmt: skip
    if not others:
        raise InvalidOperation(
            "{username} is the last active administrator: make another account administrator first",
            username=account.username,
        )


def _account(store: Store, username: str) -> Account:
    account = store.accounts.get(username)
    if account is None:
        raise NotFound("no account {username}", username=username)
    return account
