"""User accounts (`ops.stores.AccountRepository`) in the users table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, exists, insert, select, update
from sqlalchemy.orm import Session

from db.models import UserRow
from ops.access.roles import Role
from ops.access.signin import Account
from ops.errors import InvalidOperation, NotFound, StaleEdit

if TYPE_CHECKING:
    from db.database import Database

_T = cast(Table, UserRow.__table__)


def read_accounts(db: Database) -> list[Account]:
    """Every account, by user name, in a read of its own (`accounts list`)."""
    with db.session() as s:
        return AccountRepository(s).list_all()


def has_accounts(db: Database) -> bool:
    """The database holds at least one account (without one, nobody can sign in)."""
    with db.session() as s:
        return bool(s.scalar(select(exists().select_from(_T))))


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self._s = session

    def get(self, username: str) -> Account | None:
        row = self._s.execute(select(_T).where(_T.c.username == username)).first()
        return None if row is None else _account(row)

    def list_all(self) -> list[Account]:
        return [_account(r) for r in self._s.execute(select(_T).order_by(_T.c.username))]

    def add(self, account: Account) -> Account:
        if self.get(account.username) is not None:
            raise InvalidOperation("the user name {username} is taken", username=account.username)
        self._s.execute(insert(_T).values(username=account.username, version=1, **_values(account)))
        return Account(
            account.username, account.display_name, account.role, account.password_hash,
            account.failed_attempts, account.locked_until, account.active, 1,
        )  # fmt: skip

    def update(self, account: Account, *, expected_version: int) -> Account:
        result = self._s.execute(
            update(_T)
            .where(_T.c.username == account.username, _T.c.version == expected_version)
            .values(version=expected_version + 1, **_values(account))
        )
        if not result.rowcount:  # type: ignore[attr-defined]
            stored = self._s.execute(
                select(_T.c.version).where(_T.c.username == account.username)
            ).scalar()
            if stored is None:
                raise NotFound("no account {username}", username=account.username)
            raise StaleEdit(
                "account {username} was changed by someone else",
                username=account.username,
                seen=expected_version,
                stored=stored,
            )
        return Account(
            account.username, account.display_name, account.role, account.password_hash,
            account.failed_attempts, account.locked_until, account.active, expected_version + 1,
        )  # fmt: skip


def _values(a: Account) -> dict[str, Any]:
    return {
        "full_name": a.display_name,
        "role": a.role.value,
        "password_hash": a.password_hash,
        "failed_attempts": a.failed_attempts,
        "locked_until": a.locked_until,
        "active": a.active,
    }


def _account(r: Any) -> Account:
    return Account(
        username=r.username,
        display_name=r.full_name,
        role=Role(r.role),
        password_hash=r.password_hash,
        failed_attempts=r.failed_attempts,
        locked_until=r.locked_until,
        active=r.active,
        version=r.version,
    )
