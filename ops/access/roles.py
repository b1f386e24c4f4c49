"""Who may do what: roles, the permission matrix, and the check every domain service makes.

Greyed-out buttons are a courtesy; the refusal that counts is `require` inside the service,
so a viewer calling a service directly is refused all the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ops.errors import PermissionDenied


class Role(StrEnum):
    DISPATCHER = "dispatcher"  # điều độ viên
    SHIFT_LEAD = "shift_lead"  # trưởng ca
    CALL_TAKER = "call_taker"  # tổng đài viên
    VIEWER = "viewer"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    VIEW = "view"
    RECORD_OUTAGE = "record_outage"  # a trip, or a prediction from calls
    CONFIRM_OUTAGE = "confirm_outage"
    OPERATE_DEVICE = "operate_device"  # switching steps in the model
    ASSIGN_CREW = "assign_crew"  # assign, release, crew status
    CHANGE_ETR = "change_etr"
    ADD_REMARK = "add_remark"
    CORRECT_ENTRY = "correct_entry"
    EXPLAIN_BREACH = "explain_breach"  # the reason a deadline was missed
    CLOSE_OUTAGE = "close_outage"
    CANCEL_OUTAGE = "cancel_outage"
    CLASSIFY_CAUSE = "classify_cause"  # put an outage's cause into a category afterwards
    APPROVE_PLAN = "approve_plan"
    MANAGE_USERS = "manage_users"
    MANAGE_CREWS = "manage_crews"  # the office's roster: add, edit, retire crews
    PRINT_REPORTS = "print_reports"
    EDIT_TEMPLATES = "edit_templates"  # the notice texts customers receive


_P = Permission
_DISPATCH = frozenset(
    {
        _P.VIEW,
        _P.RECORD_OUTAGE,
        _P.CONFIRM_OUTAGE,
        _P.OPERATE_DEVICE,
        _P.ASSIGN_CREW,
        _P.CHANGE_ETR,
        _P.ADD_REMARK,
        _P.CORRECT_ENTRY,
        _P.EXPLAIN_BREACH,
        _P.CLOSE_OUTAGE,
        _P.CANCEL_OUTAGE,
        _P.PRINT_REPORTS,
    }
)

PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.DISPATCHER: _DISPATCH,
    Role.SHIFT_LEAD: _DISPATCH
    | {_P.APPROVE_PLAN, _P.MANAGE_CREWS, _P.EDIT_TEMPLATES, _P.CLASSIFY_CAUSE},
    # The call taker tells callers what is known and records what they report, nothing more.
    Role.CALL_TAKER: frozenset({_P.VIEW, _P.RECORD_OUTAGE, _P.ADD_REMARK}),
    Role.VIEWER: frozenset({_P.VIEW, _P.PRINT_REPORTS}),
    # Accounts, not operations: the administrator is IT, not a dispatcher.
    Role.ADMINISTRATOR: frozenset(
        {_P.VIEW, _P.MANAGE_USERS, _P.MANAGE_CREWS, _P.PRINT_REPORTS, _P.EDIT_TEMPLATES}
    ),
}


@dataclass(frozen=True, slots=True)
class User:
    """The signed-in person an action is done by."""

    username: str
    display_name: str
    role: Role
    active: bool = True


def can(user: User, permission: Permission) -> bool:
    """The user's role allows the permission (and the account is active)."""
    return user.active and permission in PERMISSIONS[user.role]


def require(user: User, permission: Permission) -> None:
    """Raise PermissionDenied unless the user may do this."""
    if not user.active:
        raise PermissionDenied(
            "the account {username} is disabled",
            username=user.username,
            permission=permission,
        )
    if permission not in PERMISSIONS[user.role]:
        raise PermissionDenied(
            "a {role} may not {permission}",
            username=user.username,
            role=user.role,
            permission=permission,
        )
