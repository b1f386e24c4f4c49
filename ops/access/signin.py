"""Signing in: password hashes with scrypt, constant-time checks, and lock-out after failures.

A stored hash describes itself (`scrypt$16384$8$1$<salt>$<hash>`, base64), so the cost can be
raised later without invalidating old accounts: they verify with their own parameters and
`needs_rehash` says when to store a fresh hash. Lock-out is pure arithmetic over
(failed attempts, locked until, now), so the database only stores two columns.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache

from ops.access.roles import Role, User

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1  # 16 MiB per hash: memory-hard, still well under a second
SALT_BYTES = 16
KEY_BYTES = 32
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A self-describing scrypt hash of the password with a fresh random salt."""
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    key = _derive(password, salt, N, R, P)
    return "$".join((SCHEME, str(N), str(R), str(P), _b64(salt), _b64(key)))


def verify_password(password: str, encoded: str) -> bool:
    """The password matches the stored hash (compared in constant time)."""
    n, r, p, salt, key = _parse(encoded)
    return hmac.compare_digest(_derive(password, salt, n, r, p), key)


def needs_rehash(encoded: str) -> bool:
    """The hash was made with other parameters than today's: store a new one at sign-in."""
    n, r, p, salt, key = _parse(encoded)
    return (n, r, p, len(salt), len(key)) != (N, R, P, SALT_BYTES, KEY_BYTES)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=KEY_BYTES
    )


def _parse(encoded: str) -> tuple[int, int, int, bytes, bytes]:
    parts = encoded.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise ValueError("not a scrypt password hash")
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except ValueError as exc:
        raise ValueError("not a scrypt password hash") from exc
    return n, r, p, salt, key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@cache
def _dummy_hash() -> str:
    """A hash to check when the user name is unknown, so that an unknown name takes as long
    to refuse as a wrong password and does not reveal which accounts exist."""
    return hash_password("", salt=bytes(SALT_BYTES))


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_for: timedelta = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class SignInState:
    """What the account remembers between attempts."""

    failed_attempts: int = 0
    locked_until: datetime | None = None


def is_locked(state: SignInState, now: datetime) -> bool:
    return state.locked_until is not None and now < state.locked_until


def after_failure(state: SignInState, now: datetime, policy: LockoutPolicy) -> SignInState:
    """The state after a wrong password: the last allowed failure locks the account."""
    if is_locked(state, now):
        return state  # attempts while locked neither count nor extend the lock
    failures = (0 if state.locked_until is not None else state.failed_attempts) + 1
    if failures >= policy.max_failures:
        return SignInState(failures, now + policy.lock_for)
    return SignInState(failures, None)


def after_success() -> SignInState:
    return SignInState()


@dataclass(frozen=True, slots=True)
class Account:
    """A user account as stored: the person, the role, the hash and the lock-out state."""

    username: str
    display_name: str
    role: Role
    password_hash: str
    failed_attempts: int = 0
    locked_until: datetime | None = None
    active: bool = True
    version: int = 1

    @property
    def user(self) -> User:
        return User(self.username, self.display_name, self.role, self.active)

    @property
    def state(self) -> SignInState:
        return SignInState(self.failed_attempts, self.locked_until)


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    REFUSED = "refused"  # unknown name or wrong password: the user is not told which
    LOCKED = "locked"
    DISABLED = "disabled"


@dataclass(frozen=True, slots=True)
class SignInResult:
    outcome: SignInOutcome
    user: User | None
    state: SignInState  # to store on the account (unchanged for an unknown name)
    locked_until: datetime | None = None


def check_sign_in(
    account: Account | None, password: str, now: datetime, policy: LockoutPolicy
) -> SignInResult:
    """Decide a sign-in attempt; the caller stores `state` on the account."""
    if account is None:
        verify_password(password, _dummy_hash())
        return SignInResult(SignInOutcome.REFUSED, None, SignInState())
    state = account.state
    if is_locked(state, now):
        return SignInResult(SignInOutcome.LOCKED, None, state, state.locked_until)
    if not account.active:
        return SignInResult(SignInOutcome.DISABLED, None, state)
    if verify_password(password, account.password_hash):
        return SignInResult(SignInOutcome.SIGNED_IN, account.user, after_success())
    failed = after_failure(state, now, policy)
    if is_locked(failed, now):
        return SignInResult(SignInOutcome.LOCKED, None, failed, failed.locked_until)
    return SignInResult(SignInOutcome.REFUSED, None, failed)
