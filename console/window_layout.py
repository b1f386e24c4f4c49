"""How the main window's parts are laid out, and the layout kept between starts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# Saved column layouts are keyed by version: a table that gains a column starts afresh.
HEADER_VERSIONS = {"outages": "v2", "crews": "v3"}


def make_table(
    parent: QWidget, name: str, model: QAbstractItemModel, view: QTableView | None = None
) -> QTableView:
    """A sortable table of whole-row single selection, compact rows."""
    view = view or QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def titled(parent: QWidget, title: str, body: QWidget, beside: Sequence[QWidget] = ()) -> QWidget:
    """A panel: a bold title (with `beside` to its right, the first one stretching), `body`."""
    panel = QWidget(parent)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    label = QLabel(title, panel)
    label.setStyleSheet("font-weight:bold;font-size:11pt;")
    row = QHBoxLayout()
    row.addWidget(label)
    for i, widget in enumerate(beside):
        row.addWidget(widget, 1 if i == 0 else 0)
    layout.addLayout(row)
    layout.addWidget(body)
    return panel


@dataclass(frozen=True, slots=True)
class Arrangement:
    main: QSplitter  # the map | everything else
    right: QSplitter  # outages / alerts / the lower tabs
    tabs: QTabWidget  # the crews, and the notices of planned work beside


def arrange(
    window: QMainWindow,
    *,
    banners: Sequence[QWidget],
    map_view: QWidget,
    outages: QWidget,
    alerts: QWidget,
    tabs: Sequence[tuple[QWidget, str]],
) -> Arrangement:
    """The map on the left; outages, alerts and the tabs stacked on the right."""
    right = QSplitter(Qt.Orientation.Vertical, window)
    right.setObjectName("rightSplitter")
    right.addWidget(outages)
    right.addWidget(alerts)
    lower = QTabWidget(window)
    lower.setObjectName("lowerTabs")
    for widget, label in tabs:
        lower.addTab(widget, label)
    right.addWidget(lower)
    for index, stretch in enumerate((4, 1, 2)):
        right.setStretchFactor(index, stretch)

    main = QSplitter(Qt.Orientation.Horizontal, window)
    main.setObjectName("mainSplitter")
    main.addWidget(map_view)
    main.addWidget(right)
    main.setStretchFactor(0, 3)
    main.setStretchFactor(1, 2)

    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for banner in banners:
        layout.addWidget(banner)
    layout.addWidget(main, 1)
    window.setCentralWidget(central)
    window.resize(1500, 900)
    main.setSizes([850, 650])
    return Arrangement(main, right, lower)


def restore(
    settings: QSettings,
    window: QMainWindow,
    arrangement: Arrangement,
    views: Mapping[str, QTableView],
) -> bool:
    """Put the window back as the user left it; False on a first start (nothing saved)."""
    geometry = settings.value("window/geometry")
    if geometry is None:
        return False
    window.restoreGeometry(geometry)
    for key, splitter in (("main", arrangement.main), ("right", arrangement.right)):
        state = settings.value(f"window/splitter_{key}")
        if state is not None:
            splitter.restoreState(state)
    for key, view in views.items():
        state = settings.value(f"window/header_{key}_{HEADER_VERSIONS[key]}")
        if state is not None:
            view.horizontalHeader().restoreState(state)
    return True


def save(
    settings: QSettings,
    window: QMainWindow,
    arrangement: Arrangement,
    views: Mapping[str, QTableView],
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter_main", arrangement.main.saveState())
    settings.setValue("window/splitter_right", arrangement.right.saveState())
    for key, view in views.items():
        settings.setValue(
            f"window/header_{key}_{HEADER_VERSIONS[key]}", view.horizontalHeader().saveState()
        )
