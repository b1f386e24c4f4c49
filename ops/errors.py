"""Domain errors: refusals the dispatcher reads, with a plain English message and its parts.

Each error has a stable `code` and the `params` its message was made from, so the console
can show it in Vietnamese without parsing English text.
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A rule of the domain refused an action; nothing was changed."""

    code = "domain_error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params: Mapping[str, object] = params

    def __str__(self) -> str:
        return self.message


class InvalidTransition(DomainError):  # noqa: N818 (named for what the user is told)
    """A status change the lifecycle does not allow (or allows only with something missing)."""

    code = "invalid_transition"


class PermissionDenied(DomainError):  # noqa: N818 (named for what the user is told)
    """The acting user's role does not allow the action."""

    code = "permission_denied"


class StaleEdit(DomainError):  # noqa: N818 (named for what the user is told)
    """Someone else changed the record since the user saw it: reload and decide again."""

    code = "stale_edit"


class NotFound(DomainError):  # noqa: N818 (named for what the user is told)
    """The record the action names does not exist (any more)."""

    code = "not_found"


class InvalidOperation(DomainError):  # noqa: N818 (named for what the user is told)
    """A device operation or another action that does not fit the present state."""

    code = "invalid_operation"


class UnknownCause(DomainError):  # noqa: N818 (named for what the user is told)
    """A cause category that is not in the policy profile's list."""

    code = "unknown_cause"
