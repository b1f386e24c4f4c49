"""Roles and permissions, password hashes, and the lock-out arithmetic."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from ops.access.roles import PERMISSIONS, Permission, Role, User, can, require
from ops.access.signin import (
    Account,
    LockoutPolicy,
    SignInOutcome,
    SignInState,
    after_failure,
    after_success,
    check_sign_in,
    hash_password,
    is_locked,
    needs_rehash,
    verify_password,
)
from ops.errors import PermissionDenied
from tests.unit.operation_builders import a_user, at, minutes

P = Permission


def test_every_role_has_a_row() -> None:
    assert set(PERMISSIONS) == set(Role)


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (Role.VIEWER, {P.VIEW, P.PRINT_REPORTS}, {P.RECORD_OUTAGE, P.OPERATE_DEVICE}),
        (Role.CALL_TAKER, {P.RECORD_OUTAGE, P.ADD_REMARK}, {P.OPERATE_DEVICE, P.CLOSE_OUTAGE}),
        (Role.DISPATCHER, {P.OPERATE_DEVICE, P.ASSIGN_CREW, P.CLOSE_OUTAGE}, {P.APPROVE_PLAN}),
        (Role.SHIFT_LEAD, {P.APPROVE_PLAN, P.OPERATE_DEVICE}, {P.MANAGE_USERS}),
        (Role.ADMINISTRATOR, {P.MANAGE_USERS}, {P.OPERATE_DEVICE, P.CHANGE_ETR}),
    ],
)
def test_the_matrix(role: Role, allowed: set[Permission], refused: set[Permission]) -> None:
    user = a_user(role)
    assert all(can(user, p) for p in allowed)
    assert not any(can(user, p) for p in refused)


def test_require_refuses_with_a_plain_message() -> None:
    with pytest.raises(PermissionDenied, match="a call taker may not operate device") as refused:
        require(a_user(Role.CALL_TAKER), P.OPERATE_DEVICE)
    assert refused.value.code == "permission_denied"
    assert refused.value.params["permission"] == "operate_device"
    require(a_user(Role.DISPATCHER), P.OPERATE_DEVICE)


def test_a_disabled_account_may_do_nothing() -> None:
    gone = User("dv.cu", "Cũ", Role.DISPATCHER, active=False)
    assert not can(gone, P.VIEW)
    with pytest.raises(PermissionDenied, match="disabled"):
        require(gone, P.VIEW)


def test_password_hash_is_self_describing_salted_and_verifies() -> None:
    encoded = hash_password("Mật khẩu 2026")
    scheme, n, r, p, salt, key = encoded.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert verify_password("Mật khẩu 2026", encoded)
    assert not verify_password("mật khẩu 2026", encoded)
    assert hash_password("Mật khẩu 2026") != encoded  # a fresh salt every time
    assert not needs_rehash(encoded)


def test_old_parameters_still_verify_and_ask_for_a_rehash() -> None:
    import hashlib

    salt = b"0123456789abcdef"
    key = hashlib.scrypt(b"secret-pw", salt=salt, n=2**10, r=8, p=1, dklen=32)
    old = "$".join(
        [
            "scrypt",
            "1024",
            "8",
            "1",
            base64.b64encode(salt).decode(),
            base64.b64encode(key).decode(),
        ]
    )
    assert verify_password("secret-pw", old) and needs_rehash(old)


@pytest.mark.parametrize("bad", ["", "bcrypt$x", "scrypt$a$8$1$AAAA$AAAA", "scrypt$1$8$1$!!$AAAA"])
def test_an_unreadable_hash_is_an_error_not_a_match(bad: str) -> None:
    with pytest.raises(ValueError, match="not a scrypt password hash"):
        verify_password("x", bad)


POLICY = LockoutPolicy(max_failures=5, lock_for=minutes(15))


def test_five_failures_lock_for_fifteen_minutes() -> None:
    state = SignInState()
    for k in range(4):
        state = after_failure(state, at("08:00"), POLICY)
        assert state.failed_attempts == k + 1 and not is_locked(state, at("08:00"))
    state = after_failure(state, at("08:01"), POLICY)
    assert state.locked_until == at("08:16")
    assert is_locked(state, at("08:15", seconds=59))
    assert not is_locked(state, at("08:16"))
    # Attempts while locked neither count nor extend the lock.
    assert after_failure(state, at("08:10"), POLICY) == state
    # After the lock the count starts again.
    again = after_failure(state, at("08:20"), POLICY)
    assert again == SignInState(1, None)
    assert after_success() == SignInState()


def _account(**overrides: object) -> Account:
    fields: dict[str, object] = {
        "username": "dv.an",
        "display_name": "Nguyễn Văn An",
        "role": Role.DISPATCHER,
        "password_hash": hash_password("correct horse"),
    }
    fields.update(overrides)
    return Account(**fields)  # type: ignore[arg-type]


def test_sign_in_outcomes() -> None:
    account = _account()
    ok = check_sign_in(account, "correct horse", at("08:00"), POLICY)
    assert ok.outcome is SignInOutcome.SIGNED_IN and ok.user == account.user
    wrong = check_sign_in(account, "wrong", at("08:00"), POLICY)
    assert wrong.outcome is SignInOutcome.REFUSED and wrong.state.failed_attempts == 1
    fifth = check_sign_in(_account(failed_attempts=4), "wrong", at("08:00"), POLICY)
    assert fifth.outcome is SignInOutcome.LOCKED and fifth.locked_until == at("08:15")
    locked = _account(failed_attempts=5, locked_until=at("08:15"))
    # Even the right password is refused while locked.
    assert (
        check_sign_in(locked, "correct horse", at("08:05"), POLICY).outcome is SignInOutcome.LOCKED
    )
    after = check_sign_in(locked, "correct horse", at("08:15"), POLICY)
    assert after.outcome is SignInOutcome.SIGNED_IN and after.state == SignInState()
    unknown = check_sign_in(None, "x", at("08:00"), POLICY)
    assert unknown.outcome is SignInOutcome.REFUSED and unknown.user is None
    disabled = check_sign_in(_account(active=False), "correct horse", at("08:00"), POLICY)
    assert disabled.outcome is SignInOutcome.DISABLED
    assert POLICY.lock_for == timedelta(minutes=15)
