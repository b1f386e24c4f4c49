"""The outage table sorts in its model and filters in its proxy; selection survives both."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from console.outages.table import OUTAGE_ID_ROLE, Col, OutageFilter, OutageTableModel
from ops.outages.records import Outage, OutageKind, OutageStatus

T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def outage(n: int, customers: int, etr_hours: int | None, cause: str = "cây đổ") -> Outage:
    return Outage(
        outage_id=n, reference=f"SC-2026-{n:04d}", kind=OutageKind.UNPLANNED,
        status=OutageStatus.CONFIRMED, device_id=f"F-{n}", feeder_id="471", cause=cause,
        started_at=T0 + timedelta(minutes=n), reported_at=T0, restored_at=None,
        etr=T0 + timedelta(hours=etr_hours) if etr_hours is not None else None,
        etr_source=None, etr_confidence=None, etr_changes=0, customers_affected=customers,
        customers_out=customers, priority_customers=0, position=None,
    )  # fmt: skip


def ids_in_view(proxy: OutageFilter) -> list[int]:
    return [proxy.index(r, 0).data(OUTAGE_ID_ROLE) for r in range(proxy.rowCount())]


def table(qtbot, outages: list[Outage]) -> tuple[OutageTableModel, OutageFilter, QTableView]:  # type: ignore[no-untyped-def]
    model = OutageTableModel()
    proxy = OutageFilter()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    model.set_outages(outages, {"471": "Lộ 471"})
    return model, proxy, view


def test_sorting_orders_rows_and_keeps_the_selected_outage(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy, view = table(qtbot, [outage(1, 50, 3), outage(2, 900, None), outage(3, 7, 1)])
    view.selectionModel().setCurrentIndex(
        proxy.index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = view.currentIndex().data(OUTAGE_ID_ROLE)
    view.sortByColumn(Col.CUSTOMERS_OUT, Qt.SortOrder.DescendingOrder)
    assert ids_in_view(proxy) == [2, 1, 3]
    assert view.currentIndex().data(OUTAGE_ID_ROLE) == chosen
    view.sortByColumn(Col.CUSTOMERS_OUT, Qt.SortOrder.AscendingOrder)
    assert ids_in_view(proxy) == [3, 1, 2]
    # No ETR sorts last whichever the direction.
    view.sortByColumn(Col.ETR, Qt.SortOrder.AscendingOrder)
    assert ids_in_view(proxy) == [3, 1, 2]
    view.sortByColumn(Col.ETR, Qt.SortOrder.DescendingOrder)
    assert ids_in_view(proxy) == [1, 3, 2]
    assert view.currentIndex().data(OUTAGE_ID_ROLE) == chosen


def test_new_rows_arrive_in_the_chosen_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, proxy, view = table(qtbot, [outage(1, 50, 3), outage(2, 900, 2)])
    view.sortByColumn(Col.CUSTOMERS_OUT, Qt.SortOrder.DescendingOrder)
    model.set_outages(
        [outage(1, 50, 3), replace(outage(2, 900, 2), customers_out=10), outage(4, 60, 1)],
        {"471": "Lộ 471"},
    )
    assert ids_in_view(proxy) == [4, 1, 2]


def test_the_filter_matches_any_column_ignoring_case(qtbot) -> None:  # type: ignore[no-untyped-def]
    _model, proxy, _view = table(
        qtbot, [outage(1, 50, 3, "Cây đổ"), outage(2, 900, 2, "sét đánh"), outage(3, 7, 1)]
    )
    proxy.set_text("CÂY")
    assert sorted(ids_in_view(proxy)) == [1, 3]
    proxy.set_text("sc-2026-0002")
    assert ids_in_view(proxy) == [2]
    proxy.set_text("lộ 471")  # the feeder's name, not its id
    assert len(ids_in_view(proxy)) == 3
    proxy.set_text("")
    assert len(ids_in_view(proxy)) == 3


def test_rows_update_in_place_keep_the_order_and_the_selection(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy, view = table(qtbot, [outage(1, 50, 3), outage(2, 900, None), outage(3, 7, 1)])
    view.sortByColumn(Col.CUSTOMERS_OUT, Qt.SortOrder.DescendingOrder)
    view.selectionModel().setCurrentIndex(
        proxy.index(1, 0),  # outage 1
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))

    model.update_outages([replace(outage(1, 50, 3), cause="đứt dây")])  # stays in place
    assert ids_in_view(proxy) == [2, 1, 3]
    assert "đứt dây" in proxy.index(1, Col.CAUSE).data()
    model.update_outages([replace(outage(3, 7, 1), customers_out=5_000)])  # moves to the top
    assert ids_in_view(proxy) == [3, 2, 1]
    model.update_outages([outage(4, 60, 2)], removed={2})  # one arrives, one leaves
    assert ids_in_view(proxy) == [3, 4, 1]

    assert view.currentIndex().data(OUTAGE_ID_ROLE) == 1
    assert not resets
    qtmodeltester.check(model)
