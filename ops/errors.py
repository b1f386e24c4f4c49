"""Domain errors: refusals the dispatcher reads, made from a message shape and its values.

Each error has a stable `code`, a `shape` (the English message with `{name}` holes, written
literally at the raise site: it is the message's identity) and the `params` that fill it.
`str(error)` is the English message; the console translates the shape and fills it with the
same values in the interface language (`ops.wording.refusals`). A raise site never formats the
message itself: `raise NotFound("no account {username}", username=name)`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ops.wording.refusals import render


class DomainError(Exception):
    """A rule of the domain refused an action; nothing was changed."""

    code = "domain_error"

    def __init__(self, shape: str, **params: object) -> None:
        self.shape = shape
        self.params: Mapping[str, object] = params
        self.message = render(shape, params, "en")
        super().__init__(self.message)

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
