"""Account services: sign-in with lock-out stored on the account, administration by role."""

from __future__ import annotations

import base64
import hashlib

import pytest

from ops.access import accounts
from ops.access.roles import Role
from ops.access.signin import Account, SignInOutcome, needs_rehash, verify_password
from ops.errors import InvalidOperation, PermissionDenied, StaleEdit
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_store, a_user, at, clock_at

ADMIN = a_user(Role.ADMINISTRATOR, "admin")


def with_dispatcher() -> MemoryStore:
    store = a_store()
    accounts.create_account(
        store, ADMIN, clock_at("08:00"), username="dv.an", display_name="Nguyễn Văn An",
        role=Role.DISPATCHER, password="đúng-mật-khẩu",
    )  # fmt: skip
    return store


def attempt(store: MemoryStore, password: str, hhmm: str) -> SignInOutcome:
    return accounts.sign_in(store, clock_at(hhmm), username="dv.an", password=password).outcome


def test_only_an_administrator_creates_accounts() -> None:
    store = with_dispatcher()
    account = store.accounts.rows["dv.an"]
    assert account.role is Role.DISPATCHER and verify_password(
        "đúng-mật-khẩu", account.password_hash
    )
    with pytest.raises(PermissionDenied):
        accounts.create_account(
            store, a_user(Role.DISPATCHER), clock_at("08:00"), username="x", display_name="x",
            role=Role.ADMINISTRATOR, password="long enough",
        )  # fmt: skip
    with pytest.raises(InvalidOperation, match="at least 8"):
        accounts.create_account(
            store, ADMIN, clock_at("08:00"), username="y", display_name="y",
            role=Role.VIEWER, password="short",
        )  # fmt: skip


def test_sign_in_locks_after_five_failures_and_opens_after_fifteen_minutes() -> None:
    store = with_dispatcher()
    assert attempt(store, "đúng-mật-khẩu", "08:00") is SignInOutcome.SIGNED_IN
    for _ in range(4):
        assert attempt(store, "sai", "08:01") is SignInOutcome.REFUSED
    assert attempt(store, "sai", "08:02") is SignInOutcome.LOCKED
    assert store.accounts.rows["dv.an"].locked_until == at("08:17")
    assert attempt(store, "đúng-mật-khẩu", "08:10") is SignInOutcome.LOCKED
    assert attempt(store, "đúng-mật-khẩu", "08:17") is SignInOutcome.SIGNED_IN
    assert store.accounts.rows["dv.an"].failed_attempts == 0
    assert accounts.sign_in(store, clock_at("08:18"), username="nobody", password="x").user is None


def test_an_administrator_unlocks_and_changes_roles() -> None:
    store = with_dispatcher()
    for _ in range(5):
        attempt(store, "sai", "08:01")
    version = store.accounts.rows["dv.an"].version
    accounts.unlock(store, ADMIN, clock_at("08:03"), username="dv.an", version=version)
    assert attempt(store, "đúng-mật-khẩu", "08:04") is SignInOutcome.SIGNED_IN
    version = store.accounts.rows["dv.an"].version
    accounts.set_role(
        store, ADMIN, clock_at("08:05"), username="dv.an", version=version, role=Role.SHIFT_LEAD
    )
    assert store.accounts.rows["dv.an"].role is Role.SHIFT_LEAD
    with pytest.raises(StaleEdit):
        accounts.set_role(
            store, ADMIN, clock_at("08:06"), username="dv.an", version=version, role=Role.VIEWER
        )


def test_own_password_needs_the_old_one_others_need_an_administrator() -> None:
    store = with_dispatcher()
    me = store.accounts.rows["dv.an"].user
    version = store.accounts.rows["dv.an"].version
    with pytest.raises(PermissionDenied, match="present password"):
        accounts.change_password(
            store, me, clock_at("09:00"), username="dv.an", version=version,
            new_password="mật-khẩu-mới", old_password="sai",
        )  # fmt: skip
    accounts.change_password(
        store, me, clock_at("09:00"), username="dv.an", version=version,
        new_password="mật-khẩu-mới", old_password="đúng-mật-khẩu",
    )  # fmt: skip
    assert attempt(store, "mật-khẩu-mới", "09:01") is SignInOutcome.SIGNED_IN
    with pytest.raises(PermissionDenied):  # a dispatcher cannot reset a colleague's password
        accounts.change_password(
            store, a_user(Role.DISPATCHER, "dv.khac"), clock_at("09:02"), username="dv.an",
            version=store.accounts.rows["dv.an"].version, new_password="xxxxxxxxxx",
        )  # fmt: skip


def test_a_hash_with_old_parameters_is_renewed_at_sign_in() -> None:
    store = a_store()
    salt = b"0123456789abcdef"
    key = hashlib.scrypt(b"old password", salt=salt, n=2**10, r=8, p=1, dklen=32)
    old = f"scrypt$1024$8$1${base64.b64encode(salt).decode()}${base64.b64encode(key).decode()}"
    store.accounts.add(Account("cu", "Cũ", Role.VIEWER, old))
    result = accounts.sign_in(store, clock_at("08:00"), username="cu", password="old password")
    assert result.outcome is SignInOutcome.SIGNED_IN
    renewed = store.accounts.rows["cu"].password_hash
    assert not needs_rehash(renewed) and verify_password("old password", renewed)
