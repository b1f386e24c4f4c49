"""Every value the program names has a name in every language, and only values that exist."""

from __future__ import annotations

from enum import Enum

import pytest

from ops.access.roles import Permission, Role
from ops.causes import CauseGroup
from ops.crews.records import CrewStatus, CrewType
from ops.network.records import DeviceKind
from ops.notices.recipients import ChannelKind
from ops.notices.schedule import NoticeKind, NoticeState
from ops.outages.deadlines import DeadlineKind, DeadlineState
from ops.outages.journal import EntryKind
from ops.outages.records import EtrSource, OutageKind, OutageStatus
from ops.outages.situation import SupplyState
from ops.planned.records import PlanStatus
from ops.policy import Basis
from ops.wording import LANGUAGES, label, labels_of, table

LABELLED: tuple[type[Enum], ...] = (
    OutageStatus, OutageKind, EtrSource, CrewStatus, CrewType, DeadlineKind, DeadlineState,
    Basis, PlanStatus, NoticeKind, NoticeState, ChannelKind, DeviceKind, SupplyState, Role,
    Permission, EntryKind, CauseGroup,
)  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_member_of_every_labelled_enum_has_a_label(language: str) -> None:
    for enum in LABELLED:
        for member in enum:
            assert label(member, language).strip(), f"{language}: {enum.__name__}.{member.name}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_table_names_only_members_that_exist(language: str) -> None:
    wanted = {enum.__name__: {m.name for m in enum} for enum in LABELLED}
    assert {name: set(names) for name, names in table(language).items()} == wanted


def test_members_equal_as_text_keep_their_own_names() -> None:
    # StrEnum members equal their values: "cancelled" is an outage's, a plan's and a notice's.
    assert OutageStatus.CANCELLED == PlanStatus.CANCELLED
    assert label(OutageKind.PLANNED) == "Cắt điện kế hoạch"
    assert label(SupplyState.PLANNED) == "Cắt điện theo kế hoạch"
    assert label(OutageStatus.RESTORED, "en") == "Restored"
    assert labels_of(NoticeState)[NoticeState.CANCELLED] == "Đã hủy"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no labels in 'fr'"):
        label(OutageStatus.RESTORED, "fr")
