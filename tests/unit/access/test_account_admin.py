"""Administering accounts: the password rule, disabling, and the last administrator kept."""

from __future__ import annotations

import pytest

from ops.access import accounts
from ops.access.roles import Role, User
from ops.access.signin import SignInOutcome
from ops.errors import InvalidOperation, PermissionDenied
from tests.unit.memory_store import MemoryStore
from tests.unit.operation_builders import a_store, a_user, clock_at

SYSTEM = User("cli:root", "command line (root)", Role.ADMINISTRATOR)
RULE = "at least 8 characters, not only digits, and not the user name"


def with_accounts(*named: tuple[str, Role]) -> MemoryStore:
    store = a_store()
    for username, role in named:
        accounts.create_account(
            store, SYSTEM, clock_at("08:00"), username=username, display_name="",
            role=role, password="đủ-dài-rồi",
        )  # fmt: skip
    return store


@pytest.mark.parametrize(
    ("password", "problem"),
    [("short", "too short"), ("0912345678", "only digits"), ("Quantri.An", "the user name"),
     (" quantri.an ", "the user name")],
)  # fmt: skip
def test_a_weak_password_is_refused_with_the_whole_rule(password: str, problem: str) -> None:
    assert accounts.password_problem(password, "quantri.an") == problem
    with pytest.raises(InvalidOperation, match=RULE) as refused:
        accounts.create_account(
            a_store(), SYSTEM, clock_at("08:00"), username="quantri.an", display_name="",
            role=Role.ADMINISTRATOR, password=password,
        )  # fmt: skip
    assert refused.value.params["problem"] == problem


@pytest.mark.parametrize("password", ["demo1234", "mật khẩu", "12345678a", "quantri.an!"])
def test_a_password_within_the_rule_is_accepted(password: str) -> None:
    assert accounts.password_problem(password, "quantri.an") is None


def test_a_reset_password_follows_the_same_rule() -> None:
    store = with_accounts(("dv.an", Role.DISPATCHER))
    version = store.accounts.rows["dv.an"].version
    with pytest.raises(InvalidOperation, match=RULE):
        accounts.change_password(
            store, SYSTEM, clock_at("09:00"), username="dv.an", version=version,
            new_password="DV.AN",
        )  # fmt: skip


def test_a_disabled_account_cannot_sign_in_and_disabling_twice_changes_nothing() -> None:
    store = with_accounts(("admin", Role.ADMINISTRATOR), ("dv.an", Role.DISPATCHER))
    version = store.accounts.rows["dv.an"].version
    changes = accounts.disable(store, SYSTEM, clock_at("09:00"), username="dv.an", version=version)
    assert changes.accounts == {"dv.an"} and not store.accounts.rows["dv.an"].active
    result = accounts.sign_in(store, clock_at("09:01"), username="dv.an", password="đủ-dài-rồi")
    assert result.outcome is SignInOutcome.DISABLED and result.user is None
    again = accounts.disable(
        store, SYSTEM, clock_at("09:02"), username="dv.an", version=version + 1
    )
    assert again.is_empty
    with pytest.raises(PermissionDenied):
        accounts.disable(
            store, a_user(Role.SHIFT_LEAD), clock_at("09:03"), username="admin", version=1
        )


def test_the_last_active_administrator_keeps_the_rights() -> None:
    store = with_accounts(("admin", Role.ADMINISTRATOR))
    last = "admin is the last active administrator: make another account administrator first"
    with pytest.raises(InvalidOperation, match=last):
        accounts.set_role(
            store, SYSTEM, clock_at("09:00"), username="admin", version=1, role=Role.VIEWER
        )
    with pytest.raises(InvalidOperation, match=last):
        accounts.disable(store, SYSTEM, clock_at("09:00"), username="admin", version=1)
    admin = store.accounts.rows["admin"].user
    with pytest.raises(InvalidOperation, match="cannot disable their own account"):
        accounts.disable(store, admin, clock_at("09:00"), username="admin", version=1)

    accounts.create_account(
        store, SYSTEM, clock_at("09:01"), username="admin2", display_name="",
        role=Role.ADMINISTRATOR, password="một mật khẩu khác",
    )  # fmt: skip
    accounts.disable(store, SYSTEM, clock_at("09:02"), username="admin", version=1)
    with pytest.raises(InvalidOperation, match="admin2 is the last active administrator"):
        accounts.set_role(
            store, SYSTEM, clock_at("09:03"), username="admin2", version=1, role=Role.DISPATCHER
        )
    accounts.set_role(  # a disabled administrator's role may change: it counts for nobody
        store, SYSTEM, clock_at("09:04"), username="admin", version=2, role=Role.VIEWER
    )
    assert store.accounts.rows["admin"].role is Role.VIEWER
