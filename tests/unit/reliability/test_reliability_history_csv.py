"""Historical interruptions from CSV: every row good, or nothing, with problems by line number."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ops.reliability import InvalidInterruptionsFile, parse_interruptions_csv

HEADER = "interruption_id,start,end,customers,planned,cause,feeder,device,operations\n"


def parse(text: str) -> list[str]:
    """The problem lines of a file that must be refused."""
    with pytest.raises(InvalidInterruptionsFile) as caught:
        parse_interruptions_csv(text.encode())
    return str(caught.value).splitlines()


def test_a_good_file_with_offsets_local_times_and_defaults() -> None:
    records = parse_interruptions_csv(
        (
            HEADER
            + "A1,2026-01-31T23:30:00,2026-02-01T00:30:00,120,0,tree,F471,REC-12,\n"
            + "A2,2026-01-31T16:30:00Z,2026-01-31T16:31:00+00:00,300,0,recloser,,,2\n"
            + 'A3,2026-03-02 08:00+07:00,2026-03-02 12:00+07:00,45,1,"bảo trì, định kỳ",F472,,1\n'
        ).encode()
    )
    a1, a2, a3 = records
    # No offset = local Asia/Ho_Chi_Minh: 23:30 local is 16:30 UTC.
    assert a1.start == datetime(2026, 1, 31, 16, 30, tzinfo=UTC)
    assert (a1.customers, a1.planned, a1.feeder, a1.device, a1.operations) == (
        120,
        False,
        "F471",
        "REC-12",
        1,  # operations empty: 1
    )
    assert a2.start == a1.start and not a2.is_sustained()  # one minute: momentary
    assert (a2.feeder, a2.device, a2.operations) == (None, None, 2)
    assert a3.planned and a3.cause == "bảo trì, định kỳ"
    assert a3.duration.total_seconds() == 4 * 3600


def test_bad_rows_are_reported_by_line_number_and_nothing_is_returned() -> None:
    lines = parse(
        HEADER
        + "A1,2026-01-05T08:00,2026-01-05T09:00,10,0,tree,F1,,\n"  # line 2: good
        + "A2,2026-01-05T09:00,2026-01-05T08:00,10,0,tree,F1,,\n"  # 3: ends before it starts
        + "A3,2026-01-05T08:00,2026-01-05T09:00,-4,0,tree,F1,,\n"  # 4: negative customers
        + "A1,2026-01-06T08:00,2026-01-06T09:00,10,0,tree,F1,,\n"  # 5: duplicate of line 2
        + "A5,2026-01-05T08:00,2026-01-05T09:00,10,yes,tree,F1,,\n"  # 6: planned not 0/1
        + "A6,05/01/2026 08:00,2026-01-05T09:00,10,0,tree,F1,,\n"  # 7: not ISO 8601
        + "A7,2026-01-05T08:00,2026-01-05T09:00,10,0,tree\n"  # 8: too few values
        + "A8,2026-01-05T08:00,2026-01-05T09:00,10,0,tree,F1,,0\n"  # 9: operations 0
        + "A9,2026-01-05,2026-01-05T09:00,ten,0,,F1,,\n"  # 10: no time, customers, cause
    )
    assert lines[0] == "No interruption was imported: 10 problems."
    assert "line 3: end 2026-01-05T08:00 is before start 2026-01-05T09:00" in lines
    assert "line 4: customers is negative (-4)" in lines
    assert "line 5: interruption_id 'A1' is also on line 2" in lines
    assert "line 6: planned must be 0 or 1, not 'yes'" in lines
    assert any(
        line.startswith("line 7: start '05/01/2026 08:00' is not an ISO 8601") for line in lines
    )
    assert "line 8: 6 values, the header names 9" in lines
    assert "line 9: operations must be 1 or more, not 0" in lines
    assert "line 10: start '2026-01-05' has a date but no time of day" in lines
    assert "line 10: customers 'ten' is not a whole number" in lines
    assert "line 10: cause is empty" in lines


def test_a_repeated_mistake_shows_five_examples_and_counts_the_rest() -> None:
    rows = "".join(f"B{k},2026-01-05T08:00,2026-01-05T09:00,10,true,tree,F1,,\n" for k in range(8))
    lines = parse(HEADER + rows)
    assert lines[1:] == [
        *(f"line {k}: planned must be 0 or 1, not 'true'" for k in range(2, 7)),
        "  … and 3 more like it",
    ]


def test_unknown_and_missing_columns_stop_before_any_row() -> None:
    lines = parse(
        "interruption_id,start,finish,customers,planned,cause,feeder,device,operations,extra\n"
        "A1,2026-01-05T08:00,2026-01-05T09:00,10,0,tree,F1,,\n"
    )
    assert "line 1: unknown column: 'finish', 'extra'" in lines
    assert "line 1: missing column: end" in lines
    assert len(lines) == 3


def test_columns_may_come_in_any_order() -> None:
    [record] = parse_interruptions_csv(
        b"cause,interruption_id,customers,start,end,planned,feeder,device,operations\n"
        b"tree,A1,10,2026-01-05T08:00+07:00,2026-01-05T09:00+07:00,1,F1,,\n"
    )
    assert (record.interruption_id, record.customers, record.planned) == ("A1", 10, True)


def test_a_file_not_in_utf8_is_refused_naming_the_line() -> None:
    text = HEADER + "A1,2026-01-05T08:00,2026-01-05T09:00,10,0,cây đổ,F1,,\n"
    with pytest.raises(InvalidInterruptionsFile) as caught:
        parse_interruptions_csv(text.encode("cp1258", errors="replace"))
    assert caught.value.codes() == {"encoding"}
    assert str(caught.value).splitlines()[1].startswith("line 2: not UTF-8 (byte 0x")


def test_a_byte_order_mark_and_blank_lines_are_fine_and_an_empty_file_is_not() -> None:
    data = (
        "\ufeff" + HEADER + "\nA1,2026-01-05T08:00,2026-01-05T09:00,10,0,tree,F1,,\n\n"
    ).encode()
    assert [r.interruption_id for r in parse_interruptions_csv(data)] == ["A1"]
    assert parse_interruptions_csv(HEADER.encode()) == ()
    assert parse("")[1].startswith("line 1: the file is empty")


def test_line_numbers_stay_right_after_a_quoted_line_break() -> None:
    lines = parse(
        HEADER
        + 'A1,2026-01-05T08:00,2026-01-05T09:00,10,0,"tree\non the line",F1,,\n'  # lines 2-3
        + "A2,2026-01-05T08:00,2026-01-05T09:00,-1,0,tree,F1,,\n"  # line 4
    )
    assert "line 4: customers is negative (-1)" in lines
